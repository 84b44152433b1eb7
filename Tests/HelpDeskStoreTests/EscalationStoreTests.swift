import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

/// A database with the demo's staff: zhaolei (supervisor), zhangwei and lina (on site, T0),
/// liuyang and chenjing (HQ experts, T1/T2), and a viewer.
private func staffedDatabase() throws -> (AppDatabase, Context) {
    let (db, ctx) = try makeDatabase()
    for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
    try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
    return (db, ctx)
}

private func as_(_ user: String, _ ctx: Context, now: String? = nil) -> Context {
    var c = ctx
    c.actor = user
    if let now { c.now = t(now) }
    return c
}

private let reported = "2021-11-23T10:00:00+08:00"

@Suite("Escalation in the store")
struct EscalationStoreTests {
    @Test func reportingAFaultTakesTheStepsDueAtTheReportInTheSameTransaction() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: reported)
        let f = try db.addFault(NewFault(level: .one, region: .haidong, title: "数据库宕机"), at: t(reported), c)
        let steps = try db.escalations(of: f.id!)
        #expect(steps.map(\.step) == [.client, .T0, .T1])
        #expect(steps.allSatisfy { $0.byRule && $0.takenAt == t(reported) })
        // One notification per step, addressed to the tier's people.
        #expect(try db.notices(for: "zhangwei", after: 0).count == 1)   // T0
        #expect(try db.notices(for: "liuyang", after: 0).count == 1)    // T1
        #expect(try db.notices(for: "zhaolei", after: 0).isEmpty)
        let history = try db.itemWithHistory(f.id!).1
        #expect(history.filter { $0.event == .escalated }.map(\.newValue) == ["client", "T0", "T1"])
    }

    @Test func escalateTakesEachDueStepOnceHoweverOftenItRuns() throws {
        let (db, ctx) = try staffedDatabase()
        let f = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported),
                                as_("zhangwei", ctx, now: reported))
        #expect(try db.escalateDue(as_("zhangwei", ctx, now: "2021-11-23T21:59:59+08:00")).isEmpty)
        let half = try db.escalateDue(as_("zhangwei", ctx, now: "2021-11-23T22:00:00+08:00"))
        #expect(half.map(\.step) == [.T1])
        #expect(try db.escalateDue(as_("lina", ctx, now: "2021-11-23T22:00:05+08:00")).isEmpty)
        // A viewer writes nothing, due steps included.
        #expect(throws: StoreError.notPermitted(.viewer(user: "guest"))) {
            try db.escalateDue(as_("guest", ctx, now: "2021-11-24T10:00:00+08:00"))
        }
        let breach = try db.escalateDue(as_("lina", ctx, now: "2021-11-24T10:00:00+08:00"))   // the rules, not the operator, decide
        #expect(breach.map(\.step) == [.supervisor])
        #expect(try db.escalations(of: f.id!).map(\.step) == [.T0, .T1, .supervisor])
        #expect(try db.notices(for: "zhaolei", after: 0).count == 1)
    }

    @Test func theNextDueStepIsTheEarliestOverOpenFaults() throws {
        let (db, ctx) = try staffedDatabase()
        let policy = ctx.escalation.policy
        #expect(try db.nextEscalationDue(policy: policy) == nil)
        // Level 2 at 10:00: T0 at once, T1 at 50% (22:00). Level 3 at 11:00: T1 at 75% (47:00 → next day 23:00).
        _ = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported), as_("zhangwei", ctx, now: reported))
        let three = try db.addFault(NewFault(level: .three, region: .xining, title: "单个服务停止"), at: t("2021-11-23T11:00:00+08:00"),
                                    as_("zhangwei", ctx, now: "2021-11-23T11:00:00+08:00"))
        #expect(try db.nextEscalationDue(policy: policy) == t("2021-11-23T22:00:00+08:00"))
        _ = try db.escalateDue(as_("zhangwei", ctx, now: "2021-11-23T22:00:00+08:00"))
        // Level 3: T1 at 75% of 48 h after 11:00 = 2021-11-25 11:00; level 2's breach at 2021-11-24 10:00 comes first.
        #expect(try db.nextEscalationDue(policy: policy) == t("2021-11-24T10:00:00+08:00"))
        _ = try db.restore(three.id!, cause: "进程挂起", solution: "重启服务", at: t("2021-11-23T23:00:00+08:00"),
                           as_("zhangwei", ctx, now: "2021-11-23T23:00:00+08:00"))
        #expect(try db.nextEscalationDue(policy: policy) == t("2021-11-24T10:00:00+08:00"))
    }

    @Test func raisingTakesTheNewLevelsStepsAtOnce() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: reported)
        let f = try db.addFault(NewFault(level: .three, region: .xining, title: "单个查询服务停止"), at: t(reported), c)
        _ = try db.raise(f.id!, to: .one, reason: "影响全省", at: t("2021-11-23T17:00:00+08:00"),
                         as_("zhangwei", ctx, now: "2021-11-23T17:00:00+08:00"))
        #expect(try db.escalations(of: f.id!).map(\.step) == [.T0, .client, .T1, .T2])
    }

    @Test func aRestoredFaultTakesNoFurtherSteps() throws {
        let (db, ctx) = try staffedDatabase()
        let f = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported),
                                as_("zhangwei", ctx, now: reported))
        _ = try db.restore(f.id!, cause: "配置错误", solution: "已修正", at: t("2021-11-23T12:00:00+08:00"),
                           as_("zhangwei", ctx, now: "2021-11-23T12:00:00+08:00"))
        #expect(try db.escalateDue(as_("zhangwei", ctx, now: "2021-11-25T12:00:00+08:00")).isEmpty)
        #expect(try db.escalations(of: f.id!).map(\.step) == [.T0])
    }

    @Test func manualEscalationClimbsOneTierWithAReason() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: "2021-11-23T11:00:00+08:00")
        let f = try db.addFault(NewFault(level: .three, region: .xining, title: "负载均衡未切换"), at: t(reported), c)
        #expect(throws: StoreError.self) { try db.escalateManually(f.id!, reason: "  ", at: c.now, c) }
        #expect(try db.escalateManually(f.id!, reason: "现场无法解决", at: c.now, c).step == .T1)
        #expect(try db.escalateManually(f.id!, reason: "需到场", at: c.now, c).step == .T2)
        expectInvalid("#\(f.id!) has reached T2, the top of the escalation path") {
            try db.escalateManually(f.id!, reason: "再升", at: c.now, c)
        }
        let t2 = try db.escalations(of: f.id!).last!
        #expect(!t2.byRule && t2.takenBy == "zhangwei" && t2.reason == .stated("需到场"))
    }

    @Test func onlyTheTiersPeopleAcknowledgeAndOnlyOnce() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: "2021-11-23T23:00:00+08:00")
        let f = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported), c)
        // T0 and T1 are both taken (T1 at half time); the latest, T1, waits for an HQ expert.
        #expect(throws: StoreError.notPermitted(.otherTier(step: .T1, id: f.id!, user: "zhangwei", role: .onsite))) {
            try db.acknowledge(f.id!, at: c.now, c)
        }
        let ack = try db.acknowledge(f.id!, at: c.now, as_("liuyang", c))
        #expect(ack.step == .T1 && ack.acknowledgedBy == "liuyang")
        #expect(try db.acknowledge(f.id!, at: c.now, c).step == .T0)
        expectInvalid("#\(f.id!) has no tier step waiting for acknowledgement") {
            try db.acknowledge(f.id!, at: c.now, as_("lina", c))
        }
        let status = try db.escalationStanding([try db.itemWithHistory(f.id!).0], policy: .standard)[f.id!]!
        #expect(status.tier == .T1 && !status.unacknowledged && status.next?.step == .supervisor)
    }

    @Test func stepsAndDeliveredNotificationsCannotBeRewritten() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: reported)
        let f = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported), c)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "INSERT INTO escalation (item_id, step, level, due_at, taken_at, taken_by, by_rule, reason) VALUES (?, 'T0', 2, 0, 0, 'x', 1, 'x')", arguments: [f.id!]) }
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM escalation") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE escalation SET reason = 'x'") } }
        let n = try db.claimNotifications(now: c.now, lease: 60, c)
        #expect(n.count == 1 && n[0].payload.hasPrefix("{\"event_id\":\"\(n[0].eventID)\","))
        try db.markDelivered(n[0].id, at: c.now, c)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET delivered_at = NULL") }
        }
        #expect(try db.claimNotifications(now: c.now.addingTimeInterval(3600), lease: 60, c).isEmpty)
    }

    @Test func aClaimedNotificationIsNotClaimedTwiceAndAFailedOneWaitsItsBackOff() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx, now: reported)
        _ = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t(reported), c)
        let first = try db.claimNotifications(now: c.now, lease: 60, c)
        #expect(first.count == 1)
        #expect(try db.claimNotifications(now: c.now, lease: 60, c).isEmpty)          // leased
        try db.markFailed(first[0].id, at: c.now, error: "exit status 1", retryAfter: 30, c)
        #expect(try db.claimNotifications(now: c.now.addingTimeInterval(29), lease: 60, c).isEmpty)
        let again = try db.claimNotifications(now: c.now.addingTimeInterval(30), lease: 60, c)
        #expect(again.map(\.id) == first.map(\.id) && again[0].attempts == 1)
    }

    @Test func theNotificationJSONNamesTheFaultTheStepAndThePeople() throws {
        let (db, ctx) = try staffedDatabase()
        var c = as_("zhangwei", ctx, now: reported)
        c.escalation.client = [NotificationContact(name: "省社保局信息中心", phone: "0971-0000000")]
        _ = try db.addFault(NewFault(level: .one, region: .haidong, title: "机房网络中断"), at: t(reported), c)
        let all = try db.claimNotifications(now: c.now, lease: 60, c)
        #expect(all.count == 3)
        let client = try JSONSerialization.jsonObject(with: Data(all[0].payload.utf8)) as! [String: Any]
        #expect(client["step"] as? String == "client")
        #expect((client["people"] as? [[String: Any]])?.first?["name"] as? String == "省社保局信息中心")
        let t0 = try JSONSerialization.jsonObject(with: Data(all[1].payload.utf8)) as! [String: Any]
        #expect(t0["event_id"] as? String == all[1].eventID)
        #expect((t0["fault"] as? [String: Any])?["level"] as? Int == 1)
        #expect((t0["people"] as? [[String: Any]])?.compactMap { $0["username"] as? String } == ["lina", "wangfang", "zhangwei"])
        #expect((t0["text"] as? String)?.hasPrefix("【1级故障·T0】") == true)
    }
}

@Suite("Permissions in the store")
struct PermissionTests {
    @Test func someoneNotOnTheStaffListReadsButCannotWrite() throws {
        let (db, ctx) = try staffedDatabase()
        let stranger = as_("nobody", ctx)
        #expect(throws: StoreError.notPermitted(.notStaff(user: "nobody"))) {
            try db.addCase(sampleCase, at: ctx.now, stranger)
        }
        #expect(try db.writeRefusal(stranger) == .notStaff(user: "nobody"))
        #expect(try db.writeRefusal(ctx) == nil)
        #expect(try db.items(ItemFilter()).isEmpty)
    }

    @Test func viewersWriteNothing() throws {
        let (db, ctx) = try staffedDatabase()
        let id = try db.addCase(sampleCase, at: ctx.now, ctx).id!
        let guest = as_("guest", ctx)
        let refusal = StoreError.notPermitted(.viewer(user: "guest"))
        #expect(throws: refusal) { try db.addCase(sampleCase, at: ctx.now, guest) }
        #expect(throws: refusal) { try db.respond(id, note: "看过了", at: ctx.now, guest) }
        #expect(throws: refusal) { try db.addFault(NewFault(level: .three, region: .xining, title: "x"), at: ctx.now, guest) }
        #expect(try db.itemWithHistory(id).0.version == 1)
    }

    @Test func onlyASupervisorLowersALevel() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("zhangwei", ctx)
        let f = try db.addFault(NewFault(level: .one, region: .xining, title: "宕机"), at: t(reported), c)
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.lowerLevel, user: "zhangwei", role: .onsite))) {
            try db.lower(f.id!, to: .two, reason: "影响有限", at: ctx.now, c)
        }
        let lowered = try db.lower(f.id!, to: .two, reason: "影响有限", at: ctx.now, ctx)
        #expect(lowered.level == .two && lowered.dueAt == t(reported).addingTimeInterval(24 * 3600))
    }

    @Test func onlyASupervisorReopens() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("lina", ctx)
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), c).id!
        _ = try db.resolve(id, cause: "口径不同", solution: "已说明", at: ctx.now, c)
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.reopen, user: "lina", role: .onsite))) {
            try db.reopen(id, reason: "用户不认可", at: ctx.now, c)
        }
        let reopened = try db.reopen(id, reason: "用户不认可", at: ctx.now, ctx)
        #expect(reopened.status == .responded && reopened.cause == nil && reopened.closedAt == nil)
        expectInvalid("#\(id) is not closed; only a closed item is reopened") {
            try db.reopen(id, reason: "再次", at: ctx.now, ctx)
        }
    }

    @Test func onlyASupervisorEditsStaffOrTheCalendar() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("liuyang", ctx)
        let staffRefusal = StoreError.notPermitted(.supervisorsOnly(.editStaff, user: "liuyang", role: .expert))
        #expect(throws: staffRefusal) { try db.addStaff(StaffMember(username: "x", name: "某人", role: .onsite), c) }
        #expect(throws: staffRefusal) { try db.setRole("lina", to: .supervisor, c) }
        #expect(throws: staffRefusal) { try db.deactivate("lina", c) }
        let calendarRefusal = StoreError.notPermitted(.supervisorsOnly(.editCalendar, user: "liuyang", role: .expert))
        #expect(throws: calendarRefusal) { try db.setBusinessHours(.standard, c) }
        let year = try HolidayYear.parse(json: Data(#"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#.utf8))
        #expect(throws: calendarRefusal) { try db.importCalendar(year, c) }
        #expect(try db.calendar().knownRange == 2004...2026)
    }

    @Test func onlyASupervisorFreezesAPeriodWhichThenNoLongerChanges() throws {
        let (db, ctx) = try staffedDatabase()
        let c = as_("lina", ctx, now: "2021-12-01T09:00:00+08:00")
        let november = Period("2021-11")!
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.freezeKPI, user: "lina", role: .onsite))) {
            try db.freeze(november, c)
        }
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), c)   // due 18:00, missed by now
        let frozen = try db.freeze(november, as_("zhaolei", c))
        #expect(frozen.figures.first { $0.id == .k1 }?.denominator == 1)
        expectInvalid("2021-12 has not ended yet (it ends 2022-01-01T00:00:00+08:00); its figures can still change") {
            try db.freeze(Period("2021-12")!, as_("zhaolei", c))
        }
        _ = try db.addCase(sampleCase, at: t("2021-11-30T10:00:00+08:00"), c)   // late entry into a frozen month
        let report = try db.kpiReport(november, now: c.now)
        #expect(report.frozen && report.frozenBy == "zhaolei")
        #expect(report.figures.first { $0.id == .k1 }?.denominator == 1)
        #expect(try db.kpiCounts(november, now: c.now).figures.first { $0.id == .k1 }?.denominator == 2)
    }

    @Test func aMonthEndsAtMidnightBeijingTimeNotUTC() throws {
        let (db, ctx) = try staffedDatabase()
        let november = Period("2021-11")!
        // 2021-11-30T23:59:59+08:00 is 15:59:59 UTC: November still runs in Beijing.
        expectInvalid("2021-11 has not ended yet (it ends 2021-12-01T00:00:00+08:00); its figures can still change") {
            try db.freeze(november, as_("zhaolei", ctx, now: "2021-11-30T15:59:59Z"))
        }
        #expect(try db.kpiReport(november, now: t("2021-11-30T16:00:00Z")).frozen == false)
        let frozen = try db.freeze(november, as_("zhaolei", ctx, now: "2021-11-30T16:00:00Z"))   // 00:00 on 1 December
        #expect(frozen.frozenAt == t("2021-12-01T00:00:00+08:00"))
    }

    @Test func theLastSupervisorStays() throws {
        let (db, ctx) = try staffedDatabase()
        expectInvalid("zhaolei is the last active supervisor; make someone else supervisor first") {
            try db.setRole("zhaolei", to: .onsite, ctx)
        }
        try db.setRole("lina", to: .supervisor, ctx)
        try db.deactivate("zhaolei", as_("lina", ctx))
        #expect(throws: StoreError.self) { try db.addCase(sampleCase, at: ctx.now, ctx) }   // inactive now
    }

    @Test func refusalsSayWhoWhatAndWhoCanHelpInBothLanguages() {
        let notStaff = StoreError.notPermitted(.notStaff(user: "nobody"))
        #expect(notStaff.description == "not permitted: nobody is not on the staff list: you can read but not write; a supervisor adds you with: helpdesk staff add nobody --name NAME --role onsite|expert|supervisor|viewer")
        #expect(notStaff.message(.zh).hasPrefix("无权操作：nobody 不在人员名单中：只能查看，不能修改；请主管添加"))
        let lower = StoreError.notPermitted(.supervisorsOnly(.lowerLevel, user: "zhangwei", role: .onsite))
        #expect(lower.message(.en) == "not permitted: only a supervisor may lower a fault's level; zhangwei is on-site staff (T0)")
        #expect(lower.message(.zh) == "无权操作：只有主管可以降低故障级别；zhangwei 是现场人员（T0）")
        let tier = StoreError.notPermitted(.otherTier(step: .T1, id: 7, user: "zhangwei", role: .onsite))
        #expect(tier.message(.en) == "not permitted: T1 of #7 is acknowledged by an HQ expert (T1/T2); zhangwei is on-site staff (T0)")
        #expect(tier.message(.zh) == "无权操作：#7 的 T1 升级须由总部专家（T1/T2）确认；zhangwei 是现场人员（T0）")
        #expect(StoreError.notFound(id: 9).message(.zh) == "没有编号为 #9 的工单")
        #expect(StoreError.invalid(en: "--at: bad", zh: "--at：有误").message(.zh) == "--at：有误")
    }
}
