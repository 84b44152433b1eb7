import HelpDeskCore

/// An attendee's exam score recorded or corrected (`e`): the attendee chosen among those
/// recorded, the score 0–100.
extension Form {
    public static func scoreAttendee(_ item: WorkItem, attendees: [Attendee], _ lang: Language, _ clock: Clock) -> Form {
        let zh = lang == .zh
        let id = item.id ?? 0
        let choices = attendees.map { a in
            Choice(a.name, "\(a.name)  \(a.office)  \(a.score.map { String($0) } ?? "—")")
        }
        // The first attendee without a score, where there is one.
        let first = attendees.firstIndex { $0.score == nil } ?? 0
        return Form(purpose: .scoreAttendee(id: id, version: item.version), title: zh ? "#\(id) 登记考试成绩" : "#\(id) exam score",
                    fields: [choice(.name, zh ? "学员" : "Attendee", choices, selected: first),
                             text(.score, zh ? "考试成绩" : "Exam score", .requiredScore)],
                    clock: clock)
    }

    static func opening(scoring item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind == .training, let detail = context.facts?.training else {
            return .refused(context.zh ? "只有培训有考试成绩" : "only trainings have exam scores")
        }
        guard !detail.attendees.isEmpty else {
            return .refused(context.zh ? "#\(item.id ?? 0) 还没有学员；先按 a 登记" : "#\(item.id ?? 0) has no attendees yet: add one with a")
        }
        return .open(.scoreAttendee(item, attendees: detail.attendees, context.language, context.clock))
    }

    func scoreAttendeeRequest(id: Int64, version: Int) -> WriteRequest? {
        guard let score = Int(value(.score).trimmingCharacters(in: .whitespaces)) else { return nil }
        return .setScore(id: id, name: value(.name), score: score, version: version)
    }
}
