import Foundation
import GRDB
import HelpDeskCore

extension ReplyTemplate: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "template"

    /// Reads a row of `template`, refusing a value this program cannot read.
    public init(row: Row) throws {
        let r = StoredRow(row, table: "template")
        self.init(id: try r.optionalInteger("id"), title: try r.text("title"), bodyZh: try r.optionalText("body_zh"),
                  bodyEn: try r.optionalText("body_en"), use: try r.code("use"), retired: try r.flag("retired"),
                  version: try r.int("version"), createdBy: try r.text("created_by"), createdAt: try r.instant("created_at"),
                  editedBy: try r.optionalText("edited_by"), editedAt: try r.optionalInstant("edited_at"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["title"] = title
        container["body_zh"] = bodyZh
        container["body_en"] = bodyEn
        container["use"] = use.rawValue
        container["retired"] = retired
        container["version"] = version
        container["created_at"] = createdAt.dbSeconds
        container["created_by"] = createdBy
        container["edited_at"] = editedAt?.dbSeconds
        container["edited_by"] = editedBy
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// A template filled for one item: the text, the placeholders it could not fill, the language used.
public struct FilledTemplate: Sendable, Equatable {
    public let template: ReplyTemplate
    public let text: String
    public let unfilled: [String]
    public let language: Language
}

extension AppDatabase {
    static let templateTitle = TextRules.Field(Catalog.Templates.titleField, size: .line)
    static let templateBody = TextRules.Field(Catalog.Templates.bodyField, size: .long)

    /// A template as given, tidied (trimmed, a blank body as none), or refused: a title, and a
    /// body in at least one language, each within its field's limits.
    static func checkedTemplate(_ t: ReplyTemplate) throws -> ReplyTemplate {
        var t = t
        guard let title = t.title.nonBlank else { throw StoreError.invalid(Catalog.Templates.titleMissing) }
        t.title = title
        t.bodyZh = t.bodyZh.nonBlank
        t.bodyEn = t.bodyEn.nonBlank
        guard t.bodyZh != nil || t.bodyEn != nil else { throw StoreError.invalid(Catalog.Templates.noBody) }
        try checkText(t.title, templateTitle)
        try checkText(t.bodyZh, templateBody)
        try checkText(t.bodyEn, templateBody)
        return t
    }

    /// Adds a template (supervisors only); the audit log keeps it.
    @discardableResult
    public func addTemplate(_ given: ReplyTemplate, _ ctx: Context) throws -> ReplyTemplate {
        var t = try Self.checkedTemplate(given)
        t.retired = false
        t.version = 1
        t.createdAt = ctx.now
        t.createdBy = ctx.actor
        t.editedAt = nil
        t.editedBy = nil
        return try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.manageTemplates))
            try t.insert(db)
            try Self.recordSetting(db, ctx, "template \(t.id!) added (\(t.use.rawValue)): \(t.title)")
            return t
        }
    }

    /// Edits a template (supervisors only): `change` gets the stored one and returns it changed.
    /// Refused when nothing changes, when it is retired, or when `expectedVersion` is not its
    /// version; the audit log keeps each field's old and new value.
    @discardableResult
    public func editTemplate(_ id: Int64, expectedVersion: Int? = nil, _ ctx: Context,
                             _ change: (inout ReplyTemplate) -> Void) throws -> ReplyTemplate {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.manageTemplates))
            guard let old = try ReplyTemplate.fetchOne(db, key: id) else { throw StoreError.invalid(Catalog.Templates.notFound(id)) }
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.invalid(Catalog.Templates.stale(id, version: old.version))
            }
            guard !old.retired else { throw StoreError.invalid(Catalog.Templates.retired(id)) }
            var new = old
            change(&new)
            new = try Self.checkedTemplate(new)
            let fields: [(String, String?, String?)] = [
                ("title", old.title, new.title), ("text zh", old.bodyZh, new.bodyZh), ("text en", old.bodyEn, new.bodyEn),
                ("use", old.use.rawValue, new.use.rawValue),
            ].filter { $0.1 != $0.2 }
            guard !fields.isEmpty else { throw StoreError.invalid(Catalog.Templates.nothingChanged) }
            new.version = old.version + 1
            new.editedAt = ctx.now
            new.editedBy = ctx.actor
            try new.update(db)
            for (name, before, after) in fields {
                try Self.recordSetting(db, ctx, "template \(id) \(name): \(before ?? "") → \(after ?? "")")
            }
            return new
        }
    }

    /// Retires a template (supervisors only): kept, no longer offered nor usable.
    public func retireTemplate(_ id: Int64, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.manageTemplates))
            guard var t = try ReplyTemplate.fetchOne(db, key: id) else { throw StoreError.invalid(Catalog.Templates.notFound(id)) }
            guard !t.retired else { throw StoreError.invalid(Catalog.Templates.retired(id)) }
            t.retired = true
            t.version += 1
            t.editedAt = ctx.now
            t.editedBy = ctx.actor
            try t.update(db)
            try Self.recordSetting(db, ctx, "template \(id) retired: \(t.title)")
        }
    }

    /// One template, retired or not; nil when there is none.
    public func template(_ id: Int64) throws -> ReplyTemplate? {
        try read { db in try ReplyTemplate.fetchOne(db, key: id) }
    }

    /// Templates by title: only the active ones unless `retired`; of one use, with a body in one
    /// language, whose title holds `search`, when asked.
    public func templates(use: TemplateUse? = nil, language: Language? = nil, search: String? = nil,
                          retired: Bool = false) throws -> [ReplyTemplate] {
        try read { db in
            var sql = "SELECT * FROM template WHERE 1"
            var args: [DatabaseValueConvertible?] = []
            if !retired { sql += " AND retired = 0" }
            if let use { sql += " AND use = ?"; args.append(use.rawValue) }
            if let language { sql += " AND body_\(language.rawValue) IS NOT NULL" }
            if let search = search.nonBlank {
                sql += " AND title LIKE ? ESCAPE '\\'"
                args.append("%\(Self.likeEscaped(search))%")
            }
            sql += " ORDER BY title, id"
            return try ReplyTemplate.fetchAll(db, sql: sql, arguments: StatementArguments(args))
        }
    }

    /// The language a reply on item `id` is written in: its requester's in the directory, else `desk`.
    public func preferredLanguage(ofItem id: Int64, desk: Language) throws -> Language {
        try requestersOfItem(id).lazy.compactMap(\.language).first ?? desk
    }

    /// Template `templateID` filled for item `itemID` (its requester, number and deadline, today
    /// as of `now`), in `language` or else its other body. Refused when the template or item is
    /// unknown, the template retired or not of `use`.
    public func fillTemplate(_ templateID: Int64, for itemID: Int64, use: TemplateUse, language: Language,
                             now: Date) throws -> FilledTemplate {
        try read { db in
            guard let t = try ReplyTemplate.fetchOne(db, key: templateID) else {
                throw StoreError.invalid(Catalog.Templates.notFound(templateID))
            }
            guard !t.retired else { throw StoreError.invalid(Catalog.Templates.retired(templateID)) }
            guard t.use == use else { throw StoreError.invalid(Catalog.Templates.wrongUse(templateID, is: t.use)) }
            guard let item = try WorkItem.fetchOne(db, key: itemID) else { throw StoreError.notFound(id: itemID) }
            guard let (body, lang) = t.body(preferring: language) else { throw StoreError.invalid(Catalog.Templates.noBody) }
            let values = TemplateValues(requester: item.requesterName, ticket: itemID, deadline: item.dueAt,
                                        today: BeijingTime.date(of: now), language: lang)
            let (text, unfilled) = TemplateFill.fill(body, values)
            return FilledTemplate(template: t, text: text, unfilled: unfilled, language: lang)
        }
    }

    /// `text` with its placeholders filled for item `itemID` in `language` (a reply written once for
    /// several tickets: each gets its own requester, number and deadline); what the item cannot
    /// fill stays as written, and the write that follows refuses it.
    public func fillText(_ text: String, for itemID: Int64, language: Language, now: Date) throws -> String {
        guard !TemplateFill.unfilled(in: text).isEmpty else { return text }
        return try read { db in
            guard let item = try WorkItem.fetchOne(db, key: itemID) else { throw StoreError.notFound(id: itemID) }
            let values = TemplateValues(requester: item.requesterName, ticket: itemID, deadline: item.dueAt,
                                        today: BeijingTime.date(of: now), language: language)
            return TemplateFill.fill(text, values).text
        }
    }

    /// Refuses a reply's or note's text that still holds a placeholder, naming it.
    static func refuseUnfilled(_ text: String) throws {
        let left = TemplateFill.unfilled(in: text)
        if !left.isEmpty { throw StoreError.invalid(Catalog.Templates.unfilled(left)) }
    }
}
