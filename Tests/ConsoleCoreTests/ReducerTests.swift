import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

@Suite("Keyboard triage")
struct ReducerTests {
    @Test func panesByTabShiftTabAndNumbers() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.tab)
        #expect(s.focus == .faults)
        _ = s.press(.tab, .tab)
        #expect(s.focus == .queue)
        _ = s.press(.backTab)
        #expect(s.focus == .kpi)
        _ = s.press(.char("1"))
        #expect(s.focus == .queue)
        _ = s.press(.char("2"))
        #expect(s.focus == .faults)
    }

    @Test func vimAndArrowKeysMoveTheSelection() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("j"), .down)
        #expect(s.queue.selection == 2)
        #expect(s.selectedTicket?.id == 103)
        _ = s.press(.char("k"))
        #expect(s.queue.selection == 1)
        _ = s.press(.char("G"))
        #expect(s.queue.selection == 3)
        _ = s.press(.down)
        #expect(s.queue.selection == 3)
        _ = s.press(.home)
        #expect(s.queue.selection == 0)
        _ = s.press(.char("2"), .char("j"))
        #expect(s.selectedFault?.id == 202)
    }

    @Test func pagingPastTheLoadedWindowLoadsMore() {
        var s = Sample.state(width: 120, height: 40)
        let items = (0..<200).map { Sample.ticket(Int64($0), title: "工单\($0)", received: "2021-11-23T10:00:00+08:00", due: "2021-11-23T18:00:00+08:00") }
        _ = s.reduce(.queueLoaded(QueuePage(items: items, offset: 0, total: 1_000_000, filter: QueueFilter())))
        #expect(s.press(.pageDown) == [])
        let effects = s.press(.end)
        #expect(s.queue.selection == 999_999)
        #expect(effects == [.loadQueue(QueueFilter(), offset: 999_949, limit: 200)])
        let b = render(s)
        #expect(b.row(containing: "…") != nil)  // rows not loaded yet show a placeholder
    }

    @Test func enterOpensTheDetailWithItsHistoryAndEscBacksOut() throws {
        var s = Sample.state(width: 120, height: 40)
        let effects = s.press(.enter)
        #expect(effects == [.loadDetail(101)])
        let history = [HistoryEntry(itemId: 101, at: t("2021-11-22T10:00:00+08:00"), recordedAt: now, actor: "zhangwei", event: .created, note: "general via wechat"),
                       HistoryEntry(itemId: 101, at: t("2021-11-22T11:00:00+08:00"), recordedAt: now, actor: "lina", event: .assigned,
                                    field: .assignee, oldValue: nil, newValue: "lina")]
        _ = s.reduce(.detailLoaded(Sample.tickets[0], history))
        let b = render(s)
        #expect(b.row(containing: "#101 一般问题 · 待处理") != nil)
        #expect(b.row(containing: "处理记录") != nil)
        #expect(b.row(containing: "lina  认领  处理人: ∅ → lina") != nil)
        #expect(b.row(containing: "zhangwei  登记  一般问题 · 微信") != nil)
        #expect(b.row(containing: "2021-11-22T18:00:00+08:00") != nil)
        _ = s.press(.escape)
        #expect(s.mode == .normal)
    }

    @Test func newTicketFormChecksFieldsAndPreviewsTheDeadline() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("n"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .newCase)
        var b = render(s)
        #expect(b.row(containing: "时限：2021-11-24T18:00:00+08:00") != nil)  // 16:00 is after the 15:00 cut-off
        #expect(b.row(containing: "在 15:00 或之后提出") != nil)
        _ = s.press(.right)                   // kind: general → special
        _ = s.press(.tab, .left)              // channel: from phone back round to the CASE platform
        _ = s.press(.right)                   // …and forward again to phone
        _ = s.press(.tab, .char("y"))         // region: jump to yushu by its pinyin
        _ = s.press(.tab, .tab)               // title left empty; requester
        s.type("才让卓玛")
        _ = s.press(.tab, .tab)
        s.type("1234")
        b = render(s)
        let phoneRow = try #require(b.row(containing: "只有 4 位数字，至少 5 位"))  // checked as it is typed, saying what is wrong
        #expect(b.lines[phoneRow].contains("1234"))
        _ = s.press(.backspace, .backspace, .backspace, .backspace)
        s.type("abc")
        b = render(s)
        #expect(b.row(containing: "电话号码不能含“a”") != nil)
        _ = s.press(.backspace, .backspace, .backspace)
        s.type("0976 8812345 转 8001")                 // an office number with its extension is accepted
        b = render(s)
        #expect(b.row(containing: "电话号码不能含") == nil && b.row(containing: "位数字") == nil)
        for _ in 0..<"0976 8812345 转 8001".count { _ = s.press(.backspace) }
        s.type("abc")
        // Saving is refused, says why, and moves to the first field in error.
        #expect(s.press(.ctrl("s")) == [.bell])
        #expect(s.status?.text.contains("必填") == true)
        guard case .form(let refused, _) = s.mode else { Issue.record("form closed"); return }
        #expect(refused.focus == 3)
        s.type("待遇停发紧急处理")
        _ = s.press(.tab, .tab, .tab, .backspace, .backspace, .backspace)
        s.type("0976-8812345")
        b = render(s)
        #expect(b.row(containing: "时限：2021-11-24T16:00:00+08:00") != nil)  // special: nine business hours
        let effects = s.press(.ctrl("s"))
        #expect(effects == [.write(.addCase(NewCase(kind: .special, channel: .phone, region: .yushu, title: "待遇停发紧急处理",
                                                   requesterName: "才让卓玛", requesterPhone: "0976-8812345"), at: now))])
        let after = s.reduce(.saved(.created(id: 105)))
        #expect(s.mode == .normal)
        #expect(s.status?.text == "已保存 #105")
        // The new ticket is looked up where the queue's order puts it, then selected.
        #expect(after.last == .locate(id: 105, filter: QueueFilter()))
        #expect(s.reduce(.located(id: 105, pane: .queue, index: 2)) == [.loadQueue(QueueFilter(), offset: 0, limit: 200)])
        #expect(s.queue.selection == 2)
    }

    /// Answering a special case moves it down the queue (its deadline is met): the selection goes
    /// with it, so the next key acts on the same ticket.
    @Test func theSelectionFollowsAChangedItemToWhereItNowStands() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("j"))
        let id = s.selectedTicket!.id!
        let after = s.reduce(.saved(.saved(id: id)))
        #expect(after.last == .locate(id: id, filter: QueueFilter()))
        _ = s.reduce(.located(id: id, pane: .queue, index: 3))
        #expect(s.queue.selection == 3)
        #expect(s.status?.text == "已保存 #\(id)")
        // A change that takes it out of the list (resolved, in the active queue) leaves the
        // selection where it was and says nothing more.
        _ = s.reduce(.saved(.saved(id: id)))
        #expect(s.reduce(.located(id: id, pane: .queue, index: nil)) == [])
        #expect(s.queue.selection == 3 && s.status?.text == "已保存 #\(id)")
    }

    @Test func newFaultFormPicksTheLevel() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("f"), .right, .right)  // level 3 → 2 → 1
        _ = s.press(.tab, .tab)
        s.type("应用服务器宕机")
        let b = render(s)
        #expect(b.row(containing: "时限：2021-11-24T04:00:00+08:00") != nil)
        #expect(s.press(.ctrl("s")) == [.write(.addFault(NewFault(level: .one, region: .xining, title: "应用服务器宕机"), at: now))])
    }

    @Test func resolveNeedsCauseAndSolution() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("x"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .resolve(id: 101, version: 1))
        s.type("操作顺序有误")
        #expect(s.press(.ctrl("s")) == [.bell])  // no solution: refused, focus moves there
        guard case .form(let refused, _) = s.mode else { Issue.record("form closed"); return }
        #expect(refused.focus == 1)
        s.type("指导重新操作")
        #expect(s.press(.enter) == [.write(.resolve(id: 101, cause: "操作顺序有误", solution: "指导重新操作", version: 1))])
    }

    @Test func longTextGoesThroughTheEditor() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("x"))
        #expect(s.press(.ctrl("e")) == [.editText(field: 0, initial: "")])
        _ = s.reduce(.edited(field: 0, .saved("归档日志未清理\n")))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.value(.cause) == "归档日志未清理")
        // A missing or failing editor is said, and the field keeps its text.
        #expect(s.reduce(.edited(field: 0, .notFound(editor: "nosuch-editor"))) == [.bell])
        #expect(s.status?.text.contains("找不到编辑器 nosuch-editor") == true)
        #expect(s.reduce(.edited(field: 0, .failed(editor: "vi", status: "exit status 1"))) == [.bell])
        #expect(s.status?.text.contains("exit status 1") == true)
        guard case .form(let kept, _) = s.mode else { Issue.record("no form"); return }
        #expect(kept.value(.cause) == "归档日志未清理")
    }

    @Test func raisingAFaultOffersOnlyHigherLevels() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"), .char("j"), .char("j"), .char("+"))  // fault 203, level 3
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        guard case .choice(let options, _) = form.fields[0].input else { Issue.record("no choice"); return }
        #expect(options.map(\.value) == ["2", "1"])
        _ = s.press(.right, .tab)
        s.type("全州业务中断")
        #expect(s.press(.ctrl("s")) == [.write(.raise(id: 203, level: .one, reason: "全州业务中断", version: 1))])
        _ = s.reduce(.refused(.rule(LocalizedText(en: "x", zh: "x"))))
        _ = s.press(.escape, .char("y"))
        _ = s.press(.char("k"), .char("k"), .char("+"))  // fault 201 is level 1 already
        #expect(s.mode == .normal)
        #expect(s.status?.kind == .error)
    }

    @Test func respondIsForTicketsAndTakeAssignsToMe() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("t")) == [.write(.assign(id: 101, to: "zhangwei", version: 1))])
        _ = s.press(.char("2"))
        #expect(s.press(.char("r")) == [.bell])
        _ = s.press(.char("1"), .char("r"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .respond(id: 101, version: 1))
    }

    @Test func escOnAFormWithInputAsksFirst() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("n"), .tab, .tab, .tab)
        s.type("标题")
        _ = s.press(.escape)
        guard case .form(let form, _) = s.mode else { Issue.record("form closed"); return }
        #expect(form.confirmingDiscard)
        #expect(render(s).row(containing: "放弃已输入的内容？(y/n)") != nil)
        _ = s.press(.char("n"))
        guard case .form(let kept, _) = s.mode else { Issue.record("form closed"); return }
        #expect(kept.value(.title) == "标题")
        _ = s.press(.escape, .char("y"))
        #expect(s.mode == .normal)
        // An empty form closes at once.
        _ = s.press(.char("f"), .escape)
        #expect(s.mode == .normal)
    }

    @Test func quittingAsksWhenAFormHoldsInput() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("q")) == [.quit])
        _ = s.press(.char("n"), .tab, .tab, .tab)
        s.type("q")  // typed into the title, not a quit
        guard case .form = s.mode else { Issue.record("q left the form"); return }
        guard case .form(let typed, _) = s.mode else { Issue.record("no form"); return }
        #expect(s.press(.ctrl("c")) == [])
        #expect(s.mode == .confirmQuit(previous: .form(typed, returnTo: nil)))
        let asking = render(s)
        #expect(asking.row(containing: "确定退出？(y/n)") != nil)
        #expect(asking.row(containing: "新建 CASE 工单") != nil)  // the form stays in view
        // "n": back to the form as it was, text and all.
        #expect(s.press(.char("n")) == [])
        #expect(s.mode == .form(typed, returnTo: nil))
        _ = s.press(.ctrl("c"))
        #expect(s.press(.char("y")) == [.quit])
    }

    @Test func helpListsEveryBindingFromTheSameTableAsTheFooter() {
        var s = Sample.state(width: 120, height: 60, language: .en)
        let footer = render(s).lines[59]
        for binding in Keymap.main where binding.inFooter {
            #expect(footer.contains("\(binding.keys[0].label) \(binding.en)"), "\(binding.command)")
        }
        _ = s.press(.char("?"))
        let b = render(s)
        for binding in Keymap.main {
            #expect(b.lines.contains { $0.contains(binding.keyLabel) && $0.contains(binding.en) }, "\(binding.command)")
        }
        _ = s.press(.escape)
        #expect(s.mode == .normal)
    }

    @Test func filtersReloadTheQueue() {
        var s = Sample.state(width: 120, height: 40)
        var f = QueueFilter()
        f.kind = .general
        #expect(s.press(.char("K")) == [.loadQueue(f, offset: 0, limit: 200)])
        f.region = .xining
        #expect(s.press(.char("R")) == [.loadQueue(f, offset: 0, limit: 200)])
        f.overdue = true
        #expect(s.press(.char("o")) == [.loadQueue(f, offset: 0, limit: 200)])
        f.mine = true
        #expect(s.press(.char("m")) == [.loadQueue(f, offset: 0, limit: 200)])
        _ = s.press(.char("/"))
        s.type("养老")
        f.search = "养老"
        // The queue's search is the queue's alone: the board keeps its own.
        #expect(s.press(.enter) == [.loadQueue(f, offset: 0, limit: 200)])
        #expect(render(s).lines[1].contains("筛选：一般问题 · 西宁市 · 我的 · 已超时 · /养老"))
        #expect(s.press(.char("c")) == [.loadQueue(QueueFilter(), offset: 0, limit: 200)])
        // A page loaded for an older filter is dropped.
        _ = s.reduce(.queueLoaded(QueuePage(items: [], offset: 0, total: 0, filter: f)))
        #expect(s.queue.page.total == 4)
    }

    @Test func filterByStatusCyclesThroughClosed() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("S"), .char("S"), .char("S"), .char("S"))
        #expect(s.queue.filter.status == .closed)
        let f = s.queue.filter.itemFilter(operator: "me", now: now, offset: 0, limit: 10)
        #expect(f.statuses == [.closed])
        _ = s.press(.char("S"))
        #expect(s.queue.filter.showClosed && s.queue.filter.status == nil)
        #expect(!s.queue.filter.itemFilter(operator: "me", now: now, offset: 0, limit: 10).activeOnly)
    }

    @Test func aStaleEditShowsTheNewerVersion() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("x"))
        s.type("操作顺序有误")
        _ = s.press(.tab)
        s.type("指导重新操作")
        let effects = s.reduce(.refused(.stale(id: 101, expected: 2, current: 3)))
        #expect(effects.contains(.loadDetail(101)))
        #expect(effects.first == .bell)
        // The typed text stays, the newer version loads behind the form, and the next save builds on it.
        guard case let .form(form, back) = s.mode else { Issue.record("the form closed"); return }
        #expect(back?.id == 101)
        #expect(form.value(.cause) == "操作顺序有误")
        #expect(form.purpose == .resolve(id: 101, version: 3))
        #expect(s.status?.kind == .error)
        var newer = Sample.tickets[0]
        newer.version = 3
        newer.takenBy = "lina"
        _ = s.reduce(.detailLoaded(newer, [HistoryEntry(itemId: 101, at: now, recordedAt: now, actor: "lina", event: .assigned,
                                                        field: .takenBy, oldValue: "zhangwei", newValue: "lina")]))
        let b = render(s)
        #expect(b.row(containing: "现为版本 3") != nil)
        #expect(b.row(containing: "lina") != nil)
        #expect(s.press(.ctrl("s")) == [.write(.resolve(id: 101, cause: "操作顺序有误", solution: "指导重新操作", version: 3))])
    }

    @Test func changesFromElsewhereReloadEverything() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.reduce(.dataChanged) == [.loadQueue(QueueFilter(), offset: 0, limit: 200), .loadFaults(BoardFilter()), .loadKPI])
        _ = s.press(.enter)
        #expect(s.reduce(.dataChanged).contains(.loadDetail(101)))
    }

    @Test func commandLine() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char(":"))
        s.type("102")
        #expect(render(s).lines[38] == ":102")
        #expect(s.press(.enter) == [.loadDetail(102)])
        _ = s.press(.escape, .char(":"))
        s.type("region 玉树")
        var f = QueueFilter()
        f.region = .yushu
        #expect(s.press(.enter) == [.loadQueue(f, offset: 0, limit: 200)])
        _ = s.press(.char(":"))
        s.type("bogus")
        #expect(s.press(.enter) == [.bell])
        _ = s.press(.char(":"))
        s.type("q")
        #expect(s.press(.enter) == [.quit])
    }

    @Test func statusMessagesExpire() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.saved(.frozen(.month(year: 2021, month: 10), missed: [])))
        _ = s.reduce(.tick(now.addingTimeInterval(3)))
        #expect(s.status != nil)
        _ = s.reduce(.tick(now.addingTimeInterval(7)))
        #expect(s.status == nil)
    }

    @Test func freezeIsACommandForAMonthOrAWeekAndTheFrozenMonthShowsOnThePane() throws {
        #expect(CommandLineScreen.parse("freeze 2021-10") == .freeze(.month(year: 2021, month: 10)))
        #expect(CommandLineScreen.parse("freeze 2021-W40") == .freeze(.week(year: 2021, week: 40)))
        #expect(CommandLineScreen.parse("freeze 2021-w40") == .freeze(.week(year: 2021, week: 40)))
        #expect(CommandLineScreen.parse("freeze 2021-W53") == .badArgument(command: "freeze", given: "2021-W53"))
        #expect(CommandLineScreen.parse("freeze") == .badArgument(command: "freeze", given: ""))
        var s = Sample.state(width: 80, height: 24)
        _ = s.press(.char(":"))
        s.type("freeze 2021-10")
        // Asked first; y freezes.
        #expect(s.press(.enter) == [])
        #expect(s.mode == .confirmFreeze(.month(year: 2021, month: 10)))
        #expect(s.press(.char("y")) == [.write(.freeze(.month(year: 2021, month: 10)))])
        #expect(s.mode == .normal)
        var k = Sample.kpi
        k.frozenThrough = .month(year: 2021, month: 10)
        _ = s.reduce(.kpiLoaded(k))
        _ = s.press(.char("3"))
        #expect(render(s).row(containing: "已冻结至 2021-10") != nil)
    }
}
