import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private func dump(_ db: AppDatabase) throws -> [String] {
    try db.read { conn in
        try ["item", "history", "item_pause", "item_relation"].flatMap { table in
            try Row.fetchAll(conn, sql: "SELECT * FROM \(table) ORDER BY 1, 2").map { "\(table) \($0)" }
        }
    }
}

private func events(_ db: AppDatabase, _ id: Int64) throws -> [String] {
    try db.read { try String.fetchAll($0, sql: "SELECT event || ':' || coalesce(field, '') FROM history WHERE item_id = ? ORDER BY id", arguments: [id]) }
}

private let monday16 = t("2021-11-22T16:00:00+08:00")

/// A general question received Monday 10:00 (due 18:00), on a desk whose clock reads Tuesday 18:00.
private func desk() throws -> (AppDatabase, Context, Int64) {
    let (db, base) = try makeDatabase()
    var ctx = base
    ctx.now = t("2021-11-23T18:00:00+08:00")
    let item = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "缴费基数"),
                              at: t("2021-11-22T10:00:00+08:00"), ctx)
    return (db, ctx, item.id!)
}

@Suite("Waiting on the requester, links and merges in the store")
struct WaitingStoreTests {
    /// The time each item waited, for `kpi items`: a pause over counts to its resume, one still on
    /// to now; an item never paused is not listed.
    @Test func thePausedTimeOfItemsIsSummedToTheResumeOrToNow() throws {
        let (db, ctx, id) = try desk()
        let other = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "待遇"),
                                   at: t("2021-11-22T10:00:00+08:00"), ctx).id!
        _ = try db.pause(id, reason: "等待单位提供花名册", at: monday16, ctx)
        _ = try db.resume(id, at: t("2021-11-22T17:30:00+08:00"), ctx)
        #expect(try db.pausedSeconds(of: [id, other], now: ctx.now) == [id: 5400])
        // Due Tuesday 10:30 after the resume; waiting again from 09:30, still waiting at 18:00.
        _ = try db.pause(id, reason: "再次等待", at: t("2021-11-23T09:30:00+08:00"), ctx)
        #expect(try db.pausedSeconds(of: [id, other], now: ctx.now) == [id: 5400 + 30600])
        #expect(try db.pausedSeconds(of: [], now: ctx.now).isEmpty)
    }

    @Test func aPauseHoldsTheDeadlineAndTheResumeGivesBackTheTimeLeft() throws {
        let (db, ctx, id) = try desk()
        let waiting = try db.pause(id, reason: "等待单位提供花名册", at: monday16, ctx)
        #expect(waiting.status == .waiting && waiting.dueAt == nil)
        #expect(!waiting.isOverdue(at: ctx.now))
        // Not overdue while it waits; shown with its status.
        #expect(try db.items(ItemFilter(overdueAt: ctx.now)).isEmpty)
        #expect(try db.items(ItemFilter(statuses: [.waiting])).compactMap(\.id) == [id])
        let resumed = try db.resume(id, at: t("2021-11-23T17:30:00+08:00"), ctx)
        #expect(resumed.status == .open)
        #expect(resumed.dueAt == t("2021-11-24T10:30:00+08:00"))
        let pause = try #require(try db.pauses(of: id).first)
        #expect(pause.remaining == 7200 && pause.dueBefore == t("2021-11-22T18:00:00+08:00"))
        #expect(pause.dueAfter == resumed.dueAt && pause.reason == "等待单位提供花名册")
        #expect(try events(db, id) == ["created:", "paused:", "paused:due_at", "paused:status",
                                       "resumed:", "resumed:due_at", "resumed:status"])
        // Another write's transaction resumes it the same way; not waiting, nothing happens.
        try db.pause(id, reason: "再次等待", at: t("2021-11-23T17:40:00+08:00"), ctx)
        let again = try db.writer.write { try AppDatabase.resumeIfWaiting($0, id, at: t("2021-11-23T17:50:00+08:00"), ctx) }
        #expect(again?.status == .open)
        #expect(try db.writer.write { try AppDatabase.resumeIfWaiting($0, id, at: t("2021-11-23T17:55:00+08:00"), ctx) } == nil)
    }

    @Test func refusalsLeaveTheDatabaseAsItWas() throws {
        let (db, ctx, id) = try desk()
        let fault = try db.addFault(NewFault(level: .two, region: .xining, title: "宕机"), at: t("2021-11-22T10:00:00+08:00"), ctx).id!
        let before = try dump(db)
        expectInvalid("#\(id) is past its deadline (2021-11-22T18:00:00+08:00): its clock can no longer be paused") {
            try db.pause(id, reason: "晚了", at: t("2021-11-22T18:00:00+08:00"), ctx)
        }
        expectInvalid("#\(fault) is a fault: only general questions and special cases wait on the requester") {
            try db.pause(fault, reason: "x", at: monday16, ctx)
        }
        expectInvalid("#\(id) is not waiting: there is nothing to resume") { try db.resume(id, at: monday16, ctx) }
        expectInvalid("#\(id) cannot be merged into itself") { try db.merge(id, into: id, at: monday16, ctx) }
        expectInvalid("#\(id) (general) and #\(fault) (fault) are of different kinds: only items of one kind are merged") {
            try db.merge(id, into: fault, at: monday16, ctx)
        }
        expectInvalid("#\(id) cannot be related to itself") { try db.relate(id, id, at: monday16, ctx) }
        expectInvalid("#\(id) and #\(fault) are not related") { try db.unrelate(id, fault, at: monday16, ctx) }
        #expect(throws: StoreError.self) { try db.relate(id, 999, at: monday16, ctx) }
        var off = ctx
        off.pausingAllowed = false
        expectInvalid(Catalog.WaitingAndLinks.pausingOff.en) { try db.pause(id, reason: "x", at: monday16, off) }
        #expect(try dump(db) == before)
    }

    @Test func linksAreBothWaysAndAudited() throws {
        let (db, ctx, id) = try desk()
        let fault = try db.addFault(NewFault(level: .two, region: .xining, title: "宕机"), at: t("2021-11-22T10:00:00+08:00"), ctx).id!
        try db.relate(fault, id, at: monday16, ctx)
        #expect(try db.relatedItems(of: id).map(\.id) == [fault])
        #expect(try db.relatedItems(of: fault).map(\.id) == [id])
        expectInvalid("#\(id) and #\(fault) are already related") { try db.relate(id, fault, at: monday16, ctx) }
        try db.unrelate(id, fault, at: monday16, ctx)
        #expect(try db.relatedItems(of: id).isEmpty)
        #expect(try events(db, id).suffix(2) == ["related:related_item", "unrelated:related_item"])
        #expect(try events(db, fault).suffix(2) == ["related:related_item", "unrelated:related_item"])
    }

    @Test func aMergedDuplicateTakesItsTargetsResolutionAndCountsByItsOwnDeadline() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        ctx.now = t("2021-12-10T18:00:00+08:00")
        func general(_ at: String) throws -> Int64 {
            try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "重复"), at: t(at), ctx).id!
        }
        let target = try general("2021-12-01T10:00:00+08:00")     // due 12-01 18:00
        let early = try general("2021-12-01T11:00:00+08:00")      // due 12-01 18:00: met if the target closes that day
        let late = try general("2021-12-01T09:30:00+08:00")
        let other = try general("2021-12-02T10:00:00+08:00")      // due 12-02 18:00
        try db.merge(early, into: target, at: t("2021-12-01T12:00:00+08:00"), ctx)
        try db.merge(other, into: target, at: t("2021-12-02T12:00:00+08:00"), ctx)
        // Refused: a cycle, into a merged item, working a merged one.
        let before = try dump(db)
        expectInvalid("#\(early) was itself merged into #\(target): merge into #\(target) instead") {
            try db.merge(late, into: early, at: t("2021-12-02T12:00:00+08:00"), ctx)
        }
        expectInvalid("#\(early) was merged into another item: it is not worked on its own") {
            try db.merge(early, into: late, at: t("2021-12-02T12:00:00+08:00"), ctx)
        }
        expectInvalid("#\(early) was merged into another item: it is not worked on its own") {
            try db.resolve(early, cause: "c", solution: "s", at: t("2021-12-02T12:00:00+08:00"), ctx)
        }
        // A duplicate and its target are joined by the merge: relating them again is refused, both ways.
        expectInvalid("#\(early) is merged into #\(target): they are joined already") {
            try db.relate(target, early, at: t("2021-12-02T12:00:00+08:00"), ctx)
        }
        expectInvalid("#\(early) is merged into #\(target): they are joined already") {
            try db.relate(early, target, at: t("2021-12-02T12:00:00+08:00"), ctx)
        }
        #expect(try dump(db) == before)
        #expect(try db.items(ItemFilter(activeOnly: true)).compactMap(\.id).sorted() == [target, late])
        #expect(try db.mergedItems(into: target).map(\.id) == [early, other])
        try db.resolve(target, cause: "参数错误", solution: "已更正", at: t("2021-12-02T09:00:00+08:00"), ctx)
        let carried = try db.item(early)
        #expect(carried.status == .merged && carried.mergedInto == target)
        #expect(carried.closedAt == t("2021-12-02T09:00:00+08:00") && carried.cause == "参数错误" && carried.solution == "已更正")
        #expect(carried.dueAt == t("2021-12-01T18:00:00+08:00"))
        // K1: the target missed (closed the next morning), `early` missed by its own deadline, `other` met by its own.
        try db.resolve(late, cause: "c", solution: "s", at: t("2021-12-01T17:00:00+08:00"), ctx)
        let counts = try db.kpiCounts(.month(year: 2021, month: 12), now: ctx.now)
        #expect(counts.caseDecided == 4 && counts.caseMet == 2)
        #expect(try db.item(other).closedAt == t("2021-12-02T09:00:00+08:00"))
        #expect(try events(db, target).contains("merged:related_item"))
    }

    @Test func anOlderDatabaseComesUpAndTheStatusCheckRefusesAnUnknownStatus() throws {
        let mine = "v17: waiting on the requester, links and merges"
        let queue = try DatabaseQueue()
        let now = t("2021-11-23T10:00:00+08:00")
        try queue.write { d in
            try d.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(while: { $0.identifier != mine }) {
                try migration.migrate(d)
                try d.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(d)
            try d.execute(sql: """
                INSERT INTO item (kind, status, title, region, channel, received_at, due_at, created_at, created_by, updated_at)
                VALUES ('general', 'open', '旧工单', 'xining', 'phone', ?, ?, ?, 'zhaolei', ?)
                """, arguments: [now.dbSeconds, t("2021-11-23T18:00:00+08:00").dbSeconds, now.dbSeconds, now.dbSeconds])
            #expect(throws: DatabaseError.self) { try d.execute(sql: "UPDATE item SET status = 'waiting'") }
        }
        let db = try AppDatabase(queue)
        let ctx = Context(actor: "zhaolei", now: t("2021-11-23T12:00:00+08:00"))
        let id = try db.read { try Int64.fetchOne($0, sql: "SELECT id FROM item") }!
        #expect(try db.pause(id, reason: "等待", at: ctx.now, ctx).status == .waiting)
        #expect(try db.items(ItemFilter(statuses: [.waiting], text: "旧工单")).compactMap(\.id) == [id])
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE item SET status = 'parked'") }
        }
        #expect(try db.read { try String.fetchAll($0, sql: "PRAGMA integrity_check") } == ["ok"])
    }
}
