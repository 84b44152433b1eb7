import Foundation

/// How pressing an item's deadline is, from the share of its window that is left.
///
/// The console colours a countdown by it. The window runs from the deadline's start
/// (`WorkItem.deadlineStart`) to the deadline.
public enum Urgency: Sendable, Equatable {
    /// Half of the window or more is left.
    case ok
    /// A quarter to a half is left.
    case warn
    /// Less than a quarter is left.
    case danger
    case overdue
    /// Closed, no deadline, or the rule event already happened (a special case answered).
    case none

    /// From this share of the window left on, a deadline is not pressing (`ok`).
    public static let warnBelow = 0.5
    /// Below this share of the window left, a deadline is pressing (`danger`).
    public static let dangerBelow = 0.25

    public static func of(_ item: WorkItem, at now: Date) -> Urgency {
        guard let due = item.dueAt, item.isAwaitingRuleEvent else { return .none }
        let left = due.timeIntervalSince(now)
        if left < 0 { return .overdue }
        let window = max(1, due.timeIntervalSince(item.deadlineStart))
        let share = left / window
        if share >= warnBelow { return .ok }
        return share >= dangerBelow ? .warn : .danger
    }
}
