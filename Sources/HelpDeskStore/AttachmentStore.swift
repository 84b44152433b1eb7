import Crypto
import Foundation
import GRDB
import HelpDeskCore

/// What an attachment belongs to: a work item, or an inspection (inspections are a record of their
/// own, numbered apart from items).
public enum AttachmentOwner: Sendable, Hashable {
    case item(Int64)
    case inspection(Int64)
}

/// An attachment's content erased by a supervisor: who, when and why.
public struct AttachmentErasure: Sendable, Equatable {
    public let at: Date
    public let by: String
    public let reason: String
}

/// One attachment as listed: everything but its content.
public struct AttachmentInfo: Sendable, Equatable {
    public let id: Int64
    public let owner: AttachmentOwner
    /// The name as kept: made safe when it was added (`AttachmentRules.safeName`).
    public let name: String
    public let size: Int
    public let type: AttachmentType
    /// The SHA-256 of the content, in lower-case hex.
    public let sha256: String
    public let addedAt: Date
    public let addedBy: String
    public let erased: AttachmentErasure?

    /// What history and the audit log keep of it: `#3 scan.pdf (1.2 MiB, pdf, sha256 …)`.
    public var recorded: String {
        "#\(id) \(name) (\(size) B, \(type.rawValue), sha256 \(sha256))"
    }
}

extension AppDatabase {
    /// The SHA-256 of `data` in lower-case hex.
    public static func sha256(_ data: Data) -> String {
        SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
    }

    /// Attaches `content` to an item or an inspection under `name` (made safe), in one
    /// transaction: its type read from the content, its SHA-256 computed here, refused above the
    /// context's limit or when the owner does not exist. Anyone who may write; in the item's
    /// history (an inspection's: the audit log).
    @discardableResult
    public func addAttachment(to owner: AttachmentOwner, name: String, content: Data, _ ctx: Context) throws -> AttachmentInfo {
        guard content.count <= ctx.attachmentLimit else {
            throw StoreError.invalid(Catalog.Attachments.tooLarge(content.count, limit: ctx.attachmentLimit))
        }
        let safe = AttachmentRules.safeName(name)
        let type = AttachmentType.sniff(content)
        let hash = Self.sha256(content)
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            try Self.checkOwner(db, owner)
            let (item, inspection): (Int64?, Int64?) = switch owner {
            case .item(let id): (id, nil)
            case .inspection(let id): (nil, id)
            }
            try db.execute(sql: """
                INSERT INTO attachment (item_id, inspection_id, name, size, type, sha256, added_at, added_by, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [item, inspection, safe, content.count, type.rawValue, hash, ctx.now.dbSeconds, ctx.actor, content])
            let info = AttachmentInfo(id: db.lastInsertedRowID, owner: owner, name: safe, size: content.count, type: type, sha256: hash,
                                      addedAt: Date(dbSeconds: ctx.now.dbSeconds), addedBy: ctx.actor, erased: nil)
            switch owner {
            case .item(let id):
                try Self.record(db, id, at: ctx.now, ctx, event: .attached, field: .attachment, new: info.recorded)
            case .inspection(let id):
                try Self.recordSetting(db, ctx, Catalog.Attachments.attachedAudit(info.id, inspection: id, what: info.recorded))
            }
            return info
        }
    }

    /// The attachments of an item or an inspection, oldest first, without their content.
    public func attachments(of owner: AttachmentOwner) throws -> [AttachmentInfo] {
        try read { db in
            try Self.checkOwner(db, owner)
            let sql: String
            let id: Int64
            switch owner {
            case .item(let i): sql = "WHERE item_id = ? ORDER BY item_id, id"; id = i
            case .inspection(let i): sql = "WHERE inspection_id = ? ORDER BY inspection_id, id"; id = i
            }
            return try Row.fetchAll(db, sql: "SELECT \(Self.attachmentColumns) FROM attachment \(sql)", arguments: [id]).map(Self.attachmentInfo)
        }
    }

    /// How many attachments the database holds (erased ones too).
    public func attachmentCount() throws -> Int {
        try read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM attachment") ?? 0 }
    }

    /// One attachment, without its content.
    public func attachment(_ id: Int64) throws -> AttachmentInfo {
        try read { db in try Self.attachment(db, id) }
    }

    /// An attachment's content; refused when it was erased.
    public func attachmentContent(_ id: Int64) throws -> (AttachmentInfo, Data) {
        try read { db in
            let info = try Self.attachment(db, id)
            guard info.erased == nil, let data = try Data.fetchOne(db, sql: "SELECT content FROM attachment WHERE id = ?", arguments: [id]) else {
                throw StoreError.invalid(Catalog.Attachments.erasedContent(id))
            }
            return (info, data)
        }
    }

    /// Erases an attachment's content (supervisors): its name, size, hash, who added it and when
    /// stay, with who erased it, when and why, in the row and in the item's history (an
    /// inspection's: the audit log).
    @discardableResult
    public func eraseAttachment(_ id: Int64, reason: String, _ ctx: Context) throws -> AttachmentInfo {
        guard let why = reason.nonBlank else { throw StoreError.invalid(Catalog.Attachments.reasonRequired) }
        try Self.checkText(why, .reason)
        return try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.eraseAttachment))
            let info = try Self.attachment(db, id)
            if let erased = info.erased {
                throw StoreError.invalid(Catalog.Attachments.alreadyErased(id, at: erased.at, by: erased.by))
            }
            try db.execute(sql: "UPDATE attachment SET content = NULL, erased_at = ?, erased_by = ?, erased_reason = ? WHERE id = ?",
                           arguments: [ctx.now.dbSeconds, ctx.actor, why, id])
            switch info.owner {
            case .item(let item):
                try Self.record(db, item, at: ctx.now, ctx, event: .attachmentErased, field: .attachment, old: info.recorded, note: why)
            case .inspection(let inspection):
                try Self.recordSetting(db, ctx, Catalog.Attachments.erasedAudit(id, inspection: inspection, what: info.recorded, reason: why))
            }
            return try Self.attachment(db, id)
        }
    }

    // MARK: Inside

    static let attachmentColumns = "id, item_id, inspection_id, name, size, type, sha256, added_at, added_by, erased_at, erased_by, erased_reason"

    static func attachment(_ db: Database, _ id: Int64) throws -> AttachmentInfo {
        guard let row = try Row.fetchOne(db, sql: "SELECT \(attachmentColumns) FROM attachment WHERE id = ?", arguments: [id]) else {
            throw StoreError.invalid(Catalog.Attachments.noAttachment(id))
        }
        return try attachmentInfo(row)
    }

    static func attachmentInfo(_ row: Row) throws -> AttachmentInfo {
        let r = StoredRow(row, table: "attachment")
        let owner: AttachmentOwner
        if let item = try r.optionalInteger("item_id") { owner = .item(item) } else {
            owner = .inspection(try r.integer("inspection_id"))
        }
        var erased: AttachmentErasure?
        if let at = try r.optionalInstant("erased_at") {
            erased = AttachmentErasure(at: at, by: try r.text("erased_by"), reason: try r.text("erased_reason"))
        }
        return AttachmentInfo(id: try r.integer("id"), owner: owner, name: try r.text("name"), size: try r.int("size"),
                              type: try r.code("type"), sha256: try r.text("sha256"), addedAt: try r.instant("added_at"),
                              addedBy: try r.text("added_by"), erased: erased)
    }

    static func checkOwner(_ db: Database, _ owner: AttachmentOwner) throws {
        switch owner {
        case .item(let id):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM item WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.notFound(id: id)
            }
        case .inspection(let id):
            guard try Bool.fetchOne(db, sql: "SELECT 1 FROM inspection WHERE id = ?", arguments: [id]) != nil else {
                throw StoreError.invalid(Catalog.Store.Inspections.noInspection(id))
            }
        }
    }
}
