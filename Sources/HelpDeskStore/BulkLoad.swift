import Foundation
import GRDB
import HelpDeskCore

/// The secondary indexes and triggers of some tables, set aside for a bulk load and made again after.
///
/// SQLite fills a table fastest without indexes to keep up, and builds an index from a finished
/// table in one sorted pass. The statements are read from `sqlite_master` as the schema stored them,
/// so whatever migrations made (and the indexes and triggers added later) comes back exactly as it
/// was. Both happen inside the caller's transaction: if the load fails, nothing was dropped.
struct SuspendedSchema {
    struct Entry {
        var type: String
        var name: String
        var sql: String
    }

    /// Indexes first, then triggers, each in the order the schema lists them.
    let entries: [Entry]

    /// Drops every index and trigger on `tables` that has stored SQL (the indexes SQLite makes for
    /// PRIMARY KEY and UNIQUE constraints have none and stay).
    init(_ db: Database, tables: [String]) throws {
        let marks = tables.map { _ in "?" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db, sql: """
            SELECT type, name, sql FROM sqlite_master
            WHERE type IN ('index', 'trigger') AND tbl_name IN (\(marks)) AND sql IS NOT NULL
            ORDER BY type = 'trigger', rowid
            """, arguments: StatementArguments(tables))
        entries = rows.map { Entry(type: $0["type"], name: $0["name"], sql: $0["sql"]) }
        for entry in entries.reversed() {
            try db.execute(sql: "DROP \(entry.type == "index" ? "INDEX" : "TRIGGER") \(entry.name.quotedDatabaseIdentifier)")
        }
    }

    /// Makes the indexes and triggers again from their stored SQL.
    func restore(_ db: Database) throws {
        for entry in entries {
            try db.execute(sql: entry.sql)
        }
    }
}

// MARK: - The bulk load

/// A value of a row written by a bulk load: a number, a text, a time (stored as whole seconds), or
/// nothing. The store turns it into what its columns hold.
public protocol BulkValue {
    var bulkValue: BulkLoadValue { get }
}

/// What a `BulkValue` is, as a column stores it.
public enum BulkLoadValue: Sendable {
    case integer(Int64)
    case real(Double)
    case text(String)

    var databaseValue: DatabaseValue {
        switch self {
        case .integer(let v): v.databaseValue
        case .real(let v): v.databaseValue
        case .text(let v): v.databaseValue
        }
    }
}

extension Int64: BulkValue { public var bulkValue: BulkLoadValue { .integer(self) } }
extension Int: BulkValue { public var bulkValue: BulkLoadValue { .integer(Int64(self)) } }
extension Bool: BulkValue { public var bulkValue: BulkLoadValue { .integer(self ? 1 : 0) } }
extension Double: BulkValue { public var bulkValue: BulkLoadValue { .real(self) } }
extension String: BulkValue { public var bulkValue: BulkLoadValue { .text(self) } }
extension Date: BulkValue { public var bulkValue: BulkLoadValue { .integer(dbSeconds) } }

/// The tables a bulk load writes row by row.
public enum BulkTable: String, CaseIterable, Sendable {
    case item, history, escalation, notification
    case notificationRecipient = "notification_recipient"
    case timeline = "timeline_entry"
}

extension AppDatabase {
    /// The `setting` row that marks a database made by (or for) a bulk load of demo data.
    static let demoMarker = "demo_data"

    /// Loads many rows at once, the way demo data is made: `body` writes them through the session,
    /// all in one transaction, and a failure anywhere rolls the whole load back.
    ///
    /// The load checks, inside its transaction, that it may go into this database and marks the
    /// database as a demo one (`isDemoDatabase()`): a database holding work items that no bulk load
    /// made is refused, and a database that has staff needs a supervisor. `staff` is added first
    /// (those not on the list yet).
    ///
    /// When `rows` (the work items the load means to add) is at least the number already there,
    /// the indexes and triggers of the tables it writes are set aside while it loads and made again
    /// from their stored SQL after, and the summaries are rebuilt: one pass over each table instead
    /// of an update per row. Such a load also runs with a rollback journal instead of the
    /// write-ahead log when no other connection has the file open: the pages it adds are new, so
    /// the journal stays small and they are written once, straight into the file, rather than into
    /// the log and then again by a checkpoint. Foreign keys are checked once, over the tables
    /// written, before the transaction commits rather than row by row; a violation rolls the load
    /// back.
    public func bulkLoad(rows: Int, staff: [StaffMember], _ ctx: Context, _ body: (BulkLoadSession) throws -> Void) throws {
        // A replicated file keeps its log and its journal mode (`isReplicated`).
        let replicated = isReplicated
        try writer.writeWithoutTransaction { db in
            let existing = try Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0
            let bulk = rows >= existing
            // Outside a transaction, as SQLite requires; restored whatever happens.
            try db.execute(sql: "PRAGMA foreign_keys = OFF")
            defer { try? db.execute(sql: "PRAGMA foreign_keys = ON") }
            let journal = bulk && !replicated ? try Self.useRollbackJournal(db) : nil
            defer { if let journal { _ = try? String.fetchOne(db, sql: "PRAGMA journal_mode = \(journal)") } }
            try db.inTransaction(.immediate) {
                try Self.authorizeBulkLoad(db, ctx)
                for member in staff where try !member.exists(db) { try member.insert(db) }
                // Counted again inside the write lock: another writer may have added items since.
                let tables = BulkTable.allCases.map(\.rawValue)
                let suspended = try bulk && rows >= (Int.fetchOne(db, sql: "SELECT count(*) FROM item") ?? 0)
                    ? SuspendedSchema(db, tables: tables) : nil
                try body(BulkLoadSession(db, ctx))
                if let suspended {
                    try suspended.restore(db)
                    try Self.rebuildSummaries(db)
                }
                for table in tables {
                    if let row = try Row.fetchOne(db, sql: "PRAGMA foreign_key_check(\(table))") {
                        throw DatabaseError(resultCode: .SQLITE_CONSTRAINT_FOREIGNKEY,
                                            message: "the bulk load broke a foreign key of \(table): \(row)")
                    }
                }
                return .commit
            }
            // A load that went through the write-ahead log: give its space back now that it is in
            // the database file (while replicated, the checkpoints give it back: PASSIVE only).
            if bulk, journal == nil, !replicated { _ = try Row.fetchOne(db, sql: "PRAGMA wal_checkpoint(TRUNCATE)") }
        }
    }

    /// Checks, inside the load's write transaction, that a bulk load may go into this database, and
    /// marks it as a demo one.
    static func authorizeBulkLoad(_ db: Database, _ ctx: Context) throws {
        if try StaffMember.fetchCount(db) > 0 {
            try authorize(db, ctx, .supervise(.fillDemo))
        }
        let marked = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = ?)", arguments: [demoMarker]) ?? false
        guard !marked else { return }
        if try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM item)") ?? false {
            throw StoreError.invalid(Catalog.Store.notADemoDatabase)
        }
        try db.execute(sql: "INSERT INTO setting (key, value) VALUES (?, ?)", arguments: [demoMarker, BeijingTime.iso(ctx.now)])
    }

    /// Leaves write-ahead logging for a rollback journal for the length of a bulk load, when SQLite
    /// can (no other connection has the file open): the mode to return to, or `nil` when the mode
    /// did not change.
    static func useRollbackJournal(_ db: Database) throws -> String? {
        guard let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode"), mode == "wal" else { return nil }
        let now = try? String.fetchOne(db, sql: "PRAGMA journal_mode = DELETE")
        return now == "delete" ? mode : nil
    }

    /// Which item `latestItem(receivedBy:_:)` looks for.
    public enum LatestItem: Sendable {
        /// A CASE ticket (general or special).
        case caseTicket
        /// An assessed requirement still due after the time looked at, not yet the source of a link.
        case openRequirement
    }

    /// The latest item taken in at or before `t` of the sort `wanted`, for a loader that wrote its
    /// items in the order they came in: the search halves the ids (a million items: twenty reads)
    /// and walks back from there by id, at most 5,000 items, rather than scanning by time.
    public func latestItem(receivedBy t: Date, _ wanted: LatestItem) throws -> Int64? {
        let condition = switch wanted {
        case .caseTicket: "kind IN ('general', 'special')"
        case .openRequirement: """
            kind = 'requirement' AND status = 'assessed' AND due_at > \(t.dbSeconds)
            AND id NOT IN (SELECT source_id FROM item_link)
            """
        }
        return try read { db in
            var (low, high) = (Int64(0), try Int64.fetchOne(db, sql: "SELECT max(id) FROM item") ?? 0)
            while low < high {
                let mid = (low + high + 1) / 2
                let at = try Int64.fetchOne(db.cachedStatement(sql: "SELECT received_at FROM item WHERE id = ?"), arguments: [mid])
                if let at, at <= t.dbSeconds { low = mid } else { high = mid - 1 }
            }
            // By id alone (NOT INDEXED: no index on the condition's columns is walked instead),
            // and no further back than a few thousand items.
            return try Int64.fetchOne(db, sql: """
                SELECT id FROM item NOT INDEXED WHERE id BETWEEN ? AND ? AND received_at <= ? AND \(condition)
                ORDER BY id DESC LIMIT 1
                """, arguments: [low - 5_000, low, t.dbSeconds])
        }
    }
}

/// The inside of a bulk load (`AppDatabase.bulkLoad`): what it may read, the rows it writes, and
/// the texts the store keeps in coded form, so that loaded rows read back as the operations' do.
/// It lives only for the length of the load.
public final class BulkLoadSession {
    let db: Database
    let ctx: Context

    init(_ db: Database, _ ctx: Context) {
        self.db = db
        self.ctx = ctx
    }

    /// The id AUTOINCREMENT would give the table's next row.
    public func nextID(_ table: BulkTable) throws -> Int64 {
        let sequence = try Int64.fetchOne(db, sql: "SELECT seq FROM sqlite_sequence WHERE name = ?", arguments: [table.rawValue]) ?? 0
        let highest = try Int64.fetchOne(db, sql: "SELECT max(id) FROM \(table.rawValue)") ?? 0
        return max(sequence, highest) + 1
    }

    /// Rows of `table`, written many to a statement: see `BulkInserter`.
    public func inserter(_ table: BulkTable, _ columns: [String], values: [String?]? = nil, rows: Int,
                         shared: (() -> Int64)? = nil) throws -> BulkInserter {
        try BulkInserter(db, table.rawValue, columns, values: values, rows: rows, shared: shared)
    }

    /// Whom a notification of `step` names, as the outbox stores them: the JSON of the people, and
    /// the staff among them (as `notification_recipient` lists them). `alsoClient` adds the client
    /// office's contacts to a step that does not name them of itself.
    public func notified(_ step: EscalationStep, alsoClient: Bool) throws -> (json: String, usernames: [String]) {
        let (people, usernames) = try AppDatabase.notified(db, step, alsoClient: alsoClient, ctx)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (String(decoding: try encoder.encode(people), as: UTF8.self), usernames)
    }

    /// A system note as history's `note_code` stores it.
    public func stored(_ note: SystemNote) -> String { note.code.json }

    /// An escalation reason as the escalation's `reason` column stores it.
    public func stored(_ reason: EscalationReason) -> String { reason.stored }

    /// Adds the entries of the inventory not in it yet (by kind and name).
    public func addInventory(_ entries: [InventoryEntry]) throws {
        for e in entries {
            try db.execute(sql: "INSERT INTO inventory (kind, name, parent, note) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                           arguments: [e.kind.rawValue, e.name, e.parent, e.note])
        }
    }
}

/// Rows of one table, inserted `rows` at a time by one multi-row INSERT with positional arguments:
/// a statement runs once for many rows, and SQLite moves the table's AUTOINCREMENT counter once.
public struct BulkInserter {
    let db: Database
    let table: String
    let columns: [String]
    /// Which value of a row each column takes (`nil`: the batch's shared value).
    let values: [String?]
    let rows: Int
    /// A value all rows of a batch share, given as its first argument.
    let shared: (() -> Int64)?
    let full: Statement
    var arguments: [DatabaseValue] = []
    var count = 0

    init(_ db: Database, _ table: String, _ columns: [String], values: [String?]?, rows: Int,
         shared: (() -> Int64)?) throws {
        self.db = db
        self.table = table
        self.columns = columns
        self.values = values ?? columns
        self.rows = rows
        self.shared = shared
        full = try db.makeStatement(sql: Self.sql(table, columns, self.values, rows: rows, shared: shared != nil))
    }

    /// `INSERT INTO t (a, b, c) VALUES (?2, ?3, ?1), (?4, ?5, ?1)`: numbered parameters, a value
    /// named twice in a row taking the same one.
    static func sql(_ table: String, _ columns: [String], _ values: [String?], rows: Int, shared: Bool) -> String {
        var distinct: [String] = []
        for value in values.compactMap({ $0 }) where !distinct.contains(value) { distinct.append(value) }
        let first = shared ? 2 : 1
        let tuples = (0..<rows).map { row in
            "(" + values.map { value in
                value.map { "?\(first + row * distinct.count + distinct.firstIndex(of: $0)!)" } ?? "?1"
            }.joined(separator: ", ") + ")"
        }
        return "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES " + tuples.joined(separator: ", ")
    }

    /// Adds a row: its distinct values in the order of the columns' values (`nil`: NULL). A full
    /// batch is written.
    public mutating func add(_ row: [(any BulkValue)?]) throws {
        if count == 0, let shared { arguments = [shared().databaseValue] }
        for value in row { arguments.append(value?.bulkValue.databaseValue ?? .null) }
        count += 1
        if count == rows {
            try full.execute(arguments: StatementArguments(arguments))
            arguments.removeAll(keepingCapacity: true)
            count = 0
        }
    }

    /// Writes the rows of a batch not yet full.
    public mutating func finish() throws {
        guard count > 0 else { return }
        try db.execute(sql: Self.sql(table, columns, values, rows: count, shared: shared != nil),
                       arguments: StatementArguments(arguments))
        arguments.removeAll(keepingCapacity: true)
        count = 0
    }
}
