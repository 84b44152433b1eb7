import HelpDeskCore

/// In an item's details: wait on the requester (`w`, a reason), relate another item (`i`, its
/// number) and merge into another (`J`, its number). The store refuses what its rules do not allow
/// (a kind that does not pause, a deadline passed, another kind to merge into), said on the
/// status line.
extension Form {
    public static func wait(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .wait(id: item.id ?? 0, version: item.version), title: Catalog.WaitingAndLinks.waitTitle(item.id ?? 0)(lang),
             fields: [text(.reason, Catalog.WaitingAndLinks.reasonField(lang), .required)], clock: clock)
    }

    public static func link(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .link(id: item.id ?? 0), title: Catalog.WaitingAndLinks.linkTitle(item.id ?? 0)(lang),
             fields: [text(.to, Catalog.WaitingAndLinks.otherField(lang), .requiredItemId)], clock: clock)
    }

    public static func merge(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .merge(id: item.id ?? 0, version: item.version), title: Catalog.WaitingAndLinks.mergeTitle(item.id ?? 0)(lang),
             fields: [text(.to, Catalog.WaitingAndLinks.intoField(lang), .requiredItemId)], clock: clock)
    }

    func waitRequest(id: Int64, version: Int) -> WriteRequest? {
        .pause(id: id, reason: value(.reason), version: version)
    }

    func linkRequest(id: Int64) -> WriteRequest? {
        Form.itemId(value(.to)).map { .link(id: id, other: $0) }
    }

    func mergeRequest(id: Int64, version: Int) -> WriteRequest? {
        Form.itemId(value(.to)).map { .merge(id: id, into: $0, version: version) }
    }
}
