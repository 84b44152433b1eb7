import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private func dump(_ db: AppDatabase) throws -> [String] {
    try db.read { db in
        try ["saved_view", "last_view", "history", "audit"].flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map { "\(table) \($0)" }
        }
    }
}

private func regionSearch() -> ViewSettings {
    var s = ViewSettings()
    s.region = "haixi"
    s.search = "养老金"
    s.mine = true
    return s
}

@Suite("Saved views in the store")
struct SavedViewStoreTests {
    @Test func aViewIsKeptAsSavedAndReadBack() throws {
        let (db, ctx) = try makeDatabase()
        let kept = try db.saveView("  海西 mine ", pane: .queue, regionSearch(), ctx)
        #expect(kept == "海西 mine")
        let views = try db.views(of: "zhaolei")
        #expect(views.count == 1)
        #expect(views[0].name == "海西 mine" && views[0].pane == .queue && views[0].settings == regionSearch())
        #expect(views[0].updatedAt == ctx.now)
        #expect(views[0].json.contains("\"version\":1"))
        // Saved again under the same name: replaced, not added.
        var later = ctx
        later.now = ctx.now.addingTimeInterval(60)
        try db.saveView("海西 mine", pane: .board, ViewSettings(), later)
        #expect(try db.views(of: "zhaolei").map(\.pane) == [.board])
        try db.removeView("海西 mine", ctx)
        #expect(try db.views(of: "zhaolei").isEmpty)
    }

    @Test func eachPersonHasTheirOwn() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        var lina = ctx
        lina.actor = "lina"
        try db.saveView("mine", pane: .queue, regionSearch(), ctx)
        try db.saveView("mine", pane: .tasks, ViewSettings(), lina)
        try db.rememberView(.board, regionSearch(), lina)
        #expect(try db.views(of: "zhaolei").map(\.pane) == [.queue])
        #expect(try db.views(of: "lina").map(\.pane) == [.tasks])
        #expect(try db.lastViews(of: "zhaolei").isEmpty)
        #expect(try db.lastViews(of: "lina") == [.board: regionSearch().json])
        // One person removing their view leaves another's of the same name.
        try db.removeView("mine", lina)
        #expect(try db.views(of: "zhaolei").count == 1)
    }

    @Test func aViewerKeepsViewsAndAStrangerKeepsNone() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
        var guest = ctx
        guest.actor = "guest"
        try db.saveView("all", pane: .trainings, ViewSettings(), guest)
        try db.rememberView(.queue, regionSearch(), guest)
        #expect(try db.views(of: "guest").map(\.name) == ["all"])
        #expect(try db.lastViews(of: "guest")[.queue] == regionSearch().json)
        var stranger = ctx
        stranger.actor = "nobody"
        let before = try dump(db)
        #expect(throws: StoreError.notPermitted(.notStaff(user: "nobody"))) { try db.saveView("x", pane: .queue, ViewSettings(), stranger) }
        #expect(throws: StoreError.notPermitted(.notStaff(user: "nobody"))) { try db.rememberView(.queue, ViewSettings(), stranger) }
        #expect(throws: StoreError.notPermitted(.notStaff(user: "nobody"))) { try db.removeView("all", stranger) }
        #expect(try dump(db) == before)
    }

    @Test func badNamesAndUnknownViewsChangeNothing() throws {
        let (db, ctx) = try makeDatabase()
        try db.saveView("keep", pane: .queue, ViewSettings(), ctx)
        let before = try dump(db)
        expectInvalid("a view needs a name") { try db.saveView("   ", pane: .queue, ViewSettings(), ctx) }
        expectInvalid("a view's name is too long: 41 characters, at most 40") {
            try db.saveView(String(repeating: "长", count: 41), pane: .queue, ViewSettings(), ctx)
        }
        expectInvalid("a view's name cannot hold control characters") { try db.saveView("a\u{1B}[2J", pane: .queue, ViewSettings(), ctx) }
        expectInvalid("no view named \"gone\" (:views lists yours)") { try db.removeView("gone", ctx) }
        #expect(try dump(db) == before)
    }

    @Test func aRowNamingAnUnknownListIsRefusedNotGuessed() throws {
        let (db, ctx) = try makeDatabase()
        try db.saveView("keep", pane: .queue, ViewSettings(), ctx)
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE saved_view SET pane = 'calendar'") }
        }
    }

    @Test func settingsReadBackAsWrittenAndOlderOrOddTextIsNotAView() {
        #expect(ViewSettings(json: regionSearch().json) == regionSearch())
        #expect(ViewSettings(json: "{\"version\":1}") == ViewSettings())
        #expect(ViewSettings(json: "not json") == nil)
        #expect(ViewSettings().json == "{\"version\":1}")
        // A later version's unknown parts are passed over; the parts it shares are read.
        #expect(ViewSettings(json: "{\"version\":2,\"search\":\"x\",\"sort\":\"due\"}")?.search == "x")
    }
}
