import Foundation
import HelpDeskCore

/// The three panes of the main screen.
public enum Pane: Int, CaseIterable, Sendable {
    case queue, faults, kpi
}

/// The CASE queue's filters. By default it shows the work still to do.
public struct QueueFilter: Equatable, Sendable {
    public var kind: CaseKind?
    /// `nil`: every active status; `.closed`: closed only.
    public var status: ItemStatus?
    public var showClosed = false
    public var region: Region?
    public var mine = false
    public var overdue = false
    public var search = ""

    public init() {}

    public var isDefault: Bool { self == QueueFilter() }

    /// The store filter for a window of the queue.
    public func itemFilter(operator me: String, now: Date, offset: Int, limit: Int) -> ItemFilter {
        var f = ItemFilter(kinds: kind.map { [$0.itemKind] } ?? ItemFilter.cases,
                           region: region, text: search.isEmpty ? nil : search, limit: limit, offset: offset)
        if let status { f.statuses = [status] } else if !showClosed { f.activeOnly = true }
        if mine { f.mine = me }
        if overdue { f.overdueAt = now }
        return f
    }
}

/// A window of the queue as loaded from the store.
public struct QueuePage: Equatable, Sendable {
    public var items: [WorkItem]
    public var offset: Int
    public var total: Int
    /// The filter the page was loaded for; a page for an older filter is dropped.
    public var filter: QueueFilter

    public init(items: [WorkItem], offset: Int, total: Int, filter: QueueFilter) {
        self.items = items
        self.offset = offset
        self.total = total
        self.filter = filter
    }
}

/// This month's and this week's figures.
public struct KPISnapshot: Equatable, Sendable {
    public var month: Period
    public var week: Period
    public var monthFigures: [KPIFigure]
    public var weekFigures: [KPIFigure]

    public init(month: Period, week: Period, monthFigures: [KPIFigure], weekFigures: [KPIFigure]) {
        self.month = month
        self.week = week
        self.monthFigures = monthFigures
        self.weekFigures = weekFigures
    }
}

/// An item opened in the detail view.
public struct Detail: Equatable, Sendable {
    public var id: Int64
    public var item: WorkItem?
    public var history: [HistoryEntry] = []
    public var scroll = 0
}

/// What the console shows over the main screen, if anything.
public enum Mode: Equatable, Sendable {
    case normal
    case detail(Detail)
    case form(Form, returnTo: Detail?)
    case help(scroll: Int)
    case commandLine(TextField)
    case search(TextField)
    /// Ctrl-C on a form holding input: `y` quits, any other key returns to `previous` as it was.
    indirect case confirmQuit(previous: Mode)

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
public struct ConsoleState: Equatable, Sendable {
    public var width: Int
    public var height: Int
    public var now: Date
    public var language: Language
    public var operatorName: String
    public var focus: Pane = .queue
    public var mode: Mode = .normal

    public var queueFilter = QueueFilter()
    public var queue = QueuePage(items: [], offset: 0, total: 0, filter: QueueFilter())
    /// Absolute index of the selected ticket in the filtered queue.
    public var queueSelection = 0
    public var queueLoaded = false

    public var faults: [WorkItem] = []
    public var faultSelection = 0
    /// Where each open fault stands on its escalation path.
    public var escalations: [Int64: EscalationStanding] = [:]
    /// Ring the bell when a notification for the operator arrives.
    public var bellOnNotice = true
    public var kpi: KPISnapshot?
    public var staff: [StaffMember] = []
    public var calendar: WorkCalendar?
    public var status: StatusMessage?
    public var quitting = false
    /// The database file's name, shown in the title bar, and whether it is the demo database.
    public var databaseName = ""
    public var isDemo = false
    /// An item just created, to be selected once the store says where it stands in its list.
    public var pendingSelection: Int64?

    public init(width: Int, height: Int, now: Date, language: Language, operatorName: String) {
        self.width = width
        self.height = height
        self.now = now
        self.language = language
        self.operatorName = operatorName
    }

    public static func == (a: ConsoleState, b: ConsoleState) -> Bool {
        a.width == b.width && a.height == b.height && a.now == b.now && a.language == b.language
            && a.focus == b.focus && a.mode == b.mode && a.queueFilter == b.queueFilter && a.queue == b.queue
            && a.queueSelection == b.queueSelection && a.faults == b.faults && a.faultSelection == b.faultSelection
            && a.kpi == b.kpi && a.status == b.status && a.quitting == b.quitting && a.staff == b.staff
            && a.calendar?.version == b.calendar?.version && a.escalations == b.escalations
            && a.databaseName == b.databaseName && a.isDemo == b.isDemo && a.pendingSelection == b.pendingSelection
    }

    public var strings: Strings { Strings(language) }

    /// The ticket under the cursor in the queue, if loaded.
    public var selectedTicket: WorkItem? {
        let i = queueSelection - queue.offset
        return queue.items.indices.contains(i) ? queue.items[i] : nil
    }

    public var selectedFault: WorkItem? {
        faults.indices.contains(faultSelection) ? faults[faultSelection] : nil
    }

    /// Where the panes go now: the board as tall as its faults need.
    public var layout: Layout { Layout.compute(width: width, height: height, openFaults: faults.count) }

    /// The operator's role on the staff list, `nil` when not on it (or not yet loaded).
    public var operatorRole: StaffRole? {
        staff.first { $0.username == operatorName && $0.active }?.role
    }

    /// The detail view a form was opened over (and returns to), if any.
    public var detailBehindForm: Detail? {
        if case .form(_, let back) = mode.underlying { return back }
        return nil
    }

    /// The item the action keys act on: the open detail, else the selection of the focused pane.
    public var actionTarget: WorkItem? {
        if case .detail(let d) = mode { return d.item }
        switch focus {
        case .queue: return selectedTicket
        case .faults: return selectedFault
        case .kpi: return nil
        }
    }
}
