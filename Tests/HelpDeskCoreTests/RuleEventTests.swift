import Foundation
import Testing
import HelpDeskCore

/// A special case confirmed Tue 10:00, due Wed 10:00.
private func special(response: String? = nil, closed: String? = nil) -> WorkItem {
    WorkItem(kind: .special, status: closed != nil ? .closed : (response != nil ? .responded : .open), title: "t",
             receivedAt: t("2021-11-23T10:00:00+08:00"), firstResponseAt: response.map(t),
             dueAt: t("2021-11-24T10:00:00+08:00"), closedAt: closed.map(t), cause: closed.map { _ in "c" },
             solution: closed.map { _ in "s" }, createdAt: t("2021-11-23T10:00:00+08:00"), createdBy: "x")
}

@Suite("The rule event")
struct RuleEventTests {
    @Test func eachKindHasOneRuleEvent() {
        #expect(ItemKind.special.ruleEvent == .firstResponse)
        for kind in ItemKind.allCases where kind != .special { #expect(kind.ruleEvent == .resolution, "\(kind)") }
    }

    @Test func anAnsweredSpecialCaseIsDoneWithItsDeadline() {
        let later = t("2021-11-26T10:00:00+08:00")
        let answered = special(response: "2021-11-23T11:00:00+08:00")
        #expect(answered.ruleEventAt == t("2021-11-23T11:00:00+08:00"))
        #expect(answered.openDeadline == nil)
        #expect(!answered.isOverdue(at: later), "answered in time, still open two days after the deadline")

        let late = special(response: "2021-11-24T12:00:00+08:00")
        #expect(late.openDeadline == t("2021-11-24T10:00:00+08:00"))
        #expect(late.isOverdue(at: later))

        let waiting = special()
        #expect(waiting.openDeadline == t("2021-11-24T10:00:00+08:00"))
        #expect(!waiting.isOverdue(at: t("2021-11-24T10:00:00+08:00")))
        #expect(waiting.isOverdue(at: t("2021-11-24T10:00:01+08:00")))
    }

    @Test func otherKindsAreHeldToTheirResolution() {
        var general = special(response: "2021-11-23T11:00:00+08:00")
        general.kind = .general
        #expect(general.ruleEventAt == nil, "a response is not a general ticket's rule event")
        #expect(general.isOverdue(at: t("2021-11-25T00:00:00+08:00")))
        general.closedAt = t("2021-11-24T09:00:00+08:00")
        #expect(!general.isOverdue(at: t("2021-11-25T00:00:00+08:00")))
        var noDeadline = general
        noDeadline.dueAt = nil
        noDeadline.closedAt = nil
        #expect(noDeadline.openDeadline == nil && !noDeadline.isOverdue(at: t("2030-01-01T00:00:00Z")))
    }
}
