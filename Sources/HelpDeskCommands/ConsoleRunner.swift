import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore
import NcursesTerminal

/// The console's run loop: the one place where the terminal, the clock and the database meet.
///
/// It sleeps in `poll()` until a key arrives, background work reports, or the console's clock
/// reaches the next whole second; feeds what happened to the reducer as actions; has the effects
/// the reducer returns carried out (the store's part by `ConsoleInterpreter`, whose outcomes go
/// back to the reducer); and paints the new screen. ncurses and the reducer live on the main
/// thread. What may take long goes to a background queue and comes back through `Inbox`: the
/// service-level figures, where each fault on the board stands on its escalation path, and the
/// escalation steps the rules call for. A key is therefore painted
/// before any tick work, and a busy database never freezes the screen.
///
/// Signals are events like keys (`TerminalEvent`): SIGTERM, SIGINT, SIGHUP, SIGQUIT and a terminal
/// that hung up end the loop, Ctrl-Z and SIGTSTP suspend it, always between two pieces of work, so
/// a write under way is finished (or, cut short by a crash, rolled back by SQLite), never half done.
///
/// The tick is cheap: it compares the clock with the next escalation time (read again only when the
/// database changes) and reads `PRAGMA data_version`.
final class ConsoleRunner {
    /// What the console runs with; its context follows the desk's rules as supervisors change them.
    var env: Environment
    let terminal: NcursesTerminal
    let theme: Theme
    var state: ConsoleState
    /// `--now` shifts the clock; the console's time still advances from there.
    let clockOffset: TimeInterval
    var dataVersion = 0
    /// When the next tick is due, on the console's clock (the one `now` reads and the loop sleeps on).
    var nextTick = Date.distantPast
    /// The newest notification already shown; only later ones addressed to the operator are shown.
    var lastNotice: Int64 = 0
    var running = true
    /// The signal that ended the session (SIGHUP also when the terminal hung up); `nil` when the
    /// operator quit.
    var endedBy: Int32?
    var painted: ScreenBuffer?

    /// Results of background work, and the descriptor that wakes the loop when one arrives.
    let inbox = Inbox()
    let background = DispatchQueue(label: "helpdesk.console.background")
    /// The background queue's own connection to the file: work there never waits for the main
    /// thread's reads, nor they for it.
    let backgroundDatabase: AppDatabase
    var backgroundInterpreter: ConsoleInterpreter {
        ConsoleInterpreter(database: backgroundDatabase, databasePath: env.databasePath, language: env.language)
    }
    /// Carries out the reads and writes on the main thread's connection.
    let interpreter: ConsoleInterpreter
    /// A figures load is under way; `kpiWanted` asks for another once it ends (changes that come
    /// while it runs are coalesced into one more load).
    var kpiInFlight = false
    var kpiWanted = false
    /// When the rules next call for an escalation step; `nil`: none will, until the data changes.
    var nextEscalation: Date?
    var escalationInFlight = false
    /// The operator may write: only then does the console take due escalation steps (a viewer's or
    /// a stranger's console writes nothing, the timer's work included).
    var mayWrite = false
    /// The latest request for the board's escalation standing; an answer to an older one is dropped.
    var standingRequest = 0

    init(env: Environment, terminal: NcursesTerminal, theme: Theme, startupMessage: String?) {
        self.env = env
        self.terminal = terminal
        self.theme = terminal.colorEnabled ? theme : theme.monochrome
        clockOffset = env.now.timeIntervalSince(Date())
        backgroundDatabase = (try? AppDatabase.open(path: env.databasePath)) ?? env.database
        interpreter = ConsoleInterpreter(database: env.database, databasePath: env.databasePath, language: env.language)
        let size = terminal.size
        state = ConsoleState(width: size.width, height: size.height, now: env.now, language: env.language,
                             operatorName: env.context.actor)
        state.bellOnNotice = env.configuration.bell
        state.databaseName = (env.databasePath as NSString).lastPathComponent
        state.isDemo = env.isDemo || ((try? env.database.isDemoDatabase()) ?? false)
        state.isReadOnly = env.database.isReadOnly
        if let startupMessage {
            state.status = StatusMessage(text: startupMessage, kind: .error, until: env.now.addingTimeInterval(15))
        }
    }

    var now: Date { Date().addingTimeInterval(clockOffset) }

    func run() {
        // The first frame goes out before anything is read: the panes say they are loading.
        paint()
        do {
            let refusal = try env.database.writeRefusal(env.context)
            mayWrite = refusal == nil
            if let refusal, state.status == nil {
                // Someone not on the staff list (or a viewer) may look; say so before they try to type.
                let text = Catalog.Screens.Console.readOnly(refusal.text)(state.language)
                state.status = StatusMessage(text: text, kind: .error, until: env.now.addingTimeInterval(30))
            }
            lastNotice = try env.database.lastNotificationID()
            dispatch(.calendarLoaded(try env.database.calendar()))
            dispatch(.staffLoaded(try env.database.staff()))
            dataVersion = try env.database.dataVersion()
        } catch {
            dispatch(.failed(interpreter.describe(error)))
        }
        perform(state.startEffects())
        scheduleEscalationCheck()
        while running {
            paint()
            waitForInputOrNextTick()
            // Read whatever is pending even when poll() said nothing: a resize interrupts it (EINTR)
            // and ncurses reports it as a key.
            let events = terminal.readEvents()
            handle(events)
            if !running { break }
            // What was typed shows before anything the clock asks for.
            if !events.isEmpty { paint() }
            for message in inbox.drain() { receive(message) }
            let t = now
            if t >= nextTick {
                nextTick = Date(timeIntervalSince1970: (t.timeIntervalSince1970 + 1).rounded(.down))
                tick(t)
            }
        }
        keepViewsLeft()
        finishBackgroundWork()
    }

    /// On the way out: how the lists are left, changed since the last tick, is kept (a refusal
    /// or failure then has no screen to be said on, and changes nothing).
    func keepViewsLeft() {
        var ctx = env.context
        ctx.actor = state.operatorName
        ctx.now = now
        for case .views(let request) in state.rememberChangedViews() { _ = interpreter.views(request, ctx) }
    }

    /// Hands terminal events to the reducer, between two pieces of work: a signal never cuts a
    /// write short, it only ends the loop (or suspends it) once the work under way is done.
    func handle(_ events: [TerminalEvent]) {
        for event in events {
            switch event {
            case .key(let key): dispatch(.key(key))
            case let .resize(w, h): dispatch(.resize(width: w, height: h))
            case .suspend:
                terminal.suspendToShell()
                // Continued by `fg`: the size may have changed meanwhile, and the next paint is
                // whole. Or a signal ends the console while it is stopped: it is read here.
                handle(terminal.readEvents())
            case .terminate(let signal):
                endedBy = signal
                running = false
            case .hangUp:
                endedBy = SIGHUP
                running = false
            }
            if !running { return }
        }
    }

    /// Lets a background write under way (an escalation step) commit before the process ends; a
    /// read is simply dropped. Waits at most a second: a hung-up terminal must not keep the
    /// process. (A transaction cut short by the end of the process is rolled back by SQLite.)
    func finishBackgroundWork() {
        let done = DispatchSemaphore(value: 0)
        background.async { done.signal() }
        _ = done.wait(timeout: .now() + 1)
    }

    func paint() {
        let frame = ConsoleView.render(state, theme: theme)
        if frame != painted || terminal.needsRepaint {
            terminal.paint(frame)
            painted = frame
        }
    }

    /// Sleeps until standard input is readable, background work reports, a signal arrives, or the
    /// console's clock reaches the next tick.
    func waitForInputOrNextTick() {
        let wait = nextTick.timeIntervalSince(now)
        let timeout = Int32(max(0, min(1000, (wait * 1000).rounded(.up))))
        // A terminal that hung up (an SSH link dropped, the window closed) polls as always ready;
        // `readEvents()` then finds nothing to read and reports `.hangUp`, which ends the session.
        var fds = [pollfd(fd: terminal.inputDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: inbox.wakeDescriptor, events: Int16(POLLIN), revents: 0),
                   pollfd(fd: terminal.signalDescriptor, events: Int16(POLLIN), revents: 0)]
        _ = poll(&fds, nfds_t(fds.count), timeout)
    }

    /// Once a second: the clock moves, a due escalation step is handed to the background, and a
    /// change committed elsewhere is taken in.
    func tick(_ t: Date) {
        dispatch(.tick(t))
        if mayWrite, let due = nextEscalation, due <= t, !escalationInFlight { takeDueEscalationSteps(at: t) }
        checkForOutsideChanges()
    }

    // MARK: Background work

    /// What background work reports to the loop.
    enum Message: Sendable {
        /// The service-level figures, or why they could not be read.
        case figures(Outcome)
        /// Escalation steps taken (how many), and when the next one is due.
        case escalation(taken: Int, next: Date?)
        case nextEscalation(Date?)
        /// Where the board's faults stand, for request `request`.
        case standing(request: Int, Outcome)
        /// The resolved tickets closest to the ticket in the details.
        case similar(Outcome)
    }

    func receive(_ message: Message) {
        switch message {
        case .figures(let outcome):
            kpiInFlight = false
            take(outcome)
            if kpiWanted {
                kpiWanted = false
                loadFigures()
            }
        case let .escalation(taken, next):
            escalationInFlight = false
            nextEscalation = next
            if taken > 0 { dataVersion = -1 }   // taken in at the next check
        case .nextEscalation(let next):
            nextEscalation = next
        case let .standing(request, outcome):
            guard request == standingRequest else { return }
            take(outcome)
        case .similar(let outcome):
            // For another ticket than the one shown now: the details drop it.
            take(outcome)
        }
    }

    /// This month's and this week's figures, read on the background queue.
    func loadFigures() {
        guard !kpiInFlight else {
            kpiWanted = true
            return
        }
        kpiInFlight = true
        let interpreter = backgroundInterpreter, at = state.now, who = state.operatorName, inbox = inbox
        background.async {
            inbox.post(Message.figures(interpreter.load(.loadKPI, operator: who, now: at) ?? .loaded([])))
        }
    }

    /// Reads where each fault of the board stands on its path (its steps, the tier that holds it,
    /// the next step), on the background queue: the board paints at once and the standing follows.
    func loadStanding(of faults: [WorkItem]) {
        standingRequest += 1
        let interpreter = backgroundInterpreter, policy = env.context.escalation.policy, inbox = inbox, request = standingRequest
        background.async {
            inbox.post(Message.standing(request: request, interpreter.standing(of: faults, policy: policy)))
        }
    }

    /// Reads the resolved tickets closest to ticket `id`, on the background queue: the details paint
    /// at once and the section follows, never holding up a key.
    func loadSimilar(_ id: Int64) {
        let interpreter = backgroundInterpreter, who = state.operatorName, at = state.now, inbox = inbox
        background.async {
            inbox.post(Message.similar(interpreter.load(.loadSimilar(id), operator: who, now: at) ?? .loaded([])))
        }
    }

    /// Reads when the rules next call for a step, on the background queue.
    func scheduleEscalationCheck() {
        let db = backgroundDatabase, policy = env.context.escalation.policy, inbox = inbox
        background.async {
            inbox.post(Message.nextEscalation(try? db.nextEscalationDue(policy: policy)))
        }
    }

    /// Every console takes the escalation steps that fall due while it runs; the database makes sure
    /// each is taken once, however many consoles and timer jobs race for it. The write runs on the
    /// background queue: a database busy with another writer never holds up the keyboard.
    func takeDueEscalationSteps(at t: Date) {
        escalationInFlight = true
        var ctx = env.context
        ctx.now = t
        let db = backgroundDatabase, inbox = inbox, context = ctx
        background.async {
            let taken = (try? db.escalateDue(context).count) ?? 0
            var next = try? db.nextEscalationDue(policy: context.escalation.policy)
            // A step the rules cannot take yet (a tier waiting for the one below) is tried again
            // in a minute, not every second.
            if let n = next, n <= context.now { next = context.now.addingTimeInterval(60) }
            inbox.post(Message.escalation(taken: taken, next: next))
        }
    }

    /// Another console or a script committed: reload what is shown, look again at when the next
    /// escalation step is due, and show notifications for the operator that arrived meanwhile.
    func checkForOutsideChanges() {
        guard let version = try? env.database.dataVersion(), version != dataVersion else { return }
        dataVersion = version
        // A supervisor may have changed the desk's rules or the staff list meanwhile.
        env.followDeskRules()
        mayWrite = (try? env.database.writeRefusal(env.context)) == nil
        dispatch(.dataChanged)
        scheduleEscalationCheck()
        showNewNotices()
    }

    func showNewNotices() {
        guard let notices = try? env.database.notices(for: state.operatorName, after: lastNotice), let newest = notices.last else { return }
        lastNotice = newest.id
        let more = notices.count > 1 ? Catalog.Screens.Console.moreNotices(notices.count - 1)(state.language) : ""
        dispatch(.notice(newest.text(state.language) + more))
    }

    func dispatch(_ action: Action) {
        let overlay = state.mode.overlay
        perform(state.reduce(action))
        // An overlay that opens or closes changes much of the screen: paint it whole.
        if state.mode.overlay != overlay { terminal.redraw() }
    }

    /// Hands what came of an effect to the reducer, which says it in the console's language.
    func take(_ outcome: Outcome) {
        for action in outcome.actions {
            guard running else { return }
            dispatch(action)
        }
    }

    func perform(_ effects: [Effect]) {
        for effect in effects {
            guard running else { return }
            perform(effect)
        }
    }

    func perform(_ effect: Effect) {
        switch effect {
        case .write(let request):
            var ctx = env.context
            ctx.actor = state.operatorName
            ctx.now = now
            take(interpreter.write(request, ctx))
            // Own writes change data_version too; take them in now rather than reloading twice.
            if let v = try? env.database.dataVersion() { dataVersion = v }
        case .views(let request):
            var ctx = env.context
            ctx.actor = state.operatorName
            ctx.now = now
            take(interpreter.views(request, ctx))
        case .writeEach(let requests):
            var ctx = env.context
            ctx.actor = state.operatorName
            ctx.now = now
            take(interpreter.writeEach(requests, ctx))
            if let v = try? env.database.dataVersion() { dataVersion = v }
        case .loadKPI:
            loadFigures()
        case .loadSimilar(let id):
            loadSimilar(id)
        case let .editText(field, initial):
            dispatch(.edited(field: field, edit(initial)))
        case .bell:
            terminal.bell()
        case .redraw:
            terminal.redraw()
        case .quit:
            running = false
        case let .saveAttachment(id, path, overwrite):
            take(interpreter.saveAttachment(id, to: path, overwrite: overwrite, in: FileManager.default.currentDirectoryPath))
        case .loadQueue, .loadFaults, .locate, .loadFigureItems, .loadDetail, .loadServices, .locateService,
             .loadDelivery, .loadInspections, .loadInspection, .lookUpRequesters, .loadRequesterItems, .loadAttachmentText,
             .loadTemplates, .checkWrite:
            guard let outcome = interpreter.load(effect, operator: state.operatorName, now: state.now) else { return }
            take(outcome)
            // The board paints at once; where its faults stand follows from the background.
            if case .loaded(let actions) = outcome {
                for case .faultsLoaded(let faults) in actions { loadStanding(of: faults) }
            }
        }
    }
}

/// Messages from background work to the run loop, with a pipe whose read end `poll()` watches so
/// that a message wakes the loop at once.
final class Inbox: @unchecked Sendable {
    private let lock = NSLock()
    private var messages: [ConsoleRunner.Message] = []
    private let readEnd: Int32
    private let writeEnd: Int32

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for fd in ends { _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK) }
            for fd in ends { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        }
        readEnd = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(readEnd)
        close(writeEnd)
    }

    var wakeDescriptor: Int32 { readEnd }

    func post(_ message: ConsoleRunner.Message) {
        lock.lock()
        messages.append(message)
        lock.unlock()
        var byte: UInt8 = 1
        _ = write(writeEnd, &byte, 1)
    }

    /// Everything posted so far, oldest first.
    func drain() -> [ConsoleRunner.Message] {
        var buffer = [UInt8](repeating: 0, count: 64)
        while read(readEnd, &buffer, buffer.count) > 0 {}
        lock.lock()
        defer { lock.unlock() }
        let out = messages
        messages = []
        return out
    }
}
