import Foundation
import HelpDeskCore

/// A new change request (`n` on the changes screen, `:new change`): its type, title, the agreed due
/// date, the date a policy takes effect (asked only for a policy adjustment), the requirement ticket
/// it turns into a change (whose agreed date it takes when none is given) and a description.
extension Form {
    public static func newChange(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        typealias Label = Catalog.Forms.Field
        var effective = text(.effective, Label.effective(lang), .date)
        effective.shownWhen = Field.Condition(field: .type, value: ChangeType.policy.rawValue)
        return Form(purpose: .newChange, title: Catalog.Forms.Title.newChange(lang), fields: [
            choice(.type, Label.changeType(lang), ChangeType.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.title, t(.title), .required),
            text(.due, Label.agreedDue(lang), .optionalDue),
            effective,
            text(.fromCase, Label.fromRequirement(lang), .itemId),
            text(.description, t(.description), long: true),
        ], clock: clock)
    }

    /// A change needs its agreed due date, unless it comes from a requirement that has one.
    func newChangeProblems(_ lang: Language) -> [(String, String)] {
        guard value(.due).isEmpty, Form.itemId(value(.fromCase)) == nil else { return [] }
        let label = label(of: .due)
        return [(label, Catalog.Forms.Problem.changeNeedsDue(lang))]

    }

    func newChangeRequest() -> WriteRequest? {
        guard let type = ChangeType(rawValue: value(.type)) else { return nil }
        let due = LocalTimeInput.due(value(.due), today: clock.today, closing: clock.closing)
        let effective = type == .policy ? LocalTimeInput.date(value(.effective), today: clock.today) : nil
        return .addChange(NewChange(type: type, title: value(.title), description: value(.description), due: due,
                                    effective: effective, fromCase: Form.itemId(value(.fromCase))),
                          at: clock.now)
    }
}
