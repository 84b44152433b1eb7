/// What the desk accepts as text in a record: how long, and which characters.
///
/// Text is stored as it was given — control characters and escape sequences included, since a
/// pasted log may hold them — and made safe only when shown (`TerminalText.sanitize`). Two things
/// are refused: a NUL character, which C strings and SQLite's text functions cut at, and text
/// longer than its field holds.
///
/// - A **line** (a title, a name, an office, who agreed, a label) holds at most
///   `lineLimit` characters.
/// - A **long** text (a description, a cause, a solution, a note, a reason) holds at most
///   `longLimit` bytes of UTF-8: a pasted log of about a thousand lines.
///
/// ```swift
/// TextRules.problem(in: "a\u{0}b", field: .title)        // "the title holds a NUL character …"
/// TextRules.problem(in: "Printer jam", field: .title)    // nil
/// ```
public enum TextRules {
    /// The most characters (grapheme clusters) a one-line field holds.
    public static let lineLimit = 200
    /// The most bytes (UTF-8) a long text holds: 64 KiB.
    public static let longLimit = 65_536

    /// Which kind of text a field holds.
    public enum Size: Sendable, Equatable {
        case line, long
    }

    /// A field of a record that holds text, named as the person who typed it knows it.
    public struct Field: Sendable, Equatable {
        public let name: LocalizedText
        public let size: Size
        public var en: String { name.en }
        public var zh: String { name.zh }

        public init(_ name: LocalizedText, size: Size) {
            self.name = name
            self.size = size
        }

        public static let title = Field(Catalog.Domain.TextField.title, size: .line)
        public static let description = Field(Catalog.Domain.TextField.description, size: .long)
        public static let requesterName = Field(Catalog.Domain.TextField.requesterName, size: .line)
        public static let requesterOffice = Field(Catalog.Domain.TextField.requesterOffice, size: .line)
        public static let requesterPhone = Field(Catalog.Domain.TextField.requesterPhone, size: .line)
        public static let agreedWith = Field(Catalog.Domain.TextField.agreedWith, size: .line)
        public static let size = Field(Catalog.Domain.TextField.size, size: .line)
        public static let cause = Field(Catalog.Domain.TextField.cause, size: .long)
        public static let solution = Field(Catalog.Domain.TextField.solution, size: .long)
        public static let note = Field(Catalog.Domain.TextField.note, size: .long)
        public static let reason = Field(Catalog.Domain.TextField.reason, size: .long)
        public static let staffName = Field(Catalog.Domain.TextField.staffName, size: .line)
        public static let userName = Field(Catalog.Domain.TextField.userName, size: .line)
        public static let label = Field(Catalog.Domain.TextField.label, size: .line)
        public static let topic = Field(Catalog.Domain.TextField.topic, size: .line)
        public static let place = Field(Catalog.Domain.TextField.place, size: .line)
        public static let trainer = Field(Catalog.Domain.TextField.trainer, size: .line)
        public static let attendeeName = Field(Catalog.Domain.TextField.attendeeName, size: .line)
        public static let office = Field(Catalog.Domain.TextField.office, size: .line)
        public static let location = Field(Catalog.Domain.TextField.location, size: .long)
        /// Text written in an editor the console started, for whichever field.
        public static let editedText = Field(Catalog.Domain.TextField.editedText, size: .long)
        public static let holidayName = Field(Catalog.Domain.TextField.holidayName, size: .line)
        public static let inspector = Field(Catalog.Domain.TextField.inspector, size: .line)
        public static let target = Field(Catalog.Domain.TextField.target, size: .line)
        public static let readingText = Field(Catalog.Domain.TextField.readingText, size: .long)
        public static let inventoryName = Field(Catalog.Domain.TextField.inventoryName, size: .line)
        public static let inventoryNote = Field(Catalog.Domain.TextField.inventoryNote, size: .long)
        /// A desk rule's value, as TOML text (`config set`).
        public static let deskRule = Field(Catalog.Domain.TextField.deskRule, size: .long)
        /// A value a history entry keeps from before or after a change: as long as the longest field.
        public static let changedValue = Field(Catalog.Domain.TextField.changedValue, size: .long)
    }

    /// What is wrong with `text` as the value of `field`, in both languages; `nil` when it is
    /// accepted. The message names the field and says what is accepted.
    public static func problem(in text: String, field: Field) -> LocalizedText? {
        if text.utf8.contains(0) {
            return Catalog.Domain.Parse.holdsNUL(field.name)
        }
        switch field.size {
        case .line:
            // Counted without walking a huge text: a line over the limit in bytes may still be short in characters.
            if text.utf8.count > lineLimit, text.count > lineLimit {
                return Catalog.Domain.Parse.lineTooLong(field.name, characters: text.count, limit: lineLimit)
            }
        case .long:
            if text.utf8.count > longLimit {
                return Catalog.Domain.Parse.textTooLong(field.name, bytes: text.utf8.count, limit: longLimit)
            }
        }
        return nil
    }

    /// Bytes read from a file or standard input as text, refused (with the field named) unless
    /// they are UTF-8. Never repaired: a byte that is not UTF-8 would otherwise become U+FFFD and
    /// the text would be stored changed.
    public static func decode(_ bytes: [UInt8], field: Field) -> Result<String, TextProblem> {
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        var offset = 0
        var decoder = UTF8()
        var iterator = bytes.makeIterator()
        loop: while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let s): offset += UTF8.width(s)
            case .emptyInput, .error: break loop
            }
        }
        return .failure(TextProblem(Catalog.Domain.Parse.fieldNotUTF8(field.name, offset: offset)))
    }
}

/// Text refused for a field, with the reason in both languages.
public struct TextProblem: Error, Equatable, Sendable {
    public let text: LocalizedText
    public init(_ text: LocalizedText) { self.text = text }
}
