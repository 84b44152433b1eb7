import Foundation

extension Catalog {
    /// The last pieces of the conversation around a ticket: removing a relation in the console,
    /// choosing one of a ticket's requesters, the requesters in `show`.
    public enum Finish {
        // MARK: Unlinking in the details

        public static let unlinkKey = LocalizedText(zh: "解除与某工单的关联", en: "remove a relation")
        public static let nothingLinked = LocalizedText(zh: "此工单没有关联的工单", en: "this item is related to no other item")
        public static func unlinkChooserTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "解除 #\(id) 与哪个工单的关联", en: "Remove the relation of #\(id) with")
        }
        public static func confirmUnlink(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "解除 #\(id) 与 #\(other) 的关联？(y/n)", en: "Remove the relation between #\(id) and #\(other)? (y/n)")
        }
        public static func unlinkCancelled(_ id: Int64, _ other: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 与 #\(other) 的关联未解除", en: "the relation between #\(id) and #\(other) is kept")
        }

        // MARK: The chooser

        public static let chooserMove = LocalizedText(zh: "移动", en: "move")
        public static let chooserTake = LocalizedText(zh: "选定", en: "choose")
        public static let chooserCancel = LocalizedText(zh: "取消", en: "cancel")
        public static func requesterChooserTitle(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 的哪位提出人", en: "Which requester of #\(id)")
        }

        // MARK: `show`

        public static let requestersHeading = LocalizedText(zh: "提出人（目录）", en: "Requesters (directory)")
    }
}
