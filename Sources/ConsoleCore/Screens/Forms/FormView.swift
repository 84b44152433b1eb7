import HelpDeskCore

extension FormScreen {
    static func draw(_ buf: inout ScreenBuffer, _ form: Form, behind: Detail?, rules: DeadlineRules?, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let preview = form.preview(rules: rules)
        let previewLines = preview.map { [($0, true)] } ?? []
        // On a narrow terminal the form takes the whole width: a strip of the list beside it only
        // confuses (a selection marker there looks like the form's focus).
        let width = buf.width <= 90 ? buf.width : min(buf.width - 2, 84)
        let reasonCount = preview?.reasons.count ?? 0
        let staleRows = form.newerVersion == nil ? 0 : 2
        let shown = form.shownIndices
        let height = min(buf.height - 3, shown.count + 4 + staleRows + (previewLines.isEmpty ? 0 : reasonCount + 2))
        let x = (buf.width - width) / 2
        let y = max(1, (buf.height - 2 - height) / 2)
        let dialog = theme[.dialog]
        buf.dialogArea(x: x, y: y, width: width, height: height, theme)
        buf.put(" \(form.title) ", x: x, y: y, columns: width, style: theme[.paneTitleFocused])
        // The label column as wide as its widest label (with its `*`) and a space: a label is not
        // cut while the field keeps room to type in.
        let widestLabel = shown.map { TerminalText.width(form.fields[$0].label) + (form.fields[$0].isRequired ? 1 : 0) }.max() ?? 8
        let labelWidth = max(4, min(widestLabel + 1, width - 4 - 20))
        let fieldWidth = width - labelWidth - 4
        for (row, i) in shown.enumerated() {
            let field = form.fields[i]
            let fy = y + 2 + row
            guard fy < y + height - 1 else { break }
            let required = field.isRequired ? "*" : ""
            buf.put(field.label + required, x: x + 2, y: fy, columns: labelWidth, style: theme[.label].over(dialog))
            let focused = i == form.focus
            let problem = field.problem(lang, form.clock)
            // Shown as typed for fields with a format; for required ones after a save was tried.
            let showProblem = problem != nil && (form.triedToSave || (!field.value.isEmpty && field.checksFormat))
            let style = focused ? theme[.fieldFocused] : (showProblem ? theme[.fieldInvalid] : theme[.field])
            let fx = x + 2 + labelWidth
            switch field.input {
            case .text(let f):
                // An accepted time or date shows beside it what it resolves to (`12-08` is
                // `2026-12-08 18:00` for a due field), as it is typed.
                let resolved = showProblem ? nil : field.resolved(form.clock).map { Catalog.ConsoleFit.resolved($0)(lang) }
                let problemWidth = showProblem ? TerminalText.width(problem!) + 2 : resolved.map { TerminalText.width($0) + 2 } ?? 0
                let w = max(4, fieldWidth - problemWidth)
                let (visible, cursorColumn) = f.visible(columns: w - 1)
                buf.put(visible, x: fx, y: fy, columns: w, style: style)
                if field.long && focused { buf.put("Ctrl-E", x: fx + w - 6, y: fy, style: theme[.dim].over(dialog)) }
                if focused && !form.confirmingDiscard && form.pendingSave == nil { buf.cursor = (fx + cursorColumn, fy) }
                if showProblem { buf.put(problem!, x: fx + w + 2, y: fy, style: theme[.fieldInvalid].over(dialog), maxWidth: problemWidth) }
                if let resolved { buf.put(resolved, x: fx + w + 2, y: fy, style: theme[.dim].over(dialog), maxWidth: problemWidth) }
            case let .choice(options, index):
                let label = options.isEmpty ? "—" : options[index].label
                buf.put("< \(label) >", x: fx, y: fy, columns: min(fieldWidth, TerminalText.width(label) + 4), style: style)
            }
        }
        if let c = form.shownCompletion, let row = shown.firstIndex(of: form.focus) {
            // The directory's matches under the field, over the rows below it; the chosen one marked.
            let fx = x + 2 + labelWidth
            for (n, r) in c.matches.enumerated() where y + 3 + row + n < buf.height {
                let chosen = n == c.selection
                let line = (chosen ? "> " : "  ") + Catalog.Requesters.Console.entry(r, lang)
                buf.put(line, x: fx, y: y + 3 + row + n, columns: fieldWidth, style: chosen ? theme[.fieldFocused] : theme[.field])
            }
        }
        if let version = form.newerVersion, let target = form.purpose.target {
            let sy = y + 2 + shown.count + 1
            let line = Catalog.Forms.Screen.changedMeanwhile(target.id, version: version)(lang)
            buf.put(line, x: x + 2, y: sy, style: theme[.error].over(dialog), maxWidth: width - 4)
            // The change that made the difference: the newest entry of the item's history.
            if let d = behind, let latest = d.history.last {
                let text = [BeijingTime.short(latest.at), latest.actor, HistoryText.event(of: latest, lang),
                            HistoryText.change(latest, kind: d.item?.kind ?? .general, lang)].filter { !$0.isEmpty }.joined(separator: "  ")
                buf.put(text, x: x + 4, y: sy + 1, style: theme[.dim].over(dialog), maxWidth: width - 6)
            }
        }
        if let preview {
            var py = y + 2 + shown.count + 1 + staleRows
            let head = Catalog.Forms.Screen.deadline(BeijingTime.iso(preview.due))(lang)
            buf.put(head, x: x + 2, y: py, style: theme[.status].over(dialog), maxWidth: width - 4)
            for reason in preview.reasons where py + 1 < y + height {
                py += 1
                buf.put("  " + reason.text(lang), x: x + 2, y: py, style: theme[.dim].over(dialog), maxWidth: width - 4)
            }
        }
        let left = form.placeholdersLeft
        if !left.isEmpty {
            // Placeholders a template left in the text, named under the fields until filled in.
            let ly = y + 2 + shown.count
            if ly < y + height - 1 {
                buf.put(Catalog.Templates.leftUnfilled(left)(lang), x: x + 2, y: ly, style: theme[.error].over(dialog), maxWidth: width - 4)
            }
        }
        if let picker = form.templatePicker { drawTemplatePicker(&buf, picker, lang, theme) }
        if let pending = form.pendingSave {
            buf.put(pending.question(lang), x: x + 2, y: y + height - 1, style: theme[.error].over(dialog), maxWidth: width - 4)
        }
        if form.confirmingDiscard {
            let q = Catalog.Forms.Screen.discardQuestion(lang)

            buf.put(q, x: x + 2, y: y + height - 1, style: theme[.error].over(dialog), maxWidth: width - 4)
        }
    }
}
