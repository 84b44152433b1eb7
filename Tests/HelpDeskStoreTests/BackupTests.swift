import Foundation
import GRDB
import Testing
import TestProcesses
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

private func mode(_ path: String) throws -> Int {
    (try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber)?.intValue ?? -1
}

/// A database file as the program before the last migration made it.
private func makeOlderDatabase(_ path: String) throws {
    let q = try DatabaseQueue(path: path)
    try q.write { db in
        try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
        for migration in AppDatabase.migrations.dropLast() {
            try migration.migrate(db)
            try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
        }
    }
    try q.close()
}

private let ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))

private func desk(_ path: String, cases: Int) throws -> AppDatabase {
    let db = try AppDatabase.open(path: path)
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    for _ in 0..<cases { _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx) }
    return db
}

@Suite("Backups, restores and the database file", .serialized)
struct BackupTests {
    @Test func aNewDatabaseAndItsWALAreForOwnerAndGroupOnly() throws {
        let folder = Folder()
        let old = umask(0o022)
        defer { umask(old) }
        let path = folder.path("desk.sqlite")
        let db = try desk(path, cases: 1)
        #expect(try mode(path) == 0o660)
        #expect(try mode(path + "-wal") == 0o660)
        #expect(try mode(path + "-shm") == 0o660)
        let copy = folder.path("copy.sqlite")
        _ = try db.backup(to: copy)
        #expect(try mode(copy) == 0o660)
        // An existing file keeps the mode its owner gave it.
        try db.close()
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        _ = try AppDatabase.open(path: path)
        #expect(try mode(path) == 0o600)
    }

    @Test func aBackupTakenWhileWritersWriteIsOneInstantAndIntact() throws {
        let folder = Folder()
        let path = folder.path("desk.sqlite")
        let db = try desk(path, cases: 300)
        let stop = ManagedAtomicFlag()
        // Two writers, each a connection of its own as two consoles would have, write throughout.
        // Threads of their own: the test runner's cooperative pool may be busy with other tests.
        let writes = Counter()
        let done = DispatchGroup()
        for _ in 0..<2 {
            done.enter()
            Thread.detachNewThread {
                defer { done.leave() }
                guard let other = try? AppDatabase.open(path: path) else { return }
                while !stop.isSet {
                    if (try? other.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)) != nil { writes.add() }
                }
            }
        }
        // Backups until the writers are seen writing between them (a loaded machine starts them late).
        var summaries: [BackupSummary] = []
        let started = Date()
        while summaries.count < 4 || (Set(summaries.map(\.items)).count < 3 && Date().timeIntervalSince(started) < 30) {
            summaries.append(try db.backup(to: folder.path("b\(summaries.count).sqlite")))
        }
        stop.set()
        done.wait()
        #expect(writes.value > 0 && Set(summaries.map(\.items)).count >= 3, "copies taken while the writers wrote")
        for (i, s) in summaries.enumerated() {
            #expect(s.intact && s.items >= 300)
            // Each copy holds whole transactions only: every case has its one history row of intake.
            let check = try AppDatabase.verifyBackup(folder.path("b\(i).sqlite"))
            #expect(check == BackupSummary(items: s.items, historyRows: s.historyRows, schema: s.schema, intact: true))
            #expect(s.historyRows == s.items)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.hasSuffix(".partial") } == [])
        #expect(throws: BackupRefusal.exists(path: folder.path("b0.sqlite"))) { try db.backup(to: folder.path("b0.sqlite")) }
    }

    @Test func whatIsNotAHelpdeskBackupIsRefusedByName() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 3)
        #expect(throws: BackupRefusal.missing(path: folder.path("none"))) { try AppDatabase.verifyBackup(folder.path("none")) }
        try Data("just text\n".utf8).write(to: folder.url.appendingPathComponent("text"))
        #expect(throws: BackupRefusal.notSQLite(path: folder.path("text"))) { try AppDatabase.verifyBackup(folder.path("text")) }
        let foreign = try DatabaseQueue(path: folder.path("foreign.sqlite"))
        try foreign.write { try $0.execute(sql: "CREATE TABLE x (a)") }
        try foreign.close()
        #expect(throws: BackupRefusal.notHelpdesk(path: folder.path("foreign.sqlite"))) {
            try AppDatabase.verifyBackup(folder.path("foreign.sqlite"))
        }
        // Written by a newer program: a migration this one does not know.
        let newer = folder.path("newer.sqlite")
        _ = try db.backup(to: newer)
        let q = try DatabaseQueue(path: newer)
        try q.write { try $0.execute(sql: "INSERT INTO grdb_migrations VALUES ('v99: from the future')") }
        try q.close()
        #expect(throws: BackupRefusal.newer(path: newer, unknown: ["v99: from the future"])) { try AppDatabase.verifyBackup(newer) }
        // Damaged: a page of the item table overwritten.
        let damaged = folder.path("damaged.sqlite")
        _ = try db.backup(to: damaged)
        // The item table's first page, wherever the schema puts it (the middle of the file may be
        // the schema's own pages, which makes it no database at all).
        let (pageSize, root) = try DatabaseQueue(path: damaged).read { db in
            (try Int.fetchOne(db, sql: "PRAGMA page_size") ?? 4096,
             try Int.fetchOne(db, sql: "SELECT rootpage FROM sqlite_master WHERE type = 'table' AND name = 'item'") ?? 2)
        }
        let handle = try #require(FileHandle(forUpdatingAtPath: damaged))
        try handle.seek(toOffset: UInt64(pageSize * (root - 1)))
        try handle.write(contentsOf: Data(repeating: 0xA5, count: pageSize))
        try handle.close()
        do {
            _ = try AppDatabase.verifyBackup(damaged)
            Issue.record("a damaged file was accepted")
        } catch let refusal as BackupRefusal {
            guard case .damaged = refusal else { Issue.record("refused as \(refusal.message(.en))"); return }
        }
    }

    @Test func aRestoreKeepsTheCurrentRecordsFirstAndIsForSupervisors() throws {
        let folder = Folder()
        let path = folder.path("desk.sqlite")
        let db = try desk(path, cases: 5)
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        let backup = folder.path("monday.sqlite")
        _ = try db.backup(to: backup)
        for _ in 0..<3 { _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx) }
        var lina = ctx
        lina.actor = "lina"
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.restore, user: "lina", role: .onsite))) {
            try db.restore(from: backup, keepingCurrentAs: folder.path("kept"), lina)
        }
        #expect(try db.count(ItemFilter()) == 8 && !FileManager.default.fileExists(atPath: folder.path("kept")))

        // Another connection, as a console would have, sees the restored records.
        let console = try AppDatabase.open(path: path)
        let (kept, restored) = try db.restore(from: backup, keepingCurrentAs: folder.path("kept"), ctx)
        #expect(kept.items == 8 && restored.items == 5 && restored.intact)
        #expect(try console.count(ItemFilter()) == 5)
        #expect(try AppDatabase.verifyBackup(folder.path("kept")).items == 8)
        #expect(try db.checkSummaries() == [])
        // And writes go on.
        _ = try console.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(try db.count(ItemFilter()) == 6)
    }

    /// Ids that leave the program (a notification's event id, a step's id, a fault's number) are
    /// never handed out again after a restore to an older backup: a gateway that drops repeats by
    /// event id would drop a new event, a person would find two tickets of one number.
    @Test func idsHandedOutBeforeARestoreAreNeverHandedOutAgain() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 2)
        for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
        let backup = folder.path("monday.sqlite")
        _ = try db.backup(to: backup)
        let first = try db.addFault(NewFault(level: .one, region: .haidong, title: "数据库宕机"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        let events = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        let steps = try db.escalations(of: first.id!).compactMap(\.id)
        #expect(!events.isEmpty && !steps.isEmpty)
        _ = try db.restore(from: backup, keepingCurrentAs: folder.path("kept"), ctx)

        let second = try db.addFault(NewFault(level: .one, region: .haidong, title: "应用服务器宕机"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(second.id! > first.id!)
        let newSteps = try db.escalations(of: second.id!).compactMap(\.id)
        #expect(newSteps.min()! > steps.max()!)
        // (What the backup held undelivered is claimed again, with its own event id: a true repeat.)
        let newEvents = try db.claimNotifications(now: ctx.now, lease: 60, ctx).filter { $0.itemId == second.id! }
        #expect(!newEvents.isEmpty && newEvents.map(\.id).min()! > events.map(\.id).max()!)
        #expect(Set(newEvents.map(\.eventID)).isDisjoint(with: events.map(\.eventID)))
        // Restoring the copy kept before goes on from the highest id either database gave.
        _ = try db.restore(from: folder.path("kept"), keepingCurrentAs: folder.path("kept2"), ctx)
        let third = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(third.id! > second.id!)
    }

    /// A FIFO, a folder or a device is refused by what it is, at once (a FIFO is never opened to wait).
    @Test func whatIsNotAFileIsRefusedByWhatItIs() throws {
        let folder = Folder()
        let fifo = folder.path("pipe")
        #expect(mkfifo(fifo, 0o600) == 0)
        #expect(throws: BackupRefusal.notAFile(path: fifo, kind: .fifo)) { try AppDatabase.verifyBackup(fifo) }
        #expect(throws: BackupRefusal.notAFile(path: folder.url.path, kind: .folder)) { try AppDatabase.verifyBackup(folder.url.path) }
        #expect(throws: BackupRefusal.notAFile(path: "/dev/null", kind: .device)) { try AppDatabase.verifyBackup("/dev/null") }
    }

    /// A backup or restore that was killed leaves its hidden `.NAME.PID.partial`: the next one
    /// removes those of processes that are gone, and leaves those of processes still running.
    @Test func partialCopiesOfProcessesThatAreGoneAreRemoved() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 1)
        let gone = try ChildProcess("/bin/true")
        gone.wait()
        let running = try ChildProcess("/bin/sleep", ["30"])
        defer { running.kill() }
        let dead = ".nightly.sqlite.\(gone.pid).partial"
        let live = ".other.sqlite.\(running.pid).partial"
        for name in [dead, dead + "-journal", live] { try Data(repeating: 7, count: 4096).write(to: folder.url.appendingPathComponent(name)) }
        let seen = AppDatabase.partialCopies(in: folder.url.path)
        #expect(Set(seen.map(\.path)) == Set([dead, dead + "-journal", live].map(folder.path)))
        #expect(seen.first { $0.path == folder.path(live) }?.processRunning == true)
        #expect(seen.first { $0.path == folder.path(dead) }?.processRunning == false)
        _ = try db.backup(to: folder.path("b.sqlite"))
        let left = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).filter { $0.contains(".partial") }
        #expect(left == [live])
    }

    /// SQLite writes pages into a WAL database only from a copy with pages of its size: a backup
    /// with other pages (vacuumed elsewhere) is brought to the database's size first.
    @Test func aBackupWithPagesOfAnotherSizeIsRestored() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 3)
        let backup = folder.path("small-pages.sqlite")
        _ = try db.backup(to: backup)
        let q = try DatabaseQueue(path: backup)
        try q.writeWithoutTransaction { try $0.execute(sql: "PRAGMA page_size = 1024; VACUUM") }
        #expect(try q.read { try Int.fetchOne($0, sql: "PRAGMA page_size") } == 1024)
        try q.close()
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        let (kept, restored) = try db.restore(from: backup, keepingCurrentAs: folder.path("kept"), ctx)
        #expect(kept.items == 4 && restored.items == 3 && restored.intact)
    }

    /// A database still in rollback mode (made before WAL was set at creation) is restored too.
    @Test func aDatabaseInRollbackModeIsRestored() throws {
        let folder = Folder()
        let path = folder.path("desk.sqlite")
        try makeOlderDatabase(path)
        let db = try desk(path, cases: 2)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "delete")
        let backup = folder.path("b.sqlite")
        _ = try db.backup(to: backup)
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        let (kept, restored) = try db.restore(from: backup, keepingCurrentAs: folder.path("kept"), ctx)
        #expect(kept.items == 3 && restored.items == 2)
        #expect(try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id == 4)
    }

    @Test func aBackupFromAnOlderProgramIsBroughtUpToDate() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 4)
        // A file as the program before the last migration made it.
        let older = folder.path("older.sqlite")
        try makeOlderDatabase(older)
        let last = try #require(AppDatabase.migrations.last).identifier
        #expect(try AppDatabase.verifyBackup(older).schema != last)
        let (kept, restored) = try db.restore(from: older, keepingCurrentAs: folder.path("kept"), ctx)
        #expect(kept.items == 4 && restored.items == 0 && restored.schema == last)
        #expect(try db.checkSummaries() == [])
    }
}

/// A count kept by several threads.
final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var n = 0
    var value: Int { lock.withLock { n } }
    func add() { lock.withLock { n += 1 } }
}

/// A flag set once from one task and read from others.
final class ManagedAtomicFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

@Suite("When the file fails")
struct StorageFailureTests {
    @Test func aFullDiskLeavesNothingHalfWritten() throws {
        let folder = Folder()
        let db = try desk(folder.path("desk.sqlite"), cases: 3)
        let before = try db.count(ItemFilter())
        // The file may not grow by a page more: as a full disk does, SQLite refuses the write.
        try db.writer.writeWithoutTransaction { db in
            let pages = try Int.fetchOne(db, sql: "PRAGMA page_count") ?? 0
            try db.execute(sql: "PRAGMA max_page_count = \(pages)")
        }
        var big = sampleCase
        big.description = String(repeating: "养老保险", count: 5_000)  // 60 000 bytes: within the 64 KiB a description holds, pages more than the file may grow by
        do {
            _ = try db.addCase(big, at: t("2021-11-23T10:00:00+08:00"), ctx)
            Issue.record("a write past the disk's end was accepted")
        } catch {
            #expect(StorageFailure(error) == .full, "\(error)")
            #expect(StorageFailure(error)?.message(path: "/x/desk.sqlite", .en)
                    == "the disk holding /x/desk.sqlite is full; nothing of this change was written. Free some space and try again")
        }
        #expect(try db.count(ItemFilter()) == before)
        #expect(try db.historyCount() == before)
        #expect(try db.checkSummaries() == [] && db.integrityCheck() == ["ok"])
        // A small write still fits, and is whole.
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(try db.count(ItemFilter()) == before + 1)
    }

    @Test func fileFailuresAreNamedAndOtherErrorsAreNot() {
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_NOTADB)) == .notADatabase)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_CORRUPT)) == .damaged)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_READONLY)) == .readOnly)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_BUSY)) == .busy)
        #expect(StorageFailure(DatabaseError(resultCode: .SQLITE_CONSTRAINT)) == nil)
        #expect(StorageFailure(StoreError.notFound(id: 1)) == nil)
        #expect(StorageFailure.readOnly.message(path: "d", .zh).hasPrefix("数据库 d 对您只读；未作任何改动"))
    }
}

@Suite("A read-only database file")
struct ReadOnlyFileTests {
    @Test func readsWorkAndEveryWriteIsRefusedAsReadOnly() throws {
        let folder = Folder()
        let path = folder.path("desk.sqlite")
        try desk(path, cases: 2).close()
        let db = try AppDatabase.open(path: path, readOnly: true)
        #expect(db.isReadOnly)
        #expect(try db.count(ItemFilter()) == 2)
        #expect(try db.writeRefusal(ctx) == .readOnlyFile(user: "zhaolei"))
        do {
            _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
            Issue.record("a read-only connection wrote")
        } catch {
            #expect(StorageFailure(error) == .readOnly, "\(error)")
        }
        #expect(try AppDatabase.open(path: path).count(ItemFilter()) == 2)
    }

    @Test func anOlderSchemaIsNotUpgradedThroughAReadOnlyOpen() throws {
        let folder = Folder()
        let path = folder.path("older.sqlite")
        try makeOlderDatabase(path)
        #expect(throws: StorageFailure.readOnly) { try AppDatabase.open(path: path, readOnly: true) }
        #expect(try AppDatabase.fileSchema(path).pending.count == 1)
    }
}
