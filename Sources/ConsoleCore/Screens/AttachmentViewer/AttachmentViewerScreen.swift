import HelpDeskCore

/// A text attachment shown in the console's own viewer (`V` in an item's details): its text
/// decoded by the run loop (UTF-8, else GB18030), every line sanitized like all text, wrapped by
/// display width (a Chinese character takes two columns), scrolled with `j`/`k`, the arrows and
/// the page keys; `q` or Esc goes back to the details. No file is ever handed to a pager.
public enum AttachmentViewerScreen {
    public struct State: Equatable, Sendable {
        public var id: Int64
        public var name: String
        /// The decoded text; `nil` until it is read.
        public var text: String?
        public var scroll = 0

        public init(id: Int64, name: String, text: String? = nil) {
            (self.id, self.name, self.text) = (id, name, text)
        }
    }

    public enum Effect: Equatable, Sendable { case close }

    static func reduce(_ s: inout State, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .char("q"), .char("h"), .left, .backspace: return [.close]
        case .char("j"), .down: s.scroll += 1
        case .char("k"), .up: s.scroll = max(0, s.scroll - 1)
        case .pageDown, .ctrl("f"), .char(" "): s.scroll += 10
        case .pageUp, .ctrl("b"): s.scroll = max(0, s.scroll - 10)
        case .char("g"), .home: s.scroll = 0
        case .char("G"), .end: s.scroll = Int.max / 2
        default: break
        }
        return []
    }

    /// The text as screen lines `columns` wide: control characters and escape sequences made
    /// harmless, a tab as spaces, each line wrapped by display width.
    public static func lines(_ text: String, columns: Int) -> [String] {
        let clean = TerminalText.sanitize(text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "    "),
                                          keepNewlines: true)
        return clean.components(separatedBy: "\n").flatMap { line in
            line.isEmpty ? [""] : TerminalText.wrap(line, to: max(1, columns))
        }
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ s: State, _ context: ScreenContext, _ theme: Theme) {
        let say = Catalog.Attachments.self, lang = context.language
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), say.viewerTitle(s.id, s.name)(lang),
                       note: say.typeName(.text)(lang), focused: true, theme)
        guard let text = s.text else {
            buf.put(say.loading(lang), x: body.x + 2, y: body.y + 1, style: theme[.dim])
            return
        }
        let all = lines(text, columns: body.width - 2)
        let visible = max(0, body.height - 1)
        let start = min(s.scroll, max(0, all.count - visible))
        for (i, line) in all.dropFirst(start).prefix(visible).enumerated() {
            buf.put(line, x: body.x + 1, y: body.y + 1 + i, style: theme[.base], maxWidth: body.width - 2)
        }
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [("j/k", Catalog.Screens.Common.scroll(lang))], pinned: [("q/Esc", Catalog.Screens.Common.back(lang))])
    }
}
