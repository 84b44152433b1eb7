import HelpDeskCore

/// An inspection entered by hand (`n` on the inspections screen, `:new inspection`): its kind, when
/// it was made, who inspected, and the readings, one `CHECK TARGET VALUE` a line or separated by
/// `;` (`tablespace YLBX_DATA 93.5; cpu app03 71`, `visit 玉树州 反映测算慢`).
extension Form {
    public static func newInspection(_ lang: Language, _ clock: Clock, inspector: String) -> Form {
        let zh = lang == .zh
        return Form(purpose: .newInspection, title: zh ? "录入巡检" : "New inspection", fields: [
            choice(.kind, zh ? "类别" : "Kind", InspectionKind.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            happenedAt(zh ? "巡检时间" : "Inspected at", clock),
            text(.inspector, zh ? "巡检人" : "Inspector", .required, inspector),
            text(.readings, zh ? "读数（检查项 对象 读数；…）" : "Readings (check target value; …)", .required, long: true),
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
        let message = lang == .zh ? error.zh : error.en
        return [(label, lang == .zh ? "第 \(n) 条：\(message)" : "reading \(n): \(message)")]
    }

    func newInspectionRequest() -> WriteRequest? {
        guard let kind = InspectionKind(rawValue: value(.kind)), case .success(let readings) = inspectionReadings() else { return nil }
        return .addInspection(NewInspection(at: happenedAt, inspector: value(.inspector), kind: kind, readings: readings))
    }
}
