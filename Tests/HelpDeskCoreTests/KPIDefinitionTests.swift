import Foundation
import Testing
@testable import HelpDeskCore

/// The figures worked out by hand on small desks, at the edges of periods, in Beijing time.
@Suite("The figures by their definitions")
struct KPIDefinitionTests {
    static func item(_ id: Int64, _ kind: ItemKind, due: String?, event: String? = nil, closed: String? = nil, level: FaultLevel? = nil,
                     cause: String? = "原因", solution: String? = "方案") -> WorkItem {
        var i = WorkItem(id: id, kind: kind, title: "#\(id)", level: level, receivedAt: t("2021-10-01T09:00:00+08:00"),
                         dueAt: due.map(t), createdAt: t("2021-10-01T09:00:00+08:00"), createdBy: "zhaolei")
        if kind == .special { i.firstResponseAt = event.map(t) }
        let closing = closed ?? (kind == .special ? nil : event)
        if let closing {
            i.status = .closed
            i.closedAt = t(closing)
            i.cause = cause
            i.solution = solution
        }
        return i
    }

    static let november = Period.month(year: 2021, month: 11)
    static let december = Period.month(year: 2021, month: 12)
    static let now = t("2021-12-10T12:00:00+08:00")

    func figures(_ records: KPIRecords, _ period: Period, now: Date = now) -> [KPI: KPIFigure] {
        Dictionary(uniqueKeysWithValues: KPIDefinitions.counts(records, period: period, now: now).figures.map { ($0.id, $0) })
    }

    @Test func aDeadlineAtTheLastSecondOfAMonthCountsInThatMonthAndMidnightInTheNext() {
        let records = KPIRecords(items: [
            Self.item(1, .general, due: "2021-11-30T23:59:59+08:00", event: "2021-11-30T23:59:59+08:00"),   // met, the last second
            Self.item(2, .general, due: "2021-12-01T00:00:00+08:00", event: "2021-12-01T00:00:01+08:00"),   // December, missed by a second
            Self.item(3, .special, due: "2021-11-30T16:00:00Z", event: "2021-11-30T15:00:00Z"),             // 00:00 on 1 December in Beijing
        ])
        let nov = figures(records, Self.november), dec = figures(records, Self.december)
        #expect((nov[.k1]?.numerator, nov[.k1]?.denominator) == (1, 1))
        #expect((dec[.k1]?.numerator, dec[.k1]?.denominator) == (1, 2))
    }

    @Test func anItemStillOpenPastItsDeadlineIsMissedAndOneWithinItIsNotCountedYet() {
        let records = KPIRecords(items: [
            Self.item(1, .task, due: "2021-12-09T18:00:00+08:00"),                       // open, past due at now: missed
            Self.item(2, .task, due: "2021-12-10T18:00:00+08:00"),                       // open, due later today: not yet
            Self.item(3, .task, due: "2021-12-15T18:00:00+08:00", event: "2021-12-08T10:00:00+08:00"),  // done early: met
        ])
        let dec = figures(records, Self.december)
        #expect((dec[.k2]?.numerator, dec[.k2]?.denominator) == (1, 2))
        // At the deadline itself it is still not late; a second after, it is.
        #expect(figures(records, Self.december, now: t("2021-12-10T18:00:00+08:00"))[.k2]?.denominator == 2)
        #expect(figures(records, Self.december, now: t("2021-12-10T18:00:01+08:00"))[.k2]?.denominator == 3)
    }

    @Test func aWeekAcrossTwoMonthsCountsItsOwnDays() {
        // ISO week 2021-W48: Monday 29 November to Sunday 5 December.
        let records = KPIRecords(items: [
            Self.item(1, .change, due: "2021-11-28T23:59:59+08:00", event: "2021-11-20T10:00:00+08:00"),  // the week before
            Self.item(2, .change, due: "2021-11-29T00:00:00+08:00", event: "2021-11-30T10:00:00+08:00"),  // late
            Self.item(3, .change, due: "2021-12-05T23:59:59+08:00", event: "2021-12-03T10:00:00+08:00"),  // met
            Self.item(4, .change, due: "2021-12-06T00:00:00+08:00", event: "2021-12-03T10:00:00+08:00"),  // the week after
        ])
        let week = figures(records, .week(year: 2021, week: 48))
        #expect((week[.k3]?.numerator, week[.k3]?.denominator) == (1, 2))
        #expect(figures(records, Self.november)[.k3]?.denominator == 2 && figures(records, Self.december)[.k3]?.denominator == 2)
    }

    @Test func defectsOnDayThirtyCountAndOnDayThirtyOneDoNot() {
        let delivered = t("2021-11-10T10:00:00+08:00")
        let records = KPIRecords(items: [], deliveries: [
            (delivered, [t("2021-12-10T10:00:00+08:00")]),   // 30 × 24 h later exactly: counts
            (delivered, [t("2021-12-10T10:00:01+08:00")]),   // one second past: does not
            (delivered, [t("2021-12-11T09:00:00+08:00")]),   // day 31
            (t("2021-12-01T00:00:00+08:00"), []),            // December's
        ])
        let nov = figures(records, Self.november)
        #expect((nov[.k5]?.numerator, nov[.k5]?.denominator) == (1, 3))
        #expect(nov[.k5]?.met == false)  // 33% against at most 10%
    }

    @Test func errorsCountInTheMonthTheTaskWasCompleted() {
        let records = KPIRecords(items: [
            Self.item(1, .task, due: "2021-12-02T18:00:00+08:00", event: "2021-11-30T17:00:00+08:00"),
            Self.item(2, .task, due: "2021-12-02T18:00:00+08:00", event: "2021-12-01T09:00:00+08:00"),
        ], erroneousTasks: [1])
        let nov = figures(records, Self.november), dec = figures(records, Self.december)
        #expect((nov[.k4]?.numerator, nov[.k4]?.denominator) == (1, 1))
        #expect((dec[.k4]?.numerator, dec[.k4]?.denominator) == (0, 1) && dec[.k4]?.met == true)
        #expect((dec[.k6]?.numerator, dec[.k6]?.denominator) == (1, 1))
    }

    @Test func faultsCountPerLevelAndAnEmptyFigureIsNeitherZeroNorAHundredPercent() {
        let records = KPIRecords(items: [
            Self.item(1, .fault, due: "2021-11-20T10:00:00+08:00", event: "2021-11-20T09:00:00+08:00", level: .one),
            Self.item(2, .fault, due: "2021-11-21T10:00:00+08:00", event: "2021-11-21T11:00:00+08:00", level: .one),
            Self.item(3, .fault, due: "2021-11-22T10:00:00+08:00", event: "2021-11-22T09:00:00+08:00", level: .three),
        ])
        let nov = figures(records, Self.november)
        #expect((nov[.k7Level1]?.numerator, nov[.k7Level1]?.denominator) == (1, 2))
        #expect(nov[.k7Level2]?.value == nil && nov[.k7Level2]?.met == nil && nov[.k7Level2]?.valueText == "—")
        #expect(nov[.k7Level3]?.value == 1)
        for id in [KPI.k1, .k2, .k3, .k4, .k5] { #expect(nov[id]?.value == nil, "\(id)") }
    }
}
