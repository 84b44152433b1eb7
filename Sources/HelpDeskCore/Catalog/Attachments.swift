import Foundation

/// What attachments say: their names in history, the store's refusals, the `attach` commands and
/// their help, the details' list and the console's viewer.
extension Catalog {
    public enum Attachments {
        // MARK: Names

        public static let attachment = LocalizedText(zh: "附件", en: "attachment")
        public static let attachedEvent = LocalizedText(zh: "添加附件", en: "file attached")
        public static let erasedEvent = LocalizedText(zh: "抹去附件内容", en: "attachment erased")
        /// Said after "only a supervisor may …".
        public static let eraseAct = LocalizedText(zh: "抹去附件内容", en: "erase an attachment's content")

        public static func typeName(_ type: AttachmentType) -> LocalizedText {
            switch type {
            case .pdf: return LocalizedText(zh: "PDF", en: "PDF")
            case .png: return LocalizedText(zh: "PNG 图片", en: "PNG image")
            case .jpeg: return LocalizedText(zh: "JPEG 图片", en: "JPEG image")
            case .gif: return LocalizedText(zh: "GIF 图片", en: "GIF image")
            case .zip: return LocalizedText(zh: "ZIP/Office", en: "ZIP/Office")
            case .text: return LocalizedText(zh: "文本", en: "text")
            case .binary: return LocalizedText(zh: "二进制", en: "binary")
            }
        }

        /// An item as the owner of an attachment.
        public static func itemOwner(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id)", en: "#\(id)")
        }

        /// An inspection as the owner of an attachment.
        public static func inspectionOwner(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "巡检 #\(id)", en: "inspection #\(id)")
        }

        // MARK: The store's refusals

        public static func noAttachment(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有编号为 \(id) 的附件", en: "no attachment \(id)")
        }

        public static func tooLarge(_ size: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "文件大小 \(size) 字节（\(AttachmentRules.sizeText(size))），超过附件上限 \(AttachmentRules.sizeText(limit))；未保存。上限由主管用 helpdesk config set attachment.max_mb 设定",
                          en: "the file is \(size) bytes (\(AttachmentRules.sizeText(size))), over the attachment limit of \(AttachmentRules.sizeText(limit)); nothing was stored. A supervisor sets the limit with helpdesk config set attachment.max_mb")
        }

        public static func alreadyErased(_ id: Int64, at: Date, by: String) -> LocalizedText {
            LocalizedText(zh: "附件 \(id) 的内容已于 \(BeijingTime.iso(at)) 由 \(by) 抹去",
                          en: "the content of attachment \(id) was erased at \(BeijingTime.iso(at)) by \(by)")
        }

        public static let reasonRequired = LocalizedText(zh: "抹去附件须写明原因（--reason）", en: "erasing an attachment needs a reason (--reason)")

        /// The audit line of an inspection's attachment erased (inspections keep no history).
        public static func erasedAudit(_ id: Int64, inspection: Int64, what: String, reason: String) -> String {
            "attachment \(id) of inspection #\(inspection) erased: \(what); reason: \(reason)"
        }

        /// The audit line of a file attached to an inspection.
        public static func attachedAudit(_ id: Int64, inspection: Int64, what: String) -> String {
            "attachment \(id) added to inspection #\(inspection): \(what)"
        }

        // MARK: The command line

        public static func notATarget(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”不是工单号或巡检号；可用：工单号如 42 或 #42，巡检号如 i7",
                          en: "\"\(text)\" is not an item or an inspection; accepted: an item number such as 42 or #42, an inspection such as i7")
        }

        public static func notAnAttachmentNumber(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”不是附件编号；可用：attach list 列出的编号，如 3",
                          en: "\"\(text)\" is not an attachment number; accepted: a number attach list shows, such as 3")
        }

        public static let fileExpected = LocalizedText(zh: "要附加的文件", en: "the file to attach")

        public static func exists(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 已存在，未覆盖；要覆盖请加 --force，或另给一个路径",
                          en: "\(path) exists and was not overwritten; to overwrite it: --force, or give another path")
        }

        public static func cannotWrite(_ path: String, _ reason: String) -> LocalizedText {
            LocalizedText(zh: "无法写入 \(path)：\(reason)", en: "cannot write \(path): \(reason)")
        }

        public static let stdoutIsTerminal = LocalizedText(
            zh: "标准输出是终端：附件内容不会直接写到终端；请给出文件路径，或用管道（attach get N - > 文件）",
            en: "standard output is a terminal: an attachment is not written raw to it; give a file path, or pipe it (attach get N - > file)")

        public static func erasedContent(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "附件 \(id) 的内容已被抹去，无法取出", en: "the content of attachment \(id) was erased; there is nothing to get")
        }

        /// What `attach add` says on standard error after the number.
        public static func added(_ id: Int64, name: String, size: Int, type: AttachmentType, to owner: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "已将 \(name)（\(AttachmentRules.sizeText(size))，\(typeName(type).zh)）作为附件 \(id) 加到\(owner.zh)",
                          en: "attached \(name) (\(AttachmentRules.sizeText(size)), \(typeName(type).en)) to \(owner.en) as attachment \(id)")
        }

        public static func saved(_ id: Int64, to path: String) -> LocalizedText {
            LocalizedText(zh: "附件 \(id) 已保存到 \(path)", en: "attachment \(id) saved to \(path)")
        }

        public static func erased(_ id: Int64, name: String) -> LocalizedText {
            LocalizedText(zh: "附件 \(id)（\(name)）的内容已抹去；名称、大小、校验值、经办人、时间和原因留在历史中",
                          en: "the content of attachment \(id) (\(name)) was erased; its name, size, hash, who, when and why stay in history")
        }

        public static let none = LocalizedText(zh: "（没有附件）", en: "(no attachments)")
        public static let erasedMark = LocalizedText(zh: "已抹去", en: "erased")

        // MARK: Columns

        public static let columnNumber = LocalizedText(zh: "编号", en: "No.")
        public static let columnName = LocalizedText(zh: "名称", en: "Name")
        public static let columnSize = LocalizedText(zh: "大小", en: "Size")
        public static let columnType = LocalizedText(zh: "类型", en: "Type")
        public static let columnBy = LocalizedText(zh: "添加人", en: "By")
        public static let columnAt = LocalizedText(zh: "时间", en: "When")

        // MARK: Help

        public static let abstract = LocalizedText(zh: "工单、故障、任务、变更和巡检的附件：添加、列出、取出、抹去。",
                                                   en: "Files attached to tickets, faults, tasks, changes and inspections: add, list, get, erase.")
        public static func discussion(_ limitMB: Int) -> LocalizedText {
            LocalizedText(zh: """
                附件存于数据库中（随备份与恢复一并保存），只增不改。类型由内容判断（PDF、PNG、JPEG、GIF、ZIP/Office、文本、二进制），\
                不看文件名；名称中的路径分隔符、控制字符和双向控制字符会被去除。每个文件最大 \(limitMB) MB（主管用 config set attachment.max_mb 修改）。\
                目标：工单号如 42，巡检号如 i7。
                """, en: """
                Attachments are kept in the database (backups and restores carry them) and never changed. The type is read \
                from the content (PDF, PNG, JPEG, GIF, ZIP/Office, text, binary), not from the name; path separators, control \
                and bidi characters are taken out of names. At most \(limitMB) MB a file (a supervisor changes it with \
                config set attachment.max_mb). The target: an item such as 42, an inspection such as i7.
                """)
        }
        public static let addAbstract = LocalizedText(zh: "附加一个文件。", en: "Attach a file.")
        public static let listAbstract = LocalizedText(zh: "列出附件。", en: "List the attachments.")
        public static let getAbstract = LocalizedText(zh: "取出一个附件到文件或标准输出（-）。", en: "Save an attachment to a file, or to standard output (-).")
        public static let eraseAbstract = LocalizedText(zh: "抹去一个附件的内容（主管），保留其记录。", en: "Erase an attachment's content (supervisors), keeping its record.")
        public static let targetHelp = LocalizedText(zh: "工单号（42）或巡检号（i7）。", en: "An item (42) or an inspection (i7).")
        public static let fileHelp = LocalizedText(zh: "要附加的文件。", en: "The file to attach.")
        public static let nameHelp = LocalizedText(zh: "附件的名称（默认为文件名）。", en: "The attachment's name (the file's name when not given).")
        public static let idHelp = LocalizedText(zh: "附件编号。", en: "The attachment's number.")
        public static let outHelp = LocalizedText(zh: "保存到的路径（文件夹则用附件名），- 为标准输出；默认为当前文件夹中的附件名。",
                                                  en: "Where to save it (a folder: under the attachment's name), - for standard output; by default its name in the current folder.")
        public static let forceHelp = LocalizedText(zh: "覆盖已存在的文件。", en: "Overwrite a file that exists.")
        public static let reasonHelp = LocalizedText(zh: "抹去的原因（必填）。", en: "Why it is erased (required).")
        public static let jsonHelp = LocalizedText(zh: "以 JSON 输出。", en: "Print JSON.")

        // MARK: Configuration

        public static func limitAccepted(_ range: ClosedRange<Int>) -> LocalizedText {
            LocalizedText(zh: "\(range.lowerBound) 到 \(range.upperBound) 之间的整数（MB）", en: "a whole number of MB from \(range.lowerBound) to \(range.upperBound)")
        }

        // MARK: The console

        public static let section = LocalizedText(zh: "附件", en: "Attachments")
        public static let saveHint = LocalizedText(zh: "保存附件", en: "save attachment")
        public static let viewHint = LocalizedText(zh: "查看附件", en: "view attachment")
        public static func savePrompt(_ name: String) -> LocalizedText {
            LocalizedText(zh: "将 \(name) 保存到：", en: "Save \(name) to: ")
        }
        public static let notText = LocalizedText(zh: "该附件不是文本，只能保存", en: "this attachment is not text: it can only be saved")
        public static let viewerKeys = LocalizedText(zh: "↑↓ 翻页 PgUp/PgDn  Esc 关闭", en: "↑↓ scroll PgUp/PgDn  Esc close")
        /// The `?` screen's heading over the attachment keys.
        public static let helpSection = LocalizedText(zh: "工单详情中（附件）", en: "In an item's details (attachments)")
        public static let nextKey = LocalizedText(zh: "选择下一个附件", en: "select the next attachment")
        public static let saveKey = LocalizedText(zh: "保存所选附件到文件", en: "save the selected attachment to a file")
        public static let viewKey = LocalizedText(zh: "查看所选文本附件", en: "view the selected text attachment")
        public static let noneToPick = LocalizedText(zh: "此事项没有附件", en: "this item has no attachments")
        public static func overwriteQuestion(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 已存在，覆盖吗？（y 覆盖，其他键取消）", en: "\(path) exists. Overwrite it? (y overwrites, any other key cancels)")
        }
        public static let saveCancelled = LocalizedText(zh: "未保存附件", en: "the attachment was not saved")
        public static let pathRequired = LocalizedText(zh: "请输入保存路径", en: "type a path to save to")
        public static func viewerTitle(_ id: Int64, _ name: String) -> LocalizedText {
            LocalizedText(zh: "附件 #\(id) \(name)", en: "attachment #\(id) \(name)")
        }
        public static let loading = LocalizedText(zh: "读取中…", en: "reading…")
    }
}
