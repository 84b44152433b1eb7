extension Catalog {
    /// A person's views: saved filters and searches of the lists, and each list opening as it was left.
    public enum Views {
        public static let nameEmpty = LocalizedText(zh: "视图名称不能为空", en: "a view needs a name")
        public static let nameControl = LocalizedText(zh: "视图名称不能含控制字符", en: "a view's name cannot hold control characters")
        public static func nameTooLong(_ n: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "视图名称过长：\(n) 个字符，最多 \(limit) 个", en: "a view's name is too long: \(n) characters, at most \(limit)")
        }
        public static func notFound(_ name: String) -> LocalizedText {
            LocalizedText(zh: "没有名为“\(name)”的视图（:views 列出您的视图）", en: "no view named \"\(name)\" (:views lists yours)")
        }
        public static func saved(_ name: String, pane: String) -> LocalizedText {
            LocalizedText(zh: "已保存视图“\(name)”（\(pane)）", en: "view \"\(name)\" saved (\(pane))")
        }
        public static func applied(_ name: String) -> LocalizedText {
            LocalizedText(zh: "已打开视图“\(name)”", en: "view \"\(name)\" opened")
        }
        public static func removed(_ name: String) -> LocalizedText {
            LocalizedText(zh: "已删除视图“\(name)”", en: "view \"\(name)\" removed")
        }
        /// A view opened without the parts that name what is gone.
        public static func openedWithout(_ view: String, parts: [String]) -> LocalizedText {
            LocalizedText(zh: "视图“\(view)”已打开，但不含已不存在的：\(parts.joined(separator: "、"))",
                          en: "view \"\(view)\" opened without what no longer exists: \(parts.joined(separator: ", "))")
        }
        /// A list opened as it was left, without the parts that name what is gone.
        public static func restoredWithout(_ pane: String, parts: [String]) -> LocalizedText {
            LocalizedText(zh: "\(pane)按上次的筛选打开，但不含已不存在的：\(parts.joined(separator: "、"))",
                          en: "\(pane) opened as last left, without what no longer exists: \(parts.joined(separator: ", "))")
        }
        public static func vanishedKind(_ code: String) -> LocalizedText { LocalizedText(zh: "类别 \(code)", en: "kind \(code)") }
        public static func vanishedStatus(_ code: String) -> LocalizedText { LocalizedText(zh: "状态 \(code)", en: "status \(code)") }
        public static func vanishedRegion(_ code: String) -> LocalizedText { LocalizedText(zh: "地区 \(code)", en: "region \(code)") }
        public static func vanishedLevel(_ code: String) -> LocalizedText { LocalizedText(zh: "级别 \(code)", en: "level \(code)") }
        public static func vanishedAudience(_ code: String) -> LocalizedText { LocalizedText(zh: "对象 \(code)", en: "audience \(code)") }
        public static let unreadable = LocalizedText(zh: "无法读取的筛选", en: "filters that cannot be read")

        // The `:` commands.
        public static let nameArgument = LocalizedText(zh: "名称", en: "NAME")
        public static let save = LocalizedText(zh: "以此名称保存当前列表的筛选和搜索", en: "save the list's filters and search under a name")
        public static let view = LocalizedText(zh: "打开保存的视图（转到保存它的列表）", en: "open a saved view (on the list it was saved from)")
        public static let views = LocalizedText(zh: "列出您保存的视图", en: "list your saved views")
        public static let unsave = LocalizedText(zh: "删除保存的视图", en: "remove a saved view")

        // The views on the `?` screen.
        public static let heading = LocalizedText(zh: "我的视图", en: "Your views")
        public static let none = LocalizedText(zh: "尚无保存的视图（:save 名称 保存当前列表的筛选）",
                                               en: "no saved views yet (:save NAME keeps the list's filters)")
        public static let noFilters = LocalizedText(zh: "默认筛选", en: "default filters")
    }
}
