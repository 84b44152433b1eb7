import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore
import NcursesTerminal

/// `helpdesk`: the service desk's console and command line.
public struct HelpDesk: ParsableCommand {
    public static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "helpdesk",
        abstract: HelpDesk.say(Catalog.Help.Items.Root.abstract),
        discussion: HelpDesk.say(Catalog.Help.Items.Root.discussion),
        subcommands: [
            CaseCommand.self, FaultCommand.self, ListCommand.self, ShowCommand.self, SLACommand.self,
            CalendarCommand.self, DemoCommand.self, StaffCommand.self, EscalateCommand.self, NotifyCommand.self,
            TaskCommand.self, ChangeCommand.self, DeliveryCommand.self, DefectCommand.self, TrainCommand.self, KPICommand.self, ReportCommand.self, ConfigCommand.self, BackupCommand.self, RestoreCommand.self, DoctorCommand.self,
            InspectCommand.self, InventoryCommand.self,
            AttachCommand.self,
            RequesterCommand.self,
            MailInCommand.self,
            TemplateCommand.self,
        ]
    ) }

    @OptionGroup public var global: GlobalOptions

    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.theme), valueName: "name"))
    var theme: String?

    public init() {}

    /// Opens the console; when standard input or output is not a terminal, prints the CASE queue
    /// and the fault board instead.
    public mutating func run() throws {
        let env = try Environment(global)
        guard isatty(0) == 1, isatty(1) == 1 else {
            try Overview.print(env)
            return
        }
        let environment = ProcessInfo.processInfo.environment
        // --theme, then HELPDESK_THEME, then the configuration file's `theme`.
        let requested = theme ?? environment["HELPDESK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? env.configuration.theme
        let (chosen, problem) = ThemeLoader.load(requested, environment: environment, env.language)
        if let problem { Output.standardError("helpdesk: \(TerminalText.sanitize(problem))\n") }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        // Decided by what terminfo says the type can do, before the terminal is touched.
        if NcursesTerminal.abilities().cannotDraw {
            throw UsageError(Catalog.ConsoleFit.cannotDraw(TerminalText.sanitize(environment["TERM"] ?? "")))
        }
        let terminal: NcursesTerminal
        do { terminal = try NcursesTerminal(options: .init(color: !noColor)) } catch {
            throw UsageError(Catalog.Commands.cannotOpenTerminal("\(error)"))
        }
        defer { terminal.close() }
        let console = ConsoleRunner(env: env, terminal: terminal, theme: chosen, startupMessage: problem)
        console.run()
        if let signal = console.endedBy { throw EndedBySignal(signal: signal) }
    }

    /// The console ended on a signal (or its terminal hung up): the process ends by that signal
    /// once the terminal and the database are closed.
    struct EndedBySignal: Error {
        let signal: Int32
    }

    /// Runs the command line and exits: 0 on success, 2 for bad input (with a message on standard
    /// error saying what was wrong and what is accepted), 1 when something else failed.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        // The language is decided before parsing, so the parser's own refusals are said in it.
        LanguageChoice.decideOnce(arguments: arguments)
        do {
            if arguments == Array(CommandLine.arguments.dropFirst()), let bad = TextArguments.invalidArgument(TextArguments.rawArguments) {
                throw bad
            }
            var command = try parseAsRoot(arguments)
            try command.run()
            OpenedDatabase.close()
            Foundation.exit(0)
        } catch let exit as ExitCode {
            // A command that said what it found and sets the status itself (doctor).
            OpenedDatabase.close()
            Foundation.exit(exit.rawValue)
        } catch let ended as EndedBySignal {
            OpenedDatabase.close()
            NcursesTerminal.exit(bySignal: ended.signal)
        } catch {
            OpenedDatabase.close()
            var (message, status) = describe(error)
            if status == 2, let negative = NumberArguments.negativePositional(fullMessage(for: error), arguments: arguments) {
                message = negative
            }
            if status == 0 {
                print(message)
                Foundation.exit(0)
            }
            // Messages quote what was typed; its control characters never reach the terminal raw, but
            // a message of several lines (a usage summary) keeps its lines.
            Output.standardError("helpdesk: \(TerminalText.sanitize(message, keepNewlines: true))\n")
            Foundation.exit(status)
        }
    }

    /// The language of messages, decided once before parsing (`LanguageChoice`).
    static var messageLanguage: Language { LanguageChoice.current }

    /// A catalog text in the language of messages.
    static func say(_ text: LocalizedText) -> String { text(messageLanguage) }

    /// The message and exit status for an error, in the language of error messages.
    static func describe(_ error: Error) -> (String, Int32) {
        describe(error, messageLanguage)
    }

    static func describe(_ error: Error, _ lang: Language) -> (String, Int32) {
        switch error {
        case let e as UsageError: return (e.text.text(lang), 2)
        case let e as StoreError: return (e.message(lang), 2)
        case let e as TimeParseError: return (e.text(lang), 2)
        case let e as HolidayYear.InvalidFile:
            return (Catalog.Commands.calendarRefused(e.problem)(lang), 2)
        case let e as BusinessHours.InvalidHours: return (e.text(lang), 2)
        case let e as BackupRefusal: return (e.message(lang), 2)
        case _ where StorageFailure(error) != nil:
            // The database file failed during the command: the one that command opened.
            return (StorageFailure(error)!.message(path: OpenedDatabase.path ?? "?", lang), 2)
        default:
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success { return (lang == .zh ? ArgumentErrorText.chineseHelp(text) : text, 0) }
            if code == .validationFailure {
                let plain = ArgumentErrorText.namingAccepted(text.replacingOccurrences(of: "Error: ", with: ""))
                return (lang == .zh ? ArgumentErrorText.chinese(plain) : plain, 2)
            }
            return ("\(error)", 1)
        }
    }
}

/// Bad input found by the command line itself (exit status 2), said in the operator's language.
public struct UsageError: Error, Equatable {
    public let text: LocalizedText
    /// A message that reads the same in both languages (a path, a quoted error).
    public init(_ message: String) { text = LocalizedText(en: message, zh: message) }
    public init(en: String, zh: String) { text = LocalizedText(en: en, zh: zh) }
    /// A message of the catalog.
    public init(_ text: LocalizedText) { self.text = text }
    /// The English message.
    public var message: String { text.en }
}

/// Options every command accepts, before or after the subcommand.
public struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.db), valueName: "path"))
    public var db: String?

    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.now), valueName: "time"))
    public var now: String?

    @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.json)))
    public var json = false

    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.lang), valueName: "zh|en"))
    public var lang: Language?

    @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Root.demo)))
    public var demo = false

    public init() {}
}

extension Language: ExpressibleByArgument {}

/// The argument parser's own messages (a missing option, a value it cannot read, the usage
/// summary) said in Chinese: the sentences it writes are translated, the command's syntax stays.
enum ArgumentErrorText {
    static let patterns = Catalog.Commands.parserSentences

    /// The parser says what it accepts for a choice ("Please provide one of …") but not for a
    /// number (an id, --limit, --score): that is added, so every refusal names what is accepted.
    static func namingAccepted(_ text: String) -> String {
        text.replacingOccurrences(of: #"(The value '[^']*' is invalid for '[^']*')(\n|$)"#,
                                  with: "$1. Please provide a whole number, e.g. 12.$2", options: .regularExpression)
    }

    static func chinese(_ text: String) -> String { translate(text, patterns) }

    /// `--help` under Chinese: the parser's frame around the commands' own (already Chinese) texts.
    static func chineseHelp(_ text: String) -> String { translate(text, Catalog.Commands.helpFrame) }

    private static func translate(_ text: String, _ patterns: [(pattern: String, chinese: String)]) -> String {
        var out = text
        for (pattern, template) in patterns {
            out = out.replacingOccurrences(of: pattern, with: template, options: .regularExpression)
        }
        return out
    }
}
