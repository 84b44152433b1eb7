import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskDemo
import HelpDeskStore

/// The console's write on several marked items: one transaction each, in order; a refused one
/// changes nothing and the others are done.
@Suite("The interpreter's writes on marked items")
struct SeveralWritesInterpreterTests {
    private static func at(_ text: String) -> Date { try! TimeInput.parseInstant(text) }
    private static let now = at("2021-11-23T16:00:00+08:00")

    private static func desk() throws -> (ConsoleInterpreter, AppDatabase, Context) {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: now)
        for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
        return (ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite"), db, ctx)
    }

    private static func ticket(_ db: AppDatabase, _ ctx: Context, _ title: String) throws -> WorkItem {
        try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title, requesterName: "王建华"),
                       at: at("2021-11-23T10:00:00+08:00"), ctx)
    }

    @Test func eachIsDoneOnItsOwnAndARefusedOneChangesNothing() throws {
        let (run, db, ctx) = try Self.desk()
        let a = try Self.ticket(db, ctx, "甲"), b = try Self.ticket(db, ctx, "乙"), c = try Self.ticket(db, ctx, "丙")
        _ = try db.assign(c.id!, to: "zhangwei", at: Self.now, ctx)
        let cBefore = try db.itemWithHistory(c.id!)
        let outcome = run.writeEach([.assign(id: a.id!, to: "zhaolei", version: a.version),
                                     .assign(id: 999, to: "zhaolei", version: 1),
                                     .assign(id: c.id!, to: "zhaolei", version: c.version),   // stale: c changed since
                                     .assign(id: b.id!, to: "zhaolei", version: b.version)], ctx)
        guard case .loaded(let actions) = outcome, case .severalDone(let results)? = actions.first else {
            Issue.record("\(outcome)"); return
        }
        #expect(results.map(\.id) == [a.id!, 999, c.id!, b.id!])
        #expect(results.map { $0.refusal == nil } == [true, false, false, true])
        #expect(results[1].refusal?.text(.en).contains("999") == true)
        #expect(try db.item(a.id!).assignee == "zhaolei" && db.item(b.id!).assignee == "zhaolei")
        let cAfter = try db.itemWithHistory(c.id!)
        #expect(cAfter.0 == cBefore.0 && cAfter.1 == cBefore.1)
    }

    /// A reply from a template written once for several tickets: each ticket gets its own
    /// requester, number and deadline; one that cannot fill a placeholder is refused, naming it.
    @Test func aTemplatesPlaceholdersAreFilledForEachTicket() throws {
        let (run, db, ctx) = try Self.desk()
        let a = try Self.ticket(db, ctx, "甲")
        let b = try db.addCase(NewCase(kind: .general, channel: .phone, region: .haidong, title: "乙", requesterName: "卓玛"),
                               at: Self.at("2021-11-23T10:30:00+08:00"), ctx)
        let c = try db.addCase(NewCase(kind: .general, channel: .phone, region: .haidong, title: "丙"),
                               at: Self.at("2021-11-23T11:00:00+08:00"), ctx)
        let text = "{{请求人}}您好：工单{{工单号}}已处理。"
        let outcome = run.writeEach([a, b, c].map { .respond(id: $0.id!, note: text, version: $0.version) }, ctx)
        guard case .loaded(let actions) = outcome, case .severalDone(let results)? = actions.first else {
            Issue.record("\(outcome)"); return
        }
        #expect(results.map { $0.refusal == nil } == [true, true, false])
        #expect(results[2].refusal?.text(.zh).contains("{{请求人}}") == true)
        #expect(try db.timeline(of: a.id!).last?.text == "王建华您好：工单#\(a.id!)已处理。")
        #expect(try db.timeline(of: b.id!).last?.text == "卓玛您好：工单#\(b.id!)已处理。")
        #expect(try db.timeline(of: c.id!).allSatisfy { !$0.text.contains("已处理") })
    }

    @Test func resolveAndMergeGoToEachItem() throws {
        let (run, db, ctx) = try Self.desk()
        let a = try Self.ticket(db, ctx, "甲"), b = try Self.ticket(db, ctx, "乙"), into = try Self.ticket(db, ctx, "丙")
        let merged = run.writeEach([.merge(id: a.id!, into: into.id!, version: a.version),
                                    .merge(id: into.id!, into: into.id!, version: into.version)], ctx)
        guard case .loaded(let actions) = merged, case .severalDone(let results)? = actions.first else { Issue.record("\(merged)"); return }
        #expect(results.map { $0.refusal == nil } == [true, false], "into itself is refused")
        #expect(try db.item(a.id!).status == .merged && db.item(into.id!).status != .merged)
        let resolved = run.writeEach([.resolve(id: b.id!, cause: "配置错误", solution: "已修正", version: b.version)], ctx)
        #expect(resolved == .loaded([.severalDone([SeveralResult(id: b.id!)])]))
        #expect(try db.item(b.id!).status == .closed)
    }
}
