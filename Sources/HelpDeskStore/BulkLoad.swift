import GRDB

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
