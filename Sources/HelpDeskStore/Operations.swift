import Foundation
import GRDB
import HelpDeskCore

/// Who does something, and when the program takes "now" to be.
public struct Context: Sendable {
    /// The operating-system user behind the session.
    public var actor: String
    public var now: Date
    /// The escalation policy in force, whom the client-office step tells, and who runs the timer
    /// (the configuration file's).
    public var escalation: EscalationSettings
    /// Above which an inspection's reading opens a fault or task (the configuration file's).
    public var inspection: InspectionThresholds = .standard
    /// The largest file that may be attached, in bytes (the desk rule `attachment.max_mb`).
    public var attachmentLimit: Int = AttachmentRules.bytes(mb: AttachmentRules.defaultLimitMB)
    /// Whether the desk allows pausing the clock while waiting on the requester (desk rule
    /// `waiting.allowed`, on unless set off).
    public var pausingAllowed = true
    /// What notices to requesters go by: the `Message-ID`s' domain, the language of a requester
    /// whose own is not known.
    public var requesterNotices: RequesterNoticeSettings = .standard
    /// `now` was set by hand (`--now`, `HELPDESK_NOW`) rather than read from the machine's clock.
    /// A simulated clock is a supervisor's tool: anyone else's write is refused.
    public var clockIsSimulated: Bool
    /// The machine's clock, read when history is written with a simulated `now`.
    public var wallClock: @Sendable () -> Date

    public init(actor: String, now: Date, escalation: EscalationSettings = .standard, clockIsSimulated: Bool = false,
                wallClock: @escaping @Sendable () -> Date = { Date() }) {
        self.actor = actor
        self.now = now
        self.escalation = escalation
        self.clockIsSimulated = clockIsSimulated
        self.wallClock = wallClock
    }

    /// The time by the machine's clock: `now` itself unless the clock is simulated.
    public var realNow: Date { clockIsSimulated ? wallClock() : now }
}

extension AppDatabase {
    // MARK: CASE tickets

    /// Takes in a CASE ticket received at `at`; its deadline is computed and stored with the
    /// calendar version. Returns the new item.
    @discardableResult
    public func addCase(_ new: NewCase, at: Date, _ ctx: Context) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        let title = try required(new.title, "title")
        let phone = try validPhone(new.requesterPhone)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            let calendar = try Self.calendar(db)
            let rules = DeadlineRules(calendar: calendar)
            let entry = try Self.directoryEntry(db, for: new, phone: phone, ctx)
            var item = WorkItem(
                kind: new.kind.itemKind, title: title, description: new.description,
                region: new.region, channel: new.channel,
                requesterName: new.requesterName.nonBlank ?? entry?.name,
                requesterOffice: new.requesterOffice.nonBlank ?? entry?.office.nonBlank,
                requesterPhone: phone ?? entry?.phones.first,
                takenBy: try Self.staffUsername(db, ctx.actor), receivedAt: at,
                createdAt: ctx.now, createdBy: ctx.actor)
            switch new.kind {
            case .general:
                let d = rules.general(receivedAt: at)
                item.dueAt = d.due
                item.calendarVersion = d.calendarVersion
            case .special:
                let d = rules.special(confirmedAt: at)
                item.confirmedAt = at
                item.dueAt = d.due
                item.calendarVersion = d.calendarVersion
            case .requirement:
                break  // no deadline until assessed
            }
            try item.insert(db)
            try Self.record(db, item.id!, at: at, ctx, event: .created,
                            systemNote: .received(kind: new.kind.itemKind, channel: new.channel))
            if let entry { try Self.linkRequester(db, item: item.id!, requester: entry.id!, ctx) }
            try Self.enqueueRequesterNotices(db, item, .intake, at: at, ctx) { lang in
                Catalog.RequesterNotices.intake(id: item.id!, title: item.title, due: item.dueAt)(lang)
            }
            return item
        }
    }

    /// Records a response to a CASE ticket: the older name of `reply`, which writes it into the
    /// timeline. The first response is the special case's rule event.
    @discardableResult
    public func respond(_ id: Int64, note: String, template: Int64? = nil, at: Date, expectedVersion: Int? = nil,
                        _ ctx: Context) throws -> WorkItem {
        let note = try required(note, "note")
        try Self.checkText(note, .note)
        return try reply(id, text: note, template: template, at: at, expectedVersion: expectedVersion, ctx)
    }

    /// Resolves a CASE ticket. Cause and solution are both required.
    @discardableResult
    public func resolve(_ id: Int64, cause: String, solution: String, at: Date, expectedVersion: Int? = nil,
                        _ ctx: Context) throws -> WorkItem {
        let (cause, solution) = try causeAndSolution(cause, solution)
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .resolved) { item, db in
            guard item.kind.isCase else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aCaseTicket) }
            if item.awaitsAssessment {
                throw StoreError.invalid(Catalog.Store.Items.notAssessed(id))
            }
            item.status = .closed
            item.closedAt = at
            item.cause = cause
            item.solution = solution
            if item.firstResponseAt == nil { item.firstResponseAt = at }
        } then: { item, db in
            try Self.carryToMerged(db, item, event: .resolved, at: at, ctx)
            try Self.enqueueRequesterNotices(db, item, .resolved, at: at, ctx) { lang in
                Catalog.RequesterNotices.resolved(id: id, solution: solution)(lang)
            }
        }
    }

    /// Assesses a requirement: the due date agreed with the requester, who agreed, and the size.
    @discardableResult
    public func assess(_ id: Int64, due: Date, agreedWith: String, size: String? = nil, at: Date,
                       expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        let who = try required(agreedWith, "agreed-with")
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .assessed) { item, db in
            guard item.kind == .requirement else {
                throw StoreError.wrongKind(id: id, is: item.kind, expected: .aRequirement)
            }
            guard due > at else {
                throw StoreError.invalid(Catalog.Store.Items.dueBeforeAssessment(due, at: at))
            }
            item.status = .assessed
            item.dueAt = due
            item.agreedWith = who
            item.agreedAt = at
            if let size = size.nonBlank { item.sizeEstimate = size }
        }
    }

    /// Gives an item to a member of staff (taking it: to oneself). They must be active staff.
    /// Someone given an item by another is notified (`NoticeKind.assignment`), in the same
    /// transaction: the console's `A` and the command line's `case take`/`case assign` alike.
    @discardableResult
    public func assign(_ id: Int64, to username: String, at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .assigned, note: username, mutate: { item, db in
            guard try Self.staffUsername(db, username) != nil else {
                throw StoreError.invalid(Catalog.Staff.notActiveStaff(username))
            }
            guard item.assignee != username else { throw StoreError.invalid(Catalog.Store.Items.alreadyAssigned(id, to: username)) }
            item.assignee = username
        }, then: { item, db in
            if username != ctx.actor { try Self.enqueueAssignmentNotice(db, item, to: username, at: at, ctx) }
        })
    }

    // MARK: Faults

    /// Records a fault reported at `at`; its deadline runs on the wall clock.
    @discardableResult
    public func addFault(_ new: NewFault, at: Date, _ ctx: Context) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        let title = try required(new.title, "title")
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            return try Self.insertFault(db, new, title: title, at: at, ctx)
        }
    }

    /// Inserts a fault reported at `at` with its deadline and history entry, and takes the
    /// escalation steps due: what reporting one does, inside the caller's transaction.
    static func insertFault(_ db: Database, _ new: NewFault, title: String, at: Date, systemText: SystemItemText? = nil,
                            _ ctx: Context) throws -> WorkItem {
        let deadline = DeadlineRules(calendar: try Self.calendar(db)).fault(level: new.level, reportedAt: at)
        var item = WorkItem(kind: .fault, title: title, description: new.description, region: new.region,
                            takenBy: try Self.staffUsername(db, ctx.actor), level: new.level, receivedAt: at,
                            dueAt: deadline.due, calendarVersion: deadline.calendarVersion,
                            createdAt: ctx.now, createdBy: ctx.actor, systemText: systemText)
        try item.insert(db)
        try Self.record(db, item.id!, at: at, ctx, event: .reported, systemNote: .reported(level: new.level))
        // The steps due at the report (and any whose time has come, for a fault reported late).
        _ = try Self.takeDueSteps(db, item, ctx)
        return item
    }

    /// Raises a fault's level (3→2→1, one or two steps). The deadline is recomputed from the report.
    @discardableResult
    public func raise(_ id: Int64, to level: FaultLevel, reason: String, at: Date, expectedVersion: Int? = nil,
                      _ ctx: Context) throws -> WorkItem {
        let reason = try required(reason, "reason")
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .raised, note: reason) { item, db in
            try Self.setLevel(&item, level, db) { current in
                guard current.isRaised(to: level) else {
                    throw StoreError.invalid(Catalog.Store.Items.raiseOrder(id, current: current, to: level))
                }
            }
        } then: { item, db in
            // The new level's steps whose time has come are taken at once.
            _ = try Self.takeDueSteps(db, item, ctx)
        }
    }

    /// Lowers a fault's level (1→2→3), with a reason: supervisors only. The deadline is recomputed
    /// from the report; steps already taken stay taken.
    @discardableResult
    public func lower(_ id: Int64, to level: FaultLevel, reason: String, at: Date, expectedVersion: Int? = nil,
                      _ ctx: Context) throws -> WorkItem {
        let reason = try required(reason, "reason")
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .lowered, note: reason,
                          permission: .supervise(.lowerLevel)) { item, db in
            try Self.setLevel(&item, level, db) { current in
                guard level.isRaised(to: current) else {
                    throw StoreError.invalid(Catalog.Store.Items.lowerOrder(id, current: current))
                }
            }
        }
    }

    /// Moves a fault to `level` and recomputes its deadline from the report; `allowed` refuses a
    /// move the caller may not make (it sees the current level, never equal to `level`).
    static func setLevel(_ item: inout WorkItem, _ level: FaultLevel, _ db: Database,
                         allowed: (FaultLevel) throws -> Void) throws {
        let id = item.id ?? 0
        guard item.kind == .fault, let current = item.level else {
            throw StoreError.wrongKind(id: id, is: item.kind, expected: .aFault)
        }
        if level == current { throw StoreError.invalid(Catalog.Store.Items.alreadyAtLevel(id, level)) }
        try allowed(current)
        let deadline = DeadlineRules(calendar: try Self.calendar(db)).fault(level: level, reportedAt: item.receivedAt)
        item.level = level
        item.dueAt = deadline.due
        item.calendarVersion = deadline.calendarVersion
    }

    /// Reopens a closed item, with a reason: supervisors only. Its cause and solution are cleared
    /// (the history keeps them); a fault's clock runs again, and so do its escalation steps.
    @discardableResult
    public func reopen(_ id: Int64, reason: String, at: Date, expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        let reason = try required(reason, "reason")
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .reopened, note: reason,
                          permission: .supervise(.reopen), reopening: true) { item, db in
            item.status = item.kind == .requirement && item.agreedAt != nil ? .assessed
                : (item.firstResponseAt != nil && item.kind.isCase ? .responded : .open)
            item.closedAt = nil
            item.cause = nil
            item.solution = nil
        } then: { item, db in
            _ = try Self.takeDueSteps(db, item, ctx)
        }
    }

    /// Records that service is restored: the fault's clock stops. Cause and solution are required.
    @discardableResult
    public func restore(_ id: Int64, cause: String, solution: String, mode: ResponseMode? = nil, at: Date,
                        expectedVersion: Int? = nil, _ ctx: Context) throws -> WorkItem {
        let (cause, solution) = try causeAndSolution(cause, solution)
        return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .restored,
                          systemNote: mode.map(SystemNote.responseMode)) { item, db in
            guard item.kind == .fault else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aFault) }
            item.status = .closed
            item.closedAt = at
            item.cause = cause
            item.solution = solution
        } then: { item, db in
            try Self.carryToMerged(db, item, event: .restored, at: at, ctx)
            try Self.enqueueRequesterNotices(db, item, .resolved, at: at, ctx) { lang in
                Catalog.RequesterNotices.resolved(id: id, solution: solution)(lang)
            }
        }
    }

    // MARK: The shared path of every change

    /// Loads an item, lets `mutate` change it, and writes it back with one history entry per changed
    /// field — all in one transaction. The event's own entry comes first, unless `entryWritten` says
    /// that `mutate` wrote it (with the field it changed beside the item, such as a change's stage). Refused when the item is closed, when `at` lies before the item
    /// was received (unless `sinceEntry` is false: a record entered after the fact, such as a
    /// training's, whose times are checked against each other instead) or in the future, and
    /// when `expectedVersion` is not the stored version. `anyStatus`: a closed item may be changed too
    /// (a correction).
    func change(_ id: Int64, at: Date, expectedVersion: Int?, _ ctx: Context, event: HistoryEvent, note: String? = nil,
                systemNote: SystemNote? = nil, permission: Permission = .write, reopening: Bool = false,
                entryWritten: Bool = false, sinceEntry: Bool = true, anyStatus: Bool = false,
                mutate: (inout WorkItem, Database) throws -> Void,
                then: ((WorkItem, Database) throws -> Void)? = nil) throws -> WorkItem {
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            try Self.authorize(db, ctx, permission)
            guard let before = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            if let expected = expectedVersion, expected != before.version {
                throw StoreError.staleEdit(id: id, expected: expected, current: before.version)
            }
            if reopening {
                guard before.status == .closed else { throw StoreError.invalid(Catalog.Store.Items.notClosed(id)) }
            } else if !anyStatus {
                guard before.status != .closed else { throw StoreError.alreadyClosed(id: id) }
            }
            // A merged duplicate is worked through the item it was merged into; a waiting one is
            // resumed first (or related, or given to someone).
            if before.status == .merged { throw StoreError.invalid(Catalog.WaitingAndLinks.isMerged(id)) }
            if before.status == .waiting, ![.paused, .resumed, .assigned].contains(event) {
                throw StoreError.invalid(Catalog.WaitingAndLinks.isWaiting(id))
            }
            guard at >= before.receivedAt || !sinceEntry else {
                throw StoreError.invalid(Catalog.Store.Items.beforeIntake(id, kind: before.kind, at: at, intake: before.receivedAt))
            }
            try Self.checkOrder(db, id, event: event, at: at)
            var after = before
            try mutate(&after, db)
            after.version = before.version + 1
            after.updatedAt = ctx.now
            try after.update(db)
            if !entryWritten { try Self.record(db, id, at: at, ctx, event: event, note: note, systemNote: systemNote) }
            let old = try before.databaseDictionary, new = try after.databaseDictionary
            for field in HistoryField.itemColumns where old[field.rawValue] != new[field.rawValue] {
                try Self.record(db, id, at: at, ctx, event: event, field: field,
                                old: Self.display(field, old[field.rawValue]), new: Self.display(field, new[field.rawValue]))
            }
            try then?(after, db)
            return after
        }
    }

    /// Refuses `event` at `at` when the item's course already holds a later step (`EventOrder`).
    static func checkOrder(_ db: Database, _ id: Int64, event: HistoryEvent, at: Date) throws {
        guard event.marksCourse else { return }
        let course = HistoryEvent.allCases.filter(\.marksCourse).map(\.rawValue)
        let row = try Row.fetchOne(db, sql: """
            SELECT event, at FROM history WHERE item_id = ? AND event IN (\(databaseQuestionMarks(count: course.count)))
            ORDER BY at DESC LIMIT 1
            """, arguments: StatementArguments([id] as [any DatabaseValueConvertible] + course))
        let latest = try row.map { row -> (event: HistoryEvent, at: Date) in
            let name: String = row["event"]
            guard let event = HistoryEvent(rawValue: name) else {
                throw StoreError.invalid(Catalog.Store.Items.unknownEvent(id, name))
            }
            return (event, Date(dbSeconds: row["at"]))
        }
        if let refusal = EventOrder.refusal(id: id, event: event, at: at, latest: latest) {
            throw StoreError.invalid(refusal)
        }
    }

    static func record(_ db: Database, _ id: Int64, at: Date, _ ctx: Context, event: HistoryEvent, field: HistoryField? = nil,
                       old: String? = nil, new: String? = nil, note: String? = nil, systemNote: SystemNote? = nil) throws {
        var entry = HistoryEntry(itemId: id, at: at, recordedAt: ctx.now, recordedRealAt: ctx.realNow, actor: ctx.actor,
                                 event: event, field: field, oldValue: old, newValue: new, note: note, systemNote: systemNote)
        try entry.insert(db)
    }

    /// History shows instants in Beijing time rather than raw seconds.
    static func display(_ field: HistoryField, _ value: DatabaseValue?) -> String? {
        guard let value, !value.isNull else { return nil }
        if field.isInstant, let seconds = Int64.fromDatabaseValue(value) {
            return BeijingTime.iso(Date(dbSeconds: seconds))
        }
        return String.fromDatabaseValue(value) ?? value.description
    }

    static func staffUsername(_ db: Database, _ username: String) throws -> String? {
        try String.fetchOne(db, sql: "SELECT username FROM staff WHERE username = ? AND active", arguments: [username])
    }

    func checkNotFuture(_ at: Date, _ ctx: Context) throws {
        if at > ctx.now {
            throw StoreError.invalid(Catalog.Store.Items.inTheFuture(at, now: ctx.now))
        }
    }

    func required(_ text: String, _ name: String) throws -> String {
        guard let value = text.nonBlank else { throw StoreError.invalid(Catalog.Store.Items.emptyOption(name)) }
        return value
    }

    /// Refuses text the desk does not keep (`TextRules`): a NUL character, or more than the field
    /// holds. Every write of text passes here, through the records' `willSave` or before a plain
    /// insert, so no path stores what another would refuse.
    static func checkText(_ text: String?, _ field: TextRules.Field) throws {
        guard let text, let problem = TextRules.problem(in: text, field: field) else { return }
        throw StoreError.invalid(problem)
    }

    /// A phone number as given, trimmed; `nil` when blank.
    ///
    /// Refused unless it reads (`PhoneNumber.parse`), saying what is wrong: the rule the console's
    /// forms check as it is typed. Kept as typed; its key is stored beside it.
    func validPhone(_ text: String?) throws -> String? {
        guard let phone = text.nonBlank else { return nil }
        if case .failure(let problem) = PhoneNumber.parse(phone) {
            throw StoreError.invalid(Catalog.DeskWork.notAPhone(phone, problem))
        }
        return phone
    }

    func causeAndSolution(_ cause: String, _ solution: String) throws -> (String, String) {
        switch (cause.nonBlank, solution.nonBlank) {
        case let (c?, s?): return (c, s)
        case (nil, nil): throw StoreError.invalid(Catalog.Store.Items.causeAndSolutionMissing)
        case (nil, _): throw StoreError.invalid(Catalog.Store.Items.causeMissing)
        case (_, nil): throw StoreError.invalid(Catalog.Store.Items.solutionMissing)
        }
    }
}

extension Optional where Wrapped == String {
    var nonBlank: String? { self.flatMap { $0.nonBlank } }
}

extension String {
    var nonBlank: String? {
        let t = trimmingCharacters(in: .whitespacesAndNewlines)
        return t.isEmpty ? nil : t
    }
}
