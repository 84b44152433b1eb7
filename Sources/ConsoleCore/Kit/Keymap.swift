import HelpDeskCore

/// What a key does, named for the intent.
public enum Command: String, CaseIterable, Sendable {
    case nextPane, previousPane, paneQueue, paneFaults, paneKPI, tasks, changes, trainings
    case up, down, pageUp, pageDown, top, bottom
    case open, newCase, newFault, take, assign, respond, resolve, raise, acknowledge, escalate, assess, reopen, lower
    case filterKind, filterStatus, filterRegion, toggleMine, toggleOverdue, search, clearFilters
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
}

/// One binding: the keys, the command, and what it does in both languages (from the catalog).
public struct Binding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let helpText: LocalizedText
    /// Shown in the footer (the most used ones); every binding is in the `?` screen.
    public let inFooter: Bool

    init(keys: [Key], command: Command, help: LocalizedText, inFooter: Bool) {
        self.keys = keys
        self.command = command
        self.helpText = help
        self.inFooter = inFooter
    }

    public var en: String { helpText.en }
    public var zh: String { helpText.zh }
    public func help(_ lang: Language) -> String { helpText(lang) }
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The key bindings of the main screen, defined once: the reducer dispatches through this table and
/// the footer and the `?` screen are generated from it.
public enum Keymap {
    private typealias Keys = Catalog.Console.Keys


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
        Binding(keys: [.char("n")], command: .newCase, help: Keys.newCase, inFooter: true),
        Binding(keys: [.char("f")], command: .newFault, help: Keys.newFault, inFooter: true),
        Binding(keys: [.char("t")], command: .take, help: Keys.take, inFooter: true),
        Binding(keys: [.char("A")], command: .assign, help: Keys.assign, inFooter: false),
        Binding(keys: [.char("r")], command: .respond, help: Keys.respond, inFooter: true),
        Binding(keys: [.char("x")], command: .resolve, help: Keys.resolve, inFooter: true),
        Binding(keys: [.char("+")], command: .raise, help: Keys.raise, inFooter: false),
        Binding(keys: [.char("-")], command: .lower, help: Keys.lower, inFooter: false),
        Binding(keys: [.char("v")], command: .assess, help: Keys.assess, inFooter: false),
        Binding(keys: [.char("u")], command: .reopen, help: Keys.reopen, inFooter: false),
        Binding(keys: [.char("a")], command: .acknowledge, help: Keys.acknowledge, inFooter: false),
        Binding(keys: [.char("E")], command: .escalate, help: Keys.escalate, inFooter: false),
        Binding(keys: [.char("K")], command: .filterKind, help: Keys.filterKind, inFooter: false),
        Binding(keys: [.char("S")], command: .filterStatus, help: Keys.filterStatus, inFooter: false),
        Binding(keys: [.char("R")], command: .filterRegion, help: Keys.filterRegion, inFooter: false),
        Binding(keys: [.char("m")], command: .toggleMine, help: Keys.toggleMine, inFooter: false),
        Binding(keys: [.char("o")], command: .toggleOverdue, help: Keys.toggleOverdue, inFooter: false),
        Binding(keys: [.char("/")], command: .search, help: Keys.search, inFooter: true),
        Binding(keys: [.char("c")], command: .clearFilters, help: Keys.clearFilters, inFooter: false),
        Binding(keys: [.char("?")], command: .help, help: Keys.help, inFooter: true),
        Binding(keys: [.char(":")], command: .commandLine, help: Keys.commandLine, inFooter: false),
        Binding(keys: [.ctrl("l")], command: .redraw, help: Keys.redraw, inFooter: false),
        Binding(keys: [.char("q")], command: .quit, help: Keys.quit, inFooter: true),
        Binding(keys: [.escape], command: .back, help: Keys.back, inFooter: false),
    ]

    /// The command bound to `key` on the main screen.
    public static func command(for key: Key) -> Command? {
        main.first { $0.keys.contains(key) }?.command
    }

    public static func binding(_ command: Command) -> Binding? {
        (main + tasks + changes + trainings + delivery + inspections).first { $0.command == command }
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
