import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// The similar resolved tickets in a ticket's details, and `R` putting the selected one's solution
/// into a reply.
@Suite("Similar resolved tickets in the console")
struct SimilarConsoleTests {
    static let hostile = "证书过期\u{1B}]0;owned\u{07}"
    static let found = [
        SimilarTicket(id: 57, title: "Ukey证书过期导致无法登录经办系统，更换证书后恢复正常使用的处理记录", resolvedAt: t("2021-10-12T10:00:00+08:00"),
                      cause: hostile, solution: "为经办人重新签发Ukey证书并在客户端导入\n第二步：重启浏览器"),
        SimilarTicket(id: 31, title: "登录时提示证书无效", resolvedAt: t("2021-09-01T10:00:00+08:00"),
                      cause: "证书吊销列表未更新", solution: "更新吊销列表"),
    ]

    static func details(_ lang: Language, width: Int) -> ConsoleState {
        var s = Sample.state(width: width, height: 60, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.similarLoaded(id: 101, found))
        return s
    }

    static func detail(_ s: ConsoleState) -> Detail? {
        if case .detail(let d) = s.mode { return d }
        return nil
    }

    @Test(arguments: [80, 120])
    func theDetailsListTheClosestInChinese(width: Int) throws {
        let b = render(Self.details(.zh, width: width))
        let heading = try #require(b.row(containing: "相似的已解决工单"))
        let first = try #require(b.row(containing: "#57 Ukey证书过期"))
        let second = try #require(b.row(containing: "#31 登录时提示证书无效"))
        #expect(heading < first && first < second)
        #expect(b.lines[first].contains("▶") && !b.lines[second].contains("▶"), "the first is selected")
        // Its cause and solution on the row under it, on one line, cut to the width.
        #expect(b.lines[first + 1].contains("原因：证书过期") && b.lines[first + 1].contains("解决："))
        #expect(b.lines[second + 1].contains("原因：证书吊销列表未更新 · 解决：更新吊销列表"))
        if width == 80 { #expect(b.lines[first].contains("…"), "the long title is shortened") }
        #expect(!b.lines.joined().contains("\u{1B}") && !b.lines.joined().contains("\u{07}"))
        for line in b.lines { #expect(TerminalText.width(line) <= width) }
    }

    @Test(arguments: [80, 120])
    func theDetailsListTheClosestInEnglish(width: Int) throws {
        let b = render(Self.details(.en, width: width))
        let heading = try #require(b.row(containing: "Similar resolved tickets"))
        let second = try #require(b.row(containing: "#31"))
        #expect(heading < second)
        #expect(b.lines[second + 1].contains("cause: 证书吊销列表未更新 · solution: 更新吊销列表"))
        for line in b.lines { #expect(TerminalText.width(line) <= width) }
        // Its keys are on the `?` screen.
        #expect(HelpScreen.rows(.en).contains { $0.0.contains("R") && $0.1 == Catalog.Similar.replyKey.en })
        #expect(HelpScreen.rows(.zh).contains { $0.0.contains("s") && $0.1 == Catalog.Similar.nextKey.zh })
    }

    @Test func aTicketsDetailsAskForItsClosestFromTheBackgroundEachTimeItIsRead() {
        var s = Sample.state(width: 120, height: 60, language: .en)
        _ = s.press(.enter)
        #expect(s.reduce(.detailLoaded(Sample.tickets[0], [])) == [.loadSimilar(101)])
        #expect(s.reduce(.detailLoaded(Sample.faults[0], [])) == [], "another item than the one shown")
        // A fault is offered them too; a task is not.
        var board = Sample.state(width: 120, height: 60, language: .en)
        _ = board.press(.enter)
        var task = Sample.tickets[0]
        task.kind = .task
        #expect(board.reduce(.detailLoaded(task, [])) == [])
    }

    @Test func noneFoundShowsNoSection() {
        var s = Sample.state(width: 120, height: 60, language: .en)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.similarLoaded(id: 101, []))
        #expect(render(s).row(containing: "Similar resolved tickets") == nil)
        // `R` with nothing to use is refused with a word.
        #expect(s.press(.char("R")) == [.bell])
        #expect(s.status?.text == Catalog.Similar.noneToPick.en)
    }

    @Test func anotherItemsSimilarAreNotTaken() {
        var s = Self.details(.en, width: 120)
        _ = s.reduce(.similarLoaded(id: 999, []))
        #expect(Self.detail(s)?.similar == Self.found)
    }

    @Test func sSelectsTheNextAndROpensTheReplyWithItsSolutionToEdit() throws {
        var s = Self.details(.en, width: 120)
        #expect(s.press(.char("s")).isEmpty)
        #expect(Self.detail(s)?.similarCursor == 1)
        #expect(s.press(.char("s")).isEmpty)
        #expect(Self.detail(s)?.similarCursor == 0, "round again")
        #expect(s.press(.char("R")).isEmpty)
        guard case .form(var form, let back) = s.mode else { Issue.record("no form: \(s.mode)"); return }
        #expect(form.purpose == .respond(id: 101, version: Sample.tickets[0].version) && back?.id == 101)
        #expect(form.value(.note) == Self.found[0].solution)
        // Still to be edited before it is sent.
        _ = s.press(.char("。"))
        guard case .form(let edited, _) = s.mode else { Issue.record("form gone"); return }
        form = edited
        #expect(form.value(.note) == Self.found[0].solution + "。")
    }

    @Test func rOnAClosedTicketIsRefusedAsReplyingIs() {
        var closed = Sample.tickets[0]
        closed.status = .closed
        closed.closedAt = t("2021-11-23T10:00:00+08:00")
        closed.cause = "参数"
        closed.solution = "更新"
        var s = Sample.state(width: 120, height: 60, language: .en)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(closed, []))
        _ = s.reduce(.similarLoaded(id: 101, Self.found))
        #expect(s.press(.char("R")) == [.bell])
        guard case .detail = s.mode else { Issue.record("left the details"); return }
        #expect(s.status?.text == Catalog.Forms.Refusal.closed(101).en)
    }
}
