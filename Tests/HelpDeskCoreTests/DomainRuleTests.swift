import Foundation
import Testing
import HelpDeskCore

/// An open item received Tue 10:00 and due Wed 10:00 (a 24-hour window), of `kind`.
private func item(_ kind: ItemKind, received: String = "2021-11-23T10:00:00+08:00",
                  due: String? = "2021-11-24T10:00:00+08:00") -> WorkItem {
    WorkItem(kind: kind, title: "t", receivedAt: t(received), dueAt: due.map(t), createdAt: t(received), createdBy: "x")
}

@Suite("The domain's words and rules")
struct DomainRuleTests {
    @Test func urgencyFollowsTheShareOfTheWindowLeft() {
        let fault = item(.fault)
        #expect(Urgency.of(fault, at: t("2021-11-23T22:00:00+08:00")) == .ok, "half the window left")
        #expect(Urgency.of(fault, at: t("2021-11-23T22:00:01+08:00")) == .warn, "just under half")
        #expect(Urgency.of(fault, at: t("2021-11-24T04:00:00+08:00")) == .warn, "a quarter left")
        #expect(Urgency.of(fault, at: t("2021-11-24T04:00:01+08:00")) == .danger)
        #expect(Urgency.of(fault, at: t("2021-11-24T10:00:00+08:00")) == .danger, "at the deadline itself")
        #expect(Urgency.of(fault, at: t("2021-11-24T10:00:01+08:00")) == .overdue)
        var closed = fault
        closed.status = .closed
        closed.closedAt = t("2021-11-24T12:00:00+08:00")
        #expect(Urgency.of(closed, at: t("2021-11-25T10:00:00+08:00")) == .none)
        #expect(Urgency.of(item(.requirement, due: nil), at: t("2021-11-25T10:00:00+08:00")) == .none)
    }

    @Test func theWindowStartsWhereTheKindsDeadlineCounts() {
        var special = item(.special, received: "2021-11-23T08:00:00+08:00")
        special.confirmedAt = t("2021-11-23T10:00:00+08:00")
        #expect(special.deadlineStart == t("2021-11-23T10:00:00+08:00"))
        // 22:00 is half of confirmation → deadline, not of receipt → deadline.
        #expect(Urgency.of(special, at: t("2021-11-23T22:00:00+08:00")) == .ok)
        special.firstResponseAt = t("2021-11-23T11:00:00+08:00")
        #expect(!special.isAwaitingRuleEvent && Urgency.of(special, at: t("2021-11-24T09:00:00+08:00")) == .none,
                "an answered special case no longer counts down")

        var requirement = item(.requirement, received: "2021-11-01T10:00:00+08:00")
        requirement.agreedAt = t("2021-11-23T10:00:00+08:00")
        #expect(requirement.deadlineStart == t("2021-11-23T10:00:00+08:00"))
        #expect(item(.general).deadlineStart == t("2021-11-23T10:00:00+08:00"))
    }

    @Test func aRequirementIsAssessedBeforeItIsResolved() {
        var requirement = item(.requirement, due: nil)
        #expect(requirement.awaitsAssessment)
        requirement.status = .responded
        #expect(requirement.awaitsAssessment, "a response is not an assessment")
        requirement.status = .assessed
        #expect(!requirement.awaitsAssessment)
        #expect(!item(.general).awaitsAssessment && !item(.special).awaitsAssessment)
    }

    @Test func phoneNumbers() {
        for good in ["0971-6100000", "+86 971 555 0100", "(0971) 6100000", "12345", "13800000001", "+86-971-555-0100 ext 2"] {
            #expect(PhoneNumber.isWellFormed(good), "\(good)")
        }
        for bad in ["call me", "1234", "0971-61000O0", "０９７１６１０００００", "0971/6100000"] {
            #expect(!PhoneNumber.isWellFormed(bad), "\(bad)")
        }
        #expect(PhoneNumber.hasOnlyPhoneCharacters("123") && !PhoneNumber.isWellFormed("123"))
    }

    @Test func kpiIdsAreTheContractsNames() {
        #expect(KPI.allCases.map(\.rawValue) == ["K1", "K2", "K3", "K4", "K5", "K6", "K7-1", "K7-2", "K7-3"])
        #expect(FaultLevel.allCases.map { KPI.k7($0).faultLevel } == FaultLevel.allCases)
        #expect(KPI.k7(.two).name(.zh) == "2级故障按时率" && KPI.k7(.three).name(.en) == "L3 faults in time")
        #expect(KPI(rawValue: "K8") == nil && KPI(rawValue: "k1") == nil)
    }

    @Test func historyWordsAreTheStoredNames() {
        #expect(HistoryEvent.allCases.map(\.rawValue) == ["created", "reported", "responded", "resolved", "restored", "assessed",
                                                          "assigned", "raised", "lowered", "reopened", "escalated", "acknowledged",
                                                          "completed", "erroneous", "linked", "advanced", "tested", "released", "defect",
                                                          "step_done", "attended", "scored", "material_added", "rescheduled",
                                                          "inspected", "inspection_linked", "attendee_corrected", "corrected", "attached", "attachment_erased",
                                                          "paused", "resumed", "related", "unrelated", "merged", "noted", "messaged",
                                                          "notices_off", "notices_on", "to_confirm", "confirmed"])
        #expect(HistoryField.itemColumns.map(\.rawValue) == HistoryField.itemColumns.map(\.rawValue).sorted())
        #expect(!HistoryField.itemColumns.contains(.escalation) && !HistoryField.itemColumns.contains(.stage))
        #expect(!HistoryField.itemColumns.contains(.step) && !HistoryField.itemColumns.contains(.score) && !HistoryField.itemColumns.contains(.place))
        #expect(!HistoryField.itemColumns.contains(.inspection))
        #expect(HistoryField.dueAt.label(.zh) == "时限" && HistoryField.dueAt.label(.en) == "due at")
        #expect(HistoryField.escalation.label(.en) == "step" && HistoryField.requesterName.label(.zh) == "提出人")
        #expect(HistoryEvent.acknowledged.label(.zh) == "确认升级" && HistoryEvent.raised.label(.en) == "level raised")
    }
}

@Suite("Time runs forward")
struct EventOrderRuleTests {
    let ten = Date(timeIntervalSince1970: 1_637_632_800)  // 2021-11-23T10:00:00+08:00

    @Test func aStepAtOrAfterTheLatestIsAccepted() {
        #expect(EventOrder.refusal(id: 1, event: .resolved, at: ten, latest: (.responded, ten)) == nil)
        #expect(EventOrder.refusal(id: 1, event: .resolved, at: ten.addingTimeInterval(1), latest: (.responded, ten)) == nil)
        #expect(EventOrder.refusal(id: 1, event: .resolved, at: ten, latest: nil) == nil)
    }

    @Test func aStepOneSecondBeforeTheLatestIsRefusedNamingBothTimes() throws {
        let refusal = try #require(EventOrder.refusal(id: 7, event: .resolved, at: ten.addingTimeInterval(-1), latest: (.responded, ten)))
        #expect(refusal.en.contains("2021-11-23T09:59:59+08:00") && refusal.en.contains("2021-11-23T10:00:00+08:00") && refusal.en.contains("#7"))
        #expect(refusal.zh.contains("响应"))
    }

    @Test func whatTheRulesScheduleIsNotHeldToIt() {
        // An escalation step is taken at its due time, which may lie before a step recorded later.
        #expect(EventOrder.refusal(id: 1, event: .escalated, at: ten.addingTimeInterval(-60), latest: (.responded, ten)) == nil)
        #expect(EventOrder.refusal(id: 1, event: .rescheduled, at: ten.addingTimeInterval(-60), latest: (.created, ten)) == nil)
        #expect(HistoryEvent.allCases.filter(\.marksCourse).count == 14)
    }
}

@Suite("When the seconds decide")
struct SecondsDecideTests {
    func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

    @Test func onlyWithinOneBeijingMinuteAndNotBothOnIt() {
        let due = t("2021-11-23T18:00:00+08:00")
        #expect(BeijingTime.secondsDecide(deadline: due, event: t("2021-11-23T18:00:01+08:00")))
        #expect(BeijingTime.secondsDecide(deadline: due, event: t("2021-11-23T18:00:59+08:00")))
        #expect(BeijingTime.secondsDecide(deadline: t("2021-11-23T18:00:30+08:00"), event: t("2021-11-23T18:00:10+08:00")))
        #expect(!BeijingTime.secondsDecide(deadline: due, event: due))
        #expect(!BeijingTime.secondsDecide(deadline: due, event: t("2021-11-23T18:01:00+08:00")))
        #expect(!BeijingTime.secondsDecide(deadline: due, event: t("2021-11-23T17:59:59+08:00")))
        // Minutes are Beijing's: 23:59:59 and midnight are two minutes (and two days), written in UTC.
        #expect(!BeijingTime.secondsDecide(deadline: t("2021-11-23T15:59:59Z"), event: t("2021-11-23T16:00:00Z")))
        #expect(BeijingTime.secondsDecide(deadline: t("2021-11-23T16:00:00Z"), event: t("2021-11-24T00:00:01+08:00")))
        let pair = BeijingTime.shortPair(deadline: due, event: t("2021-11-23T10:00:01Z"))
        #expect(pair.deadline == "2021-11-23 18:00:00" && pair.event == "2021-11-23 18:00:01")
    }
}
