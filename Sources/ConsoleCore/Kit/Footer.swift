import HelpDeskCore

/// What the footer offers on a screen: a key and what it does, in the operator's language.
typealias Hint = (key: String, text: String)

/// The footer's hints for a screen: the ones on the left go when the row is full; the pinned ones
/// stand at the right end and always show (how to get help, how to leave).
struct Hints {
    var hints: [Hint]
    var pinned: [Hint]

    /// A binding's first key and its help text.
    static func hint(_ binding: Binding, _ lang: Language) -> Hint {
        (binding.keys[0].label, binding.help(lang))
    }
}

extension ScreenBuffer {
    /// The bottom row: whole hints from the left while they fit, the pinned ones at the right end.
    mutating func footer(_ hints: Hints, y: Int, _ theme: Theme) {
        fill(y: y, width: width, style: theme[.footer])
        func span(_ hint: Hint) -> Int { TerminalText.width(hint.0) + TerminalText.width(" " + hint.1 + "  ") }
        let pinnedWidth = hints.pinned.reduce(0) { $0 + span($1) }
        let limit = max(1, width - pinnedWidth)
        var x = 1
        func draw(_ hint: Hint, until end: Int) {
            x += put(hint.0, x: x, y: y, style: theme[.footerKey], maxWidth: end - x)
            x += put(" " + hint.1 + "  ", x: x, y: y, style: theme[.footer], maxWidth: end - x)
        }
        // Whole hints only: one cut in half says nothing.
        for hint in hints.hints where x + span(hint) <= limit { draw(hint, until: limit) }
        x = max(x, limit)
        for hint in hints.pinned { draw(hint, until: width) }
    }
}

extension Keymap {
    /// A desk pane's footer: the most used bindings that act on it, then the keys of the screens
    /// beside the desk (the tasks, the changes) where the row has room for them, with help and quit
    /// pinned at the right end.
    static func footerHints(on pane: Pane, _ lang: Language) -> Hints {
        let bindings = main.filter { $0.inFooter(on: pane) }
        let isPinned: (Binding) -> Bool = { $0.command == .help || $0.command == .quit }
        let screens = [Command.tasks, .changes, .trainings, .inspections].compactMap(binding)
        return Hints(hints: (bindings.filter { !isPinned($0) } + screens).map { Hints.hint($0, lang) },
                     pinned: bindings.filter(isPinned).map { Hints.hint($0, lang) })
    }
}
