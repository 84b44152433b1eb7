import HelpDeskCore

/// The CASE queue: every ticket the filters let through, a window of it loaded at a time.
///
/// Shows one row a ticket (id, kind, status, channel and requester when wide, region, title, who has
/// it, deadline, time left coloured by urgency) under a header that sums up the filters. Takes the
/// moves (`j`/`k`, the page keys, `g`/`G`) and the filter keys (`K` `S` `R` `m` `o` `c`, the `/`
/// search and the `:` filters) while it has the focus. Rows not loaded
/// yet show `…`; moving past the loaded window asks for the page around the selection.
public enum QueueScreen {
    /// How many queue rows are fetched around the selection at once.
    public static let window = 200

    public struct State: Equatable, Sendable {
        public var filter = QueueFilter()
        public var page = QueuePage(items: [], offset: 0, total: 0, filter: QueueFilter())
        /// Absolute index of the selected ticket in the filtered queue.
        public var selection = 0
        /// A page has arrived: an empty queue then says so instead of waiting.
        public var loaded = false
        /// The tickets marked (Space), for a write on all of them.
        public var marks = Marks()

        public init() {}

        /// The ticket under the cursor, if loaded.
        public var selected: WorkItem? {
            let i = selection - page.offset
            return page.items.indices.contains(i) ? page.items[i] : nil
        }

        /// The page around row `index`.
        public func loadAround(_ index: Int) -> Effect {
            .load(filter, offset: max(0, index - QueueScreen.window / 4), limit: QueueScreen.window)
        }

        /// The page shown now, loaded again.
        public var reload: Effect { .load(filter, offset: page.offset, limit: QueueScreen.window) }
    }

    public enum Action: Equatable, Sendable {
        case pageLoaded(QueuePage)
        /// Move the selection by `by` rows (clamped to the queue).
        case move(by: Int)
        /// Select row `index` (where a new ticket turned out to stand).
        case select(Int)
        /// Change the filters: the selection goes back to the top.
        case filter(QueueFilter.Change)
    }

    /// What the queue asks for.
    public enum Effect: Equatable, Sendable {
        case load(QueueFilter, offset: Int, limit: Int)
    }

    public static func reduce(_ state: inout State, _ action: Action) -> [Effect] {
        switch action {
        case .pageLoaded(let page):
            guard page.filter == state.filter else { return [] }
            state.page = page
            state.loaded = true
            // Only a window holding the whole queue tells that a marked ticket left it.
            state.marks.refresh(from: page.items, whole: page.offset == 0 && page.items.count >= page.total)
            if state.selection >= page.total { state.selection = max(0, page.total - 1) }
            return []
        case .move(let delta):
            let last = max(0, state.page.total - 1)
            let target = min(last, max(0, state.selection.addingReportingOverflow(delta).partialValue))
            state.selection = target
            let loaded = state.page.offset..<(state.page.offset + state.page.items.count)
            if !loaded.contains(target) && state.page.total > 0 { return [state.loadAround(target)] }
            return []
        case .select(let index):
            state.selection = index
            return [state.loadAround(index)]
        case .filter(let change):
            state.filter.apply(change)
            state.selection = 0
            return [.load(state.filter, offset: 0, limit: window)]
        }
    }
}
