import HelpDeskCore

/// Lowering a fault's level (`-`, supervisors): a lower level and the reason.
extension Form {
    public static func lower(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form? {
        guard let current = item.level, current != .three else { return nil }
        let lower = FaultLevel.allCases.filter { $0.isRaised(to: current) }.sorted { $0.rawValue < $1.rawValue }
        return Form(purpose: .lower(id: item.id ?? 0, version: item.version, current: current),
                    title: lang == .zh ? "降低故障级别 #\(item.id ?? 0)" : "Lower fault #\(item.id ?? 0)",
                    fields: [level(lower, lang), reason(lang)], clock: clock)
    }

    static func opening(lowering item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        let zh = context.zh
        guard item.kind == .fault else {
            return .refused(zh ? "只有故障有级别可以降低" : "only faults have a level to lower")
        }
        guard let form = Form.lower(item, context.language, context.clock) else {
            return .refused(zh ? "只能降低 1、2 级故障" : "only level 1 and 2 faults can be lowered")
        }
        if let refused = context.refuseUnlessSupervisor() { return refused }
        return .open(form)
    }

    func lowerRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let level = chosenLevel else { return nil }
        return .lower(id: id, level: level, reason: value(.reason), version: version)
    }
}
