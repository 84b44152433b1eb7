import HelpDeskCore

/// An attendee of a training (`a`): name, office, region and, once the exam is marked, the score
/// (0–100, may stay empty). A sign-in sheet is entered one person after another, mostly of one
/// office: the form opens with the office and region of the last attendee recorded (`last`).
extension Form {
    public static func addAttendee(_ item: WorkItem, last: Attendee? = nil, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let id = item.id ?? 0
        let regions = Region.allCases
        return Form(purpose: .addAttendee(id: id, version: item.version), title: Catalog.Forms.Title.addAttendee(id)(lang),
                    fields: [text(.name, Catalog.Forms.Field.name(lang), .required), text(.office, t(.office), .required, last?.office ?? ""),
                             choice(.region, t(.region), regions.map { Choice($0.rawValue, $0.label(lang)) },
                                    selected: last.flatMap { regions.firstIndex(of: $0.region) } ?? 0),
                             text(.score, Catalog.Forms.Field.examScore(lang), .score)],
                    clock: clock)
    }

    static func opening(attendingTo item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training else { return .refused(Catalog.Forms.Refusal.onlyTrainingsHaveAttendees(context.language)) }

        return .open(.addAttendee(item, last: context.facts?.training?.attendees.last, context.language, context.clock))
    }

    func addAttendeeRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let region = Region(rawValue: value(.region)) else { return nil }
        let score = value(.score).trimmingCharacters(in: .whitespaces)
        return .addAttendee(id: id, name: value(.name), office: value(.office), region: region,
                            score: score.isEmpty ? nil : Int(score), version: version)
    }
}
