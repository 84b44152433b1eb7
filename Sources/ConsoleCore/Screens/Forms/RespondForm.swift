import HelpDeskCore

/// Responding to a ticket (`r`): a note, required. Faults are restored or raised instead.
extension Form {
    public static func respond(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .respond(id: item.id ?? 0, version: item.version),
             title: Catalog.Forms.Title.respond(item.id ?? 0)(lang),
             fields: [text(.note, Strings(lang)(.note), .required, long: true)], clock: clock)
    }

    static func opening(respondingTo item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind.isCase else {
            return .refused(Catalog.Forms.Refusal.faultsNotResponded(context.language))

        }
        return .open(.respond(item, context.language, context.clock))
    }

    func respondRequest(id: Int64, version: Int) -> WriteRequest? {
        .respond(id: id, note: value(.note), version: version, template: templateUsed)
    }
}
