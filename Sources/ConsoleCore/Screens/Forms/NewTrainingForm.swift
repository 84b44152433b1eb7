import HelpDeskCore

/// A new training session (`n` on the trainings screen, `:new training`): who it is for, the
/// topic, the place, the trainer, the day it is held (which may lie ahead) and when it is
/// recorded (now unless changed: a session entered after the fact is dated when it was). Its
/// seven steps start pending.
extension Form {
    public static func newTraining(_ lang: Language, _ clock: Clock) -> Form {
        typealias Label = Catalog.Forms.Field
        return Form(purpose: .newTraining, title: Catalog.Forms.Title.newTraining(lang), fields: [
            choice(.type, Label.audience(lang), TrainingType.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.topic, Label.topic(lang), .required),
            text(.place, Label.place(lang), .required),
            text(.trainer, Label.trainer(lang), .required),
            text(.day, Label.heldOn(lang), .date),
            happenedAt(Catalog.TrainingsAfter.recordedAt(lang), clock),
        ], clock: clock)
    }

    func newTrainingRequest() -> WriteRequest? {
        guard let type = TrainingType(rawValue: value(.type)), let day = LocalTimeInput.date(value(.day), today: clock.today)
        else { return nil }
        return .addTraining(NewTraining(type: type, topic: value(.topic), place: value(.place), trainer: value(.trainer), heldOn: day),
                            at: happenedAt)
    }
}
