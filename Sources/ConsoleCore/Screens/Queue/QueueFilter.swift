import Foundation
import HelpDeskCore

/// The CASE queue's filters. By default it shows the work still to do.
public struct QueueFilter: Equatable, Sendable {
    public var kind: CaseKind?
    /// `nil`: every active status; `.closed`: closed only.
    public var status: ItemStatus?
    public var showClosed = false
    public var region: Region?
    public var mine = false
    public var overdue = false
    public var search = ""

    public init() {}

    public var isDefault: Bool { self == QueueFilter() }

    /// The store filter for a window of the queue.
    public func itemFilter(operator me: String, now: Date, offset: Int, limit: Int) -> ItemFilter {
        var f = ItemFilter(kinds: kind.map { [$0.itemKind] } ?? ItemFilter.cases,
                           region: region, text: search.isEmpty ? nil : search, limit: limit, offset: offset)
        if let status { f.statuses = [status] } else if !showClosed { f.activeOnly = true }
        if mine { f.mine = me }
        if overdue { f.overdueAt = now }
        return f
    }

    /// A change to the filters, from a key, the command line or the search prompt.
    public enum Change: Equatable, Sendable {
        /// Every kind → general → special → requirement → every kind.
        case cycleKind
        /// Active (default) → open → responded → assessed → closed → everything → active.
        case cycleStatus
        /// Every region → each region in turn → every region.
        case cycleRegion
        case toggleMine, toggleOverdue
        /// Back to the default: the work still to do, unsearched.
        case clear
        case kind(CaseKind?)
        case region(Region?)
        /// One status, closed or not.
        case status(ItemStatus)
        /// Every active status (`closed: false`), or every status.
        case anyStatus(closed: Bool)
        case search(String)
    }

    public mutating func apply(_ change: Change) {
        switch change {
        case .cycleKind:
            let all: [CaseKind?] = [nil] + CaseKind.allCases
            kind = all[((all.firstIndex(of: kind) ?? 0) + 1) % all.count]
        case .cycleStatus:
            let steps: [(ItemStatus?, Bool)] = [(nil, false), (.open, false), (.responded, false), (.assessed, false), (.closed, false), (nil, true)]
            let i = steps.firstIndex { $0.0 == status && $0.1 == showClosed } ?? 0
            (status, showClosed) = steps[(i + 1) % steps.count]
        case .cycleRegion:
            let all: [Region?] = [nil] + Region.allCases
            region = all[((all.firstIndex(of: region) ?? 0) + 1) % all.count]
        case .toggleMine: mine.toggle()
        case .toggleOverdue: overdue.toggle()
        case .clear: self = QueueFilter()
        case .kind(let k): kind = k
        case .region(let r): region = r
        case .status(let s): status = s
        case .anyStatus(let closed): (status, showClosed) = (nil, closed)
        case .search(let text): search = text
        }
    }
}

/// A window of the queue as loaded from the store.
public struct QueuePage: Equatable, Sendable {
    public var items: [WorkItem]
    public var offset: Int
    /// How many tickets the filters let through; with `totalIsLowerBound`, at least that many (a
    /// search that matches many is counted only a little past the page, as far as it is needed).
    public var total: Int
    public var totalIsLowerBound: Bool
    /// The filter the page was loaded for; a page for an older filter is dropped.
    public var filter: QueueFilter

    /// Which of `items` came from an unknown sender's mail and still have their region and
    /// requester to confirm: the region column says so instead of the region guessed.
    public var toConfirm: Set<Int64>

    public init(items: [WorkItem], offset: Int, total: Int, totalIsLowerBound: Bool = false, filter: QueueFilter,
                toConfirm: Set<Int64> = []) {
        self.items = items
        self.toConfirm = toConfirm
        self.offset = offset
        // A page never lies beyond a lower bound it came with.
        self.total = totalIsLowerBound ? max(total, offset + items.count) : total
        self.totalIsLowerBound = totalIsLowerBound
        self.filter = filter
    }

    /// How many for a title: `1000` or `1000+`.
    public var totalText: String { "\(total)\(totalIsLowerBound ? "+" : "")" }

    /// How far a count must go for a page at `offset` of `limit` rows: past the page, so that the
    /// selection can move on from its end, and never less than 1000.
    public static func countCap(offset: Int, limit: Int) -> Int { max(1_000, offset + 2 * limit) }
}
