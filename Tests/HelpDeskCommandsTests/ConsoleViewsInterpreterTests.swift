import ConsoleCore
import Foundation
import GRDB
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
@testable import HelpDeskStore

private let now = try! TimeInput.parseInstant("2021-11-23T16:00:00+08:00")

private func dump(_ db: AppDatabase) throws -> [String] {
    try db.read { db in
        try ["saved_view", "last_view"].flatMap { table in try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" } }
    }
}

/// The console's views through the interpreter: what a save, a removal and a read answer with, and
/// a stranger's write refused with nothing kept.
@Suite("The console's views through the interpreter")
struct ConsoleViewsInterpreterTests {
    @Test func aSaveAnswersWithTheViewsAndSaysItAStrangerIsRefused() throws {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let run = ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite")
        let ctx = Context(actor: "zhaolei", now: now)
        var s = ViewSettings()
        s.search = "养老金"
        guard case .loaded(let actions) = run.views(.save(name: "mine", pane: .queue, s), ctx) else {
            Issue.record("not saved"); return
        }
        let view = SavedView(name: "mine", pane: .queue, settings: s, updatedAt: now)
        #expect(actions == [.viewsLoaded([view], last: nil), .viewChanged(.saved(name: "mine", pane: .queue))])
        #expect(run.views(.remember(.board, s), ctx) == .loaded([]))
        #expect(run.views(.load, ctx) == .loaded([.viewsLoaded([view], last: [.board: s.json])]))

        var stranger = ctx
        stranger.actor = "nobody"
        let before = try dump(db)
        guard case .refused(.rule(let text)) = run.views(.save(name: "x", pane: .queue, s), stranger) else {
            Issue.record("a stranger's save not refused"); return
        }
        #expect(text.en.contains("nobody"))
        guard case .refused = run.views(.remove(name: "mine"), stranger) else { Issue.record("a stranger's removal not refused"); return }
        #expect(try dump(db) == before)
        guard case .refused(.rule(let missing)) = run.views(.remove(name: "gone"), ctx) else { Issue.record("no refusal"); return }
        #expect(missing.en == "no view named \"gone\" (:views lists yours)")
        #expect(try dump(db) == before)
    }
}
