import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias DeadlinesHelp = Catalog.Help.Reports.Deadlines

/// `sla due KIND --at TIME [--explain]`.
struct SLACommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "sla", abstract: HelpDesk.say(DeadlinesHelp.abstract), subcommands: [Due.self]) }

    struct Due: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "due", 
            abstract: HelpDesk.say(DeadlinesHelp.dueAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(DeadlinesHelp.kind), valueName: "kind")) var kind: String
        @OptionGroup var when: WhenOption<Happened.ClockStarts>
        @Flag(help: ArgumentHelp(HelpDesk.say(DeadlinesHelp.explain))) var explain = false

        func run() throws {
            guard let deadlineKind = DeadlineKind(argument: kind) else {
                throw UsageError(Catalog.Reports.Deadlines.unknownKind(kind, accepted: DeadlineKind.argumentNames))
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
                Output.standardError("helpdesk: \(Catalog.Reports.Deadlines.unknownYear(year)(env.language))\n")
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
