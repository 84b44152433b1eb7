import Foundation
import GRDB
import HelpDeskCore

/// A correction of a ticket's kind or received time, as the monthly report lists it: the ticket,
/// who made it and when, the old and new value of each part, and the old and new deadline.
public struct DeadlineCorrection: Equatable, Sendable {
    public var itemId: Int64
    public var actor: String
    public var at: Date
    /// The kind and the received time, old and new; `nil` for the part not changed.
    public var kind: (old: String, new: String)?
    public var receivedAt: (old: String, new: String)?
    public var oldDue: String?
    public var newDue: String?

    public static func == (a: DeadlineCorrection, b: DeadlineCorrection) -> Bool {
        a.itemId == b.itemId && a.actor == b.actor && a.at == b.at && a.kind?.old == b.kind?.old && a.kind?.new == b.kind?.new
            && a.receivedAt?.old == b.receivedAt?.old && a.receivedAt?.new == b.receivedAt?.new
            && a.oldDue == b.oldDue && a.newDue == b.newDue
    }
}

extension AppDatabase {
    /// Corrects a CASE ticket (`CaseCorrection`), open or closed: each part changed is written to
    /// history under `corrected` with its old and new value. A change of kind or received time
    /// computes the deadline again by the rule that set it (`Corrections.apply`); the queue's order
    /// and the KPI summaries follow in the same transaction (their triggers), frozen periods keep
    /// their stored figures. Such a change is a supervisor's once the deadline has passed or when it
    /// touches a frozen month or week (`Corrections.supervisorGuard`). A correction that changes
    /// nothing is refused. Returns the ticket and its new deadline when one was computed.
    @discardableResult
    public func correctCase(_ id: Int64, _ correction: CaseCorrection, at: Date, expectedVersion: Int? = nil,
                            _ ctx: Context) throws -> (item: WorkItem, deadline: Deadline?) {
        var c = correction
        if let title = c.title { c.title = try required(title, "title") }
        c.requesterName = c.requesterName.map { $0.nonBlank ?? "" }
        c.requesterOffice = c.requesterOffice.map { $0.nonBlank ?? "" }
        if let phone = c.requesterPhone { c.requesterPhone = try validPhone(phone) ?? "" }
        if let received = c.receivedAt { try checkNotFuture(received, ctx) }
        var computed: Deadline?
        let item = try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .corrected, anyStatus: true) { item, db in
            guard item.kind.isCase else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aCaseTicket) }
            let (after, deadline) = Corrections.apply(c, to: item, rules: DeadlineRules(calendar: try Self.calendar(db)))
            guard after != item else { throw StoreError.invalid(Catalog.Corrections.nothingChanges(id)) }
            if let refusal = Corrections.refusal(after, at: at) { throw StoreError.invalid(refusal) }
            let frozen = Set(try String.fetchAll(db, sql: "SELECT period FROM kpi_period"))
            if let why = Corrections.supervisorGuard(before: item, after: after, at: at, isFrozen: { frozen.contains($0.description) }),
               try StaffMember.fetchOne(db, key: ctx.actor)?.role != .supervisor {
                throw StoreError.invalid(Catalog.Corrections.supervisorsOnly(id, user: ctx.actor, why: why))
            }
            computed = deadline
            item = after
            // Setting the region or the requester confirms a ticket opened from an unknown sender's mail.
            if c.region != nil || c.requesterName != nil || c.requesterOffice != nil { try Self.confirmMailTicket(db, id, at: at, ctx) }
        }
        return (item, computed)
    }

    /// The corrections of kind or received time made from `start` to `end`, in the order made.
    static func deadlineCorrections(_ db: Database, from start: Date, to end: Date) throws -> [DeadlineCorrection] {
        let rows = try Row.fetchAll(db, sql: """
            SELECT item_id, at, recorded_at, actor, field, old_value, new_value FROM history
            WHERE event = 'corrected' AND field IN ('kind', 'received_at', 'due_at') AND at >= ? AND at < ?
            ORDER BY at, item_id, recorded_at, id
            """, arguments: [start.dbSeconds, end.dbSeconds])
        var out: [DeadlineCorrection] = []
        var keys: [String] = []
        for row in rows {
            let r = StoredRow(row, table: "history")
            let itemId = try r.integer("item_id"), at = try r.instant("at"), actor = try r.text("actor")
            let key = "\(itemId) \(at.dbSeconds) \(try r.integer("recorded_at")) \(actor)"
            if keys.last != key {
                keys.append(key)
                out.append(DeadlineCorrection(itemId: itemId, actor: actor, at: at))
            }
            let old: String? = row["old_value"], new: String? = row["new_value"]
            switch row["field"] as String? {
            case "kind": out[out.count - 1].kind = (old ?? "", new ?? "")
            case "received_at": out[out.count - 1].receivedAt = (old ?? "", new ?? "")
            default:
                out[out.count - 1].oldDue = old
                out[out.count - 1].newDue = new
            }
        }
        // A correction whose kind and received time stayed does not move the deadline.
        return out.filter { $0.kind != nil || $0.receivedAt != nil }
    }
}
