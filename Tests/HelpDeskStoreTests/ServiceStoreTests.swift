import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

// Data-processing tasks, change requests, deliveries and defects in the store: the rules hold for
// every writer, every change is in the history, and K2–K5 count them.

private func at(_ text: String, _ ctx: Context) -> Context {
    var c = ctx
    c.now = t(text)
    return c
}

private func requirementTicket(_ db: AppDatabase, _ ctx: Context) throws -> Int64 {
    var c = sampleCase
    c.kind = .requirement
    c.title = "新增退休人员批量导入"
    return try db.addCase(c, at: t("2021-11-01T10:00:00+08:00"), ctx).id!
}

@Suite("Data-processing tasks in the store")
struct TaskStoreTests {
    @Test func aTaskFromACaseTicketIsLinkedBothWays() throws {
        let (db, ctx) = try makeDatabase()
        let ticket = try db.addCase(sampleCase, at: t("2021-11-23T09:00:00+08:00"), ctx).id!
        let task = try db.addTask(NewTask(title: "更正 2021 年 10 月缴费基数", due: t("2021-11-25T18:00:00+08:00"),
                                          assignee: "zhaolei", fromCase: ticket), at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(task.kind == .task && task.status == .open && task.assignee == "zhaolei")
        #expect(try db.links(of: task.id!) == ItemLinks(source: ticket))
        #expect(try db.links(of: ticket) == ItemLinks(derived: [task.id!]))
        let (_, history) = try db.itemWithHistory(ticket)
        #expect(history.contains { $0.event == .linked && $0.newValue == "#\(task.id!)" })
    }

    @Test func takingInRefusesWhatCannotBe() throws {
        let (db, ctx) = try makeDatabase()
        let fault = try db.addFault(NewFault(level: .two, region: .xining, title: "打印服务中断"), at: t("2021-11-23T09:00:00+08:00"), ctx).id!
        let when = t("2021-11-23T10:00:00+08:00")
        expectInvalid("the due time 2021-11-23T10:00:00+08:00 must lie after the task is taken in (2021-11-23T10:00:00+08:00)") {
            try db.addTask(NewTask(title: "x", due: when), at: when, ctx)
        }
        expectInvalid("'nobody' is not active staff; see the staff list") {
            try db.addTask(NewTask(title: "x", due: t("2021-11-24T18:00:00+08:00"), assignee: "nobody"), at: when, ctx)
        }
        #expect(throws: StoreError.wrongKind(id: fault, is: .fault, expected: .aCaseTicket)) {
            try db.addTask(NewTask(title: "x", due: t("2021-11-24T18:00:00+08:00"), fromCase: fault), at: when, ctx)
        }
        #expect(throws: StoreError.notFound(id: 999)) {
            try db.addTask(NewTask(title: "x", due: t("2021-11-24T18:00:00+08:00"), fromCase: 999), at: when, ctx)
        }
        expectInvalid("--title must not be empty") { try db.addTask(NewTask(title: "  ", due: t("2021-11-24T18:00:00+08:00")), at: when, ctx) }
        #expect(try db.count(ItemFilter()) == 1)
    }

    @Test func completedThenFoundErroneousOnceStayingCompleted() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addTask(NewTask(title: "统计 11 月待遇发放", due: t("2021-11-24T18:00:00+08:00")),
                                at: t("2021-11-23T09:00:00+08:00"), ctx).id!
        expectInvalid("#\(id) is not completed; only a completed task can be found erroneous") {
            try db.markTaskErroneous(id, note: "数字不对", at: t("2021-11-23T11:00:00+08:00"), ctx)
        }
        expectInvalid("closing needs a solution description (--solution); it is missing") {
            try db.completeTask(id, cause: "月报需要", solution: " ", at: t("2021-11-23T11:00:00+08:00"), ctx)
        }
        let done = try db.completeTask(id, cause: "月报需要", solution: "SQL 统计并导出", at: t("2021-11-23T11:00:00+08:00"), ctx)
        #expect(done.status == .closed && done.ruleEventAt == t("2021-11-23T11:00:00+08:00"))
        #expect(throws: StoreError.staleEdit(id: id, expected: 1, current: 2)) {
            try db.markTaskErroneous(id, note: "数字不对", at: t("2021-11-23T15:00:00+08:00"), expectedVersion: 1, ctx)
        }
        expectInvalid("the time 2021-11-23T10:00:00+08:00 lies before #\(id) was completed (2021-11-23T11:00:00+08:00)") {
            try db.markTaskErroneous(id, note: "数字不对", at: t("2021-11-23T10:00:00+08:00"), ctx)
        }
        let marked = try db.markTaskErroneous(id, note: "漏了海东市的数据", at: t("2021-11-23T15:00:00+08:00"), ctx)
        #expect(marked.status == .closed && marked.version == 3)
        #expect(try db.taskError(id) == TaskError(itemId: id, at: t("2021-11-23T15:00:00+08:00"), actor: "zhaolei", note: "漏了海东市的数据"))
        expectInvalid("#\(id) was already marked erroneous by zhaolei at 2021-11-23T15:00:00+08:00") {
            try db.markTaskErroneous(id, note: "again", at: t("2021-11-23T15:30:00+08:00"), ctx)
        }
        let (_, history) = try db.itemWithHistory(id)
        #expect(history.map(\.event).contains(.erroneous))
        // The mark is a record: the database refuses to change or remove it.
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM task_error") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE task_error SET note = 'x'") } }
    }
}

@Suite("Change requests, deliveries and defects in the store")
struct ChangeStoreTests {
    @Test func aChangeGoesThroughEveryStageToADelivery() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addChange(NewChange(type: .optimisation, title: "待遇测算提速", due: t("2021-11-30T18:00:00+08:00")),
                                  at: t("2021-11-01T10:00:00+08:00"), ctx).id!
        #expect(try db.changeDetail(id).stage == .research)
        expectInvalid("confirming the requirement needs who signed it (--signed-by NAME)") {
            try db.advanceChange(id, at: t("2021-11-02T10:00:00+08:00"), ctx)
        }
        try db.advanceChange(id, signedBy: "马主任", to: .confirmed, at: t("2021-11-02T10:00:00+08:00"), ctx)
        // Meant for a stage it is no longer before: refused.
        expectInvalid("#\(id) is now at confirmed: it would not go to confirmed; its next stage is development (--to development); look at it again") {
            try db.advanceChange(id, signedBy: "马主任", to: .confirmed, at: t("2021-11-02T11:00:00+08:00"), ctx)
        }
        try db.advanceChange(id, at: t("2021-11-03T10:00:00+08:00"), ctx)
        expectInvalid("test rounds are recorded only in internal test (now: development)") {
            try db.recordTestRound(id, result: .pass, note: "x", at: t("2021-11-04T10:00:00+08:00"), ctx)
        }
        try db.advanceChange(id, at: t("2021-11-10T10:00:00+08:00"), ctx)
        expectInvalid("user test needs a passing internal test round first") {
            try db.advanceChange(id, at: t("2021-11-10T11:00:00+08:00"), ctx)
        }
        #expect(try db.recordTestRound(id, result: .fail, note: "导出超时", at: t("2021-11-11T10:00:00+08:00"), ctx).number == 1)
        expectInvalid("the latest internal test round (1) failed: another round must pass before user test") {
            try db.advanceChange(id, at: t("2021-11-11T11:00:00+08:00"), ctx)
        }
        #expect(try db.recordTestRound(id, result: .pass, note: "通过", at: t("2021-11-12T10:00:00+08:00"), ctx).number == 2)
        try db.advanceChange(id, at: t("2021-11-15T10:00:00+08:00"), ctx)
        expectInvalid("releasing closes the change: give the cause (--cause, why it was needed) and the solution (--solution, what was released)") {
            try db.advanceChange(id, at: t("2021-11-20T10:00:00+08:00"), ctx)
        }
        let released = try db.advanceChange(id, release: Release(cause: "测算慢", solution: "加索引", label: "V3.2.1"),
                                             at: t("2021-11-20T10:00:00+08:00"), ctx)
        #expect(released.stage == .released && released.item.status == .closed && released.reprocessingTask == nil)
        let delivery = try #require(released.deliveryId)
        let detail = try db.changeDetail(id)
        #expect(detail.signedBy == "马主任" && detail.signedAt == t("2021-11-02T10:00:00+08:00") && detail.deliveryId == delivery)
        #expect(detail.rounds.map(\.result) == [.fail, .pass])
        let (made, carried, defects) = try db.delivery(delivery)
        #expect(made.label == "V3.2.1" && made.deliveredAt == t("2021-11-20T10:00:00+08:00") && carried.map(\.id) == [id] && defects.isEmpty)
        #expect(throws: StoreError.alreadyClosed(id: id)) { try db.advanceChange(id, at: t("2021-11-21T10:00:00+08:00"), ctx) }
        // Every stage is in the history, in order.
        let stages = try db.itemWithHistory(id).1.filter { $0.field == .stage }.map { $0.newValue! }
        #expect(stages == ["confirmed", "development", "internal-test", "user-test", "released"])
        // The record cannot be rewritten behind the store's back.
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM test_round") } }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE change_request SET stage = 'research', delivery_id = NULL") }
        }
    }

    @Test func aRequirementTicketBecomesAChangeOnce() throws {
        let (db, ctx) = try makeDatabase()
        let ticket = try requirementTicket(db, ctx)
        try db.assess(ticket, due: t("2021-12-15T18:00:00+08:00"), agreedWith: "王建华", at: t("2021-11-02T10:00:00+08:00"), ctx)
        let change = try db.addChange(NewChange(type: .requirement, title: "批量导入", due: nil, fromCase: ticket),
                                      at: t("2021-11-03T10:00:00+08:00"), ctx)
        #expect(change.dueAt == t("2021-12-15T18:00:00+08:00"))
        #expect(try db.links(of: change.id!).source == ticket && db.links(of: ticket).derived == [change.id!])
        expectInvalid("#\(ticket) was already turned into a change request") {
            try db.addChange(NewChange(type: .requirement, title: "again", due: nil, fromCase: ticket), at: t("2021-11-03T11:00:00+08:00"), ctx)
        }
        let general = try db.addCase(sampleCase, at: t("2021-11-03T09:00:00+08:00"), ctx).id!
        #expect(throws: StoreError.wrongKind(id: general, is: .general, expected: .aRequirement)) {
            try db.addChange(NewChange(type: .requirement, title: "x", due: nil, fromCase: general), at: t("2021-11-03T11:00:00+08:00"), ctx)
        }
        // An unassessed requirement gives no due date to take over.
        let fresh = try requirementTicket(db, ctx)
        expectInvalid("a change request needs its agreed due date (--due TIME|DATE)") {
            try db.addChange(NewChange(type: .requirement, title: "x", due: nil, fromCase: fresh), at: t("2021-11-03T11:00:00+08:00"), ctx)
        }
    }

    @Test func policyAdjustmentsNeedTheirEffectiveDateAndNothingElseHasOne() throws {
        let (db, ctx) = try makeDatabase()
        let due = t("2021-11-30T18:00:00+08:00"), when = t("2021-11-01T10:00:00+08:00")
        expectInvalid("a policy adjustment needs the date the policy takes effect (--effective DATE)") {
            try db.addChange(NewChange(type: .policy, title: "调整缴费基数", due: due), at: when, ctx)
        }
        expectInvalid("only a policy adjustment has an effective date (--effective); this is a bug fix") {
            try db.addChange(NewChange(type: .bugfix, title: "修正", due: due, effective: CivilDate(iso: "2021-10-01")), at: when, ctx)
        }
        #expect(try db.count(ItemFilter()) == 0)
    }

    @Test func aPolicyReleasedAfterItTookEffectOpensAReprocessingTask() throws {
        let (db, ctx) = try makeDatabase()
        let id = try releasedPolicy(db, ctx, effective: "2021-10-01", releasedAt: "2021-11-23T15:00:00+08:00")
        let advance = try #require(id.1)
        let task = try db.item(advance)
        #expect(task.kind == .task && task.title == "重新处理 2021-10-01 以来已办理的业务")
        #expect(BeijingTime.iso(task.dueAt!) == "2021-11-24T18:00:00+08:00")  // 15:00:00 exactly: the next working day
        #expect(try db.links(of: advance).source == id.0 && db.links(of: id.0).derived == [advance])
        // Effective the release day: nothing to reprocess.
        let same = try releasedPolicy(db, ctx, effective: "2021-11-23", releasedAt: "2021-11-23T16:00:00+08:00")
        #expect(same.1 == nil)
    }

    @Test func defectsAreFoundAfterTheirDeliveryAndNotedOnItsChanges() throws {
        let (db, ctx) = try makeDatabase()
        let (change, _) = try releasedPolicy(db, ctx, effective: "2021-11-23", releasedAt: "2021-11-10T10:00:00+08:00")
        let delivery = try #require(try db.changeDetail(change).deliveryId)
        expectInvalid("a defect of delivery \(delivery) is found after it was made (2021-11-10T10:00:00+08:00)") {
            try db.addDefect(delivery: delivery, title: "早于交付", at: t("2021-11-09T10:00:00+08:00"), ctx)
        }
        expectInvalid("there is no delivery 77; see delivery list") { try db.addDefect(delivery: 77, title: "x", at: ctx.now, ctx) }
        let defect = try db.addDefect(delivery: delivery, title: "导出文件乱码", at: t("2021-11-12T10:00:00+08:00"), ctx)
        #expect(try db.defects(delivery: delivery).map(\.id) == [defect])
        #expect(try db.itemWithHistory(change).1.contains { $0.event == .defect && $0.note == "导出文件乱码" })
        // A second change joins the same delivery.
        let other = try db.addChange(NewChange(type: .bugfix, title: "修正导出", due: t("2021-11-30T18:00:00+08:00")),
                                     at: t("2021-11-01T10:00:00+08:00"), ctx).id!
        try walkToUserTest(db, other, ctx, from: "2021-11-02")
        let joined = try db.advanceChange(other, release: Release(cause: "乱码", solution: "改编码", delivery: delivery),
                                          at: t("2021-11-13T10:00:00+08:00"), ctx)
        #expect(try joined.deliveryId == delivery && db.delivery(delivery).changes.map(\.id!) == [change, other])
    }

    @Test func viewersWriteNoneOfIt() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
        var guest = ctx
        guest.actor = "guest"
        let refusal = StoreError.notPermitted(.viewer(user: "guest"))
        #expect(throws: refusal) { try db.addTask(NewTask(title: "x", due: t("2021-11-24T18:00:00+08:00")), at: ctx.now, guest) }
        #expect(throws: refusal) { try db.addChange(NewChange(type: .bugfix, title: "x", due: t("2021-11-30T18:00:00+08:00")), at: ctx.now, guest) }
        #expect(try db.count(ItemFilter()) == 0)
    }
}

/// Takes a change from research to user test, an hour a stage from 10:00 on `day`.
private func walkToUserTest(_ db: AppDatabase, _ id: Int64, _ ctx: Context, from day: String) throws {
    let start = t("\(day)T10:00:00+08:00")
    func hour(_ n: Int) -> Date { start.addingTimeInterval(Double(n) * 3600) }
    try db.advanceChange(id, signedBy: "马主任", at: hour(0), ctx)
    try db.advanceChange(id, at: hour(1), ctx)
    try db.advanceChange(id, at: hour(2), ctx)
    try db.recordTestRound(id, result: .pass, note: "通过", at: hour(3), ctx)
    try db.advanceChange(id, at: hour(4), ctx)
}

/// A policy adjustment taken in on 2021-11-01 and released at `releasedAt`: its id and the
/// reprocessing task's.
private func releasedPolicy(_ db: AppDatabase, _ ctx: Context, effective: String, releasedAt: String) throws -> (Int64, Int64?) {
    let id = try db.addChange(NewChange(type: .policy, title: "调整 \(effective) 起缴费基数", due: t("2021-12-31T18:00:00+08:00"),
                                        effective: CivilDate(iso: effective)), at: t("2021-11-01T09:00:00+08:00"), ctx).id!
    try walkToUserTest(db, id, ctx, from: "2021-11-02")
    let released = try db.advanceChange(id, release: Release(cause: "政策调整", solution: "按新基数计算"), at: t(releasedAt), ctx)
    return (id, released.reprocessingTask)
}

@Suite("K2–K5 from tasks, changes, deliveries and defects")
struct ServiceKPITests {
    @Test func theFiguresCountWhatTheContractSays() throws {
        let (db, base) = try makeDatabase()
        let ctx = at("2021-12-20T10:00:00+08:00", base)
        // K2: three tasks due in week 2021-W47 (22–28 Nov): one on time, one late, one never done.
        let onTime = try db.addTask(NewTask(title: "a", due: t("2021-11-23T18:00:00+08:00")), at: t("2021-11-22T09:00:00+08:00"), ctx).id!
        let late = try db.addTask(NewTask(title: "b", due: t("2021-11-24T18:00:00+08:00")), at: t("2021-11-22T09:00:00+08:00"), ctx).id!
        _ = try db.addTask(NewTask(title: "c", due: t("2021-11-28T23:59:59+08:00")), at: t("2021-11-22T09:00:00+08:00"), ctx)
        try db.completeTask(onTime, cause: "x", solution: "y", at: t("2021-11-23T18:00:00+08:00"), ctx)
        try db.completeTask(late, cause: "x", solution: "y", at: t("2021-11-24T18:00:01+08:00"), ctx)
        // K4: of the two completed in November, one found erroneous in December.
        try db.markTaskErroneous(late, note: "错了", at: t("2021-12-02T10:00:00+08:00"), ctx)
        // K3: two changes due in November, one delivered in time; K5: its delivery has a defect on day 30.
        let inTime = try db.addChange(NewChange(type: .bugfix, title: "d", due: t("2021-11-20T18:00:00+08:00")),
                                      at: t("2021-11-01T09:00:00+08:00"), ctx).id!
        try walkToUserTest(db, inTime, ctx, from: "2021-11-02")
        let delivery = try #require(try db.advanceChange(inTime, release: Release(cause: "x", solution: "y"),
                                                         at: t("2021-11-10T10:00:00+08:00"), ctx).deliveryId)
        try db.addDefect(delivery: delivery, title: "缺陷", at: t("2021-12-10T10:00:00+08:00"), ctx)
        let overdue = try db.addChange(NewChange(type: .bugfix, title: "e", due: t("2021-11-25T18:00:00+08:00")),
                                       at: t("2021-11-01T09:00:00+08:00"), ctx).id!
        try walkToUserTest(db, overdue, ctx, from: "2021-11-03")
        let second = try #require(try db.advanceChange(overdue, release: Release(cause: "x", solution: "y"),
                                                       at: t("2021-11-26T10:00:00+08:00"), ctx).deliveryId)
        // A defect 31 days after the second delivery: not counted against it.
        try db.addDefect(delivery: second, title: "晚发现", at: t("2021-12-27T10:00:01+08:00"), at("2021-12-28T10:00:00+08:00", ctx))

        let week = try db.kpiCounts(.week(year: 2021, week: 47), now: ctx.now)
        #expect((week.tasksOnTime, week.tasksDue) == (1, 3))
        let month = try db.kpiCounts(.month(year: 2021, month: 11), now: t("2021-12-28T10:00:00+08:00"))
        #expect((month.tasksOnTime, month.tasksDue) == (1, 3))
        #expect((month.changesOnTime, month.changesDue) == (1, 2))
        #expect((month.tasksErroneous, month.tasksCompleted) == (1, 2))
        #expect((month.deliveriesDefective, month.deliveries) == (1, 2))
        let figures = Dictionary(uniqueKeysWithValues: month.figures.map { ($0.id, $0) })
        #expect(figures[.k5]?.value == 0.5 && figures[.k4]?.value == 0.5)
        // December: no task due, none completed, no delivery: "—", never 0% or 100%.
        let december = try db.kpiCounts(.month(year: 2021, month: 12), now: t("2021-12-28T10:00:00+08:00")).figures
        for id in [KPI.k2, .k3, .k4, .k5] {
            #expect(december.first { $0.id == id }?.value == nil, "\(id)")
        }
    }
}

@Suite("The drill-down of each figure")
struct KPIItemsTests {
    /// What `kpi items` lists adds up to each figure, for every month and week of a demo desk.
    @Test func theItemsListedAddUpToEveryFigure() throws {
        let (db, ctx) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 9), items: 800, days: 90, Context(actor: ctx.actor, now: now))
        var periods: [Period] = [.month(year: 2026, month: 9), .month(year: 2026, month: 10), .month(year: 2026, month: 11)]
        periods += (36...47).map { Period.week(year: 2026, week: $0) }
        var seen = 0
        for period in periods {
            for figure in try db.kpiCounts(period, now: now).figures {
                let entries = try db.kpiItems(figure.id, period, now: now)
                let decided = entries.filter { $0.met != nil }
                let counted: Int
                switch figure.id {
                case .k4, .k5: counted = decided.filter { $0.met == false }.count   // the errors are the numerator
                default: counted = decided.filter { $0.met == true }.count
                }
                #expect(counted == figure.numerator && decided.count == figure.denominator, "\(period) \(figure.id.rawValue)")
                // Missed first, then undecided, then met.
                let ranks = entries.map { $0.met == false ? 0 : ($0.met == nil ? 1 : 2) }
                #expect(ranks == ranks.sorted(), "\(period) \(figure.id.rawValue)")
                seen += entries.count
                // A page read from the indexes is the head of the whole list, with its length.
                for limit in [1, 7, 40] {
                    let page = try db.kpiItems(figure.id, period, now: now, limit: limit)
                    #expect(page.total == entries.count, "\(period) \(figure.id.rawValue)")
                    #expect(page.entries == Array(entries.prefix(limit)), "\(period) \(figure.id.rawValue) limit \(limit)")
                    // The monthly report's read: the missed ones only, the head of the same list.
                    let missed = try db.kpiItems(figure.id, period, now: now, limit: limit, missedOnly: true)
                    #expect(missed.entries.filter { $0.met == false } == Array(entries.filter { $0.met == false }.prefix(limit)),
                            "\(period) \(figure.id.rawValue) missed, limit \(limit)")
                }
            }
        }
        #expect(seen > 1000)

        // The daily summaries give what the figures' definitions give over the records.
        let records = KPIRecords(
            items: try db.read { try WorkItem.fetchAll($0, sql: "SELECT * FROM item") },
            erroneousTasks: Set(try db.read { try Int64.fetchAll($0, sql: "SELECT item_id FROM task_error") }),
            deliveries: try db.deliveries().map { d in (d.deliveredAt, try db.defects(delivery: d.id).map(\.foundAt)) })
        #expect(!records.erroneousTasks.isEmpty && !records.deliveries.isEmpty)
        for period in periods {
            #expect(try db.kpiCounts(period, now: now).figures == KPIDefinitions.counts(records, period: period, now: now).figures, "\(period)")
        }
    }

    @Test func anItemIsUndecidedUntilItsDeadlinePasses() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addTask(NewTask(title: "统计", due: t("2021-11-24T18:00:00+08:00")), at: t("2021-11-23T09:00:00+08:00"), ctx).id!
        let week = Period.week(year: 2021, week: 47)
        #expect(try db.kpiItems(.k2, week, now: t("2021-11-24T18:00:00+08:00")).map(\.met) == [nil])
        #expect(try db.kpiItems(.k2, week, now: t("2021-11-24T18:00:01+08:00")).map(\.met) == [false])
        try db.completeTask(id, cause: "需要", solution: "完成", at: t("2021-11-24T18:00:00+08:00"), at("2021-11-25T10:00:00+08:00", ctx))
        let entry = try #require(try db.kpiItems(.k2, week, now: t("2021-11-30T10:00:00+08:00")).first)
        #expect(entry.met == true && entry.eventAt == t("2021-11-24T18:00:00+08:00") && entry.id == id)
    }
}
