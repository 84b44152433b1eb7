import HelpDeskCore

/// An item opened in the detail view.
public struct Detail: Equatable, Sendable {
    public var id: Int64
    public var item: WorkItem?
    public var history: [HistoryEntry] = []
    public var scroll = 0
    /// What a task or a change has beyond its work item, once read.
    public var facts: ServiceFacts?
    /// A released change's delivery, shown in place of its details.
    public var delivery: DeliveryScreen.State?
    /// The items related to it, merged into it, and its pauses, once read.
    public var links: ItemRelations?
}

/// The detail of one item: every field it has, then its history, oldest first.
///
/// Opened with Enter on a selected item or `:` and an id, it covers the panes. Takes `j`/`k`, the
/// arrows and the page keys to scroll, `Esc`/`q`/`h`/`←`/Backspace to go back, and the action keys
/// that apply to an item (take, assign, respond, resolve, raise, lower, acknowledge, escalate,
/// assess, reopen), which the root carries out on this item; `?`, `:`, `n` and `f` work here too.
/// A task or a change shows what it has beyond the item (`ServiceFacts`) and takes its screen's
/// keys first (`Keymap.tasks`, `Keymap.changes`); a change's delivery shows in its place (`d`).
public enum DetailScreen {
    public enum Action: Equatable, Sendable {
        case key(Key)
        /// The item and its history, read from the store (for this item or another).
        case loaded(WorkItem, [HistoryEntry])
        /// A task's or a change's facts, read with its details.
        case factsLoaded(id: Int64, ServiceFacts)
        /// The delivery shown in place of the details.
        case deliveryLoaded(DeliveryRecord)
        /// What the item is related to, what was merged into it, its pauses.
        case relationsLoaded(id: Int64, ItemRelations)
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
        case let .factsLoaded(id, facts):
            if d.id == id { d.facts = facts }
            return []
        case let .relationsLoaded(id, links):
            if d.id == id { d.links = links }
            return []
        case .deliveryLoaded(let record):
            if d.delivery?.id == record.delivery.id { d.delivery?.record = record }
            return []
        case .key(let key):
            if var delivery = d.delivery {
                let effects = DeliveryScreen.reduce(&delivery, key)
                d.delivery = delivery
                return effects.flatMap { effect -> [Effect] in
                    guard case .run(let command) = effect else {
                        d.delivery = nil
                        return []
                    }
                    return [.run(command)]
                }
            }
            if let kind = d.item?.kind, let own = Keymap.own(kind).command(for: key) { return [.run(own)] }
            if d.item != nil, let waiting = Keymap.waiting.command(for: key) { return [.run(waiting)] }
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
                     .newCase, .newFault, .commandLine, .addNote, .addMessage:
                    return [.run(command)]
                default:
                    return []
                }
            }
            return []
        }
    }

    /// The actions that apply to an item in the detail view, for its footer.
    static func commands(for item: WorkItem?, _ facts: ServiceFacts? = nil) -> [Command] {
        guard let item else { return [] }
        return ownCommands(item, facts) + waitingCommands(item)
    }

    /// Wait or resume (the kinds that pause), relate, merge (an open item).
    static func waitingCommands(_ item: WorkItem) -> [Command] {
        switch item.status {
        case .waiting: return [.resume, .link, .merge]
        case .closed, .merged: return [.link]
        default: return ([.general, .special].contains(item.kind) ? [.wait] : []) + [.link, .merge]
        }
    }

    static func ownCommands(_ item: WorkItem, _ facts: ServiceFacts?) -> [Command] {
        switch item.kind {
        case .task, .change, .training: return serviceCommands(item, facts)
        case _ where item.status == .closed: return [.reopen, .addNote, .addMessage]
        case .fault: return [.resolve, .take, .raise, .lower, .acknowledge, .escalate, .addNote]
        case .requirement: return item.awaitsAssessment ? [.assess, .take, .assign, .addNote, .addMessage] : [.resolve, .take, .assign, .addNote, .addMessage]
        case .general, .special, .delivery, .inspection: return [.respond, .resolve, .take, .assign, .addNote, .addMessage]
        }
    }

    static func hints(_ d: Detail, _ lang: Language) -> Hints {
        if d.delivery != nil { return DeliveryScreen.hints(lang) }
        let commands = commands(for: d.item, d.facts)
        return Hints(hints: [("j/k", Catalog.Screens.Common.scroll(lang))] + commands.compactMap(Keymap.binding).map { Hints.hint($0, lang) },
                     pinned: [("Esc/q", Catalog.Screens.Common.back(lang))])
    }
}
