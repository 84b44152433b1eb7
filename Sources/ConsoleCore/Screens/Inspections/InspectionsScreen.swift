import HelpDeskCore

/// The inspections (巡检), a screen of its own beside the desk (`7`, `:inspections`): the latest
/// first, each with its kind, inspector, how many readings it had, went over their thresholds,
/// opened items or were linked to items still open, and targets not in the inventory.
///
/// Takes `j`/`k`, the arrows and the page keys to move, Enter for the inspection's readings, `n`
/// for an inspection entered by hand, and `q`/Esc back to the desk; the main screen's pane, help
/// and command keys pass through.
public enum InspectionsScreen {
    /// How many inspections are read: they are few (a handful a week).
    public static let limit = 500

    public struct State: Equatable, Sendable {
        public var summaries: [InspectionSummary] = []
        /// How many there are in all (more than `summaries` past `limit`).
        public var total = 0
        public var loaded = false
        public var selection = 0

        public init() {}

        public var selected: InspectionSummary? {
            summaries.indices.contains(selection) ? summaries[selection] : nil
        }
    }

    public enum Effect: Equatable, Sendable {
        case open(Int64)
        case run(Command)
        case back
    }

    static let keys = Keymap.inspections

    public static func loaded(_ state: inout State, _ summaries: [InspectionSummary], total: Int) {
        let keep = state.selected?.id
        state.summaries = summaries
        state.total = total
        state.loaded = true
        state.selection = keep.flatMap { id in summaries.firstIndex { $0.id == id } } ?? min(state.selection, max(0, summaries.count - 1))
    }

    public static func move(_ state: inout State, by delta: Int) {
        let last = max(0, state.summaries.count - 1)
        state.selection = min(last, max(0, state.selection + max(-last - 1, min(last + 1, delta))))
    }

    public static func reduce(_ state: inout State, _ key: Key) -> [Effect] {
        if let own = keys.command(for: key) { return [.run(own)] }
        guard let command = Keymap.command(for: key) else { return [] }
        switch command {
        case .open:
            return state.selected.map { [.open($0.id)] } ?? []
        case .quit, .back:
            return [.back]
        case .nextPane, .previousPane, .paneQueue, .paneFaults, .paneKPI, .tasks, .changes, .trainings, .inspections, .up, .down, .pageUp,
             .pageDown, .top, .bottom, .help, .commandLine, .redraw, .search:
            return [.run(command)]
        default:
            return []
        }
    }

    static func title(_ state: State, _ context: ScreenContext) -> String {
        "\(name(context)) (\(state.total))"
    }

    static func name(_ context: ScreenContext) -> String { Catalog.Screens.Inspections.title(context.language) }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let say = Catalog.Screens.Inspections.self
        buf.fill(x: rect.x, y: rect.y, width: rect.width, height: rect.height, style: theme[.base])
        buf.paneHeader(rect, title(state, context), note: say.latestFirst(lang), focused: focused, theme)
        let wide = rect.width >= 100
        var fixed = [Column(title: say.id(lang), width: 5, alignRight: true), Column(title: say.at(lang), width: 16),
                     Column(title: say.kind(lang), width: wide ? 11 : 10)]
        fixed += [Column(title: say.readings(lang), width: 4, alignRight: true), Column(title: say.over(lang), width: 4, alignRight: true),
                  Column(title: say.opened(lang), width: 4, alignRight: true), Column(title: say.linked(lang), width: 4, alignRight: true)]
        if wide { fixed.append(Column(title: say.unknown(lang), width: 8, alignRight: true)) }
        let cols = Column.fit(fixed, flexibleAt: 3, flexTitle: say.inspector(lang), total: rect.width)
        buf.columnHeaders(rect, cols, theme)
        let rows = rect.height - 2
        guard rows > 0 else { return }
        if state.loaded && state.summaries.isEmpty {
            buf.put(context.strings(.noItems), x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        let top = (state.selection / rows) * rows
        for (i, s) in state.summaries.dropFirst(top).prefix(rows).enumerated() {
            let y = rect.y + 2 + i
            let selected = top + i == state.selection
            let over = s.over > 0 ? theme[.overdue] : theme[.base]
            var cells: [(String, Style)] = [
                ("\(s.id)", selected && focused ? theme[.selected] : theme[.base]),
                (BeijingTime.short(s.at), theme[.base]),
                (s.kind.label(lang), theme[.base]),
                (TerminalText.sanitize(s.inspector), theme[.base]),
                ("\(s.readings)", theme[.base]),
                (s.over == 0 ? "" : "\(s.over)", over),
                (s.opened == 0 ? "" : "\(s.opened)", theme[.base]),
                (s.linked == 0 ? "" : "\(s.linked)", theme[.base]),
            ]
            if wide { cells.append((s.unknown == 0 ? "" : "\(s.unknown)", theme[.dim])) }
            buf.drawRow(x: rect.x, y: y, cols, cells, width: rect.width)
            if selected { buf.selectionMarker(x: rect.x, y: y, focused: focused, theme) }
        }
    }

    static func hints(_ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        return Hints(hints: [("Enter", say.Inspections.showReadings(lang))] + keys.filter(\.inFooter).map { Hints.hint($0, lang) }
                     + [("j/k", say.Common.move(lang))],
                     pinned: [("?", say.Common.help(lang)), ("q/Esc", say.Common.back(lang))])
    }
}
