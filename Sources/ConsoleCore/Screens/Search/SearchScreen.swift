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
        Prompt.draw(&buf, field, prompt: Catalog.Screens.Search.prompt(lang), y: y, theme)
    }

    /// What the search finds in the list it filters: trainings by topic, place and trainer; the
    /// work items of the other lists by title, requester, phone and description.
    static func hints(_ lang: Language, trainings: Bool = false) -> Hints {
        let finds = (trainings ? Catalog.Screens.Search.findsTrainings : Catalog.Screens.Search.findsItems)(lang)
        return Hints(hints: [("", finds)], pinned: Prompt.pinned(lang))
    }
}
