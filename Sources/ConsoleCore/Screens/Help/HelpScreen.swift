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
    static func rows(_ lang: Language) -> [Hint] {
        let zh = lang == .zh
        return Keymap.main.map { ($0.keyLabel, $0.help(lang)) } + FormScreen.keyHelp(lang) + ConfirmQuitScreen.keyHelp(lang)
            // Taken by the run loop in every mode, as a terminal's suspend key; the form keeps its input.
            + [("Ctrl-Z", zh ? "挂起到 shell（fg 返回，重绘整屏）" : "suspend to the shell (fg brings it back, repainted)")]
            + section(zh ? "数据处理（4）及任务详情" : "Tasks (4) and a task's details", Keymap.tasks, lang)
            + section(zh ? "软件升级（5）及变更详情" : "Changes (5) and a change's details", Keymap.changes, lang)
            + section(zh ? "交付（变更详情中按 d）" : "A delivery (d in a change's details)", Keymap.delivery, lang)
            + section(zh ? "培训（6）及培训详情" : "Trainings (6) and a training's details", Keymap.trainings, lang)
            + [("K", zh ? "培训：按培训对象筛选" : "trainings: filter by audience")]
            + section(zh ? "巡检（7）" : "Inspections (7)", Keymap.inspections, lang)
            + [("Enter", zh ? "巡检：查看读数；读数上：打开其工单" : "inspections: the readings; on a reading: its item")]
            + [("q/Esc", zh ? "数据处理、软件升级、培训、巡检：返回服务台" : "tasks, changes, trainings, inspections: back to the desk")]
            // The `:` commands last, one row each (from the table the command line reads by).
            + [("", "")] + CommandLineScreen.keyHelp(lang)

    }

    /// A screen's own keys under its name.
    static func section(_ title: String, _ bindings: [Binding], _ lang: Language) -> [Hint] {
        [("", ""), ("", title)] + bindings.map { ($0.keyLabel, $0.help(lang)) }
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ scroll: Int, _ lang: Language, _ theme: Theme) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let zh = lang == .zh
        buf.paneHeader(Rect(x: 0, y: body.y, width: body.width, height: 1), zh ? "按键" : "Keys", note: "", focused: true, theme)
        let rows = Self.rows(lang)
        let keyWidth = rows.map { TerminalText.width($0.0) }.max() ?? 8
        let visible = body.height - 1
        let start = min(scroll, max(0, rows.count - visible))
        for (i, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            buf.put(row.0, x: 2, y: body.y + 1 + i, columns: keyWidth, style: theme[.footerKey].monochrome.with(bold: true))
            buf.put(row.1, x: 4 + keyWidth, y: body.y + 1 + i, style: theme[.base], maxWidth: body.width - keyWidth - 5)
        }
    }

    static func hints(_ lang: Language) -> Hints {
        let zh = lang == .zh
        return Hints(hints: [("j/k", zh ? "滚动" : "scroll")], pinned: [("Esc/q", zh ? "关闭" : "close")])
    }
}
