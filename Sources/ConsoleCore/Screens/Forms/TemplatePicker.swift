import Foundation
import HelpDeskCore

/// One of the desk's templates as the picker offers it: filled for the item the form is on.
public struct TemplateChoice: Equatable, Sendable {
    public let id: Int64
    public let title: String
    /// The text filled for the item; what could not be filled stays as written.
    public let text: String
    /// The body as written, placeholders and all, in `language`: what a reply to several tickets
    /// takes, to be filled for each as it is sent.
    public let body: String
    public let unfilled: [String]
    public let language: Language

    public init(id: Int64, title: String, text: String, body: String? = nil, unfilled: [String], language: Language) {
        self.id = id
        self.title = title
        self.text = text
        self.body = body ?? text
        self.unfilled = unfilled
        self.language = language
    }
}

/// The reply form (`r`) and the note form (`N`) take a template: Ctrl-T opens a picker of the
/// active templates of that use (read by the run loop, the requester's language first), typing
/// searches their titles, ↑/↓ (Ctrl-P/Ctrl-N) choose, Enter puts the filled text into the text
/// field, where it stays editable, and Esc closes the picker. Placeholders left are named under
/// the field, and the form is not saved while one is left.
public struct TemplatePicker: Equatable, Sendable {
    public var use: TemplateUse
    /// `nil` until the templates have been read.
    public var choices: [TemplateChoice]?
    public var search = TextField()
    public var selection = 0

    public init(use: TemplateUse) { self.use = use }

    /// The templates whose title holds what was typed (any case), in the order read.
    public var shown: [TemplateChoice] {
        let typed = search.text.trimmingCharacters(in: .whitespaces).lowercased()
        let all = choices ?? []
        return typed.isEmpty ? all : all.filter { $0.title.lowercased().contains(typed) }
    }
}

extension Form {
    /// What templates the form takes, with the item they are filled for: the reply and note forms.
    var templateTarget: (item: Int64, use: TemplateUse)? {
        switch purpose {
        case let .respond(id, _): return (id, .reply)
        case let .addNote(id): return (id, .note)
        case .newCase, .newFault, .resolve, .restore, .raise, .assign, .escalate, .assess, .reopen, .lower, .newTask,
             .completeTask, .markErroneous, .newChange, .advance, .testRound, .addDefect, .newTraining, .trainingStep,
             .addAttendee, .scoreAttendee, .correctAttendee, .addMaterial, .newInspection, .addMessage, .correctCase,
             .wait, .link, .merge:
            return nil
        }
    }

    /// The templates of `use` arrived: shown when the picker waiting for them is still open.
    public mutating func templatesLoaded(use: TemplateUse, _ choices: [TemplateChoice]) {
        guard var picker = templatePicker, picker.use == use else { return }
        picker.choices = choices
        picker.selection = 0
        templatePicker = picker
    }

    /// Puts the chosen template's text into the text field (after what was typed there), notes
    /// the template for the history, and closes the picker; the cursor at its end, to go on
    /// editing. A form for several tickets
    /// takes the body as written: its placeholders are filled for each ticket as it is sent.
    mutating func put(_ choice: TemplateChoice) {
        if let i = fields.firstIndex(where: { $0.key == .note }) {
            let typed = value(.note)
            let text = forSeveral ? choice.body : choice.text
            setText(.note, typed.isEmpty ? text : typed + " " + text)
            focus = i
            templateUsed = choice.id
        }
        templatePicker = nil
    }

    /// The placeholders still in the text field of a form that takes templates; for several
    /// tickets, those no ticket could fill (the others are filled for each as it is sent).
    public var placeholdersLeft: [String] {
        guard templateTarget != nil else { return [] }
        return forSeveral ? TemplateFill.unknown(in: value(.note)) : TemplateFill.unfilled(in: value(.note))
    }

    /// A text with a placeholder left is not saved: the problem names them.
    func templateProblems(_ lang: Language) -> [(String, String)] {
        let left = placeholdersLeft
        guard !left.isEmpty, let field = fields.first(where: { $0.key == .note }) else { return [] }
        return [(field.label, Catalog.Templates.leftUnfilled(left)(lang))]
    }
}

extension FormScreen {
    /// Ctrl-T on a form that takes templates opens the picker and asks for them; while the
    /// picker is open every key is its own. `nil` when the key is not the picker's.
    static func templateKey(_ key: Key, _ form: inout Form) -> [Effect]? {
        guard var picker = form.templatePicker else {
            guard key == .ctrl("t"), let target = form.templateTarget else { return nil }
            form.templatePicker = TemplatePicker(use: target.use)
            return [.loadTemplates(item: target.item, use: target.use)]
        }
        let count = picker.shown.count
        switch key {
        case .escape:
            form.templatePicker = nil
            return []
        case .down, .ctrl("n"):
            picker.selection = min(max(0, count - 1), picker.selection + 1)
        case .up, .ctrl("p"):
            picker.selection = max(0, picker.selection - 1)
        case .enter:
            guard picker.shown.indices.contains(picker.selection) else { return [] }
            form.put(picker.shown[picker.selection])
            return []
        default:
            if picker.search.handle(key) { picker.selection = 0 }
        }
        form.templatePicker = picker
        return []
    }

    /// The picker over the form: its title, the search, the templates (the chosen one marked,
    /// each with its language), the keys.
    static func drawTemplatePicker(_ buf: inout ScreenBuffer, _ picker: TemplatePicker, _ lang: Language, _ theme: Theme) {
        let say = Catalog.Templates.self
        let width = min(buf.width - 4, 72)
        let rows = max(1, min(8, buf.height - 10))
        let height = rows + 5
        let x = (buf.width - width) / 2
        let y = max(1, (buf.height - height) / 2)
        let dialog = theme[.dialog]
        buf.dialogArea(x: x, y: y, width: width, height: height, theme)
        buf.put(" \(say.pickerTitle(picker.use)(lang)) ", x: x, y: y, columns: width, style: theme[.paneTitleFocused])
        let label = say.pickerSearch(lang)
        let lw = TerminalText.width(label)
        buf.put(label, x: x + 2, y: y + 1, style: theme[.label].over(dialog))
        let (visible, cursorColumn) = picker.search.visible(columns: width - lw - 5)
        buf.put(visible, x: x + 2 + lw, y: y + 1, columns: width - lw - 4, style: theme[.fieldFocused])
        buf.cursor = (x + 2 + lw + cursorColumn, y + 1)
        let shown = picker.shown
        if picker.choices != nil, shown.isEmpty {
            buf.put(say.pickerEmpty(lang), x: x + 2, y: y + 3, style: theme[.dim].over(dialog), maxWidth: width - 4)
        }
        let first = max(0, picker.selection - rows + 1)
        for (n, choice) in shown.dropFirst(first).prefix(rows).enumerated() {
            let chosen = first + n == picker.selection
            let tag = "[\(choice.language.rawValue)]"
            let line = (chosen ? "> " : "  ") + choice.title
            let style = chosen ? theme[.fieldFocused] : theme[.field]
            buf.put(line, x: x + 2, y: y + 3 + n, columns: width - 10, style: style)
            buf.put(tag, x: x + width - 7, y: y + 3 + n, style: theme[.dim].over(dialog))
        }
        buf.put(say.pickerHint(lang), x: x + 2, y: y + height - 1, style: theme[.dim].over(dialog), maxWidth: width - 4)
    }
}
