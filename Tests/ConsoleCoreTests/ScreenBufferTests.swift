import HelpDeskCore
import Testing
@testable import ConsoleCore

@Suite("Screen buffer")
struct ScreenBufferTests {
    @Test func wideCharactersTakeTwoCells() {
        var b = ScreenBuffer(width: 10, height: 1)
        let used = b.put("西宁ab", x: 1, y: 0)
        #expect(used == 6)
        #expect(b.lines == [" 西宁ab"])
        #expect(b[1, 0].width == 2)
        #expect(b[2, 0].isContinuation)
    }

    @Test func aWideCharacterIsNeverSplitAtTheEdge() {
        var b = ScreenBuffer(width: 5, height: 1)
        b.put("ab西宁", x: 0, y: 0)
        #expect(b.lines == ["ab西"])
        var c = ScreenBuffer(width: 10, height: 1)
        c.put("西宁海东", x: 0, y: 0, maxWidth: 5)
        #expect(c.lines == ["西宁"])
        #expect(c[4, 0].text == " ")
    }

    @Test func overwritingHalfAWideCharacterBlanksTheOtherHalf() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("西宁", x: 0, y: 0)
        b.put("x", x: 1, y: 0)
        #expect(b.lines == [" x宁"])
        #expect(!b[1, 0].isContinuation)
    }

    @Test func controlsNeverReachTheBuffer() {
        var b = ScreenBuffer(width: 30, height: 1)
        b.put("a\u{1B}[2Jb\u{7}c\u{202E}d", x: 0, y: 0)
        #expect(b.lines == ["a␛[2Jb␇c�d"])
        #expect(b.cells.allSatisfy { $0.text.unicodeScalars.allSatisfy { $0.value >= 0x20 && !(0x7F...0x9F).contains($0.value) } })
    }

    @Test func aFillThatCutsAWideCharacterBlanksItWhole() {
        // Given a row of Chinese, when an overlay's edges fall on the right half of 宁 and the left
        // half of 东
        var b = ScreenBuffer(width: 10, height: 2)
        b.put("西宁海东", x: 0, y: 0)
        b.fill(x: 3, y: 0, width: 4, height: 2, style: Style(reverse: true))
        // Then neither is left half drawn: every wide cell still has its right half.
        #expect(b.lines[0] == "西")
        #expect(b[2, 0] == Cell(text: " "))
        #expect(b[7, 0] == Cell(text: " "))
        #expect(b[3, 0].style.reverse && b[6, 0].style.reverse)
        for x in 0..<b.width where b[x, 0].width == 2 { #expect(b[x + 1, 0].isContinuation) }
        for x in 0..<b.width where b[x, 0].isContinuation { #expect(x > 0 && b[x - 1, 0].width == 2) }
    }

    @Test func aWideCharacterThatDoesNotFitNeverLeavesHalfAnother() {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("西宁海", x: 0, y: 0)
        b.put("东", x: 3, y: 0, maxWidth: 1)   // lands on 宁's right half, does not fit
        #expect(b.lines == ["西  海"])
        #expect(!b[2, 0].isContinuation && b[2, 0].width == 1)
    }

    @Test func tibetanStacksTakeOneCellEach() {
        var b = ScreenBuffer(width: 30, height: 1)
        let used = b.put("བཀྲ་ཤིས་ 扎西", x: 0, y: 0)
        #expect(used == 11)
        #expect(b[1, 0].text == "ཀྲ")
        #expect(b[3, 0].text == "ཤི")
        #expect(b[7, 0].text == "扎" && b[7, 0].width == 2)
        #expect(b.lines == ["བཀྲ་ཤིས་ 扎西"])
    }

    @Test func combiningSequencesAndEmojiAreOneCell() {
        var b = ScreenBuffer(width: 20, height: 1)
        let used = b.put("e\u{301}👍🏽👨\u{200D}👩\u{200D}👧x", x: 0, y: 0)
        #expect(used == 6)
        #expect(b[0, 0].text == "e\u{301}")
        #expect(b[1, 0].text == "👍🏽" && b[1, 0].width == 2 && b[2, 0].isContinuation)
        #expect(b[3, 0].text == "👨\u{200D}👩\u{200D}👧" && b[3, 0].width == 2)
        #expect(b[5, 0].text == "x")
    }

    @Test func columnsAfterTibetanStayInPlace() {
        var b = ScreenBuffer(width: 40, height: 2)
        b.put("བཀྲ་ཤིས་བདེ་ལེགས 扎西德勒咨询", x: 0, y: 0, columns: 20)
        b.put("|", x: 20, y: 0)
        b.put("普通标题", x: 0, y: 1, columns: 20)
        b.put("|", x: 20, y: 1)
        #expect(b.lines[0] == "བཀྲ་ཤིས་བདེ་ལེགས 扎西德…|")
        #expect(b.lines[1] == "普通标题            |")
    }

    @Test func fitPadsInColumns() {
        var b = ScreenBuffer(width: 12, height: 1)
        b.put("西宁", x: 0, y: 0, columns: 6)
        b.put("|", x: 6, y: 0)
        #expect(b.lines == ["西宁  |"])
    }
}

@Suite("Text fields")
struct TextFieldTests {
    @Test func editsAtTheCursor() {
        var f = TextField("西宁")
        _ = f.handle(.left)
        _ = f.handle(.char("市"))
        #expect(f.text == "西市宁")
        _ = f.handle(.backspace)
        #expect(f.text == "西宁")
        _ = f.handle(.home)
        _ = f.handle(.delete)
        #expect(f.text == "宁")
        _ = f.handle(.ctrl("u"))
        #expect(f.text.isEmpty)
    }

    @Test func typedMarksJoinTheCharacterBeforeTheCursor() {
        // Given Tibetan typed one key at a time: KA, then subjoined RA joins it
        var f = TextField("བ")
        for c in ["ཀ", "ྲ", "་"] { _ = f.handle(.char(Character(c))) }
        #expect(f.text == "བཀྲ་")
        #expect(f.cursor == 3)
        #expect(f.visible(columns: 20).cursorColumn == 3)
        // And an accent typed in the middle joins the e before the cursor.
        var g = TextField("cafe")
        _ = g.handle(.char("\u{301}"))
        _ = g.handle(.left)
        _ = g.handle(.char("x"))
        #expect(g.text == "cafxe\u{301}")
        #expect(g.visible(columns: 20).cursorColumn == 4)
    }

    @Test func theCursorStandsAfterWhatIsDrawn() {
        let f = TextField("扎西👍🏽ཀྲ")
        #expect(f.visible(columns: 20) == ("扎西👍🏽ཀྲ", 7))
        var g = f
        _ = g.handle(.left)
        #expect(g.visible(columns: 20).cursorColumn == 6)
        _ = g.handle(.left)
        #expect(g.visible(columns: 20).cursorColumn == 4)
    }

    @Test func aControlIsMeasuredAsItsPlaceholder() {
        let f = TextField("a\r\nb")   // CR LF is one character, drawn as two placeholders
        #expect(f.visible(columns: 20) == ("a␍␊b", 4))
    }

    @Test func scrollsToKeepTheCursorVisible() {
        let f = TextField("养老保险待遇测算结果")
        let (text, cursor) = f.visible(columns: 8)
        #expect(TerminalText.width(text) <= 8)
        #expect(text.hasSuffix("结果"))
        #expect(cursor <= 8)
    }
}
