import Foundation
import GRDB

extension AppDatabase {
    /// Refreshes the statistics SQLite's query planner reads (`sqlite_stat1`), as a writing
    /// connection closes, at a cost that does not grow with the file.
    ///
    /// `PRAGMA optimize` re-analyzes a table the connection used once it has grown 25-fold since
    /// its last analysis, sampling at most 400 rows an index — but SQLite (3.40, as Debian ships it)
    /// also re-analyzes, every time, a table one of whose indexes has no row in `sqlite_stat1`, and
    /// ANALYZE writes none for an empty index: a partial index nothing falls in yet
    /// (`attachment_inspection` while no inspection has an attachment, `item_merged_into` before
    /// the first merge) or any index of an empty table. Each such re-analysis counts the whole
    /// table while holding the write lock: at 200,000 attachments that was 200,000 pages and
    /// about 230 ms at the close of every process that added a ticket.
    ///
    /// So after `optimize`, every index left without a row that is in fact empty (checked through
    /// the index itself: one seek) gets the row ANALYZE would give an index of one entry. SQLite
    /// then re-analyzes that table only when it has grown 25-fold, like any other. An index that
    /// holds entries but has no row (one added since the table's last analysis) is left to
    /// SQLite's own rule.
    static func refreshStatistics(_ db: Database) throws {
        try db.execute(sql: "PRAGMA analysis_limit = 400; PRAGMA optimize")
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1')") == true else { return }
        let unstated = try Row.fetchAll(db, sql: """
            SELECT m.tbl_name AS tbl, m.name AS idx, m.sql AS sql,
                   (SELECT count(*) FROM pragma_index_info(m.name)) AS columns
            FROM sqlite_master m
            WHERE m.type = 'index' AND NOT EXISTS (SELECT 1 FROM sqlite_stat1 s WHERE s.idx = m.name)
            """)
        let empty = try unstated.filter { row in try isEmpty(index: row["idx"], of: row["tbl"], createdBy: row["sql"], db) }
        guard !empty.isEmpty else { return }
        try db.inTransaction {
            for row in empty {
                let columns: Int = row["columns"]
                let stat = (["1"] + Array(repeating: "1", count: columns)).joined(separator: " ")
                try db.execute(sql: "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (?, ?, ?)", arguments: [row["tbl"], row["idx"], stat])
            }
            return .commit
        }
    }

    /// Whether `index` has no entry, read through the index itself (`INDEXED BY`, with a partial
    /// index's own condition), so one seek answers. False when that cannot be asked.
    private static func isEmpty(index: String, of table: String, createdBy sql: String?, _ db: Database) throws -> Bool {
        var condition = ""
        if let sql, let range = sql.range(of: ") WHERE ", options: [.caseInsensitive, .backwards]) {
            condition = " WHERE " + sql[range.upperBound...]
        }
        let probe = "SELECT NOT EXISTS (SELECT 1 FROM \(table.quotedDatabaseIdentifier) INDEXED BY \(index.quotedDatabaseIdentifier)\(condition))"
        do {
            return try Bool.fetchOne(db, sql: probe) ?? false
        } catch {
            return false
        }
    }
}
