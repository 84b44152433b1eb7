import HelpDeskCore

/// A screen that lists one kind of item (the tasks, the changes): its own keys, its columns around
/// the title and its rows' cells; the list's reducer, footer and drawing come with them.
protocol ItemListScreen {
    static var keys: [Binding] { get }
    /// The fixed columns, and where among them the flexible title goes.
    static func columns(_ context: ScreenContext) -> (columns: [Column], titleAt: Int)
    /// A row's cells, its id cell in `idStyle`.
    static func cells(_ item: WorkItem, idStyle: Style, _ state: ServiceListScreen.State, _ context: ScreenContext, _ theme: Theme) -> [(String, Style)]
}

extension ItemListScreen {
    static func reduce(_ state: inout ServiceListScreen.State, _ action: ServiceListScreen.Action) -> [ServiceListScreen.Effect] {
        ServiceListScreen.reduce(&state, action, keys: keys)
    }

    static func hints(_ lang: Language) -> Hints { ServiceListScreen.hints(keys, lang) }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: ServiceListScreen.State, focused: Bool, _ context: ScreenContext,
                     _ theme: Theme) {
        let (columns, titleAt) = columns(context)
        ServiceListScreen.draw(&buf, rect, state, focused: focused, context, theme, columns: columns, titleAt: titleAt) { item, idStyle in
            cells(item, idStyle: idStyle, state, context, theme)
        }
    }
}

extension ServiceListScreen {
    /// The list's name and how many items its filters let through.
    static func title(_ state: State, _ context: ScreenContext) -> String {
        "\(name(state.kind, context)) (\(state.window.total))"
    }

    /// 数据处理 / Tasks, 软件升级 / Changes, 培训 / Trainings.
    static func name(_ kind: ServiceKind, _ context: ScreenContext) -> String {
        switch kind {
        case .task: return context.strings(.tasks)
        case .change: return context.strings(.changes)
        case .training: return context.strings(.trainings)
        }
    }

    /// The list in `rect`: its title with the filters, the column headers of `fixed` around a
    /// flexible title column (at `titleAt`), and one row an item from `cells`.
    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext,
                     _ theme: Theme, columns fixed: [Column], titleAt: Int,
                     cells: (_ item: WorkItem, _ idStyle: Style) -> [(String, Style)]) {
        let t = context.strings
        buf.paneHeader(rect, title(state, context), note: state.window.filter.summary(context.language, kind: state.kind),
                       focused: focused, theme)
        let w = state.window
        let carried = w.items.map { cells($0, theme[.base]).map(\.0) }
        let cols = Column.fit(Column.sized(fixed, flexibleAt: titleAt, carrying: carried), flexibleAt: titleAt, flexTitle: t(.title), total: rect.width)
        buf.columnHeaders(rect, cols, theme)
        let rows = ListRows(items: w.items, offset: w.offset, total: w.total, selection: w.selection, loaded: w.loaded)
        buf.listRows(rect, cols, rows, focused: focused, empty: t(.noItems), theme, cells: cells)
    }

    /// A column as wide as the widest of `labels` and its title.
    static func column(_ title: String, _ labels: [String], alignRight: Bool = false) -> Column {
        Column(title: title, width: ([title] + labels).map(TerminalText.width).max() ?? 4, alignRight: alignRight)
    }
}
