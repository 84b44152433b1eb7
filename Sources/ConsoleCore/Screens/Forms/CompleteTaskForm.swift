import HelpDeskCore

/// Completing a data-processing task (`x` on the tasks screen): cause and solution, required.
extension Form {
    public static func completeTask(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .completeTask(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "完成任务 #\(item.id ?? 0)" : "Complete task #\(item.id ?? 0)",
             fields: causeAndSolution(lang), clock: clock)
    }

    static func opening(completing item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .task else {
            return .refused(context.zh ? "只有数据处理任务在这里完成；工单用 x 解决" : "only data-processing tasks are completed here")
        }
        return .open(.completeTask(item, context.language, context.clock))
    }

    func completeTaskRequest(id: Int64, version: Int) -> WriteRequest? {
        .completeTask(id: id, cause: value(.cause), solution: value(.solution), version: version)
    }
}
