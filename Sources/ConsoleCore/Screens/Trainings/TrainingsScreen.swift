import HelpDeskCore

/// The training sessions (培训) for supervisors, operators and system administrators, latest held
/// first.
///
/// A whole screen of its own (`6` or `:trainings`), listed in the tab bar on a small terminal.
/// Shows one row a session (id, audience, the day it is held, topic, steps done of seven,
/// attendance, average score) under a header that sums up the filters. Takes the list's keys
/// (`ServiceListScreen`; `K` cycles the audience, `/` searches topic, place and trainer) and its
/// own (`Keymap.trainings`): `n` a new training, `s` its next step done, `a` an attendee, `e` an
/// exam score, `M` a material.
public enum TrainingsScreen: ItemListScreen {
    static let keys = Keymap.trainings

    /// Id, audience, day, (the topic), steps, attendance, average.
    static func columns(_ context: ScreenContext) -> (columns: [Column], titleAt: Int) {
        let t = context.strings
        let lang = context.language
        let say = Catalog.Screens.Trainings.self
        return ([Column(title: t(.id), width: 6, alignRight: true),
                 ServiceListScreen.column(say.audience(lang), TrainingType.allCases.map { typeLabel($0, lang) }),
                 Column(title: say.heldOn(lang), width: 10),
                 ServiceListScreen.column(say.steps(lang), ["7/7"], alignRight: true),
                 ServiceListScreen.column(say.attended(lang), ["999"], alignRight: true),
                 ServiceListScreen.column(say.average(lang), ["100.0"], alignRight: true)], 3)
    }

    static func cells(_ item: WorkItem, idStyle: Style, _ state: ServiceListScreen.State, _ context: ScreenContext, _ theme: Theme) -> [(String, Style)] {
        let base = theme[.base]
        guard let d = state.facts[item.id ?? 0]?.training else {
            return [("\(item.id ?? 0)", idStyle), ("", base), ("", base), (item.title, base), ("", base), ("", base), ("", base)]
        }
        // All seven steps done in the style of a figure met.
        let steps = ("\(d.stepsDone)/\(TrainingStep.allCases.count)", d.nextStep == nil ? theme[.kpiMet] : base)
        return [("\(item.id ?? 0)", idStyle), (typeLabel(d.type, context.language), base), (d.heldOn.description, base),
                (item.title, base), steps, ("\(d.attendees.count)", base), (TrainingRules.averageText(d.averageScore), base)]
    }

    /// An audience as short as a list column wants it: 经办人员, not 业务经办人员.
    static func typeLabel(_ type: TrainingType, _ lang: Language) -> String {
        Catalog.Screens.Trainings.shortAudience(type)(lang)
    }
}
