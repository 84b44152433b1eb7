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

/// A write the console asks the run loop to carry out.
public enum WriteRequest: Equatable, Sendable {
    /// A new ticket, received at `at`.
    case addCase(NewCase, at: Date)
    /// A new fault, reported at `at`.
    case addFault(NewFault, at: Date)
    case respond(id: Int64, note: String, version: Int)
    case resolve(id: Int64, cause: String, solution: String, version: Int)
    case restore(id: Int64, cause: String, solution: String, mode: ResponseMode?, version: Int)
    case raise(id: Int64, level: FaultLevel, reason: String, version: Int)
    case assign(id: Int64, to: String, version: Int)
    /// Acknowledge the fault's latest tier step.
    case acknowledge(id: Int64)
    /// Move the fault one tier up by hand.
    case escalate(id: Int64, reason: String)
    /// Agree a requirement's due date.
    case assess(id: Int64, due: Date, agreedWith: String, size: String?, version: Int)
    /// Reopen a closed item (supervisors).
    case reopen(id: Int64, reason: String, version: Int)
    /// Lower a fault's level (supervisors).
    case lower(id: Int64, level: FaultLevel, reason: String, version: Int)
}

extension Effect {
    /// What the queue asks for, as work for the run loop.
    init(_ effect: QueueScreen.Effect) {
        switch effect {
        case let .load(filter, offset, limit): self = .loadQueue(filter, offset: offset, limit: limit)
        case .searchChanged(let search): self = .loadFaults(search: search)
        }
    }
}

extension ConsoleState {
    /// The effects that fill a fresh console.
    public func startEffects() -> [Effect] {
        [Effect(queue.loadAround(queue.selection)), .loadFaults(search: queue.filter.search), .loadKPI]
    }

    /// Applies an action and returns the work to carry out.
    public mutating func reduce(_ action: Action) -> [Effect] {
        switch action {
        case .key(let key):
            return handle(key)
        case .tick(let t):
            now = t
            if let s = status, s.until <= t { status = nil }
            if case let .form(form, back) = mode { return reduceForm(form, back, .tick(t)) }
            return []
        case let .resize(w, h):
            width = w
            height = h
            return []
        case .queueLoaded(let page):
            return reduceQueue(.pageLoaded(page))
        case .faultsLoaded(let items):
            BoardScreen.reduce(&board, .loaded(items, preferring: pendingSelection))
            if let id = pendingSelection, board.selected?.id == id { pendingSelection = nil }
            return []
        case let .located(id, pane, index):
            if pane == .faults {
                focus = .faults
                BoardScreen.reduce(&board, .select(id: id))
                if pendingSelection == id { pendingSelection = nil }
                return []
            }
            guard pendingSelection == id else { return [] }
            pendingSelection = nil
            guard let index else {
                say(language == .zh ? "#\(id) 已保存，但被当前筛选隐藏（c 清除筛选）" : "#\(id) saved, hidden by the current filter (c clears filters)", .info)
                return []
            }
            if focus != .queue { focus = .queue }
            return reduceQueue(.select(index))
        case .escalationsLoaded(let e):
            BoardScreen.reduce(&board, .escalationsLoaded(e))
            return []
        case .notice(let text):
            say(text, .notice, seconds: 60)
            return bellOnNotice ? [.bell] : []
        case .kpiLoaded(let k):
            ServiceLevelsScreen.reduce(&serviceLevels, .loaded(k))
            return []
        case let .detailLoaded(item, history):
            switch mode {
            case .detail(var d):
                _ = DetailScreen.reduce(&d, .loaded(item, history))
                mode = .detail(d)
            case .form(let form, var back?):
                _ = DetailScreen.reduce(&back, .loaded(item, history))
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
            return reloadAll() + [.locate(id: id, filter: queue.filter)]
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
            guard case let .form(form, back) = mode else { return [] }
            return reduceForm(form, back, .edited(field: index, result))
        case .failed(let message):
            if case .detail(let d) = mode, d.item == nil { mode = .normal }
            say(message, .error)
            return [.bell]
        }
    }

    mutating func say(_ text: String, _ kind: StatusMessage.Kind, seconds: Double = 6) {
        status = StatusMessage(text: text, kind: kind, until: now.addingTimeInterval(seconds))
    }

    /// Hands an action to the form on screen (opened over `back`) and carries out what it asks.
    mutating func reduceForm(_ original: Form, _ back: Detail?, _ action: FormScreen.Action) -> [Effect] {
        var form = original
        let effects = FormScreen.reduce(&form, action, language)
        mode = .form(form, returnTo: back)
        return effects.flatMap { effect -> [Effect] in
            switch effect {
            case .close:
                mode = back.map { .detail($0) } ?? .normal
                return []
            case .save(let request):
                say(language == .zh ? "正在保存…" : "saving…", .notice)
                return [.write(request)]
            case .problem(let text):
                say(text, .error)
                return [.bell]
            case let .editText(field, initial):
                return [.editText(field: field, initial: initial)]
            }
        }
    }

    /// Hands an action to the queue and its requests to the run loop. A change of filters brings
    /// the queue into view when the service levels had the focus.
    mutating func reduceQueue(_ action: QueueScreen.Action) -> [Effect] {
        if case .filter = action, focus == .kpi { focus = .queue }
        return QueueScreen.reduce(&queue, action).map(Effect.init)
    }

    func reloadAll() -> [Effect] {
        var effects: [Effect] = [Effect(queue.reload), .loadFaults(search: queue.filter.search), .loadKPI]
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
        case .detail(var d):
            let effects = DetailScreen.reduce(&d, .key(key))
            mode = .detail(d)
            return effects.flatMap { effect -> [Effect] in
                switch effect {
                case .close:
                    mode = .normal
                    return []
                case .run(let command):
                    return run(command)
                }
            }
        case let .form(form, back): return reduceForm(form, back, .key(key))
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
        case .take, .acknowledge:
            return act(command)
        case .assign, .respond, .resolve, .assess, .reopen, .lower, .raise, .escalate:
            return openForm(command)
        case .filterKind: return reduceQueue(.filter(.cycleKind))
        case .filterStatus: return reduceQueue(.filter(.cycleStatus))
        case .filterRegion: return reduceQueue(.filter(.cycleRegion))
        case .toggleMine: return reduceQueue(.filter(.toggleMine))
        case .toggleOverdue: return reduceQueue(.filter(.toggleOverdue))
        case .search:
            mode = .search(TextField(queue.filter.search))
        case .clearFilters: return reduceQueue(.filter(.clear))
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
            return reduceQueue(.filter(.search(field.text.trimmingCharacters(in: .whitespaces))))
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
            return reduceQueue(.filter(.kind(CaseKind(rawValue: rest.lowercased()))))
        case "region":
            guard rest.isEmpty || Region.parse(rest) != nil else { break }
            return reduceQueue(.filter(.region(Region.parse(rest))))
        case "status":
            if rest.isEmpty || rest == "active" {
                return reduceQueue(.filter(.anyStatus(closed: false)))
            } else if rest == "all" {
                return reduceQueue(.filter(.anyStatus(closed: true)))
            } else if let s = ItemStatus(rawValue: rest.lowercased()) {
                return reduceQueue(.filter(.status(s)))
            }
        case "search":
            return reduceQueue(.filter(.search(rest)))
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
