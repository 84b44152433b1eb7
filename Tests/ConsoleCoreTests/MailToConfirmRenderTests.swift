import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// A ticket opened from the mail of a sender the directory did not know, in its details.
@Suite("A ticket to confirm, as drawn")
struct MailToConfirmRenderTests {
    static func details(_ lang: Language, toConfirm: Bool) -> ConsoleState {
        var s = Sample.state(width: 120, height: 40, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        var facts = ServiceFacts()
        facts.toConfirm = toConfirm
        _ = s.reduce(.factsLoaded(id: 101, facts))
        return s
    }

    @Test func theRegionSaysItIsToConfirmInBothLanguages() throws {
        let en = render(Self.details(.en, toConfirm: true))
        let row = try #require(en.row(containing: "Region"))
        #expect(en.lines[row].contains("Xining  (to confirm)"))
        let zh = render(Self.details(.zh, toConfirm: true))
        let zhRow = try #require(zh.row(containing: "地区"))
        #expect(zh.lines[zhRow].contains("西宁市  (待确认)"))
        // Confirmed (or never marked): the region alone.
        let plain = render(Self.details(.en, toConfirm: false))
        #expect(plain.row(containing: "to confirm") == nil && plain.row(containing: "Xining") != nil)
    }
}
