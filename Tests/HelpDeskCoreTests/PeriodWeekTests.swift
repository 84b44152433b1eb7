import Foundation
import Testing
@testable import HelpDeskCore

/// Which month an ISO week belongs to: the month of its Thursday, as its ISO year is the year of
/// its Thursday. The monthly report shows K2 for the weeks of its month.
@Suite("ISO weeks and their months")
struct PeriodWeekTests {
    func day(_ text: String) -> CivilDate { CivilDate(iso: text)! }
    func weeks(_ year: Int, _ month: Int) -> [String] { Period.month(year: year, month: month).isoWeeks.map(\.description) }

    @Test func theTurnOf2020Into2021() {
        // 2020-12-31 is a Thursday: W53 of 2020, December's; 1 to 3 January 2021 are in it too.
        #expect(Period.week(containing: day("2020-12-31")) == .week(year: 2020, week: 53))
        #expect(Period.week(containing: day("2021-01-01")) == .week(year: 2020, week: 53))
        #expect(Period.week(containing: day("2021-01-03")) == .week(year: 2020, week: 53))
        #expect(Period.week(containing: day("2021-01-04")) == .week(year: 2021, week: 1))
        #expect(Period.week(year: 2020, week: 53).owningMonth == .month(year: 2020, month: 12))
        #expect(weeks(2020, 12) == ["2020-W49", "2020-W50", "2020-W51", "2020-W52", "2020-W53"])
        // January 2021's first Thursday is the 7th: its weeks start with W01, not with W53 of 2020.
        #expect(weeks(2021, 1) == ["2021-W01", "2021-W02", "2021-W03", "2021-W04"])
    }

    @Test func theLastThursdayOf2026OwnsW53ForDecember() {
        // 2026-12-31 is a Thursday: 2026-W53 runs 28 December to 3 January 2027 and is December's.
        #expect(day("2026-12-31").weekday == .thursday)
        let w53 = Period.week(containing: day("2026-12-31"))
        #expect(w53 == .week(year: 2026, week: 53))
        #expect(w53.days.first == day("2026-12-28") && w53.days.end == day("2027-01-04"))
        #expect(Period.week(containing: day("2027-01-03")) == w53)
        #expect(w53.owningMonth == .month(year: 2026, month: 12))
        #expect(weeks(2026, 12) == ["2026-W49", "2026-W50", "2026-W51", "2026-W52", "2026-W53"])
        #expect(weeks(2027, 1) == ["2027-W01", "2027-W02", "2027-W03", "2027-W04"])
        // December's figures are all ended only when its last week is, on 4 January 2027.
        #expect(BeijingTime.iso(Period.month(year: 2026, month: 12).reportEnd) == "2027-01-04T00:00:00+08:00")
        #expect(BeijingTime.iso(Period.month(year: 2026, month: 11).reportEnd) == "2026-12-01T00:00:00+08:00")
    }

    @Test func aWeekBelongsToTheMonthOfItsThursdayNotOfItsMonday() {
        // 1 October 2026 is a Thursday: W40 (from Monday 28 September) is October's, not September's.
        #expect(Period.week(year: 2026, week: 40).days.first == day("2026-09-28"))
        #expect(Period.week(year: 2026, week: 40).owningMonth == .month(year: 2026, month: 10))
        #expect(weeks(2026, 9) == ["2026-W36", "2026-W37", "2026-W38", "2026-W39"])
        #expect(weeks(2026, 10) == ["2026-W40", "2026-W41", "2026-W42", "2026-W43", "2026-W44"])
        // A week whose Thursday is the month's last day but whose Sunday is in the next month.
        #expect(Period.week(year: 2021, week: 48).owningMonth == .month(year: 2021, month: 12))   // Thursday 2 December
        #expect(weeks(2021, 11) == ["2021-W44", "2021-W45", "2021-W46", "2021-W47"])
        // February 2021 starts on a Monday and has 28 days: exactly four weeks, all inside it.
        #expect(weeks(2021, 2) == ["2021-W05", "2021-W06", "2021-W07", "2021-W08"])
        // A month is its own month; a week has no weeks.
        #expect(Period.month(year: 2021, month: 2).owningMonth == .month(year: 2021, month: 2))
        #expect(Period.week(year: 2021, week: 5).isoWeeks.isEmpty)
    }

    /// The week an instant falls in is read in Beijing time: 16:30 UTC on Sunday is Monday there.
    @Test func theWeekIsTheWeekInBeijing() {
        #expect(Period.week(containing: t("2021-01-03T16:30:00Z")) == .week(year: 2021, week: 1))
        #expect(Period.week(containing: t("2021-01-03T15:59:59Z")) == .week(year: 2020, week: 53))
    }

    /// Over twenty years every ISO week belongs to one month only, each month lists its weeks in
    /// order, and the week and day readings agree.
    @Test func everyWeekBelongsToExactlyOneMonth() {
        for year in 2015...2035 {
            let listed = (1...12).flatMap { Period.month(year: year, month: $0).isoWeeks }
            let all = (1...Period.weeksIn(isoYear: year)).map { Period.week(year: year, week: $0) }
            #expect(listed == all, "\(year)")
            for month in 1...12 {
                let m = Period.month(year: year, month: month)
                #expect((4...5).contains(m.isoWeeks.count), "\(m)")
                for w in m.isoWeeks {
                    #expect(w.owningMonth == m, "\(w)")
                    #expect(Period.week(containing: w.thursday!) == w && Period.week(containing: w.days.first) == w, "\(w)")
                }
            }
        }
        #expect(Period.weeksIn(isoYear: 2015) == 53 && Period.weeksIn(isoYear: 2020) == 53 && Period.weeksIn(isoYear: 2026) == 53)
    }
}
