import Foundation
import HelpDeskCore
import HelpDeskStore

/// A plain-text table for people: columns sized in display columns, so Chinese and ASCII line up,
/// and every cell sanitized so that stored text cannot drive the terminal.
struct TextTable {
    var headers: [String]
    var rows: [[String]] = []
    /// Widest a column may grow before its cells are cut (with `…`).
    var maxWidth = 40
    /// Whether the last column is cut at `maxWidth` too; `false` prints it whole (nothing follows it
    /// on the line to keep aligned).
    var cutLast = true

    func render() -> String {
        let clean = rows.map { $0.map { TerminalText.sanitize($0) } }
        var widths = headers.map { TerminalText.width($0) }
        for row in clean {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = min(maxWidth, max(widths[i], TerminalText.width(cell)))
            }
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { i, c in
                i == cells.count - 1 ? (cutLast ? TerminalText.truncate(c, to: widths[i]) : c) : TerminalText.fit(c, widths[i])
            }.joined(separator: "  ")
        }
        var out = [line(headers)]
        out += clean.map(line)
        return out.map { $0.replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression) }
            .joined(separator: "\n")
    }
}

/// Standard output for people: everything the commands print passes through here, so stored text
/// can reach the terminal only as `TerminalText.document` leaves it, whichever command built the
/// line and whether or not it sanitized its cells. (Inside this module it stands for `Swift.print`.)
func print(_ items: Any..., separator: String = " ", terminator: String = "\n") {
    Output.standardOutput(items.map { "\($0)" }.joined(separator: separator) + terminator)
}

enum Output {
    /// Writes `text` to standard output as a safe document (`TerminalText.document`).
    static func standardOutput(_ text: String) {
        FileHandle.standardOutput.write(Data(TerminalText.document(text).utf8))
    }

    /// Writes `text` to standard error as a safe document.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(TerminalText.document(text).utf8))
    }
}

/// Writes JSON with sorted keys and readable Chinese, one document a call.
enum JSONOutput {
    static func print<T: Encodable>(_ value: T) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        let data = try encoder.encode(value)
        // Escapes what the encoder leaves raw (C1 controls, bidi controls): the same values, safe on a terminal.
        FileHandle.standardOutput.write(Data((TerminalText.jsonSafe(String(decoding: data, as: UTF8.self)) + "\n").utf8))
    }
}

/// The JSON shape of a work item (`case show --json`, `fault list --json`, …). Absent values are
/// `null`, never missing keys, so the shape is the same for every item of a kind.
struct ItemJSON: Encodable {
    let item: WorkItem
    let now: Date
    /// The language of what the system says (escalation reasons, its own notes in history).
    var language: Language = .en
    var history: [HistoryEntry]?
    /// A fault's escalation steps (`show` only).
    var escalations: [EscalationRecord]?
    /// What a task or change has beyond the item (its keys join the item's).
    var service: ServiceJSON?
    /// The item's notes, replies and messages, oldest first (`show` only).
    var timeline: [TimelineEntry]?
    /// The directory entries the item is linked to, in the order they were linked (`show` only).
    var requesters: [HelpDeskCore.Requester]?
    /// Opened from an unknown sender's mail and not yet confirmed (`show` and CASE lists; true or absent).
    var toConfirm = false

    enum Keys: String, CodingKey {
        case id, kind, status, title, description, region, region_name, channel, requester, taken_by, assignee
        case level, received_at, reported_at, confirmed_at, first_response_at, due_at, calendar_version
        case agreed_with, agreed_at, size_estimate, closed_at, cause, solution, overdue, version, history, escalations
        case timeline
        case requesters
        case to_confirm
    }

    struct Requester: Encodable {
        let name: String?, office: String?, phone: String?
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(name, forKey: .name)
            try c.encode(office, forKey: .office)
            try c.encode(phone, forKey: .phone)
        }
        enum CodingKeys: String, CodingKey { case name, office, phone }
    }

    struct Entry: Encodable {
        let e: HistoryEntry
        let language: Language
        enum Keys: String, CodingKey { case at, recorded_at, recorded_real_at, actor, event, field, old, new, note, note_code }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(BeijingTime.iso(e.at), forKey: .at)
            try c.encode(BeijingTime.iso(e.recordedAt), forKey: .recorded_at)
            try c.encode(e.recordedRealAt.map(BeijingTime.iso), forKey: .recorded_real_at)
            try c.encode(e.actor, forKey: .actor)
            try c.encode(e.event.rawValue, forKey: .event)
            try c.encode(e.field?.rawValue, forKey: .field)
            try c.encode(e.oldValue, forKey: .old)
            try c.encode(e.newValue, forKey: .new)
            // What a person wrote, or what the system noted, said in the reader's language.
            try c.encode(e.note ?? e.systemNote.map { $0.text(language) }, forKey: .note)
            try c.encode(e.systemNote.map(SystemNoteCode.init), forKey: .note_code)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        let iso: (Date?) -> String? = { $0.map(BeijingTime.iso) }
        try c.encode(item.id, forKey: .id)
        try c.encode(item.kind.rawValue, forKey: .kind)
        try c.encode(item.status.rawValue, forKey: .status)
        // A title and description the system wrote (an inspection's finding) are said in `language`.
        try c.encode(item.title(in: language), forKey: .title)
        try c.encode(item.description(in: language), forKey: .description)
        try c.encode(item.region?.rawValue, forKey: .region)
        try c.encode(item.region?.chineseName, forKey: .region_name)
        try c.encode(item.assignee, forKey: .assignee)
        try c.encode(item.takenBy, forKey: .taken_by)
        if item.kind == .fault {
            try c.encode(item.level?.rawValue, forKey: .level)
            try c.encode(iso(item.receivedAt), forKey: .reported_at)
        } else {
            try c.encode(item.channel?.rawValue, forKey: .channel)
            try c.encode(Requester(name: item.requesterName, office: item.requesterOffice, phone: item.requesterPhone), forKey: .requester)
            try c.encode(iso(item.receivedAt), forKey: .received_at)
            try c.encode(iso(item.confirmedAt), forKey: .confirmed_at)
            try c.encode(iso(item.firstResponseAt), forKey: .first_response_at)
        }
        if item.kind == .requirement {
            try c.encode(item.agreedWith, forKey: .agreed_with)
            try c.encode(iso(item.agreedAt), forKey: .agreed_at)
            try c.encode(item.sizeEstimate, forKey: .size_estimate)
        }
        try c.encode(iso(item.dueAt), forKey: .due_at)
        try c.encode(item.calendarVersion, forKey: .calendar_version)
        try c.encode(iso(item.closedAt), forKey: .closed_at)
        try c.encode(item.cause, forKey: .cause)
        try c.encode(item.solution, forKey: .solution)
        try c.encode(item.isOverdue(at: now), forKey: .overdue)
        try c.encode(item.version, forKey: .version)
        if let history { try c.encode(history.map { Entry(e: $0, language: language) }, forKey: .history) }
        if let escalations { try c.encode(escalations.map { EscalationJSON($0, language) }, forKey: .escalations) }
        try service?.encode(to: encoder)
        if let timeline { try c.encode(timeline.map(TimelineJSON.init), forKey: .timeline) }
        if let requesters { try c.encode(requesters.map(RequesterJSON.init), forKey: .requesters) }
        if toConfirm { try c.encode(true, forKey: .to_confirm) }
    }
}

/// A page of items for `--json` lists: `total` counts every match, or, with `total_capped`, at
/// least that many (a search matching many items is not counted to the end); `next_after` is the
/// `--after` of the next page (`null` at the end).
struct ItemPage: Encodable {
    let total: Int
    let totalCapped: Bool
    let offset: Int
    @Nullable var nextAfter: Int64?
    let items: [ItemJSON]

    enum CodingKeys: String, CodingKey {
        case total, totalCapped = "total_capped", offset, nextAfter = "next_after", items
    }
}

/// An optional that a JSON shape writes as `null` rather than leaving its key out, so that every
/// object of a kind has the same keys for scripts.
@propertyWrapper
struct Nullable<Value: Encodable>: Encodable {
    var wrappedValue: Value?

    init(wrappedValue: Value?) {
        self.wrappedValue = wrappedValue
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        if let value = wrappedValue { try c.encode(value) } else { try c.encodeNil() }
    }
}

/// A history note the system wrote, as its code, for `--json`: `{"code": "received", "kind",
/// "channel"}`, `{"code": "reported", "level"}`, `{"code": "response_mode", "mode"}`,
/// `{"code": "calendar_imported", "year"}`, an escalation rule's `{"code": "escalation_rule",
/// "level", "percent", "step"}`, or an inspection's reading `{"code": "inspection_reading",
/// "check", "target", "value"}` (and `"again"`, the inspection whose file was imported again).
struct SystemNoteCode: Encodable {
    let note: SystemNote
    init(_ note: SystemNote) { self.note = note }

    enum Keys: String, CodingKey { case code, kind, channel, level, mode, year, check, target, value, again }

    func encode(to encoder: Encoder) throws {
        switch note {
        case let .received(kind, channel):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("received", forKey: .code)
            try c.encode(kind.rawValue, forKey: .kind)
            try c.encode(channel.rawValue, forKey: .channel)
        case .reported(let level):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("reported", forKey: .code)
            try c.encode(level.rawValue, forKey: .level)
        case .responseMode(let mode):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("response_mode", forKey: .code)
            try c.encode(mode.rawValue, forKey: .mode)
        case .escalation(let reason):
            try ReasonCode(reason).encode(to: encoder)
        case .calendarImported(let year):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("calendar_imported", forKey: .code)
            try c.encode(year, forKey: .year)
        case let .inspectionReading(check, target, value, again):
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode("inspection_reading", forKey: .code)
            try c.encode(check.rawValue, forKey: .check)
            try c.encode(target, forKey: .target)
            try c.encode(value, forKey: .value)
            if let again { try c.encode(again, forKey: .again) }
        }
    }
}
