import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Training entered after the fact: steps by when they happened, attendees by name and office")
struct TrainingAfterTheFactTests {
    /// Held on 12-03, entered on 12-07.
    let heldOn = CivilDate(year: 2026, month: 12, day: 3)!
    let entered = t("2026-12-07T10:00:00+08:00")

    @Test func aSessionEnteredDaysLaterTakesItsStepsDatedWhenTheyHappened() throws {
        try TrainingRules.checkStep(.content, at: t("2026-12-01T10:00:00+08:00"), now: entered, done: [:], heldOn: heldOn)
        let done: [TrainingStep: Date] = [.content: t("2026-12-01T10:00:00+08:00"), .plan: t("2026-12-01T15:00:00+08:00"),
                                          .materials: t("2026-12-02T09:00:00+08:00")]
        try TrainingRules.checkStep(.delivery, at: t("2026-12-03T09:30:00+08:00"), now: entered, done: done, heldOn: heldOn)
        // Still checked against each other and the day held.
        #expect(throws: TrainingRefusal.beforePreviousStep(.plan, previous: .content, previousAt: t("2026-12-01T10:00:00+08:00"))) {
            try TrainingRules.checkStep(.plan, at: t("2026-11-30T10:00:00+08:00"), now: entered, done: [.content: done[.content]!], heldOn: heldOn)
        }
        #expect(throws: TrainingRefusal.deliveredBeforeDay(heldOn: heldOn)) {
            try TrainingRules.checkStep(.delivery, at: t("2026-12-02T23:59:59+08:00"), now: entered, done: done, heldOn: heldOn)
        }
    }

    @Test func aStepIsNotInTheFutureOfTheMomentItIsRecorded() throws {
        #expect(throws: TrainingRefusal.stepInTheFuture(.content, at: t("2026-12-07T10:00:01+08:00"), now: entered)) {
            try TrainingRules.checkStep(.content, at: t("2026-12-07T10:00:01+08:00"), now: entered, done: [:], heldOn: heldOn)
        }
        // The very moment of recording is not the future.
        try TrainingRules.checkStep(.content, at: entered, now: entered, done: [:], heldOn: heldOn)
        let said = TrainingRefusal.stepInTheFuture(.content, at: t("2026-12-08T09:00:00+08:00"), now: entered).said
        #expect(said.en.contains("after now") && said.zh.contains("晚于现在"))
    }

    let yushu = [Attendee(name: "才让", office: "玉树州社保局", region: .yushu, score: 80),
                 Attendee(name: "扎西", office: "玉树州社保局", region: .yushu)]

    @Test func twoOfOneNameFromTwoOfficesAreTwoAttendeesTheSameNameAndOfficeOnce() throws {
        try TrainingRules.checkNewAttendee(Attendee(name: "才让", office: "囊谦县社保局", region: .yushu), among: yushu)
        #expect(throws: TrainingRefusal.duplicateAttendee("才让", office: "玉树州社保局")) {
            try TrainingRules.checkNewAttendee(Attendee(name: "才让", office: "玉树州社保局", region: .haixi), among: yushu)
        }
        #expect(TrainingRules.isSamePerson(yushu[0], name: " 才让 ", office: "玉树州社保局 "))
        #expect(!TrainingRules.isSamePerson(yushu[0], name: "才让", office: "囊谦县社保局"))
    }

    @Test func anAttendeeIsFoundByNameAndByOfficeWhenTwoShareTheName() throws {
        let two = yushu + [Attendee(name: "才让", office: "囊谦县社保局", region: .yushu)]
        #expect(try TrainingRules.attendee(named: "扎西", office: nil, among: two) == two[1])
        #expect(try TrainingRules.attendee(named: "才让", office: "囊谦县社保局", among: two) == two[2])
        #expect(throws: TrainingRefusal.ambiguousAttendee("才让", offices: ["玉树州社保局", "囊谦县社保局"])) {
            try TrainingRules.attendee(named: "才让", office: nil, among: two)
        }
        #expect(throws: TrainingRefusal.ambiguousAttendee("才让", offices: ["玉树州社保局", "囊谦县社保局"])) {
            try TrainingRules.attendee(named: "才让", office: "  ", among: two)
        }
        #expect(throws: TrainingRefusal.unknownAttendee("卓玛")) { try TrainingRules.attendee(named: "卓玛", office: nil, among: two) }
        #expect(throws: TrainingRefusal.unknownAttendeeInOffice("扎西", office: "海东市社保局")) {
            try TrainingRules.attendee(named: "扎西", office: "海东市社保局", among: two)
        }
        let said = TrainingRefusal.ambiguousAttendee("才让", offices: ["玉树州社保局", "囊谦县社保局"]).said
        #expect(said.en.contains("--office") && said.zh.contains("玉树州社保局、囊谦县社保局"))
    }

    @Test func aCorrectionReplacesWhatIsGivenAndKeepsTheRest() throws {
        let moved = try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(office: " 囊谦县社保局 "), among: yushu)
        #expect(moved == Attendee(name: "才让", office: "囊谦县社保局", region: .yushu, score: 80))
        let all = try TrainingRules.corrected(yushu[1], by: AttendeeCorrection(name: "扎西多杰", office: "海南州社保局", region: .hainan, score: 91),
                                              among: yushu)
        #expect(all == Attendee(name: "扎西多杰", office: "海南州社保局", region: .hainan, score: 91))
    }

    @Test func aCorrectionIsRefusedWhenItChangesNothingIsBlankOrMakesAnotherAttendee() {
        #expect(throws: TrainingRefusal.nothingToCorrect("才让", office: "玉树州社保局")) {
            try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(), among: yushu)
        }
        #expect(throws: TrainingRefusal.nothingToCorrect("才让", office: "玉树州社保局")) {
            try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(office: "玉树州社保局", region: .yushu, score: 80), among: yushu)
        }
        #expect(throws: TrainingRefusal.blank(field: "name")) {
            try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(name: " "), among: yushu)
        }
        #expect(throws: TrainingRefusal.scoreOutOfRange(101)) {
            try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(score: 101), among: yushu)
        }
        #expect(throws: TrainingRefusal.duplicateAttendee("扎西", office: "玉树州社保局")) {
            try TrainingRules.corrected(yushu[0], by: AttendeeCorrection(name: "扎西"), among: yushu)
        }
    }

    @Test func historyNamesTheCorrectedParts() {
        #expect(HistoryEvent.attendeeCorrected.rawValue == "attendee_corrected" && !HistoryEvent.attendeeCorrected.marksCourse)
        #expect(HistoryText.value(.attendeeRegion, "yushu", kind: .training, .zh) == "玉树州")
        #expect(HistoryField.attendeeOffice.label(.en) == "attendee office" && !HistoryField.itemColumns.contains(.attendeeName))
    }
}
