import Foundation
import HelpDeskCore

/// How a deadline reads in a list or a detail: the short date and the time left.
enum DueText {
    /// `11-24 18:00`: month, day and time in Beijing.
    static func shortDue(_ date: Date) -> String {
        let (d, s) = BeijingTime.local(date)
        return "\(d.description.dropFirst(5)) \(BeijingTime.clock(s))"
    }

    /// A deadline and the event held to it, each in the 11 columns `shortDue` takes: `11-24 18:00`,
    /// or `24 18:00:01` (day and seconds) when both fall in one minute and are not both on it, where
    /// the minute alone would hide whether the deadline was met.
    static func shortPair(deadline: Date?, event: Date?) -> (deadline: String?, event: String?) {
        guard let deadline, let event, BeijingTime.secondsDecide(deadline: deadline, event: event) else {
            return (deadline.map(shortDue), event.map(shortDue))
        }
        let (d, e) = (BeijingTime.local(deadline), BeijingTime.local(event))
        func day(_ t: (date: CivilDate, secondOfDay: Int)) -> String {
            "\(t.date.description.suffix(2)) \(BeijingTime.clock(t.secondOfDay, seconds: true))"
        }
        return (day(d), day(e))
    }

    static func timeLeft(_ item: WorkItem, _ context: ScreenContext) -> String {
        guard let due = item.dueAt else { return context.strings(.none) }
        if item.status == .closed { return item.isOverdue(at: context.now) ? context.strings(.overdue) : "✓" }
        // The rule's event already happened (a special case answered): met or late, never counting.
        if !item.isAwaitingRuleEvent {
            let answered = item.isOverdue(at: context.now) ? Catalog.Console.Answered.late : Catalog.Console.Answered.inTime
            return answered(context.language)

        }
        return TimeLeft.text(from: context.now, to: due, context.language)
    }

    /// The deadline and time-left cells of a list row, the time left coloured by urgency.
    static func cells(_ item: WorkItem, _ context: ScreenContext, _ theme: Theme) -> [(String, Style)] {
        let urgency = Urgency.of(item, at: context.now)
        return [(item.dueAt.map(shortDue) ?? context.strings(.none), theme[.base]),
                (timeLeft(item, context), urgency.role.map { theme[$0] } ?? theme[.dim])]
    }
}
