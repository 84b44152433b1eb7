import Foundation
import Testing
@testable import HelpDeskCore

private func at(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

/// A fault reported at 2021-11-23 10:00 Beijing time, at `level`, with its wall-clock deadline.
private func fault(_ level: FaultLevel, taken: Set<EscalationStep> = [], restored: Bool = false) -> EscalationSubject {
    let reported = at("2021-11-23T10:00:00+08:00")
    return EscalationSubject(level: level, reportedAt: reported, dueAt: reported.addingTimeInterval(Double(level.hours) * 3600),
                             restored: restored, taken: taken)
}

private func steps(_ s: EscalationSubject, _ now: String, _ policy: EscalationPolicy = .standard) -> [EscalationStep] {
    EscalationEngine.due(s, policy: policy, now: at(now)).map(\.step)
}

@Suite("Escalation policy")
struct EscalationTests {
    @Test func levelOneCallsTheClientT0AndT1AtOnceT2AtHalfTimeTheSupervisorAtTheBreach() {
        let f = fault(.one)
        #expect(steps(f, "2021-11-23T10:00:00+08:00") == [.client, .T0, .T1])
        #expect(steps(f, "2021-11-23T15:59:59+08:00") == [.client, .T0, .T1])
        #expect(steps(f, "2021-11-23T16:00:00+08:00") == [.client, .T0, .T1, .T2])   // 50% of 12 h
        #expect(steps(f, "2021-11-23T21:59:59+08:00") == [.client, .T0, .T1, .T2])
        #expect(steps(f, "2021-11-23T22:00:00+08:00") == [.client, .T0, .T1, .T2, .supervisor])
        #expect(EscalationPolicy.standard[.one].notifyClientOnBreach)
    }

    @Test func levelTwoCallsT1AtHalfTime() {
        let f = fault(.two)
        #expect(steps(f, "2021-11-23T10:00:00+08:00") == [.T0])
        #expect(steps(f, "2021-11-23T21:59:59+08:00") == [.T0])
        #expect(steps(f, "2021-11-23T22:00:00+08:00") == [.T0, .T1])                 // 12 of 24 h
        #expect(steps(f, "2021-11-24T10:00:00+08:00") == [.T0, .T1, .supervisor])
        #expect(!EscalationPolicy.standard[.two].notifyClientOnBreach)
    }

    @Test func levelThreeCallsT1AtThreeQuarters() {
        let f = fault(.three)
        #expect(steps(f, "2021-11-23T10:00:00+08:00") == [.T0])
        #expect(steps(f, "2021-11-24T21:59:59+08:00") == [.T0])
        #expect(steps(f, "2021-11-24T22:00:00+08:00") == [.T0, .T1])                 // 36 of 48 h
        #expect(steps(f, "2021-11-25T09:59:59+08:00") == [.T0, .T1])
        #expect(steps(f, "2021-11-25T10:00:00+08:00") == [.T0, .T1, .supervisor])
        #expect(!steps(f, "2021-12-31T10:00:00+08:00").contains(.T2))                // T2 only by hand
    }

    @Test func takenStepsAreNotTakenAgain() {
        let f = fault(.two, taken: [.T0])
        #expect(steps(f, "2021-11-24T12:00:00+08:00") == [.T1, .supervisor])
        let all = fault(.two, taken: [.T0, .T1, .supervisor])
        #expect(steps(all, "2021-12-01T00:00:00+08:00").isEmpty)
    }

    @Test func aRestoredFaultTakesNoFurtherSteps() {
        let f = fault(.one, taken: [.client, .T0, .T1], restored: true)
        #expect(steps(f, "2021-11-24T12:00:00+08:00").isEmpty)
        #expect(EscalationEngine.next(f, policy: .standard) == nil)
    }

    @Test func raisingALevelTakesTheNewLevelsDueStepsAtOnce() {
        // A level 3 fault with T0 taken, raised to 1 at 17:00: the 12-hour window from 10:00 is
        // past half, so client, T1 and T2 are due together; T0 stays taken once.
        var f = fault(.three, taken: [.T0])
        f.level = .one
        f.dueAt = f.reportedAt.addingTimeInterval(12 * 3600)
        #expect(steps(f, "2021-11-23T17:00:00+08:00") == [.client, .T1, .T2])
    }

    @Test func stepTimesAreWholeSecondsOfTheWindow() {
        let f = fault(.two)
        let due = EscalationEngine.due(f, policy: .standard, now: at("2021-11-24T10:00:00+08:00"))
        #expect(due.map(\.dueAt) == [at("2021-11-23T10:00:00+08:00"), at("2021-11-23T22:00:00+08:00"), at("2021-11-24T10:00:00+08:00")])
        #expect(due.map(\.percent) == [0, 50, 100])
    }

    @Test func nextStepAndWhen() {
        let next = EscalationEngine.next(fault(.three, taken: [.T0]), policy: .standard)
        #expect(next?.step == .T1)
        #expect(next?.dueAt == at("2021-11-24T22:00:00+08:00"))
        #expect(EscalationEngine.next(fault(.one, taken: [.client, .T0, .T1, .T2, .supervisor]), policy: .standard) == nil)
    }

    @Test func manualEscalationClimbsOneTierAndCannotSkip() {
        #expect(EscalationEngine.manualNext(taken: []) == .T0)
        #expect(EscalationEngine.manualNext(taken: [.client, .T0]) == .T1)
        #expect(EscalationEngine.manualNext(taken: [.T0, .T1, .supervisor]) == .T2)
        #expect(EscalationEngine.manualNext(taken: [.T0, .T1, .T2]) == nil)
    }

    @Test func aTierWaitsForTheOneBelowEvenInAHandEditedPolicy() {
        var policy = EscalationPolicy.standard
        policy.levels[.three] = LevelPolicy(rules: [StepRule(.T1, at: 0), StepRule(.T0, at: 50)])
        #expect(!policy[.three].problems().isEmpty)
        let f = fault(.three)
        #expect(steps(f, "2021-11-23T10:00:00+08:00", policy).isEmpty)
        #expect(steps(f, "2021-11-24T10:00:00+08:00", policy) == [.T0])   // T1 waits a rule round
        #expect(steps(fault(.three, taken: [.T0]), "2021-11-24T10:00:00+08:00", policy) == [.T1])
    }

    @Test func policyProblemsAreNamed() {
        #expect(EscalationPolicy.standard.levels.values.allSatisfy { $0.problems().isEmpty })
        #expect(LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T2, at: 50)]).problems()
            == ["T2 without T1: escalation climbs one tier at a time"])
        #expect(LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T0, at: 50)]).problems()
            == ["T0 appears more than once"])
        #expect(LevelPolicy(rules: [StepRule(.T0, at: 60), StepRule(.T1, at: 50)]).problems()
            == ["T1 at 50% comes before T0 at 60%"])
        #expect(LevelPolicy(rules: [StepRule(.supervisor, at: 120)]).problems().first?.contains("between 0%") == true)
    }

    @Test func onlyTheTierAcknowledges() {
        #expect(EscalationEngine.canAcknowledge(.T0, role: .onsite))
        #expect(!EscalationEngine.canAcknowledge(.T0, role: .expert))
        #expect(EscalationEngine.canAcknowledge(.T1, role: .expert))
        #expect(EscalationEngine.canAcknowledge(.T2, role: .expert))
        #expect(!EscalationEngine.canAcknowledge(.T2, role: .supervisor))
        #expect(!EscalationEngine.canAcknowledge(.supervisor, role: .supervisor))   // a notification
    }

    @Test func theNotificationSpeaksChinese() {
        let text = EscalationText.notification(step: .T1, reason: "2级故障已过时限的50%未恢复：T1 总部专家远程", faultID: 42,
                                               level: .two, region: .haidong, title: "个人账户记账程序报错",
                                               dueAt: at("2021-11-24T10:00:00+08:00"))
        #expect(text == "【2级故障·T1】#42 海东市 个人账户记账程序报错。2级故障已过时限的50%未恢复：T1 总部专家远程。恢复时限 2021-11-24 10:00。请T1 总部专家远程处理并在服务台确认（helpdesk fault ack 42）。")
        let supervisor = EscalationText.notification(step: .supervisor, reason: "1级故障已到时限未恢复：主管", faultID: 7, level: .one,
                                                     region: nil, title: "机房网络中断", dueAt: t("2021-11-24T10:00:00+08:00"))
        #expect(supervisor.hasPrefix("【1级故障·主管督办】#7 机房网络中断。"))
        #expect(supervisor.hasSuffix("请主管督办。"))
    }
}
