import Foundation
import HelpDeskCore

/// Draws the console's state into a screen buffer. Pure: the same state and theme give the same cells.
public enum ConsoleView {
    public static func render(_ state: ConsoleState, theme: Theme) -> ScreenBuffer {
        var buf = ScreenBuffer(width: state.width, height: state.height)
        let layout = state.layout
        guard layout != .tooSmall else {
            tooSmall(&buf, state, theme)
            return buf
        }
        buf.fill(y: 0, width: buf.width, height: buf.height, style: theme[.base])
        titleBar(&buf, state, theme)
        if case let .tabs(row, _) = layout { tabBar(&buf, row, state, theme) }
        for pane in Pane.allCases {
            guard let rect = layout.rect(pane, focus: state.focus) else { continue }
            state.draw(pane, &buf, rect, theme)
        }
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        switch state.mode.underlying {
        case .detail(let d): DetailScreen.draw(&buf, body, d, state.context, theme)
        case let .form(form, back):
            if let back { DetailScreen.draw(&buf, body, back, state.context, theme) }
            FormScreen.draw(&buf, form, behind: back, rules: state.calendar.map(DeadlineRules.init), state.context, theme)
        case .help(let scroll): helpView(&buf, body, scroll, state, theme)
        default: break
        }
        statusLine(&buf, state, theme)
        footer(&buf, state, theme)
        return buf
    }

    // MARK: Frame

    static func tooSmall(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        let zh = state.language == .zh
        let lines = zh
            ? ["终端窗口太小", "至少需要 \(Layout.minWidth)×\(Layout.minHeight)，当前 \(state.width)×\(state.height)", "q 退出"]
            : ["Terminal too small", "need at least \(Layout.minWidth)×\(Layout.minHeight), have \(state.width)×\(state.height)", "q quits"]
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - TerminalText.width(line)) / 2)
            buf.put(line, x: x, y: top + i, style: i == 0 ? theme[.error] : theme[.base], maxWidth: state.width - x)
        }
    }

    static func titleBar(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        let style = theme[.title]
        buf.fill(y: 0, width: buf.width, style: style)
        let zh = state.language == .zh
        let name = zh ? " helpdesk · 机关事业养老保险运维服务台" : " helpdesk · pension-insurance service desk"
        let (date, second) = BeijingTime.local(state.now)
        let right = "\(state.operatorName) · \(date) \(BeijingTime.clock(second)) +08:00 "
        let rightWidth = TerminalText.width(right)
        // Which database is open comes before the product's name, which gives way first: nobody
        // should type real tickets into the demo database, or practise on the real one.
        var x = 0
        if state.isDemo {
            x += buf.put(zh ? " 演示数据 " : " DEMO ", x: x, y: 0, style: theme[.overdue], maxWidth: max(0, buf.width - rightWidth - 1))
        }
        if !state.databaseName.isEmpty {
            x += buf.put(" " + state.databaseName, x: x, y: 0, style: style, maxWidth: max(0, buf.width - rightWidth - 1 - x))
            x += buf.put(" ·", x: x, y: 0, style: style, maxWidth: max(0, buf.width - rightWidth - 1 - x))
        }
        buf.put(TerminalText.truncate(name, to: max(0, buf.width - rightWidth - 1 - x)), x: x, y: 0, style: style,
                maxWidth: max(0, buf.width - rightWidth - 1 - x))
        buf.put(right, x: max(0, buf.width - rightWidth), y: 0, style: style)
    }

    static func tabBar(_ buf: inout ScreenBuffer, _ row: Int, _ state: ConsoleState, _ theme: Theme) {
        buf.fill(y: row, width: buf.width, style: theme[.tabInactive])
        var x = 0
        for pane in Pane.allCases {
            let label = " \(pane.rawValue + 1) \(state.title(of: pane)) "
            let style = pane == state.focus ? theme[.tabActive] : theme[.tabInactive]
            if pane.rawValue > 0 { x += buf.put("|", x: x, y: row, style: theme[.tabInactive], maxWidth: buf.width - x) }
            x += buf.put(label, x: x, y: row, style: style, maxWidth: buf.width - x)
        }
    }

    // MARK: Help

    static func helpView(_ buf: inout ScreenBuffer, _ body: Rect, _ scroll: Int, _ state: ConsoleState, _ theme: Theme) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let zh = state.language == .zh
        buf.paneHeader(Rect(x: 0, y: body.y, width: body.width, height: 1), zh ? "按键" : "Keys", note: "", focused: true, theme)
        var rows = Keymap.main.map { ($0.keyLabel, $0.help(state.language)) }
        rows += FormScreen.keyHelp(state.language)
        rows.append(("Ctrl-C/Ctrl-Q", zh ? "随时退出（有未保存内容时先确认）" : "quit from anywhere (asks if a form holds input)"))
        rows.append((":", zh ? "命令：q 退出 · 编号 打开 · new case · new fault · kind/region/status/search … · clear · lang zh|en"
                              : "commands: q · an id · new case · new fault · kind/region/status/search … · clear · lang zh|en"))
        let keyWidth = rows.map { TerminalText.width($0.0) }.max() ?? 8
        let visible = body.height - 1
        let start = min(scroll, max(0, rows.count - visible))
        for (i, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            buf.put(row.0, x: 2, y: body.y + 1 + i, columns: keyWidth, style: theme[.footerKey].monochrome.with(bold: true))
            buf.put(row.1, x: 4 + keyWidth, y: body.y + 1 + i, style: theme[.base], maxWidth: body.width - keyWidth - 5)
        }
    }

    // MARK: Bottom rows

    static func statusLine(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        let y = state.height - 2
        buf.fill(y: y, width: buf.width, style: theme[.base])
        let zh = state.language == .zh
        switch state.mode {
        case .search(let field):
            let prompt = zh ? "搜索：" : "search: "
            let px = buf.put(prompt, x: 0, y: y, style: theme[.label])
            let (text, cursor) = field.visible(columns: buf.width - px - 1)
            buf.put(text, x: px, y: y, style: theme[.base])
            buf.cursor = (px + cursor, y)
            return
        case .commandLine(let field):
            let px = buf.put(":", x: 0, y: y, style: theme[.label])
            let (text, cursor) = field.visible(columns: buf.width - px - 1)
            buf.put(text, x: px, y: y, style: theme[.base])
            buf.cursor = (px + cursor, y)
            return
        case .confirmQuit:
            buf.put(zh ? " 表单中有未保存的输入，确定退出？(y/n) " : " A form holds unsaved input. Quit anyway? (y/n) ", x: 0, y: y, style: theme[.error])
            return
        default:
            break
        }
        if let s = state.status {
            let role: Theme.Role = s.kind == .error ? .error : .status
            buf.put(" " + s.text + " ", x: 0, y: y, style: theme[role], maxWidth: buf.width)
        }
    }

    static func footer(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        let zh = state.language == .zh
        let lang = state.language
        let hints: Hints
        switch state.mode {
        case .normal, .confirmQuit:
            let bindings = Keymap.main.filter(\.inFooter)
            let isPinned: (Binding) -> Bool = { $0.command == .help || $0.command == .quit }
            hints = Hints(hints: bindings.filter { !isPinned($0) }.map { Hints.hint($0, lang) },
                          pinned: bindings.filter(isPinned).map { Hints.hint($0, lang) })
        case .detail(let d):
            hints = DetailScreen.hints(d, lang)
        case .form(let form, _):
            hints = FormScreen.hints(form, lang)
        case .help:
            hints = Hints(hints: [("j/k", zh ? "滚动" : "scroll")], pinned: [("Esc/q", zh ? "关闭" : "close")])
        case .search:
            hints = Hints(hints: [("", zh ? "查找标题、提出人、电话、描述" : "finds title, requester, phone, description")],
                          pinned: [("Enter", zh ? "确定" : "apply"), ("Esc", zh ? "取消" : "cancel")])
        case .commandLine:
            hints = Hints(hints: [], pinned: [("Enter", zh ? "确定" : "apply"), ("Esc", zh ? "取消" : "cancel")])
        }
        buf.footer(hints, y: state.height - 1, theme)
    }
}
