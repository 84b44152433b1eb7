import HelpDeskCore

/// One inspection (Enter on the inspections screen): when, by whom, and each reading with its value,
/// the threshold it went over and the item it opened or was linked to (that item's number, title
/// and status). A business inspection's visits show the feedback gathered.
///
/// Covers the panes. `j`/`k` and the arrows move over the readings; Enter on a reading with an item
/// opens that item's details; `q`, Esc or `←` go back to the list.
public enum InspectionScreen {
    public struct State: Equatable, Sendable {
        public var id: Int64
        public var record: InspectionRecord?
        public var selection = 0

        public init(id: Int64, record: InspectionRecord? = nil) {
            self.id = id
            self.record = record
        }

        public var selected: RecordedReading? {
            guard let readings = record?.readings, readings.indices.contains(selection) else { return nil }
            return readings[selection]
        }
    }

    public enum Effect: Equatable, Sendable {
        case close
        case open(Int64)
        case bell
    }

    public static func loaded(_ state: inout State, _ record: InspectionRecord) {
        guard record.id == state.id else { return }
        state.record = record
        state.selection = min(state.selection, max(0, record.readings.count - 1))
    }

    public static func reduce(_ state: inout State, _ key: Key) -> [Effect] {
        let last = max(0, (state.record?.readings.count ?? 0) - 1)
        if ListMoves.apply(key, to: &state.selection, last: last) { return [] }
        switch key {
        case .char("q"), .escape, .left, .char("h"): return [.close]
        case .enter, .char("l"), .right:
            guard let id = state.selected?.itemId else { return [.bell] }
            return [.open(id)]
        default: break
        }
        return []
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ state: State, _ context: ScreenContext, _ theme: Theme) {
        let lang = context.language
        let say = Catalog.Screens.Inspections.self
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        guard let r = state.record else {
            buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), say.inspection(state.id)(lang),
                           note: Catalog.Screens.Common.loading(lang), focused: true, theme)
            return
        }
        let over = r.readings.filter(\.isOver).count
        var note = say.summary(at: BeijingTime.short(r.at), inspector: TerminalText.sanitize(r.inspector), readings: r.readings.count, over: over)(lang)
        // An import of a file imported before, with --again: whose file it repeated.
        if let first = r.againOf { note += "  " + Catalog.InspectionImport.againMark(first)(lang) }
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1),
                       "\(say.inspection(r.id)(lang)) \(r.kind.label(lang))", note: note, focused: true, theme)
        let wide = body.width >= 100
        let business = r.kind == .business
        var fixed = [Column(title: "#", width: 2, alignRight: true), Column(title: say.check(lang), width: wide ? 12 : 10),
                     Column(title: say.target(lang), width: business ? 8 : (wide ? 18 : 15))]
        if !business {
            fixed += [Column(title: say.value(lang), width: 8, alignRight: true), Column(title: say.threshold(lang), width: 7)]
        }
        fixed.append(Column(title: say.item(lang), width: 6))
        if wide && !business { fixed.append(Column(title: say.status(lang), width: 8)) }
        let flexAt = business ? 3 : 6
        let cols = Column.fit(fixed, flexibleAt: flexAt, flexTitle: (business ? say.feedback : say.itemTitle)(lang),
                              total: body.width)
        buf.columnHeaders(body, cols, theme)
        let visible = body.height - 2
        let start = max(0, min(state.selection - visible / 2, r.readings.count - visible))
        for (i, reading) in r.readings.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 2 + i
            let selected = start + i == state.selection
            let value = reading.reading.value.display + (reading.reading.check.isPercent ? "%" : "")
            let target = TerminalText.sanitize(reading.reading.target) + (reading.known ? "" : "*")
            let item = reading.itemId.map { (reading.opened ? "+" : "→") + "#\($0)" } ?? ""
            var cells: [(String, Style)] = [
                ("\(reading.number)", selected ? theme[.selected] : theme[.base]),
                (reading.reading.check.label(lang), theme[.base]),
                (target, reading.known ? theme[.base] : theme[.dim]),
            ]
            if business {
                cells.append((TerminalText.sanitize(reading.reading.value.display), theme[.base]))
                cells.append((item, theme[.base]))
            } else {
                cells.append((value, reading.isOver ? theme[.overdue] : theme[.base]))
                cells.append((reading.isOver ? (reading.limit ?? "") : "", theme[.overdue]))
                cells.append((item, theme[.base]))
                cells.append((reading.item.map { TerminalText.sanitize($0.title(in: lang)) } ?? "", theme[.base]))
                if wide { cells.append((reading.item.map { $0.status.label(lang, kind: $0.kind) } ?? "", theme[.dim])) }
            }
            buf.drawRow(x: body.x, y: y, cols, cells, width: body.width)
            if selected { buf.selectionMarker(x: body.x, y: y, focused: true, theme) }
        }
    }

    static func hints(_ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        return Hints(hints: [("Enter", say.Inspections.itemDetails(lang)), ("j/k", say.Common.move(lang)),
                             ("+", say.Inspections.markOpened(lang)), ("→", say.Inspections.markLinked(lang)),
                             ("*", say.Inspections.markNotInInventory(lang))],
                     pinned: [("q", say.Common.back(lang))])
    }
}
