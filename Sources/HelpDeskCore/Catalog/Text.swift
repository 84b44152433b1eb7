/// A text a person reads, in both of the interface's languages, said in the reader's:
/// `text(.zh)`, `text(.en)`, or `text(lang)` called directly.
///
/// Every text of the catalog (`Catalog`, `Strings`, the names of things in Names.swift) is one of
/// these, built with both languages: the initialiser has no default for either, so a text without
/// its Chinese or its English does not compile. Errors and refusals carry one so that the command
/// line and the console say them in the operator's language; what is stored in the database is a
/// code with its parameters instead.
public struct LocalizedText: Hashable, Sendable, CustomStringConvertible {
    public let en: String
    public let zh: String

    public init(en: String, zh: String) {
        self.en = en
        self.zh = zh
    }

    public init(zh: String, en: String) {
        self.en = en
        self.zh = zh
    }

    /// A text that reads the same in both languages: a path, a number, an error the system worded.
    public static func verbatim(_ text: String) -> LocalizedText { LocalizedText(zh: text, en: text) }

    public func text(_ lang: Language) -> String { lang == .zh ? zh : en }

    public func callAsFunction(_ lang: Language) -> String { text(lang) }

    public var description: String { en }

    /// Whether either language is empty or only spaces: a catalog test refuses such an entry.
    public var hasBlank: Bool {
        en.allSatisfy(\.isWhitespace) || zh.allSatisfy(\.isWhitespace)
    }
}

/// The one catalog of what the program says, by area. Each text is a typed key: a static member
/// (`Catalog.Commands.cannotOpenTerminal`) or, when it takes values, a static function
/// (`Catalog.Store.notFound(7)`), each with its Chinese and its English side by side. The names of
/// things (kinds, statuses, channels, regions, history events, levels, roles) are in Names.swift,
/// the column and field labels in Labels.swift (`Strings`).
///
/// To add a text: add a member to the area's enum with `LocalizedText(zh: …, en: …)` and use it
/// where the text is shown; never a Chinese or English sentence literal in a view or a command
/// (a test scans for them).
public enum Catalog {}
