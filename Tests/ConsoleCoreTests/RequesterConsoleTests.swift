import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Completing a requester from the directory in the new-ticket form, and a ticket's requesters in
/// its details.
@Suite("Requesters in the console")
struct RequesterConsoleTests {
    static let cairang = Requester(id: 7, name: "才让", office: "玉树州社保局", region: .yushu, phones: ["0976-8821234"])
    static let cairang2 = Requester(id: 9, name: "才让", office: "囊谦县社保局", region: .yushu, phones: [])
    static let hostile = Requester(id: 11, name: "才让卓玛\u{1B}[2J", office: "海西州社保局", region: .haixi, phones: ["0977-8220000"])

    /// The new-ticket form with `typed` in the requester field and the directory's answer shown.
    static func completing(_ lang: Language, width: Int = 100, height: Int = 30) -> (ConsoleState, [Effect]) {
        var s = Sample.state(width: width, height: height, language: lang)
        var effects = s.press(.char("n"), .tab, .tab, .tab, .tab)   // kind, channel, region, title → requester
        for c in "才让" { effects += s.reduce(.key(.char(c))) }
        _ = s.reduce(.requestersMatched(field: .requester, typed: "才让", [cairang, cairang2, hostile]))
        return (s, effects)
    }

    static func form(_ s: ConsoleState) -> Form? {
        if case .form(let f, _) = s.mode { return f }
        return nil
    }

    @Test func typingInTheRequesterFieldLooksTheDirectoryUp() {
        let (_, effects) = Self.completing(.zh)
        #expect(effects.contains(.lookUpRequesters(field: .requester, typed: "才")))
        #expect(effects.last == .lookUpRequesters(field: .requester, typed: "才让"))
    }

    @Test func typingInThePhoneFieldLooksTheDirectoryUpToo() {
        var s = Sample.state(width: 100, height: 30)
        _ = s.press(.char("n"), .tab, .tab, .tab, .tab, .tab, .tab)   // → phone
        var effects: [Effect] = []
        for c in "0976" { effects += s.reduce(.key(.char(c))) }
        #expect(effects.last == .lookUpRequesters(field: .phone, typed: "0976"))
        // Typing in the office looks nothing up.
        _ = s.press(.backTab)
        #expect(s.press(.char("x")).isEmpty)
    }

    @Test func anAnswerForOlderTextIsDropped() {
        var s = Sample.state(width: 100, height: 30)
        _ = s.press(.char("n"), .tab, .tab, .tab, .tab)
        s.type("才让")
        _ = s.reduce(.requestersMatched(field: .requester, typed: "才", [Self.cairang]))
        #expect(Self.form(s)?.completion == nil)
        #expect(!render(s).lines.contains { $0.contains("玉树州社保局") })
    }

    @Test(arguments: [Language.zh, .en])
    func theMatchesShowUnderTheFieldWithTheirKeys(_ lang: Language) throws {
        let (s, _) = Self.completing(lang)
        let b = render(s)
        let field = try #require(b.row(containing: "才让 "))
        let first = try #require(b.row(containing: "才让 · 玉树州社保局 · \(Region.yushu.label(lang)) · 0976-8821234"))
        let second = try #require(b.row(containing: "才让 · 囊谦县社保局 · \(Region.yushu.label(lang))"))
        let third = try #require(b.row(containing: "海西州社保局"))
        #expect(field < first && first + 1 == second && second + 1 == third)
        // Text from the directory is never written raw.
        #expect(!b.line(third).contains("\u{1B}"))
        let footer = b.line(b.height - 1)
        #expect(footer.contains("Ctrl-N/Ctrl-P"))
        #expect(footer.contains(Catalog.Requesters.Console.choose(lang)))
        // Until one is chosen Enter goes on to the next field, and the footer says so; chosen,
        // Enter takes it.
        #expect(footer.contains("Enter \(Catalog.Forms.Keys.next(lang))") && !footer.contains("Enter \(Catalog.Requesters.Console.pick(lang))"))
        var chosen = s
        _ = chosen.press(.ctrl("n"))
        #expect(render(chosen).line(b.height - 1).contains("Enter \(Catalog.Requesters.Console.pick(lang))"))
    }

    @Test func ctrlNChoosesAndEnterTakesTheEntryAndLinksTheTicket() throws {
        var (s, _) = Self.completing(.en)
        _ = s.press(.ctrl("n"), .ctrl("n"), .ctrl("p"), .ctrl("n"))
        #expect(Self.form(s)?.completion?.selection == 1)
        #expect(render(s).row(containing: "> 才让 · 囊谦县社保局") != nil)
        _ = s.press(.ctrl("p"), .enter)
        let f = try #require(Self.form(s))
        #expect(f.value(.requester) == "才让")
        #expect(f.value(.office) == "玉树州社保局")
        #expect(f.value(.phone) == "0976-8821234")
        #expect(f.value(.region) == Region.yushu.rawValue)
        #expect(f.requesterID == 7)
        #expect(f.completion == nil)
        // The focus stayed: Enter took the entry rather than moving on.
        #expect(f.fields[f.focus].key == .requester)
        _ = s.press(.tab, .tab, .tab)
        s.type("参保人来电")
        _ = s.press(.backTab, .backTab, .backTab, .backTab)   // title
        s.type("养老金测算")
        let effects = s.press(.ctrl("s"))
        let write = try #require(effects.first { if case .write = $0 { return true }; return false })
        guard case .write(.addCase(let new, _)) = write else { Issue.record("not a new ticket: \(write)"); return }
        #expect(new.requesterID == 7)
        #expect(new.requesterName == "才让" && new.requesterOffice == "玉树州社保局")
        #expect(new.region == .yushu)
    }

    @Test func enterWithoutAChoiceMovesOnAndEscHidesTheMatches() throws {
        var (s, _) = Self.completing(.zh)
        _ = s.press(.enter)
        var f = try #require(Self.form(s))
        #expect(f.fields[f.focus].key == .office)
        #expect(f.requesterID == nil)
        // Back on the field the matches show again; Esc hides them without closing the form.
        _ = s.press(.backTab)
        #expect(Self.form(s)?.shownCompletion != nil)
        _ = s.press(.escape)
        f = try #require(Self.form(s))
        #expect(f.completion == nil)
        #expect(!f.confirmingDiscard)
    }

    @Test func changingTheNameAfterTakingAnEntryUnlinksIt() throws {
        var (s, _) = Self.completing(.zh)
        _ = s.press(.ctrl("n"), .enter)
        #expect(Self.form(s)?.requesterID == 7)
        _ = s.press(.backspace)
        #expect(Self.form(s)?.requesterID == nil)
    }

    @Test(arguments: [Language.zh, .en])
    func theDetailsListTheTicketsRequesters(_ lang: Language) throws {
        var s = Sample.state(width: 120, height: 40, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.requestersOfItem(id: Sample.tickets[0].id!, [Self.cairang, Self.hostile]))
        let b = render(s)
        let heading = try #require(b.row(containing: Catalog.Requesters.Console.heading(lang)))
        let first = try #require(b.row(containing: "#7"))
        #expect(b.line(first).contains("才让 · 玉树州社保局 · \(Region.yushu.label(lang)) · 0976-8821234"))
        let second = try #require(b.row(containing: "#11"))
        #expect(heading < first && first < second)
        #expect(!b.line(second).contains("\u{1B}"))
        // Another item's requesters are not taken.
        var other = Sample.state(width: 120, height: 40, language: lang)
        _ = other.press(.enter)
        _ = other.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = other.reduce(.requestersOfItem(id: 999, [Self.cairang]))
        #expect(render(other).row(containing: "#7") == nil)
    }

    /// A ticket's details with its requester read.
    static func details(_ lang: Language) -> ConsoleState {
        var s = Sample.state(width: 120, height: 40, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.requestersOfItem(id: Sample.tickets[0].id!, [Self.cairang]))
        return s
    }

    @Test(arguments: [Language.zh, .en])
    func pOpensTheRequestersTicketsAndEnterOpensOne(_ lang: Language) throws {
        var s = Self.details(lang)
        // Offered among the details' keys (the footer shows as many as its width holds).
        guard case .detail(let d) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(DetailScreen.hints(d, lang).hints.contains { $0.0 == "P" })
        let effects = s.press(.char("P"))
        #expect(effects == [.loadRequesterItems(7)])
        guard case .requesterItems = s.mode else { Issue.record("\(s.mode)"); return }
        _ = s.reduce(.requesterItemsLoaded(requester: 7, [Sample.tickets[1], Sample.tickets[0]]))
        let b = render(s)
        let header = try #require(b.row(containing: Catalog.Requesters.Console.ticketsOf("才让 · 玉树州社保局 · \(Region.yushu.label(lang)) · 0976-8821234")(lang)))
        let first = try #require(b.row(containing: String(Sample.tickets[1].title.prefix(8))))
        let second = try #require(b.row(containing: String(Sample.tickets[0].title.prefix(8))))
        #expect(header < first && first < second)
        #expect(b.line(header).contains(Catalog.Requesters.Console.count(2)(lang)))
        let opened = s.press(.char("j"), .enter)
        #expect(opened.contains(.loadDetail(Sample.tickets[0].id!)))
        guard case .detail(let d) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(d.id == Sample.tickets[0].id)
        // Back: the list as it was left, then the details it was opened from.
        _ = s.press(.escape)
        guard case .requesterItems(let list) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(list.selection == 1)
        _ = s.press(.char("q"))
        guard case .detail = s.mode else { Issue.record("\(s.mode)"); return }
    }

    @Test func pOnATicketWithoutARequesterIsRefused() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        #expect(s.press(.char("P")) == [.bell])
        #expect(s.status?.text == Catalog.Requesters.Console.noRequester.en)
        guard case .detail = s.mode else { Issue.record("\(s.mode)"); return }
    }

    @Test func itemsOfAnotherRequesterAreDropped() {
        var s = Self.details(.zh)
        _ = s.press(.char("P"))
        _ = s.reduce(.requesterItemsLoaded(requester: 99, [Sample.tickets[1]]))
        guard case .requesterItems(let list) = s.mode else { Issue.record("\(s.mode)"); return }
        #expect(list.items.isEmpty && !list.loaded)
    }
}
