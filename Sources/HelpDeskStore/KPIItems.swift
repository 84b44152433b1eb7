import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// What figure `figure` counts in `period` as known at `now`, missed first (`KPIJudgement`):
    /// the items (deliveries for K5) with their deadline, event, outcome and cause. Items still
    /// awaiting their event within the deadline are listed as undecided; the figure itself does
    /// not count them yet. Reads them all: for a page, `kpiItems(_:_:now:limit:)`.
    public func kpiItems(_ figure: KPI, _ period: Period, now: Date) throws -> [KPIEntry] {
        let (start, end) = period.interval
        let range: StatementArguments = [start.dbSeconds, end.dbSeconds]
        return try read { db in
            let entries: [KPIEntry]
            switch figure {
            case .k1, .k2, .k3, .k7Level1, .k7Level2, .k7Level3:
                let (kinds, level) = Self.deadlineScope(figure)
                entries = try Row.fetchAll(db, sql: """
                    SELECT id, kind, title, due_at, rule_event_at, cause FROM item INDEXED BY item_kind_due
                    WHERE kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ", "))) AND due_at >= ? AND due_at < ?
                      \(level.map { "AND level = \($0.rawValue)" } ?? "")
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
                    WHERE kind IN (\(ItemKind.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", "))) AND closed_at >= ? AND closed_at < ?
                    """, arguments: range).map { row in
                    let r = StoredRow(row, table: "item")
                    let cause = try r.optionalText("cause"), solution = try r.optionalText("solution")
                    let complete = KPIJudgement.isComplete(cause: cause, solution: solution)
                    // K6 is about the closing, not a deadline: listed in the order items closed.
                    return KPIEntry(id: try r.integer("id"), kind: try r.code("kind"), title: try r.text("title"),
                                    deadline: nil, eventAt: try r.optionalInstant("closed_at"), met: complete, cause: cause)
                }
            }
            return KPIJudgement.ordered(entries)
        }
    }
}

extension AppDatabase {
    /// The first `limit` of what `kpiItems` lists, in the same order, and how many it lists in all,
    /// without reading them all: how many comes from the daily summaries; for the figures held to
    /// deadlines, the missed, the undecided and the met are each read a page at a time from
    /// `item_kind_due_event`, one kind at a time (so each page is a range of the index) and merged;
    /// K6 reads its page in the order of closing from the queue's index. K4 and K5 count a month's
    /// tasks and deliveries, which are few, and are read whole. With `missedOnly`, only the missed
    /// (for the monthly report).
    public func kpiItems(_ figure: KPI, _ period: Period, now: Date, limit: Int,
                         missedOnly: Bool = false) throws -> (entries: [KPIEntry], total: Int) {
        let (start, end) = period.interval
        let (from, to) = (start.dbSeconds, end.dbSeconds)
        let (firstDay, lastDay) = (Self.summaryDay(start), Self.summaryDay(end) - 1)
        switch figure {
        case .k4, .k5:
            let all = try kpiItems(figure, period, now: now)
            return (Array(all.prefix(limit)), all.count)
        case .k6:
            // Every kind closed in the period: closed items stand in the queue's order by the time
            // they closed (queue_key = 3·10^12 − closed_at), so the page is a range of its index.
            let (low, high) = (3_000_000_000_000 - to + 1, 3_000_000_000_000 - from)
            return try read { db in
                let total = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT coalesce(sum(closed), 0) FROM kpi_closed_day WHERE day >= ? AND day <= ?
                    """), arguments: [firstDay, lastDay]) ?? 0
                let incomplete = missedOnly ? " AND (length(trim(coalesce(cause, ''))) = 0 OR length(trim(coalesce(solution, ''))) = 0)" : ""
                let ids = try Int64.fetchAll(db, sql: """
                    SELECT id FROM item INDEXED BY item_queue WHERE queue_key BETWEEN ? AND ? AND status = 'closed'\(incomplete)
                    ORDER BY queue_key DESC, id LIMIT ?
                    """, arguments: [low, high, limit])
                let entries = try Self.entries(db, ids: ids) { r in
                    let cause = try r.optionalText("cause"), solution = try r.optionalText("solution")
                    let complete = KPIJudgement.isComplete(cause: cause, solution: solution)
                    return (nil, try r.optionalInstant("closed_at"), complete)
                }
                // Incomplete ones (none, while the database's check holds) first, as the full list has them.
                return (KPIJudgement.ordered(entries), total)
            }
        case .k1, .k2, .k3, .k7Level1, .k7Level2, .k7Level3:
            let (kinds, level) = Self.deadlineScope(figure)
            let n = now.dbSeconds
            // Missed, then undecided, then met: the order of `KPIJudgement.ordered`.
            let parts = [
                "rule_event_at > due_at OR (rule_event_at IS NULL AND due_at < \(n))",
                "rule_event_at IS NULL AND due_at >= \(n)",
                "rule_event_at <= due_at",
            ].prefix(missedOnly ? 1 : 3)
            let levelCondition = level.map { " AND level = \($0.rawValue)" } ?? ""
            return try read { db in
                let total = try Int.fetchOne(db, sql: """
                    SELECT coalesce(sum(due), 0) FROM kpi_due_day
                    WHERE day >= ? AND day <= ? AND kind IN (\(kinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")))
                      AND level = ?
                    """, arguments: [firstDay, lastDay, level?.rawValue ?? 0]) ?? 0
                var ids: [Int64] = []
                for part in parts where ids.count < limit {
                    let wanted = limit - ids.count
                    var page: [(due: Int64, id: Int64)] = []
                    for kind in kinds {
                        page += try Row.fetchAll(db, sql: """
                            SELECT due_at, id FROM item INDEXED BY item_kind_due_event
                            WHERE kind = '\(kind.rawValue)' AND due_at >= \(from) AND due_at < \(to)\(levelCondition) AND (\(part))
                            ORDER BY due_at, id LIMIT \(wanted)
                            """).map { (due: $0[0], id: $0[1]) }
                    }
                    ids += page.sorted { ($0.due, $0.id) < ($1.due, $1.id) }.prefix(wanted).map(\.id)
                }
                let entries = try Self.entries(db, ids: ids) { r in
                    let due = try r.instant("due_at"), event = try r.optionalInstant("rule_event_at")
                    return (due, event, KPIJudgement.onTime(deadline: due, event: event, now: now))
                }
                return (KPIJudgement.ordered(entries), total)
            }
        }
    }

    /// The items a figure held to deadlines counts: the kinds, and for K7 the level.
    static func deadlineScope(_ figure: KPI) -> (kinds: [ItemKind], level: FaultLevel?) {
        switch figure {
        case .k1: return ([.general, .special], nil)
        case .k2: return ([.task], nil)
        case .k3: return ([.change], nil)
        default: return ([.fault], figure.faultLevel)
        }
    }

    /// The items `ids` as entries, their deadline, event and outcome as `judge` reads them from the row.
    static func entries(_ db: Database, ids: [Int64], judge: (StoredRow) throws -> (Date?, Date?, Bool?)) throws -> [KPIEntry] {
        guard !ids.isEmpty else { return [] }
        return try Row.fetchAll(db, sql: """
            SELECT id, kind, title, due_at, closed_at, rule_event_at, cause, solution FROM item
            WHERE id IN (\(ids.map(String.init).joined(separator: ",")))
            """).map { row in
            let r = StoredRow(row, table: "item")
            let (deadline, event, met) = try judge(r)
            return KPIEntry(id: try r.integer("id"), kind: try r.code("kind"), title: try r.text("title"),
                            deadline: deadline, eventAt: event, met: met, cause: try r.optionalText("cause"))
        }
    }
}
