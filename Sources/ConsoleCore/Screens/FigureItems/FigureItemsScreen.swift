import HelpDeskCore

/// What one figure counted (Enter on a figure of the service levels): the items, missed first, each
/// with its deadline, when its event happened (or that it has not), whether it met the figure and
/// the cause of a miss — the drill-down of `helpdesk kpi items`.
///
/// Covers the panes; reads one page (`limit` entries) of the store's list. Takes `j`/`k`, the
/// arrows and the page keys to move, Enter to open the selected item's details (deliveries, which
/// K5 counts, are not items), and `q`, Esc or `←` to go back.
public enum FigureItemsScreen {
    /// How many entries are read.
    public static let limit = 200

    public struct State: Equatable, Sendable {
        public var figure: KPI
        public var period: Period
        public var entries: [KPIEntry] = []
        /// How many the figure counted in all (more than `entries` when the page is full).
        public var total = 0
        public var loaded = false
        public var selection = 0

        public init(figure: KPI, period: Period) {
            self.figure = figure
            self.period = period
        }
    }

    public enum Effect: Equatable, Sendable {
        case close
        case open(Int64)
        case bell
    }

    public static func reduce(_ state: inout State, _ key: Key) -> [Effect] {
        let last = max(0, state.entries.count - 1)
        if ListMoves.apply(key, to: &state.selection, last: last) { return [] }
        switch key {
        case .char("q"), .escape, .left, .char("h"): return [.close]
        case .enter, .char("l"), .right:
            guard state.entries.indices.contains(state.selection) else { return [.bell] }
            let entry = state.entries[state.selection]
            return entry.subject == .item ? [.open(entry.id)] : [.bell]
        default: break
        }
        return []
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ state: State, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let say = Catalog.Screens.FigureItems.self
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let count = state.loaded
            ? (state.total > state.entries.count ? say.firstOf(state.entries.count, state.total) : say.inAll(state.total))
            : Catalog.Screens.Common.loading
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1),
                       "\(state.figure.rawValue) \(state.figure.name(lang)) · \(state.period)",
                       note: say.missedFirst(count)(lang), focused: true, theme)
        let wide = body.width >= 100
        var fixed = [Column(title: say.id(lang), width: 8, alignRight: true), Column(title: say.kind(lang), width: 8)]
        var tail = [Column(title: say.deadline(lang), width: 11), Column(title: say.event(lang), width: 11),
                    Column(title: say.met(lang), width: 4)]
        if wide { tail.append(Column(title: say.cause(lang), width: 30)) }
        fixed += tail
        let cols = Column.fit(fixed, flexibleAt: 2, flexTitle: say.title(lang), total: body.width)
        buf.columnHeaders(body, cols, theme)
        let visible = body.height - 2
        let start = max(0, min(state.selection - visible / 2, state.entries.count - visible))
        for (i, entry) in state.entries.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 2 + i
            let style: Style
            let met: String
            switch entry.met {
            case false?: (met, style) = (say.no(lang), theme[.kpiMissed])
            case true?: (met, style) = (say.yes(lang), theme[.base])
            case nil: (met, style) = ("—", theme[.dim])
            }
            let times = DueText.shortPair(deadline: entry.deadline, event: entry.eventAt)
            var cells: [(String, Style)] = [
                ("\(entry.id)", theme[.base]),
                (entry.kind?.label(lang) ?? say.delivery(lang), theme[.base]),
                (TerminalText.sanitize(entry.title), theme[.base]),
                (times.deadline ?? "", theme[.base]),
                (times.event ?? say.notYet(lang), entry.eventAt == nil ? theme[.dim] : theme[.base]),
                (met, style),
            ]
            if wide { cells.append((entry.met == false ? TerminalText.sanitize(entry.cause ?? "") : "", theme[.dim])) }
            buf.drawRow(x: body.x, y: y, cols, cells, width: body.width)
            if start + i == state.selection { buf.selectionMarker(x: body.x, y: y, focused: true, theme) }
        }
        if state.loaded && state.entries.isEmpty {
            buf.put(context.strings(.noItems), x: body.x + 2, y: body.y + 3, style: theme[.dim])
        }
    }

    static func hints(_ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        return Hints(hints: [("Enter", say.FigureItems.details(lang)), ("j/k", say.Common.move(lang))],
                     pinned: [("q", say.Common.back(lang))])
    }
}
