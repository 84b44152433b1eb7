import Foundation
import GRDB
import HelpDeskCore

/// What `helpdesk doctor` reads of a database: the file's schema before it is opened, the
/// escalation timer's last run, the integrity check.
extension AppDatabase {
    /// The schema a database file holds, read without opening it for writing or upgrading it.
    public struct FileSchema: Equatable, Sendable {
        /// Migrations this program knows that the file lacks: the next open applies them.
        public var pending: [String]
        /// Migrations in the file that this program does not know: a newer program wrote it.
        public var unknown: [String]
        /// The file's last migration this program knows.
        public var latest: String?
    }

    /// Reads the schema of the file at `path` read-only; throws `BackupRefusal` for a path that is
    /// not a file (a folder, a FIFO, a device) or a file that is not an SQLite database or not helpdesk's.
    public static func fileSchema(_ path: String) throws -> FileSchema {
        guard FileManager.default.fileExists(atPath: path) else { throw BackupRefusal.missing(path: path) }
        // A FIFO is never opened: SQLite would wait on it for ever.
        var st = stat()
        if stat(path, &st) == 0, let kind = fileKind(st) { throw BackupRefusal.notAFile(path: path, kind: kind) }
        var config = Configuration()
        config.readonly = true
        let queue: DatabaseQueue
        do { queue = try DatabaseQueue(path: path, configuration: config) } catch { throw BackupRefusal.notSQLite(path: path) }
        defer { try? queue.close() }
        do {
            return try queue.read { db in
                let state = try SchemaState(db)
                guard !state.isEmpty else { return FileSchema(pending: migrations.map(\.identifier), unknown: [], latest: nil) }
                guard state.applied.contains(migrations[0].identifier) else { throw BackupRefusal.notHelpdesk(path: path) }
                return FileSchema(pending: migrations.map(\.identifier).filter { !state.applied.contains($0) },
                                  unknown: state.unknown,
                                  latest: migrations.last { state.applied.contains($0.identifier) }?.identifier)
            }
        } catch let error as DatabaseError where [.SQLITE_NOTADB, .SQLITE_CORRUPT].contains(error.resultCode) {
            throw BackupRefusal.notSQLite(path: path)
        }
    }

    /// `PRAGMA integrity_check`: `["ok"]` for an intact database, else SQLite's findings (at most 20).
    public func integrityCheck() throws -> [String] {
        try read { db in try String.fetchAll(db, sql: "PRAGMA integrity_check(20)") }
    }

    static let timerRunKey = "escalation_timer_last_run"

    /// Records that the escalation timer ran at `ctx.now`, as `ctx.actor`: `helpdesk escalate`
    /// writes it after taking the steps due, so that `doctor` can tell a timer that stopped.
    public func recordTimerRun(_ ctx: Context) throws {
        try writer.write { db in
            try Self.authorizeTimer(db, ctx)
            try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)",
                           arguments: [Self.timerRunKey, "\(BeijingTime.iso(ctx.now)) \(ctx.actor)"])
        }
    }

    /// When the escalation timer last ran and as whom; `nil` if it never did.
    public func timerLastRun() throws -> (at: Date, by: String)? {
        try read { db in
            guard let value = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [Self.timerRunKey]) else {
                return nil
            }
            let parts = value.split(separator: " ", maxSplits: 1).map(String.init)
            guard parts.count == 2, let at = try? TimeInput.parseInstant(parts[0]) else { return nil }
            return (at, parts[1])
        }
    }
}
