import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The tasks, the changes, their details and a delivery as drawn, at 80×24 and 120×40, in both languages.
@Suite("Rendering tasks and changes")
struct ServiceRenderTests {
    /// A released change's details, its facts read.
    static func releasedChange(width: Int, height: Int, language: Language) -> ConsoleState {
        var s = ServiceSample.state(.changes, width: width, height: height, language: language)
        _ = s.press(.char("G"), .enter)
        _ = s.reduce(.detailLoaded(ServiceSample.changes[2], []))
        _ = s.reduce(.factsLoaded(id: 403, ServiceFacts(.change(ServiceSample.details[403]!, delivery: ServiceSample.delivery),
                                                        links: ItemLinks(source: 104, derived: [305]))))
        return s
    }

    @Test func theTasksAt120x40TakeTheWholeBody() throws {
        let b = render(ServiceSample.state(.tasks))
        #expect(b.lines[1].hasPrefix(" 数据处理 (3)"))
        #expect(b.row(containing: "CASE 队列") == nil && b.row(containing: "故障看板") == nil)   // the desk gives way
        let header = try #require(b.row(containing: "处理人"))
        for title in ["编号", "状态", "标题", "时限", "剩余", "有误"] { #expect(b.lines[header].contains(title), "\(title)") }
        let first = try #require(b.row(containing: "更正 2021 年 10 月缴费基数"))
        #expect(b.lines[first].hasPrefix(">   301 待处理"))
        #expect(b.style(of: "超4时00分", inRow: first) == Theme.dark[.overdue])
        let marked = try #require(b.row(containing: "补录海东市中断缴费记录"))
        #expect(b.lines[marked].contains("已完成") && b.lines[marked].hasSuffix("✗ 11-23"))
        #expect(b.style(of: "✗ 11-23", inRow: marked) == Theme.dark[.error])
        // Wide titles and ASCII line up in their columns.
        #expect(column(of: "11-25 18:00", in: b.lines[first + 1]) == column(of: "11-23 12:00", in: b.lines[first]))
        #expect(column(of: "lina", in: b.lines[marked]) == column(of: "处理人", in: b.lines[header]))
        #expect(b.lines[39].contains("n 新建任务") && b.lines[39].contains("q/Esc 返回"))
    }

    @Test func theChangesAt120x40InEnglish() throws {
        let b = render(ServiceSample.state(.changes, language: .en))
        #expect(b.lines[1].hasPrefix(" Changes (3)"))
        let header = try #require(b.row(containing: "Stage"))
        #expect(b.lines[header].contains("Type") && b.lines[header].contains("Deadline"))
        let policy = try #require(b.row(containing: "过渡性养老金计发办法调整"))
        #expect(b.lines[policy].contains("policy") && b.lines[policy].contains("internal test"))
        let released = try #require(b.row(containing: "待遇测算提速"))
        #expect(b.lines[released].contains("optimisation") && b.lines[released].contains("released"))
        #expect(b.style(of: "released", inRow: released) == Theme.dark[.kpiMet])
        #expect(b.lines[39].contains("a next stage") && b.lines[39].contains("t test round"))
    }

    @Test func at80x24TheScreensAreTabsAndNothingIsCut() throws {
        for lang in [Language.zh, .en] {
            for pane in [Pane.tasks, .changes] {
                let b = render(ServiceSample.state(pane, width: 80, height: 24, language: lang))
                #expect(b.lines.allSatisfy { TerminalText.width($0) <= 80 })
                // The screen in view keeps its name; the others beside the desk keep theirs where
                // there is room, the last ones giving way first (English is wider).
                #expect(b.lines[1].contains(pane == .tasks ? (lang == .zh ? "4 数据处理" : "4 Tasks") : (lang == .zh ? "5 软件升级" : "5 Changes")))
                #expect(b.lines[1].hasSuffix("| 7") || b.lines[1].hasSuffix("| 7 巡检") || b.lines[1].hasSuffix("| 7 Inspections"), "\(b.lines[1])")
                #expect(b.style(of: pane == .tasks ? " 4 " : " 5 ", inRow: 1) == Theme.dark[.tabActive])
                #expect(b.lines[23].contains(lang == .zh ? "q/Esc 返回" : "q/Esc back"))
            }
        }
        let zh = render(ServiceSample.state(.tasks, width: 80, height: 24))
        let row = try #require(zh.row(containing: "统计 11 月待遇发放"))
        #expect(zh.lines[row].contains("11-25 18:00") && zh.lines[row].contains("2天2时"))
        let en = render(ServiceSample.state(.changes, width: 80, height: 24, language: .en))
        #expect(en.row(containing: "requirement") != nil && en.row(containing: "research") != nil)
    }

    @Test func aTabBarTooNarrowForEveryNameNumbersTheScreens() {
        var s = ServiceSample.state(.tasks, width: 80, height: 24, language: .en)
        _ = s.reduce(.queueLoaded(QueuePage(items: Sample.tickets, offset: 0, total: 51_253, filter: QueueFilter())))
        let tabs = render(s).lines[1]
        #expect(tabs.contains("| 4 Tasks |") && tabs.hasSuffix("| 5 | 6 | 7"))
        #expect(TerminalText.width(tabs) <= 80)
    }

    @Test func aReleasedChangesDetailsShowItsWayItsRoundsItsDeliveryAndDefects() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            let b = render(Self.releasedChange(width: w, height: h, language: .zh))
            #expect(b.lines[1].contains("#403 软件升级 · 已上线"))
            #expect(b.row(containing: "来源") .map { b.lines[$0].contains("#104") } == true)
            #expect(b.row(containing: "派生").map { b.lines[$0].contains("#305") } == true)
            #expect(b.row(containing: "系统功能优化") != nil)
            #expect(b.row(containing: "需求调研 → 需求确认 → 开发 → 内测 → 用户测试 → [已上线]") != nil)
            #expect(b.row(containing: "确认签字     才让") != nil)
            #expect(b.row(containing: "内测第1轮    通过  2021-11-16 10:00  lina  回归通过") != nil)
            let delivery = try #require(b.row(containing: "#7 V3.2.1"))
            #expect(b.lines[delivery].contains("30天内发现缺陷"))
            #expect(b.row(containing: "#9  2021-11-22 11:00  第3天  导出金额列错位") != nil)
            #expect(b.lines[h - 1].contains("d 查看交付") && b.lines[h - 1].contains("D 登记缺陷"))
        }
        let en = render(Self.releasedChange(width: 80, height: 24, language: .en))
        #expect(en.row(containing: "Stage      released (6/6)") != nil)       // the way is wider than 80 columns
        #expect(en.row(containing: "defect within 30 days") != nil)
        #expect(en.row(containing: "Defect     #9  2021-11-22 11:00  day 3") != nil)
    }

    @Test func aTasksDetailsShowItsLinkAndErrorMark() throws {
        for lang in [Language.zh, .en] {
            var s = ServiceSample.state(.tasks, width: 80, height: 24, language: lang)
            _ = s.press(.char("G"), .enter)
            _ = s.reduce(.detailLoaded(ServiceSample.tasks[2], []))
            _ = s.reduce(.factsLoaded(id: 303, ServiceFacts(.task(error: ServiceSample.errors[303]), links: ItemLinks(source: 101))))
            let b = render(s)
            let zh = lang == .zh
            #expect(b.lines[1].contains(zh ? "#303 数据处理 · 已完成" : "#303 task · completed"))
            #expect(b.row(containing: zh ? "来源" : "From").map { b.lines[$0].contains("#101") } == true)
            let mark = try #require(b.row(containing: "漏了乐都区的数据"))
            #expect(b.lines[mark].contains(zh ? "有误" : "Erroneous") && b.lines[mark].contains("2021-11-23T10:00:00+08:00  zhaolei"))
            #expect(b.style(of: "漏了乐都区的数据", inRow: mark) == Theme.dark[.error])
            // Completed and marked: nothing more to do on it.
            #expect(!b.lines[23].contains(zh ? "标记有误" : "mark erroneous"))
        }
    }

    @Test func aDeliveryListsTheChangesItCarriedAndTheDefectsFound() throws {
        for (w, h, lang) in [(120, 40, Language.zh), (80, 24, .en)] {
            var s = Self.releasedChange(width: w, height: h, language: lang)
            _ = s.press(.char("d"))
            _ = s.reduce(.deliveryLoaded(ServiceSample.delivery))
            let b = render(s)
            let zh = lang == .zh
            #expect(b.lines[1].contains(zh ? "交付 #7 V3.2.1" : "Delivery #7 V3.2.1"))
            #expect(b.lines[1].contains(zh ? "1 项变更 · 1 个缺陷" : "1 changes · 1 defects"))
            #expect(b.row(containing: zh ? "计入软件交付错误率（K5）" : "counts as erroneous (K5)") != nil)
            #expect(b.row(containing: "#403").map { b.lines[$0].contains(zh ? "功能优化  待遇测算提速" : "optimisation  待遇测算提速") } == true)
            #expect(b.row(containing: "#9").map { b.lines[$0].contains(zh ? "第3天  导出金额列错位  lina" : "day 3  导出金额列错位  lina") } == true)
            #expect(b.lines[h - 1].contains(zh ? "D 登记缺陷" : "D record a defect"))
        }
    }

    @Test func storedEscapesInATaskAreShownAsPlaceholders() {
        var s = ServiceSample.state(.tasks)
        var page = ServiceSample.taskPage()
        page.items[0].title = "危险\u{1B}[2J任务\u{7}"
        page.facts[303]?.error?.note = "说明\u{1B}]0;x\u{7}"
        _ = s.reduce(.servicesLoaded(page))
        #expect(render(s).row(containing: "危险␛[2J任务␇") != nil)
        _ = s.press(.char("G"), .enter)
        _ = s.reduce(.detailLoaded(ServiceSample.tasks[2], []))
        _ = s.reduce(.factsLoaded(id: 303, page.facts[303]!))
        let b = render(s)
        #expect(b.row(containing: "说明␛]0;x␇") != nil)
        #expect(!b.cells.contains { $0.text.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 } })
    }

    @Test func helpListsTheKeysOfTheNewScreens() {
        var s = ServiceSample.state(.changes, width: 120, height: 80, language: .en)
        _ = s.press(.char("?"))
        let b = render(s)
        for binding in Keymap.tasks + Keymap.changes + Keymap.delivery {
            #expect(b.lines.contains { $0.contains(binding.keyLabel) && $0.contains(binding.en) }, "\(binding.command)")
        }
        let rows = b.lines.map { $0.split(separator: " ").joined(separator: " ") }
        #expect(rows.contains("4 tasks") && rows.contains("5 changes"))
        _ = s.press(.escape)
        #expect(s.focus == .changes)                                          // help closes back onto the changes
    }
}
