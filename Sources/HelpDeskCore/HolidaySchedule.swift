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
        init(_ problem: LocalizedText) { self.problem = problem }
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
        typealias Say = Catalog.Domain.HolidayFile
        let at = Catalog.Domain.Parse.at, notAccepted = Catalog.Domain.Parse.notAccepted
        let file: StrictJSON.Value
        do {
            file = try StrictJSON.parse(data)
        } catch where error.path.isEmpty {
            throw InvalidFile(Say.notAHolidayFile(shape: shape, error.said))
        } catch {
            throw InvalidFile(error.said)
        }
        guard case .object = file else { throw InvalidFile(Say.fileHolds(file.kind, shape: shape)) }
        guard let yearValue = file["year"] else { throw InvalidFile(Say.keyMissing("year")) }
        guard case .number(_, let yearNumber) = yearValue, yearNumber.rounded() == yearNumber, abs(yearNumber) < 1e9 else {
            throw InvalidFile(at("year", notAccepted(yearValue.kind, Say.aYear)))
        }
        let year = Int(yearNumber)
        guard SupportedTime.contains(year: year) else { throw InvalidFile(Say.yearOutOfRange(year)) }
        guard let daysValue = file["days"] else { throw InvalidFile(Say.keyMissing("days")) }
        guard case .array(let list) = daysValue else {
            throw InvalidFile(at("days", notAccepted(daysValue.kind, Say.aListOfDays)))
        }
        struct Day { let name: String?; let date: String?; let isOffDay: Bool? }
        var entries: [Day] = []
        for (index, element) in list.enumerated() {
            let place = "days[\(index)]"
            guard case .object = element else { throw InvalidFile(at(place, notAccepted(element.kind, Say.aDay))) }
            func text(_ key: String, _ accepted: LocalizedText) throws(InvalidFile) -> String? {
                switch element[key] {
                case nil, .null?: return nil
                case .string(let s)?: return s
                case let other?: throw InvalidFile(at("\(place).\(key)", notAccepted(other.kind, accepted)))
                }
            }
            let name = try text("name", Say.aName)
            let date = try text("date", Say.aDate)
            let off: Bool?
            switch element["isOffDay"] {
            case nil, .null?: off = nil
            case .bool(let b)?: off = b
            case let other?: throw InvalidFile(at("\(place).isOffDay", notAccepted(other.kind, Say.anOffDay)))
            }
            entries.append(Day(name: name, date: date, isOffDay: off))
        }
        var days: [CivilDate: ScheduledDay] = [:]
        for (index, entry) in entries.enumerated() {
            let place = "days[\(index)]"
            guard let text = entry.date else { throw InvalidFile(at(place, Say.dateMissing)) }
            guard let date = CivilDate(iso: text) else { throw InvalidFile(at(place, Say.notADate(text))) }
            guard date.year == year else { throw InvalidFile(at(place, Say.notInYear(date, year))) }
            guard let name = entry.name?.trimmingCharacters(in: .whitespacesAndNewlines), !name.isEmpty else {
                throw InvalidFile(at(place, Say.nameMissing))
            }
            if let problem = TextRules.problem(in: name, field: .holidayName) { throw InvalidFile(at(place, problem)) }
            guard let off = entry.isOffDay else { throw InvalidFile(at(place, Say.offDayMissing)) }
            guard days[date] == nil else { throw InvalidFile(at(place, Say.twice(date))) }
            if !off && !date.weekday.isWeekend { throw InvalidFile(at(place, Say.makeUpDayNotWeekend(date))) }
            days[date] = ScheduledDay(name: name, isOffDay: off)
        }
        // Every year has public holidays: a file without one is a broken download, not a notice, and
        // importing it would wipe the year's holidays and move deadlines.
        guard days.values.contains(where: \.isOffDay) else { throw InvalidFile(Say.noHoliday(year)) }
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
