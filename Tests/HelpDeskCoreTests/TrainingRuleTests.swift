import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Training: steps, scores, attendees and materials")
struct TrainingRuleTests {
    let heldOn = CivilDate(year: 2026, month: 3, day: 10)!
    /// When the steps are recorded: after all of them.
    let later = t("2026-12-07T10:00:00+08:00")

    /// The first `n` steps done an hour apart from 2026-03-02 09:00, delivery and after on the day.
    func done(_ n: Int) -> [TrainingStep: Date] {
        var d: [TrainingStep: Date] = [:]
        for step in TrainingStep.allCases.prefix(n) {
            d[step] = step < .delivery ? t("2026-03-02T09:00:00+08:00").addingTimeInterval(Double(step.number) * 3600)
                : t("2026-03-10T09:00:00+08:00").addingTimeInterval(Double(step.number) * 3600)
        }
        return d
    }

    @Test func theSevenStepsInTheTendersOrderWithTheirNames() {
        #expect(TrainingStep.allCases.map(\.rawValue) == ["content", "plan", "materials", "delivery", "exam", "qa", "upload"])
        #expect(TrainingStep.allCases.map(\.chineseName) == ["培训内容确定", "培训计划", "培训资料准备", "培训实施", "考试", "答疑", "资料上传"])
        #expect(TrainingStep.content.number == 1 && TrainingStep.upload.number == 7 && TrainingStep.exam < .qa)
        #expect(TrainingStep.qa.label(.en) == "Q&A" && TrainingStep.delivery.label(.zh) == "培训实施")
        #expect(TrainingType.allCases.map(\.rawValue) == ["admin", "operator", "sysadmin"])
        #expect(TrainingType.allCases.map { $0.label(.zh) } == ["行政管理人员", "业务经办人员", "系统管理员"])
        #expect(TrainingType.sysadmin.label(.en) == "system administrators")
    }

    @Test func aStepIsDoneOnceOnly() throws {
        let before = done(2)
        #expect(throws: TrainingRefusal.alreadyDone(.plan, at: before[.plan]!)) {
            try TrainingRules.checkStep(.plan, at: t("2026-03-05T10:00:00+08:00"), now: later, done: before, heldOn: heldOn)
        }
        try TrainingRules.checkStep(.materials, at: t("2026-03-05T10:00:00+08:00"), now: later, done: before, heldOn: heldOn)
    }

    @Test func stepsGoInOrderNamingTheFirstPendingOne() throws {
        #expect(throws: TrainingRefusal.earlierStepPending(.exam, pending: .content)) {
            try TrainingRules.checkStep(.exam, at: t("2026-03-10T15:00:00+08:00"), now: later, done: [:], heldOn: heldOn)
        }
        #expect(throws: TrainingRefusal.earlierStepPending(.upload, pending: .qa)) {
            try TrainingRules.checkStep(.upload, at: t("2026-03-11T15:00:00+08:00"), now: later, done: done(5), heldOn: heldOn)
        }
        try TrainingRules.checkStep(.content, at: t("2026-03-01T15:00:00+08:00"), now: later, done: [:], heldOn: heldOn)
    }

    @Test func aStepIsNotDatedBeforeTheOneBeforeIt() throws {
        let before = done(1)  // content at 2026-03-02 10:00
        #expect(throws: TrainingRefusal.beforePreviousStep(.plan, previous: .content, previousAt: before[.content]!)) {
            try TrainingRules.checkStep(.plan, at: t("2026-03-02T09:59:59+08:00"), now: later, done: before, heldOn: heldOn)
        }
        // The same second is allowed.
        try TrainingRules.checkStep(.plan, at: before[.content]!, now: later, done: before, heldOn: heldOn)
    }

    @Test func deliveryNotBeforeTheDayTheSessionIsHeld() throws {
        #expect(throws: TrainingRefusal.deliveredBeforeDay(heldOn: heldOn)) {
            try TrainingRules.checkStep(.delivery, at: t("2026-03-09T23:59:59+08:00"), now: later, done: done(3), heldOn: heldOn)
        }
        // Beijing's day, not UTC's: 16:00Z on the 9th is already the 10th in Beijing.
        try TrainingRules.checkStep(.delivery, at: t("2026-03-09T16:00:00Z"), now: later, done: done(3), heldOn: heldOn)
    }

    @Test func scoresAreWholeNumbersFrom0To100() throws {
        try TrainingRules.checkScore(0)
        try TrainingRules.checkScore(100)
        #expect(throws: TrainingRefusal.scoreOutOfRange(101)) { try TrainingRules.checkScore(101) }
        #expect(throws: TrainingRefusal.scoreOutOfRange(-1)) { try TrainingRules.checkScore(-1) }
        #expect(try TrainingRules.score(" 85 ") == 85)
        #expect(throws: TrainingRefusal.scoreNotANumber("85.5")) { try TrainingRules.score("85.5") }
        #expect(throws: TrainingRefusal.scoreNotANumber("八十")) { try TrainingRules.score("八十") }
        #expect(TrainingRefusal.scoreOutOfRange(101).text(.en).contains("0 to 100"))
        #expect(TrainingRefusal.scoreOutOfRange(101).text(.zh).contains("0 到 100"))
    }

    @Test func theAverageCountsOnlyTheScoresGivenAndIsNoneWithout() {
        #expect(TrainingRules.average([]) == nil)
        #expect(TrainingRules.average([nil, nil]) == nil)
        #expect(TrainingRules.average([80, nil, 91]) == 85.5)
        #expect(TrainingRules.average([0]) == 0)
        #expect(TrainingRules.averageText(85.5) == "85.5" && TrainingRules.averageText(nil) == "—")
        let detail = TrainingDetail(itemId: 1, type: .operator, place: "会议室", trainer: "李老师", heldOn: heldOn,
                                    attendees: [Attendee(name: "王芳", office: "城西区社保局", region: .xining, score: 90),
                                                Attendee(name: "才让", office: "玉树州社保局", region: .yushu)])
        #expect(detail.averageScore == 90 && detail.stepsDone == 0 && detail.nextStep == .content)
    }

    @Test func attendeesNeedANameAndOfficeAndAValidScore() throws {
        #expect(throws: TrainingRefusal.blank(field: "name")) { try TrainingRules.attendee(name: " ", office: "社保局", region: .xining, score: nil) }
        #expect(throws: TrainingRefusal.blank(field: "office")) { try TrainingRules.attendee(name: "王芳", office: "", region: .xining, score: nil) }
        #expect(throws: TrainingRefusal.scoreOutOfRange(120)) { try TrainingRules.attendee(name: "王芳", office: "社保局", region: .xining, score: 120) }
        #expect(try TrainingRules.attendee(name: " 王芳 ", office: "社保局", region: .haixi, score: 77)
                == Attendee(name: "王芳", office: "社保局", region: .haixi, score: 77))
    }

    @Test func materialsArePathsOrLinksWithAHost() throws {
        #expect(try TrainingRules.material(" /share/培训/讲义.pdf ") == "/share/培训/讲义.pdf")
        #expect(try TrainingRules.material("https://pan.example.cn/s/abc") == "https://pan.example.cn/s/abc")
        #expect(TrainingRules.isLink("HTTPS://x.cn") && !TrainingRules.isLink("/srv/http://x"))
        #expect(throws: TrainingRefusal.linkWithoutHost("https://")) { try TrainingRules.material("https://") }
        #expect(throws: TrainingRefusal.materialHasLineBreak) { try TrainingRules.material("a\nb") }
        #expect(throws: TrainingRefusal.blank(field: "material")) { try TrainingRules.material("  ") }
    }

    @Test func historyNamesTheTrainingsFieldsAndValues() {
        #expect(HistoryText.value(.step, "qa", kind: .training, .zh) == "答疑")
        #expect(HistoryText.value(.trainingType, "sysadmin", kind: .training, .zh) == "系统管理员")
        #expect(HistoryEvent.stepDone.label(.zh) == "完成培训步骤" && HistoryEvent.stepDone.rawValue == "step_done")
        #expect(Strings(.zh)(.trainings) == "培训" && Strings(.en)(.trainings) == "Trainings")
    }
}
