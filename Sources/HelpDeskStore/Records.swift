import Foundation
import GRDB
import HelpDeskCore

/// Instants are stored as whole seconds since 1970 (UTC): compact, exact, and sorted by SQLite as numbers.
extension Date {
    var dbSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(dbSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(dbSeconds)) }
}

extension WorkItem: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "item"

    public enum Columns {
        static let id = Column("id"), kind = Column("kind"), status = Column("status"), title = Column("title")
        static let region = Column("region"), channel = Column("channel"), takenBy = Column("taken_by")
        static let assignee = Column("assignee"), level = Column("level"), dueAt = Column("due_at")
        static let closedAt = Column("closed_at"), version = Column("version"), receivedAt = Column("received_at")
    }

    /// Reads a row of `item`, refusing a value this program cannot read (`UnreadableValue`).
    public init(row: Row) throws {
        let r = StoredRow(row, table: "item")
        self.init(
            id: try r.optionalInteger("id"),
            kind: try r.code("kind"),
            status: try r.code("status"),
            title: try r.text("title"),
            description: try r.text("description"),
            region: try r.optionalCode("region"),
            channel: try r.optionalCode("channel"),
            requesterName: try r.optionalText("requester_name"),
            requesterOffice: try r.optionalText("requester_office"),
            requesterPhone: try r.optionalText("requester_phone"),
            takenBy: try r.optionalText("taken_by"),
            assignee: try r.optionalText("assignee"),
            level: try r.optionalCode("level"),
            receivedAt: try r.instant("received_at"),
            confirmedAt: try r.optionalInstant("confirmed_at"),
            firstResponseAt: try r.optionalInstant("first_response_at"),
            dueAt: try r.optionalInstant("due_at"),
            calendarVersion: try r.optionalText("calendar_version"),
            agreedWith: try r.optionalText("agreed_with"),
            agreedAt: try r.optionalInstant("agreed_at"),
            sizeEstimate: try r.optionalText("size_estimate"),
            closedAt: try r.optionalInstant("closed_at"),
            cause: try r.optionalText("cause"),
            solution: try r.optionalText("solution"),
            createdAt: try r.instant("created_at"),
            createdBy: try r.text("created_by"),
            updatedAt: try r.instant("updated_at"),
            version: try r.int("version"),
            systemText: try r.optionalJSON("text_code", as: Code.self).map { code in
                guard let text = SystemItemText(code: code) else { throw r.unreadable("text_code", expected: "a system text's code") }
                return text
            })
        if row.hasColumn("merged_into") { mergedInto = try r.optionalInteger("merged_into") }
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["kind"] = kind.rawValue
        container["status"] = status.rawValue
        container["title"] = title
        container["description"] = description
        container["region"] = region?.rawValue
        container["channel"] = channel?.rawValue
        container["requester_name"] = requesterName
        container["requester_office"] = requesterOffice
        container["requester_phone"] = requesterPhone
        container["requester_phone_key"] = PhoneNumber.storedKey(requesterPhone)
        container["taken_by"] = takenBy
        container["assignee"] = assignee
        container["level"] = level?.rawValue
        container["received_at"] = receivedAt.dbSeconds
        container["confirmed_at"] = confirmedAt?.dbSeconds
        container["first_response_at"] = firstResponseAt?.dbSeconds
        container["due_at"] = dueAt?.dbSeconds
        container["calendar_version"] = calendarVersion
        container["agreed_with"] = agreedWith
        container["agreed_at"] = agreedAt?.dbSeconds
        container["size_estimate"] = sizeEstimate
        container["closed_at"] = closedAt?.dbSeconds
        container["cause"] = cause
        container["solution"] = solution
        container["created_at"] = createdAt.dbSeconds
        container["created_by"] = createdBy
        container["updated_at"] = updatedAt.dbSeconds
        container["version"] = version
        // Only an item the system opened has the column written: the words of one a person typed
        // stay theirs, and a row for a schema before the column (a migration's test) still goes in.
        if let systemText { container["text_code"] = systemText.code.json }
        // Set once, when merged; a row for a schema before the column still goes in.
        if let mergedInto { container["merged_into"] = mergedInto }
    }

    /// The text fields a person fills, with the rule each is held to.
    static let textFields: [(@Sendable (WorkItem) -> String?, TextRules.Field)] = [
        ({ $0.title }, .title), ({ $0.description }, .description), ({ $0.requesterName }, .requesterName),
        ({ $0.requesterOffice }, .requesterOffice), ({ $0.requesterPhone }, .requesterPhone), ({ $0.agreedWith }, .agreedWith),
        ({ $0.sizeEstimate }, .size), ({ $0.cause }, .cause), ({ $0.solution }, .solution),
    ]

    /// Every text field of a new item is checked against `TextRules`.
    public func willInsert(_ db: Database) throws {
        try checkText(changedFrom: nil)
    }

    /// On an update only the fields that change are checked, so an item stored before a rule
    /// existed (a longer title) can still be answered, assigned and closed.
    public func willUpdate(_ db: Database, columns: Set<String>) throws {
        try checkText(changedFrom: try id.flatMap { try WorkItem.fetchOne(db, key: $0) })
    }

    private func checkText(changedFrom stored: WorkItem?) throws {
        for (value, field) in Self.textFields where stored.map({ value($0) != value(self) }) ?? true {
            try AppDatabase.checkText(value(self), field)
        }
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension HistoryEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "history"

    /// Reads a row of `history`, refusing a value this program cannot read (`UnreadableValue`).
    ///
    /// An event or a field it does not know is refused, and so is a system note whose code it
    /// cannot read: the note would otherwise vanish from the entry.
    public init(row: Row) throws {
        let r = StoredRow(row, table: "history")
        let systemNote = try r.optionalJSON("note_code", as: Code.self).map { code in
            guard let note = SystemNote(code: code) else { throw r.unreadable("note_code", expected: "a system note's code") }
            return note
        }
        self.init(id: try r.optionalInteger("id"), itemId: try r.integer("item_id"), at: try r.instant("at"),
                  recordedAt: try r.instant("recorded_at"), recordedRealAt: try r.optionalInstant("recorded_real_at"),
                  actor: try r.text("actor"), event: try r.code("event"), field: try r.optionalCode("field"),
                  oldValue: try r.optionalText("old_value"), newValue: try r.optionalText("new_value"), note: try r.optionalText("note"),
                  systemNote: systemNote)
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["id"] = id
        container["item_id"] = itemId
        container["at"] = at.dbSeconds
        container["recorded_at"] = recordedAt.dbSeconds
        container["recorded_real_at"] = recordedRealAt?.dbSeconds
        container["actor"] = actor
        container["event"] = event.rawValue
        container["field"] = field?.rawValue
        container["old_value"] = oldValue
        container["new_value"] = newValue
        container["note"] = note
        container["note_code"] = systemNote?.code.json
    }

    /// A note and the values of a change are checked against `TextRules` before they are written.
    public func willSave(_ db: Database) throws {
        try AppDatabase.checkText(note, .note)
        try AppDatabase.checkText(oldValue, .changedValue)
        try AppDatabase.checkText(newValue, .changedValue)
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension StaffMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "staff"

    /// Reads a row of `staff`, refusing a value this program cannot read (`UnreadableValue`).
    ///
    /// A role it does not know is never taken for a viewer's.
    public init(row: Row) throws {
        let r = StoredRow(row, table: "staff", key: "username")
        self.init(username: try r.text("username"), name: try r.text("name"), phone: try r.optionalText("phone"),
                  role: try r.code("role"), active: try r.flag("active"))
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["username"] = username
        container["name"] = name
        container["phone"] = phone
        container["role"] = role.rawValue
        container["active"] = active
    }

    /// A new member's user name, name and phone are checked against `TextRules`.
    public func willInsert(_ db: Database) throws {
        try AppDatabase.checkText(username, .userName)
        try AppDatabase.checkText(name, .staffName)
        try AppDatabase.checkText(phone, .requesterPhone)
    }

    /// On an update only a name or phone that changes is checked.
    public func willUpdate(_ db: Database, columns: Set<String>) throws {
        let stored = try StaffMember.fetchOne(db, key: username)
        if stored?.name != name { try AppDatabase.checkText(name, .staffName) }
        if stored?.phone != phone { try AppDatabase.checkText(phone, .requesterPhone) }
    }
}
