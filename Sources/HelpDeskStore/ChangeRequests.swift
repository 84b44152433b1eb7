import Foundation
import GRDB
import HelpDeskCore

/// What advancing a change did.
public struct ChangeAdvance: Equatable, Sendable {
    public var item: WorkItem
    public var stage: ChangeStage
    /// The delivery that released it (made now, or joined), when it was released.
    public var deliveryId: Int64?
    /// The reprocessing task a late policy release opened.
    public var reprocessingTask: Int64?
}

extension AppDatabase {
    // MARK: Change requests

    /// Takes in a change request at the research stage; `fromCase` turns a requirement ticket into
    /// one, keeping the link both ways (and its agreed due date when none is given).
    @discardableResult
    public func addChange(_ new: NewChange, at: Date, _ ctx: Context) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        let title = try required(new.title, "title")
        if new.type == .policy, new.effective == nil {
            throw StoreError.invalid(Catalog.Store.Changes.effectiveDateMissing)
        }
        if new.type != .policy, new.effective != nil {
            throw StoreError.invalid(Catalog.Store.Changes.effectiveDateNotAsked(new.type))
        }
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            var due = new.due
            if let source = new.fromCase {
                try Self.checkSource(db, source, .aRequirement, at: at)
                if try Int64.fetchOne(db, sql: """
                    SELECT item_link.item_id FROM item_link JOIN item ON item.id = item_link.item_id
                    WHERE item_link.source_id = ? AND item.kind = 'change'
                    """, arguments: [source]) != nil {
                    throw StoreError.invalid(Catalog.Store.Changes.alreadyTurnedIntoChange(source))
                }
                if due == nil { due = try WorkItem.fetchOne(db, key: source)?.dueAt }
            }
            guard let due else {
                throw StoreError.invalid(Catalog.Store.Changes.dueMissing)
            }
            guard due > at else {
                throw StoreError.invalid(Catalog.Store.Changes.dueBeforeIntake(due, at: at))
            }
            var item = WorkItem(kind: .change, title: title, description: new.description,
                                takenBy: try Self.staffUsername(db, ctx.actor), receivedAt: at, dueAt: due,
                                createdAt: ctx.now, createdBy: ctx.actor)
            try item.insert(db)
            try db.execute(sql: "INSERT INTO change_request (item_id, type, stage, effective_on) VALUES (?, ?, 'research', ?)",
                           arguments: [item.id!, new.type.rawValue, new.effective?.description])
            try Self.record(db, item.id!, at: at, ctx, event: .created, field: .type, new: new.type.rawValue)
            if let effective = new.effective {
                try Self.record(db, item.id!, at: at, ctx, event: .created, field: .effectiveOn, new: effective.description)
            }
            if let source = new.fromCase { try Self.link(db, item.id!, from: source, at: at, ctx) }
            return item
        }
    }

    /// Moves a change request to its next stage: confirmed needs who signed; user test a passing
    /// latest internal round; released needs `release` (cause, solution, the delivery) and records
    /// the delivery, and a policy adjustment released after it took effect opens a reprocessing task.
    @discardableResult
    ///
    /// `to`, when given, is the stage the operator means to move it to: the move is refused when
    /// the change is no longer where that was decided (someone moved it meanwhile).
    public func advanceChange(_ id: Int64, signedBy: String? = nil, release: Release? = nil, to expected: ChangeStage? = nil,
                              at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> ChangeAdvance {
        var outcome: (stage: ChangeStage, delivery: Int64?, task: Int64?)?
        let item = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .advanced, entryWritten: true) { item, db in
            guard item.kind == .change else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aChangeRequest) }
            let detail = try Self.changeDetail(db, id)
            if let expected, detail.stage.next != expected {
                throw StoreError.invalid(Catalog.Store.Changes.movedOn(id, stage: detail.stage, expected: expected))
            }
            let next = try Self.ruled { () throws(ChangeRefusal) in
                try ChangeRules.advance(from: detail.stage, signedBy: signedBy, rounds: detail.rounds)
            }
            var deliveryId: Int64?
            if next == .released {
                guard let release else {
                    throw StoreError.invalid(Catalog.Store.Changes.releaseNeedsCauseAndSolution)
                }
                let (cause, solution) = try causeAndSolution(release.cause, release.solution)
                deliveryId = try Self.delivery(for: release, db, at: at, change: id, ctx)
                item.status = .closed
                item.closedAt = at
                item.cause = cause
                item.solution = solution
            } else if release != nil {
                throw StoreError.invalid(Catalog.Store.Changes.notReleasing(id, next: next))
            }
            let signer = next == .confirmed ? signedBy?.trimmingCharacters(in: .whitespacesAndNewlines) : nil
            try db.execute(sql: """
                UPDATE change_request SET stage = ?, signed_by = coalesce(?, signed_by), signed_at = coalesce(?, signed_at),
                       delivery_id = ? WHERE item_id = ?
                """, arguments: [next.rawValue, signer, signer.map { _ in at.dbSeconds }, deliveryId, id])
            try Self.record(db, id, at: at, ctx, event: .advanced, field: .stage, old: detail.stage.rawValue, new: next.rawValue,
                            note: signer)
            if let deliveryId {
                try Self.record(db, id, at: at, ctx, event: .released, field: .delivery, new: "\(deliveryId)")
            }
            outcome = (next, deliveryId, nil)
        } then: { item, db in
            guard outcome?.stage == .released else { return }
            let detail = try Self.changeDetail(db, id)
            let rules = DeadlineRules(calendar: try Self.calendar(db))
            guard let task = ChangeRules.reprocessing(type: detail.type, effective: detail.effective, releasedAt: at, rules: rules)
            else { return }
            let made = try Self.insertTask(db, title: task.title, description: "", due: task.deadline.due, assignee: nil,
                                           source: id, sourceMustBe: .aChangeRequest, at: at, ctx)
            outcome?.task = made.id
        }
        return ChangeAdvance(item: item, stage: outcome!.stage, deliveryId: outcome!.delivery, reprocessingTask: outcome!.task)
    }

    /// What a change's rules give, or their refusal as invalid input.
    static func ruled<T>(_ body: () throws(ChangeRefusal) -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw StoreError.invalid(error.said)
        }
    }

    /// The delivery a release goes out in: a new one with its label, or one already made (not
    /// after `at`).
    static func delivery(for release: Release, _ db: Database, at: Date, change id: Int64, _ ctx: Context) throws -> Int64 {
        if let existing = release.delivery {
            if release.label != nil {
                throw StoreError.invalid(Catalog.Store.Changes.labelOfExistingDelivery(existing))
            }
            guard let delivered = try Int64.fetchOne(db, sql: "SELECT delivered_at FROM delivery WHERE id = ?", arguments: [existing]) else {
                throw StoreError.invalid(Catalog.Store.Changes.noDelivery(existing))
            }
            guard Date(dbSeconds: delivered) <= at else {
                throw StoreError.invalid(Catalog.Store.Changes.deliveredLater(existing, delivered: Date(dbSeconds: delivered), at: at))
            }
            return existing
        }
        let label = release.label.nonBlank ?? "\(BeijingTime.date(of: at)) #\(id)"
        try Self.checkText(label, .label)
        try db.execute(sql: "INSERT INTO delivery (label, delivered_at, delivered_by, recorded_at) VALUES (?, ?, ?, ?)",
                       arguments: [label, at.dbSeconds, ctx.actor, ctx.now.dbSeconds])
        return db.lastInsertedRowID
    }

    /// Records an internal test round of a change in internal test, with its result and a note.
    @discardableResult
    public func recordTestRound(_ id: Int64, result: TestResult, note: String, at: Date, expectedVersion: Int? = nil,
                                _ ctx: Context) throws -> TestRound {
        let note = try required(note, "note")
        var round: TestRound?
        _ = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .tested, entryWritten: true) { item, db in
            guard item.kind == .change else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aChangeRequest) }
            let detail = try Self.changeDetail(db, id)
            let number = try Self.ruled { () throws(ChangeRefusal) in
                try ChangeRules.nextRound(stage: detail.stage, rounds: detail.rounds)
            }
            if let last = detail.rounds.last, at < last.at {
                throw StoreError.invalid(Catalog.Store.Changes.roundBeforeRound(number, last: last.number, lastAt: last.at))
            }
            try Self.checkText(note, .note)
            try db.execute(sql: "INSERT INTO test_round (item_id, number, at, actor, result, note) VALUES (?, ?, ?, ?, ?, ?)",
                           arguments: [id, number, at.dbSeconds, ctx.actor, result.rawValue, note])
            try Self.record(db, id, at: at, ctx, event: .tested, field: .round, new: "\(number) \(result.rawValue)",
                            note: note)
            round = TestRound(number: number, at: at, actor: ctx.actor, result: result, note: note)
        }
        return round!
    }

    // MARK: Defects

    /// Records a defect found in a delivery at `at` (not before the delivery); each change the
    /// delivery carried notes it in its history. Returns the defect's id.
    @discardableResult
    public func addDefect(delivery: Int64, title: String, description: String = "", at: Date, _ ctx: Context) throws -> Int64 {
        try checkNotFuture(at, ctx)
        let title = try required(title, "title")
        try Self.checkText(title, .title)
        try Self.checkText(description, .description)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard let delivered = try Int64.fetchOne(db, sql: "SELECT delivered_at FROM delivery WHERE id = ?", arguments: [delivery]) else {
                throw StoreError.invalid(Catalog.Store.Changes.noDelivery(delivery))
            }
            guard at.dbSeconds >= delivered else {
                throw StoreError.invalid(Catalog.Store.Changes.defectBeforeDelivery(delivery, delivered: Date(dbSeconds: delivered)))
            }
            try db.execute(sql: """
                INSERT INTO defect (delivery_id, title, description, found_at, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?)
                """, arguments: [delivery, title, description, at.dbSeconds, ctx.now.dbSeconds, ctx.actor])
            let defect = db.lastInsertedRowID
            for change in try Int64.fetchAll(db, sql: "SELECT item_id FROM change_request WHERE delivery_id = ? ORDER BY item_id",
                                             arguments: [delivery]) {
                try Self.record(db, change, at: at, ctx, event: .defect, field: .defect, new: "\(defect)", note: title)
            }
            return defect
        }
    }

    // MARK: Reads

    /// A change request's type, stage, signature, delivery and test rounds.
    public func changeDetail(_ id: Int64) throws -> ChangeDetail {
        try read { db in try Self.changeDetail(db, id) }
    }

    static func changeDetail(_ db: Database, _ id: Int64) throws -> ChangeDetail {
        guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT * FROM change_request WHERE item_id = ?"), arguments: [id]) else {
            throw StoreError.notFound(id: id)
        }
        let rounds = try Row.fetchAll(db.cachedStatement(sql: "SELECT * FROM test_round WHERE item_id = ? ORDER BY number"),
                                      arguments: [id]).map(Self.testRound)
        return try Self.changeDetail(row, rounds: rounds)
    }

    /// The details of several changes at once (a page of the change list), by item.
    public func changeDetails(_ ids: [Int64]) throws -> [Int64: ChangeDetail] {
        guard !ids.isEmpty else { return [:] }
        return try read { db in
            let list = ids.map(String.init).joined(separator: ",")
            let rounds = Dictionary(grouping: try Row.fetchAll(db, sql: "SELECT * FROM test_round WHERE item_id IN (\(list)) ORDER BY number"),
                                    by: { $0["item_id"] as Int64 })
            var details: [Int64: ChangeDetail] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT * FROM change_request WHERE item_id IN (\(list))") {
                let id: Int64 = row["item_id"]
                details[id] = try Self.changeDetail(row, rounds: try (rounds[id] ?? []).map(Self.testRound))
            }
            return details
        }
    }

    static func changeDetail(_ row: Row, rounds: [TestRound]) throws -> ChangeDetail {
        let r = StoredRow(row, table: "change_request", key: "item_id")
        let effective = try r.optionalText("effective_on")
        guard effective.map({ CivilDate(isoAnyYear: $0) != nil }) ?? true else {
            throw r.unreadable("effective_on", expected: "a date (2021-12-01)")
        }
        return ChangeDetail(itemId: try r.integer("item_id"), type: try r.code("type"), stage: try r.code("stage"),
                            effective: effective.flatMap { CivilDate(isoAnyYear: $0) }, signedBy: try r.optionalText("signed_by"),
                            signedAt: try r.optionalInstant("signed_at"), deliveryId: try r.optionalInteger("delivery_id"),
                            rounds: rounds)
    }

    static func testRound(_ row: Row) throws -> TestRound {
        let r = StoredRow(row, table: "test_round", key: "item_id")
        return TestRound(number: try r.int("number"), at: try r.instant("at"), actor: try r.text("actor"),
                         result: try r.code("result"), note: try r.text("note"))
    }

    /// Deliveries, latest first.
    public func deliveries(limit: Int? = nil) throws -> [Delivery] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM delivery ORDER BY delivered_at DESC, id DESC LIMIT ?",
                             arguments: [limit ?? -1]).map(Self.delivery)
        }
    }

    /// One delivery, the changes it carried and the defects found in it.
    public func delivery(_ id: Int64) throws -> (Delivery, changes: [WorkItem], defects: [Defect]) {
        try read { db in
            guard let row = try Row.fetchOne(db, sql: "SELECT * FROM delivery WHERE id = ?", arguments: [id]) else {
                throw StoreError.invalid(Catalog.Store.Changes.noDelivery(id))
            }
            let changes = try WorkItem.fetchAll(db, sql: """
                SELECT item.* FROM item JOIN change_request ON change_request.item_id = item.id
                WHERE change_request.delivery_id = ? ORDER BY item.id
                """, arguments: [id])
            return (try Self.delivery(row), changes, try Self.defects(db, delivery: id))
        }
    }

    /// Defects, of one delivery or of all, latest found first.
    public func defects(delivery: Int64? = nil) throws -> [Defect] {
        try read { db in try Self.defects(db, delivery: delivery) }
    }

    static func defects(_ db: Database, delivery: Int64?) throws -> [Defect] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT * FROM defect \(delivery == nil ? "" : "WHERE delivery_id = ?") ORDER BY found_at DESC, id DESC
            """, arguments: StatementArguments(delivery.map { [$0] } ?? []))
        return try rows.map { row in
            let r = StoredRow(row, table: "defect")
            return Defect(id: try r.integer("id"), deliveryId: try r.integer("delivery_id"), title: try r.text("title"),
                          description: try r.text("description"), foundAt: try r.instant("found_at"),
                          recordedAt: try r.instant("recorded_at"), recordedBy: try r.text("recorded_by"))
        }
    }

    static func delivery(_ row: Row) throws -> Delivery {
        let r = StoredRow(row, table: "delivery")
        return Delivery(id: try r.integer("id"), label: try r.text("label"), deliveredAt: try r.instant("delivered_at"),
                        deliveredBy: try r.text("delivered_by"), recordedAt: try r.instant("recorded_at"))
    }
}
