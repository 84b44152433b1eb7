import Foundation

/// What kind of day a date is for the service desk.
public enum DayKind: Equatable, Sendable {
    case workday
    case weekend
    /// A day off under the holiday notice.
    case holiday(name: String)
    /// A Saturday or Sunday that is worked (调休), making up for `name`.
    case makeUpWorkday(name: String)

    public var isWorking: Bool {
        switch self {
        case .workday, .makeUpWorkday: return true
        case .weekend, .holiday: return false
        }
    }
}

/// China's working calendar: Monday to Friday, minus the official holidays, plus make-up working days,
/// with the business hours of a working day.
///
/// Years that the schedule does not cover are treated as Monday–Friday working; `isKnown(year:)` says
/// which, so that callers can flag such dates.
public struct WorkCalendar: Equatable, Sendable {
    public let years: [Int: HolidayYear]
    public let hours: BusinessHours
    /// The cut-off for general questions (15:00): raised before it, solved the same working day.
    public let cutoff: Int
    /// Names the schedule and hours a deadline was computed with, so a stored deadline can be traced.
    public let version: String

    public init(years: [HolidayYear], hours: BusinessHours = .standard, cutoff: Int = 15 * 3600, version: String) {
        var byYear: [Int: HolidayYear] = [:]
        for y in years { byYear[y.year] = y }
        self.years = byYear
        self.hours = hours
        self.cutoff = cutoff
        self.version = version
    }

    public func isKnown(year: Int) -> Bool { years[year] != nil }

    /// The first and last year the schedule covers, if any.
    public var knownRange: ClosedRange<Int>? {
        guard let lo = years.keys.min(), let hi = years.keys.max() else { return nil }
        return lo...hi
    }

    public func kind(of date: CivilDate) -> DayKind {
        if let day = years[date.year]?.days[date] {
            return day.isOffDay ? .holiday(name: day.name) : .makeUpWorkday(name: day.name)
        }
        return date.weekday.isWeekend ? .weekend : .workday
    }

    public func isWorkingDay(_ date: CivilDate) -> Bool { kind(of: date).isWorking }

    /// The first working day strictly after `date`. Gives up after ten years of days off, which no
    /// valid schedule has.
    public func nextWorkingDay(after date: CivilDate) -> CivilDate {
        var d = date.adding(days: 1)
        var guardDays = 3660
        while !isWorkingDay(d), guardDays > 0 {
            d = d.adding(days: 1)
            guardDays -= 1
        }
        return d
    }

    /// `date` itself when it is a working day, else the next one.
    public func workingDay(onOrAfter date: CivilDate) -> CivilDate {
        isWorkingDay(date) ? date : nextWorkingDay(after: date)
    }
}
