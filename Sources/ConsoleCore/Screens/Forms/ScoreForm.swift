import HelpDeskCore

/// An attendee's exam score recorded or corrected (`e`): the attendee chosen among those
/// recorded, the score 0–100.
extension Form {
    public static func scoreAttendee(_ item: WorkItem, attendees: [Attendee], _ lang: Language, _ clock: Clock) -> Form {
        let id = item.id ?? 0
        let choices = attendees.enumerated().map { n, a in
            Choice(attendeeChoice(n), "\(a.name)  \(a.office)  \(a.score.map { String($0) } ?? "—")")
        }
        // The first attendee without a score, where there is one.
        let first = attendees.firstIndex { $0.score == nil } ?? 0
        var form = Form(purpose: .scoreAttendee(id: id, version: item.version), title: Catalog.Forms.Title.score(id)(lang),
                        fields: [choice(.name, Catalog.Forms.Field.attendee(lang), choices, selected: first),
                                 text(.score, Catalog.Forms.Field.examScore(lang), .requiredScore)],
                        clock: clock)
        form.attendees = attendees.map(AttendeeName.init)
        return form
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
        guard let score = Int(value(.score).trimmingCharacters(in: .whitespaces)), let attendee = chosenAttendee else { return nil }
        return .setScore(id: id, attendee: attendee, score: score, version: version)
    }

    /// An attendee as a choice's value: its place among the form's `attendees`.
    static func attendeeChoice(_ index: Int) -> String { String(index) }

    /// The attendee chosen in the "name" field.
    var chosenAttendee: AttendeeName? {
        guard let n = Int(value(.name)), attendees.indices.contains(n) else { return nil }
        return attendees[n]
    }
}

/// An attendee as a write names them: the name and the office (two of one name are told apart by it).
public struct AttendeeName: Equatable, Sendable {
    public var name: String
    public var office: String

    public init(name: String, office: String) {
        (self.name, self.office) = (name, office)
    }

    public init(_ attendee: Attendee) {
        self.init(name: attendee.name, office: attendee.office)
    }
}
