import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Correcting a CASE ticket: the deadline computed again")
struct CorrectionRuleTests {
    let rules = Fixtures.rules

    func ticket(_ kind: CaseKind, received: String) -> WorkItem {
        let at = t(received)
        var item = WorkItem(id: 7, kind: kind.itemKind, title: "养老金测算", region: .xining, channel: .phone, receivedAt: at,
                            createdAt: at, createdBy: "zhaolei")
        switch kind {
        case .general: item.dueAt = rules.general(receivedAt: at).due
        case .special: item.confirmedAt = at; item.dueAt = rules.special(confirmedAt: at).due
        case .requirement: break
        }
        return item
    }

    @Test func aLaterReceiptPassesTheCutOffAndMovesTheDeadlineToTheNextWorkingDay() {
        let item = ticket(.general, received: "2021-11-23T14:00:00+08:00")
        #expect(iso(item.dueAt!) == "2021-11-23T18:00:00+08:00")
        let (after, deadline) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-23T15:00:00+08:00")), to: item, rules: rules)
        #expect(iso(after.dueAt!) == "2021-11-24T18:00:00+08:00")
        #expect(deadline?.reasons.contains(.atOrAfterCutoff(cutoff: 15 * 3600)) == true)
        #expect(deadline?.reasons.map { $0.text(.en) }.joined(separator: "; ").contains("cut-off") == true)
    }

    @Test func aFridayAfternoonReceiptSkipsTheWeekend() {
        let item = ticket(.general, received: "2021-11-26T10:00:00+08:00")
        let (after, _) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-26T16:10:00+08:00")), to: item, rules: rules)
        #expect(iso(after.dueAt!) == "2021-11-29T18:00:00+08:00")
    }

    @Test func becomingSpecialCountsOneWorkingDayFromTheReceipt() {
        let item = ticket(.general, received: "2021-11-23T10:00:00+08:00")
        let (after, deadline) = Corrections.apply(CaseCorrection(kind: .special), to: item, rules: rules)
        #expect(after.kind == .special)
        #expect(after.confirmedAt == item.receivedAt)
        #expect(iso(after.dueAt!) == "2021-11-24T10:00:00+08:00")
        #expect(deadline?.due == after.dueAt)
    }

    @Test func aSpecialCaseConfirmedLaterKeepsItsConfirmationWhenTheReceiptMoves() {
        var item = ticket(.special, received: "2021-11-23T09:30:00+08:00")
        item.confirmedAt = t("2021-11-23T11:00:00+08:00")
        item.dueAt = rules.special(confirmedAt: item.confirmedAt!).due
        let (after, _) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-23T09:00:00+08:00")), to: item, rules: rules)
        #expect(after.confirmedAt == t("2021-11-23T11:00:00+08:00"))
        #expect(iso(after.dueAt!) == "2021-11-24T11:00:00+08:00")
        // A confirmation made at the receipt moves with it.
        let atReceipt = ticket(.special, received: "2021-11-23T10:00:00+08:00")
        let (moved, _) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-23T09:00:00+08:00")), to: atReceipt, rules: rules)
        #expect(moved.confirmedAt == t("2021-11-23T09:00:00+08:00"))
        #expect(iso(moved.dueAt!) == "2021-11-23T18:00:00+08:00")   // nine working hours from 09:00
    }

    @Test func becomingARequirementDropsTheDeadlineUntilAssessed() {
        let item = ticket(.special, received: "2021-11-23T10:00:00+08:00")
        let (after, deadline) = Corrections.apply(CaseCorrection(kind: .requirement), to: item, rules: rules)
        #expect(after.dueAt == nil && after.calendarVersion == nil && after.confirmedAt == nil)
        #expect(deadline == nil)
        #expect(after.awaitsAssessment)
    }

    @Test func anAssessedRequirementThatBecomesGeneralLosesItsAgreement() {
        var item = ticket(.requirement, received: "2021-11-23T10:00:00+08:00")
        item.status = .assessed
        item.agreedAt = t("2021-11-23T11:00:00+08:00")
        item.agreedWith = "王建华"
        item.dueAt = t("2021-12-10T18:00:00+08:00")
        let (after, _) = Corrections.apply(CaseCorrection(kind: .general), to: item, rules: rules)
        #expect(after.status == .open)
        #expect(after.agreedAt == nil && after.agreedWith == nil)
        #expect(iso(after.dueAt!) == "2021-11-23T18:00:00+08:00")
    }

    @Test func otherPartsLeaveTheDeadlineAlone() {
        let item = ticket(.general, received: "2021-11-23T10:00:00+08:00")
        let (after, deadline) = Corrections.apply(CaseCorrection(channel: .email, title: "新标题", requesterPhone: ""), to: item, rules: rules)
        #expect(deadline == nil)
        #expect(after.dueAt == item.dueAt)
        #expect(after.title == "新标题" && after.channel == .email && after.requesterPhone == nil)
        // The same values change nothing.
        let (same, _) = Corrections.apply(CaseCorrection(kind: .general, channel: .phone, receivedAt: item.receivedAt), to: item, rules: rules)
        #expect(same == item)
    }

    @Test func kindOrReceiptAfterTheDeadlineIsASupervisors() {
        let item = ticket(.general, received: "2021-11-23T10:00:00+08:00")
        let (after, _) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-23T16:00:00+08:00")), to: item, rules: rules)
        let never: (Period) -> Bool = { _ in false }
        // Before the deadline: anyone's.
        #expect(Corrections.supervisorGuard(before: item, after: after, at: t("2021-11-23T17:59:59+08:00"), isFrozen: never) == nil)
        // After it: a supervisor's.
        #expect(Corrections.supervisorGuard(before: item, after: after, at: t("2021-11-23T18:00:01+08:00"), isFrozen: never)
                == .deadlinePassed(due: item.dueAt!))
        // A title is anyone's, late or not.
        let (titled, _) = Corrections.apply(CaseCorrection(title: "改"), to: item, rules: rules)
        #expect(Corrections.supervisorGuard(before: item, after: titled, at: t("2021-12-20T10:00:00+08:00"), isFrozen: { _ in true }) == nil)
    }

    @Test func touchingAFrozenMonthOrWeekIsASupervisors() {
        let item = ticket(.general, received: "2021-12-01T10:00:00+08:00")
        let (after, _) = Corrections.apply(CaseCorrection(receivedAt: t("2021-11-30T10:00:00+08:00")), to: item, rules: rules)
        let now = t("2021-12-01T11:00:00+08:00")
        #expect(Corrections.supervisorGuard(before: item, after: after, at: now, isFrozen: { $0 == Period("2021-11")! })
                == .frozenPeriod(Period("2021-11")!))
        #expect(Corrections.supervisorGuard(before: item, after: after, at: now, isFrozen: { $0 == Period("2021-W48")! })
                == .frozenPeriod(Period("2021-W48")!))
        #expect(Corrections.supervisorGuard(before: item, after: after, at: now, isFrozen: { $0 == Period("2021-10")! }) == nil)
    }

    @Test func theReceiptCannotFollowTheResponseNorTheCorrection() {
        var item = ticket(.general, received: "2021-11-23T10:00:00+08:00")
        item.firstResponseAt = t("2021-11-23T10:30:00+08:00")
        var late = item
        late.receivedAt = t("2021-11-23T11:00:00+08:00")
        #expect(Corrections.refusal(late, at: t("2021-11-23T12:00:00+08:00"))?.en
                == "#7 cannot have been received at 2021-11-23T11:00:00+08:00, after it was responded (2021-11-23T10:30:00+08:00)")
        #expect(Corrections.refusal(late, at: t("2021-11-23T10:45:00+08:00")) != nil)
        #expect(Corrections.refusal(item, at: t("2021-11-23T12:00:00+08:00")) == nil)
    }
}
