import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Periods and figures")
struct KPITests {
    @Test func monthsRunMidnightToMidnightInBeijing() {
        let p = Period.month(year: 2021, month: 12)
        #expect(iso(p.interval.start) == "2021-12-01T00:00:00+08:00")
        #expect(iso(p.interval.end) == "2022-01-01T00:00:00+08:00")
        // 2021-11-30T16:30Z is already 1 December in Beijing.
        #expect(Period.month(containing: t("2021-11-30T16:30:00Z")) == p)
        #expect(Period.month(containing: t("2021-11-30T15:59:59Z")) == .month(year: 2021, month: 11))
    }

    @Test func isoWeeks() {
        #expect(Period.week(containing: t("2021-12-06T10:00:00+08:00")).description == "2021-W49")
        #expect(Period.week(containing: t("2021-01-03T10:00:00+08:00")).description == "2020-W53")  // a Sunday
        #expect(Period.week(containing: t("2024-12-30T10:00:00+08:00")).description == "2025-W01")
        let w = Period.week(year: 2021, week: 49)
        #expect(w.days.first == CivilDate(iso: "2021-12-06"))
        #expect(w.days.end == CivilDate(iso: "2021-12-13"))
    }

    @Test func parsesPeriods() {
        #expect(Period("2021-12") == .month(year: 2021, month: 12))
        #expect(Period("2021-W49") == .week(year: 2021, week: 49))
        #expect(Period("2020-W53") != nil)
        #expect(Period("2021-W53") == nil)
        #expect(Period("2021-13") == nil)
        #expect(Period("21-12") == nil)
    }

    @Test func anEmptyFigureIsNeitherZeroNorHundredPercent() {
        let f = KPIFigure(id: .k2, numerator: 0, denominator: 0, target: 0.9, comparison: .atLeast)
        #expect(f.value == nil)
        #expect(f.met == nil)
        #expect(f.valueText == "—")
    }

    @Test func targetsCompareBothWays() {
        #expect(KPIFigure(id: .k1, numerator: 9, denominator: 10, target: 0.9, comparison: .atLeast).met == true)
        #expect(KPIFigure(id: .k1, numerator: 8, denominator: 10, target: 0.9, comparison: .atLeast).met == false)
        #expect(KPIFigure(id: .k4, numerator: 1, denominator: 50, target: 0.02, comparison: .atMost).met == true)
        #expect(KPIFigure(id: .k4, numerator: 2, denominator: 50, target: 0.02, comparison: .atMost).met == false)
        #expect(KPICounts().figures.map(\.id.rawValue) == ["K1", "K2", "K3", "K4", "K5", "K6", "K7-1", "K7-2", "K7-3"])
    }
}
