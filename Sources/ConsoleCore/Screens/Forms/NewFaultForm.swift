import Foundation
import HelpDeskCore

/// A new fault (`f`): level, region, title, a description, and when it was reported (now, unless
/// logged after the fact). The deadline its level gives shows as it is filled in.
extension Form {
    public static func newFault(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        return Form(purpose: .newFault, title: Catalog.Forms.Title.newFault(lang), fields: [

            level(FaultLevel.allCases.reversed(), lang),
            choice(.region, t(.region), Region.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.title, t(.title), .required),
            text(.description, t(.description), long: true),
            happenedAt(t(.reported), clock),
        ], clock: clock)
    }

    func newFaultRequest() -> WriteRequest? {
        guard let level = chosenLevel, let region = Region(rawValue: value(.region)) else { return nil }
        return .addFault(NewFault(level: level, region: region, title: value(.title), description: value(.description)),
                         at: happenedAt)
    }

    func newFaultPreview(_ rules: DeadlineRules, at: Date) -> Deadline? {
        chosenLevel.map { rules.fault(level: $0, reportedAt: at) }
    }
}
