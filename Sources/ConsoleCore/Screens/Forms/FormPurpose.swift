import HelpDeskCore

extension Form {
    /// What a form is for: the write it makes, on which item and the version it was built on.
    public enum Purpose: Equatable, Sendable {
        case newCase
        case newFault
        case respond(id: Int64, version: Int)
        case resolve(id: Int64, version: Int)
        case restore(id: Int64, version: Int)
        case raise(id: Int64, version: Int, current: FaultLevel)
        case assign(id: Int64, version: Int)
        case escalate(id: Int64, to: EscalationStep)
        case assess(id: Int64, version: Int)
        case reopen(id: Int64, version: Int)
        case lower(id: Int64, version: Int, current: FaultLevel)
        case newTask
        case completeTask(id: Int64, version: Int)
        case markErroneous(id: Int64, version: Int)
        case newChange
        /// Move a change on to stage `to`.
        case advance(id: Int64, version: Int, to: ChangeStage)
        case testRound(id: Int64, version: Int)
        /// A defect found in a delivery (not an item: no version).
        case addDefect(delivery: Int64)
        case newTraining
        /// Mark step `step` (the next pending one when opened) of a training done.
        case trainingStep(id: Int64, version: Int, step: TrainingStep)
        case addAttendee(id: Int64, version: Int)
        case scoreAttendee(id: Int64, version: Int)
        case correctAttendee(id: Int64, version: Int)
        case addMaterial(id: Int64, version: Int)
        /// An inspection entered by hand (not an item).
        case newInspection
        /// An internal note on any item (it changes nothing of the item: no version).
        case addNote(id: Int64)
        /// What the requester of any item said.
        case addMessage(id: Int64)
        /// A CASE ticket's kind, channel, region, title, requester, description or received time corrected.
        case correctCase(id: Int64, version: Int)
        /// Wait on the requester: the item's clock stops.
        case wait(id: Int64, version: Int)
        /// Relate another item (a relation of its own: no version).
        case link(id: Int64)
        /// Merge the item into another.
        case merge(id: Int64, version: Int)

        /// The item an edit form changes, and the version it was built on.
        var target: (id: Int64, version: Int)? {
            switch self {
            case .newCase, .newFault, .escalate, .newTask, .newChange, .addDefect, .newTraining, .newInspection,
                 .addNote, .addMessage, .link: return nil
            case let .wait(id, v), let .merge(id, v): return (id, v)
            case let .trainingStep(id, v, _), let .addAttendee(id, v), let .scoreAttendee(id, v), let .addMaterial(id, v),
                 let .correctAttendee(id, v): return (id, v)
            case let .respond(id, v), let .resolve(id, v), let .restore(id, v), let .raise(id, v, _), let .assign(id, v),
                 let .assess(id, v), let .reopen(id, v), let .lower(id, v, _), let .completeTask(id, v), let .markErroneous(id, v),
                 let .advance(id, v, _), let .testRound(id, v):
                return (id, v)
            case let .correctCase(id, v): return (id, v)
            }
        }

        /// The same purpose built on `version`; `nil` when what the form would do depends on the
        /// state it was opened in (the stage a change goes to, the number of a test round), which
        /// the newer version may no longer have.
        func rebased(to version: Int) -> Purpose? {
            switch self {
            case .newCase, .newFault, .escalate, .newTask, .newChange, .addDefect, .newTraining, .newInspection,
                 .addNote, .addMessage, .link: return self
            case .wait(let id, _): return .wait(id: id, version: version)
            case .merge(let id, _): return .merge(id: id, version: version)
            case .addAttendee(let id, _): return .addAttendee(id: id, version: version)
            case .scoreAttendee(let id, _): return .scoreAttendee(id: id, version: version)
            case .correctAttendee(let id, _): return .correctAttendee(id: id, version: version)
            case .addMaterial(let id, _): return .addMaterial(id: id, version: version)
            case .trainingStep: return nil
            case .respond(let id, _): return .respond(id: id, version: version)
            case .resolve(let id, _): return .resolve(id: id, version: version)
            case .restore(let id, _): return .restore(id: id, version: version)
            case let .raise(id, _, current): return .raise(id: id, version: version, current: current)
            case .assign(let id, _): return .assign(id: id, version: version)
            case .assess(let id, _): return .assess(id: id, version: version)
            case .reopen(let id, _): return .reopen(id: id, version: version)
            case let .lower(id, _, current): return .lower(id: id, version: version, current: current)
            case .completeTask(let id, _): return .completeTask(id: id, version: version)
            case .markErroneous(let id, _): return .markErroneous(id: id, version: version)
            case .advance, .testRound: return nil
            case .correctCase(let id, _): return .correctCase(id: id, version: version)
            }
        }

        /// The list a new item of this form goes into, for selecting it once saved.
        var creates: ServiceKind? {
            switch self {
            case .newTask: return .task
            case .newChange: return .change
            case .newTraining: return .training
            case .newCase, .newFault, .escalate, .addDefect, .newInspection, .addAttendee, .scoreAttendee, .addMaterial, .correctAttendee,
                 .trainingStep, .respond, .resolve, .restore, .raise, .assign, .assess, .reopen, .lower, .completeTask,
                 .markErroneous, .advance, .testRound, .addNote, .addMessage, .correctCase, .wait, .link, .merge:
                return nil
            }
        }
    }
}
