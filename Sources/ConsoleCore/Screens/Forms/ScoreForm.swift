import HelpDeskCore

/// An attendee's exam score recorded or corrected (`e`): the attendee chosen among those
/// recorded, the score 0–100.
extension Form {
    public static func scoreAttendee(_ item: WorkItem, attendees: [Attendee], _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        let choices = attendees.map { a in
            Choice(a.name, "\(a.name)  \(a.office)  \(a.score.map { String($0) } ?? "—")")
        }
        // The first attendee without a score, where there is one.
        let first = attendees.firstIndex { $0.score == nil } ?? 0
        return Form(purpose: .scoreAttendee(id: id, version: item.version), title: Catalog.Forms.Title.score(id)(lang),
                    fields: [choice(.name, Catalog.Forms.Field.attendee(lang), choices, selected: first),
                             text(.score, Catalog.Forms.Field.examScore(lang), .requiredScore)],
                    clock: clock)
    }

    static func opening(scoring item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training, let detail = context.facts?.training else {
            return .refused(Catalog.Forms.Refusal.onlyTrainingsHaveScores(context.language))
        }
        guard !detail.attendees.isEmpty else {
            return .refused(Catalog.Forms.Refusal.noAttendeesYet(item.id ?? 0)(context.language))

        }
        return .open(.scoreAttendee(item, attendees: detail.attendees, context.language, context.clock))
    }

    func scoreAttendeeRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let score = Int(value(.score).trimmingCharacters(in: .whitespaces)) else { return nil }
        return .setScore(id: id, name: value(.name), score: score, version: version)
    }
}
