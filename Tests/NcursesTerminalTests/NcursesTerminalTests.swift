import ConsoleCore
import Testing
@testable import NcursesTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

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

    @Test func aSpanEndingOnAWideCharacterTakesItWhole() {
        // Given 中 at 1–2, when it becomes 文: only the left halves differ
        var a = ScreenBuffer(width: 5, height: 1)
        a.put("a中b", x: 0, y: 0)
        var b = a
        b.put("文", x: 1, y: 0)
        // Then the span still covers the right half.
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 1...2)
    }

    @Test func aWideCharacterOfThePreviousFrameAcrossTheSpanIsRewritten() {
        // Given 中 at 2–3 before, when a wide character now starts at 3
        var a = ScreenBuffer(width: 8, height: 1)
        a.put("ab中cd", x: 0, y: 0)
        var b = a
        b.put("x文", x: 2, y: 0)
        #expect(b.lines == ["abx文d"])
        // Then the span starts where the old one did and ends after the new one.
        #expect(PaintPlan.dirtySpan(previous: a, next: b, row: 0) == 2...4)
    }

    @Test func orphanedHalvesArePaintedAsOneColumn() {
        // The subscript can break what put and fill keep: a left half without its right half, and a
        // right half without its left half. Painting never hands ncurses either.
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("中文", x: 0, y: 0)
        b[1, 0] = Cell(text: "x")
        b[2, 0] = Cell(text: "", width: 0)
        #expect(PaintPlan.cell(b, 0, 0)?.width == 1)
        #expect(PaintPlan.cell(b, 1, 0) == Cell(text: "x"))
        #expect(PaintPlan.cell(b, 2, 0) == Cell(text: " "))
        #expect(PaintPlan.cell(b, 3, 0) == Cell(text: " "))   // 文 lost its left half too
        #expect(PaintPlan.cell(intactRow(), 1, 0) == nil)   // a right half is drawn with its left half
        let blank = ScreenBuffer(width: 6, height: 1)
        #expect(PaintPlan.dirtySpan(previous: blank, next: b, row: 0) == 0...3)
    }

    func intactRow() -> ScreenBuffer {
        var b = ScreenBuffer(width: 6, height: 1)
        b.put("中文", x: 0, y: 0)
        return b
    }
}

/// What ncurses is handed for each cell: as wide as the buffer says, by the C library's own
/// `wcwidth` (what ncurses measures with), under C.UTF-8 as the console sets it up.
@Suite struct GlyphTests {
    init() {
        _ = setlocale(LC_CTYPE, "C.UTF-8")
    }

    func glyphs(_ text: String, _ width: Int, maxChars: Int = 5) -> [[Int32]] {
        PaintPlan.glyphs(of: Cell(text: text, width: width), maxChars: maxChars, columnsOf: NcursesTerminal.columns).map(\.chars)
    }

    func scalars(_ text: String) -> [Int32] { text.unicodeScalars.map { Int32(bitPattern: $0.value) } }

    @Test func controlsNeverReachNcurses() {
        #expect(glyphs("a", 1) == [scalars("a")])
        #expect(glyphs("\u{1B}", 1) == [[0x3F]])
        #expect(glyphs("\u{7F}", 1) == [[0x3F]])
        #expect(glyphs("\u{9B}", 1) == [[0x3F]])
        #expect(glyphs("", 1) == [[0x20]])
    }

    @Test func aClusterIsOneCellWithItsMarks() {
        #expect(glyphs("中", 2) == [scalars("中")])
        #expect(glyphs("e\u{301}", 1) == [scalars("e\u{301}")])
        #expect(glyphs("ཀྲ", 1) == [scalars("ཀྲ")])          // KA with subjoined RA
        #expect(glyphs("ཧཱུྃ", 1) == [scalars("ཧཱུྃ")])         // HA, AA, U, anusvara: four in one cell
    }

    @Test func marksBeyondWhatACellHoldsAreLeftOut() {
        let many = "a\u{300}\u{301}\u{302}\u{303}\u{304}\u{305}"
        #expect(glyphs(many, 1) == [scalars("a\u{300}\u{301}\u{302}\u{303}")])
        #expect(glyphs(many, 1, maxChars: 2) == [scalars("a\u{300}")])
    }

    @Test func aSpacingMarkGetsACellOfItsOwn() {
        // Tibetan rnam bcad (U+0F7F) joins its cluster but takes a column: two ncurses cells.
        #expect(glyphs("ཀཿ", 2) == [scalars("ཀ"), scalars("ཿ")])
    }

    @Test func anEmojiSequenceIsDrawnAsItsFirstEmoji() {
        #expect(glyphs("👍🏽", 2) == [scalars("👍")])
        #expect(glyphs("👨\u{200D}👩\u{200D}👧", 2) == [scalars("👨")])
        #expect(glyphs("❤\u{FE0F}", 2) == [scalars("❤"), [0x20]])   // text presentation and a space
        #expect(glyphs("1\u{FE0F}\u{20E3}", 2) == [scalars("1\u{20E3}"), [0x20]])
    }

    @Test func whatTheLibraryCannotPrintOrFitBecomesAReplacement() {
        #expect(glyphs("\u{378}", 1) == [[0xFFFD]])   // unassigned
        #expect(glyphs("中", 1) == [[0xFFFD]])          // a wide character in a narrow cell
    }

    @Test func everyCellIsAsWideForNcursesAsForTheBuffer() {
        var b = ScreenBuffer(width: 80, height: 1)
        b.put("བཀྲ་ཤིས་བདེ་ལེགས 扎西德勒 👍🏽👨‍👩‍👧❤️ 1️⃣ Cafe\u{301} ཀཿ 🇨🇳 ㄱ\u{1161}", x: 0, y: 0)
        var x = 0
        while x < b.width {
            let cell = b[x, 0]
            let drawn = PaintPlan.glyphs(of: cell, maxChars: 5, columnsOf: NcursesTerminal.columns)
            #expect(drawn.reduce(0) { $0 + $1.columns } == cell.width, "\(cell.text)")
            for glyph in drawn {
                #expect(NcursesTerminal.columns(UInt32(glyph.chars[0])) == glyph.columns, "\(cell.text)")
                #expect(glyph.chars.dropFirst().allSatisfy { NcursesTerminal.columns(UInt32($0)) == 0 }, "\(cell.text)")
            }
            x += max(1, cell.width)
        }
    }
}

/// What terminfo says a type can do decides whether the console starts and how it leaves.
@Suite struct TerminalAbilityTests {
    @Test func aTypeWithoutCursorAddressingCannotDraw() {
        let dumb = NcursesTerminal.abilities(of: "dumb")
        #expect(dumb.known && !dumb.addressable && dumb.cannotDraw)
    }

    @Test func typesWithAndWithoutAnAlternateScreen() {
        let vt100 = NcursesTerminal.abilities(of: "vt100")
        #expect(vt100.addressable && !vt100.alternateScreen && vt100.clears && !vt100.cannotDraw)
        let xterm = NcursesTerminal.abilities(of: "xterm")
        #expect(xterm.addressable && xterm.alternateScreen)
    }

    @Test func anUnknownTypeIsLeftToTheFallbacks() {
        let unknown = NcursesTerminal.abilities(of: "no-such-terminal")
        #expect(!unknown.known && !unknown.cannotDraw)
    }

    @Test func paddingIsDroppedFromWhatTheCrashHandlerWrites() {
        #expect(NcursesTerminal.withoutPadding("\u{1B}[H\u{1B}[J$<50>") == "\u{1B}[H\u{1B}[J")
        #expect(NcursesTerminal.withoutPadding("a$<5*/>b$<2>") == "ab")
        #expect(NcursesTerminal.withoutPadding("plain $< unclosed") == "plain $< unclosed")
    }
}
