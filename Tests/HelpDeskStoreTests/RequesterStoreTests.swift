import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

// The requester directory: people known by name and office, phones found however typed, edits kept
// old → new, tickets linked; every refusal leaves the database as it was.

/// Everything the directory's tables hold, to see that a refusal changed nothing.
private func directory(_ db: AppDatabase) throws -> String {
    try db.read { d in
        var parts: [String] = []
        for table in ["requester", "requester_phone", "requester_history", "item_requester", "item"] {
            parts += try Row.fetchAll(d, sql: "SELECT * FROM \(table)").map(\.description)
        }
        return parts.joined(separator: "\n")
    }
}

private func refusedUnchanged(_ english: String, _ db: AppDatabase, sourceLocation: SourceLocation = #_sourceLocation,
                              _ body: () throws -> Void) throws {
    let before = try directory(db)
    expectInvalid(english, sourceLocation: sourceLocation, body)
    #expect(try directory(db) == before, "the database changed", sourceLocation: sourceLocation)
}

private let tserang = Requester(name: "才让", office: "玉树州社保局", region: .yushu, phones: ["0976-8822334", "13909760001"],
                                email: "cairang@ylbx.qh.gov.cn", chatID: "cairang_ys", language: .zh, channel: .wechat)

@Suite("The requester directory in the store")
struct RequesterStoreTests {
    @Test func twoPeopleOfOneNameInTwoOfficesStayTwo() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tserang, ctx)
        let b = try db.addRequester(Requester(name: "才让", office: "囊谦县社保局", region: .yushu), ctx)
        #expect(a.id != b.id)
        #expect(try db.requesters(RequesterFilter(name: "才让")).map(\.office) == ["囊谦县社保局", "玉树州社保局"])
        #expect(try db.requester(a.id!) == a)
        try refusedUnchanged("'才让' of 玉树州社保局 is already in the directory (#1); to change them use requester edit 1", db) {
            try db.addRequester(Requester(name: " 才让 ", office: "玉树州社保局 ", region: .xining), ctx)
        }
    }

    @Test func badFieldsAreRefused() throws {
        let (db, ctx) = try makeDatabase()
        try refusedUnchanged("give the requester's office (people of one name are told apart by it)", db) {
            try db.addRequester(Requester(name: "扎西", office: "  ", region: .haixi), ctx)
        }
        try refusedUnchanged("give the requester's name", db) {
            try db.addRequester(Requester(name: "", office: "海西州社保局", region: .haixi), ctx)
        }
        try refusedUnchanged("give the requester's region (--region)", db) {
            try db.addRequester(Requester(name: "扎西", office: "海西州社保局", region: nil), ctx)
        }
        try refusedUnchanged("'zhaxi@' is not an e-mail address (like zhaxi@ylbx.qh.gov.cn)", db) {
            try db.addRequester(Requester(name: "扎西", office: "海西州社保局", region: .haixi, email: "zhaxi@"), ctx)
        }
        try refusedUnchanged("'01234' is neither a WeChat id (6 to 20 letters, digits, _ or -, starting with a letter) nor a QQ number (5 to 11 digits)", db) {
            try db.addRequester(Requester(name: "扎西", office: "海西州社保局", region: .haixi, chatID: "01234"), ctx)
        }
        try refusedUnchanged("the phone (0977)8221100 is given twice: a number is kept once", db) {
            try db.addRequester(Requester(name: "扎西", office: "海西州社保局", region: .haixi, phones: ["0977-8221100", "(0977)8221100"]), ctx)
        }
        let viewer = Context(actor: "guest", now: ctx.now)
        let before = try directory(db)
        #expect(throws: StoreError.self) { try db.addRequester(tserang, viewer) }
        #expect(try directory(db) == before)
    }

    @Test func aPhoneIsFoundHoweverItIsTyped() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tserang, ctx)
        try db.addRequester(Requester(name: "卓玛", office: "西宁市社保局", region: .xining, phones: ["0971 6464897 转 8001"]), ctx)
        for typed in ["+86 976 8822334", "(0976)8822334", "09768822334", "8822334", "139 0976 0001"] {
            #expect(try db.requesters(RequesterFilter(phone: typed)).map(\.id) == [a.id], "\(typed)")
        }
        #expect(try db.requesters(RequesterFilter(phone: "0971-6464897-8001")).map(\.name) == ["卓玛"])
        #expect(try db.requesterMatches("6464").map(\.name) == ["卓玛"])
        #expect(try db.requesterMatches("卓").map(\.name) == ["卓玛"])
        #expect(try db.requesters(RequesterFilter(office: "西宁", region: .xining)).map(\.name) == ["卓玛"])
        expectInvalid("'abc-1' is not a phone number nor 3 or more of its digits") {
            _ = try db.requesters(RequesterFilter(phone: "abc-1"))
        }
    }

    @Test func anEditIsKeptOldToNew() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tserang, ctx)
        let later = Context(actor: "zhaolei", now: ctx.now.addingTimeInterval(3600))
        let edited = try db.editRequester(a.id!, expectedVersion: 1, later) { r in
            r.office = "玉树市社保局"
            r.phones = ["13909760001"]
            r.email = nil
        }
        #expect(edited.version == 2)
        let history = try db.requesterHistory(a.id!)
        #expect(history.map(\.event) == [.added, .edited, .edited, .edited])
        #expect(history.dropFirst().map(\.field) == [.office, .phones, .email])
        #expect(history[1].oldValue == "玉树州社保局" && history[1].newValue == "玉树市社保局")
        #expect(history[2].oldValue == "0976-8822334; 13909760001" && history[2].newValue == "13909760001")
        #expect(history[3].oldValue == "cairang@ylbx.qh.gov.cn" && history[3].newValue == nil)
        #expect(try db.requesters(RequesterFilter(phone: "0976-8822334")).isEmpty)
        try refusedUnchanged("requester #1 was changed meanwhile (version 1 → 2): look again, then edit", db) {
            try db.editRequester(a.id!, expectedVersion: 1, later) { $0.name = "才让多杰" }
        }
        try refusedUnchanged("nothing changes for requester #1: give a new value", db) {
            try db.editRequester(a.id!, later) { $0.office = " 玉树市社保局" }
        }
        try refusedUnchanged("no requester #9 in the directory", db) {
            try db.editRequester(9, later) { $0.name = "扎西" }
        }
        let b = try db.addRequester(Requester(name: "才让", office: "囊谦县社保局", region: .yushu), ctx)
        try refusedUnchanged("'才让' of 玉树市社保局 is already in the directory (#1); to change them use requester edit 1", db) {
            try db.editRequester(b.id!, later) { $0.office = "玉树市社保局" }
        }
        // History is append-only in the database itself, and an entry is never deleted.
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE requester_history SET actor = 'x'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM requester WHERE id = 1") } }
    }

    /// A duplicate merged into another ticket brings its requester along: the ticket has both.
    @Test func aMergedDuplicatesRequesterJoinsTheTicket() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tserang, ctx)
        let b = try db.addRequester(Requester(name: "才让", office: "囊谦县社保局", region: .yushu), ctx)
        var first = NewCase(kind: .general, channel: .phone, region: .yushu, title: "待遇发放失败")
        first.requesterID = a.id
        var second = first
        second.requesterID = b.id
        let target = try db.addCase(first, at: ctx.now, ctx)
        let duplicate = try db.addCase(second, at: ctx.now, ctx)
        try db.merge(duplicate.id!, into: target.id!, at: ctx.now, ctx)
        #expect(try db.requestersOfItem(target.id!).map(\.id) == [a.id, b.id])
        #expect(try db.requestersOfItem(duplicate.id!).map(\.id) == [b.id])
    }

    @Test func aTicketLinksToItsRequesterAndCopiesTheirText() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tserang, ctx)
        var new = NewCase(kind: .general, channel: .phone, region: .yushu, title: "待遇发放失败")
        new.requesterID = a.id
        let item = try db.addCase(new, at: ctx.now, ctx)
        #expect(item.requesterName == "才让" && item.requesterOffice == "玉树州社保局" && item.requesterPhone == "0976-8822334")
        #expect(try db.itemsOfRequester(a.id!).map(\.id) == [item.id])
        #expect(try db.requestersOfItem(item.id!).map(\.id) == [a.id])
        // By name and office: the known entry is linked; an unknown one joins the directory.
        let second = try db.addCase(NewCase(kind: .general, channel: .qq, region: .yushu, title: "缴费基数调整",
                                            requesterName: "才让", requesterOffice: "玉树州社保局"), at: ctx.now, ctx)
        #expect(try db.itemsOfRequester(a.id!).map(\.id) == [second.id, item.id])
        let third = try db.addCase(NewCase(kind: .general, channel: .phone, region: .haibei, title: "登录失败",
                                           requesterName: "扎西", requesterOffice: "海北州社保局", requesterPhone: "0970-8651234"),
                                   at: ctx.now, ctx)
        let zhaxi = try #require(try db.requester(named: "扎西", office: "海北州社保局"))
        #expect(zhaxi.region == .haibei && zhaxi.phones == ["0970-8651234"])
        #expect(try db.requestersOfItem(third.id!).map(\.id) == [zhaxi.id])
        new.requesterID = 99
        try refusedUnchanged("no requester #99 in the directory", db) { try db.addCase(new, at: ctx.now, ctx) }
    }

    @Test func anOlderDatabaseFillsTheDirectoryFromItsTickets() throws {
        let mine = "v19: requester directory"
        #expect(AppDatabase.migrations.contains { $0.identifier == mine })
        let queue = try DatabaseQueue()
        let now = t("2026-12-07T10:00:00+08:00")
        try queue.write { d in
            try d.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(while: { $0.identifier != mine }) {
                try migration.migrate(d)
                try d.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(d)
            let tickets: [(String?, String?, String?, Region)] = [
                ("才让", "玉树州社保局", "0976-8822334", .yushu), ("才让", "囊谦县社保局", nil, .yushu),
                ("才让", "玉树州社保局", "(0976)8822334", .yushu), ("才让 ", "玉树州社保局", "13909760001", .yushu),
                ("卓玛", nil, nil, .xining), (nil, nil, "0971-6100000", .xining),
            ]
            for (name, office, phone, region) in tickets {
                var item = WorkItem(kind: .general, title: "养老金查询", region: region, channel: .phone, requesterName: name,
                                    requesterOffice: office, requesterPhone: phone, takenBy: "zhaolei", receivedAt: now,
                                    createdAt: now, createdBy: "zhaolei")
                try item.insert(d)
            }
        }
        let db = try AppDatabase(queue)
        let all = try db.requesters()
        #expect(all.map(\.name) == ["卓玛", "才让", "才让"])
        #expect(all.map(\.office) == ["", "囊谦县社保局", "玉树州社保局"])
        let yushu = all[2]
        #expect(yushu.phones == ["13909760001", "(0976)8822334"])
        #expect(try db.itemsOfRequester(yushu.id!).map(\.id) == [4, 3, 1])
        #expect(try db.itemsOfRequester(all[0].id!).map(\.id) == [5])
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM item_requester") } == 5)
        // An entry taken over without an office keeps none until one is given.
        let ctx = Context(actor: "zhaolei", now: now)
        try db.editRequester(all[0].id!, ctx) { $0.phones = ["0971-6100000"] }
    }
}
