import Foundation

extension Catalog {
    /// `helpdesk mail-in`: one e-mail on standard input taken in as a ticket or a requester's message.
    public enum MailIn {
        public static let abstract = LocalizedText(
            zh: "读入标准输入上的一封邮件：开立工单，或作为提出人来话加到其工单（供邮件系统调用）",
            en: "Take in one e-mail from standard input: a new ticket, or the requester's message on its ticket (for the mail system)")
        public static let discussion = LocalizedText(
            zh: "退出状态：0 已收下；65 拒收（超过 mail.max_mb、发件人在 mail.refuse 中、空邮件或没有信头）；75 稍后重试（数据库忙、磁盘满、无法打开、运行者无权）。",
            en: "Exit status: 0 taken; 65 refused (over mail.max_mb, sender in mail.refuse, empty or without a header); 75 try again later (database busy, disk full, cannot open, the user may not run it).")

        /// The history events' names: a ticket marked to confirm, and confirmed.
        public static let toConfirmEvent = LocalizedText(zh: "待确认地区与提出人", en: "region and requester to confirm")
        public static let confirmedEvent = LocalizedText(zh: "已确认地区与提出人", en: "region and requester confirmed")

        /// The mark on a ticket opened from an unknown sender's mail, in details and lists.
        public static let toConfirm = LocalizedText(zh: "待确认", en: "to confirm")

        /// A ticket's title when the message has neither subject nor text.
        public static let noSubject = LocalizedText(zh: "（无主题）", en: "(no subject)")

        /// The description of a ticket whose message could not be read: the raw message is attached.
        public static let unreadable = LocalizedText(
            zh: "（邮件无法读出正文，原邮件已作为附件 message.eml 保存）",
            en: "(the message's text could not be read; the raw message is attached as message.eml)")

        /// A text too long for a description: the first part kept, the whole attached.
        public static let textCut = LocalizedText(
            zh: "（正文过长，已截断；全文见附件 message.txt）",
            en: "(the text was too long and is cut here; the whole text is attached as message.txt)")

        public static func notMailUser(_ user: String) -> LocalizedText {
            LocalizedText(zh: "\(user) 不是在职人员，也未列入系统配置的 mail_users：只有他们可以收取邮件；邮件系统的用户请由 root 在 /etc/helpdesk/config.toml 中加入 mail_users = [\"\(user)\"]（helpdesk config show）",
                          en: "\(user) is not active staff and not named in mail_users of the system configuration: only they take mail in; for the mail system's user root adds mail_users = [\"\(user)\"] to /etc/helpdesk/config.toml (helpdesk config show)")
        }

        // Outcomes, on standard output.
        public static func opened(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "已开立工单 #\(id)", en: "opened ticket #\(id)")
        }
        public static func added(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "已作为提出人来话加到 #\(id)", en: "added as the requester's message to #\(id)")
        }
        public static func reopened(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "已重新打开 #\(id) 并加入提出人来话", en: "reopened #\(id) with the requester's message")
        }
        public static func followUp(_ id: Int64, closed: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(closed) 已关闭超过期限：已开立工单 #\(id) 并与之关联", en: "#\(closed) was closed too long ago: opened ticket #\(id), linked to it")
        }
        public static func recorded(_ record: Int64) -> LocalizedText {
            LocalizedText(zh: "自动邮件已登记（邮件记录 \(record)），未开立工单", en: "automatic message recorded (mail record \(record)), no ticket opened")
        }
        public static func duplicateItem(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "此邮件已收下过，为 #\(id)", en: "this message was taken already, as #\(id)")
        }
        public static func duplicateRecord(_ record: Int64) -> LocalizedText {
            LocalizedText(zh: "此邮件已收下过（邮件记录 \(record)）", en: "this message was taken already (mail record \(record))")
        }
        public static let toConfirmNote = LocalizedText(
            zh: "发件人不在目录中：已加入目录，地区与提出人待确认（case edit）",
            en: "the sender was not in the directory: added to it; region and requester to confirm (case edit)")

        // Refusals (exit 65) and failures to retry (exit 75), on standard error.
        public static func tooLarge(limitMB: Int) -> LocalizedText {
            LocalizedText(zh: "邮件超过 mail.max_mb = \(limitMB) MiB：拒收", en: "the message is over mail.max_mb = \(limitMB) MiB: refused")
        }
        public static func refusedSender(_ address: String) -> LocalizedText {
            LocalizedText(zh: "发件人 \(address) 在 mail.refuse 中：拒收", en: "the sender \(address) is in mail.refuse: refused")
        }
        public static let empty = LocalizedText(zh: "标准输入上没有邮件：拒收", en: "no message on standard input: refused")
        public static let noHeader = LocalizedText(zh: "输入没有邮件信头（From:、Subject: 等）：拒收", en: "the input has no mail header (From:, Subject: …): refused")
        public static func noDatabase(_ path: String) -> LocalizedText {
            LocalizedText(zh: "数据库 \(path) 不存在：邮件稍后重试（请先建立数据库或用 --db 指明）",
                          en: "there is no database at \(path): the mail is to be retried (create it first, or name it with --db)")
        }
        public static func tryLater(_ reason: String) -> LocalizedText {
            LocalizedText(zh: "\(reason)（邮件稍后重试）", en: "\(reason) (the mail is to be retried)")
        }
        public static let readFailed = LocalizedText(zh: "读取标准输入失败", en: "standard input could not be read")

        /// `config show` when the system file names no mail user.
        public static let noMailUsers = LocalizedText(zh: "# mail_users：无（mail-in 须由在职人员执行）",
                                                      en: "# mail_users: nobody (mail-in needs active staff)")

        // Desk rules.
        public static let regionAccepted = LocalizedText(zh: "地区的拼音，如 \"xining\"", en: "a region's pinyin, e.g. \"xining\"")
        public static func maxMBAccepted(_ range: ClosedRange<Int>) -> LocalizedText {
            LocalizedText(zh: "\(range.lowerBound) 到 \(range.upperBound) 的整数（MiB）", en: "a whole number of MiB from \(range.lowerBound) to \(range.upperBound)")
        }
        public static func reopenDaysAccepted(_ range: ClosedRange<Int>) -> LocalizedText {
            LocalizedText(zh: "\(range.lowerBound) 到 \(range.upperBound) 的整数（工作日）", en: "a whole number of working days from \(range.lowerBound) to \(range.upperBound)")
        }
        public static let refuseAccepted = LocalizedText(
            zh: "以逗号分隔的地址或 @域名，如 \"spam@example.com, @junk.example\"",
            en: "addresses or @domains separated by commas, e.g. \"spam@example.com, @junk.example\"")
        public static let usersAccepted = LocalizedText(
            zh: "操作系统用户名的数组（字母、数字、'.'、'_'、'-'），如 mail_users = [\"mail\"]",
            en: "an array of operating-system user names (letters, digits, '.', '_', '-'), e.g. mail_users = [\"mail\"]")
    }
}
