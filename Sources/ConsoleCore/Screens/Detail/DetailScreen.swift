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
    /// The directory entries a ticket is linked to, once read.
    public var requesters: [Requester] = []
    /// Its attachments, oldest first, once read; the one selected (`F`) is saved with `w` and shown with `V`.
    public var attachments: [AttachmentLine] = []
    public var attachmentCursor = 0
    /// Where to save the selected attachment, asked on the status line.
    public var savePrompt: AttachmentSavePrompt?
    /// The items related to it, merged into it, and its pauses, once read.
    public var links: ItemRelations?
    /// A chooser open over the details: which requester's tickets (`P`), which relation to remove (`U`).
    public var chooser: DetailChooser?
    /// The relation to remove, waiting for `y` on the status line.
    public var confirmingUnlink: Int64?
    /// The resolved tickets closest to it, best first, once read; the one selected (`s`) goes into a reply with `R`.
    public var similar: [SimilarTicket] = []
    public var similarCursor = 0
}

/// What a chooser over the details chooses among.
public enum DetailChooser: Equatable, Sendable {
    case requester(Chooser<Requester>)
    case unlink(Chooser<RelatedEntry>)
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
        /// The item's attachments, read with its details.
        case attachmentsLoaded(id: Int64, [AttachmentLine])
        /// The file to save to exists: ask whether to overwrite it.
        case attachmentExists(id: Int64, path: String)
        /// What the item is related to, what was merged into it, its pauses.
        case relationsLoaded(id: Int64, ItemRelations)
        /// The resolved tickets closest to it.
        case similarLoaded(id: Int64, [SimilarTicket])
    }

    /// What the detail asks of the root.
    public enum Effect: Equatable, Sendable {
        /// Back to the main screen.
        case close
        /// A main-screen command, carried out on this item.
        case run(Command)
        /// The tickets of one of the item's requesters.
        case requesterItems(Requester)
        /// Remove the relation of the item with `other` (confirmed).
        case unlink(id: Int64, other: Int64)
        /// A key refused, with why.
        case refused(LocalizedText)
        /// Write an attachment's content to a file (the run loop does it, never the view).
        case saveAttachment(id: Int64, path: String, overwrite: Bool)
        /// Show a text attachment in the console's viewer.
        case viewAttachment(id: Int64, name: String)
        /// Refused: said on the status line, with the bell.
        case problem(LocalizedText)
        /// Open the reply (respond) form with this text in it, still to be edited.
        case reply(String)
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
        case let .similarLoaded(id, found):
            guard d.id == id else { return [] }
            d.similar = found
            d.similarCursor = min(d.similarCursor, max(0, found.count - 1))
            return []
        case .deliveryLoaded(let record):
            if d.delivery?.id == record.delivery.id { d.delivery?.record = record }
            return []
        case let .attachmentsLoaded(id, lines):
            guard d.id == id else { return [] }
            d.attachments = lines
            d.attachmentCursor = min(d.attachmentCursor, max(0, lines.count - 1))
            return []
        case let .attachmentExists(id, path):
            guard d.savePrompt == nil || d.savePrompt?.id == id else { return [] }
            d.savePrompt = AttachmentSavePrompt(id: id, field: TextField(path), overwriting: path)
            return []
        case .key(let key):
            if let prompt = d.savePrompt { return savePromptKey(&d, prompt, key) }
            if d.chooser != nil || d.confirmingUnlink != nil { return chooserKey(&d, key) }
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
            if d.item != nil, let command = Keymap.attachments.command(for: key) { return attachmentKey(&d, command) }
            if let kind = d.item?.kind, let own = Keymap.own(kind).command(for: key) { return [.run(own)] }
            if key == requesterItemsKey, d.item?.kind.isCase ?? false {
                guard let first = d.requesters.first else { return [.refused(Catalog.Requesters.Console.noRequester)] }
                guard d.requesters.count > 1 else { return [.requesterItems(first)] }
                d.chooser = .requester(Chooser(d.requesters))
                return []
            }
            if d.item != nil, Keymap.waiting.command(for: key) == .unlink { return unlinkKey(&d) }
            if d.item != nil, let waiting = Keymap.waiting.command(for: key) { return [.run(waiting)] }
            if d.item != nil, let similar = Keymap.similar.command(for: key) { return similarKey(&d, similar) }
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
            // The ends: the root keeps the scroll within the lines.
            case .char("g"), .home:
                d.scroll = 0
            case .char("G"), .end:
                d.scroll = Int.max / 2
            default:
                guard let command = Keymap.command(for: key) else { return [] }
                switch command {
                case .take, .assign, .respond, .resolve, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .help,
                     .newCase, .newFault, .commandLine, .addNote, .addMessage, .correctCase:
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
        let own = ownCommands(item, facts) + waitingCommands(item)
        // A CASE ticket, open or closed, can be corrected.
        return item.kind.isCase ? own + [.correctCase] : own
    }

    /// Wait or resume (the kinds that pause), relate, merge (an open item).
    static func waitingCommands(_ item: WorkItem) -> [Command] {
        switch item.status {
        case .waiting: return [.resume, .link, .merge]
        case .closed, .merged: return [.link]
        case .open, .responded, .assessed: return ([.general, .special].contains(item.kind) ? [.wait] : []) + [.link, .merge]
        }
    }

    static func ownCommands(_ item: WorkItem, _ facts: ServiceFacts?) -> [Command] {
        switch item.kind {
        case .task, .change, .training: return serviceCommands(item, facts)
        case _ where item.status == .closed: return [.reopen, .addNote, .addMessage]
        // A merged duplicate is worked through the item it joined: notes and messages only.
        case _ where item.status == .merged: return [.addNote, .addMessage]
        case .fault: return [.resolve, .take, .raise, .lower, .acknowledge, .escalate, .addNote]
        case .requirement: return item.awaitsAssessment ? [.assess, .take, .assign, .addNote, .addMessage] : [.resolve, .take, .assign, .addNote, .addMessage]
        case .general, .special, .delivery, .inspection: return [.respond, .resolve, .take, .assign, .addNote, .addMessage]
        }
    }

    /// The key that opens the tickets of a ticket's requester.
    static let requesterItemsKey = Key.char("P")

    static func hints(_ d: Detail, _ lang: Language) -> Hints {
        if d.delivery != nil { return DeliveryScreen.hints(lang) }
        if d.savePrompt != nil { return Hints(hints: [], pinned: Prompt.pinned(lang)) }
        if d.chooser != nil { return Chooser<Requester>.hints(lang) }
        let unlink: [Command] = d.links?.related.isEmpty ?? true ? [] : [.unlink]
        let commands = commands(for: d.item, d.facts) + unlink + (d.attachments.isEmpty ? [] : [.nextAttachment, .saveAttachment, .viewAttachment])
            + (d.similar.isEmpty ? [] : [.replyWithSimilar, .nextSimilar])
        let requester = d.requesters.isEmpty ? [] : [(requesterItemsKey.label, Catalog.Requesters.Console.ticketsKey(lang))]
        return Hints(hints: [("j/k", Catalog.Screens.Common.scroll(lang))] + commands.compactMap(Keymap.binding).map { Hints.hint($0, lang) }
                        + requester,
                     pinned: [("Esc/q", Catalog.Screens.Common.back(lang))])
    }
}
