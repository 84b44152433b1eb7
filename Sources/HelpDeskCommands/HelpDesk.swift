import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore
import NcursesTerminal

/// `helpdesk`: the service desk's console and command line.
public struct HelpDesk: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "helpdesk",
        abstract: "Service desk for the Qinghai pension-insurance information system (机关事业单位养老保险信息管理系统).",
        discussion: """
            With no subcommand, opens the console. Times are ISO 8601 with an offset \
            (2021-11-23T15:00:00+08:00); every rule runs in Beijing time.
            """,
        subcommands: [
            CaseCommand.self, FaultCommand.self, ListCommand.self, ShowCommand.self, SLACommand.self,
            CalendarCommand.self, DemoCommand.self, StaffCommand.self, EscalateCommand.self, NotifyCommand.self,
            KPICommand.self, ConfigCommand.self,
        ]
    )

    @OptionGroup public var global: GlobalOptions

    @Option(help: ArgumentHelp("The console's theme: dark, light, high-contrast, or a theme file (default: $HELPDESK_THEME, else dark).", valueName: "name"))
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
        let (chosen, problem) = ThemeLoader.load(requested, environment: environment)
        if let problem { FileHandle.standardError.write(Data("helpdesk: \(TerminalText.sanitize(problem))\n".utf8)) }
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        let terminal: NcursesTerminal
        do { terminal = try NcursesTerminal(options: .init(color: !noColor)) } catch {
            throw UsageError("cannot open the terminal: \(error)")
        }
        defer { terminal.close() }
        ConsoleRunner(env: env, terminal: terminal, theme: chosen, startupMessage: problem).run()
    }

    /// Runs the command line and exits: 0 on success, 2 for bad input (with a message on standard
    /// error saying what was wrong and what is accepted), 1 when something else failed.
    public static func run(arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never {
        do {
            var command = try parseAsRoot(arguments)
            try command.run()
            Foundation.exit(0)
        } catch {
            let (message, status) = describe(error)
            if status == 0 {
                print(message)
                Foundation.exit(0)
            }
            // Messages quote what was typed; its control characters never reach the terminal raw.
            FileHandle.standardError.write(Data("helpdesk: \(TerminalText.sanitize(message))\n".utf8))
            Foundation.exit(status)
        }
    }

    /// The language of error messages: `--lang` if given, else the locale's.
    static var messageLanguage: Language {
        let args = CommandLine.arguments
        if let i = args.firstIndex(of: "--lang"), i + 1 < args.count, let lang = Language(rawValue: args[i + 1]) { return lang }
        if let arg = args.first(where: { $0.hasPrefix("--lang=") }), let lang = Language(rawValue: String(arg.dropFirst(7))) { return lang }
        return Language.from(environment: ProcessInfo.processInfo.environment)
    }

    /// The message and exit status for an error.
    static func describe(_ error: Error) -> (String, Int32) {
        switch error {
        case let e as UsageError: return (e.message, 2)
        case let e as StoreError:
            return (e.message(messageLanguage), 2)
        case let e as TimeParseError: return (e.description, 2)
        case let e as HolidayYear.InvalidFile: return ("calendar file refused, nothing was stored: \(e.reason)", 2)
        case let e as BusinessHours.InvalidHours: return (e.description, 2)
        default:
            let code = exitCode(for: error)
            let text = fullMessage(for: error)
            if code == .success { return (text, 0) }
            if code == .validationFailure { return (text.replacingOccurrences(of: "Error: ", with: ""), 2) }
            return ("\(error)", 1)
        }
    }
}

/// Bad input found by the command line itself (exit status 2).
public struct UsageError: Error, Equatable {
    public let message: String
    public init(_ message: String) { self.message = message }
}

/// Options every command accepts, before or after the subcommand.
public struct GlobalOptions: ParsableArguments {
    @Option(help: ArgumentHelp("The database file (default: $HELPDESK_DB, else helpdesk.sqlite under $XDG_DATA_HOME/helpdesk).", valueName: "path"))
    public var db: String?

    @Option(help: ArgumentHelp("The time the program takes as now, ISO 8601 with an offset (default: $HELPDESK_NOW, else the clock). For tests and demos.", valueName: "time"))
    public var now: String?

    @Flag(help: "Print reads as JSON, in a stable shape for scripts.")
    public var json = false

    @Option(help: ArgumentHelp("Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES, LANG).", valueName: "zh|en"))
    public var lang: Language?

    @Flag(help: "Use the demo database ($XDG_DATA_HOME/helpdesk/demo.sqlite, filled with realistic data on first use) instead of --db; never the real one.")
    public var demo = false

    public init() {}
}

extension Language: ExpressibleByArgument {}
