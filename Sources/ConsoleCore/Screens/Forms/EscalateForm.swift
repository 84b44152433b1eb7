import HelpDeskCore

/// Escalating a fault by hand one tier up (`E`): the tier is fixed, the reason required.
extension Form {
    public static func escalate(_ item: WorkItem, to step: EscalationStep, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .escalate(id: item.id ?? 0, to: step),
             title: Catalog.Forms.Title.escalate(item.id ?? 0, to: step)(lang),
             fields: [reason(lang)], clock: clock)
    }

    static func opening(escalating item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .fault, let id = item.id else {
            return .refused(Catalog.Forms.Refusal.onlyFaultsEscalated(context.language))
        }
        let taken = Set(context.escalations[id]?.taken ?? [])
        guard let next = EscalationEngine.manualNext(taken: taken) else {
            return .refused(Catalog.Forms.Refusal.topOfPath(id)(context.language))
        }

        return .open(.escalate(item, to: next, context.language, context.clock))
    }

    func escalateRequest(id: Int64) -> WriteRequest? {
        .escalate(id: id, reason: value(.reason))
    }
}
