import HelpDeskCore

/// An internal note (`N`) and a requester's message (`M`) on an item's timeline: the text,
/// required; a message's channel, which may be unknown. Neither changes the item, so neither is
/// built on its version; both are allowed on a closed item.
extension Form {
    public static func note(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .addNote(id: item.id ?? 0), title: Catalog.Timeline.Console.noteTitle(item.id ?? 0)(lang),
             fields: [text(.note, Catalog.Timeline.Console.textField(lang), .required, long: true)], clock: clock)
    }

    public static func message(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .addMessage(id: item.id ?? 0), title: Catalog.Timeline.Console.messageTitle(item.id ?? 0)(lang),
             fields: [text(.note, Catalog.Timeline.Console.textField(lang), .required, long: true),
                      choice(.channel, Catalog.Timeline.Console.channelField(lang),
                             [Choice("", Catalog.Timeline.Console.channelUnknown(lang))]
                             + Channel.allCases.map { Choice($0.rawValue, $0.label(lang)) })],
             clock: clock)
    }

    func addNoteRequest(id: Int64) -> WriteRequest? {
        .addNote(id: id, text: value(.note), template: templateUsed)
    }

    func addMessageRequest(id: Int64) -> WriteRequest? {
        .addMessage(id: id, text: value(.note), channel: Channel(rawValue: value(.channel)))
    }
}
