import Foundation
import HelpDeskCore

/// The filters of the lists of tasks and of changes. By default a list shows the work still to do.
public struct ServiceFilter: Equatable, Sendable {
    /// Which items by status: the active ones, the closed ones (completed, released) or all.
    public enum Status: String, CaseIterable, Sendable {
        case active, closed, all
    }

    public var status = Status.active
    public var mine = false
    public var overdue = false
    public var search = ""
    /// The trainings of one audience only (trainings have no status, owner or deadline to filter by).
    public var trainingType: TrainingType?

    public init() {}

    /// The store filter for a window of the list of `kind`, in the queue's order and tallies.
    public func itemFilter(_ kind: ServiceKind, operator me: String, now: Date, offset: Int, limit: Int?) -> ItemFilter {
        var f = ItemFilter(kinds: [kind.itemKind], text: search.isEmpty ? nil : search, limit: limit, offset: offset)
        switch status {
        case .active: f.activeOnly = true
        case .closed: f.statuses = [.closed]
        case .all: break
        }
        if mine { f.mine = me }
        if overdue { f.overdueAt = now }
        return f
    }

    /// Applies a change of the queue's filters where it means something here: status, mine,
    /// overdue, search, clear; `false` for kind and region, which tasks and changes do not have.
    public mutating func apply(_ change: QueueFilter.Change, kind: ServiceKind = .task) -> Bool {
        if kind == .training {
            // Trainings filter by audience (the kind key cycles it) and search only.
            switch change {
            case .cycleKind:
                let all: [TrainingType?] = [nil] + TrainingType.allCases
                trainingType = all[((all.firstIndex(of: trainingType) ?? 0) + 1) % all.count]
            case .search(let text): search = text
            case .clear: self = ServiceFilter()
            default: return false
            }
            return true
        }
        switch change {
        case .cycleStatus:
            let all = Status.allCases
            status = all[(all.firstIndex(of: status)! + 1) % all.count]
        case .status(let s): status = s == .closed ? .closed : .active
        case .anyStatus(let closed): status = closed ? .all : .active
        case .toggleMine: mine.toggle()
        case .toggleOverdue: overdue.toggle()
        case .search(let text): search = text
        case .clear: self = ServiceFilter()
        case .cycleKind, .cycleRegion, .kind, .region: return false
        }
        return true
    }

    /// `filter: closed · mine · /text`, or nothing for the default.
    func summary(_ language: Language, kind: ServiceKind) -> String {
        let words = Catalog.Screens.Queue.self
        var parts: [String] = []
        if kind == .training {
            if let type = trainingType { parts.append(type.label(language)) }
            if !search.isEmpty { parts.append("/\(search)") }
            return parts.isEmpty ? "" : words.filters(parts)(language)
        }
        switch status {
        case .active: break
        case .closed: parts.append(ItemStatus.closed.label(language, kind: kind.itemKind))
        case .all: parts.append(words.allStatuses(language))
        }
        if mine { parts.append(words.mine(language)) }
        if overdue { parts.append(words.overdue(language)) }
        if !search.isEmpty { parts.append("/\(search)") }
        return parts.isEmpty ? "" : words.filters(parts)(language)
    }
}

/// A window of the tasks or the changes as read from the store, for the filter it was read for (a
/// window for an older filter is dropped), with what each row shows beyond its work item: a task's
/// error mark, a change's type and stage.
public struct ServicePage: Equatable, Sendable {
    public var kind: ServiceKind
    public var filter: ServiceFilter
    public var items: [WorkItem]
    /// Where `items` start in the list, and how many the list holds.
    public var offset, total: Int
    /// By item: its error mark (a task), its type, stage and rounds (a change).
    public var facts: [Int64: ServiceFacts]

    public init(_ kind: ServiceKind, _ filter: ServiceFilter, items: [WorkItem], offset: Int, total: Int, facts: [Int64: ServiceFacts] = [:]) {
        (self.kind, self.filter, self.items) = (kind, filter, items)
        (self.offset, self.total, self.facts) = (offset, total, facts)
    }
}
