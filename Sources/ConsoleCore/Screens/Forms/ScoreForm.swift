import HelpDeskCore

/// An attendee's exam score recorded or corrected (`e`): the attendee chosen among those
/// recorded, the score 0–100.
extension Form {
    public static func scoreAttendee(_ item: WorkItem, attendees: [Attendee], _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        let choices = attendees.map { a in
            Choice(attendeeChoice(a), "\(a.name)  \(a.office)  \(a.score.map { String($0) } ?? "—")")
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
        guard let score = Int(value(.score).trimmingCharacters(in: .whitespaces)), let (name, office) = chosenAttendee else { return nil }
        return .setScore(id: id, name: name, office: office, score: score, version: version)
    }

    /// An attendee as a choice's value: the name and the office (two of one name are told apart by
    /// it), joined by a NUL, which stored text never holds.
    static func attendeeChoice(_ a: Attendee) -> String { a.name + "\u{0}" + a.office }

    /// The name and office of the attendee chosen in the "name" field.
    var chosenAttendee: (name: String, office: String)? {
        let parts = value(.name).split(separator: "\u{0}", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return nil }
        return (String(parts[0]), String(parts[1]))
    }
}
