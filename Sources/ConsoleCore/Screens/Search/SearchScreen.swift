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

    /// What the search finds in the list it filters: trainings by topic, place and trainer; the
    /// work items of the other lists by title, requester, phone and description.
    static func hints(_ lang: Language, trainings: Bool = false) -> Hints {
        let finds = trainings
            ? (lang == .zh ? "查找主题、地点、讲师" : "finds topic, place, trainer")
            : (lang == .zh ? "查找标题、提出人、电话、描述" : "finds title, requester, phone, description")
        return Hints(hints: [("", finds)], pinned: Prompt.pinned(lang))
    }
}
