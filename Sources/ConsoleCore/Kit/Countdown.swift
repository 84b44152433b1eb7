import Foundation
import HelpDeskCore

extension Urgency {
    /// The theme's style for a countdown this pressing; `nil` for none.
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
        typealias Unit = Catalog.Console.Countdown
        let (dl, hl, ml, sl) = (Unit.day(lang), Unit.hour(lang), Unit.minute(lang), Unit.second(lang))
        let body: String
        if s >= 86_400 {
            body = "\(s / 86_400)\(dl)\(pad2(s % 86_400 / 3600))\(hl)"
        } else if s >= 3600 {
            body = "\(s / 3600)\(hl)\(pad2(s % 3600 / 60))\(ml)"
        } else {
            body = "\(s / 60)\(ml)\(pad2(s % 60))\(sl)"
        }
        if seconds < 0 { return Unit.overdue(lang) + body }

        return body
    }

    static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
