import Foundation
import GRDB
import Testing

/// `PRAGMA schema_version` of the file, read on a connection of the test's own that is closed again.
private func schemaVersion(_ db: String) throws -> Int {
    let queue = try DatabaseQueue(path: db)
    defer { try? queue.close() }
    return try queue.read { try Int.fetchOne($0, sql: "PRAGMA schema_version") ?? -1 }
}

/// Removes the `-wal` and `-shm` files a closed database may leave (no connection is open).
private func removeWAL(_ db: String) {
    try? FileManager.default.removeItem(atPath: db + "-wal")
    try? FileManager.default.removeItem(atPath: db + "-shm")
}

/// A database with a ticket and a fault, made by the command line; no connection left open.
private func filledDatabase(_ function: String = #function) -> String {
    let db = freshDatabase(function)
    addCase(db, at: "2021-11-23T10:00:00+08:00")
    addFault(db, level: 2, at: "2021-11-23T11:00:00+08:00")
    return db
}

private let reads: [[String]] = [
    ["case", "list"], ["case", "list", "--json"], ["show", "1"], ["case", "show", "1", "--json"], ["kpi"], ["list"],
    ["fault", "list"], ["fault", "show", "2"],
]

@Suite("Opening the database", .serialized, .scratch)
struct OpeningTests {
    @Test("a read changes nothing, not even schema_version, when the -wal file is missing")
    func aReadLeavesTheSchemaAlone() throws {
        let db = filledDatabase()
        for args in reads {
            removeWAL(db)
            let before = try schemaVersion(db)
            removeWAL(db)
            let r = helpdesk(args, db: db)
            #expect(r.status == 0, "\(args): \(r.err)")
            #expect(try schemaVersion(db) == before, "helpdesk \(args.joined(separator: " ")) changed schema_version")
        }
    }

    @Test("reads succeed while another connection holds the write lock")
    func readsDoNotWaitForTheWriteLock() throws {
        let db = filledDatabase()
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: db, configuration: config)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        defer {
            try? holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
            try? holder.close()
        }
        for args in reads {
            let r = helpdesk(args, db: db)
            #expect(r.status == 0, "\(args) while the write lock is held: \(r.err)")
        }
    }

    @Test("fifty processes starting on a brand-new file at once all succeed; it is migrated once")
    func fiftyProcessesOnANewFile() throws {
        // A few rounds: the race between processes migrating a new file does not show every time.
        for round in 0..<3 {
            let db = freshDatabase("fiftyProcessesOnANewFile\(round)")
            let commands: [[String]] = (0..<50).map { n in
                n % 5 == 0 ? ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "并发 \(n)",
                              "--at", "2021-11-23T10:00:00+08:00"]
                    : (n % 2 == 0 ? ["case", "list", "--json"] : ["kpi", "--json"])
            }
            let running = try commands.map { try startHelpdesk($0, db: db) }
            let results = running.map { $0.finish() }
            for (args, r) in zip(commands, results) {
                #expect(r.status == 0, "round \(round), \(args): \(r.err)")
            }
            let queue = try DatabaseQueue(path: db)
            defer { try? queue.close() }
            let (migrations, staff, items) = try queue.read { conn in
                (try String.fetchAll(conn, sql: "SELECT identifier FROM grdb_migrations"),
                 try Int.fetchOne(conn, sql: "SELECT count(*) FROM staff") ?? 0,
                 try Int.fetchOne(conn, sql: "SELECT count(*) FROM item") ?? 0)
            }
            #expect(Set(migrations).count == migrations.count && !migrations.isEmpty)
            #expect(staff == 1, "the creator is the one founder")
            #expect(items == 10)
            #expect(try queue.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
        }
    }

    @Test("a database written by a newer program is refused with status 2 and left unchanged")
    func aNewerSchemaIsRefused() throws {
        let db = filledDatabase()
        do {
            let queue = try DatabaseQueue(path: db)
            try queue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
            try queue.close()
        }
        removeWAL(db)
        let before = try Data(contentsOf: URL(fileURLWithPath: db))
        for args in [["case", "list"], ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                         "--title", "T", "--at", "2021-11-23T10:00:00+08:00"]] {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2, "\(args): \(r.err)")
            #expect(r.err.contains("newer"), "\(r.err)")
            #expect(r.err.contains("v99: from the future"), "\(r.err)")
            #expect(r.out.isEmpty)
        }
        removeWAL(db)
        #expect(try Data(contentsOf: URL(fileURLWithPath: db)) == before)
    }
}
