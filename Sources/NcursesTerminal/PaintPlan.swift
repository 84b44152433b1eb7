import ConsoleCore

/// The decisions behind painting that need no terminal: which columns of a row to redraw, which
/// colours a style asks for, and what text a cell may hand to ncurses.
enum PaintPlan {
    /// The columns of row `y` to rewrite so the screen shows `next` where it showed `previous`
    /// (both the same size), or `nil` when the row is unchanged.
    ///
    /// The span runs from the first to the last differing cell, widened so that it never starts on
    /// the right half of a wide character: writing it left to right then leaves no stale half of
    /// an old wide character behind.
    static func dirtySpan(previous: ScreenBuffer, next: ScreenBuffer, row y: Int) -> ClosedRange<Int>? {
        guard y >= 0, y < next.height, previous.width == next.width, previous.height == next.height else { return nil }
        var first: Int?
        var last = 0
        for x in 0..<next.width where previous[x, y] != next[x, y] {
            if first == nil { first = x }
            last = x
        }
        guard var start = first else { return nil }
        if start > 0, next[start, y].isContinuation || previous[start, y].isContinuation { start -= 1 }
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

    /// The wide characters ncurses draws for a cell: controls (C0, DEL, C1) become `?`, an empty
    /// text a space. NUL-terminated.
    static func characters(of text: String) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(text.unicodeScalars.count + 1)
        for scalar in text.unicodeScalars {
            let v = scalar.value
            out.append(v < 0x20 || (0x7F...0x9F).contains(v) ? 0x3F : Int32(bitPattern: v))
        }
        if out.isEmpty { out.append(0x20) }
        out.append(0)
        return out
    }
}
