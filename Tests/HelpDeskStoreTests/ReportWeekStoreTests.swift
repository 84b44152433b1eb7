import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// A month is frozen with its ISO weeks, and the monthly report shows each week's K2.
@Suite("The monthly report's weeks")
struct ReportWeekStoreTests {
    let november = Period.month(year: 2021, month: 11)

    func k2(_ r: KPIReport) -> (Int, Int)? {
        r.figures.first { $0.id == .k2 }.map { ($0.numerator, $0.denominator) }
    }

    /// A task due in each of two November weeks, one late; and one due on Saturday 4 December,
    /// in W48, which is December's (its Thursday is 2 December).
    func fillTasks(_ db: AppDatabase, _ ctx: Context) throws {
        func task(_ title: String, due: String, done: String) throws {
            let id = try db.addTask(NewTask(title: title, due: t(due)), at: t("2021-11-01T09:00:00+08:00"), ctx).id!
            try db.completeTask(id, cause: "需求", solution: "已处理", at: t(done), ctx)
        }
        try task("更正缴费基数", due: "2021-11-09T18:00:00+08:00", done: "2021-11-09T10:00:00+08:00")     // W45, in time
        try task("统计退休人数", due: "2021-11-24T18:00:00+08:00", done: "2021-11-25T10:00:00+08:00")     // W47, late
        try task("核对待遇发放", due: "2021-11-25T18:00:00+08:00", done: "2021-11-25T11:00:00+08:00")     // W47, in time
        try task("导出年报数据", due: "2021-12-04T18:00:00+08:00", done: "2021-12-01T10:00:00+08:00")     // W48: December's
    }

    @Test func theReportShowsK2ForEachWeekWhoseThursdayIsInTheMonth() throws {
        let (db, base) = try makeDatabase()
        let ctx = Context(actor: base.actor, now: t("2021-12-20T10:00:00+08:00"))
        try fillTasks(db, ctx)
        let report = try db.serviceReport(november, now: ctx.now)
        #expect(report.weeks.map(\.period.description) == ["2021-W44", "2021-W45", "2021-W46", "2021-W47"])
        #expect(report.weeks.map { k2($0)! == (0, 0) } == [true, false, true, false])
        #expect(k2(report.weeks[1])! == (1, 1) && k2(report.weeks[3])! == (1, 2))
        #expect(report.weeks.map(\.frozen) == [false, false, false, false])
        let december = try db.serviceReport(.month(year: 2021, month: 12), now: ctx.now)
        #expect(december.weeks.first?.period == .week(year: 2021, week: 48) && k2(december.weeks[0])! == (1, 1))
    }

    @Test func freezingAMonthFreezesItsWeeksAndTheReportReadsThemStored() throws {
        let (db, base) = try makeDatabase()
        var ctx = Context(actor: base.actor, now: t("2021-12-02T10:00:00+08:00"))
        try fillTasks(db, ctx)
        // W46 frozen on its own first: it is kept as it was, by whom and when.
        var early = ctx
        early.now = t("2021-11-22T09:00:00+08:00")
        try db.freeze(.week(year: 2021, week: 46), early)
        try db.freeze(november, ctx)
        for week in november.isoWeeks {
            let r = try db.kpiReport(week, now: ctx.now)
            #expect(r.frozen && r.frozenBy == "zhaolei", "\(week)")
            #expect(r.frozenAt == (week == .week(year: 2021, week: 46) ? early.now : ctx.now), "\(week)")
        }
        // December's first week is not November's: not frozen.
        #expect(try db.kpiReport(.week(year: 2021, week: 48), now: ctx.now).frozen == false)
        // A task due in W45 recorded after the freeze, done late: the weeks keep their stored K2.
        ctx.now = t("2021-12-10T10:00:00+08:00")
        let added = try db.addTask(NewTask(title: "补录缴费记录", due: t("2021-11-10T18:00:00+08:00")), at: t("2021-11-08T09:00:00+08:00"), ctx).id!
        try db.completeTask(added, cause: "迟到", solution: "已补录", at: t("2021-11-12T10:00:00+08:00"), ctx)
        let report = try db.serviceReport(november, now: ctx.now)
        #expect(report.weeks.map(\.frozen) == [true, true, true, true])
        #expect(k2(report.weeks[1])! == (1, 1))
        #expect(try db.kpiCounts(.week(year: 2021, week: 45), now: ctx.now).tasksDue == 2)
        // A week frozen with its month is not frozen twice.
        #expect(throws: StoreError.self) { try db.freeze(.week(year: 2021, week: 47), ctx) }
    }

    /// December 2026's last week, W53, runs to Sunday 3 January 2027: the month is frozen with it
    /// once it has ended, not before.
    @Test func aMonthWaitsForItsLastWeekToEnd() throws {
        let (db, base) = try makeDatabase()
        let december = Period.month(year: 2026, month: 12)
        var ctx = base
        ctx.now = t("2027-01-03T23:59:59+08:00")
        expectInvalid("2026-12's last week 2026-W53 has not ended yet (it ends 2027-01-04T00:00:00+08:00); its figures are frozen with the month") {
            try db.freeze(december, ctx)
        }
        #expect(try db.kpiReport(december, now: ctx.now).frozen == false)
        ctx.now = t("2027-01-04T00:00:00+08:00")
        try db.freeze(december, ctx)
        #expect(try db.kpiReport(.week(year: 2026, week: 53), now: ctx.now).frozen)
        #expect(try db.kpiReport(.week(year: 2027, week: 1), now: ctx.now).frozen == false)
    }
}
