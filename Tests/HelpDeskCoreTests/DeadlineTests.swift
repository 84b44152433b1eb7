import Foundation
import Testing
@testable import HelpDeskCore

@Suite("General questions: the 15:00 cut-off")
struct GeneralDeadlineTests {
    let rules = Fixtures.rules

    /// The contract's examples and the edges around them.
    @Test(arguments: [
        ("2021-11-23T14:59:59+08:00", "2021-11-23T18:00:00+08:00"),  // one second before the cut-off
        ("2021-11-23T15:00:00+08:00", "2021-11-24T18:00:00+08:00"),  // exactly 15:00:00
        ("2021-11-23T15:00:01+08:00", "2021-11-24T18:00:00+08:00"),
        ("2021-11-26T16:10:00+08:00", "2021-11-29T18:00:00+08:00"),  // Friday afternoon → Monday
        ("2025-09-30T15:00:00+08:00", "2025-10-09T18:00:00+08:00"),  // National Day week next
        ("2021-11-23T07:30:00+08:00", "2021-11-23T18:00:00+08:00"),  // before opening counts as before 15:00
        ("2021-11-23T00:00:00+08:00", "2021-11-23T18:00:00+08:00"),  // midnight
        ("2021-11-23T19:00:00+08:00", "2021-11-24T18:00:00+08:00"),  // after closing
        ("2021-11-27T10:00:00+08:00", "2021-11-29T18:00:00+08:00"),  // Saturday
        ("2021-11-28T23:59:59+08:00", "2021-11-29T18:00:00+08:00"),  // Sunday night
        ("2026-02-14T10:00:00+08:00", "2026-02-14T18:00:00+08:00"),  // make-up Saturday is worked
        ("2026-02-14T15:00:00+08:00", "2026-02-24T18:00:00+08:00"),  // …and after its cut-off: across Spring Festival
        ("2026-02-13T15:30:00+08:00", "2026-02-14T18:00:00+08:00"),  // Friday after cut-off → the make-up Saturday
        ("2026-02-16T10:00:00+08:00", "2026-02-24T18:00:00+08:00"),  // during the Spring Festival holiday
        ("2025-09-28T11:00:00+08:00", "2025-09-28T18:00:00+08:00"),  // make-up Sunday
        ("2025-10-01T09:00:00+08:00", "2025-10-09T18:00:00+08:00"),  // National Day itself
        ("2021-11-23T06:59:59Z", "2021-11-23T18:00:00+08:00"),        // given in UTC: 14:59:59 Beijing
        ("2021-11-23T07:00:00Z", "2021-11-24T18:00:00+08:00"),        // given in UTC: 15:00:00 Beijing
        ("2021-11-22T16:00:00Z", "2021-11-23T18:00:00+08:00"),        // UTC Monday evening is Tuesday 00:00 Beijing
        ("2021-11-23T02:00:00-05:00", "2021-11-24T18:00:00+08:00"),  // New York time, 15:00 Beijing
    ])
    func dueAtCloseOfBusiness(_ received: String, _ due: String) {
        #expect(iso(rules.general(receivedAt: t(received)).due) == due)
    }

    @Test func explainsTheCutOffAndSkippedDays() {
        let d = rules.general(receivedAt: t("2025-09-30T15:00:00+08:00"))
        let text = d.reasons.map { $0.text(.en) }
        #expect(text.contains { $0.contains("at or after the 15:00 cut-off") })
        #expect(text.contains { $0.contains("skipped days off Wed 2025-10-01 – Wed 2025-10-08") && $0.contains("国庆节") })
        #expect(text.last == "due at close of business, 2025-10-09 18:00")
        #expect(d.unknownYears.isEmpty)
    }

    @Test func explainsAMakeUpWorkday() {
        let d = rules.general(receivedAt: t("2026-02-13T15:20:00+08:00"))
        #expect(d.reasons.contains(.workingDay(CivilDate(iso: "2026-02-14")!, .makeUpWorkday(name: "春节"))))
        #expect(d.reasons.map { $0.text(.en) }.contains("next working day Sat 2026-02-14 (make-up working day for 春节)"))
        #expect(d.reasons.map { $0.text(.zh) }.contains("下一个工作日 2026-02-14 周六（春节调休上班）"))
    }

    @Test func flagsYearsOutsideTheSchedule() {
        let d = rules.general(receivedAt: t("2026-12-31T16:00:00+08:00"))
        #expect(iso(d.due) == "2027-01-01T18:00:00+08:00")  // 2027 unknown: New Year's Day taken as working
        #expect(d.unknownYears == [2027])
        #expect(rules.general(receivedAt: t("2026-12-30T10:00:00+08:00")).unknownYears.isEmpty)
    }

    @Test func lunchBreakKeepsCloseOfBusiness() throws {
        let rules = DeadlineRules(calendar: Fixtures.calendar(hours: try BusinessHours(parsing: "09:00-12:00,14:30-18:00")))
        #expect(iso(rules.general(receivedAt: t("2021-11-23T13:00:00+08:00")).due) == "2021-11-23T18:00:00+08:00")
        #expect(iso(rules.general(receivedAt: t("2021-11-23T15:00:00+08:00")).due) == "2021-11-24T18:00:00+08:00")
    }

    @Test func dayClosingBeforeTheCutOffNeverDuesInThePast() throws {
        let rules = DeadlineRules(calendar: Fixtures.calendar(hours: try BusinessHours(parsing: "08:00-12:00")))
        #expect(iso(rules.general(receivedAt: t("2021-11-23T11:00:00+08:00")).due) == "2021-11-23T12:00:00+08:00")
        let late = rules.general(receivedAt: t("2021-11-23T13:00:00+08:00"))
        #expect(iso(late.due) == "2021-11-24T12:00:00+08:00")
        #expect(late.reasons.contains(.afterClosing(closing: 12 * 3600)))
    }
}

@Suite("Special cases: one working day of business time")
struct SpecialDeadlineTests {
    let rules = Fixtures.rules

    @Test(arguments: [
        ("2021-11-23T10:00:00+08:00", "2021-11-24T10:00:00+08:00"),  // the contract's example: Tue 10:00 → Wed 10:00
        ("2021-11-26T16:00:00+08:00", "2021-11-29T16:00:00+08:00"),  // the contract's example: Fri 16:00 → Mon 16:00
        ("2021-11-27T10:00:00+08:00", "2021-11-29T18:00:00+08:00"),  // the contract's example: Sat 10:00 → Mon 18:00
        ("2021-11-23T09:00:00+08:00", "2021-11-23T18:00:00+08:00"),  // at opening: the whole day, same day
        ("2021-11-23T07:00:00+08:00", "2021-11-23T18:00:00+08:00"),  // before opening
        ("2021-11-23T18:00:00+08:00", "2021-11-24T18:00:00+08:00"),  // at closing
        ("2021-11-23T20:00:00+08:00", "2021-11-24T18:00:00+08:00"),  // evening
        ("2025-09-30T17:00:00+08:00", "2025-10-09T17:00:00+08:00"),  // just before National Day
        ("2026-02-13T16:00:00+08:00", "2026-02-14T16:00:00+08:00"),  // Friday → make-up Saturday
        ("2026-02-14T17:00:00+08:00", "2026-02-24T17:00:00+08:00"),  // make-up Saturday → across Spring Festival
        ("2021-11-23T02:00:00Z", "2021-11-24T10:00:00+08:00"),        // given in UTC
    ])
    func addsNineBusinessHours(_ confirmed: String, _ due: String) {
        #expect(iso(rules.special(confirmedAt: t(confirmed)).due) == due)
    }

    @Test func withALunchBreak() throws {
        let rules = DeadlineRules(calendar: Fixtures.calendar(hours: try BusinessHours(parsing: "09:00-12:00,14:30-18:00")))
        // 6.5 business hours a day: Tue 10:00 → 2h before lunch, 3.5h after, 1h Wed → Wed 10:00.
        #expect(iso(rules.special(confirmedAt: t("2021-11-23T10:00:00+08:00")).due) == "2021-11-24T10:00:00+08:00")
        // Confirmed during lunch: counting starts at 14:30; 3.5h Tue, 3h Wed morning → Wed 12:00.
        #expect(iso(rules.special(confirmedAt: t("2021-11-23T13:00:00+08:00")).due) == "2021-11-24T12:00:00+08:00")
        // 16:00 Tue: 2h Tue, 3h Wed morning, 1.5h after lunch → Wed 16:00.
        #expect(iso(rules.special(confirmedAt: t("2021-11-23T16:00:00+08:00")).due) == "2021-11-24T16:00:00+08:00")
    }

    @Test func explainsTheCount() {
        let text = rules.special(confirmedAt: t("2021-11-26T16:00:00+08:00")).reasons.map { $0.text(.en) }
        #expect(text == [
            "confirmed Fri 2021-11-26 16:00 +08:00 (working day)",
            "one working day of business time = 9h (09:00-18:00)",
            "Fri 2021-11-26: 2h counted, up to 18:00",
            "skipped days off Sat 2021-11-27 – Sun 2021-11-28",
            "Mon 2021-11-29: 7h counted, up to 16:00",
        ])
    }
}

@Suite("Faults: the wall clock")
struct FaultDeadlineTests {
    @Test(arguments: [(FaultLevel.one, "2025-10-01T14:00:00+08:00"), (.two, "2025-10-02T02:00:00+08:00"), (.three, "2025-10-03T02:00:00+08:00")])
    func nightsAndHolidaysCount(_ level: FaultLevel, _ due: String) {
        #expect(iso(Fixtures.rules.fault(level: level, reportedAt: t("2025-10-01T02:00:00+08:00")).due) == due)
    }

    @Test func kindsFromArguments() {
        #expect(DeadlineKind(argument: "fault2") == .fault(.two))
        #expect(DeadlineKind(argument: "GENERAL") == .general)
        #expect(DeadlineKind(argument: "fault4") == nil)
    }
}
