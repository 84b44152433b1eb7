import Foundation
import HelpDeskCore

/// One attachment as the details list it: everything but its content.
public struct AttachmentLine: Equatable, Sendable {
    public let id: Int64
    /// The name as kept (made safe when it was added); drawn sanitized all the same.
    public let name: String
    public let size: Int
    public let type: AttachmentType
    public let addedBy: String
    public let addedAt: Date
    /// Its content was erased by a supervisor: it is listed, marked, and cannot be saved or shown.
    public let erased: Bool

    public init(id: Int64, name: String, size: Int, type: AttachmentType, addedBy: String, addedAt: Date, erased: Bool) {
        (self.id, self.name, self.size, self.type, self.addedBy, self.addedAt, self.erased) = (id, name, size, type, addedBy, addedAt, erased)
    }
}

/// The prompt for where to save an attachment, on the status line over the details; then, when
/// the file exists, the question whether to overwrite it.
public struct AttachmentSavePrompt: Equatable, Sendable {
    public var id: Int64
    public var field: TextField
    /// The file that exists, waiting for `y`.
    public var overwriting: String?
}

extension DetailScreen {
    /// The selected attachment, if the item has any.
    static func selectedAttachment(_ d: Detail) -> AttachmentLine? {
        d.attachments.indices.contains(d.attachmentCursor) ? d.attachments[d.attachmentCursor] : nil
    }

    /// `F` selects the next attachment, `w` opens the prompt to save the selected one (its name in
    /// the current folder by default), `V` shows a text attachment in the console's viewer.
    static func attachmentKey(_ d: inout Detail, _ command: Command) -> [Effect] {
        guard let chosen = selectedAttachment(d) else { return [.problem(Catalog.Attachments.noneToPick)] }
        switch command {
        case .nextAttachment:
            d.attachmentCursor = (d.attachmentCursor + 1) % d.attachments.count
            return []
        case .saveAttachment:
            if chosen.erased { return [.problem(Catalog.Attachments.erasedContent(chosen.id))] }
            d.savePrompt = AttachmentSavePrompt(id: chosen.id, field: TextField(chosen.name))
            return []
        case .viewAttachment:
            if chosen.erased { return [.problem(Catalog.Attachments.erasedContent(chosen.id))] }
            guard chosen.type == .text else { return [.problem(Catalog.Attachments.notText)] }
            return [.viewAttachment(id: chosen.id, name: chosen.name)]
        default:
            return []
        }
    }

    /// A key while the save prompt is open: Enter saves to the path typed, Esc drops it; on the
    /// overwrite question `y` overwrites, any other key cancels.
    static func savePromptKey(_ d: inout Detail, _ prompt: AttachmentSavePrompt, _ key: Key) -> [Effect] {
        var prompt = prompt
        if let path = prompt.overwriting {
            d.savePrompt = nil
            if key == .char("y") || key == .char("Y") { return [.saveAttachment(id: prompt.id, path: path, overwrite: true)] }
            return [.problem(Catalog.Attachments.saveCancelled)]
        }
        switch key {
        case .escape:
            d.savePrompt = nil
            return []
        case .enter:
            let path = prompt.field.text.trimmingCharacters(in: .whitespaces)
            guard !path.isEmpty else { return [.problem(Catalog.Attachments.pathRequired)] }
            d.savePrompt = nil
            return [.saveAttachment(id: prompt.id, path: path, overwrite: false)]
        default:
            _ = prompt.field.handle(key)
            d.savePrompt = prompt
            return []
        }
    }

    /// The attachments' rows in the details: a title, then one row each (the selected one marked),
    /// or a word that there are none.
    static func attachmentRows(_ d: Detail, _ context: ScreenContext, _ theme: Theme) -> [(String, Style, String, Style)] {
        let say = Catalog.Attachments.self, lang = context.language
        var rows: [(String, Style, String, Style)] = [("", theme[.base], "", theme[.base]), ("", theme[.base], say.section(lang), theme[.header])]  // in the value column: a label column may be narrower than the title
        if d.attachments.isEmpty {
            rows.append(("", theme[.base], say.none(lang), theme[.dim]))
        }
        for (n, a) in d.attachments.enumerated() {
            let mark = n == d.attachmentCursor ? "▶ " : "  "
            var text = "\(mark)#\(a.id) \(a.name)  \(AttachmentRules.sizeText(a.size))  \(say.typeName(a.type)(lang))  \(a.addedBy)  \(BeijingTime.short(a.addedAt))"
            if a.erased { text += "  [\(say.erasedMark(lang))]" }
            rows.append(("", theme[.base], text, a.erased ? theme[.dim] : theme[.base]))
        }
        return rows
    }

    /// The save prompt, or the overwrite question, on the status line.
    static func drawSavePrompt(_ buf: inout ScreenBuffer, _ prompt: AttachmentSavePrompt, _ d: Detail, y: Int, _ lang: Language, _ theme: Theme) {
        buf.fill(x: 0, y: y, width: buf.width, height: 1, style: theme[.base])
        if let path = prompt.overwriting {
            buf.put(Catalog.Attachments.overwriteQuestion(path)(lang), x: 0, y: y, style: theme[.error])
            return
        }
        let name = d.attachments.first { $0.id == prompt.id }?.name ?? "#\(prompt.id)"
        Prompt.draw(&buf, prompt.field, prompt: Catalog.Attachments.savePrompt(name)(lang), y: y, theme)
    }
}
