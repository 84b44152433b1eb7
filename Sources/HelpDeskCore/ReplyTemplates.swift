import Foundation

/// What a canned answer is for: a reply to the requester, or an internal note.
public enum TemplateUse: String, Sendable, CaseIterable {
    case reply, note
}

/// One of the desk's canned answers: a title, a body in Chinese, in English or in both, and what
/// it is for. Supervisors write, edit and retire them; a retired one is kept but no longer offered.
public struct ReplyTemplate: Sendable, Equatable {
    public var id: Int64?
    public var title: String
    public var bodyZh: String?
    public var bodyEn: String?
    public var use: TemplateUse
    public var retired: Bool
    /// Changed on every edit: an edit made from an older copy is refused.
    public var version: Int
    public var createdBy: String
    public var createdAt: Date
    public var editedBy: String?
    public var editedAt: Date?

    public init(id: Int64? = nil, title: String, bodyZh: String?, bodyEn: String?, use: TemplateUse,
                retired: Bool = false, version: Int = 1, createdBy: String = "", createdAt: Date = Date(timeIntervalSince1970: 0),
                editedBy: String? = nil, editedAt: Date? = nil) {
        self.id = id
        self.title = title
        self.bodyZh = bodyZh
        self.bodyEn = bodyEn
        self.use = use
        self.retired = retired
        self.version = version
        self.createdBy = createdBy
        self.createdAt = createdAt
        self.editedBy = editedBy
        self.editedAt = editedAt
    }

    /// The languages it has a body in, Chinese first.
    public var languages: [Language] {
        [bodyZh.map { _ in Language.zh }, bodyEn.map { _ in Language.en }].compactMap { $0 }
    }

    public func body(in lang: Language) -> String? {
        switch lang {
        case .zh: bodyZh
        case .en: bodyEn
        }
    }

    /// The body in `preferred` when it has one, else in the other language, with the language used.
    public func body(preferring preferred: Language) -> (text: String, language: Language)? {
        for language in [preferred] + Language.allCases.filter({ $0 != preferred }) {
            if let b = body(in: language) { return (b, language) }
        }
        return nil
    }
}

/// A placeholder of a template's body, with its English and Chinese names.
public enum TemplatePlaceholder: String, Sendable, CaseIterable {
    case requester, ticket, deadline, today

    /// The names written between the braces, English and Chinese: `{{requester}}`, `{{请求人}}`.
    public var names: LocalizedText { Catalog.Templates.placeholder(self) }

    /// The placeholder named `name` (either language, spaces around it ignored), or nil.
    public static func named(_ name: String) -> TemplatePlaceholder? {
        let n = name.trimmingCharacters(in: .whitespaces)
        return allCases.first { $0.names.en == n.lowercased() || $0.names.zh == n }
    }
}

/// What a template is filled with for one ticket. A value the ticket does not have (no
/// requester's name, no deadline) is nil: its placeholder stays as written.
public struct TemplateValues: Sendable, Equatable {
    public var requester: String?
    public var ticket: Int64
    public var deadline: Date?
    public var today: CivilDate
    public var language: Language

    public init(requester: String?, ticket: Int64, deadline: Date?, today: CivilDate, language: Language) {
        self.requester = requester
        self.ticket = ticket
        self.deadline = deadline
        self.today = today
        self.language = language
    }

    /// The placeholder's text, or nil when it cannot be filled.
    public func value(_ p: TemplatePlaceholder) -> String? {
        switch p {
        case .requester:
            guard let name = requester?.trimmingCharacters(in: .whitespaces), !name.isEmpty else { return nil }
            return name
        case .ticket: return "#\(ticket)"
        case .deadline: return deadline.map { Catalog.Templates.deadline($0)(language) }
        case .today: return today.named(language)
        }
    }
}

/// Filling a template's body: `{{name}}` (the name in English or Chinese) is replaced by its value.
/// A placeholder without a value, or with a name that is no placeholder, stays in the text as
/// written and is listed; braces that hold no name (`{{}}`, `{{a{b}}`, a lone `{{`) are text.
public enum TemplateFill {
    /// One `{{…}}` found in a text: its range and the name between the braces.
    struct Mark {
        let range: Range<String.Index>
        let name: String
    }

    /// The `{{name}}` marks of `text`, in order: a name is one to forty characters, not blank,
    /// holding no brace and no line break.
    static func marks(_ text: String) -> [Mark] {
        var found: [Mark] = []
        var i = text.startIndex
        while let open = text.range(of: "{{", range: i..<text.endIndex) {
            guard let close = text.range(of: "}}", range: open.upperBound..<text.endIndex) else { break }
            let name = String(text[open.upperBound..<close.lowerBound])
            if name.isEmpty || name.count > 40 || name.allSatisfy(\.isWhitespace)
                || name.contains(where: { $0 == "{" || $0 == "}" || $0.isNewline }) {
                i = text.index(after: open.lowerBound)
                continue
            }
            found.append(Mark(range: open.lowerBound..<close.upperBound, name: name))
            i = close.upperBound
        }
        return found
    }

    /// The body with every placeholder that has a value filled, and the placeholders left as
    /// written (`{{请求人}}`), each once, in the order they first appear.
    public static func fill(_ body: String, _ values: TemplateValues) -> (text: String, unfilled: [String]) {
        var text = ""
        var unfilled: [String] = []
        var last = body.startIndex
        for mark in marks(body) {
            text += body[last..<mark.range.lowerBound]
            let written = String(body[mark.range])
            if let p = TemplatePlaceholder.named(mark.name), let value = values.value(p) {
                text += value
            } else {
                text += written
                if !unfilled.contains(written) { unfilled.append(written) }
            }
            last = mark.range.upperBound
        }
        text += body[last...]
        return (text, unfilled)
    }

    /// The placeholders still in a text about to be sent (`{{name}}` as written), each once: a
    /// reply or note holding one is refused.
    public static func unfilled(in text: String) -> [String] {
        var seen: [String] = []
        for mark in marks(text) {
            let written = String(text[mark.range])
            if !seen.contains(written) { seen.append(written) }
        }
        return seen
    }

    /// The marks of `text` that name no placeholder (`{{姓名}}`, `{{name}}`): no ticket fills them.
    public static func unknown(in text: String) -> [String] {
        unfilled(in: text).filter { written in
            TemplatePlaceholder.named(String(written.dropFirst(2).dropLast(2))) == nil
        }
    }

    /// The ranges of the placeholders left in `text`, for a view that marks them.
    public static func unfilledRanges(in text: String) -> [Range<String.Index>] {
        marks(text).map(\.range)
    }
}
