import Foundation

/// How one date stands in the official schedule.
public struct ScheduledDay: Equatable, Sendable {
    /// The holiday the day belongs to (`春节`); for a make-up working day, the holiday it makes up for.
    public let name: String
    /// `true`: a day off; `false`: a make-up working day (调休) on a weekend.
    public let isOffDay: Bool

    public init(name: String, isOffDay: Bool) {
        self.name = name
        self.isOffDay = isOffDay
    }
}

/// One year of the State Council's holiday notice: the days off and the make-up working days.
public struct HolidayYear: Equatable, Sendable {
    public let year: Int
    public let days: [CivilDate: ScheduledDay]

    public init(year: Int, days: [CivilDate: ScheduledDay]) {
        self.year = year
        self.days = days
    }

    /// A reason a holiday file was refused, with where in the file it was found.
    public struct InvalidFile: Error, Equatable, CustomStringConvertible {
        public let problem: LocalizedText
        init(_ en: String, _ zh: String) { problem = LocalizedText(en: en, zh: zh) }
        /// What was wrong, in English.
        public var reason: String { problem.en }
        public var description: String { reason }
        public func text(_ lang: Language) -> String { problem.text(lang) }
    }

    static let shape = "{\"year\":2027,\"days\":[{\"name\":…,\"date\":\"2027-01-01\",\"isOffDay\":true}]}"

    /// Reads the public holiday-cn shape:
    /// `{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}, …]}`.
    ///
    /// Everything is checked before a value is returned: every date lies in `year` and appears once,
    /// every day has a name, a make-up working day (`isOffDay: false`) falls on a Saturday or Sunday,
    /// at least one day is a day off, and the year is one the desk keeps (`SupportedTime`). A refusal
    /// names the field (`days[3].isOffDay`) and what it accepts. Keys other than `year` and `days`
    /// (the public files' `$schema`, `papers`) are not read.
    public static func parse(json data: Data) throws(InvalidFile) -> HolidayYear {
        let file: StrictJSON.Value
        do {
            file = try StrictJSON.parse(data)
        } catch where error.path.isEmpty {
            throw InvalidFile("not a holiday file in the holiday-cn shape (\(shape)): \(error.message(.en))",
                              "不是 holiday-cn 格式的节假日文件（\(shape)）：\(error.message(.zh))")
        } catch {
            throw InvalidFile(error.message(.en), error.message(.zh))
        }
        guard case .object = file else {
            throw InvalidFile("the file holds \(file.kind.en); expected one object in the holiday-cn shape (\(shape))",
                              "文件内容是\(file.kind.zh)；应为 holiday-cn 格式的一个对象（\(shape)）")
        }
        guard let yearValue = file["year"] else { throw InvalidFile("the key \"year\" is missing", "缺少键 \"year\"") }
        guard case .number(_, let yearNumber) = yearValue, yearNumber.rounded() == yearNumber, abs(yearNumber) < 1e9 else {
            throw InvalidFile("year: \(yearValue.kind.en) is not accepted; accepted: a whole number from 2000 to 2099, e.g. 2027",
                              "year：\(yearValue.kind.zh)不可接受；可接受：2000 至 2099 的整数，例如 2027")
        }
        let year = Int(yearNumber)
        guard SupportedTime.contains(year: year) else {
            throw InvalidFile("year \(year) is out of range: only \(SupportedTime.range(.en)) is accepted",
                              "年份 \(year) 超出范围：只接受\(SupportedTime.range(.zh))之间的时间")
        }
        guard let daysValue = file["days"] else { throw InvalidFile("the key \"days\" is missing", "缺少键 \"days\"") }
        guard case .array(let list) = daysValue else {
            throw InvalidFile("days: \(daysValue.kind.en) is not accepted; accepted: a list of {\"name\", \"date\", \"isOffDay\"}",
                              "days：\(daysValue.kind.zh)不可接受；可接受：{\"name\", \"date\", \"isOffDay\"} 的列表")
        }
        struct Day { let name: String?; let date: String?; let isOffDay: Bool? }
        var entries: [Day] = []
        for (index, element) in list.enumerated() {
            let at = "days[\(index)]"
            guard case .object = element else {
                throw InvalidFile("\(at): \(element.kind.en) is not accepted; accepted: an object {\"name\", \"date\", \"isOffDay\"}",
                                  "\(at)：\(element.kind.zh)不可接受；可接受：对象 {\"name\", \"date\", \"isOffDay\"}")
            }
            func text(_ key: String, _ accepted: String, _ acceptedZh: String) throws(InvalidFile) -> String? {
                switch element[key] {
                case nil, .null?: return nil
                case .string(let s)?: return s
                case let other?: throw InvalidFile("\(at).\(key): \(other.kind.en) is not accepted; accepted: \(accepted)",
                                                   "\(at).\(key)：\(other.kind.zh)不可接受；可接受：\(acceptedZh)")
                }
            }
            let name = try text("name", "the holiday's name in double quotes, e.g. \"元旦\"", "双引号括起的节日名称，例如 \"元旦\"")
            let date = try text("date", "a date in double quotes, e.g. \"2027-01-01\"", "双引号括起的日期，例如 \"2027-01-01\"")
            let off: Bool?
            switch element["isOffDay"] {
            case nil, .null?: off = nil
            case .bool(let b)?: off = b
            case let other?:
                throw InvalidFile("\(at).isOffDay: \(other.kind.en) is not accepted; accepted: true (a day off) or false (a make-up working day)",
                                  "\(at).isOffDay：\(other.kind.zh)不可接受；可接受：true（放假）或 false（调休上班）")
            }
            entries.append(Day(name: name, date: date, isOffDay: off))
        }
        var days: [CivilDate: ScheduledDay] = [:]
        for (index, entry) in entries.enumerated() {
            let at = "days[\(index)]"
            guard let text = entry.date else { throw InvalidFile("\(at): \"date\" is missing", "\(at)：缺少 \"date\"") }
            guard let date = CivilDate(iso: text) else { throw InvalidFile("\(at): \"\(text)\" is not a YYYY-MM-DD date", "\(at)：\"\(text)\" 不是 YYYY-MM-DD 日期") }
            guard date.year == year else { throw InvalidFile("\(at): \(date) is not in \(year)", "\(at)：\(date) 不在 \(year) 年内") }
            guard let name = entry.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                throw InvalidFile("\(at): \"name\" is missing or empty", "\(at)：\"name\" 缺失或为空")
            }
            if let problem = TextRules.problem(in: name, field: .holidayName) {
                throw InvalidFile("\(at): \(problem.en)", "\(at)：\(problem.zh)")
            }
            guard let off = entry.isOffDay else { throw InvalidFile("\(at): \"isOffDay\" is missing (true: day off, false: make-up working day)",
                                                                           "\(at)：缺少 \"isOffDay\"（true 为放假，false 为调休上班）") }
            guard days[date] == nil else { throw InvalidFile("\(at): \(date) appears twice", "\(at)：\(date) 出现两次") }
            if !off && !date.weekday.isWeekend {
                throw InvalidFile("\(at): \(date) is a \(date.weekday.shortName); a make-up working day must fall on a Saturday or Sunday",
                              "\(at)：\(date) 是\(date.weekday.chineseName)；调休上班日须为周六或周日")
            }
            days[date] = ScheduledDay(name: name, isOffDay: off)
        }
        // Every year has public holidays: a file without one is a broken download, not a notice, and
        // importing it would wipe the year's holidays and move deadlines.
        guard days.values.contains(where: \.isOffDay) else {
            throw InvalidFile("year \(year) lists no holiday (no day with \"isOffDay\": true); every year has some, so the file is refused",
                              "\(year) 年没有任何节假日（没有 \"isOffDay\": true 的日子）；每年都有节假日，故拒绝此文件")
        }
        return HolidayYear(year: year, days: days)
    }

    /// The same year as JSON in the holiday-cn shape, days in date order.
    public func json() -> Data {
        let list = days.sorted { $0.key < $1.key }.map { (date, day) -> String in
            "  {\"name\": \(Self.quote(day.name)), \"date\": \"\(date)\", \"isOffDay\": \(day.isOffDay)}"
        }
        return Data("{\n \"year\": \(year),\n \"days\": [\n\(list.joined(separator: ",\n"))\n ]\n}\n".utf8)
    }

    private static func quote(_ s: String) -> String {
        let data = try! JSONEncoder().encode(s)
        return String(decoding: data, as: UTF8.self)
    }
}
