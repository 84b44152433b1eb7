import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `calendar …`: the working calendar the rules use.
struct CalendarCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "calendar", abstract: HelpDesk.say(Catalog.Help.Admin.Calendar.abstract),
                             subcommands: [Show.self, Import.self, Hours.self, Years.self])
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: HelpDesk.say(Catalog.Help.Admin.Calendar.show))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Calendar.month), valueName: "month")) var month: String

        func run() throws {
            // Read as every other month is (kpi, report): exactly YYYY-MM, no sign, nothing after.
            let period: Period
            do { period = try TimeInput.parseMonth(month) } catch { throw UsageError(en: error.text(.en), zh: error.text(.zh)) }
            guard case let .month(y, m) = period else { return }
            let first = CivilDate.firstOf(month: m, year: y)
            let env = try Environment(global)
            let calendar = try env.database.calendar()
            let days = (0..<CivilDate.daysIn(month: m, year: y)).map { first.adding(days: $0) }
            if env.json {
                try JSONOutput.print(MonthJSON(month: month, known: calendar.isKnown(year: y), version: calendar.version,
                                               days: days.map { DayJSON(date: $0, kind: calendar.kind(of: $0)) }))
                return
            }
            print(render(first: first, days: days, calendar, env.language))
        }

        func render(first: CivilDate, days: [CivilDate], _ calendar: WorkCalendar, _ lang: Language) -> String {
            var out: [String] = []
            out.append("\(month)   \(calendar.version)")
            if !calendar.isKnown(year: first.year) {
                out.append("!! \(first.year): \(Strings(lang)(.unknownYear))")
            }
            out.append(Weekday.allCases.map { TerminalText.fit($0.name(lang), 5, alignRight: true) }.joined())
            var line = String(repeating: " ", count: 5 * (first.weekday.rawValue - 1))
            for d in days {
                let mark: String
                switch calendar.kind(of: d) {
                case .holiday: mark = "*"
                case .makeUpWorkday: mark = "+"
                case .weekend: mark = " "
                case .workday: mark = " "
                }
                line += TerminalText.fit("\(d.day)\(mark)", 5, alignRight: true)
                if d.weekday == .sunday {
                    out.append(line)
                    line = ""
                }
            }
            if !line.isEmpty { out.append(line) }
            out.append(Catalog.Admin.Calendar.legend(lang))
            for d in days {
                switch calendar.kind(of: d) {
                case .holiday, .makeUpWorkday:
                    out.append("  \(d.text(lang))  \(TerminalText.sanitize(calendar.kind(of: d).text(lang)))")
                default: break
                }
            }
            return out.joined(separator: "\n")
        }
    }

    struct MonthJSON: Encodable {
        let month: String
        let known: Bool
        let version: String
        let days: [DayJSON]
    }

    struct DayJSON: Encodable {
        let date: CivilDate
        let kind: DayKind
        enum Keys: String, CodingKey { case date, weekday, working, kind, name }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(date.description, forKey: .date)
            try c.encode(date.weekday.rawValue, forKey: .weekday)
            try c.encode(kind.isWorking, forKey: .working)
            switch kind {
            case .workday: try c.encode("workday", forKey: .kind); try c.encodeNil(forKey: .name)
            case .weekend: try c.encode("weekend", forKey: .kind); try c.encodeNil(forKey: .name)
            case .holiday(let n): try c.encode("holiday", forKey: .kind); try c.encode(n, forKey: .name)
            case .makeUpWorkday(let n): try c.encode("makeup", forKey: .kind); try c.encode(n, forKey: .name)
            }
        }
    }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "import", abstract: HelpDesk.say(Catalog.Help.Admin.Calendar.importAbstract),
                                 discussion: HelpDesk.say(Catalog.Help.Admin.Calendar.importDiscussion))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Calendar.file))) var file: String

        func run() throws {
            let expected = Catalog.Admin.Calendar.holidayFile
            let data = try InputFile.data(file, expected: (expected.en, expected.zh))
            let year: HolidayYear
            do { year = try HolidayYear.parse(json: data) } catch {
                throw UsageError(Catalog.Admin.Calendar.fileRefused(file, error.problem))
            }
            let env = try Environment(global)
            let rescheduled = try env.database.importCalendar(year, env.context)
            let off = year.days.values.filter(\.isOffDay).count
            print(Catalog.Admin.Calendar.imported(year: year.year, daysOff: off, makeUpDays: year.days.count - off)(env.language))
            if !rescheduled.isEmpty {
                // Each has the old and new deadline in its history (`show ID`).
                let ids = rescheduled.map { "#\($0)" }.joined(separator: " ")
                print(Catalog.Admin.Calendar.deadlinesComputedAgain(ids)(env.language))
            }
        }
    }

    struct Hours: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "hours", abstract: HelpDesk.say(Catalog.Help.Admin.Calendar.hours))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Calendar.newHours), valueName: "hours")) var hours: String?

        func run() throws {
            let parsed = try hours.map { text throws(BusinessHours.InvalidHours) in try BusinessHours(parsing: text) }
            let env = try Environment(global)
            if let parsed { try env.database.setBusinessHours(parsed, env.context) }
            print(try env.database.calendar().hours)
        }
    }

    struct Years: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "years", abstract: HelpDesk.say(Catalog.Help.Admin.Calendar.years))
        }
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment(global)
            let calendar = try env.database.calendar()
            let imported = Dictionary(uniqueKeysWithValues: try env.database.importedYears().map { ($0.year, $0) })
            for year in calendar.years.keys.sorted() {
                let source = imported[year].map { Catalog.Admin.Calendar.importedBy(BeijingTime.iso($0.importedAt), $0.importedBy) }
                    ?? Catalog.Admin.Calendar.bundled
                print("\(year)  \(source(env.language))")
            }
        }
    }
}
