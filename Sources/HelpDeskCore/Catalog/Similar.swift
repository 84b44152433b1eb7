import Foundation

extension Catalog {
    /// The closest resolved tickets to a ticket: `case similar` and the details' section.
    public enum Similar {
        public static let abstract = LocalizedText(zh: "列出与某工单最相近的已解决工单（按标题和描述）。",
                                                   en: "List the resolved tickets closest to a ticket (by title and description).")
        public static let limitHelp = LocalizedText(zh: "最多列出几个，1 到 50，默认 5。",
                                                    en: "How many to list at most, 1 to 50, 5 by default.")
        public static func limitRange(_ value: Int) -> LocalizedText {
            LocalizedText(zh: "--limit：\(value) 不可接受；可接受：1 到 50 的整数",
                          en: "--limit: \(value) is not accepted; accepted: a whole number from 1 to 50")
        }
        public static func notATicket(_ id: Int64, _ kind: ItemKind) -> LocalizedText {
            LocalizedText(zh: "#\(id) 是\(kind.name.zh)：只为工单和故障查找相近的已解决工单",
                          en: "#\(id) is a \(kind.name.en): close resolved tickets are found for tickets and faults only")
        }
        public static func none(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有与 #\(id) 相近的已解决工单", en: "no resolved ticket is close to #\(id)")
        }
        public static let resolvedColumn = LocalizedText(zh: "解决时间", en: "resolved")
        public static let titleColumn = LocalizedText(zh: "标题", en: "title")
        public static let solutionColumn = LocalizedText(zh: "解决方案", en: "solution")

        // MARK: The details

        public static let heading = LocalizedText(zh: "相似的已解决工单", en: "Similar resolved tickets")
        public static func causeAndSolution(cause: String, solution: String) -> LocalizedText {
            LocalizedText(zh: "原因：\(cause) · 解决：\(solution)", en: "cause: \(cause) · solution: \(solution)")
        }
        public static let nextKey = LocalizedText(zh: "选下一个相似工单", en: "next similar ticket")
        public static let replyKey = LocalizedText(zh: "用所选方案答复", en: "reply with its solution")
        public static let noneToPick = LocalizedText(zh: "没有相似的已解决工单可选", en: "there is no similar resolved ticket to pick")
    }
}
