import Foundation
import GRDB
import HelpDeskCore

/// The one front door to the desk's database.
///
/// Following GRDB's AppDatabase pattern, the connection is the store's own: every write is one of
/// the public operations below, each one transaction that checks the operator's permission inside
/// it and keeps the contract's invariants. Reads go through the public read methods.
///
/// Several processes may open the same file at once (WAL, a busy timeout, IMMEDIATE write
/// transactions). Opening an existing, up-to-date database only reads: it takes no write lock and
/// changes nothing, not even `schema_version`.
public struct AppDatabase: Sendable {
    /// The connection. Internal, so that nothing outside the store writes past the operations.
    let writer: any DatabaseWriter

    /// Whether this connection only reads: the file is read-only for the user who opened it.
    public let isReadOnly: Bool

    /// Wraps `writer` and brings its schema up to date (creating it when empty). Internal: callers
    /// open a database with `open(path:founder:)` or `inMemory()`.
    init(_ writer: any DatabaseWriter, founder: StaffMember? = nil) throws {
        self.writer = writer
        self.isReadOnly = false
        try prepare(founder: founder)
    }

    /// Wraps a read-only connection: nothing is created or upgraded; a schema this program does
    /// not match is refused (a newer one as always, an older one because only a user who may
    /// write the file can upgrade it).
    init(readOnly reader: DatabaseQueue) throws {
        self.writer = reader
        self.isReadOnly = true
        let seen = try reader.read { db in try SchemaState(db) }
        try seen.refuseIfNewer()
        guard seen.isCurrent else { throw StorageFailure.readOnly }
    }

    /// Opens the database file at `path`, creating its folder and the file on first use.
    ///
    /// `founder`, when given, becomes the first supervisor of a database that has no staff yet (the
    /// user who creates a database). A database written by a newer program (migrations this one
    /// does not know) is refused with `StoreError.newerSchema`, untouched.
    ///
    /// One connection (a `DatabaseQueue`) rather than a pool: a `DatabasePool` switches the file to
    /// WAL and, when the `-wal` file is missing, creates and drops a table on every open, which
    /// bumps `schema_version` and needs the write lock. WAL is set once, when the file is created.
    ///
    /// A new file is created readable and writable by its owner and group only (0660, whatever the
    /// umask): the records are the contract's evidence, shared on a host through a group. Its WAL
    /// and shared-memory files take the same mode from SQLite.
    ///
    /// A file the user may read but not write (`readOnly` decides it when given; else the file's
    /// permissions for this user) is opened read-only: reads work, every write is refused as
    /// `StorageFailure.readOnly`, and `writeRefusal` says so for a console's banner.
    public static func open(path: String, founder: StaffMember? = nil, readOnly: Bool? = nil) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        let exists = FileManager.default.fileExists(atPath: path)
        if readOnly ?? (exists && access(path, W_OK) != 0) {
            var config = configuration
            config.readonly = true
            return try AppDatabase(readOnly: try DatabaseQueue(path: path, configuration: config))
        }
        let folder = url.deletingLastPathComponent()
        if !FileManager.default.fileExists(atPath: folder.path) {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            // Like the file: the owner and the group may list the folder, nobody else (whatever the umask).
            _ = chmod(folder.path, 0o770)
        }
        if !exists {
            // Another process may create it at the same moment: then its file is used.
            do { try createPrivateFile(path) } catch where FileManager.default.fileExists(atPath: path) {}
        }
        return try AppDatabase(try DatabaseQueue(path: path, configuration: configuration), founder: founder)
    }

    /// An empty database in memory, for tests and trials.
    public static func inMemory(founder: StaffMember? = nil) throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration), founder: founder)
    }

    static var configuration: Configuration {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            // FULL: in WAL mode every commit is synced to the disk before it returns, so an
            // acknowledged escalation step, frozen period or closure survives a power loss (NORMAL
            // syncs only at checkpoints: the last commits before a power loss could be lost, though
            // the file would stay intact). The records are the contract's evidence; the cost is one
            // fsync per write (helpdesk-bench: "write: take in a ticket", README "Speed").
            try db.execute(sql: "PRAGMA synchronous = FULL")
            // SQLite's automatic checkpoint, PASSIVE (it never waits for readers nor cuts the log
            // short), at its default 1,000 pages, said here because a replica depends on it:
            // Litestream reads the log before a checkpoint may overwrite it, and checkpoints too
            // (README, "Survive the host"). The program never asks for TRUNCATE or RESTART while
            // the file is replicated (`isReplicated`).
            try db.execute(sql: "PRAGMA wal_autocheckpoint = 1000")
        }
        return config
    }

    /// Checks the schema in a read; creates or upgrades it, and adds the founder, only when needed.
    ///
    /// The work is done in one IMMEDIATE transaction that looks again at what is applied, so any
    /// number of processes opening a new file at once migrate it once: the others wait for the
    /// lock, find the work done and commit nothing.
    func prepare(founder: StaffMember?) throws {
        let seen = try writer.read { db in try SchemaState(db) }
        try seen.refuseIfNewer()
        let needsFounder = founder != nil && !seen.hasStaff
        guard !seen.isCurrent || needsFounder else { return }
        if seen.isEmpty { try Self.useWAL(writer) }
        try writer.write { db in
            let state = try SchemaState(db)
            try state.refuseIfNewer()
            try db.execute(sql: "CREATE TABLE IF NOT EXISTS grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in Self.migrations where !state.applied.contains(migration.identifier) {
                try migration.migrate(db)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            if let founder, try StaffMember.fetchCount(db) == 0 {
                try Self.insertFounder(db, founder)
            }
        }
    }

    /// Switches a new file to WAL (outside any transaction, as SQLite requires). Processes racing to
    /// create the file may find it busy for a moment: the busy timeout covers most of it, a few
    /// retries the rest. An in-memory database stays as it is.
    static func useWAL(_ writer: any DatabaseWriter) throws {
        var attempt = 0
        while true {
            do {
                _ = try writer.writeWithoutTransaction { db in
                    try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                }
                return
            } catch let error as DatabaseError where [.SQLITE_BUSY, .SQLITE_LOCKED].contains(error.resultCode) && attempt < 50 {
                attempt += 1
                usleep(20_000)
            }
        }
    }

    /// Reads in a consistent snapshot, read-only. Internal: other modules read through the
    /// public read methods.
    func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// `PRAGMA data_version`: changes when another connection commits. Consoles poll it (one
    /// connection, so the value is always read on the same one).
    public func dataVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db.cachedStatement(sql: "PRAGMA data_version")) ?? 0 }
    }

    /// Closes the connection; nothing can be read or written through it afterwards.
    ///
    /// When this connection wrote, SQLite first refreshes the statistics its query planner reads,
    /// where they are missing or stale, as SQLite recommends before a writer closes
    /// (`refreshStatistics`: bounded, whatever the file's size). A connection that only read
    /// changes nothing.
    public func close() throws {
        guard let queue = writer as? DatabaseQueue else { return }
        try queue.inDatabase { db in
            if db.totalChangesCount > 0 && !db.isInsideTransaction {
                try Self.refreshStatistics(db)
            }
        }
        try queue.close()
    }

    /// Whether Litestream replicates the file at `path`: it keeps its own folder beside the
    /// database (`.NAME-litestream`). While it does, the program checkpoints PASSIVE only and keeps
    /// the journal mode: a TRUNCATE or RESTART checkpoint would wait on Litestream's read lock (up
    /// to the busy timeout) and a rollback journal would take the log it replicates away.
    public static func isReplicated(path: String) -> Bool {
        let url = URL(fileURLWithPath: path)
        let marker = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent)-litestream").path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: marker, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Whether this connection's file is replicated (`isReplicated(path:)`); never for one in memory.
    var isReplicated: Bool {
        guard let path = (writer as? DatabaseQueue)?.path, !path.isEmpty, path != ":memory:" else { return false }
        return Self.isReplicated(path: path)
    }

    /// `PRAGMA schema_version`: changes whenever the schema does.
    public func schemaVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA schema_version") ?? 0 }
    }
}

/// What a database holds of the schema: read before deciding whether to write anything.
struct SchemaState {
    /// Migration identifiers recorded in the file.
    var applied: Set<String>
    var hasStaff: Bool
    /// A file with no tables at all: new.
    var isEmpty: Bool

    /// Reads `sqlite_master` itself rather than GRDB's schema cache: another process may have
    /// created the tables since this connection last looked.
    init(_ db: Database) throws {
        let tables = try String.fetchSet(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
        isEmpty = tables.isEmpty
        applied = tables.contains("grdb_migrations")
            ? try String.fetchSet(db, sql: "SELECT identifier FROM grdb_migrations") : []
        hasStaff = try tables.contains("staff") && (try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff)") ?? false)
    }

    var isCurrent: Bool { AppDatabase.migrations.allSatisfy { applied.contains($0.identifier) } }

    /// Migrations in the file that this program does not know: a newer program wrote it.
    var unknown: [String] {
        let known = Set(AppDatabase.migrations.map(\.identifier))
        return applied.filter { !known.contains($0) }.sorted()
    }

    func refuseIfNewer() throws {
        if !unknown.isEmpty { throw StoreError.newerSchema(unknown: unknown) }
    }
}
// MARK: - Demo data

extension AppDatabase {
    /// Whether demo data was put into this database (it carries the demo's mark), however it was
    /// opened: the console says so, so that nobody takes its tickets for real ones.
    public func isDemoDatabase() throws -> Bool {
        try writer.read { db in
            try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM setting WHERE key = ?)", arguments: [Self.demoMarker]) ?? false
        }
    }
}

// MARK: - Errors

/// Why the store refused a request. Each message says what was wrong and what is accepted, in
/// the operator's language (`message(_:)`); `description` is the English one.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(id: Int64)
    case wrongKind(id: Int64, is: ItemKind, expected: LocalizedText)
    case invalid(LocalizedText)
    case alreadyClosed(id: Int64)
    case staleEdit(id: Int64, expected: Int, current: Int)
    /// The operator may not do this (not staff, a viewer, not a supervisor).
    case notPermitted(Refusal)
    /// The file was written by a newer program: its schema has migrations this one does not know.
    case newerSchema(unknown: [String])

    /// `.invalid` with its two sentences.
    static func invalid(en: String, zh: String) -> StoreError { .invalid(LocalizedText(en: en, zh: zh)) }

    public var description: String { message(.en) }

    /// The message in the operator's language.
    public func message(_ lang: Language) -> String { text(lang) }

    /// The message in both languages.
    public var text: LocalizedText {
        switch self {
        case .notFound(let id): return Catalog.Store.notFound(id)
        case let .wrongKind(id, kind, expected): return Catalog.Store.wrongKind(id, is: kind, expected: expected)
        case .invalid(let text): return text
        case .notPermitted(let refusal): return Catalog.Store.notPermitted(LocalizedText(zh: refusal.text(.zh), en: refusal.text(.en)))
        case .alreadyClosed(let id): return Catalog.Store.alreadyClosed(id)
        case .newerSchema(let unknown): return Catalog.Store.newerSchema(unknown)
        case let .staleEdit(id, expected, current): return Catalog.Store.staleEdit(id, expected: expected, current: current)
        }
    }
}

extension LocalizedText {
    /// What an operation expected an item to be, for `StoreError.wrongKind`.
    public static let aCaseTicket = Catalog.Store.aCaseTicket
    public static let aFault = Catalog.Store.aFault
    public static let aRequirement = Catalog.Store.aRequirement
    public static let anItem = Catalog.Store.anItem
}
