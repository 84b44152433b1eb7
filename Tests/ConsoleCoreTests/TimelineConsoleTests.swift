import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// The timeline in an item's details, and the keys that add to it.
@Suite("The timeline in the console")
struct TimelineConsoleTests {
    static let entries = [
        TimelineEntry(id: 1, itemId: 101, kind: .message, at: t("2021-11-22T10:30:00+08:00"), author: "zhangwei",
                      text: "参保人来电：养老金测算结果与社保卡显示不一致，请尽快核对并回复", channel: .phone, recordedAt: now),
        TimelineEntry(id: 2, itemId: 101, kind: .note, at: t("2021-11-22T11:00:00+08:00"), author: "lina",
                      text: "internal \u{1B}[2J check the base", recordedAt: now),
        TimelineEntry(id: 3, itemId: 101, kind: .reply, at: t("2021-11-22T12:00:00+08:00"), author: "zhangwei",
                      text: "已核对，按新基数重新测算", recordedAt: now),
    ]

    static func details(width: Int, height: Int, _ lang: Language) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        var facts = ServiceFacts()
        facts.timeline = entries
        _ = s.reduce(.factsLoaded(id: 101, facts))
        return s
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theDetailsShowTheTimelineInChinese(_ size: (Int, Int)) throws {
        var s = Self.details(width: size.0, height: size.1, .zh)
        // At 80×24 the timeline is below the fold: scrolled to.
        var b = render(s)
        for _ in 0..<20 where b.row(containing: "[答复]") == nil {
            _ = s.press(.char("j"))
            b = render(s)
        }
        let heading = try #require(b.row(containing: "时间线"))
        let message = try #require(b.row(containing: "[来话（电话）] zhangwei"))
        let note = try #require(b.row(containing: "[内部备注] lina"))
        let reply = try #require(b.row(containing: "[答复] zhangwei"))
        #expect(heading < message && message < note && note < reply, "newest last")
        #expect(b.lines[message].contains("11-22 10:30"))
        // A long Chinese text wraps under itself, every line within the screen.
        #expect(b.row(containing: "请尽快核对并回复") != nil)
        for line in b.lines { #expect(TerminalText.width(line) <= size.0) }
        // Text from the database is never written raw.
        #expect(!b.lines.joined().contains("\u{1B}"))
        #expect(b.style(of: "[内部备注]", inRow: note) == Theme.dark[.dim])
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func theDetailsShowTheTimelineInEnglish(_ size: (Int, Int)) throws {
        var s = Self.details(width: size.0, height: size.1, .en)
        var b = render(s)
        for _ in 0..<20 where b.row(containing: "[reply]") == nil {
            _ = s.press(.char("j"))
            b = render(s)
        }
        let message = try #require(b.row(containing: "[message (phone)] zhangwei"))
        let reply = try #require(b.row(containing: "[reply] zhangwei"))
        #expect(message < reply)
        #expect(b.row(containing: "Timeline") != nil)
        for line in b.lines { #expect(TerminalText.width(line) <= size.0) }
    }

    @Test func noTimelineNoSection() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.factsLoaded(id: 101, ServiceFacts()))
        #expect(render(s).row(containing: "时间线") == nil)
    }

    @Test func capitalNAddsANoteCapitalMAMessageInTheDetailsAndOnTheQueue() throws {
        var s = Self.details(width: 120, height: 40, .en)
        _ = s.press(.char("N"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form: \(s.mode)"); return }
        #expect(form.purpose == .addNote(id: 101))
        #expect(render(s).row(containing: "Note on #101") != nil)
        // The text is required.
        #expect(s.press(.ctrl("s")) == [.bell])
        s.type("called back")
        #expect(s.press(.ctrl("s")) == [.write(.addNote(id: 101, text: "called back"))])

        var q = Sample.state(width: 120, height: 40, language: .en)
        _ = q.press(.char("M"))
        guard case .form(let message, _) = q.mode else { Issue.record("no form: \(q.mode)"); return }
        #expect(message.purpose == .addMessage(id: 101))
        #expect(render(q).row(containing: "Requester's message on #101") != nil)
        q.type("它又坏了")
        _ = q.press(.tab, .right)     // channel: not known → phone
        #expect(q.press(.ctrl("s")) == [.write(.addMessage(id: 101, text: "它又坏了", channel: .phone))])
    }

    @Test func aNoteOnAClosedTicketOpensItsFormAReplyDoesNot() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        var closed = Sample.tickets[0]
        closed.status = .closed
        closed.closedAt = t("2021-11-22T15:00:00+08:00")
        closed.cause = "c"
        closed.solution = "s"
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(closed, []))
        _ = s.press(.char("r"))
        if case .form = s.mode { Issue.record("a reply form opened on a closed ticket") }
        _ = s.press(.char("N"))
        guard case .form(let form, _) = s.mode else { Issue.record("no note form on a closed ticket"); return }
        #expect(form.purpose == .addNote(id: 101))
    }

    @Test func theKeysAreInTheHelpAndTheDetailsFooter() {
        #expect(Keymap.binding(.addNote)?.keyLabel == "N")
        #expect(Keymap.binding(.addMessage)?.keyLabel == "M")
        #expect(DetailScreen.commands(for: Sample.tickets[0]).contains(.addNote))
        #expect(DetailScreen.commands(for: Sample.tickets[0]).contains(.addMessage))
    }
}
