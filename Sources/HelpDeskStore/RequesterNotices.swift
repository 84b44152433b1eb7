import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    // MARK: Writing notices

    /// Inside the event's write: writes a notice of kind `requester` to each requester of `item`
    /// who can be reached, in their language (the desk's when theirs is not known), `text` saying
    /// its body. None when the ticket or the requester has notices off, or when the event answers
    /// an automatic message. The payload is stored whole, said in the requester's language; an
    /// e-mail's gets its `Message-ID` (`<hd.N.ITEM@DOMAIN>`, stored in `message_id`).
    static func enqueueRequesterNotices(_ db: Database, _ item: WorkItem, _ event: RequesterNoticeEvent, at: Date,
                                        answersAutomatic: Bool = false, inReplyTo: String? = nil, _ ctx: Context,
                                        text: (Language) -> String) throws {
        guard let id = item.id else { return }
        let ticketOff = try Bool.fetchOne(db, sql: "SELECT notices_off FROM item WHERE id = ?", arguments: [id]) ?? false
        guard !ticketOff, !answersAutomatic else { return }
        let linked = try Int64.fetchAll(db, sql: "SELECT requester_id FROM item_requester WHERE item_id = ? ORDER BY requester_id",
                                        arguments: [id])
        for requesterID in linked {
            guard let r = try requester(db, requesterID) else { continue }
            let channel = RequesterNoticeRules.channel(email: r.email, phones: r.phones, chatID: r.chatID, preferred: r.channel)
            guard RequesterNoticeRules.notifies(ticketOff: ticketOff, requesterOff: r.noticesOff, answersAutomatic: answersAutomatic,
                                                channel: channel), let channel else { continue }
            let lang = r.language ?? ctx.requesterNotices.language
            // Without a message it answers, a notice by e-mail answers the requester's latest own
            // message on the ticket (not an automatic one), so the desk's mail threads with theirs.
            let answering = try inReplyTo ?? (channel == .email ? latestMailMessageID(db, item: id, from: r.email) : nil)
            let subject = Catalog.RequesterNotices.subject(event, id: id, title: item.title)(lang)
            let notice = RequesterNotice(itemID: id, event: event, requesterName: r.name, channel: channel, subject: subject)
            try db.execute(sql: """
                INSERT INTO notification (kind, escalation_id, item_id, requester_id, created_at, payload, text, message, next_attempt_at)
                VALUES ('requester', NULL, ?, ?, ?, '{}', '', ?, ?)
                """, arguments: [id, requesterID, ctx.now.dbSeconds, notice.code.json, ctx.now.dbSeconds])
            let noticeID = db.lastInsertedRowID
            let messageID = channel == .email
                ? RequesterNoticeRules.messageID(notice: noticeID, item: id, domain: ctx.requesterNotices.mailDomain) : nil
            let payload: [String: Any] = [
                "kind": NoticeKind.requester.rawValue,
                "audience": "requester",
                "event": event.rawValue,
                "at": BeijingTime.iso(at),
                "item": ["id": id, "kind": item.kind.rawValue, "title": item.title,
                         "due": item.dueAt.map(BeijingTime.iso) ?? NSNull()] as [String: Any],
                "tag": RequesterNoticeRules.tag(id),
                "requester": ["id": requesterID, "name": r.name, "email": r.email ?? NSNull(), "phones": r.phones,
                              "chat_id": r.chatID ?? NSNull(), "language": lang.rawValue,
                              "channel": r.channel?.rawValue ?? NSNull()] as [String: Any],
                "channel": channel.rawValue,
                "subject": subject,
                "text": text(lang),
                "message_id": messageID ?? NSNull(),
                "in_reply_to": (channel == .email ? answering : nil) ?? NSNull(),
            ]
            let json = try JSONSerialization.data(withJSONObject: payload, options: [.sortedKeys, .withoutEscapingSlashes])
            try db.execute(sql: "UPDATE notification SET payload = ?, message_id = ? WHERE id = ?",
                           arguments: [String(decoding: json, as: UTF8.self), messageID, noticeID])
        }
    }

    /// The `Message-ID` of the latest message taken in by mail from `address` on item `item`
    /// that was not automatic, in angle brackets as a header writes it; `nil` when there is none.
    static func latestMailMessageID(_ db: Database, item: Int64, from address: String?) throws -> String? {
        guard let address, !address.isEmpty else { return nil }
        return try String.fetchOne(db, sql: """
            SELECT message_id FROM mail_message
            WHERE item_id = ? AND automatic = 0 AND message_id IS NOT NULL AND lower(sender) = lower(?)
            ORDER BY id DESC LIMIT 1
            """, arguments: [item, address]).map { "<\($0)>" }
    }

    // MARK: Opting out

    /// Turns a ticket's notices to its requesters off (`off`) or on again; recorded in its
    /// history. Refused for an unknown item, or when they already are so.
    public func setRequesterNotices(_ id: Int64, off: Bool, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard let current = try Bool.fetchOne(db, sql: "SELECT notices_off FROM item WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            guard current != off else { throw StoreError.invalid(Catalog.RequesterNotices.already(id, off: off)) }
            try db.execute(sql: "UPDATE item SET notices_off = ? WHERE id = ?", arguments: [off, id])
            try Self.record(db, id, at: ctx.now, ctx, event: off ? .noticesOff : .noticesOn)
        }
    }

    /// Whether a ticket's notices to its requesters are off.
    public func requesterNoticesOff(_ id: Int64) throws -> Bool {
        try read { db in
            guard let off = try Bool.fetchOne(db, sql: "SELECT notices_off FROM item WHERE id = ?", arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            return off
        }
    }

    // MARK: Reading

    /// The notices written to an item's requesters, oldest first: its timeline shows them.
    public func requesterNotices(of id: Int64) throws -> [RequesterNoticeEntry] {
        try read { db in try Self.requesterNotices(db, of: id) }
    }

    static func requesterNotices(_ db: Database, of id: Int64) throws -> [RequesterNoticeEntry] {
        try Row.fetchAll(db.cachedStatement(sql: """
            SELECT id, kind, item_id, created_at, attempts, delivered_at, last_error, message FROM notification
            WHERE item_id = ? AND kind = 'requester' ORDER BY id
            """), arguments: [id]).compactMap { row in
            let r = StoredRow(row, table: "notification")
            guard case .requester(let notice)? = try message(r) else { return nil }
            return RequesterNoticeEntry(id: try r.integer("id"), itemId: try r.integer("item_id"), createdAt: try r.instant("created_at"),
                                        notice: notice, attempts: try r.int("attempts"),
                                        deliveredAt: try r.optionalInstant("delivered_at"), lastError: try r.optionalText("last_error"))
        }
    }
}

extension RequesterNotice {
    var code: Code {
        var c = Code(code: "requester_notice")
        c.item = itemID
        c.kind = event.rawValue
        c.assignee = requesterName
        c.channel = channel.rawValue
        c.title = subject
        return c
    }

    init?(code c: Code) {
        guard c.code == "requester_notice", let item = c.item, let event = c.kind.flatMap(RequesterNoticeEvent.init(rawValue:)),
              let name = c.assignee, let channel = c.channel.flatMap(RequesterNoticeChannel.init(rawValue:)),
              let subject = c.title else { return nil }
        self.init(itemID: item, event: event, requesterName: name, channel: channel, subject: subject)
    }
}
