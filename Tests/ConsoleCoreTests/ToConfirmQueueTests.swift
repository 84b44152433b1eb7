import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// A ticket opened from an unknown sender's mail took the desk's region for mail: the queue's
/// region column says it is to confirm, in the warning colour, until staff confirm it.
@Suite("Tickets to confirm in the queue")
struct ToConfirmQueueTests {
    static func state(width: Int, height: Int, _ lang: Language) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.reduce(.queueLoaded(QueuePage(items: Sample.tickets, offset: 0, total: Sample.tickets.count, filter: QueueFilter(),
                                            toConfirm: [103])))
        return s
    }

    @Test(arguments: [(80, 24, Language.zh), (120, 40, .zh), (80, 24, .en), (120, 40, .en)])
    func theRegionColumnSaysToConfirm(width: Int, height: Int, lang: Language) throws {
        let b = render(Self.state(width: width, height: height, lang))
        let word = Catalog.MailIn.toConfirm(lang)
        let row = try #require(b.lines.enumerated().first { $0.element.contains(word) }, "no row says \(word): \(b.lines)")
        #expect(row.element.contains("103"))
        // The other tickets keep their regions; 103's guessed region is not shown in the row.
        #expect(!row.element.contains(Region.haidong.label(lang)))
        #expect(b.lines.contains { $0.contains(Region.yushu.label(lang)) })
        #expect(b.lines.filter { $0.contains(word) }.count == 1)
        let x = try #require(row.element.range(of: word).map { TerminalText.width(String(row.element[..<$0.lowerBound])) })
        #expect(b[x, row.offset].style.fg == Theme.dark[.countdownWarn].fg)
    }

    /// "待确认" and "to confirm" fit the column the widest region's name sets, so nothing is cut.
    @Test func theWordFitsTheRegionColumn() {
        for lang in Language.allCases {
            #expect(TerminalText.width(Catalog.MailIn.toConfirm(lang)) <= Region.widestLabel(lang))
        }
    }
}
