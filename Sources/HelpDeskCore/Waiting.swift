import Foundation

/// Waiting on the requester: a general question or special case put on hold stops its clock, and
/// on resuming gets back the working time it had left.
///
/// The remaining time is counted in business hours of working days (the working calendar), from
/// the pause to the deadline; on resuming it is added to the resume time the same way. The 15:00
/// cut-off of a general question is not applied again: a question paused at 16:00 on Monday with
/// its deadline at 18:00 has two working hours left; resumed at 10:00 on Tuesday it is due at
/// 12:00, resumed at 17:30 it is due at 10:30 on the next working day.
public struct PauseRules: Sendable {
    public let calendar: WorkCalendar

    public init(calendar: WorkCalendar) { self.calendar = calendar }

    /// The kinds that may wait on the requester.
    public static let kinds: Set<ItemKind> = [.general, .special]

    /// Why `item` may not be put in waiting at `at`, or `nil` when it may.
    public static func refusal(_ item: WorkItem, at: Date) -> LocalizedText? {
        let id = item.id ?? 0
        guard kinds.contains(item.kind) else { return Catalog.WaitingAndLinks.waitKind(id, kind: item.kind) }
        switch item.status {
        case .waiting: return Catalog.WaitingAndLinks.alreadyWaiting(id)
        case .merged: return Catalog.WaitingAndLinks.isMerged(id)
        case .closed: return Catalog.WaitingAndLinks.waitClosed(id)
        case .open, .responded, .assessed: break
        }
        guard item.ruleEventAt == nil, let due = item.dueAt else { return Catalog.WaitingAndLinks.nothingToPause(id) }
        guard at < due else { return Catalog.WaitingAndLinks.deadlinePassed(id, due: due) }
        return nil
    }

    /// The business seconds of working days between `from` and `to` (0 when `to` is not later).
    public func workingSeconds(from: Date, to: Date) -> Int {
        guard to > from else { return 0 }
        let (startDay, startSecond) = BeijingTime.local(from)
        let (endDay, endSecond) = BeijingTime.local(to)
        var total = 0
        var day = startDay
        while day <= endDay {
            if calendar.isWorkingDay(day) {
                let lower = day == startDay ? startSecond : 0
                let upper = day == endDay ? endSecond : 86_400
                for interval in calendar.hours.intervals {
                    let a = max(lower, interval.start), b = min(upper, interval.end)
                    if b > a { total += b - a }
                }
            }
            day = day.adding(days: 1)
        }
        return total
    }

    /// The instant `seconds` business seconds of working days after `start`. With nothing to add it
    /// is `start` itself; time that runs out at the end of a working period ends there (18:00),
    /// not at the next opening.
    public func adding(workingSeconds seconds: Int, to start: Date) -> Date {
        guard seconds > 0 else { return start }
        var (day, second) = BeijingTime.local(start)
        var remaining = seconds
        // Ten years without a working day cannot happen with any real schedule.
        for _ in 0..<3660 {
            if calendar.isWorkingDay(day) {
                for interval in calendar.hours.intervals where second < interval.end {
                    let from = max(second, interval.start)
                    let available = interval.end - from
                    if remaining <= available { return BeijingTime.instant(day, secondOfDay: from + remaining) }
                    remaining -= available
                    second = interval.end
                }
            }
            day = day.adding(days: 1)
            second = 0
        }
        return BeijingTime.instant(day, secondOfDay: calendar.hours.closing)
    }

    /// The deadline of an item paused at `pausedAt` with deadline `dueBefore`, resumed at
    /// `resumedAt`: the resume time plus the working time that remained at the pause.
    public func resumedDeadline(pausedAt: Date, dueBefore: Date, resumedAt: Date) -> Date {
        adding(workingSeconds: workingSeconds(from: pausedAt, to: dueBefore), to: resumedAt)
    }
}

/// Merging a duplicate into the item that carries the work.
public enum MergeRules {
    /// Why `item` may not be merged into `target`, or `nil` when it may. `targetMergedInto` is the
    /// item `target` itself was merged into, if any.
    public static func refusal(_ item: WorkItem, into target: WorkItem) -> LocalizedText? {
        let id = item.id ?? 0, other = target.id ?? 0
        guard id != other else { return Catalog.WaitingAndLinks.mergeIntoItself(id) }
        guard item.status != .merged else { return Catalog.WaitingAndLinks.isMerged(id) }
        guard item.status != .closed else { return Catalog.WaitingAndLinks.mergeClosed(id) }
        guard item.kind == target.kind else {
            return Catalog.WaitingAndLinks.mergeKinds(id, kind: item.kind, into: other, kind: target.kind)
        }
        guard target.status != .merged else { return Catalog.WaitingAndLinks.mergeIntoMerged(other, into: target.mergedInto) }
        guard target.status != .closed else { return Catalog.WaitingAndLinks.mergeIntoClosed(other) }
        return nil
    }
}
