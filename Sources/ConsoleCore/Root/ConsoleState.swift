import Foundation
import HelpDeskCore

/// What the console shows over the main screen, if anything.
public enum Mode: Equatable, Sendable {
    case normal
    case detail(Detail)
    case form(Form, returnTo: Detail?)
    /// The keys, scrolled.
    case help(scroll: Int)
    case commandLine(TextField)
    case search(TextField)
    /// What a figure of the service levels counted (Enter on the figure).
    case figureItems(FigureItemsScreen.State)
    /// One inspection's readings (Enter on the inspections screen).
    case inspection(InspectionScreen.State)
    /// Ctrl-C on a form holding input: `y` quits, any other key returns to `previous` as it was.
    indirect case confirmQuit(previous: Mode)
    /// `:freeze PERIOD`: `y` freezes it, any other key returns to the main screen.
    case confirmFreeze(Period)
    /// The tickets of a ticket's requester (`P` in its details).
    case requesterItems(RequesterItemsScreen.State)
    /// A text attachment in the console's own viewer (`V` in the details).
    case attachmentText(AttachmentViewerScreen.State)
    /// What came of a write on several marked items, one line each.
    case severalResults(SeveralResultsScreen.State)

    /// The mode drawn under a question: the form stays on screen while the console asks.
    public var underlying: Mode {
        if case .confirmQuit(let previous) = self { return previous.underlying }
        return self
    }
}

/// A line in the status bar.
public struct StatusMessage: Equatable, Sendable {
    public enum Kind: Sendable { case info, error, notice }
    public var text: String
    public var kind: Kind
    /// Cleared by the first tick after this time.
    public var until: Date

    public init(text: String, kind: Kind, until: Date) {
        self.text = text
        self.kind = kind
        self.until = until
    }
}

/// Everything the console shows. Plain data: the reducer changes it, views draw it.
///
/// The root of the console: the frame (size, clock, language, who is at the keyboard, the status
/// line), which pane has the focus and what is shown over the panes (`mode`), and each pane's own
/// state. Screens keep their state here and are handed it by the root (`Panes.swift`, `Overlays.swift`).
public struct ConsoleState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var now: Date
    public var language: Language
    public var operatorName: String
    public var focus: Pane = .queue
    public var mode: Mode = .normal

    /// The panes' screens.
    public var queue = QueueScreen.State()
    public var board = BoardScreen.State()
    public var serviceLevels = ServiceLevelsScreen.State()
    /// The screens of their own beside the desk.
    public var tasks = ServiceListScreen.State(kind: .task)
    public var changes = ServiceListScreen.State(kind: .change)
    public var trainings = ServiceListScreen.State(kind: .training)
    public var inspections = InspectionsScreen.State()
    /// The places gone into from, the latest last (`Navigation.swift`): `q` and Esc go back there.
    public var trail: [Place] = []

    /// Ring the bell when a notification for the operator arrives.
    public var bellOnNotice = true
    public var staff: [StaffMember] = []
    public var calendar: WorkCalendar?
    public var status: StatusMessage?
    /// Counts the messages said, so a key's handling can tell whether it said one of its own.
    var statusSaid = 0
    public var quitting = false
    /// The database file's name, shown in the title bar, and whether it is the demo database.
    public var databaseName = ""
    public var isDemo = false
    /// The database file is read-only for this user: the title bar says so for as long as it is open.
    public var isReadOnly = false
    /// An item just created, to be selected once the store says where it stands in its list.
    public var pendingSelection: Int64?
    /// An item just changed, to stay selected where the change moved it in its list (a special
    /// case answered moves down the queue); nothing is said if the change took it out of the list.
    public var followedSelection: Int64?
    /// The operator's saved views, by name (`:save`, `:view`, `:views`).
    public var savedViews: [SavedView] = []
    /// How each list was last kept in the store; a list whose filters differ is kept again on the tick.
    public var rememberedViews: [ViewPane: ViewSettings] = [:]
    /// The lists were opened as last left: only then is how they are left kept.
    public var viewsRestored = false
    /// The marked items the form on screen writes to, each in turn (empty: the form's own item).
    public var formTargets: [WorkItem] = []
    /// What the writes on the marked items under way do (`认领`, `回复`, `合并到 #14`), for their results.
    public var severalAction: LocalizedText?

    public init(width: Int, height: Int, now: Date, language: Language, operatorName: String) {
        self.width = width
        self.height = height
        self.now = now
        self.language = language
        self.operatorName = operatorName
    }

    public var strings: Strings { Strings(language) }

    /// The clock and the language, as the screens read them.
    var context: ScreenContext { ScreenContext(now: now, language: language) }

    /// The ticket under the cursor in the queue, if loaded.
    public var selectedTicket: WorkItem? { queue.selected }

    public var selectedFault: WorkItem? { board.selected }

    /// Where the panes go now: the board as tall as its faults need.
    public var layout: Layout { Layout.compute(width: width, height: height, openFaults: board.faults.count) }

    /// The operator's role on the staff list, `nil` when not on it (or not yet loaded).
    public var operatorRole: StaffRole? {
        staff.first { $0.username == operatorName && $0.active }?.role
    }
}
