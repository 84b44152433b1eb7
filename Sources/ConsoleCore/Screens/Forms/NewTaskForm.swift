import HelpDeskCore

/// A new data-processing task (`n` on the tasks screen, `:new task`): the title, when it is due (a
/// date alone is close of business), who does it, the CASE ticket it comes from (linked both ways)
/// and a description.
extension Form {
    public static func newTask(_ lang: Language, _ clock: Clock, staff: [StaffMember]) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        return Form(purpose: .newTask, title: zh ? "新建数据处理任务" : "New data-processing task", fields: [
            text(.title, t(.title), .required),
            text(.due, zh ? "完成时限" : "Due", .due),
            assignee(t(.assignee), staff: staff, lang),
            text(.fromCase, zh ? "来源工单编号" : "From ticket #", .itemId),
            text(.description, t(.description), long: true),
        ], clock: clock)
    }

    func newTaskRequest() -> WriteRequest? {
        guard let due = LocalTimeInput.due(value(.due), today: clock.today, closing: clock.closing) else { return nil }
        let assignee = value(.assignee)
        return .addTask(NewTask(title: value(.title), description: value(.description), due: due,
                                assignee: assignee.isEmpty ? nil : assignee, fromCase: Form.itemId(value(.fromCase))),
                        at: clock.now)
    }
}
