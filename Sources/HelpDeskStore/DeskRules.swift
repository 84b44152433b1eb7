import Foundation
import GRDB
import HelpDeskCore

/// The desk's rules kept in the database: escalation per fault level, inspection thresholds, the
/// client office's contacts. They bind every session alike, so they are not read from anybody's own
/// file; supervisors change them through the program (`helpdesk config set`), and every change goes
/// to the audit log with its old and new value. The system file, which only root may write, can set
/// the same keys and then wins.
///
/// Each rule is a row of `setting` keyed `rule:KEY`, its value the TOML text of `KEY = VALUE` as the
/// configuration reads it (`inspection.tablespace` → `92`, `escalation.level2` → an inline table).
/// The store keeps the text; the command line checks it before it is stored and reads it back.
public enum DeskRuleKey {
    /// Every key a desk rule may have.
    public static let all: [String] = ["client"]
        + FaultLevel.allCases.map { "escalation.level\($0.rawValue)" }
        + InspectionThresholds.keys.map { "inspection.\($0)" }
        + ["attachment.max_mb"]
        + ["waiting.allowed"]
        + ["mail.region", "mail.max_mb", "mail.reopen_days", "mail.refuse"]
        + ["replication.config"]

    static let prefix = "rule:"
}

extension AppDatabase {
    /// The desk's rules, by key: what `Configuration.readDeskRules` reads.
    public func deskRules() throws -> [(key: String, value: String)] {
        try read { db in try Self.deskRules(db) }
    }

    static func deskRules(_ db: Database) throws -> [(key: String, value: String)] {
        try Row.fetchAll(db, sql: "SELECT key, value FROM setting WHERE key GLOB 'rule:*' ORDER BY key").map { row in
            let key: String = row["key"]
            return (String(key.dropFirst(DeskRuleKey.prefix.count)), row["value"])
        }
    }

    /// Sets the desk rule `key` to `value` (TOML text, checked by the caller), or removes it when
    /// `value` is nil so that the contract's default applies again. Supervisors only; audited with
    /// the old and new value. Returns the old value.
    @discardableResult
    public func setDeskRule(_ key: String, to value: String?, _ ctx: Context) throws -> String? {
        guard DeskRuleKey.all.contains(key) else {
            throw StoreError.invalid(Catalog.Store.DeskRules.notARule(key, accepted: DeskRuleKey.all))
        }
        try Self.checkText(value, .deskRule)
        return try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editRules))
            let stored = DeskRuleKey.prefix + key
            let old = try String.fetchOne(db, sql: "SELECT value FROM setting WHERE key = ?", arguments: [stored])
            guard old != value else {
                throw StoreError.invalid(Catalog.Store.DeskRules.unchanged(key, value: value))
            }
            if let value {
                try db.execute(sql: "INSERT OR REPLACE INTO setting (key, value) VALUES (?, ?)", arguments: [stored, value])
            } else {
                try db.execute(sql: "DELETE FROM setting WHERE key = ?", arguments: [stored])
            }
            try Self.recordSetting(db, ctx, "desk rule \(key): \(old ?? "(default)") → \(value ?? "(default)")")
            return old
        }
    }
}
