import Foundation
import HelpDeskCore

/// What every screen may read besides its own state: the console's clock and the operator's language.
public struct ScreenContext: Equatable, Sendable {
    public var now: Date
    public var language: Language

    public init(now: Date, language: Language) {
        self.now = now
        self.language = language
    }

    public var strings: Strings { Strings(language) }
}
