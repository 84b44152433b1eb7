import Foundation

/// Beijing time: Asia/Shanghai, UTC+08:00 all year since 1991 (no daylight saving).
///
/// Every rule of the contract runs in this zone whatever the machine's or the user's zone, so the
/// conversion is a fixed offset and needs no time-zone database.
public enum BeijingTime {
    public static let offsetSeconds = 8 * 3600

    /// The Beijing calendar date and the seconds since that day's midnight for an instant.
    public static func local(_ instant: Date) -> (date: CivilDate, secondOfDay: Int) {
        let seconds = Int(instant.timeIntervalSince1970.rounded(.down)) + offsetSeconds
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (CivilDate(daysSinceEpoch: days), seconds - days * 86_400)
    }

    public static func date(of instant: Date) -> CivilDate { local(instant).date }

    /// The instant of a Beijing wall-clock time. `secondOfDay` may be 86 400 (midnight ending the day).
    public static func instant(_ date: CivilDate, secondOfDay: Int) -> Date {
        Date(timeIntervalSince1970: TimeInterval(date.daysSinceEpoch * 86_400 + secondOfDay - offsetSeconds))
    }

    /// `2021-11-24T18:00:00+08:00`.
    public static func iso(_ instant: Date) -> String {
        let (date, s) = local(instant)
        guard (0...9999).contains(date.year) else { return "\(date)T\(clock(s, seconds: true))+08:00" }
        // Written digit by digit: history and the outbox format millions of these in a demo fill.
        return String(unsafeUninitializedCapacity: 25) { text in
            func put(_ value: Int, _ width: Int, at start: Int) {
                var value = value
                for i in (start..<start + width).reversed() {
                    text[i] = UInt8(ascii: "0") + UInt8(value % 10)
                    value /= 10
                }
            }
            put(date.year, 4, at: 0)
            put(date.month, 2, at: 5)
            put(date.day, 2, at: 8)
            put(s / 3600, 2, at: 11)
            put(s % 3600 / 60, 2, at: 14)
            put(s % 60, 2, at: 17)
            for (i, c) in [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":"), (19, "+"), (20, "0"), (21, "8"), (22, ":"), (23, "0"), (24, "0")] as [(Int, Unicode.Scalar)] {
                text[i] = UInt8(ascii: c)
            }
            return 25
        }
    }

    /// `2021-11-24 18:00` (Beijing), for tables read by people.
    public static func short(_ instant: Date) -> String {
        let (date, s) = local(instant)
        return "\(date) \(clock(s, seconds: false))"
    }

    /// A deadline and the event held to it (`nil`: none), for tables read by people: to the minute
    /// like `short`, with the seconds (`2021-11-24 18:00:01`) when both fall in the same minute and
    /// are not both on it, where the minute alone would hide whether the deadline was met.
    public static func shortPair(deadline: Date?, event: Date?) -> (deadline: String?, event: String?) {
        guard let deadline, let event, secondsDecide(deadline: deadline, event: event) else {
            return (deadline.map(short), event.map(short))
        }
        let (d, e) = (local(deadline), local(event))
        return ("\(d.date) \(clock(d.secondOfDay, seconds: true))", "\(e.date) \(clock(e.secondOfDay, seconds: true))")
    }

    /// Whether a deadline and its event fall in one minute (Beijing) without both being on it: then
    /// only the seconds show whether the deadline was met, and a table shows them.
    public static func secondsDecide(deadline: Date, event: Date) -> Bool {
        let (d, e) = (local(deadline), local(event))
        return d.date == e.date && d.secondOfDay / 60 == e.secondOfDay / 60 && (d.secondOfDay % 60 != 0 || e.secondOfDay % 60 != 0)
    }

    /// `20211124-180000` (Beijing): a time in a file name, sorting as it reads.
    public static func compactStamp(_ instant: Date) -> String {
        let (date, s) = local(instant)
        return "\(pad(date.year, 4))\(pad(date.month, 2))\(pad(date.day, 2))-\(clock(s, seconds: true).replacingOccurrences(of: ":", with: ""))"
    }

    /// `18:00` or `18:00:00` for a second of the day.
    public static func clock(_ secondOfDay: Int, seconds: Bool = false) -> String {
        let h = secondOfDay / 3600, m = secondOfDay % 3600 / 60, s = secondOfDay % 60
        return seconds ? "\(pad(h, 2)):\(pad(m, 2)):\(pad(s, 2))" : "\(pad(h, 2)):\(pad(m, 2))"
    }
}

/// What went wrong reading a time typed by a person or a script, said in either language.
public struct TimeParseError: Error, Equatable, CustomStringConvertible {
    public enum Problem: Equatable, Sendable {
        case dateAlone, tooShort, notADate, noSeparator, noHourMinute, noSeconds, noFraction, outOfRange
        case noOffset, badOffset, trailingText
        /// Well written, but outside `SupportedTime`.
        case outsideSupportedTime

        public func text(_ lang: Language) -> String { Catalog.Domain.Time.problem(self)(lang) }
    }

    /// What was being read: a time (the default), a date, a month or an ISO week.
    public enum Shape: Equatable, Sendable { case time, date, month, week }

    public let input: String
    public let problem: Problem
    public let shape: Shape

    public init(input: String, problem: Problem, shape: Shape = .time) {
        self.input = input
        self.problem = problem
        self.shape = shape
    }

    /// What was wrong, in English.
    public var reason: String { problem.text(.en) }
    public var description: String { text(.en) }

    public func text(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages: what was typed, what is wrong, what is accepted.
    public var said: LocalizedText {
        if problem == .outsideSupportedTime { return Catalog.Domain.Time.outsideSupported(input) }
        switch shape {
        case .time: return Catalog.Domain.Time.invalidTime(input, Catalog.Domain.Time.problem(problem))
        case .date: return Catalog.Domain.Time.notADate(input)
        case .month: return Catalog.Domain.Time.notAMonth(input)
        case .week: return Catalog.Domain.Time.notAWeek(input)
        }
    }
}

/// Reads times, dates, months and ISO weeks typed or imported. An instant needs an offset: a time
/// without one is ambiguous and refused. Each holds to `SupportedTime`, saying so when outside it.
public enum TimeInput {
    /// Parses `YYYY-MM-DD` (spaces around are ignored).
    public static func parseDate(_ raw: String) throws(TimeParseError) -> CivilDate {
        guard let date = CivilDate(isoAnyYear: raw.trimmingCharacters(in: .whitespaces)) else {
            throw TimeParseError(input: raw, problem: .notADate, shape: .date)
        }
        guard SupportedTime.contains(date) else { throw TimeParseError(input: raw, problem: .outsideSupportedTime, shape: .date) }
        return date
    }

    /// Parses a month, `YYYY-MM`, written exactly so.
    public static func parseMonth(_ raw: String) throws(TimeParseError) -> Period {
        try parsePeriod(raw, .month)
    }

    /// Parses an ISO week, `YYYY-Www`, written exactly so.
    public static func parseWeek(_ raw: String) throws(TimeParseError) -> Period {
        try parsePeriod(raw, .week)
    }

    private static func parsePeriod(_ raw: String, _ shape: TimeParseError.Shape) throws(TimeParseError) -> Period {
        let period = Period(anyYear: raw)
        let fits: Bool
        switch period {
        case .month?: fits = shape == .month
        case .week?: fits = shape == .week
        case nil: fits = false
        }
        guard let period, fits else { throw TimeParseError(input: raw, problem: .notADate, shape: shape) }
        guard SupportedTime.contains(period) else { throw TimeParseError(input: raw, problem: .outsideSupportedTime, shape: shape) }
        return period
    }

    /// Parses `YYYY-MM-DDTHH:MM[:SS[.fff]](Z|±HH:MM|±HHMM)`. A space may stand for `T`.
    public static func parseInstant(_ raw: String) throws(TimeParseError) -> Date {
        let text = raw.trimmingCharacters(in: .whitespaces)
        func fail(_ problem: TimeParseError.Problem) -> TimeParseError { TimeParseError(input: raw, problem: problem) }
        let chars = Array(text)
        guard chars.count >= 16 else {
            if let date = CivilDate(isoAnyYear: text) {
                throw fail(SupportedTime.contains(date) ? .dateAlone : .outsideSupportedTime)
            }
            throw fail(.tooShort)
        }
        guard let date = CivilDate(isoAnyYear: String(chars[0..<10])) else { throw fail(.notADate) }
        guard chars[10] == "T" || chars[10] == "t" || chars[10] == " " else { throw fail(.noSeparator) }
        var i = 11
        func number(_ n: Int) -> Int? {
            guard i + n <= chars.count else { return nil }
            let slice = chars[i..<(i + n)]
            guard slice.allSatisfy(\.isASCIIDigit) else { return nil }
            i += n
            return Int(String(slice))
        }
        guard let hour = number(2), i < chars.count, chars[i] == ":" else { throw fail(.noHourMinute) }
        i += 1
        guard let minute = number(2) else { throw fail(.noHourMinute) }
        var second = 0
        if i < chars.count, chars[i] == ":" {
            i += 1
            guard let s = number(2) else { throw fail(.noSeconds) }
            second = s
            if i < chars.count, chars[i] == "." || chars[i] == "," {
                i += 1
                let start = i
                while i < chars.count, chars[i].isASCIIDigit { i += 1 }
                if i == start { throw fail(.noFraction) }
            }
        }
        guard hour < 24, minute < 60, second < 60 else { throw fail(.outOfRange) }
        guard i < chars.count else { throw fail(.noOffset) }
        var offset = 0
        switch chars[i] {
        case "Z", "z":
            i += 1
        case "+", "-":
            let sign = chars[i] == "-" ? -1 : 1
            i += 1
            guard let oh = number(2) else { throw fail(.badOffset) }
            if i < chars.count, chars[i] == ":" { i += 1 }
            guard let om = number(2), oh <= 14, om < 60 else { throw fail(.badOffset) }
            offset = sign * (oh * 3600 + om * 60)
        default:
            throw fail(.noOffset)
        }
        guard i == chars.count else { throw fail(.trailingText) }
        let utcSeconds = date.daysSinceEpoch * 86_400 + hour * 3600 + minute * 60 + second - offset
        let instant = Date(timeIntervalSince1970: TimeInterval(utcSeconds))
        guard SupportedTime.contains(instant) else { throw fail(.outsideSupportedTime) }
        return instant
    }
}
