import Foundation
import GRDB
import HelpDeskCore

/// One pause of an item's clock while it waited on the requester.
public struct ItemPause: Equatable, Sendable {
    public var itemId: Int64
    public var pausedAt: Date
    public var pausedBy: String
    public var reason: String
    /// The deadline when it was paused, and the working time (seconds) it had left.
    public var dueBefore: Date
    public var remaining: Int
    /// `nil` while it still waits.
    public var resumedAt: Date?
    public var resumedBy: String?
    public var dueAfter: Date?

    /// How long the clock stood (to `now` while it still waits).
    public func pausedSeconds(now: Date) -> Int { Int((resumedAt ?? now).timeIntervalSince(pausedAt)) }
}

/// An item related to another (`case link`), or merged into it, as details list them.
public struct RelatedItem: Equatable, Sendable {
    public var id: Int64
    public var kind: ItemKind
    public var status: ItemStatus
    public var title: String
}

extension AppDatabase {
    // MARK: Waiting on the requester

    /// Puts a general question or special case in waiting on the requester: its clock stops with the
    /// working time it had left, its deadline is held back until it resumes. Only before the
    /// deadline has passed, and only while the desk allows pausing (`Context.pausingAllowed`).
    @discardableResult
    public func pause(_ id: Int64, reason: String, at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        let reason = try required(reason, "reason")
        try Self.checkText(reason, .reason)
        guard ctx.pausingAllowed else { throw StoreError.invalid(Catalog.WaitingAndLinks.pausingOff) }
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .paused, note: reason) { item, db in
            if let refusal = PauseRules.refusal(item, at: at) { throw StoreError.invalid(refusal) }
            let rules = PauseRules(calendar: try Self.calendar(db))
            let due = item.dueAt!
            try db.execute(sql: """
                INSERT INTO item_pause (item_id, paused_at, paused_by, reason, status_before, due_before, remaining)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """, arguments: [id, at.dbSeconds, ctx.actor, reason, item.status.rawValue, due.dbSeconds,
                                 rules.workingSeconds(from: at, to: due)])
            item.status = .waiting
            item.dueAt = nil
        } then: { item, db in
            try Self.enqueueRequesterNotices(db, item, .waiting, at: at, ctx) { lang in
                Catalog.RequesterNotices.waiting(id: id, reason: reason)(lang)
            }
        }
    }

    /// Takes an item out of waiting: its deadline is the resume time plus the working time left at
    /// the pause, on the working calendar (the 15:00 cut-off is not applied again).
    @discardableResult
    public func resume(_ id: Int64, at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .resumed) { item, db in
            guard item.status == .waiting else { throw StoreError.invalid(Catalog.WaitingAndLinks.notWaiting(id)) }
            try Self.applyResume(&item, db, at: at, ctx)
        }
    }

    /// Resumes item `id` when it waits, inside a write already under way (a message from the
    /// requester); returns the item as resumed, or `nil` when it was not waiting. The resume is in
    /// history like `resume`'s.
    @discardableResult
    public static func resumeIfWaiting(_ db: Database, _ id: Int64, at: Date, _ ctx: Context) throws -> WorkItem? {
        guard let before = try WorkItem.fetchOne(db, key: id), before.status == .waiting else { return nil }
        var after = before
        try applyResume(&after, db, at: at, ctx)
        after.version = before.version + 1
        after.updatedAt = ctx.now
        try after.update(db)
        try record(db, id, at: at, ctx, event: .resumed)
        let old = try before.databaseDictionary, new = try after.databaseDictionary
        for field in HistoryField.itemColumns where old[field.rawValue] != new[field.rawValue] {
            try record(db, id, at: at, ctx, event: .resumed, field: field,
                       old: display(field, old[field.rawValue]), new: display(field, new[field.rawValue]))
        }
        return after
    }

    /// `resumeIfWaiting` in a transaction of its own.
    @discardableResult
    public func resumeIfWaiting(_ id: Int64, at: Date, _ ctx: Context) throws -> WorkItem? {
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            return try Self.resumeIfWaiting(db, id, at: at, ctx)
        }
    }

    static func applyResume(_ item: inout WorkItem, _ db: Database, at: Date, _ ctx: Context) throws {
        let id = item.id!
        guard let row = try Row.fetchOne(db, sql: """
            SELECT id, paused_at, status_before, remaining FROM item_pause WHERE item_id = ? AND resumed_at IS NULL
            """, arguments: [id]) else { throw StoreError.invalid(Catalog.WaitingAndLinks.notWaiting(id)) }
        let r = StoredRow(row, table: "item_pause")
        let pausedAt = try r.instant("paused_at")
        guard at >= pausedAt else {
            throw StoreError.invalid(Catalog.WaitingAndLinks.resumeBeforePause(id, at: at, pausedAt: pausedAt))
        }
        let calendar = try calendar(db)
        let due = PauseRules(calendar: calendar).adding(workingSeconds: try r.int("remaining"), to: at)
        try db.execute(sql: "UPDATE item_pause SET resumed_at = ?, resumed_by = ?, due_after = ? WHERE id = ?",
                       arguments: [at.dbSeconds, ctx.actor, due.dbSeconds, try r.integer("id")])
        item.status = try r.code("status_before")
        item.dueAt = due
        item.calendarVersion = calendar.version
    }

    /// The pauses of item `id`, oldest first.
    public func pauses(of id: Int64) throws -> [ItemPause] {
        try read { db in try Self.pauses(db, "item_id = ?", [id]) }
    }

    /// How long each of `ids` has waited on its requester in all, to `now` for a wait not yet
    /// over, in seconds; an item never paused is left out. One query, for a list of items.
    public func pausedSeconds(of ids: [Int64], now: Date) throws -> [Int64: Int] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT item_id, SUM(coalesce(resumed_at, ?) - paused_at) FROM item_pause
                WHERE item_id IN (\(databaseQuestionMarks(count: ids.count))) GROUP BY item_id
                """, arguments: StatementArguments([now.dbSeconds] + ids))
            return Dictionary(uniqueKeysWithValues: rows.map { (($0[0] as Int64), max(0, $0[1] as Int)) })
        }
    }

    /// The pauses that overlap `from ..< to` (a month), by item, for the monthly report.
    public func pauses(from: Date, to: Date) throws -> [ItemPause] {
        try read { db in
            try Self.pauses(db, "paused_at < ? AND (resumed_at IS NULL OR resumed_at >= ?)", [to.dbSeconds, from.dbSeconds])
        }
    }

    static func pauses(_ db: Database, _ condition: String, _ arguments: [any DatabaseValueConvertible]) throws -> [ItemPause] {
        try Row.fetchAll(db, sql: "SELECT * FROM item_pause WHERE \(condition) ORDER BY item_id, paused_at, id",
                         arguments: StatementArguments(arguments)).map { row in
            let r = StoredRow(row, table: "item_pause")
            return ItemPause(itemId: try r.integer("item_id"), pausedAt: try r.instant("paused_at"), pausedBy: try r.text("paused_by"),
                             reason: try r.text("reason"), dueBefore: try r.instant("due_before"), remaining: try r.int("remaining"),
                             resumedAt: try r.optionalInstant("resumed_at"), resumedBy: try r.optionalText("resumed_by"),
                             dueAfter: try r.optionalInstant("due_after"))
        }
    }

    // MARK: Links

    /// Relates two items of any kinds, both ways; noted in both histories.
    public func relate(_ id: Int64, _ other: Int64, at: Date, _ ctx: Context) throws {
        try checkNotFuture(at, ctx)
        try writer.write { db in
            try Self.authorize(db, ctx, .write)
            try Self.checkPair(db, id, other)
            // A duplicate and the item it was merged into are joined already: its details and the
            // other's name each other under the merge.
            for (a, b) in [(id, other), (other, id)]
            where try Int.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ? AND merged_into = ?", arguments: [a, b]) != nil {
                throw StoreError.invalid(Catalog.WaitingAndLinks.linkMerged(a, into: b))
            }
            let (low, high) = (min(id, other), max(id, other))
            guard try Int.fetchOne(db, sql: "SELECT 1 FROM item_relation WHERE low = ? AND high = ?", arguments: [low, high]) == nil else {
                throw StoreError.invalid(Catalog.WaitingAndLinks.alreadyLinked(id, other))
            }
            try db.execute(sql: "INSERT INTO item_relation (low, high, created_at, created_by) VALUES (?, ?, ?, ?)",
                           arguments: [low, high, at.dbSeconds, ctx.actor])
            try Self.record(db, id, at: at, ctx, event: .related, field: .relatedItem, new: "#\(other)")
            try Self.record(db, other, at: at, ctx, event: .related, field: .relatedItem, new: "#\(id)")
        }
    }

    /// Removes the relation of two items; noted in both histories.
    public func unrelate(_ id: Int64, _ other: Int64, at: Date, _ ctx: Context) throws {
        try checkNotFuture(at, ctx)
        try writer.write { db in
            try Self.authorize(db, ctx, .write)
            try Self.checkPair(db, id, other)
            let (low, high) = (min(id, other), max(id, other))
            try db.execute(sql: "DELETE FROM item_relation WHERE low = ? AND high = ?", arguments: [low, high])
            guard db.changesCount == 1 else { throw StoreError.invalid(Catalog.WaitingAndLinks.notLinked(id, other)) }
            try Self.record(db, id, at: at, ctx, event: .unrelated, field: .relatedItem, old: "#\(other)")
            try Self.record(db, other, at: at, ctx, event: .unrelated, field: .relatedItem, old: "#\(id)")
        }
    }

    static func checkPair(_ db: Database, _ id: Int64, _ other: Int64) throws {
        guard id != other else { throw StoreError.invalid(Catalog.WaitingAndLinks.linkItself(id)) }
        for n in [id, other] where try Int.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [n]) == nil {
            throw StoreError.notFound(id: n)
        }
    }

    /// The items related to `id` (`case link`), by id.
    public func relatedItems(of id: Int64) throws -> [RelatedItem] {
        try read { db in
            try Self.relatedRows(db, sql: """
                SELECT item.id, item.kind, item.status, item.title FROM item_relation JOIN item ON item.id = item_relation.high
                WHERE item_relation.low = ?1
                UNION ALL
                SELECT item.id, item.kind, item.status, item.title FROM item_relation JOIN item ON item.id = item_relation.low
                WHERE item_relation.high = ?1
                ORDER BY 1
                """, id)
        }
    }

    /// The duplicates merged into `id`, by id.
    public func mergedItems(into id: Int64) throws -> [RelatedItem] {
        try read { db in
            try Self.relatedRows(db, sql: "SELECT id, kind, status, title FROM item WHERE merged_into = ? ORDER BY id", id)
        }
    }

    static func relatedRows(_ db: Database, sql: String, _ id: Int64) throws -> [RelatedItem] {
        try Row.fetchAll(db, sql: sql, arguments: [id]).map { row in
            let r = StoredRow(row, table: "item")
            return RelatedItem(id: try r.integer("id"), kind: try r.code("kind"), status: try r.code("status"), title: try r.text("title"))
        }
    }

    // MARK: Merges

    /// Merges duplicate `id` into `other` (same kind, still open): `id` becomes *merged*, leaves the
    /// working queue and keeps its own deadline; it takes `other`'s rule event (and, when `other`
    /// closes, its cause and solution), now if `other` has had it, else when it comes. `id`'s
    /// requesters become `other`'s too.
    @discardableResult
    public func merge(_ id: Int64, into other: Int64, at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .merged, mutate: { item, db in
            guard let target = try WorkItem.fetchOne(db, key: other) else { throw StoreError.notFound(id: other) }
            if let refusal = MergeRules.refusal(item, into: target) { throw StoreError.invalid(refusal) }
            item.status = .merged
            item.mergedInto = other
            Self.carry(from: target, into: &item)
        }, then: { item, db in
            try Self.record(db, id, at: at, ctx, event: .merged, field: .mergedInto, new: "#\(other)")
            try Self.record(db, other, at: at, ctx, event: .merged, field: .relatedItem, new: "#\(id)")
            // The duplicate's requesters become requesters of the item it joins, so that they hear
            // what its requester hears.
            for requester in try Int64.fetchAll(db, sql: "SELECT requester_id FROM item_requester WHERE item_id = ?", arguments: [id]) {
                try Self.linkRequester(db, item: other, requester: requester, ctx)
            }
        })
    }

    /// What a merged duplicate takes from the item it was merged into: the first response, and the
    /// closing with its cause and solution, each once.
    static func carry(from target: WorkItem, into item: inout WorkItem) {
        if item.firstResponseAt == nil, let first = target.firstResponseAt { item.firstResponseAt = first }
        if item.closedAt == nil, target.status == .closed, let closed = target.closedAt {
            item.closedAt = closed
            item.cause = target.cause
            item.solution = target.solution
        }
    }

    /// Passes `target`'s rule event on to the duplicates merged into it, each change in their
    /// history under `event`. Called by the writes that respond to, resolve or restore an item.
    static func carryToMerged(_ db: Database, _ target: WorkItem, event: HistoryEvent, at: Date, _ ctx: Context) throws {
        guard let id = target.id else { return }
        for before in try WorkItem.fetchAll(db, sql: "SELECT * FROM item WHERE merged_into = ? AND status = 'merged'", arguments: [id]) {
            var after = before
            carry(from: target, into: &after)
            guard after != before else { continue }
            after.version = before.version + 1
            after.updatedAt = ctx.now
            try after.update(db)
            try record(db, before.id!, at: at, ctx, event: event, systemNote: nil)
            let old = try before.databaseDictionary, new = try after.databaseDictionary
            for field in HistoryField.itemColumns where old[field.rawValue] != new[field.rawValue] {
                try record(db, before.id!, at: at, ctx, event: event, field: field,
                           old: display(field, old[field.rawValue]), new: display(field, new[field.rawValue]))
            }
        }
    }
}
