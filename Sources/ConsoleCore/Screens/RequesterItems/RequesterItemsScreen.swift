import HelpDeskCore

/// A requester's tickets (`P` in a ticket's details): every item linked to the directory entry,
/// newest first, each with its number, kind, status, title and when it was received.
///
/// Covers the panes, entered on the navigation trail. Takes `j`/`k`, the arrows and the page keys
/// to move, Enter to open the selected item's details, and `q`, Esc or `←` to go back.
public enum RequesterItemsScreen {
    public struct State: Equatable, Sendable {
        public var requester: Requester
        public var items: [WorkItem] = []
        public var loaded = false
        public var selection = 0

        public init(requester: Requester) {
            self.requester = requester
        }
    }

    public enum Effect: Equatable, Sendable {
        case close
        case open(Int64)
        case bell
    }

    public static func reduce(_ state: inout State, _ key: Key) -> [Effect] {
        if ListMoves.apply(key, to: &state.selection, last: max(0, state.items.count - 1)) { return [] }
        switch key {
        case .char("q"), .escape, .left, .char("h"): return [.close]
        case .enter, .char("l"), .right:
            guard state.items.indices.contains(state.selection), let id = state.items[state.selection].id else { return [.bell] }
            return [.open(id)]
        default: return []
        }
    }

    /// The items arrived for the requester `id`: kept when they are this screen's.
    static func loaded(_ state: inout State, requester id: Int64, _ items: [WorkItem]) {
        guard state.requester.id == id else { return }
        state.items = items
        state.loaded = true
        state.selection = min(state.selection, max(0, items.count - 1))
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ state: State, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let t = context.strings
        typealias Say = Catalog.Requesters.Console
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1),
                       Say.ticketsOf(Say.entry(state.requester, lang))(lang),
                       note: state.loaded ? Say.count(state.items.count)(lang) : Catalog.Screens.Common.loading(lang), focused: true, theme)
        let cols = Column.fit([Column(title: t(.id), width: 8, alignRight: true), Column(title: t(.kind), width: 10),
                               Column(title: t(.status), width: 10), Column(title: t(.received), width: 16)],
                              flexibleAt: 3, flexTitle: t(.title), total: body.width)
        buf.columnHeaders(body, cols, theme)
        let visible = body.height - 2
        let start = max(0, min(state.selection - visible / 2, state.items.count - visible))
        for (i, item) in state.items.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 2 + i
            let cells: [(String, Style)] = [
                ("\(item.id ?? 0)", theme[.base]),
                (item.kind.label(lang), theme[.base]),
                (item.status.label(lang, kind: item.kind), theme[.base]),
                (TerminalText.sanitize(item.title), theme[.base]),
                (BeijingTime.short(item.receivedAt), theme[.dim]),
            ]
            buf.drawRow(x: body.x, y: y, cols, cells, width: body.width)
            if start + i == state.selection { buf.selectionMarker(x: body.x, y: y, focused: true, theme) }
        }
        if state.loaded && state.items.isEmpty {
            buf.put(t(.noItems), x: body.x + 2, y: body.y + 3, style: theme[.dim])
        }
    }

    static func hints(_ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        return Hints(hints: [("Enter", say.FigureItems.details(lang)), ("j/k", say.Common.move(lang))],
                     pinned: [("q", say.Common.back(lang))])
    }
}
