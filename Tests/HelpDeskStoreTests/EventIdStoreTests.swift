import Foundation
import GRDB
import HelpDeskCore
import HelpDeskDemo
@testable import HelpDeskStore
import Testing

// A notice's event id: 128 random bits given by the database, so that a database restored from a
// replica or a backup, which may hand a row id out again, never hands an event id out twice.

private func isEventID(_ text: String?) -> Bool {
    guard let text else { return false }
    return text.count == 32 && text.allSatisfy { "0123456789abcdef".contains($0) }
}

private func eventIDs(_ db: AppDatabase) throws -> [String?] {
    try db.read { try String?.fetchAll($0, sql: "SELECT event_id FROM notification ORDER BY id") }
}

@Suite("notices' event ids")
struct EventIdStoreTests {
    private func staffed() throws -> (AppDatabase, Context) {
        let (db, ctx) = try makeDatabase()
        for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
        return (db, ctx)
    }

    @Test func everyNoticeGetsItsOwnRandomIdWhicheverWayItIsWritten() throws {
        let (db, ctx) = try staffed()
        _ = try db.addFault(NewFault(level: .one, region: .haidong, title: "机房网络中断"), at: ctx.now, ctx)
        // Another way in: a row inserted by SQL alone, as a path added later might.
        try db.writer.write { d in
            try d.execute(sql: """
                INSERT INTO notification (kind, item_id, created_at, payload, text, next_attempt_at)
                VALUES ('assignment', 1, 0, '{}', 'x', 0)
                """)
        }
        let ids = try eventIDs(db)
        #expect(ids.count >= 3)
        #expect(ids.allSatisfy(isEventID), "\(ids)")
        #expect(Set(ids).count == ids.count)
        // The payload carries the row's own.
        let claimed = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        for notice in claimed {
            let json = try JSONSerialization.jsonObject(with: Data(notice.payload.utf8)) as! [String: Any]
            #expect(json["event_id"] as? String == notice.eventID)
        }
        #expect(Set(claimed.map(\.eventID)).isSubset(of: Set(ids.compactMap { $0 })))
    }

    @Test func anEventIdIsNeverChangedNorTakenTwice() throws {
        let (db, ctx) = try staffed()
        _ = try db.addFault(NewFault(level: .two, region: .xining, title: "记账程序报错"), at: ctx.now, ctx)
        let first = try #require(try eventIDs(db).first ?? nil)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET event_id = 'x' WHERE event_id = ?", arguments: [first]) }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET event_id = NULL") }
        }
        #expect(throws: DatabaseError.self) {
            try db.writer.write { d in
                try d.execute(sql: """
                    INSERT INTO notification (kind, item_id, created_at, payload, text, next_attempt_at, event_id)
                    VALUES ('assignment', 1, 0, '{}', 'x', 0, ?)
                    """, arguments: [first])
            }
        }
        // Delivered, it stays final.
        let n = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        try db.markDelivered(n[0].id, at: ctx.now, ctx)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET delivered_at = NULL WHERE id = ?", arguments: [n[0].id]) }
        }
        #expect(try eventIDs(db).first == first)
    }

    /// A database from before the ids: its notices, delivered or not, each get one; a delivered one
    /// stays final.
    @Test func anOlderDatabasesNoticesAreGivenIds() throws {
        let mine = "v22: notices' event ids"
        #expect(AppDatabase.migrations.contains { $0.identifier == mine })
        let queue = try DatabaseQueue()
        try queue.write { d in
            try d.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(while: { $0.identifier != mine }) {
                try migration.migrate(d)
                try d.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(d)
            var item = WorkItem(kind: .general, title: "养老金查询", region: .xining, channel: .phone, requesterName: "卓玛",
                                requesterOffice: nil, requesterPhone: nil, takenBy: "zhaolei", receivedAt: Date(timeIntervalSince1970: 0),
                                createdAt: Date(timeIntervalSince1970: 0), createdBy: "zhaolei")
            try item.insert(d)
            for delivered in [nil, 5, nil] as [Int?] {
                try d.execute(sql: """
                    INSERT INTO notification (kind, item_id, created_at, payload, text, next_attempt_at, delivered_at)
                    VALUES ('assignment', 1, 0, '{}', 'x', 0, ?)
                    """, arguments: [delivered])
            }
        }
        let db = try AppDatabase(queue)
        let ids = try eventIDs(db)
        #expect(ids.count == 3 && ids.allSatisfy(isEventID) && Set(ids).count == 3, "\(ids)")
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET delivered_at = NULL WHERE id = 2") }
        }
    }
}
