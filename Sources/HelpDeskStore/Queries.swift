import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// Items matching `filter`, most urgent first: active items by deadline (overdue first, those
    /// without a deadline last), then closed items, latest closed first.
    public func items(_ filter: ItemFilter) throws -> [WorkItem] {
        try writer.read { db in try Self.items(db, filter) }
    }

    static func items(_ db: Database, _ filter: ItemFilter) throws -> [WorkItem] {
        let q = Self.query(filter)
        var sql = "SELECT * FROM item \(q.from) \(q.whereClause) ORDER BY \(q.order)"
        if let limit = filter.limit { sql += " LIMIT \(limit) OFFSET \(filter.offset)" }
        return try WorkItem.fetchAll(db, sql: sql, arguments: q.arguments)
    }

    /// How many items match `filter` (ignoring its limit and offset).
    public func count(_ filter: ItemFilter) throws -> Int {
        let q = Self.query(filter)
        return try writer.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM item \(q.from) \(q.whereClause)", arguments: q.arguments) ?? 0
        }
    }

    /// Where item `id` stands in the order of `filter` (0 first, ignoring its limit and offset), or
    /// `nil` when the filter does not show it. The console selects a new item with it.
    public func position(of id: Int64, in filter: ItemFilter) throws -> Int? {
        let q = Self.query(filter)
        return try writer.read { db in
            try Int.fetchOne(db, sql: """
                SELECT position FROM (SELECT id, row_number() OVER (ORDER BY \(q.order)) - 1 AS position
                                      FROM item \(q.from) \(q.whereClause))
                WHERE id = ?
                """, arguments: q.arguments + [id])
        }
    }

    public func item(_ id: Int64) throws -> WorkItem {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            return item
        }
    }

    /// An item with its history, oldest entry first, read in one snapshot.
    public func itemWithHistory(_ id: Int64) throws -> (WorkItem, [HistoryEntry]) {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            let history = try HistoryEntry.fetchAll(db, sql: "SELECT * FROM history WHERE item_id = ? ORDER BY id", arguments: [id])
            return (item, history)
        }
    }

    public func staff() throws -> [StaffMember] {
        try writer.read { db in try StaffMember.order(Column("username")).fetchAll(db) }
    }

    /// Adds a member of staff, or updates one with the same user name.
    public func saveStaff(_ member: StaffMember) throws {
        try writer.write { db in try member.save(db) }
    }

    /// Makes `username` the first supervisor of a database that has no staff yet.
    public func ensureFounder(username: String, name: String) throws {
        try writer.write { db in
            if try StaffMember.fetchCount(db) == 0 {
                try StaffMember(username: username, name: name, role: .supervisor).insert(db)
            }
        }
    }

    struct Query {
        var from = ""
        var conditions: [String] = []
        var arguments = StatementArguments()
        var order = "status = 'closed', CASE WHEN status = 'closed' THEN -closed_at END, due_at IS NULL, due_at, id"
        var whereClause: String { conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ") }
    }

    /// The SQL for a filter. Lists of active items name their partial index: the planner cannot
    /// tell, without statistics, that it holds a small fraction of a million rows.
    static func query(_ f: ItemFilter) -> Query {
        var q = Query()
        func add(_ sql: String, _ args: [any DatabaseValueConvertible] = []) {
            q.conditions.append(sql)
            q.arguments += StatementArguments(args)
        }
        let activeOnly = f.activeOnly || f.overdueAt != nil || (!f.statuses.isEmpty && !f.statuses.contains(.closed))
        if activeOnly {
            q.from = f.kinds.isEmpty ? "INDEXED BY item_active_due" : "INDEXED BY item_active_kind_due"
            add("status <> 'closed'")
            q.order = "due_at IS NULL, due_at, id"
        }
        if !f.kinds.isEmpty {
            let kinds = f.kinds.map(\.rawValue).sorted()
            add("kind IN (\(databaseQuestionMarks(count: kinds.count)))", kinds)
        }
        if !f.statuses.isEmpty {
            let statuses = f.statuses.map(\.rawValue).sorted()
            add("status IN (\(databaseQuestionMarks(count: statuses.count)))", statuses)
        }
        if let region = f.region { add("region = ?", [region.rawValue]) }
        if let level = f.level { add("level = ?", [level.rawValue]) }
        if let me = f.mine { add("(assignee = ? OR (assignee IS NULL AND taken_by = ?))", [me, me]) }
        if let now = f.overdueAt {
            // Still waiting for the rule's event (resolution; a special case's first response) past the deadline.
            add("due_at < ? AND NOT (kind = 'special' AND first_response_at IS NOT NULL)", [now.dbSeconds])
        }
        if let text = f.text, !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            let pattern = "%\(escaped)%"
            add("""
                (title LIKE ? ESCAPE '\\' OR requester_name LIKE ? ESCAPE '\\' OR requester_phone LIKE ? ESCAPE '\\'
                 OR description LIKE ? ESCAPE '\\')
                """, [pattern, pattern, pattern, pattern])
        }
        return q
    }
}
