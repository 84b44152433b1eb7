import HelpDeskCore

/// A delivery (软件交付), reached from a released change's details: its label, when and by whom it
/// went out, whether a defect found within 30 days counts against it, the changes it carried and
/// the defects found in it.
///
/// Shown in place of the change's details, which it returns to with Esc, `q`, `h` or ←. Takes
/// `j`/`k` and the page keys to scroll, and `D` to record a defect found in it (the form returns here).
public enum DeliveryScreen {
    public struct State: Equatable, Sendable {
        public var id: Int64
        /// `nil` until it is read.
        public var record: DeliveryRecord?
        public var scroll = 0

        public init(id: Int64, record: DeliveryRecord? = nil) {
            self.id = id
            self.record = record
        }
    }

    public enum Effect: Equatable, Sendable {
        /// Back to the change's details.
        case close
        /// A command carried out on this delivery (recording a defect).
        case run(Command)
    }

    public static func reduce(_ state: inout State, _ key: Key) -> [Effect] {
        switch key {
        case .escape, .char("h"), .char("q"), .left, .backspace: return [.close]
        case .char("j"), .down: state.scroll += 1
        case .char("k"), .up: state.scroll = max(0, state.scroll - 1)
        case .pageDown, .ctrl("f"): state.scroll += 10
        case .pageUp, .ctrl("b"): state.scroll = max(0, state.scroll - 10)
        default:
            if let command = Keymap.delivery.command(for: key) ?? Keymap.command(for: key), [.addDefect, .help, .commandLine].contains(command) {
                return [.run(command)]
            }
        }
        return []
    }

    static func draw(_ buf: inout ScreenBuffer, _ body: Rect, _ state: State, _ context: ScreenContext, _ theme: Theme) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let lang = context.language
        let say = Catalog.Screens.Delivery.self
        guard let r = state.record else {
            buf.put("\(say.delivery(state.id)(lang)) …", x: 2, y: body.y + 1, style: theme[.dim])
            return
        }
        let d = r.delivery
        buf.paneHeader(Rect(x: body.x, y: body.y, width: body.width, height: 1), "\(say.delivery(d.id)(lang)) \(d.label)",
                       note: say.counts(changes: r.changes.count, defects: r.defects.count)(lang),
                       focused: true, theme)
        let base = theme[.base]
        var rows: [(String, String, Style)] = [
            (say.deliveredAt(lang), BeijingTime.iso(d.deliveredAt), base),
            (say.deliveredBy(lang), d.deliveredBy, base),
        ]
        if r.erroneous {
            rows.append(("", say.erroneous(lang), theme[.error]))
        }
        rows.append(("", "", base))
        rows.append((say.changes(lang), "", theme[.header]))
        for c in r.changes {
            let type = r.types[c.id ?? 0].map { ChangesScreen.typeLabel($0, lang) } ?? ""
            rows.append(("#\(c.id ?? 0)", "\(type)  \(c.title)", base))
        }
        rows.append(("", "", base))
        rows.append((say.defects(lang), "", theme[.header]))
        if r.defects.isEmpty { rows.append(("", Catalog.Screens.Common.none(lang), theme[.dim])) }
        for f in r.defects {
            rows.append(("#\(f.id)", "\(BeijingTime.short(f.foundAt))  \(r.day(of: f, lang))  \(f.title)  \(f.recordedBy)", base))
        }
        let labelWidth = rows.map { TerminalText.width($0.0) }.max() ?? 8
        DetailScreen.drawRows(&buf, body, rows.map { ($0.0, $0.1.isEmpty ? theme[.header] : theme[.label], $0.1, $0.2) },
                              scroll: state.scroll, labelWidth: labelWidth)
    }

    static func hints(_ lang: Language) -> Hints {
        let say = Catalog.Screens.self
        return Hints(hints: [("j/k", say.Common.scroll(lang))] + Keymap.delivery.map { Hints.hint($0, lang) },
                     pinned: [("Esc/q", say.Delivery.backToChange(lang))])
    }
}
