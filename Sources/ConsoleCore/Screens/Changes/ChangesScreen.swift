import HelpDeskCore

/// The change requests (软件升级): policy adjustments, optimisations, bug fixes and new
/// requirements on their way to production, most urgent first.
///
/// A whole screen of its own (`5` or `:changes`), listed in the tab bar on a small terminal. Shows
/// one row a change (id, type, stage, title, deadline, time left coloured by urgency) under a header
/// that sums up the filters. Takes the list's keys (`ServiceListScreen`) and its own
/// (`Keymap.changes`): `n` a new change, `a` the next stage, `t` a test round, `d` the delivery of a
/// released change, `D` a defect found in it.
public enum ChangesScreen: ItemListScreen {
    static let keys = Keymap.changes

    /// Id, type, stage, (the title), deadline, time left.
    static func columns(_ context: ScreenContext) -> (columns: [Column], titleAt: Int) {
        let t = context.strings
        let lang = context.language
        return ([Column(title: t(.id), width: 6, alignRight: true),
                 ServiceListScreen.column(Catalog.Screens.Changes.type(lang), ChangeType.allCases.map { typeLabel($0, lang) }),
                 ServiceListScreen.column(Catalog.Screens.Changes.stage(lang), ChangeStage.allCases.map { $0.label(lang) }),
                 Column(title: t(.deadline), width: 11), Column(title: t(.timeLeft), width: 10, alignRight: true)], 3)
    }

    static func cells(_ item: WorkItem, idStyle: Style, _ state: ServiceListScreen.State, _ context: ScreenContext, _ theme: Theme) -> [(String, Style)] {
        let base = theme[.base]
        // A released change's stage in the style of a figure met.
        let detail = state.facts[item.id ?? 0]?.change
        let stage = detail.map { ($0.stage.label(context.language), $0.stage == .released ? theme[.kpiMet] : base) } ?? ("", base)
        return [("\(item.id ?? 0)", idStyle), (detail.map { typeLabel($0.type, context.language) } ?? "", base), stage,
                (item.title, base)] + DueText.cells(item, context, theme)
    }

    /// A change's type as short as a list column wants it: 功能优化, not 系统功能优化.
    static func typeLabel(_ type: ChangeType, _ lang: Language) -> String {
        Catalog.Screens.Changes.shortType(type)(lang)
    }
}
