import HelpDeskCore

/// Assigning an item to someone (`A`): one of the active staff who may work on items.
extension Form {
    public static func assign(_ item: WorkItem, staff: [StaffMember], _ lang: Language, _ clock: Clock) -> Form {
        let people = staff.filter { $0.active && $0.role != .viewer }
        return Form(purpose: .assign(id: item.id ?? 0, version: item.version),
                    title: Catalog.Forms.Title.assign(item.id ?? 0)(lang),

                    fields: [choice(.to, Strings(lang)(.assignee), people.map { Choice($0.username, "\($0.name) (\($0.username))") })],
                    clock: clock)
    }

    static func opening(assigning item: WorkItem, _ context: FormContext) -> FormOpening {
        if let closed = context.refuseClosed(item) { return closed }
        return .open(.assign(item, staff: context.staff, context.language, context.clock))
    }

    func assignRequest(id: Int64, version: Int) -> WriteRequest? {
        let to = value(.to)
        return to.isEmpty ? nil : .assign(id: id, to: to, version: version)
    }
}
