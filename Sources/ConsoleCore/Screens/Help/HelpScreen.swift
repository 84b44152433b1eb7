import HelpDeskCore

/// The keys (`?`): every binding of the main screen with what it does, then the form's keys, how
/// to quit, the keys of the tasks, the changes and a delivery, then the `:` commands, all from the
/// tables the screens use.
///
/// Covers the panes; its state is how far it is scrolled. Takes `j`/`k` and the arrows to scroll,
/// the page keys, `g`/`G` for the ends, and `q`, Esc, `?` or Enter to close.
public enum HelpScreen {
    public enum Effect: Equatable, Sendable {
        /// Back to the main screen.
        case close
    }

    public static func reduce(_ scroll: inout Int, _ key: Key) -> [Effect] {
        switch key {
        case .char("j"), .down: scroll += 1
        case .char("k"), .up: scroll = max(0, scroll - 1)
        // A page at a time, and the ends (the view keeps the scroll within the rows).
        case .ctrl("f"), .pageDown: scroll += 10
        case .ctrl("b"), .pageUp: scroll = max(0, scroll - 10)
        case .char("g"), .home: scroll = 0
        case .char("G"), .end: scroll = 1_000
        case .char("q"), .escape, .char("?"), .enter: return [.close]
        default: break
        }
        return []
    }

    /// Every row of the `?` screen: a key and what it does.
    static func rows(_ lang: Language, views: [SavedView] = []) -> [Hint] {
        let say = Catalog.Screens.Help.self
        return Keymap.main.map { ($0.keyLabel, $0.help(lang)) } + FormScreen.keyHelp(lang) + ConfirmQuitScreen.keyHelp(lang)
            // Taken by the run loop in every mode, as a terminal's suspend key; the form keeps its input.
            + [("Ctrl-Z", say.suspend(lang))]
            + [("P", Catalog.Requesters.Console.helpTickets(lang))]
            + section(say.tasks(lang), Keymap.tasks, lang)
            + section(say.changes(lang), Keymap.changes, lang)
            + section(say.delivery(lang), Keymap.delivery, lang)
            + section(say.trainings(lang), Keymap.trainings, lang)
            + [("K", say.trainingsByAudience(lang))]
            + section(say.inspections(lang), Keymap.inspections, lang)
            + section(Catalog.WaitingAndLinks.helpSection(lang), Keymap.waiting, lang)
            + section(Catalog.Attachments.helpSection(lang), Keymap.attachments, lang)
            + section(Catalog.Similar.heading(lang), Keymap.similar, lang)
            + [("Enter", say.inspectionsEnter(lang))]
            + [("q/Esc", say.listsBack(lang))]
            // The `:` commands last, one row each (from the table the command line reads by).
            + [("", "")] + CommandLineScreen.keyHelp(lang)
            // The operator's saved views after the commands that keep them.
            + viewRows(views, lang)
    }

    /// A screen's own keys under its name.
    static func section(_ title: String, _ bindings: [Binding], _ lang: Language) -> [Hint] {
        [("", ""), ("", title)] + bindings.map { ($0.keyLabel, $0.help(lang)) }
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ scroll: Int, _ lang: Language, _ theme: Theme, views: [SavedView] = []) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        buf.paneHeader(Rect(x: 0, y: body.y, width: body.width, height: 1), Catalog.Screens.Help.title(lang), note: "", focused: true, theme)
        let rows = Self.rows(lang, views: views)
        let keyWidth = rows.map { TerminalText.width($0.0) }.max() ?? 8
        let visible = body.height - 1
        let start = min(scroll, max(0, rows.count - visible))
        for (i, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            buf.put(row.0, x: 2, y: body.y + 1 + i, columns: keyWidth, style: theme[.footerKey].monochrome.with(bold: true))
            buf.put(row.1, x: 4 + keyWidth, y: body.y + 1 + i, style: theme[.base], maxWidth: body.width - keyWidth - 5)
        }
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [("j/k", Catalog.Screens.Common.scroll(lang))], pinned: [("Esc/q", Catalog.Screens.Help.close(lang))])
    }
}
