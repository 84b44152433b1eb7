import Foundation

/// A piece of work on the desk: a CASE ticket, a fault, and later tasks, changes and the rest.
///
/// One value type serves every kind; fields that a kind does not use stay `nil`.
public struct WorkItem: Equatable, Sendable, Identifiable {
    public var id: Int64?
    public var kind: ItemKind
    public var status: ItemStatus
    public var title: String
    public var description: String
    public var region: Region?
    public var channel: Channel?
    public var requesterName: String?
    public var requesterOffice: String?
    public var requesterPhone: String?
    /// The member of staff who took the item in (受理人), by operating-system user name.
    public var takenBy: String?
    /// Who is working on it now.
    public var assignee: String?
    /// Fault level, for faults.
    public var level: FaultLevel?
    /// When the item was received (CASE), or reported (fault): the clock's start.
    public var receivedAt: Date
    /// When a special case was confirmed; its deadline counts from here.
    public var confirmedAt: Date?
    public var firstResponseAt: Date?
    public var dueAt: Date?
    /// The calendar the deadline was computed with.
    public var calendarVersion: String?
    /// For an assessed requirement: who agreed to the due date, when, and the size estimate.
    public var agreedWith: String?
    public var agreedAt: Date?
    public var sizeEstimate: String?
    public var closedAt: Date?
    public var cause: String?
    public var solution: String?
    public var createdAt: Date
    public var createdBy: String
    public var updatedAt: Date
    /// Bumped by every change; an edit made from an older version is refused.
    public var version: Int
    /// Set when the system opened the item (an inspection's reading): its title and description as
    /// a code, said in the reader's language (`title(in:)`, `description(in:)`).
    public var systemText: SystemItemText?
    /// For a merged duplicate: the item it was merged into, which carries the work.
    public var mergedInto: Int64?

    public init(id: Int64? = nil, kind: ItemKind, status: ItemStatus = .open, title: String, description: String = "",
                region: Region? = nil, channel: Channel? = nil, requesterName: String? = nil,
                requesterOffice: String? = nil, requesterPhone: String? = nil, takenBy: String? = nil,
                assignee: String? = nil, level: FaultLevel? = nil, receivedAt: Date, confirmedAt: Date? = nil,
                firstResponseAt: Date? = nil, dueAt: Date? = nil, calendarVersion: String? = nil,
                agreedWith: String? = nil, agreedAt: Date? = nil, sizeEstimate: String? = nil,
                closedAt: Date? = nil, cause: String? = nil, solution: String? = nil,
                createdAt: Date, createdBy: String, updatedAt: Date? = nil, version: Int = 1, systemText: SystemItemText? = nil) {
        self.id = id
        self.kind = kind
        self.status = status
        self.title = title
        self.description = description
        self.region = region
        self.channel = channel
        self.requesterName = requesterName
        self.requesterOffice = requesterOffice
        self.requesterPhone = requesterPhone
        self.takenBy = takenBy
        self.assignee = assignee
        self.level = level
        self.receivedAt = receivedAt
        self.confirmedAt = confirmedAt
        self.firstResponseAt = firstResponseAt
        self.dueAt = dueAt
        self.calendarVersion = calendarVersion
        self.agreedWith = agreedWith
        self.agreedAt = agreedAt
        self.sizeEstimate = sizeEstimate
        self.closedAt = closedAt
        self.cause = cause
        self.solution = solution
        self.createdAt = createdAt
        self.createdBy = createdBy
        self.updatedAt = updatedAt ?? createdAt
        self.version = version
        self.systemText = systemText
        self.mergedInto = nil
    }

    /// When the contract's rule event happened (`ItemKind.ruleEvent`): the first response of a
    /// special case, the resolution (restoration, completion) of anything else; `nil` while awaited.
    public var ruleEventAt: Date? {
        switch kind.ruleEvent {
        case .firstResponse: return firstResponseAt
        case .resolution: return closedAt
        }
    }

    /// The deadline the item is still held to: its due date, unless the rule event came at or
    /// before it. `nil` without a deadline, and once the rule event met it — an answered special
    /// case is done with its deadline even while it stays open.
    ///
    /// Lists sort by it (`nil` last) and the store's SQL mirrors it.
    public var openDeadline: Date? {
        guard let due = dueAt else { return nil }
        if let event = ruleEventAt, event <= due { return nil }
        return due
    }

    /// Past its deadline at `now` without the rule event in time: still awaited after the deadline,
    /// or come late. An answered special case is overdue only if the answer came late, a closed item
    /// only if it closed late.
    public func isOverdue(at now: Date) -> Bool {
        guard let deadline = openDeadline else { return false }
        return now > deadline
    }

    /// Whether the item still waits for its rule event: active, and the event has not happened.
    ///
    /// While it waits, the time to its deadline counts down (and up, once past); after it, the
    /// deadline was met or missed.
    public var isAwaitingRuleEvent: Bool { status != .closed && status != .merged && ruleEventAt == nil }

    /// When the clock of the item's deadline started.
    ///
    /// A special case's confirmation, a requirement's assessment, the receipt (a fault: the
    /// report) of anything else.
    public var deadlineStart: Date {
        switch kind {
        case .special: return confirmedAt ?? receivedAt
        case .requirement: return agreedAt ?? receivedAt
        case .general, .fault, .task, .change, .delivery, .training, .inspection: return receivedAt
        }
    }

    /// A requirement not yet assessed: it cannot be resolved yet.
    ///
    /// A requirement has no deadline until a due date is agreed with the requester (`case
    /// assess`); it is resolved only after that.
    public var awaitsAssessment: Bool { kind == .requirement && status != .assessed }
}

/// One entry of an item's append-only history: who changed what, from what to what, and when.
public struct HistoryEntry: Equatable, Sendable {
    public var id: Int64?
    public var itemId: Int64
    /// When it happened (`--at`).
    public var at: Date
    /// When it was written down: the program's now, which `--now` may have set.
    public var recordedAt: Date
    /// When it was written down by the machine's clock, kept beside `recordedAt` so that an entry
    /// made with a simulated clock shows when it really was made (`nil` for entries written before
    /// this was kept).
    public var recordedRealAt: Date?
    /// The operating-system user behind the session.
    public var actor: String
    public var event: HistoryEvent
    /// The field whose change this entry records; `nil` on the event's own entry.
    public var field: HistoryField?
    public var oldValue: String?
    public var newValue: String?
    /// What a person wrote (a response, a reason), shown as written.
    public var note: String?
    /// A note the system wrote itself, as a code: said in the reader's language.
    public var systemNote: SystemNote?

    public init(id: Int64? = nil, itemId: Int64, at: Date, recordedAt: Date, recordedRealAt: Date? = nil, actor: String,
                event: HistoryEvent, field: HistoryField? = nil, oldValue: String? = nil, newValue: String? = nil, note: String? = nil,
                systemNote: SystemNote? = nil) {
        self.id = id
        self.itemId = itemId
        self.at = at
        self.recordedAt = recordedAt
        self.recordedRealAt = recordedRealAt
        self.actor = actor
        self.event = event
        self.field = field
        self.oldValue = oldValue
        self.newValue = newValue
        self.note = note
        self.systemNote = systemNote
    }
}

/// A member of staff: an operating-system user with a name, a phone and a role.
public struct StaffMember: Equatable, Sendable {
    public var username: String
    public var name: String
    public var phone: String?
    public var role: StaffRole
    public var active: Bool

    public init(username: String, name: String, phone: String? = nil, role: StaffRole, active: Bool = true) {
        self.username = username
        self.name = name
        self.phone = phone
        self.role = role
        self.active = active
    }
}

/// A CASE ticket as it is taken in.
public struct NewCase: Sendable, Equatable {
    public var kind: CaseKind
    public var channel: Channel
    public var region: Region
    public var title: String
    public var description: String
    public var requesterName: String?
    public var requesterOffice: String?
    public var requesterPhone: String?
    /// The requester's entry in the directory: the ticket is linked to it and takes from it the
    /// name, office and phone not given.
    public var requesterID: Int64?

    public init(kind: CaseKind, channel: Channel, region: Region, title: String, description: String = "",
                requesterName: String? = nil, requesterOffice: String? = nil, requesterPhone: String? = nil,
                requesterID: Int64? = nil) {
        self.requesterID = requesterID
        self.kind = kind
        self.channel = channel
        self.region = region
        self.title = title
        self.description = description
        self.requesterName = requesterName
        self.requesterOffice = requesterOffice
        self.requesterPhone = requesterPhone
    }
}

/// A fault as it is reported.
public struct NewFault: Sendable, Equatable {
    public var level: FaultLevel
    public var region: Region
    public var title: String
    public var description: String

    public init(level: FaultLevel, region: Region, title: String, description: String = "") {
        self.level = level
        self.region = region
        self.title = title
        self.description = description
    }
}


/// Which work items a list shows. Empty sets mean "any".
public struct ItemFilter: Sendable, Equatable {
    public var kinds: Set<ItemKind> = []
    public var statuses: Set<ItemStatus> = []
    /// Only items that are not closed.
    public var activeOnly = false
    public var region: Region?
    public var level: FaultLevel?
    /// Items taken by or assigned to this user.
    public var mine: String?
    /// Only active items past their deadline at this time, still waiting for the rule's event.
    public var overdueAt: Date?
    /// Text found (case-insensitively for Latin letters) in the title, the requester's name or
    /// phone, or the description.
    public var text: String?
    public var limit: Int?
    public var offset = 0

    public init(kinds: Set<ItemKind> = [], statuses: Set<ItemStatus> = [], activeOnly: Bool = false,
                region: Region? = nil, level: FaultLevel? = nil, mine: String? = nil, overdueAt: Date? = nil,
                text: String? = nil, limit: Int? = nil, offset: Int = 0) {
        self.kinds = kinds
        self.statuses = statuses
        self.activeOnly = activeOnly
        self.region = region
        self.level = level
        self.mine = mine
        self.overdueAt = overdueAt
        self.text = text
        self.limit = limit
        self.offset = offset
    }

    public static let cases = Set(CaseKind.allCases.map { $0.itemKind })
}


/// A note the system writes into history itself, stored as a code with its parameters and said in
/// the reader's language.
public enum SystemNote: Equatable, Sendable {
    /// A CASE ticket taken in: its kind and channel.
    case received(kind: ItemKind, channel: Channel)
    /// A fault reported at a level.
    case reported(level: FaultLevel)
    /// Service restored, and how.
    case responseMode(ResponseMode)
    /// An escalation step taken by the policy's rule.
    case escalation(EscalationReason)
    /// A deadline computed again after a year's holidays were imported.
    case calendarImported(year: Int)
    /// An inspection's reading over its threshold: the check, its target and the value read;
    /// `again`, the inspection whose file this one's import repeated (`inspect import --again`).
    case inspectionReading(check: InspectionCheck, target: String, value: String, again: Int64? = nil)
}
