import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private func with(_ ctx: Context, actor: String? = nil, simulated: Bool = false) -> Context {
    var c = ctx
    if let actor { c.actor = actor }
    c.clockIsSimulated = simulated
    c.wallClock = { t("2026-11-25T09:30:00+08:00") }
    return c
}

@Suite("The front door")
struct FrontDoorTests {
    @Test func aSimulatedClockWritesForSupervisorsOnly() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        let lina = with(ctx, actor: "lina", simulated: true)
        #expect(throws: StoreError.notPermitted(.simulatedClock(user: "lina", role: .onsite))) {
            try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), lina)
        }
        #expect(try db.count(ItemFilter()) == 0)
        #expect(try db.writeRefusal(lina) == .simulatedClock(user: "lina", role: .onsite))
        // On the machine's clock the same operator writes.
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), with(ctx, actor: "lina"))
        #expect(try db.count(ItemFilter()) == 1)
    }

    @Test func historyKeepsTheMachinesTimeBesideTheSimulatedOne() throws {
        let (db, ctx) = try makeDatabase()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), with(ctx, simulated: true))
        let entry = try #require(try db.itemWithHistory(item.id!).1.first)
        #expect(entry.recordedAt == ctx.now)
        #expect(entry.recordedRealAt == t("2026-11-25T09:30:00+08:00"))
        // Without a simulated clock the two are the same.
        let other = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), with(ctx))
        let plain = try #require(try db.itemWithHistory(other.id!).1.first)
        #expect(plain.recordedRealAt == plain.recordedAt)
    }

    @Test func takingDueStepsNeedsStaffOrATimerUser() throws {
        let (db, ctx) = try makeDatabase()
        _ = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        var timer = with(ctx, actor: "helpdesk")
        timer.now = t("2021-11-24T10:00:00+08:00")
        #expect(throws: StoreError.notPermitted(.notTimer(user: "helpdesk"))) { try db.escalateDue(timer) }
        timer.escalation.timerUsers = ["helpdesk"]
        var simulated = timer
        simulated.clockIsSimulated = true
        #expect(throws: StoreError.notPermitted(.simulatedClock(user: "helpdesk", role: nil))) { try db.escalateDue(simulated) }
        #expect(try db.escalateDue(timer).map(\.step) == [.T1, .supervisor])
        #expect(throws: StoreError.notPermitted(.notTimer(user: "someone"))) {
            try db.claimNotifications(now: timer.now, lease: 60, with(timer, actor: "someone"))
        }
        #expect(try db.claimNotifications(now: timer.now, lease: 60, timer).count == 3)
    }
}
