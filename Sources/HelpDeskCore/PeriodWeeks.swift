import Foundation

/// Which month an ISO week belongs to, for the monthly report's weekly figures.
///
/// ISO 8601 gives a week (Monday to Sunday) to the year of its Thursday; the report gives it to the
/// month of its Thursday the same way, so each week belongs to exactly one month and a month has
/// four or five weeks, some of whose days may fall in the month before or after.
extension Period {
    /// The ISO week holding `day`.
    public static func week(containing day: CivilDate) -> Period {
        // The ISO year is the year of the week's Thursday.
        let thursday = day.adding(days: 4 - day.weekday.rawValue)
        let week = (thursday.daysSinceEpoch - isoWeekOneMonday(thursday.year).daysSinceEpoch) / 7 + 1
        return .week(year: thursday.year, week: week)
    }

    /// The week's Thursday; `nil` for a month.
    public var thursday: CivilDate? {
        guard case .week = self else { return nil }
        return days.first.adding(days: 3)
    }

    /// The month a period belongs to: a week's is its Thursday's month, a month's is itself.
    public var owningMonth: Period {
        guard let thursday else { return self }
        return .month(year: thursday.year, month: thursday.month)
    }

    /// The ISO weeks whose Thursday falls in this month, in order; none for a week.
    public var isoWeeks: [Period] {
        guard case .month = self else { return [] }
        let (first, end) = days
        var thursday = first.adding(days: (Weekday.thursday.rawValue - first.weekday.rawValue + 7) % 7)
        var weeks: [Period] = []
        while thursday < end {
            weeks.append(.week(containing: thursday))
            thursday = thursday.adding(days: 7)
        }
        return weeks
    }

    /// The first instant at which every figure the period's report shows has ended: for a month, the
    /// end of its last ISO week when that week runs into the next month; for a week, its end.
    public var reportEnd: Date {
        let ends = [interval.end] + isoWeeks.map(\.interval.end)
        return ends.max() ?? interval.end
    }
}
