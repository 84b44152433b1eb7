/// Text made safe for a terminal, and measured the way a terminal lays it out.
///
/// Stored text comes from people and other programs. Before it reaches a screen every control
/// character, escape sequence and bidirectional control is replaced by a visible placeholder, so
/// nothing typed into a ticket can move the cursor, recolour the screen or reorder a line.
public enum TerminalText {
    /// Replaces C0/C1 controls, DEL, line and paragraph separators, and bidi/invisible format
    /// characters by visible placeholders: ESC → `␛`, other C0 → the matching Control Pictures glyph
    /// (␀…␟), DEL → `␡`, the rest → `�`. Newlines and tabs become `␊`/`␉` unless `keepNewlines` is
    /// set (then a tab is one space). A zero-width joiner inside an emoji sequence (`👨‍👩‍👧`) is
    /// kept: it makes the sequence one character.
    ///
    /// Sanitize before measuring: `width` measures what is drawn.
    public static func sanitize(_ text: String, keepNewlines: Bool = false) -> String {
        var out = String.UnicodeScalarView()
        var afterEmoji = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            defer { afterEmoji = scalar.properties.isEmoji && v > 0x7F || v == 0xFE0F }
            switch v {
            case 0x200D where afterEmoji:
                out.append(scalar)
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
            case 0x80...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
                out.append("\u{FFFD}")
            default:
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// A whole document for standard output or error, as `sanitize` with its lines kept: line
    /// feeds and CRLF line ends (a CSV file's) stay, a tab becomes a space, a lone carriage return
    /// is dropped, and every other control, escape or bidi control becomes its placeholder.
    ///
    /// The one function the command line's output passes through, whatever built the text.
    public static func document(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: { $0 != "\n" && needsReplacing($0) }) else { return text }
        // A byte-order mark that opens the document (a CSV file's, for Excel) is kept.
        if text.unicodeScalars.first == "\u{FEFF}" { return "\u{FEFF}" + document(String(text.unicodeScalars.dropFirst())) }
        return text.components(separatedBy: "\r\n").map { sanitize($0, keepNewlines: true) }.joined(separator: "\r\n")
    }

    /// JSON text with every character a terminal would act on written as a `\uXXXX` escape: what
    /// a JSON encoder leaves raw (DEL, C1 controls, line and paragraph separators, bidi and other
    /// invisible format characters). The values it decodes to are unchanged.
    public static func jsonSafe(_ json: String) -> String {
        guard json.unicodeScalars.contains(where: needsReplacing) else { return json }
        var out = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if needsReplacing(scalar) && scalar.value > 0x1F {
                for u in String(scalar).utf16 { out.append(contentsOf: String(format: "\\u%04X", u).unicodeScalars) }
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// Whether `sanitize` replaces the scalar (ignoring newlines and tabs it may keep).
    static func needsReplacing(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x200B...0x200F, 0x2028...0x202E, 0x2060...0x2064, 0x2066...0x206F, 0xFEFF, 0xFFF9...0xFFFB:
            return true
        default:
            return false
        }
    }

    /// Display columns of one grapheme cluster (a Swift `Character`): what a terminal gives it.
    ///
    /// This is the one width function: the screen buffer, `fit` and `truncate`, the command-line
    /// tables and the text-field cursor all measure with it. It agrees with `wcwidth` of glibc's
    /// C.UTF-8 locale (what ncurses assumes) summed over the cluster's scalars:
    ///
    /// - 0 for combining marks and other non-spacing or enclosing marks (Mn, Me: accents, Tibetan
    ///   vowel signs and subjoined letters U+0F71–U+0FBC), format characters (Cf), and Hangul
    ///   medial vowels and final consonants;
    /// - 2 for East Asian wide and fullwidth characters (CJK, kana, Hangul syllables, fullwidth
    ///   forms) and emoji with emoji presentation;
    /// - 1 for everything else, East Asian *ambiguous* characters (`…`, `—`, `●`) included.
    ///
    /// Documented exceptions to that sum:
    /// - an emoji sequence — an emoji followed by an emoji modifier (skin tone), by U+FE0F (VS16)
    ///   or joined to others by U+200D (ZWJ) — is one cluster of width 2, as terminals that draw
    ///   such sequences show it;
    /// - scalars glibc does not know (`wcwidth` -1: controls, unassigned or newer code points)
    ///   count as they would be drawn: controls as their one-column placeholder (see
    ///   `sanitize`), a newer character by its general category and emoji presentation; so does
    ///   U+1171E, a mark that became spacing after glibc 2.36's Unicode 14.
    ///
    /// The terminal backend hands ncurses only cells it measures the same (see its paint plan), so
    /// where a host's C library disagrees the layout still holds.
    ///
    /// ```swift
    /// TerminalText.width("西")                 // 2
    /// TerminalText.width("ཀྲ" as Character)    // 1: KA with subjoined RA
    /// TerminalText.width("e\u{301}")           // 1
    /// TerminalText.width("👍🏽" as Character)   // 2
    /// ```
    public static func width(_ cluster: Character) -> Int {
        let scalars = cluster.unicodeScalars
        var rest = scalars.makeIterator()
        guard let first = rest.next() else { return 0 }
        guard rest.next() != nil else { return scalarWidth(first) }
        if first.properties.isEmoji,
           scalars.contains(where: { $0 == "\u{FE0F}" || $0 == "\u{200D}" || $0.properties.isEmojiModifier }) {
            return 2
        }
        var total = 0
        for scalar in scalars { total += scalarWidth(scalar) }
        return total
    }

    /// Display columns of a string (already sanitized): the sum of its clusters' widths.
    public static func width(_ text: String) -> Int {
        var total = 0
        for cluster in text { total += width(cluster) }
        return total
    }

    /// The longest prefix that fits in `columns`, never splitting a cluster or a wide character;
    /// adds `…` when cut and `ellipsis` is set.
    public static func truncate(_ text: String, to columns: Int, ellipsis: Bool = true) -> String {
        guard columns > 0 else { return "" }
        if width(text) <= columns { return text }
        let budget = ellipsis ? columns - 1 : columns
        var used = 0
        var out = ""
        for cluster in text {
            let w = width(cluster)
            if used + w > budget { break }
            used += w
            out.append(cluster)
        }
        return out + (ellipsis ? "…" : "")
    }

    /// Lines of at most `columns` each, never splitting a cluster or a wide character: Chinese
    /// breaks anywhere, a run of Latin letters or digits at the space before it when it can.
    public static func wrap(_ text: String, to columns: Int) -> [String] {
        guard columns > 0 else { return [text] }
        var lines: [String] = []
        var line = "", used = 0
        for cluster in text {
            let w = width(cluster)
            if used + w > columns, !line.isEmpty {
                // Carry a word that began on this line over to the next, if the line has a space.
                if cluster != " ", let last = line.last, last != " ", last.isASCII,
                   let space = line.lastIndex(of: " "), line.index(after: space) < line.endIndex,
                   line[line.index(after: space)...].allSatisfy({ $0.isASCII && $0 != " " }) {
                    let word = String(line[line.index(after: space)...])
                    lines.append(String(line[..<space]))
                    line = word
                    used = width(word)
                } else {
                    lines.append(line)
                    line = ""
                    used = 0
                }
                if cluster == " " && line.isEmpty { continue }
            }
            line.append(cluster)
            used += w
        }
        lines.append(line)
        return lines
    }

    /// Pads with spaces (or cuts) to exactly `columns`.
    public static func fit(_ text: String, _ columns: Int, alignRight: Bool = false) -> String {
        let cut = truncate(text, to: columns)
        let gap = String(repeating: " ", count: max(0, columns - width(cut)))
        return alignRight ? gap + cut : cut + gap
    }

    /// One scalar's columns, as glibc's `wcwidth` under C.UTF-8 where it knows the scalar.
    static func scalarWidth(_ scalar: Unicode.Scalar) -> Int {
        let v = scalar.value
        if v < 0x7F { return 1 }                      // ASCII; controls show as one-column placeholders
        if v < 0xA0 { return 1 }                      // DEL and C1 controls: placeholders too
        if v == 0xAD { return 1 }                     // soft hyphen: glibc draws it
        if isZeroWidth(scalar) { return 0 }
        return isWide(scalar) ? 2 : 1
    }

    /// Non-spacing and enclosing marks, format characters (less the prepended concatenation marks,
    /// which glibc draws), and the Hangul jamo that join a syllable's leading consonant.
    static func isZeroWidth(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if (0x1160...0x11FF).contains(v) || (0xD7B0...0xD7FF).contains(v) { return true }
        switch scalar.properties.generalCategory {
        case .nonspacingMark, .enclosingMark:
            return true
        case .format:
            return !prependedConcatenationMarks.contains(v)
        default:
            return false
        }
    }

    /// Arabic, Syriac and Kaithi number signs: format characters that are drawn, one column wide.
    static let prependedConcatenationMarks: Set<UInt32> = [
        0x0600, 0x0601, 0x0602, 0x0603, 0x0604, 0x0605, 0x06DD, 0x070F, 0x0890, 0x0891, 0x08E2, 0x110BD, 0x110CD,
    ]

    /// East Asian wide and fullwidth: glibc's two-column ranges (Unicode 14), gaps of unassigned
    /// code points inside a wide block included, and emoji presentation for newer emoji.
    static func isWide(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x1100 { return false }
        var low = 0, high = wideRanges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let r = wideRanges[mid]
            if v < r.lowerBound {
                high = mid - 1
            } else if v > r.upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        // Regional indicators have emoji presentation but are one column each, as glibc has them.
        return scalar.properties.isEmojiPresentation && !(0x1F1E6...0x1F1FF).contains(v)
    }

    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0, 0x23F3...0x23F3,
        0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F, 0x2693...0x2693, 0x26A1...0x26A1,
        0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5, 0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA,
        0x26F2...0x26F3, 0x26F5...0x26F5, 0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B,
        0x2728...0x2728, 0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55, 0x2E80...0x3029,
        0x302E...0x303E, 0x3041...0x3096, 0x309B...0xA4C6, 0xA960...0xA97C, 0xAC00...0xD7A3, 0xF900...0xFAD9,
        0xFE10...0xFE19, 0xFE30...0xFE6B, 0xFF01...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE3, 0x16FF0...0x1B2FB,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
        0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7F0, 0x1F90C...0x1F93A,
        0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAF6, 0x20000...0x3FFFD,
    ]
}
