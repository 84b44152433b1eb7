import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Removing a relation in an item's details (`U`), and `P` on a ticket with several requesters.
@Suite("Unlinking and choosing a requester in the console")
struct FinishConsoleTests {
    static let fault = RelatedEntry(id: 205, kind: .fault, status: .open, title: "养老金发放批次失败")
    static let change = RelatedEntry(id: 318, kind: .change, status: .open, title: "批量计息 \u{1B}[2J 调整")

    static func details(_ lang: Language, related: [RelatedEntry], requesters: [Requester] = []) -> ConsoleState {
        var s = Sample.state(width: 100, height: 30, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.relationsLoaded(id: 101, ItemRelations(related: related)))
        if !requesters.isEmpty { _ = s.reduce(.requestersOfItem(id: 101, requesters)) }
        return s
    }

    static func detail(_ s: ConsoleState) -> Detail? {
        if case .detail(let d) = s.mode { return d }
        return nil
    }

    @Test(arguments: [Language.zh, .en])
    func uWithOneRelatedItemAsksNamingBothAndYRemovesIt(_ lang: Language) throws {
        var s = Self.details(lang, related: [Self.fault])
        #expect(s.press(.char("U")).isEmpty)
        let b = render(s)
        let question = Catalog.Finish.confirmUnlink(101, 205)(lang)
        #expect(b.line(b.height - 2).contains(question), "on the status line: \(b.line(b.height - 2))")
        #expect(s.press(.char("y")) == [.write(.unlink(id: 101, other: 205))])
        #expect(Self.detail(s)?.confirmingUnlink == nil)
    }

    @Test func anyOtherKeyKeepsTheRelation() {
        var s = Self.details(.en, related: [Self.fault])
        _ = s.press(.char("U"))
        #expect(s.press(.char("n")) == [.bell])
        #expect(s.status?.text == Catalog.Finish.unlinkCancelled(101, 205).en)
        #expect(Self.detail(s)?.confirmingUnlink == nil)
        guard case .detail = s.mode else { Issue.record("\(s.mode)"); return }
    }

    @Test(arguments: [Language.zh, .en])
    func uWithSeveralAsksWhichFirstInAChooser(_ lang: Language) throws {
        var s = Self.details(lang, related: [Self.fault, Self.change])
        _ = s.press(.char("U"))
        var b = render(s)
        let title = try #require(b.row(containing: Catalog.Finish.unlinkChooserTitle(101)(lang)))
        // Numbered in the chooser, below its title (the details behind list them too).
        let first = try #require(b.row(containing: "▶ 1 #205"))
        let second = try #require(b.row(containing: "  2 #318"))
        #expect(title < first && first < second)
        #expect(b.style(of: "#205", inRow: first) == Theme.dark[.selected], "the first is chosen")
        #expect(!b.lines.joined().contains("\u{1B}"), "a title from the database is sanitized")
        // The footer says how to choose.
        #expect(b.line(b.height - 1).contains(Catalog.Finish.chooserTake(lang)))
        _ = s.press(.char("j"))
        b = render(s)
        #expect(b.row(containing: "▶ 2 #318") == second)
        #expect(b.style(of: "#318", inRow: second) == Theme.dark[.selected])
        #expect(s.press(.enter).isEmpty)
        #expect(render(s).line(b.height - 2).contains(Catalog.Finish.confirmUnlink(101, 318)(lang)))
        #expect(s.press(.char("y")) == [.write(.unlink(id: 101, other: 318))])
        // Esc drops the chooser; the row's number chooses at once.
        var e = Self.details(lang, related: [Self.fault, Self.change])
        _ = e.press(.char("U"), .escape)
        #expect(Self.detail(e)?.chooser == nil && Self.detail(e)?.confirmingUnlink == nil)
        _ = e.press(.char("U"), .char("2"))
        #expect(Self.detail(e)?.confirmingUnlink == 318)
    }

    @Test func uWithNothingRelatedIsRefused() {
        var s = Self.details(.en, related: [])
        #expect(s.press(.char("U")) == [.bell])
        #expect(s.status?.text == Catalog.Finish.nothingLinked.en)
    }

    @Test func uIsInTheHelpAndInTheFooterWhenThereIsARelation() throws {
        #expect(Keymap.binding(.unlink)?.keyLabel == "U")
        #expect(HelpScreen.rows(.en).contains { $0.0 == "U" && $0.1 == Catalog.Finish.unlinkKey.en })
        let s = Self.details(.en, related: [Self.fault])
        let d = try #require(Self.detail(s))
        #expect(DetailScreen.hints(d, .en).hints.contains { $0.0 == "U" })
        let none = try #require(Self.detail(Self.details(.en, related: [])))
        #expect(!DetailScreen.hints(none, .en).hints.contains { $0.0 == "U" })
    }

    @Test(arguments: [Language.zh, .en])
    func pOnATicketWithSeveralRequestersAsksWhichOne(_ lang: Language) throws {
        let a = RequesterConsoleTests.cairang, b2 = RequesterConsoleTests.cairang2, hostile = RequesterConsoleTests.hostile
        var s = Self.details(lang, related: [], requesters: [a, b2, hostile])
        #expect(s.press(.char("P")).isEmpty, "nothing is read before a choice")
        let b = render(s)
        let title = try #require(b.row(containing: Catalog.Finish.requesterChooserTitle(101)(lang)))
        let first = try #require(b.row(containing: "玉树州社保局"))
        let second = try #require(b.row(containing: "囊谦县社保局"))
        let third = try #require(b.row(containing: "海西州社保局"))
        #expect(title < first && first < second && second < third)
        #expect(b.style(of: "玉树州社保局", inRow: first) == Theme.dark[.selected])
        #expect(!b.lines.joined().contains("\u{1B}"))
        #expect(s.press(.char("j"), .enter) == [.loadRequesterItems(9)])
        guard case .requesterItems(let list) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(list.requester == b2)
        // Back from the list: the details, the chooser closed.
        _ = s.press(.char("q"))
        #expect(Self.detail(s)?.chooser == nil)
        // Esc drops it.
        var e = Self.details(lang, related: [], requesters: [a, b2])
        #expect(e.press(.char("P"), .escape).isEmpty)
        guard case .detail(let d) = e.mode else { Issue.record("\(e.mode)"); return }
        #expect(d.chooser == nil)
    }

    @Test func pWithOneRequesterOpensTheirTicketsAtOnce() {
        var s = Self.details(.en, related: [], requesters: [RequesterConsoleTests.cairang])
        #expect(s.press(.char("P")) == [.loadRequesterItems(7)])
    }

    @Test func theChooserMovesWithinItsItems() {
        var c = Chooser([1, 2, 3])
        #expect(c.handle(.char("k")) == nil && c.cursor == 0)
        #expect(c.handle(.char("G")) == nil && c.cursor == 2)
        #expect(c.handle(.down) == nil && c.cursor == 2)
        #expect(c.handle(.char("x")) == nil, "a key it does not take leaves it open")
        #expect(c.handle(.char("4")) == nil, "no fourth row")
        #expect(c.handle(.char("1")) == .chosen(1))
        #expect(c.handle(.enter) == .chosen(1))
        #expect(c.handle(.escape) == .cancelled)
    }

    @Test func twoAttendeesOfOneNameAreToldApartByTheirOffice() throws {
        var item = Sample.tickets[0]
        item.kind = .training
        let attendees = [Attendee(name: "才让", office: "玉树州社保局", region: .yushu, score: 80),
                         Attendee(name: "才让", office: "囊谦县社保局", region: .yushu)]
        var form = Form.scoreAttendee(item, attendees: attendees, .zh, Form.Clock(now: t("2021-11-23T10:00:00+08:00")))
        #expect(form.chosenAttendee == AttendeeName(name: "才让", office: "囊谦县社保局"), "the first without a score")
        #expect(form.attendees == attendees.map(AttendeeName.init))
        #expect(!form.fields.contains { $0.value.contains("\u{0}") })
        form.attendees = []
        #expect(form.chosenAttendee == nil, "a choice that names no attendee chooses nobody")
    }
}
