import HelpDeskCore

/// The question before quitting while a form holds input (Ctrl-C or Ctrl-Q).
///
/// Asks on the status line, with the form still in view. Takes `y` to quit; any other key returns
/// to the form as it was, text and all.
public enum ConfirmQuitScreen {
    public enum Effect: Equatable, Sendable {
        case quit
        /// Back to the form.
        case back
    }

    public static func reduce(_ key: Key) -> [Effect] {
        key == .char("y") || key == .char("Y") ? [.quit] : [.back]
    }

    static func drawStatus(_ buf: inout ScreenBuffer, y: Int, _ lang: Language, _ theme: Theme) {
        buf.put(Catalog.Screens.ConfirmQuit.question(lang), x: 0, y: y, style: theme[.error])
    }

    /// Quitting from anywhere, for the `?` screen.
    static func keyHelp(_ lang: Language) -> [Hint] {
        [("Ctrl-C/Ctrl-Q", Catalog.Screens.ConfirmQuit.keyHelp(lang))]
    }
}
