import Foundation
import HelpDeskCore

/// A CASE ticket corrected (`e`), open or closed: the form opens with what the ticket holds — kind,
/// channel, region, title, requester, office, phone, description and received time — and saves what
/// was changed. A change of kind or received time shows the deadline the ticket would get, with its
/// reasons; the store checks again who may make it.
extension Form {
    public static func correctCase(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let id = item.id ?? 0
        let kinds = CaseKind.allCases.map { Choice($0.rawValue, $0.itemKind.label(lang)) }
        let channels = Channel.allCases.map { Choice($0.rawValue, $0.label(lang)) }
        let regions = Region.allCases.map { Choice($0.rawValue, $0.label(lang)) }
        let index = { (choices: [Choice], value: String?) in choices.firstIndex { $0.value == value } ?? 0 }
        var form = Form(purpose: .correctCase(id: id, version: item.version), title: Catalog.Corrections.correctTitle(id)(lang), fields: [
            choice(.kind, t(.kind), kinds, selected: index(kinds, item.kind.caseKind?.rawValue)),
            choice(.channel, t(.channel), channels, selected: index(channels, item.channel?.rawValue)),
            choice(.region, t(.region), regions, selected: index(regions, item.region?.rawValue)),
            text(.title, t(.title), .required, item.title),
            text(.requester, t(.requester), .none, item.requesterName ?? ""),
            text(.office, t(.office), .none, item.requesterOffice ?? ""),
            text(.phone, t(.phone), .phone, item.requesterPhone ?? ""),
            text(.description, t(.description), long: true, item.description),
            text(.at, t(.received), .pastTime, LocalTimeInput.format(item.receivedAt)),
        ], clock: clock)
        form.original = item
        return form
    }

    static func opening(correctingCase item: WorkItem, _ context: FormContext) -> FormOpening {
        guard item.kind.isCase else { return .refused(Catalog.Corrections.onlyCaseTickets(context.language)) }
        return .open(.correctCase(item, context.language, context.clock))
    }

    /// What was changed from what the form opened with; a part left as it was is not given.
    var caseCorrection: CaseCorrection? {
        guard let item = original else { return nil }
        var c = CaseCorrection()
        if let kind = CaseKind(rawValue: value(.kind)), kind != item.kind.caseKind { c.kind = kind }
        if let channel = Channel(rawValue: value(.channel)), channel != item.channel { c.channel = channel }
        if let region = Region(rawValue: value(.region)), region != item.region { c.region = region }
        if value(.title) != item.title { c.title = value(.title) }
        if value(.requester) != (item.requesterName ?? "") { c.requesterName = value(.requester) }
        if value(.office) != (item.requesterOffice ?? "") { c.requesterOffice = value(.office) }
        if value(.phone) != (item.requesterPhone ?? "") { c.requesterPhone = value(.phone) }
        if value(.description) != item.description.trimmingCharacters(in: .whitespacesAndNewlines) { c.description = value(.description) }
        // The received time as it opened (to the minute), or emptied, stays as it is.
        let at = fields.first { $0.key == .at }
        if let at, !value(.at).isEmpty, at.value != at.initialText,
           let received = LocalTimeInput.instant(value(.at), today: clock.today) {
            c.receivedAt = received
        }
        return c
    }

    func correctCaseRequest(id: Int64, version: Int) -> WriteRequest? {
        caseCorrection.map { .correctCase(id: id, $0, version: version) }
    }

    /// The deadline the ticket would get once corrected: only when its kind or received time change.
    func correctCasePreview(_ rules: DeadlineRules) -> Deadline? {
        guard let item = original, let c = caseCorrection, c.kind != nil || c.receivedAt != nil else { return nil }
        return Corrections.apply(c, to: item, rules: rules).deadline
    }
}
