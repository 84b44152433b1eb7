import HelpDeskCore

/// What the tasks screen and the changes screen share: a list of one kind of item, most urgent
/// first, read a window at a time, with its filters and keys.
///
/// Follows the CASE queue: the store's order and tallies, only the rows around the selection read,
/// `…` for rows not read yet. Takes the moves and the page keys (through the root, which knows the
/// page's height), `S` (active → closed → all), `m` mine, `o` overdue, `c` clear, `/` search, Enter
/// or `l` for the details, the pane keys, `?` and `:`; `q` and Esc go back to the desk. Its own keys
/// (`Keymap.tasks`, `Keymap.changes`) are handed to the root, which opens their forms on the selection.
public enum ServiceListScreen {
    public struct State: Equatable, Sendable {
        /// `.task` or `.change`.
        public let kind: ServiceKind
        public var window = ItemWindow(filter: ServiceFilter())
        /// What the rows loaded show beyond their items: a task's error mark, a change's stage.
        public var facts: [Int64: ServiceFacts] = [:]

        public init(kind: ServiceKind) {
            self.kind = kind
        }

        public var filter: ServiceFilter { window.filter }

        /// The item under the cursor, if loaded.
        public var selected: WorkItem? { window.selected }

        /// The window around row `index`.
        public func load(around index: Int) -> Effect {
            .load(window.filter, offset: ItemWindow<ServiceFilter>.offset(around: index), limit: Paging.window)
        }

        /// The window shown now, read again.
        public var reload: Effect { .load(window.filter, offset: window.offset, limit: Paging.window) }
    }

    public enum Action: Equatable, Sendable {
        case key(Key)
        /// A change of filters (from a key, `:` or `/`): the selection goes back to the top.
        case filter(QueueFilter.Change)
        case loaded(ServicePage)
        /// Moves of the selection: by rows (clamped to the list), or to a row (where a new item stands).
        case move(by: Int), select(Int)
    }

    /// What a list asks of the root.
    public enum Effect: Equatable, Sendable {
        case load(ServiceFilter, offset: Int, limit: Int)
        /// The details of an item.
        case open(Int64)
        /// A command the root carries out: a form on the selection, a move, another pane, help.
        case run(Command)
        /// Back to the desk.
        case back
        /// A filter these lists do not have (kind, region).
        case notHere
    }

    /// Applies an action; `keys` are the screen's own bindings, looked up before the main ones.
    public static func reduce(_ state: inout State, _ action: Action, keys: [Binding]) -> [Effect] {
        switch action {
        case .loaded(let page):
            guard page.kind == state.kind,
                  state.window.take(page.items, offset: page.offset, total: page.total, for: page.filter) else { return [] }
            state.facts = page.facts
            return []
        case .move(let delta):
            guard let offset = state.window.move(by: delta) else { return [] }
            return [.load(state.window.filter, offset: offset, limit: Paging.window)]
        case .select(let index):
            state.window.selection = index
            return [state.load(around: index)]
        case .filter(let change):
            var filter = state.window.filter
            guard filter.apply(change, kind: state.kind) else { return [.notHere] }
            state.window.refilter { $0 = filter }
            return [state.load(around: 0)]
        case .key(let key):
            if let own = keys.command(for: key) { return [.run(own)] }
            guard let command = Keymap.command(for: key) else { return [] }
            if let change = filterChange(command, kind: state.kind) { return reduce(&state, .filter(change), keys: keys) }
            switch command {
            case .open: return state.selected?.id.map { [.open($0)] } ?? []
            case .quit, .back: return [.back]
            case .nextPane, .previousPane, .paneQueue, .paneFaults, .paneKPI, .tasks, .changes, .trainings, .inspections, .up, .down, .pageUp, .pageDown,
                 .top, .bottom, .search, .help, .commandLine, .redraw:
                return [.run(command)]
            default:
                return []
            }
        }
    }

    /// The change of filters a main-screen filter key stands for here.
    static func filterChange(_ command: Command, kind: ServiceKind) -> QueueFilter.Change? {
        switch command {
        // The trainings' audience is their kind of filter.
        case .filterKind where kind == .training: return .cycleKind
        case .filterStatus: return .cycleStatus
        case .toggleMine: return .toggleMine
        case .toggleOverdue: return .toggleOverdue
        case .clearFilters: return .clear
        default: return nil
        }
    }

    /// The footer: the screen's own keys, the details and the search, with help and the way back pinned.
    static func hints(_ keys: [Binding], _ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        let main = [Command.open, .search].compactMap(Keymap.binding).map { Hints.hint($0, lang) }
        let filter = keys.contains { $0.command == .newTraining } ? ("K", say.Services.byAudience(lang)) : ("S", say.Services.byStatus(lang))
        return Hints(hints: main + keys.filter(\.inFooter).map { Hints.hint($0, lang) } + [filter],
                     pinned: [("?", say.Common.help(lang)), ("q/Esc", say.Common.back(lang))])
    }
}
