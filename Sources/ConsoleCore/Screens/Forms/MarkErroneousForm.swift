import HelpDeskCore

/// Marking a completed task as found erroneous (`e`): what was wrong. It stays completed; once only.
extension Form {
    public static func markErroneous(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .markErroneous(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "标记任务 #\(item.id ?? 0) 有误" : "Mark task #\(item.id ?? 0) erroneous",
             fields: [text(.note, lang == .zh ? "错误说明" : "What was wrong", .required, long: true)], clock: clock)
    }

    static func opening(markingErroneous item: WorkItem, _ context: FormContext) -> FormOpening {
        let zh = context.zh
        let id = item.id ?? 0
        guard item.kind == .task else {
            return .refused(zh ? "只有数据处理任务可以标记为有误" : "only data-processing tasks are marked erroneous")
        }
        guard item.status == .closed else {
            return .refused(zh ? "#\(id) 尚未完成；只有已完成的任务才能标记为有误" : "#\(id) is not completed; only a completed task can be found erroneous")
        }
        if let earlier = context.facts?.error {
            return .refused(zh ? "#\(id) 已由 \(earlier.actor) 于 \(BeijingTime.iso(earlier.at)) 标记为有误"
                               : "#\(id) was already marked erroneous by \(earlier.actor) at \(BeijingTime.iso(earlier.at))")
        }
        return .open(.markErroneous(item, context.language, context.clock))
    }

    func markErroneousRequest(id: Int64, version: Int) -> WriteRequest? {
        .markErroneous(id: id, note: value(.note), version: version)
    }
}
