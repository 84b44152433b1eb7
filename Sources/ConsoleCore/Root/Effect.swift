import Foundation
import HelpDeskCore

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
