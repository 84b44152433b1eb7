import Foundation
import HelpDeskCore

/// How pressing an item's deadline is, from the share of its window that is left.
public enum Urgency: Sendable, Equatable {
    /// Half of the window or more is left.
    case ok
    /// A quarter to a half is left.
    case warn
    /// Less than a quarter is left.
    case danger
    case overdue
    /// Closed, or no deadline.
    case none

    public static func of(_ item: WorkItem, at now: Date) -> Urgency {
        guard let due = item.dueAt, item.status != .closed else { return .none }
        if item.ruleEventAt != nil { return .none }   // the rule's event happened (a special case answered)
        let left = due.timeIntervalSince(now)
        if left < 0 { return .overdue }
        let start = item.kind == .special ? (item.confirmedAt ?? item.receivedAt) : (item.kind == .requirement ? (item.agreedAt ?? item.receivedAt) : item.receivedAt)
        let window = max(1, due.timeIntervalSince(start))
        let share = left / window
        if share >= 0.5 { return .ok }
        return share >= 0.25 ? .warn : .danger
    }

    public var role: Theme.Role? {
        switch self {
        case .ok: return .countdownOK
        case .warn: return .countdownWarn
        case .danger: return .countdownDanger
        case .overdue: return .overdue
        case .none: return nil
        }
    }
}

/// A fault's live countdown: hours and minutes while an hour or more is left (it changes once a
/// minute, which keeps an idle console quiet over SSH), minutes and seconds in the last hour, and
/// the time past the deadline, counting up, once overdue.
public enum Countdown {
    public static func text(to due: Date, from now: Date, _ lang: Language) -> String {
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        let s = abs(seconds)
        let (dl, hl, ml, sl) = lang == .zh ? ("天", "时", "分", "秒") : ("d", "h", "m", "s")
        let body: String
        if s >= 86_400 {
            body = "\(s / 86_400)\(dl)\(pad2(s % 86_400 / 3600))\(hl)"
        } else if s >= 3600 {
            body = "\(s / 3600)\(hl)\(pad2(s % 3600 / 60))\(ml)"
        } else {
            body = "\(s / 60)\(ml)\(pad2(s % 60))\(sl)"
        }
        if seconds < 0 { return (lang == .zh ? "超" : "+") + body }
        return body
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
