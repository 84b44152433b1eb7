import Foundation
import HelpDeskCore

/// What one write of several did: done, or refused and why (the item then changed nothing).
public struct SeveralResult: Equatable, Sendable {
    public var id: Int64
    /// `nil`: done.
    public var refusal: WriteRefusal?

    public init(id: Int64, refusal: WriteRefusal? = nil) {
        (self.id, self.refusal) = (id, refusal)
    }
}

extension WriteRequest {
    /// The same write on another item (the marked ones): `nil` for a write that is not done on
    /// several items at once.
    func retargeted(to item: WorkItem) -> WriteRequest? {
        guard let id = item.id else { return nil }
        switch self {
        case let .assign(_, to, _): return .assign(id: id, to: to, version: item.version)
        case let .respond(_, note, _, template): return .respond(id: id, note: note, version: item.version, template: template)
        case let .resolve(_, cause, solution, _): return .resolve(id: id, cause: cause, solution: solution, version: item.version)
        case let .restore(_, cause, solution, mode, _):
            return .restore(id: id, cause: cause, solution: solution, mode: mode, version: item.version)
        case .link(_, let other): return .link(id: id, other: other)
        case let .merge(_, into, _): return .merge(id: id, into: into, version: item.version)
        case .freeze, .addCase, .addFault, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .addTask, .completeTask,
             .addNote, .addMessage, .markErroneous, .addChange, .advance, .testRound, .addDefect, .addTraining, .trainingStep,
             .addAttendee, .setScore, .editAttendee, .addMaterial, .addInspection, .correctCase, .pause, .resume, .unlink:
            return nil
        }
    }

    /// What the write does, as the results of a write on several items name it: `nil` for a write
    /// that is not done on several at once.
    func severalAction(operator operatorName: String) -> LocalizedText? {
        typealias Say = Catalog.Marks
        switch self {
        case .assign(_, let to, _): return to == operatorName ? Say.actionTake : Say.actionAssign(to)
        case .respond: return Say.actionReply
        case .resolve: return Say.actionResolve
        case .restore: return Say.actionRestore
        case .link(_, let other): return Say.actionLink(other)
        case .merge(_, let into, _): return Say.actionMerge(into)
        case .freeze, .addCase, .addFault, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .addTask, .completeTask,
             .addNote, .addMessage, .markErroneous, .addChange, .advance, .testRound, .addDefect, .addTraining, .trainingStep,
             .addAttendee, .setScore, .editAttendee, .addMaterial, .addInspection, .correctCase, .pause, .resume, .unlink:
            return nil
        }
    }

    /// The item the write is on.
    public var targetID: Int64? {
        switch self {
        case let .assign(id, _, _), let .respond(id, _, _, _), let .resolve(id, _, _, _), let .restore(id, _, _, _, _),
             let .link(id, _), let .merge(id, _, _):
            return id
        case .freeze, .addCase, .addFault, .raise, .acknowledge, .escalate, .assess, .reopen, .lower, .addTask, .completeTask,
             .addNote, .addMessage, .markErroneous, .addChange, .advance, .testRound, .addDefect, .addTraining, .trainingStep,
             .addAttendee, .setScore, .editAttendee, .addMaterial, .addInspection, .correctCase, .pause, .resume, .unlink:
            return nil
        }
    }
}

/// Marks in the CASE queue and on the fault board: Space marks or unmarks the selected item, `C`
/// clears them; with marks, take, assign, reply, resolve, link and merge go to every marked item,
/// one write each, and a list says what came of each.
extension ConsoleState {
    /// The marks of the pane in view (the queue's or the board's), `nil` elsewhere.
    var focusedMarks: Marks? {
        switch focus {
        case .queue: queue.marks
        case .faults: board.marks
        case .kpi, .service, .inspections: nil
        }
    }

    /// The commands that go to every marked item.
    static let markedCommands: Set<Command> = [.take, .assign, .respond, .resolve, .link, .merge]

    /// Space: the selected item marked, or unmarked; the selection moves to the next row.
    mutating func toggleMark() -> [Effect] {
        switch focus {
        case .queue:
            guard let item = queue.selected else { return nothingSelected() }
            queue.marks.toggle(item)
            return reduceQueue(.move(by: 1))
        case .faults:
            guard let item = board.selected else { return nothingSelected() }
            board.marks.toggle(item)
            BoardScreen.reduce(&board, .move(by: 1))
            return []
        case .kpi, .service, .inspections:
            return []
        }
    }

    /// `C`: every mark of the pane in view cleared.
    mutating func clearMarks() -> [Effect] {
        switch focus {
        case .queue: queue.marks.clear()
        case .faults: board.marks.clear()
        case .kpi, .service, .inspections: return []
        }
        say(Catalog.Marks.cleared(language), .info)
        return []
    }

    /// `t` with marks: every marked item taken, one write each.
    mutating func takeMarked() -> [Effect]? {
        guard let marks = focusedMarks, !marks.isEmpty else { return nil }
        say(Catalog.Marks.working(marks.count)(language), .notice)
        let writes: [WriteRequest] = marks.items.compactMap { item in item.id.map { .assign(id: $0, to: operatorName, version: item.version) } }
        severalAction = writes.first.flatMap { $0.severalAction(operator: operatorName) }
        return [.writeEach(writes)]
    }

    /// A form's key with marks: the form opens on the first marked item, and what it saves goes to
    /// every marked item (`formTargets`). `nil`: no marks, the form opens on the selected item.
    mutating func openFormOnMarked(_ command: Command) -> [Effect]? {
        formTargets = []
        guard Self.markedCommands.contains(command), let marks = focusedMarks, let first = marks.items.first else { return nil }
        switch Form.opening(command, on: first, formContext) {
        case .open(var form)?:
            form.targetCount = marks.count
            openForm(form)
            formTargets = marks.items
            say(Catalog.Marks.formForAll(marks.count)(language), .notice)
            return []
        case .refused(let why)?:
            say(why, .error)
            return [.bell]
        case nil:
            return []
        }
    }

    /// A form's save: to every marked item when the form was opened for them.
    mutating func saving(_ request: WriteRequest) -> [Effect] {
        let targets = formTargets
        formTargets = []
        guard !targets.isEmpty, request.targetID == targets.first?.id else {
            say(WriteOutcome.saving(language), .notice)
            return [.write(request)]
        }
        say(Catalog.Marks.working(targets.count)(language), .notice)
        severalAction = request.severalAction(operator: operatorName)
        return [.writeEach(targets.compactMap { request.retargeted(to: $0) })]
    }

    /// What came of the writes on the marked items: the done ones unmarked, the refused ones left
    /// marked, a list of one line per item over the screen, and everything read again.
    mutating func severalDone(_ results: [SeveralResult]) -> [Effect] {
        if case .form = mode.underlying { mode = .normal }
        let done = Set(results.filter { $0.refusal == nil }.map(\.id))
        queue.marks.remove(done)
        board.marks.remove(done)
        let refused = results.count - done.count
        say(Catalog.Marks.summary(done: done.count, refused: refused)(language), refused == 0 ? .info : .error)
        enter(.severalResults(SeveralResultsScreen.State(results: results, action: severalAction)))
        severalAction = nil
        return (refused == 0 ? [] : [.bell]) + reloadAll()
    }
}
