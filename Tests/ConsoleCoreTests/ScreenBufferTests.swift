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

    @Test func scrollsToKeepTheCursorVisible() {
        let f = TextField("养老保险待遇测算结果")
        let (text, cursor) = f.visible(columns: 8)
        #expect(TerminalText.width(text) <= 8)
        #expect(text.hasSuffix("结果"))
        #expect(cursor <= 8)
    }
}
