import HelpDeskCore

extension QueueScreen {
    /// The pane's name and how many tickets the filters let through.
    static func title(_ state: State, _ context: ScreenContext) -> String {
        "\(context.strings(.caseQueue)) (\(state.page.totalText))"
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
        var fixed: [Column] = [Column(title: t(.id), width: 6, alignRight: true), Column(title: t(.kind), width: kindWidth),
                               Column(title: t(.status), width: statusWidth)]
        if wide { fixed.append(Column(title: t(.channel), width: 8)) }
        fixed.append(Column(title: t(.region), width: 6))
        var tail: [Column] = []
        if wide { tail += [Column(title: t(.requester), width: max(8, TerminalText.width(t(.requester)))), Column(title: t(.takenBy), width: 8)] }
        tail += [Column(title: t(.deadline), width: 11), Column(title: t(.timeLeft), width: 10, alignRight: true)]
        let cols = Column.fit(fixed + tail, flexibleAt: fixed.count, flexTitle: t(.title), total: rect.width)
        buf.drawRow(x: rect.x, y: rect.y + 1, cols, cols.map { ($0.title, theme[.header]) }, width: rect.width)

        let rows = rect.height - 2
        guard rows > 0 else { return }
        if state.loaded && queue.total == 0 {
            buf.put(t(.noItems), x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        // Page-aligned scrolling: moving within a page redraws two rows only.
        let top = (state.selection / rows) * rows
        for r in 0..<rows {
            let index = top + r
            guard index < queue.total else { break }
            let y = rect.y + 2 + r
            let selected = index == state.selection
            let i = index - queue.offset
            guard queue.items.indices.contains(i) else {
                buf.put("…", x: rect.x + 2, y: y, style: theme[.dim])
                continue
            }
            let item = queue.items[i]
            let base = theme[.base]
            let urgency = Urgency.of(item, at: context.now)
            let leftStyle = urgency.role.map { theme[$0] } ?? theme[.dim]
            let plain = theme[.base]
            var cells: [(String, Style)] = [
                ("\(item.id ?? 0)", selected && focused ? theme[.selected] : base), (item.kind.label(lang), base),
                (item.status.label(lang, kind: item.kind), base),
            ]
            if wide { cells.append((item.channel.map { channelShort($0, lang) } ?? "", base)) }
            cells.append((item.region?.chineseName ?? "", base))
            cells.append((item.title, base))
            if wide { cells += [(item.requesterName ?? "", plain), (item.assignee ?? item.takenBy ?? "", plain)] }
            cells.append((item.dueAt.map(DueText.shortDue) ?? t(.none), plain))
            cells.append((DueText.timeLeft(item, context), leftStyle))
            buf.drawRow(x: rect.x, y: y, cols, cells, width: rect.width)
            if selected { buf.selectionMarker(x: rect.x, y: y, focused: focused, theme) }
        }
    }

    static func channelShort(_ c: Channel, _ lang: Language) -> String {
        c == .casePlatform ? (lang == .zh ? "CASE平台" : "case") : c.label(lang)
    }

    static func filterSummary(_ f: QueueFilter, _ language: Language) -> String {
        let zh = language == .zh
        var parts: [String] = []
        if let k = f.kind { parts.append(ItemKind(rawValue: k.rawValue)!.label(language)) }
        if let s = f.status { parts.append(s.label(language, kind: .general)) } else if f.showClosed { parts.append(zh ? "全部" : "all") }
        if let r = f.region { parts.append(r.chineseName) }
        if f.mine { parts.append(zh ? "我的" : "mine") }
        if f.overdue { parts.append(zh ? "已超时" : "overdue") }
        if !f.search.isEmpty { parts.append("/\(f.search)") }
        return parts.isEmpty ? "" : (zh ? "筛选：" : "filter: ") + parts.joined(separator: " · ")
    }
}
