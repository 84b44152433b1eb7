import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `calendar …`: the working calendar the rules use.
struct CalendarCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calendar", abstract: "China's working calendar: holidays, make-up working days, business hours.",
        subcommands: [Show.self, Import.self, Hours.self, Years.self])

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "show", abstract: "Print a month with its holidays and make-up working days marked.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The month, YYYY-MM.", valueName: "month")) var month: String

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
            out.append(Weekday.allCases.map { TerminalText.fit(lang == .zh ? $0.chineseName : $0.shortName, 5, alignRight: true) }.joined())
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
            out.append(lang == .zh ? "  * 节假日   + 调休上班" : "  * holiday   + make-up working day")
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
        static let configuration = CommandConfiguration(commandName: "import", 
            abstract: "Add or correct a year of the holiday schedule from a holiday-cn JSON file.",
            discussion: """
                The file: {"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}, …]}; \
                isOffDay false marks a make-up working day. It is checked whole before anything is stored. \
                Open CASE tickets whose deadline the new year changes get it computed again (listed; \
                each change is in the ticket's history with the old and new deadline).
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The JSON file.") var file: String

        func run() throws {
            let data = try InputFile.data(file, expected: (en: "a holiday-cn JSON file", zh: "holiday-cn 格式的 JSON 文件"))
            let year: HolidayYear
            do { year = try HolidayYear.parse(json: data) } catch {
                throw UsageError(en: "\(file): \(error.text(.en)); nothing was stored", zh: "\(file)：\(error.text(.zh))；未导入任何内容")
            }
            let env = try Environment(global)
            let rescheduled = try env.database.importCalendar(year, env.context)
            let off = year.days.values.filter(\.isOffDay).count, zh = env.language == .zh
            print(zh ? "\(year.year) 年：放假 \(off) 天，调休上班 \(year.days.count - off) 天"
                     : "\(year.year): \(off) days off, \(year.days.count - off) make-up working days")
            if !rescheduled.isEmpty {
                // Each has the old and new deadline in its history (`show ID`).
                let ids = rescheduled.map { "#\($0)" }.joined(separator: " ")
                print(zh ? "已重算时限：\(ids)" : "deadlines computed again: \(ids)")
            }
        }
    }

    struct Hours: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "hours", 
            abstract: "Show or set the business hours of a working day, e.g. 09:00-18:00 or 09:00-12:00,14:30-18:00.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("New hours; omit to show the current ones.", valueName: "hours")) var hours: String?

        func run() throws {
            let parsed = try hours.map { text throws(BusinessHours.InvalidHours) in try BusinessHours(parsing: text) }
            let env = try Environment(global)
            if let parsed { try env.database.setBusinessHours(parsed, env.context) }
            print(try env.database.calendar().hours)
        }
    }

    struct Years: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "years", abstract: "The years the holiday schedule covers, and where each comes from.")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let env = try Environment(global)
            let calendar = try env.database.calendar()
            let imported = Dictionary(uniqueKeysWithValues: try env.database.importedYears().map { ($0.year, $0) })
            for year in calendar.years.keys.sorted() {
                let source = imported[year].map { "imported \(BeijingTime.iso($0.importedAt)) by \($0.importedBy)" } ?? "bundled"
                print("\(year)  \(source)")
            }
        }
    }
}
