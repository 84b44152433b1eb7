import Foundation
import HelpDeskCore

/// A form over the screen: one field a row, the deadline it would give, and what went wrong.
///
/// Shows the form's fields (a `*` marks the required ones, a problem shows beside its field as it
/// is typed or once a save was tried), the deadline preview for a new item, and a note when someone
/// else changed the item meanwhile. Takes Tab/↓ and Shift-Tab/↑ between fields, Enter to the next
/// field (and to save on the last), Ctrl-S to save, Ctrl-E to write a long field in `$EDITOR`,
/// ←/→, space and letters on a choice, the editing keys in a text field, and Esc (or `q` on a
/// choice) to close, which asks first when something was typed.
public enum FormScreen {
    public enum Action: Equatable, Sendable {
        case key(Key)
        /// `$EDITOR` finished for field `field`.
        case edited(field: Int, EditResult)
        /// The clock moved: a time typed as "now" or "14:30" is read against it.
        case tick(Date)
    }

    /// What the form asks of the root.
    public enum Effect: Equatable, Sendable {
        /// Back to where the form was opened from.
        case close
        /// Every field is accepted: the write to carry out.
        case save(WriteRequest)
        /// Why the form cannot be saved, or the editor did not run: said with the bell.
        case problem(String)
        /// Write the focused long field in `$EDITOR`.
        case editText(field: Int, initial: String)
        /// Look up the directory's requesters matching what was typed in a field.
        case lookUpRequesters(field: Form.FieldKey, typed: String)
        /// Read the active templates of `use`, filled for item `item`.
        case loadTemplates(item: Int64, use: TemplateUse)
        /// Read whether a write that asks first may be done, and what it names, before asking.
        case check(WriteRequest)
    }

    public static func reduce(_ form: inout Form, _ action: Action, _ language: Language) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key, &form, language)
        case let .edited(index, result):
            guard form.fields.indices.contains(index) else { return [] }
            switch result {
            case .saved(let text):
                form.fields[index].input = .text(TextField(text.trimmingCharacters(in: .newlines)))
                return []
            case .notFound(let editor):
                return [.problem(Catalog.Forms.Screen.editorNotFound(editor)(language))]
            case let .failed(editor, status):
                return [.problem(Catalog.Forms.Screen.editorFailed(editor, status: status)(language))]
            }
        case .tick(let t):
            form.clock.now = t
            return []
        }
    }

    static func handle(_ key: Key, _ form: inout Form, _ language: Language) -> [Effect] {
        if form.confirmingDiscard {
            if key == .char("y") || key == .char("Y") { return [.close] }
            form.confirmingDiscard = false
            return []
        }
        form.checking = nil
        if let pending = form.pendingSave {
            form.pendingSave = nil
            return key == .char("y") || key == .char("Y") ? [.save(pending.request)] : []
        }
        if let effects = completionKey(key, &form) { return effects }
        if let effects = templateKey(key, &form) { return effects }
        // The fields on the form now: one may come and go with another's value.
        let shown = form.shownIndices
        let position = shown.firstIndex(of: form.focus) ?? 0
        // `q` backs out like Esc where it is not typed into a text field; it never quits from a form.
        var backsOut = key == .escape
        if key == .char("q"), case .choice = form.fields[form.focus].input { backsOut = true }
        if backsOut {
            guard form.isDirty else { return [.close] }
            form.confirmingDiscard = true
            return []
        }
        switch key {
        case .tab, .down:
            form.focus = shown[min(shown.count - 1, position + 1)]
        case .backTab, .up:
            form.focus = shown[max(0, position - 1)]
        case .ctrl("s"):
            return submit(&form, language)
        case .enter:
            if position < shown.count - 1 {
                form.focus = shown[position + 1]
            } else {
                return submit(&form, language)
            }
        case .ctrl("e"):
            let field = form.fields[form.focus]
            if field.long, case .text(let f) = field.input { return [.editText(field: form.focus, initial: f.text)] }
        default:
            switch form.fields[form.focus].input {
            case .text(var f):
                // A time filled in for the user (now) is replaced by what they start typing.
                let field = form.fields[form.focus]
                if field.check == .pastTime, f.text == field.initialText, f.cursor == f.text.count, case .char = key {
                    f = TextField()
                }
                let before = field.value
                if f.handle(key) {
                    form.fields[form.focus].input = .text(f)
                    return afterTyping(&form, field: form.focus, before: before)
                }
            case .choice(let options, let i):
                guard !options.isEmpty else { break }
                switch key {
                case .right, .char(" "):
                    form.fields[form.focus].input = .choice(options, (i + 1) % options.count)
                case .left:
                    form.fields[form.focus].input = .choice(options, (i + options.count - 1) % options.count)
                case .char(let c):
                    // Letters jump to the next option starting with them (pinyin value or label):
                    // `h` goes 海东 → 海南 → 黄南 → 海西 → 海北; arrows move one at a time.
                    let n = options.count
                    if let j = (1...n).map({ (i + $0) % n }).first(where: {
                        options[$0].value.lowercased().hasPrefix(String(c).lowercased()) || options[$0].label.hasPrefix(String(c))
                    }) {
                        form.fields[form.focus].input = .choice(options, j)
                    }
                default: break
                }
            }
        }
        return []
    }

    static func submit(_ form: inout Form, _ language: Language) -> [Effect] {
        guard let request = form.request(language) else {
            form.triedToSave = true
            if let first = form.shownIndices.first(where: { form.fields[$0].problem(language, form.clock) != nil }) { form.focus = first }
            let problems = form.problems(language).map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            return [.problem(problems)]
        }
        if PendingSave.asksFirst(request) {
            form.checking = request
            return [.check(request)]
        }
        return [.save(request)]
    }

    static func hints(_ form: Form, _ lang: Language) -> Hints {
        typealias Say = Catalog.Forms.Keys
        if form.confirmingDiscard {
            return Hints(hints: [], pinned: [("y", Say.discard(lang)), ("n", Say.keepEditing(lang))])
        }
        if form.pendingSave != nil {
            return Hints(hints: [], pinned: [("y", Catalog.WaitingAndLinks.mergeYes(lang)), ("n", Catalog.WaitingAndLinks.mergeNo(lang))])
        }
        if let completion = form.shownCompletion {
            typealias Pick = Catalog.Requesters.Console
            // Enter takes an entry only once one is chosen; until then it goes to the next field.
            let enter: Hint = completion.selection == nil ? ("Enter", Say.next(lang)) : ("Enter", Pick.pick(lang))
            return Hints(hints: [(Pick.pickKeys, Pick.choose(lang)), enter] + (completion.selection == nil ? [] : [("Tab", Say.next(lang))]),
                         pinned: [("Ctrl-S", Say.save(lang)), ("Esc", Say.cancel(lang))])
        }
        if form.templatePicker != nil {
            return Hints(hints: [("↑/↓", Catalog.Templates.pickerChoose(lang)), ("Enter", Catalog.Templates.pickerTake(lang))],
                         pinned: [("Esc", Say.cancel(lang))])
        }
        let templates: [Hint] = form.templateTarget == nil ? [] : [("Ctrl-T", Catalog.Templates.formKey(lang))]
        // Only the keys the form's fields take: ←/→ where there is a choice, Ctrl-E a long text.
        let shown = form.shownIndices.map { form.fields[$0] }
        let choose: [Hint] = shown.contains { if case .choice = $0.input { true } else { false } } ? [("←/→", Say.choose(lang))] : []
        let editor: [Hint] = shown.contains(where: \.long) ? [("Ctrl-E", Say.editor(lang))] : []
        return Hints(hints: [("Tab", Say.next(lang))] + choose + editor + templates,
                     pinned: [("Ctrl-S", Say.save(lang)), ("Esc", Say.cancel(lang))])
    }

    /// The form's keys, for the `?` screen.
    static func keyHelp(_ lang: Language) -> [Hint] {
        typealias Say = Catalog.Forms.Keys
        return [
            ("Tab/↓", Say.nextField(lang)),
            ("Shift-Tab/↑", Say.previousField(lang)),
            ("←/→", Say.changeChoice(lang)),
            ("Ctrl-S", Say.saveForm(lang)),
            ("Ctrl-E", Say.longText(lang)),
            (Catalog.Requesters.Console.pickKeys, Catalog.Requesters.Console.helpPick(lang)),
            ("Ctrl-T", Catalog.Templates.helpKey(lang)),
        ]

    }
}
