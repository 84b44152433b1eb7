import HelpDeskCore

/// The next step of a training done (`s`): the steps go in the tender's order, so the form offers
/// the first one pending, with when it was done (now unless changed). Refused, in the rules'
/// words, once all seven are done.
extension Form {
    public static func trainingStep(_ item: WorkItem, step: TrainingStep, _ lang: Language, _ clock: Clock) -> Form {
        let zh = lang == .zh
        let id = item.id ?? 0
        return Form(purpose: .trainingStep(id: id, version: item.version, step: step),
                    title: zh ? "#\(id) 完成培训步骤" : "#\(id) step done",
                    fields: [choice(.step, zh ? "步骤" : "Step", [Choice(step.rawValue, "\(step.number) \(step.label(lang))")]),
                             happenedAt(zh ? "完成时间" : "Done at", clock)],
                    clock: clock)
    }

    static func opening(steppingOn item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training, let detail = context.facts?.training else {
            return .refused(context.zh ? "只有培训有培训步骤" : "only trainings have steps")
        }
        guard let next = detail.nextStep else {
            return .refused(context.zh ? "#\(item.id ?? 0) 的七个步骤都已完成" : "all seven steps of #\(item.id ?? 0) are done")
        }
        return .open(.trainingStep(item, step: next, context.language, context.clock))
    }

    func trainingStepRequest(id: Int64, step: TrainingStep, version: Int) -> WriteRequest? {
        .trainingStep(id: id, step: step, at: happenedAt, version: version)
    }
}
