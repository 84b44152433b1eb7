import Foundation
import Testing
@testable import HelpDeskCore

/// Times typed into the console's forms are Beijing wall-clock time, whatever the machine's zone.
@Suite("Times typed into forms")
struct LocalTimeInputTests {
    let today = CivilDate(iso: "2021-11-23")!

    private func at(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

    @Test(arguments: [
        ("14:30", "2021-11-23T14:30:00+08:00"),
        ("9:30", "2021-11-23T09:30:00+08:00"),
        ("15:00", "2021-11-23T15:00:00+08:00"),
        ("11-22 23:10", "2021-11-22T23:10:00+08:00"),
        ("2021-11-20 08:05", "2021-11-20T08:05:00+08:00"),
        ("2021-11-20 08:05:30", "2021-11-20T08:05:30+08:00"),
        ("2021-11-23T07:00:00Z", "2021-11-23T15:00:00+08:00"),   // an offset given is kept
    ])
    func shortFormsAreCompletedFromTodayInBeijing(_ typed: String, _ expected: String) {
        #expect(LocalTimeInput.instant(typed, today: today) == at(expected))
    }

    @Test(arguments: ["", "25:99", "昨天", "14:3", "2021-13-01 10:00", "11-31 10:00"])
    func anythingElseIsRefused(_ typed: String) {
        #expect(LocalTimeInput.instant(typed, today: today) == nil)
    }

    @Test func aDueDateAloneMeansCloseOfBusiness() {
        #expect(LocalTimeInput.due("2021-12-10", today: today, closing: 18 * 3600) == at("2021-12-10T18:00:00+08:00"))
        #expect(LocalTimeInput.due("2021-12-10 12:00", today: today, closing: 18 * 3600) == at("2021-12-10T12:00:00+08:00"))
        #expect(LocalTimeInput.due("soon", today: today, closing: 18 * 3600) == nil)
    }

    @Test func formattedForEditingAndReadBackTheSame() {
        let t = at("2021-11-23T06:59:00Z")   // 14:59 in Beijing
        #expect(LocalTimeInput.format(t) == "2021-11-23 14:59")
        #expect(LocalTimeInput.instant(LocalTimeInput.format(t), today: today) == t)
    }
}
