import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// `:freeze` asks before it signs a period off, naming the period (a month with its ISO weeks).
@Suite("Freezing from the console asks first")
struct FreezeConfirmTests {
    @Test func theQuestionNamesTheMonthAndItsWeeks() throws {
        var s = Sample.state(width: 120, height: 30)
        _ = s.press(.char(":"))
        s.type("freeze 2021-11")
        _ = s.press(.enter)
        let zh = render(s)
        let row = try #require(zh.row(containing: "冻结 2021-11（含 2021-W44–W47）？冻结后不可撤销 (y/n)"),
                               "\(zh.lines.joined(separator: "\n"))")
        #expect(row == s.height - 2, "on the status line")
        s.language = .en
        let en = render(s)
        #expect(en.row(containing: "Freeze the figures of 2021-11 (with 2021-W44–W47)? It cannot be undone (y/n)") == row)
    }

    @Test func aWeekIsNamedAlone() throws {
        var s = Sample.state(width: 80, height: 24, language: .en)
        _ = s.press(.char(":"))
        s.type("freeze 2021-W47")
        _ = s.press(.enter)
        #expect(render(s).row(containing: "Freeze the figures of 2021-W47? It cannot be undone (y/n)") == 22)
        // At 80 columns a month's question is whole, (y/n) and all, in both languages.
        _ = s.press(.char("n"), .char(":"))
        s.type("freeze 2026-12")
        _ = s.press(.enter)
        #expect(render(s).line(22).contains("Freeze the figures of 2026-12 (with 2026-W49–W53)? It cannot be undone (y/n)"))
        s.language = .zh
        #expect(render(s).line(22).contains("冻结 2026-12（含 2026-W49–W53）？冻结后不可撤销 (y/n)"))
        // The panes stay in view under the question.
        #expect(render(s).row(containing: "CASE") != nil)
    }

    /// A freeze cannot be undone: `:freeze` asks, and any key but y cancels without a write.
    @Test func anyKeyButYCancelsAFreeze() throws {
        for key in [Key.char("n"), .escape, .enter, .char(" "), .char("q"), .char("j")] {
            var s = Sample.state(width: 80, height: 24, language: .en)
            _ = s.press(.char(":"))
            s.type("freeze 2021-W47")
            #expect(s.press(.enter) == [])
            #expect(s.mode == .confirmFreeze(.week(year: 2021, week: 47)))
            #expect(s.press(key) == [], "\(key)")
            #expect(s.mode == .normal, "\(key)")
            #expect(s.status?.text == "2021-W47 not frozen", "\(key)")
        }
        var s = Sample.state(width: 80, height: 24, language: .en)
        _ = s.press(.char(":"))
        s.type("freeze 2021-W47")
        _ = s.press(.enter)
        #expect(s.press(.char("Y")) == [.write(.freeze(.week(year: 2021, week: 47)))])
        #expect(s.status?.text == "freezing 2021-W47…")
    }
    /// The question stands over the place `:freeze` was typed on, and the answer goes back there.
    @Test func theAnswerReturnsToThePlaceTheQuestionWasAskedOn() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.enter)
        _ = s.press(.char("j"), .char("j"))
        guard case .detail(let before) = s.mode else { Issue.record("no details"); return }
        for answer in [Key.char("n"), .char("y")] {
            _ = s.press(.char(":"))
            s.type("freeze 2021-11")
            _ = s.press(.enter)
            #expect(render(s).row(containing: "养老保险待遇测算结果与手工核对不一致") != nil, "the details under the question")
            _ = s.press(answer)
            #expect(s.mode == .detail(before), "\(answer)")
        }
        _ = s.press(.char("q"))
        #expect(s.mode == .normal)
        #expect(s.atTop)
    }
}
