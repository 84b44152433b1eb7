import Foundation

extension Catalog {
    /// The desk's daily work: phones as people write them, taking and assigning from the command
    /// line, notices of any kind in the outbox.
    public enum DeskWork {
        // MARK: Phones

        /// The word an office writes before an extension (`0971 6464897 转 8001`).
        public static let extensionWord: Character = "转"

        /// What is wrong with a phone, in a few words (the console's forms).
        public static func phoneCheck(_ problem: PhoneNumber.Problem) -> LocalizedText {
            switch problem {
            case .badCharacter(let c):
                return LocalizedText(zh: "电话号码不能含“\(c)”", en: "'\(c)' has no place in a phone number")
            case .tooFewDigits(let n):
                return LocalizedText(zh: "只有 \(n) 位数字，至少 \(PhoneNumber.minimumDigits) 位",
                                     en: "only \(n) digits; at least \(PhoneNumber.minimumDigits)")
            case .countryCode:
                return LocalizedText(zh: "国家代码只能是开头的 +86", en: "the only country code is +86, first")
            case .brackets:
                return LocalizedText(zh: "括号只用于开头的区号，如 (0971)6464897",
                                     en: "brackets hold the area code, at the start: (0971)6464897")
            case .badExtension:
                return LocalizedText(zh: "分机号（转、ext 或 x 之后）为 1 至 \(PhoneNumber.maximumExtensionDigits) 位数字",
                                     en: "an extension (after 转, ext or x) is 1 to \(PhoneNumber.maximumExtensionDigits) digits")
            case .mobileLength(let n):
                return LocalizedText(zh: "手机号为 11 位数字（此处 \(n) 位）", en: "a mobile number has 11 digits (this has \(n))")
            case .areaCodeLength(let n):
                return LocalizedText(zh: "带区号的号码为 10 至 12 位数字（此处 \(n) 位）",
                                     en: "a number with its area code has 10 to 12 digits (this has \(n))")
            case .localLength(let n):
                return LocalizedText(zh: "不带区号的号码为 7 或 8 位数字（此处 \(n) 位），带区号请以 0 开头",
                                     en: "a number without its area code has 7 or 8 digits (this has \(n)); an area code starts with 0")
            }
        }

        /// A phone refused by the store (`--phone` of `case add` and `staff add`).
        public static func notAPhone(_ phone: String, _ problem: PhoneNumber.Problem) -> LocalizedText {
            let why = phoneCheck(problem)
            return LocalizedText(
                zh: "--phone：'\(phone)' 不是电话号码：\(why.zh)；可写 0971-6464897、(0971)6464897、6464897、13800000000、+86 138 0000 0000、12333，分机写在 转、ext、x 或 - 之后",
                en: "--phone: '\(phone)' is not a phone number: \(why.en); accepted: 0971-6464897, (0971)6464897, 6464897, 13800000000, +86 138 0000 0000, 12333, an extension after 转, ext, x or -")
        }

        // MARK: Notices

        /// A notice's kind, as `notify list` shows it.
        public static func noticeKind(_ kind: NoticeKind) -> LocalizedText {
            switch kind {
            case .escalation: return LocalizedText(zh: "升级", en: "escalation")
            case .assignment: return LocalizedText(zh: "指派", en: "assignment")
            case .requester: return Catalog.RequesterNotices.toRequester
            }
        }

        /// The columns of `notify list`.
        public static let outboxHeaders: [LocalizedText] = [
            LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "事项", en: "item"), LocalizedText(zh: "类别", en: "kind"),
            LocalizedText(zh: "尝试", en: "attempts"), LocalizedText(zh: "状态", en: "state"), LocalizedText(zh: "内容", en: "text"),
        ]

        /// What an assignment notice says.
        public static func assignmentNotice(id: Int64, kind: ItemKind, title: String, assignee: String, by: String,
                                            due: String?) -> LocalizedText {
            let name = kind.name
            return LocalizedText(
                zh: "【指派】#\(id) \(name.zh) \(title)。\(by) 指派给 \(assignee)\(due.map { "，时限 \($0)" } ?? "")。",
                en: "[Assigned] #\(id) \(name.en) \(title). \(by) gave it to \(assignee)\(due.map { "; due \($0)" } ?? "").")
        }

        // MARK: Taking and assigning

        public static func taken(_ id: Int64, by user: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 由 \(user) 接手", en: "#\(id) taken by \(user)")
        }

        public static func assigned(_ id: Int64, to user: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已指派给 \(user)", en: "#\(id) assigned to \(user)")
        }

        public enum Help {
            public static let take = LocalizedText(zh: "接手一个事项（指派给自己）。",
                                                   en: "Take an item (assign it to yourself).")
            public static let assign = LocalizedText(zh: "把一个事项指派给一名在职人员，并通知其本人。",
                                                     en: "Assign an item to an active member of staff, who is notified.")
            public static let id = LocalizedText(zh: "事项编号。", en: "The item's id.")
            public static let user = LocalizedText(zh: "被指派人的用户名。", en: "The assignee's user name.")
        }
    }
}
