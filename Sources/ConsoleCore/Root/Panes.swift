import HelpDeskCore

/// The kinds of item a list screen beside the desk shows: the tasks, the changes, the trainings.
/// Switches over them are checked by the compiler: a new list is an error at each place that must
/// know it, not a fall-through to another list.
public enum ServiceKind: Int, CaseIterable, Sendable {
    case task, change, training

    /// The work items the list holds.
    public var itemKind: ItemKind {
        switch self {
        case .task: return .task
        case .change: return .change
        case .training: return .training
        }
    }

    /// The list that holds items of `kind`; `nil` for the kinds no such list shows.
    public init?(_ kind: ItemKind) {
        switch kind {
        case .task: self = .task
        case .change: self = .change
        case .training: self = .training
        case .general, .special, .requirement, .fault, .delivery, .inspection: return nil
        }
    }
}

/// The panes: the desk's three (the CASE queue, the fault board, the service levels) and the
/// screens of their own beside it (the tasks, the changes, the trainings, the inspections), which
/// take the whole body when shown.
public enum Pane: Hashable, CaseIterable, Sendable {
    case queue, faults, kpi
    /// The list of one kind of service item.
    case service(ServiceKind)
    case inspections

    public static let tasks = Pane.service(.task)
    public static let changes = Pane.service(.change)
    public static let trainings = Pane.service(.training)

    /// The desk's panes, shown together on a large terminal.
    public static let desk: [Pane] = [.queue, .faults, .kpi]
    /// The screens beside the desk.
    public static let services: [Pane] = ServiceKind.allCases.map(Pane.service) + [.inspections]
    /// Every pane, in the order of their tabs.
    public static let allCases: [Pane] = desk + services

    /// Where the pane's tab stands, from 0 (its number on the tab bar is one more).
    public var position: Int {
        switch self {
        case .queue: return 0
        case .faults: return 1
        case .kpi: return 2
        case .service(let kind): return Pane.desk.count + kind.rawValue
        case .inspections: return Pane.desk.count + ServiceKind.allCases.count
        }
    }

    public var isDesk: Bool {
        switch self {
        case .queue, .faults, .kpi: return true
        case .service, .inspections: return false
        }
    }

    /// The kind of item a list beside the desk shows; `nil` for the other panes.
    public var serviceKind: ServiceKind? {
        if case .service(let kind) = self { return kind }
        return nil
    }
}

/// Where the panes meet their screens: each pane's title, drawing, moves and selection go through
/// here, so a new pane is one case in each of these switches.
extension ConsoleState {
    /// The pane's title, as the tab bar shows it: the desk's with their counts, the others' in short.
    func title(of pane: Pane) -> String {
        switch pane {
        case .queue: return QueueScreen.title(queue, context)
        case .faults: return BoardScreen.title(board, context)
        case .kpi: return ServiceLevelsScreen.title(context)
        case .service(let kind): return ServiceListScreen.name(kind, context)
        case .inspections: return InspectionsScreen.name(context)
        }
    }

    /// The pane's plain name, for what is said about it.
    func paneName(_ pane: Pane) -> LocalizedText {
        switch pane {
        case .queue: return Strings.Key.caseQueue.text
        case .faults: return Strings.Key.faultBoard.text
        case .kpi: return Strings.Key.kpi.text
        case .service(.task): return Strings.Key.tasks.text
        case .service(.change): return Strings.Key.changes.text
        case .service(.training): return Strings.Key.trainings.text
        case .inspections: return Catalog.Screens.Inspections.title
        }
    }

    func draw(_ pane: Pane, _ buf: inout ScreenBuffer, _ rect: Rect, _ theme: Theme) {
        let focused = focus == pane
        switch pane {
        case .queue: QueueScreen.draw(&buf, rect, queue, focused: focused, context, theme)
        case .faults: BoardScreen.draw(&buf, rect, board, focused: focused, context, theme)
        case .kpi: ServiceLevelsScreen.draw(&buf, rect, serviceLevels, focused: focused, context, theme)
        case .service(.task): TasksScreen.draw(&buf, rect, tasks, focused: focused, context, theme)
        case .service(.change): ChangesScreen.draw(&buf, rect, changes, focused: focused, context, theme)
        case .service(.training): TrainingsScreen.draw(&buf, rect, trainings, focused: focused, context, theme)
        case .inspections: InspectionsScreen.draw(&buf, rect, inspections, focused: focused, context, theme)
        }
    }

    /// Moves the focused pane's selection.
    mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .queue:
            return reduceQueue(.move(by: delta))
        case .faults:
            BoardScreen.reduce(&board, .move(by: delta))
            return []
        case .kpi:
            ServiceLevelsScreen.reduce(&serviceLevels, .move(by: delta))
            return []
        case .service(let kind):
            return reduceService(kind, .move(by: delta))
        case .inspections:
            InspectionsScreen.move(&inspections, by: delta)
            return []
        }
    }

    /// The item selected in a pane, if it has one.
    func selection(in pane: Pane) -> WorkItem? {
        switch pane {
        case .queue: return selectedTicket
        case .faults: return selectedFault
        case .kpi, .inspections: return nil
        case .service(let kind): return list(kind).selected
        }
    }

    /// Rows a page key moves in the focused pane.
    var pageSize: Int {
        max(1, layout.listRows(focus == .kpi ? .queue : focus, focus: focus))
    }

    /// The item the action keys act on: the open detail, else the selection of the focused pane.
    public var actionTarget: WorkItem? {
        if case .detail(let d) = mode { return d.item }
        return selection(in: focus)
    }
}
