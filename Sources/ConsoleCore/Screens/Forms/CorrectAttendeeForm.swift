import HelpDeskCore

/// An attendee of a training corrected (`C`): the attendee chosen among those recorded, then what
/// changes — a new name, office, region or score; what is left empty (or unchanged) stays.
extension Form {
    public static func correctAttendee(_ item: WorkItem, attendees: [Attendee], _ lang: Language, _ clock: Clock) -> Form {
        typealias Say = Catalog.TrainingsAfter
        let id = item.id ?? 0
        let choices = attendees.enumerated().map { n, a in
            Choice(attendeeChoice(n), "\(a.name)  \(a.office)  \(a.region.label(lang))  \(a.score.map { String($0) } ?? "—")")
        }
        var form = Form(purpose: .correctAttendee(id: id, version: item.version), title: Say.correctTitle(id)(lang),
                    fields: [choice(.name, Catalog.Forms.Field.attendee(lang), choices),
                             text(.newName, Say.newNameField(lang)),
                             text(.office, Say.newOfficeField(lang)),
                             choice(.region, Say.newRegionField(lang),
                                    [Choice("", Say.unchanged(lang))] + Region.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
                             text(.score, Say.newScoreField(lang), .score)],
                    clock: clock)
        form.attendees = attendees.map(AttendeeName.init)
        return form
    }

    static func opening(correcting item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training, let detail = context.facts?.training else {
            return .refused(Catalog.Forms.Refusal.onlyTrainingsHaveAttendees(context.language))
        }
        guard !detail.attendees.isEmpty else {
            return .refused(Catalog.Forms.Refusal.noAttendeesYet(item.id ?? 0)(context.language))
        }
        return .open(.correctAttendee(item, attendees: detail.attendees, context.language, context.clock))
    }

    func correctAttendeeRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let attendee = chosenAttendee else { return nil }
        let blankIsNil = { (s: String) in s.isEmpty ? nil : s }
        let correction = AttendeeCorrection(name: blankIsNil(value(.newName)), office: blankIsNil(value(.office)),
                                            region: Region(rawValue: value(.region)), score: Int(value(.score)))
        return .editAttendee(id: id, attendee: attendee, correction, version: version)
    }
}
