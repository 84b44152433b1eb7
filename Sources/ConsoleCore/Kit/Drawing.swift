import HelpDeskCore

/// A rectangle of the screen.
public struct Rect: Equatable, Sendable {
    public var x, y, width, height: Int
    public init(x: Int, y: Int, width: Int, height: Int) {
        self.x = x
        self.y = y
        self.width = width
        self.height = height
    }
}

/// A column of a table drawn in a pane: its header, its width in display columns, its alignment.
struct Column {
    let title: String
    let width: Int
    var alignRight = false

    /// Each fixed column as wide as the widest of its title, its set width and the values it
    /// carries (`rows`: each row's cells, the flexible column's among them at `flexibleAt`), so a
    /// figure such as `超102天15时` is never cut.
    static func sized(_ fixed: [Column], flexibleAt index: Int, carrying rows: [[String]]) -> [Column] {
        fixed.enumerated().map { j, col in
            let cell = j < index ? j : j + 1
            let widest = rows.compactMap { $0.indices.contains(cell) ? TerminalText.width($0[cell]) : nil }.max() ?? 0
            return Column(title: col.title, width: max(col.width, widest, TerminalText.width(col.title)), alignRight: col.alignRight)
        }
    }

    /// Gives the flexible column whatever the fixed ones leave.
    static func fit(_ fixed: [Column], flexibleAt index: Int, flexTitle: String, total: Int) -> [Column] {
        var cols = fixed
        let used = fixed.reduce(0) { $0 + $1.width } + fixed.count  // one space after each column
        cols.insert(Column(title: flexTitle, width: max(8, total - used - 1)), at: index)
        return cols
    }
}

/// The widgets the screens share: a pane's header, a table row, the selection marker.
extension ScreenBuffer {
    /// The pane's first row: its title, styled by focus, and a note on the right.
    mutating func paneHeader(_ rect: Rect, _ title: String, note: String, focused: Bool, _ theme: Theme) {
        fill(x: rect.x, y: rect.y, width: rect.width, style: theme[.paneBorder])
        let used = put(" " + title + " ", x: rect.x, y: rect.y, style: focused ? theme[.paneTitleFocused] : theme[.paneTitle], maxWidth: rect.width)
        put(note, x: rect.x + used + 1, y: rect.y, style: theme[.dim], maxWidth: rect.width - used - 1)
    }

    /// A dialog's area over the screen behind it: first a blank gutter of one cell around it (the
    /// screen's base style; not over the top bar or the footer), so no text of the screen behind
    /// runs up to its edges and reads as part of it, then the dialog's own background.
    mutating func dialogArea(x: Int, y: Int, width w: Int, height h: Int, _ theme: Theme) {
        let top = max(1, y - 1), bottom = min(height - 1, y + h + 1)
        if bottom > top { fill(x: x - 1, y: top, width: w + 2, height: bottom - top, style: theme[.base]) }
        fill(x: x, y: y, width: w, height: h, style: theme[.dialog])
    }

    /// One row of a table: each cell in its column, cut to the columns that fit in `width`.
    mutating func drawRow(x: Int, y: Int, _ cols: [Column], _ cells: [(String, Style)], width: Int) {
        var cx = x + 1
        for (i, col) in cols.enumerated() where i < cells.count {
            guard cx < x + width else { break }
            let w = min(col.width, x + width - cx)
            put(cells[i].0, x: cx, y: y, columns: w, style: cells[i].1, alignRight: col.alignRight)
            cx += col.width + 1
        }
    }

    /// The selected row is marked by a `>` at the pane's edge and its id cell in the selection
    /// style; every other cell keeps its own style (urgency colours stay visible). A move then
    /// rewrites a few cells at the front of two rows — a few dozen bytes over a slow SSH link — and
    /// the marker alone tells the rows apart without colour.
    mutating func selectionMarker(x: Int, y: Int, focused: Bool, _ theme: Theme) {
        put(">", x: x, y: y, style: focused ? theme[.selected] : theme[.paneTitle])
    }
}

extension Style {
    /// This style drawn on `panel`: a default background takes the panel's, so text inside a
    /// dialog never shows the terminal's own background through it.
    func over(_ panel: Style) -> Style {
        var s = self
        if s.bg == .default { s.bg = panel.bg }
        return s
    }

    func with(bold: Bool) -> Style {
        var s = self
        s.bold = bold
        return s
    }
}
