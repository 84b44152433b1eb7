import HelpDeskCore

/// A long list of work items read a window at a time: the rows loaded, where they start, how many
/// the list holds, and which row is selected.
///
/// Only the rows around the selection are read from the store. Moving past them asks for the
/// window around the new selection; a window read for other filters than the current ones is
/// dropped, and a change of filters starts again from the top.
public struct ItemWindow<Filter: Equatable & Sendable>: Equatable, Sendable {
    public var filter: Filter
    public var items: [WorkItem] = []
    /// Where `items` start in the list.
    public var offset = 0
    /// How many items the list holds.
    public var total = 0
    /// Absolute index of the selected row.
    public var selection = 0
    /// A window has arrived: an empty list then says so instead of waiting.
    public var loaded = false

    public init(filter: Filter) {
        self.filter = filter
    }

    /// The item under the cursor, if loaded.
    public var selected: WorkItem? {
        let i = selection - offset
        return items.indices.contains(i) ? items[i] : nil
    }

    /// Where the window around row `index` starts.
    public static func offset(around index: Int) -> Int { max(0, index - Paging.window / 4) }

    /// Takes in a window read for `filter`; `false` (and nothing changes) when it was read for
    /// other filters than the current ones.
    public mutating func take(_ items: [WorkItem], offset: Int, total: Int, for filter: Filter) -> Bool {
        guard filter == self.filter else { return false }
        self.items = items
        self.offset = offset
        self.total = total
        loaded = true
        if selection >= total { selection = max(0, total - 1) }
        return true
    }

    /// Moves the selection by `delta` rows, clamped to the list; returns where the window to read
    /// starts when the new row is not loaded.
    public mutating func move(by delta: Int) -> Int? {
        selection = min(max(0, total - 1), max(0, selection.addingReportingOverflow(delta).partialValue))
        let window = offset..<(offset + items.count)
        return window.contains(selection) || total == 0 ? nil : Self.offset(around: selection)
    }

    /// Changes the filters; the selection goes back to the top.
    public mutating func refilter(_ change: (inout Filter) -> Void) {
        change(&filter)
        selection = 0
    }
}

/// How much of a long list is read at once.
public enum Paging {
    /// Rows read around the selection.
    public static let window = 200
}
