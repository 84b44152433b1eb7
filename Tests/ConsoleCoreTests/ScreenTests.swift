import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// Each screen's reducer on its own: its state and its actions, without the console around it.
@Suite("Screens on their own")
struct ScreenTests {
    @Test func theQueueMovesItsSelectionAndAsksForThePageAroundIt() {
        var queue = QueueScreen.State()
        let page = QueuePage(items: Sample.tickets, offset: 0, total: 1000, filter: QueueFilter())
        #expect(QueueScreen.reduce(&queue, .pageLoaded(page)) == [])
        #expect(QueueScreen.reduce(&queue, .move(by: 2)) == [])       // within the loaded rows
        #expect(queue.selected?.id == 103)
        #expect(QueueScreen.reduce(&queue, .move(by: 500)) == [.load(QueueFilter(), offset: 452, limit: 200)])
        #expect(queue.selection == 502)
        #expect(queue.selected == nil)                                // until that page arrives
        #expect(QueueScreen.reduce(&queue, .move(by: .max / 2)) == [.load(QueueFilter(), offset: 949, limit: 200)])
        #expect(queue.selection == 999)                               // the last row, no further
    }

    @Test func theQueueStartsAgainFromTheTopWhenItsFiltersChange() {
        var queue = QueueScreen.State()
        queue.selection = 3
        var mine = QueueFilter()
        mine.mine = true
        #expect(QueueScreen.reduce(&queue, .filter(.toggleMine)) == [.load(mine, offset: 0, limit: 200)])
        #expect(queue.selection == 0)
        // A page for the filter it had before is dropped.
        _ = QueueScreen.reduce(&queue, .pageLoaded(QueuePage(items: Sample.tickets, offset: 0, total: 4, filter: QueueFilter())))
        #expect(!queue.loaded)
        // A new search is the queue's alone (the board has its own).
        mine.search = "养老"
        #expect(QueueScreen.reduce(&queue, .filter(.search("养老"))) == [.load(mine, offset: 0, limit: 200)])
    }
}

extension ScreenTests {
    /// A search matching many tickets is counted only past the page: the title says "1000+", the
    /// selection moves within what is known, and each page further on counts further.
    @Test func aSearchCountedOnlyPastThePageGrowsAsTheSelectionMoves() {
        var queue = QueueScreen.State()
        var search = QueueFilter()
        search.search = "登录"
        _ = QueueScreen.reduce(&queue, .filter(.search("登录")))
        _ = QueueScreen.reduce(&queue, .pageLoaded(QueuePage(items: Sample.tickets, offset: 0, total: 1000, totalIsLowerBound: true,
                                                              filter: search)))
        #expect(queue.page.totalText == "1000+")
        #expect(QueueScreen.reduce(&queue, .move(by: 5000)) == [.load(search, offset: 949, limit: 200)])
        #expect(queue.selection == 999)
        #expect(QueuePage.countCap(offset: 949, limit: 200) == 1349)
        _ = QueueScreen.reduce(&queue, .pageLoaded(QueuePage(items: Array(repeating: Sample.tickets[0], count: 200), offset: 949,
                                                              total: 1349, totalIsLowerBound: true, filter: search)))
        #expect(QueueScreen.reduce(&queue, .move(by: 5000)) == [.load(search, offset: 1298, limit: 200)])
        #expect(queue.selection == 1348)
        // The last page: shorter than asked, the count is exact.
        _ = QueueScreen.reduce(&queue, .pageLoaded(QueuePage(items: Array(repeating: Sample.tickets[0], count: 60), offset: 1298,
                                                              total: 1358, filter: search)))
        #expect(queue.page.totalText == "1358")
        // A lower bound below what a page holds is raised to it.
        #expect(QueuePage(items: Sample.tickets, offset: 998, total: 1000, totalIsLowerBound: true, filter: search).total == 998 + Sample.tickets.count)
    }

    @Test func theBoardKeepsTheSelectedFaultWhenItReloads() {
        var board = BoardScreen.State()
        BoardScreen.reduce(&board, .loaded(Sample.faults, preferring: nil))
        BoardScreen.reduce(&board, .move(by: 1))
        #expect(board.selected?.id == 202)
        // 201 was restored elsewhere: 202 stays selected, one row up.
        BoardScreen.reduce(&board, .loaded(Array(Sample.faults.dropFirst()), preferring: nil))
        #expect(board.selection == 0 && board.selected?.id == 202)
        // A fault just reported is selected once it is on the board.
        BoardScreen.reduce(&board, .loaded(Sample.faults, preferring: 203))
        #expect(board.selected?.id == 203)
    }
}

extension ScreenTests {
    @Test func theDetailScrollsAndHandsItsActionKeysToTheRoot() {
        var d = Detail(id: 101)
        #expect(DetailScreen.reduce(&d, .loaded(Sample.tickets[1], [])) == [])
        #expect(d.item == nil)                                         // another item's
        _ = DetailScreen.reduce(&d, .loaded(Sample.tickets[0], []))
        #expect(d.item?.id == 101)
        _ = DetailScreen.reduce(&d, .key(.pageDown))
        _ = DetailScreen.reduce(&d, .key(.char("k")))
        #expect(d.scroll == 9)
        #expect(DetailScreen.reduce(&d, .key(.char("x"))) == [.run(.resolve)])
        #expect(DetailScreen.reduce(&d, .key(.char("K"))) == [])       // filters belong to the main screen
        #expect(DetailScreen.reduce(&d, .key(.char("q"))) == [.close])
    }
}

extension ScreenTests {
    @Test func aFormRefusesWhatIsMissingThenAsksForItsWrite() throws {
        var form = Form.resolve(Sample.tickets[0], .zh, Form.Clock(now: now))
        let refused = FormScreen.reduce(&form, .key(.ctrl("s")), .zh)
        guard case .problem(let text)? = refused.first, refused.count == 1 else { Issue.record("\(refused)"); return }
        #expect(text.contains("必填"))
        #expect(form.triedToSave && form.focus == 0)
        for c in "操作顺序有误" { _ = FormScreen.reduce(&form, .key(.char(c)), .zh) }
        _ = FormScreen.reduce(&form, .key(.tab), .zh)
        for c in "指导重新操作" { _ = FormScreen.reduce(&form, .key(.char(c)), .zh) }
        #expect(FormScreen.reduce(&form, .key(.enter), .zh)
                    == [.save(.resolve(id: 101, cause: "操作顺序有误", solution: "指导重新操作", version: 1))])
        // Esc on a form holding input asks first; `y` closes it.
        #expect(FormScreen.reduce(&form, .key(.escape), .zh) == [])
        #expect(form.confirmingDiscard)
        #expect(FormScreen.reduce(&form, .key(.char("y")), .zh) == [.close])
    }
}

extension ScreenTests {
    @Test func theCommandLineReadsWhatWasTypedIntoARequest() {
        #expect(CommandLineScreen.parse("status closed") == .filter(.status(.closed)))
        #expect(CommandLineScreen.parse("status all") == .filter(.anyStatus(closed: true)))
        #expect(CommandLineScreen.parse("open #42") == .open(42))
        #expect(CommandLineScreen.parse("new fault") == .command(.newFault))
        #expect(CommandLineScreen.parse("new") == .command(.newCase) && CommandLineScreen.parse("new case") == .command(.newCase))
        #expect(CommandLineScreen.parse("new inspection") == .command(.newInspection))
        #expect(CommandLineScreen.parse("new tr") == .command(.newTraining) && CommandLineScreen.parse("new t") == .command(.newTask))
        // A word that names nothing is refused, not guessed.
        #expect(CommandLineScreen.parse("new xyz") == .badArgument(command: "new", given: "xyz"))
        #expect(CommandLineScreen.parse("new foo") == .badArgument(command: "new", given: "foo"))
        #expect(CommandLineScreen.parse("lang fr") == .badArgument(command: "lang", given: "fr"))
        #expect(CommandLineScreen.parse("  ") == nil)
        var field = TextField()
        for c in "q" { #expect(CommandLineScreen.reduce(&field, .char(c)) == []) }
        #expect(CommandLineScreen.reduce(&field, .enter) == [.close, .run(.quit)])
        #expect(CommandLineScreen.reduce(&field, .escape) == [.close])
    }
}

extension ScreenTests {
    /// The "done at" field shows now to the minute; left as it is, the step is done at now to the
    /// second — never a minute before a training entered seconds earlier.
    @Test func aTimeLeftAsOpenedIsNowToTheSecond() throws {
        let opened = now.addingTimeInterval(35)   // 35 s past the minute
        var item = Sample.tickets[0]
        item.kind = .training
        let form = Form.trainingStep(item, step: .plan, .zh, Form.Clock(now: opened))
        #expect(form.happenedAt == opened)
        var edited = form
        for _ in 0..<5 { _ = FormScreen.reduce(&edited, .key(.tab), .zh) }
        edited.focus = 1
        for _ in 0..<5 { _ = FormScreen.reduce(&edited, .key(.backspace), .zh) }
        for c in "09:30" { _ = FormScreen.reduce(&edited, .key(.char(c)), .zh) }
        #expect(edited.value(.at).hasSuffix("09:30"))
        #expect(edited.happenedAt == BeijingTime.instant(BeijingTime.date(of: opened), secondOfDay: 9 * 3600 + 30 * 60))
    }
}

extension ScreenTests {
    @Test func theSearchSaysWhatItFindsInTheListItFilters() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("/"))
        #expect(render(s).lines.last?.contains("查找标题、提出人、电话、描述") == true)
        _ = s.press(.escape, .char("6"), .char("/"))
        #expect(render(s).lines.last?.contains("查找主题、地点、讲师") == true)
        _ = s.press(.escape, .char("7"))
        #expect(s.press(.char("/")) == [.bell])
        #expect(s.mode == .normal && s.status?.text.contains("巡检列表不支持搜索") == true)
    }
}

extension ScreenTests {
    /// A message longer than the status line is read whole: it goes on over the footer's row.
    @Test func aLongMessageTakesTheFootersRowAndIsReadWhole() {
        var s = Sample.state(width: 80, height: 24)
        let long = "the database file is read-only for nobody: you may read, nothing can be saved; to write, join the file's group and make it group-writable (chmod 660)"
        s.status = StatusMessage(text: long, kind: .error, until: now.addingTimeInterval(30))
        var b = render(s)
        #expect(b.lines[22].hasPrefix(" the database file is read-only for nobody"))
        #expect(b.lines[23].contains("group-writable (chmod 660)"))
        #expect(!b.lines[23].contains("? 帮助"))
        // A short one leaves the footer's keys where they are.
        s.status = StatusMessage(text: "已保存 #101", kind: .info, until: now.addingTimeInterval(30))
        b = render(s)
        #expect(b.lines[22].hasPrefix(" 已保存 #101") && b.lines[23].contains("? 帮助"))
    }
}

extension ScreenTests {
    /// The command line's row on the keys screen names every command and is not cut at 80 columns.
    @Test func theCommandsOnTheKeysScreenFitEightyColumns() {
        for lang in [Language.zh, .en] {
            let rows = CommandLineScreen.keyHelp(lang)
            let keyWidth = HelpScreen.rows(lang).map { TerminalText.width($0.0) }.max() ?? 8
            #expect(rows.allSatisfy { TerminalText.width($0.1) <= 80 - keyWidth - 5 }, "\(lang): key column \(keyWidth)")
            let all = rows.map { "\($0.0) \($0.1)" }.joined(separator: " ")

            for word in ["inspection", "inspections", "trainings", "freeze", "lang"] { #expect(all.contains(word), "\(lang): \(word)") }
        }
    }
}
