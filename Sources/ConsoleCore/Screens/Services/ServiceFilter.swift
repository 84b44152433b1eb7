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

    public init() {}

    /// The store filter for a window of the list of `kind`, in the queue's order and tallies.
    public func itemFilter(_ kind: ItemKind, operator me: String, now: Date, offset: Int, limit: Int?) -> ItemFilter {
        var f = ItemFilter(kinds: [kind], text: search.isEmpty ? nil : search, limit: limit, offset: offset)
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
    public mutating func apply(_ change: QueueFilter.Change) -> Bool {
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
    func summary(_ language: Language, kind: ItemKind) -> String {
        let zh = language == .zh
        var parts: [String] = []
        switch status {
        case .active: break
        case .closed: parts.append(ItemStatus.closed.label(language, kind: kind))
        case .all: parts.append(zh ? "全部" : "all")
        }
        if mine { parts.append(zh ? "我的" : "mine") }
        if overdue { parts.append(zh ? "已超时" : "overdue") }
        if !search.isEmpty { parts.append("/\(search)") }
        return parts.isEmpty ? "" : (zh ? "筛选：" : "filter: ") + parts.joined(separator: " · ")
    }
}

/// A window of the tasks or the changes as read from the store, with what each row shows beyond
/// the work item: a task's error mark, a change's type and stage.
public struct ServicePage: Equatable, Sendable {
    public var kind: ItemKind
    public var items: [WorkItem]
    public var offset: Int
    public var total: Int
    /// The filter the page was read for; a page for an older filter is dropped.
    public var filter: ServiceFilter
    public var errors: [Int64: TaskError]
    public var changes: [Int64: ChangeDetail]

    public init(kind: ItemKind, items: [WorkItem], offset: Int, total: Int, filter: ServiceFilter,
                errors: [Int64: TaskError] = [:], changes: [Int64: ChangeDetail] = [:]) {
        self.kind = kind
        self.items = items
        self.offset = offset
        self.total = total
        self.filter = filter
        self.errors = errors
        self.changes = changes
    }
}
