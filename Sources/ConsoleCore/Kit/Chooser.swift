import HelpDeskCore

/// A short list to choose one thing from, drawn as a small dialog over the screen it was opened
/// on (in the form's colours): `j`/`k`, the arrows and Home/End move (`ListMoves`), Enter or the
/// row's number (1–9) chooses, Esc (or `q`) drops it. It holds the things themselves; their lines
/// are made when drawn, in the language of the moment.
public struct Chooser<Item: Equatable & Sendable>: Equatable, Sendable {
    public var items: [Item]
    public var cursor = 0

    public init(_ items: [Item], cursor: Int = 0) {
        self.items = items
        self.cursor = max(0, min(cursor, items.count - 1))
    }

    public enum Outcome: Equatable, Sendable {
        case chosen(Item)
        case cancelled
    }

    /// What `key` does: `nil` while the chooser stays open (a move, or a key it does not take).
    public mutating func handle(_ key: Key) -> Outcome? {
        if ListMoves.apply(key, to: &cursor, last: max(0, items.count - 1)) { return nil }
        switch key {
        case .enter, .char("l"):
            return items.indices.contains(cursor) ? .chosen(items[cursor]) : .cancelled
        case .escape, .char("q"), .char("h"), .left, .backspace:
            return .cancelled
        case .char(let c):
            guard let n = Int(String(c)), (1...9).contains(n), items.indices.contains(n - 1) else { return nil }
            cursor = n - 1
            return .chosen(items[n - 1])
        default:
            return nil
        }
    }

    /// The dialog in the middle of `body`: the title, then a numbered line a thing (sanitized),
    /// the chosen one marked and highlighted.
    public func draw(_ buf: inout ScreenBuffer, _ body: Rect, title: String, lines: [String], _ theme: Theme) {
        let numbered = lines.enumerated().map { n, line in "\(n == cursor ? "▶" : " ") \(n < 9 ? "\(n + 1)" : " ") \(TerminalText.sanitize(line))" }
        let widest = ([TerminalText.width(title) + 2] + numbered.map { TerminalText.width($0) + 2 }).max() ?? 20
        let width = min(body.width - 2, max(30, widest + 2))
        let height = min(body.height - 1, lines.count + 3)
        let x = body.x + (body.width - width) / 2
        let y = body.y + max(1, (body.height - height) / 2)
        buf.dialogArea(x: x, y: y, width: width, height: height, theme)
        buf.put(" \(title) ", x: x, y: y, columns: width, style: theme[.paneTitleFocused])
        for (n, line) in numbered.enumerated() {
            let ly = y + 2 + n
            guard ly < y + height else { break }
            let style = n == cursor ? theme[.selected] : theme[.dialog]
            if n == cursor { buf.fill(x: x + 1, y: ly, width: width - 2, height: 1, style: style) }
            buf.put(line, x: x + 1, y: ly, style: style, maxWidth: width - 2)
        }
    }

    /// The footer while a chooser is open.
    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [("j/k", Catalog.Finish.chooserMove(lang)), ("Enter", Catalog.Finish.chooserTake(lang))],
              pinned: [("Esc", Catalog.Finish.chooserCancel(lang))])
    }
}
