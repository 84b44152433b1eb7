import Foundation

/// A list whose filters, search and order a person's views remember.
public enum ViewPane: String, CaseIterable, Codable, Sendable {
    case queue, board, tasks, changes, trainings
}

/// What a view holds of a list: its filters and its search, as stored (a small JSON object with
/// its version). Each part is the stored code of what it names (`xining`, `general`), read back
/// only when the program still knows it: a part that names something gone is left out and named
/// (`ViewSettings.Vanished`), never read as a default.
public struct ViewSettings: Equatable, Codable, Sendable {
    /// The form the settings are stored in; a newer one is read as far as its parts are known.
    public static let currentVersion = 1

    public var version = ViewSettings.currentVersion
    /// The queue's kind (a CASE kind's code).
    public var kind: String?
    /// The queue's one status, or the tasks' and changes' `active`, `closed`, `all`.
    public var status: String?
    /// The queue: every status, closed ones included.
    public var showClosed: Bool?
    public var region: String?
    /// The board's level (`1`, `2`, `3`).
    public var level: String?
    /// The trainings' audience.
    public var audience: String?
    public var mine: Bool?
    public var overdue: Bool?
    public var search: String?

    public init() {}

    /// Nothing set: the list as it opens by default.
    public var isEmpty: Bool { self == ViewSettings() }

    /// The settings as stored: compact JSON, keys sorted, so one view reads the same every time.
    public var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(self)).flatMap { String(data: $0, encoding: .utf8) } ?? "{}"
    }

    /// Reads stored settings; `nil` for text that is not such an object.
    public init?(json: String) {
        guard let data = json.data(using: .utf8),
              let read = try? JSONDecoder().decode(ViewSettings.self, from: data) else { return nil }
        self = read
    }

    /// A part of a view that names what the program no longer knows, with the code it named.
    public enum Vanished: Equatable, Sendable {
        case kind(String), status(String), region(String), level(String), audience(String)
        /// The settings are not a view the program can read at all.
        case unreadable
    }
}

/// A view a person saved under a name, for one list.
public struct SavedView: Equatable, Sendable {
    public var name: String
    public var pane: ViewPane
    /// The settings as stored (`ViewSettings.json`).
    public var json: String
    public var updatedAt: Date

    public init(name: String, pane: ViewPane, json: String, updatedAt: Date) {
        (self.name, self.pane, self.json, self.updatedAt) = (name, pane, json, updatedAt)
    }

    public init(name: String, pane: ViewPane, settings: ViewSettings, updatedAt: Date) {
        self.init(name: name, pane: pane, json: settings.json, updatedAt: updatedAt)
    }

    /// The settings, `nil` when what is stored cannot be read.
    public var settings: ViewSettings? { ViewSettings(json: json) }

    /// The longest name a view may have, in characters.
    public static let nameLimit = 40

    /// Checks a view's name: one word or a few, printable, at most `nameLimit` characters;
    /// the name trimmed, or why it is refused.
    public static func checkName(_ name: String) -> Result<String, NameProblem> {
        let trimmed = name.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty { return .failure(.empty) }
        if trimmed.count > nameLimit { return .failure(.tooLong(trimmed.count)) }
        if trimmed.unicodeScalars.contains(where: { CharacterSet.controlCharacters.contains($0) || $0.properties.isBidiControl }) {
            return .failure(.control)
        }
        return .success(trimmed)
    }

    public enum NameProblem: Error, Equatable, Sendable {
        case empty, control
        case tooLong(Int)

        public var said: LocalizedText {
            switch self {
            case .empty: Catalog.Views.nameEmpty
            case .control: Catalog.Views.nameControl
            case .tooLong(let n): Catalog.Views.nameTooLong(n, limit: SavedView.nameLimit)
            }
        }
    }
}
