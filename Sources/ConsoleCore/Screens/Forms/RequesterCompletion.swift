import Foundation
import HelpDeskCore

/// The new-ticket form completes a requester from the directory: what is typed in the requester
/// or the phone field is looked up (off the key path, by the run loop), up to `limit` matches show
/// under the field, Ctrl-N/Ctrl-P choose one and Enter takes it: its name, office, region and first
/// phone fill the form and the ticket is linked to the entry.
public struct RequesterCompletion: Equatable, Sendable {
    /// At most this many matches show.
    public static let limit = 5
    /// The field the text was typed in.
    public var field: Form.FieldKey
    /// The text looked up.
    public var typed: String
    public var matches: [Requester] = []
    /// The match chosen with Ctrl-N/Ctrl-P, if any: Enter takes it.
    public var selection: Int?
}

extension Form {
    /// The fields a requester is completed from.
    static let completingFields: [FieldKey] = [.requester, .phone]

    /// Whether the form completes requesters (the new-ticket form).
    var completesRequesters: Bool { purpose == .newCase }

    /// The completion shown under the focused field, when it has matches.
    var shownCompletion: RequesterCompletion? {
        guard let c = completion, !c.matches.isEmpty, fields.indices.contains(focus), fields[focus].key == c.field else { return nil }
        return c
    }

    /// The matches for `typed` in `field` arrived: shown when the field still holds that text.
    public mutating func requestersMatched(field key: FieldKey, typed: String, _ matches: [Requester]) {
        guard completesRequesters, value(key) == typed, !typed.isEmpty else { return }
        completion = RequesterCompletion(field: key, typed: typed, matches: Array(matches.prefix(RequesterCompletion.limit)))
    }

    /// Fills the form from the directory entry and links the ticket to it.
    mutating func take(_ r: Requester) {
        setText(.requester, r.name)
        setText(.office, r.office)
        if let phone = r.phones.first { setText(.phone, phone) }
        if let region = r.region, let i = fields.firstIndex(where: { $0.key == .region }),
           case .choice(let options, _) = fields[i].input, let j = options.firstIndex(where: { $0.value == region.rawValue }) {
            fields[i].input = .choice(options, j)
        }
        requesterID = r.id
        completion = nil
    }

    mutating func setText(_ key: FieldKey, _ text: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }) else { return }
        fields[i].input = .text(TextField(text))
    }
}

extension FormScreen {
    /// A key for the completion under the focused field: Ctrl-N/Ctrl-P choose, Enter takes the
    /// chosen entry, Esc hides the list. `nil` when the key is not the completion's.
    static func completionKey(_ key: Key, _ form: inout Form) -> [Effect]? {
        guard var c = form.shownCompletion else { return nil }
        switch key {
        case .ctrl("n"):
            c.selection = c.selection.map { min(c.matches.count - 1, $0 + 1) } ?? 0
        case .ctrl("p"):
            c.selection = c.selection.map { max(0, $0 - 1) } ?? c.matches.count - 1
        case .enter:
            guard let i = c.selection else { return nil }
            form.take(c.matches[i])
            return []
        case .escape:
            form.completion = nil
            return []
        default:
            return nil
        }
        form.completion = c
        return []
    }

    /// After a key in a text field of the new-ticket form: a changed name or office unlinks the
    /// directory entry taken; a changed requester or phone is looked up afresh.
    static func afterTyping(_ form: inout Form, field index: Int, before: String) -> [Effect] {
        guard form.completesRequesters else { return [] }
        let field = form.fields[index]
        guard field.value != before else { return [] }
        if [.requester, .office].contains(field.key) { form.requesterID = nil }
        guard Form.completingFields.contains(field.key) else { return [] }
        let typed = form.value(field.key)
        form.completion = nil
        return typed.isEmpty ? [] : [.lookUpRequesters(field: field.key, typed: typed)]
    }
}
