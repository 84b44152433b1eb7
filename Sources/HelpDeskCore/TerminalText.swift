/// Text made safe for a terminal, and measured the way a terminal lays it out.
///
/// Stored text comes from people and other programs. Before it reaches a screen every control
/// character, escape sequence and bidirectional control is replaced by a visible placeholder, so
/// nothing typed into a ticket can move the cursor, recolour the screen or reorder a line.
public enum TerminalText {
    /// Replaces C0/C1 controls, DEL, and bidi/invisible format characters by visible placeholders:
    /// ESC → `␛`, other C0 → the matching Control Pictures glyph (␀…␟), DEL → `␡`, the rest → `�`.
    /// Newlines and tabs become `␊`/`␉` unless `keepNewlines` is set (then a tab is one space).
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            switch v {
            case 0x0A where keepNewlines:
                out.append(scalar)
            case 0x09 where keepNewlines:
                out.append(" ")
            case 0x0D where keepNewlines:
                continue
            case 0x00...0x1F:
                out.append(Unicode.Scalar(0x2400 + v)!)
            case 0x7F:
                out.append("\u{2421}")
            case 0x80...0x9F, 0x200B...0x200F, 0x202A...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Display columns of one scalar: 0 for combining marks, 2 for East Asian wide and fullwidth
    /// characters, 1 otherwise. East Asian *ambiguous* characters count as one, as glibc does.
    public static func width(of scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 1 }  // placeholders are drawn for these
        if v < 0x300 { return 1 }
        if isZeroWidth(v) { return 0 }
        return isWide(v) ? 2 : 1
    }

    /// Display columns of a string (already sanitized).
    public static func width(_ text: String) -> Int {
        var total = 0
        for s in text.unicodeScalars { total += width(of: s) }
        return total
    }

    /// The longest prefix that fits in `columns`, never splitting a wide character; adds `…` when cut
    /// and `ellipsis` is set.
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        var used = 0
        var out = String.UnicodeScalarView()
        for s in text.unicodeScalars {
            let w = width(of: s)
            if used + w > budget { break }
            used += w
            out.append(s)
        }
        return String(out) + (ellipsis ? "…" : "")
    }

    /// Pads with spaces (or cuts) to exactly `columns`.
    public static func fit(_ text: String, _ columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - width(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    static func isZeroWidth(_ v: UInt32) -> Bool {
        switch v {
        case 0x0300...0x036F, 0x0483...0x0489, 0x0591...0x05BD, 0x0610...0x061A, 0x064B...0x065F,
             0x0E31, 0x0E34...0x0E3A, 0x0E47...0x0E4E, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF,
             0x200B...0x200F, 0x20D0...0x20FF, 0x2060...0x2064, 0xFE00...0xFE0F, 0xFE20...0xFE2F,
             0xFEFF, 0xE0100...0xE01EF:
            return true
        default:
            return false
        }
    }

    static func isWide(_ v: UInt32) -> Bool {
        switch v {
        case 0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0, 0x23F3,
             0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F, 0x2693, 0x26A1, 0x26AA...0x26AB,
             0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE, 0x26D4, 0x26EA, 0x26F2...0x26F3, 0x26F5, 0x26FA,
             0x26FD, 0x2705, 0x270A...0x270B, 0x2728, 0x274C, 0x274E, 0x2753...0x2755, 0x2757,
             0x2795...0x2797, 0x27B0, 0x27BF, 0x2B1B...0x2B1C, 0x2B50, 0x2B55,
             0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
             0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
             0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1B000...0x1B2FF,
             0x1F004, 0x1F0CF, 0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F251, 0x1F300...0x1F64F,
             0x1F680...0x1F6FF, 0x1F7E0...0x1F7EB, 0x1F90C...0x1F9FF, 0x1FA70...0x1FAFF,
             0x20000...0x2FFFD, 0x30000...0x3FFFD:
            return true
        default:
            return false
        }
    }
}
