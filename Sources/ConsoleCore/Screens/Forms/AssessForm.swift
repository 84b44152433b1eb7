import HelpDeskCore

/// Assessing a requirement (`v`): the due date agreed with the requester, with whom, and the size.
extension Form {
    public static func assess(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        return Form(purpose: .assess(id: item.id ?? 0, version: item.version),
                    title: zh ? "评估需求 #\(item.id ?? 0)" : "Assess requirement #\(item.id ?? 0)",
                    fields: [
                        text(.due, zh ? "约定完成时间" : "Agreed due", .due),
                        text(.agreedWith, t(.agreedWith), .required, item.requesterName ?? ""),
                        text(.size, zh ? "工作量估计" : "Size estimate"),
                    ], clock: clock)
    }

    static func opening(assessing item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        guard item.kind == .requirement else {
            return .refused(context.zh ? "只有需求类工单需要评估" : "only requirement tickets are assessed")
        }
        return .open(.assess(item, context.language, context.clock))
    }

    func assessRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let due = LocalTimeInput.due(value(.due), today: clock.today, closing: clock.closing) else { return nil }
        let size = value(.size)
        return .assess(id: id, due: due, agreedWith: value(.agreedWith), size: size.isEmpty ? nil : size, version: version)
    }
}
