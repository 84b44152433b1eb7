import Foundation
import HelpDeskCore

/// A new change request (`n` on the changes screen, `:new change`): its type, title, the agreed due
/// date, the date a policy takes effect (asked only for a policy adjustment), the requirement ticket
/// it turns into a change (whose agreed date it takes when none is given) and a description.
extension Form {
    public static func newChange(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        var effective = text(.effective, zh ? "政策生效日期" : "Effective on", .date)
        effective.shownWhen = Field.Condition(field: .type, value: ChangeType.policy.rawValue)
        return Form(purpose: .newChange, title: zh ? "新建软件升级（变更需求）" : "New change request", fields: [
            choice(.type, zh ? "类型" : "Type", ChangeType.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.title, t(.title), .required),
            text(.due, zh ? "商定完成时间" : "Agreed due", .optionalDue),
            effective,
            text(.fromCase, zh ? "来源需求工单编号" : "From requirement #", .itemId),
            text(.description, t(.description), long: true),
        ], clock: clock)
    }

    /// A change needs its agreed due date, unless it comes from a requirement that has one.
    func newChangeProblems(_ lang: Language) -> [(String, String)] {
        guard value(.due).isEmpty, Form.itemId(value(.fromCase)) == nil else { return [] }
        let label = label(of: .due)
        return [(label, lang == .zh ? "必填（或填写来源需求工单，沿用其商定时间）" : "required (or the requirement ticket, whose agreed date it takes)")]
    }

    func newChangeRequest() -> WriteRequest? {
        guard let type = ChangeType(rawValue: value(.type)) else { return nil }
        let due = LocalTimeInput.due(value(.due), today: clock.today, closing: clock.closing)
        let effective = type == .policy ? CivilDate(iso: value(.effective)) : nil
        return .addChange(NewChange(type: type, title: value(.title), description: value(.description), due: due,
                                    effective: effective, fromCase: Form.itemId(value(.fromCase))),
                          at: clock.now)
    }
}
