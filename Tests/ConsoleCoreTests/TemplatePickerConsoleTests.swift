import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Ctrl-T in the reply and note forms: the picker of templates, its search, and the filled text
/// put into the form's text field.
@Suite("Templates in the reply and note forms")
struct TemplatePickerConsoleTests {
    static let choices = [
        TemplateChoice(id: 1, title: "密码重置", text: "王建华您好：工单#101的密码已重置。", unfilled: [], language: .zh),
        TemplateChoice(id: 2, title: "跨地区转移接续业务办理流程", text: "{{请求人}}您好：转移接续请于{{截止时间}}前办理。",
                       unfilled: ["{{请求人}}", "{{截止时间}}"], language: .zh),
        TemplateChoice(id: 3, title: "Password reset", text: "Dear 王建华, the password is reset.", unfilled: [], language: .en),
    ]

    /// The details of ticket 101 with the reply form open (`r`) and its picker showing the templates.
    static func picking(width: Int, height: Int, _ lang: Language, key: Character = "r", use: TemplateUse = .reply) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.press(.char(key))
        let asked = s.press(.ctrl("t"))
        #expect(asked == [.loadTemplates(item: 101, use: use, desk: lang)])
        _ = s.reduce(.templatesLoaded(use: use, choices))
        return s
    }

    /// With 101 and 102 marked, the reply form goes to both: a template's body goes into the field
    /// as written, its placeholders to be filled for each ticket as it is sent.
    @Test func aReplyToSeveralTakesTheBodyAsWrittenAndSendsItToEach() throws {
        var s = Sample.state(width: 120, height: 40, language: .zh)
        _ = s.press(.char(" "), .char(" "), .char("r"))
        #expect(s.press(.ctrl("t")) == [.loadTemplates(item: 101, use: .reply, desk: .zh)])
        let body = "{{请求人}}您好：工单{{工单号}}的密码已重置。"
        _ = s.reduce(.templatesLoaded(use: .reply, [TemplateChoice(id: 1, title: "密码重置", text: "王建华您好：工单#101的密码已重置。",
                                                                    body: body, unfilled: [], language: .zh)]))
        _ = s.press(.enter)
        #expect(Self.noteText(s) == body)
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.forSeveral && form.placeholdersLeft.isEmpty)
        #expect(s.press(.ctrl("s")) == [.writeEach([.respond(id: 101, note: body, version: 1, template: 1),
                                                    .respond(id: 102, note: body, version: 1, template: 1)])])
    }

    /// A placeholder no ticket can fill still stops the save of a reply to several.
    @Test func anUnknownPlaceholderStillStopsAReplyToSeveral() throws {
        var s = Sample.state(width: 120, height: 40, language: .zh)
        _ = s.press(.char(" "), .char(" "), .char("r"))
        s.type("{{姓名}}您好")
        #expect(s.press(.ctrl("s")) == [.bell])
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.placeholdersLeft == ["{{姓名}}"])
        // One ticket alone: the form fills what the picker filled, and nothing is left to fill later.
        var one = Sample.state(width: 120, height: 40, language: .zh)
        _ = one.press(.char("r"))
        one.type("{{请求人}}您好")
        #expect(one.press(.ctrl("s")) == [.bell])
    }

    static func noteText(_ s: ConsoleState) -> String? {
        guard case .form(let form, _) = s.mode else { return nil }
        return form.value(.note)
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func thePickerInChinese(_ size: (Int, Int)) throws {
        let s = Self.picking(width: size.0, height: size.1, .zh)
        let b = render(s)
        let title = try #require(b.row(containing: "选择答复模板"))
        let first = try #require(b.row(containing: "> 密码重置"))
        let second = try #require(b.row(containing: "跨地区转移接续业务办理流程"))
        #expect(title < first && first < second)
        #expect(b.row(containing: "搜索标题") == title + 1)
        #expect(b.lines[second].contains("[zh]"))
        #expect(b.row(containing: "Enter 填入") != nil)
        // The screen's footer names the picker's own keys, and the screen behind stops a blank
        // cell short of the picker on each side.
        #expect(b.lines.last?.contains("选模板") == true && b.lines.last?.contains("提出人") == false)
        let top = try #require(b.row(containing: "选择答复模板"))
        let left = try #require((0..<b.width).first { b[$0, top].style == Theme.dark[.paneTitleFocused] })
        if left > 0 { #expect(b[left - 1, top + 1].text == " " && b[left - 1, top + 1].style == Theme.dark[.base]) }
        for line in b.lines { #expect(TerminalText.width(line) <= size.0) }
    }

    @Test(arguments: [(80, 24), (120, 40)])
    func thePickerInEnglish(_ size: (Int, Int)) throws {
        let s = Self.picking(width: size.0, height: size.1, .en)
        let b = render(s)
        #expect(b.row(containing: "Choose a reply template") != nil)
        #expect(b.row(containing: "Search titles") != nil)
        let en = try #require(b.row(containing: "Password reset"))
        #expect(b.lines[en].contains("[en]"))
        for line in b.lines { #expect(TerminalText.width(line) <= size.0) }
    }

    @Test func typingSearchesTheTitlesAndEnterPutsTheTextInTheFieldToEdit() throws {
        var s = Self.picking(width: 120, height: 40, .en)
        s.type("PASS")
        let b = render(s)
        #expect(b.row(containing: "> Password reset") != nil)
        #expect(b.row(containing: "密码重置") == nil)
        _ = s.press(.enter)
        #expect(Self.noteText(s) == "Dear 王建华, the password is reset.")
        // The picker is closed; the text stays editable before it is sent.
        #expect(render(s).row(containing: "Choose a reply template") == nil)
        _ = s.press(.backspace)
        s.type("; log in again.")
        let effects = s.press(.ctrl("s"))
        guard case .write(.respond(id: 101, note: let note, version: _, template: let template))? = effects.first else {
            Issue.record("no reply written: \(effects)")
            return
        }
        #expect(note == "Dear 王建华, the password is reset; log in again.")
        // The template it was written from goes with it, for the ticket's history.
        #expect(template == 3)
    }

    @Test(arguments: [Language.zh, .en])
    func placeholdersLeftAreMarkedAndTheFormIsNotSavedUntilFilled(_ lang: Language) throws {
        var s = Self.picking(width: 120, height: 40, lang)
        _ = s.press(.down, .enter)
        #expect(Self.noteText(s) == "{{请求人}}您好：转移接续请于{{截止时间}}前办理。")
        let b = render(s)
        let marked = try #require(b.row(containing: lang == .zh ? "请填写：{{请求人}} {{截止时间}}" : "fill in: {{请求人}} {{截止时间}}"))
        #expect(b.style(of: lang == .zh ? "请填写" : "fill in", inRow: marked) == Theme.dark[.error].over(Theme.dark[.dialog]))
        #expect(s.press(.ctrl("s")) == [.bell])
        // Filled in by hand, it is sent.
        guard case .form(var form, let back) = s.mode else { Issue.record("no form"); return }
        form.setText(.note, "才让您好：转移接续请于周五前办理。")
        s.mode = .form(form, returnTo: back)
        #expect(form.placeholdersLeft.isEmpty)
        // The mark under the field is gone (the status line still says why the last save was refused).
        let filled = render(s)
        let field = try #require(filled.row(containing: "才让您好"))
        #expect(filled.row(containing: lang == .zh ? "请填写" : "fill in").map { $0 > field + 2 } ?? true)
        guard case .write(.respond)? = s.press(.ctrl("s")).first else { Issue.record("not saved"); return }
    }

    @Test func escClosesThePickerAndKeepsWhatWasTyped() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.press(.char("N"))
        s.type("checked")
        #expect(s.press(.ctrl("t")) == [.loadTemplates(item: 101, use: .note, desk: .en)])
        // Templates of another use, arriving late, are not offered here.
        _ = s.reduce(.templatesLoaded(use: .reply, Self.choices))
        #expect(render(s).row(containing: "密码重置") == nil)
        _ = s.reduce(.templatesLoaded(use: .note, [Self.choices[0]]))
        #expect(render(s).row(containing: "Choose a note template") != nil)
        _ = s.press(.escape)
        #expect(render(s).row(containing: "Choose a note template") == nil)
        #expect(Self.noteText(s) == "checked")
        // Chosen after what was typed, the text follows it.
        _ = s.press(.ctrl("t"))
        _ = s.reduce(.templatesLoaded(use: .note, [Self.choices[0]]))
        _ = s.press(.enter)
        #expect(Self.noteText(s) == "checked 王建华您好：工单#101的密码已重置。")
        #expect(s.press(.ctrl("s")) == [.write(.addNote(id: 101, text: "checked 王建华您好：工单#101的密码已重置。", template: Self.choices[0].id))])
    }

    @Test func noTemplatesSaysSoAndOtherFormsHaveNoPicker() {
        var s = Self.picking(width: 120, height: 40, .zh)
        s.type("无此标题")
        #expect(render(s).row(containing: "（没有可用的模板）") != nil)
        var m = Sample.state(width: 120, height: 40, language: .en)
        _ = m.press(.char("M"))
        #expect(m.press(.ctrl("t")).isEmpty)
        #expect(render(m).row(containing: "template") == nil)
    }
}
