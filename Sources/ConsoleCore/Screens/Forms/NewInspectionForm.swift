import HelpDeskCore

/// An inspection entered by hand (`n` on the inspections screen, `:new inspection`): its kind, when
/// it was made, who inspected, and the readings, one `CHECK TARGET VALUE` a line or separated by
/// `;` (`tablespace YLBX_DATA 93.5; cpu app03 71`, `visit 玉树州 反映测算慢`).
extension Form {
    public static func newInspection(_ lang: Language, _ clock: Clock, inspector: String) -> Form {
        typealias Label = Catalog.Forms.Field
        return Form(purpose: .newInspection, title: Catalog.Forms.Title.newInspection(lang), fields: [
            choice(.kind, Strings(lang)(.kind), InspectionKind.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            happenedAt(Label.inspectedAt(lang), clock),
            text(.inspector, Label.inspector(lang), .required, inspector),
            text(.readings, Label.readings(lang), .required, long: true),
        ], clock: clock)
    }

    /// The readings as typed, or why they are not accepted: the reading counted from 1.
    func inspectionReadings() -> Result<[InspectionReading], InspectionInputError> {
        let kind = InspectionKind(rawValue: value(.kind)) ?? .database
        do { return .success(try InspectionRules.parseLines(value(.readings), kind: kind)) } catch { return .failure(error) }
    }

    func newInspectionProblems(_ lang: Language) -> [(String, String)] {
        guard !value(.readings).isEmpty, case .failure(let error) = inspectionReadings() else { return [] }
        let label = label(of: .readings)
        let n = (error.index ?? 0) + 1
        return [(label, Catalog.Forms.Problem.reading(n, error)(lang))]

    }

    func newInspectionRequest() -> WriteRequest? {
        guard let kind = InspectionKind(rawValue: value(.kind)), case .success(let readings) = inspectionReadings() else { return nil }
        return .addInspection(NewInspection(at: happenedAt, inspector: value(.inspector), kind: kind, readings: readings))
    }
}
