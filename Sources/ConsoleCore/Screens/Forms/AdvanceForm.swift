import HelpDeskCore

/// Moving a change to its next stage (`a`): who signed, when it goes to confirmed; cause, solution
/// and the delivery (a new one with a label, or one already made), when it is released; nothing
/// more otherwise. A step the rules refuse (user test without a passing round) is refused with
/// their words before the form opens; the store holds to the same rules when it saves.
extension Form {
    public static func advance(_ item: WorkItem, from stage: ChangeStage, to next: ChangeStage, _ lang: Language, _ clock: Clock) -> Form {
        let zh = lang == .zh
        let fields: [Field]
        switch next {
        case .confirmed:
            fields = [text(.signedBy, zh ? "签字人" : "Signed by", .required)]
        case .released:
            fields = causeAndSolution(lang) + [text(.label, zh ? "交付标签" : "Delivery label"),
                                               text(.delivery, zh ? "或并入交付编号" : "Or in delivery #", .itemId)]
        default:
            fields = [choice(.stage, zh ? "下一阶段" : "Next stage", [Choice(next.rawValue, next.label(lang))])]
        }
        let id = item.id ?? 0
        return Form(purpose: .advance(id: id, version: item.version, to: next),
                    title: zh ? "推进 #\(id)：\(stage.label(lang)) → \(next.label(lang))" : "Advance #\(id): \(stage.label(lang)) → \(next.label(lang))",
                    fields: fields, clock: clock)
    }

    static func opening(advancing item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .change, let detail = context.facts?.change else {
            return .refused(context.zh ? "只有软件升级（变更）有阶段可推进" : "only change requests have stages to advance")
        }
        do {
            // Who signed is asked by the form, so the rules are asked with a stand-in for it.
            let signer = detail.stage.next == .confirmed ? "?" : nil
            let next = try ChangeRules.advance(from: detail.stage, signedBy: signer, rounds: detail.rounds)
            return .open(.advance(item, from: detail.stage, to: next, context.language, context.clock))
        } catch {
            return .refused(error.text(context.language))
        }
    }

    /// A release goes out in a new delivery or in one already made, not both.
    func releaseProblems(_ lang: Language) -> [(String, String)] {
        if value(.label).isEmpty && value(.delivery).isEmpty {
            // A delivery is a record that never changes: it is named on purpose, never by default.
            return [(label(of: .label),
                     lang == .zh ? "新交付须有标签（如 V3.2.1），或填写要并入的交付编号" : "name the new delivery (e.g. V3.2.1), or give one to join")]
        }
        guard !value(.label).isEmpty, !value(.delivery).isEmpty else { return [] }
        return [(label(of: .delivery),
                 lang == .zh ? "标签用于新的交付；并入已有交付时不填标签" : "a label names a new delivery; leave it empty to join one")]
    }

    func advanceRequest(id: Int64, to next: ChangeStage, version: Int) -> WriteRequest? {
        switch next {
        case .confirmed:
            return .advance(id: id, to: next, signedBy: value(.signedBy), release: nil, version: version)
        case .released:
            let label = value(.label)
            let release = Release(cause: value(.cause), solution: value(.solution), label: label.isEmpty ? nil : label,
                                  delivery: Form.itemId(value(.delivery)))
            return .advance(id: id, to: next, signedBy: nil, release: release, version: version)
        default:
            return .advance(id: id, to: next, signedBy: nil, release: nil, version: version)
        }
    }
}
