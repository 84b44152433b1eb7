import HelpDeskCore

extension QueueScreen {
    /// The pane's name and how many tickets the filters let through.
    static func title(_ state: State, _ context: ScreenContext) -> String {
        "\(context.strings(.caseQueue)) (\(state.page.totalText))" + markedNote(state.marks, context)
    }

    /// ` · 3 marked` after a pane's title while it has marks.
    static func markedNote(_ marks: Marks, _ context: ScreenContext) -> String {
        marks.isEmpty ? "" : " · " + Catalog.Marks.markedCount(marks.count)(context.language)
    }

    /// The mark column: one column at the front of a row, `*` on a marked item.
    static let markColumn = Column(title: "", width: 1)

    static func markCell(_ item: WorkItem, _ marks: Marks, _ theme: Theme) -> (String, Style) {
        marks.contains(item.id) ? ("*", theme[.selected]) : ("", theme[.base])
    }

    static func draw(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: State, focused: Bool, _ context: ScreenContext, _ theme: Theme) {
        let t = context.strings
        let lang = context.language
        let queue = state.page
        buf.paneHeader(rect, title(state, context), note: filterSummary(state.filter, lang), focused: focused, theme)
        let wide = rect.width >= 110
        // Kind and status columns as wide as their longest label in the operator's language
        // (一般问题 is 8 columns, "requirement" 11), so no label is cut while the title has room.
        let kindWidth = CaseKind.allCases.map { TerminalText.width($0.itemKind.label(lang)) }.max() ?? 8
        let statusWidth = ItemStatus.allCases.map { s in
            CaseKind.allCases.map { TerminalText.width(s.label(lang, kind: $0.itemKind)) }.max() ?? 6
        }.max() ?? 6
        var fixed: [Column] = [markColumn, Column(title: t(.id), width: 6, alignRight: true), Column(title: t(.kind), width: kindWidth),
                               Column(title: t(.status), width: statusWidth)]
        if wide { fixed.append(Column(title: t(.channel), width: 8)) }
        fixed.append(Column(title: t(.region), width: Region.widestLabel(lang)))
        var tail: [Column] = []
        if wide { tail += [Column(title: t(.requester), width: max(8, TerminalText.width(t(.requester)))), Column(title: t(.assignee), width: 8)] }
        tail += [Column(title: t(.deadline), width: 11), Column(title: t(.timeLeft), width: 10, alignRight: true)]
        let cols = Column.fit(fixed + tail, flexibleAt: fixed.count, flexTitle: t(.title), total: rect.width)
        buf.columnHeaders(rect, cols, theme)
        let rows = ListRows(items: queue.items, offset: queue.offset, total: queue.total, selection: state.selection, loaded: state.loaded)
        buf.listRows(rect, cols, rows, focused: focused, empty: t(.noItems), theme) { item, idStyle in
            let base = theme[.base]
            var cells: [(String, Style)] = [markCell(item, state.marks, theme), ("\(item.id ?? 0)", idStyle), (item.kind.label(lang), base),
                                            (item.status.label(lang, kind: item.kind), base)]
            if wide { cells.append((item.channel.map { channelShort($0, lang) } ?? "", base)) }
            cells.append(regionCell(item, queue.toConfirm, lang, theme))
            cells.append((item.title(in: lang), base))
            // Who is on it: the assignee, else whoever took it in (the details show both).
            if wide { cells += [(item.requesterName ?? "", base), (item.assignee ?? item.takenBy ?? "", base)] }
            return cells + DueText.cells(item, context, theme)
        }
    }

    /// A ticket opened from an unknown sender's mail took the desk's region for mail: until staff
    /// confirm its region and requester, the column says "to confirm" (as wide as a region's name
    /// in both languages) in the warning colour; the details show the region guessed.
    static func regionCell(_ item: WorkItem, _ toConfirm: Set<Int64>, _ lang: Language, _ theme: Theme) -> (String, Style) {
        if let id = item.id, toConfirm.contains(id) { return (Catalog.MailIn.toConfirm(lang), theme[.countdownWarn]) }
        return (item.region?.label(lang) ?? "", theme[.base])
    }

    static func channelShort(_ c: Channel, _ lang: Language) -> String { c.shortLabel(lang) }

    static func filterSummary(_ f: QueueFilter, _ language: Language) -> String {
        let words = Catalog.Screens.Queue.self
        var parts: [String] = []
        if let k = f.kind { parts.append(k.itemKind.label(language)) }
        if let s = f.status { parts.append(s.label(language, kind: .general)) } else if f.showClosed { parts.append(words.allStatuses(language)) }
        if let r = f.region { parts.append(r.label(language)) }
        if f.mine { parts.append(words.mine(language)) }
        if f.overdue { parts.append(words.overdue(language)) }
        if !f.search.isEmpty { parts.append("/\(f.search)") }
        return parts.isEmpty ? "" : words.filters(parts)(language)
    }
}
