import Foundation
import GRDB
import HelpDeskCore

/// How many items a filter shows: exact, or at least `value` where counting every one would mean
/// reading every one (a text search that matches many items).
public struct ItemCount: Equatable, Sendable {
    public var value: Int
    /// There are at least `value` items, perhaps more.
    public var isLowerBound: Bool

    public init(value: Int, isLowerBound: Bool = false) {
        self.value = value
        self.isLowerBound = isLowerBound
    }
}

/// A page of a list and how many items the list holds.
public struct ItemListPage: Equatable, Sendable {
    public var items: [WorkItem]
    public var total: ItemCount
    /// Which of the page's items are tickets opened from an unknown sender's mail whose region and
    /// requester are still to confirm; read in the page's snapshot.
    public var toConfirm: Set<Int64>

    public init(items: [WorkItem], total: ItemCount, toConfirm: Set<Int64> = []) {
        self.items = items
        self.total = total
        self.toConfirm = toConfirm
    }
}

extension AppDatabase {
    /// Items matching `filter`, most urgent first: active items by the deadline they are still held
    /// to (`WorkItem.openDeadline`: overdue first; those without a deadline, or whose rule event met
    /// it, last), then closed items, latest closed first.
    ///
    /// A page costs about the same at any offset: the queue's order is an index, and deep offsets
    /// are found through the tally of items per week of that order (`queue_tally`).
    public func items(_ filter: ItemFilter) throws -> [WorkItem] {
        try writer.read { db in try Self.items(db, filter) }
    }

    static func items(_ db: Database, _ filter: ItemFilter) throws -> [WorkItem] {
        try QueueQuery(filter).items(db, offset: filter.offset, limit: filter.limit)
    }

    /// Keyset paging: up to `filter.limit` items that come after item `id` in the order of `filter`
    /// (its offset is ignored). As fast deep in the queue as at its top. Item `id` need not match
    /// the filter: the page starts where it would stand.
    public func items(_ filter: ItemFilter, after id: Int64) throws -> [WorkItem] {
        try writer.read { db in
            guard let key = try QueueQuery.key(of: id, db) else { throw StoreError.notFound(id: id) }
            return try QueueQuery(filter).items(db, after: key, limit: filter.limit)
        }
    }

    /// Keyset paging backwards: up to `filter.limit` items that come before item `id` in the order
    /// of `filter`, in that order (the nearest last).
    public func items(_ filter: ItemFilter, before id: Int64) throws -> [WorkItem] {
        try writer.read { db in
            guard let key = try QueueQuery.key(of: id, db) else { throw StoreError.notFound(id: id) }
            return try QueueQuery(filter).items(db, before: key, limit: filter.limit)
        }
    }

    /// How many items match `filter` (ignoring its limit and offset), exactly.
    ///
    /// Read from the tally for every filter but a text search; a search that matches many items
    /// reads them all: where that is too slow, use `count(_:cap:)`.
    public func count(_ filter: ItemFilter) throws -> Int {
        try writer.read { db in try QueueQuery(filter).count(db, cap: nil).value }
    }

    /// How many items match `filter`, counting no further than `cap` where the count is not known
    /// without reading the items (a text search matching many): then at least `cap`.
    public func count(_ filter: ItemFilter, cap: Int) throws -> ItemCount {
        try writer.read { db in try QueueQuery(filter).count(db, cap: cap) }
    }

    /// A page of `filter` (from its offset, or after item `after`) and how many items match, read
    /// in one snapshot: the command line's lists. A count that would read every match of a text
    /// search stops at `countCap` (then at least that many). Which of the page's tickets are to
    /// confirm is read in the same snapshot.
    public func page(_ filter: ItemFilter, after: Int64? = nil, countCap: Int) throws -> ItemListPage {
        try writer.read { db in
            var page = try Self.page(filter, after: after, countCap: countCap, db)
            page.toConfirm = try Self.toConfirm(page.items.compactMap(\.id), db)
            return page
        }
    }

    private static func page(_ filter: ItemFilter, after: Int64?, countCap: Int, _ db: Database) throws -> ItemListPage {
        let query = try QueueQuery(filter).searched(db)
        if let after {
            guard let key = try QueueQuery.key(of: after, db) else { throw StoreError.notFound(id: after) }
            return ItemListPage(items: try query.items(db, after: key, limit: filter.limit), total: try query.count(db, cap: countCap))
        }
        if let sorted = try query.sortedMatches(db) {
            // A search with few candidates: the matches are read once, for the page and the count.
            let page = Array(sorted.dropFirst(filter.offset).prefix(filter.limit ?? .max))
            let rows = try WorkItem.fetchAll(db, sql: "SELECT * FROM item WHERE id IN (\(page.map(String.init).joined(separator: ",")))")
            let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0.id!, $0) })
            return ItemListPage(items: page.compactMap { byID[$0] }, total: ItemCount(value: sorted.count))
        }
        return ItemListPage(items: try query.items(db, offset: filter.offset, limit: filter.limit),
                            total: try query.count(db, cap: countCap))
    }

    /// Where item `id` stands in the order of `filter` (0 first, ignoring its limit and offset), or
    /// `nil` when the filter does not show it. The console selects a new item with it.
    public func position(of id: Int64, in filter: ItemFilter) throws -> Int? {
        try writer.read { db in
            let query = try QueueQuery(filter).searched(db)
            guard let key = try QueueQuery.key(of: id, db), try query.matches(id, db) else { return nil }
            return try query.count(db, before: key)
        }
    }

    public func item(_ id: Int64) throws -> WorkItem {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE id = ?"), arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            return item
        }
    }

    /// An item with its history, oldest entry first, read in one snapshot.
    public func itemWithHistory(_ id: Int64) throws -> (WorkItem, [HistoryEntry]) {
        try writer.read { db in
            guard let item = try WorkItem.fetchOne(db.cachedStatement(sql: "SELECT * FROM item WHERE id = ?"), arguments: [id]) else {
                throw StoreError.notFound(id: id)
            }
            let history = try HistoryEntry.fetchAll(db.cachedStatement(sql: "SELECT * FROM history WHERE item_id = ? ORDER BY id"),
                                                    arguments: [id])
            return (item, history)
        }
    }

    public func staff() throws -> [StaffMember] {
        try writer.read { db in try StaffMember.order(Column("username")).fetchAll(db) }
    }

    /// How many history entries the database holds (for the benchmark's report).
    public func historyCount() throws -> Int {
        try writer.read { db in try Int.fetchOne(db, sql: "SELECT count(*) FROM history") ?? 0 }
    }

    /// Makes `username` the first supervisor of a database that has no staff yet: the user who
    /// creates a database. Looks in a read first; writes only when there is nobody.
    public func ensureFounder(username: String, name: String) throws {
        let founder = StaffMember(username: username, name: name, role: .supervisor)
        guard try !writer.read({ db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM staff)") ?? false }) else { return }
        try writer.write { db in
            if try StaffMember.fetchCount(db) == 0 { try Self.insertFounder(db, founder) }
        }
    }

    static func insertFounder(_ db: Database, _ founder: StaffMember) throws {
        try StaffMember(username: founder.username, name: founder.name, phone: founder.phone, role: .supervisor).insert(db)
    }

    // MARK: The rule event in SQL

    /// The column of a rule event.
    static func column(_ event: RuleEvent) -> String {
        switch event {
        case .firstResponse: return "first_response_at"
        case .resolution: return "closed_at"
        }
    }

    /// `WorkItem.ruleEventAt` in SQL, built from `ItemKind.ruleEvent`: `CASE kind WHEN 'special'
    /// THEN first_response_at ELSE closed_at END`. The item table's generated column
    /// `rule_event_at` holds it (a test checks the two agree).
    static let ruleEventSQL: String = {
        let others = ItemKind.allCases.filter { $0.ruleEvent != .resolution }
            .map { "WHEN '\($0.rawValue)' THEN \(column($0.ruleEvent))" }
        return others.isEmpty ? column(.resolution) : "CASE kind \(others.joined(separator: " ")) ELSE \(column(.resolution)) END"
    }()
}

/// A list of items in the queue's order, as SQL.
///
/// The order is stored: `queue_key` (the deadline still held to for an active item, 10^12 when
/// none, 3·10^12 − closed_at for a closed one), then `deadline_key` (the deadline still held to,
/// 10^12 when none: the tie-break among items closed in the same second), then `id`. The indexes
/// `item_queue`, `item_queue_kind` (one kind) and `item_queue_owner` (mine) hold that order and
/// every column a filter reads but the text, so a page reads its own index entries and rows.
/// Active only, closed only and overdue are ranges of `queue_key`.
struct QueueQuery {
    /// `queue_tally` counts items per week of `queue_key`.
    static let bucketWidth: Int64 = 604_800
    /// Below this, active items; above, closed ones.
    static let activeLimit: Int64 = 2_000_000_000_000

    struct Key: Equatable {
        var queue: Int64
        var deadline: Int64
        var id: Int64
    }

    /// The index that holds the order with the filter's most selective column first.
    var index = "item_queue"
    /// Conditions on the columns the indexes and `queue_tally` share (kind, status, region, level,
    /// owner), written for any table name in place of `$`.
    var dimensions: [String] = []
    var dimensionArguments: [any DatabaseValueConvertible] = []
    /// `queue_key >= low`, `queue_key < high`.
    var low: Int64?
    var high: Int64?
    /// Text to search for (title, requester, phone, description).
    var text: String? {
        didSet { textRegion = text.flatMap(Region.parse) }
    }
    /// The region the text names (by its Chinese name, with or without its suffix, or its
    /// pinyin): the items of that region match too.
    var textRegion: Region?
    /// The filter, for the text index's tags.
    let filter: ItemFilter
    /// A text search with at most this many candidates in the text index (within the filter's tags)
    /// sorts them. With more, it walks the queue's order checking each row when matches are common
    /// enough to fill a page of 40 within about `walkRows` rows; else (at most `walkLimit`
    /// candidates) it walks the order keeping only the candidates, reading only their rows.
    var sortLimit = 2_000
    var walkLimit = 20_000
    var walkRows = 5_000
    /// A trigram in more items than this is common: a long phrase is looked up by its rarer part.
    var commonTrigram = 5_000

    init(_ f: ItemFilter) {
        filter = f
        func add(_ sql: String, _ args: [any DatabaseValueConvertible] = []) {
            dimensions.append(sql)
            dimensionArguments += args
        }
        if f.kinds.count == 1, let kind = f.kinds.first {
            index = "item_queue_kind"
            add("$.kind = ?", [kind.rawValue])
        } else if !f.kinds.isEmpty {
            let kinds = f.kinds.map(\.rawValue).sorted()
            add("$.kind IN (\(databaseQuestionMarks(count: kinds.count)))", kinds)
        }
        if !f.statuses.isEmpty {
            let statuses = f.statuses.map(\.rawValue).sorted()
            add("$.status IN (\(databaseQuestionMarks(count: statuses.count)))", statuses)
            if !f.statuses.contains(.closed) && !f.statuses.contains(.merged) { high = Self.activeLimit }
            if f.statuses == [.closed] { low = Self.activeLimit }
        }
        if f.activeOnly { high = Self.activeLimit }
        if let region = f.region { add("$.region = ?", [region.rawValue]) }
        if let level = f.level { add("$.level = ?", [level.rawValue]) }
        if let me = f.mine {
            // `(assignee = me OR (assignee IS NULL AND taken_by = me))`: the generated column `owner`.
            index = "item_queue_owner"
            add("$.owner = ?", [me])
        }
        if let now = f.overdueAt {
            // Past the deadline still held to (`WorkItem.isOverdue(at:)`), active: queue_key < now.
            high = min(high ?? .max, now.dbSeconds)
        }
        if let text = f.text, !text.isEmpty {
            self.text = text
            textRegion = Region.parse(text)
        }
    }

    /// Nothing can match: the range is empty.
    var isEmpty: Bool {
        if let low, let high { return high <= low }
        return false
    }

    static func key(of id: Int64, _ db: Database) throws -> Key? {
        try Row.fetchOne(db.cachedStatement(sql: "SELECT queue_key, deadline_key FROM item WHERE id = ?"), arguments: [id])
            .map { Key(queue: $0[0], deadline: $0[1], id: id) }
    }

    // MARK: SQL pieces

    /// The dimension conditions for table `name`.
    func dimensions(_ name: String) -> [String] {
        dimensions.map { $0.replacingOccurrences(of: "$.", with: "\(name).") }
    }

    /// `LIKE` on the searched columns, as the text index's candidates are checked; a phone number
    /// or part of one is also looked for in the phones' keys (`PhoneNumber.searchKey`), so that it is
    /// found however it was typed.
    func textCondition(_ text: String) -> (String, [any DatabaseValueConvertible]) {
        let escaped = text.replacingOccurrences(of: "\\", with: "\\\\")
            .replacingOccurrences(of: "%", with: "\\%").replacingOccurrences(of: "_", with: "\\_")
        let pattern = "%\(escaped)%"
        let region = textRegion.map { _ in " OR item.region = ?" } ?? ""
        // A key holds digits and `#` only: nothing to escape.
        let keyPattern: String? = PhoneNumber.searchKey(text).map { "%\($0)%" }
        return ("""
            (item.title LIKE ? ESCAPE '\\' OR item.requester_name LIKE ? ESCAPE '\\' OR item.requester_phone LIKE ? ESCAPE '\\'
             OR item.description LIKE ? ESCAPE '\\' OR item.requester_phone_key LIKE ?\(region))
            """, [pattern, pattern, pattern, pattern, keyPattern] + (textRegion.map { [$0.rawValue] as [any DatabaseValueConvertible] } ?? []))
    }

    /// Conditions and arguments on `item` for the filter: its dimensions, its range of `queue_key`
    /// (or `range` in its place), keys after or before a key, and its text.
    func itemConditions(range: (from: Int64?, to: Int64?)? = nil, after: Key? = nil, before: Key? = nil,
                        withText: Bool = true) -> ([String], [any DatabaseValueConvertible]) {
        var sql = dimensions("item")
        var args = dimensionArguments
        let (lower, upper) = range ?? (low, high)
        if let lower {
            sql.append("item.queue_key >= ?")
            args.append(lower)
        }
        if let upper {
            sql.append("item.queue_key < ?")
            args.append(upper)
        }
        if let after {
            sql.append("(item.queue_key, item.deadline_key, item.id) > (?, ?, ?)")
            args += [after.queue, after.deadline, after.id]
        }
        if let before {
            sql.append("(item.queue_key, item.deadline_key, item.id) < (?, ?, ?)")
            args += [before.queue, before.deadline, before.id]
        }
        if withText, let text {
            let (like, likeArgs) = textCondition(text)
            sql.append(like)
            args += likeArgs
        }
        return (sql, args)
    }

    static func whereClause(_ conditions: [String]) -> String {
        conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
    }

    static let order = "item.queue_key, item.deadline_key, item.id"
    static let reverseOrder = "item.queue_key DESC, item.deadline_key DESC, item.id DESC"

    /// The page query over the queue's index: no sort, the index gives the order.
    func pageSQL(_ conditions: [String], descending: Bool = false) -> String {
        "SELECT item.* FROM item INDEXED BY \(index) \(Self.whereClause(conditions)) ORDER BY \(descending ? Self.reverseOrder : Self.order) LIMIT ? OFFSET ?"
    }

    // MARK: Pages

    func items(_ db: Database, offset: Int, limit: Int?) throws -> [WorkItem] {
        if isEmpty { return [] }
        if text != nil { return try textItems(db, try search(db), offset: offset, limit: limit) }
        guard offset > 0 else { return try page(db, offset: 0, limit: limit) }
        guard let start = try start(db, offset: offset) else { return [] }
        return try page(db, from: start.key, offset: start.offset, limit: limit)
    }

    /// A page in the queue's order from key `from` (the filter's own range start when `nil`).
    func page(_ db: Database, from: Int64? = nil, after: Key? = nil, before: Key? = nil, offset: Int, limit: Int?) throws -> [WorkItem] {
        let lower = [low, from].compactMap { $0 }.max()
        let (sql, args) = itemConditions(range: (lower, high), after: after, before: before)
        let items = try WorkItem.fetchAll(db.cachedStatement(sql: pageSQL(sql, descending: before != nil)),
                                          arguments: StatementArguments(args + [limit ?? -1, offset]))
        return before != nil ? items.reversed() : items
    }

    func items(_ db: Database, after key: Key, limit: Int?) throws -> [WorkItem] {
        if isEmpty { return [] }
        if text != nil { return try textItems(db, try search(db), after: key, offset: 0, limit: limit) }
        return try page(db, after: key, offset: 0, limit: limit)
    }

    func items(_ db: Database, before key: Key, limit: Int?) throws -> [WorkItem] {
        if isEmpty { return [] }
        if text != nil { return try textItems(db, try search(db), before: key, offset: 0, limit: limit) }
        return try page(db, before: key, offset: 0, limit: limit)
    }

    // MARK: Text

    /// How the text index answers the search, once it is known (`searched(_:)`).
    var textSearch: TextSearch?

    func search(_ db: Database) throws -> TextSearch {
        try textSearch ?? TextSearch(self, db)
    }

    /// The query with its text search decided, for several reads in one snapshot.
    func searched(_ db: Database) throws -> QueueQuery {
        guard text != nil, !isEmpty else { return self }
        var query = self
        query.textSearch = try TextSearch(self, db)
        return query
    }

    /// The condition that keeps the text index's candidates.
    static let candidateCondition = "item.id IN (SELECT rowid FROM item_text WHERE item_text MATCH ?)"
    /// The condition that keeps the few candidates already found (a JSON array of ids).
    static let fewCandidatesCondition = "item.id IN (SELECT value FROM json_each(?))"

    /// A page of a text search, the way `search` says.
    func textItems(_ db: Database, _ search: TextSearch, after: Key? = nil, before: Key? = nil, offset: Int,
                   limit: Int?) throws -> [WorkItem] {
        let (sql, args) = itemConditions(after: after, before: before)
        let order = before != nil ? Self.reverseOrder : Self.order
        let items: [WorkItem]
        switch (search.way, search.match) {
        case (.nothing, _):
            return []
        case (.sort, _):
            // Few candidates: their rows, sorted.
            items = try WorkItem.fetchAll(db.cachedStatement(sql: """
                SELECT item.* FROM item NOT INDEXED \(Self.whereClause([Self.fewCandidatesCondition] + sql)) ORDER BY \(order) LIMIT ? OFFSET ?
                """), arguments: StatementArguments([search.candidates] + args + [limit ?? -1, offset]))
        case (.walkCandidates, let match?):
            // The order's index, keeping the candidates: only their rows are read.
            items = try WorkItem.fetchAll(db.cachedStatement(sql: pageSQL([Self.candidateCondition] + sql, descending: before != nil)),
                                          arguments: StatementArguments([match] + args + [limit ?? -1, offset]))
        default:
            // Matches are common: walk the order, checking each row.
            items = try WorkItem.fetchAll(db.cachedStatement(sql: pageSQL(sql, descending: before != nil)),
                                          arguments: StatementArguments(args + [limit ?? -1, offset]))
        }
        return before != nil ? items.reversed() : items
    }

    /// The ids of every match of a text search with few candidates, in the queue's order; `nil`
    /// for any other list.
    func sortedMatches(_ db: Database) throws -> [Int64]? {
        guard text != nil, !isEmpty else { return nil }
        let search = try search(db)
        guard search.way == .sort else { return nil }
        let (sql, args) = itemConditions()
        return try Int64.fetchAll(db.cachedStatement(sql: """
            SELECT item.id FROM item NOT INDEXED \(Self.whereClause([Self.fewCandidatesCondition] + sql)) ORDER BY \(Self.order)
            """), arguments: StatementArguments([search.candidates] + args))
    }

    /// A text search's count, before `key` when given. Where the text index holds more than
    /// `sortLimit` candidates within the filter's tags and `cap` is no larger, that is the count
    /// (at least `cap`), unless the filter has a range the tags do not hold (overdue).
    func textCount(_ db: Database, _ search: TextSearch, before key: Key?, cap: Int?) throws -> ItemCount {
        let limit = cap.map { " LIMIT \($0 + 1)" } ?? ""
        let (sql, args) = itemConditions(before: key)
        let n: Int
        switch (search.way, search.match) {
        case (.nothing, _):
            return ItemCount(value: 0)
        case (.sort, _):
            n = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM item NOT INDEXED \(Self.whereClause([Self.fewCandidatesCondition] + sql))\(limit))
                """), arguments: StatementArguments([search.candidates] + args)) ?? 0
        case (_, .some) where search.exact && key == nil && filter.overdueAt == nil && (cap ?? .max) <= sortLimit:
            return ItemCount(value: cap ?? 0, isLowerBound: true)
        case (.walkCandidates, let match?):
            n = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM item INDEXED BY \(index) \(Self.whereClause([Self.candidateCondition] + sql))\(limit))
                """), arguments: StatementArguments([match] + args)) ?? 0
        default:
            n = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT 1 FROM item INDEXED BY \(index) \(Self.whereClause(sql))\(limit))
                """), arguments: StatementArguments(args)) ?? 0
        }
        if let cap, n > cap { return ItemCount(value: cap, isLowerBound: true) }
        return ItemCount(value: n)
    }

    /// Where the page at `offset` starts: the first key of the week that holds it and the offset
    /// from there, found by summing `queue_tally` week by week. `nil` when the filter has fewer items.
    func start(_ db: Database, offset: Int) throws -> (key: Int64?, offset: Int)? {
        let w = Self.bucketWidth
        let lowBucket = low.map { $0 / w }
        // Items of the first week that lie before `low` are in its tally but not in the list.
        var edge = 0
        if let low, low % w != 0 { edge = try indexCount(db, from: low / w * w, to: low) }
        let target = offset + edge
        var seen = 0
        let (conditions, args) = tallyConditions(first: lowBucket, last: high.map { ($0 - 1) / w })
        let rows = try Row.fetchCursor(db.cachedStatement(sql: """
            SELECT bucket, sum(n) FROM queue_tally \(Self.whereClause(conditions)) GROUP BY bucket ORDER BY bucket
            """), arguments: StatementArguments(args))
        while let row = try rows.next() {
            let bucket: Int64 = row[0]
            let n: Int = row[1]
            if seen + n > target {
                // Weeks of keys before 1970 are not whole weeks: no skipping there.
                if bucket == lowBucket || bucket <= 0 { return (low, offset) }
                return (bucket * w, target - seen)
            }
            seen += n
        }
        return nil
    }

    // MARK: Counts

    /// The tally rows of the filter's dimensions in the weeks `[first, last]` (open ends when `nil`).
    func tallyConditions(first: Int64?, last: Int64?) -> ([String], [any DatabaseValueConvertible]) {
        var conditions = dimensions("queue_tally")
        var args = dimensionArguments
        if let first {
            conditions.append("bucket >= ?")
            args.append(first)
        }
        if let last {
            conditions.append("bucket <= ?")
            args.append(last)
        }
        return (conditions, args)
    }

    /// Items with `queue_key` in `[from, to)` (and before `key`) that match the dimensions, counted
    /// in the index.
    func indexCount(_ db: Database, from: Int64?, to: Int64?, before key: Key? = nil) throws -> Int {
        let (sql, args) = itemConditions(range: (from, to), before: key, withText: false)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT count(*) FROM item INDEXED BY \(index) \(Self.whereClause(sql))"),
                                arguments: StatementArguments(args)) ?? 0
    }

    /// Items of the tally's weeks `[first, last]` that match the dimensions.
    func tallyCount(_ db: Database, first: Int64?, last: Int64?) throws -> Int {
        let (conditions, args) = tallyConditions(first: first, last: last)
        return try Int.fetchOne(db.cachedStatement(sql: "SELECT coalesce(sum(n), 0) FROM queue_tally \(Self.whereClause(conditions))"),
                                arguments: StatementArguments(args)) ?? 0
    }

    /// The items of the filter before `key` (all of them when `nil`): whole weeks from the tally,
    /// the weeks at either end of the range from the index.
    func count(_ db: Database, before key: Key?) throws -> Int {
        if isEmpty { return 0 }
        if text != nil { return try textCount(db, try search(db), before: key, cap: nil).value }
        let w = Self.bucketWidth
        let firstBucket = low.map { $0 / w }
        // The last week counted from the tally is the one before the week of the end.
        var endBucket: Int64?
        if let key { endBucket = key.queue / w }
        if let high { endBucket = min(endBucket ?? .max, (high - 1) / w) }
        if let endBucket, (firstBucket.map { $0 >= endBucket } ?? false) || endBucket <= 0 {
            // One week, or keys before 1970 (whose weeks are not whole): the index alone.
            return try indexCount(db, from: low, to: high, before: key)
        }
        var total = try tallyCount(db, first: firstBucket, last: endBucket.map { $0 - 1 })
        // The first week's items before `low` are in its tally but not in the list.
        if let low, low % w != 0 { total -= try indexCount(db, from: low / w * w, to: low) }
        if let endBucket { total += try indexCount(db, from: endBucket * w, to: high, before: key) }
        return total
    }

    func count(_ db: Database, cap: Int?) throws -> ItemCount {
        if isEmpty { return ItemCount(value: 0) }
        if text != nil { return try textCount(db, try search(db), before: nil, cap: cap) }
        return ItemCount(value: try count(db, before: nil))
    }

    /// Whether item `id` matches the filter.
    func matches(_ id: Int64, _ db: Database) throws -> Bool {
        if isEmpty { return false }
        let (sql, args) = itemConditions()
        return try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM item \(Self.whereClause(["item.id = ?"] + sql)))",
                                 arguments: StatementArguments([id] + args)) ?? false
    }
}

/// How a text search is answered, decided from the text index.
///
/// `item_text` indexes every three characters of each searched field (trigrams), each field
/// followed by two U+0001 so that any one or two characters begin an indexed trigram, and tags for
/// the item's kind, status, region, level and owner. A search of three characters or more is a
/// phrase of trigrams; a shorter one is any indexed trigram it begins. With the filter's tags, the
/// index counts the candidates within the filter without reading a row; `LIKE` on the row decides.
struct TextSearch: Equatable {
    enum Way: Equatable {
        /// No item can match.
        case nothing
        /// Few candidates: read and sort them.
        case sort
        /// Walk the queue's order keeping the candidates, so that only their rows are read.
        case walkCandidates
        /// Matches are common: walk the queue's order and check each row.
        case walk
    }

    var way: Way
    /// The text index query: the text and the filter's tags. `nil` when the index cannot narrow
    /// the text (a search holding U+0001, a non-Latin letter with case, one or two characters
    /// found in very many items).
    var match: String?
    /// The index's candidates are the matches, within the filter's tags (the case of letters outside
    /// ASCII aside, in the text searched).
    var exact = true
    /// The candidates' ids as a JSON array, when they are few (`sort`).
    var candidates: String?


    init(_ query: QueueQuery, _ db: Database) throws {
        let text = query.text ?? ""
        guard var part = try Self.phonePart(text, db, common: query.commonTrigram) else {
            self.init(way: .walk, match: nil)
            return
        }
        // A region named: its items are candidates too, by their region's tag.
        if let region = query.textRegion {
            let tag = "tags : \(Self.quoted(TextTags.tag(TextTags.region(region))))"
            part.query = part.query.isEmpty ? tag : "(\(part.query) OR \(tag))"
        }
        guard !part.query.isEmpty, let tags = try Self.tags(query.filter, db) else {
            self.init(way: .nothing, match: nil)
            return
        }
        let match = ([part.query] + tags).joined(separator: " AND ")
        // With more candidates than `probe`, walking the order checking each row finds a page
        // within about `walkRows` rows of the filter's (from the tally); with fewer, it keeps only
        // the candidates. Counting them further would cost more than it tells.
        var unfiltered = query
        unfiltered.text = nil
        let holds = try unfiltered.count(db, before: nil)
        let probe = min(query.walkLimit, max(query.sortLimit, holds / max(1, query.walkRows / 40)))
        let candidates = try Int64.fetchAll(db.cachedStatement(sql: "SELECT rowid FROM item_text WHERE item_text MATCH ? LIMIT ?"),
                                            arguments: [match, probe + 1])
        let way: Way = candidates.isEmpty ? .nothing : candidates.count <= query.sortLimit ? .sort
            : candidates.count <= probe ? .walkCandidates : .walk
        self.init(way: way, match: match, exact: part.exact,
                  candidates: way == .sort ? "[" + candidates.map(String.init).joined(separator: ",") + "]" : nil)
    }

    init(way: Way, match: String?, exact: Bool = true, candidates: String? = nil) {
        self.way = way
        self.match = match
        self.exact = exact
        self.candidates = candidates
    }

    static let textColumns = "{title requester_name requester_phone description}"

    /// The index query for the text and, when it is a phone number or part of one typed otherwise
    /// than its key (`0971-6464897`), for its key too (`09716464897`) in the phone's column, which
    /// holds each phone's key after it. The key's candidates are checked by `LIKE` on the key
    /// (`textCondition`): they are not taken as the matches.
    static func phonePart(_ text: String, _ db: Database, common: Int) throws -> (query: String, exact: Bool)? {
        guard let typed = try textPart(text, db, common: common) else { return nil }
        guard let key = PhoneNumber.searchKey(text), key != text else { return typed }
        guard let keyed = try textPart(key, db, common: common) else { return nil }
        if keyed.query.isEmpty { return typed }
        let phoneOnly = keyed.query.replacingOccurrences(of: textColumns, with: "{requester_phone}")
        if typed.query.isEmpty { return (phoneOnly, false) }
        return ("(\(typed.query) OR \(phoneOnly))", false)
    }

    /// One or two characters beginning more distinct trigrams than this are common.
    static let maxTerms = 40

    /// The index query for the text (empty when nothing can match), and whether its candidates
    /// are the matches (a phrase of eight characters or more is looked up from its first trigram
    /// in at most `common` items to its last); `nil` when the index cannot narrow it, or when one
    /// or two characters begin more than `maxTerms` trigrams (matches are then common).
    static func textPart(_ text: String, _ db: Database, common: Int) throws -> (query: String, exact: Bool)? {
        let scalars = Array(text.unicodeScalars)
        guard !scalars.contains("\u{1}") else { return nil }
        // The index folds letters to lower case as LIKE folds ASCII; a non-ASCII letter with case
        // is folded by the index but not by LIKE, so the index may then offer more than match.
        let foldable = scalars.allSatisfy { $0.isASCII || !$0.properties.changesWhenCaseMapped }
        if scalars.count >= 3 {
            guard foldable, scalars.count >= 8 else { return ("\(textColumns) : \(quoted(text))", foldable) }
            // A long phrase of common trigrams (a phone number's area code) costs the index dear:
            // look up the part from its first rarer trigram to its last, and let LIKE decide.
            let folded = Array(text.lowercased().unicodeScalars)
            var rare: [Int] = []
            for start in 0...(folded.count - 3) {
                let trigram = String(String.UnicodeScalarView(folded[start..<(start + 3)]))
                let items = try Int.fetchOne(db.cachedStatement(sql: """
                    SELECT count(*) FROM (SELECT rowid FROM item_text WHERE item_text MATCH ? LIMIT ?)
                    """), arguments: ["\(textColumns) : \(quoted(trigram))", common + 1]) ?? 0
                if items == 0 { return ("", true) }
                if items <= common { rare.append(start) }
            }
            guard let first = rare.first, let last = rare.last, first > 0 || last < folded.count - 3 else {
                return ("\(textColumns) : \(quoted(text))", true)
            }
            return ("\(textColumns) : \(quoted(String(String.UnicodeScalarView(folded[first..<(last + 3)]))))", false)
        }
        guard foldable else { return nil }
        let prefix = text.lowercased()
        // Reading the index's terms costs as much as their items: stop at a few dozen, which means
        // the characters are common.
        let terms = try String.fetchAll(db.cachedStatement(sql: """
            SELECT term FROM item_text_terms WHERE term >= ? AND term < ? LIMIT \(maxTerms + 1)
            """), arguments: [prefix, prefix + "\u{10FFFF}"]).filter { $0.hasPrefix(prefix) }
        if terms.count > maxTerms { return nil }
        if terms.isEmpty { return ("", true) }
        return ("\(textColumns) : (\(terms.map(quoted).joined(separator: " OR ")))", true)
    }

    /// The tags every item of the filter carries that narrow the search; `nil` when no item can
    /// match (mine, for someone not on the staff list). A tag that more than half the items carry
    /// (read from the tally) narrows little and costs the index more than it saves: it is left out.
    static func tags(_ f: ItemFilter, _ db: Database) throws -> [String]? {
        var tags: [(tag: String, condition: String, arguments: [any DatabaseValueConvertible])] = []
        func add(_ codes: [Int], _ condition: String, _ arguments: [any DatabaseValueConvertible] = []) {
            tags.append(("tags : (\(codes.sorted().map { quoted(TextTags.tag($0)) }.joined(separator: " OR ")))", condition, arguments))
        }
        if !f.kinds.isEmpty {
            let kinds = f.kinds.map(\.rawValue).sorted()
            add(f.kinds.map(TextTags.kind), "kind IN (\(databaseQuestionMarks(count: kinds.count)))", kinds)
        }
        if !f.statuses.isEmpty {
            let statuses = f.statuses.map(\.rawValue).sorted()
            add(f.statuses.map(TextTags.status), "status IN (\(databaseQuestionMarks(count: statuses.count)))", statuses)
        }
        if f.activeOnly || f.overdueAt != nil { add([TextTags.active], "status <> 'closed'") }
        if let region = f.region { add([TextTags.region(region)], "region = ?", [region.rawValue]) }
        if let level = f.level { add([TextTags.level(level)], "level = ?", [level.rawValue]) }
        if let me = f.mine {
            guard let row = try Int64.fetchOne(db.cachedStatement(sql: "SELECT rowid FROM staff WHERE username = ? AND rowid < 4096"),
                                               arguments: [me]) else { return nil }
            add([TextTags.owner + Int(row)], "owner = ?", [me])
        }
        guard !tags.isEmpty else { return [] }
        let shares = try Row.fetchOne(db.cachedStatement(sql: """
            SELECT coalesce(sum(n), 0)\(tags.map { ", coalesce(sum(CASE WHEN \($0.condition) THEN n END), 0)" }.joined()) FROM queue_tally
            """), arguments: StatementArguments(tags.flatMap(\.arguments)))
        let all: Int = shares?[0] ?? 0
        return tags.enumerated().filter { n, _ in (shares?[n + 1] as Int? ?? 0) * 2 <= all }.map(\.element.tag)
    }

    /// An FTS5 string: in double quotes, a double quote doubled.
    static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}

/// The text index's tags: U+E0FF, one character for the value, U+E0FE. Each value's character is
/// its group's base plus its code here; the codes are the one table the searches, the rebuild and
/// the migration "v7: stored queue order, tallies, KPI summaries, text index" all take them from.
enum TextTags {
    static let start = 0xE0FF
    static let end = 0xE0FE

    static func tag(_ code: Int) -> String {
        String(String.UnicodeScalarView([Unicode.Scalar(UInt32(start))!, Unicode.Scalar(UInt32(code))!, Unicode.Scalar(UInt32(end))!]))
    }

    static let kindBase = 0xE100

    /// A kind's code in its tag. Stored in every database's index: a code never changes, and a new
    /// kind takes the next one.
    static func code(_ kind: ItemKind) -> Int {
        switch kind {
        case .general: return 1
        case .special: return 2
        case .requirement: return 3
        case .fault: return 4
        case .task: return 5
        case .change: return 6
        case .delivery: return 7
        case .training: return 8
        case .inspection: return 9
        }
    }

    static func kind(_ kind: ItemKind) -> Int { kindBase + code(kind) }

    static let statusBase = 0xE200
    /// The statuses the text index's triggers knew before waiting and merged (v7 to v15).
    static let statusesOfV7: [ItemStatus] = [.open, .responded, .assessed, .closed]

    static func code(_ status: ItemStatus) -> Int {
        switch status {
        case .open: return 1
        case .responded: return 2
        case .assessed: return 3
        case .closed: return 4
        case .waiting: return 5
        case .merged: return 6
        }
    }

    static func status(_ status: ItemStatus) -> Int { statusBase + code(status) }

    static let active = 0xE300

    static let regionBase = 0xE400

    static func code(_ region: Region) -> Int {
        switch region {
        case .xining: return 1
        case .haidong: return 2
        case .hainan: return 3
        case .huangnan: return 4
        case .yushu: return 5
        case .guoluo: return 6
        case .haixi: return 7
        case .haibei: return 8
        case .shengzhishu: return 9
        }
    }

    static func region(_ region: Region) -> Int { regionBase + code(region) }

    static let levelBase = 0xE500

    static func level(_ level: FaultLevel) -> Int { levelBase + level.rawValue }

    /// Plus the staff row's rowid.
    static let owner = 0xE600

    /// The kinds the migration "v7" tagged: its triggers know these. A kind added since is tagged by
    /// a later migration that makes the triggers again with every kind; v7's text stays as shipped.
    static let kindsOfV7: [ItemKind] = [.general, .special, .requirement, .fault, .task, .change, .delivery, .training, .inspection]

    /// What the text index holds for the item row `r` (`item`, `NEW`, `OLD`), as SQL: the four
    /// searched fields, each followed by two U+0001 (the phone then its key, `phoneKey`), and the
    /// tags of `kinds`, status, active, region, level and owner (the staff row's rowid, below
    /// 4096), each one trigram. The migration "v7" stored this text without the phone's key in its
    /// triggers, laid out as here (a test holds it to what was shipped).
    static func indexedText(_ r: String, kinds: [ItemKind] = ItemKind.allCases, phoneKey: Bool = true,
                            statuses: [ItemStatus] = TextTags.statusesOfV7) -> String {
        func whens<T>(_ values: [T], _ name: (T) -> String, _ code: (T) -> Int) -> [String] {
            values.sorted { code($0) < code($1) }.map { "WHEN '\(name($0))' THEN \(code($0))" }
        }
        let kinds = whens(kinds, \.rawValue, code)
        let statuses = whens(statuses, \.rawValue, code)
        let regions = whens(Region.allCases, \.rawValue, code)
        func line(_ w: ArraySlice<String>) -> String { w.joined(separator: " ") }
        let key = phoneKey ? " || coalesce(\(r).requester_phone_key, '') || char(1, 1)" : ""
        return """
            \(r).title || char(1, 1), coalesce(\(r).requester_name, '') || char(1, 1),
            coalesce(\(r).requester_phone, '') || char(1, 1)\(key), \(r).description || char(1, 1),
            char(\(start), \(kindBase) + CASE \(r).kind \(line(kinds[..<3]))
                \(line(kinds[3..<8]))
                \(line(kinds[8...])) ELSE 0 END, \(end))
            || char(\(start), \(statusBase) + CASE \(r).status \(line(statuses[..<3]))
                \(line(statuses[3...])) ELSE 0 END, \(end))
            || CASE WHEN \(r).status <> 'closed' THEN char(\(start), \(active), \(end)) ELSE '' END
            || CASE WHEN \(r).region IS NULL THEN '' ELSE char(\(start), \(regionBase) + CASE \(r).region \(line(regions[..<1]))
                \(line(regions[1..<6]))
                \(line(regions[6...])) ELSE 0 END, \(end)) END
            || CASE WHEN \(r).level IS NULL THEN '' ELSE char(\(start), \(levelBase) + \(r).level, \(end)) END
            || coalesce((SELECT char(\(start), \(owner) + staff.rowid, \(end)) FROM staff
                         WHERE staff.username = \(r).owner AND staff.rowid < 4096), '')
            """
    }
}
