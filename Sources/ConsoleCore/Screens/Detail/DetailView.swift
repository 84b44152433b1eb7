import Foundation
import HelpDeskCore

extension DetailScreen {
    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ d: Detail, _ context: ScreenContext, _ theme: Theme) {
        if let delivery = d.delivery { return DeliveryScreen.draw(&buf, body, delivery, context, theme) }
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let t = context.strings
        let lang = context.language
        guard let item = d.item else {
            buf.put("#\(d.id) …", x: 2, y: body.y + 1, style: theme[.dim])
            return
        }
        let kind = item.kind == .fault ? "\(item.kind.label(lang)) \(t(.level)) \(item.level?.rawValue ?? 0)" : item.kind.label(lang)
        // A change's stage says more than open or released.
        let status = d.facts?.change?.stage.label(lang)
            ?? d.facts?.training.map { lang == .zh ? "已完成 \($0.stepsDone)/7 步" : "\($0.stepsDone)/7 steps done" }
            ?? item.status.label(lang, kind: item.kind)
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), "#\(d.id) \(kind) · \(status)",
                   note: "\(t(.version)) \(item.version)", focused: true, theme)
        var lines: [(String, String, Style)] = [(t(.title), item.title, theme[.base])]
        if let r = item.region { lines.append((t(.region), r.label(lang), theme[.base])) }
        if let c = item.channel { lines.append((t(.channel), c.label(lang), theme[.base])) }
        // The requester's name, office and phone: whichever are known, a phone even without a name.
        let requester = [item.requesterName, item.requesterOffice, item.requesterPhone].compactMap { $0 }.filter { !$0.isEmpty }
        if !requester.isEmpty { lines.append((t(.requester), requester.joined(separator: "  "), theme[.base])) }
        if let w = item.takenBy { lines.append((t(.takenBy), w, theme[.base])) }
        if let w = item.assignee { lines.append((t(.assignee), w, theme[.base])) }
        lines.append((item.kind == .fault ? t(.reported) : t(.received), BeijingTime.iso(item.receivedAt), theme[.base]))
        if let r = item.firstResponseAt { lines.append((t(.firstResponse), BeijingTime.iso(r), theme[.base])) }
        if let due = item.dueAt {
            let urgency = Urgency.of(item, at: context.now)
            let left: String
            if item.status == .closed {
                left = item.isOverdue(at: context.now) ? "  (\(t(.overdue)))" : ""
            } else if !item.isAwaitingRuleEvent {
                left = "  (\(DueText.timeLeft(item, context)))"
            } else {
                left = "  (\(item.kind == .fault ? Countdown.text(to: due, from: context.now, lang) : TimeLeft.text(from: context.now, to: due, lang)))"
            }
            lines.append((t(.deadline), BeijingTime.iso(due) + left, urgency.role.map { theme[$0] } ?? theme[.base]))
        }
        if let a = item.agreedWith { lines.append((t(.agreedWith), a, theme[.base])) }
        if let c = item.closedAt { lines.append((t(.closed), BeijingTime.iso(c), theme[.base])) }
        if let c = item.cause { lines.append((t(.cause), c, theme[.base])) }
        if let s = item.solution { lines.append((t(.solution), s, theme[.base])) }
        if let facts = d.facts { lines += factLines(facts, width: body.width - 20, context, theme) }
        if !item.description.isEmpty { lines.append((t(.description), item.description, theme[.base])) }
        var rows: [(String, Style, String, Style)] = lines.map { ($0.0, theme[.label], $0.1, $0.2) }
        rows.append(("", theme[.base], "", theme[.base]))
        rows.append((t(.history), theme[.header], "", theme[.base]))
        for e in d.history {
            let text = [e.actor, HistoryText.event(e.event, lang), HistoryText.change(e, kind: item.kind, lang),
                        HistoryText.note(e, lang)].filter { !$0.isEmpty }.joined(separator: "  ")
            rows.append((BeijingTime.short(e.at), theme[.dim], text, theme[.base]))
        }
        drawRows(&buf, body, rows, scroll: d.scroll, labelWidth: lines.map { TerminalText.width($0.0) }.max() ?? 8)
    }

    /// Labelled rows under the header row of `body`, scrolled by `scroll`: labels in a column as
    /// wide as `labelWidth` (a history entry's time, longer, takes 17), values wrapped under
    /// themselves.
    static func drawRows(_ buf: inout ScreenBuffer, _ body: Rect, _ rows: [(String, Style, String, Style)], scroll: Int, labelWidth: Int) {
        let visible = body.height - 1
        // A value longer than the line goes on under itself, its label once.
        var lines: [(String, Style, String, Style, Int)] = []
        for row in rows {
            let lw = row.0.count > 12 ? 17 : labelWidth
            // A text of several lines (a pasted log) keeps its lines; each is wrapped.
            let paragraphs = row.2.replacingOccurrences(of: "\r\n", with: "\n")
                .trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            let parts = paragraphs.flatMap { TerminalText.wrap($0, to: max(1, body.width - lw - 3)) }
            for (n, part) in parts.enumerated() {
                lines.append((n == 0 ? row.0 : "", row.1, part, row.3, lw))
            }
        }
        let start = min(scroll, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 1 + i
            buf.put(line.0, x: body.x + 1, y: y, columns: line.4, style: line.1)
            buf.put(line.2, x: body.x + 2 + line.4, y: y, style: line.3, maxWidth: body.width - line.4 - 3)
        }
    }
}
