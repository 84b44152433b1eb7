import HelpDeskCore

/// Reopening a closed item (`u`, supervisors): the reason is required.
extension Form {
    public static func reopen(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .reopen(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "重新打开 #\(item.id ?? 0)" : "Reopen #\(item.id ?? 0)",
             fields: [reason(lang)], clock: clock)
    }

    static func opening(reopening item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.status == .closed else {
            return .refused(context.zh ? "#\(item.id ?? 0) 未关闭" : "#\(item.id ?? 0) is not closed")
        }
        if let refused = context.refuseUnlessSupervisor() { return refused }
        return .open(.reopen(item, context.language, context.clock))
    }

    func reopenRequest(id: Int64, version: Int) -> WriteRequest? {
        .reopen(id: id, reason: value(.reason), version: version)
    }
}
