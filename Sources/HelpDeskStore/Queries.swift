import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// Items matching `filter`, most urgent first: active items by the deadline they are still held
    /// to (`WorkItem.openDeadline`: overdue first; those without a deadline, or whose rule event met
    /// it, last), then closed items, latest closed first.
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

    // MARK: The rule event in SQL

    /// The column of a rule event.
    static func column(_ event: RuleEvent) -> String {
        switch event {
        case .firstResponse: return "first_response_at"
        case .resolution: return "closed_at"
        }
    }

    /// `WorkItem.ruleEventAt` in SQL, built from `ItemKind.ruleEvent`: `CASE kind WHEN 'special'
    /// THEN first_response_at ELSE closed_at END`.
    static let ruleEventSQL: String = {
        let others = ItemKind.allCases.filter { $0.ruleEvent != .resolution }
            .map { "WHEN '\($0.rawValue)' THEN \(column($0.ruleEvent))" }
        return others.isEmpty ? column(.resolution) : "CASE kind \(others.joined(separator: " ")) ELSE \(column(.resolution)) END"
    }()

    /// `WorkItem.openDeadline` in SQL: the due date unless the rule event came at or before it.
    static let openDeadlineSQL = "(CASE WHEN (\(ruleEventSQL)) <= due_at THEN NULL ELSE due_at END)"

    struct Query {
        var from = ""
        var conditions: [String] = []
        var arguments = StatementArguments()
        /// Active items first, by the deadline they are still held to (overdue first, then the
        /// nearest; none, or met, last); then closed items, latest closed first.
        var order = "status = 'closed', CASE WHEN status = 'closed' THEN -closed_at END, \(AppDatabase.openDeadlineSQL) IS NULL, \(AppDatabase.openDeadlineSQL), id"
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
            q.from = f.kinds.isEmpty ? "INDEXED BY item_active_deadline" : "INDEXED BY item_active_kind_deadline"
            add("status <> 'closed'")
            q.order = "\(openDeadlineSQL) IS NULL, \(openDeadlineSQL), id"
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
            // `WorkItem.isOverdue(at:)`: past the deadline still held to (due_at < now first, so the
            // index narrows the rows).
            add("due_at < ? AND \(openDeadlineSQL) IS NOT NULL", [now.dbSeconds])
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
