import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `sla due KIND --at TIME [--explain]`.
struct SLACommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sla", abstract: "The contract's deadline rules.", subcommands: [Due.self])

    struct Due: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "due", 
            abstract: "Print the deadline of KIND started at TIME (general: received; special: confirmed; fault: reported).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("general, special, fault1, fault2 or fault3.", valueName: "kind")) var kind: String
        @OptionGroup var when: WhenOption<Happened.ClockStarts>
        @Flag(help: "Add the reasoning on the following lines.") var explain = false

        func run() throws {
            guard let deadlineKind = DeadlineKind(argument: kind) else {
                throw UsageError(en: "unknown kind '\(kind)'; accepted: \(DeadlineKind.argumentNames.joined(separator: ", "))",
                                 zh: "未知类别 '\(kind)'；可接受：\(DeadlineKind.argumentNames.joined(separator: "、"))")
            }
            let env = try Environment(global)
            let deadline = DeadlineRules(calendar: try env.database.calendar()).deadline(deadlineKind, from: try when.instant(env))
            if env.json {
                try JSONOutput.print(DeadlineJSON(deadline: deadline, kind: kind.lowercased(), lang: env.language))
                return
            }
            print(BeijingTime.iso(deadline.due))
            if explain {
                for reason in deadline.reasons { print("  " + TerminalText.sanitize(reason.text(env.language))) }
            }
            for year in deadline.unknownYears where !explain {
                Output.standardError("helpdesk: warning: \(year) is outside the known holiday schedule; Monday–Friday taken as working\n")
            }
        }
    }

    struct DeadlineJSON: Encodable {
        let deadline: Deadline
        let kind: String
        let lang: Language
        enum Keys: String, CodingKey { case kind, due, calendar_version, explanation, unknown_years }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(kind, forKey: .kind)
            try c.encode(BeijingTime.iso(deadline.due), forKey: .due)
            try c.encode(deadline.calendarVersion, forKey: .calendar_version)
            try c.encode(deadline.reasons.map { $0.text(lang) }, forKey: .explanation)
            try c.encode(deadline.unknownYears, forKey: .unknown_years)
        }
    }
}
