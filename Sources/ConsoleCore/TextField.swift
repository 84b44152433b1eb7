import HelpDeskCore

/// A one-line text being edited, with a cursor counted in characters.
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
            text.insert(c, at: i)
            cursor += 1
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
    public func visible(columns: Int) -> (text: String, cursorColumn: Int) {
        let chars = Array(TerminalText.sanitize(text))
        var start = 0
        func width(_ range: Range<Int>) -> Int { range.reduce(0) { $0 + TerminalText.width(String(chars[$1])) } }
        while start < cursor, width(start..<cursor) >= columns { start += 1 }
        var out = ""
        var used = 0
        for ch in chars[start...] {
            let w = TerminalText.width(String(ch))
            if used + w > columns { break }
            out.append(ch)
            used += w
        }
        return (out, width(start..<min(cursor, chars.count)))
    }
}
