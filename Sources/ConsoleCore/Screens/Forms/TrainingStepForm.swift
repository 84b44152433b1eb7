import HelpDeskCore

/// The next step of a training done (`s`): the steps go in the tender's order, so the form offers
/// the first one pending, with when it was done (now unless changed). Refused, in the rules'
/// words, once all seven are done.
extension Form {
    public static func trainingStep(_ item: WorkItem, step: TrainingStep, _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        return Form(purpose: .trainingStep(id: id, version: item.version, step: step),
                    title: Catalog.Forms.Title.trainingStep(id)(lang),
                    fields: [choice(.step, Catalog.Forms.Field.step(lang), [Choice(step.rawValue, "\(step.number) \(step.label(lang))")]),
                             happenedAt(Catalog.Forms.Field.doneAt(lang), clock)],
                    clock: clock)
    }

    static func opening(steppingOn item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training, let detail = context.facts?.training else {
            return .refused(Catalog.Forms.Refusal.onlyTrainingsHaveSteps(context.language))
        }
        guard let next = detail.nextStep else {
            return .refused(Catalog.Forms.Refusal.allStepsDone(item.id ?? 0)(context.language))

        }
        return .open(.trainingStep(item, step: next, context.language, context.clock))
    }

    func trainingStepRequest(id: Int64, step: TrainingStep, version: Int) -> WriteRequest? {
        .trainingStep(id: id, step: step, at: happenedAt, version: version)
    }
}
