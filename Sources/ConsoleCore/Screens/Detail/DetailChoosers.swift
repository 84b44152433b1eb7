import HelpDeskCore

extension DetailScreen {
    /// `U`: remove a relation. With one related item the question names both at once; with
    /// several a chooser asks which first. Refused when the item is related to none.
    static func unlinkKey(_ d: inout Detail) -> [Effect] {
        let related = d.links?.related ?? []
        guard let first = related.first else { return [.refused(Catalog.Finish.nothingLinked)] }
        if related.count == 1 {
            d.confirmingUnlink = first.id
        } else {
            d.chooser = .unlink(Chooser(related))
        }
        return []
    }

    /// A key while a chooser or the unlink question is open. On the question `y` removes the
    /// relation, any other key keeps it; a chooser's choice opens the requester's tickets or asks
    /// the question about the item chosen.
    static func chooserKey(_ d: inout Detail, _ key: Key) -> [Effect] {
        if let other = d.confirmingUnlink {
            d.confirmingUnlink = nil
            if key == .char("y") || key == .char("Y") { return [.unlink(id: d.id, other: other)] }
            return [.problem(Catalog.Finish.unlinkCancelled(d.id, other))]
        }
        switch d.chooser {
        case .requester(var chooser):
            let outcome = chooser.handle(key)
            d.chooser = outcome == nil ? .requester(chooser) : nil
            if case .chosen(let requester) = outcome { return [.requesterItems(requester)] }
        case .unlink(var chooser):
            let outcome = chooser.handle(key)
            d.chooser = outcome == nil ? .unlink(chooser) : nil
            if case .chosen(let entry) = outcome { d.confirmingUnlink = entry.id }
        case nil:
            break
        }
        return []
    }

    /// The chooser over the details, if one is open.
    static func drawChooser(_ buf: inout ScreenBuffer, _ body: Rect, _ d: Detail, _ lang: Language, _ theme: Theme) {
        switch d.chooser {
        case .requester(let chooser):
            chooser.draw(&buf, body, title: Catalog.Finish.requesterChooserTitle(d.id)(lang),
                         lines: chooser.items.map { Catalog.Requesters.Console.entry($0, lang) }, theme)
        case .unlink(let chooser):
            chooser.draw(&buf, body, title: Catalog.Finish.unlinkChooserTitle(d.id)(lang),
                         lines: chooser.items.map { "#\($0.id) \($0.kind.name(lang)) · \($0.status.name(kind: $0.kind)(lang)) · \($0.title)" }, theme)
        case nil:
            break
        }
    }

    /// The question before a relation is removed, naming both items, on the status line.
    static func drawUnlinkQuestion(_ buf: inout ScreenBuffer, _ id: Int64, _ other: Int64, y: Int, _ lang: Language, _ theme: Theme) {
        buf.fill(x: 0, y: y, width: buf.width, height: 1, style: theme[.base])
        buf.put(Catalog.Finish.confirmUnlink(id, other)(lang), x: 0, y: y, style: theme[.error])
    }
}
