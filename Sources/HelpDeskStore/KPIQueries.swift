import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// Gathers the counts behind the service-level figures of `period`, as known at `now`.
    ///
    /// An item whose deadline falls in the period counts once its outcome is known: its rule event
    /// happened (in time or late), or the deadline passed without it (missed). Items still within
    /// their deadline are not counted yet.
    public func kpiCounts(_ period: Period, now: Date) throws -> KPICounts {
        let (start, end) = period.interval
        let s = start.dbSeconds, e = end.dbSeconds, n = now.dbSeconds
        return try writer.read { db in
            var counts = KPICounts()
            // K1: general tickets' event is resolution; special cases' is the first response.
            if let row = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(ev IS NOT NULL AND ev <= due_at), 0) AS met,
                       coalesce(sum(ev IS NOT NULL OR due_at < ?), 0) AS decided
                FROM (SELECT due_at, CASE kind WHEN 'special' THEN first_response_at ELSE closed_at END AS ev
                      FROM item WHERE kind IN ('general', 'special') AND due_at >= ? AND due_at < ?)
                """, arguments: [n, s, e]) {
                counts.caseMet = row["met"]
                counts.caseDecided = row["decided"]
            }
            // K2: data-processing tasks due in the period.
            if let row = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(closed_at IS NOT NULL AND closed_at <= due_at), 0) AS met,
                       coalesce(sum(closed_at IS NOT NULL OR due_at < ?), 0) AS decided
                FROM item WHERE kind = 'task' AND due_at >= ? AND due_at < ?
                """, arguments: [n, s, e]) {
                counts.tasksOnTime = row["met"]
                counts.tasksDue = row["decided"]
            }
            // K3: change requests whose agreed due date falls in the period.
            if let row = try Row.fetchOne(db, sql: """
                SELECT coalesce(sum(closed_at IS NOT NULL AND closed_at <= due_at), 0) AS met,
                       coalesce(sum(closed_at IS NOT NULL OR due_at < ?), 0) AS decided
                FROM item WHERE kind = 'change' AND due_at >= ? AND due_at < ?
                """, arguments: [n, s, e]) {
                counts.changesOnTime = row["met"]
                counts.changesDue = row["decided"]
            }
            // K4 and K5 count data-processing tasks completed and deliveries made in the period.
            // Marking a task erroneous and linking a defect to a delivery arrive with those services.
            counts.tasksCompleted = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM item WHERE kind = 'task' AND closed_at >= ? AND closed_at < ?
                """, arguments: [s, e]) ?? 0
            counts.deliveries = try Int.fetchOne(db, sql: """
                SELECT count(*) FROM item WHERE kind = 'delivery' AND closed_at >= ? AND closed_at < ?
                """, arguments: [s, e]) ?? 0
            // K6: every kind closed in the period, per kind so each uses its index.
            for kind in ItemKind.allCases {
                if let row = try Row.fetchOne(db, sql: """
                    SELECT count(*) AS closed,
                           coalesce(sum(length(trim(coalesce(cause, ''))) > 0 AND length(trim(coalesce(solution, ''))) > 0), 0) AS complete
                    FROM item WHERE kind = ? AND closed_at >= ? AND closed_at < ?
                    """, arguments: [kind.rawValue, s, e]) {
                    counts.closed += row["closed"] as Int
                    counts.closedComplete += row["complete"] as Int
                }
            }
            // K7: faults per level whose deadline falls in the period.
            for row in try Row.fetchAll(db, sql: """
                SELECT level, coalesce(sum(closed_at IS NOT NULL AND closed_at <= due_at), 0) AS met,
                       coalesce(sum(closed_at IS NOT NULL OR due_at < ?), 0) AS decided
                FROM item WHERE kind = 'fault' AND due_at >= ? AND due_at < ? GROUP BY level
                """, arguments: [n, s, e]) {
                guard let level = FaultLevel(rawValue: row["level"]) else { continue }
                counts.faultsOnTime[level] = row["met"]
                counts.faultsDecided[level] = row["decided"]
            }
            return counts
        }
    }
}
