import HelpDeskCore

/// Completing a data-processing task (`x` on the tasks screen): cause and solution, required.
extension Form {
    public static func completeTask(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .completeTask(id: item.id ?? 0, version: item.version),
             title: Catalog.Forms.Title.completeTask(item.id ?? 0)(lang),
             fields: causeAndSolution(lang), clock: clock)
    }

    static func opening(completing item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .task else {
            return .refused(Catalog.Forms.Refusal.onlyTasksCompleted(context.language))

        }
        return .open(.completeTask(item, context.language, context.clock))
    }

    func completeTaskRequest(id: Int64, version: Int) -> WriteRequest? {
        .completeTask(id: id, cause: value(.cause), solution: value(.solution), version: version)
    }
}
