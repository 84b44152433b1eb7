import Foundation
import HelpDeskCore

/// The search (`/`): one search for the queue and the board, typed on the status line.
///
/// Shows the prompt and the text on the status line, opened with the current search. Takes the
/// editing keys, Enter to search (title, requester, phone and description) and Esc to drop it.
public enum SearchScreen {
    public enum Effect: Equatable, Sendable {
        /// Back to the main screen.
        case close
        /// Search for this text (empty: no search).
        case search(String)
    }

    public static func reduce(_ field: inout TextField, _ key: Key) -> [Effect] {
        Prompt.reduce(&field, key, close: .close) { [.search($0.trimmingCharacters(in: .whitespaces))] }
    }

    static func drawStatus(_ buf: inout ScreenBuffer, _ field: TextField, y: Int, _ lang: Language, _ theme: Theme) {
        Prompt.draw(&buf, field, prompt: lang == .zh ? "搜索：" : "search: ", y: y, theme)
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [("", lang == .zh ? "查找标题、提出人、电话、描述" : "finds title, requester, phone, description")],
              pinned: Prompt.pinned(lang))
    }
}
