import HelpDeskCore

/// The rows of a list that is read a window at a time, as the queue and the lists of tasks and
/// changes draw them.
struct ListRows {
    var items: [WorkItem]
    /// Where `items` start in the list.
    var offset: Int
    var total: Int
    var selection: Int
    /// A window has arrived: an empty list says so rather than waiting.
    var loaded: Bool
}

extension ScreenBuffer {
    /// A list's rows under its title and column headers: scrolled a page at a time (moving within
    /// a page redraws two rows only), `…` for rows not loaded yet, `empty` when nothing matches, and
    /// the selection marker. `cells` gives a row's cells, its id cell in `idStyle`.
    mutating func listRows(_ rect: Rect, _ cols: [Column], _ list: ListRows, focused: Bool, empty: String, _ theme: Theme,
                           cells: (_ item: WorkItem, _ idStyle: Style) -> [(String, Style)]) {
        let rows = rect.height - 2
        guard rows > 0 else { return }
        if list.loaded && list.total == 0 {
            put(empty, x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        let top = (list.selection / rows) * rows
        for r in 0..<rows {
            let index = top + r
            guard index < list.total else { break }
            let y = rect.y + 2 + r
            let selected = index == list.selection
            let i = index - list.offset
            guard list.items.indices.contains(i) else {
                put("…", x: rect.x + 2, y: y, style: theme[.dim])
                continue
            }
            let idStyle = selected && focused ? theme[.selected] : theme[.base]
            drawRow(x: rect.x, y: y, cols, cells(list.items[i], idStyle), width: rect.width)
            if selected { selectionMarker(x: rect.x, y: y, focused: focused, theme) }
        }
    }

    /// A list's column headers, on the row under its title: every table's headers are drawn here,
    /// each starting with a capital (`Tier`, `Next`), whichever catalog text names it.
    mutating func columnHeaders(_ rect: Rect, _ cols: [Column], _ theme: Theme) {
        drawRow(x: rect.x, y: rect.y + 1, cols, cols.map { (Self.heading($0.title), theme[.header]) }, width: rect.width)
    }

    /// `tier` → `Tier`; a title that starts otherwise (Chinese, `#`, a digit) as it is.
    static func heading(_ title: String) -> String {
        guard let first = title.first, first.isASCII, first.isLowercase else { return title }
        return first.uppercased() + title.dropFirst()
    }
}
