import HelpDeskCore

/// A new training session (`n` on the trainings screen, `:new training`): who it is for, the
/// topic, the place, the trainer and the day it is held (which may lie ahead). Its seven steps
/// start pending.
extension Form {
    public static func newTraining(_ lang: Language, _ clock: Clock) -> Form {
        let zh = lang == .zh
        return Form(purpose: .newTraining, title: zh ? "新建培训" : "New training session", fields: [
            choice(.type, zh ? "培训对象" : "For", TrainingType.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.topic, zh ? "主题" : "Topic", .required),
            text(.place, zh ? "地点" : "Place", .required),
            text(.trainer, zh ? "讲师" : "Trainer", .required),
            text(.day, zh ? "培训日期" : "Held on", .date),
        ], clock: clock)
    }

    func newTrainingRequest() -> WriteRequest? {
        guard let type = TrainingType(rawValue: value(.type)), let day = CivilDate(iso: value(.day).trimmingCharacters(in: .whitespaces))
        else { return nil }
        return .addTraining(NewTraining(type: type, topic: value(.topic), place: value(.place), trainer: value(.trainer), heldOn: day),
                            at: clock.now)
    }
}
