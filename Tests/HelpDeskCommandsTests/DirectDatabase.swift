import Foundation
import GRDB
import Testing

// The database file read and written behind the program's back, through SQLite itself (GRDB), so
// no test depends on the `sqlite3` program being installed.

/// A readonly connection to `path`, as `sqlite3 -readonly` opens it.
private func readOnlyQueue(_ path: String) throws -> DatabaseQueue {
    var config = GRDB.Configuration()
    config.readonly = true
    config.busyMode = .timeout(15)
    return try DatabaseQueue(path: path, configuration: config)
}

/// The whole database as text, for "the database is unchanged": every schema object with its SQL,
/// then every table's rows (SQLite's and the migrations' own tables included), each row after its
/// table's name and rowid (`item[3]: …`), each value an SQL literal (`quote`), so a changed byte,
/// type or row order shows. A file that is not there reads as such, one that is not an SQLite
/// database as its bytes; one that cannot be read is a recorded issue.
func databaseDump(_ path: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    guard FileManager.default.fileExists(atPath: path) else { return "(no file at \(path))" }
    // What is not an SQLite database (an empty file is one, with nothing in it) is compared byte for byte.
    if let bytes = FileManager.default.contents(atPath: path), !bytes.isEmpty,
       !bytes.starts(with: Array("SQLite format 3\0".utf8)) {
        return "(not an SQLite database) " + bytes.map { String(format: "%02x", $0) }.joined()
    }
    do {
        return try readOnlyQueue(path).read { db in
            var out = ""
            let objects = try Row.fetchAll(db, sql: "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name")
            for object in objects {
                let sql: String? = object["sql"]
                out += "\(object["type"] as String) \(object["name"] as String) (\(object["tbl_name"] as String)): \(sql ?? "-")\n"
            }
            for object in objects where object["type"] as String == "table" {
                let table: String = object["name"]
                let sql: String = object["sql"] ?? ""
                if sql.uppercased().hasPrefix("CREATE VIRTUAL TABLE") { continue }   // its shadow tables hold the rows
                let columns = try String.fetchAll(db, sql: "SELECT name FROM pragma_table_xinfo(?) WHERE hidden != 1",
                                                  arguments: [table])
                let values = columns.map { "quote(\($0.quotedDatabaseIdentifier))" }.joined(separator: " || ',' || ")
                let rows: [String]
                if sql.uppercased().contains("WITHOUT ROWID") {
                    rows = try String.fetchAll(db, sql: "SELECT ? || ': ' || \(values) FROM \(table.quotedDatabaseIdentifier) ORDER BY "
                                               + columns.map(\.quotedDatabaseIdentifier).joined(separator: ", "), arguments: [table])
                } else {
                    rows = try String.fetchAll(db, sql: "SELECT ? || '[' || rowid || ']: ' || \(values) FROM \(table.quotedDatabaseIdentifier) ORDER BY rowid", arguments: [table])
                }
                out += "\n\(table) (\(rows.count) rows)\n" + rows.map { $0 + "\n" }.joined()
            }
            return out
        }
    } catch {
        Issue.record("cannot read \(path) for a dump: \(error)", sourceLocation: sourceLocation)
        return "(unreadable: \(error))"
    }
}

/// What `sql` selects from the file at `path`: one line a row, the columns joined by `|` (NULL as
/// nothing), as `sqlite3` prints it. An error is a recorded issue.
func databaseQuery(_ path: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
    do {
        return try readOnlyQueue(path).read { db in
            try Row.fetchAll(db, sql: sql).map { row in
                row.databaseValues.map { value in
                    switch value.storage {
                    case .null: ""
                    case .int64(let number): "\(number)"
                    case .double(let number): "\(number)"
                    case .string(let text): text
                    case .blob(let bytes): String(decoding: bytes, as: UTF8.self)
                    }
                }.joined(separator: "|")
            }.joined(separator: "\n")
        }
    } catch {
        Issue.record("cannot run \(sql) on \(path): \(error)", sourceLocation: sourceLocation)
        return "(error: \(error))"
    }
}

/// Runs `sql` on the file at `path` in a connection of its own, closed before it returns: a
/// change made behind the program's back. An error is a recorded issue.
func databaseExecute(_ path: String, _ sql: String, sourceLocation: SourceLocation = #_sourceLocation) {
    do {
        var config = GRDB.Configuration()
        config.busyMode = .timeout(15)
        let queue = try DatabaseQueue(path: path, configuration: config)
        try queue.write { db in try db.execute(sql: sql) }
        try queue.close()
    } catch {
        Issue.record("cannot run \(sql) on \(path): \(error)", sourceLocation: sourceLocation)
    }
}
