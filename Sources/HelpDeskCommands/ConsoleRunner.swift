import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore
import NcursesTerminal

/// The console's run loop: the one place where the terminal, the clock and the database meet.
///
/// It sleeps in `poll()` until a key arrives or the next second begins, feeds what happened to the
/// reducer as actions, carries out the effects the reducer returns, and paints the new screen.
/// Everything runs on the main thread, ncurses included.
final class ConsoleRunner {
    let env: Environment
    let terminal: NcursesTerminal
    let theme: Theme
    var state: ConsoleState
    /// `--now` shifts the clock; the console's time still advances from there.
    let clockOffset: TimeInterval
    var dataVersion = 0
    var lastSecond = 0
    /// The newest notification already shown; only later ones addressed to the operator are shown.
    var lastNotice: Int64 = 0
    var running = true

    init(env: Environment, terminal: NcursesTerminal, theme: Theme, startupMessage: String?) {
        self.env = env
        self.terminal = terminal
        self.theme = terminal.colorEnabled ? theme : theme.monochrome
        clockOffset = env.now.timeIntervalSince(Date())
        let size = terminal.size
        state = ConsoleState(width: size.width, height: size.height, now: env.now, language: env.language,
                             operatorName: env.context.actor)
        state.bellOnNotice = env.configuration.bell
        if let startupMessage {
            state.status = StatusMessage(text: startupMessage, kind: .error, until: env.now.addingTimeInterval(15))
        } else if let refusal = try? env.database.writeRefusal(env.context) {
            // Someone not on the staff list (or a viewer) may look; say so before they try to type.
            let text = env.language == .zh ? "只读：\(refusal.text(.zh))" : "read only: \(refusal.text(.en))"
            state.status = StatusMessage(text: text, kind: .error, until: env.now.addingTimeInterval(30))
        }
        lastNotice = (try? env.database.lastNotificationID()) ?? 0
    }

    var now: Date { Date().addingTimeInterval(clockOffset) }

    func run() {
        do {
            dispatch(.calendarLoaded(try env.database.calendar()))
            dispatch(.staffLoaded(try env.database.staff()))
            dataVersion = try env.database.dataVersion()
        } catch {
            dispatch(.failed("\(error)"))
        }
        perform(state.startEffects())
        var painted: ScreenBuffer?
        while running {
            let frame = ConsoleView.render(state, theme: theme)
            if frame != painted {
                terminal.paint(frame)
                painted = frame
            }
            waitForInputOrNextSecond()
            for event in terminal.readEvents() {
                switch event {
                case .key(let key): dispatch(.key(key))
                case let .resize(w, h): dispatch(.resize(width: w, height: h))
                }
                if !running { return }
            }
            let t = now
            let second = Int(t.timeIntervalSince1970)
            if second != lastSecond {
                lastSecond = second
                dispatch(.tick(t))
                takeDueEscalationSteps(at: t)
                checkForOutsideChanges()
            }
        }
    }

    /// Sleeps until standard input is readable or the next whole second, whichever comes first.
    func waitForInputOrNextSecond() {
        let t = Date().timeIntervalSince1970
        let untilNextSecond = Int32(((1 - (t - t.rounded(.down))) * 1000).rounded(.up)) + 1
        var fds = pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0)
        let ready = poll(&fds, 1, max(1, untilNextSecond))
        // The terminal hung up (an SSH link dropped, the window closed): nobody is left to read the
        // screen, so end the session instead of spinning on a dead descriptor.
        if ready > 0, fds.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0, fds.revents & Int16(POLLIN) == 0 {
            running = false
        }
    }

    /// Every console takes the escalation steps that fall due while it runs; the database makes sure
    /// each is taken once, however many consoles and timer jobs race for it.
    func takeDueEscalationSteps(at t: Date) {
        var ctx = env.context
        ctx.now = t
        guard let taken = try? env.database.escalateDue(ctx), !taken.isEmpty else { return }
        dataVersion = -1   // reload at once
    }

    /// Another console or a script committed: reload what is shown, and show notifications for the
    /// operator that arrived meanwhile.
    func checkForOutsideChanges() {
        guard let version = try? env.database.dataVersion(), version != dataVersion else { return }
        dataVersion = version
        dispatch(.dataChanged)
        showNewNotices()
    }

    func showNewNotices() {
        guard let notices = try? env.database.notices(for: state.operatorName, after: lastNotice), let newest = notices.last else { return }
        lastNotice = newest.id
        let more = notices.count > 1 ? (state.language == .zh ? "（另有 \(notices.count - 1) 条）" : " (+\(notices.count - 1) more)") : ""
        dispatch(.notice(newest.text(state.language) + more))
    }

    func dispatch(_ action: Action) {
        perform(state.reduce(action))
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            guard running else { return }
            perform(effect)
        }
    }

    func perform(_ effect: Effect) {
        let db = env.database
        do {
            switch effect {
            case let .loadQueue(filter, offset, limit):
                let f = filter.itemFilter(operator: state.operatorName, now: state.now, offset: offset, limit: limit)
                let items = try db.items(f)
                let total = try db.count(f)
                dispatch(.queueLoaded(QueuePage(items: items, offset: offset, total: total, filter: filter)))
            case .loadFaults:
                let faults = try db.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 500))
                dispatch(.faultsLoaded(faults))
                dispatch(.escalationsLoaded(try db.escalationStanding(faults, policy: env.context.escalation.policy)))
            case .loadKPI:
                let month = Period.month(containing: state.now), week = Period.week(containing: state.now)
                dispatch(.kpiLoaded(KPISnapshot(month: month, week: week,
                                                monthFigures: try db.kpiReport(month, now: state.now).figures,
                                                weekFigures: try db.kpiReport(week, now: state.now).figures)))
            case .loadDetail(let id):
                let (item, history) = try db.itemWithHistory(id)
                dispatch(.detailLoaded(item, history))
            case .write(let request):
                write(request)
            case let .editText(field, initial):
                dispatch(.edited(field: field, text: edit(initial)))
            case .bell:
                terminal.bell()
            case .quit:
                running = false
            }
        } catch {
            dispatch(.failed(HelpDesk.describe(error).0))
        }
        // Own writes change data_version too; take them in now rather than reloading twice.
        if case .write = effect, let v = try? db.dataVersion() { dataVersion = v }
    }

    func write(_ request: WriteRequest) {
        let db = env.database
        var ctx = env.context
        ctx.actor = state.operatorName
        ctx.now = now
        let zh = state.language == .zh
        do {
            let item: WorkItem
            switch request {
            case .acknowledge(let id):
                let step = try db.acknowledge(id, at: ctx.now, ctx)
                dispatch(.writeSucceeded(message: zh ? "已确认 #\(id) \(step.step.rawValue)" : "acknowledged #\(id) \(step.step.rawValue)", id: id))
                return
            case let .escalate(id, reason):
                let step = try db.escalateManually(id, reason: reason, at: ctx.now, ctx)
                dispatch(.writeSucceeded(message: zh ? "已升级 #\(id) 至 \(step.step.rawValue)" : "escalated #\(id) to \(step.step.rawValue)", id: id))
                return
            case .addCase(let new): item = try db.addCase(new, at: ctx.now, ctx)
            case .addFault(let new): item = try db.addFault(new, at: ctx.now, ctx)
            case let .respond(id, note, version): item = try db.respond(id, note: note, at: ctx.now, expectedVersion: version, ctx)
            case let .resolve(id, cause, solution, version):
                item = try db.resolve(id, cause: cause, solution: solution, at: ctx.now, expectedVersion: version, ctx)
            case let .restore(id, cause, solution, mode, version):
                item = try db.restore(id, cause: cause, solution: solution, mode: mode, at: ctx.now, expectedVersion: version, ctx)
            case let .raise(id, level, reason, version):
                item = try db.raise(id, to: level, reason: reason, at: ctx.now, expectedVersion: version, ctx)
            case let .assign(id, to, version):
                item = try db.assign(id, to: to, at: ctx.now, expectedVersion: version, ctx)
            }
            let id = item.id ?? 0
            dispatch(.writeSucceeded(message: zh ? "已保存 #\(id)" : "saved #\(id)", id: id))
        } catch let error as StoreError {
            if case let .staleEdit(id, expected, current) = error {
                let text = zh ? "#\(id) 已被他人修改（版本 \(expected) → \(current)），未保存；已显示最新内容" : error.description
                dispatch(.writeFailed(message: text, stale: id))
            } else {
                dispatch(.writeFailed(message: error.message(state.language), stale: nil))
            }
        } catch {
            dispatch(.writeFailed(message: "\(error)", stale: nil))
        }
    }

    /// Runs `$VISUAL`/`$EDITOR` (default `vi`) on a temporary file and returns what was saved.
    /// A resize that happened meanwhile is read straight after, so the next frame has the right size.
    func edit(_ initial: String) -> String? {
        defer {
            for case let .resize(w, h) in terminal.readEvents() { dispatch(.resize(width: w, height: h)) }
        }
        let environment = ProcessInfo.processInfo.environment
        let editor = [environment["VISUAL"], environment["EDITOR"]].compactMap { $0 }.first { !$0.isEmpty } ?? "vi"
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-\(UUID().uuidString).txt")
        defer { try? FileManager.default.removeItem(at: file) }
        do { try Data(initial.utf8).write(to: file) } catch { return nil }
        terminal.suspend()
        defer { terminal.resume() }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "\(editor) \"$1\"", "editor", file.path]
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return nil
        }
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: file) else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}

/// Finds a theme by name: in `$XDG_CONFIG_HOME/helpdesk/themes`, `$HELPDESK_THEMES`, the `Themes`
/// folder of the installation (found upwards from the executable) and `/usr/share/helpdesk/themes`.
enum ThemeLoader {
    static func load(_ name: String?, environment env: [String: String]) -> (Theme, String?) {
        let name = name ?? env["HELPDESK_THEME"].flatMap { $0.isEmpty ? nil : $0 } ?? "dark"
        guard let url = find(name, env) else {
            if name == "dark" { return (.dark, nil) }
            return (.dark, "theme '\(name)' not found (looked in \(folders(env).map(\.path).joined(separator: ", "))); using the default")
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            return (try Theme.parse(name: name, text: text, file: url.path), nil)
        } catch let error as Theme.ParseError {
            return (.dark, "\(error); using the default theme")
        } catch {
            return (.dark, "cannot read \(url.path): \(error.localizedDescription); using the default theme")
        }
    }

    static func find(_ name: String, _ env: [String: String]) -> URL? {
        if name.contains("/") { return URL(fileURLWithPath: name) }
        return folders(env).map { $0.appendingPathComponent("\(name).theme") }
            .first { FileManager.default.fileExists(atPath: $0.path) }
    }

    static func folders(_ env: [String: String]) -> [URL] {
        var list: [URL] = []
        let config = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil } ?? ((env["HOME"] ?? NSHomeDirectory()) + "/.config")
        list.append(URL(fileURLWithPath: config + "/helpdesk/themes"))
        if let dir = env["HELPDESK_THEMES"], !dir.isEmpty { list.append(URL(fileURLWithPath: dir)) }
        var dir = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = dir.appendingPathComponent("Themes")
            if FileManager.default.fileExists(atPath: candidate.path) {
                list.append(candidate)
                break
            }
            dir = dir.deletingLastPathComponent()
        }
        list.append(URL(fileURLWithPath: "/usr/share/helpdesk/themes"))
        return list
    }
}
