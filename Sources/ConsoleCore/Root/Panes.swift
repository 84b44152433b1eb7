import HelpDeskCore

/// The panes: the desk's three (the CASE queue, the fault board, the service levels) and the
/// screens of their own beside it (the tasks, the changes, the trainings), which take the whole body
/// when shown.
public enum Pane: Int, CaseIterable, Sendable {
    case queue, faults, kpi, tasks, changes, trainings, inspections

    /// The desk's panes, shown together on a large terminal.
    public static let desk: [Pane] = [.queue, .faults, .kpi]
    /// The screens beside the desk.
    public static let services: [Pane] = [.tasks, .changes, .trainings, .inspections]

    public var isDesk: Bool { Pane.desk.contains(self) }

    /// The kind of item a screen beside the desk lists; `nil` for the desk's panes.
    public var serviceKind: ItemKind? {
        switch self {
        case .tasks: return .task
        case .changes: return .change
        case .trainings: return .training
        default: return nil
        }
    }

    /// The screen that lists items of `kind`, if one does.
    public init?(listing kind: ItemKind) {
        guard let pane = Pane.services.first(where: { $0.serviceKind == kind }) else { return nil }
        self = pane
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
        case .tasks, .changes, .trainings: return ServiceListScreen.name(pane.serviceKind!, context)
        case .inspections: return InspectionsScreen.name(context)
        }
    }

    func draw(_ pane: Pane, _ buf: inout ScreenBuffer, _ rect: Rect, _ theme: Theme) {
        let focused = focus == pane
        switch pane {
        case .queue: QueueScreen.draw(&buf, rect, queue, focused: focused, context, theme)
        case .faults: BoardScreen.draw(&buf, rect, board, search: queue.filter.search, focused: focused, context, theme)
        case .kpi: ServiceLevelsScreen.draw(&buf, rect, serviceLevels, focused: focused, context, theme)
        case .tasks: TasksScreen.draw(&buf, rect, tasks, focused: focused, context, theme)
        case .changes: ChangesScreen.draw(&buf, rect, changes, focused: focused, context, theme)
        case .trainings: TrainingsScreen.draw(&buf, rect, trainings, focused: focused, context, theme)
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
        case .tasks, .changes, .trainings:
            return reduceService(focus.serviceKind!, .move(by: delta))
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
        case .tasks: return tasks.selected
        case .changes: return changes.selected
        case .trainings: return trainings.selected
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
