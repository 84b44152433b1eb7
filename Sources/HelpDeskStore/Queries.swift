import Foundation
import GRDB
import HelpDeskCore

/// Which work items a list shows. Empty sets mean "any".
public struct ItemFilter: Sendable, Equatable {
    public var kinds: Set<ItemKind> = []
    public var statuses: Set<ItemStatus> = []
    /// Only items that are not closed.
    public var activeOnly = false
    public var region: Region?
    public var level: FaultLevel?
    /// Items taken by or assigned to this user.
    public var mine: String?
    /// Only items past their deadline at this time (still open, or closed late).
    public var overdueAt: Date?
    /// Case-insensitive substring of the title.
    public var titleContains: String?
    public var limit: Int?
    public var offset = 0

    public init(kinds: Set<ItemKind> = [], statuses: Set<ItemStatus> = [], activeOnly: Bool = false,
                region: Region? = nil, level: FaultLevel? = nil, mine: String? = nil, overdueAt: Date? = nil,
                titleContains: String? = nil, limit: Int? = nil, offset: Int = 0) {
        self.kinds = kinds
        self.statuses = statuses
        self.activeOnly = activeOnly
        self.region = region
        self.level = level
        self.mine = mine
        self.overdueAt = overdueAt
        self.titleContains = titleContains
        self.limit = limit
        self.offset = offset
    }

    public static let cases = Set(CaseKind.allCases.map { ItemKind(rawValue: $0.rawValue)! })
}

extension AppDatabase {
    /// Items matching `filter`, most urgent first: active items by deadline (overdue first, those
    /// without a deadline last), then closed items, latest closed first.
    public func items(_ filter: ItemFilter) throws -> [WorkItem] {
        try writer.read { db in try Self.request(filter).fetchAll(db) }
    }

    /// How many items match `filter` (ignoring its limit and offset).
    public func count(_ filter: ItemFilter) throws -> Int {
        var f = filter
        f.limit = nil
        f.offset = 0
        return try writer.read { db in try Self.request(f).fetchCount(db) }
    }

    public func item(_ id: Int64) throws -> WorkItem {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            return item
        }
    }

    /// An item with its history, oldest entry first, read in one snapshot.
    public func itemWithHistory(_ id: Int64) throws -> (WorkItem, [HistoryEntry]) {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db, key: id) else { throw StoreError.notFound(id: id) }
            let history = try HistoryEntry.fetchAll(db, sql: "SELECT * FROM history WHERE item_id = ? ORDER BY id", arguments: [id])
            return (item, history)
        }
    }

    public func staff() throws -> [StaffMember] {
        try writer.read { db in try StaffMember.order(Column("username")).fetchAll(db) }
    }

    /// Adds a member of staff, or updates one with the same user name.
    public func saveStaff(_ member: StaffMember) throws {
        try writer.write { db in try member.save(db) }
    }

    /// Makes `username` the first supervisor of a database that has no staff yet.
    public func ensureFounder(username: String, name: String) throws {
        try writer.write { db in
            if try StaffMember.fetchCount(db) == 0 {
                try StaffMember(username: username, name: name, role: .supervisor).insert(db)
            }
        }
    }

    static func request(_ f: ItemFilter) -> QueryInterfaceRequest<WorkItem> {
        typealias C = WorkItem.Columns
        var r = WorkItem.all()
        if !f.kinds.isEmpty { r = r.filter(f.kinds.map(\.rawValue).contains(C.kind)) }
        if f.activeOnly { r = r.filter(C.status != ItemStatus.closed.rawValue) }
        if !f.statuses.isEmpty { r = r.filter(f.statuses.map(\.rawValue).contains(C.status)) }
        if let region = f.region { r = r.filter(C.region == region.rawValue) }
        if let level = f.level { r = r.filter(C.level == level.rawValue) }
        if let me = f.mine { r = r.filter(C.assignee == me || (C.assignee == nil && C.takenBy == me)) }
        if let now = f.overdueAt {
            let t = now.dbSeconds
            r = r.filter(sql: """
                due_at IS NOT NULL AND (
                  (status <> 'closed' AND NOT (kind = 'special' AND first_response_at IS NOT NULL) AND due_at < ?)
                  OR (kind = 'special' AND first_response_at > due_at)
                  OR (kind <> 'special' AND status = 'closed' AND closed_at > due_at))
                """, arguments: [t])
        }
        if let text = f.titleContains, !text.isEmpty {
            let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
                .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
            r = r.filter(sql: "title LIKE ? ESCAPE '\\'", arguments: ["%\(escaped)%"])
        }
        r = r.order(sql: "status = 'closed', CASE WHEN status = 'closed' THEN -closed_at END, due_at IS NULL, due_at, id")
        if let limit = f.limit { r = r.limit(limit, offset: f.offset) }
        return r
    }
}
