/// The moves a list on its own screen takes (a figure's items, an inspection's readings): `j`/`k`
/// and the arrows by one, `Ctrl-F`/`Ctrl-B` and the page keys by ten, `g`/`G` and Home/End to the
/// ends.
enum ListMoves {
    /// Moves `selection` within `0...last` as `key` says; `false` when `key` is not a move.
    static func apply(_ key: Key, to selection: inout Int, last: Int) -> Bool {
        switch key {
        case .char("j"), .down: selection = min(last, selection + 1)
        case .char("k"), .up: selection = max(0, selection - 1)
        case .ctrl("f"), .pageDown: selection = min(last, selection + 10)
        case .ctrl("b"), .pageUp: selection = max(0, selection - 10)
        case .char("g"), .home: selection = 0
        case .char("G"), .end: selection = last
        default: return false
        }
        return true
    }
}
