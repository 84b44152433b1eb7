import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

// What the console says about a read or a write comes from its outcome, in the console's language:
// `:lang` switches it for the messages that follow, the store's answers included.

@Suite("Outcomes said in the console's language")
struct OutcomeTests {
    /// Every write outcome, and what the status line says about it in each language.
    static let said: [(WriteOutcome, zh: String, en: String)] = [
        (.created(id: 105), "已保存 #105", "saved #105"),
        (.saved(id: 101), "已保存 #101", "saved #101"),
        (.acknowledged(id: 202, step: .T0), "已确认 #202 T0", "acknowledged #202 T0"),
        (.escalated(id: 203, step: .T1), "已升级 #203 至 T1", "escalated #203 to T1"),
        (.frozen(.month(year: 2021, month: 10), missed: []), "已冻结 2021-10", "2021-10 frozen"),
        (.completed(id: 301), "已完成 #301", "completed #301"),
        (.markedErroneous(id: 301), "#301 已标记为有误", "#301 marked erroneous"),
        (.advanced(id: 402, stage: .confirmed, delivery: nil, reprocessingTask: nil), "#402 已推进至需求确认", "#402 moved to confirmed"),
        (.testRound(id: 401, number: 2, result: .pass), "#401 第 2 轮内测：通过", "#401 internal test round 2: pass"),
        (.trainingStepDone(id: 502, step: .exam), "#502 考试 已完成", "#502 exam done"),
        (.attendeeRecorded(id: 502, name: "王芳"), "#502 已登记学员 王芳", "#502 attendee 王芳 recorded"),
        (.scored(id: 502, name: "王芳", score: 92), "#502 王芳 成绩 92", "#502 王芳 scored 92"),
        (.materialRecorded(id: 502), "#502 已登记资料", "#502 material recorded"),
        (.attendeeCorrected(id: 502, name: "才让"), "#502 已更正学员 才让", "#502 attendee 才让 corrected"),
        (.defectRecorded(defect: 10, delivery: 7), "已登记缺陷 #10（交付 #7）", "recorded defect #10 of delivery #7"),
        (.inspectionRecorded(id: 9, opened: [301, 302], linked: [201], unknownTargets: 1),
         "已登记巡检 #9；开立 #301 #302；关联 #201；1 项对象不在设备清单中",
         "recorded inspection #9; opened #301 #302; linked #201; 1 targets not in the inventory"),
    ]

    @Test(arguments: [Language.zh, .en])
    func everyWriteOutcomeIsSaidOnTheStatusLine(_ lang: Language) {
        for (outcome, zh, en) in Self.said {
            var s = Sample.state(width: 120, height: 40, language: lang)
            _ = s.reduce(.saved(outcome))
            #expect(s.status?.text == (lang == .zh ? zh : en), "\(outcome)")
            #expect(s.status?.kind == .info)
        }
    }

    @Test func aReleaseNamesItsDeliveryAndTheReprocessingTask() {
        let release = WriteOutcome.advanced(id: 402, stage: .released, delivery: 7, reprocessingTask: 410)
        #expect(release.text(.en).hasSuffix(", delivery #7; opened task #410 to reprocess the business since the policy took effect"))
        #expect(release.text(.zh).hasSuffix("，交付 #7；已开立数据处理任务 #410：重新处理政策生效以来的业务"))
        #expect(WriteOutcome.frozen(.month(year: 2021, month: 10), missed: [KPI.allCases[0]]).text(.zh)
            == "已冻结 2021-10；未达标：\(KPI.allCases[0].rawValue)")
    }

    @Test func whichWritesSelectAnItem() {
        #expect(WriteOutcome.created(id: 5).id == 5 && WriteOutcome.created(id: 5).created)
        #expect(WriteOutcome.saved(id: 5).id == 5 && !WriteOutcome.saved(id: 5).created)
        #expect(WriteOutcome.defectRecorded(defect: 10, delivery: 7).id == nil)
        #expect(WriteOutcome.inspectionRecorded(id: 9, opened: [], linked: [], unknownTargets: 0).id == nil)
    }

    @Test func savingIsSaidFromTheSamePlace() {
        #expect(WriteOutcome.saving(.zh) == "正在保存…" && WriteOutcome.saving(.en) == "saving…")
        #expect(WriteOutcome.hiddenByFilters(7, .en) == "#7 saved, hidden by the current filter (c clears filters)")
    }

    @Test func refusalsAreSaidWithABell() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        #expect(s.reduce(.refused(.stale(id: 101, expected: 1, current: 2))).first == .bell)
        #expect(s.status?.text == "#101 was changed by someone else (version 1 → 2); not saved, your input is kept")
        #expect(s.status?.kind == .error)
        var z = Sample.state(width: 120, height: 40)
        _ = z.reduce(.refused(.stale(id: 101, expected: 1, current: 2)))
        #expect(z.status?.text == "#101 已被他人修改（版本 1 → 2），未保存；你的输入仍在")
        _ = z.reduce(.refused(.failed(LocalizedText(en: "the disk is full", zh: "磁盘已满"))))
        #expect(z.status?.text == "磁盘已满")
    }

    @Test func outcomesBecomeTheActionsThatCarryThem() {
        #expect(Outcome.saved(.saved(id: 1)).actions == [.saved(.saved(id: 1))])
        #expect(Outcome.refused(.stale(id: 1, expected: 1, current: 2)).actions == [.refused(.stale(id: 1, expected: 1, current: 2))])
        #expect(Outcome.loaded([.dataChanged, .faultsLoaded([])]).actions == [.dataChanged, .faultsLoaded([])])
        let why = LocalizedText(en: "no work item #9", zh: "没有编号为 #9 的工单")
        #expect(Outcome.failed(why).actions == [.failed(why)])
    }

    @Test func langSwitchesTheLanguageOfTheStoresErrors() {
        var s = Sample.state(width: 120, height: 40, language: .zh)
        let why = LocalizedText(en: "no work item #9", zh: "没有编号为 #9 的工单")
        _ = s.reduce(.failed(why))
        #expect(s.status?.text == "没有编号为 #9 的工单")
        _ = s.press(.char(":"))
        s.type("lang en")
        _ = s.press(.enter)
        #expect(s.language == .en)
        _ = s.reduce(.failed(why))
        #expect(s.status?.text == "no work item #9")
        _ = s.reduce(.refused(.rule(LocalizedText(en: "not permitted: supervisors only", zh: "无权操作：仅限主管"))))
        #expect(s.status?.text == "not permitted: supervisors only")
        _ = s.reduce(.saved(.saved(id: 101)))
        #expect(s.status?.text == "saved #101")
    }
}

@Suite("What is drawn over the main screen")
struct OverlayTests {
    @Test func eachModeHasItsOverlayWhateverItHolds() {
        let modes: [Mode] = [.normal, .detail(Detail(id: 1)), .help(scroll: 0), .confirmQuit(previous: .normal),
                             .confirmFreeze(.month(year: 2021, month: 10)),
                             .requesterItems(RequesterItemsScreen.State(requester: Requester(id: 1, name: "才让", office: "玉树州社保局", region: .yushu))),
                             .severalResults(SeveralResultsScreen.State(results: [SeveralResult(id: 1)]))]
        #expect(Set(modes.map(\.overlay)).count == modes.count)
        #expect(Mode.detail(Detail(id: 1)).overlay == Mode.detail(Detail(id: 2)).overlay)
        #expect(Mode.help(scroll: 0).overlay == Mode.help(scroll: 3).overlay)
        #expect(Mode.Overlay.allCases.count == 13)
    }
}
