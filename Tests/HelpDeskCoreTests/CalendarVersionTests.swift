import HelpDeskCore
import Testing

@Suite("the calendar version stored with a deadline")
struct CalendarVersionTests {
    @Test(arguments: [
        "cn-holidays 2004-2026 r0; hours 09:00-18:00",
        "cn-holidays 2004-2027 (imported 2025,2027) r12; hours 09:00-12:00,13:00-18:00",
        "cn-holidays none r3; hours 08:30-17:30",
    ])
    func theStoredTextReadsBackToItself(_ text: String) throws {
        let version = try #require(CalendarVersion(text: text))
        #expect(version.text == text)
    }

    @Test func whatTheStoreWritesReadsBack() throws {
        let v = CalendarVersion(years: 2004...2026, imported: [2026], revision: "4", hours: "\(BusinessHours.standard)")
        #expect(CalendarVersion(text: v.text) == v)
    }

    @Test func itReadsInBothLanguages() throws {
        let v = try #require(CalendarVersion(text: "cn-holidays 2004-2027 (imported 2025,2027) r12; hours 09:00-18:00"))
        #expect(v.described(.zh) == "法定节假日 2004–2027 年（导入 2025、2027 年），第 12 次修订，工作时间 09:00-18:00")
        #expect(v.described(.en) == "holidays 2004–2027 (2025, 2027 imported), revision 12, hours 09:00-18:00")
        let plain = try #require(CalendarVersion(text: "cn-holidays 2004-2026 r0; hours 09:00-18:00"))
        #expect(plain.described(.zh) == "法定节假日 2004–2026 年，第 0 次修订，工作时间 09:00-18:00")
        #expect(!CalendarVersion.display(plain.text, .zh).contains("cn-holidays"))
    }

    /// Another text (an older program's, a hand edit) is shown as it is, never misread.
    @Test(arguments: ["", "cn-holidays", "cn-holidays 2004-2026; hours 09:00-18:00", "cn-holidays 2027-2004 r1; hours 09:00-18:00",
                      "cn-holidays 2004-2026 (imported x) r1; hours 09:00-18:00", "cn-holidays 2004-2026 r1x; hours 09:00-18:00",
                      "cn-holidays 2004-2026 r1; hours ", "bundled 2021"])
    func anotherTextIsShownAsItIs(_ text: String) {
        #expect(CalendarVersion(text: text) == nil)
        #expect(CalendarVersion.display(text, .zh) == text)
    }
}
