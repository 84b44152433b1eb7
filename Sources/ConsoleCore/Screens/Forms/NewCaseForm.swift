import Foundation
import HelpDeskCore

/// A new CASE ticket (`n`): kind, channel, region, title, the requester and how to reach them, a
/// description, and when it was received (now, unless the call is logged after the fact). The
/// deadline it would get shows as it is filled in.
extension Form {
    public static func newCase(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        return Form(purpose: .newCase, title: Catalog.Forms.Title.newCase(lang), fields: [

            choice(.kind, t(.kind), CaseKind.allCases.map { Choice($0.rawValue, $0.itemKind.label(lang)) }),
            choice(.channel, t(.channel), Channel.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            choice(.region, t(.region), Region.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            text(.title, t(.title), .required),
            text(.requester, t(.requester)),
            text(.office, t(.office)),
            text(.phone, t(.phone), .phone),
            text(.description, t(.description), long: true),
            happenedAt(t(.received), clock),
        ], clock: clock)
    }

    func newCaseRequest() -> WriteRequest? {
        guard let kind = CaseKind(rawValue: value(.kind)), let channel = Channel(rawValue: value(.channel)),
              let region = Region(rawValue: value(.region)) else { return nil }
        let blank: (String) -> String? = { $0.isEmpty ? nil : $0 }
        return .addCase(NewCase(kind: kind, channel: channel, region: region, title: value(.title),
                                description: value(.description), requesterName: blank(value(.requester)),
                                requesterOffice: blank(value(.office)), requesterPhone: blank(value(.phone)),
                                requesterID: requesterID),
                        at: happenedAt)
    }

    func newCasePreview(_ rules: DeadlineRules, at: Date) -> Deadline? {
        switch CaseKind(rawValue: value(.kind)) {
        case .general: return rules.general(receivedAt: at)
        case .special: return rules.special(confirmedAt: at)
        case .requirement, nil: return nil
        }
    }
}
