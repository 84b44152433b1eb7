import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Civil dates and Beijing time")
struct CivilDateTests {
    @Test func roundTripsDayCounts() {
        for days in stride(from: -800_000, through: 800_000, by: 997) {
            let date = CivilDate(daysSinceEpoch: days)
            #expect(date.daysSinceEpoch == days)
        }
        #expect(CivilDate(daysSinceEpoch: 0).description == "1970-01-01")
        #expect(d("2000-02-29").daysSinceEpoch == 11_016)
    }

    @Test func weekdays() {
        #expect(d("2021-11-23").weekday == .tuesday)
        #expect(d("2021-11-26").weekday == .friday)
        #expect(d("2026-02-14").weekday == .saturday)
        #expect(d("1970-01-01").weekday == .thursday)
        #expect(d("2024-02-29").weekday == .thursday)
    }

    @Test func rejectsImpossibleDates() {
        #expect(CivilDate(iso: "2021-02-29") == nil)
        #expect(CivilDate(iso: "2021-13-01") == nil)
        #expect(CivilDate(iso: "2021-1-01") == nil)
        #expect(CivilDate(iso: "2024-02-29") != nil)
    }

    @Test func beijingIsUTCPlusEightWhateverTheMachineZone() {
        let instant = t("2021-11-23T16:30:00Z")
        let (date, second) = BeijingTime.local(instant)
        #expect(date == d("2021-11-24"))
        #expect(second == 30 * 60)
        #expect(iso(instant) == "2021-11-24T00:30:00+08:00")
    }

    @Test func isoSpellsTheBeijingDateAndClock() {
        // Every second of a day, and days from before the epoch to the last four-digit year.
        let instants = (0..<86_400).map { TimeInterval(1_700_000_000 + $0) }
            + stride(from: -62_000_000_000.0, through: 253_402_300_799, by: 7_654_321.5)
        for seconds in instants {
            let instant = Date(timeIntervalSince1970: seconds)
            let (date, second) = BeijingTime.local(instant)
            #expect(BeijingTime.iso(instant) == "\(date)T\(BeijingTime.clock(second, seconds: true))+08:00")
        }
    }

    @Test func localTimeBeforeTheEpoch() {
        let (date, second) = BeijingTime.local(Date(timeIntervalSince1970: -12 * 3600))  // 1969-12-31T20:00:00+08:00
        #expect(date == d("1969-12-31"))
        #expect(second == 20 * 3600)
    }
}

@Suite("Reading times")
struct TimeInputTests {
    @Test func acceptsOffsetsAndUTC() throws {
        #expect(iso(try TimeInput.parseInstant("2021-11-23T15:00:00+08:00")) == "2021-11-23T15:00:00+08:00")
        #expect(iso(try TimeInput.parseInstant("2021-11-23T07:00:00Z")) == "2021-11-23T15:00:00+08:00")
        #expect(iso(try TimeInput.parseInstant("2021-11-23T02:00-05:00")) == "2021-11-23T15:00:00+08:00")
        #expect(iso(try TimeInput.parseInstant("2021-11-23 15:00:00.750+0800")) == "2021-11-23T15:00:00+08:00")
    }

    @Test(arguments: ["2021-11-23T15:00:00", "2021-11-23", "2021-11-23T25:00:00+08:00", "2021-02-30T10:00:00+08:00",
                      "yesterday", "2021-11-23T15:00:00+08:00 extra", "2021-11-23T15:00+8", ""])
    func refusesAmbiguousOrMalformed(_ text: String) {
        #expect(throws: TimeParseError.self) { try TimeInput.parseInstant(text) }
    }

    @Test func saysWhatIsMissing() {
        do {
            _ = try TimeInput.parseInstant("2021-11-23T10:00")
            Issue.record("accepted a time without offset")
        } catch {
            #expect(error.description.contains("offset is missing"))
            #expect(error.description.contains("+08:00"))
        }
    }
}

@Suite("Working calendar")
struct WorkCalendarTests {
    let calendar = Fixtures.calendar()

    @Test func shipsEveryPublishedYear() {
        #expect(calendar.knownRange == 2004...2026)
    }

    @Test func holidaysAndMakeUpDays() {
        #expect(calendar.kind(of: d("2025-10-01")) == .holiday(name: "国庆节"))
        #expect(calendar.kind(of: d("2025-09-28")) == .makeUpWorkday(name: "国庆节"))  // a Sunday that is worked
        #expect(calendar.kind(of: d("2026-02-14")) == .makeUpWorkday(name: "春节"))    // a Saturday that is worked
        #expect(calendar.kind(of: d("2026-02-16")) == .holiday(name: "春节"))          // a Monday off
        #expect(calendar.kind(of: d("2021-11-27")) == .weekend)
        #expect(calendar.kind(of: d("2021-11-26")) == .workday)
    }

    @Test func nextWorkingDayCrossesHolidayWeeks() {
        #expect(calendar.nextWorkingDay(after: d("2025-09-30")) == d("2025-10-09"))
        #expect(calendar.nextWorkingDay(after: d("2026-02-13")) == d("2026-02-14"))  // make-up Saturday
        #expect(calendar.nextWorkingDay(after: d("2026-02-14")) == d("2026-02-24"))  // across Spring Festival
        #expect(calendar.nextWorkingDay(after: d("2021-11-26")) == d("2021-11-29"))
    }

    @Test func unknownYearsAreMondayToFriday() {
        #expect(!calendar.isKnown(year: 2031))
        #expect(calendar.kind(of: d("2031-10-01")) == .workday)  // National Day unknown: a Wednesday
        #expect(calendar.kind(of: d("2031-10-04")) == .weekend)
    }
}

@Suite("Holiday files")
struct HolidayFileTests {
    @Test func readsTheHolidayCnShape() throws {
        let json = #"{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true},{"name":"春节","date":"2027-02-20","isOffDay":false}]}"#
        let year = try HolidayYear.parse(json: Data(json.utf8))
        #expect(year.year == 2027)
        #expect(year.days[d("2027-01-01")] == ScheduledDay(name: "元旦", isOffDay: true))
        #expect(year.days[d("2027-02-20")]?.isOffDay == false)
        #expect(try HolidayYear.parse(json: year.json()) == year)
    }

    @Test(arguments: [
        (#"{"year":2027,"days":[{"name":"x","date":"2027-01-04","isOffDay":false}]}"#, "must fall on a Saturday or Sunday"),
        (#"{"year":2027,"days":[{"name":"x","date":"2026-12-31","isOffDay":true}]}"#, "is not in 2027"),
        (#"{"year":2027,"days":[{"name":"x","date":"2027-02-30","isOffDay":true}]}"#, "not a YYYY-MM-DD date"),
        (#"{"year":2027,"days":[{"name":"x","date":"2027-01-01","isOffDay":true},{"name":"y","date":"2027-01-01","isOffDay":true}]}"#, "appears twice"),
        (#"{"year":2027,"days":[{"name":"","date":"2027-01-01","isOffDay":true}]}"#, "name"),
        (#"{"year":2027,"days":[{"name":"x","date":"2027-01-01"}]}"#, "isOffDay"),
        (#"{"days":[]}"#, "\"year\" is missing"),
        (#"{"year":2027,"days":[{"name":"x","date":"2027-01-01","isOffDay":"yes"}]}"#, "days[0].isOffDay: text (\"yes\") is not accepted; accepted: true"),
        ("not json", "holiday-cn shape"),
    ])
    func refusesInvalidFiles(_ json: String, _ expected: String) {
        do {
            _ = try HolidayYear.parse(json: Data(json.utf8))
            Issue.record("accepted \(json)")
        } catch {
            #expect(error.reason.contains(expected), "\(error.reason)")
        }
    }

    @Test func everyShippedMakeUpDayIsAWeekend() {
        for year in Fixtures.years {
            for (date, day) in year.days where !day.isOffDay {
                #expect(date.weekday.isWeekend, "\(date)")
            }
        }
    }
}

@Suite("Business hours")
struct BusinessHoursTests {
    @Test func parsesSeveralIntervals() throws {
        let hours = try BusinessHours(parsing: "09:00-12:00,14:30-18:00")
        #expect(hours.intervals.count == 2)
        #expect(hours.dayLength == 3 * 3600 + 210 * 60)
        #expect(hours.opening == 9 * 3600)
        #expect(hours.closing == 18 * 3600)
        #expect(hours.description == "09:00-12:00,14:30-18:00")
    }

    @Test(arguments: ["", "18:00-09:00", "09:00-12:00,11:00-18:00", "09:00-12:00,12:00-18:00", "9-18", "09:00-25:00", "09:60-10:00"])
    func refusesBadHours(_ text: String) {
        #expect(throws: BusinessHours.InvalidHours.self) { try BusinessHours(parsing: text) }
    }
}

@Suite("Calendar coverage")
struct CalendarCoverageTests {
    @Test func nextYearIsExpectedFromTheFirstOfNovember() {
        let known: Set<Int> = [2025, 2026]
        #expect(CalendarCoverage(knownYears: known, today: CivilDate(year: 2026, month: 10, day: 31)!) == .covered)
        #expect(CalendarCoverage(knownYears: known, today: CivilDate(year: 2026, month: 11, day: 1)!) == .nextYearMissing(year: 2027))
        #expect(CalendarCoverage(knownYears: known, today: CivilDate(year: 2026, month: 12, day: 31)!) == .nextYearMissing(year: 2027))
        #expect(CalendarCoverage(knownYears: known.union([2027]), today: CivilDate(year: 2026, month: 11, day: 1)!) == .covered)
    }

    @Test func aMissingCurrentYearComesFirst() {
        #expect(CalendarCoverage(knownYears: [2025, 2026], today: CivilDate(year: 2027, month: 1, day: 1)!) == .thisYearMissing(year: 2027))
        #expect(CalendarCoverage(knownYears: [], today: CivilDate(year: 2027, month: 11, day: 5)!) == .thisYearMissing(year: 2027))
    }
}
