import ConsoleCore

/// The decisions behind painting that need no terminal: which columns of a row to redraw, which
/// colours a style asks for, and what ncurses cells draw a buffer cell.
///
/// ncurses keeps its own picture of the screen and measures every character with `wcwidth`. Two
/// rules keep that picture equal to the buffer, and so to the terminal:
/// - a write never begins on the right half of a wide character: spans start on a lead cell and
///   end after a whole character, comparing the frame before and the frame after;
/// - every cell handed to ncurses is as wide, by `wcwidth`, as the buffer says; where the C
///   library disagrees with `TerminalText.width` (an emoji sequence, a character it does not know)
///   the cell is drawn in a form both agree on.
enum PaintPlan {
    /// What ncurses draws in one cell: a spacing character with the zero-width marks on it, and
    /// the columns `wcwidth` gives it.
    struct Glyph: Equatable {
        var chars: [Int32]
        var columns: Int
    }

    /// The cell at (x, y) as it can be painted: `nil` for the right half of a wide character; a
    /// blank for a right half whose left half is missing; a wide character with no right half
    /// after it (or at the last column) drawn one column wide. `put` and `fill` never leave such
    /// orphans, but the buffer's subscript can.
    static func cell(_ buffer: ScreenBuffer, _ x: Int, _ y: Int) -> Cell? {
        let cell = buffer[x, y]
        if cell.isContinuation {
            if x > 0, buffer[x - 1, y].width == 2 { return nil }
            return Cell(text: " ", width: 1, style: cell.style)
        }
        if cell.width == 2, x + 1 >= buffer.width || !buffer[x + 1, y].isContinuation {
            return Cell(text: cell.text, width: 1, style: cell.style)
        }
        if cell.width > 2 { return Cell(text: cell.text, width: 1, style: cell.style) }
        return cell
    }

    /// Whether (x, y) is the right half of a wide character, as painting sees it.
    static func isRightHalf(_ buffer: ScreenBuffer, _ x: Int, _ y: Int) -> Bool {
        x > 0 && buffer[x, y].isContinuation && buffer[x - 1, y].width == 2
    }

    /// Whether (x, y) holds the left half of a wide character, as painting sees it.
    static func isLeftHalf(_ buffer: ScreenBuffer, _ x: Int, _ y: Int) -> Bool {
        x + 1 < buffer.width && buffer[x, y].width == 2 && buffer[x + 1, y].isContinuation
    }

    /// The columns of row `y` to rewrite so the screen shows `next` where it showed `previous`
    /// (both the same size), or `nil` when the row is unchanged.
    ///
    /// The span runs from the first to the last differing cell, widened so that it neither starts
    /// on the right half nor ends on the left half of a wide character, in either frame: a wide
    /// character the previous frame had across the span's edge is rewritten whole, and nothing
    /// outside the span is touched.
    static func dirtySpan(previous: ScreenBuffer, next: ScreenBuffer, row y: Int) -> ClosedRange<Int>? {
        guard y >= 0, y < next.height, previous.width == next.width, previous.height == next.height else { return nil }
        var first: Int?
        var last = 0
        for x in 0..<next.width where cell(previous, x, y) != cell(next, x, y) || previous[x, y] != next[x, y] {
            if first == nil { first = x }
            last = x
        }
        guard var start = first else { return nil }
        while start > 0, isRightHalf(next, start, y) || isRightHalf(previous, start, y) { start -= 1 }
        while last + 1 < next.width, isLeftHalf(next, last, y) || isLeftHalf(previous, last, y) { last += 1 }
        return start...last
    }

    /// The colours to ask ncurses for: ANSI indices (-1 for the terminal's default) and whether
    /// bold must stand in for a bright foreground the terminal lacks (fewer than 16 colours).
    static func colors(for style: Style, terminalColors: Int) -> (fg: Int, bg: Int, bold: Bool) {
        var fg = style.fg.index
        var bg = style.bg.index
        var bold = style.bold
        if terminalColors < 16 {
            if fg >= 8 {
                fg -= 8
                bold = true
            }
            if bg >= 8 { bg -= 8 }
        }
        return (fg, bg, bold)
    }

    /// The ncurses cells that draw `cell`, together exactly `cell.width` columns by `columnsOf`
    /// (the C library's `wcwidth`, what ncurses measures with).
    ///
    /// - Each spacing character starts a cell; the zero-width marks after it (accents, Tibetan
    ///   vowel signs and subjoined letters) ride on it, at most `maxChars - 1` of them (ncurses'
    ///   CCHARW_MAX); more are left out.
    /// - Controls never reach ncurses (they become `?`); a character the C library cannot print
    ///   becomes `�`.
    /// - An emoji sequence is drawn as its first emoji: ncurses holds one spacing character a cell,
    ///   so a skin-tone modifier or what follows a zero-width joiner is left out. Presentation
    ///   selectors (U+FE0E, U+FE0F) are left out too: terminals disagree on the width they give.
    /// - What is narrower than the buffer says is padded with spaces; what would be wider is left
    ///   out (a character alone that is too wide becomes `�`).
    static func glyphs(of cell: Cell, maxChars: Int, columnsOf: (UInt32) -> Int) -> [Glyph] {
        var glyphs: [Glyph] = []
        var used = 0
        let replacement: UInt32 = columnsOf(0xFFFD) == 1 ? 0xFFFD : 0x3F
        for scalar in cell.text.unicodeScalars {
            var v = scalar.value
            if v < 0x20 || (0x7F...0x9F).contains(v) { v = 0x3F }
            if v == 0xFE0E || v == 0xFE0F { continue }
            if v == 0x200D { break }
            var w = columnsOf(v)
            if w == 0 {
                if let last = glyphs.indices.last, glyphs[last].chars.count < maxChars { glyphs[last].chars.append(Int32(v)) }
                continue
            }
            if w < 0 || (glyphs.isEmpty && w > cell.width) {
                guard glyphs.isEmpty else { continue }
                v = replacement
                w = 1
            }
            if used + w > cell.width { break }
            glyphs.append(Glyph(chars: [Int32(v)], columns: w))
            used += w
        }
        while used < cell.width {
            glyphs.append(Glyph(chars: [0x20], columns: 1))
            used += 1
        }
        return glyphs
    }
}
