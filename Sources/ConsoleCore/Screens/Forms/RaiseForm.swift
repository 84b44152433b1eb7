import HelpDeskCore

/// Raising a fault's level (`+`): a higher level and the reason.
extension Form {
    public static func raise(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form? {
        guard let current = item.level, current != .one else { return nil }
        let higher = FaultLevel.allCases.filter { current.isRaised(to: $0) }.sorted { $0.rawValue > $1.rawValue }
        return Form(purpose: .raise(id: item.id ?? 0, version: item.version, current: current),
                    title: Catalog.Forms.Title.raise(item.id ?? 0)(lang),
                    fields: [level(higher, lang), reason(lang)], clock: clock)
    }

    static func opening(raising item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .fault, let form = Form.raise(item, context.language, context.clock) else {
            return .refused(Catalog.Forms.Refusal.raiseLevels(context.language))

        }
        return .open(form)
    }

    func raiseRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let level = chosenLevel else { return nil }
        return .raise(id: id, level: level, reason: value(.reason), version: version)
    }
}
