import Foundation
import GRDB
import HelpDeskCore

/// What a directory list is narrowed to: a name or office containing the text, a region, a phone
/// however it is typed (its key, or part of one).
public struct RequesterFilter: Sendable, Equatable {
    public var name: String?
    public var office: String?
    public var region: Region?
    public var phone: String?
    public var limit: Int?

    public init(name: String? = nil, office: String? = nil, region: Region? = nil, phone: String? = nil, limit: Int? = nil) {
        self.name = name
        self.office = office
        self.region = region
        self.phone = phone
        self.limit = limit
    }
}

/// One line of a requester's history: added, or one field changed from old to new.
public struct RequesterHistoryEntry: Sendable, Equatable {
    public enum Event: String, Sendable, CaseIterable { case added, edited }
    public var at: Date
    public var actor: String
    public var event: Event
    public var field: RequesterField?
    public var oldValue: String?
    public var newValue: String?
}

extension AppDatabase {
    // MARK: The requester directory

    /// Adds a requester to the directory. Anyone who writes; the same name and office twice is
    /// refused (two people of one name in two offices are two entries). Returns the entry.
    @discardableResult
    public func addRequester(_ given: Requester, _ ctx: Context) throws -> Requester {
        var r = try Self.checked(given)
        guard r.region != nil else { throw StoreError.invalid(Catalog.Requesters.regionMissing) }
        return try writer.write { db in
            try Self.authorize(db, ctx, .write)
            r.id = try Self.insertRequester(db, r, ctx)
            r.version = 1
            return r
        }
    }

    /// Changes a requester: `edit` is given the entry as stored. Each field changed is recorded in
    /// the requester's history, old → new; an edit that changes nothing, or made from an older copy
    /// (`expectedVersion`), is refused.
    @discardableResult
    public func editRequester(_ id: Int64, expectedVersion: Int? = nil, _ ctx: Context,
                              _ edit: (inout Requester) throws -> Void) throws -> Requester {
        try writer.write { db in
            try Self.authorize(db, ctx, .write)
            guard let old = try Self.requester(db, id) else { throw StoreError.invalid(Catalog.Requesters.notFound(id)) }
            if let expectedVersion, expectedVersion != old.version {
                throw StoreError.invalid(Catalog.Requesters.stale(id, expected: expectedVersion, current: old.version))
            }
            var new = old
            try edit(&new)
            new = try Self.checked(new, officeRequired: !old.office.isEmpty)
            guard new.region != nil || old.region == nil else { throw StoreError.invalid(Catalog.Requesters.regionMissing) }
            let changes = RequesterField.changes(from: old, to: new)
            guard !changes.isEmpty else { throw StoreError.invalid(Catalog.Requesters.nothingChanged(id)) }
            if new.name != old.name || new.office != old.office { try Self.checkUnknown(db, new.name, new.office) }
            new.version = old.version + 1
            try db.execute(sql: """
                UPDATE requester SET name = ?, office = ?, region = ?, email = ?, chat_id = ?, language = ?, channel = ?,
                  notices_off = ?, version = ? WHERE id = ?
                """, arguments: [new.name, new.office, new.region?.rawValue, new.email, new.chatID, new.language?.rawValue,
                                 new.channel?.rawValue, new.noticesOff, new.version, id])
            if new.phones != old.phones { try Self.writePhones(db, id, new.phones) }
            for change in changes {
                try Self.recordRequester(db, id, ctx, .edited, field: change.field, old: change.old, new: change.new)
            }
            return new
        }
    }

    /// The entry `id`, or `nil`.
    public func requester(_ id: Int64) throws -> Requester? {
        try read { db in try Self.requester(db, id) }
    }

    /// The entry of this name and office, or `nil`.
    public func requester(named name: String, office: String) throws -> Requester? {
        try read { db in try Self.requester(db, named: name, office: office) }
    }

    /// The directory, narrowed by `filter`, by name then office.
    public func requesters(_ filter: RequesterFilter = RequesterFilter()) throws -> [Requester] {
        try read { db in
            var conditions: [String] = [], arguments: [DatabaseValueConvertible] = []
            if let name = filter.name?.nonBlank {
                conditions.append("name LIKE ? ESCAPE '\\'")
                arguments.append("%\(Self.likeEscaped(name))%")
            }
            if let office = filter.office?.nonBlank {
                conditions.append("office LIKE ? ESCAPE '\\'")
                arguments.append("%\(Self.likeEscaped(office))%")
            }
            if let region = filter.region {
                conditions.append("region = ?")
                arguments.append(region.rawValue)
            }
            if let phone = filter.phone?.nonBlank {
                guard let key = PhoneNumber.searchKey(phone) else {
                    throw StoreError.invalid(Catalog.Requesters.notAPhoneSearch(phone))
                }
                conditions.append("id IN (SELECT requester_id FROM requester_phone WHERE phone_key LIKE ?)")
                arguments.append("%\(key)%")
            }
            let whereClause = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let limit = filter.limit.map { " LIMIT \($0)" } ?? ""
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM requester \(whereClause) ORDER BY name, office, id\(limit)",
                                        arguments: StatementArguments(arguments))
            return try rows.map { try Self.requester(db, row: $0) }
        }
    }

    /// The entries a person typing in a form may mean: a name starting with the text (then
    /// containing it), or a phone holding the digits typed; at most `limit`.
    public func requesterMatches(_ typed: String, limit: Int = 8) throws -> [Requester] {
        guard let text = typed.nonBlank else { return [] }
        return try read { db in
            var rows: [Row]
            if let key = PhoneNumber.searchKey(text) {
                rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM requester WHERE id IN (SELECT requester_id FROM requester_phone WHERE phone_key LIKE ?)
                    ORDER BY name, office, id LIMIT ?
                    """, arguments: ["%\(key)%", limit])
            } else {
                let e = Self.likeEscaped(text)
                rows = try Row.fetchAll(db, sql: """
                    SELECT * FROM requester WHERE name LIKE ? ESCAPE '\\'
                    ORDER BY name NOT LIKE ? ESCAPE '\\', name, office, id LIMIT ?
                    """, arguments: ["%\(e)%", "\(e)%", limit])
            }
            return try rows.map { try Self.requester(db, row: $0) }
        }
    }

    /// What happened to the entry, oldest first.
    public func requesterHistory(_ id: Int64) throws -> [RequesterHistoryEntry] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM requester_history WHERE requester_id = ? ORDER BY id", arguments: [id]).map { row in
                let r = StoredRow(row, table: "requester_history")
                return RequesterHistoryEntry(at: try r.instant("at"), actor: try r.text("actor"), event: try r.code("event"),
                                             field: try r.optionalCode("field"), oldValue: try r.optionalText("old_value"),
                                             newValue: try r.optionalText("new_value"))
            }
        }
    }

    /// The items the requester is linked to, newest first.
    public func itemsOfRequester(_ id: Int64) throws -> [WorkItem] {
        try read { db in
            try WorkItem.fetchAll(db, sql: """
                SELECT item.* FROM item_requester JOIN item ON item.id = item_requester.item_id
                WHERE item_requester.requester_id = ? ORDER BY item.id DESC
                """, arguments: [id])
        }
    }

    /// The requesters an item is linked to, first linked first.
    public func requestersOfItem(_ itemID: Int64) throws -> [Requester] {
        try read { db in
            try Row.fetchAll(db, sql: """
                SELECT requester.* FROM item_requester JOIN requester ON requester.id = item_requester.requester_id
                WHERE item_requester.item_id = ? ORDER BY item_requester.linked_at, requester.id
                """, arguments: [itemID]).map { try Self.requester(db, row: $0) }
        }
    }

    // MARK: Parts

    static func checked(_ r: Requester, officeRequired: Bool = true) throws -> Requester {
        switch RequesterRules.check(r, officeRequired: officeRequired) {
        case .success(let r): return r
        case .failure(let problem): throw StoreError.invalid(problem.text)
        }
    }

    /// Inserts a checked entry with its phones and its history's first line; returns its id.
    static func insertRequester(_ db: Database, _ r: Requester, _ ctx: Context) throws -> Int64 {
        try checkUnknown(db, r.name, r.office)
        try db.execute(sql: """
            INSERT INTO requester (name, office, region, email, chat_id, language, channel, notices_off, created_at, created_by)
            VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
            """, arguments: [r.name, r.office, r.region?.rawValue, r.email, r.chatID, r.language?.rawValue, r.channel?.rawValue,
                             r.noticesOff, ctx.now.dbSeconds, ctx.actor])
        let id = db.lastInsertedRowID
        try writePhones(db, id, r.phones)
        try recordRequester(db, id, ctx, .added, field: nil, old: nil, new: "\(r.name) · \(r.office)")
        return id
    }

    static func checkUnknown(_ db: Database, _ name: String, _ office: String) throws {
        if let same = try Int64.fetchOne(db, sql: "SELECT id FROM requester WHERE name = ? AND office = ?", arguments: [name, office]) {
            throw StoreError.invalid(Catalog.Requesters.alreadyKnown(same, name: name, office: office))
        }
    }

    static func writePhones(_ db: Database, _ id: Int64, _ phones: [String]) throws {
        try db.execute(sql: "DELETE FROM requester_phone WHERE requester_id = ?", arguments: [id])
        for (position, phone) in phones.enumerated() {
            try db.execute(sql: "INSERT INTO requester_phone (requester_id, position, phone, phone_key) VALUES (?, ?, ?, ?)",
                           arguments: [id, position, phone, PhoneNumber.storedKey(phone)])
        }
    }

    static func recordRequester(_ db: Database, _ id: Int64, _ ctx: Context, _ event: RequesterHistoryEntry.Event,
                                field: RequesterField?, old: String?, new: String?) throws {
        try db.execute(sql: """
            INSERT INTO requester_history (requester_id, at, actor, event, field, old_value, new_value) VALUES (?, ?, ?, ?, ?, ?, ?)
            """, arguments: [id, ctx.now.dbSeconds, ctx.actor, event.rawValue, field?.rawValue, old, new])
    }

    /// Links an item to a requester (nothing when already linked).
    static func linkRequester(_ db: Database, item: Int64, requester: Int64, _ ctx: Context) throws {
        try db.execute(sql: """
            INSERT OR IGNORE INTO item_requester (item_id, requester_id, linked_at, linked_by) VALUES (?, ?, ?, ?)
            """, arguments: [item, requester, ctx.now.dbSeconds, ctx.actor])
    }

    static func requester(_ db: Database, _ id: Int64) throws -> Requester? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM requester WHERE id = ?", arguments: [id]) else { return nil }
        return try requester(db, row: row)
    }

    static func requester(_ db: Database, named name: String, office: String) throws -> Requester? {
        guard let row = try Row.fetchOne(db, sql: "SELECT * FROM requester WHERE name = ? AND office = ?",
                                         arguments: [name.trimmingCharacters(in: .whitespaces),
                                                     office.trimmingCharacters(in: .whitespaces)]) else { return nil }
        return try requester(db, row: row)
    }

    static func requester(_ db: Database, row: Row) throws -> Requester {
        let r = StoredRow(row, table: "requester")
        let id = try r.integer("id")
        let phones = try String.fetchAll(db, sql: "SELECT phone FROM requester_phone WHERE requester_id = ? ORDER BY position",
                                         arguments: [id])
        return Requester(id: id, name: try r.text("name"), office: try r.text("office"), region: try r.optionalCode("region"),
                         phones: phones, email: try r.optionalText("email"), chatID: try r.optionalText("chat_id"),
                         language: try r.optionalCode("language"), channel: try r.optionalCode("channel"),
                         noticesOff: try r.flag("notices_off"), version: try r.int("version"))
    }

    static func likeEscaped(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "%", with: "\\%")
            .replacingOccurrences(of: "_", with: "\\_")
    }
}

extension AppDatabase {
    /// The directory entry a new ticket is linked to: the one named by id (refused when unknown),
    /// else the one of the requester's name and office, added to the directory (with the ticket's
    /// region and phone) when it is not there yet; `nil` for a ticket without both.
    static func directoryEntry(_ db: Database, for new: NewCase, phone: String?, _ ctx: Context) throws -> Requester? {
        if let id = new.requesterID {
            guard let entry = try requester(db, id) else { throw StoreError.invalid(Catalog.Requesters.notFound(id)) }
            return entry
        }
        guard let name = new.requesterName.nonBlank, let office = new.requesterOffice.nonBlank else { return nil }
        if let entry = try requester(db, named: name, office: office) { return entry }
        let entry = try checked(Requester(name: name, office: office, region: new.region, phones: phone.map { [$0] } ?? [],
                                          channel: new.channel))
        var added = entry
        added.id = try insertRequester(db, entry, ctx)
        return added
    }
}
