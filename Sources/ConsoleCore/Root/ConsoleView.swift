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
        state.drawOverlay(&buf, theme)
        if !statusLine(&buf, state, theme) { footer(&buf, state, theme) }
        return buf
    }

    // MARK: Frame

    static func tooSmall(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        typealias Say = Catalog.Console.TooSmall
        let lines = [Say.heading, Say.size(needs: Layout.minWidth, Layout.minHeight, has: state.width, state.height), Say.quit]
            .map { $0(state.language) }
        let top = max(0, (state.height - lines.count) / 2)
        for (i, line) in lines.enumerated() {
            let x = max(0, (state.width - TerminalText.width(line)) / 2)
            buf.put(line, x: x, y: top + i, style: i == 0 ? theme[.error] : theme[.base], maxWidth: state.width - x)
        }
    }

    static func titleBar(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        let style = theme[.title]
        buf.fill(y: 0, width: buf.width, style: style)
        let lang = state.language
        let name = Catalog.Console.Title.product(lang)
        let (date, second) = BeijingTime.local(state.now)
        let right = "\(state.operatorName) · \(date) \(BeijingTime.clock(second)) +08:00 "
        let rightWidth = TerminalText.width(right)
        // Which database is open comes before the product's name, which gives way first: nobody
        // should type real tickets into the demo database, or practise on the real one.
        var x = 0
        if state.isDemo {
            x += buf.put(Catalog.Console.Title.demo(lang), x: x, y: 0, style: theme[.overdue], maxWidth: max(0, buf.width - rightWidth - 1))
        }
        // Nothing typed can be saved: said before anyone types.
        if state.isReadOnly {
            x += buf.put(Catalog.Console.Title.readOnly(lang), x: x,
 y: 0, style: theme[.overdue], maxWidth: max(0, buf.width - rightWidth - 1 - x))
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
        var labels = Pane.allCases.map { " \($0.position + 1) \(state.title(of: $0)) " }
        // Where the names do not all fit, the screens beside the desk show their number alone, the
        // last first, until they fit (the one in view keeps its name): no tab is cut. On a narrow
        // terminal in English that is not enough with four of them: the desk's panes give way next.
        for pane in Pane.services.reversed() + Pane.desk.reversed() where pane != state.focus
            && labels.map(TerminalText.width).reduce(Pane.allCases.count - 1, +) > buf.width {
            labels[pane.position] = " \(pane.position + 1) "
        }
        var x = 0
        for pane in Pane.allCases {
            let style = pane == state.focus ? theme[.tabActive] : theme[.tabInactive]
            if pane.position > 0 { x += buf.put("|", x: x, y: row, style: theme[.tabInactive], maxWidth: buf.width - x) }
            x += buf.put(labels[pane.position], x: x, y: row, style: style, maxWidth: buf.width - x)
        }
    }

    // MARK: Bottom rows

    /// The status line; a message longer than the line goes on over the footer's row (the keys come
    /// back with the next message), and is cut with … only past two lines. Returns whether it took
    /// the footer's row.
    @discardableResult
    static func statusLine(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) -> Bool {
        let y = state.height - 2
        buf.fill(y: y, width: buf.width, style: theme[.base])
        guard !state.drawOnStatusLine(&buf, y: y, theme), let s = state.status else { return false }
        let role: Theme.Role = s.kind == .error ? .error : .status
        let lines = TerminalText.wrap(s.text, to: max(1, buf.width - 2))
        guard lines.count > 1 else {
            buf.put(" " + s.text + " ", x: 0, y: y, style: theme[role], maxWidth: buf.width)
            return false
        }
        buf.fill(y: y + 1, width: buf.width, style: theme[.base])
        let second = lines.count == 2 ? lines[1] : TerminalText.truncate(lines.dropFirst().joined(), to: max(1, buf.width - 2))
        buf.put(" " + lines[0] + " ", x: 0, y: y, style: theme[role], maxWidth: buf.width)
        buf.put(" " + second + " ", x: 0, y: y + 1, style: theme[role], maxWidth: buf.width)
        return true
    }

    static func footer(_ buf: inout ScreenBuffer, _ state: ConsoleState, _ theme: Theme) {
        buf.footer(state.hints, y: state.height - 1, theme)
    }
}
