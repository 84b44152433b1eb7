import HelpDeskCore

/// Assessing a requirement (`v`): the due date agreed with the requester, with whom, and the size.
extension Form {
    public static func assess(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        return Form(purpose: .assess(id: item.id ?? 0, version: item.version),
                    title: Catalog.Forms.Title.assess(item.id ?? 0)(lang),
                    fields: [
                        text(.due, Catalog.Forms.Field.agreedDue(lang), .due),
                        text(.agreedWith, t(.agreedWith), .required, item.requesterName ?? ""),
                        text(.size, Catalog.Forms.Field.size(lang)),
                    ], clock: clock)
    }

    static func opening(assessing item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .requirement else {
            return .refused(Catalog.Forms.Refusal.onlyRequirementsAssessed(context.language))

        }
        return .open(.assess(item, context.language, context.clock))
    }

    func assessRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let due = LocalTimeInput.due(value(.due), today: clock.today, closing: clock.closing) else { return nil }
        let size = value(.size)
        return .assess(id: id, due: due, agreedWith: value(.agreedWith), size: size.isEmpty ? nil : size, version: version)
    }
}
