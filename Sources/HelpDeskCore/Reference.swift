import Foundation

/// The nine regions the pension-insurance system serves.
public enum Region: String, Sendable, CaseIterable, Codable {
    case xining, haidong, hainan, huangnan, yushu, guoluo, haixi, haibei, shengzhishu

    /// Reads the Chinese name (`西宁市`, also without its suffix: `西宁`) or the pinyin (`xining`).
    public static func parse(_ argument: String) -> Region? {
        let text = argument.trimmingCharacters(in: .whitespaces)
        if let r = Region(rawValue: text.lowercased()) { return r }
        return Region.allCases.first { $0.chineseName == text || ($0.chineseName.dropLast() == text && text.count >= 2) }
    }

    public static var accepted: String {
        allCases.map { "\($0.chineseName) (\($0.rawValue))" }.joined(separator: ", ")
    }
}

/// How a CASE ticket reached the desk.
public enum Channel: String, Sendable, CaseIterable, Codable {
    case phone, wechat, qq, email, fax, casePlatform = "case"
}

/// The three kinds of CASE ticket.
public enum CaseKind: String, Sendable, CaseIterable, Codable {
    case general, special, requirement

    /// The work-item kind of this CASE kind (the same name).
    public var itemKind: ItemKind {
        switch self {
        case .general: return .general
        case .special: return .special
        case .requirement: return .requirement
        }
    }
}

/// Every kind of work item the desk keeps. CASE tickets and faults exist now; the other services
/// share the same table and numbering.
public enum ItemKind: String, Sendable, CaseIterable, Codable {
    case general, special, requirement, fault, task, change, delivery, training, inspection

    public var caseKind: CaseKind? { CaseKind(rawValue: rawValue) }
    public var isCase: Bool { caseKind != nil }

    /// The event this kind's deadline is for: the contract's one definition, from which
    /// `WorkItem.ruleEventAt`, the queue's SQL and the KPI counts all derive.
    public var ruleEvent: RuleEvent {
        self == .special ? .firstResponse : .resolution
    }
}

/// The event a deadline holds a work item to (the "rule event").
public enum RuleEvent: String, Sendable, CaseIterable {
    /// The first response: a special case is answered within one working day of confirmation.
    case firstResponse
    /// Resolution: a ticket resolved, a fault restored, a task completed, a change delivered.
    case resolution
}

/// Where a work item stands.
public enum ItemStatus: String, Sendable, CaseIterable, Codable {
    /// Taken in, nothing done yet.
    case open
    /// A first response was given (special cases' rule event), still being worked.
    case responded
    /// A requirement whose size and due date were agreed.
    case assessed
    /// Resolved (CASE, task) or restored (fault), with cause and solution.
    case closed
    /// Waiting on the requester: the clock is paused (general questions and special cases).
    case waiting
    /// A duplicate merged into another item of its kind, which carries the work.
    case merged

    public var isActive: Bool { self != .closed && self != .merged }
}

/// What a member of staff may do.
public enum StaffRole: String, Sendable, CaseIterable, Codable {
    /// On-site staff, escalation tier T0.
    case onsite
    /// HQ expert, tiers T1 and T2.
    case expert
    case supervisor
    /// Reads only.
    case viewer
}

/// How an action on a fault was carried out.
public enum ResponseMode: String, Sendable, CaseIterable, Codable {
    case onsite, remote, phone
}
