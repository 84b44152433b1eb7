import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

/// Choices for the random desk, from the demo data's deterministic generator.
extension SplitMix64 {
    mutating func int(_ n: Int) -> Int { next(upTo: n) }
    mutating func pick<T>(_ list: [T]) -> T { list[next(upTo: list.count)] }
    mutating func chance(_ p: Double) -> Bool { Double(next() % 1_000_000) / 1_000_000 < p }
}

/// A desk after ten weeks of random work: tickets and faults of every kind taken in by three people,
/// answered, resolved, assessed, assigned, raised, lowered, restored and reopened.
struct RandomDesk {
    let db: AppDatabase
    let ctx: Context

    static let titles = ["Ukey证书过期无法登录", "批量导入工资数据格式报错", "打印机无法连接", "社保卡 ABC 查询", "待遇核定 100% 完成",
                         "导出Excel报表中文乱码", "养老金测算结果不一致", "x", "Überweisung ÄNDERN"]
    static let names = ["王建华", "扎西顿珠", "李娜", "Zhang Wei", nil]
    static let phones = ["0971-6100000", "0971-6123456", "13897000101", nil]
    static let descriptions = ["", "用户急需办理，请优先处理。", "经办人员电话反映，已远程查看现象并截图留存。", "abc_DEF"]

    init(seed: UInt64, items: Int = 240, operations: Int = 700) throws {
        let (db, ctx) = try makeDatabase()
        self.db = db
        self.ctx = ctx
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        try db.addStaff(StaffMember(username: "wangfang", name: "王芳", role: .onsite), ctx)
        var r = SplitMix64(seed: seed)
        let actors = ["zhaolei", "lina", "wangfang"]
        func context(_ actor: String) -> Context {
            var c = ctx
            c.actor = actor
            return c
        }
        var ids: [Int64] = []
        for _ in 0..<items {
            let at = ctx.now.addingTimeInterval(-Double(r.int(70 * 86_400)))
            let who = context(r.pick(actors))
            if r.chance(0.2) {
                let fault = NewFault(level: r.pick(FaultLevel.allCases), region: r.pick([.xining, .yushu, .haidong]),
                                     title: r.pick(Self.titles), description: r.pick(Self.descriptions))
                ids.append(try db.addFault(fault, at: at, who).id!)
            } else {
                let new = NewCase(kind: r.pick(CaseKind.allCases), channel: r.pick([.phone, .wechat]),
                                  region: r.pick([.xining, .yushu, .haidong]), title: r.pick(Self.titles),
                                  description: r.pick(Self.descriptions), requesterName: r.pick(Self.names),
                                  requesterPhone: r.pick(Self.phones))
                ids.append(try db.addCase(new, at: at, who).id!)
            }
        }
        for _ in 0..<operations {
            let id = r.pick(ids)
            let item = try db.item(id)
            let span = ctx.now.timeIntervalSince(item.receivedAt)
            let at = item.receivedAt.addingTimeInterval(span * Double(r.int(1000)) / 1000)
            let who = context(r.pick(actors))
            let boss = context("zhaolei")
            do {
                switch r.int(9) {
                case 0: try db.respond(id, note: "已回复", at: at, who)
                case 1: try db.resolve(id, cause: r.pick(["原因", " "]), solution: "方案", at: at, who)
                case 2: try db.assess(id, due: at.addingTimeInterval(Double(1 + r.int(20)) * 86_400), agreedWith: "王工", at: at, who)
                case 3: try db.assign(id, to: r.pick(["lina", "wangfang"]), at: at, who)
                case 4: try db.raise(id, to: r.pick(FaultLevel.allCases), reason: "影响扩大", at: at, who)
                case 5: try db.lower(id, to: r.pick(FaultLevel.allCases), reason: "影响缩小", at: at, boss)
                case 6: try db.restore(id, cause: "原因", solution: "方案", mode: .remote, at: at, who)
                case 7: try db.reopen(id, reason: "未解决", at: at, boss)
                default: try db.resolve(id, cause: "原因", solution: "方案", at: at, who)
                }
            } catch is StoreError {
                // Not allowed for this item (a fault answered as a ticket, a level not above): skipped.
            }
        }
        // Items written and removed outside the operations (a bulk load, a repair) keep the
        // summaries too.
        try db.writer.write { conn in
            for n in 0..<3 {
                var item = WorkItem(kind: .general, status: n == 0 ? .closed : .open, title: "临时", region: .xining, channel: .phone,
                                    receivedAt: ctx.now.addingTimeInterval(-86_400), dueAt: ctx.now.addingTimeInterval(Double(n) * 3600),
                                    closedAt: n == 0 ? ctx.now : nil, cause: n == 0 ? "c" : nil, solution: n == 0 ? "s" : nil,
                                    createdAt: ctx.now, createdBy: "zhaolei")
                try item.insert(conn)
                if n < 2 { try conn.execute(sql: "DELETE FROM item WHERE id = ?", arguments: [item.id]) }
            }
        }
    }

    /// Every item, read without the queue's machinery.
    func allItems() throws -> [WorkItem] {
        try db.read { try WorkItem.fetchAll($0, sql: "SELECT * FROM item") }
    }
}

// MARK: What the store must agree with

/// The queue's order as the domain states it: active items by the deadline still held to (none
/// last), then closed items, latest closed first; ties by deadline, then id.
func queueOrder(_ a: WorkItem, _ b: WorkItem) -> Bool {
    func key(_ i: WorkItem) -> [Int64] {
        let deadline = i.openDeadline.map { Int64($0.timeIntervalSince1970) }
        let deadlineKey: [Int64] = [deadline == nil ? 1 : 0, deadline ?? 0]
        if i.status == .closed { return [1, -Int64(i.closedAt!.timeIntervalSince1970)] + deadlineKey + [i.id!] }
        return [0, 0] + deadlineKey + [i.id!]
    }
    return key(a).lexicographicallyPrecedes(key(b))
}

/// `LIKE '%text%'`: Latin letters without case, anything else as written.
func likeContains(_ field: String, _ text: String) -> Bool {
    func fold(_ s: String) -> [UInt8] { Array(s.utf8).map { $0 >= 65 && $0 <= 90 ? $0 + 32 : $0 } }
    let f = fold(field), t = fold(text)
    guard t.count <= f.count else { return false }
    return (0...(f.count - t.count)).contains { Array(f[$0..<($0 + t.count)]) == t }
}

func matches(_ i: WorkItem, _ f: ItemFilter) -> Bool {
    if !f.kinds.isEmpty && !f.kinds.contains(i.kind) { return false }
    if !f.statuses.isEmpty && !f.statuses.contains(i.status) { return false }
    if (f.activeOnly || f.overdueAt != nil) && i.status == .closed { return false }
    if let region = f.region, i.region != region { return false }
    if let level = f.level, i.level != level { return false }
    if let me = f.mine, (i.assignee ?? i.takenBy) != me { return false }
    if let now = f.overdueAt, !i.isOverdue(at: now) { return false }
    if let text = f.text, !text.isEmpty {
        let fields = [i.title, i.requesterName ?? "", i.requesterPhone ?? "", i.description]
        if !fields.contains(where: { likeContains($0, text) }) { return false }
    }
    return true
}

/// The service-level counts as the contract defines them, item by item.
func referenceCounts(_ items: [WorkItem], _ period: Period, now: Date) -> KPICounts {
    let (start, end) = period.interval
    var c = KPICounts()
    for i in items {
        if let due = i.dueAt, due >= start, due < end {
            let met = i.ruleEventAt.map { $0 <= due } ?? false ? 1 : 0
            let decided = i.ruleEventAt != nil || due < now ? 1 : 0
            switch i.kind {
            case .general, .special:
                c.caseMet += met
                c.caseDecided += decided
            case .task:
                c.tasksOnTime += met
                c.tasksDue += decided
            case .change:
                c.changesOnTime += met
                c.changesDue += decided
            case .fault:
                c.faultsOnTime[i.level!, default: 0] += met
                c.faultsDecided[i.level!, default: 0] += decided
            default: break
            }
        }
        if let closed = i.closedAt, closed >= start, closed < end {
            c.closed += 1
            if i.cause.nonBlank != nil && i.solution.nonBlank != nil { c.closedComplete += 1 }
            if i.kind == .task { c.tasksCompleted += 1 }
            if i.kind == .delivery { c.deliveries += 1 }
        }
    }
    return c
}

/// Filters of every shape the command line and the console make.
func filterMatrix(now: Date) -> [ItemFilter] {
    let cases = ItemFilter.cases
    return [
        ItemFilter(),
        ItemFilter(kinds: cases),
        ItemFilter(kinds: cases, activeOnly: true),
        ItemFilter(kinds: [.fault]),
        ItemFilter(kinds: [.fault], activeOnly: true),
        ItemFilter(kinds: [.fault], level: .two),
        ItemFilter(kinds: [.general]),
        ItemFilter(kinds: [.requirement], statuses: [.assessed]),
        ItemFilter(kinds: [.special], statuses: [.responded]),
        ItemFilter(statuses: [.closed]),
        ItemFilter(kinds: cases, statuses: [.closed]),
        ItemFilter(statuses: [.open, .responded]),
        ItemFilter(activeOnly: true),
        ItemFilter(region: .yushu),
        ItemFilter(kinds: cases, region: .haidong),
        ItemFilter(kinds: cases, statuses: [.closed], region: .xining),
        ItemFilter(mine: "lina"),
        ItemFilter(kinds: cases, activeOnly: true, mine: "wangfang"),
        ItemFilter(kinds: [.fault], mine: "zhaolei"),
        ItemFilter(mine: "nobody"),
        ItemFilter(overdueAt: now),
        ItemFilter(kinds: cases, overdueAt: now),
        ItemFilter(kinds: [.fault], overdueAt: now),
        ItemFilter(kinds: cases, region: .yushu, overdueAt: now),
        ItemFilter(kinds: [.general, .fault]),
        ItemFilter(kinds: cases, statuses: [.closed], activeOnly: true),
        ItemFilter(text: "ukey"),
        ItemFilter(kinds: cases, activeOnly: true, text: "社保"),
        ItemFilter(kinds: cases, text: "0971"),
    ]
}

@Suite("Fast reads at any size")
struct FastReadTests {
    @Test func listsFollowTheDomainsOrderForEveryFilter() throws {
        let desk = try RandomDesk(seed: 11)
        let all = try desk.allItems().sorted(by: queueOrder)
        for filter in filterMatrix(now: desk.ctx.now) {
            let expected = all.filter { matches($0, filter) }
            let ids = expected.map(\.id!)
            let label = "\(filter)"
            #expect(try desk.db.items(filter).map(\.id!) == ids, "\(label)")
            #expect(try desk.db.count(filter) == ids.count, "\(label)")
            #expect(try desk.db.count(filter, cap: 10_000) == ItemCount(value: ids.count), "\(label)")
            // Pages at every depth, by offset and by key, both ways.
            for offset in [0, 1, 7, 40, 99, ids.count / 2, max(0, ids.count - 3), ids.count, ids.count + 5] {
                var page = filter
                page.offset = offset
                page.limit = 7
                let slice = Array(ids.dropFirst(offset).prefix(7))
                #expect(try desk.db.items(page).map(\.id!) == slice, "\(label) offset \(offset)")
            }
            var window = filter
            window.offset = 3
            window.limit = 5
            #expect(try desk.db.page(window, countCap: 1_000) == ItemListPage(items: try desk.db.items(window), total: ItemCount(value: ids.count)),
                    "\(label) page")
            for (n, id) in ids.enumerated() where n % 5 == 0 || n == ids.count - 1 {
                var page = filter
                page.limit = 6
                #expect(try desk.db.items(page, after: id).map(\.id!) == Array(ids.dropFirst(n + 1).prefix(6)), "\(label) after #\(id)")
                #expect(try desk.db.items(page, before: id).map(\.id!) == Array(ids.prefix(n).suffix(6)), "\(label) before #\(id)")
                #expect(try desk.db.position(of: id, in: filter) == n, "\(label) position of #\(id)")
            }
            for item in all.prefix(40) where !matches(item, filter) {
                #expect(try desk.db.position(of: item.id!, in: filter) == nil, "\(label) position of #\(item.id!)")
            }
        }
    }

    @Test func searchFindsWhatLikeFindsWithOrWithoutTheTextIndex() throws {
        let desk = try RandomDesk(seed: 5, items: 150, operations: 300)
        let all = try desk.allItems().sorted(by: queueOrder)
        // A long phone number is looked up by its rarer part: its area code is in many items.
        var phone = QueueQuery(ItemFilter(text: "0971-6123456"))
        phone.commonTrigram = 40
        let search = try desk.db.read { db in try TextSearch(phone, db) }
        #expect(!search.exact)
        let terms = ["ukey", "UKEY", "证书", "书", "社保卡", "ABC", "abc_", "0971", "139", "扎西", "a", "x", "无此内容", "100%", "0%%",
                     "_", "%", "报错", "乱码\u{1}", "Zhang W", "\"", "E", "0971-6100000", "Ukey证书过期", "处理。", "Ä", "ä", "Über", "über", "ÄND",
                     "批量导入工资数据格式报错", "13897000101", "0971-6123456", "请优先处理。", "经办人员电话反映，已远程"]
        for text in terms {
            for base in [ItemFilter(), ItemFilter(kinds: ItemFilter.cases, activeOnly: true), ItemFilter(kinds: [.fault], region: .yushu),
                         ItemFilter(statuses: [.closed], mine: "lina"), ItemFilter(kinds: [.fault], level: .two, overdueAt: desk.ctx.now),
                         ItemFilter(statuses: [.open, .responded]), ItemFilter(mine: "nobody")] {
                var filter = base
                filter.text = text
                let ids = all.filter { matches($0, filter) }.map(\.id!)
                // Sorting the text index's candidates (few), walking the order keeping them (more),
                // walking it checking each row (many), and counting from the index.
                // A long phrase is looked up whole, or by its rarer part.
                for (sortLimit, walkLimit, walkRows, common) in [(2_000, 20_000, 5_000, 5_000), (0, 20_000, 1, 5_000), (0, 0, 1, 5_000),
                                                                 (10, 20_000, 5_000, 5_000), (2_000, 20_000, 5_000, 40), (0, 20_000, 1, 40)] {
                    var query = QueueQuery(filter)
                    query.sortLimit = sortLimit
                    query.walkLimit = walkLimit
                    query.walkRows = walkRows
                    query.commonTrigram = common
                    let label = "\(text) in \(base), limits \(sortLimit), \(walkLimit), \(walkRows), \(common)"
                    if sortLimit == 2_000 && common == 5_000 {
                        var window = filter
                        window.offset = 3
                        window.limit = 4
                        let page = try desk.db.page(window, countCap: 5)
                        #expect(page.items.map(\.id!) == Array(ids.dropFirst(3).prefix(4)), "\(label) page")
                        #expect(page.total.isLowerBound ? page.total.value == 5 && ids.count > 5 : page.total.value == ids.count, "\(label) page")
                        if let after = ids.first {
                            let next = try desk.db.page(window, after: after, countCap: 5)
                            #expect(next.items.map(\.id!) == Array(ids.dropFirst(1).prefix(4)), "\(label) page after")
                        }
                    }
                    try desk.db.read { db in
                        #expect(try query.items(db, offset: 0, limit: nil).map(\.id!) == ids, "\(label)")
                        #expect(try query.items(db, offset: 3, limit: 4).map(\.id!) == Array(ids.dropFirst(3).prefix(4)), "\(label)")
                        #expect(try query.count(db, cap: nil) == ItemCount(value: ids.count), "\(label)")
                        let capped = try query.count(db, cap: 5)
                        #expect(capped == (ids.count > 5 ? ItemCount(value: 5, isLowerBound: true) : ItemCount(value: ids.count)), "\(label)")
                        if let id = ids.dropFirst(2).first {
                            let key = try #require(try QueueQuery.key(of: id, db))
                            #expect(try query.items(db, after: key, limit: 3).map(\.id!) == Array(ids.dropFirst(3).prefix(3)), "\(label)")
                            #expect(try query.items(db, before: key, limit: 3).map(\.id!) == Array(ids.prefix(2)), "\(label)")
                            #expect(try query.count(db, before: key) == 2, "\(label)")
                        }
                    }
                }
            }
        }
    }

    @Test func summariesEqualARecountAfterRandomWork() throws {
        for seed: UInt64 in [1, 2, 3] {
            let desk = try RandomDesk(seed: seed)
            #expect(try desk.db.checkSummaries() == [], "seed \(seed)")
            let before = try summaryRows(desk.db)
            let terms = try textIndexTerms(desk.db)
            try desk.db.writer.write { try AppDatabase.rebuildSummaries($0) }
            #expect(try summaryRows(desk.db) == before, "seed \(seed): a rebuild gives what the triggers kept")
            #expect(try textIndexTerms(desk.db) == terms, "seed \(seed): the text index too")
            #expect(try desk.db.checkSummaries() == [], "seed \(seed)")
        }
    }

    @Test func aSummaryThatDriftedIsFoundAndARebuildMendsIt() throws {
        let desk = try RandomDesk(seed: 4, items: 60, operations: 100)
        try desk.db.writer.write { db in
            try db.execute(sql: "UPDATE queue_tally SET n = n + 1 WHERE bucket = (SELECT max(bucket) FROM queue_tally)")
            try db.execute(sql: "DELETE FROM kpi_closed_day")
            try db.execute(sql: "UPDATE fault_day SET in_time = in_time + 1 WHERE day = (SELECT max(day) FROM fault_day)")
            try db.execute(sql: "INSERT INTO item_text (item_text) VALUES ('delete-all')")
        }
        let found = try desk.db.checkSummaries()
        #expect(found.map(\.summary) == ["queue_tally", "kpi_closed_day", "fault_day", "item_text"])
        #expect(found.first.map { $0.extra > 0 && $0.extra == $0.missing } == true)
        #expect(found.last == SummaryMismatch(summary: "item_text", extra: 0, missing: 61))
        try desk.db.writer.write { try AppDatabase.rebuildSummaries($0) }
        #expect(try desk.db.checkSummaries() == [])
    }

    @Test func serviceLevelsFromTheSummariesEqualTheDefinitions() throws {
        let desk = try RandomDesk(seed: 8)
        let all = try desk.allItems()
        let periods: [Period] = [.month(year: 2021, month: 9), .month(year: 2021, month: 10), .month(year: 2021, month: 11),
                                 .month(year: 2021, month: 12)] + (38...48).map { .week(year: 2021, week: $0) }
        let nows = ["2021-11-23T16:00:00+08:00", "2021-11-23T09:30:00+08:00", "2021-11-22T23:59:59+08:00",
                    "2021-11-24T00:00:00+08:00", "2021-10-01T00:00:00+08:00", "2021-12-20T12:00:00+08:00"].map(t)
        for period in periods {
            for now in nows {
                let counts = try desk.db.kpiCounts(period, now: now)
                #expect(counts.figures == referenceCounts(all, period, now: now).figures, "\(period) at \(BeijingTime.iso(now))")
            }
        }
    }

    @Test func theGeneratedColumnsFollowTheDomain() throws {
        let desk = try RandomDesk(seed: 9, items: 120, operations: 300)
        try desk.db.read { db in
            for row in try Row.fetchAll(db, sql: "SELECT *, rule_event_at, deadline_key, queue_key, owner FROM item") {
                let item = try WorkItem(row: row)
                #expect(row["rule_event_at"] as Int64? == item.ruleEventAt?.dbSeconds, "#\(item.id!)")
                #expect(row["deadline_key"] as Int64 == item.openDeadline?.dbSeconds ?? 1_000_000_000_000, "#\(item.id!)")
                #expect(row["owner"] as String? == item.assignee ?? item.takenBy, "#\(item.id!)")
                let queue: Int64 = row["queue_key"]
                #expect(item.status == .closed ? queue > QueueQuery.activeLimit : queue < QueueQuery.activeLimit)
            }
        }
        // The SQL that names the rule event, built from the domain, is the generated column's.
        #expect(AppDatabase.ruleEventSQL == "CASE kind WHEN 'special' THEN first_response_at ELSE closed_at END")
    }

    @Test func everyQueueListReadsItsOrderFromAnIndex() throws {
        let (db, ctx) = try makeDatabase()
        let someKey = QueueQuery.Key(queue: 1_700_000_000, deadline: 1_700_000_000, id: 42)
        var filters = filterMatrix(now: ctx.now).filter { $0.text == nil }
        filters.append(ItemFilter(kinds: ItemFilter.cases, activeOnly: true, text: "社保"))  // walking the order
        try db.read { conn in
            for filter in filters {
                let q = QueueQuery(filter)
                let expectedIndex = filter.mine != nil ? "item_queue_owner" : filter.kinds.count == 1 ? "item_queue_kind" : "item_queue"
                let shapes: [(String, [String], [any DatabaseValueConvertible], Bool)] = [
                    ("first page", q.itemConditions().0, q.itemConditions().1, false),
                    ("deep page", q.itemConditions(range: (1_700_000_000, q.high)).0, q.itemConditions(range: (1_700_000_000, q.high)).1, false),
                    ("after a key", q.itemConditions(after: someKey).0, q.itemConditions(after: someKey).1, false),
                    ("before a key", q.itemConditions(before: someKey).0, q.itemConditions(before: someKey).1, true),
                ]
                for (shape, conditions, args, descending) in shapes {
                    let plan = try explain(conn, q.pageSQL(conditions, descending: descending), args + [40, 0])
                    #expect(!plan.contains("TEMP B-TREE"), "\(filter) \(shape): \(plan)")
                    #expect(indexes(plan) == [expectedIndex], "\(filter) \(shape): \(plan)")
                }
                // Counting a week at either end reads a range of the index (SQLite 3.40 does not call an
                // index with a generated column covering, but reads the filter's columns from it).
                let (sql, args) = q.itemConditions(range: (1_700_000_000, 1_700_600_000), withText: false)
                let count = try explain(conn, "SELECT count(*) FROM item INDEXED BY \(q.index) \(QueueQuery.whereClause(sql))", args)
                #expect(count.contains("queue_key>? AND queue_key<?"), "\(filter) count: \(count)")
            }
        }
    }

    @Test func migratingAnOlderDatabaseFillsTheDerivedTables() throws {
        let queue = try DatabaseQueue()
        let now = t("2021-11-23T16:00:00+08:00")
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(6) {
                try migration.migrate(db)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(db)
            for n in 0..<30 {
                let closed = n % 3 == 0
                let item = WorkItem(kind: n % 4 == 0 ? .fault : .general, status: closed ? .closed : .open, title: "工单 \(n) 社保",
                                    region: .xining, channel: .phone, takenBy: "zhaolei", level: n % 4 == 0 ? .two : nil,
                                    receivedAt: now.addingTimeInterval(-Double(n) * 86_400),
                                    dueAt: now.addingTimeInterval(Double(10 - n) * 43_200),
                                    closedAt: closed ? now.addingTimeInterval(-Double(n) * 3_600) : nil,
                                    cause: closed ? "c" : nil, solution: closed ? "s" : nil, createdAt: now, createdBy: "zhaolei")
                // The columns the seventh migration's table has: the phone's key came later.
                var values = try item.databaseDictionary
                values.removeValue(forKey: "requester_phone_key")
                let columns = values.keys.sorted()
                try db.execute(sql: "INSERT INTO item (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                               arguments: StatementArguments(columns.map { values[$0]! }))
            }
        }
        let db = try AppDatabase(queue)
        #expect(try db.checkSummaries() == [])
        let all = try db.read { try WorkItem.fetchAll($0, sql: "SELECT * FROM item") }.sorted(by: queueOrder)
        #expect(try db.items(ItemFilter()).map(\.id) == all.map(\.id))
        #expect(try db.count(ItemFilter(activeOnly: true)) == all.filter { $0.status != .closed }.count)
        #expect(try db.count(ItemFilter(text: "社保")) == 30)
        #expect(try db.kpiCounts(.month(year: 2021, month: 11), now: now).figures
            == referenceCounts(all, .month(year: 2021, month: 11), now: now).figures)
    }
}

/// Every term of the text index with the number of items and occurrences.
func textIndexTerms(_ db: AppDatabase) throws -> [String] {
    try db.read { conn in try Row.fetchAll(conn, sql: "SELECT term, doc, cnt FROM item_text_terms ORDER BY term").map { "\($0)" } }
}

func summaryRows(_ db: AppDatabase) throws -> [String] {
    try db.read { conn in
        try AppDatabase.summaryRecounts.flatMap { summary in
            try Row.fetchAll(conn, sql: "SELECT \(summary.columns) FROM \(summary.table) ORDER BY \(summary.columns)").map { "\(summary.table) \($0)" }
        }
    }
}

/// The indexes a query plan names.
func indexes(_ plan: String) -> [String] {
    let words = plan.split(whereSeparator: { $0 == " " || $0 == ";" }).map(String.init)
    return zip(words, words.dropFirst()).filter { $0.0 == "INDEX" }.map(\.1)
}

func explain(_ db: Database, _ sql: String, _ args: [any DatabaseValueConvertible]) throws -> String {
    try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN " + sql, arguments: StatementArguments(args))
        .map { $0["detail"] as String }.joined(separator: "; ")
}
