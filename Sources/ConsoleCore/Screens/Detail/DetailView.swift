import Foundation
import HelpDeskCore

extension DetailScreen {
    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ d: Detail, _ context: ScreenContext, _ theme: Theme) {
        if let delivery = d.delivery { return DeliveryScreen.draw(&buf, body, delivery, context, theme) }
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let t = context.strings
        guard let item = d.item else {
            buf.put("#\(d.id) …", x: 2, y: body.y + 1, style: theme[.dim])
            return
        }
        let p = ItemPresentation(item, facts: d.facts, history: d.history, now: context.now, context.language)
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), "#\(d.id) \(p.heading.kind) · \(p.heading.status)",
                   note: "\(t(.version)) \(p.heading.version)", focused: true, theme)
        drawLines(&buf, body, lines(p, item, d, width: body.width, context, theme), scroll: d.scroll)
        drawChooser(&buf, body, d, context.language, theme)
    }

    /// Everything the details show under their header, as wrapped lines: the item's fields, the
    /// directory entries it is linked to, its attachments, the similar tickets, its relations and
    /// its history.
    static func lines(_ p: ItemPresentation, _ item: WorkItem, _ d: Detail, width: Int, _ context: ScreenContext, _ theme: Theme) -> [Line] {
        let lang = context.language
        let related = linkRows(item, d.links, lang, theme)
        var linked: [(String, Style, String, Style)] = []
        if !d.requesters.isEmpty {
            linked = [("", theme[.base], "", theme[.base]), (Catalog.Requesters.Console.heading(lang), theme[.header], "", theme[.base])]
                + d.requesters.map { ("#\($0.id ?? 0)", theme[.dim], Catalog.Requesters.Console.entry($0, lang), theme[.base]) }
        }
        let labelWidth = (p.sections.compactMap(\.title) + (p.sections.first?.fields.map(\.label) ?? [])
                          + (d.requesters.isEmpty ? [] : [Catalog.Requesters.Console.heading(lang)])
                          + related.map(\.0)).map(TerminalText.width).max() ?? 8
        // Before its history: the directory entries the ticket is linked to, then its attachments.
        return wrap(rows(p, width: width - 20, history: context.strings(.history), theme,
                         links: related, before: linked + attachmentRows(d, context, theme)
                            + similarRows(d, width: width, lang, theme)),
                    width: width, labelWidth: labelWidth)
    }

    /// How far the details of `d` scroll in `body` before their last line reaches its bottom.
    static func lastScroll(_ d: Detail, _ body: Rect, _ context: ScreenContext) -> Int {
        guard d.delivery == nil, let item = d.item else { return 0 }
        let p = ItemPresentation(item, facts: d.facts, history: d.history, now: context.now, context.language)
        return max(0, lines(p, item, d, width: body.width, context, .dark).count - (body.height - 1))
    }

    /// The presentation as labelled rows: the item's fields, each titled section after a blank
    /// row, then the history. A value wider than `width` that has a compact form takes it; a field
    /// with a key says which.
    static func rows(_ p: ItemPresentation, width: Int, history: String, _ theme: Theme,
                     links: [(String, Style, String, Style)] = [],
                     before historyRows: [(String, Style, String, Style)] = []) -> [(String, Style, String, Style)] {
        var rows: [(String, Style, String, Style)] = []
        for section in p.sections {
            if let title = section.title {
                rows.append(("", theme[.base], "", theme[.base]))
                rows.append((title, theme[.header], "", theme[.base]))
                if section.fields.isEmpty, let empty = section.empty { rows.append(("", theme[.base], empty, theme[.dim])) }
            }
            for f in section.fields {
                var value = f.compact.flatMap { TerminalText.width(f.value) > width ? $0 : nil } ?? f.value
                if let key = f.key { value += "  (\(key))" }
                rows.append((f.label, section.title == nil ? theme[.label] : theme[.dim], value, style(f.emphasis, theme)))
            }
        }
        rows += links
        rows += historyRows
        rows.append(("", theme[.base], "", theme[.base]))
        rows.append((history, theme[.header], "", theme[.base]))
        for e in p.history {
            let text = [e.actor, e.event, e.change, e.note].filter { !$0.isEmpty }.joined(separator: "  ")
            rows.append((BeijingTime.short(e.at), theme[.dim], text, theme[.base]))
        }
        return rows
    }

    static func style(_ emphasis: ItemPresentation.Emphasis, _ theme: Theme) -> Style {
        switch emphasis {
        case .plain: return theme[.base]
        case .dim: return theme[.dim]
        case .error: return theme[.error]
        case .met: return theme[.kpiMet]
        case .missed: return theme[.kpiMissed]
        case .urgency(let urgency): return urgency.role.map { theme[$0] } ?? theme[.base]
        }
    }

    /// One line of the details: a label in a column `labelColumns` wide, then a value.
    typealias Line = (label: String, labelStyle: Style, value: String, valueStyle: Style, labelColumns: Int)

    /// Labelled rows as lines: labels in a column as wide as `labelWidth` (the widest field label);
    /// a longer label (a history entry's time) takes 17 columns. Values wrap under themselves.
    static func wrap(_ rows: [(String, Style, String, Style)], width: Int, labelWidth: Int) -> [Line] {
        // A value longer than the line goes on under itself, its label once.
        var lines: [Line] = []
        for row in rows {
            let lw = TerminalText.width(row.0) > labelWidth ? max(17, labelWidth) : labelWidth
            // A text of several lines (a pasted log) keeps its lines; each is wrapped.
            let paragraphs = row.2.replacingOccurrences(of: "\r\n", with: "\n")
                .trimmingCharacters(in: .newlines).components(separatedBy: "\n")
            let parts = paragraphs.flatMap { TerminalText.wrap($0, to: max(1, width - lw - 3)) }
            for (n, part) in parts.enumerated() {
                lines.append((n == 0 ? row.0 : "", row.1, part, row.3, lw))
            }
        }
        return lines
    }

    /// Labelled rows under the header row of `body`, scrolled by `scroll`.
    static func drawRows(_ buf: inout ScreenBuffer, _ body: Rect, _ rows: [(String, Style, String, Style)], scroll: Int, labelWidth: Int) {
        drawLines(&buf, body, wrap(rows, width: body.width, labelWidth: labelWidth), scroll: scroll)
    }

    /// Lines under the header row of `body`, from line `scroll` (no further than shows the last
    /// at the bottom).
    static func drawLines(_ buf: inout ScreenBuffer, _ body: Rect, _ lines: [Line], scroll: Int) {
        let visible = body.height - 1
        let start = min(scroll, max(0, lines.count - visible))
        for (i, line) in lines.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 1 + i
            buf.put(line.label, x: body.x + 1, y: y, columns: line.labelColumns, style: line.labelStyle)
            buf.put(line.value, x: body.x + 2 + line.labelColumns, y: y, style: line.valueStyle, maxWidth: body.width - line.labelColumns - 3)
        }
    }
}
