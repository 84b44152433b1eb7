import Foundation

/// What an entry of an item's timeline is: the conversation around it, apart from its history.
///
/// - a **note**: written by staff for staff; the requester never hears it, and it stops no clock.
/// - a **reply**: said to the requester. A special case's first reply is its response, the event
///   its rule waits for; a general question's rule still waits for its resolution.
/// - a **message**: what the requester said (on the phone, in WeChat, in a mail), with its channel
///   when it is known.
///
/// The raw values are what the `timeline_entry` table stores and what `--json` prints.
public enum TimelineKind: String, Sendable, CaseIterable, Codable {
    case note, reply, message

    /// Whether writing one is refused on a closed item: only a reply, which answers the requester
    /// (an internal note after closing is allowed, and so is recording what the requester said).
    public var refusedWhenClosed: Bool { self == .reply }
}

/// One entry of an item's timeline: who wrote it, when it happened, what kind it is and its text.
public struct TimelineEntry: Sendable, Equatable, Codable {
    public var id: Int64?
    public var itemId: Int64
    public var kind: TimelineKind
    /// When it was said (`--at`; the time written otherwise).
    public var at: Date
    /// The user who wrote it down.
    public var author: String
    public var text: String
    /// How the requester said it: only a message has one, and it may be unknown.
    public var channel: Channel?
    /// When it was written down.
    public var recordedAt: Date

    public init(id: Int64? = nil, itemId: Int64, kind: TimelineKind, at: Date, author: String, text: String,
                channel: Channel? = nil, recordedAt: Date) {
        self.id = id
        self.itemId = itemId
        self.kind = kind
        self.at = at
        self.author = author
        self.text = text
        self.channel = channel
        self.recordedAt = recordedAt
    }

    /// Entries in the order they happened: by time, then in the order they were written.
    public static func inOrder(_ entries: [TimelineEntry]) -> [TimelineEntry] {
        entries.sorted { ($0.at, $0.id ?? .max) < ($1.at, $1.id ?? .max) }
    }
}
