import HelpDeskCore

/// A one-line prompt on the status line (the `:` command line, the `/` search): the editing keys
/// change its text, Enter gives it, Esc drops it.
enum Prompt {
    /// Applies a key: Esc closes the prompt, Enter closes it with what `enter` makes of the text,
    /// any other key edits the text.
    static func reduce<Effect>(_ field: inout TextField, _ key: Key, close: Effect, enter: (String) -> [Effect]) -> [Effect] {
        switch key {
        case .escape:
            return [close]
        case .enter:
            return [close] + enter(field.text)
        default:
            _ = field.handle(key)
            return []
        }
    }

    /// The prompt, the visible part of the text and the cursor, on row `y`.
    static func draw(_ buf: inout ScreenBuffer, _ field: TextField, prompt: String, y: Int, _ theme: Theme) {
        let px = buf.put(prompt, x: 0, y: y, style: theme[.label])
        let (text, cursor) = field.visible(columns: buf.width - px - 1)
        buf.put(text, x: px, y: y, style: theme[.base])
        buf.cursor = (px + cursor, y)
    }

    /// Enter and Esc, pinned in the footer while a prompt is open.
    static func pinned(_ lang: Language) -> [Hint] {
        [("Enter", Catalog.Console.Prompt.apply(lang)), ("Esc", Catalog.Console.Prompt.cancel(lang))]

    }
}
