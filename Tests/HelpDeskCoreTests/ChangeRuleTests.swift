import Foundation
import Testing
@testable import HelpDeskCore

private func round(_ n: Int, _ result: TestResult) -> TestRound {
    TestRound(number: n, at: t("2026-03-02T10:00:00+08:00").addingTimeInterval(Double(n) * 3600), actor: "liuyang",
              result: result, note: "第\(n)轮")
}

@Suite("Change requests: the way to production")
struct ChangeStageTests {
    @Test func theStagesFollowEachOtherInTheContractsOrder() {
        var stages: [ChangeStage] = [.research]
        while let next = stages.last!.next { stages.append(next) }
        #expect(stages == [.research, .confirmed, .development, .internalTest, .userTest, .released])
        #expect(ChangeStage.research < .released && ChangeStage.internalTest < .userTest)
        #expect(ChangeStage(rawValue: "internal-test") == .internalTest && ChangeStage(rawValue: "user-test") == .userTest)
    }

    @Test func confirmingNeedsWhoSignedAndNothingElseTakesASignature() throws {
        #expect(throws: ChangeRefusal.signatureMissing) { try ChangeRules.advance(from: .research, signedBy: nil, rounds: []) }
        #expect(throws: ChangeRefusal.signatureMissing) { try ChangeRules.advance(from: .research, signedBy: "  ", rounds: []) }
        #expect(try ChangeRules.advance(from: .research, signedBy: "马主任", rounds: []) == .confirmed)
        #expect(throws: ChangeRefusal.signatureNotAsked(.development)) {
            try ChangeRules.advance(from: .confirmed, signedBy: "马主任", rounds: [])
        }
        #expect(try ChangeRules.advance(from: .confirmed, signedBy: nil, rounds: []) == .development)
        #expect(try ChangeRules.advance(from: .development, signedBy: nil, rounds: []) == .internalTest)
    }

    @Test func userTestOnlyAfterTheLatestInternalRoundPassed() throws {
        #expect(throws: ChangeRefusal.noInternalRound) { try ChangeRules.advance(from: .internalTest, signedBy: nil, rounds: []) }
        #expect(throws: ChangeRefusal.latestRoundFailed(round: 1)) {
            try ChangeRules.advance(from: .internalTest, signedBy: nil, rounds: [round(1, .fail)])
        }
        // A pass followed by a failing round: the latest decides.
        #expect(throws: ChangeRefusal.latestRoundFailed(round: 2)) {
            try ChangeRules.advance(from: .internalTest, signedBy: nil, rounds: [round(1, .pass), round(2, .fail)])
        }
        // Rounds given out of order: the highest number is the latest.
        #expect(try ChangeRules.advance(from: .internalTest, signedBy: nil, rounds: [round(2, .pass), round(1, .fail)]) == .userTest)
        #expect(try ChangeRules.advance(from: .userTest, signedBy: nil, rounds: [round(1, .pass)]) == .released)
        #expect(throws: ChangeRefusal.alreadyReleased) { try ChangeRules.advance(from: .released, signedBy: nil, rounds: []) }
    }

    @Test func roundsAreNumberedInOrderAndOnlyInInternalTest() throws {
        #expect(try ChangeRules.nextRound(stage: .internalTest, rounds: []) == 1)
        #expect(try ChangeRules.nextRound(stage: .internalTest, rounds: [round(1, .fail), round(2, .fail)]) == 3)
        for stage in ChangeStage.allCases where stage != .internalTest {
            #expect(throws: ChangeRefusal.notInInternalTest(stage)) { try ChangeRules.nextRound(stage: stage, rounds: []) }
        }
    }

    @Test func refusalsSaySoInBothLanguages() {
        for refusal in [ChangeRefusal.alreadyReleased, .signatureMissing, .noInternalRound, .latestRoundFailed(round: 2),
                        .notInInternalTest(.research), .signatureNotAsked(.development)] {
            #expect(refusal.text(.zh) != refusal.text(.en))
            #expect(!refusal.text(.zh).isEmpty && !refusal.text(.en).isEmpty)
        }
        #expect(ChangeRefusal.latestRoundFailed(round: 2).text(.en).contains("(2)"))
    }
}

@Suite("Policy adjustments released after they took effect")
struct ReprocessingTests {
    let rules = Fixtures.rules

    @Test func aPolicyThatTookEffectBeforeTheReleaseDayIsReprocessedByTheGeneralRule() throws {
        // Released Tuesday 2021-11-23 at 15:00:00 exactly: by the general rule, due the next working day.
        let task = try #require(ChangeRules.reprocessing(type: .policy, effective: d("2021-11-01"),
                                                         releasedAt: t("2021-11-23T15:00:00+08:00"), rules: rules))
        #expect(task.since == d("2021-11-01"))
        #expect(iso(task.deadline.due) == "2021-11-24T18:00:00+08:00")
        #expect(task.title(.zh).contains("2021-11-01") && task.title(.en) == "reprocess business handled since 2021-11-01")
        // Before 15:00 the same day.
        let early = try #require(ChangeRules.reprocessing(type: .policy, effective: d("2021-11-22"),
                                                          releasedAt: t("2021-11-23T14:59:59+08:00"), rules: rules))
        #expect(iso(early.deadline.due) == "2021-11-23T18:00:00+08:00")
        // Released on the last day before National Day after 15:00: after the holiday.
        let holiday = try #require(ChangeRules.reprocessing(type: .policy, effective: d("2025-09-01"),
                                                            releasedAt: t("2025-09-30T16:00:00+08:00"), rules: rules))
        #expect(iso(holiday.deadline.due) == "2025-10-09T18:00:00+08:00")
    }

    @Test func nothingToReprocessWhenThePolicyTakesEffectOnOrAfterTheReleaseDay() {
        // Effective the release day itself (in Beijing): nothing was handled under the old rules.
        #expect(ChangeRules.reprocessing(type: .policy, effective: d("2021-11-23"),
                                         releasedAt: t("2021-11-23T09:00:00+08:00"), rules: rules) == nil)
        // 2021-11-22T17:00Z is already the 23rd in Beijing.
        #expect(ChangeRules.reprocessing(type: .policy, effective: d("2021-11-23"),
                                         releasedAt: t("2021-11-22T17:00:00Z"), rules: rules) == nil)
        #expect(ChangeRules.reprocessing(type: .policy, effective: d("2021-11-22"),
                                         releasedAt: t("2021-11-22T17:00:00Z"), rules: rules) != nil)
        #expect(ChangeRules.reprocessing(type: .policy, effective: d("2021-12-01"),
                                         releasedAt: t("2021-11-23T09:00:00+08:00"), rules: rules) == nil)
        #expect(ChangeRules.reprocessing(type: .policy, effective: nil, releasedAt: t("2021-11-23T09:00:00+08:00"), rules: rules) == nil)
        for type in [ChangeType.optimisation, .bugfix, .requirement] {
            #expect(ChangeRules.reprocessing(type: type, effective: d("2021-01-01"),
                                             releasedAt: t("2021-11-23T09:00:00+08:00"), rules: rules) == nil)
        }
    }
}

@Suite("Deliveries and their defects")
struct DeliveryRuleTests {
    @Test func aDefectFoundWithinThirtyDaysMakesTheDeliveryErroneous() {
        let delivered = t("2026-01-31T23:59:59+08:00")
        func erroneous(_ found: String...) -> Bool {
            DeliveryRules.isErroneous(deliveredAt: delivered, defectsFoundAt: found.map(t))
        }
        #expect(!erroneous())
        #expect(erroneous("2026-01-31T23:59:59+08:00"))                  // the same second
        #expect(erroneous("2026-03-02T23:59:59+08:00"))                  // exactly 30 days after
        #expect(!erroneous("2026-03-03T00:00:00+08:00"))                 // one second later
        #expect(!erroneous("2026-03-10T10:00:00+08:00", "2026-04-01T10:00:00+08:00"))
        #expect(erroneous("2026-04-01T10:00:00+08:00", "2026-02-15T10:00:00+08:00"))
        #expect(!erroneous("2026-01-30T10:00:00+08:00"))                 // before the delivery: not of it
    }
}
