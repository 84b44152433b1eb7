import HelpDeskCore

/// The fault board: every open fault, the most pressing first, with where it stands on its
/// escalation path.
///
/// Shows one row a fault (id, level, region, title, tier and whether it is acknowledged, the next
/// step and when, the deadline on a wide board, and the live countdown) and how many are overdue in
/// its header. Takes the moves (`j`/`k`, the page keys, `g`/`G`) while it has the focus, and its
/// filters (`R` region, `L` level, `c` clear, `/` search; `BoardFilter`), shown in its header. Its
/// faults come with every reload, read through its filters.
public enum BoardScreen {
    public struct State: Equatable, Sendable {
        public var faults: [WorkItem] = []
        public var filter = BoardFilter()
        public var selection = 0
        /// Where each open fault stands on its escalation path.
        public var escalations: [Int64: EscalationStanding] = [:]
        /// The faults marked (Space), for a write on all of them.
        public var marks = Marks()

        public init() {}

        public var selected: WorkItem? {
            faults.indices.contains(selection) ? faults[selection] : nil
        }
    }

    public enum Action: Equatable, Sendable {
        /// The open faults, keeping the selected one selected, or `preferring` one if it is there.
        case loaded([WorkItem], preferring: Int64?)
        case escalationsLoaded([Int64: EscalationStanding])
        case move(by: Int)
        /// Select a fault by id, if it is on the board.
        case select(id: Int64)
    }

    public static func reduce(_ state: inout State, _ action: Action) {
        switch action {
        case let .loaded(items, preferring):
            let selectedID = preferring ?? state.selected?.id
            state.faults = items
            state.marks.refresh(from: items, whole: true)
            if let id = selectedID, let i = items.firstIndex(where: { $0.id == id }) { state.selection = i }
            state.selection = min(state.selection, max(0, items.count - 1))
        case .escalationsLoaded(let e):
            state.escalations = e
        case .move(let delta):
            state.selection = min(max(0, state.faults.count - 1), max(0, state.selection.addingReportingOverflow(delta).partialValue))
        case .select(let id):
            if let i = state.faults.firstIndex(where: { $0.id == id }) { state.selection = i }
        }
    }
}
