import HelpDeskCore

/// What came of a write on several marked items: one line an item, done or refused with why
/// (the refused ones stay marked). `j`/`k` move, Enter opens the item's details, `q`/Esc closes.
public enum SeveralResultsScreen {
    public struct State: Equatable, Sendable {
        public var results: [SeveralResult]
        /// What was done on each (`认领`), named in the heading.
        public var action: LocalizedText?
        public var selection = 0

        public init(results: [SeveralResult], action: LocalizedText? = nil) { (self.results, self.action) = (results, action) }
    }

    public enum Effect: Equatable, Sendable { case close, open(Int64) }

    static func reduce(_ s: inout State, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .char("q"), .char("h"), .left: return [.close]
        case .enter, .char("l"):
            return s.results.indices.contains(s.selection) ? [.open(s.results[s.selection].id)] : []
        case .char("j"), .down: s.selection = min(max(0, s.results.count - 1), s.selection + 1)
        case .char("k"), .up: s.selection = max(0, s.selection - 1)
        case .char("g"), .home: s.selection = 0
        case .char("G"), .end: s.selection = max(0, s.results.count - 1)
        default: break
        }
        return []
    }

    /// One item's line, in the console's language.
    public static func line(_ result: SeveralResult, _ lang: Language) -> String {
        guard let refusal = result.refusal else { return Catalog.Marks.doneLine(result.id)(lang) }
        return Catalog.Marks.refused(result.id, why: refusal.text(lang))(lang)
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ s: State, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let refused = s.results.filter { $0.refusal != nil }.count
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let title = s.action.map { Catalog.Marks.resultsTitle(of: $0)(lang) } ?? Catalog.Marks.resultsTitle(lang)
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), title,
                       note: Catalog.Marks.summary(done: s.results.count - refused, refused: refused)(lang), focused: true, theme)
        let visible = max(0, body.height - 1)
        let top = visible > 0 ? (s.selection / visible) * visible : 0
        for (i, result) in s.results.enumerated().dropFirst(top).prefix(visible) {
            let y = body.y + 1 + i - top
            let style = result.refusal == nil ? theme[.base] : theme[.overdue]
            // The store's reasons can quote what was typed: never written raw.
            buf.put(TerminalText.sanitize(line(result, lang)), x: body.x + 2, y: y, style: style, maxWidth: body.width - 3)
            if i == s.selection { buf.selectionMarker(x: body.x, y: y, focused: true, theme) }
        }
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [("j/k", Catalog.Screens.Common.move(lang)), ("Enter", Catalog.Marks.openKey(lang))],
              pinned: [("q/Esc", Catalog.Screens.Common.back(lang))])
    }
}
