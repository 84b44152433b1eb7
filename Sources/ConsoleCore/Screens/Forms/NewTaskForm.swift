import HelpDeskCore

/// A new data-processing task (`n` on the tasks screen, `:new task`): the title, when it is due (a
/// date alone is close of business), who does it, the CASE ticket it comes from (linked both ways)
/// and a description.
extension Form {
    public static func newTask(_ lang: Language, _ clock: Clock, staff: [StaffMember]) -> Form {
        let t = Strings(lang)
        return Form(purpose: .newTask, title: Catalog.Forms.Title.newTask(lang), fields: [
            text(.title, t(.title), .required),
            text(.due, Catalog.Forms.Field.taskDue(lang), .due),
            assignee(t(.assignee), staff: staff, lang),
            text(.fromCase, Catalog.Forms.Field.fromTicket(lang), .itemId),

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
