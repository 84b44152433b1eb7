import Foundation
import GRDB
import GRDBSQLite
import HelpDeskCore

/// What a backup holds, as counted in it: said when it is written, and compared with the database
/// it was taken from.
public struct BackupSummary: Equatable, Sendable {
    public var items: Int
    public var historyRows: Int
    /// The schema's last migration in the copy.
    public var schema: String
    /// `PRAGMA integrity_check` said "ok".
    public var intact: Bool
}

/// Why a file cannot be restored (or verified as a backup). Each says what the file is and what to do.
public enum BackupRefusal: Error, Equatable {
    case missing(path: String)
    case notSQLite(path: String)
    case notHelpdesk(path: String)
    case newer(path: String, unknown: [String])
    case damaged(path: String, detail: String)
    case exists(path: String)
    case differs(path: String, expected: String, found: String)
    /// The copy's folder does not exist.
    case noFolder(path: String, folder: String)
    /// The copy cannot be written there (the system's reason).
    case cannotWrite(path: String, reason: String)
    /// Not a file at all: a folder, a FIFO, a device or a socket. Refused before it is opened, so a
    /// FIFO is never waited on.
    case notAFile(path: String, kind: FileKind)

    /// What a path that is not a regular file is.
    public enum FileKind: String, Sendable {
        case folder, fifo, device, socket

        var name: LocalizedText {
            switch self {
            case .folder: return Catalog.Backup.folder
            case .fifo: return Catalog.Backup.fifo
            case .device: return Catalog.Backup.device
            case .socket: return Catalog.Backup.socket
            }
        }
    }

    public func message(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages.
    public var said: LocalizedText {
        switch self {
        case .missing(let path): return Catalog.Backup.missing(path)
        case .notSQLite(let path): return Catalog.Backup.notSQLite(path)
        case .notHelpdesk(let path): return Catalog.Backup.notHelpdesk(path)
        case let .newer(path, unknown): return Catalog.Backup.newer(path, unknown: unknown)
        case let .damaged(path, detail): return Catalog.Backup.damaged(path, detail: detail)
        case .exists(let path): return Catalog.Backup.exists(path)
        case let .noFolder(path, folder): return Catalog.Backup.noFolder(path, folder: folder)
        case let .cannotWrite(path, reason): return Catalog.Backup.cannotWrite(path, reason: reason)
        case let .notAFile(path, kind): return Catalog.Backup.notABackup(path, is: kind.name)
        case let .differs(path, expected, found): return Catalog.Backup.differs(path, expected: expected, found: found)
        }
    }
}

extension BackupRefusal {
    /// What the file is, without what a refused restore says about it (for `doctor`).
    public func finding(_ lang: Language) -> String {
        switch self {
        case .notSQLite(let path): return Catalog.Backup.isNotSQLite(path)(lang)
        case .notHelpdesk(let path): return Catalog.Backup.isNotHelpdesk(path)(lang)
        case let .notAFile(path, kind): return Catalog.Backup.notADatabase(path, is: kind.name)(lang)
        default: return message(lang)
        }
    }
}

extension AppDatabase {
    /// Counts what the database holds in `db`'s transaction.
    static func backupSummary(_ db: Database, checkIntegrity: Bool) throws -> BackupSummary {
        let items = try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0
        let history = try Int.fetchOne(db, sql: "SELECT count(*) FROM history") ?? 0
        let applied = try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations")
        let schema = migrations.last { applied.contains($0.identifier) }?.identifier ?? "?"
        var intact = true
        if checkIntegrity {
            let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
            intact = result == ["ok"]
        }
        return BackupSummary(items: items, historyRows: history, schema: schema, intact: intact)
    }

    /// Writes a consistent copy of the database to `path` while consoles and writers go on, and
    /// verifies it: SQLite's online backup copies every page inside one read transaction, so the
    /// copy is the database as of one instant; the copy then passes `integrity_check` and holds
    /// as many items and history rows as that instant did, or it is removed and the backup fails.
    ///
    /// The copy is written beside `path` under a temporary name (`.NAME.PID.partial`) and renamed
    /// when verified, so a file at `path` is always a whole, checked backup. Temporary copies left
    /// there by backups or restores that were killed are removed first. An existing `path` is
    /// refused. The file is readable and writable by its owner and group only, like the database.
    public func backup(to path: String) throws -> BackupSummary {
        try Self.writeVerifiedCopy(of: writer, to: path)
    }

    /// `backup(to:)` of what `source` holds: also the copy a restore keeps, taken while the restore
    /// holds the database's write lock.
    static func writeVerifiedCopy(of source: any DatabaseReader, to path: String) throws -> BackupSummary {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw BackupRefusal.exists(path: path) }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BackupRefusal.noFolder(path: path, folder: folder)
        }
        removeAbandonedPartials(in: folder)
        let temporary = partialPath(for: path)
        removeDatabaseFiles(temporary)
        do { try createPrivateFile(temporary) } catch {
            throw BackupRefusal.cannotWrite(path: path, reason: String(cString: strerror(errno == 0 ? EACCES : errno)))
        }
        var removeTemporary = true
        defer { if removeTemporary { removeDatabaseFiles(temporary) } }

        let destination = try DatabaseQueue(path: temporary)
        let expected: BackupSummary = try source.read { source in
            let summary = try Self.backupSummary(source, checkIntegrity: false)
            try destination.writeWithoutTransaction { try source.backup(to: $0) }
            return summary
        }
        // The copy is a file of its own: one file, no WAL beside it.
        _ = try destination.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
        let found = try destination.read { try Self.backupSummary($0, checkIntegrity: true) }
        try destination.close()
        guard found.intact else { throw BackupRefusal.damaged(path: path, detail: "not ok") }
        guard found.items == expected.items, found.historyRows == expected.historyRows else {
            throw BackupRefusal.differs(path: path, expected: "\(expected.items)/\(expected.historyRows)",
                                        found: "\(found.items)/\(found.historyRows)")
        }
        if fm.fileExists(atPath: path) { throw BackupRefusal.exists(path: path) }
        try fm.moveItem(atPath: temporary, toPath: path)
        removeTemporary = false
        return found
    }

    /// Checks that `path` is a whole helpdesk database this program can read: a regular file (a
    /// folder, a FIFO or a device is refused at once, never opened to wait), an SQLite file, with
    /// helpdesk's schema record, no migration this program does not know, and intact.
    public static func verifyBackup(_ path: String) throws -> BackupSummary {
        var st = stat()
        guard stat(path, &st) == 0 else {
            if errno == ENOENT || errno == ENOTDIR { throw BackupRefusal.missing(path: path) }
            throw BackupRefusal.notSQLite(path: path)
        }
        if let kind = fileKind(st) { throw BackupRefusal.notAFile(path: path, kind: kind) }
        // Opened without waiting: were it swapped for a FIFO since, the open does not block.
        let fd = Foundation.open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { throw BackupRefusal.notSQLite(path: path) }
        defer { _ = Foundation.close(fd) }
        var opened = stat()
        guard fstat(fd, &opened) == 0 else { throw BackupRefusal.notSQLite(path: path) }
        if let kind = fileKind(opened) { throw BackupRefusal.notAFile(path: path, kind: kind) }
        var header = [UInt8](repeating: 0, count: 16)
        guard Foundation.read(fd, &header, 16) == 16, header == Array("SQLite format 3\u{0}".utf8) else {
            throw BackupRefusal.notSQLite(path: path)
        }
        var config = Configuration()
        config.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: config) } catch {
            // It has SQLite's header: a file SQLite cannot open past it is damaged.
            throw BackupRefusal.damaged(path: path, detail: (error as? DatabaseError)?.message ?? "\(error)")
        }
        defer { try? queue.close() }
        do {
            return try queue.read { db in
                let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
                guard tables.contains("grdb_migrations"), tables.contains("item"), tables.contains("history") else {
                    throw BackupRefusal.notHelpdesk(path: path)
                }
                let state = try SchemaState(db)
                guard state.applied.contains(migrations[0].identifier) else { throw BackupRefusal.notHelpdesk(path: path) }
                guard state.unknown.isEmpty else { throw BackupRefusal.newer(path: path, unknown: state.unknown) }
                let result = try String.fetchAll(db, sql: "PRAGMA integrity_check")
                guard result == ["ok"] else {
                    throw BackupRefusal.damaged(path: path, detail: result.prefix(3).joined(separator: "; "))
                }
                return try backupSummary(db, checkIntegrity: false)
            }
        } catch let refusal as BackupRefusal {
            throw refusal
        } catch let error as DatabaseError {
            throw BackupRefusal.damaged(path: path, detail: error.message ?? "\(error.resultCode)")
        }
    }

    /// What a file that is not a regular one is; `nil` for a regular file.
    static func fileKind(_ st: stat) -> BackupRefusal.FileKind? {
        switch st.st_mode & S_IFMT {
        case S_IFREG: return nil
        case S_IFDIR: return .folder
        case S_IFIFO: return .fifo
        case S_IFSOCK: return .socket
        default: return .device
        }
    }

    /// Replaces what this database holds with the backup at `path` (supervisors only), after
    /// `verifyBackup` accepted it, losing nothing that was acknowledged:
    ///
    /// 1. The backup is copied beside the database (`.NAME.restoring.PID.partial`) and brought up
    ///    to this program's schema there, while consoles and writers go on.
    /// 2. The restore takes the database's write lock (waiting for a writer at most as long as the
    ///    busy timeout) and holds it to the end: other writers wait meanwhile, or are refused as
    ///    busy with nothing written. Readers go on reading what was there.
    /// 3. Under the lock, what the database holds is written to `keepAs` with every write
    ///    acknowledged before, and verified, as `backup(to:)` does.
    /// 4. Under the lock, the copy's id counters (`sqlite_sequence`) are raised to the highest id
    ///    the database handed out, so that no id that left the program (a ticket's number, a
    ///    notification's id, a step's id) is ever handed out again.
    /// 5. SQLite's backup API writes the copy's pages into the database in the same write
    ///    transaction, and commits: consoles see the restored records at their next read. Killed
    ///    before that commit, the database is as it was.
    public func restore(from path: String, keepingCurrentAs keepAs: String, _ ctx: Context) throws -> (kept: BackupSummary, restored: BackupSummary) {
        _ = try Self.verifyBackup(path)
        try writer.read { db in
            // Checked before anything is written: a database with no staff yet (new) may be restored by anyone.
            if try StaffMember.fetchCount(db) > 0 { try Self.authorize(db, ctx, .supervise(.restore)) }
        }
        let livePath = writer.path
        guard !livePath.isEmpty, livePath != ":memory:" else {
            throw StoreError.invalid(Catalog.Backup.onlyAFile)
        }
        if FileManager.default.fileExists(atPath: keepAs) { throw BackupRefusal.exists(path: keepAs) }
        let liveURL = URL(fileURLWithPath: livePath)
        let folder = liveURL.deletingLastPathComponent().path
        Self.removeAbandonedPartials(in: folder)

        // 1. The copy to restore, up to date, beside the database.
        let imagePath = Self.partialPath(for: liveURL.appendingPathExtension("restoring").path)
        Self.removeDatabaseFiles(imagePath)
        defer { Self.removeDatabaseFiles(imagePath) }
        do { try Self.createPrivateFile(imagePath) } catch {
            throw BackupRefusal.cannotWrite(path: imagePath, reason: String(cString: strerror(errno == 0 ? EACCES : errno)))
        }
        let image = try DatabaseQueue(path: imagePath, configuration: Self.configuration)
        defer { try? image.close() }
        do {
            var config = Configuration()
            config.readonly = true
            let source = try DatabaseQueue(path: path, configuration: config)
            defer { try? source.close() }
            try source.backup(to: image)
        }
        _ = try image.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = DELETE") }
        // SQLite writes pages into a WAL database only from a copy with pages of the same size.
        let pageSize = try writer.read { try Int.fetchOne($0, sql: "PRAGMA page_size") ?? 4096 }
        try image.writeWithoutTransaction { db in
            if try Int.fetchOne(db, sql: "PRAGMA page_size") != pageSize {
                try db.execute(sql: "PRAGMA page_size = \(pageSize)")
                try db.execute(sql: "VACUUM")
            }
        }
        _ = try AppDatabase(image)

        // The database's records are copied under its write lock by a reader beside it: in WAL
        // mode readers go on while a writer holds the lock (a database made by a program before
        // WAL was set at creation may still be in rollback mode).
        if try writer.read({ try String.fetchOne($0, sql: "PRAGMA journal_mode") }) != "wal" { try Self.useWAL(writer) }

        // 2.–5. Under the database's write lock, to the end.
        var kept: BackupSummary?
        try writer.writeWithoutTransaction { live in
            try image.writeWithoutTransaction { imageDB in
                guard let backup = sqlite3_backup_init(live.sqliteConnection, "main", imageDB.sqliteConnection, "main") else {
                    throw DatabaseError(resultCode: ResultCode(rawValue: sqlite3_errcode(live.sqliteConnection)),
                                        message: String(cString: sqlite3_errmsg(live.sqliteConnection)))
                }
                var open = true
                defer { if open { sqlite3_backup_finish(backup) } }
                func failure(_ rc: Int32) -> DatabaseError {
                    DatabaseError(resultCode: ResultCode(rawValue: rc), message: String(cString: sqlite3_errmsg(live.sqliteConnection)))
                }
                // A step of no pages: it begins the write transaction on the database and keeps it
                // open, under the connection's busy timeout like any write.
                let locked = sqlite3_backup_step(backup, 0)
                guard locked == SQLITE_OK else { throw failure(locked) }

                var config = Configuration()
                config.readonly = true
                let current = try DatabaseQueue(path: livePath, configuration: config)
                defer { try? current.close() }
                kept = try Self.writeVerifiedCopy(of: current, to: keepAs)
                let handedOut = try current.read { db in
                    try Row.fetchAll(db, sql: "SELECT name, seq FROM sqlite_sequence").map { (name: $0[0] as String, seq: $0[1] as Int64) }
                }
                try imageDB.inTransaction {
                    try Self.raiseIDCounters(imageDB, to: handedOut)
                    return .commit
                }

                let done = sqlite3_backup_step(backup, -1)
                guard done == SQLITE_DONE else { throw failure(done) }
                open = false
                let finished = sqlite3_backup_finish(backup)
                guard finished == SQLITE_OK else { throw failure(finished) }
                live.clearSchemaCache()
            }
        }
        try prepare(founder: nil)
        let restored = try writer.read { try Self.backupSummary($0, checkIntegrity: true) }
        return (kept!, restored)
    }

    /// Raises each id counter of `db` to at least the value in `handedOut` (a table's highest id
    /// ever handed out, from `sqlite_sequence` of the database being replaced).
    static func raiseIDCounters(_ db: Database, to handedOut: [(name: String, seq: Int64)]) throws {
        let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        for (name, seq) in handedOut where tables.contains(name) {
            try db.execute(sql: "UPDATE sqlite_sequence SET seq = max(seq, ?) WHERE name = ?", arguments: [seq, name])
            if db.changesCount == 0 {
                try db.execute(sql: "INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", arguments: [name, seq])
            }
        }
    }

    /// Creates an empty file readable and writable by its owner and group only (0660, whatever the
    /// umask). SQLite gives the database's WAL and shared-memory files the database file's mode, so
    /// they follow it.
    static func createPrivateFile(_ path: String) throws {
        let fd = Foundation.open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC, 0o660)
        guard fd >= 0 else {
            throw CocoaError(.fileWriteNoPermission, userInfo: [NSFilePathErrorKey: path,
                                                                NSLocalizedDescriptionKey: String(cString: strerror(errno))])
        }
        defer { _ = Foundation.close(fd) }
        _ = fchmod(fd, 0o660)
    }
}

// MARK: - Temporary copies

/// A hidden temporary copy, `.NAME.PID.partial` (and its `-journal`), that a backup or a restore
/// writes beside its file and renames or removes when it ends. One that is left was written by a
/// process that was killed.
public struct PartialCopy: Equatable, Sendable {
    public var path: String
    /// The process that writes (or wrote) it.
    public var pid: Int32
    public var bytes: Int64
    /// The process still runs: its backup or restore is under way.
    public var processRunning: Bool
}

extension AppDatabase {
    /// `.NAME.PID.partial` beside `path`, for this process.
    static func partialPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
    }

    /// Removes an SQLite file and the journal, WAL and shared-memory files beside it.
    static func removeDatabaseFiles(_ path: String) {
        for suffix in ["", "-journal", "-wal", "-shm"] { _ = unlink(path + suffix) }
    }

    /// The temporary copies in `folder`, by the process that writes them.
    public static func partialCopies(in folder: String) -> [PartialCopy] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasPrefix(".") else { return nil }
            var base = Substring(name)
            for suffix in ["-journal", "-wal", "-shm"] where base.hasSuffix(suffix) { base = base.dropLast(suffix.count) }
            guard base.hasSuffix(".partial") else { return nil }
            base = base.dropLast(".partial".count)
            guard let dot = base.lastIndex(of: "."), base.distance(from: base.startIndex, to: dot) > 1,
                  let pid = Int32(base[base.index(after: dot)...]), pid > 0 else { return nil }
            let path = URL(fileURLWithPath: folder).appendingPathComponent(name).path
            var st = stat()
            guard lstat(path, &st) == 0, st.st_mode & S_IFMT == S_IFREG else { return nil }
            let running = kill(pid, 0) == 0 || errno != ESRCH
            return PartialCopy(path: path, pid: pid, bytes: Int64(st.st_size), processRunning: running)
        }
    }

    /// Removes the temporary copies in `folder` whose process is gone; those of a running process
    /// (this one's included) stay. Returns what it removed.
    @discardableResult
    public static func removeAbandonedPartials(in folder: String) -> [String] {
        partialCopies(in: folder).filter { !$0.processRunning && unlink($0.path) == 0 }.map(\.path)
    }
}
