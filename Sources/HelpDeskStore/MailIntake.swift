import Foundation
import GRDB
import HelpDeskCore
import HelpDeskMail

/// What `takeMail` did with one message.
public struct MailIntake: Sendable, Equatable {
    public enum Outcome: String, Sendable, CaseIterable {
        /// A new ticket opened.
        case opened
        /// Added as the requester's message to the ticket it answers.
        case added
        /// The closed ticket it answers reopened, the message added.
        case reopened
        /// The ticket it answers was closed too long ago: a new ticket, linked to it.
        case followUp = "follow_up"
        /// An automatic message that answers nothing: recorded only.
        case recorded
    }

    public var outcome: Outcome
    /// The ticket it went to (the new one, for `followUp`); `nil` for `recorded`.
    public var itemID: Int64?
    /// The ticket answered, when a new one was opened beside it (`followUp`).
    public var answered: Int64?
    /// The message's row in `mail_message`.
    public var record: Int64
    /// The same `Message-ID` was taken before: nothing was written this time.
    public var duplicate: Bool
    /// The ticket was opened for a sender the directory did not know.
    public var toConfirm: Bool
    public var receivedAt: Date
    public var receivedFrom: MailRules.ReceivedFrom
}

/// One message as `mail_message` keeps it.
public struct MailRecord: Sendable, Equatable {
    public var id: Int64
    public var messageID: String?
    public var sender: String?
    public var subject: String
    public var receivedAt: Date
    public var size: Int
    /// An auto-reply, list or bulk message or bounce: never to be answered.
    public var automatic: Bool
    public var itemID: Int64?
    public var outcome: MailIntake.Outcome
}

extension AppDatabase {
    // MARK: Mail in

    /// Takes in one e-mail, in one transaction: recorded in `mail_message` (a `Message-ID` seen
    /// before writes nothing and answers with the earlier record), then added to the ticket it
    /// answers (`[#ID]` in the subject, or `In-Reply-To`/`References` naming a notice's or an
    /// earlier message's id) as the requester's message, or a new general question on channel
    /// email. `raw` is the message as read, attached whole when nothing of it could be read.
    /// Active staff who may write, or a user the system file names in `mail_users`.
    @discardableResult
    public func takeMail(_ mail: InboundMail, raw: [UInt8], rules: MailRules, _ ctx: Context) throws -> MailIntake {
        try writer.write { db in
            try Self.authorizeMail(db, ctx, rules)
            if let id = mail.messageID,
               let row = try Row.fetchOne(db, sql: "SELECT id, item_id, outcome, received_at, received_from FROM mail_message WHERE message_id = ?",
                                          arguments: [id]) {
                let r = StoredRow(row, table: "mail_message")
                return MailIntake(outcome: try r.code("outcome"), itemID: try r.optionalInteger("item_id"), answered: nil,
                                  record: try r.integer("id"), duplicate: true, toConfirm: false,
                                  receivedAt: try r.instant("received_at"), receivedFrom: try r.code("received_from"))
            }
            let (receivedAt, receivedFrom) = MailRules.receivedAt(received: mail.receivedAt, date: mail.date, now: ctx.now)
            var intake = MailIntake(outcome: .recorded, itemID: nil, answered: nil, record: 0, duplicate: false, toConfirm: false,
                                    receivedAt: receivedAt, receivedFrom: receivedFrom)
            let unreadable = mail.problems.contains(.noText) || mail.problems.contains(.brokenMultipart)
                || (mail.text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty && mail.attachments.isEmpty)
            let (fitted, cut) = MailRules.fitted(mail.text)
            var text = fitted.trimmingCharacters(in: .whitespacesAndNewlines)
            if cut { text += "\n\n" + Self.bothLanguages(Catalog.MailIn.textCut) }
            if unreadable { text = text.isEmpty ? Self.bothLanguages(Catalog.MailIn.unreadable)
                : text + "\n\n" + Self.bothLanguages(Catalog.MailIn.unreadable) }
            if text.isEmpty { text = Self.bothLanguages(Catalog.MailIn.noSubject) }

            if let target = try Self.threadTarget(db, mail) {
                let item = target
                var at = max(receivedAt, item.receivedAt)
                if item.status == .closed, !mail.isAutomatic {
                    let closedAt = item.closedAt ?? item.receivedAt
                    at = max(at, closedAt)
                    if MailRules.reopens(closedAt: closedAt, at: at, days: rules.reopenDays, calendar: try Self.calendar(db)) {
                        try Self.reopenByMail(db, item, at: at, ctx)
                        try Self.addMailMessage(db, item.id!, text: text, at: at, resume: false, ctx)
                        intake.outcome = .reopened
                        intake.itemID = item.id
                    } else {
                        let (id, toConfirm) = try Self.openMailTicket(db, mail, text: text, at: receivedAt, rules: rules, ctx)
                        try Self.relateByMail(db, id, item.id!, at: receivedAt, ctx)
                        intake.outcome = .followUp
                        intake.itemID = id
                        intake.answered = item.id
                        intake.toConfirm = toConfirm
                    }
                } else {
                    // An automatic message is kept with the ticket, but resumes and reopens nothing.
                    try Self.addMailMessage(db, item.id!, text: text, at: at, resume: !mail.isAutomatic, ctx)
                    intake.outcome = .added
                    intake.itemID = item.id
                }
            } else if !mail.isAutomatic {
                let (id, toConfirm) = try Self.openMailTicket(db, mail, text: text, at: receivedAt, rules: rules, ctx)
                intake.outcome = .opened
                intake.itemID = id
                intake.toConfirm = toConfirm
            }
            if let id = intake.itemID {
                for (index, part) in mail.attachments.enumerated() {
                    let name = part.filename.flatMap { $0.isEmpty ? nil : $0 } ?? "attachment-\(index + 1)"
                    try Self.insertAttachment(db, item: id, name: name, content: Data(part.data), ctx)
                }
                if cut { try Self.insertAttachment(db, item: id, name: "message.txt", content: Data(mail.text.utf8), ctx) }
                if unreadable { try Self.insertAttachment(db, item: id, name: "message.eml", content: Data(raw), ctx) }
            }
            try db.execute(sql: """
                INSERT INTO mail_message (message_id, sender, subject, received_at, received_from, size, automatic, item_id, outcome,
                                          recorded_at, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [mail.messageID, mail.from?.address, mail.subject, receivedAt.dbSeconds, receivedFrom.rawValue,
                                 mail.size, mail.isAutomatic, intake.itemID, intake.outcome.rawValue, ctx.now.dbSeconds, ctx.actor])
            intake.record = db.lastInsertedRowID
            // A ticket opened by mail tells its requester it was taken, as an answer to their
            // message (it threads in their mail client). A message added to a ticket is never
            // answered automatically, and an automatic message causes no notice at all.
            if intake.outcome == .opened || intake.outcome == .followUp, let id = intake.itemID,
               let item = try WorkItem.fetchOne(db, key: id) {
                try Self.enqueueRequesterNotices(db, item, .intake, at: item.receivedAt, answersAutomatic: mail.isAutomatic,
                                                 inReplyTo: mail.messageID.map { "<\($0)>" }, ctx) { lang in
                    Catalog.RequesterNotices.intake(id: id, title: item.title, due: item.dueAt)(lang)
                }
            }
            return intake
        }
    }

    /// The messages taken in for an item, oldest first: whether the last was automatic (never to
    /// be answered) is read here.
    public func mailRecords(of itemID: Int64) throws -> [MailRecord] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM mail_message WHERE item_id = ? ORDER BY item_id, id", arguments: [itemID]).map { row in
                let r = StoredRow(row, table: "mail_message")
                return MailRecord(id: try r.integer("id"), messageID: try r.optionalText("message_id"), sender: try r.optionalText("sender"),
                                  subject: try r.text("subject"), receivedAt: try r.instant("received_at"), size: try r.int("size"),
                                  automatic: try r.int("automatic") != 0, itemID: try r.optionalInteger("item_id"), outcome: try r.code("outcome"))
            }
        }
    }

    /// Whether item `id` was opened from the mail of an unknown sender and is not yet confirmed.
    public func isToConfirm(_ id: Int64) throws -> Bool {
        try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM item_to_confirm WHERE item_id = ?)", arguments: [id]) ?? false }
    }

    /// Which of `ids` are to confirm: one query for a list's page.
    public func toConfirm(_ ids: [Int64]) throws -> Set<Int64> {
        try read { db in try Self.toConfirm(ids, db) }
    }

    static func toConfirm(_ ids: [Int64], _ db: Database) throws -> Set<Int64> {
        guard !ids.isEmpty else { return [] }
        return Set(try Int64.fetchAll(db, sql: "SELECT item_id FROM item_to_confirm WHERE item_id IN (\(databaseQuestionMarks(count: ids.count)))",
                                      arguments: StatementArguments(ids)))
    }

    /// Taking mail in: active staff who may write, or a user named in `mail_users`; a viewer writes
    /// nothing.
    static func authorizeMail(_ db: Database, _ ctx: Context, _ rules: MailRules) throws {
        let member = try StaffMember.fetchOne(db, key: ctx.actor)
        if let member, member.active, member.role == .viewer {
            // A viewer writes nothing, even when named in mail_users.
            throw StoreError.notPermitted(.viewer(user: ctx.actor))
        } else if let member, member.active {
            try checkClock(ctx, role: member.role)
        } else if rules.users.contains(ctx.actor) {
            try checkClock(ctx, role: nil)
        } else {
            throw StoreError.notPermitted(.notMailUser(user: ctx.actor))
        }
    }

    /// The item a message answers: the `[#ID]` of its subject when that item exists, else the
    /// first of its `In-Reply-To`/`References` ids that is a notice's or an earlier message's.
    static func threadTarget(_ db: Database, _ mail: InboundMail) throws -> WorkItem? {
        if let id = MailRules.ticketTag(in: mail.subject), let item = try WorkItem.fetchOne(db, key: id) { return item }
        for id in mail.replyTo {
            // A notice keeps its id as sent, in angle brackets; a message's header gives it without.
            let found = try Int64.fetchOne(db, sql: "SELECT item_id FROM notification WHERE message_id IN (?, ?)", arguments: [id, "<\(id)>"])
                ?? Int64.fetchOne(db, sql: "SELECT item_id FROM mail_message WHERE message_id = ? AND item_id IS NOT NULL", arguments: [id])
            if let found, let item = try WorkItem.fetchOne(db, key: found) { return item }
        }
        return nil
    }

    /// The requester's message in the item's timeline on channel email, in history as `messaged`;
    /// `resume`: a ticket waiting on the requester runs again.
    static func addMailMessage(_ db: Database, _ id: Int64, text: String, at: Date, resume: Bool, _ ctx: Context) throws {
        var entry = TimelineEntry(itemId: id, kind: .message, at: at, author: ctx.actor, text: text, channel: .email, recordedAt: ctx.now)
        try entry.insert(db)
        if resume { try resumeIfWaiting(db, id, at: at, ctx) }
        try record(db, id, at: at, ctx, event: .messaged, note: text)
        try record(db, id, at: at, ctx, event: .messaged, field: .channel, new: Channel.email.rawValue)
    }

    /// Reopens a closed item by the rule `mail.reopen_days` (not a supervisor's act): as `reopen`
    /// does, each field changed in history.
    static func reopenByMail(_ db: Database, _ before: WorkItem, at: Date, _ ctx: Context) throws {
        let id = before.id!
        try checkOrder(db, id, event: .reopened, at: at)
        var after = before
        after.status = after.kind == .requirement && after.agreedAt != nil ? .assessed
            : (after.firstResponseAt != nil && after.kind.isCase ? .responded : .open)
        after.closedAt = nil
        after.cause = nil
        after.solution = nil
        after.version = before.version + 1
        after.updatedAt = ctx.now
        try after.update(db)
        try record(db, id, at: at, ctx, event: .reopened, systemNote: .received(kind: after.kind, channel: .email))
        let old = try before.databaseDictionary, new = try after.databaseDictionary
        for field in HistoryField.itemColumns where old[field.rawValue] != new[field.rawValue] {
            try record(db, id, at: at, ctx, event: .reopened, field: field,
                       old: display(field, old[field.rawValue]), new: display(field, new[field.rawValue]))
        }
        _ = try takeDueSteps(db, after, ctx)
    }

    /// Relates a ticket opened from an answer to the closed ticket it answers; in both histories.
    static func relateByMail(_ db: Database, _ id: Int64, _ other: Int64, at: Date, _ ctx: Context) throws {
        try db.execute(sql: "INSERT OR IGNORE INTO item_relation (low, high, created_at, created_by) VALUES (?, ?, ?, ?)",
                       arguments: [min(id, other), max(id, other), at.dbSeconds, ctx.actor])
        try record(db, id, at: at, ctx, event: .related, field: .relatedItem, new: "#\(other)")
        try record(db, other, at: at, ctx, event: .related, field: .relatedItem, new: "#\(id)")
    }

    /// Opens a general question on channel email from a message: the requester found by address
    /// in the directory (the ticket takes their region), else added to it and the ticket marked to
    /// confirm with the region `mail.region`. Returns the ticket and whether it is to confirm.
    static func openMailTicket(_ db: Database, _ mail: InboundMail, text: String, at: Date, rules: MailRules,
                               _ ctx: Context) throws -> (Int64, Bool) {
        var entry: Requester?
        if let address = mail.from?.address,
           let row = try Row.fetchOne(db, sql: "SELECT * FROM requester WHERE lower(email) = ? ORDER BY id LIMIT 1", arguments: [address]) {
            entry = try requester(db, row: row)
        }
        var toConfirm = false
        if entry == nil, let from = mail.from {
            entry = try mailRequester(db, from, ctx)
            toConfirm = true
        }
        let region = entry?.region ?? rules.region
        if entry?.region == nil { toConfirm = true }
        let title = MailRules.title(subject: mail.subject, text: mail.text) ?? bothLanguages(Catalog.MailIn.noSubject)
        var item = WorkItem(kind: .general, title: title, description: text, region: region, channel: .email,
                            requesterName: entry?.name, requesterOffice: entry?.office.nonBlank,
                            // Nobody on the desk took it in: it waits in the queue for someone to take it.
                            requesterPhone: entry?.phones.first, takenBy: nil,
                            receivedAt: at, createdAt: ctx.now, createdBy: ctx.actor)
        let deadline = DeadlineRules(calendar: try calendar(db)).general(receivedAt: at)
        item.dueAt = deadline.due
        item.calendarVersion = deadline.calendarVersion
        try item.insert(db)
        let id = item.id!
        try record(db, id, at: at, ctx, event: .created, systemNote: .received(kind: .general, channel: .email))
        if let requesterID = entry?.id { try linkRequester(db, item: id, requester: requesterID, ctx) }
        if toConfirm {
            try db.execute(sql: "INSERT INTO item_to_confirm (item_id, since) VALUES (?, ?)", arguments: [id, ctx.now.dbSeconds])
            try record(db, id, at: at, ctx, event: .toConfirm, field: .region, new: region.rawValue)
        }
        return (id, toConfirm)
    }

    /// A sender the directory does not know, added to it: named by the display name, else the
    /// address; no office, no region (the ticket's is to confirm).
    static func mailRequester(_ db: Database, _ from: InboundMail.Address, _ ctx: Context) throws -> Requester {
        let shown = from.name.map { String($0.unicodeScalars.filter { !CharacterSet.controlCharacters.contains($0) }.map(Character.init)) }
        for name in [shown?.trimmingCharacters(in: .whitespaces), from.address].compactMap({ $0 }) where !name.isEmpty {
            guard var r = try? checked(Requester(name: String(name.prefix(TextRules.lineLimit)), office: "", region: nil,
                                                 email: from.address, channel: .email), officeRequired: false) else { continue }
            if let same = try Self.requester(db, named: r.name, office: "") {
                if same.email?.lowercased() == from.address { return same }
                continue
            }
            r.id = try insertRequester(db, r, ctx)
            return r
        }
        // The address itself names someone else without an address: the ticket goes without a link.
        return Requester(name: from.address, office: "", region: nil, email: from.address)
    }

    /// Stores a part of a message on an item as `attach add` does (name made safe, type from the
    /// content, SHA-256), without the per-file limit: the whole message's limit was applied.
    static func insertAttachment(_ db: Database, item: Int64, name: String, content: Data, _ ctx: Context) throws {
        let safe = AttachmentRules.safeName(name)
        let type = AttachmentType.sniff(content)
        let hash = sha256(content)
        try db.execute(sql: """
            INSERT INTO attachment (item_id, inspection_id, name, size, type, sha256, added_at, added_by, content)
            VALUES (?, NULL, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [item, safe, content.count, type.rawValue, hash, ctx.now.dbSeconds, ctx.actor, content])
        let info = AttachmentInfo(id: db.lastInsertedRowID, owner: .item(item), name: safe, size: content.count, type: type, sha256: hash,
                                  addedAt: Date(dbSeconds: ctx.now.dbSeconds), addedBy: ctx.actor, erased: nil)
        try record(db, item, at: ctx.now, ctx, event: .attached, field: .attachment, new: info.recorded)
    }

    /// Clears the mark *to confirm* of item `id`, if it has one; in history as `confirmed`.
    static func confirmMailTicket(_ db: Database, _ id: Int64, at: Date, _ ctx: Context) throws {
        try db.execute(sql: "DELETE FROM item_to_confirm WHERE item_id = ?", arguments: [id])
        if db.changesCount > 0 { try record(db, id, at: at, ctx, event: .confirmed) }
    }

    /// A text the desk writes into a ticket that both languages' readers open: Chinese, then English.
    static func bothLanguages(_ text: LocalizedText) -> String { text.zh + " / " + text.en }
}
