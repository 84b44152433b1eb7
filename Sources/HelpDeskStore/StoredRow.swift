import Foundation
import GRDB
import GRDBSQLite
import HelpDeskCore

/// A stored value this program cannot read: the row is refused, never read as something else.
///
/// Names the table, the column, the row and the value as stored, and what the column holds when
/// the store wrote it. A database that holds one was changed outside the store's operations, or
/// is damaged; nothing is read from the row, and nothing is written.
public struct UnreadableValue: Error, Equatable, CustomStringConvertible {
    public let table: String
    public let column: String
    /// The row's key as written in messages (`#12`, `'lina'`), when the row has one.
    public let row: String?
    /// The value as SQL writes it: `'bogus'`, `12`, `NULL`.
    public let value: String
    /// What the column holds: `one of general, special, …`, `whole seconds since 1970`.
    public let expected: String

    public var description: String {
        let which = row.map { " of \($0)" } ?? ""
        return "cannot read \(table).\(column)\(which): it holds \(value), expected \(expected); the database was changed outside helpdesk or is damaged"
    }
}

/// The columns of one stored row, read as the store wrote them.
///
/// Every read refuses, with an `UnreadableValue`, a value of the wrong kind (text where seconds
/// are stored, a name no case of the type has, NULL in a column the store always fills) instead of
/// putting a default in its place. Text, integers and instants are read from the statement
/// directly, as fast as unchecked reads (pages of the queue hold up to 500 rows).
struct StoredRow {
    let row: Row
    let table: String
    /// The column that names the row in messages (`id`, `username`); `nil` for none.
    let key: String?

    init(_ row: Row, table: String, key: String? = "id") {
        self.row = row
        self.table = table
        self.key = key
    }

    func text(_ column: String) throws -> String {
        guard let text = try optionalText(column) else { throw unreadable(column, expected: "text") }
        return text
    }

    func optionalText(_ column: String) throws -> String? {
        try read(String?.self, column, expected: "text or NULL")
    }

    func integer(_ column: String) throws -> Int64 {
        guard let value = try optionalInteger(column) else { throw unreadable(column, expected: "an integer") }
        return value
    }

    func optionalInteger(_ column: String) throws -> Int64? {
        try read(StoredInteger?.self, column, expected: "an integer or NULL")?.value
    }

    func int(_ column: String) throws -> Int { Int(try integer(column)) }

    /// A flag stored as 0 or 1.
    func flag(_ column: String) throws -> Bool {
        switch try integer(column) {
        case 0: return false
        case 1: return true
        default: throw unreadable(column, expected: "0 or 1")
        }
    }

    /// An instant stored as whole seconds since 1970 (`Date.dbSeconds`).
    func instant(_ column: String) throws -> Date {
        guard let date = try optionalInstant(column) else { throw unreadable(column, expected: Self.seconds) }
        return date
    }

    func optionalInstant(_ column: String) throws -> Date? {
        try read(StoredInteger?.self, column, expected: "\(Self.seconds) or NULL").map { Date(dbSeconds: $0.value) }
    }

    static let seconds = "whole seconds since 1970"

    /// A value stored by its name: one of the type's cases.
    func code<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == String {
        guard let value = try optionalCode(column, as: type) else { throw unreadable(column, expected: Self.names(T.self)) }
        return value
    }

    func optionalCode<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type = T.self) throws -> T? where T.RawValue == String {
        guard let name = try read(String?.self, column, expected: Self.names(T.self) + " or NULL") else { return nil }
        guard let value = T(rawValue: name) else { throw unreadable(column, expected: Self.names(T.self)) }
        return value
    }

    /// A value stored by its number: one of the type's cases (a fault level).
    func optionalCode<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type = T.self) throws -> T? where T.RawValue == Int {
        guard let number = try read(StoredInteger?.self, column, expected: Self.numbers(T.self) + " or NULL") else { return nil }
        guard let value = T(rawValue: Int(number.value)) else { throw unreadable(column, expected: Self.numbers(T.self)) }
        return value
    }

    func code<T: RawRepresentable & CaseIterable>(_ column: String, as type: T.Type = T.self) throws -> T where T.RawValue == Int {
        guard let value = try optionalCode(column, as: type) else { throw unreadable(column, expected: Self.numbers(T.self)) }
        return value
    }

    /// JSON the store wrote (a code, a frozen period's figures), decoded as `T`; NULL is `nil`.
    func optionalJSON<T: Decodable>(_ column: String, as type: T.Type = T.self) throws -> T? {
        guard let text = try optionalText(column) else { return nil }
        do { return try JSONDecoder().decode(type, from: Data(text.utf8)) } catch {
            throw unreadable(column, expected: "JSON the store wrote (\(error))")
        }
    }

    /// `one of general, special, …`: what a column of names holds.
    static func names<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == String {
        "one of " + T.allCases.map(\.rawValue).joined(separator: ", ")
    }

    /// `one of 1, 2, 3`: what a column of numbered cases holds.
    static func numbers<T: RawRepresentable & CaseIterable>(_ type: T.Type) -> String where T.RawValue == Int {
        "one of " + T.allCases.map { "\($0.rawValue)" }.joined(separator: ", ")
    }

    /// The column's value as `T`, the row refused when it is of another kind.
    ///
    /// An optional `T` reads a missing column as `nil`.
    private func read<T: DatabaseValueConvertible & StatementColumnConvertible>(_ type: T.Type, _ column: String,
                                                                                expected: @autoclosure () -> String) throws -> T {
        do { return try row.decode(type, forColumn: column) } catch { throw unreadable(column, expected: expected()) }
    }

    /// The error for `column`, with the value it holds and the row's key.
    func unreadable(_ column: String, expected: String) -> UnreadableValue {
        let value = row.hasColumn(column) ? (row[column] as DatabaseValue).description : "no such column"
        let name = key.flatMap { key -> String? in
            let value: DatabaseValue = row[key]
            if case .int64(let id) = value.storage { return "#\(id)" }
            return value.isNull ? nil : value.description
        }
        return UnreadableValue(table: table, column: column, row: name, value: value, expected: expected)
    }
}

/// An integer as SQLite stores it.
///
/// Text or a real number in its place is refused rather than converted: SQLite would read
/// `'yesterday'` as 0, an instant in 1970.
struct StoredInteger: DatabaseValueConvertible, StatementColumnConvertible {
    let value: Int64

    init(_ value: Int64) { self.value = value }

    init?(sqliteStatement: SQLiteStatement, index: CInt) {
        guard sqlite3_column_type(sqliteStatement, index) == SQLITE_INTEGER else { return nil }
        value = sqlite3_column_int64(sqliteStatement, index)
    }

    var databaseValue: DatabaseValue { value.databaseValue }

    static func fromDatabaseValue(_ dbValue: DatabaseValue) -> StoredInteger? {
        guard case .int64(let value) = dbValue.storage else { return nil }
        return StoredInteger(value)
    }
}
