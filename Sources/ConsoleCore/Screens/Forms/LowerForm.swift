import HelpDeskCore

/// Lowering a fault's level (`-`, supervisors): a lower level and the reason.
extension Form {
    public static func lower(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form? {
        guard let current = item.level, current != .three else { return nil }
        let lower = FaultLevel.allCases.filter { $0.isRaised(to: current) }.sorted { $0.rawValue < $1.rawValue }
        return Form(purpose: .lower(id: item.id ?? 0, version: item.version, current: current),
                    title: Catalog.Forms.Title.lower(item.id ?? 0)(lang),
                    fields: [level(lower, lang), reason(lang)], clock: clock)
    }

    static func opening(lowering item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .fault else {
            return .refused(Catalog.Forms.Refusal.onlyFaultsLowered(context.language))
        }
        guard let form = Form.lower(item, context.language, context.clock) else {
            return .refused(Catalog.Forms.Refusal.lowerLevels(context.language))
        }

        if let refused = context.refuseUnlessSupervisor() { return refused }
        return .open(form)
    }

    func lowerRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let level = chosenLevel else { return nil }
        return .lower(id: id, level: level, reason: value(.reason), version: version)
    }
}
