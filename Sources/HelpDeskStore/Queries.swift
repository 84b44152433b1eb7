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

    /// How many history entries the database holds (for the benchmark's report).
    public func historyCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM history") ?? 0 }
    }

    /// Makes `username` the first supervisor of a database that has no staff yet: the user who
    /// creates a database. Looks in a read first; writes only when there is nobody.
    public func ensureFounder(username: String, name: String) throws {
        let founder = StaffMember(username: username, name: name, role: .supervisor)
        guard try !writer.read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }) else { return }
        try writer.write { db in
            if try StaffMember.fetchCount(db) == 0 { try Self.insertFounder(db, founder) }
        }
    }

    static func insertFounder(_ db: Database, _ founder: StaffMember) throws {
        try StaffMember(username: founder.username, name: founder.name, phone: founder.phone, role: .supervisor).insert(db)
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
        if let text = f.titleContains, !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            add("title LIKE ? ESCAPE '\\'", ["%\(escaped)%"])
        }
        return q
    }
}
