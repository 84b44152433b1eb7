import Foundation

/// The requester directory: who asks the desk for help, known by name and office.
extension Catalog {
    public enum Requesters {
        // MARK: Refusals

        public static let nameMissing = LocalizedText(zh: "请给出提出人的姓名", en: "give the requester's name")
        public static let officeMissing = LocalizedText(
            zh: "请给出提出人的单位（同名的人以单位区分）", en: "give the requester's office (people of one name are told apart by it)")
        public static let regionMissing = LocalizedText(zh: "请给出提出人所在的地区（--region）", en: "give the requester's region (--region)")

        public static func phoneTwice(_ phone: String) -> LocalizedText {
            LocalizedText(zh: "电话 \(phone) 重复：同一号码只记一次", en: "the phone \(phone) is given twice: a number is kept once")
        }

        public static func tooManyPhones(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "电话有 \(n) 个，最多 \(RequesterRules.maximumPhones) 个",
                          en: "\(n) phones given; at most \(RequesterRules.maximumPhones)")
        }

        public static func notAnEmail(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”不是电子邮件地址（如 zhaxi@ylbx.qh.gov.cn）",
                          en: "'\(text)' is not an e-mail address (like zhaxi@ylbx.qh.gov.cn)")
        }

        public static func notAChatID(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”既不是微信号（6 至 20 位字母、数字、_ 或 -，以字母开头）也不是 QQ 号（5 至 11 位数字）",
                          en: "'\(text)' is neither a WeChat id (6 to 20 letters, digits, _ or -, starting with a letter) nor a QQ number (5 to 11 digits)")
        }

        public static func notFound(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "提出人目录中没有 #\(id)", en: "no requester #\(id) in the directory")
        }

        public static func stale(_ id: Int64, expected: Int, current: Int) -> LocalizedText {
            LocalizedText(zh: "提出人 #\(id) 已被他人修改（版本 \(expected) → \(current)）：请重新查看后再改",
                          en: "requester #\(id) was changed meanwhile (version \(expected) → \(current)): look again, then edit")
        }

        public static func nothingChanged(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "提出人 #\(id) 没有变化：请给出新的值", en: "nothing changes for requester #\(id): give a new value")
        }

        public static func notAPhoneSearch(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”不是电话号码或其中至少 3 位数字", en: "'\(text)' is not a phone number nor 3 or more of its digits")
        }

        public static func alreadyKnown(_ id: Int64, name: String, office: String) -> LocalizedText {
            LocalizedText(zh: "\(office)的「\(name)」已在目录中（#\(id)）；修改请用 requester edit \(id)",
                          en: "'\(name)' of \(office) is already in the directory (#\(id)); to change them use requester edit \(id)")
        }

        public static func notARequesterID(_ text: String) -> LocalizedText {
            LocalizedText(zh: "“\(text)”不是提出人编号", en: "'\(text)' is not a requester's number")
        }

        public static let regionOrRequester = LocalizedText(
            zh: "请给出地区（--region），或从目录选提出人（--requester 编号）",
            en: "give the region (--region), or a requester from the directory (--requester ID)")

        // MARK: What is shown

        public static let noneFound = LocalizedText(zh: "目录中没有相符的提出人", en: "no requester in the directory matches")
        public static let tickets = LocalizedText(zh: "工单", en: "Tickets")
        public static let noTickets = LocalizedText(zh: "（没有工单）", en: "(no tickets)")
        public static let historyHeading = LocalizedText(zh: "历史", en: "History")
        public static let added = LocalizedText(zh: "加入目录", en: "added to the directory")
        public static let heading = LocalizedText(zh: "提出人", en: "Requester")

        public static func fieldName(_ field: RequesterField) -> LocalizedText {
            switch field {
            case .name: return LocalizedText(zh: "姓名", en: "name")
            case .office: return LocalizedText(zh: "单位", en: "office")
            case .region: return LocalizedText(zh: "地区", en: "region")
            case .phones: return LocalizedText(zh: "电话", en: "phones")
            case .email: return LocalizedText(zh: "电子邮件", en: "e-mail")
            case .chat: return LocalizedText(zh: "微信/QQ", en: "WeChat/QQ")
            case .language: return LocalizedText(zh: "语言", en: "language")
            case .channel: return LocalizedText(zh: "联系方式", en: "channel")
            case .notices: return Catalog.RequesterNotices.label
            }
        }

        public static func languageName(_ language: Language) -> LocalizedText {
            switch language {
            case .zh: return LocalizedText(zh: "中文", en: "Chinese")
            case .en: return LocalizedText(zh: "英文", en: "English")
            }
        }

        public static let headers: [LocalizedText] = [
            LocalizedText(zh: "编号", en: "ID"), fieldName(.name), fieldName(.office), fieldName(.region), fieldName(.phones),
        ]

        public static func edited(_ field: RequesterField, old: String?, new: String?) -> LocalizedText {
            let f = fieldName(field)
            return LocalizedText(zh: "\(f.zh)：\(old ?? "—") → \(new ?? "—")", en: "\(f.en): \(old ?? "—") → \(new ?? "—")")
        }

        // MARK: Help

        public enum Help {
            public static let abstract = LocalizedText(
                zh: "提出人目录：姓名、单位、地区、电话、邮件、微信/QQ、语言与联系方式。",
                en: "The requester directory: name, office, region, phones, e-mail, WeChat/QQ, language and channel.")
            public static let add = LocalizedText(zh: "把提出人加入目录（同名同单位只能一次）。",
                                                  en: "Adds a requester to the directory (a name and office once).")
            public static let list = LocalizedText(zh: "列出目录，可按姓名、单位、地区或电话筛选。",
                                                   en: "Lists the directory, by name, office, region or phone.")
            public static let show = LocalizedText(zh: "显示提出人、其工单与历史。", en: "Shows a requester, their tickets and history.")
            public static let edit = LocalizedText(zh: "修改提出人（每项修改记入历史，含原值和新值）。",
                                                   en: "Changes a requester (each change kept in history with its old and new value).")
            public static let id = LocalizedText(zh: "提出人编号。", en: "The requester's number.")
            public static let name = LocalizedText(zh: "姓名。", en: "The name.")
            public static let office = LocalizedText(zh: "单位。", en: "The office.")
            public static let region = LocalizedText(zh: "地区。", en: "The region.")
            public static let phone = LocalizedText(zh: "电话（可重复给出多个）。", en: "A phone (give it again for more).")
            public static let email = LocalizedText(zh: "电子邮件地址。", en: "The e-mail address.")
            public static let chat = LocalizedText(zh: "微信号或 QQ 号。", en: "The WeChat id or QQ number.")
            public static let language = LocalizedText(zh: "偏好语言（zh 或 en）。", en: "The preferred language (zh or en).")
            public static let channel = LocalizedText(zh: "偏好的联系方式。", en: "The preferred channel.")
            public static let clear = LocalizedText(zh: "清空字段（email、chat、language、channel、phones），可重复。",
                                                    en: "Clears a field (email, chat, language, channel, phones); give it again for more.")
            public static let byName = LocalizedText(zh: "姓名包含此文字。", en: "Names containing this text.")
            public static let byOffice = LocalizedText(zh: "单位包含此文字。", en: "Offices containing this text.")
            public static let byPhone = LocalizedText(zh: "电话（任意写法，或其中至少 3 位数字）。",
                                                      en: "A phone, however written (or 3 or more of its digits).")
            public static let caseRequester = LocalizedText(
                zh: "给出编号（如 12）则取目录中的提出人，连同其单位、电话和地区。",
                en: "A number (like 12) takes the directory's requester, with their office, phone and region.")
            public static let version = LocalizedText(zh: "所依据的版本（他人已修改则拒绝）。",
                                                      en: "The version the edit is based on (refused when changed meanwhile).")
        }

        /// The console: completing a requester in the new-ticket form, a ticket's requesters.
        public enum Console {
            /// A directory entry as a line under the form's field and in the details.
            public static func entry(_ r: Requester, _ lang: Language) -> String {
                [r.name, r.office, r.region?.label(lang), r.phones.first].compactMap { $0 }.filter { !$0.isEmpty }
                    .joined(separator: " · ")
            }
            public static let pickKeys = "Ctrl-N/Ctrl-P"
            public static let choose = LocalizedText(zh: "选提出人", en: "choose requester")
            public static let pick = LocalizedText(zh: "选用", en: "take")
            public static let helpPick = LocalizedText(
                zh: "新工单：在提出人或电话处输入后，Ctrl-N/Ctrl-P 选目录中的提出人，回车选用",
                en: "new ticket: after typing a requester or phone, Ctrl-N/Ctrl-P choose one from the directory, Enter takes it")
            public static func linked(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "已关联目录 #\(id)", en: "linked to directory #\(id)")
            }
            public static let heading = LocalizedText(zh: "提出人", en: "Requesters")
            public static func ticketsOf(_ entry: String) -> LocalizedText {
                LocalizedText(zh: "提出人的工单：\(entry)", en: "Tickets of \(entry)")
            }
            public static func count(_ n: Int) -> LocalizedText { LocalizedText(zh: "共 \(n) 个", en: "\(n) in all") }
            public static let ticketsKey = LocalizedText(zh: "提出人的工单", en: "requester's tickets")
            public static let helpTickets = LocalizedText(zh: "工单详情：其提出人的全部工单，回车打开",
                                                          en: "a ticket's details: its requester's tickets, Enter opens one")
            public static let noRequester = LocalizedText(zh: "此工单未关联目录中的提出人", en: "this ticket is linked to no requester of the directory")
        }
    }
}
