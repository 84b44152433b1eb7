import Foundation
import HelpDeskCore

/// What the status line says about a write, from the save under way to the store's answer: all of
/// it here, in the console's language.
extension WriteOutcome {
    /// A form's save handed to the store, before it answers.
    public static func saving(_ lang: Language) -> String {
        Catalog.Console.Outcome.saving(lang)
    }

    /// A saved item that the list's filters now hide.
    public static func hiddenByFilters(_ id: Int64, _ lang: Language) -> String {
        Catalog.Console.Outcome.hiddenByFilters(id)(lang)
    }

    public func text(_ lang: Language) -> String {
        typealias Say = Catalog.Console.Outcome
        switch self {
        case .created(let id), .saved(let id):
            return Say.saved(id)(lang)
        case let .acknowledged(id, step):
            return Say.acknowledged(id, step.rawValue)(lang)
        case let .escalated(id, step):
            return Say.escalated(id, to: step.rawValue)(lang)
        case let .frozen(period, missed):
            return Say.frozen("\(period)", missed: missed.map(\.rawValue))(lang)
        case .completed(let id):
            return Say.completed(id)(lang)
        case .markedErroneous(let id):
            return Say.markedErroneous(id)(lang)
        case let .advanced(id, stage, delivery, task):
            return Say.advanced(id, to: stage, delivery: delivery, task: task)(lang)
        case let .testRound(id, number, result):
            return Say.testRound(id, number: number, result)(lang)
        case let .trainingStepDone(id, step):
            return Say.trainingStepDone(id, step)(lang)
        case let .attendeeRecorded(id, name):
            return Say.attendeeRecorded(id, name)(lang)
        case let .scored(id, name, score):
            return Say.scored(id, name, score)(lang)
        case let .attendeeCorrected(id, name):
            return Catalog.TrainingsAfter.attendeeCorrected(id, name)(lang)
        case .materialRecorded(let id):
            return Say.materialRecorded(id)(lang)
        case let .defectRecorded(defect, delivery):
            return Say.defectRecorded(defect, delivery: delivery)(lang)
        case let .inspectionRecorded(id, opened, linked, unknownTargets):
            let ids = { (list: [Int64]) in list.isEmpty ? nil : list.map { "#\($0)" }.joined(separator: " ") }
            return Say.inspectionRecorded(id, opened: ids(opened), linked: ids(linked), unknownTargets: unknownTargets)(lang)
        case let .corrected(id, due):
            return Catalog.Corrections.done(id, due: due)(lang)
        case let .merged(id, into):
            return Catalog.WaitingAndLinks.mergedPair(id, into: into)(lang)
        }
    }
}

extension WriteRefusal {
    public func text(_ lang: Language) -> String {
        switch self {
        case let .stale(id, expected, current):
            return Catalog.Console.Outcome.stale(id, expected: expected, current: current)(lang)
        case .rule(let reason), .failed(let reason):
            return reason.text(lang)
        }
    }

    /// Added when a stale edit closes its form: the form meant the old state of the item.
    static func formClosed(_ lang: Language) -> String {
        Catalog.Console.Outcome.formClosed(lang)

    }
}
