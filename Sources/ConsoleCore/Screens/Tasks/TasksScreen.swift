import HelpDeskCore

/// The data-processing tasks (数据处理): data fixes, corrections and statistics jobs, most urgent
/// first.
///
/// A whole screen of its own (`4` or `:tasks`), listed in the tab bar on a small terminal. Shows
/// one row a task (id, status, title, assignee, deadline, time left coloured by urgency, and when
/// it was found erroneous) under a header that sums up the filters. Takes the list's keys
/// (`ServiceListScreen`) and its own (`Keymap.tasks`): `n` a new task, `x` complete, `e` mark a
/// completed task erroneous, `t` take, `A` assign.
public enum TasksScreen: ItemListScreen {
    static let keys = Keymap.tasks

    /// Id, status, (the title), assignee, deadline, time left, the error mark.
    static func columns(_ context: ScreenContext) -> (columns: [Column], titleAt: Int) {
        let t = context.strings
        let statuses = ItemStatus.allCases.map { $0.label(context.language, kind: .task) }
        return ([Column(title: t(.id), width: 6, alignRight: true), ServiceListScreen.column(t(.status), statuses),
                 Column(title: t(.assignee), width: 8), Column(title: t(.deadline), width: 11),
                 Column(title: t(.timeLeft), width: 10, alignRight: true),
                 ServiceListScreen.column(Catalog.Screens.Tasks.erroneous(context.language), ["✗ 11-25"])], 2)
    }

    static func cells(_ item: WorkItem, idStyle: Style, _ state: ServiceListScreen.State, _ context: ScreenContext, _ theme: Theme) -> [(String, Style)] {
        let base = theme[.base]
        // When it was found erroneous, in the alarm style.
        let mark = state.facts[item.id ?? 0]?.error.map { ("✗ " + BeijingTime.local($0.at).date.description.dropFirst(5), theme[.error]) }
        return [("\(item.id ?? 0)", idStyle), (item.status.label(context.language, kind: .task), base), (item.title(in: context.language), base),
                (item.assignee ?? "", base)] + DueText.cells(item, context, theme) + [mark ?? ("", base)]
    }
}
