import Foundation

/// What the desk tells requesters (a notice's subject and text, in the requester's language), and
/// how the desk's own screens name those notices and their opt-out.
extension Catalog {
    public enum RequesterNotices {
        /// The channel a notice went by: `电子邮件` / `email`.
        public static func channelName(_ channel: RequesterNoticeChannel) -> LocalizedText {
            switch channel {
            case .email: return LocalizedText(zh: "电子邮件", en: "email")
            case .phone: return Channel.phone.name
            case .wechat: return Channel.wechat.name
            case .qq: return Channel.qq.name
            }
        }

        /// A notice as the timeline and `notify list` show it.
        public static func noticeTo(name: String, channel: RequesterNoticeChannel, subject: String) -> LocalizedText {
            let c = channelName(channel)
            return LocalizedText(zh: "通知 \(name)（\(c.zh)）：\(subject)", en: "notice to \(name) by \(c.en): \(subject)")
        }

        /// A notice's delivery, after it in the timeline.
        public static let delivered = LocalizedText(zh: "已送达", en: "delivered")
        public static let pending = LocalizedText(zh: "待发送", en: "pending")
        public static func failed(attempts: Int) -> LocalizedText {
            LocalizedText(zh: "发送失败 \(attempts) 次，将重试", en: "failed \(attempts)×, will retry")
        }
        /// A notice with its delivery after it.
        public static func withDelivery(_ notice: String, _ delivery: String) -> LocalizedText {
            LocalizedText(zh: "\(notice)（\(delivery)）", en: "\(notice) (\(delivery))")
        }
        /// The kind of a notice to a requester in `notify list`.
        public static let toRequester = LocalizedText(zh: "通知提出人", en: "requester")
        /// The timeline kind of a notice.
        public static let kind = LocalizedText(zh: "通知", en: "notice")

        /// The subject: the ticket's tag first, so that an answer finds its ticket.
        public static func subject(_ event: RequesterNoticeEvent, id: Int64, title: String) -> LocalizedText {
            let tag = RequesterNoticeRules.tag(id)
            switch event {
            case .intake: return LocalizedText(zh: "\(tag) 已受理：\(title)", en: "\(tag) Received: \(title)")
            case .reply: return LocalizedText(zh: "\(tag) 答复：\(title)", en: "\(tag) Reply: \(title)")
            case .waiting: return LocalizedText(zh: "\(tag) 需要您补充：\(title)", en: "\(tag) We need something from you: \(title)")
            case .resolved: return LocalizedText(zh: "\(tag) 已解决：\(title)", en: "\(tag) Resolved: \(title)")
            }
        }

        /// The deadline in words: the date as the deadline's explanation names it, and the time.
        public static func dueWords(_ due: Date) -> LocalizedText {
            let (day, seconds) = BeijingTime.local(due)
            let clock = BeijingTime.clock(seconds)
            return LocalizedText(zh: "\(day.named.zh) \(clock) 之前", en: "by \(day.named.en) \(clock)")
        }

        /// How every text ends: how to answer.
        static func answering(_ id: Int64) -> LocalizedText {
            let tag = RequesterNoticeRules.tag(id)
            return LocalizedText(zh: "回复时请保留主题中的 \(tag)。\n—— 养老保险信息系统服务台",
                                 en: "When you answer, keep \(tag) in the subject.\n-- The pension-insurance system's service desk")
        }

        /// The text of an intake notice: the ticket's number and its deadline in words (none yet
        /// for a requirement: its due date is agreed with the requester).
        public static func intake(id: Int64, title: String, due: Date?) -> LocalizedText {
            let end = answering(id)
            guard let due else {
                return LocalizedText(zh: "您的工单 #\(id)（\(title)）已受理，编号 #\(id)。完成时间将与您商定。\n\n\(end.zh)",
                                     en: "Your ticket #\(id) (\(title)) has been received; its number is #\(id). Its due date will be agreed with you.\n\n\(end.en)")
            }
            let words = dueWords(due)
            return LocalizedText(zh: "您的工单 #\(id)（\(title)）已受理，编号 #\(id)。我们将在 \(words.zh)处理完毕。\n\n\(end.zh)",
                                 en: "Your ticket #\(id) (\(title)) has been received; its number is #\(id). We will deal with it \(words.en).\n\n\(end.en)")
        }

        /// The text of a reply's notice: the reply itself.
        public static func reply(id: Int64, text: String) -> LocalizedText {
            let end = answering(id)
            return LocalizedText(zh: "关于工单 #\(id)，服务台答复如下：\n\n\(text)\n\n\(end.zh)",
                                 en: "About ticket #\(id), the desk replies:\n\n\(text)\n\n\(end.en)")
        }

        /// The text of a wait's notice: what is needed from the requester.
        public static func waiting(id: Int64, reason: String) -> LocalizedText {
            let end = answering(id)
            return LocalizedText(zh: "工单 #\(id) 需要您提供：\n\n\(reason)\n\n收到您的答复后我们继续处理。\n\n\(end.zh)",
                                 en: "To go on with ticket #\(id) we need from you:\n\n\(reason)\n\nWe carry on as soon as you answer.\n\n\(end.en)")
        }

        /// The text of a resolution's notice: the solution.
        public static func resolved(id: Int64, solution: String) -> LocalizedText {
            let end = answering(id)
            return LocalizedText(zh: "工单 #\(id) 已解决。解决办法：\n\n\(solution)\n\n如问题仍未解决，请回复。\n\n\(end.zh)",
                                 en: "Ticket #\(id) is resolved. The solution:\n\n\(solution)\n\nIf the problem remains, answer this message.\n\n\(end.en)")
        }

        // MARK: Opting out

        /// Whether a ticket's or requester's notices are sent, in `show` and the details.
        public static let label = LocalizedText(zh: "通知提出人", en: "Requester notices")
        public static let on = LocalizedText(zh: "开", en: "on")
        public static let off = LocalizedText(zh: "关", en: "off")
        public static func state(_ off: Bool) -> LocalizedText { off ? Self.off : on }

        /// History's words for a ticket's notices turned off and on.
        public static let turnedOff = LocalizedText(zh: "停止通知提出人", en: "requester notices turned off")
        public static let turnedOn = LocalizedText(zh: "恢复通知提出人", en: "requester notices turned on")

        /// What `case notices` prints.
        public static func done(_ id: Int64, off: Bool) -> LocalizedText {
            off ? LocalizedText(zh: "#\(id) 不再通知提出人", en: "#\(id): requesters are no longer notified")
                : LocalizedText(zh: "#\(id) 恢复通知提出人", en: "#\(id): requesters are notified again")
        }
        /// Refusals of `case notices`.
        public static func already(_ id: Int64, off: Bool) -> LocalizedText {
            off ? LocalizedText(zh: "#\(id) 已经停止通知提出人", en: "#\(id) already has requester notices off")
                : LocalizedText(zh: "#\(id) 的提出人通知已经开启", en: "#\(id) already has requester notices on")
        }
        public static let onOrOff = LocalizedText(zh: "请给出 --off 或 --on 之一", en: "give one of --off or --on")

        /// What `mail_domain` accepts.
        public static let mailDomainAccepted = LocalizedText(zh: "域名，如 \"desk.example.cn\"（字母、数字、点和连字符）",
                                                             en: "a domain name such as \"desk.example.cn\" (letters, digits, dots and hyphens)")

        public enum Help {
            public static let notices = LocalizedText(zh: "开启或停止工单的提出人通知（--off / --on）。",
                                                      en: "Turn a ticket's notices to its requesters off or on (--off / --on).")
            public static let off = LocalizedText(zh: "不再通知该工单的提出人。", en: "Send its requesters no notices.")
            public static let on = LocalizedText(zh: "恢复通知该工单的提出人。", en: "Send its requesters notices again.")
            public static let requester = LocalizedText(zh: "是否给此提出人发送通知：on 或 off。",
                                                        en: "Whether this requester is sent notices: on or off.")
        }
    }
}
