import HelpDeskCore

/// A place the console shows: which pane has the focus and what covers the panes, each screen's
/// selection and scroll held in its state, so that coming back to it shows it as it was left.
public struct Place: Equatable, Sendable {
    public var focus: Pane
    public var mode: Mode

    public init(focus: Pane, mode: Mode) {
        self.focus = focus
        self.mode = mode
    }
}

/// The way in and the way back, like a browser's: going into something (details, what a figure
/// counted, an inspection's readings, a screen beside the desk, the keys, a prompt) keeps the place
/// it was entered from on `trail`; `q` or Esc goes back to the latest. The main panes with nothing
/// over them and nothing on the trail are the top, where `q` quits.
extension ConsoleState {
    /// Where the console is now.
    public var place: Place { Place(focus: focus, mode: mode) }

    /// Nothing to go back to: `q` quits here.
    public var atTop: Bool { trail.isEmpty && mode == .normal }

    /// Goes into `mode` from the place shown now, which `back()` returns to.
    mutating func enter(_ mode: Mode) {
        trail.append(place)
        self.mode = mode
    }

    /// Back to the place gone into from, as it was left (read again when left for another place;
    /// the keys, a prompt and a question only covered it); at the top, nothing.
    mutating func back() -> [Effect] {
        guard let previous = trail.popLast() else {
            mode = .normal
            return []
        }
        let covered: Bool
        switch mode {
        case .help, .commandLine, .search, .confirmFreeze: covered = true
        case .normal, .detail, .form, .confirmQuit, .figureItems, .inspection, .requesterItems, .attachmentText, .severalResults: covered = false
        }
        focus = previous.focus
        mode = previous.mode
        return covered ? [] : refresh()
    }

    /// `q`: one place back, or quitting at the top.
    mutating func backOrQuit() -> [Effect] {
        atTop ? [.quit] : back()
    }

    /// Shows `pane`: a desk pane is the top (the trail is left); a screen beside the desk is gone
    /// into from the desk, and another screen beside it takes its place.
    mutating func go(to pane: Pane) {
        if pane.isDesk {
            trail.removeAll()
            mode = .normal
        } else if focus.isDesk && mode == .normal && trail.isEmpty {
            trail.append(place)
        }
        focus = pane
    }

    /// What the place come back to reads again, its selection kept: the figure's items, the
    /// inspection, the details, the list beside the desk.
    mutating func refresh() -> [Effect] {
        switch mode {
        case .figureItems(let list): return [.loadFigureItems(list.figure, list.period)]
        case .inspection(let shown): return [.loadInspection(shown.id)]
        case .requesterItems(let list): return list.requester.id.map { [.loadRequesterItems($0)] } ?? []
        case .detail(let d):
            return [.loadDetail(d.id)] + (d.delivery.map { [.loadDelivery($0.id)] } ?? [])
        case .normal:
            if let kind = focus.serviceKind { return apply(list(kind).reload, kind) }
            if focus == .inspections { return [.loadInspections] }
            return []
        case .attachmentText(let shown): return [.loadAttachmentText(shown.id)]
        case .form, .help, .commandLine, .search, .confirmQuit, .confirmFreeze, .severalResults:
            return []
        }
    }

    /// The screen drawn over the panes: under a prompt or a question, the place it was opened on.
    var drawnMode: Mode {
        switch mode {
        case .commandLine, .search, .confirmFreeze: return trail.last?.mode.underlying ?? .normal
        default: return mode.underlying
        }
    }
}
