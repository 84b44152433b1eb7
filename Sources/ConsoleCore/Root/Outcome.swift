import Foundation
import HelpDeskCore

/// What came of an effect the run loop carried out with the store: what a read found, what a write
/// did, or why it was not done. It holds no sentences of its own: the reducer words it in the
/// console's language (`:lang` switches it), here in `OutcomeText.swift`.
public enum Outcome: Equatable, Sendable {
    /// A read: what it found, as the actions that hand it to the screens (a part of it that failed
    /// as `.failed`).
    case loaded([Action])
    /// A write carried out.
    case saved(WriteOutcome)
    /// A write not carried out; a form keeps what was typed.
    case refused(WriteRefusal)
    /// A read that failed, said in both languages.
    case failed(LocalizedText)

    /// The actions that hand this outcome to the reducer, in order.
    public var actions: [Action] {
        switch self {
        case .loaded(let actions): actions
        case .saved(let outcome): [.saved(outcome)]
        case .refused(let refusal): [.refused(refusal)]
        case .failed(let text): [.failed(text)]
        }
    }
}

/// What a write did, as the store answered it.
public enum WriteOutcome: Equatable, Sendable {
    /// A new ticket, fault, task, change or training; it is then selected in its list.
    case created(id: Int64)
    /// An item changed (assessed, answered, resolved, restored, raised, lowered, assigned, reopened).
    case saved(id: Int64)
    /// A fault's latest tier step acknowledged.
    case acknowledged(id: Int64, step: EscalationStep)
    /// A fault moved one tier up by hand.
    case escalated(id: Int64, step: EscalationStep)
    /// A month signed off; the figures that missed their target.
    case frozen(Period, missed: [KPI])
    case completed(id: Int64)
    case markedErroneous(id: Int64)
    /// A change moved to `stage`; a release names its delivery and the reprocessing task a late
    /// policy opened.
    case advanced(id: Int64, stage: ChangeStage, delivery: Int64?, reprocessingTask: Int64?)
    case testRound(id: Int64, number: Int, result: TestResult)
    case trainingStepDone(id: Int64, step: TrainingStep)
    case attendeeRecorded(id: Int64, name: String)
    case scored(id: Int64, name: String, score: Int)
    case attendeeCorrected(id: Int64, name: String)
    case materialRecorded(id: Int64)
    case defectRecorded(defect: Int64, delivery: Int64)
    /// An inspection entered by hand: the items it opened and linked, and how many of its targets
    /// are not in the inventory.
    case inspectionRecorded(id: Int64, opened: [Int64], linked: [Int64], unknownTargets: Int)
    /// A CASE ticket corrected; its new deadline when its kind or received time changed.
    case corrected(id: Int64, due: Date?)
    /// A duplicate merged into another item.
    case merged(id: Int64, into: Int64)

    /// The item the write changed or made, which stays (or becomes) selected; `nil`: none.
    public var id: Int64? {
        switch self {
        case .created(let id), .saved(let id), .acknowledged(let id, _), .escalated(let id, _), .completed(let id),
             .markedErroneous(let id), .advanced(let id, _, _, _), .testRound(let id, _, _), .trainingStepDone(let id, _),
             .attendeeRecorded(let id, _), .scored(let id, _, _), .materialRecorded(let id),
             .attendeeCorrected(let id, _), .corrected(let id, _), .merged(let id, _):
            id
        case .frozen, .defectRecorded, .inspectionRecorded:
            nil
        }
    }

    /// The write made a new item.
    public var created: Bool {
        if case .created = self { return true }
        return false
    }
}

/// Why a write was not carried out.
public enum WriteRefusal: Equatable, Sendable {
    /// The item changed meanwhile: the form was opened on version `expected`, it is at `current` now.
    case stale(id: Int64, expected: Int, current: Int)
    /// The desk's rules or the operator's rights do not allow it: the store's reason, in both languages.
    case rule(LocalizedText)
    /// The database file failed (full, read-only, damaged) or something else went wrong; nothing
    /// was changed.
    case failed(LocalizedText)
}
