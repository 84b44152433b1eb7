import Foundation
import GRDB
import GRDBSQLite
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private let ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))

/// Pages this connection read from the file (its page cache's misses) while `body` ran.
private func pagesRead(_ db: Database, _ body: () throws -> Void) rethrows -> Int32 {
    var before: Int32 = 0, after: Int32 = 0, highwater: Int32 = 0
    sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &before, &highwater, 0)
    try body()
    sqlite3_db_status(db.sqliteConnection, SQLITE_DBSTATUS_CACHE_MISS, &after, &highwater, 0)
    return after - before
}

/// A desk with one ticket holding `count` attachments of 10 KiB: each row's first part fills
/// most of a table page, so the attachment table has about one leaf page a row.
private func deskWithAttachments(_ path: String, count: Int) throws -> Int64 {
    let db = try AppDatabase.open(path: path)
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
    _ = try db.addAttachment(to: .item(id), name: "first.txt", content: Data("签字\n".utf8), ctx)
    let content = Data(repeating: 0x61, count: 10 * 1024)
    try db.writer.write { db in
        for n in 0..<count {
            try db.execute(sql: """
                INSERT INTO attachment (item_id, name, size, type, sha256, added_at, added_by, content)
                VALUES (?, ?, ?, 'text', ?, 1637632800, 'zhaolei', ?)
                """, arguments: [id, "scan-\(n).txt", content.count, AppDatabase.sha256(content), content])
        }
    }
    try db.close()
    return id
}

@Suite("The query planner's statistics", .serialized)
struct PlannerStatisticsTests {
    /// Every index ANALYZE leaves without a row because it is empty (here the attachments of
    /// inspections, the merged tickets, every index of the empty tables) gets one at a writer's
    /// close; indexes with entries keep what ANALYZE measured.
    @Test func aWritersCloseStatesEveryEmptyIndex() throws {
        let file = Folder()
        _ = try deskWithAttachments(file.path("desk.sqlite"), count: 20)
        let queue = try DatabaseQueue(path: file.path("desk.sqlite"))
        defer { try? queue.close() }
        let (unstated, inspection, item) = try queue.read { db in
            (try String.fetchAll(db, sql: """
                SELECT m.name FROM sqlite_master m
                WHERE m.type = 'index' AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name)
                  AND m.tbl_name IN (SELECT tbl FROM sqlite_stat1)
                """),
             try String.fetchOne(db, sql: "SELECT stat FROM sqlite_stat1 WHERE idx = 'attachment_inspection'"),
             try String.fetchOne(db, sql: "SELECT stat FROM sqlite_stat1 WHERE idx = 'attachment_item'"))
        }
        #expect(unstated == [])
        #expect(inspection == "1 1 1")
        // 21 attachments of one ticket: measured by ANALYZE, not stated.
        #expect(item?.hasPrefix("21 21") == true)
    }

    /// The close of a process that added a ticket reads a few pages whatever the size of the
    /// attachment table it looked at. Before, SQLite re-analyzed that table at every such close
    /// (its partial index for inspections had no statistics, being empty), counting every page.
    @Test func aWritersCloseDoesNotReadABigTableAgain() throws {
        let file = Folder()
        let id = try deskWithAttachments(file.path("desk.sqlite"), count: 600)
        let db = try AppDatabase.open(path: file.path("desk.sqlite"))
        #expect(try db.attachments(of: .item(id)).count == 601)
        _ = try db.addCase(sampleCase, at: t("2021-11-23T11:00:00+08:00"), ctx)
        let tablePages = try db.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM dbstat WHERE name = 'attachment' AND pagetype = 'leaf'") } ?? 0
        #expect(tablePages >= 300)
        let pages = try db.writer.writeWithoutTransaction { db in
            try pagesRead(db) { try AppDatabase.refreshStatistics(db) }
        }
        #expect(pages < 60, "the close read \(pages) pages; the attachment table has \(tablePages) leaf pages")
        try db.close()
    }
}
