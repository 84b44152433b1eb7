import HelpDeskCore

/// What a key does, named for the intent.
public enum Command: String, CaseIterable, Sendable {
    case nextPane, previousPane, paneQueue, paneFaults, paneKPI, tasks, changes, trainings
    case up, down, pageUp, pageDown, top, bottom
    case open, newCase, newFault, take, assign, respond, resolve, raise, acknowledge, escalate, assess, reopen, lower
    case filterKind, filterStatus, filterRegion, filterLevel, toggleMine, toggleOverdue, search, clearFilters
    case help, commandLine, redraw, quit, back
    /// On a task: take one in, complete it, mark it erroneous.
    case newTask, complete, markErroneous
    /// On a change: take one in, move it on, record a test round, show its delivery, record a defect.
    case newChange, advance, testRound, delivery, addDefect
    /// On a training: record one, mark its next step done, add an attendee, record a score, add a material.
    case newTraining, trainingStep, addAttendee, scoreAttendee, addMaterial
    /// On a training: correct an attendee's name, office, region or score.
    case correctAttendee
    /// The inspections: show them, enter one by hand.
    case inspections, newInspection
    /// On an item: an internal note, a requester's message (its timeline).
    case addNote, addMessage
    /// On a CASE ticket: correct its kind, channel, region, title, requester, description or received time.
    case correctCase
    /// In an item's details: select the next attachment, save the selected one, show a text one.
    case nextAttachment, saveAttachment, viewAttachment
    /// In an item's details: wait on the requester, resume, relate another item, merge into another.
    case wait, resume, link, merge
    /// In an item's details: remove a relation with another item.
    case unlink
    /// In a ticket's details: select the next similar resolved ticket, reply with its solution.
    case nextSimilar, replyWithSimilar
    /// In the CASE queue and on the fault board: mark or unmark the selected item, clear the marks.
    case mark, clearMarks
}

/// One binding: the keys, the command, what it does in both languages (from the catalog), and the
/// panes it acts on.
public struct Binding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let helpText: LocalizedText
    /// Shown in the footer (the most used ones); every binding is in the `?` screen.
    public let inFooter: Bool
    /// The panes the key acts on; `nil`: every pane. Elsewhere it is refused, with a word.
    public let panes: [Pane]?
    /// The panes whose footer shows it, when not all of `panes`: a key that only explains itself
    /// on a pane (`r` on the fault board says faults are restored or raised) is not offered there.
    public let footerPanes: [Pane]?

    init(keys: [Key], command: Command, help: LocalizedText, inFooter: Bool, on panes: [Pane]? = nil,
         footer footerPanes: [Pane]? = nil) {
        self.keys = keys
        self.command = command
        self.helpText = help
        self.inFooter = inFooter
        self.panes = panes
        self.footerPanes = footerPanes
    }

    /// Whether the footer of `pane` offers the key.
    public func inFooter(on pane: Pane) -> Bool {
        inFooter && acts(on: pane) && (footerPanes?.contains(pane) ?? true)
    }

    /// Whether the key acts on `pane`.
    public func acts(on pane: Pane) -> Bool { panes?.contains(pane) ?? true }

    public var en: String { helpText.en }
    public var zh: String { helpText.zh }
    public func help(_ lang: Language) -> String { helpText(lang) }
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The key bindings of the main screen, defined once: the reducer dispatches through this table and
/// the footer and the `?` screen are generated from it. Each binding names the panes it acts on
/// (`bindings(on:)`); on any other pane the root refuses it on the status line, so a key never
/// reaches past the pane in view.
public enum Keymap {
    private typealias Keys = Catalog.Console.Keys

    /// The desk's lists and the lists beside it, by what they hold.
    private static let lists: [Pane] = [.queue, .faults, .tasks, .changes, .trainings]
    private static let serviceLists: [Pane] = [.tasks, .changes, .trainings]
    private static let desk = Pane.desk

    public static let main: [Binding] = [
        Binding(keys: [.tab], command: .nextPane, help: Keys.nextPane, inFooter: false),
        Binding(keys: [.backTab], command: .previousPane, help: Keys.previousPane, inFooter: false),
        Binding(keys: [.char("1")], command: .paneQueue, help: Keys.paneQueue, inFooter: false),
        Binding(keys: [.char("2")], command: .paneFaults, help: Keys.paneFaults, inFooter: false),
        Binding(keys: [.char("3")], command: .paneKPI, help: Keys.paneKPI, inFooter: false),
        Binding(keys: [.char("4")], command: .tasks, help: Keys.tasks, inFooter: false),
        Binding(keys: [.char("5")], command: .changes, help: Keys.changes, inFooter: false),
        Binding(keys: [.char("6")], command: .trainings, help: Keys.trainings, inFooter: false),
        Binding(keys: [.char("7")], command: .inspections, help: Keys.inspections, inFooter: false),
        Binding(keys: [.char("j"), .down], command: .down, help: Keys.down, inFooter: false),
        Binding(keys: [.char("k"), .up], command: .up, help: Keys.up, inFooter: false),
        Binding(keys: [.ctrl("f"), .pageDown], command: .pageDown, help: Keys.pageDown, inFooter: false),
        Binding(keys: [.ctrl("b"), .pageUp], command: .pageUp, help: Keys.pageUp, inFooter: false),
        Binding(keys: [.char("g"), .home], command: .top, help: Keys.top, inFooter: false),
        Binding(keys: [.char("G"), .end], command: .bottom, help: Keys.bottom, inFooter: false),
        Binding(keys: [.enter, .char("l")], command: .open, help: Keys.open, inFooter: true),
        Binding(keys: [.char("n")], command: .newCase, help: Keys.newCase, inFooter: true, on: desk),
        Binding(keys: [.char("f")], command: .newFault, help: Keys.newFault, inFooter: true, on: desk),
        Binding(keys: [.char("t")], command: .take, help: Keys.take, inFooter: true, on: [.queue, .faults]),
        Binding(keys: [.char("A")], command: .assign, help: Keys.assign, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("r")], command: .respond, help: Keys.respond, inFooter: true, on: [.queue, .faults], footer: [.queue]),
        Binding(keys: [.char("x")], command: .resolve, help: Keys.resolve, inFooter: true, on: [.queue, .faults]),
        Binding(keys: [.char("N")], command: .addNote, help: Catalog.Timeline.Console.noteKey, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("M")], command: .addMessage, help: Catalog.Timeline.Console.messageKey, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("+")], command: .raise, help: Keys.raise, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("-")], command: .lower, help: Keys.lower, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("v")], command: .assess, help: Keys.assess, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("u")], command: .reopen, help: Keys.reopen, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("a")], command: .acknowledge, help: Keys.acknowledge, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("E")], command: .escalate, help: Keys.escalate, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("K")], command: .filterKind, help: Keys.filterKind, inFooter: false, on: [.queue, .trainings]),
        Binding(keys: [.char("S")], command: .filterStatus, help: Keys.filterStatus, inFooter: false, on: [.queue] + serviceLists),
        Binding(keys: [.char("R")], command: .filterRegion, help: Keys.filterRegion, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("L")], command: .filterLevel, help: Catalog.ConsoleNavigation.filterLevel, inFooter: false, on: [.faults]),
        Binding(keys: [.char("m")], command: .toggleMine, help: Keys.toggleMine, inFooter: false, on: [.queue] + serviceLists),
        Binding(keys: [.char("o")], command: .toggleOverdue, help: Keys.toggleOverdue, inFooter: false, on: [.queue] + serviceLists),
        Binding(keys: [.char("/")], command: .search, help: Keys.search, inFooter: true, on: lists),
        Binding(keys: [.char("c")], command: .clearFilters, help: Keys.clearFilters, inFooter: false, on: lists),
        Binding(keys: [.char("?")], command: .help, help: Keys.help, inFooter: true),
        Binding(keys: [.char(":")], command: .commandLine, help: Keys.commandLine, inFooter: false),
        Binding(keys: [.ctrl("l")], command: .redraw, help: Keys.redraw, inFooter: false),
        Binding(keys: [.char("q")], command: .quit, help: Keys.quit, inFooter: true),
        Binding(keys: [.escape], command: .back, help: Keys.back, inFooter: false),
        Binding(keys: [.char("e")], command: .correctCase, help: Catalog.Corrections.correctKey, inFooter: false, on: [.queue]),
        Binding(keys: [.char(" ")], command: .mark, help: Catalog.Marks.markKey, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("C")], command: .clearMarks, help: Catalog.Marks.clearKey, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("i")], command: .link, help: Catalog.WaitingAndLinks.linkKey, inFooter: false, on: [.queue, .faults]),
        Binding(keys: [.char("J")], command: .merge, help: Catalog.WaitingAndLinks.mergeKey, inFooter: false, on: [.queue, .faults]),
    ]

    /// The command bound to `key` on the main screen.
    public static func command(for key: Key) -> Command? {
        main.first { $0.keys.contains(key) }?.command
    }

    /// The bindings that act on `pane`: its screen's own first, then the main screen's that reach it.
    public static func bindings(on pane: Pane) -> [Binding] {
        let own: [Binding]
        switch pane {
        case .service(let kind): own = Self.own(kind.itemKind)
        case .inspections: own = inspections
        case .queue, .faults, .kpi: own = []
        }
        return own + main.filter { $0.acts(on: pane) }
    }

    /// Every binding of the main screen and the screens beside it, for a key pressed where it does
    /// nothing: the first that names it says what it does elsewhere.
    public static var everywhere: [Binding] { main + tasks + changes + trainings + inspections + waiting }

    /// Every table of keys: the main screen's and each screen's own. The `?` screen lists them all.
    public static var tables: [[Binding]] { [main, tasks, changes, trainings, delivery, inspections, attachments, waiting, similar] }

    public static func binding(_ command: Command) -> Binding? {
        tables.joined().first { $0.command == command }
    }

    /// The tasks screen's own keys, on the list and in a task's details (the moves, the filters,
    /// `/`, Enter, `?` and `:` are the main screen's).
    public static let tasks: [Binding] = [
        Binding(keys: [.char("n")], command: .newTask, help: Keys.newTask, inFooter: true),
        Binding(keys: [.char("x")], command: .complete, help: Keys.complete, inFooter: true),
        Binding(keys: [.char("e")], command: .markErroneous, help: Keys.markErroneous, inFooter: true),
        Binding(keys: [.char("t")], command: .take, help: Keys.take, inFooter: false),
        Binding(keys: [.char("A")], command: .assign, help: Keys.assign, inFooter: false),
    ]

    /// The changes screen's own keys, on the list and in a change's details.
    public static let changes: [Binding] = [
        Binding(keys: [.char("n")], command: .newChange, help: Keys.newChange, inFooter: true),
        Binding(keys: [.char("a")], command: .advance, help: Keys.advance, inFooter: true),
        Binding(keys: [.char("t")], command: .testRound, help: Keys.testRound, inFooter: true),
        Binding(keys: [.char("d")], command: .delivery, help: Keys.delivery, inFooter: true),
        Binding(keys: [.char("D")], command: .addDefect, help: Keys.addDefect, inFooter: false),
    ]

    /// The trainings screen's own keys, on the list and in a training's details.
    public static let trainings: [Binding] = [
        Binding(keys: [.char("n")], command: .newTraining, help: Keys.newTraining, inFooter: true),
        Binding(keys: [.char("s")], command: .trainingStep, help: Keys.trainingStep, inFooter: true),
        Binding(keys: [.char("a")], command: .addAttendee, help: Keys.addAttendee, inFooter: true),
        Binding(keys: [.char("e")], command: .scoreAttendee, help: Keys.scoreAttendee, inFooter: true),
        Binding(keys: [.char("M")], command: .addMaterial, help: Keys.addMaterial, inFooter: false),
        Binding(keys: [.char("C")], command: .correctAttendee, help: Catalog.TrainingsAfter.correctAttendee, inFooter: false),
    ]

    /// The inspections screen's own key.
    public static let inspections: [Binding] = [
        Binding(keys: [.char("n")], command: .newInspection, help: Keys.newInspection, inFooter: true),
    ]

    /// The delivery view's own key.
    public static let delivery: [Binding] = [
        Binding(keys: [.char("D")], command: .addDefect, help: Keys.addDefect, inFooter: true),
    ]

    /// The keys of an item's attachments in its details.
    public static let attachments: [Binding] = [
        Binding(keys: [.char("F")], command: .nextAttachment, help: Catalog.Attachments.nextKey, inFooter: false),
        Binding(keys: [.char("w")], command: .saveAttachment, help: Catalog.Attachments.saveKey, inFooter: true),
        Binding(keys: [.char("V")], command: .viewAttachment, help: Catalog.Attachments.viewKey, inFooter: true),
    ]

    /// The keys of an item's details for waiting, links and merges.
    public static let waiting: [Binding] = [
        Binding(keys: [.char("H")], command: .wait, help: Catalog.WaitingAndLinks.waitKey, inFooter: true),
        Binding(keys: [.char("W")], command: .resume, help: Catalog.WaitingAndLinks.resumeKey, inFooter: true),
        Binding(keys: [.char("i")], command: .link, help: Catalog.WaitingAndLinks.linkKey, inFooter: false),
        Binding(keys: [.char("J")], command: .merge, help: Catalog.WaitingAndLinks.mergeKey, inFooter: false),
        Binding(keys: [.char("U")], command: .unlink, help: Catalog.Finish.unlinkKey, inFooter: false),
    ]

    /// The keys of the similar resolved tickets in a ticket's details.
    public static let similar: [Binding] = [
        Binding(keys: [.char("s")], command: .nextSimilar, help: Catalog.Similar.nextKey, inFooter: false),
        Binding(keys: [.char("R")], command: .replyWithSimilar, help: Catalog.Similar.replyKey, inFooter: true),
    ]

    /// The keys of its own a kind of item has on its screen and in its details, before the main ones.
    public static func own(_ kind: ItemKind) -> [Binding] {
        switch kind {
        case .task: return tasks
        case .change: return changes
        case .training: return trainings
        case .general, .special, .requirement, .fault, .delivery, .inspection: return []
        }
    }
}

extension [Binding] {
    /// The command bound to `key` in this table.
    func command(for key: Key) -> Command? {
        first { $0.keys.contains(key) }?.command
    }
}
