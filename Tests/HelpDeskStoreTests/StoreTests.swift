import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

/// A folder of its own for one test, removed after it.
final class Folder {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-test-\(UUID().uuidString)")
    init() { try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true) }
    deinit { try? FileManager.default.removeItem(at: url) }
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// A fresh in-memory database, with `now` on a Tuesday afternoon.
func makeDatabase() throws -> (AppDatabase, Context) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    return (db, Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00")))
}

/// Expects `body` to be refused as invalid input, with this English message.
func expectInvalid(_ english: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("not refused; expected: \(english)", sourceLocation: sourceLocation)
    } catch let error as StoreError {
        guard case .invalid = error else {
            Issue.record("refused otherwise: \(error)", sourceLocation: sourceLocation)
            return
        }
        #expect(error.description == english, sourceLocation: sourceLocation)
    } catch {
        Issue.record("unexpected error: \(error)", sourceLocation: sourceLocation)
    }
}

let sampleCase = NewCase(kind: .general, channel: .phone, region: .xining, title: "养老金测算结果不一致",
                         requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000")

@Suite("CASE tickets in the store")
struct CaseStoreTests {
    @Test func storesTheDeadlineWithItsCalendarVersion() throws {
        let (db, ctx) = try makeDatabase()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T15:00:00+08:00"), ctx)
        let stored = try db.item(item.id!)
        #expect(BeijingTime.iso(stored.dueAt!) == "2021-11-24T18:00:00+08:00")
        #expect(stored.calendarVersion == "cn-holidays 2004-2026 r0; hours 09:00-18:00")
        #expect(stored.takenBy == "zhaolei")
        #expect(stored.status == .open)
    }

    @Test func specialCasesCountFromConfirmation() throws {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.kind = .special
        let item = try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(BeijingTime.iso(item.dueAt!) == "2021-11-24T10:00:00+08:00")
        #expect(item.confirmedAt == t("2021-11-23T10:00:00+08:00"))
    }

    @Test func requirementsHaveNoDeadlineUntilAssessed() throws {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.kind = .requirement
        let item = try db.addCase(c, at: t("2021-11-22T10:00:00+08:00"), ctx)
        #expect(item.dueAt == nil)
        #expect(throws: StoreError.self) {
            try db.resolve(item.id!, cause: "c", solution: "s", at: ctx.now, ctx)
        }
        let assessed = try db.assess(item.id!, due: t("2021-12-01T18:00:00+08:00"), agreedWith: "王建华", size: "5人天",
                                     at: t("2021-11-23T11:00:00+08:00"), ctx)
        #expect(assessed.status == .assessed)
        #expect(assessed.agreedWith == "王建华")
        #expect(assessed.agreedAt == t("2021-11-23T11:00:00+08:00"))
        #expect(assessed.sizeEstimate == "5人天")
    }

    @Test func aMalformedPhoneIsRefused() throws {
        let (db, ctx) = try makeDatabase()
        let accepted = "accepted: 0971-6464897, (0971)6464897, 6464897, 13800000000, +86 138 0000 0000, 12333, an extension after 转, ext, x or -"
        for (phone, why) in [("call me", "'c' has no place in a phone number"), ("1234", "only 4 digits; at least 5"),
                             ("0971/6100000", "'/' has no place in a phone number")] {
            var c = sampleCase
            c.requesterPhone = phone
            expectInvalid("--phone: '\(phone)' is not a phone number: \(why); \(accepted)") {
                try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx)
            }
        }
        #expect(try db.count(ItemFilter()) == 0)
        var c = sampleCase
        c.requesterPhone = "  +86 971 555 0100 "
        #expect(try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx).requesterPhone == "+86 971 555 0100")
        c.requesterPhone = " "
        // No phone given: the requester's from the directory (王建华 of 西宁市社保局 joined it with the ticket above).
        #expect(try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx).requesterPhone == "+86 971 555 0100")
        c.requesterOffice = "海东市社保局"
        #expect(try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx).requesterPhone == nil)

        #expect(throws: StoreError.self) { try db.addStaff(StaffMember(username: "lina", name: "李娜", phone: "x", role: .onsite), ctx) }
        try db.addStaff(StaffMember(username: "lina", name: "李娜", phone: "13800000003", role: .onsite), ctx)
        #expect(try db.member("lina")?.phone == "13800000003")
    }

    @Test func closingNeedsCauseAndSolution() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        for (cause, solution) in [("", "s"), ("c", " "), ("", "")] {
            #expect(throws: StoreError.self) { try db.resolve(id, cause: cause, solution: solution, at: ctx.now, ctx) }
        }
        #expect(try db.item(id).status == .open)
        try db.resolve(id, cause: "操作顺序有误", solution: "指导重新操作", at: ctx.now, ctx)
        #expect(throws: StoreError.alreadyClosed(id: id)) {
            try db.resolve(id, cause: "c", solution: "s", at: ctx.now, ctx)
        }
    }

    @Test func theDatabaseItselfRefusesAClosedItemWithoutCause() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE item SET status = 'closed', closed_at = 1 WHERE id = ?", arguments: [id]) }
        }
    }

    @Test func refusesEventsInTheFutureOrBeforeReceipt() throws {
        let (db, ctx) = try makeDatabase()
        #expect(throws: StoreError.self) { try db.addCase(sampleCase, at: t("2021-11-23T16:00:01+08:00"), ctx) }
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        #expect(throws: StoreError.self) { try db.respond(id, note: "x", at: t("2021-11-23T09:00:00+08:00"), ctx) }
    }

    @Test func aStaleEditIsRefused() throws {
        let (db, ctx) = try makeDatabase()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        try db.respond(item.id!, note: "first", at: ctx.now, expectedVersion: item.version, ctx)
        #expect(throws: StoreError.staleEdit(id: item.id!, expected: 1, current: 2)) {
            try db.respond(item.id!, note: "second, from an old copy", at: ctx.now, expectedVersion: item.version, ctx)
        }
    }
}

@Suite("History")
struct HistoryTests {
    @Test func recordsWhoChangedWhatFromWhatToWhat() throws {
        let (db, ctx) = try makeDatabase()
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        try db.resolve(id, cause: "原因", solution: "方案", at: t("2021-11-23T11:00:00+08:00"), ctx)
        let (_, history) = try db.itemWithHistory(id)
        #expect(history.first?.event == .created)
        let status = try #require(history.first { $0.field == .status })
        #expect(status.oldValue == "open")
        #expect(status.newValue == "closed")
        #expect(status.actor == "zhaolei")
        #expect(status.at == t("2021-11-23T11:00:00+08:00"))
        #expect(history.contains { $0.field == .closedAt && $0.newValue == "2021-11-23T11:00:00+08:00" })
    }

    @Test func recordsTheChangeOfEveryColumnButVersionAndUpdateTime() throws {
        let item = WorkItem(kind: .general, title: "t", receivedAt: t("2021-11-23T10:00:00+08:00"),
                            createdAt: t("2021-11-23T10:00:00+08:00"), createdBy: "x")
        // The phone's key is the phone's digits: a change of the phone is recorded, not of its key.
        let columns = Set(try item.databaseDictionary.keys).subtracting(["version", "updated_at", "requester_phone_key"])
        #expect(columns == Set(HistoryField.itemColumns.map(\.rawValue)))
    }

    @Test func isAppendOnlyInTheDatabaseItself() throws {
        let (db, ctx) = try makeDatabase()
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE history SET actor = 'someone'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM history") } }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM history WHERE actor = 'zhaolei'") } == 1)
    }
}

@Suite("Faults in the store")
struct FaultStoreTests {
    @Test func raisingRecomputesFromTheReport() throws {
        let (db, ctx) = try makeDatabase()
        let f = try db.addFault(NewFault(level: .three, region: .haixi, title: "网络间断性中断"), at: t("2021-11-23T01:00:00+08:00"), ctx)
        #expect(BeijingTime.iso(f.dueAt!) == "2021-11-25T01:00:00+08:00")
        let raised = try db.raise(f.id!, to: .one, reason: "全州业务中断", at: t("2021-11-23T09:00:00+08:00"), ctx)
        #expect(BeijingTime.iso(raised.dueAt!) == "2021-11-23T13:00:00+08:00")
        #expect(throws: StoreError.self) { try db.raise(f.id!, to: .two, reason: "lower", at: ctx.now, ctx) }
        #expect(throws: StoreError.self) { try db.raise(f.id!, to: .one, reason: "same", at: ctx.now, ctx) }
        #expect(throws: StoreError.self) { try db.raise(f.id!, to: .one, reason: " ", at: ctx.now, ctx) }
        let (_, history) = try db.itemWithHistory(f.id!)
        #expect(history.contains { $0.field == .level && $0.oldValue == "3" && $0.newValue == "1" })
        #expect(history.contains { $0.event == .raised && $0.note == "全州业务中断" })
    }

    @Test func restoreStopsTheClock() throws {
        let (db, ctx) = try makeDatabase()
        let f = try db.addFault(NewFault(level: .one, region: .xining, title: "数据库宕机"), at: t("2021-11-23T01:00:00+08:00"), ctx)
        let restored = try db.restore(f.id!, cause: "归档日志满", solution: "清理并扩容", mode: .onsite, at: t("2021-11-23T12:00:00+08:00"), ctx)
        #expect(restored.status == .closed)
        #expect(!restored.isOverdue(at: t("2021-11-24T00:00:00+08:00")))
        #expect(throws: StoreError.self) { try db.raise(f.id!, to: .one, reason: "x", at: ctx.now, ctx) }
    }

    @Test func caseOperationsRefuseFaults() throws {
        let (db, ctx) = try makeDatabase()
        let f = try db.addFault(NewFault(level: .two, region: .xining, title: "x"), at: t("2021-11-23T01:00:00+08:00"), ctx)
        #expect(throws: StoreError.self) { try db.respond(f.id!, note: "n", at: ctx.now, ctx) }
        #expect(throws: StoreError.self) { try db.assess(f.id!, due: t("2021-12-01T18:00:00+08:00"), agreedWith: "x", at: ctx.now, ctx) }
    }
}

@Suite("Queries")
struct QueryTests {
    @Test func theQueueIsSortedByUrgency() throws {
        let (db, ctx) = try makeDatabase()
        let late = try db.addCase(sampleCase, at: t("2021-11-22T10:00:00+08:00"), ctx).id!   // due Mon 18:00: overdue
        let today = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!  // due today 18:00
        var req = sampleCase
        req.kind = .requirement
        let noDue = try db.addCase(req, at: t("2021-11-23T11:00:00+08:00"), ctx).id!
        let done = try db.addCase(sampleCase, at: t("2021-11-23T11:00:00+08:00"), ctx).id!
        try db.resolve(done, cause: "c", solution: "s", at: ctx.now, ctx)
        #expect(try db.items(ItemFilter(kinds: ItemFilter.cases)).map(\.id) == [late, today, noDue, done])
        #expect(try db.items(ItemFilter(kinds: ItemFilter.cases, overdueAt: ctx.now)).map(\.id) == [late])
        #expect(try db.items(ItemFilter(activeOnly: true)).count == 3)
        #expect(try db.count(ItemFilter(kinds: ItemFilter.cases, limit: 1)) == 4)
        #expect(try db.items(ItemFilter(kinds: ItemFilter.cases, limit: 2, offset: 1)).map(\.id) == [today, noDue])
    }

    @Test func filtersByRegionTitleAndMine() throws {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.region = .yushu
        c.title = "玉树州 100% 完成_率"
        let a = try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), Context(actor: "lina", now: ctx.now))
        #expect(try db.items(ItemFilter(region: .yushu)).map(\.id) == [a])
        #expect(try db.items(ItemFilter(text: "100%")).map(\.id) == [a])
        #expect(try db.items(ItemFilter(text: "完成_")).map(\.id) == [a])
        #expect(try db.items(ItemFilter(text: "0%%")).isEmpty)
        #expect(try db.items(ItemFilter(mine: "zhaolei")).map(\.id) == [a])
    }

    @Test func searchFindsTheRequesterThePhoneAndTheDescription() throws {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.title = "待遇核定"
        c.requesterName = "扎西顿珠"
        c.requesterPhone = "0971-6123456"
        c.description = "退休人员基本养老金重复发放"
        let a = try db.addCase(c, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        for text in ["扎西", "6123456", "重复发放", "待遇核定"] {
            #expect(try db.items(ItemFilter(text: text)).map(\.id) == [a], "searching \(text)")
        }
        #expect(try db.count(ItemFilter(text: "无此内容")) == 0)
    }

    @Test func aSearchNamingARegionFindsItsItemsAndThoseThatMentionIt() throws {
        let (db, ctx) = try makeDatabase()
        var inHaixi = sampleCase
        inHaixi.region = .haixi
        inHaixi.title = "格尔木经办网点无法打印"
        let a = try db.addCase(inHaixi, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        var mentions = sampleCase
        mentions.region = .xining
        mentions.title = "海西州转入人员待遇核定"
        let b = try db.addCase(mentions, at: t("2021-11-23T11:00:00+08:00"), ctx).id!
        _ = try db.addCase(sampleCase, at: t("2021-11-23T12:00:00+08:00"), ctx)
        for text in ["海西州", "海西"] {
            #expect(Set(try db.items(ItemFilter(text: text)).compactMap(\.id)) == [a, b], "searching \(text)")
            #expect(try db.count(ItemFilter(text: text)) == 2, "counting \(text)")
        }
        // By its pinyin: the region's items (no title here spells it so).
        for text in ["haixi", "HaiXi"] {
            #expect(try db.items(ItemFilter(text: text)).map(\.id) == [a], "searching \(text)")
        }
        // Within a region filter, and where nothing mentions the region.
        #expect(try db.items(ItemFilter(region: .xining, text: "海西州")).map(\.id) == [b])
        #expect(try db.items(ItemFilter(text: "果洛州")).isEmpty)
        // A text that is not a region's name is searched as text only.
        #expect(try db.items(ItemFilter(text: "格尔木")).map(\.id) == [a])
    }

    @Test func positionIsTheIndexInTheFilteredOrder() throws {
        let (db, ctx) = try makeDatabase()
        var ids: [Int64] = []
        for hour in ["14", "09", "16", "11"] {
            ids.append(try db.addCase(sampleCase, at: t("2021-11-23T\(hour):00:00+08:00"), ctx).id!)
        }
        let filter = ItemFilter(kinds: ItemFilter.cases, activeOnly: true)
        let order = try db.items(filter).compactMap(\.id)
        for id in ids {
            #expect(try db.position(of: id, in: filter) == order.firstIndex(of: id))
        }
        var other = filter
        other.region = .yushu
        #expect(try db.position(of: ids[0], in: other) == nil)
    }
}

@Suite("Calendar in the store")
struct CalendarStoreTests {
    @Test func importedYearsOverrideAndBumpTheVersion() throws {
        let (db, ctx) = try makeDatabase()
        #expect(try db.calendar().knownRange == 2004...2026)
        let json = #"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#
        try db.importCalendar(try HolidayYear.parse(json: Data(json.utf8)), ctx)
        let calendar = try db.calendar()
        #expect(calendar.knownRange == 2004...2027)
        #expect(calendar.kind(of: CivilDate(iso: "2027-01-01")!) == .holiday(name: "元旦"))
        // The version names the years it holds and those imported.
        #expect(calendar.version == "cn-holidays 2004-2027 (imported 2027) r1; hours 09:00-18:00")
        #expect(try db.importedYears().map(\.year) == [2027])
    }

    /// New Year's Eve 2026, before 2027's holidays are known: 2027-01-01 counts as a working day.
    @Test func aNewYearsHolidaysMoveTheOpenDeadlinesTheyChange() throws {
        let (db, ctx0) = try makeDatabase()
        var ctx = ctx0
        ctx.now = t("2026-12-31T17:00:00+08:00")
        let late = try db.addCase(sampleCase, at: t("2026-12-31T16:00:00+08:00"), ctx)          // due 2027-01-01 18:00
        let early = try db.addCase(sampleCase, at: t("2026-12-31T10:00:00+08:00"), ctx)         // due 2026-12-31 18:00
        var special = sampleCase
        special.kind = .special
        let confirmed = try db.addCase(special, at: t("2026-12-30T16:00:00+08:00"), ctx)
        let answered = try db.addCase(sampleCase, at: t("2026-12-31T16:30:00+08:00"), ctx)
        _ = try db.resolve(answered.id!, cause: "原因", solution: "方案", at: t("2026-12-31T16:40:00+08:00"), ctx)
        let fault = try db.addFault(NewFault(level: .three, region: .xining, title: "打印故障"), at: t("2026-12-31T16:00:00+08:00"), ctx)
        #expect(late.dueAt == t("2027-01-01T18:00:00+08:00"))
        let specialDue = try #require(try db.item(confirmed.id!).dueAt)
        let before = try db.itemWithHistory(early.id!)

        // 2027: 1–3 January off.
        let json = #"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"元旦","date":"2027-01-02","isOffDay":true},{"name":"元旦","date":"2027-01-03","isOffDay":true}]}"#
        let moved = try db.importCalendar(try HolidayYear.parse(json: Data(json.utf8)), ctx)
        #expect(moved == [late.id!] + (specialDue >= t("2027-01-01T00:00:00+08:00") ? [confirmed.id!] : []))
        let now = try db.item(late.id!)
        #expect(now.dueAt == t("2027-01-04T18:00:00+08:00"))
        #expect(now.calendarVersion == "cn-holidays 2004-2027 (imported 2027) r1; hours 09:00-18:00")
        let history = try db.itemWithHistory(late.id!).1.filter { $0.event == .rescheduled }
        #expect(history.first?.systemNote == .calendarImported(year: 2027))
        let due = try #require(history.first { $0.field == .dueAt })
        #expect(due.oldValue == "2027-01-01T18:00:00+08:00" && due.newValue == "2027-01-04T18:00:00+08:00")
        // Untouched: a deadline the year does not change, an answered ticket, a fault's wall clock.
        #expect(try db.itemWithHistory(early.id!) == before)
        #expect(try db.itemWithHistory(answered.id!).1.allSatisfy { $0.event != .rescheduled })
        #expect(try db.itemWithHistory(fault.id!).1.allSatisfy { $0.event != .rescheduled })
        #expect(try db.checkSummaries() == [])
        // Importing the same year again changes nothing more.
        #expect(try db.importCalendar(try HolidayYear.parse(json: Data(json.utf8)), ctx) == [])
    }

    @Test func onlyTheImportsOwnEffectIsApplied() throws {
        let (db, ctx0) = try makeDatabase()
        var ctx = ctx0
        ctx.now = t("2026-12-31T17:00:00+08:00")
        let item = try db.addCase(sampleCase, at: t("2026-12-31T16:00:00+08:00"), ctx)   // due 2027-01-01 18:00
        // Shorter hours from now on: deadlines already stored keep theirs.
        try db.setBusinessHours(try BusinessHours(parsing: "09:00-17:00"), ctx)
        let json = #"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}]}"#
        #expect(try db.importCalendar(try HolidayYear.parse(json: Data(json.utf8)), ctx) == [item.id!])
        // Computed again with the calendar as it stands: the next working day, at today's closing time.
        #expect(try db.item(item.id!).dueAt == t("2027-01-04T17:00:00+08:00"))
        // A year that changes none of the open deadlines moves none.
        let far = #"{"year":2030,"days":[{"name":"元旦","date":"2030-01-01","isOffDay":true}]}"#
        #expect(try db.importCalendar(try HolidayYear.parse(json: Data(far.utf8)), ctx) == [])
    }

    @Test func businessHoursAreStored() throws {
        let (db, ctx) = try makeDatabase()
        try db.setBusinessHours(try BusinessHours(parsing: "09:00-12:00,14:30-18:00"), ctx)
        #expect(try db.calendar().hours.description == "09:00-12:00,14:30-18:00")
        var c = sampleCase
        c.kind = .special
        let item = try db.addCase(c, at: t("2021-11-23T13:00:00+08:00"), ctx)
        #expect(BeijingTime.iso(item.dueAt!) == "2021-11-24T12:00:00+08:00")
    }
}

@Suite("Several processes at once")
struct ConcurrencyTests {
    @Test func concurrentWritersOnOneFileLoseNothing() async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("desk.sqlite").path
        try AppDatabase.open(path: path).ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))
        // Four separate connections pools, as four consoles would have, writing at once.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    let db = try AppDatabase.open(path: path)
                    for _ in 0..<25 { _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx) }
                }
            }
            try await group.waitForAll()
        }
        let db = try AppDatabase.open(path: path)
        #expect(try db.count(ItemFilter()) == 100)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM history") } == 100)
        #expect(try db.read { try String.fetchOne($0, sql: "PRAGMA journal_mode") } == "wal")
    }
}

@Suite("Service-level counts")
struct KPIStoreTests {
    @Test func caseResponseRateCountsDecidedTicketsWhoseDeadlineFallsInTheMonth() throws {
        let (db, _) = try makeDatabase()
        let ctx = Context(actor: "zhaolei", now: t("2021-12-31T12:00:00+08:00"))
        // Due 2021-11-30 18:00 (in November): not counted for December.
        _ = try db.addCase(sampleCase, at: t("2021-11-30T10:00:00+08:00"), ctx)
        // Due 2021-12-01 18:00, resolved in time.
        let a = try db.addCase(sampleCase, at: t("2021-11-30T15:00:00+08:00"), ctx).id!
        try db.resolve(a, cause: "c", solution: "s", at: t("2021-12-01T17:00:00+08:00"), ctx)
        // Due 2021-12-01 18:00, resolved late.
        let b = try db.addCase(sampleCase, at: t("2021-12-01T09:00:00+08:00"), ctx).id!
        try db.resolve(b, cause: "c", solution: "s", at: t("2021-12-02T09:00:00+08:00"), ctx)
        // Special, first response in time, resolution later: the response is what counts.
        var special = sampleCase
        special.kind = .special
        let c = try db.addCase(special, at: t("2021-12-06T10:00:00+08:00"), ctx).id!
        try db.respond(c, note: "n", at: t("2021-12-06T11:00:00+08:00"), ctx)
        // Open past its deadline: missed. Open before its deadline: not decided yet.
        _ = try db.addCase(sampleCase, at: t("2021-12-10T10:00:00+08:00"), ctx)
        _ = try db.addCase(sampleCase, at: t("2021-12-31T11:00:00+08:00"), ctx)
        let counts = try db.kpiCounts(.month(year: 2021, month: 12), now: ctx.now)
        #expect(counts.caseMet == 2)
        #expect(counts.caseDecided == 4)
        #expect(counts.closed == 2)
        #expect(counts.closedComplete == 2)
        let k1 = counts.figures[0]
        #expect(k1.valueText == "50.0%")
        #expect(k1.met == false)
        #expect(counts.figures[1].value == nil)  // no data-processing tasks: "—"
    }

    @Test func faultsCountPerLevel() throws {
        let (db, _) = try makeDatabase()
        let ctx = Context(actor: "zhaolei", now: t("2021-12-31T12:00:00+08:00"))
        let f1 = try db.addFault(NewFault(level: .one, region: .xining, title: "x"), at: t("2021-12-01T01:00:00+08:00"), ctx).id!
        try db.restore(f1, cause: "c", solution: "s", at: t("2021-12-01T10:00:00+08:00"), ctx)
        _ = try db.addFault(NewFault(level: .one, region: .xining, title: "y"), at: t("2021-12-02T01:00:00+08:00"), ctx)
        let f3 = try db.addFault(NewFault(level: .three, region: .xining, title: "z"), at: t("2021-12-03T01:00:00+08:00"), ctx).id!
        try db.restore(f3, cause: "c", solution: "s", at: t("2021-12-06T01:00:00+08:00"), ctx)
        let counts = try db.kpiCounts(.month(year: 2021, month: 12), now: ctx.now)
        #expect(counts.faultsOnTime[.one] == 1)
        #expect(counts.faultsDecided[.one] == 2)
        #expect(counts.faultsOnTime[.three] == 0)
        #expect(counts.faultsDecided[.three] == 1)
        #expect(counts.faultsDecided[.two] == nil)
    }
}

@Suite("The rule event in the queue")
struct RuleEventQueueTests {
    /// At Thu 2021-11-25 09:00: an answered special case (due Wed 10:00, answered in time) is not
    /// overdue, so it sorts after the tickets still held to a deadline, and the queue's SQL agrees
    /// with `WorkItem.isOverdue` on every item.
    @Test func theQueueAndTheOverdueFilterFollowWorkItem() throws {
        let (db, ctx) = try makeDatabase()
        var special = sampleCase
        special.kind = .special
        let answered = try db.addCase(special, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        try db.respond(answered, note: "已回复", at: t("2021-11-23T11:00:00+08:00"), ctx)
        let answeredLate = try db.addCase(special, at: t("2021-11-22T10:00:00+08:00"), ctx).id!     // due Tue 10:00
        try db.respond(answeredLate, note: "迟复", at: t("2021-11-23T12:00:00+08:00"), ctx)
        let waiting = try db.addCase(special, at: t("2021-11-23T11:00:00+08:00"), ctx).id!          // due Wed 11:00
        let general = try db.addCase(sampleCase, at: t("2021-11-23T14:00:00+08:00"), ctx).id!       // due Tue 18:00
        let later = try db.addCase(sampleCase, at: t("2021-11-23T15:30:00+08:00"), ctx).id!         // due Wed 18:00
        let now = t("2021-11-25T09:00:00+08:00")
        let queue = try db.items(ItemFilter(kinds: ItemFilter.cases, activeOnly: true))
        #expect(queue.map(\.id) == [answeredLate, general, waiting, later, answered])
        let overdue = try db.items(ItemFilter(kinds: ItemFilter.cases, overdueAt: now)).map(\.id)
        #expect(overdue == queue.filter { $0.isOverdue(at: now) }.map(\.id))
        #expect(!overdue.contains(answered))
        // The whole list (closed items included) puts it after those still held to a deadline too.
        #expect(try db.items(ItemFilter()).map(\.id).last == answered)
    }
}

@Suite("A calendar year without a holiday")
struct EmptyCalendarYearTests {
    @Test func isRefusedByTheStoreAndChangesNothing() throws {
        let (db, ctx) = try makeDatabase()
        let before = try db.calendar()
        #expect(throws: StoreError.self) { try db.importCalendar(HolidayYear(year: 2021, days: [:]), ctx) }
        #expect(throws: StoreError.self) {
            try db.importCalendar(HolidayYear(year: 2021, days: [CivilDate(year: 2021, month: 2, day: 7)!: ScheduledDay(name: "春节", isOffDay: false)]), ctx)
        }
        #expect(try db.calendar().version == before.version)
        #expect(try db.calendar().kind(of: CivilDate(year: 2021, month: 10, day: 1)!) == before.kind(of: CivilDate(year: 2021, month: 10, day: 1)!))
    }
}
