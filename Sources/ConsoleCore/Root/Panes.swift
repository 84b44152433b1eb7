import HelpDeskCore

/// The three panes of the main screen.
public enum Pane: Int, CaseIterable, Sendable {
    case queue, faults, kpi
}

/// Where the main screen's panes meet their screens: each pane's title, drawing, moves and
/// selection go through here, so a new pane is one case in each of these switches.
extension ConsoleState {
    /// The pane's title, as its header and the tab bar show it.
    func title(of pane: Pane) -> String {
        switch pane {
        case .queue: return QueueScreen.title(queue, context)
        case .faults: return BoardScreen.title(board, context)
        case .kpi: return ServiceLevelsScreen.title(context)
        }
    }

    func draw(_ pane: Pane, _ buf: inout ScreenBuffer, _ rect: Rect, _ theme: Theme) {
        let focused = focus == pane
        switch pane {
        case .queue: QueueScreen.draw(&buf, rect, queue, focused: focused, context, theme)
        case .faults: BoardScreen.draw(&buf, rect, board, search: queue.filter.search, focused: focused, context, theme)
        case .kpi: ServiceLevelsScreen.draw(&buf, rect, serviceLevels, focused: focused, context, theme)
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
            return []
        }
    }

    /// The item selected in a pane, if it has one.
    func selection(in pane: Pane) -> WorkItem? {
        switch pane {
        case .queue: return selectedTicket
        case .faults: return selectedFault
        case .kpi: return nil
        }
    }

    /// Rows a page key moves in the focused pane.
    var pageSize: Int {
        max(1, layout.listRows(focus == .faults ? .faults : .queue, focus: focus))
    }

    /// The item the action keys act on: the open detail, else the selection of the focused pane.
    public var actionTarget: WorkItem? {
        if case .detail(let d) = mode { return d.item }
        return selection(in: focus)
    }
}
