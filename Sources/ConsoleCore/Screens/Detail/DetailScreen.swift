import HelpDeskCore

/// An item opened in the detail view.
public struct Detail: Equatable, Sendable {
    public var id: Int64
    public var item: WorkItem?
    public var history: [HistoryEntry] = []
    public var scroll = 0
}

/// The detail of one item: every field it has, then its history, oldest first.
///
/// Opened with Enter on a selected item or `:` and an id, it covers the panes. Takes `j`/`k`, the
/// arrows and the page keys to scroll, `Esc`/`q`/`h`/`←`/Backspace to go back, and the action keys
/// that apply to an item (take, assign, respond, resolve, raise, lower, acknowledge, escalate,
/// assess, reopen), which the root carries out on this item; `?`, `:`, `n` and `f` work here too.
public enum DetailScreen {
    public enum Action: Equatable, Sendable {
        case key(Key)
        /// The item and its history, read from the store (for this item or another).
        case loaded(WorkItem, [HistoryEntry])
    }

    /// What the detail asks of the root.
    public enum Effect: Equatable, Sendable {
        /// Back to the main screen.
        case close
        /// A main-screen command, carried out on this item.
        case run(Command)
    }

    public static func reduce(_ d: inout Detail, _ action: Action) -> [Effect] {
        switch action {
        case let .loaded(item, history):
            guard d.id == item.id else { return [] }
            d.item = item
            d.history = history
            return []
        case .key(let key):
            switch key {
            case .escape, .char("h"), .char("q"), .left, .backspace:
                return [.close]
            case .char("j"), .down:
                d.scroll += 1
            case .char("k"), .up:
                d.scroll = max(0, d.scroll - 1)
            case .pageDown, .ctrl("f"):
                d.scroll += 10
            case .pageUp, .ctrl("b"):
                d.scroll = max(0, d.scroll - 10)
            default:
                guard let command = Keymap.command(for: key) else { return [] }
                switch command {
                case .take, .assign, .respond, .resolve, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .help,
                     .newCase, .newFault, .commandLine:
                    return [.run(command)]
                default:
                    return []
                }
            }
            return []
        }
    }

    /// The actions that apply to an item in the detail view, for its footer.
    static func commands(for item: WorkItem?) -> [Command] {
        guard let item else { return [] }
        if item.status == .closed { return [.reopen] }
        switch item.kind {
        case .fault: return [.resolve, .take, .raise, .lower, .acknowledge, .escalate]
        case .requirement: return item.awaitsAssessment ? [.assess, .take, .assign] : [.resolve, .take, .assign]
        default: return [.respond, .resolve, .take, .assign]
        }
    }

    static func hints(_ d: Detail, _ lang: Language) -> Hints {
        let zh = lang == .zh
        return Hints(hints: [("j/k", zh ? "滚动" : "scroll")] + commands(for: d.item).compactMap(Keymap.binding).map { Hints.hint($0, lang) },
                     pinned: [("Esc/q", zh ? "返回" : "back")])
    }
}
