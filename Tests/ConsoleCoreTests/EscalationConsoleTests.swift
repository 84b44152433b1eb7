import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// Fault 201 (level 1, reported 03:00) stands at T1 waiting for acknowledgement, T2 due at 09:00
/// tomorrow; fault 202 stands at T0, acknowledged, T1 due at 18:00 today.
private func standings() -> [Int64: EscalationStanding] {
    [
        201: EscalationStanding(taken: [.T0, .T1], tier: .T1, acknowledgedBy: nil,
                                next: DueStep(step: .T2, dueAt: t("2021-11-24T09:00:00+08:00"), percent: 200)),
        202: EscalationStanding(taken: [.T0], tier: .T0, acknowledgedBy: "lina",
                                next: DueStep(step: .T1, dueAt: t("2021-11-23T18:00:00+08:00"), percent: 50)),
    ]
}

@Suite("Escalation in the console")
struct EscalationConsoleTests {
    @Test func theBoardShowsTierAcknowledgementAndNextStep() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.escalationsLoaded(standings()))
        let b = render(s)
        let header = try #require(b.row(containing: "下一步"))
        #expect(b.lines[header].contains("升级"))
        let waiting = try #require(b.row(containing: "数据库实例"))
        #expect(b.lines[waiting].contains("T1 !"))
        #expect(b.style(of: "T1 !", inRow: waiting) == Theme.dark[.overdue])  // stands out
        #expect(b.lines[waiting].contains("T2 11-24"))                      // a later day shows the date
        let acknowledged = try #require(b.row(containing: "缴费核定服务"))
        #expect(b.lines[acknowledged].contains("T0 ✓"))
        #expect(b.style(of: "T0 ✓", inRow: acknowledged) == Theme.dark[.base])
        #expect(b.lines[acknowledged].contains("T1 18:00"))                 // today shows the clock
        let none = try #require(b.row(containing: "负载均衡"))
        #expect(b.lines[none].contains("—"))
        // Tier and next-step columns line up under their headers across rows.
        let tierColumn = try #require(column(of: "升级", in: b.lines[header]))
        #expect(column(of: "T1 !", in: b.lines[waiting]) == tierColumn)
        #expect(column(of: "T0 ✓", in: b.lines[acknowledged]) == tierColumn)
    }

    @Test func aStepPastItsTimeSaysDue() throws {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.reduce(.escalationsLoaded(standings()))
        _ = s.reduce(.tick(t("2021-11-23T18:00:05+08:00")))
        let b = render(s)
        let row = try #require(b.row(containing: "缴费核定服务"))
        #expect(b.lines[row].contains("T1 due"))
    }

    @Test func theDeadlineColumnAppearsOnlyOnAWideBoard() throws {
        var narrow = Sample.state(width: 80, height: 24)
        _ = narrow.reduce(.escalationsLoaded(standings()))
        _ = narrow.press(.char("2"))
        var b = render(narrow)
        let row = try #require(b.row(containing: "数据库实例"))
        #expect(b.lines[row].contains("T1 !"))
        #expect(b.lines[row].contains("超1时00分"))
        #expect(b.row(containing: "时限") == nil)
        #expect(b.lines.allSatisfy { TerminalText.width($0) <= 80 })
        var wide = Sample.state(width: 200, height: 50)
        _ = wide.reduce(.escalationsLoaded(standings()))
        b = render(wide)
        let header = try #require(b.row(containing: "下一步"))
        #expect(b.lines[header].contains("时限"))
    }

    @Test func aAcknowledgesTheSelectedFaultsWaitingStep() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.escalationsLoaded(standings()))
        #expect(s.press(.char("a")) == [.bell])  // the queue has tickets, not faults
        #expect(s.status?.kind == .error)
        _ = s.press(.char("2"))
        #expect(s.press(.char("a")) == [.write(.acknowledge(id: 201))])
        _ = s.press(.char("j"))  // 202: acknowledged already
        #expect(s.press(.char("a")) == [.bell])
        #expect(s.status?.text.contains("没有待确认") == true)
    }

    @Test func capitalEEscalatesOneTierWithAReason() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.escalationsLoaded(standings()))
        _ = s.press(.char("2"), .char("j"), .char("E"))  // 202 stands at T0: the form offers T1 only
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .escalate(id: 202, to: .T1))
        #expect(form.title.contains("T1"))
        #expect(s.press(.ctrl("s")) == [.bell])  // the reason is required
        guard case .form = s.mode else { Issue.record("the form closed without a reason"); return }
        s.type("省中心要求专家远程介入")
        #expect(s.press(.ctrl("s")) == [.write(.escalate(id: 202, reason: "省中心要求专家远程介入"))])
    }

    @Test func nothingAboveT2() {
        var s = Sample.state(width: 120, height: 40)
        var e = standings()
        e[201] = EscalationStanding(taken: [.T0, .T1, .T2], tier: .T2, acknowledgedBy: "wangqiang", next: nil)
        _ = s.reduce(.escalationsLoaded(e))
        #expect(s.press(.char("2"), .char("E")) == [.bell])
        #expect(s.mode == .normal)
        #expect(s.status?.text.contains("T2") == true)
    }

    @Test func aNoticeForTheOperatorShowsAndRingsUnlessSilenced() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.reduce(.notice("#201 1级故障升级至 T1，请确认")) == [.bell])
        #expect(render(s).lines[38].contains("#201 1级故障升级至 T1"))
        _ = s.reduce(.tick(now.addingTimeInterval(30)))
        #expect(s.status != nil)  // a notice stays long enough to be read
        s.bellOnNotice = false
        #expect(s.reduce(.notice("#202 请确认")).isEmpty)
        #expect(s.status?.text == "#202 请确认")
    }

    @Test func theDetailSaysEachStepAndWhyInTheOperatorsLanguage() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"))
        #expect(s.press(.enter) == [.loadDetail(201)])
        let history = [
            HistoryEntry(itemId: 201, at: t("2021-11-23T03:00:00+08:00"), recordedAt: now, actor: "lina", event: .reported, note: "level 1"),
            HistoryEntry(itemId: 201, at: t("2021-11-23T03:00:00+08:00"), recordedAt: now, actor: "lina", event: .escalated,
                         field: .escalation, oldValue: nil, newValue: "T1", note: "rule: 1级故障报告即T1 总部专家远程"),
            HistoryEntry(itemId: 201, at: t("2021-11-23T03:10:00+08:00"), recordedAt: now, actor: "liuyang", event: .acknowledged,
                         field: .escalation, oldValue: nil, newValue: "T1"),
            HistoryEntry(itemId: 201, at: t("2021-11-23T09:00:00+08:00"), recordedAt: now, actor: "lina", event: .restored,
                         field: .status, oldValue: "open", newValue: "closed"),
        ]
        _ = s.reduce(.detailLoaded(Sample.faults[0], history))
        var b = render(s)
        #expect(b.row(containing: "lina  升级  步骤: T1 总部专家远程  按规则：1级故障报告即T1 总部专家远程") != nil)
        #expect(b.row(containing: "liuyang  确认升级  步骤: T1 总部专家远程") != nil)
        #expect(b.row(containing: "lina  恢复  状态: 待处理 → 已恢复") != nil)
        #expect(b.row(containing: "lina  报告  1级") != nil)
        s.language = .en
        b = render(s)
        #expect(b.row(containing: "lina  escalated  step: T1 HQ expert, remote  rule: level 1 fault reported: T1 HQ expert, remote") != nil)
        #expect(b.row(containing: "lina  restored  status: open → restored") != nil)
    }
}
