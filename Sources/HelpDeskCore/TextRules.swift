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
        public let en: String
        public let zh: String
        public let size: Size

        public init(en: String, zh: String, size: Size) {
            self.en = en
            self.zh = zh
            self.size = size
        }

        public static let title = Field(en: "the title", zh: "标题", size: .line)
        public static let description = Field(en: "the description", zh: "描述", size: .long)
        public static let requesterName = Field(en: "the requester's name", zh: "提出人姓名", size: .line)
        public static let requesterOffice = Field(en: "the requester's office", zh: "提出人单位", size: .line)
        public static let requesterPhone = Field(en: "the phone number", zh: "电话号码", size: .line)
        public static let agreedWith = Field(en: "who agreed", zh: "商定人", size: .line)
        public static let size = Field(en: "the size estimate", zh: "工作量估计", size: .line)
        public static let cause = Field(en: "the cause", zh: "问题原因分析", size: .long)
        public static let solution = Field(en: "the solution", zh: "解决方案说明", size: .long)
        public static let note = Field(en: "the note", zh: "备注", size: .long)
        public static let reason = Field(en: "the reason", zh: "原因", size: .long)
        public static let staffName = Field(en: "the staff member's name", zh: "人员姓名", size: .line)
        public static let userName = Field(en: "the user name", zh: "用户名", size: .line)
        public static let label = Field(en: "the label", zh: "标签", size: .line)
        public static let topic = Field(en: "the topic", zh: "主题", size: .line)
        public static let place = Field(en: "the place", zh: "地点", size: .line)
        public static let trainer = Field(en: "the trainer", zh: "培训人", size: .line)
        public static let attendeeName = Field(en: "the attendee's name", zh: "参训人姓名", size: .line)
        public static let office = Field(en: "the office", zh: "单位", size: .line)
        public static let location = Field(en: "the material's location", zh: "资料位置", size: .long)
        /// Text written in an editor the console started, for whichever field.
        public static let editedText = Field(en: "the edited text", zh: "编辑的文本", size: .long)
        public static let holidayName = Field(en: "the holiday's name", zh: "节假日名称", size: .line)
        public static let inspector = Field(en: "the inspector", zh: "巡检人", size: .line)
        public static let target = Field(en: "a reading's target", zh: "巡检对象", size: .line)
        public static let readingText = Field(en: "a reading's text (a visit's feedback)", zh: "巡检记录文字（走访反馈）", size: .long)
        public static let inventoryName = Field(en: "the inventory entry's name", zh: "清单条目名称", size: .line)
        public static let inventoryNote = Field(en: "the inventory entry's note", zh: "清单条目备注", size: .long)
        /// A desk rule's value, as TOML text (`config set`).
        public static let deskRule = Field(en: "the rule's value", zh: "规则的值", size: .long)
        /// A value a history entry keeps from before or after a change: as long as the longest field.
        public static let changedValue = Field(en: "the changed value", zh: "变更的值", size: .long)
    }

    /// What is wrong with `text` as the value of `field`, in both languages; `nil` when it is
    /// accepted. The message names the field and says what is accepted.
    public static func problem(in text: String, field: Field) -> LocalizedText? {
        if text.utf8.contains(0) {
            return LocalizedText(en: "\(field.en) holds a NUL character (U+0000), which is not accepted in text; remove it",
                                 zh: "\(field.zh)含有 NUL 字符（U+0000），文本中不接受该字符；请删除")
        }
        switch field.size {
        case .line:
            // Counted without walking a huge text: a line over the limit in bytes may still be short in characters.
            if text.utf8.count > lineLimit, text.count > lineLimit {
                return LocalizedText(en: "\(field.en) is \(text.count) characters long; at most \(lineLimit) are accepted",
                                     zh: "\(field.zh)长 \(text.count) 个字符；最多接受 \(lineLimit) 个")
            }
        case .long:
            if text.utf8.count > longLimit {
                return LocalizedText(en: "\(field.en) is \(text.utf8.count) bytes long; at most \(longLimit) bytes (64 KiB) are accepted",
                                     zh: "\(field.zh)长 \(text.utf8.count) 字节；最多接受 \(longLimit) 字节（64 KiB）")
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
        return .failure(TextProblem(LocalizedText(
            en: "\(field.en) is not valid UTF-8 (the first bad byte is at offset \(offset)); save the text as UTF-8",
            zh: "\(field.zh)不是有效的 UTF-8 编码（第一个错误字节位于偏移 \(offset)）；请以 UTF-8 保存文本")))
    }
}

/// Text refused for a field, with the reason in both languages.
public struct TextProblem: Error, Equatable, Sendable {
    public let text: LocalizedText
    public init(_ text: LocalizedText) { self.text = text }
}
