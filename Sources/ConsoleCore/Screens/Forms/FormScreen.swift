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
    }

    public static func reduce(_ form: inout Form, _ action: Action, _ language: Language) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key, &form, language)
        case let .edited(index, result):
            guard form.fields.indices.contains(index) else { return [] }
            let zh = language == .zh
            switch result {
            case .saved(let text):
                form.fields[index].input = .text(TextField(text.trimmingCharacters(in: .newlines)))
                return []
            case .notFound(let editor):
                return [.problem(zh ? "找不到编辑器 \(editor)（请设置 EDITOR 或 VISUAL），内容未改" : "editor \(editor) not found (set EDITOR or VISUAL); the field is unchanged")]
            case let .failed(editor, status):
                return [.problem(zh ? "编辑器 \(editor) 未成功退出（\(status)），内容未改" : "editor \(editor) failed (\(status)); the field is unchanged")]
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
                if f.handle(key) { form.fields[form.focus].input = .text(f) }
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
        return [.save(request)]
    }

    static func hints(_ form: Form, _ lang: Language) -> Hints {
        let zh = lang == .zh
        if form.confirmingDiscard {
            return Hints(hints: [], pinned: [("y", zh ? "放弃输入" : "discard"), ("n", zh ? "继续填写" : "keep editing")])
        }
        return Hints(hints: [("Tab", zh ? "下一项" : "next"), ("←/→", zh ? "选择" : "choose"), ("Ctrl-E", zh ? "编辑器" : "editor")],
                     pinned: [("Ctrl-S", zh ? "保存" : "save"), ("Esc", zh ? "取消" : "cancel")])
    }

    /// The form's keys, for the `?` screen.
    static func keyHelp(_ lang: Language) -> [Hint] {
        let zh = lang == .zh
        return [
            ("Tab/↓", zh ? "表单：下一项" : "form: next field"),
            ("Shift-Tab/↑", zh ? "表单：上一项" : "form: previous field"),
            ("←/→", zh ? "表单：切换选项" : "form: change choice"),
            ("Ctrl-S", zh ? "表单：保存" : "form: save"),
            ("Ctrl-E", zh ? "表单：用 $EDITOR 编辑长文本" : "form: write long text in $EDITOR"),
        ]
    }
}
