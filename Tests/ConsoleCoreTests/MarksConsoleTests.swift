import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Marks in the CASE queue and on the fault board: Space marks and unmarks, `C` clears, the count
/// in the pane's title, a `*` column; with marks, take and the forms go to every marked item, one
/// write each, and a list says what came of each.
@Suite("Marks in the queue and on the board")
struct MarksConsoleTests {
    /// The queue with 101, 102 and 103 marked (Space three times from the top).
    static func marked(width: Int = 120, height: Int = 40, _ lang: Language = .zh) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.press(.char(" "), .char(" "), .char(" "))
        return s
    }

    @Test func spaceMarksAndMovesDownASecondSpaceUnmarksAndCClearsAll() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char(" "))
        #expect(s.queue.marks.ids == [101] && s.queue.selection == 1)
        _ = s.press(.char(" "), .char("k"), .char(" "))
        #expect(s.queue.marks.ids == [101], "102 marked, then unmarked")
        #expect(s.queue.selection == 2)
        _ = s.press(.char(" "))
        #expect(s.queue.marks.ids == [101, 103])
        #expect(s.press(.char("C")).isEmpty)
        #expect(s.queue.marks.isEmpty)
        #expect(s.status?.text == "已清除标记")
    }

    /// The board's footer offers what acts on faults: `r` (respond) only says faults are restored
    /// or raised there, so the queue's footer names it and the board's does not.
    @Test func theBoardsFooterDoesNotOfferRespond() {
        var s = Sample.state(width: 120, height: 40)
        #expect(render(s).lines.last?.contains("r 响应") == true)
        _ = s.press(.char("2"))
        let footer = render(s).lines.last ?? ""
        #expect(!footer.contains("r 响应") && footer.contains("t "), "\(footer)")
    }

    @Test func marksOnTheBoardAreTheBoardsOwn() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"), .char(" "), .char(" "))
        #expect(s.board.marks.ids == [201, 202] && s.queue.marks.isEmpty)
        _ = s.press(.char("1"), .char(" "))
        #expect(s.queue.marks.ids == [101] && s.board.marks.ids == [201, 202])
    }

    @Test func marksSurviveAReloadWithTheNewestCopyAndGoWhenTheirItemLeaves() {
        var s = Self.marked()
        var newer = Sample.tickets
        newer[0].version = 4
        newer.remove(at: 1)   // 102 closed elsewhere: gone from the queue
        _ = s.reduce(.queueLoaded(QueuePage(items: newer, offset: 0, total: newer.count, filter: QueueFilter())))
        #expect(s.queue.marks.ids == [101, 103])
        #expect(s.queue.marks.items.first?.version == 4)
        // A window of a longer queue cannot tell: marks outside it are kept.
        _ = s.reduce(.queueLoaded(QueuePage(items: [newer[2]], offset: 0, total: 900, filter: QueueFilter())))
        #expect(s.queue.marks.ids == [101, 103])
        // The board holds every open fault: a fault no longer there loses its mark.
        _ = s.press(.char("2"), .char(" "), .char(" "))
        _ = s.reduce(.faultsLoaded([Sample.faults[1], Sample.faults[2]]))
        #expect(s.board.marks.ids == [202])
    }

    @Test func takeWithMarksIsOneEffectCarryingAWriteForEach() {
        var s = Self.marked()
        #expect(s.press(.char("t")) == [.writeEach([.assign(id: 101, to: "zhangwei", version: 1),
                                                    .assign(id: 102, to: "zhangwei", version: 1),
                                                    .assign(id: 103, to: "zhangwei", version: 1)])])
    }

    @Test func withoutMarksTakeIsTheSelectedItemsAlone() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("t")) == [.write(.assign(id: 101, to: "zhangwei", version: 1))])
    }

    @Test func resolveWithMarksOpensOneFormAndSavesItForEach() {
        var s = Self.marked()
        _ = s.press(.char("x"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .resolve(id: 101, version: 1))
        #expect(s.status?.text.contains("3 个") == true)
        s.type("操作顺序有误")
        _ = s.press(.tab)
        s.type("指导重新操作")
        #expect(s.press(.ctrl("s")) == [.writeEach([101, 102, 103].map {
            .resolve(id: $0, cause: "操作顺序有误", solution: "指导重新操作", version: 1)
        })])
    }

    @Test func aFormClosedWithoutSavingForgetsTheMarkedTargets() {
        var s = Self.marked()
        _ = s.press(.char("x"), .escape)
        #expect(s.mode == .normal && s.formTargets.isEmpty)
        _ = s.press(.char("C"), .char("g"))
        _ = s.press(.char("x"))
        s.type("c")
        _ = s.press(.tab)
        s.type("s")
        #expect(s.press(.ctrl("s")) == [.write(.resolve(id: 101, cause: "c", solution: "s", version: 1))])
    }

    @Test func theResultsListOneLineEachDoneOnesLoseTheirMarksRefusedOnesKeepThem() {
        var s = Self.marked()
        let effects = s.reduce(.severalDone([SeveralResult(id: 101), SeveralResult(id: 102, refusal: .rule(LocalizedText(zh: "已指派给 lina", en: "already assigned to lina"))),
                                             SeveralResult(id: 103)]))
        #expect(effects.first == .bell && effects.contains(.loadFaults(s.board.filter)))
        #expect(s.queue.marks.ids == [102])
        guard case .severalResults(let shown) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(shown.results.count == 3)
        #expect(s.status?.text == "2 个已办理，1 个未办理（仍标记）")
        // Enter opens the selected item; q closes the list.
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [.loadDetail(102)])
        _ = s.press(.char("q"))
        guard case .severalResults = s.mode else { Issue.record("back to the list: \(s.mode)"); return }
        _ = s.press(.char("q"))
        #expect(s.mode == .normal)
    }

    @Test(arguments: [(80, Language.zh), (120, .zh), (80, .en), (120, .en)])
    func theQueueShowsTheMarksAndTheirCount(_ size: Int, _ lang: Language) throws {
        let s = Self.marked(width: size, lang)
        let b = render(s)
        let title = try #require(b.row(containing: lang == .zh ? "已标记 3 个" : "3 marked"))
        #expect(b.lines[title].contains(lang == .zh ? "工单队列" : "queue") || b.lines[title].contains("CASE"))
        for id in ["101", "102", "103"] {
            let row = try #require(b.row(containing: " \(id) "))
            #expect(b.lines[row].hasPrefix(">*") || b.lines[row].hasPrefix(" *"), "\(b.lines[row])")
        }
        let unmarked = try #require(b.row(containing: " 104 "))
        #expect(b.lines[unmarked].hasPrefix("> ") || b.lines[unmarked].hasPrefix("  "), "\(b.lines[unmarked])")
        // The mark column shifts every row alike: the ids end in one column, marked or not.
        let idEnds = Sample.tickets.compactMap { item -> Int? in
            guard let row = b.row(containing: " \(item.id!) "), let r = b.lines[row].range(of: "\(item.id!) ") else { return nil }
            return TerminalText.width(String(b.lines[row][..<r.upperBound]))
        }
        #expect(idEnds.count == 4 && Set(idEnds).count == 1, "\(idEnds)")
        for line in b.lines { #expect(TerminalText.width(line) <= size) }
    }

    @Test(arguments: [(80, Language.zh), (120, .en)])
    func theBoardShowsTheMarksAndTheirCount(_ size: Int, _ lang: Language) throws {
        var s = Sample.state(width: size, height: 40, language: lang)
        _ = s.press(.char("2"), .char(" "), .char(" "))
        let b = render(s)
        #expect(b.row(containing: lang == .zh ? "已标记 2 个" : "2 marked") != nil)
        let marked = try #require(b.row(containing: " 201 "))
        #expect(b.lines[marked].dropFirst().hasPrefix("*"), "\(b.lines[marked])")
        let other = try #require(b.row(containing: " 203 "))
        #expect(!b.lines[other].dropFirst().hasPrefix("*"), "\(b.lines[other])")
        for line in b.lines { #expect(TerminalText.width(line) <= size) }
    }

    /// The results name what was done on the marked items: `t` takes them, a reply replies.
    @Test func theResultsNameWhatWasDone() throws {
        var s = Self.marked()
        guard case .writeEach(let writes)? = s.press(.char("t")).first else { Issue.record("no writes"); return }
        #expect(writes.count == 3)
        _ = s.reduce(.severalDone(writes.compactMap(\.targetID).map { SeveralResult(id: $0) }))
        #expect(render(s).row(containing: "标记事项：认领的结果") != nil)
        var e = Self.marked(width: 120, .en)
        _ = e.press(.char("J"))
        e.type("205")
        _ = e.press(.ctrl("s"))
        let request = WriteRequest.merge(id: 101, into: 205, version: 1)
        _ = e.reduce(.writeChecked(request, refusal: nil, title: "x"))
        guard case .writeEach(let merges)? = e.press(.char("y")).first else { Issue.record("no merges"); return }
        _ = e.reduce(.severalDone(merges.compactMap(\.targetID).map { SeveralResult(id: $0) }))
        #expect(render(e).row(containing: "Marked items: merge into #205") != nil)
    }

    @Test(arguments: [(80, Language.zh), (120, .en)])
    func theResultsListSaysEachLine(_ size: Int, _ lang: Language) throws {
        var s = Self.marked(width: size, lang)
        _ = s.reduce(.severalDone([SeveralResult(id: 101),
                                   SeveralResult(id: 102, refusal: .rule(LocalizedText(zh: "已关闭 \u{1B}[2J", en: "closed \u{1B}[2J")))]))
        let b = render(s)
        #expect(b.row(containing: lang == .zh ? "标记事项的办理结果" : "Marked items: what was done") != nil)
        #expect(b.row(containing: lang == .zh ? "#101 已办理" : "#101 done") != nil)
        let refused = try #require(b.row(containing: lang == .zh ? "#102 未办理：已关闭" : "#102 refused: closed"))
        #expect(!b.lines[refused].contains("\u{1B}"))
        for line in b.lines { #expect(TerminalText.width(line) <= size) }
    }
}
