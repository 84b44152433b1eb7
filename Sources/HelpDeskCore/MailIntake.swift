import Foundation

/// The desk's rules for mail taken in by `helpdesk mail-in` (desk rules `mail.*`; who may run it,
/// the system file's `mail_users`), and the decisions made on one message. No I/O, no clock.
public struct MailRules: Sendable, Equatable {
    public static let defaultRegion = Region.xining
    public static let defaultMaxMB = 25
    public static let maxMBRange = 1...200
    public static let defaultReopenDays = 5
    public static let reopenDaysRange = 0...60
    /// How far `Date:` may lie from now and still be taken as the received time.
    public static let dateTrust: TimeInterval = 86_400

    /// The region of a ticket whose sender is not in the directory (`mail.region`).
    public var region: Region
    /// The largest whole message, in MiB (`mail.max_mb`).
    public var maxMB: Int
    /// Working days after closing in which an answer reopens the ticket (`mail.reopen_days`).
    public var reopenDays: Int
    /// Addresses (`a@b.cn`) and domains (`@b.cn`) whose mail is refused (`mail.refuse`), lower-cased.
    public var refuse: [String]
    /// Operating-system users who may run `mail-in` without being staff (system file `mail_users`).
    public var users: Set<String>

    public init(region: Region = MailRules.defaultRegion, maxMB: Int = MailRules.defaultMaxMB,
                reopenDays: Int = MailRules.defaultReopenDays, refuse: [String] = [], users: Set<String> = []) {
        self.region = region
        self.maxMB = maxMB
        self.reopenDays = reopenDays
        self.refuse = refuse.map { $0.lowercased() }
        self.users = users
    }

    /// The largest whole message, in bytes.
    public var maxBytes: Int { maxMB * 1024 * 1024 }

    /// Whether mail from `address` is refused: the address itself, or its domain, is listed.
    public func refuses(_ address: String) -> Bool {
        let address = address.lowercased()
        let domain = address.firstIndex(of: "@").map { String(address[$0...]) }
        return refuse.contains { $0 == address || ($0.hasPrefix("@") && $0 == domain) }
    }

    /// The entries of a `mail.refuse` value (`a@b.cn, @spam.example`), or `nil` when one of them is
    /// not an address or an `@domain`.
    public static func refuseList(_ text: String) -> [String]? {
        let entries = text.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }
        for entry in entries {
            let parts = entry.split(separator: "@", omittingEmptySubsequences: false)
            guard parts.count == 2, !parts[1].isEmpty, !entry.contains(" "), parts[1].contains(".") || entry.hasPrefix("@") else {
                return nil
            }
        }
        return entries
    }

    /// The ticket a subject names by its tag `[#ID]` (the first one), if any.
    public static func ticketTag(in subject: String) -> Int64? {
        var rest = Substring(subject)
        while let open = rest.range(of: "[#") {
            let after = rest[open.upperBound...]
            let digits = after.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count <= 18, after.dropFirst(digits.count).first == "]", let id = Int64(digits), id > 0 {
                return id
            }
            rest = after
        }
        return nil
    }

    /// Where a message's received time came from.
    public enum ReceivedFrom: String, Sendable, Equatable, CaseIterable {
        case received, date, now
    }

    /// The time a message was received: the topmost `Received:` date (when not after now); else
    /// `Date:` when it lies within a day before now; else now.
    public static func receivedAt(received: Date?, date: Date?, now: Date) -> (at: Date, from: ReceivedFrom) {
        if let received, received <= now { return (received, .received) }
        if let date, date <= now, now.timeIntervalSince(date) <= dateTrust { return (date, .date) }
        return (now, .now)
    }

    /// A ticket's title from a message: the subject, else the text's first line with something in
    /// it; one line, cut to the title's limit. `nil` when both are empty.
    public static func title(subject: String, text: String) -> String? {
        let oneLine: (String) -> String = { value in
            String(value.unicodeScalars.map { CharacterSet.controlCharacters.contains($0) ? " " : Character($0) })
                .trimmingCharacters(in: .whitespaces)
        }
        let subject = oneLine(subject)
        let chosen = subject.isEmpty
            ? text.split(whereSeparator: \.isNewline).lazy.map { oneLine(String($0)) }.first { !$0.isEmpty }
            : subject
        guard let chosen else { return nil }
        return chosen.count > TextRules.lineLimit ? String(chosen.prefix(TextRules.lineLimit)) : chosen
    }

    /// A message's text as a long field holds it: NULs removed, cut at the long limit (on a
    /// character). `cut` says whether anything was left out.
    public static func fitted(_ text: String) -> (text: String, cut: Bool) {
        var text = text.contains("\0") ? text.replacingOccurrences(of: "\0", with: "") : text
        guard text.utf8.count > TextRules.longLimit else { return (text, false) }
        var bytes = 0
        var end = text.startIndex
        for index in text.indices {
            let size = text[index].utf8.count
            if bytes + size > TextRules.longLimit { break }
            bytes += size
            end = text.index(after: index)
        }
        text = String(text[..<end])
        return (text, true)
    }

    /// Whether an answer at `at` to a ticket closed at `closedAt` reopens it: at most `days`
    /// working days (by `calendar`) have begun after the day it was closed.
    public static func reopens(closedAt: Date, at: Date, days: Int, calendar: WorkCalendar) -> Bool {
        let closed = BeijingTime.date(of: closedAt)
        let answered = BeijingTime.date(of: at)
        guard answered > closed else { return true }
        var count = 0
        var day = closed
        while day < answered {
            day = day.adding(days: 1)
            if calendar.isWorkingDay(day) { count += 1 }
            if count > days { return false }
        }
        return true
    }
}
