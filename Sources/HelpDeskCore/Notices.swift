import Foundation

/// What a notice of the outbox is about. Stored in the outbox's `kind` column: a kind once stored
/// keeps its name; new ones are added (requester notices, say).
public enum NoticeKind: String, CaseIterable, Sendable {
    /// A fault took a step on its escalation path.
    case escalation
    /// An item was given to a member of staff.
    case assignment
    /// A requester told of their ticket: taken in, replied to, waiting on them, resolved.
    case requester
}

/// An item given to a member of staff, told to them.
public struct AssignmentNotice: Equatable, Sendable {
    public var itemID: Int64
    public var kind: ItemKind
    public var title: String
    /// The member of staff it was given to.
    public var assignee: String
    /// Who gave it.
    public var assignedBy: String
    /// The deadline it is held to, when it has one.
    public var dueAt: Date?

    public init(itemID: Int64, kind: ItemKind, title: String, assignee: String, assignedBy: String, dueAt: Date?) {
        self.itemID = itemID
        self.kind = kind
        self.title = title
        self.assignee = assignee
        self.assignedBy = assignedBy
        self.dueAt = dueAt
    }

    /// `【指派】#7 一般问题 社保卡挂失。wang 指派给 lina，时限 2026-11-20 18:00。` or
    /// `[Assigned] #7 general 社保卡挂失. wang gave it to lina; due 2026-11-20 18:00.`
    public func text(_ lang: Language) -> String {
        let due = dueAt.map { at -> String in
            let (day, seconds) = BeijingTime.local(at)
            return "\(day) \(BeijingTime.clock(seconds))"
        }
        return Catalog.DeskWork.assignmentNotice(id: itemID, kind: kind, title: title, assignee: assignee,
                                                 by: assignedBy, due: due)(lang)
    }
}

/// What a notice says, by its kind.
public enum NoticeMessage: Equatable, Sendable {
    case escalation(NotificationMessage)
    case assignment(AssignmentNotice)
    case requester(RequesterNotice)

    public var kind: NoticeKind {
        switch self {
        case .escalation: return .escalation
        case .assignment: return .assignment
        case .requester: return .requester
        }
    }

    public func text(_ lang: Language) -> String {
        switch self {
        case .escalation(let m): return m.text(lang)
        case .assignment(let m): return m.text(lang)
        case .requester(let m): return m.text(lang)
        }
    }
}
