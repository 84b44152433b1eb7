import Foundation
import GRDB
import HelpDeskCore

extension TaskError {
    init(row: Row) throws {
        let r = StoredRow(row, table: "task_error", key: "item_id")
        self.init(itemId: try r.integer("item_id"), at: try r.instant("at"), actor: try r.text("actor"), note: try r.text("note"))
    }
}

extension AppDatabase {
    // MARK: Data-processing tasks

    /// Takes in a data-processing task, alone or from a CASE ticket (linked both ways).
    @discardableResult
    public func addTask(_ new: NewTask, at: Date, _ ctx: Context) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        let title = try required(new.title, "title")
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            return try Self.insertTask(db, title: title, description: new.description, due: new.due, assignee: new.assignee,
                                source: new.fromCase, sourceMustBe: .aCaseTicket, at: at, ctx)
        }
    }

    /// Inserts a task with its history entry and its link; the source, when given, must be a CASE
    /// ticket (`.aCaseTicket`) or a change (`.aChangeRequest`).
    static func insertTask(_ db: Database, title: String, description: String, due: Date, assignee: String?,
                           source: Int64?, sourceMustBe expected: LocalizedText, at: Date, systemText: SystemItemText? = nil,
                           _ ctx: Context) throws -> WorkItem {
        guard due > at else {
            throw StoreError.invalid(Catalog.Store.Tasks.dueBeforeIntake(due, at: at))
        }
        if let assignee, try staffUsername(db, assignee) == nil {
            throw StoreError.invalid(Catalog.Staff.notActiveStaff(assignee))
        }
        if let source { try checkSource(db, source, expected, at: at) }
        var item = WorkItem(kind: .task, title: title, description: description, takenBy: try staffUsername(db, ctx.actor),
                            assignee: assignee, receivedAt: at, dueAt: due, createdAt: ctx.now, createdBy: ctx.actor,
                            systemText: systemText)
        try item.insert(db)
        try record(db, item.id!, at: at, ctx, event: .created)
        if let source { try link(db, item.id!, from: source, at: at, ctx) }
        return item
    }

    /// Checks that item `source` exists, is what `expected` says, and was there at `at`.
    static func checkSource(_ db: Database, _ source: Int64, _ expected: LocalizedText, at: Date) throws {
        guard let item = try WorkItem.fetchOne(db, key: source) else { throw StoreError.notFound(id: source) }
        let fits = expected == .aCaseTicket ? item.kind.isCase
            : expected == .aRequirement ? item.kind == .requirement
            : expected == .aChangeRequest ? item.kind == .change : false
        guard fits else { throw StoreError.wrongKind(id: source, is: item.kind, expected: expected) }
        guard item.receivedAt <= at else {
            throw StoreError.invalid(Catalog.Store.Tasks.sourceLater(source, received: item.receivedAt, at: at))
        }
    }

    /// Records that `item` came from `source`, in both histories.
    static func link(_ db: Database, _ item: Int64, from source: Int64, at: Date, _ ctx: Context) throws {
        try db.execute(sql: "INSERT INTO item_link (item_id, source_id) VALUES (?, ?)", arguments: [item, source])
        try record(db, item, at: at, ctx, event: .linked, field: .source, new: "#\(source)")
        try record(db, source, at: at, ctx, event: .linked, field: .derived, new: "#\(item)")
    }

    /// Completes a task, with cause and solution.
    @discardableResult
    public func completeTask(_ id: Int64, cause: String, solution: String, at: Date, expectedVersion: Int? = nil,
                             _ ctx: Context) throws -> WorkItem {
        let (cause, solution) = try causeAndSolution(cause, solution)
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .completed) { item, _ in
            guard item.kind == .task else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTask) }
            item.status = .closed
            item.closedAt = at
            item.cause = cause
            item.solution = solution
        }
    }

    /// Marks a completed task as found erroneous: who, when, why. It stays completed; once only.
    @discardableResult
    public func markTaskErroneous(_ id: Int64, note: String, at: Date, expectedVersion: Int? = nil,
                                  _ ctx: Context) throws -> WorkItem {
        let note = try required(note, "note")
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard var item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            guard item.kind == .task else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aTask) }
            if let expected = expectedVersion, expected != item.version {
                throw StoreError.staleEdit(id: id, expected: expected, current: item.version)
            }
            guard let completed = item.closedAt else {
                throw StoreError.invalid(Catalog.Store.Tasks.notCompleted(id))
            }
            if let earlier = try Self.taskError(db, id) {
                throw StoreError.invalid(Catalog.Store.Tasks.alreadyErroneous(id, by: earlier.actor, at: earlier.at))
            }
            guard at >= completed else {
                throw StoreError.invalid(Catalog.Store.Tasks.beforeCompleted(id, at: at, completed: completed))
            }
            try Self.checkText(note, .note)
            try Self.checkOrder(db, id, event: .erroneous, at: at)
            try db.execute(sql: "INSERT INTO task_error (item_id, at, actor, note) VALUES (?, ?, ?, ?)",
                           arguments: [id, at.dbSeconds, ctx.actor, note])
            item.version += 1
            item.updatedAt = ctx.now
            try item.update(db)
            try Self.record(db, id, at: at, ctx, event: .erroneous, note: note)
            return item
        }
    }

    // MARK: Reads

    /// The task's error mark, if it was found erroneous.
    public func taskError(_ id: Int64) throws -> TaskError? {
        try read { db in try Self.taskError(db, id) }
    }

    static func taskError(_ db: Database, _ id: Int64) throws -> TaskError? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM task_error WHERE item_id = ?"), arguments: [id]).map { try TaskError(row: $0) }
    }

    /// Where item `id` came from and what was made from it.
    public func links(of id: Int64) throws -> ItemLinks {
        try read { db in try Self.links(db, id) }
    }

    static func links(_ db: Database, _ id: Int64) throws -> ItemLinks {
        ItemLinks(source: try Int64.fetchOne(db.cachedStatement(sql: "SELECT source_id FROM item_link WHERE item_id = ?"), arguments: [id]),
                  derived: try Int64.fetchAll(db.cachedStatement(sql: "SELECT item_id FROM item_link WHERE source_id = ? ORDER BY item_id"),
                                              arguments: [id]))
    }

    /// The error marks of the given tasks, by task.
    public func taskErrors(_ ids: [Int64]) throws -> [Int64: TaskError] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM task_error WHERE item_id IN (\(ids.map(String.init).joined(separator: ",")))")
            return Dictionary(uniqueKeysWithValues: try rows.map { row in
                let error = try TaskError(row: row)
                return (error.itemId, error)
            })
        }
    }
}

extension LocalizedText {
    public static let aTask = Catalog.Store.aTask
    public static let aChangeRequest = Catalog.Store.aChangeRequest
}
