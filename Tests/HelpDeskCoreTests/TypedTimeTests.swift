import Foundation
import Testing
@testable import HelpDeskCore

/// The one reader of times and dates typed by people: every form field and the command line's
/// `--due` read through it, the short forms completed from today in Beijing.
@Suite("Typed times and dates, one reader")
struct TypedTimeTests {
    let today = CivilDate(iso: "2026-12-04")!

    private func at(_ text: String) -> LocalTimeInput.Reading { .instant(try! TimeInput.parseInstant(text)) }
    private func day(_ text: String) -> LocalTimeInput.Reading { .date(CivilDate(iso: text)!) }

    @Test func eachFormReads() {
        let table: [(String, LocalTimeInput.Reading)] = [
            ("12-08", day("2026-12-08")),
            ("2026-12-08", day("2026-12-08")),
            (" 12-08 ", day("2026-12-08")),
            ("12-04 14:59", at("2026-12-04T14:59:00+08:00")),
            ("14:59", at("2026-12-04T14:59:00+08:00")),
            ("9:05", at("2026-12-04T09:05:00+08:00")),
            ("2026-12-04 14:59", at("2026-12-04T14:59:00+08:00")),
            ("2026-12-04 14:59:30", at("2026-12-04T14:59:30+08:00")),
            ("2026-12-04T06:59:00Z", at("2026-12-04T14:59:00+08:00")),
            ("02-29", day("2028-02-29")),
        ]
        for (typed, expected) in table {
            let readDay = typed == "02-29" ? CivilDate(iso: "2028-01-10")! : today
            #expect(LocalTimeInput.read(typed, today: readDay) == expected, "\(typed)")
        }
    }

    @Test(arguments: ["", "昨天", "13-01", "02-29", "12-32", "25:00", "12-04 24:00", "2026-12-08 18", "1208", "12/08", "2100-01-01"])
    func whatDoesNotReadIsRefused(_ typed: String) {
        #expect(LocalTimeInput.read(typed, today: today) == nil, "\(typed)")   // 2026 has no 29 February
    }

    @Test func withoutTodayOnlyTheFullFormsReadAsTheCommandLineTakesThem() {
        #expect(LocalTimeInput.read("2026-12-08", today: nil) == day("2026-12-08"))
        #expect(LocalTimeInput.read("2026-12-08T18:00:00+08:00", today: nil) == at("2026-12-08T18:00:00+08:00"))
        for short in ["12-08", "14:59", "12-04 14:59", "2026-12-04 14:59"] {
            #expect(LocalTimeInput.read(short, today: nil) == nil, "\(short)")
        }
    }

    @Test func eachKindOfFieldTakesWhatItAsksFor() {
        let closing = 18 * 3600
        #expect(LocalTimeInput.due("12-08", today: today, closing: closing) == (try! TimeInput.parseInstant("2026-12-08T18:00:00+08:00")))
        #expect(LocalTimeInput.due("12-08 14:59", today: today, closing: closing) == (try! TimeInput.parseInstant("2026-12-08T14:59:00+08:00")))
        #expect(LocalTimeInput.date("12-08", today: today) == CivilDate(iso: "2026-12-08"))
        #expect(LocalTimeInput.date("12-08 14:59", today: today) == nil)          // a day field takes no time
        #expect(LocalTimeInput.instant("12-08", today: today) == nil)             // a when-it-happened field takes a time
        #expect(LocalTimeInput.instant("12-04 14:59", today: today) == (try! TimeInput.parseInstant("2026-12-04T14:59:00+08:00")))
    }
}
