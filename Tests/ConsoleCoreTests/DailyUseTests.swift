import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// What a day at the desk needs beyond the basics: nothing typed is lost, the console does what the
/// command line does, and every screen says how to get help and how to leave.
@Suite("A day at the desk")
struct DailyUseTests {
    static let supervisor = StaffMember(username: "zhangwei", name: "张伟", role: .supervisor)
    static let onsite = StaffMember(username: "zhangwei", name: "张伟", role: .onsite)

    // MARK: q backs out, never loses input

    @Test func qInADetailViewBacksOutInsteadOfQuitting() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.enter)
        #expect(s.press(.char("q")) == [])
        #expect(s.mode == .normal)
        #expect(s.press(.char("q")) == [.quit])  // on the main panes it quits
    }

    @Test func qOnAChoiceBacksOutOfAFormAndIsTypedInAText() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("n"))
        #expect(s.press(.char("q")) == [])
        #expect(s.mode == .normal)
        _ = s.press(.char("n"), .tab, .tab, .tab)
        s.type("qq群无法登录")
        _ = s.press(.backTab)                       // back on the region choice
        #expect(s.press(.char("q")) == [])
        guard case .form(let form, _) = s.mode else { Issue.record("the form closed with input in it"); return }
        #expect(form.confirmingDiscard)             // asks, as Esc does
        #expect(form.value(.title) == "qq群无法登录")
        _ = s.press(.char("n"))
        guard case .form(let kept, _) = s.mode else { Issue.record("the form closed"); return }
        #expect(!kept.confirmingDiscard)
    }

    // MARK: choices

    @Test func lettersJumpThroughChoicesAndArrowsMove() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("n"), .tab, .tab)         // region
        var seen: [String] = []
        for _ in 0..<6 {
            _ = s.press(.char("h"))
            guard case .form(let f, _) = s.mode else { return }
            seen.append(f.value(.region))
        }
        #expect(seen == ["haidong", "hainan", "huangnan", "haixi", "haibei", "haidong"])
        _ = s.press(.right)
        guard case .form(let f, _) = s.mode else { return }
        #expect(f.value(.region) == "hainan")
        _ = s.press(.left, .left)
        guard case .form(let g, _) = s.mode else { return }
        #expect(g.value(.region) == "xining")
    }

    // MARK: received at

    @Test func aTicketLoggedAfterTheCallKeepsTheTimeItCameIn() throws {
        var s = Sample.state(width: 120, height: 40)   // now: Tue 2021-11-23 16:00
        _ = s.press(.char("n"), .tab, .tab, .tab)
        s.type("退休待遇核定咨询")
        var b = render(s)
        // Received at 16:00 (after the 15:00 cut-off): due the next working day.
        #expect(b.row(containing: "受理时间") != nil)
        #expect(b.row(containing: "2021-11-23 16:00") != nil)
        #expect(b.row(containing: "时限：2021-11-24T18:00:00+08:00") != nil)
        // The call came in at 14:30: due today, and the preview follows as it is typed.
        _ = s.press(.tab, .tab, .tab, .tab, .tab, .ctrl("u"))
        s.type("14:30")
        b = render(s)
        #expect(b.row(containing: "时限：2021-11-23T18:00:00+08:00") != nil)
        let effects = s.press(.ctrl("s"))
        #expect(effects == [.write(.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "退休待遇核定咨询"),
                                            at: t("2021-11-23T14:30:00+08:00")))])
    }

    @Test func aReceivedTimeInTheFutureOrUnreadableIsRefusedAsTyped() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("f"), .tab, .tab)
        s.type("核心库表空间不足")
        _ = s.press(.tab, .tab, .ctrl("u"))
        s.type("17:30")
        #expect(render(s).row(containing: "不能晚于现在") != nil)
        #expect(s.press(.ctrl("s")) == [.bell])
        _ = s.press(.ctrl("u"))
        s.type("昨天")
        #expect(render(s).row(containing: "格式：14:30、11-23 14:30 或 2021-11-23 14:30") != nil)
        _ = s.press(.ctrl("u"))
        s.type("2021-11-22 23:10")
        // Reported 23:10 the night before, level 3: 48 hours on the wall clock from then.
        #expect(render(s).row(containing: "时限：2021-11-24T23:10:00+08:00") != nil)
    }

    // MARK: assess, reopen, lower

    @Test func aRequirementIsAssessedFromTheConsole() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("G"))                      // #104, a requirement
        #expect(s.selectedTicket?.kind == .requirement)
        _ = s.press(.char("x"))
        #expect(s.status?.text.contains("需求须先评估（v）") == true)
        _ = s.press(.char("v"))
        guard case .form(let form, _) = s.mode else { Issue.record("no assessment form"); return }
        #expect(form.purpose == .assess(id: 104, version: 1))
        #expect(form.value(.agreedWith) == "王建华")  // the requester, to be confirmed
        s.type("2021-12")
        #expect(render(s).row(containing: "格式：2021-12-01、12-01 或 12-01 18:00") != nil)
        s.type("-10")
        _ = s.press(.tab, .tab)
        s.type("5人天")
        #expect(s.press(.ctrl("s")) == [.write(.assess(id: 104, due: t("2021-12-10T18:00:00+08:00"), agreedWith: "王建华",
                                                        size: "5人天", version: 1))])
    }

    @Test func onlyTicketsOfKindRequirementAreAssessed() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("v")) == [.bell])
        #expect(s.mode == .normal)
    }

    @Test func aSupervisorReopensAClosedTicketWithAReason() {
        var s = Sample.state(width: 120, height: 40)
        var closed = Sample.tickets[0]
        closed.status = .closed
        closed.closedAt = t("2021-11-22T17:00:00+08:00")
        _ = s.reduce(.queueLoaded(QueuePage(items: [closed], offset: 0, total: 1, filter: QueueFilter())))
        _ = s.reduce(.staffLoaded([Self.onsite]))
        #expect(s.press(.char("u")) == [.bell])
        #expect(s.status?.text == "只有主管可以这样做")
        _ = s.reduce(.staffLoaded([Self.supervisor]))
        _ = s.press(.char("u"))
        s.type("用户反馈问题仍然存在")
        #expect(s.press(.ctrl("s")) == [.write(.reopen(id: 101, reason: "用户反馈问题仍然存在", version: 1))])
    }

    @Test func aSupervisorLowersAFaultToALowerLevelOnly() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.staffLoaded([Self.supervisor]))
        _ = s.press(.char("2"), .char("-"))            // fault 201, level 1
        guard case .form(let form, _) = s.mode, case .choice(let options, _) = form.fields[0].input else {
            Issue.record("no lowering form"); return
        }
        #expect(options.map(\.value) == ["2", "3"])
        _ = s.press(.tab)
        s.type("经核实仅影响单个地区")
        #expect(s.press(.ctrl("s")) == [.write(.lower(id: 201, level: .two, reason: "经核实仅影响单个地区", version: 1))])
        _ = s.reduce(.saved(.saved(id: 201)))
        _ = s.press(.char("j"), .char("j"), .char("-"))  // fault 203, level 3: nothing lower
        #expect(s.status?.text == "只能降低 1、2 级故障")
    }

    // MARK: what the screen says

    @Test func theFooterAlwaysShowsHelpAndQuitAt80Columns() {
        for lang in [Language.zh, .en] {
            let s = Sample.state(width: 80, height: 24, language: lang)
            let footer = render(s).lines[23]
            #expect(footer.contains(lang == .zh ? "? 帮助" : "? help"), "\(lang): \(footer)")
            #expect(footer.contains(lang == .zh ? "q 退出" : "q quit"), "\(lang): \(footer)")
        }
    }

    @Test func theTitleBarNamesTheDatabaseAndMarksTheDemo() {
        var s = Sample.state(width: 120, height: 40)
        s.databaseName = "demo.sqlite"
        s.isDemo = true
        let b = render(s)
        #expect(b.lines[0].contains("演示数据  demo.sqlite ·"))
        #expect(b.style(of: "演示数据", inRow: 0) == Theme.dark[.overdue])
        s.isDemo = false
        s.databaseName = "helpdesk.sqlite"
        #expect(!render(s).lines[0].contains("演示"))
        #expect(render(s).lines[0].contains("helpdesk.sqlite"))
        s.isReadOnly = true
        #expect(render(s).lines[0].contains(" 只读  helpdesk.sqlite ·"))
        #expect(render(s).style(of: "只读", inRow: 0) == Theme.dark[.overdue])
        s.language = .en
        s.width = 80
        #expect(render(s).lines[0].hasPrefix(" READ-ONLY  helpdesk.sqlite ·"))
    }

    @Test func aPhoneShowsWithoutARequesterName() {
        var s = Sample.state(width: 120, height: 40)
        var item = Sample.tickets[0]
        item.requesterName = nil
        item.requesterPhone = "0971-8123456"
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(item, []))
        let b = render(s)
        let row = b.row(containing: "0971-8123456")
        #expect(row != nil)
        #expect(row.map { b.lines[$0].contains("提出人") } == true)
    }

    @Test func aDescriptionOfSeveralLinesKeepsItsLines() {
        var s = Sample.state(width: 80, height: 24)
        var item = Sample.tickets[0]
        item.description = "ORA-01653: unable to extend table\r\nin tablespace YLBX_DATA\n\u{1B}[31m第三行\n"
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(item, []))
        let b = render(s)
        let first = b.row(containing: "ORA-01653: unable to extend table")
        #expect(first != nil && b.lines[first!].contains("描述"))
        #expect(first.map { b.lines[$0 + 1].contains("in tablespace YLBX_DATA") && b.lines[$0 + 2].contains("␛[31m第三行") } == true)
        #expect(!b.lines.joined().contains("␊"))
    }

    @Test func anAnsweredSpecialCaseIsNotOverdueInTheQueueOrTheDetail() throws {
        var s = Sample.state(width: 120, height: 40)
        var answered = Sample.tickets[1]                       // special, due 2021-11-24 09:30
        answered.status = .responded
        answered.firstResponseAt = t("2021-11-23T11:00:00+08:00")
        _ = s.reduce(.tick(t("2021-11-25T10:00:00+08:00")))     // a day past its deadline
        _ = s.reduce(.queueLoaded(QueuePage(items: [answered], offset: 0, total: 1, filter: QueueFilter())))
        var b = render(s)
        let row = try #require(b.row(containing: "参保人员去世"))
        #expect(b.lines[row].contains("已响应"))
        #expect(!b.lines[row].contains("超"))
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(answered, []))
        b = render(s)
        let due = try #require(b.row(containing: "2021-11-24T09:30:00+08:00"))
        #expect(b.lines[due].contains("已按时响应"), "as show says it")
        #expect(!b.lines[due].contains("超"))
    }

    // MARK: found by trying it as a newcomer

    @Test func lowerOnATicketSaysOnlyFaultsHaveLevels() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.staffLoaded([Self.supervisor]))
        #expect(s.press(.char("-")) == [.bell])
        #expect(s.status?.text == "只有故障有级别可以降低")
    }

    @Test func aBoardWithNothingMatchingTheSearchSaysSo() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"), .char("/"))
        s.type("韩秀兰")
        _ = s.press(.enter)
        _ = s.reduce(.faultsLoaded([]))
        let b = render(s)
        #expect(b.row(containing: "没有符合搜索的未恢复故障") != nil)
        #expect(b.row(containing: "没有未恢复的故障") == nil)
    }

    @Test func typingReplacesTheReceivedTimeFilledInAndABadOneShowsNoPreview() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("n"), .tab, .tab, .tab)
        s.type("退休待遇核定咨询")
        _ = s.press(.tab, .tab, .tab, .tab, .tab)     // received at, filled with now
        s.type("25:99")
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.value(.at) == "25:99")          // replaced, not appended to the time filled in
        let b = render(s)
        #expect(b.row(containing: "格式：14:30") != nil)
        #expect(b.row(containing: "时限：") == nil)    // no deadline from a time that would not be saved
    }

    @Test func englishLabelsAreNotCutWhileTheTitleHasRoom() throws {
        var s = Sample.state(width: 120, height: 40, language: .en)
        var assessed = Sample.tickets[3]
        assessed.status = .assessed
        _ = s.reduce(.queueLoaded(QueuePage(items: [assessed], offset: 0, total: 1, filter: QueueFilter())))
        let b = render(s)
        let row = try #require(b.row(containing: "新增职业年金"))
        #expect(b.lines[row].contains("requirement"))
        #expect(b.lines[row].contains("assessed"))
    }

    @Test func theDetailFooterOffersWhatAppliesToTheItem() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.press(.char("G"), .enter)                // #104, a requirement not yet assessed
        _ = s.reduce(.detailLoaded(Sample.tickets[3], []))
        let footer = render(s).lines[39]
        #expect(footer.contains("v assess requirement"))
        #expect(!footer.contains("raise level"))
    }

    /// The keys' screen opened over an item's details closes back to them, not to the list: backing
    /// out one level at a time never leaves the program by surprise.
    @Test func theKeysOpenedOverDetailsCloseBackToThem() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.press(.char("G"), .enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[3], []))
        _ = s.press(.char("?"))
        guard case .help = s.mode else { Issue.record("no help: \(s.mode)"); return }
        _ = s.press(.char("q"))
        guard case .detail(let d) = s.mode else { Issue.record("not back in the details: \(s.mode)"); return }
        #expect(d.id == Sample.tickets[3].id)
        // From the main screen it closes to the main screen.
        _ = s.press(.char("q"))
        _ = s.press(.char("?"), .char("q"))
        #expect(s.mode == .normal)
    }

    /// The keys' screen pages and goes to its ends, and never scrolls past its last row.
    @Test func theKeysScreenPagesToItsEnds() throws {
        var s = Sample.state(width: 80, height: 24)
        _ = s.press(.char("?"), .char("G"))
        guard case .help(let bottom) = s.mode else { Issue.record("no help"); return }
        #expect(bottom == HelpScreen.rows(.zh).count - 20 && bottom > 0)
        _ = s.press(.char("k"))
        guard case .help(let up) = s.mode else { Issue.record("no help"); return }
        #expect(up == bottom - 1)
        _ = s.press(.char("g"), .pageDown)
        guard case .help(let page) = s.mode else { Issue.record("no help"); return }
        #expect(page == 10)
        let last = HelpScreen.rows(.zh).last!.1
        _ = s.press(.char("G"))
        #expect(render(s).row(containing: TerminalText.truncate(last, to: 20, ellipsis: false)) != nil)
    }

    /// Every key of every table (the main screen's and each screen's own, the attachments' and the
    /// details' included) is on the `?` screen with what it does, in both languages.
    @Test(arguments: [Language.zh, .en])
    func theKeysScreenListsEveryTable(_ lang: Language) {
        let rows = HelpScreen.rows(lang)
        for binding in Keymap.tables.joined() {
            #expect(rows.contains { $0.0 == binding.keyLabel && $0.1 == binding.help(lang) }, "\(binding.keyLabel) \(binding.help(lang))")
        }
    }

    /// Every list keeps its selected row marked when the focus moves to another pane, in the
    /// pane's title style; only the pane in focus shows it in the selection style. The queue and
    /// the board at 120×40 behave alike.
    @Test func anUnfocusedPaneKeepsItsSelectionMarkedDimly() throws {
        var s = Sample.state(width: 120, height: 40)
        let theme = Theme.dark
        func marker(_ b: ScreenBuffer, _ id: String) throws -> Style? {
            let row = try #require(b.lines.firstIndex { $0.hasPrefix(">") && $0.contains(id) }, "no marked row with \(id)")
            return b[0, row].style
        }
        var b = render(s)
        #expect(try marker(b, "101") == theme[.selected])
        _ = s.press(.tab)                                   // the board in focus
        b = render(s)
        #expect(try marker(b, "101") == theme[.paneTitle])
        #expect(try marker(b, "201") == theme[.selected])
        _ = s.press(.tab)                                   // the service levels in focus
        b = render(s)
        #expect(try marker(b, "201") == theme[.paneTitle])
        #expect(try marker(b, "101") == theme[.paneTitle])
    }

    /// An item's details go to their ends with g and G (Home, End), and a key up from the end
    /// moves up at once: the scroll never runs on past the last line.
    @Test func theDetailsGoToTheirEnds() throws {
        var s = Sample.state(width: 80, height: 24)
        _ = s.press(.enter)
        let item = Sample.tickets[0]
        let history = (0..<40).map { n in
            HistoryEntry(itemId: item.id ?? 0, at: item.receivedAt.addingTimeInterval(Double(n) * 60), recordedAt: item.receivedAt,
                         actor: "lina", event: .assigned, note: "记录第\(n)条")
        }
        _ = s.reduce(.detailLoaded(item, history))
        _ = s.press(.char("G"))
        var b = render(s)
        #expect(b.row(containing: "记录第39条") != nil)
        #expect(b.row(containing: "记录第0条") == nil)
        guard case .detail(let end) = s.mode else { Issue.record("not in the details: \(s.mode)"); return }
        _ = s.press(.char("j"), .char("j"), .char("k"))
        guard case .detail(let up) = s.mode else { Issue.record("not in the details: \(s.mode)"); return }
        #expect(up.scroll == end.scroll - 1 && end.scroll > 0)
        b = render(s)
        #expect(b.row(containing: "记录第39条") == nil)
        _ = s.press(.char("g"))
        guard case .detail(let top) = s.mode else { Issue.record("not in the details: \(s.mode)"); return }
        #expect(top.scroll == 0)
        _ = s.press(.end)
        guard case .detail(let again) = s.mode else { Issue.record("not in the details: \(s.mode)"); return }
        #expect(again.scroll == end.scroll)
    }

    /// The keys' screen lists Ctrl-Z, which the run loop takes in every mode.
    @Test func theKeysScreenListsSuspending() {
        #expect(HelpScreen.rows(.en).contains { $0.0 == "Ctrl-Z" && $0.1.contains("fg") })
        #expect(HelpScreen.rows(.zh).contains { $0.0 == "Ctrl-Z" && $0.1.contains("挂起") })
    }

    /// Every field's value starts in one column, however long its label ("First response", the
    /// longest English one); only a history entry's time takes a wider column.
    @Test(arguments: [Language.en, .zh])
    func theDetailsValuesStartInOneColumn(_ lang: Language) throws {
        var s = Sample.state(width: 120, height: 40, language: lang)
        var answered = Sample.tickets[1]
        answered.firstResponseAt = t("2021-11-23T11:00:00+08:00")
        _ = s.press(.char("j"), .enter)
        _ = s.reduce(.detailLoaded(answered, []))
        let b = render(s)
        let title = try #require(b.row(containing: answered.title))
        let first = try #require(b.row(containing: "2021-11-23T11:00:00+08:00"))
        func column(_ row: Int, _ text: String) -> Int? {
            b.lines[row].range(of: text).map { TerminalText.width(String(b.lines[row][..<$0.lowerBound])) }
        }
        #expect(column(title, answered.title) == column(first, "2021-11-23T11:00:00+08:00"), "\(b.lines[title])\n\(b.lines[first])")
    }

    /// A value longer than the line is wrapped under itself in the details, never cut off.
    @Test func longValuesWrapInTheDetails() throws {
        var s = Sample.state(width: 80, height: 24)
        var item = Sample.tickets[0]
        item.title = "参保人员在跨地区转移接续后养老金待遇测算结果与原参保地核定数据不一致需要逐条核对并出具说明材料"
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(item, []))
        let b = render(s)
        let first = try #require(b.row(containing: "参保人员在跨地区"))
        #expect(b.lines[first + 1].contains("出具说明材料") || b.lines[first + 2].contains("出具说明材料"), "\(b.lines[first...first + 2])")
    }

    @Test func theBoardTakesOnlyTheRowsItsFaultsNeed() {
        // 40 rows: 37 for the panes. Three faults need 5 rows, but the service levels need 11.
        guard case let .split(queue, faults, kpi) = Layout.compute(width: 120, height: 40, openFaults: 3) else {
            Issue.record("not split"); return
        }
        #expect(queue.height == 26 && faults.height == 11 && kpi.height == 11)
        guard case let .split(busyQueue, busyBoard, _) = Layout.compute(width: 120, height: 40, openFaults: 50) else { return }
        #expect(busyBoard.height == 16 && busyQueue.height == 21)
        var s = Sample.state(width: 120, height: 40)
        let items = (0..<30).map { Sample.ticket(Int64(300 + $0), title: "工单\($0)", received: "2021-11-23T10:00:00+08:00", due: "2021-11-23T18:00:00+08:00") }
        _ = s.reduce(.queueLoaded(QueuePage(items: items, offset: 0, total: 30, filter: QueueFilter())))
        #expect(render(s).row(containing: "工单23") != nil)   // 24 rows of the queue show
    }
}
