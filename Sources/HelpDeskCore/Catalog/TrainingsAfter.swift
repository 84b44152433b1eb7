import Foundation

/// Trainings entered after the fact: steps dated when they happened, attendees told apart by name
/// and office, and an attendee's corrections.
extension Catalog {
    public enum TrainingsAfter {
        // MARK: Refusals

        public static func stepInTheFuture(_ step: TrainingStep, at: Date, now: Date) -> LocalizedText {
            LocalizedText(zh: "「\(step.name.zh)」的时间 \(BeijingTime.iso(at)) 晚于现在（\(BeijingTime.iso(now))）：只能登记已完成的步骤",
                          en: "'\(step.rawValue)' cannot be dated \(BeijingTime.iso(at)), after now (\(BeijingTime.iso(now))): only a step already done is recorded")
        }

        public static func duplicateAttendee(_ name: String, office: String) -> LocalizedText {
            LocalizedText(zh: "\(office)的学员「\(name)」已登记在本次培训中；更正请用 train attendee-edit",
                          en: "'\(name)' of \(office) already attends this training; to correct an attendee use train attendee-edit")
        }

        public static func unknownAttendeeInOffice(_ name: String, office: String) -> LocalizedText {
            LocalizedText(zh: "本次培训没有\(office)的学员「\(name)」", en: "no attendee named '\(name)' of \(office) in this training")
        }

        public static func ambiguousAttendee(_ name: String, offices: [String]) -> LocalizedText {
            LocalizedText(zh: "本次培训有 \(offices.count) 位名为「\(name)」的学员（\(offices.joined(separator: "、"))）：请用 --office 指明单位",
                          en: "\(offices.count) attendees of this training are named '\(name)' (\(offices.joined(separator: ", "))): say which with --office")
        }

        public static func nothingToCorrect(_ name: String, office: String) -> LocalizedText {
            LocalizedText(zh: "学员「\(name)」（\(office)）没有需要更正的内容：请给出新的姓名、单位、地区或成绩",
                          en: "nothing to correct for '\(name)' (\(office)): give a new name, office, region or score")
        }

        // MARK: Command line

        public static let attendeeEditAbstract = LocalizedText(
            zh: "更正学员的姓名、单位、地区或成绩（每项更正记入历史，含原值和新值）。",
            en: "Corrects an attendee's name, office, region or score (each correction kept in history with its old and new value).")
        public static let officeOfAttendee = LocalizedText(
            zh: "学员的单位（同名学员须指明）。", en: "The attendee's office (needed when two attendees share the name).")
        public static let newName = LocalizedText(zh: "更正后的姓名。", en: "The corrected name.")
        public static let newOffice = LocalizedText(zh: "更正后的单位。", en: "The corrected office.")
        public static let newRegion = LocalizedText(zh: "更正后的地区。", en: "The corrected region.")
        public static let newScore = LocalizedText(zh: "更正后的考试成绩（0–100）。", en: "The corrected exam score (0–100).")

        /// `#7 才让 (囊谦县社保局)`: the attendee as corrected.
        public static func corrected(_ id: Int64, name: String, office: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) \(name)（\(office)）", en: "#\(id) \(name) (\(office))")
        }

        // MARK: Console

        /// The new-training form's time the session is recorded at (entered after the fact, the time it was).
        public static let recordedAt = LocalizedText(zh: "登记时间", en: "Recorded at")
        public static let correctAttendee = LocalizedText(zh: "更正学员", en: "correct attendee")

        public static func correctTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "更正 #\(id) 的学员", en: "Correct an attendee of #\(id)")
        }

        public static let unchanged = LocalizedText(zh: "（不变）", en: "(unchanged)")
        public static let newNameField = LocalizedText(zh: "新姓名", en: "New name")
        public static let newOfficeField = LocalizedText(zh: "新单位", en: "New office")
        public static let newRegionField = LocalizedText(zh: "新地区", en: "New region")
        public static let newScoreField = LocalizedText(zh: "新成绩", en: "New score")

        public static func attendeeCorrected(_ id: Int64, _ name: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已更正学员 \(name)", en: "#\(id) attendee \(name) corrected")
        }
    }
}
