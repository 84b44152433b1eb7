import ConsoleCore
import Testing
@testable import NcursesTerminal

/// What can be checked without a terminal: key decoding, the columns a repaint rewrites, colour
/// mapping and the text handed to ncurses.
@Suite struct KeyDecodingTests {
    func key(_ code: Int32, keyCode: Bool = false) -> TerminalEvent? {
        NcursesTerminal.decode(code: code, isKeyCode: keyCode)
    }

    @Test func shimCodesMatchNcurses() {
        // The ncurses ABI values (curses.h): if these move, the shim is reading the wrong header.
        #expect(KeyCode.up == 0o403)
        #expect(KeyCode.backspace == 0o407)
        #expect(KeyCode.f0 == 0o410)
        #expect(KeyCode.enter == 0o527)
        #expect(KeyCode.backTab == 0o541)
    }

    @Test func printableCharacters() {
        #expect(key(0x61) == .key(.char("a")))
        #expect(key(0x20) == .key(.char(" ")))
        #expect(key(0x4E2D) == .key(.char("中")))
        #expect(key(0x1F600) == .key(.char("😀")))
    }

    @Test func controlBytes() {
        #expect(key(13) == .key(.enter))
        #expect(key(10) == .key(.enter))
        #expect(key(27) == .key(.escape))
        #expect(key(9) == .key(.tab))
        #expect(key(127) == .key(.backspace))
        #expect(key(8) == .key(.backspace))
        #expect(key(1) == .key(.ctrl("a")))
        #expect(key(19) == .key(.ctrl("s")))
        #expect(key(26) == .key(.ctrl("z")))
        #expect(key(0) == nil)
        #expect(key(28) == .key(.unknown))
        #expect(key(0x9B) == .key(.unknown))
        #expect(key(0xD800) == .key(.unknown), "a lone surrogate is no character")
    }

    @Test func keyCodes() {
        #expect(key(KeyCode.enter, keyCode: true) == .key(.enter))
        #expect(key(KeyCode.backTab, keyCode: true) == .key(.backTab))
        #expect(key(KeyCode.backspace, keyCode: true) == .key(.backspace))
        #expect(key(KeyCode.delete, keyCode: true) == .key(.delete))
        #expect(key(KeyCode.up, keyCode: true) == .key(.up))
        #expect(key(KeyCode.down, keyCode: true) == .key(.down))
        #expect(key(KeyCode.left, keyCode: true) == .key(.left))
        #expect(key(KeyCode.right, keyCode: true) == .key(.right))
        #expect(key(KeyCode.home, keyCode: true) == .key(.home))
        #expect(key(KeyCode.find, keyCode: true) == .key(.home))
        #expect(key(KeyCode.end, keyCode: true) == .key(.end))
        #expect(key(KeyCode.select, keyCode: true) == .key(.end))
        #expect(key(KeyCode.pageUp, keyCode: true) == .key(.pageUp))
        #expect(key(KeyCode.pageDown, keyCode: true) == .key(.pageDown))
        #expect(key(KeyCode.f0 + 1, keyCode: true) == .key(.function(1)))
        #expect(key(KeyCode.f0 + 12, keyCode: true) == .key(.function(12)))
        #expect(key(0o631, keyCode: true) == .key(.unknown), "KEY_MOUSE has no name in the console")
    }

    @Test func aKeyCodeIsNotACharacter() {
        // KEY_UP's value is also the code point of 'ă'; only isKeyCode tells them apart.
        #expect(key(KeyCode.up, keyCode: false) == .key(.char("ă")))
    }

    @Test func resizeCarriesTheNewSize() {
        #expect(NcursesTerminal.decode(code: KeyCode.resize, isKeyCode: true, size: (100, 30))
            == .resize(width: 100, height: 30))
    }
}

@Suite struct PaintPlanTests {
    @Test func unchangedRowIsSkipped() {
        var a = ScreenBuffer(width: 10, height: 2)
        a.put("hello", x: 0, y: 0)
        #expect(PaintPlan.dirtySpan(previous: a, next: a, row: 0) == nil)
    }

    @Test func spanCoversFirstToLastChange() {
        var a = ScreenBuffer(width: 10, height: 1)
        a.put("abcdefghij", x: 0, y: 0)
        var b = a
        b.put("X", x: 2, y: 0)
        b.put("Y", x: 6, y: 0)
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 2...6)
    }

    @Test func styleChangeIsAChange() {
        var a = ScreenBuffer(width: 4, height: 1)
        a.put("ab", x: 0, y: 0)
        var b = ScreenBuffer(width: 4, height: 1)
        b.put("ab", x: 0, y: 0, style: Style(bold: true))
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 0...1)
    }

    @Test func spanNeverStartsOnTheRightHalfOfAWideCharacter() {
        // Given a wide character at 2–3, when only its right half's style changes
        var a = ScreenBuffer(width: 6, height: 1)
        a.put("ab中c", x: 0, y: 0)
        var b = a
        var right = b[3, 0]
        right.style = Style(underline: true)
        b[3, 0] = right
        // Then the span starts at the character itself.
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 2...3)
    }

    @Test func narrowOverWideRewritesBothHalves() {
        var a = ScreenBuffer(width: 6, height: 1)
        a.put("中文", x: 0, y: 0)
        var b = a
        b.put("ab", x: 2, y: 0)
        #expect(b.lines == ["中ab"])
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 2...3)
    }

    @Test func differentSizesHaveNoSpan() {
        let a = ScreenBuffer(width: 5, height: 1)
        let b = ScreenBuffer(width: 6, height: 1)
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == nil)
    }

    @Test func brightColoursBecomeBoldOnEightColourTerminals() {
        let style = Style(fg: .brightRed, bg: .brightBlue)
        let eight = PaintPlan.colors(for: style, terminalColors: 8)
        #expect(eight.fg == 1 && eight.bg == 4 && eight.bold)
        let many = PaintPlan.colors(for: style, terminalColors: 256)
        #expect(many.fg == 9 && many.bg == 12 && !many.bold)
        let plain = PaintPlan.colors(for: .plain, terminalColors: 8)
        #expect(plain.fg == -1 && plain.bg == -1 && !plain.bold)
    }

    @Test func controlsNeverReachNcurses() {
        #expect(PaintPlan.characters(of: "a") == [0x61, 0])
        #expect(PaintPlan.characters(of: "\u{1B}") == [0x3F, 0])
        #expect(PaintPlan.characters(of: "\u{7F}") == [0x3F, 0])
        #expect(PaintPlan.characters(of: "\u{9B}") == [0x3F, 0])
        #expect(PaintPlan.characters(of: "") == [0x20, 0])
        #expect(PaintPlan.characters(of: "中") == [0x4E2D, 0])
        #expect(PaintPlan.characters(of: "e\u{301}") == [0x65, 0x301, 0])
    }
}
