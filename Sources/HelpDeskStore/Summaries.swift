import GRDB
import HelpDeskCore

/// A summary table that does not hold what a recount from the base tables gives.
public struct SummaryMismatch: Equatable, Sendable, CustomStringConvertible {
    /// The summary: `queue_tally`, `kpi_due_day`, `kpi_closed_day` or `item_text`.
    public var summary: String
    /// Rows of the summary that the recount does not give, and rows of the recount the summary lacks.
    public var extra: Int
    public var missing: Int

    public var description: String {
        "\(summary): \(extra) row(s) that a recount does not give, \(missing) row(s) it gives that are missing"
    }
}

/// The derived tables that make reads fast at a million items, kept by triggers on `item` (made by
/// the migration "v7: stored queue order, tallies, KPI summaries, text index"):
///
/// - `queue_tally`: items per week of the queue's order (`queue_key / 604800`), kind, status,
///   region, fault level and owner (`''` and `0` for none). Counts and deep pages.
/// - `kpi_due_day`: items per Beijing day of their deadline, kind and level: how many, how many
///   with the rule event, how many with it in time. K1, K2, K3, K7.
/// - `kpi_closed_day`: items per Beijing day of closing and kind: how many, how many with cause
///   and solution. K4, K5, K6.
/// - `fault_day` (migration "v10: faults reported per day"): faults per Beijing day of their
///   report, level and region: how many, how many restored, how many restored in time. The
///   monthly report's faults by level and region.
/// - `item_text`: the trigram index of the searched text (each field followed by two U+0001) and
///   of tags for kind, status, region, level and owner (`TextTags`).
extension AppDatabase {
    /// Each counting summary with the statement that recounts it from `item`.
    static let summaryRecounts: [(table: String, columns: String, recount: String)] = [
        ("queue_tally", "bucket, kind, status, region, level, owner, n", """
            SELECT queue_key / 604800, kind, status, coalesce(region, ''), coalesce(level, 0), coalesce(owner, ''), count(*)
            FROM item GROUP BY 1, 2, 3, 4, 5, 6
            """),
        ("kpi_due_day", "day, kind, level, due, event, met", """
            SELECT (due_at + 28800) / 86400, kind, coalesce(level, 0), count(*), count(rule_event_at),
                   coalesce(sum(rule_event_at <= due_at), 0)
            FROM item WHERE due_at IS NOT NULL GROUP BY 1, 2, 3
            """),
        ("kpi_closed_day", "day, kind, closed, complete", """
            SELECT (closed_at + 28800) / 86400, kind, count(*),
                   coalesce(sum(length(trim(coalesce(cause, ''))) > 0 AND length(trim(coalesce(solution, ''))) > 0), 0)
            FROM item WHERE closed_at IS NOT NULL GROUP BY 1, 2
            """),
        ("fault_day", "day, level, region, reported, restored, in_time", faultDayRecount),
    ]

    static let faultDayRecount = """
        SELECT (received_at + 28800) / 86400, level, coalesce(region, ''), count(*), count(rule_event_at),
               coalesce(sum(rule_event_at <= due_at), 0)
        FROM item WHERE kind = 'fault' GROUP BY 1, 2, 3
        """

    /// What the text index holds for each item: the searched fields, each followed by two U+0001,
    /// and the tags (`TextTags`).
    static let textIndexRows = "SELECT id, \(TextTags.indexedText("item", statuses: HelpDeskCore.ItemStatus.allCases))\nFROM item ORDER BY id"

    /// Rebuilds every summary from the base tables: the tallies, the KPI summaries and the text
    /// index. For a bulk load made with the triggers set aside; it runs in the caller's transaction.
    static func rebuildSummaries(_ db: Database) throws {
        for summary in summaryRecounts {
            try db.execute(sql: "DELETE FROM \(summary.table)")
            try db.execute(sql: "INSERT INTO \(summary.table) (\(summary.columns)) \(summary.recount)")
        }
        try db.execute(sql: "INSERT INTO item_text (item_text) VALUES ('delete-all')")
        // The index is built in memory up to `hashsize` bytes before a segment is written; the
        // default (1 MB) makes hundreds of small segments at a million items and merges them again
        // and again. 64 MB halves the time; the setting is stored, so it is set back afterwards.
        try db.execute(sql: "INSERT INTO item_text (item_text, rank) VALUES ('hashsize', 67108864)")
        try db.execute(sql: """
            INSERT INTO item_text (rowid, title, requester_name, requester_phone, description, tags) \(textIndexRows)
            """)
        try db.execute(sql: "INSERT INTO item_text (item_text, rank) VALUES ('hashsize', 1048576)")
        // Those segments are merged into one now (seconds at a million items): otherwise the next
        // writes would merge them, and the first of them would wait for it.
        try db.execute(sql: "INSERT INTO item_text (item_text) VALUES ('optimize')")
    }

    /// Compares every summary with a recount from the base tables, in the caller's transaction:
    /// empty when they agree. The text index is checked for holding exactly the items.
    static func summaryMismatches(_ db: Database) throws -> [SummaryMismatch] {
        var mismatches: [SummaryMismatch] = []
        for summary in summaryRecounts {
            let extra = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (SELECT \(summary.columns) FROM \(summary.table) EXCEPT \(summary.recount))
                """) ?? 0
            let missing = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM (\(summary.recount) EXCEPT SELECT \(summary.columns) FROM \(summary.table))
                """) ?? 0
            if extra + missing > 0 { mismatches.append(SummaryMismatch(summary: summary.table, extra: extra, missing: missing)) }
        }
        let extra = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT rowid FROM item_text EXCEPT SELECT id FROM item)") ?? 0
        let missing = try Int.fetchOne(db, sql: "SELECT count(*) FROM (SELECT id FROM item EXCEPT SELECT rowid FROM item_text)") ?? 0
        if extra + missing > 0 { mismatches.append(SummaryMismatch(summary: "item_text", extra: extra, missing: missing)) }
        return mismatches
    }

    /// Rebuilds every summary from the base tables in one transaction (supervisors only): the mend
    /// when `checkSummaries()` found one that drifted (`helpdesk doctor --repair`).
    public func rebuildSummaries(_ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.repair))
            try Self.rebuildSummaries(db)
        }
    }

    /// Compares every summary with a recount from the base tables (reading the whole item table):
    /// empty when they agree. For a health check of the database.
    public func checkSummaries() throws -> [SummaryMismatch] {
        try read { db in try Self.summaryMismatches(db) }
    }
}
