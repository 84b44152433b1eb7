import HelpDeskCore

/// Resolving a ticket or restoring a fault (`x`): cause and solution, required, and for a fault how
/// it was handled. A requirement is assessed first.
extension Form {
    public static func resolve(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        if item.kind == .fault {
            return Form(purpose: .restore(id: item.id ?? 0, version: item.version),
                        title: Catalog.Forms.Title.restore(item.id ?? 0)(lang),
                        fields: causeAndSolution(lang) + [
                            choice(.mode, Catalog.Forms.Field.mode(lang), ResponseMode.allCases.map {
                                Choice($0.rawValue, $0.label(lang))
                            }),
                        ], clock: clock)
        }
        return Form(purpose: .resolve(id: item.id ?? 0, version: item.version),
                    title: Catalog.Forms.Title.resolve(item.id ?? 0)(lang),
                    fields: causeAndSolution(lang),
                    clock: clock)
    }

    static func opening(resolving item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        if item.awaitsAssessment {
            return .refused(Catalog.Forms.Refusal.assessFirst(context.language))

        }
        return .open(.resolve(item, context.language, context.clock))
    }

    func resolveRequest(id: Int64, version: Int) -> WriteRequest? {
        .resolve(id: id, cause: value(.cause), solution: value(.solution), version: version)
    }

    func restoreRequest(id: Int64, version: Int) -> WriteRequest? {
        .restore(id: id, cause: value(.cause), solution: value(.solution), mode: ResponseMode(rawValue: value(.mode)), version: version)
    }
}
