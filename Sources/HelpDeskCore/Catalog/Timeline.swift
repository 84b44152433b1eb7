/// The texts of an item's timeline: its notes, replies and the requester's messages, as the
/// command line and the console say them.
extension Catalog {
    public enum Timeline {
        /// In history, beside a requester's message: the channel it came by.
        public static func cameBy(_ channel: String) -> LocalizedText {
            LocalizedText(zh: "来自\(channel)", en: "by \(channel)")
        }
        /// The kind of an entry: `内部备注` / `note`.
        public static func kind(_ kind: TimelineKind) -> LocalizedText {
            switch kind {
            case .note: return LocalizedText(zh: "内部备注", en: "note")
            case .reply: return LocalizedText(zh: "答复", en: "reply")
            case .message: return LocalizedText(zh: "来话", en: "message")
            }
        }

        /// The timeline's heading in `show` and the details.
        public static let heading = LocalizedText(zh: "时间线", en: "Timeline")
        /// What an empty timeline says.
        public static let empty = LocalizedText(zh: "（尚无备注、答复或来话）", en: "(no notes, replies or messages yet)")
        /// The column of the text in `case timeline`.
        public static let textColumn = LocalizedText(zh: "内容", en: "text")
        /// An entry's text, as a refusal names it.
        public static let textField = LocalizedText(zh: "内容", en: "the text")
        /// The column of the author in `case timeline`.
        public static let authorColumn = LocalizedText(zh: "记录人", en: "author")
        /// The column of the kind in `case timeline`.
        public static let kindColumn = LocalizedText(zh: "类型", en: "kind")
        /// The column of the time in `case timeline`.
        public static let atColumn = LocalizedText(zh: "时间", en: "at")

        /// How a message came in, after its kind: `（电话）` / ` (phone)`.
        public static func via(_ channel: Channel) -> LocalizedText {
            LocalizedText(zh: "（\(channel.name.zh)）", en: " (\(channel.name.en))")
        }

        /// What a command that added an entry prints: `#7 已添加内部备注` / `#7: note added`.
        public static func added(_ id: Int64, _ kind: TimelineKind) -> LocalizedText {
            switch kind {
            case .note: return LocalizedText(zh: "#\(id) 已添加内部备注", en: "#\(id): note added")
            case .message: return LocalizedText(zh: "#\(id) 已登记来话", en: "#\(id): requester's message recorded")
            case .reply: return LocalizedText(zh: "#\(id) 已答复", en: "#\(id): reply recorded")
            }
        }

        /// The refusal of a reply to a closed item.
        public static func replyToClosed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已关闭，不能再答复；可添加内部备注（case note），或由主管重新打开",
                          en: "#\(id) is closed and can no longer be replied to; add an internal note (case note), or have a supervisor reopen it")
        }

        /// The refusal of a timeline's text that is blank.
        public static let emptyText = LocalizedText(zh: "--text：内容不能为空", en: "--text: the text cannot be empty")

        /// What the command line's `--help` says.
        public enum Help {
            public static let note = LocalizedText(zh: "为事项添加内部备注（仅工作人员可见，不停任何时限）；已关闭的事项也可添加。",
                                                   en: "Add an internal note to an item (staff only; stops no clock); allowed on a closed item too.")
            public static let reply = LocalizedText(zh: "记录对提出人的答复；特殊情况的首次答复即其响应（时限事件）。",
                                                    en: "Record a reply to the requester; a special case's first reply is its response (the rule event).")
            public static let message = LocalizedText(zh: "登记提出人的来话（电话、微信、邮件里说的话），渠道可选。",
                                                      en: "Record what the requester said (on the phone, in WeChat, in a mail), with its channel if known.")
            public static let timeline = LocalizedText(zh: "按时间顺序列出事项的时间线：内部备注、答复和来话。",
                                                       en: "List an item's timeline in time order: notes, replies and messages.")
            public static let text = LocalizedText(zh: "内容（与描述的长度限制相同）。", en: "The text (as long as a description may be).")
            public static let channel = LocalizedText(zh: "来话的渠道：phone、wechat、qq、email、fax、case。",
                                                      en: "How the requester said it: phone, wechat, qq, email, fax, case.")
            public static let id = LocalizedText(zh: "事项编号。", en: "The item's number.")
        }

        /// What the console says.
        public enum Console {
            public static let noteKey = LocalizedText(zh: "备注", en: "note")
            public static let messageKey = LocalizedText(zh: "来话", en: "message")
            public static func noteTitle(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "内部备注 #\(id)", en: "Note on #\(id)")
            }
            public static func messageTitle(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "登记来话 #\(id)", en: "Requester's message on #\(id)")
            }
            public static let textField = LocalizedText(zh: "内容", en: "Text")
            public static let channelField = LocalizedText(zh: "渠道", en: "Channel")
            public static let channelUnknown = LocalizedText(zh: "不详", en: "not known")
        }
    }
}
