import HelpDeskCore

extension BoardScreen {
    /// The board's name and how many faults are open.
    static func title(_ state: State, _ context: ScreenContext) -> String {
        "\(context.strings(.faultBoard)) (\(state.faults.count))" + QueueScreen.markedNote(state.marks, context)
    }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool,
                     _ context: ScreenContext, _ theme: Theme) {
        let t = context.strings
        let lang = context.language
        let say = Catalog.Screens.Board.self
        let overdue = state.faults.filter { Urgency.of($0, at: context.now) == .overdue }.count
        var notes: [String] = []
        if overdue > 0 { notes.append(say.overdueCount(overdue)(lang)) }
        let filters = state.filter.summary(lang)
        if !filters.isEmpty { notes.append(filters) }
        let note = notes.joined(separator: " · ")
        buf.paneHeader(rect, title(state, context), note: note, focused: focused, theme)
        // A narrow board (the split layout's, or 80 columns) keeps the countdown and drops the
        // deadline's clock time, which the detail view shows.
        let showDeadline = rect.width >= 90
        var tail = [Column(title: say.tier(lang), width: 5), Column(title: say.next(lang), width: 11)]
        if showDeadline { tail.append(Column(title: t(.deadline), width: 11)) }
        tail.append(Column(title: t(.timeLeft), width: 10, alignRight: true))
        let fixed = [QueueScreen.markColumn, Column(title: t(.id), width: 6, alignRight: true), Column(title: t(.level), width: max(4, TerminalText.width(t(.level)))), Column(title: t(.region), width: Region.widestLabel(lang))]
        let cols = Column.fit(fixed + tail, flexibleAt: fixed.count, flexTitle: t(.title), total: rect.width)
        buf.columnHeaders(rect, cols, theme)
        let rows = rect.height - 2
        guard rows > 0 else { return }
        if state.faults.isEmpty {
            let f = state.filter
            let text = (f.region != nil || f.level != nil ? Catalog.ConsoleNavigation.noneMatchesFilters
                        : !f.search.isEmpty ? say.noneMatchesSearch : say.noOpenFaults)(lang)
            buf.put(text, x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        let top = (state.selection / rows) * rows
        for r in 0..<rows {
            let index = top + r
            guard index < state.faults.count else { break }
            let item = state.faults[index]
            let y = rect.y + 2 + r
            // As in every list: the selected row keeps its marker when another pane has the
            // focus, in the pane's title style; its id takes the selection style only in focus.
            let selected = index == state.selection
            let base = theme[.base]
            let levelRole: Theme.Role = item.level == .one ? .level1 : (item.level == .two ? .level2 : .level3)
            let urgency = Urgency.of(item, at: context.now)
            let countdown = item.dueAt.map { Countdown.text(to: $0, from: context.now, lang) } ?? ""
            let standing = state.escalations[item.id ?? 0]
            var cells: [(String, Style)] = [
                QueueScreen.markCell(item, state.marks, theme),
                ("\(item.id ?? 0)", selected && focused ? theme[.selected] : base),
                (say.level(item.level?.rawValue ?? 0)(lang), theme[levelRole]),
                (item.region?.label(lang) ?? "", base),
                (item.title(in: lang), base),
                tierCell(standing, theme),
            ]
            cells.append((nextCell(standing, context), theme[.dim]))
            if showDeadline { cells.append((item.dueAt.map(DueText.shortDue) ?? "", theme[.base])) }
            cells.append((countdown, urgency.role.map { theme[$0] } ?? theme[.base]))
            buf.drawRow(x: rect.x, y: y, cols, cells, width: rect.width)
            if selected { buf.selectionMarker(x: rect.x, y: y, focused: focused, theme) }
        }
    }

    /// `T1 ✓` once someone of the tier acknowledged it; `T1 !` in the alarm style while it waits.
    static func tierCell(_ standing: EscalationStanding?, _ theme: Theme) -> (String, Style) {
        guard let standing, let tier = standing.tier else { return ("—", theme[.dim]) }
        return standing.unacknowledged ? ("\(tier.rawValue) !", theme[.overdue]) : ("\(tier.rawValue) ✓", theme[.base])
    }

    /// The next step and when: `T2 14:00` today, `主管 11-25` on a later day.
    static func nextCell(_ standing: EscalationStanding?, _ context: ScreenContext) -> String {
        guard let next = standing?.next else { return "" }
        let lang = context.language
        let name: String
        switch next.step {
        case .supervisor: name = Catalog.Screens.Board.supervisor(lang)
        case .client: name = Catalog.Screens.Board.client(lang)
        default: name = next.step.rawValue
        }
        let (day, second) = BeijingTime.local(next.dueAt)
        let today = BeijingTime.local(context.now).date
        let when = day == today ? BeijingTime.clock(second) : String(day.description.dropFirst(5))
        return next.dueAt <= context.now ? Catalog.Screens.Board.due(name)(lang) : "\(name) \(when)"
    }
}
