import HelpDeskCore

/// Marking a completed task as found erroneous (`e`): what was wrong. It stays completed; once only.
extension Form {
    public static func markErroneous(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .markErroneous(id: item.id ?? 0, version: item.version),
             title: Catalog.Forms.Title.markErroneous(item.id ?? 0)(lang),
             fields: [text(.note, Catalog.Forms.Field.whatWasWrong(lang), .required, long: true)], clock: clock)
    }

    static func opening(markingErroneous item: WorkItem, _ context: FormContext) -> FormOpening {
        let lang = context.language
        let id = item.id ?? 0
        guard item.kind == .task else {
            return .refused(Catalog.Forms.Refusal.onlyTasksMarkedErroneous(lang))
        }
        guard item.status == .closed else {
            return .refused(Catalog.Forms.Refusal.notCompleted(id)(lang))
        }
        if let earlier = context.facts?.error {
            return .refused(Catalog.Forms.Refusal.alreadyErroneous(id, by: earlier.actor, at: BeijingTime.iso(earlier.at))(lang))
        }

        return .open(.markErroneous(item, context.language, context.clock))
    }

    func markErroneousRequest(id: Int64, version: Int) -> WriteRequest? {
        .markErroneous(id: id, note: value(.note), version: version)
    }
}
