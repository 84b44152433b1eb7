/// What the console says about where a key acts and the way back: a key that does nothing on the
/// pane in view, the board's filters.
extension Catalog {
    public enum ConsoleNavigation {
        /// A key that acts on other panes, pressed where it does nothing: the key, what it does
        /// elsewhere, the pane in view.
        public static func notHere(key: String, does: LocalizedText, pane: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(key)（\(does.zh)）在\(pane.zh)不可用；? 列出各处的按键",
                          en: "\(key) (\(does.en)) does nothing in \(pane.en); ? lists the keys")
        }

        /// An action key on a list with nothing selected.
        public static let nothingSelected = LocalizedText(zh: "没有选中的条目", en: "nothing is selected")

        /// The fault board's level filter (`L`).
        public static let filterLevel = LocalizedText(zh: "按级别", en: "filter level")

        /// A fault level in the board's filter summary: `2级` / `level 2`.
        public static func level(_ level: Int) -> LocalizedText {
            LocalizedText(zh: "\(level)级", en: "level \(level)")
        }

        /// A filter the board does not have, from the command line.
        public static let boardFilters = LocalizedText(zh: "故障看板只按地区（R）、级别（L）和搜索筛选",
                                                       en: "the fault board filters by region (R), level (L) and search only")

        /// A filter asked for on a pane that has none (the service levels).
        public static func noFilters(_ pane: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(pane.zh)没有筛选", en: "\(pane.en): no filters")
        }

        /// The board with filters: none of the open faults passes them.
        public static let noneMatchesFilters = LocalizedText(zh: "没有符合筛选的未恢复故障", en: "no open fault matches the filters")
    }
}
