import Foundation
import GRDB
import HelpDeskCore

/// The one front door to the desk's database.
///
/// Every write is one transaction that keeps the contract's invariants; several processes may open
/// the same file at once (WAL, a busy timeout, IMMEDIATE write transactions).
public struct AppDatabase: Sendable {
    public let writer: any DatabaseWriter

    /// Opens (creating and migrating when needed) a database on `writer`.
    public init(_ writer: any DatabaseWriter) throws {
        self.writer = writer
        try Self.migrator.migrate(writer)
    }

    /// Opens the database file at `path`, creating its folder and the file on first use.
    public static func open(path: String) throws -> AppDatabase {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let pool = try DatabasePool(path: path, configuration: configuration)
        return try AppDatabase(pool)
    }

    /// An empty database in memory, for tests.
    public static func inMemory() throws -> AppDatabase {
        try AppDatabase(DatabaseQueue(configuration: configuration))
    }

    static var configuration: Configuration {
        var config = Configuration()
        config.busyMode = .timeout(15)
        config.foreignKeysEnabled = true
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
        }
        return config
    }

    /// Reads in a consistent snapshot.
    public func read<T>(_ body: (Database) throws -> T) throws -> T {
        try writer.read(body)
    }

    /// `PRAGMA data_version`: changes when another connection commits. Consoles poll it.
    public func dataVersion() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "PRAGMA data_version") ?? 0 }
    }
}

// MARK: - Errors

/// Why the store refused a request. Each message says what was wrong and what is accepted.
public enum StoreError: Error, Equatable, CustomStringConvertible {
    case notFound(id: Int64)
    case wrongKind(id: Int64, is: ItemKind, expected: String)
    case invalid(String)
    case alreadyClosed(id: Int64)
    case staleEdit(id: Int64, expected: Int, current: Int)
    /// The operator may not do this (not staff, a viewer, not a supervisor).
    case notPermitted(Refusal)

    public var description: String {
        switch self {
        case .notFound(let id): return "no work item #\(id)"
        case let .wrongKind(id, kind, expected): return "#\(id) is a \(kind.rawValue) item, not \(expected)"
        case .invalid(let message): return message
        case .notPermitted(let refusal): return "not permitted: \(refusal.text(.en))"
        case .alreadyClosed(let id): return "#\(id) is already closed"
        case let .staleEdit(id, expected, current):
            return "#\(id) was changed by someone else meanwhile (you edited version \(expected), it is now at version \(current)); reload it and try again"
        }
    }

    /// The message in the operator's language. Refusals and the common cases are in Chinese too;
    /// messages about malformed input stay as written.
    public func message(_ lang: Language) -> String {
        guard lang == .zh else { return description }
        switch self {
        case .notFound(let id): return "没有编号为 #\(id) 的工单"
        case .notPermitted(let refusal): return "无权操作：\(refusal.text(.zh))"
        case .alreadyClosed(let id): return "#\(id) 已关闭"
        case let .staleEdit(id, expected, current):
            return "#\(id) 已被他人修改（版本 \(expected) → \(current)），未保存；请重新载入后再试"
        case .wrongKind, .invalid: return description
        }
    }
}
