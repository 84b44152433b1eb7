import Foundation
import GRDB
import HelpDeskCore

/// Instants are stored as whole seconds since 1970 (UTC): compact, exact, and sorted by SQLite as numbers.
extension Date {
    var dbSeconds: Int64 { Int64(timeIntervalSince1970.rounded(.down)) }
    init(dbSeconds: Int64) { self.init(timeIntervalSince1970: TimeInterval(dbSeconds)) }
}

extension Row {
    func date(_ column: String) -> Date? { (self[column] as Int64?).map(Date.init(dbSeconds:)) }
}

extension WorkItem: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "item"

    public enum Columns {
        static let id = Column("id"), kind = Column("kind"), status = Column("status"), title = Column("title")
        static let region = Column("region"), channel = Column("channel"), takenBy = Column("taken_by")
        static let assignee = Column("assignee"), level = Column("level"), dueAt = Column("due_at")
        static let closedAt = Column("closed_at"), version = Column("version"), receivedAt = Column("received_at")
    }

    public init(row: Row) throws {
        self.init(
            id: row["id"],
            kind: ItemKind(rawValue: row["kind"]) ?? .general,
            status: ItemStatus(rawValue: row["status"]) ?? .open,
            title: row["title"],
            description: row["description"],
            region: (row["region"] as String?).flatMap(Region.init(rawValue:)),
            channel: (row["channel"] as String?).flatMap(Channel.init(rawValue:)),
            requesterName: row["requester_name"],
            requesterOffice: row["requester_office"],
            requesterPhone: row["requester_phone"],
            takenBy: row["taken_by"],
            assignee: row["assignee"],
            level: (row["level"] as Int?).flatMap(FaultLevel.init(rawValue:)),
            receivedAt: row.date("received_at") ?? Date(dbSeconds: 0),
            confirmedAt: row.date("confirmed_at"),
            firstResponseAt: row.date("first_response_at"),
            dueAt: row.date("due_at"),
            calendarVersion: row["calendar_version"],
            agreedWith: row["agreed_with"],
            agreedAt: row.date("agreed_at"),
            sizeEstimate: row["size_estimate"],
            closedAt: row.date("closed_at"),
            cause: row["cause"],
            solution: row["solution"],
            createdAt: row.date("created_at") ?? Date(dbSeconds: 0),
            createdBy: row["created_by"],
            updatedAt: row.date("updated_at"),
            version: row["version"])
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
    }

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

/// History's events and fields are read as their types.
///
/// A stored name they do not know is an error naming the column and the value, never another event.
extension HistoryEvent: DatabaseValueConvertible {}
extension HistoryField: DatabaseValueConvertible {}

extension HistoryEntry: FetchableRecord, MutablePersistableRecord {
    public static let databaseTableName = "history"

    public init(row: Row) throws {
        self.init(id: row["id"], itemId: row["item_id"], at: row.date("at") ?? Date(dbSeconds: 0),
                  recordedAt: row.date("recorded_at") ?? Date(dbSeconds: 0), recordedRealAt: row.date("recorded_real_at"),
                  actor: row["actor"], event: try row.decode(forColumn: "event"),
                  field: try row.decode(forColumn: "field"), oldValue: row["old_value"], newValue: row["new_value"], note: row["note"],
                  systemNote: Code.parse(row["note_code"]).flatMap(SystemNote.init(code:)))
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

    public mutating func didInsert(_ inserted: InsertionSuccess) {
        id = inserted.rowID
    }
}

extension StaffMember: FetchableRecord, PersistableRecord {
    public static let databaseTableName = "staff"

    public init(row: Row) throws {
        self.init(username: row["username"], name: row["name"], phone: row["phone"],
                  role: StaffRole(rawValue: row["role"]) ?? .viewer, active: row["active"])
    }

    public func encode(to container: inout PersistenceContainer) throws {
        container["username"] = username
        container["name"] = name
        container["phone"] = phone
        container["role"] = role.rawValue
        container["active"] = active
    }
}
