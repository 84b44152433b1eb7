import Foundation
import HelpDeskCore

/// Something that happened: a key, a tick of the clock, data arriving, a write finishing.
public enum Action: Equatable, Sendable {
    case key(Key)
    case tick(Date)
    case resize(width: Int, height: Int)
    case queueLoaded(QueuePage)
    case faultsLoaded([WorkItem])
    case escalationsLoaded([Int64: EscalationStanding])
    /// A notification addressed to the operator (an escalation step for their tier).
    case notice(String)
    case kpiLoaded(KPISnapshot)
    case detailLoaded(WorkItem, [HistoryEntry])
    case staffLoaded([StaffMember])
    case calendarLoaded(WorkCalendar)
    /// Another console or the command line changed the database.
    case dataChanged
    /// A write was carried out; `created` when it made a new item (which is then selected).
    case writeSucceeded(message: String, id: Int64?, created: Bool)
    /// A write was refused; `stale` names an item someone else changed meanwhile.
    case writeFailed(message: String, stale: StaleEdit?)
    /// `$EDITOR` finished for a form field.
    case edited(field: Int, EditResult)
    /// Where a new item stands in its list (`nil`: the current filter hides it).
    case located(id: Int64, pane: Pane, index: Int?)
    case failed(String)

    public static func == (a: Action, b: Action) -> Bool { "\(a)" == "\(b)" }
}

/// A save refused because the item changed meanwhile: which item, and the version it is at now.
public struct StaleEdit: Equatable, Sendable {
    public var id: Int64
    public var current: Int

    public init(id: Int64, current: Int) {
        self.id = id
        self.current = current
    }
}

/// How a run of `$EDITOR` ended.
public enum EditResult: Equatable, Sendable {
    /// The editor exited successfully; the file's text.
    case saved(String)
    /// The shell could not find the editor (exit status 127) or run it (126).
    case notFound(editor: String)
    /// The editor exited with a failure status or was killed; the field keeps its text.
    case failed(editor: String, status: String)
}

/// Work the run loop carries out for the console; its results come back as actions.
public enum Effect: Equatable, Sendable {
    case loadQueue(QueueFilter, offset: Int, limit: Int)
    /// Open faults whose text matches `search` (empty: all).
    case loadFaults(search: String)
    /// Find where a new item stands in its pane's list, answered by `.located`.
    case locate(id: Int64, filter: QueueFilter)
    case loadKPI
    case loadDetail(Int64)
    case write(WriteRequest)
    case editText(field: Int, initial: String)
    case bell
    /// Paint the whole screen afresh (Ctrl-L): the terminal may hold something else's output.
    case redraw
    case quit
}

extension ConsoleState {
    /// How many queue rows are fetched around the selection at once.
    public static let queueWindow = 200

    /// The effects that fill a fresh console.
    public func startEffects() -> [Effect] {
        [loadQueueAround(queueSelection), .loadFaults(search: queueFilter.search), .loadKPI]
    }

    /// Applies an action and returns the work to carry out.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key)
        case .tick(let t):
            now = t
            if let s = status, s.until <= t { status = nil }
            if case .form(var form, let back) = mode {
                form.clock.now = t
                mode = .form(form, returnTo: back)
            }
            return []
        case let .resize(w, h):
            width = w
            height = h
            return []
        case .queueLoaded(let page):
            guard page.filter == queueFilter else { return [] }
            queue = page
            queueLoaded = true
            if queueSelection >= page.total { queueSelection = max(0, page.total - 1) }
            return []
        case .faultsLoaded(let items):
            let selectedID = pendingSelection ?? selectedFault?.id
            faults = items
            if let id = selectedID, let i = items.firstIndex(where: { $0.id == id }) {
                faultSelection = i
                if id == pendingSelection { pendingSelection = nil }
            }
            faultSelection = min(faultSelection, max(0, items.count - 1))
            return []
        case let .located(id, pane, index):
            if pane == .faults {
                focus = .faults
                if let i = faults.firstIndex(where: { $0.id == id }) { faultSelection = i }
                if pendingSelection == id { pendingSelection = nil }
                return []
            }
            guard pendingSelection == id else { return [] }
            pendingSelection = nil
            guard let index else {
                say(language == .zh ? "#\(id) 已保存，但被当前筛选隐藏（c 清除筛选）" : "#\(id) saved, hidden by the current filter (c clears filters)", .info)
                return []
            }
            queueSelection = index
            if focus != .queue { focus = .queue }
            return [loadQueueAround(index)]
        case .escalationsLoaded(let e):
            escalations = e
            return []
        case .notice(let text):
            say(text, .notice, seconds: 60)
            return bellOnNotice ? [.bell] : []
        case .kpiLoaded(let k):
            kpi = k
            return []
        case let .detailLoaded(item, history):
            switch mode {
            case .detail(var d) where d.id == item.id:
                d.item = item
                d.history = history
                mode = .detail(d)
            case .form(let form, var back?) where back.id == item.id:
                back.item = item
                back.history = history
                mode = .form(form, returnTo: back)
            default: break
            }
            return []
        case .staffLoaded(let s):
            staff = s
            return []
        case .calendarLoaded(let c):
            calendar = c
            return []
        case .dataChanged:
            return reloadAll()
        case let .writeSucceeded(message, id, created):
            if case .form(_, let back) = mode.underlying {
                mode = back.map { .detail($0) } ?? .normal
            }
            say(message, .info)
            guard created, let id else { return reloadAll() }
            // Select the new item: a fault on the board (found when the board reloads), a ticket
            // wherever the queue's order puts it.
            pendingSelection = id
            return reloadAll() + [.locate(id: id, filter: queueFilter)]
        case let .writeFailed(message, stale):
            say(message, .error)
            guard let stale else { return [.bell] }
            if case .form(var form, _) = mode, form.purpose.target?.id == stale.id {
                // Keep what was typed; show the newer version behind the form; the next save builds on it.
                form.rebase(to: stale.current)
                mode = .form(form, returnTo: Detail(id: stale.id))
                return [.bell] + reloadAll()
            }
            return [.bell] + reloadAll()
        case let .edited(index, result):
            guard case .form(var form, let back) = mode, form.fields.indices.contains(index) else { return [] }
            let zh = language == .zh
            switch result {
            case .saved(let text):
                form.fields[index].input = .text(TextField(text.trimmingCharacters(in: .newlines)))
                mode = .form(form, returnTo: back)
                return []
            case .notFound(let editor):
                say(zh ? "找不到编辑器 \(editor)（请设置 EDITOR 或 VISUAL），内容未改" : "editor \(editor) not found (set EDITOR or VISUAL); the field is unchanged", .error)
            case let .failed(editor, status):
                say(zh ? "编辑器 \(editor) 未成功退出（\(status)），内容未改" : "editor \(editor) failed (\(status)); the field is unchanged", .error)
            }
            return [.bell]
        case .failed(let message):
            if case .detail(let d) = mode, d.item == nil { mode = .normal }
            say(message, .error)
            return [.bell]
        }
    }

    mutating func say(_ text: String, _ kind: StatusMessage.Kind, seconds: Double = 6) {
        status = StatusMessage(text: text, kind: kind, until: now.addingTimeInterval(seconds))
    }

    func loadQueueAround(_ index: Int) -> Effect {
        .loadQueue(queueFilter, offset: max(0, index - Self.queueWindow / 4), limit: Self.queueWindow)
    }

    func reloadAll() -> [Effect] {
        var effects: [Effect] = [.loadQueue(queueFilter, offset: queue.offset, limit: Self.queueWindow),
                                 .loadFaults(search: queueFilter.search), .loadKPI]
        switch mode.underlying {
        case .detail(let d): effects.append(.loadDetail(d.id))
        case .form(_, let back?): effects.append(.loadDetail(back.id))
        default: break
        }
        return effects
    }

    // MARK: Keys

    mutating func handle(_ key: Key) -> [Effect] {
        if key == .ctrl("c") || key == .ctrl("q") {
            if case .form(let form, _) = mode, form.isDirty {
                mode = .confirmQuit(previous: mode)
                return []
            }
            return [.quit]
        }
        if Keymap.command(for: key) == .redraw { return [.redraw] }   // in every mode
        switch mode {
        case .normal: return handleMain(key)
        case .detail(let d): return handleDetail(key, d)
        case let .form(form, back): return handleForm(key, form, back)
        case .help(let scroll): return handleHelp(key, scroll)
        case .commandLine(let field): return handleCommandLine(key, field)
        case .search(let field): return handleSearch(key, field)
        case .confirmQuit(let previous):
            if key == .char("y") || key == .char("Y") { return [.quit] }
            mode = previous
            return []
        }
    }

    mutating func handleMain(_ key: Key) -> [Effect] {
        guard let command = Keymap.command(for: key) else { return [] }
        return run(command)
    }

    mutating func run(_ command: Command) -> [Effect] {
        let lang = language
        let zh = lang == .zh
        switch command {
        case .nextPane: focus = Pane(rawValue: (focus.rawValue + 1) % 3)!
        case .previousPane: focus = Pane(rawValue: (focus.rawValue + 2) % 3)!
        case .paneQueue: focus = .queue
        case .paneFaults: focus = .faults
        case .paneKPI: focus = .kpi
        case .up: return move(by: -1)
        case .down: return move(by: 1)
        case .pageUp: return move(by: -pageSize)
        case .pageDown: return move(by: pageSize)
        case .top: return move(by: -Int.max / 2)
        case .bottom: return move(by: Int.max / 2)
        case .open:
            guard let item = actionTarget, let id = item.id else { return [] }
            mode = .detail(Detail(id: id, item: item))
            return [.loadDetail(id)]
        case .newCase:
            mode = .form(.newCase(lang, formClock), returnTo: nil)
        case .newFault:
            mode = .form(.newFault(lang, formClock), returnTo: nil)
        case .take:
            guard let item = activeTarget() else { return [.bell] }
            return [.write(.assign(id: item.id!, to: operatorName, version: item.version))]
        case .assign:
            guard let item = activeTarget() else { return [.bell] }
            openForm(.assign(item, staff: staff, lang, formClock))
        case .respond:
            guard let item = activeTarget() else { return [.bell] }
            guard item.kind.isCase else {
                say(zh ? "故障不需要响应；请用 x 恢复或 + 升级" : "faults are restored (x) or raised (+), not responded to", .error)
                return [.bell]
            }
            openForm(.respond(item, lang, formClock))
        case .resolve:
            guard let item = activeTarget() else { return [.bell] }
            if item.awaitsAssessment {
                say(zh ? "需求须先评估（v）" : "assess the requirement first (v)", .error)
                return [.bell]
            }
            openForm(.resolve(item, lang, formClock))
        case .assess:
            guard let item = activeTarget() else { return [.bell] }
            guard item.kind == .requirement else {
                say(zh ? "只有需求类工单需要评估" : "only requirement tickets are assessed", .error)
                return [.bell]
            }
            openForm(.assess(item, lang, formClock))
        case .reopen:
            guard let item = actionTarget else { return [.bell] }
            guard item.status == .closed else {
                say(zh ? "#\(item.id ?? 0) 未关闭" : "#\(item.id ?? 0) is not closed", .error)
                return [.bell]
            }
            guard requireSupervisor() else { return [.bell] }
            openForm(.reopen(item, lang, formClock))
        case .lower:
            guard let item = activeTarget() else { return [.bell] }
            guard item.kind == .fault else {
                say(zh ? "只有故障有级别可以降低" : "only faults have a level to lower", .error)
                return [.bell]
            }
            guard let form = Form.lower(item, lang, formClock) else {
                say(zh ? "只能降低 1、2 级故障" : "only level 1 and 2 faults can be lowered", .error)
                return [.bell]
            }
            guard requireSupervisor() else { return [.bell] }
            openForm(form)
        case .raise:
            guard let item = activeTarget() else { return [.bell] }
            guard item.kind == .fault, let form = Form.raise(item, lang, formClock) else {
                say(zh ? "只能升级 2、3 级故障" : "only level 2 and 3 faults can be raised", .error)
                return [.bell]
            }
            openForm(form)
        case .acknowledge:
            guard let item = actionTarget, item.kind == .fault, let id = item.id else {
                say(zh ? "请选择一个故障（2 切换到故障看板）" : "select a fault (2: the fault board)", .error)
                return [.bell]
            }
            guard escalations[id]?.unacknowledged ?? true else {
                say(zh ? "#\(id) 没有待确认的升级" : "#\(id) has no step waiting for acknowledgement", .error)
                return [.bell]
            }
            return [.write(.acknowledge(id: id))]
        case .escalate:
            guard let item = activeTarget() else { return [.bell] }
            guard item.kind == .fault, let id = item.id else {
                say(zh ? "只有故障可以升级" : "only faults are escalated", .error)
                return [.bell]
            }
            let taken = Set(escalations[id]?.taken ?? [])
            guard let next = EscalationEngine.manualNext(taken: taken) else {
                say(zh ? "#\(id) 已升级至 T2，无法再升" : "#\(id) has reached T2, the top of the path", .error)
                return [.bell]
            }
            openForm(.escalate(item, to: next, lang, formClock))
        case .filterKind:
            let all: [CaseKind?] = [nil] + CaseKind.allCases
            queueFilter.kind = all[((all.firstIndex(of: queueFilter.kind) ?? 0) + 1) % all.count]
            return refilter()
        case .filterStatus:
            // Active (default) → open → responded → assessed → closed → everything → active.
            let steps: [(ItemStatus?, Bool)] = [(nil, false), (.open, false), (.responded, false), (.assessed, false), (.closed, false), (nil, true)]
            let i = steps.firstIndex { $0.0 == queueFilter.status && $0.1 == queueFilter.showClosed } ?? 0
            (queueFilter.status, queueFilter.showClosed) = steps[(i + 1) % steps.count]
            return refilter()
        case .filterRegion:
            let all: [Region?] = [nil] + Region.allCases
            queueFilter.region = all[((all.firstIndex(of: queueFilter.region) ?? 0) + 1) % all.count]
            return refilter()
        case .toggleMine:
            queueFilter.mine.toggle()
            return refilter()
        case .toggleOverdue:
            queueFilter.overdue.toggle()
            return refilter()
        case .search:
            mode = .search(TextField(queueFilter.search))
        case .clearFilters:
            let searchWas = queueFilter.search
            queueFilter = QueueFilter()
            return refilter(searchWas: searchWas)
        case .help:
            mode = .help(scroll: 0)
        case .commandLine:
            mode = .commandLine(TextField())
        case .redraw:
            return [.redraw]
        case .quit:
            return [.quit]
        case .back:
            mode = .normal
        }
        return []
    }

    /// Now and the business hours, for a form that reads times.
    var formClock: Form.Clock {
        Form.Clock(now: now, closing: calendar?.hours.closing ?? 18 * 3600)
    }

    /// True for a supervisor; otherwise says that only supervisors may (the store checks again).
    mutating func requireSupervisor() -> Bool {
        if operatorRole == .supervisor { return true }
        say(language == .zh ? "只有主管可以这样做" : "only supervisors may do this", .error)
        return false
    }

    /// The action target when it is still open; otherwise says why not.
    mutating func activeTarget() -> WorkItem? {
        guard let item = actionTarget else { return nil }
        guard item.status != .closed else {
            say(language == .zh ? "#\(item.id ?? 0) 已关闭" : "#\(item.id ?? 0) is closed", .error)
            return nil
        }
        return item
    }

    mutating func openForm(_ form: Form) {
        if case .detail(let d) = mode {
            mode = .form(form, returnTo: d)
        } else {
            mode = .form(form, returnTo: nil)
        }
    }

    var pageSize: Int {
        max(1, layout.listRows(focus == .faults ? .faults : .queue, focus: focus))
    }

    /// Reloads the queue for a changed filter; the board too when the search (which both share) changed.
    mutating func refilter(searchWas: String? = nil) -> [Effect] {
        queueSelection = 0
        focus = focus == .kpi ? .queue : focus
        let queue = Effect.loadQueue(queueFilter, offset: 0, limit: Self.queueWindow)
        guard let searchWas, searchWas != queueFilter.search else { return [queue] }
        return [queue, .loadFaults(search: queueFilter.search)]
    }

    mutating func move(by delta: Int) -> [Effect] {
        switch focus {
        case .queue:
            let last = max(0, queue.total - 1)
            let target = min(last, max(0, queueSelection.addingReportingOverflow(delta).partialValue))
            queueSelection = target
            let loaded = queue.offset..<(queue.offset + queue.items.count)
            if !loaded.contains(target) && queue.total > 0 { return [loadQueueAround(target)] }
            return []
        case .faults:
            faultSelection = min(max(0, faults.count - 1), max(0, faultSelection.addingReportingOverflow(delta).partialValue))
            return []
        case .kpi:
            return []
        }
    }

    mutating func handleDetail(_ key: Key, _ detail: Detail) -> [Effect] {
        var d = detail
        switch key {
        case .escape, .char("h"), .char("q"), .left, .backspace:
            mode = .normal
        case .char("j"), .down:
            d.scroll += 1
            mode = .detail(d)
        case .char("k"), .up:
            d.scroll = max(0, d.scroll - 1)
            mode = .detail(d)
        case .pageDown, .ctrl("f"):
            d.scroll += 10
            mode = .detail(d)
        case .pageUp, .ctrl("b"):
            d.scroll = max(0, d.scroll - 10)
            mode = .detail(d)
        default:
            guard let command = Keymap.command(for: key) else { return [] }
            switch command {
            case .take, .assign, .respond, .resolve, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .help,
                 .newCase, .newFault, .commandLine:
                return run(command)
            default:
                return []
            }
        }
        return []
    }

    mutating func handleForm(_ key: Key, _ original: Form, _ back: Detail?) -> [Effect] {
        var form = original
        defer { if case .form = mode { mode = .form(form, returnTo: back) } }
        if form.confirmingDiscard {
            if key == .char("y") || key == .char("Y") {
                mode = back.map { .detail($0) } ?? .normal
            } else {
                form.confirmingDiscard = false
            }
            return []
        }
        let last = form.fields.count - 1
        // `q` backs out like Esc where it is not typed into a text field; it never quits from a form.
        var backsOut = key == .escape
        if key == .char("q"), case .choice = form.fields[form.focus].input { backsOut = true }
        if backsOut {
            if form.isDirty {
                form.confirmingDiscard = true
            } else {
                mode = back.map { .detail($0) } ?? .normal
            }
            return []
        }
        switch key {
        case .escape:
            if form.isDirty {
                form.confirmingDiscard = true
            } else {
                mode = back.map { .detail($0) } ?? .normal
            }
        case .tab, .down:
            form.focus = min(last, form.focus + 1)
        case .backTab, .up:
            form.focus = max(0, form.focus - 1)
        case .ctrl("s"):
            return submit(&form)
        case .enter:
            if form.focus < last {
                form.focus += 1
            } else {
                return submit(&form)
            }
        case .ctrl("e"):
            let field = form.fields[form.focus]
            if field.long, case .text(let f) = field.input { return [.editText(field: form.focus, initial: f.text)] }
        default:
            switch form.fields[form.focus].input {
            case .text(var f):
                // A time filled in for the user (now) is replaced by what they start typing.
                let field = form.fields[form.focus]
                if field.check == .pastTime, f.text == field.initialText, f.cursor == f.text.count, case .char = key {
                    f = TextField()
                }
                if f.handle(key) { form.fields[form.focus].input = .text(f) }
            case .choice(let options, let i):
                guard !options.isEmpty else { break }
                switch key {
                case .right, .char(" "):
                    form.fields[form.focus].input = .choice(options, (i + 1) % options.count)
                case .left:
                    form.fields[form.focus].input = .choice(options, (i + options.count - 1) % options.count)
                case .char(let c):
                    // Letters jump to the next option starting with them (pinyin value or label):
                    // `h` goes 海东 → 海南 → 黄南 → 海西 → 海北; arrows move one at a time.
                    let n = options.count
                    if let j = (1...n).map({ (i + $0) % n }).first(where: {
                        options[$0].value.lowercased().hasPrefix(String(c).lowercased()) || options[$0].label.hasPrefix(String(c))
                    }) {
                        form.fields[form.focus].input = .choice(options, j)
                    }
                default: break
                }
            }
        }
        return []
    }

    mutating func submit(_ form: inout Form) -> [Effect] {
        guard let request = form.request(language) else {
            form.triedToSave = true
            if let first = form.fields.firstIndex(where: { $0.problem(language, form.clock) != nil }) { form.focus = first }
            let problems = form.problems(language).map { "\($0.0): \($0.1)" }.joined(separator: "; ")
            say(problems, .error)
            return [.bell]
        }
        say(language == .zh ? "正在保存…" : "saving…", .notice)
        return [.write(request)]
    }

    mutating func handleHelp(_ key: Key, _ scroll: Int) -> [Effect] {
        switch key {
        case .char("j"), .down: mode = .help(scroll: scroll + 1)
        case .char("k"), .up: mode = .help(scroll: max(0, scroll - 1))
        case .char("q"), .escape, .char("?"), .enter: mode = .normal
        default: break
        }
        return []
    }

    mutating func handleSearch(_ key: Key, _ original: TextField) -> [Effect] {
        var field = original
        switch key {
        case .escape:
            mode = .normal
        case .enter:
            mode = .normal
            // One search for the queue and the board: title, requester, phone and description.
            let searchWas = queueFilter.search
            queueFilter.search = field.text.trimmingCharacters(in: .whitespaces)
            return refilter(searchWas: searchWas)
        default:
            _ = field.handle(key)
            mode = .search(field)
        }
        return []
    }

    mutating func handleCommandLine(_ key: Key, _ original: TextField) -> [Effect] {
        var field = original
        switch key {
        case .escape:
            mode = .normal
        case .enter:
            mode = .normal
            return execute(field.text)
        default:
            _ = field.handle(key)
            mode = .commandLine(field)
        }
        return []
    }

    /// `:` commands: `q`, `42` or `open 42`, `new case`, `new fault`, `kind general`, `region 西宁`,
    /// `status open`, `search TEXT`, `clear`, `lang zh|en`, `help`.
    mutating func execute(_ line: String) -> [Effect] {
        let words = line.split(separator: " ").map(String.init)
        guard let head = words.first?.lowercased() else { return [] }
        let rest = words.dropFirst().joined(separator: " ")
        let zh = language == .zh
        switch head {
        case "q", "quit", "exit": return [.quit]
        case "help", "h": mode = .help(scroll: 0)
        case "new":
            return run(rest.lowercased().hasPrefix("f") ? .newFault : .newCase)
        case "assess": return run(.assess)
        case "reopen": return run(.reopen)
        case "lower": return run(.lower)
        case "clear": return run(.clearFilters)
        case "lang":
            guard let l = Language(rawValue: rest.lowercased()) else { break }
            language = l
            return []
        case "kind":
            guard rest.isEmpty || CaseKind(rawValue: rest.lowercased()) != nil else { break }
            queueFilter.kind = CaseKind(rawValue: rest.lowercased())
            return refilter()
        case "region":
            guard rest.isEmpty || Region.parse(rest) != nil else { break }
            queueFilter.region = Region.parse(rest)
            return refilter()
        case "status":
            if rest.isEmpty || rest == "active" {
                (queueFilter.status, queueFilter.showClosed) = (nil, false)
            } else if rest == "all" {
                (queueFilter.status, queueFilter.showClosed) = (nil, true)
            } else if let s = ItemStatus(rawValue: rest.lowercased()) {
                queueFilter.status = s
            } else { break }
            return refilter()
        case "search":
            let searchWas = queueFilter.search
            queueFilter.search = rest
            return refilter(searchWas: searchWas)
        default:
            let idText = head == "open" ? rest : head
            if let id = Int64(idText.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) {
                mode = .detail(Detail(id: id))
                return [.loadDetail(id)]
            }
        }
        if case .normal = mode {
            say(zh ? "无法识别的命令：\(line)（可用：q, 编号, new case, new fault, assess, reopen, lower, kind, region, status, search, clear, lang, help）"
                   : "unknown command: \(line) (try q, an id, new case, new fault, assess, reopen, lower, kind, region, status, search, clear, lang, help)", .error)
            return [.bell]
        }
        return []
    }
}
