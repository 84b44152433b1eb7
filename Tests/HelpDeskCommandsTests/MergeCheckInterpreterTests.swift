import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskStore

// The console's check before a merge's question (`J`), against a database in memory.

private let now = try! TimeInput.parseInstant("2021-11-23T11:00:00+08:00")

@Suite("The console's interpreter: checking a merge before asking")
struct MergeCheckInterpreterTests {
    @Test func aMergeIsCheckedByTheStoresRulesAndNamesItsTarget() throws {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: now)
        let run = ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite")
        func ticket(_ title: String) throws -> Int64 {
            try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title, requesterName: "王建华"), at: now, ctx).id!
        }
        let a = try ticket("养老金测算结果不一致"), b = try ticket("同一参保人重复来电")
        let fault = try db.addFault(NewFault(level: .three, region: .xining, title: "报表打印异常"), at: now, ctx).id!
        let before = try db.itemWithHistory(a)

        let ok = WriteRequest.merge(id: a, into: b, version: 1)
        #expect(try run.check(ok) == .writeChecked(ok, refusal: nil, title: "同一参保人重复来电"))
        let kinds = WriteRequest.merge(id: a, into: fault, version: 1)
        guard case .writeChecked(_, let why?, _) = try run.check(kinds) else { Issue.record("not refused"); return }
        #expect(why.en == "#\(a) (general) and #\(fault) (fault) are of different kinds: only items of one kind are merged")
        let itself = WriteRequest.merge(id: a, into: a, version: 1)
        guard case .writeChecked(_, let same?, _) = try run.check(itself) else { Issue.record("not refused"); return }
        #expect(same.zh == "#\(a) 不能合并到自身")
        // A number that is no item fails as a read does; nothing was written by any of it.
        #expect(throws: (any Error).self) { try run.check(.merge(id: a, into: 999, version: 1)) }
        #expect(try db.itemWithHistory(a).1 == before.1)
        // Written, the status line says what was merged into what.
        let done = run.write(ok, ctx)
        #expect(done == .saved(.merged(id: a, into: b)))
        guard case .saved(let outcome) = done else { return }
        #expect(outcome.text(.zh) == "#\(a) 已合并到 #\(b)" && outcome.id == a)
    }
}
