import HelpDeskCore

/// The change requests (软件升级): policy adjustments, optimisations, bug fixes and new
/// requirements on their way to production, most urgent first.
///
/// A whole screen of its own (`5` or `:changes`), listed in the tab bar on a small terminal. Shows
/// one row a change (id, type, stage, title, deadline, time left coloured by urgency) under a header
/// that sums up the filters. Takes the list's keys (`ServiceListScreen`) and its own
/// (`Keymap.changes`): `n` a new change, `a` the next stage, `t` a test round, `d` the delivery of a
/// released change, `D` a defect found in it.
public enum ChangesScreen {
    public typealias State = ServiceListScreen.State

    public static func reduce(_ state: inout State, _ action: ServiceListScreen.Action) -> [ServiceListScreen.Effect] {
        ServiceListScreen.reduce(&state, action, keys: Keymap.changes)
    }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext, _ theme: Theme) {
        let t = context.strings
        let lang = context.language
        let zh = lang == .zh
        let columns = [
            Column(title: t(.id), width: 6, alignRight: true),
            ServiceListScreen.column(zh ? "类型" : "Type", ChangeType.allCases.map { typeLabel($0, lang) }),
            ServiceListScreen.column(zh ? "阶段" : "Stage", ChangeStage.allCases.map { $0.label(lang) }),
            Column(title: t(.deadline), width: 11), Column(title: t(.timeLeft), width: 10, alignRight: true),
        ]
        ServiceListScreen.draw(&buf, rect, state, focused: focused, context, theme, columns: columns, titleAt: 3) { item, idStyle in
            let base = theme[.base]
            let detail = state.changes[item.id ?? 0]
            let stage = detail.map { ($0.stage.label(lang), $0.stage == .released ? theme[.kpiMet] : base) } ?? ("", base)
            return [("\(item.id ?? 0)", idStyle), (detail.map { typeLabel($0.type, lang) } ?? "", base), stage,
                    (item.title, base)] + DueText.cells(item, context, theme)
        }
    }

    /// A change's type as short as a list column wants it: 功能优化, not 系统功能优化.
    static func typeLabel(_ type: ChangeType, _ lang: Language) -> String {
        switch (type, lang) {
        case (.optimisation, .zh): return "功能优化"
        case (.bugfix, .zh): return "BUG优化"
        case (.policy, .en): return "policy"
        case (.requirement, .en): return "requirement"
        default: return type.label(lang)
        }
    }

    static func hints(_ lang: Language) -> Hints { ServiceListScreen.hints(Keymap.changes, lang) }
}
