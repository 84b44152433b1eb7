import Foundation
import HelpDeskCore

/// An item named in another's details: related to it, or merged into it.
public struct RelatedEntry: Equatable, Sendable {
    public var id: Int64
    public var kind: ItemKind
    public var status: ItemStatus
    public var title: String

    public init(id: Int64, kind: ItemKind, status: ItemStatus, title: String) {
        (self.id, self.kind, self.status, self.title) = (id, kind, status, title)
    }
}

/// What an item's details show of its waiting, links and merges: the items related to it, the
/// duplicates merged into it, and the pauses of its clock, oldest first.
public struct ItemRelations: Equatable, Sendable {
    /// One pause: from, to (`nil` while it waits), why, the deadline before and after.
    public struct Pause: Equatable, Sendable {
        public var from: Date
        public var to: Date?
        public var reason: String
        public var dueBefore: Date
        public var dueAfter: Date?

        public init(from: Date, to: Date?, reason: String, dueBefore: Date, dueAfter: Date?) {
            (self.from, self.to, self.reason, self.dueBefore, self.dueAfter) = (from, to, reason, dueBefore, dueAfter)
        }
    }

    public var related: [RelatedEntry]
    public var merged: [RelatedEntry]
    public var pauses: [Pause]

    public init(related: [RelatedEntry] = [], merged: [RelatedEntry] = [], pauses: [Pause] = []) {
        (self.related, self.merged, self.pauses) = (related, merged, pauses)
    }
}

extension DetailScreen {
    /// The rows of the related items, the merged duplicates (and what a merged item went into)
    /// and the pauses, each under its heading after a blank row; a heading with nothing under it
    /// is left out. Text from the database is sanitized.
    static func linkRows(_ item: WorkItem, _ links: ItemRelations?, _ lang: Language, _ theme: Theme) -> [(String, Style, String, Style)] {
        typealias Say = Catalog.WaitingAndLinks
        var rows: [(String, Style, String, Style)] = []
        func heading(_ text: LocalizedText) {
            rows.append(("", theme[.base], "", theme[.base]))
            rows.append((text(lang), theme[.header], "", theme[.base]))
        }
        func line(_ linked: RelatedEntry) {
            let text = "\(linked.kind.name(lang)) · \(linked.status.name(kind: linked.kind)(lang)) · \(TerminalText.sanitize(linked.title))"
            rows.append(("#\(linked.id)", theme[.label], text, theme[.base]))
        }
        let links = links ?? ItemRelations()
        if !links.related.isEmpty {
            heading(Say.relatedHeading)
            links.related.forEach(line)
        }
        if !links.merged.isEmpty || item.mergedInto != nil {
            // A merged duplicate says where it went; the item that took duplicates lists them.
            heading(item.mergedInto == nil ? Say.mergedHeading : Say.mergeHeading)
            if let into = item.mergedInto { rows.append(("", theme[.base], Say.mergedIntoLine(into)(lang), theme[.base])) }
            links.merged.forEach(line)
        }
        if !links.pauses.isEmpty {
            heading(Say.pausesHeading)
            for p in links.pauses {
                let text = Say.pauseLine(from: p.from, to: p.to, reason: TerminalText.sanitize(p.reason), before: p.dueBefore, after: p.dueAfter)
                rows.append(("", theme[.base], text(lang), p.to == nil ? theme[.base] : theme[.dim]))
            }
        }
        return rows
    }
}
