import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskStore

/// The console's reads of the directory, and `show` listing a ticket's requesters.
@Suite("Requesters for the console", .scratch)
struct RequesterConsoleCommandTests {
    static let now = try! TimeInput.parseInstant("2021-11-23T16:00:00+08:00")

    static func directory() throws -> (ConsoleInterpreter, AppDatabase, Int64) {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: now)
        let first = try db.addRequester(Requester(name: "才让", office: "玉树州社保局", region: .yushu, phones: ["0976-8821234"]), ctx)
        try db.addRequester(Requester(name: "才让", office: "囊谦县社保局", region: .yushu), ctx)
        for n in 1...6 { try db.addRequester(Requester(name: "才让\(n)", office: "海西州社保局", region: .haixi), ctx) }
        try db.addRequester(Requester(name: "扎西", office: "海东市社保局", region: .haidong, phones: ["0972-8660000"]), ctx)
        let item = try db.addCase(NewCase(kind: .general, channel: .phone, region: .yushu, title: "待遇发放失败",
                                          requesterID: first.id), at: now, ctx).id!
        return (ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite"), db, item)
    }

    static func actions(_ outcome: Outcome?) -> [Action] {
        if case .loaded(let actions)? = outcome { return actions }
        return []
    }

    @Test func aNameIsLookedUpAndAtMostFiveComeBack() throws {
        let (interpreter, _, _) = try Self.directory()
        let actions = Self.actions(interpreter.load(.lookUpRequesters(field: .requester, typed: "才让"), operator: "zhaolei", now: Self.now))
        guard case let .requestersMatched(field, typed, matches)? = actions.first else { Issue.record("\(actions)"); return }
        #expect(field == .requester && typed == "才让")
        #expect(matches.count == RequesterCompletion.limit)
        #expect(matches.prefix(2).map(\.office) == ["囊谦县社保局", "玉树州社保局"])
    }

    @Test func aPhoneIsLookedUpByItsDigits() throws {
        let (interpreter, _, _) = try Self.directory()
        let actions = Self.actions(interpreter.load(.lookUpRequesters(field: .phone, typed: "8660"), operator: "zhaolei", now: Self.now))
        guard case let .requestersMatched(_, _, matches)? = actions.first else { Issue.record("\(actions)"); return }
        #expect(matches.map(\.name) == ["扎西"])
    }

    @Test func theDetailsReadTheTicketsRequesters() throws {
        let (interpreter, _, item) = try Self.directory()
        let actions = Self.actions(interpreter.load(.loadDetail(item), operator: "zhaolei", now: Self.now))
        #expect(actions.contains { if case let .requestersOfItem(id, r) = $0 { return id == item && r.map(\.office) == ["玉树州社保局"] }; return false })
    }

    @Test func aTicketSavedFromTheFormIsLinked() throws {
        let (interpreter, db, _) = try Self.directory()
        let entry = try #require(try db.requester(named: "扎西", office: "海东市社保局"))
        var ctx = Context(actor: "zhaolei", now: Self.now)
        ctx.now = Self.now
        let outcome = interpreter.write(.addCase(NewCase(kind: .general, channel: .phone, region: .haidong, title: "补录",
                                                        requesterName: "扎西", requesterOffice: "海东市社保局",
                                                        requesterPhone: "0972-8660000", requesterID: entry.id), at: Self.now), ctx)
        guard case .saved(let saved) = outcome, let id = saved.id else { Issue.record("\(outcome)"); return }
        #expect(try db.requestersOfItem(id).map(\.id) == [entry.id])
    }

    @Test func showListsTheTicketsRequesters() throws {
        let db = freshDatabase()
        _ = ok(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu", "--phone", "0976-8821234"], db: db)
        _ = ok(["case", "add", "--kind", "general", "--channel", "phone", "--title", "待遇发放失败", "--requester", "1",
                "--at", "2021-11-23T10:00:00+08:00"], db: db)
        let zh = ok(["show", "1", "--lang", "zh"], db: db)
        #expect(zh.contains("提出人:\n  #1  才让 · 玉树州社保局 · 玉树州 · 0976-8821234"), "\(zh)")
        let en = ok(["show", "1", "--lang", "en"], db: db)
        #expect(en.contains("Requesters:\n  #1  才让 · 玉树州社保局 · Yushu · 0976-8821234"), "\(en)")
    }
}
