import Foundation
import Testing
@testable import HelpDeskCore
@testable import ConsoleCore

private func staffed(_ language: Language = .zh) -> ConsoleState {
    var s = Sample.state(width: 120, height: 40, language: language)
    _ = s.reduce(.staffLoaded([StaffMember(username: "zhangwei", name: "张伟", role: .onsite)]))
    _ = s.reduce(.viewsLoaded([], last: [:]))
    return s
}

private func haixiMine() -> ViewSettings {
    var s = ViewSettings()
    s.region = "haixi"
    s.mine = true
    s.search = "养老金"
    return s
}

@Suite("Saved views in the console")
struct ViewsConsoleTests {
    @Test func saveAsksTheStoreForTheFocusedListsFilters() {
        var s = staffed()
        _ = s.execute(.filter(.region(.haixi)))
        _ = s.execute(.filter(.toggleMine))
        _ = s.execute(.filter(.search("养老金")))
        #expect(s.execute(.saveView("海西")) == [.views(.save(name: "海西", pane: .queue, haixiMine()))])
        // The board's own.
        _ = s.press(.char("2"))
        _ = s.execute(.filter(.region(.xining)))
        var board = ViewSettings()
        board.region = "xining"
        #expect(s.execute(.saveView("b")) == [.views(.save(name: "b", pane: .board, board))])
        // A pane without filters has nothing to save: said, nothing asked of the store.
        _ = s.press(.char("3"))
        #expect(s.execute(.saveView("k")) == [.bell])
        #expect(s.status?.kind == .error)
        // A name the store would refuse is refused at once.
        _ = s.press(.char("1"))
        #expect(s.execute(.saveView(String(repeating: "x", count: 41))) == [.bell])
        #expect(s.status?.text == Catalog.Views.nameTooLong(41, limit: 40).zh)
    }

    @Test func viewAppliesToTheListItWasSavedFromAndSwitchesToIt() {
        var s = staffed(.en)
        let saved = [SavedView(name: "mine", pane: .queue, settings: haixiMine(), updatedAt: now)]
        _ = s.reduce(.viewsLoaded(saved, last: nil))
        _ = s.press(.char("2"))
        #expect(s.focus == .faults)
        let effects = s.execute(.openView("mine"))
        #expect(s.focus == .queue)
        #expect(s.queue.filter.region == .haixi && s.queue.filter.mine && s.queue.filter.search == "养老金")
        #expect(effects.contains(.loadQueue(s.queue.filter, offset: 0, limit: QueueScreen.window)))
        #expect(s.status?.text == "view \"mine\" opened")
        // A saved view of the tasks goes to the tasks and reads them through it.
        var closed = ViewSettings()
        closed.status = "closed"
        _ = s.reduce(.viewsLoaded(saved + [SavedView(name: "done", pane: .tasks, settings: closed, updatedAt: now)], last: nil))
        let taskLoads = s.execute(.openView("done"))
        #expect(s.focus == .tasks && s.tasks.filter.status == .closed)
        #expect(taskLoads.contains { if case .loadServices(.task, let f, _, _) = $0 { f.status == .closed } else { false } })
    }

    @Test func anUnknownNameIsSaidAndChangesNothing() {
        var s = staffed(.en)
        let before = s.queue.filter
        #expect(s.execute(.openView("nope")) == [.bell])
        #expect(s.status?.text == "no view named \"nope\" (:views lists yours)")
        #expect(s.queue.filter == before)
        #expect(s.execute(.removeView("nope")) == [.bell])
        #expect(CommandLineScreen.parse("view") == .badArgument(command: "view", given: ""))
        #expect(CommandLineScreen.parse("save  两 个") == .saveView("两 个"))
        #expect(CommandLineScreen.parse("unsave x") == .removeView("x"))
        #expect(CommandLineScreen.parse("views") == .listViews)
    }

    @Test func aViewNamingWhatIsGoneOpensWithoutItAndSaysSo() {
        var s = staffed(.en)
        var odd = haixiMine()
        odd.region = "haidong-old"
        odd.kind = "complaint"
        _ = s.reduce(.viewsLoaded([SavedView(name: "old", pane: .queue, settings: odd, updatedAt: now)], last: nil))
        _ = s.execute(.openView("old"))
        #expect(s.queue.filter.region == nil && s.queue.filter.kind == nil)
        #expect(s.queue.filter.mine && s.queue.filter.search == "养老金")
        #expect(s.status?.text == "view \"old\" opened without what no longer exists: kind complaint, region haidong-old")
        #expect(s.status?.kind == .error)
    }

    @Test func eachListOpensAsLastLeftAndIsKeptOnTheTickOnlyWhenChanged() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.reduce(.staffLoaded([StaffMember(username: "zhangwei", name: "张伟", role: .viewer)]))
        var level = ViewSettings()
        level.level = "2"
        level.region = "mars"
        let effects = s.reduce(.viewsLoaded([], last: [.queue: haixiMine().json, .board: level.json]))
        #expect(s.queue.filter.region == .haixi && s.board.filter.level == .two && s.board.filter.region == nil)
        #expect(effects.contains(.loadFaults(s.board.filter)))
        #expect(s.status?.text == "Fault board opened as last left, without what no longer exists: region mars")
        // Restored as it was: nothing to keep.
        #expect(s.reduce(.tick(now)) == [])
        // Three keys, one write on the next tick; none on the one after.
        _ = s.press(.char("1"), .char("o"), .char("o"), .char("o"))
        #expect(s.reduce(.tick(now.addingTimeInterval(1))) == [.views(.remember(.queue, s.queue.filter.viewSettings))])
        #expect(s.reduce(.tick(now.addingTimeInterval(2))) == [])
    }

    @Test func aStrangerKeepsNoStateAndNothingIsKeptBeforeTheListsAreRestored() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.reduce(.staffLoaded([StaffMember(username: "zhangwei", name: "张伟", role: .onsite)]))
        _ = s.execute(.filter(.toggleMine))
        #expect(s.reduce(.tick(now)) == [], "not yet restored")
        var stranger = Sample.state(width: 120, height: 40, language: .en)
        _ = stranger.reduce(.viewsLoaded([], last: [:]))
        _ = stranger.execute(.filter(.toggleMine))
        #expect(stranger.reduce(.tick(now)) == [])
        // A file that cannot be written: nothing asked of it, so no refusal after each filter.
        var readOnly = staffed(.en)
        readOnly.isReadOnly = true
        _ = readOnly.execute(.filter(.toggleMine))
        #expect(readOnly.reduce(.tick(now)) == [])
    }

    @Test func theViewsAreListedOnTheKeysScreenInBothLanguages() throws {
        for lang in [Language.zh, .en] {
            var s = staffed(lang)
            var closed = ViewSettings()
            closed.status = "all"
            _ = s.reduce(.viewsLoaded([SavedView(name: "海西我的", pane: .queue, settings: haixiMine(), updatedAt: now),
                                       SavedView(name: "all-tasks", pane: .tasks, settings: closed, updatedAt: now),
                                       SavedView(name: "plain", pane: .board, settings: ViewSettings(), updatedAt: now)], last: nil))
            _ = s.execute(.listViews)
            let screen = render(s)
            let heading = try #require(screen.row(containing: Catalog.Views.heading(lang)))
            let mine = try #require(screen.row(containing: "海西我的"))
            #expect(mine > heading)
            let queueLine = screen.line(mine)
            #expect(queueLine.contains(Strings.Key.caseQueue.text(lang)) && queueLine.contains(Region.haixi.label(lang)))
            #expect(queueLine.contains("/养老金"))
            let tasks = try #require(screen.row(containing: "all-tasks"))
            #expect(screen.line(tasks).contains(Strings.Key.tasks.text(lang)))
            let plain = try #require(screen.row(containing: "plain"))
            #expect(screen.line(plain).contains(Catalog.Views.noFilters(lang)))
        }
        // None yet: said where they would be.
        var empty = staffed(.en)
        _ = empty.execute(.listViews)
        #expect(render(empty).row(containing: Catalog.Views.none.en) != nil)
    }

    @Test func aSavedOrRemovedViewIsSaid() {
        var s = staffed(.zh)
        _ = s.reduce(.viewChanged(.saved(name: "海西", pane: .queue)))
        #expect(s.status?.text == "已保存视图“海西”（\(Strings.Key.caseQueue.text.zh)）")
        _ = s.reduce(.viewChanged(.removed("海西")))
        #expect(s.status?.text == "已删除视图“海西”")
    }
}
