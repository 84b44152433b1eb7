import HelpDeskCore

/// The question before freezing a period (`:freeze 2026-11`, `:freeze 2026-W49`): a freeze cannot
/// be undone, so the console names the period (a month with its weeks) and waits for `y`; any other
/// key cancels.
public enum ConfirmFreezeScreen {
    public enum Effect: Equatable, Sendable {
        case freeze
        case cancel
    }

    public static func reduce(_ key: Key) -> [Effect] {
        key == .char("y") || key == .char("Y") ? [.freeze] : [.cancel]
    }

    /// The period as the question names it: a month with the ISO weeks frozen with it
    /// (`2026-10 (with 2026-W40–W44)`), short enough for the status line at 80 columns.
    static func named(_ period: Period, _ lang: Language) -> String {
        guard let first = period.isoWeeks.first, let last = period.isoWeeks.last else { return period.description }
        let weeks = "\(first)–\(last.description.split(separator: "-").last ?? "")"
        return period.description + Catalog.ReportWeeks.withWeeks(weeks)(lang)
    }

    static func drawStatus(_ buf: inout ScreenBuffer, _ period: Period, y: Int, _ lang: Language, _ theme: Theme) {
        buf.put(Catalog.ReportWeeks.confirmFreeze(named(period, lang))(lang), x: 0, y: y, style: theme[.error])
    }
}
