import Foundation

/// Times and dates typed by people, read as Beijing wall-clock time: the one reader behind every
/// time and date field of the console's forms and the command line's `--due`.
///
/// People at the desk type what the clock on the wall says: `14:30` (today), `12-04 14:59`,
/// `2026-12-04 14:59` (seconds may follow), a full ISO 8601 time with its offset, or a date alone:
/// `2026-12-08`, or `12-08` (this year). A due date alone means close of business that day; a field
/// asking when something happened takes a time; a field asking for a day takes a date.
public enum LocalTimeInput {
    /// What a typed text names: a day, or an instant.
    public enum Reading: Equatable, Sendable {
        case date(CivilDate)
        case instant(Date)
    }

    /// What `text` names, or `nil` when it is none of the accepted forms or lies outside
    /// `SupportedTime`. `today` (the Beijing date) completes the short forms: `12-08`,
    /// `12-04 14:59`, `14:59`. Without it only the full forms read, a date (`2026-12-08`) or a time
    /// with its offset, as the command line takes them (its arguments are read before the clock).
    public static func read(_ text: String, today: CivilDate?) -> Reading? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if let date = CivilDate(iso: s) { return .date(date) }
        if let full = try? TimeInput.parseInstant(s) { return .instant(full) }
        guard let today else { return nil }
        let year = String(today.description.prefix(4))
        if s.count == 5, let date = CivilDate(iso: "\(year)-\(s)") { return .date(date) }   // 12-08
        let candidates: [String]
        switch s.count {
        case 4, 5: candidates = ["\(today.description) \(pad(s))"]           // 9:30, 14:30
        case 10, 11: candidates = ["\(year)-\(s)"]                           // 11-23 14:30
        default: candidates = [s]                                            // 2021-11-23 14:30[:ss]
        }
        for c in candidates {
            if let d = try? TimeInput.parseInstant(c + "+08:00") { return .instant(d) }
        }
        return nil
    }

    /// The instant `text` names, with `today` the Beijing date the short forms are completed from;
    /// `nil` when it is none of the accepted forms or names a day alone.
    public static func instant(_ text: String, today: CivilDate) -> Date? {
        guard case .instant(let at)? = read(text, today: today) else { return nil }
        return at
    }

    /// The day `text` names (`2026-12-08`, `12-08`); `nil` for anything else, a time included.
    public static func date(_ text: String, today: CivilDate) -> CivilDate? {
        guard case .date(let day)? = read(text, today: today) else { return nil }
        return day
    }

    /// A due time: a date alone (`2021-12-01`) is `closing` seconds into that day in Beijing; any
    /// other form as `instant`.
    public static func due(_ text: String, today: CivilDate, closing: Int) -> Date? {
        switch read(text, today: today) {
        case .date(let day)?: return BeijingTime.instant(day, secondOfDay: closing)
        case .instant(let at)?: return at
        case nil: return nil
        }
    }

    /// Whether `text` is well written but names a time or a date outside `SupportedTime`: what a
    /// form then says instead of the accepted forms.
    public static func isOutsideSupportedTime(_ text: String) -> Bool {
        let s = text.trimmingCharacters(in: .whitespaces)
        for candidate in [s, s + "+08:00"] {
            do { _ = try TimeInput.parseInstant(candidate) } catch {
                if error.problem == .outsideSupportedTime { return true }
            }
        }
        return false
    }

    /// `2021-11-23 14:30`: how a form shows an instant for editing.
    public static func format(_ instant: Date) -> String {
        let (date, second) = BeijingTime.local(instant)
        return "\(date) \(BeijingTime.clock(second))"
    }

    private static func pad(_ clock: String) -> String { clock.count == 4 ? "0" + clock : clock }
}
