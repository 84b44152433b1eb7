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
        buf.put(lang == .zh ? " 表单中有未保存的输入，确定退出？(y/n) " : " A form holds unsaved input. Quit anyway? (y/n) ", x: 0, y: y, style: theme[.error])
    }

    /// Quitting from anywhere, for the `?` screen.
    static func keyHelp(_ lang: Language) -> [Hint] {
        [("Ctrl-C/Ctrl-Q", lang == .zh ? "随时退出（有未保存内容时先确认）" : "quit from anywhere (asks if a form holds input)")]
    }
}
