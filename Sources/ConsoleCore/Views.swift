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
            switch pane {
            case .queue: queuePane(&buf, rect, state, theme)
            case .faults: faultPane(&buf, rect, state, theme)
            case .kpi: kpiPane(&buf, rect, state, theme)
            }
        }
        let body = Rect(x: 0, y: 1, width: state.width, height: state.height - 3)
        switch state.mode.underlying {
        case .detail(let d): detailView(&buf, body, d, state, theme)
        case let .form(form, back):
            if let back { detailView(&buf, body, back, state, theme) }
            formView(&buf, form, state, theme)
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
            let label = " \(pane.rawValue + 1) \(paneTitle(pane, state)) "
            let style = pane == state.focus ? theme[.tabActive] : theme[.tabInactive]
            if pane.rawValue > 0 { x += buf.put("|", x: x, y: row, style: theme[.tabInactive], maxWidth: buf.width - x) }
            x += buf.put(label, x: x, y: row, style: style, maxWidth: buf.width - x)
        }
    }

    static func paneTitle(_ pane: Pane, _ state: ConsoleState) -> String {
        let t = state.strings
        switch pane {
        case .queue: return "\(t(.caseQueue)) (\(state.queue.total))"
        case .faults: return "\(t(.faultBoard)) (\(state.faults.count))"
        case .kpi: return t(.kpi)
        }
    }

    /// The pane's first row: its title, styled by focus, and a note on the right.
    static func paneHeader(_ buf: inout ScreenBuffer, _ rect: Rect, _ title: String, note: String, focused: Bool, _ theme: Theme) {
        buf.fill(x: rect.x, y: rect.y, width: rect.width, style: theme[.paneBorder])
        let used = buf.put(" " + title + " ", x: rect.x, y: rect.y, style: focused ? theme[.paneTitleFocused] : theme[.paneTitle], maxWidth: rect.width)
        buf.put(note, x: rect.x + used + 1, y: rect.y, style: theme[.dim], maxWidth: rect.width - used - 1)
    }

    // MARK: Columns

    struct Column {
        let title: String
        let width: Int
        var alignRight = false
    }

    /// Gives the flexible column whatever the fixed ones leave.
    static func columns(_ fixed: [Column], flexibleAt index: Int, flexTitle: String, total: Int) -> [Column] {
        var cols = fixed
        let used = fixed.reduce(0) { $0 + $1.width } + fixed.count  // one space after each column
        cols.insert(Column(title: flexTitle, width: max(8, total - used - 1)), at: index)
        return cols
    }

    static func drawRow(_ buf: inout ScreenBuffer, x: Int, y: Int, _ cols: [Column], _ cells: [(String, Style)], width: Int) {
        var cx = x + 1
        for (i, col) in cols.enumerated() where i < cells.count {
            guard cx < x + width else { break }
            let w = min(col.width, x + width - cx)
            buf.put(cells[i].0, x: cx, y: y, columns: w, style: cells[i].1, alignRight: col.alignRight)
            cx += col.width + 1
        }
    }

    // MARK: CASE queue

    static func queuePane(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: ConsoleState, _ theme: Theme) {
        let t = state.strings
        let lang = state.language
        let focused = state.focus == .queue
        paneHeader(&buf, rect, paneTitle(.queue, state), note: filterSummary(state), focused: focused, theme)
        let wide = rect.width >= 110
        // Kind and status columns as wide as their longest label in the operator's language
        // (一般问题 is 8 columns, "requirement" 11), so no label is cut while the title has room.
        let kindWidth = CaseKind.allCases.map { TerminalText.width(ItemKind(rawValue: $0.rawValue)!.label(lang)) }.max() ?? 8
        let statusWidth = ItemStatus.allCases.map { s in
            CaseKind.allCases.map { TerminalText.width(s.label(lang, kind: ItemKind(rawValue: $0.rawValue)!)) }.max() ?? 6
        }.max() ?? 6
        var fixed: [Column] = [Column(title: t(.id), width: 6, alignRight: true), Column(title: t(.kind), width: kindWidth),
                               Column(title: t(.status), width: statusWidth)]
        if wide { fixed.append(Column(title: t(.channel), width: 8)) }
        fixed.append(Column(title: t(.region), width: 6))
        var tail: [Column] = []
        if wide { tail += [Column(title: t(.requester), width: max(8, TerminalText.width(t(.requester)))), Column(title: t(.takenBy), width: 8)] }
        tail += [Column(title: t(.deadline), width: 11), Column(title: t(.timeLeft), width: 10, alignRight: true)]
        let cols = columns(fixed + tail, flexibleAt: fixed.count, flexTitle: t(.title), total: rect.width)
        drawRow(&buf, x: rect.x, y: rect.y + 1, cols, cols.map { ($0.title, theme[.header]) }, width: rect.width)

        let rows = rect.height - 2
        guard rows > 0 else { return }
        if state.queueLoaded && state.queue.total == 0 {
            buf.put(t(.noItems), x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        // Page-aligned scrolling: moving within a page redraws two rows only.
        let top = (state.queueSelection / rows) * rows
        for r in 0..<rows {
            let index = top + r
            guard index < state.queue.total else { break }
            let y = rect.y + 2 + r
            let selected = index == state.queueSelection
            let i = index - state.queue.offset
            guard state.queue.items.indices.contains(i) else {
                buf.put("…", x: rect.x + 2, y: y, style: theme[.dim])
                continue
            }
            let item = state.queue.items[i]
            let base = theme[.base]
            let urgency = Urgency.of(item, at: state.now)
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
            cells.append((item.dueAt.map(shortDue) ?? t(.none), plain))
            cells.append((timeLeft(item, state), leftStyle))
            drawRow(&buf, x: rect.x, y: y, cols, cells, width: rect.width)
            if selected { selectionMarker(&buf, x: rect.x, y: y, focused: focused, theme) }
        }
    }

    /// The selected row is marked by a `>` at the pane's edge and its id cell in the selection
    /// style; every other cell keeps its own style (urgency colours stay visible). A move then
    /// rewrites a few cells at the front of two rows — a few dozen bytes over a slow SSH link — and
    /// the marker alone tells the rows apart without colour.
    static func selectionMarker(_ buf: inout ScreenBuffer, x: Int, y: Int, focused: Bool, _ theme: Theme) {
        buf.put(">", x: x, y: y, style: focused ? theme[.selected] : theme[.paneTitle])
    }

    static func channelShort(_ c: Channel, _ lang: Language) -> String {
        c == .casePlatform ? (lang == .zh ? "CASE平台" : "case") : c.label(lang)
    }

    /// `11-24 18:00`: month, day and time in Beijing.
    static func shortDue(_ date: Date) -> String {
        let (d, s) = BeijingTime.local(date)
        return "\(d.description.dropFirst(5)) \(BeijingTime.clock(s))"
    }

    static func timeLeft(_ item: WorkItem, _ state: ConsoleState) -> String {
        guard let due = item.dueAt else { return state.strings(.none) }
        if item.status == .closed { return item.isOverdue(at: state.now) ? state.strings(.overdue) : "ok" }
        // The rule's event already happened (a special case answered): met or late, never counting.
        if !item.isAwaitingRuleEvent {
            let zh = state.language == .zh
            return item.isOverdue(at: state.now) ? (zh ? "响应超时" : "late") : (zh ? "已响应" : "answered")
        }
        return TimeLeft.text(from: state.now, to: due, state.language)
    }

    static func filterSummary(_ state: ConsoleState) -> String {
        let f = state.queueFilter
        let zh = state.language == .zh
        var parts: [String] = []
        if let k = f.kind { parts.append(ItemKind(rawValue: k.rawValue)!.label(state.language)) }
        if let s = f.status { parts.append(s.label(state.language, kind: .general)) } else if f.showClosed { parts.append(zh ? "全部" : "all") }
        if let r = f.region { parts.append(r.chineseName) }
        if f.mine { parts.append(zh ? "我的" : "mine") }
        if f.overdue { parts.append(zh ? "已超时" : "overdue") }
        if !f.search.isEmpty { parts.append("/\(f.search)") }
        return parts.isEmpty ? "" : (zh ? "筛选：" : "filter: ") + parts.joined(separator: " · ")
    }

    // MARK: Fault board

    static func faultPane(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: ConsoleState, _ theme: Theme) {
        let t = state.strings
        let lang = state.language
        let focused = state.focus == .faults
        let overdue = state.faults.filter { Urgency.of($0, at: state.now) == .overdue }.count
        var notes: [String] = []
        if overdue > 0 { notes.append(lang == .zh ? "\(overdue) 项超时" : "\(overdue) overdue") }
        if !state.queueFilter.search.isEmpty { notes.append("/\(state.queueFilter.search)") }
        let note = notes.joined(separator: " · ")
        paneHeader(&buf, rect, paneTitle(.faults, state), note: note, focused: focused, theme)
        let zh = lang == .zh
        // A narrow board (the split layout's, or 80 columns) keeps the countdown and drops the
        // deadline's clock time, which the detail view shows.
        let showDeadline = rect.width >= 90
        var tail = [Column(title: zh ? "升级" : "tier", width: 5), Column(title: zh ? "下一步" : "next", width: 11)]
        if showDeadline { tail.append(Column(title: t(.deadline), width: 11)) }
        tail.append(Column(title: t(.timeLeft), width: 10, alignRight: true))
        let fixed = [Column(title: t(.id), width: 6, alignRight: true), Column(title: t(.level), width: max(4, TerminalText.width(t(.level)))), Column(title: t(.region), width: 6)]
        let cols = columns(fixed + tail, flexibleAt: fixed.count, flexTitle: t(.title), total: rect.width)
        drawRow(&buf, x: rect.x, y: rect.y + 1, cols, cols.map { ($0.title, theme[.header]) }, width: rect.width)
        let rows = rect.height - 2
        guard rows > 0 else { return }
        if state.faults.isEmpty {
            let searching = !state.queueFilter.search.isEmpty
            let text = searching ? (lang == .zh ? "没有符合搜索的未恢复故障" : "no open fault matches the search")
                                 : (lang == .zh ? "没有未恢复的故障" : "no open faults")
            buf.put(text, x: rect.x + 2, y: rect.y + 2, style: theme[.dim], maxWidth: rect.width - 2)
            return
        }
        let top = (state.faultSelection / rows) * rows
        for r in 0..<rows {
            let index = top + r
            guard index < state.faults.count else { break }
            let item = state.faults[index]
            let y = rect.y + 2 + r
            let selected = index == state.faultSelection && focused
            let base = theme[.base]
            let levelRole: Theme.Role = item.level == .one ? .level1 : (item.level == .two ? .level2 : .level3)
            let urgency = Urgency.of(item, at: state.now)
            let countdown = item.dueAt.map { Countdown.text(to: $0, from: state.now, lang) } ?? ""
            let standing = state.escalations[item.id ?? 0]
            var cells: [(String, Style)] = [
                ("\(item.id ?? 0)", selected ? theme[.selected] : base),
                (lang == .zh ? "\(item.level?.rawValue ?? 0)级" : "L\(item.level?.rawValue ?? 0)", theme[levelRole]),
                (item.region?.chineseName ?? "", base),
                (item.title, base),
                tierCell(standing, theme),
            ]
            cells.append((nextCell(standing, state), theme[.dim]))
            if showDeadline { cells.append((item.dueAt.map(shortDue) ?? "", theme[.base])) }
            cells.append((countdown, urgency.role.map { theme[$0] } ?? theme[.base]))
            drawRow(&buf, x: rect.x, y: y, cols, cells, width: rect.width)
            if selected { selectionMarker(&buf, x: rect.x, y: y, focused: true, theme) }
        }
    }

    /// `T1 ✓` once someone of the tier acknowledged it; `T1 !` in the alarm style while it waits.
    static func tierCell(_ standing: EscalationStanding?, _ theme: Theme) -> (String, Style) {
        guard let standing, let tier = standing.tier else { return ("—", theme[.dim]) }
        return standing.unacknowledged ? ("\(tier.rawValue) !", theme[.overdue]) : ("\(tier.rawValue) ✓", theme[.base])
    }

    /// The next step and when: `T2 14:00` today, `主管 11-25` on a later day.
    static func nextCell(_ standing: EscalationStanding?, _ state: ConsoleState) -> String {
        guard let next = standing?.next else { return "" }
        let zh = state.language == .zh
        let name: String
        switch next.step {
        case .supervisor: name = zh ? "主管" : "sup"
        case .client: name = zh ? "通报" : "client"
        default: name = next.step.rawValue
        }
        let (day, second) = BeijingTime.local(next.dueAt)
        let today = BeijingTime.local(state.now).date
        let when = day == today ? BeijingTime.clock(second) : String(day.description.dropFirst(5))
        return next.dueAt <= state.now ? "\(name) \(zh ? "到期" : "due")" : "\(name) \(when)"
    }

    // MARK: KPI dashboard

    static func kpiPane(_ buf: inout ScreenBuffer, _ rect: Rect, _ state: ConsoleState, _ theme: Theme) {
        let lang = state.language
        let zh = lang == .zh
        guard let k = state.kpi else {
            paneHeader(&buf, rect, paneTitle(.kpi, state), note: "", focused: state.focus == .kpi, theme)
            buf.put(zh ? "加载中…" : "loading…", x: rect.x + 2, y: rect.y + 2, style: theme[.dim])
            return
        }
        paneHeader(&buf, rect, paneTitle(.kpi, state), note: "\(k.month) / \(k.week)", focused: state.focus == .kpi, theme)
        let barWidth = rect.width >= 70 ? 20 : 8
        let showTarget = rect.width >= 60
        var fixed = [Column(title: "", width: 4)]
        var tail: [Column] = []
        if showTarget { tail.append(Column(title: zh ? "目标" : "target", width: 6, alignRight: true)) }
        tail += [Column(title: zh ? "本月" : "month", width: 6, alignRight: true), Column(title: "", width: 1),
                 Column(title: "", width: barWidth), Column(title: zh ? "本周" : "week", width: 6, alignRight: true)]
        fixed += tail
        let cols = columns(fixed, flexibleAt: 1, flexTitle: zh ? "指标" : "figure", total: rect.width)
        drawRow(&buf, x: rect.x, y: rect.y + 1, cols, cols.map { ($0.title, theme[.header]) }, width: rect.width)
        for (i, figure) in k.monthFigures.enumerated() {
            let y = rect.y + 2 + i
            guard y < rect.y + rect.height else { break }
            let week = k.weekFigures.first { $0.id == figure.id }
            let markStyle: Style
            let mark: String
            switch figure.met {
            case true?: (mark, markStyle) = ("✓", theme[.kpiMet])
            case false?: (mark, markStyle) = ("✗", theme[.kpiMissed])
            case nil: (mark, markStyle) = (" ", theme[.kpiEmpty])
            }
            let valueStyle = figure.value == nil ? theme[.kpiEmpty] : markStyle
            var cells: [(String, Style)] = [(figure.id.rawValue, theme[.label]), (figure.name(lang), theme[.base])]
            if showTarget {
                let sign = figure.comparison == .atLeast ? "≥" : "≤"
                cells.append(("\(sign)\(Int((figure.target * 100).rounded()))%", theme[.dim]))
            }
            cells += [(figure.valueText, valueStyle), (mark, markStyle), ("", theme[.base]),
                      (week?.valueText ?? "—", week?.value == nil ? theme[.kpiEmpty] : (week?.met == false ? theme[.kpiMissed] : theme[.kpiMet]))]
            drawRow(&buf, x: rect.x, y: y, cols, cells, width: rect.width)
            // The bar: filled cells are reversed spaces (a block without East-Asian-width trouble).
            let barX = rect.x + 1 + cols.dropLast(2).reduce(0) { $0 + $1.width + 1 }
            if let v = figure.value, barX + barWidth <= rect.x + rect.width {
                let filled = Int((v * Double(barWidth)).rounded())
                for c in 0..<barWidth {
                    if c < filled {
                        buf.put(" ", x: barX + c, y: y, style: theme[.bar])
                    } else {
                        buf.put(".", x: barX + c, y: y, style: theme[.barEmpty])
                    }
                }
            }
        }
    }

    // MARK: Detail

    static func detailView(_ buf: inout ScreenBuffer, _ body: Rect, _ d: Detail, _ state: ConsoleState, _ theme: Theme) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let t = state.strings
        let lang = state.language
        guard let item = d.item else {
            buf.put("#\(d.id) …", x: 2, y: body.y + 1, style: theme[.dim])
            return
        }
        let kind = item.kind == .fault ? "\(item.kind.label(lang)) \(t(.level)) \(item.level?.rawValue ?? 0)" : item.kind.label(lang)
        paneHeader(&buf, Rect(x: body.x, y: body.y, width: body.width, height: 1), "#\(d.id) \(kind) · \(item.status.label(lang, kind: item.kind))",
                   note: "\(t(.version)) \(item.version)", focused: true, theme)
        var lines: [(String, String, Style)] = [(t(.title), item.title, theme[.base])]
        if let r = item.region { lines.append((t(.region), r.chineseName, theme[.base])) }
        if let c = item.channel { lines.append((t(.channel), c.label(lang), theme[.base])) }
        // The requester's name, office and phone: whichever are known, a phone even without a name.
        let requester = [item.requesterName, item.requesterOffice, item.requesterPhone].compactMap { $0 }.filter { !$0.isEmpty }
        if !requester.isEmpty { lines.append((t(.requester), requester.joined(separator: "  "), theme[.base])) }
        if let w = item.takenBy { lines.append((t(.takenBy), w, theme[.base])) }
        if let w = item.assignee { lines.append((t(.assignee), w, theme[.base])) }
        lines.append((item.kind == .fault ? t(.reported) : t(.received), BeijingTime.iso(item.receivedAt), theme[.base]))
        if let r = item.firstResponseAt { lines.append((t(.firstResponse), BeijingTime.iso(r), theme[.base])) }
        if let due = item.dueAt {
            let urgency = Urgency.of(item, at: state.now)
            let left: String
            if item.status == .closed {
                left = item.isOverdue(at: state.now) ? "  (\(t(.overdue)))" : ""
            } else if !item.isAwaitingRuleEvent {
                left = "  (\(timeLeft(item, state)))"
            } else {
                left = "  (\(item.kind == .fault ? Countdown.text(to: due, from: state.now, lang) : TimeLeft.text(from: state.now, to: due, lang)))"
            }
            lines.append((t(.deadline), BeijingTime.iso(due) + left, urgency.role.map { theme[$0] } ?? theme[.base]))
        }
        if let a = item.agreedWith { lines.append((t(.agreedWith), a, theme[.base])) }
        if let c = item.closedAt { lines.append((t(.closed), BeijingTime.iso(c), theme[.base])) }
        if let c = item.cause { lines.append((t(.cause), c, theme[.base])) }
        if let s = item.solution { lines.append((t(.solution), s, theme[.base])) }
        if !item.description.isEmpty { lines.append((t(.description), item.description, theme[.base])) }
        let labelWidth = lines.map { TerminalText.width($0.0) }.max() ?? 8
        var rows: [(String, Style, String, Style)] = lines.map { ($0.0, theme[.label], $0.1, $0.2) }
        rows.append(("", theme[.base], "", theme[.base]))
        rows.append((t(.history), theme[.header], "", theme[.base]))
        for e in d.history {
            let text = [e.actor, HistoryText.event(e.event, lang), HistoryText.change(e, kind: item.kind, lang),
                        HistoryText.note(e, lang)].filter { !$0.isEmpty }.joined(separator: "  ")
            rows.append((BeijingTime.short(e.at), theme[.dim], text, theme[.base]))
        }
        let visible = body.height - 1
        let start = min(d.scroll, max(0, rows.count - visible))
        for (i, row) in rows.dropFirst(start).prefix(visible).enumerated() {
            let y = body.y + 1 + i
            let lw = row.0.count > 12 ? 17 : labelWidth
            buf.put(row.0, x: body.x + 1, y: y, columns: lw, style: row.1)
            buf.put(row.2, x: body.x + 2 + lw, y: y, style: row.3, maxWidth: body.width - lw - 3)
        }
    }

    // MARK: Forms

    static func formView(_ buf: inout ScreenBuffer, _ form: Form, _ state: ConsoleState, _ theme: Theme) {
        let lang = state.language
        let zh = lang == .zh
        let preview = form.preview(rules: state.calendar.map(DeadlineRules.init))
        let previewLines = preview.map { [($0, true)] } ?? []
        // On a narrow terminal the form takes the whole width: a strip of the list beside it only
        // confuses (a selection marker there looks like the form's focus).
        let width = state.width <= 90 ? state.width : min(state.width - 2, 84)
        let reasonCount = preview?.reasons.count ?? 0
        let staleRows = form.newerVersion == nil ? 0 : 2
        let height = min(state.height - 3, form.fields.count + 4 + staleRows + (previewLines.isEmpty ? 0 : reasonCount + 2))
        let x = (state.width - width) / 2
        let y = max(1, (state.height - 2 - height) / 2)
        let dialog = theme[.dialog]
        buf.fill(x: x, y: y, width: width, height: height, style: dialog)
        buf.put(" \(form.title) ", x: x, y: y, columns: width, style: theme[.paneTitleFocused])
        let labelWidth = min(16, (form.fields.map { TerminalText.width($0.label) }.max() ?? 8) + 2)
        let fieldWidth = width - labelWidth - 4
        for (i, field) in form.fields.enumerated() {
            let fy = y + 2 + i
            guard fy < y + height - 1 else { break }
            let required = field.check == .required ? "*" : ""
            buf.put(field.label + required, x: x + 2, y: fy, columns: labelWidth, style: theme[.label].over(dialog))
            let focused = i == form.focus
            let problem = field.problem(lang, form.clock)
            // Shown as typed for fields with a format; for required ones after a save was tried.
            let checksFormat = field.check == .phone || field.check == .pastTime || field.check == .due
            let showProblem = problem != nil && (form.triedToSave || (!field.value.isEmpty && checksFormat))
            let style = focused ? theme[.fieldFocused] : (showProblem ? theme[.fieldInvalid] : theme[.field])
            let fx = x + 2 + labelWidth
            switch field.input {
            case .text(let f):
                let problemWidth = showProblem ? TerminalText.width(problem!) + 2 : 0
                let w = max(4, fieldWidth - problemWidth)
                let (visible, cursorColumn) = f.visible(columns: w - 1)
                buf.put(visible, x: fx, y: fy, columns: w, style: style)
                if field.long && focused { buf.put("Ctrl-E", x: fx + w - 6, y: fy, style: theme[.dim].over(dialog)) }
                if focused && !form.confirmingDiscard { buf.cursor = (fx + cursorColumn, fy) }
                if showProblem { buf.put(problem!, x: fx + w + 2, y: fy, style: theme[.fieldInvalid].over(dialog), maxWidth: problemWidth) }
            case let .choice(options, index):
                let label = options.isEmpty ? "—" : options[index].label
                buf.put("< \(label) >", x: fx, y: fy, columns: min(fieldWidth, TerminalText.width(label) + 4), style: style)
            }
        }
        if let version = form.newerVersion, let target = form.purpose.target {
            let sy = y + 2 + form.fields.count + 1
            let line = zh ? "#\(target.id) 已被他人修改，现为版本 \(version)（最新内容在后面）；你输入的内容保留，Ctrl-S 在新版本上保存"
                          : "#\(target.id) was changed meanwhile, now version \(version) (shown behind); your text is kept, Ctrl-S saves on it"
            buf.put(line, x: x + 2, y: sy, style: theme[.error].over(dialog), maxWidth: width - 4)
            // The change that made the difference: the newest entry of the item's history.
            if let d = state.detailBehindForm, let latest = d.history.last {
                let text = [BeijingTime.short(latest.at), latest.actor, HistoryText.event(latest.event, lang),
                            HistoryText.change(latest, kind: d.item?.kind ?? .general, lang)].filter { !$0.isEmpty }.joined(separator: "  ")
                buf.put(text, x: x + 4, y: sy + 1, style: theme[.dim].over(dialog), maxWidth: width - 6)
            }
        }
        if let preview {
            var py = y + 2 + form.fields.count + 1 + staleRows
            let head = (zh ? "时限：" : "Deadline: ") + BeijingTime.iso(preview.due)
            buf.put(head, x: x + 2, y: py, style: theme[.status].over(dialog), maxWidth: width - 4)
            for reason in preview.reasons where py + 1 < y + height {
                py += 1
                buf.put("  " + reason.text(lang), x: x + 2, y: py, style: theme[.dim].over(dialog), maxWidth: width - 4)
            }
        }
        if form.confirmingDiscard {
            let q = zh ? " 放弃已输入的内容？(y/n) " : " Discard what you typed? (y/n) "
            buf.put(q, x: x + 2, y: y + height - 1, style: theme[.error].over(dialog), maxWidth: width - 4)
        }
    }

    // MARK: Help

    static func helpView(_ buf: inout ScreenBuffer, _ body: Rect, _ scroll: Int, _ state: ConsoleState, _ theme: Theme) {
        buf.fill(x: body.x, y: body.y, width: body.width, height: body.height, style: theme[.base])
        let zh = state.language == .zh
        paneHeader(&buf, Rect(x: 0, y: body.y, width: body.width, height: 1), zh ? "按键" : "Keys", note: "", focused: true, theme)
        var rows = Keymap.main.map { ($0.keyLabel, $0.help(state.language)) }
        rows += formKeys(state.language)
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

    static func formKeys(_ lang: Language) -> [(String, String)] {
        let zh = lang == .zh
        return [
            ("Tab/↓", zh ? "表单：下一项" : "form: next field"),
            ("Shift-Tab/↑", zh ? "表单：上一项" : "form: previous field"),
            ("←/→", zh ? "表单：切换选项" : "form: change choice"),
            ("Ctrl-S", zh ? "表单：保存" : "form: save"),
            ("Ctrl-E", zh ? "表单：用 $EDITOR 编辑长文本" : "form: write long text in $EDITOR"),
            ("Ctrl-C/Ctrl-Q", zh ? "随时退出（有未保存内容时先确认）" : "quit from anywhere (asks if a form holds input)"),
        ]
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
        let y = state.height - 1
        buf.fill(y: y, width: buf.width, style: theme[.footer])
        let zh = state.language == .zh
        let lang = state.language
        var hints: [(String, String)]
        // Pinned hints stand at the right end and always show: how to get help and how to leave.
        var pinned: [(String, String)] = []
        switch state.mode {
        case .normal, .confirmQuit:
            let bindings = Keymap.main.filter(\.inFooter)
            let isPinned: (Binding) -> Bool = { $0.command == .help || $0.command == .quit }
            hints = bindings.filter { !isPinned($0) }.map { ($0.keys[0].label, $0.help(lang)) }
            pinned = bindings.filter(isPinned).map { ($0.keys[0].label, $0.help(lang)) }
        case .detail(let d):
            hints = [("j/k", zh ? "滚动" : "scroll")]
                + detailCommands(d.item).compactMap(Keymap.binding).map { ($0.keys[0].label, $0.help(lang)) }
            pinned = [("Esc/q", zh ? "返回" : "back")]
        case .form(let form, _) where form.confirmingDiscard:
            hints = []
            pinned = [("y", zh ? "放弃输入" : "discard"), ("n", zh ? "继续填写" : "keep editing")]
        case .form:
            hints = [("Tab", zh ? "下一项" : "next"), ("←/→", zh ? "选择" : "choose"), ("Ctrl-E", zh ? "编辑器" : "editor")]
            pinned = [("Ctrl-S", zh ? "保存" : "save"), ("Esc", zh ? "取消" : "cancel")]
        case .help:
            hints = [("j/k", zh ? "滚动" : "scroll")]
            pinned = [("Esc/q", zh ? "关闭" : "close")]
        case .search:
            hints = [("", zh ? "查找标题、提出人、电话、描述" : "finds title, requester, phone, description")]
            pinned = [("Enter", zh ? "确定" : "apply"), ("Esc", zh ? "取消" : "cancel")]
        case .commandLine:
            hints = []
            pinned = [("Enter", zh ? "确定" : "apply"), ("Esc", zh ? "取消" : "cancel")]
        }
        func width(_ hint: (String, String)) -> Int { TerminalText.width(hint.0) + TerminalText.width(" " + hint.1 + "  ") }
        let pinnedWidth = pinned.reduce(0) { $0 + width($1) }
        let limit = max(1, buf.width - pinnedWidth)
        var x = 1
        func draw(_ hint: (String, String), until end: Int) {
            x += buf.put(hint.0, x: x, y: y, style: theme[.footerKey], maxWidth: end - x)
            x += buf.put(" " + hint.1 + "  ", x: x, y: y, style: theme[.footer], maxWidth: end - x)
        }
        // Whole hints only: one cut in half says nothing.
        for hint in hints where x + width(hint) <= limit { draw(hint, until: limit) }
        x = max(x, limit)
        for hint in pinned { draw(hint, until: buf.width) }
    }
}

extension ConsoleView {
    /// The actions that apply to an item in the detail view, for its footer.
    static func detailCommands(_ item: WorkItem?) -> [Command] {
        guard let item else { return [] }
        if item.status == .closed { return [.reopen] }
        switch item.kind {
        case .fault: return [.resolve, .take, .raise, .lower, .acknowledge, .escalate]
        case .requirement: return item.awaitsAssessment ? [.assess, .take, .assign] : [.resolve, .take, .assign]
        default: return [.respond, .resolve, .take, .assign]
        }
    }
}

extension Style {
    /// This style drawn on `panel`: a default background takes the panel's, so text inside a
    /// dialog never shows the terminal's own background through it.
    func over(_ panel: Style) -> Style {
        var s = self
        if s.bg == .default { s.bg = panel.bg }
        return s
    }

    func with(bold: Bool) -> Style {
        var s = self
        s.bold = bold
        return s
    }
}
