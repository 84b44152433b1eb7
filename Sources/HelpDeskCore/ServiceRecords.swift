import Foundation

/// A data-processing task (数据处理) to take in.
public struct NewTask: Sendable, Equatable {
    public var title: String
    public var description: String
    /// When it is due: a time, or close of business of a date.
    public var due: Date
    /// Who does it (active staff); `nil`: nobody yet.
    public var assignee: String?
    /// The CASE ticket it came from, linked both ways.
    public var fromCase: Int64?

    public init(title: String, description: String = "", due: Date, assignee: String? = nil, fromCase: Int64? = nil) {
        self.title = title
        self.description = description
        self.due = due
        self.assignee = assignee
        self.fromCase = fromCase
    }
}

/// A completed task found erroneous afterwards: who said so, when, and why. It stays completed.
public struct TaskError: Equatable, Sendable {
    public var itemId: Int64
    public var at: Date
    public var actor: String
    public var note: String

    public init(itemId: Int64, at: Date, actor: String, note: String) {
        self.itemId = itemId
        self.at = at
        self.actor = actor
        self.note = note
    }
}

/// Where an item came from, and what came from it.
public struct ItemLinks: Equatable, Sendable {
    /// The item this one was made from (a CASE ticket, or the change whose release opened a task).
    public var source: Int64?
    /// The items made from this one, oldest first.
    public var derived: [Int64]

    public init(source: Int64? = nil, derived: [Int64] = []) {
        self.source = source
        self.derived = derived
    }
}

/// A change request (软件升级) to take in.
public struct NewChange: Sendable, Equatable {
    public var type: ChangeType
    public var title: String
    public var description: String
    /// The agreed due date; `nil` with `fromCase`: the requirement's agreed date.
    public var due: Date?
    /// For a policy adjustment: the date the policy takes effect (required for one, refused otherwise).
    public var effective: CivilDate?
    /// The requirement CASE ticket it turns into a change, linked both ways.
    public var fromCase: Int64?

    public init(type: ChangeType, title: String, description: String = "", due: Date?, effective: CivilDate? = nil,
                fromCase: Int64? = nil) {
        self.type = type
        self.title = title
        self.description = description
        self.due = due
        self.effective = effective
        self.fromCase = fromCase
    }
}

/// What only a change request has, beside its work item.
public struct ChangeDetail: Equatable, Sendable {
    public var itemId: Int64
    public var type: ChangeType
    public var stage: ChangeStage
    public var effective: CivilDate?
    public var signedBy: String?
    public var signedAt: Date?
    public var deliveryId: Int64?
    /// Its internal test rounds, first to last.
    public var rounds: [TestRound]

    public init(itemId: Int64, type: ChangeType, stage: ChangeStage, effective: CivilDate? = nil, signedBy: String? = nil,
                signedAt: Date? = nil, deliveryId: Int64? = nil, rounds: [TestRound] = []) {
        self.itemId = itemId
        self.type = type
        self.stage = stage
        self.effective = effective
        self.signedBy = signedBy
        self.signedAt = signedAt
        self.deliveryId = deliveryId
        self.rounds = rounds
    }
}

/// How a release is recorded: cause and solution close the change, and it goes out in a new
/// delivery (with a label) or in one already made.
public struct Release: Sendable, Equatable {
    public var cause: String
    public var solution: String
    public var label: String?
    public var delivery: Int64?

    public init(cause: String, solution: String, label: String? = nil, delivery: Int64? = nil) {
        self.cause = cause
        self.solution = solution
        self.label = label
        self.delivery = delivery
    }
}

/// A release to production (软件交付).
public struct Delivery: Equatable, Sendable {
    public var id: Int64
    public var label: String
    public var deliveredAt: Date
    public var deliveredBy: String
    public var recordedAt: Date

    public init(id: Int64, label: String, deliveredAt: Date, deliveredBy: String, recordedAt: Date) {
        self.id = id
        self.label = label
        self.deliveredAt = deliveredAt
        self.deliveredBy = deliveredBy
        self.recordedAt = recordedAt
    }
}

/// A defect (缺陷) found in a delivery.
public struct Defect: Equatable, Sendable {
    public var id: Int64
    public var deliveryId: Int64
    public var title: String
    public var description: String
    public var foundAt: Date
    public var recordedAt: Date
    public var recordedBy: String

    public init(id: Int64, deliveryId: Int64, title: String, description: String = "", foundAt: Date, recordedAt: Date,
                recordedBy: String) {
        self.id = id
        self.deliveryId = deliveryId
        self.title = title
        self.description = description
        self.foundAt = foundAt
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
    }
}
