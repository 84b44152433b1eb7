import HelpDeskCore

/// Moving a change to its next stage (`a`): who signed, when it goes to confirmed; cause, solution
/// and the delivery (a new one with a label, or one already made), when it is released; nothing
/// more otherwise. A step the rules refuse (user test without a passing round) is refused with
/// their words before the form opens; the store holds to the same rules when it saves.
extension Form {
    public static func advance(_ item: WorkItem, from stage: ChangeStage, to next: ChangeStage, _ lang: Language, _ clock: Clock) -> Form {
        typealias Label = Catalog.Forms.Field
        let fields: [Field]
        switch next {
        case .confirmed:
            fields = [text(.signedBy, Label.signedBy(lang), .required)]
        case .released:
            fields = causeAndSolution(lang) + [text(.label, Label.deliveryLabel(lang)),
                                               text(.delivery, Label.joinDelivery(lang), .itemId)]
        default:
            fields = [choice(.stage, Label.nextStage(lang), [Choice(next.rawValue, next.label(lang))])]
        }
        let id = item.id ?? 0
        return Form(purpose: .advance(id: id, version: item.version, to: next),
                    title: Catalog.Forms.Title.advance(id, from: stage, to: next)(lang),
                    fields: fields, clock: clock)
    }

    static func opening(advancing item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .change, let detail = context.facts?.change else {
            return .refused(Catalog.Forms.Refusal.onlyChangesAdvance(context.language))
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
            return [(label(of: .label), Catalog.Forms.Problem.releaseNeedsDelivery(lang))]
        }
        guard !value(.label).isEmpty, !value(.delivery).isEmpty else { return [] }
        return [(label(of: .delivery), Catalog.Forms.Problem.labelOnlyForNew(lang))]

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
