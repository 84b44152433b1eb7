import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Waiting on the requester: the clock paused and resumed")
struct WaitingRuleTests {
    let rules = PauseRules(calendar: Fixtures.rules.calendar)

    /// Paused at, deadline then, resumed at → the new deadline.
    @Test(arguments: [
        // Monday 16:00 with two working hours left, resumed Tuesday 10:00 → 12:00.
        ("2021-11-22T16:00:00+08:00", "2021-11-22T18:00:00+08:00", "2021-11-23T10:00:00+08:00", "2021-11-23T12:00:00+08:00"),
        // …resumed at 17:30: half an hour that day, the rest the next working day.
        ("2021-11-22T16:00:00+08:00", "2021-11-22T18:00:00+08:00", "2021-11-23T17:30:00+08:00", "2021-11-24T10:30:00+08:00"),
        // Resumed at 15:00: the cut-off is not applied again.
        ("2021-11-22T15:00:00+08:00", "2021-11-22T18:00:00+08:00", "2021-11-23T15:00:00+08:00", "2021-11-23T18:00:00+08:00"),
        // Time that runs out at closing ends there, not at the next opening.
        ("2021-11-22T17:00:00+08:00", "2021-11-22T18:00:00+08:00", "2021-11-23T17:00:00+08:00", "2021-11-23T18:00:00+08:00"),
        // Across a weekend: Friday 17:00 resumed, one hour left on Friday, one on Monday.
        ("2021-11-26T16:00:00+08:00", "2021-11-26T18:00:00+08:00", "2021-11-26T17:00:00+08:00", "2021-11-29T10:00:00+08:00"),
        // Resumed on a Sunday: counted from Monday's opening.
        ("2021-11-26T16:00:00+08:00", "2021-11-26T18:00:00+08:00", "2021-11-28T20:00:00+08:00", "2021-11-29T11:00:00+08:00"),
        // Across the National Day holiday.
        ("2025-09-30T17:00:00+08:00", "2025-09-30T18:00:00+08:00", "2025-09-30T17:30:00+08:00", "2025-10-09T09:30:00+08:00"),
        // Onto a make-up working Saturday.
        ("2026-02-13T17:00:00+08:00", "2026-02-13T18:00:00+08:00", "2026-02-13T17:30:00+08:00", "2026-02-14T09:30:00+08:00"),
        // A special case paused with a day's business time left, across the weekend.
        ("2021-11-26T10:00:00+08:00", "2021-11-29T10:00:00+08:00", "2021-11-29T09:00:00+08:00", "2021-11-29T18:00:00+08:00"),
        // Paused in the evening before a deadline the next day: the whole next working day is left.
        ("2021-11-22T20:00:00+08:00", "2021-11-23T18:00:00+08:00", "2021-11-24T09:00:00+08:00", "2021-11-24T18:00:00+08:00"),
    ])
    func resumedDeadline(_ paused: String, _ due: String, _ resumed: String, _ expected: String) {
        #expect(iso(rules.resumedDeadline(pausedAt: t(paused), dueBefore: t(due), resumedAt: t(resumed))) == expected)
    }

    @Test func workingTimeLeft() {
        #expect(rules.workingSeconds(from: t("2021-11-22T16:00:00+08:00"), to: t("2021-11-22T18:00:00+08:00")) == 7200)
        #expect(rules.workingSeconds(from: t("2021-11-26T17:00:00+08:00"), to: t("2021-11-29T10:00:00+08:00")) == 7200)
        #expect(rules.workingSeconds(from: t("2025-09-30T17:00:00+08:00"), to: t("2025-10-09T09:30:00+08:00")) == 5400)
        #expect(rules.workingSeconds(from: t("2021-11-22T18:00:00+08:00"), to: t("2021-11-22T16:00:00+08:00")) == 0)
        #expect(rules.adding(workingSeconds: 0, to: t("2021-11-27T10:00:00+08:00")) == t("2021-11-27T10:00:00+08:00"))
    }

    func item(_ kind: ItemKind, status: ItemStatus = .open, due: String?, responded: String? = nil) -> WorkItem {
        WorkItem(id: 7, kind: kind, status: status, title: "t", receivedAt: t("2021-11-22T09:00:00+08:00"),
                 firstResponseAt: responded.map(t), dueAt: due.map(t), createdAt: t("2021-11-22T09:00:00+08:00"), createdBy: "u")
    }

    @Test func whatMayWait() {
        let now = t("2021-11-22T16:00:00+08:00")
        #expect(PauseRules.refusal(item(.general, due: "2021-11-22T18:00:00+08:00"), at: now) == nil)
        #expect(PauseRules.refusal(item(.special, due: "2021-11-23T09:00:00+08:00"), at: now) == nil)
        // At the deadline itself and after it: refused.
        #expect(PauseRules.refusal(item(.general, due: "2021-11-22T16:00:00+08:00"), at: now)?.en.contains("past its deadline") == true)
        #expect(PauseRules.refusal(item(.general, due: "2021-11-22T15:00:00+08:00"), at: now) != nil)
        #expect(PauseRules.refusal(item(.fault, due: "2021-11-23T18:00:00+08:00"), at: now)?.en.contains("only general questions") == true)
        #expect(PauseRules.refusal(item(.requirement, due: nil), at: now) != nil)
        #expect(PauseRules.refusal(item(.general, status: .waiting, due: nil), at: now)?.en.contains("already waiting") == true)
        #expect(PauseRules.refusal(item(.general, status: .closed, due: "2021-11-22T18:00:00+08:00"), at: now) != nil)
        // A special case already answered has no clock left to pause.
        #expect(PauseRules.refusal(item(.special, status: .responded, due: "2021-11-23T09:00:00+08:00",
                                        responded: "2021-11-22T10:00:00+08:00"), at: now)?.en.contains("no deadline running") == true)
    }

    @Test func whatMayMerge() {
        func x(_ id: Int64, _ kind: ItemKind, _ status: ItemStatus = .open) -> WorkItem {
            var i = item(kind, status: status, due: "2021-11-22T18:00:00+08:00"); i.id = id; return i
        }
        #expect(MergeRules.refusal(x(1, .general), into: x(2, .general)) == nil)
        #expect(MergeRules.refusal(x(1, .general), into: x(2, .general, .waiting)) == nil)
        #expect(MergeRules.refusal(x(1, .general), into: x(1, .general))?.en.contains("into itself") == true)
        #expect(MergeRules.refusal(x(1, .general), into: x(2, .special))?.en.contains("one kind") == true)
        #expect(MergeRules.refusal(x(1, .general), into: x(2, .general, .closed))?.en.contains("is closed") == true)
        #expect(MergeRules.refusal(x(1, .general), into: x(2, .general, .merged))?.en.contains("itself merged") == true)
        #expect(MergeRules.refusal(x(1, .general, .merged), into: x(2, .general)) != nil)
        #expect(MergeRules.refusal(x(1, .general, .closed), into: x(2, .general)) != nil)
    }
}
