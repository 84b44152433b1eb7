import HelpDeskCore

/// The items marked in a list (the CASE queue, the fault board), in the order they were marked,
/// kept by id: a reload brings each one's newest copy (its version for the next write), and an
/// item that left the list drops its mark.
public struct Marks: Equatable, Sendable {
    /// The marked items as last read.
    public private(set) var items: [WorkItem] = []

    public init() {}

    public var isEmpty: Bool { items.isEmpty }
    public var count: Int { items.count }
    public var ids: [Int64] { items.compactMap(\.id) }

    public func contains(_ id: Int64?) -> Bool {
        guard let id else { return false }
        return items.contains { $0.id == id }
    }

    /// Marks the item, or unmarks it when it is marked.
    public mutating func toggle(_ item: WorkItem) {
        guard let id = item.id else { return }
        if let i = items.firstIndex(where: { $0.id == id }) { items.remove(at: i) } else { items.append(item) }
    }

    public mutating func clear() { items.removeAll() }

    /// Unmarks these items (the ones a write was done on).
    public mutating func remove(_ ids: Set<Int64>) {
        items.removeAll { $0.id.map(ids.contains) ?? true }
    }

    /// A window of the list arrived: the marked items in it are its copies now. When `whole`
    /// (the window is the whole list), a marked item not in it has left the list and is unmarked.
    public mutating func refresh(from loaded: [WorkItem], whole: Bool) {
        var byID: [Int64: WorkItem] = [:]
        for item in loaded { if let id = item.id { byID[id] = item } }
        items = items.compactMap { marked in
            guard let id = marked.id else { return nil }
            if let fresh = byID[id] { return fresh }
            return whole ? nil : marked
        }
    }
}
