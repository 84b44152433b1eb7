import HelpDeskCore

/// A one-line text being edited, with a cursor counted in characters (grapheme clusters: a Tibetan
/// stack or an accented letter is one character, however many keys typed it).
public struct TextField: Equatable, Sendable {
    public var text: String
    public var cursor: Int

    public init(_ text: String = "") {
        self.text = text
        cursor = text.count
    }

    /// Applies an editing key; returns `false` when the key is not an editing key.
    public mutating func handle(_ key: Key) -> Bool {
        switch key {
        case .char(let c):
            let i = text.index(text.startIndex, offsetBy: cursor)
            let before = text.count
            text.insert(c, at: i)
            // A combining mark or subjoined letter joins the character before the cursor: the count
            // of characters before the cursor stays as it was.
            cursor += text.count - before
        case .backspace:
            guard cursor > 0 else { return true }
            let i = text.index(text.startIndex, offsetBy: cursor - 1)
            text.remove(at: i)
            cursor -= 1
        case .delete:
            guard cursor < text.count else { return true }
            text.remove(at: text.index(text.startIndex, offsetBy: cursor))
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home, .ctrl("a"): cursor = 0
        case .end: cursor = text.count
        case .ctrl("u"):
            text = ""
            cursor = 0
        default:
            return false
        }
        return true
    }

    /// The visible part for a field `columns` wide, scrolled so the cursor shows, and the cursor's
    /// column within it.
    ///
    /// Widths are display columns (`TerminalText.width` of each character), so the cursor stands
    /// after a Chinese character's two columns and a Tibetan stack's one.
    public func visible(columns: Int) -> (text: String, cursorColumn: Int) {
        // Sanitizing replaces scalars one for one, except that a control that followed a base
        // character becomes a placeholder of its own: measure by the sanitized characters, and
        // map the cursor through the original ones.
        let original = Array(text)
        let cursor = min(max(0, self.cursor), original.count)
        let before = Array(TerminalText.sanitize(String(original[..<cursor])))
        let chars = before + Array(TerminalText.sanitize(String(original[cursor...])))
        let widths = chars.map(TerminalText.width)
        let cursorIndex = before.count
        var start = 0
        var beforeCursor = widths[..<cursorIndex].reduce(0, +)
        while start < cursorIndex, beforeCursor >= columns {
            beforeCursor -= widths[start]
            start += 1
        }
        var out = ""
        var used = 0
        for i in chars.indices.dropFirst(start) {
            if used + widths[i] > columns { break }
            out.append(chars[i])
            used += widths[i]
        }
        return (out, beforeCursor)
    }
}
