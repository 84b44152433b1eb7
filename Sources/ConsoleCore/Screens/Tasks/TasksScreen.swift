import HelpDeskCore

/// The data-processing tasks (数据处理): data fixes, corrections and statistics jobs, most urgent
/// first.
///
/// A whole screen of its own (`4` or `:tasks`), listed in the tab bar on a small terminal. Shows
/// one row a task (id, status, title, assignee, deadline, time left coloured by urgency, and when
/// it was found erroneous) under a header that sums up the filters. Takes the list's keys
/// (`ServiceListScreen`) and its own (`Keymap.tasks`): `n` a new task, `x` complete, `e` mark a
/// completed task erroneous, `t` take, `A` assign.
public enum TasksScreen {
    public typealias State = ServiceListScreen.State

    public static func reduce(_ state: inout State, _ action: ServiceListScreen.Action) -> [ServiceListScreen.Effect] {
        ServiceListScreen.reduce(&state, action, keys: Keymap.tasks)
    }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext, _ theme: Theme) {
        let t = context.strings
        let lang = context.language
        let zh = lang == .zh
        let statuses = ItemStatus.allCases.map { $0.label(lang, kind: .task) }
        let columns = [
            Column(title: t(.id), width: 6, alignRight: true), ServiceListScreen.column(t(.status), statuses),
            Column(title: t(.assignee), width: 8), Column(title: t(.deadline), width: 11),
            Column(title: t(.timeLeft), width: 10, alignRight: true), ServiceListScreen.column(zh ? "有误" : "erroneous", ["✗ 11-25"]),
        ]
        ServiceListScreen.draw(&buf, rect, state, focused: focused, context, theme, columns: columns, titleAt: 2) { item, idStyle in
            let base = theme[.base]
            let mark = state.errors[item.id ?? 0].map { ("✗ " + String(BeijingTime.local($0.at).date.description.dropFirst(5)), theme[.error]) }
            return [("\(item.id ?? 0)", idStyle), (item.status.label(lang, kind: .task), base), (item.title, base),
                    (item.assignee ?? "", base)] + DueText.cells(item, context, theme) + [mark ?? ("", base)]
        }
    }

    static func hints(_ lang: Language) -> Hints { ServiceListScreen.hints(Keymap.tasks, lang) }
}
