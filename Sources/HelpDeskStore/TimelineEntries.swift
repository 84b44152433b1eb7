import Foundation
import GRDB
import HelpDeskCore

extension TimelineEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "timeline_entry"

    /// Reads a row of `timeline_entry`, refusing a value this program cannot read (a kind or a
    /// channel it does not know is never taken for another).
    public init(row: Row) throws {
        let r = StoredRow(row, table: "timeline_entry")
        self.init(id: try r.optionalInteger("id"), itemId: try r.integer("item_id"), kind: try r.code("kind"),
                  at: try r.instant("at"), author: try r.text("author"), text: try r.text("text"),
                  channel: try r.optionalCode("channel"), recordedAt: try r.instant("recorded_at"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["item_id"] = itemId
        container["kind"] = kind.rawValue
        container["at"] = at.dbSeconds
        container["author"] = author
        container["text"] = text
        container["channel"] = channel?.rawValue
        container["recorded_at"] = recordedAt.dbSeconds
    }

    /// The text is checked against `TextRules` before it is written: as long as a description.
    public func willSave(_ db: Database) throws {
        try AppDatabase.checkText(text, AppDatabase.timelineText)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension AppDatabase {
    /// An entry's text: a long text, as a description is.
    static let timelineText = TextRules.Field(Catalog.Timeline.textField, size: .long)

    // MARK: The timeline of an item

    /// Records a reply to the requester of a CASE ticket. The first reply is the ticket's response:
    /// a special case's rule event (`first_response_at`), and the ticket becomes responded. A reply
    /// to a closed ticket is refused. A reply written from reply template `template` names it in
    /// the ticket's history.
    @discardableResult
    public func reply(_ id: Int64, text: String, template: Int64? = nil, at: Date, expectedVersion: Int? = nil,
                      _ ctx: Context) throws -> WorkItem {
        let text = try timelineText(text)
        do {
            return try change(id, at: at, expectedVersion: expectedVersion, ctx, event: .responded, note: text) { item, db in
                guard item.kind.isCase else { throw StoreError.wrongKind(id: id, is: item.kind, expected: .aCaseTicket) }
                // Never sent with a template's placeholder left in it.
                try Self.refuseUnfilled(text)
                if item.firstResponseAt == nil {
                    item.firstResponseAt = at
                    if item.status == .open { item.status = .responded }
                }
                var entry = TimelineEntry(itemId: id, kind: .reply, at: at, author: ctx.actor, text: text, recordedAt: ctx.now)
                try entry.insert(db)
            } then: { item, db in
                try Self.recordTemplate(db, template, use: .reply, on: id, event: .responded, at: at, ctx)
                // The duplicates merged into it take its response.
                try Self.carryToMerged(db, item, event: .responded, at: at, ctx)
                try Self.enqueueRequesterNotices(db, item, .reply, at: at, ctx) { lang in
                    Catalog.RequesterNotices.reply(id: id, text: text)(lang)
                }
            }
        } catch StoreError.alreadyClosed(let closed) {
            throw StoreError.invalid(Catalog.Timeline.replyToClosed(closed))
        }
    }

    /// Adds an internal note to any item's timeline: staff only, it changes nothing of the item
    /// and stops no clock. Allowed on a closed item. Recorded in history as `noted`, with note
    /// template `template` when it was written from one.
    @discardableResult
    public func addNote(_ id: Int64, text: String, template: Int64? = nil, at: Date, _ ctx: Context) throws -> TimelineEntry {
        try addEntry(id, kind: .note, text: text, channel: nil, template: template, at: at, ctx)
    }

    /// Names in item `id`'s history, under `event`, the template of `use` its text was written
    /// from; refused when there is no such template.
    static func recordTemplate(_ db: Database, _ template: Int64?, use: TemplateUse, on id: Int64, event: HistoryEvent,
                               at: Date, _ ctx: Context) throws {
        guard let template else { return }
        guard let t = try ReplyTemplate.fetchOne(db, key: template) else { throw StoreError.invalid(Catalog.Templates.notFound(template)) }
        guard t.use == use else { throw StoreError.invalid(Catalog.Templates.wrongUse(template, is: t.use)) }
        try record(db, id, at: at, ctx, event: event, field: .template, new: "#\(template) \(t.title)")
    }

    /// Records what the requester of any item said, with its channel when known: it stops no clock
    /// (a requester's message is no response), and resumes a ticket waiting on the requester.
    /// Allowed on a closed item, which it does not reopen. Recorded in history as `messaged`.
    @discardableResult
    public func addMessage(_ id: Int64, text: String, channel: Channel?, at: Date, _ ctx: Context) throws -> TimelineEntry {
        try addEntry(id, kind: .message, text: text, channel: channel, at: at, ctx)
    }

    private func addEntry(_ id: Int64, kind: TimelineKind, text: String, channel: Channel?, template: Int64? = nil, at: Date,
                          _ ctx: Context) throws -> TimelineEntry {
        precondition(kind != .reply, "a reply goes through reply(_:text:at:)")
        let text = try timelineText(text)
        if kind == .note { try Self.refuseUnfilled(text) }
        try checkNotFuture(at, ctx)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            guard at >= item.receivedAt else {
                throw StoreError.invalid(Catalog.Store.Items.beforeIntake(id, kind: item.kind, at: at, intake: item.receivedAt))
            }
            var entry = TimelineEntry(itemId: id, kind: kind, at: at, author: ctx.actor, text: text, channel: channel, recordedAt: ctx.now)
            try entry.insert(db)
            // The requester's word ends a wait on them: the clock runs again (the resume in history).
            if kind == .message { try Self.resumeIfWaiting(db, id, at: at, ctx) }
            let event: HistoryEvent = kind == .note ? .noted : .messaged
            try Self.record(db, id, at: at, ctx, event: event, note: text)
            if let channel { try Self.record(db, id, at: at, ctx, event: event, field: .channel, new: channel.rawValue) }
            try Self.recordTemplate(db, template, use: .note, on: id, event: event, at: at, ctx)
            return entry
        }
    }

    /// An item's timeline in the order things happened (by time, then as written), oldest first.
    /// An unknown item is refused.
    public func timeline(of id: Int64) throws -> [TimelineEntry] {
        try writer.read { db in
            guard try Bool.fetchOne(db.cachedStatement(sql: "SELECT EXISTS (SELECT 1 FROM item WHERE id = ?)"), arguments: [id]) == true else {
                throw StoreError.notFound(id: id)
            }
            return try Self.timeline(db, of: id)
        }
    }

    static func timeline(_ db: Database, of id: Int64) throws -> [TimelineEntry] {
        try TimelineEntry.fetchAll(db.cachedStatement(sql: "SELECT * FROM timeline_entry WHERE item_id = ? ORDER BY at, id"),
                                   arguments: [id])
    }

    /// A timeline's text, trimmed: refused when blank, or longer than a description may be.
    func timelineText(_ text: String) throws -> String {
        guard let value = text.nonBlank else { throw StoreError.invalid(Catalog.Timeline.emptyText) }
        try Self.checkText(value, Self.timelineText)
        return value
    }
}
