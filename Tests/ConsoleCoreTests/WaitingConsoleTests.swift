import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Waiting, links and merges in an item's details: the keys that write them, and what the details
/// list of them.
@Suite("Waiting, links and merges in the console")
struct WaitingConsoleTests {
    static let links = ItemRelations(
        related: [RelatedEntry(id: 205, kind: .fault, status: .open, title: "养老金发放批次 \u{1B}[2J 失败")],
        merged: [RelatedEntry(id: 230, kind: .general, status: .merged, title: "同一参保人重复来电")],
        pauses: [ItemRelations.Pause(from: t("2021-11-22T10:00:00+08:00"), to: t("2021-11-23T09:00:00+08:00"),
                                 reason: "等参保人补交材料", dueBefore: t("2021-11-22T16:00:00+08:00"),
                                 dueAfter: t("2021-11-23T15:00:00+08:00")),
                 ItemRelations.Pause(from: t("2021-11-24T10:00:00+08:00"), to: nil, reason: "again \u{1B}[31m",
                                 dueBefore: t("2021-11-24T17:00:00+08:00"), dueAfter: nil)])

    static func details(width: Int = 120, height: Int = 40, _ lang: Language, item: WorkItem = Sample.tickets[0],
                        links: ItemRelations = links) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(item, []))
        _ = s.reduce(.relationsLoaded(id: item.id!, links))
        return s
    }

    static func scrolledTo(_ text: String, _ s: inout ConsoleState) -> ScreenBuffer {
        var b = render(s)
        for _ in 0..<30 where b.row(containing: text) == nil {
            _ = s.press(.char("j"))
            b = render(s)
        }
        return b
    }

    @Test(arguments: [(80, 60), (120, 60)])
    func theDetailsListLinksMergesAndPausesInChinese(_ size: (Int, Int)) throws {
        let s = Self.details(width: size.0, height: size.1, .zh)
        let b = render(s)
        let related = try #require(b.row(containing: "关联工单"))
        let fault = try #require(b.row(containing: "#205"))
        let merged = try #require(b.row(containing: "已合并的工单"))
        let duplicate = try #require(b.row(containing: "#230"))
        let pauses = try #require(b.row(containing: "暂停计时"))
        let first = try #require(b.row(containing: "等参保人补交材料"))
        let open = try #require(b.row(containing: "（等待中）"))
        #expect(related < fault && fault < merged && merged < duplicate && duplicate < pauses && pauses < first && first < open)
        #expect(b.lines[fault].contains("故障"))
        let text = b.lines.joined(separator: " ")
        for stamp in ["2021-11-23 09", "2021-11-22 16", "2021-11-23 15", "时限"] {
            #expect(text.contains(stamp), "\(stamp)")
        }
        for line in b.lines { #expect(TerminalText.width(line) <= size.0) }
        #expect(!b.lines.joined().contains("\u{1B}"))
    }

    @Test func theDetailsListLinksMergesAndPausesInEnglish() throws {
        let s = Self.details(width: 120, height: 60, .en)
        let b = render(s)
        let related = try #require(b.row(containing: "Related items"))
        let fault = try #require(b.row(containing: "#205"))
        #expect(b.lines[fault].contains("fault"))
        let pause = try #require(b.row(containing: "(waiting)"))
        #expect(related < pause)
        #expect(b.row(containing: "Merged items") != nil)
        let text = b.lines.joined(separator: " ")
        #expect(text.contains("等参保人补交材料") && text.contains("2021-11-22 16"))
    }

    @Test func aMergedItemSaysWhatItWasMergedInto() throws {
        var merged = Sample.tickets[0]
        merged.status = .merged
        merged.mergedInto = 99
        var s = Self.details(.en, item: merged, links: ItemRelations())
        let b = Self.scrolledTo("merged into #99", &s)
        let row = try #require(b.row(containing: "merged into #99"))
        // Under a heading of its own: it lists no merged items.
        #expect(b.lines[row - 1].contains("Merge") && b.row(containing: "Merged items") == nil, "\(b.lines[row - 1])")
        #expect(b.row(containing: "Related items") == nil, "no heading without items")
        #expect(b.row(containing: "Clock paused") == nil)
    }

    @Test func wWaitsWithAReasonOnTheItemsVersion() {
        var s = Self.details(.en)
        _ = s.press(.char("H"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form: \(s.mode)"); return }
        #expect(form.purpose == .wait(id: 101, version: Sample.tickets[0].version))
        #expect(render(s).row(containing: "#101 wait on the requester") != nil)
        #expect(s.press(.ctrl("s")) == [.bell], "the reason is required")
        s.type("waiting for the certificate")
        #expect(s.press(.ctrl("s")) == [.write(.pause(id: 101, reason: "waiting for the certificate",
                                                    version: Sample.tickets[0].version))])
    }

    @Test func capitalWResumesAtOnce() {
        var waiting = Sample.tickets[0]
        waiting.status = .waiting
        var s = Self.details(.en, item: waiting)
        #expect(s.press(.char("W")) == [.write(.resume(id: 101, version: waiting.version))])
        #expect(DetailScreen.commands(for: waiting).contains(.resume))
        #expect(!DetailScreen.commands(for: waiting).contains(.wait))
        // A merged duplicate is worked through the item it joined: its footer offers no work.
        var merged = Sample.tickets[0]
        merged.status = .merged
        merged.mergedInto = 205
        #expect(DetailScreen.commands(for: merged) == [.addNote, .addMessage, .link, .correctCase])
    }

    @Test func iLinksAndCapitalJMergesByTheOtherItemsNumber() {
        var s = Self.details(.en)
        _ = s.press(.char("i"))
        guard case .form(let link, _) = s.mode else { Issue.record("no form: \(s.mode)"); return }
        #expect(link.purpose == .link(id: 101))
        s.type("abc")
        #expect(s.press(.ctrl("s")) == [.bell], "not a number")
        _ = s.press(.escape)

        var m = Self.details(.zh)
        _ = m.press(.char("J"))
        guard case .form(let merge, _) = m.mode else { Issue.record("no form: \(m.mode)"); return }
        #expect(merge.purpose == .merge(id: 101, version: Sample.tickets[0].version))
        #expect(render(m).row(containing: "#101 合并到") != nil)
        m.type("#205")
        // A merge cannot be undone: the store's rules are read first, then it is asked, naming
        // what it goes into, and only `y` writes it.
        let request = WriteRequest.merge(id: 101, into: 205, version: Sample.tickets[0].version)
        #expect(m.press(.ctrl("s")) == [.checkWrite(request)])
        #expect(render(m).row(containing: "合并后不能撤销") == nil)
        _ = m.reduce(.writeChecked(request, refusal: nil, title: "养老金发放批次失败重新推送需要核对全部名单"))
        #expect(render(m).row(containing: "把 #101 合并到 #205「养老金发放批次…」？合并后不能撤销 (y/n)") != nil)
        #expect(m.press(.char("y")) == [.write(request)])
    }

    /// A merge the rules refuse (another kind, a closed item, itself) says why before anything is
    /// asked, and the form stays as it was to correct the number.
    @Test func aMergeTheRulesRefuseSaysWhyBeforeAsking() {
        var m = Self.details(.en)
        _ = m.press(.char("J"))
        m.type("205")
        let request = WriteRequest.merge(id: 101, into: 205, version: Sample.tickets[0].version)
        #expect(m.press(.enter) == [.checkWrite(request)])
        let why = LocalizedText(zh: "#101 是一般问题，#205 是故障：只能合并同类工单",
                                en: "#101 (general) and #205 (fault) are of different kinds: only items of one kind are merged")
        #expect(m.reduce(.writeChecked(request, refusal: why, title: "x")) == [.bell])
        let b = render(m)
        #expect(b.row(containing: "are of different kinds") != nil && b.row(containing: "cannot be undone") == nil)
        guard case .form(let form, _) = m.mode else { Issue.record("not on the form: \(m.mode)"); return }
        #expect(form.pendingSave == nil && form.value(.to) == "205")
        // An answer about a number no longer on the form is not taken.
        _ = m.press(.backspace)
        m.type("6")
        #expect(m.reduce(.writeChecked(request, refusal: nil, title: "x")) == [])
        guard case .form(let after, _) = m.mode else { Issue.record("not on the form: \(m.mode)"); return }
        #expect(after.pendingSave == nil)
    }

    /// A form's footer offers only the keys its fields take: the merge form's one number field
    /// has no choice to move through and no long text for the editor; the new ticket's form has both.
    @Test func aFormsFooterOffersOnlyTheKeysItsFieldsTake() {
        var m = Self.details(.en)
        _ = m.press(.char("J"))
        let footer = render(m).lines.last ?? ""
        #expect(footer.contains("Tab") && !footer.contains("←/→") && !footer.contains("Ctrl-E"), "\(footer)")
        var n = Sample.state(width: 120, height: 40, language: .en)
        _ = n.press(.char("n"))
        let full = render(n).lines.last ?? ""
        #expect(full.contains("←/→") && full.contains("Ctrl-E"), "\(full)")
    }

    /// Any key but `y` goes back to the form as it was, its number still typed; Enter asks again.
    @Test func aMergeNotConfirmedGoesBackToTheForm() {
        var m = Self.details(.en)
        _ = m.press(.char("J"))
        m.type("205")
        let request = WriteRequest.merge(id: 101, into: 205, version: Sample.tickets[0].version)
        #expect(m.press(.enter) == [.checkWrite(request)])
        _ = m.reduce(.writeChecked(request, refusal: nil, title: "批次失败"))
        #expect(render(m).row(containing: "Merge #101 into #205 “批次失败”? It cannot be undone (y/n)") != nil)
        #expect(render(m).lines.last?.contains("y merge") ?? false)
        #expect(m.press(.char("n")) == [])
        guard case .form(let form, _) = m.mode else { Issue.record("not on the form: \(m.mode)"); return }
        #expect(form.pendingSave == nil && form.value(.to) == "205")
        #expect(render(m).row(containing: "Merge #101 into #205") == nil)
        _ = m.press(.enter)
        _ = m.reduce(.writeChecked(request, refusal: nil, title: "批次失败"))
        #expect(m.press(.escape) == [])
        guard case .form = m.mode else { Issue.record("Esc on the question left the form: \(m.mode)"); return }
        _ = m.press(.enter)
        _ = m.reduce(.writeChecked(request, refusal: nil, title: "批次失败"))
        #expect(m.press(.char("Y")) == [.write(request)])
    }

    @Test func aRefusalShowsOnTheStatusLine() {
        var s = Self.details(.en)
        _ = s.press(.char("W"))
        _ = s.reduce(.refused(.rule(LocalizedText(en: "#101 is not waiting: there is nothing to resume", zh: "x"))))
        #expect(render(s).row(containing: "#101 is not waiting") != nil)
    }

    @Test func theKeysAreInTheHelpAndTheFooter() {
        #expect(Keymap.binding(.wait)?.keyLabel == "H")
        #expect(Keymap.binding(.resume)?.keyLabel == "W")
        #expect(Keymap.binding(.link)?.keyLabel == "i")
        #expect(Keymap.binding(.merge)?.keyLabel == "J")
        #expect(DetailScreen.commands(for: Sample.tickets[0]).contains(.wait))
        // A key of the details is free on the main screen and on every screen beside it, or does
        // the same there (`i` and `J` in the queue and on the board, for the marked items).
        let others = Keymap.main + Keymap.tasks + Keymap.changes + Keymap.trainings + Keymap.inspections + Keymap.delivery
        for b in Keymap.waiting {
            #expect(!others.contains { $0.command != b.command && $0.keys.contains(where: b.keys.contains) }, "\(b.keyLabel)")
        }
    }
}
