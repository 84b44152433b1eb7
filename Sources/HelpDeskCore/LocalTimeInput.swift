import Foundation

/// Times typed into the console's forms, read as Beijing wall-clock time.
///
/// People at the desk type what the clock on the wall says: `14:30` (today), `11-23 14:30`,
/// `2021-11-23 14:30` (seconds may follow), or a full ISO 8601 time with its offset. A due date may
/// also be a date alone, meaning close of business that day.
public enum LocalTimeInput {
    /// The instant `text` names, with `today` the Beijing date the short forms are completed from;
    /// `nil` when it is none of the accepted forms.
    public static func instant(_ text: String, today: CivilDate) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if s.isEmpty { return nil }
        if let full = try? TimeInput.parseInstant(s) { return full }
        let year = String(today.description.prefix(4))
        let candidates: [String]
        switch s.count {
        case 4, 5: candidates = ["\(today.description) \(pad(s))"]           // 9:30, 14:30
        case 10, 11: candidates = ["\(year)-\(s)"]                           // 11-23 14:30
        default: candidates = [s]                                            // 2021-11-23 14:30[:ss]
        }
        for c in candidates {
            if let d = try? TimeInput.parseInstant(c + "+08:00") { return d }
        }
        return nil
    }

    /// A due time: a date alone (`2021-12-01`) is `closing` seconds into that day in Beijing; any
    /// other form as `instant`.
    public static func due(_ text: String, today: CivilDate, closing: Int) -> Date? {
        let s = text.trimmingCharacters(in: .whitespaces)
        if let date = CivilDate(iso: s) { return BeijingTime.instant(date, secondOfDay: closing) }
        return instant(s, today: today)
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
