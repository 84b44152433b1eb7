import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// An item's attachments in its details: the list, saving one through the run loop, and the
/// console's own viewer for a text attachment.
@Suite("Attachments in the console")
struct AttachmentConsoleTests {
    static let hostile = "scan\u{1B}]0;owned\u{07}\u{1B}[2J.pdf"
    static let lines = [
        AttachmentLine(id: 3, name: "需求签字.pdf", size: 1_258_291, type: .pdf, addedBy: "zhangwei",
                       addedAt: t("2021-11-22T10:30:00+08:00"), erased: false),
        AttachmentLine(id: 4, name: hostile, size: 120, type: .binary, addedBy: "lina",
                       addedAt: t("2021-11-22T11:00:00+08:00"), erased: true),
        AttachmentLine(id: 5, name: "巡检记录.txt", size: 2048, type: .text, addedBy: "lina",
                       addedAt: t("2021-11-22T12:00:00+08:00"), erased: false),
    ]

    static func details(_ lang: Language, width: Int = 120, height: Int = 40) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.attachmentsLoaded(id: 101, lines))
        return s
    }

    static func detail(_ s: ConsoleState) -> Detail? {
        if case .detail(let d) = s.mode { return d }
        return nil
    }

    @Test func theDetailsListTheAttachmentsInChinese() throws {
        let b = render(Self.details(.zh))
        let title = try #require(b.row(containing: "附件"))
        let first = try #require(b.row(containing: "#3 需求签字.pdf"))
        let erased = try #require(b.row(containing: "#4 scan"))
        let text = try #require(b.row(containing: "#5 巡检记录.txt"))
        #expect(title < first && first < erased && erased < text)
        #expect(b.lines[first].contains("1.2 MiB") && b.lines[first].contains("PDF") && b.lines[first].contains("zhangwei"))
        #expect(b.lines[first].contains("11-22 10:30"))
        #expect(b.lines[first].contains("▶"), "the first is selected")
        #expect(b.lines[erased].contains("[已抹去]"))
        #expect(b.lines[text].contains("文本"))
        // The hostile name is drawn safe: no escape, no bell reaches the terminal.
        #expect(!b.lines.joined().contains("\u{1B}") && !b.lines.joined().contains("\u{07}"))
        for line in b.lines { #expect(TerminalText.width(line) <= 120) }
    }

    @Test func theDetailsListTheAttachmentsInEnglish() throws {
        let b = render(Self.details(.en))
        #expect(b.row(containing: "Attachments") != nil)
        let erased = try #require(b.row(containing: "#4 scan"))
        #expect(b.lines[erased].contains("[erased]") && b.lines[erased].contains("binary"))
        #expect(!b.lines.joined().contains("\u{1B}"))
        let text = try #require(b.row(containing: "#5"))
        #expect(b.lines[text].contains("text") && b.lines[text].contains("2.0 KiB"))
    }

    @Test func noAttachmentsSaysSo() {
        var s = Sample.state(width: 120, height: 40, language: .en)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        _ = s.reduce(.attachmentsLoaded(id: 101, []))
        #expect(render(s).row(containing: "(no attachments)") != nil)
        // `w` with nothing to save is refused with a word.
        #expect(s.press(.char("w")) == [.bell])
        #expect(s.status?.text == Catalog.Attachments.noneToPick.en)
    }

    @Test func wAsksWhereTheSelectedOneGoesAndEnterSavesItThroughTheRunLoop() throws {
        var s = Self.details(.en)
        #expect(s.press(.char("w")).isEmpty)
        let prompt = try #require(Self.detail(s)?.savePrompt)
        #expect(prompt.id == 3 && prompt.field.text == "需求签字.pdf", "by default its name in the current folder")
        let b = render(s)
        #expect(b.row(containing: "Save 需求签字.pdf to: 需求签字.pdf") != nil)
        // Esc drops it; the details stay.
        _ = s.press(.escape)
        #expect(Self.detail(s)?.savePrompt == nil)
        _ = s.press(.char("w"))
        #expect(s.press(.enter) == [.saveAttachment(id: 3, path: "需求签字.pdf", overwrite: false)])
        _ = s.reduce(.attachmentSaved(id: 3, path: "/tmp/需求签字.pdf"))
        #expect(s.status?.text == "attachment 3 saved to /tmp/需求签字.pdf")
    }

    @Test func anExistingFileIsOverwrittenOnlyOnY() throws {
        var s = Self.details(.zh)
        _ = s.press(.char("w"))
        _ = s.press(.enter)
        _ = s.reduce(.attachmentExists(id: 3, path: "/tmp/x/需求签字.pdf"))
        #expect(render(s).row(containing: "/tmp/x/需求签字.pdf 已存在，覆盖吗") != nil)
        #expect(s.press(.char("n")) == [.bell])
        #expect(Self.detail(s)?.savePrompt == nil)
        #expect(s.status?.text == Catalog.Attachments.saveCancelled.zh)
        _ = s.reduce(.attachmentExists(id: 3, path: "/tmp/x/需求签字.pdf"))
        #expect(s.press(.char("y")) == [.saveAttachment(id: 3, path: "/tmp/x/需求签字.pdf", overwrite: true)])
    }

    @Test func capitalFSelectsTheNextAnErasedOneCannotBeSavedOrShown() throws {
        var s = Self.details(.en)
        _ = s.press(.char("F"))
        #expect(Self.detail(s)?.attachmentCursor == 1)
        #expect(render(s).lines[try #require(render(s).row(containing: "#4 scan"))].contains("▶"))
        #expect(s.press(.char("w")) == [.bell])
        #expect(s.status?.text == Catalog.Attachments.erasedContent(4).en)
        #expect(s.press(.char("V")) == [.bell])
        _ = s.press(.char("F"), .char("F"))
        #expect(Self.detail(s)?.attachmentCursor == 0, "wraps round")
        // A PDF is not shown: it can only be saved.
        #expect(s.press(.char("V")) == [.bell])
        #expect(s.status?.text == Catalog.Attachments.notText.en)
    }

    static let text = "第一行：养老金测算\n\u{1B}[31mred\u{1B}[0m second line\t tab\n" + (3...60).map { "line \($0) 行" }.joined(separator: "\n")

    static func viewer(_ lang: Language, width: Int = 80, height: Int = 24) throws -> ConsoleState {
        var s = details(lang, width: width, height: height)
        _ = s.press(.char("F"), .char("F"))
        #expect(s.press(.char("V")) == [.loadAttachmentText(5)])
        _ = s.reduce(.attachmentTextLoaded(id: 5, text: text))
        return s
    }

    @Test(arguments: [Language.zh, .en])
    func theViewerShowsTheTextSafeWideAndScrolled(_ lang: Language) throws {
        var s = try Self.viewer(lang)
        var b = render(s)
        #expect(b.row(containing: lang == .zh ? "附件 #5 巡检记录.txt" : "attachment #5 巡检记录.txt") != nil)
        let first = try #require(b.row(containing: "第一行：养老金测算"))
        #expect(b.row(containing: "red") == first + 1)
        #expect(!b.lines.joined().contains("\u{1B}"))
        for line in b.lines { #expect(TerminalText.width(line) <= 80) }
        #expect(b.row(containing: "line 60 行") == nil)
        _ = s.press(.char("G"))
        b = render(s)
        #expect(b.row(containing: "line 60 行") != nil)
        #expect(b.row(containing: "第一行") == nil)
        _ = s.press(.char("g"), .char("j"))
        #expect(render(s).row(containing: "第一行") == nil && render(s).row(containing: "red") != nil)
    }

    @Test func qAndEscGoBackToTheDetailsAsTheyWere() throws {
        for key in [Key.char("q"), .escape] {
            var s = try Self.viewer(.en)
            let effects = s.press(key)
            let d = try #require(Self.detail(s))
            #expect(d.attachmentCursor == 2)
            #expect(effects.contains(.loadDetail(101)))
        }
    }

    @Test func wideLinesWrapByColumns() {
        let lines = AttachmentViewerScreen.lines(String(repeating: "养", count: 50), columns: 20)
        #expect(lines.count == 5)
        #expect(lines.allSatisfy { TerminalText.width($0) <= 20 })
        #expect(AttachmentViewerScreen.lines("a\u{1B}[2Jb\u{9B}c", columns: 20).joined().unicodeScalars.allSatisfy { $0.value >= 0x20 && $0.value != 0x7F && !(0x80...0x9F).contains($0.value) })
    }
}
