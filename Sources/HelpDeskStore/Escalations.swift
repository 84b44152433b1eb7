import Foundation
import GRDB
import HelpDeskCore

/// A step a fault has taken on its escalation path.
public struct EscalationRecord: Equatable, Sendable {
    public var id: Int64?
    public var itemId: Int64
    public var step: EscalationStep
    public var level: FaultLevel
    /// When the rule called for it (a manual step: when it was taken).
    public var dueAt: Date
    public var takenAt: Date
    /// The operator whose session took it.
    public var takenBy: String
    /// Taken by the policy's rule rather than by hand.
    public var byRule: Bool
    /// The rule (a code, said in the reader's language) or the words of whoever escalated.
    public var reason: EscalationReason
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?

    public var needsAcknowledgement: Bool { step.isTier && acknowledgedAt == nil }
}

extension EscalationRecord: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "escalation"

    /// Reads a row of `escalation`, refusing a value this program cannot read (`UnreadableValue`).
    public init(row: Row) throws {
        let r = StoredRow(row, table: "escalation")
        id = try r.optionalInteger("id")
        itemId = try r.integer("item_id")
        step = try r.code("step")
        level = try r.code("level")
        dueAt = try r.instant("due_at")
        takenAt = try r.instant("taken_at")
        takenBy = try r.text("taken_by")
        byRule = try r.flag("by_rule")
        reason = EscalationReason(stored: try r.text("reason"), byRule: byRule)
        acknowledgedAt = try r.optionalInstant("acknowledged_at")
        acknowledgedBy = try r.optionalText("acknowledged_by")
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["item_id"] = itemId
        container["step"] = step.rawValue
        container["level"] = level.rawValue
        container["due_at"] = dueAt.dbSeconds
        container["taken_at"] = takenAt.dbSeconds
        container["taken_by"] = takenBy
        container["by_rule"] = byRule
        container["reason"] = reason.stored
        container["acknowledged_at"] = acknowledgedAt?.dbSeconds
        container["acknowledged_by"] = acknowledgedBy
    }

    /// The reason is checked against `TextRules` before it is written.
    public func willSave(_ db: Database) throws {
        try AppDatabase.checkText(reason.stored, .reason)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) { id = inserted.rowID }
}

/// A notification as the notify command receives it.
public struct PendingNotification: Equatable, Sendable {
    public var id: Int64
    public var itemId: Int64
    /// The event as JSON, `event_id` included.
    public var payload: String
    public var attempts: Int
    /// Its `event_id`: 32 hexadecimal digits, random, never handed out twice (a gateway drops a
    /// repeat by it).
    public var eventID: String
}

/// A notification addressed to someone, for their console's status line.
public struct Notice: Equatable, Sendable {
    public var id: Int64
    public var itemId: Int64
    /// What it says, as stored: the facts (`nil` for a notification stored as text before).
    public var message: NoticeMessage?
    /// The text of a notification stored before messages were coded.
    public var storedText: String
    public var createdAt: Date

    /// What it says, in the reader's language.
    public func text(_ lang: Language) -> String { message?.text(lang) ?? storedText }
}

/// One notification of the outbox, for `notify list`.
public struct OutboxEntry: Equatable, Sendable {
    public var id: Int64
    public var itemId: Int64
    public var kind: NoticeKind
    /// The step of an escalation notice; `nil` for other kinds.
    public var step: EscalationStep?
    public var createdAt: Date
    public var attempts: Int
    public var nextAttemptAt: Date
    public var deliveredAt: Date?
    public var lastError: String?
    public var message: NoticeMessage?
    public var storedText: String

    /// What it says, in the reader's language.
    public func text(_ lang: Language) -> String { message?.text(lang) ?? storedText }
}

extension AppDatabase {
    // MARK: Taking steps

    /// Takes every step due at `ctx.now` on every open fault, and writes its notifications to the
    /// outbox, each fault in its own transaction. Returns the steps this call took: a step another
    /// process took first is not taken again (the database refuses a second (fault, step) row).
    /// The rules, not the operator, decide the steps; running this needs active staff (any role)
    /// or a user named in the configuration's `timer_users`.
    @discardableResult
    public func escalateDue(_ ctx: Context) throws -> [EscalationRecord] {
        // A cheap read first: most ticks find nothing due and must not take the write lock.
        let candidates: [Int64] = try read { db in
            try Self.authorizeTimer(db, ctx)
            return try Self.openFaultsWithDueSteps(db, ctx)
        }
        var taken: [EscalationRecord] = []
        for id in candidates {
            taken += try writer.write { db in
                try Self.authorizeTimer(db, ctx)
                guard let item = try WorkItem.fetchOne(db, key: id) else { return [] }
                return try Self.takeDueSteps(db, item, ctx)
            }
        }
        return taken
    }

    /// Open faults for which the policy calls for a step not yet taken.
    static func openFaultsWithDueSteps(_ db: Database, _ ctx: Context) throws -> [Int64] {
        try openFaultSubjects(db).compactMap { id, subject in
            EscalationEngine.due(subject, policy: ctx.escalation.policy, now: ctx.now).isEmpty ? nil : id
        }
    }

    /// Every open fault as the escalation rules see it: level, report, deadline, steps taken.
    static func openFaultSubjects(_ db: Database) throws -> [(Int64, EscalationSubject)] {
        // Active faults are the front of the fault kind's queue (queue_key below 2·10^12).
        let faults = try WorkItem.fetchAll(db.cachedStatement(sql: """
            SELECT * FROM item INDEXED BY item_queue_kind WHERE kind = 'fault' AND queue_key < \(QueueQuery.activeLimit)
            """))
        guard !faults.isEmpty else { return [] }
        let taken = try takenSteps(db, faults.compactMap(\.id))
        return faults.compactMap { fault in
            guard let id = fault.id, let subject = subject(fault, taken: taken[id] ?? []) else { return nil }
            return (id, subject)
        }
    }

    static func subject(_ item: WorkItem, taken: Set<EscalationStep>) -> EscalationSubject? {
        guard item.kind == .fault, let level = item.level, let due = item.dueAt else { return nil }
        return EscalationSubject(level: level, reportedAt: item.receivedAt, dueAt: due, restored: item.status == .closed,
                                 taken: taken)
    }

    static func takenSteps(_ db: Database, _ ids: [Int64]) throws -> [Int64: Set<EscalationStep>] {
        var result: [Int64: Set<EscalationStep>] = [:]
        for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
            let marks = chunk.map { _ in "?" }.joined(separator: ",")
            for row in try Row.fetchAll(db, sql: "SELECT item_id, step FROM escalation WHERE item_id IN (\(marks))",
                                        arguments: StatementArguments(chunk)) {
                let r = StoredRow(row, table: "escalation", key: nil)
                result[try r.integer("item_id"), default: []].insert(try r.code("step", as: EscalationStep.self))
            }
        }
        return result
    }

    /// Inside a write transaction: takes the steps due for `item` at `ctx.now`.
    static func takeDueSteps(_ db: Database, _ item: WorkItem, _ ctx: Context) throws -> [EscalationRecord] {
        let taken = try takenSteps(db, [item.id!])[item.id!] ?? []
        guard let subject = subject(item, taken: taken) else { return [] }
        var records: [EscalationRecord] = []
        for due in EscalationEngine.due(subject, policy: ctx.escalation.policy, now: ctx.now) {
            let reason = due.reason(subject.level)
            if let record = try insertStep(db, item, due.step, dueAt: due.dueAt, byRule: true, reason: reason,
                                           breach: due.percent >= 100, ctx) {
                records.append(record)
            }
        }
        return records
    }

    /// Inserts a step unless it exists; writes its history entry and its notification. Returns `nil`
    /// when another session took the step first.
    static func insertStep(_ db: Database, _ item: WorkItem, _ step: EscalationStep, dueAt: Date, byRule: Bool,
                           reason: EscalationReason, breach: Bool, _ ctx: Context) throws -> EscalationRecord? {
        let id = item.id!
        try checkText(reason.stored, .reason)
        try db.execute(sql: """
            INSERT INTO escalation (item_id, step, level, due_at, taken_at, taken_by, by_rule, reason)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (item_id, step) DO NOTHING
            """, arguments: [id, step.rawValue, item.level!.rawValue, dueAt.dbSeconds, ctx.now.dbSeconds, ctx.actor,
                             byRule, reason.stored])
        guard db.changesCount == 1 else { return nil }
        let taken = try EscalationRecord.fetchOne(db, sql: "SELECT * FROM escalation WHERE item_id = ? AND step = ?",
                                                  arguments: [id, step.rawValue])!
        if byRule {
            try record(db, id, at: ctx.now, ctx, event: .escalated, field: .escalation, new: step.rawValue,
                       systemNote: .escalation(reason))
        } else {
            try record(db, id, at: ctx.now, ctx, event: .escalated, field: .escalation, new: step.rawValue,
                       note: reason.text(.en))
        }
        try enqueueNotification(db, item, taken, alsoClient: breach && step == .supervisor
                                    && ctx.escalation.policy[item.level!].notifyClientOnBreach, ctx)
        return taken
    }

    /// Whom a notification of `step` names: the tier's active staff by username, then the client
    /// office's contacts for a client step (or any step when `alsoClient`); and the staff among them.
    static func notified(_ db: Database, _ step: EscalationStep, alsoClient: Bool,
                         _ ctx: Context) throws -> (people: [StoredEvent.Person], usernames: [String]) {
        var people: [StoredEvent.Person] = []
        var usernames: [String] = []
        if let role = step.role {
            for member in try StaffMember.fetchAll(db, sql: "SELECT * FROM staff WHERE role = ? AND active ORDER BY username",
                                                   arguments: [role.rawValue]) {
                people.append(.init(username: member.username, name: member.name, phone: member.phone))
                usernames.append(member.username)
            }
        }
        if step == .client || alsoClient {
            for contact in ctx.escalation.client {
                people.append(.init(username: nil, name: contact.name, phone: contact.phone))
            }
        }
        return (people, usernames)
    }

    /// Writes the step's notification to the outbox, addressed to the people of its tier.
    static func enqueueNotification(_ db: Database, _ item: WorkItem, _ step: EscalationRecord, alsoClient: Bool,
                                    _ ctx: Context) throws {
        let (people, usernames) = try notified(db, step.step, alsoClient: alsoClient, ctx)
        let message = NotificationMessage(step: step.step, faultID: item.id!, level: step.level, region: item.region,
                                          title: item.title, dueAt: item.dueAt!, reason: step.reason)
        // The event without its sentences: `reason` and `text` are said when it is delivered.
        let event = StoredEvent(
            fault: .init(id: item.id!, level: step.level.rawValue, region: item.region?.chineseName, title: item.title,
                         reported_at: BeijingTime.iso(item.receivedAt), due_at: BeijingTime.iso(item.dueAt!)),
            step: step.step.rawValue, step_id: step.id!, at: BeijingTime.iso(step.takenAt), by_rule: step.byRule,
            people: people)
        try db.execute(sql: """
            INSERT INTO notification (kind, escalation_id, item_id, created_at, payload, text, message, next_attempt_at)
            VALUES ('escalation', ?, ?, ?, ?, '', ?, ?)
            """, arguments: [step.id!, item.id!, ctx.now.dbSeconds, try event.json(), message.code.json, ctx.now.dbSeconds])
        let notificationID = db.lastInsertedRowID
        for username in usernames {
            try db.execute(sql: "INSERT INTO notification_recipient (notification_id, username) VALUES (?, ?)",
                           arguments: [notificationID, username])
        }
    }

    /// Writes an assignment's notice to the outbox, addressed to the assignee, in the assignment's
    /// transaction: delivered by the notify command as escalation notices are, with the same
    /// retries, and shown on the assignee's console.
    static func enqueueAssignmentNotice(_ db: Database, _ item: WorkItem, to assignee: String, at: Date, _ ctx: Context) throws {
        guard let member = try StaffMember.fetchOne(db, key: assignee) else { return }
        let message = AssignmentNotice(itemID: item.id!, kind: item.kind, title: item.title, assignee: assignee,
                                       assignedBy: ctx.actor, dueAt: item.dueAt)
        let event = StoredAssignment(
            item: .init(id: item.id!, kind: item.kind.rawValue, title: item.title, region: item.region?.chineseName,
                        due_at: item.dueAt.map(BeijingTime.iso)),
            assignee: assignee, by: ctx.actor, at: BeijingTime.iso(at),
            people: [.init(username: member.username, name: member.name, phone: member.phone)])
        try db.execute(sql: """
            INSERT INTO notification (kind, escalation_id, item_id, created_at, payload, text, message, next_attempt_at)
            VALUES ('assignment', NULL, ?, ?, ?, '', ?, ?)
            """, arguments: [item.id!, ctx.now.dbSeconds, try event.json(), message.code.json, ctx.now.dbSeconds])
        try db.execute(sql: "INSERT INTO notification_recipient (notification_id, username) VALUES (?, ?)",
                       arguments: [db.lastInsertedRowID, assignee])
    }

    // MARK: By hand

    /// Moves a fault one tier up by hand, with a reason: T0 → T1 → T2, never skipping.
    @discardableResult
    public func escalateManually(_ id: Int64, reason: String, at: Date, _ ctx: Context) throws -> EscalationRecord {
        let reason = try required(reason, "reason")
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            guard item.kind == .fault else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aFault) }
            guard item.status != .closed else { throw StoreError.alreadyClosed(id: id) }
            // Rule steps due by now come first, so a manual step never jumps ahead of them.
            _ = try Self.takeDueSteps(db, item, ctx)
            let taken = try Self.takenSteps(db, [id])[id] ?? []
            guard let next = EscalationEngine.manualNext(taken: taken) else {
                throw StoreError.invalid(Catalog.Store.Escalations.atTheTop(id))
            }
            var c = ctx
            c.now = at
            guard let record = try Self.insertStep(db, item, next, dueAt: at, byRule: false, reason: .stated(reason), breach: false, c) else {
                throw StoreError.invalid(Catalog.Store.Escalations.escalatedMeanwhile(id, to: next))
            }
            return record
        }
    }

    /// Acknowledges the fault's latest unacknowledged tier step; only people of that tier may.
    @discardableResult
    public func acknowledge(_ id: Int64, at: Date, _ ctx: Context) throws -> EscalationRecord {
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            let member = try Self.authorize(db, ctx, .write)
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            guard item.kind == .fault else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aFault) }
            let open = try EscalationRecord.fetchAll(db, sql: """
                SELECT * FROM escalation WHERE item_id = ? AND step IN ('T0', 'T1', 'T2') AND acknowledged_at IS NULL
                ORDER BY step DESC
                """, arguments: [id])
            guard var step = open.first else {
                throw StoreError.invalid(Catalog.Store.Escalations.nothingToAcknowledge(id))
            }
            guard EscalationEngine.canAcknowledge(step.step, role: member.role) else {
                throw StoreError.notPermitted(.otherTier(step: step.step, id: id, user: ctx.actor, role: member.role))
            }
            guard at >= step.takenAt else {
                throw StoreError.invalid(Catalog.Store.Escalations.beforeStep(at, taken: step.takenAt))
            }
            step.acknowledgedAt = at
            step.acknowledgedBy = ctx.actor
            try step.update(db)
            try Self.record(db, id, at: at, ctx, event: .acknowledged, field: .escalation, new: step.step.rawValue)
            return step
        }
    }

    // MARK: Reading

    /// A fault's steps, oldest first.
    public func escalations(of id: Int64) throws -> [EscalationRecord] {
        try read { db in
            try EscalationRecord.fetchAll(db, sql: "SELECT * FROM escalation WHERE item_id = ? ORDER BY taken_at, id", arguments: [id])
        }
    }

    /// Where each fault stands on its path, for the board.
    public func escalationStanding(_ faults: [WorkItem], policy: EscalationPolicy) throws -> [Int64: EscalationStanding] {
        let ids = faults.compactMap(\.id)
        guard !ids.isEmpty else { return [:] }
        let records: [Int64: [EscalationRecord]] = try read { db in
            var all: [Int64: [EscalationRecord]] = [:]
            for chunk in stride(from: 0, to: ids.count, by: 500).map({ Array(ids[$0..<min(ids.count, $0 + 500)]) }) {
                let marks = chunk.map { _ in "?" }.joined(separator: ",")
                for r in try EscalationRecord.fetchAll(db, sql: "SELECT * FROM escalation WHERE item_id IN (\(marks)) ORDER BY taken_at, id",
                                                       arguments: StatementArguments(chunk)) {
                    all[r.itemId, default: []].append(r)
                }
            }
            return all
        }
        var result: [Int64: EscalationStanding] = [:]
        for fault in faults {
            let steps = records[fault.id!] ?? []
            let taken = Set(steps.map(\.step))
            let lastTier = steps.filter(\.step.isTier).max { $0.step < $1.step }
            let next = Self.subject(fault, taken: taken).flatMap { EscalationEngine.next($0, policy: policy) }
            result[fault.id!] = EscalationStanding(taken: steps.map(\.step), tier: lastTier?.step,
                                                   acknowledgedBy: lastTier?.acknowledgedBy, next: next)
        }
        return result
    }

    // MARK: The outbox

    /// Claims up to `limit` notifications due for an attempt at `now`, for `lease` seconds, so that
    /// two deliverers never run the command for the same one at once. Delivering is the timer's
    /// work: active staff, or a user named in `timer_users`.
    ///
    /// The event's `reason` and `text` are said in `language` (the gateway's readers: Chinese by
    /// default).
    public func claimNotifications(now: Date, lease: TimeInterval, limit: Int = 100, language: Language = .zh,
                                   _ ctx: Context) throws -> [PendingNotification] {
        try writer.write { db in
            try Self.authorizeTimer(db, ctx)
            let rows = try Row.fetchAll(db, sql: """
                SELECT id, event_id, kind, item_id, payload, message, attempts FROM notification INDEXED BY notification_pending
                WHERE delivered_at IS NULL AND next_attempt_at <= ? AND (claimed_until IS NULL OR claimed_until <= ?)
                ORDER BY next_attempt_at, id LIMIT ?
                """, arguments: [now.dbSeconds, now.dbSeconds, limit])
            var claimed: [PendingNotification] = []
            for row in rows {
                let r = StoredRow(row, table: "notification")
                let id = try r.integer("id")
                try db.execute(sql: "UPDATE notification SET claimed_until = ? WHERE id = ?",
                               arguments: [now.addingTimeInterval(lease).dbSeconds, id])
                let payload = try Self.wirePayload(try r.text("payload"), message: try Self.message(r), language: language)
                claimed.append(PendingNotification(id: id, itemId: try r.integer("item_id"),
                                                   payload: Self.withEventID(payload, try r.text("event_id")),
                                                   attempts: try r.int("attempts"), eventID: try r.text("event_id")))
            }
            return claimed
        }
    }

    /// The event as the notify command receives it: the stored facts with their sentences said in
    /// `language`, and `reason_code` for machines. An event stored whole before (with its text) is
    /// sent as it was.
    static func wirePayload(_ stored: String, message: NoticeMessage?, language: Language) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        switch message {
        case nil:
            return stored
        case .escalation(let message):
            guard let event = try? JSONDecoder().decode(StoredEvent.self, from: Data(stored.utf8)) else { return stored }
            let wire = NotificationPayload(kind: NoticeKind.escalation.rawValue, fault: event.fault, step: event.step,
                                           step_id: event.step_id, at: event.at, by_rule: event.by_rule,
                                           reason: message.reason.text(language), reason_code: message.reason.code,
                                           people: event.people, text: message.text(language))
            return String(decoding: try encoder.encode(wire), as: UTF8.self)
        case .assignment(let message):
            guard let event = try? JSONDecoder().decode(StoredAssignment.self, from: Data(stored.utf8)) else { return stored }
            let wire = AssignmentPayload(kind: NoticeKind.assignment.rawValue, item: event.item, assignee: event.assignee,
                                         by: event.by, at: event.at, people: event.people, text: message.text(language))
            return String(decoding: try encoder.encode(wire), as: UTF8.self)
        case .requester:
            // Said in the requester's language when it was written: sent as stored.
            return stored
        }
    }

    /// The event with its `event_id` (32 hexadecimal digits, given by the database when the
    /// notification was written: never handed out twice, even across a restore).
    static func withEventID(_ payload: String, _ eventID: String) -> String {
        // `{"event_id":"…",` + the stored object's members: event_id first.
        guard payload.hasPrefix("{") else { return payload }
        return "{\"event_id\":\"\(eventID)\"," + payload.dropFirst()
    }

    /// The command succeeded: the notification is final.
    public func markDelivered(_ id: Int64, at: Date, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorizeTimer(db, ctx)
            try db.execute(sql: """
                UPDATE notification SET delivered_at = ?, attempts = attempts + 1, claimed_until = NULL, last_error = NULL
                WHERE id = ? AND delivered_at IS NULL
                """, arguments: [at.dbSeconds, id])
        }
    }

    /// The command failed or hung: try again after `retryAfter` seconds.
    public func markFailed(_ id: Int64, at: Date, error: String, retryAfter: TimeInterval, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorizeTimer(db, ctx)
            try db.execute(sql: """
                UPDATE notification SET attempts = attempts + 1, next_attempt_at = ?, claimed_until = NULL, last_error = ?
                WHERE id = ? AND delivered_at IS NULL
                """, arguments: [at.addingTimeInterval(retryAfter).dbSeconds, String(error.prefix(500)), id])
        }
    }

    /// The outbox, newest first: for `helpdesk notify list`.
    public func outbox(pendingOnly: Bool, limit: Int = 50) throws -> [OutboxEntry] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.id, n.kind, n.item_id, e.step, n.created_at, n.attempts, n.next_attempt_at, n.delivered_at,
                       n.last_error, n.text, n.message
                FROM notification n LEFT JOIN escalation e ON e.id = n.escalation_id
                \(pendingOnly ? "WHERE n.delivered_at IS NULL" : "")
                ORDER BY n.id DESC LIMIT ?
                """, arguments: [limit]).map { row in
                let r = StoredRow(row, table: "notification")
                return OutboxEntry(id: try r.integer("id"), itemId: try r.integer("item_id"), kind: try r.code("kind"),
                                   step: try StoredRow(row, table: "escalation", key: nil).optionalCode("step"),
                                   createdAt: try r.instant("created_at"), attempts: try r.int("attempts"),
                                   nextAttemptAt: try r.instant("next_attempt_at"), deliveredAt: try r.optionalInstant("delivered_at"),
                                   lastError: try r.optionalText("last_error"), message: try Self.message(r), storedText: try r.text("text"))
            }
        }
    }

    /// How many notifications wait to be delivered.
    public func pendingNotificationCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM notification WHERE delivered_at IS NULL") ?? 0 }
    }

    /// Notifications addressed to `username` after `afterID`, oldest first; the console shows them.
    public func notices(for username: String, after afterID: Int64) throws -> [Notice] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT n.id, n.kind, n.item_id, n.text, n.message, n.created_at FROM notification_recipient r
                JOIN notification n ON n.id = r.notification_id
                WHERE r.username = ? AND r.notification_id > ? ORDER BY n.id
                """, arguments: [username, afterID]).map { row in
                let r = StoredRow(row, table: "notification")
                return Notice(id: try r.integer("id"), itemId: try r.integer("item_id"), message: try Self.message(r),
                              storedText: try r.text("text"), createdAt: try r.instant("created_at"))
            }
        }
    }

    /// A notification's message as the store coded it.
    ///
    /// `nil` for one stored as text before messages were coded; a code it cannot read is refused.
    static func message(_ r: StoredRow) throws -> NoticeMessage? {
        let kind: NoticeKind = try r.code("kind")
        return try r.optionalJSON("message", as: Code.self).map { code in
            guard let message = NoticeMessage(kind: kind, code: code) else {
                throw r.unreadable("message", expected: "a code of a notice of kind \(kind.rawValue)")
            }
            return message
        }
    }

    /// The newest notification id: a console starts showing notices from here.
    public func lastNotificationID() throws -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT max(id) FROM notification") ?? 0 }
    }
}

/// The notify command's JSON for an escalation step (README, "Escalation"), `event_id` added at delivery.
struct NotificationPayload: Encodable {
    let kind: String
    let fault: StoredEvent.Fault
    let step: String
    let step_id: Int64
    let at: String
    let by_rule: Bool
    let reason: String
    /// The reason as a code (`{"code": "escalation_rule", …}` or `{"code": "stated", "text": …}`).
    let reason_code: Code
    let people: [StoredEvent.Person]
    let text: String
}

/// The event as stored in the outbox: facts only, its sentences said at delivery.
struct StoredEvent: Codable {
    struct Fault: Codable {
        let id: Int64
        let level: Int
        let region: String?
        let title: String
        let reported_at: String
        let due_at: String
    }
    struct Person: Codable {
        let username: String?
        let name: String
        let phone: String?
    }
    let fault: Fault
    let step: String
    let step_id: Int64
    let at: String
    let by_rule: Bool
    let people: [Person]

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// An assignment's notice as stored in the outbox: facts only, its sentence said at delivery.
struct StoredAssignment: Codable {
    struct Item: Codable {
        let id: Int64
        let kind: String
        let title: String
        let region: String?
        let due_at: String?

        enum CodingKeys: String, CodingKey { case id, kind, title, region, due_at }

        /// `region` and `due_at` are written as `null` when the item has none: one shape for all.
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(title, forKey: .title)
            try c.encode(region, forKey: .region)
            try c.encode(due_at, forKey: .due_at)
        }
    }
    let item: Item
    let assignee: String
    let by: String
    let at: String
    let people: [StoredEvent.Person]

    func json() throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(self), as: UTF8.self)
    }
}

/// The notify command's JSON for an assignment (README, "Notices"), `event_id` added at delivery.
struct AssignmentPayload: Encodable {
    let kind: String
    let item: StoredAssignment.Item
    let assignee: String
    let by: String
    let at: String
    let people: [StoredEvent.Person]
    let text: String
}
