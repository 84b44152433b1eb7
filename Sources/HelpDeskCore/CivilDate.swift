import Foundation

/// A calendar date with no time and no zone: a day on the wall calendar in Beijing.
///
/// Arithmetic uses the proleptic Gregorian calendar through a day count since 1970-01-01,
/// so adding days, finding weekdays and comparing dates need no `Calendar` and no I/O.
public struct CivilDate: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    /// Creates a date, or `nil` when the day does not exist (2021-02-29, 2021-13-01).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CivilDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    private init(valid year: Int, _ month: Int, _ day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// The first day of `month` in `year`; a month outside 1–12 counts on from that year's January
    /// (13 is the next January, 0 the December before), so it never fails.
    public static func firstOf(month: Int, year: Int) -> CivilDate {
        let index = year * 12 + (month - 1)
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return CivilDate(valid: y, index - y * 12 + 1, 1)
    }

    /// The date `days` days after 1970-01-01 (negative: before).
    public init(daysSinceEpoch days: Int) {
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.year = yoe + era * 400 + (m <= 2 ? 1 : 0)
        self.month = m
        self.day = d
    }

    /// Days since 1970-01-01.
    public var daysSinceEpoch: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public var weekday: Weekday {
        // 1970-01-01 was a Thursday.
        let index = ((daysSinceEpoch % 7) + 7 + 3) % 7  // 0 = Monday
        return Weekday(rawValue: index + 1)!
    }

    public func adding(days: Int) -> CivilDate { CivilDate(daysSinceEpoch: daysSinceEpoch + days) }

    /// `2021-11-23`.
    public var description: String {
        "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))"
    }

    /// Parses `YYYY-MM-DD` of a day the desk keeps (`SupportedTime`), or returns `nil`.
    public init?(iso text: String) {
        guard let date = CivilDate(isoAnyYear: text), SupportedTime.contains(date) else { return nil }
        self = date
    }

    /// Parses `YYYY-MM-DD` whatever the year (0000–9999), or returns `nil`: for what was stored or
    /// is checked against `SupportedTime` afterwards, never for a date read as input.
    public init?(isoAnyYear text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              parts.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }),
              let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2])
        else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (a: CivilDate, b: CivilDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }

    public static func isLeap(_ year: Int) -> Bool {
        (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
    }

    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}

/// The time the desk keeps: from 2000-01-01 00:00:00 to 2099-12-31 23:59:59, Beijing time.
///
/// The one bound of every reader of a time, a date, a week or a month (`TimeInput`, `CivilDate(iso:)`,
/// `Period(_:)`, holiday files): what falls outside it is refused, saying so, so no rule ever meets
/// year 0, a negative year or a year of five digits.
public enum SupportedTime {
    public static let firstDay = CivilDate(daysSinceEpoch: 10_957)   // 2000-01-01
    public static let lastDay = CivilDate(daysSinceEpoch: 47_481)    // 2099-12-31

    public static func contains(_ date: CivilDate) -> Bool { date >= firstDay && date <= lastDay }

    public static func contains(year: Int) -> Bool { (firstDay.year...lastDay.year).contains(year) }

    /// Whether the instant's Beijing date is one the desk keeps.
    public static func contains(_ instant: Date) -> Bool {
        let seconds = instant.timeIntervalSince1970
        guard seconds.isFinite else { return false }
        return seconds >= BeijingTime.instant(firstDay, secondOfDay: 0).timeIntervalSince1970
            && seconds < BeijingTime.instant(lastDay, secondOfDay: 86_400).timeIntervalSince1970
    }

    /// Whether every day of the period is one the desk keeps.
    public static func contains(_ period: Period) -> Bool {
        switch period {
        case let .month(y, m): return contains(year: y) && (1...12).contains(m)
        case let .week(y, w):
            guard contains(year: y), w >= 1, w <= Period.weeksIn(isoYear: y) else { return false }
            let days = period.days
            return contains(days.first) && contains(days.end.adding(days: -1))
        }
    }

    /// The range, said in a message: `2000-01-01 00:00:00 to 2099-12-31 23:59:59 Beijing time`.
    public static func range(_ lang: Language) -> String { Catalog.Domain.Time.supportedRange(lang) }

    /// `'0000-01-01' is outside the time the desk keeps: …`.
    public static func refusal(_ input: String, _ lang: Language) -> String { Catalog.Domain.Time.outsideSupported(input)(lang) }
}

/// ISO weekday numbering: Monday is 1, Sunday is 7.
public enum Weekday: Int, Sendable, CaseIterable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public var isWeekend: Bool { self == .saturday || self == .sunday }

    public var shortName: String { name.en }

    public var chineseName: String { name.zh }
}

extension Character {
    var isASCIIDigit: Bool { isASCII && isNumber }
}

func pad(_ value: Int, _ width: Int) -> String {
    let s = String(value)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
