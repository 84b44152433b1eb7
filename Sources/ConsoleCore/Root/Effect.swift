import Foundation
import HelpDeskCore

/// Work the run loop carries out for the console; its results come back as actions.
public enum Effect: Equatable, Sendable {
    case loadQueue(QueueFilter, offset: Int, limit: Int)
    /// The open faults the board's filters let through.
    case loadFaults(BoardFilter)
    /// Find where a new item stands in its pane's list, answered by `.located`.
    case locate(id: Int64, filter: QueueFilter)
    case loadKPI
    /// A page of what a figure counted in a period, answered by `.figureItemsLoaded`.
    case loadFigureItems(KPI, Period)
    /// A window of the tasks or the changes, answered by `.servicesLoaded`.
    case loadServices(ServiceKind, ServiceFilter, offset: Int, limit: Int)
    /// Find where a new task or change stands in its list, answered by `.located`.
    case locateService(id: Int64, kind: ServiceKind, filter: ServiceFilter)
    /// The item and its history, answered by `.detailLoaded`; for a task or a change its facts too
    /// (`.factsLoaded`), and the requesters it is linked to (`.requestersOfItem`).
    case loadDetail(Int64)
    /// A delivery with its changes and defects, answered by `.deliveryLoaded`.
    case loadDelivery(Int64)
    /// The latest inspections, answered by `.inspectionsLoaded`.
    case loadInspections
    /// One inspection with its readings and their items, answered by `.inspectionLoaded`.
    case loadInspection(Int64)
    /// The directory's requesters matching what was typed in a form's field, answered by
    /// `.requestersMatched`.
    case lookUpRequesters(field: Form.FieldKey, typed: String)
    /// The active templates of a use, filled for an item in its requester's language (else the
    /// desk's), answered by `.templatesLoaded`.
    case loadTemplates(item: Int64, use: TemplateUse, desk: Language)
    /// Read whether a write that asks first (a merge) may be done, and the title of what it goes
    /// into: answered with `Action.writeChecked`.
    case checkWrite(WriteRequest)
    /// The items linked to a requester, answered by `.requesterItemsLoaded`.
    case loadRequesterItems(Int64)
    case write(WriteRequest)
    case editText(field: Int, initial: String)
    case bell
    /// Paint the whole screen afresh (Ctrl-L): the terminal may hold something else's output.
    case redraw
    case quit
    /// A text attachment's content, decoded, answered by `.attachmentTextLoaded`.
    case loadAttachmentText(Int64)
    /// Write an attachment's content to `path` (a folder: under its name), never over a file that
    /// exists unless `overwrite`; answered by `.attachmentSaved`, or `.attachmentExists` to ask.
    case saveAttachment(id: Int64, path: String, overwrite: Bool)
    /// The resolved tickets closest to a ticket shown in the details, read on the background
    /// queue; answered by `.similarLoaded`.
    case loadSimilar(Int64)
    /// The operator's views: read, saved, removed, or how a list is left kept.
    case views(ViewRequest)
    /// The same write on several marked items, one transaction each, answered by `.severalDone`.
    case writeEach([WriteRequest])
}

/// A write the console asks the run loop to carry out.
public enum WriteRequest: Equatable, Sendable {
    /// Sign off a month that has ended: its figures are stored and never change (supervisors).
    case freeze(Period)
    /// A new ticket, received at `at`.
    case addCase(NewCase, at: Date)
    /// A new fault, reported at `at`.
    case addFault(NewFault, at: Date)
    /// `template`: the reply template the text was written from, named in the ticket's history.
    case respond(id: Int64, note: String, version: Int, template: Int64? = nil)
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
    /// A new data-processing task, taken in at `at`.
    case addTask(NewTask, at: Date)
    case completeTask(id: Int64, cause: String, solution: String, version: Int)
    /// An internal note on an item's timeline.
    /// `template`: the note template the text was written from, named in the item's history.
    case addNote(id: Int64, text: String, template: Int64? = nil)
    /// What the requester said, with its channel when known.
    case addMessage(id: Int64, text: String, channel: Channel?)
    /// Mark a completed task as found erroneous.
    case markErroneous(id: Int64, note: String, version: Int)
    /// A new change request, taken in at `at`.
    case addChange(NewChange, at: Date)
    /// Move a change to its next stage: who signed (to confirmed), the release (to released).
    case advance(id: Int64, to: ChangeStage, signedBy: String?, release: Release?, version: Int)
    case testRound(id: Int64, result: TestResult, note: String, version: Int)
    /// A defect found in a delivery at `at`.
    case addDefect(delivery: Int64, title: String, description: String, at: Date)
    /// A new training session, recorded at `at`.
    case addTraining(NewTraining, at: Date)
    /// A training's step done at `at`.
    case trainingStep(id: Int64, step: TrainingStep, at: Date, version: Int)
    /// An attendee of a training. `version` is the training's as the form opened on it; an
    /// attendee (and a material) is a record of its own, added whatever was added meanwhile.
    case addAttendee(id: Int64, name: String, office: String, region: Region, score: Int?, version: Int)
    /// An attendee's exam score recorded or corrected.
    case setScore(id: Int64, attendee: AttendeeName, score: Int, version: Int)
    /// An attendee (named with their office) corrected.
    case editAttendee(id: Int64, attendee: AttendeeName, AttendeeCorrection, version: Int)
    /// A training's material: a path or a link.
    case addMaterial(id: Int64, location: String, version: Int)
    /// An inspection entered by hand.
    case addInspection(NewInspection)
    /// A CASE ticket corrected: the parts given are the values it should have had.
    case correctCase(id: Int64, CaseCorrection, version: Int)
    /// Wait on the requester: the item's clock stops.
    case pause(id: Int64, reason: String, version: Int)
    /// Take the item out of waiting: its clock runs again.
    case resume(id: Int64, version: Int)
    /// Relate two items, both ways.
    case link(id: Int64, other: Int64)
    /// Merge duplicate `id` into `into`.
    case merge(id: Int64, into: Int64, version: Int)
    /// Remove the relation of two items, both ways.
    case unlink(id: Int64, other: Int64)
}

extension Effect {
    /// What the queue asks for, as work for the run loop.
    init(_ effect: QueueScreen.Effect) {
        switch effect {
        case let .load(filter, offset, limit): self = .loadQueue(filter, offset: offset, limit: limit)
        }
    }
}
