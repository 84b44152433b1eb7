import HelpDeskCore

/// The fault board's filters: a region, a level, a search. By default every open fault.
public struct BoardFilter: Equatable, Sendable {
    public var region: Region?
    public var level: FaultLevel?
    public var search = ""

    public init(region: Region? = nil, level: FaultLevel? = nil, search: String = "") {
        self.region = region
        self.level = level
        self.search = search
    }

    /// The store filter for the board: the open faults the filters let through.
    public var itemFilter: ItemFilter {
        ItemFilter(kinds: [.fault], activeOnly: true, region: region, level: level, text: search.isEmpty ? nil : search, limit: 500)
    }

    /// Applies a change of the queue's kind where it means the same here (region, search, clear);
    /// `false` for one the board does not have (kind, status, mine, overdue).
    public mutating func apply(_ change: QueueFilter.Change) -> Bool {
        switch change {
        case .cycleRegion:
            let all: [Region?] = [nil] + Region.allCases
            region = all[((all.firstIndex(of: region) ?? 0) + 1) % all.count]
        case .region(let r): region = r
        case .search(let text): search = text
        case .clear: self = BoardFilter()
        case .cycleKind, .cycleStatus, .toggleMine, .toggleOverdue, .kind, .status, .anyStatus:
            return false
        }
        return true
    }

    /// Every level → 1 → 2 → 3 → every level.
    public mutating func cycleLevel() {
        let all: [FaultLevel?] = [nil] + FaultLevel.allCases
        level = all[((all.firstIndex(of: level) ?? 0) + 1) % all.count]
    }

    /// What the filters hold, for the board's header: `筛选：西宁市 · 2级 · /断网`; empty by default.
    func summary(_ lang: Language) -> String {
        var parts: [String] = []
        if let region { parts.append(region.label(lang)) }
        if let level { parts.append(Catalog.ConsoleNavigation.level(level.rawValue)(lang)) }
        if !search.isEmpty { parts.append("/\(search)") }
        return parts.isEmpty ? "" : Catalog.Screens.Queue.filters(parts)(lang)
    }
}
