import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The way in and the way back: every place gone into returns, on `q` or Esc, to the place it was
/// entered from with its selection and scroll; `q` quits only at the top.
@Suite("Going in and back")
struct NavigationTests {
    static let month = Period.month(year: 2021, month: 11)
    static let entries = [
        KPIEntry(id: 301, kind: .task, title: "更正缴费基数", deadline: t("2021-11-22T18:00:00+08:00"), eventAt: nil, met: false, cause: nil),
        KPIEntry(id: 302, kind: .task, title: "统计待遇发放", deadline: t("2021-11-25T18:00:00+08:00"), eventAt: nil, met: nil, cause: nil),
        KPIEntry(id: 303, kind: .task, title: "导出缴费明细", deadline: t("2021-11-19T18:00:00+08:00"),
                 eventAt: t("2021-11-19T11:00:00+08:00"), met: true, cause: nil),
    ]

    /// The service levels, K1's list open and loaded, its second entry selected.
    static func figureList() -> ConsoleState {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("3"))
        #expect(s.press(.enter) == [.loadFigureItems(.k1, month)])
        _ = s.reduce(.figureItemsLoaded(.k1, month, entries, total: 3))
        _ = s.press(.char("j"))
        return s
    }

    @Test func backFromAnItemReturnsToTheFigureListWithItsSelectionThenToTheServiceLevelsThenQuits() throws {
        var s = Self.figureList()
        #expect(s.press(.enter) == [.loadDetail(302)])
        #expect(s.trail.count == 2)
        _ = s.press(.char("j"), .char("j"))   // scrolled in the details
        // q: one place back, the list as it was left, read again.
        #expect(s.press(.char("q")) == [.loadFigureItems(.k1, Self.month)])
        guard case .figureItems(let list) = s.mode else { Issue.record("not on the list: \(s.mode)"); return }
        #expect(list.selection == 1 && list.loaded && list.entries == Self.entries)
        // The list read again keeps the selection.
        _ = s.reduce(.figureItemsLoaded(.k1, Self.month, Self.entries, total: 3))
        guard case .figureItems(let again) = s.mode else { Issue.record("list lost"); return }
        #expect(again.selection == 1)
        let b = render(s)
        let row = try #require(b.row(containing: "统计待遇发放"))
        #expect(b.lines[row].hasPrefix(">"))
        #expect(b.row(containing: "K1") == 1)
        // q: the service levels, their figure still selected; q again quits.
        #expect(s.press(.char("q")) == [])
        #expect(s.mode == .normal && s.focus == .kpi && s.serviceLevels.selection == 0 && s.atTop)
        #expect(s.press(.char("q")) == [.quit])
    }

    @Test func escapeGoesBackLikeQButNeverQuits() {
        var s = Self.figureList()
        _ = s.press(.enter)
        _ = s.press(.escape)
        guard case .figureItems = s.mode else { Issue.record("not on the list: \(s.mode)"); return }
        _ = s.press(.escape)
        #expect(s.mode == .normal && s.focus == .kpi)
        #expect(s.press(.escape) == [] && s.mode == .normal)
        #expect(s.press(.char("q")) == [.quit])
    }

    @Test func fromAnInspectionsReadingToItsItemAndBack() throws {
        var s = InspectionSample.state()
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [.loadInspection(7)])
        _ = s.reduce(.inspectionLoaded(InspectionSample.database))
        _ = s.press(.char("j"), .char("j"))   // the disk reading, linked to task 498
        #expect(s.press(.enter) == [.loadDetail(498)])
        #expect(s.press(.char("q")) == [.loadInspection(7)])
        guard case .inspection(let shown) = s.mode else { Issue.record("not on the readings: \(s.mode)"); return }
        #expect(shown.selection == 2 && shown.record == InspectionSample.database)
        let b = render(s)
        #expect(b.lines[try #require(b.row(containing: "app05:/u01"))].hasPrefix(">"))
        // Back to the list, the same inspection selected, read again.
        #expect(s.press(.char("q")) == [.loadInspections])
        #expect(s.mode == .normal && s.focus == .inspections && s.inspections.selected?.id == 7)
        // Back to the desk; then q quits.
        #expect(s.press(.char("q")) == [] && s.focus == .queue && s.atTop)
        #expect(s.press(.char("q")) == [.quit])
    }

    @Test func theKeysAndTheCommandLineOverDetailsReturnToThemScrolledAsTheyWere() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.enter)
        _ = s.press(.char("j"), .char("j"), .char("j"))
        guard case .detail(let before) = s.mode else { Issue.record("no details"); return }
        _ = s.press(.char("?"))
        _ = s.press(.char("q"))
        #expect(s.mode == .detail(before))
        _ = s.press(.char(":"))
        #expect(render(s).row(containing: "养老保险待遇测算结果与手工核对不一致") != nil)   // the details under the prompt
        _ = s.press(.escape)
        #expect(s.mode == .detail(before))
        // `:open 103` from the details: back from it returns to the first item.
        _ = s.press(.char(":"))
        s.type("open 103")
        #expect(s.press(.enter) == [.loadDetail(103)])
        _ = s.press(.char("q"))
        #expect(s.mode == .detail(before))
    }

    @Test func aScreenBesideTheDeskGoesBackToTheDeskPaneItCameFromWithItsSelection() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"), .char("j"))
        #expect(s.board.selection == 1)
        _ = s.press(.char("4"))
        _ = s.reduce(.servicesLoaded(ServiceSample.taskPage()))
        _ = s.press(.char("5"))   // beside the desk, another screen takes its place
        #expect(s.trail.count == 1)
        _ = s.press(.char("q"))
        #expect(s.focus == .faults && s.board.selection == 1 && s.atTop)
        // A desk pane's key from beside the desk goes there: the desk is the top again.
        _ = s.press(.char("4"), .char("1"))
        #expect(s.focus == .queue && s.atTop)
        #expect(s.press(.char("q")) == [.quit])
    }

    @Test func theDetailsOfATaskGoBackToTheTasksAndTheTasksToTheDesk() {
        var s = ServiceSample.state(.tasks)
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [.loadDetail(302)])
        let effects = s.press(.char("q"))
        #expect(s.mode == .normal && s.focus == .tasks && s.tasks.window.selection == 1)
        #expect(effects.contains { if case .loadServices(.task, _, _, _) = $0 { return true } else { return false } })
        #expect(s.press(.char("q")) == [] && s.focus == .queue)
    }

    @Test func aDetailThatCannotBeReadGoesBackToWhereItWasOpened() {
        var s = Self.figureList()
        _ = s.press(.enter)
        _ = s.reduce(.failed(LocalizedText(zh: "读不到", en: "unreadable")))
        guard case .figureItems = s.mode else { Issue.record("not on the list: \(s.mode)"); return }
    }
}

/// Keys act on the pane in view: each key of the desk's keymap, on each pane, either acts there
/// (and changes no other pane) or is refused on the status line, changing nothing.
@Suite("Keys act on the focused pane")
struct FocusedKeyTests {
    static let digits: [Pane: Character] = [.queue: "1", .faults: "2", .kpi: "3", .tasks: "4", .changes: "5", .trainings: "6", .inspections: "7"]

    static func state(on pane: Pane, language: Language = .zh) -> ConsoleState {
        var s = Sample.state(width: 120, height: 40, language: language)
        _ = s.reduce(.servicesLoaded(ServiceSample.taskPage()))
        _ = s.reduce(.servicesLoaded(ServiceSample.changePage()))
        _ = s.reduce(.inspectionsLoaded(InspectionSample.summaries, total: 3))
        _ = s.press(.char(digits[pane]!))
        s.status = nil
        return s
    }

    /// Each pane's own state, by pane.
    static func panes(_ s: ConsoleState) -> [Pane: String] {
        [.queue: "\(s.queue)", .faults: "\(s.board)", .kpi: "\(s.serviceLevels)", .tasks: "\(s.tasks)", .changes: "\(s.changes)",
         .trainings: "\(s.trainings)", .inspections: "\(s.inspections)"]
    }

    @Test(arguments: Pane.allCases)
    func everyKeyActsOnThePaneInViewOrIsRefusedThere(_ pane: Pane) {
        for binding in Keymap.main {
            for key in binding.keys {
                var s = Self.state(on: pane)
                let before = s
                let effects = s.press(key)
                let acts = Keymap.bindings(on: pane).contains { $0.keys.contains(key) }
                if acts {
                    // Something happens, or is said; a move or Enter on an empty list or at its end,
                    // the key of the pane already in view, clearing no filters and Esc at the top are
                    // the only keys that may do nothing.
                    let quiet: Set<Command> = [.up, .down, .pageUp, .pageDown, .top, .bottom, .open, .back, .clearFilters,
                                               .paneQueue, .paneFaults, .paneKPI, .tasks, .changes, .trainings, .inspections]
                    if let command = Keymap.bindings(on: pane).command(for: key), !quiet.contains(command) {
                        #expect(!effects.isEmpty || s != before, "\(key.label) on \(pane) did nothing and said nothing")
                    }
                    // Another pane is changed only by going there (a pane key).
                    let others = Self.panes(s).filter { $0.key != pane && $0.key != s.focus }
                    #expect(others == Self.panes(before).filter { $0.key != pane && $0.key != s.focus }, "\(key.label) on \(pane)")
                } else {
                    #expect(s.status?.kind == .error, "\(key.label) on \(pane) said nothing")
                    var unchanged = s
                    unchanged.status = nil
                    unchanged.statusSaid = before.statusSaid   // the count of things said, which the status line's clearing reads
                    #expect(unchanged == before, "\(key.label) on \(pane) changed something")
                }
            }
        }
    }

    @Test func theBoardFiltersByRegionAndLevelAndSaysSoInItsHeader() throws {
        var s = Self.state(on: .faults)
        let queue = s.queue
        #expect(s.press(.char("R")) == [.loadFaults(BoardFilter(region: .xining))])
        #expect(s.press(.char("L")) == [.loadFaults(BoardFilter(region: .xining, level: .one))])
        #expect(s.queue == queue)
        let b = render(s)
        let header = try #require(b.row(containing: "故障看板"))
        #expect(b.lines[header].contains("筛选：西宁市 · 1级"))
        #expect(!(b.lines[try #require(b.row(containing: "CASE 队列"))].contains("西宁")))
        // The search on the board is the board's.
        _ = s.press(.char("/"))
        s.type("断网")
        #expect(s.press(.enter) == [.loadFaults(BoardFilter(region: .xining, level: .one, search: "断网"))])
        #expect(s.queue.filter.search == "")
        #expect(s.press(.char("c")) == [.loadFaults(BoardFilter())])
        // A filter the board does not have, from the command line: said, nothing changes.
        _ = s.press(.char(":"))
        s.type("kind general")
        _ = s.press(.enter)
        #expect(s.board.filter == BoardFilter() && s.status?.kind == .error)
    }

    @Test func theQueuesFilterKeysOnTheBoardAndTheServiceLevelsAreRefusedInTheReadersLanguage() {
        var s = Self.state(on: .faults)
        #expect(s.press(.char("o")) == [.bell])
        #expect(s.status?.text == "o（只看超时）在故障看板不可用；? 列出各处的按键")
        var e = Self.state(on: .kpi, language: .en)
        #expect(e.press(.char("R")) == [.bell])
        #expect(e.status?.text == "R (filter region) does nothing in Service levels; ? lists the keys")
        #expect(e.queue.filter == QueueFilter())
    }

    @Test func theFooterOffersTheKeysOfThePaneInView() {
        let kpi = render(Self.state(on: .kpi))
        let queue = render(Self.state(on: .queue))
        #expect(kpi.lines.last?.contains("响应") == false)
        #expect(queue.lines.last?.contains("响应") == true)
    }
}
