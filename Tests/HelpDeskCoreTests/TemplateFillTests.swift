import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Filling a template's placeholders")
struct TemplateFillTests {
    static let deadline = try! TimeInput.parseInstant("2021-11-26T17:30:00+08:00")
    static let today = try! TimeInput.parseDate("2021-11-23")

    static func values(_ lang: Language, requester: String? = "才让", deadline: Date? = Self.deadline) -> TemplateValues {
        TemplateValues(requester: requester, ticket: 1234, deadline: deadline, today: today, language: lang)
    }

    @Test func everyPlaceholderInEnglish() {
        let (text, unfilled) = TemplateFill.fill("Dear {{requester}}, ticket {{ticket}} is due {{deadline}}; today is {{today}}.",
                                                 Self.values(.en))
        #expect(text == "Dear 才让, ticket #1234 is due Fri 2021-11-26 17:30; today is Tue 2021-11-23.")
        #expect(unfilled.isEmpty)
    }

    @Test func theChineseNamesInChinese() {
        let (text, unfilled) = TemplateFill.fill("{{请求人}}您好：工单{{工单号}}将于{{截止时间}}前办结（{{今天}}）。", Self.values(.zh))
        #expect(text == "才让您好：工单#1234将于2021-11-26 周五 17:30前办结（2021-11-23 周二）。")
        #expect(unfilled.isEmpty)
    }

    @Test func namesOfEitherLanguageAndSpacesInsideTheBraces() {
        let (text, _) = TemplateFill.fill("{{ ticket }} {{工单号}} {{Ticket}}", Self.values(.en))
        #expect(text == "#1234 #1234 #1234")
    }

    @Test func adjacentPlaceholders() {
        let (text, unfilled) = TemplateFill.fill("{{ticket}}{{requester}}{{工单号}}", Self.values(.zh))
        #expect(text == "#1234才让#1234")
        #expect(unfilled.isEmpty)
    }

    @Test func whatCannotBeFilledStaysAsWrittenAndIsListedOnce() {
        let (text, unfilled) = TemplateFill.fill("{{请求人}}您好，{{requester}}，截止 {{deadline}}，{{请求人}}",
                                                 Self.values(.zh, requester: "  ", deadline: nil))
        #expect(text == "{{请求人}}您好，{{requester}}，截止 {{deadline}}，{{请求人}}")
        #expect(unfilled == ["{{请求人}}", "{{requester}}", "{{deadline}}"])
    }

    @Test func anUnknownPlaceholderStaysAndIsListed() {
        let (text, unfilled) = TemplateFill.fill("Hello {{requester}}, your {{ account }} {{账号}}", Self.values(.en))
        #expect(text == "Hello 才让, your {{ account }} {{账号}}")
        #expect(unfilled == ["{{ account }}", "{{账号}}"])
    }

    @Test func bracesThatAreNoPlaceholderAreText() {
        for body in ["{x}", "{{}}", "{{  }}", "a {{ b", "b }} a", "{{a\nb}}", "{ {ticket} }", "}}{{"] {
            let (text, unfilled) = TemplateFill.fill(body, Self.values(.en))
            #expect(text == body, "\(body.debugDescription)")
            #expect(unfilled.isEmpty, "\(body.debugDescription)")
            #expect(TemplateFill.unfilled(in: body).isEmpty, "\(body.debugDescription)")
        }
        // Three braces: the inner pair is the placeholder, the outer braces stay.
        #expect(TemplateFill.fill("{{{ticket}}}", Self.values(.en)).text == "{#1234}")
        // A name too long to be one is text.
        let long = "{{" + String(repeating: "a", count: 41) + "}}"
        #expect(TemplateFill.fill(long, Self.values(.en)).unfilled.isEmpty)
    }

    @Test func aValueIsNotFilledAgain() {
        // A requester whose name looks like a placeholder is put in as it is, not read again.
        let (text, unfilled) = TemplateFill.fill("{{requester}}", Self.values(.en, requester: "{{ticket}}"))
        #expect(text == "{{ticket}}")
        #expect(unfilled.isEmpty)
        // …but a text about to be sent with it in is still refused.
        #expect(TemplateFill.unfilled(in: text) == ["{{ticket}}"])
    }

    @Test func aTemplatePrefersTheAskedLanguageElseTheOther() {
        let both = ReplyTemplate(title: "t", bodyZh: "中", bodyEn: "en", use: .reply)
        #expect(both.body(preferring: .en)! == ("en", .en))
        #expect(both.body(preferring: .zh)! == ("中", .zh))
        let zhOnly = ReplyTemplate(title: "t", bodyZh: "中", bodyEn: nil, use: .note)
        #expect(zhOnly.body(preferring: .en)! == ("中", .zh))
        #expect(zhOnly.languages == [.zh])
    }

    /// What no ticket fills: a name that is no placeholder, in either language; the placeholders
    /// themselves (any case, spaces inside the braces) are not.
    @Test func unknownNamesAreThoseNoTicketFills() {
        #expect(TemplateFill.unknown(in: "{{姓名}}您好，{{请求人}}、{{ Ticket }}、{{今天}}，{{name}}") == ["{{姓名}}", "{{name}}"])
        #expect(TemplateFill.unknown(in: "{{requester}} {{截止时间}}") == [])
        #expect(TemplateFill.unknown(in: "没有占位符 {{}}") == [])
    }
}
