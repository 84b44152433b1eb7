import HelpDeskCore

/// Reopening a closed item (`u`, supervisors): the reason is required.
extension Form {
    public static func reopen(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .reopen(id: item.id ?? 0, version: item.version),
             title: Catalog.Forms.Title.reopen(item.id ?? 0)(lang),
             fields: [reason(lang)], clock: clock)
    }

    static func opening(reopening item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.status == .closed else {
            return .refused(Catalog.Forms.Refusal.notClosed(item.id ?? 0)(context.language))

        }
        if let refused = context.refuseUnlessSupervisor() { return refused }
        return .open(.reopen(item, context.language, context.clock))
    }

    func reopenRequest(id: Int64, version: Int) -> WriteRequest? {
        .reopen(id: id, reason: value(.reason), version: version)
    }
}
