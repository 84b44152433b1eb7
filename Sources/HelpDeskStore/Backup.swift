import Foundation
import GRDB
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

    public func message(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .missing(let path):
            return zh ? "\(path) 不存在" : "\(path) does not exist"
        case .notSQLite(let path):
            return zh ? "\(path) 不是 SQLite 数据库文件，未作任何改动" : "\(path) is not an SQLite database file; nothing was changed"
        case .notHelpdesk(let path):
            return zh ? "\(path) 是 SQLite 数据库，但不是 helpdesk 的数据库（没有其结构记录），未作任何改动"
                : "\(path) is an SQLite database but not a helpdesk one (it has no record of helpdesk's schema); nothing was changed"
        case let .newer(path, unknown):
            return zh ? "\(path) 由更新版本的 helpdesk 写入（本程序不认识：\(unknown.joined(separator: "、"))），未作任何改动；请使用新版本程序恢复"
                : "\(path) was written by a newer helpdesk (this program does not know: \(unknown.joined(separator: ", "))); nothing was changed: restore it with the newer program"
        case let .damaged(path, detail):
            return zh ? "\(path) 已损坏（完整性检查：\(detail)），未作任何改动" : "\(path) is damaged (integrity check: \(detail)); nothing was changed"
        case .exists(let path):
            return zh ? "\(path) 已存在；备份不覆盖已有文件，请换一个文件名" : "\(path) already exists; a backup never overwrites a file: name a new one"
        case let .noFolder(path, folder):
            return zh ? "无法写入 \(path)：目录 \(folder) 不存在；未作任何改动" : "cannot write \(path): there is no folder \(folder); nothing was changed"
        case let .cannotWrite(path, reason):
            return zh ? "无法写入 \(path)：\(reason)；未作任何改动" : "cannot write \(path): \(reason); nothing was changed"
        case let .differs(path, expected, found):
            return zh ? "备份 \(path) 与数据库不符（应为 \(expected)，实为 \(found)），已删除" : "the backup \(path) does not match the database (expected \(expected), found \(found)); it was removed"
        }
    }
}

extension BackupRefusal {
    /// What the file is, without what a refused restore says about it (for `doctor`).
    public func finding(_ lang: Language) -> String {
        let zh = lang == .zh
        switch self {
        case .notSQLite(let path): return zh ? "\(path) 不是 SQLite 数据库文件" : "\(path) is not an SQLite database file"
        case .notHelpdesk(let path): return zh ? "\(path) 是 SQLite 数据库，但不是 helpdesk 的数据库" : "\(path) is an SQLite database but not a helpdesk one"
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
    /// The copy is written beside `path` under a temporary name and renamed when verified, so a
    /// file at `path` is always a whole, checked backup. An existing `path` is refused. The file is
    /// readable and writable by its owner and group only, like the database.
    public func backup(to path: String) throws -> BackupSummary {
        let fm = FileManager.default
        if fm.fileExists(atPath: path) { throw BackupRefusal.exists(path: path) }
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier).partial").path
        var isFolder: ObjCBool = false
        let folder = url.deletingLastPathComponent().path
        guard fm.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BackupRefusal.noFolder(path: path, folder: folder)
        }
        try? fm.removeItem(atPath: temporary)
        do { try Self.createPrivateFile(temporary) } catch {
            throw BackupRefusal.cannotWrite(path: path, reason: String(cString: strerror(errno == 0 ? EACCES : errno)))
        }
        var removeTemporary = true
        defer { if removeTemporary { try? fm.removeItem(atPath: temporary) } }

        let destination = try DatabaseQueue(path: temporary)
        let expected: BackupSummary = try writer.read { source in
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

    /// Checks that `path` is a whole helpdesk database this program can read: an SQLite file,
    /// with helpdesk's schema record, no migration this program does not know, and intact.
    public static func verifyBackup(_ path: String) throws -> BackupSummary {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupRefusal.missing(path: path) }
        guard let handle = FileHandle(forReadingAtPath: path) else { throw BackupRefusal.notSQLite(path: path) }
        let header = (try? handle.read(upToCount: 16)) ?? Data()
        try? handle.close()
        guard header == Data("SQLite format 3\u{0}".utf8) else { throw BackupRefusal.notSQLite(path: path) }
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

    /// Replaces what this database holds with the backup at `path` (supervisors only), after
    /// `verifyBackup` accepted it: SQLite's backup API writes the pages into the live database under
    /// its write lock, so consoles that have it open see the restored records at their next read.
    /// A backup from an older program is brought up to this schema afterwards.
    ///
    /// What the database held before is first written to `keepAs` with `backup(to:)`: a restore
    /// never loses records without a copy.
    public func restore(from path: String, keepingCurrentAs keepAs: String, _ ctx: Context) throws -> (kept: BackupSummary, restored: BackupSummary) {
        _ = try Self.verifyBackup(path)
        try writer.read { db in
            // Checked before anything is written: a database with no staff yet (new) may be restored by anyone.
            if try StaffMember.fetchCount(db) > 0 { try Self.authorize(db, ctx, .supervise(.restore)) }
        }
        let kept = try backup(to: keepAs)
        var config = Configuration()
        config.readonly = true
        let source = try DatabaseQueue(path: path, configuration: config)
        defer { try? source.close() }
        try source.backup(to: writer)
        try prepare(founder: nil)
        let restored = try writer.read { try Self.backupSummary($0, checkIntegrity: true) }
        return (kept, restored)
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
