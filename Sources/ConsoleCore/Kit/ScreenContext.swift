import Foundation
import HelpDeskCore

/// What every screen may read besides its own state: the console's clock and the operator's language.
struct ScreenContext: Equatable, Sendable {
    var now: Date
    var language: Language

    var strings: Strings { Strings(language) }
}
