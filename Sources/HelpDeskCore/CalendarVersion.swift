import Foundation

/// The name a working calendar gives the deadlines it computes, stored with each of them so that a
/// deadline can be traced to the schedule that made it: the holiday years the schedule holds, the
/// years imported into the database (new or corrected), the database's calendar revision and the
/// business hours. Stored as text, `cn-holidays 2004-2026 (imported 2027) r3; hours 09:00-18:00`;
/// `init?(text:)` reads it back for display in either language.
public struct CalendarVersion: Equatable, Sendable {
    /// The first and last holiday year held; nil when the schedule holds none.
    public var years: ClosedRange<Int>?
    /// The years imported into the database, ascending.
    public var imported: [Int]
    /// The database's calendar revision: it moves on each import and each change of hours.
    public var revision: String
    /// The business hours, as `BusinessHours` prints them (`09:00-12:00,13:00-18:00`).
    public var hours: String

    public init(years: ClosedRange<Int>?, imported: [Int], revision: String, hours: String) {
        (self.years, self.imported, self.revision, self.hours) = (years, imported, revision, hours)
    }

    /// The stored text.
    public var text: String {
        let held = years.map { "\($0.lowerBound)-\($0.upperBound)" } ?? "none"
        let added = imported.isEmpty ? "" : " (imported \(imported.map(String.init).joined(separator: ",")))"
        return "cn-holidays \(held)\(added) r\(revision); hours \(hours)"
    }

    /// Reads the stored text; nil for any other text (it is then shown as it is).
    public init?(text: String) {
        guard text.hasPrefix("cn-holidays "), let semicolon = text.range(of: "; hours ") else { return nil }
        let hours = String(text[semicolon.upperBound...])
        var head = Substring(text[text.index(text.startIndex, offsetBy: 12)..<semicolon.lowerBound])
        guard let r = head.range(of: " r", options: .backwards) else { return nil }
        let revision = String(head[r.upperBound...])
        head = head[..<r.lowerBound]
        var imported: [Int] = []
        if let open = head.range(of: " (imported "), head.hasSuffix(")") {
            let list = head[open.upperBound..<head.index(before: head.endIndex)]
            let years = list.split(separator: ",").map { Int($0) }
            guard !years.isEmpty, years.allSatisfy({ $0 != nil }) else { return nil }
            imported = years.compactMap { $0 }
            head = head[..<open.lowerBound]
        }
        let range: ClosedRange<Int>?
        if head == "none" {
            range = nil
        } else {
            let ends = head.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
            guard ends.count == 2, let first = ends[0], let last = ends[1], first <= last else { return nil }
            range = first...last
        }
        guard !revision.isEmpty, revision.allSatisfy(\.isNumber), !hours.isEmpty else { return nil }
        self.init(years: range, imported: imported, revision: revision, hours: hours)
    }

    /// How a stored version reads in `lang`: described when it is this format, else as stored.
    public static func display(_ stored: String, _ lang: Language) -> String {
        CalendarVersion(text: stored)?.described(lang) ?? stored
    }
}
