import HelpDeskCore

/// Escalating a fault by hand one tier up (`E`): the tier is fixed, the reason required.
extension Form {
    public static func escalate(_ item: WorkItem, to step: EscalationStep, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .escalate(id: item.id ?? 0, to: step),
             title: lang == .zh ? "升级 #\(item.id ?? 0) 至 \(step.label(.zh))" : "Escalate #\(item.id ?? 0) to \(step.label(.en))",
             fields: [reason(lang)], clock: clock)
    }

    static func opening(escalating item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        let zh = context.zh
        guard item.kind == .fault, let id = item.id else {
            return .refused(zh ? "只有故障可以升级" : "only faults are escalated")
        }
        let taken = Set(context.escalations[id]?.taken ?? [])
        guard let next = EscalationEngine.manualNext(taken: taken) else {
            return .refused(zh ? "#\(id) 已升级至 T2，无法再升" : "#\(id) has reached T2, the top of the path")
        }
        return .open(.escalate(item, to: next, context.language, context.clock))
    }

    func escalateRequest(id: Int64) -> WriteRequest? {
        .escalate(id: id, reason: value(.reason))
    }
}
