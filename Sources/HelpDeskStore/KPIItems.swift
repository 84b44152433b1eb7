import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// What figure `figure` counts in `period` as known at `now`, missed first (`KPIJudgement`):
    /// the items (deliveries for K5) with their deadline, event, outcome and cause. Items still
    /// awaiting their event within the deadline are listed as undecided; the figure itself does
    /// not count them yet. With `missedOnly`, only the missed ones: the database skips most of the
    /// others (a loose filter in SQL, the same judgement as without it after).
    public func kpiItems(_ figure: KPI, _ period: Period, now: Date, missedOnly: Bool = false) throws -> [KPIEntry] {
        let (start, end) = period.interval
        let range: StatementArguments = [start.dbSeconds, end.dbSeconds]
        // Late, or awaited past the deadline (KPIJudgement.onTime).
        let late = missedOnly ? " AND (rule_event_at > due_at OR (rule_event_at IS NULL AND due_at < \(now.dbSeconds)))" : ""
        // Cause or solution missing or blank; every Unicode space counts as blank, as in Swift.
        let blank = "char(9, 10, 11, 12, 13, 32, 133, 160, 5760, 8192, 8193, 8194, 8195, 8196, 8197, 8198, 8199, 8200, 8201, 8202, 8232, 8233, 8239, 8287, 12288)"
        let incomplete = missedOnly
            ? " AND (cause IS NULL OR solution IS NULL OR trim(cause, \(blank)) = '' OR trim(solution, \(blank)) = '')" : ""
        return try read { db in
            let entries: [KPIEntry]
            switch figure {
            case .k1, .k2, .k3, .k7Level1, .k7Level2, .k7Level3:
                let kinds: String, level: String
                switch figure {
                case .k1: (kinds, level) = ("'general', 'special'", "")
                case .k2: (kinds, level) = ("'task'", "")
                case .k3: (kinds, level) = ("'change'", "")
                default: (kinds, level) = ("'fault'", " AND level = \(figure.faultLevel!.rawValue)")
                }
                entries = try Row.fetchAll(db, sql: """
                    SELECT id, kind, title, due_at, rule_event_at, cause FROM item INDEXED BY item_kind_due
                    WHERE kind IN (\(kinds)) AND due_at >= ? AND due_at < ?\(level)\(late)
                    """, arguments: range).map { row in
                    let r = StoredRow(row, table: "item")
                    let due = try r.instant("due_at"), event = try r.optionalInstant("rule_event_at")
                    return KPIEntry(id: try r.integer("id"), kind: try r.code("kind"), title: try r.text("title"), deadline: due,
                                    eventAt: event, met: KPIJudgement.onTime(deadline: due, event: event, now: now),
                                    cause: try r.optionalText("cause"))
                }
            case .k4:
                entries = try Row.fetchAll(db, sql: """
                    SELECT item.id, item.title, item.due_at, item.closed_at, task_error.note AS error
                    FROM item INDEXED BY item_kind_closed LEFT JOIN task_error ON task_error.item_id = item.id
                    WHERE item.kind = 'task' AND item.closed_at >= ? AND item.closed_at < ?
                    """, arguments: range).map { row in
                    let r = StoredRow(row, table: "item")
                    let error = try r.optionalText("error")
                    return KPIEntry(id: try r.integer("id"), kind: .task, title: try r.text("title"), deadline: try r.optionalInstant("due_at"),
                                    eventAt: try r.optionalInstant("closed_at"), met: error == nil, cause: error)
                }
            case .k5:
                let deliveries = try Row.fetchAll(db, sql: "SELECT * FROM delivery WHERE delivered_at >= ? AND delivered_at < ?",
                                                  arguments: range).map(Self.delivery)
                entries = try deliveries.map { d in
                    let defects = try Self.defects(db, delivery: d.id)
                        .filter { DeliveryRules.isErroneous(deliveredAt: d.deliveredAt, defectsFoundAt: [$0.foundAt]) }
                    return KPIEntry(subject: .delivery, id: d.id, kind: nil, title: d.label, deadline: nil, eventAt: d.deliveredAt,
                                    met: defects.isEmpty, cause: defects.last?.title)
                }
            case .k6:
                entries = try Row.fetchAll(db, sql: """
                    SELECT id, kind, title, due_at, closed_at, cause, solution FROM item INDEXED BY item_kind_closed
                    WHERE kind IN (\(ItemKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))) AND closed_at >= ? AND closed_at < ?\(incomplete)
                    """, arguments: range).map { row in
                    let r = StoredRow(row, table: "item")
                    let cause = try r.optionalText("cause"), solution = try r.optionalText("solution")
                    let complete = !(cause ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                        && !(solution ?? "").trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
                    return KPIEntry(id: try r.integer("id"), kind: try r.code("kind"), title: try r.text("title"),
                                    deadline: try r.optionalInstant("due_at"), eventAt: try r.optionalInstant("closed_at"),
                                    met: complete, cause: cause)
                }
            }
            return KPIJudgement.ordered(missedOnly ? entries.filter { $0.met == false } : entries)
        }
    }
}
