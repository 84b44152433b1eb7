import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The display column at which `needle` starts in `line`.
func column(of needle: String, in line: String) -> Int? {
    guard let r = line.range(of: needle) else { return nil }
    return TerminalText.width(String(line[..<r.lowerBound]))
}

@Suite("Rendering")
struct RenderTests {
    @Test func allThreePanesAt120x40() throws {
        let b = render(Sample.state(width: 120, height: 40))
        #expect(b.lines[0].contains("机关事业养老保险运维服务台"))
        #expect(b.lines[0].hasSuffix("zhangwei · 2021-11-23 16:00 +08:00"))
        #expect(b.row(containing: "CASE 队列 (4)") == 1)
        let board = try #require(b.row(containing: "故障看板 (3)"))
        #expect(b.lines[board].contains("服务指标"))
        #expect(b.lines[board].contains("2021-11 / 2021-W47"))
        #expect(b.row(containing: "养老保险待遇测算结果与手工核对") != nil)   // the mark column takes two columns
        #expect(b.row(containing: "数据库实例响应缓慢") != nil)
        #expect(b.lines[39].contains("Enter 详情"))
    }

    @Test func mixedChineseAndASCIIColumnsLineUp() throws {
        let b = render(Sample.state(width: 120, height: 40))
        let header = try #require(b.row(containing: "时限"))
        let deadlineColumn = try #require(column(of: "时限", in: b.lines[header]))
        let titleColumn = try #require(column(of: "标题", in: b.lines[header]))
        for (title, due) in [("养老保险待遇", "11-22 18:00"), ("Ukey证书", "11-24 18:00"), ("参保人员去世", "11-24 09:30")] {
            let row = try #require(b.row(containing: title))
            #expect(column(of: due, in: b.lines[row]) == deadlineColumn, "\(title)")
            #expect(column(of: title, in: b.lines[row]) == titleColumn, "\(title)")
        }
    }

    @Test func stacksIntoTabsAt80x24() throws {
        var s = Sample.state(width: 80, height: 24)
        var b = render(s)
        #expect(b.lines[1].contains("1 CASE 队列 (4)"))
        #expect(b.lines[1].contains("2 故障看板 (3)"))
        #expect(b.row(containing: "养老保险待遇测算结果") != nil)
        #expect(b.row(containing: "数据库实例") == nil)
        _ = s.press(.char("2"))
        b = render(s)
        #expect(b.row(containing: "数据库实例响应缓慢") != nil)
        #expect(b.style(of: " 2 故障看板", inRow: 1) == Theme.dark[.tabActive])
        _ = s.press(.tab)
        b = render(s)
        #expect(b.row(containing: "CASE维护响应率") != nil)
        #expect(b.lines.allSatisfy { TerminalText.width($0) <= 80 })
    }

    @Test func tooSmallSaysSo() {
        let b = render(Sample.state(width: 50, height: 10, language: .en))
        #expect(b.row(containing: "Terminal too small") != nil)
        #expect(b.row(containing: "need at least 60×14, have 50×10") != nil)
    }

    @Test func countdownsAreStyledByTheWindowLeft() throws {
        let b = render(Sample.state(width: 120, height: 40))
        let overdueRow = try #require(b.row(containing: "数据库实例"))
        #expect(b.style(of: "超1时00分", inRow: overdueRow) == Theme.dark[.overdue])
        let okRow = try #require(b.row(containing: "缴费核定服务"))
        #expect(b.style(of: "14时00分", inRow: okRow) == Theme.dark[.countdownOK])
    }

    @Test func theSelectionMarksTheIdCellAndLeavesEveryOtherStyle() throws {
        var s = Sample.state(width: 120, height: 40)
        var b = render(s)
        let first = try #require(b.row(containing: "养老保险待遇测算结果"))
        #expect(b[0, first].text == ">")
        #expect(b[0, first].style == Theme.dark[.selected])
        #expect(b.style(of: "101", inRow: first) == Theme.dark[.selected])
        #expect(b.style(of: "养老保险待遇测算结果", inRow: first) == Theme.dark[.base])
        #expect(b.style(of: "11-22 18:00", inRow: first) == Theme.dark[.base])
        // A move changes the marker and the id cell of two rows, nothing else.
        _ = s.press(.char("j"))
        let moved = render(s)
        var changed: [Int: [Int]] = [:]
        for y in 0..<moved.height {
            for x in 0..<moved.width where moved[x, y] != b[x, y] { changed[y, default: []].append(x) }
        }
        #expect(changed.keys.sorted() == [first, first + 1])
        #expect(changed.values.allSatisfy { $0.allSatisfy { $0 <= 9 } })   // the marker, the mark column, the id
        _ = s.press(.char("2"))   // the board takes the focus
        b = render(s)
        let overdue = try #require(b.row(containing: "数据库实例"))
        #expect(b[0, overdue].text == ">")
        #expect(b.style(of: "201", inRow: overdue) == Theme.dark[.selected])
        #expect(b.style(of: "超1时00分", inRow: overdue) == Theme.dark[.overdue])  // selected, still red
        let queueRow = try #require(b.row(containing: "参保人员去世后"))             // #102, where the queue stands
        #expect(b[0, queueRow].text == ">")
        #expect(b[0, queueRow].style == Theme.dark[.paneTitle])
        #expect(b.style(of: "102", inRow: queueRow) == Theme.dark[.base])
    }

    @Test func withoutColourTheSelectionStillShows() throws {
        let b = render(Sample.state(width: 120, height: 40), Theme.dark.monochrome)
        let row = try #require(b.row(containing: "养老保险待遇测算结果"))
        #expect(b[0, row].text == ">")
        #expect(b.style(of: "101", inRow: row)?.reverse == true)
    }

    @Test func withoutColourUrgencyStillShowsByAttribute() throws {
        let b = render(Sample.state(width: 120, height: 40), Theme.dark.monochrome)
        let row = try #require(b.row(containing: "数据库实例"))
        let style = try #require(b.style(of: "超1时00分", inRow: row))
        #expect(style.fg == .default && style.bg == .default)
        #expect(style.reverse && style.bold)
    }

    @Test func countdownTicks() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.tick(now.addingTimeInterval(50 * 60)))  // 16:50: fault 202 due 06:00 tomorrow
        let b = render(s)
        #expect(b.row(containing: "13时10分") != nil)
        _ = s.reduce(.tick(t("2021-11-24T05:59:30+08:00")))
        #expect(render(s).row(containing: "0分30秒") != nil)  // the last hour counts seconds
    }

    @Test func kpiShowsDashWhenThereIsNothingToCount() throws {
        let b = render(Sample.state(width: 120, height: 40))
        let k1 = try #require(b.row(containing: "CASE维护响应率"))
        #expect(b.lines[k1].contains("93.3%"))
        let k2 = try #require(b.row(containing: "数据处理完成率"))
        #expect(b.lines[k2].contains("—"))
        #expect(!b.lines[k2].contains("0.0%"))
        let k71 = try #require(b.row(containing: "1级故障按时率"))
        #expect(b.style(of: "50.0%", inRow: k71) == Theme.dark[.kpiMissed])
    }

    @Test func storedEscapesAreShownAsPlaceholders() {
        var s = Sample.state(width: 120, height: 40)
        var items = Sample.tickets
        items[0].title = "危险\u{1B}[2J\u{1B}]0;pwned\u{7}标题\u{202E}"
        _ = s.reduce(.queueLoaded(QueuePage(items: items, offset: 0, total: items.count, filter: QueueFilter())))
        let b = render(s)
        #expect(b.row(containing: "危险␛[2J␛]0;pwned␇标题") != nil)
        #expect(!b.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E } })
    }

    @Test func englishWhenAsked() {
        let b = render(Sample.state(width: 120, height: 40, language: .en))
        #expect(b.row(containing: "CASE queue (4)") != nil)
        #expect(b.row(containing: "Fault board (3)") != nil)
        #expect(b.lines[39].contains("Enter details"))
    }
}

@Suite("The service levels' last twelve months")
struct KPITrendTests {
    /// Twelve months of K1 (the latest this month) and of K4, an error rate where less is better.
    static func snapshot() -> KPISnapshot {
        var k = Sample.kpi
        k.lastMonths = (0..<12).map { n in
            var c = KPICounts()
            (c.caseMet, c.caseDecided) = n == 3 ? (0, 0) : (n == 5 ? (80, 100) : (90 + n % 10, 100))
            (c.tasksErroneous, c.tasksCompleted) = n == 11 ? (3, 100) : (0, 50)
            return c.figures
        }
        return k
    }

    @Test func eachMonthIsADigitAndMissesAreReversed() throws {
        let k = Self.snapshot()
        let k1 = k.trend(of: .k1)
        #expect(String(k1.map(\.mark)) == "999-98999999")
        #expect(k1.map(\.missed) == [false, false, false, false, false, true, false, false, false, false, false, false])
        let k4 = k.trend(of: .k4)
        #expect(String(k4.map(\.mark)) == "###########9", "no error: 100% without error; 3% errors: 97% → 9")
        #expect(k4.last?.missed == true)

        var s = Sample.state(width: 80, height: 24)
        _ = s.reduce(.kpiLoaded(k))
        _ = s.press(.char("3"))
        let b = render(s)
        let row = try #require(b.row(containing: "K1 "))
        #expect(b.lines[row].hasSuffix("999-98999999"), "\(b.lines[row])")
        #expect(b.row(containing: "近12月") != nil)
        // The missed month is drawn in the missed style, reversed in every theme; the others dim.
        let cells = (0..<b.width).map { b[$0, row].text }
        let start = try #require((0...b.width - 12).first { cells[$0..<$0 + 4].joined() == "999-" })
        #expect(b[start + 5, row].style == Theme.dark[.kpiMissed])
        #expect(b[start + 4, row].style == Theme.dark[.dim])
        #expect(Theme.dark[.kpiMissed].reverse && Theme.dark.monochrome[.kpiMissed].reverse)
    }
}

@Suite("The service levels' bars")
struct KPIBarTests {
    /// The bar fills with the share that counts toward the target: an error rate of 0 % (K4, less
    /// is better) is a full bar, a missed 0 % on-time share an empty one.
    @Test func theBarFillsWithWhatCountsTowardTheTarget() throws {
        var month = KPICounts()
        (month.tasksErroneous, month.tasksCompleted) = (0, 20)
        month.faultsOnTime = [.two: 0]
        month.faultsDecided = [.two: 2]
        var k = Sample.kpi
        k.monthFigures = month.figures
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.kpiLoaded(k))
        _ = s.press(.char("3"))
        let b = render(s)
        func bar(_ id: String) throws -> (filled: Int, empty: Int) {
            let row = try #require(b.row(containing: id))
            let cells = (0..<b.width).map { b[$0, row] }
            return (cells.filter { $0.style == Theme.dark[.bar] && $0.text == " " }.count,
                    cells.filter { $0.style == Theme.dark[.barEmpty] && $0.text == "." }.count)
        }
        let k4 = try bar("K4 "), k72 = try bar("K7-2")
        #expect(k4.filled == 8 && k4.empty == 0, "\(k4)")
        #expect(k72.filled == 0 && k72.empty == 8, "\(k72)")
    }
}

@Suite("What a figure counted")
struct FigureItemsConsoleTests {
    @Test func enterOnAFigureListsItsItemsMissedFirstAndOpensOne() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("3"), .char("j"), .char("j"))
        #expect(s.serviceLevels.selectedFigure == .k3)
        _ = s.press(.char("k"))
        let month = Period.month(year: 2021, month: 11)
        #expect(s.press(.enter) == [.loadFigureItems(.k2, month)])
        guard case .figureItems(let list) = s.mode else { Issue.record("no list: \(s.mode)"); return }
        #expect(list.figure == .k2 && !list.loaded)
        let entries = [
            KPIEntry(id: 301, kind: .task, title: "更正缴费基数", deadline: t("2021-11-22T18:00:00+08:00"), eventAt: nil, met: false, cause: nil),
            KPIEntry(id: 302, kind: .task, title: "统计待遇发放", deadline: t("2021-11-25T18:00:00+08:00"), eventAt: nil, met: nil, cause: nil),
            KPIEntry(id: 303, kind: .task, title: "导出缴费明细", deadline: t("2021-11-19T18:00:00+08:00"),
                     eventAt: t("2021-11-19T11:00:00+08:00"), met: true, cause: "x"),
        ]
        // A page for another figure is dropped.
        _ = s.reduce(.figureItemsLoaded(.k3, month, entries, total: 3))
        guard case .figureItems(let still) = s.mode, !still.loaded else { Issue.record("took another figure's page"); return }
        _ = s.reduce(.figureItemsLoaded(.k2, month, entries, total: 3))
        let b = render(s)
        #expect(b.row(containing: "K2 数据处理完成率 · 2021-11") != nil)
        let missed = try #require(b.row(containing: "更正缴费基数"))
        #expect(b.lines[missed].contains("未发生") && b.lines[missed].contains("否"))
        #expect(b.style(of: "否", inRow: missed) == Theme.dark[.kpiMissed])
        #expect(b.lines[try #require(b.row(containing: "统计待遇发放"))].contains("—"))
        _ = s.press(.char("j"), .char("j"))
        #expect(s.press(.enter) == [.loadDetail(303)])
        guard case .detail(let d) = s.mode else { Issue.record("no details"); return }
        #expect(d.id == 303)
        // Back on the list, the item still selected; from the list, q goes back to the service levels.
        _ = s.press(.char("q"))
        guard case .figureItems(let back) = s.mode else { Issue.record("not on the list: \(s.mode)"); return }
        #expect(back.selection == 2)
        _ = s.press(.char("q"))
        #expect(s.mode == .normal && s.focus == .kpi)
    }

    @Test func aMissByOneSecondShowsTheSeconds() throws {
        var s = Sample.state(width: 80, height: 24)
        _ = s.press(.char("3"))
        let month = Period.month(year: 2021, month: 11)
        _ = s.press(.enter)
        guard case .figureItems(let list) = s.mode else { Issue.record("no list: \(s.mode)"); return }
        let entries = [
            KPIEntry(id: 401, kind: .general, title: "晚一秒", deadline: t("2021-11-23T18:00:00+08:00"),
                     eventAt: t("2021-11-23T18:00:01+08:00"), met: false, cause: nil),
            KPIEntry(id: 402, kind: .general, title: "整点", deadline: t("2021-11-24T18:00:00+08:00"),
                     eventAt: t("2021-11-24T17:00:30+08:00"), met: true, cause: nil),
        ]
        _ = s.reduce(.figureItemsLoaded(list.figure, month, entries, total: 2))
        let b = render(s)
        let late = b.lines[try #require(b.row(containing: "晚一秒"))]
        #expect(late.contains("23 18:00:00") && late.contains("23 18:00:01"), "\(late)")
        // Where the minute decides, the minute is shown.
        let onTime = b.lines[try #require(b.row(containing: "整点"))]
        #expect(onTime.contains("11-24 18:00") && onTime.contains("11-24 17:00") && !onTime.contains("17:00:30"), "\(onTime)")
    }
}
