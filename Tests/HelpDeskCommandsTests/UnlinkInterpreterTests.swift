import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskDemo
import HelpDeskStore

// The console's removal of a relation (`U` in the details), against a database in memory.

private let now = try! TimeInput.parseInstant("2021-11-23T11:00:00+08:00")

@Suite("The console's interpreter: removing a relation")
struct UnlinkInterpreterTests {
    @Test func unlinkRemovesTheRelationInBothHistoriesAndRefusesWhatIsNotLinked() throws {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: now)
        let run = ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite")
        func ticket(_ title: String) throws -> Int64 {
            try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title, requesterName: "王建华",
                                   requesterOffice: "西宁市社保局"), at: now, ctx).id!
        }
        let a = try ticket("养老金测算结果不一致"), b = try ticket("同一参保人重复来电")
        #expect(run.write(.link(id: a, other: b), ctx) == .saved(.saved(id: a)))
        #expect(run.write(.unlink(id: a, other: b), ctx) == .saved(.saved(id: a)))
        #expect(try db.relatedItems(of: a).isEmpty && db.relatedItems(of: b).isEmpty)
        for (id, other) in [(a, b), (b, a)] {
            let last = try #require(try db.itemWithHistory(id).1.last)
            #expect(last.event == .unrelated && last.oldValue == "#\(other)", "#\(id)")
        }
        // Not linked (any more), or an item that is not there: refused as the command line words it.
        let before = [try db.itemWithHistory(a).1, try db.itemWithHistory(b).1]
        guard case .refused(.rule(let why)) = run.write(.unlink(id: a, other: b), ctx) else {
            Issue.record("an unlinked pair unlinked again"); return
        }
        #expect(why == Catalog.WaitingAndLinks.notLinked(a, b))
        guard case .refused(.rule(let missing)) = run.write(.unlink(id: a, other: 9999), ctx) else {
            Issue.record("unlinked from a missing item"); return
        }
        #expect(missing.en.contains("9999") && !missing.zh.isEmpty)
        #expect([try db.itemWithHistory(a).1, try db.itemWithHistory(b).1] == before, "nothing written")
    }
}
