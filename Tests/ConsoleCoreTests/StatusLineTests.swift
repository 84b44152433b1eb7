import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// The status line says what the last action came to, and no longer than the next action: one that
/// goes through without a message of its own clears it; a refused one leaves it.
@Suite("the status line clears an old message")
struct StatusLineTests {
    @Test func theNextActionThatGoesThroughClearsAMessage() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.saved(.saved(id: 101)))
        #expect(s.status != nil)
        _ = s.press(.char("j"))                          // moves the selection: no message of its own
        #expect(s.status == nil)
        #expect(!render(s).line(s.height - 2).contains("#101"))
    }

    @Test func anErrorStaysUntilAnActionGoesThrough() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.failed(LocalizedText(zh: "数据库忙", en: "database busy")))
        let error = s.status
        #expect(error?.kind == .error)
        _ = s.press(.char("Z"))                          // a key that does nothing
        #expect(s.status == error)
        _ = s.press(.char("j"))
        #expect(s.status == nil)
    }

    @Test func anActionWithAMessageOfItsOwnReplacesTheOldOne() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.reduce(.saved(.saved(id: 101)))
        _ = s.press(.char("G"))                          // #104, a requirement
        _ = s.press(.char("x"))                          // refused with a message: resolve needs an assessment first
        #expect(s.status?.text.contains("需求须先评估（v）") == true)
    }
}
