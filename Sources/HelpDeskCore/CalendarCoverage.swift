/// Whether the holiday schedule covers the days the desk is about to count: the State Council
/// publishes next year's holidays and make-up working days in the autumn (usually November), and a
/// year that is not imported is counted as Monday–Friday working, which puts deadlines on holidays.
public enum CalendarCoverage: Equatable, Sendable {
    /// This year and, from 1 November, next year are known.
    case covered
    /// From 1 November: next year's schedule is missing. Deadlines running into January need it.
    case nextYearMissing(year: Int)
    /// This year's schedule is missing: today's deadlines may already be wrong.
    case thisYearMissing(year: Int)

    /// The month from which next year's schedule is expected.
    public static let warnFromMonth = 11

    public init(knownYears: Set<Int>, today: CivilDate) {
        if !knownYears.contains(today.year) {
            self = .thisYearMissing(year: today.year)
        } else if today.month >= Self.warnFromMonth && !knownYears.contains(today.year + 1) {
            self = .nextYearMissing(year: today.year + 1)
        } else {
            self = .covered
        }
    }
}
