/// Where the panes go for a terminal size: the desk's three at once when there is room (110×30 and
/// up), one at a time under a tab bar when not, and a message when the terminal is too small. The
/// tasks and the changes take the whole body (under the tab bar, when there is one).
public enum Layout: Equatable, Sendable {
    case tooSmall
    /// One pane under a tab bar.
    case tabs(tabBar: Int, pane: Rect)
    case split(queue: Rect, faults: Rect, kpi: Rect)

    public static let minWidth = 60
    public static let minHeight = 14
    public static let kpiWidth = 46

    /// Rows the service-level pane needs: its title, column headers and the nine figures.
    public static let kpiRows = 11

    /// The layout for a terminal size. With `openFaults` known, the split layout gives the board
    /// only the rows its faults need (never fewer than the service levels need, never more than
    /// 9/20 of the body) and the queue the rest, so no rows stand empty while the queue is cut.
    public static func compute(width: Int, height: Int, openFaults: Int? = nil) -> Layout {
        guard width >= minWidth, height >= minHeight else { return .tooSmall }
        // Row 0: title bar. Last two rows: status line and key hints.
        let body = height - 3
        if width >= 110, height >= 30 {
            let largest = body * 9 / 20
            let bottom = openFaults.map { max(kpiRows, min(largest, $0 + 2)) } ?? largest
            let queueHeight = body - bottom
            return .split(queue: Rect(x: 0, y: 1, width: width, height: queueHeight),
                          faults: Rect(x: 0, y: 1 + queueHeight, width: width - kpiWidth - 1, height: bottom),
                          kpi: Rect(x: width - kpiWidth, y: 1 + queueHeight, width: kpiWidth, height: bottom))
        }
        return .tabs(tabBar: 1, pane: Rect(x: 0, y: 2, width: width, height: body - 1))
    }

    /// The rectangle of a pane, or `nil` when it is not on screen.
    public func rect(_ pane: Pane, focus: Pane) -> Rect? {
        switch self {
        case .tooSmall: return nil
        case let .tabs(_, rect): return pane == focus ? rect : nil
        case let .split(q, f, k):
            guard focus.isDesk else { return pane == focus ? Rect(x: q.x, y: q.y, width: q.width, height: q.height + f.height) : nil }
            switch pane {
            case .queue: return q
            case .faults: return f
            case .kpi: return k
            case .service, .inspections: return nil
            }
        }
    }

    /// Rows of items a list pane shows (its title and column headers take two).
    public func listRows(_ pane: Pane, focus: Pane) -> Int {
        let r = rect(pane, focus: focus) ?? (Layout.compute(width: 120, height: 40).rect(pane, focus: pane))!
        return max(1, r.height - 2)
    }
}
