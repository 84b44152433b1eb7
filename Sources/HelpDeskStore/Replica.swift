import Foundation
import GRDB
import HelpDeskCore

/// A database restored from a Litestream replica, made ready to be the desk's database on the host
/// that takes over (`helpdesk restore --replica`).
extension AppDatabase {
    /// What a takeover found in a restored copy.
    public struct RestoredCopy: Sendable {
        public var summary: BackupSummary
        /// Summary tables that differ from a full recount (none when they agree).
        public var mismatches: [SummaryMismatch]
    }

    /// Makes the copy at `path` (a file Litestream restored, not yet the desk's database) ready to
    /// be one, after `verifyBackup` accepted it: mode 0660 whatever the umask, brought up to this
    /// program's schema, in WAL mode with the store's settings, and its summaries compared with a
    /// full recount. Throws `BackupRefusal` for what `verifyBackup` refuses.
    public static func prepareRestoredCopy(_ path: String) throws -> RestoredCopy {
        _ = try verifyBackup(path)
        _ = chmod(path, 0o660)
        let database = try AppDatabase(try DatabaseQueue(path: path, configuration: configuration))
        if try database.read({ try String.fetchOne($0, sql: "PRAGMA journal_mode") }) != "wal" { try useWAL(database.writer) }
        let mismatches = try database.checkSummaries()
        let summary = try database.read { try backupSummary($0, checkIntegrity: true) }
        // The copy is this process's own until it is renamed: its log goes into the file now, so
        // that the file alone is the whole database.
        _ = try database.writer.writeWithoutTransaction { try Row.fetchOne($0, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        try database.close()
        return RestoredCopy(summary: summary, mismatches: mismatches)
    }
}
