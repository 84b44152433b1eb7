import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

/// November 2021 by hand: tickets, tasks, a change with its delivery and a defect, faults; each
/// figure with something missed and something met. `title` is the late ticket's title.
func fillReportMonth(_ db: AppDatabase, _ base: Context, title: String = "参保登记无法保存") throws {
    var ctx = base
    ctx.now = t("2021-12-20T10:00:00+08:00")
    // K1: one ticket resolved in time, one a day late.
    let met = try db.addCase(sampleCase, at: t("2021-11-10T10:00:00+08:00"), ctx).id!
    try db.resolve(met, cause: "操作有误", solution: "指导操作", at: t("2021-11-10T17:00:00+08:00"), ctx)
    var lateCase = sampleCase
    lateCase.title = title
    let late = try db.addCase(lateCase, at: t("2021-11-11T10:00:00+08:00"), ctx).id!
    try db.resolve(late, cause: "专网中断", solution: "恢复专网", at: t("2021-11-12T10:00:00+08:00"), ctx)
    // K2: a task completed late; K4: one completed in time, later found erroneous.
    let lateTask = try db.addTask(NewTask(title: "更正缴费基数", due: t("2021-11-15T18:00:00+08:00")), at: t("2021-11-12T09:00:00+08:00"), ctx).id!
    try db.completeTask(lateTask, cause: "数据量大", solution: "分批更正", at: t("2021-11-16T10:00:00+08:00"), ctx)
    let wrongTask = try db.addTask(NewTask(title: "统计退休人数", due: t("2021-11-18T18:00:00+08:00")), at: t("2021-11-17T09:00:00+08:00"), ctx).id!
    try db.completeTask(wrongTask, cause: "统计需求", solution: "已统计", at: t("2021-11-18T10:00:00+08:00"), ctx)
    try db.markTaskErroneous(wrongTask, note: "漏统计海东市", at: t("2021-11-19T10:00:00+08:00"), ctx)
    // K3: a change due 20 Nov released on the 22nd; K5: a defect found three days after its delivery.
    let change = try db.addChange(NewChange(type: .bugfix, title: "修复待遇测算", due: t("2021-11-20T18:00:00+08:00")),
                                  at: t("2021-11-01T09:00:00+08:00"), ctx).id!
    let start = t("2021-11-02T10:00:00+08:00")
    func hour(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 3600) }
    try db.advanceChange(change, signedBy: "马主任", at: hour(0), ctx)
    try db.advanceChange(change, at: hour(1), ctx)
    try db.advanceChange(change, at: hour(2), ctx)
    try db.recordTestRound(change, result: .pass, note: "通过", at: hour(3), ctx)
    try db.advanceChange(change, at: hour(4), ctx)
    let delivery = try #require(try db.advanceChange(change, release: Release(cause: "测算公式错误", solution: "更正公式", label: "V2.1.3"),
                                                     at: t("2021-11-22T10:00:00+08:00"), ctx).deliveryId)
    try db.addDefect(delivery: delivery, title: "导出报表缺列", at: t("2021-11-25T11:00:00+08:00"), ctx)
    // Faults: level 1 restored in time; level 2 never restored; level 3 reported on the last
    // evening, restored in December; a level 3 from October due (and restored late) in November.
    let f1 = try db.addFault(NewFault(level: .one, region: .xining, title: "应用服务器宕机"), at: t("2021-11-05T10:00:00+08:00"), ctx).id!
    try db.restore(f1, cause: "内存溢出", solution: "重启", at: t("2021-11-05T12:00:00+08:00"), ctx)
    _ = try db.addFault(NewFault(level: .two, region: .haidong, title: "查询缓慢"), at: t("2021-11-08T10:00:00+08:00"), ctx)
    let f3 = try db.addFault(NewFault(level: .three, region: .yushu, title: "打印失败"), at: t("2021-11-30T23:00:00+08:00"), ctx).id!
    try db.restore(f3, cause: "驱动", solution: "重装", at: t("2021-12-01T10:00:00+08:00"), ctx)
    let f4 = try db.addFault(NewFault(level: .three, region: .xining, title: "备份失败"), at: t("2021-10-31T23:00:00+08:00"), ctx).id!
    try db.restore(f4, cause: "磁盘满", solution: "清理", at: t("2021-11-03T10:00:00+08:00"), ctx)
}

@Suite("The monthly service report's data")
struct ServiceReportStoreTests {
    @Test func aHandMadeMonthGivesItsFiguresMissesFaultsAndDeliveries() throws {
        let (db, ctx) = try makeDatabase()
        try fillReportMonth(db, ctx)
        let report = try db.serviceReport(.month(year: 2021, month: 11), now: t("2021-12-20T10:00:00+08:00"))
        #expect(!report.kpi.frozen)
        let figures = Dictionary(uniqueKeysWithValues: report.kpi.figures.map { ($0.id, ($0.numerator, $0.denominator)) })
        #expect(figures[.k1]! == (1, 2) && figures[.k2]! == (1, 2) && figures[.k3]! == (0, 1))
        #expect(figures[.k4]! == (1, 2) && figures[.k5]! == (1, 1))
        #expect(figures[.k7Level1]! == (1, 1) && figures[.k7Level2]! == (0, 1) && figures[.k7Level3]! == (0, 1))

        let missed = Dictionary(uniqueKeysWithValues: report.missed.map { ($0.figure, $0) })
        #expect(missed[.k1]?.items.map(\.title) == ["参保登记无法保存"] && missed[.k1]?.items.first?.cause == "专网中断")
        #expect(missed[.k2]?.items.map(\.title) == ["更正缴费基数"])
        #expect(missed[.k3]?.items.map(\.title) == ["修复待遇测算"])
        #expect(missed[.k4]?.items.first?.cause == "漏统计海东市")
        #expect(missed[.k5]?.items.first?.title == "V2.1.3" && missed[.k5]?.items.first?.cause == "导出报表缺列")
        #expect(missed[.k6]?.total == 0 && missed[.k7Level1]?.total == 0)
        #expect(missed[.k7Level2]?.items.first?.eventAt == nil && missed[.k7Level2]?.items.first?.title == "查询缓慢")
        #expect(missed[.k7Level3]?.items.map(\.title) == ["备份失败"])

        // Reported in November: the October fault is not, the one of the last evening is.
        typealias Count = ServiceReportData.FaultCount
        #expect(report.faultsByLevel[.one] == Count(reported: 1, restoredInTime: 1))
        #expect(report.faultsByLevel[.two] == Count(reported: 1, open: 1))
        #expect(report.faultsByLevel[.three] == Count(reported: 1, restoredInTime: 1))
        #expect(report.faultsByRegion[.xining] == Count(reported: 1, restoredInTime: 1))
        #expect(report.faultsByRegion[.haidong]?.open == 1 && report.faultsByRegion[.yushu]?.reported == 1)

        #expect(report.deliveries.map(\.delivery.label) == ["V2.1.3"])
        #expect(report.deliveries.first?.changes.map(\.title) == ["修复待遇测算"])
        #expect(report.defects.map(\.defect.title) == ["导出报表缺列"])
        #expect(report.defects.first?.daysAfterDelivery == 3 && report.defects.first?.withinThirtyDays == true)
        #expect(report.defects.first?.deliveryLabel == "V2.1.3")

        // December: nothing delivered, the November fault restored there is not December's report.
        let december = try db.serviceReport(.month(year: 2021, month: 12), now: t("2021-12-20T10:00:00+08:00"))
        #expect(december.deliveries.isEmpty && december.defects.isEmpty && december.faultsByLevel.isEmpty)
    }

    @Test func aFrozenMonthKeepsItsStoredFiguresAndMissesAreCapped() throws {
        let (db, base) = try makeDatabase()
        try fillReportMonth(db, base)
        var ctx = base
        ctx.now = t("2021-12-20T10:00:00+08:00")
        try db.freeze(.month(year: 2021, month: 11), ctx)
        // A November ticket recorded after the freeze, resolved late: the figures stay as frozen,
        // the missed items are listed as they stand now.
        let added = try db.addCase(sampleCase, at: t("2021-11-29T10:00:00+08:00"), ctx).id!
        try db.resolve(added, cause: "迟到", solution: "已解决", at: t("2021-12-01T10:00:00+08:00"), ctx)
        let report = try db.serviceReport(.month(year: 2021, month: 11), now: ctx.now, missedLimit: 1)
        #expect(report.kpi.frozenBy == "zhaolei" && report.kpi.frozenAt == ctx.now)
        #expect(report.kpi.figures.first { $0.id == .k1 }.map { ($0.numerator, $0.denominator) }! == (1, 2))
        #expect(report.missed.first { $0.figure == .k1 }.map { ($0.items.count, $0.total) }! == (1, 2))
        #expect(throws: StoreError.self) { try db.serviceReport(.week(year: 2021, week: 47), now: ctx.now) }
    }

    @Test func theTrainingsHeldInTheMonthWithAttendanceAverageAndSteps() throws {
        let (db, base) = try makeDatabase()
        let ctx = Context(actor: base.actor, now: t("2021-12-20T10:00:00+08:00"))
        func add(_ type: TrainingType, _ topic: String, _ day: String) throws -> Int64 {
            let item = try db.addTraining(NewTraining(type: type, topic: topic, place: "省社保局", trainer: "李敏", heldOn: CivilDate(iso: day)!),
                                          at: t("2021-10-01T09:00:00+08:00"), ctx)
            return item.id!
        }
        let late = try add(.sysadmin, "数据库备份与恢复", "2021-11-30")
        let early = try add(.operator, "待遇核定业务培训", "2021-11-01")
        _ = try add(.admin, "政策解读", "2021-10-31")
        _ = try add(.admin, "年度总结", "2021-12-01")
        for step in [TrainingStep.content, .plan, .materials, .delivery] {
            try db.markTrainingStep(early, step, at: step == .delivery ? t("2021-11-01T09:00:00+08:00") : t("2021-10-20T10:00:00+08:00"), ctx)
        }
        try db.addAttendee(early, name: "王芳", office: "西宁市社保局", region: .xining, score: 90, at: ctx.now, ctx)
        try db.addAttendee(early, name: "才让", office: "玉树州社保局", region: .yushu, score: 75, at: ctx.now, ctx)
        try db.addAttendee(early, name: "马丽", office: "海东市社保局", region: .haidong, at: ctx.now, ctx)
        let report = try db.serviceReport(.month(year: 2021, month: 11), now: ctx.now)
        typealias Entry = ServiceReportData.TrainingEntry
        #expect(report.trainings == [
            Entry(id: early, type: .operator, topic: "待遇核定业务培训", heldOn: CivilDate(iso: "2021-11-01")!, attendance: 3,
                  averageScore: 82.5, stepsDone: 4),
            Entry(id: late, type: .sysadmin, topic: "数据库备份与恢复", heldOn: CivilDate(iso: "2021-11-30")!, attendance: 0,
                  averageScore: nil, stepsDone: 0),
        ])
        #expect(try db.serviceReport(.month(year: 2021, month: 9), now: ctx.now).trainings.isEmpty)
    }

    /// The missed items the report lists, and how many it says there are, are the drill-down's
    /// missed items, for every figure and month of a demo desk.
    @Test func theMissedItemsAreTheDrillDownsMissedOnes() throws {
        let (db, ctx) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 5), items: 800, days: 90, Context(actor: ctx.actor, now: now))
        var missed = 0
        for month in 8...11 {
            for figure in KPI.allCases {
                let period = Period.month(year: 2026, month: month)
                let all = try db.kpiItems(figure, period, now: now).filter { $0.met == false }
                let listed = try #require(try db.serviceReport(period, now: now, missedLimit: 5).missed.first { $0.figure == figure })
                #expect(listed.items == Array(all.prefix(5)) && listed.total == all.count, "\(period) \(figure.rawValue)")
                missed += all.count
            }
        }
        #expect(missed > 50)
    }
}
