import Foundation

extension Catalog {
    /// Several tickets at once: several ids on the command line, and marks in the console's queue
    /// and on the fault board.
    public enum Marks {
        // MARK: The command line

        /// One id of several that was refused, and why (the others are done).
        public static func refused(_ id: Int64, why: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 未办理：\(why)", en: "#\(id) refused: \(why)")
        }

        /// How many of several ids were refused (the last line when any was).
        public static func refusedCount(_ refused: Int, of all: Int) -> LocalizedText {
            LocalizedText(zh: "\(all) 个中有 \(refused) 个未办理，其余已办理", en: "\(refused) of \(all) refused; the others are done")
        }

        public static let idsHelp = LocalizedText(zh: "一个或多个事项编号，每个单独办理。",
                                                  en: "One or more item ids, each done on its own.")
        public static let idsAndUserHelp = LocalizedText(zh: "一个或多个事项编号，最后是被指派人的用户名。",
                                                         en: "One or more item ids, then the assignee's user name.")
        public static let idsAndOtherHelp = LocalizedText(zh: "一个或多个事项编号，最后是另一个事项的编号。",
                                                          en: "One or more item ids, then the other item's id.")

        /// `case assign 12` / `case link 12`: the last value is missing.
        public static func lastMissing(_ what: String) -> LocalizedText {
            LocalizedText(zh: "缺少 \(what)：先写一个或多个事项编号，最后写 \(what)",
                          en: "missing \(what): give one or more item ids, then \(what)")
        }
    }
}

extension Catalog.Marks {
    // MARK: The console

    public static let markKey = LocalizedText(zh: "标记/取消标记所选事项", en: "mark or unmark the selected item")
    public static let clearKey = LocalizedText(zh: "清除全部标记", en: "clear all marks")
    public static let cleared = LocalizedText(zh: "已清除标记", en: "marks cleared")
    /// In a pane's title: how many of its items are marked.
    public static func markedCount(_ n: Int) -> LocalizedText {
        LocalizedText(zh: "已标记 \(n) 个", en: "\(n) marked")
    }
    /// A form opened with marks: what it saves goes to all of them.
    public static func formForAll(_ n: Int) -> LocalizedText {
        n == 1 ? LocalizedText(zh: "保存后对已标记的事项办理", en: "when saved, this is done on the marked item")
            : LocalizedText(zh: "保存后对已标记的 \(n) 个事项逐个办理", en: "when saved, this is done on each of the \(n) marked items")
    }
    public static func working(_ n: Int) -> LocalizedText {
        LocalizedText(zh: "正在办理已标记的 \(n) 个事项…", en: "doing it on the \(n) marked items…")
    }
    public static func doneLine(_ id: Int64) -> LocalizedText {
        LocalizedText(zh: "#\(id) 已办理", en: "#\(id) done")
    }
    public static func summary(done: Int, refused: Int) -> LocalizedText {
        refused == 0
            ? LocalizedText(zh: "\(done) 个已办理", en: "\(done) done")
            : LocalizedText(zh: "\(done) 个已办理，\(refused) 个未办理（仍标记）", en: "\(done) done, \(refused) refused (still marked)")
    }
    public static let resultsTitle = LocalizedText(zh: "标记事项的办理结果", en: "Marked items: what was done")
    /// `标记事项：认领的结果` / `Marked items: take`.
    public static func resultsTitle(of action: LocalizedText) -> LocalizedText {
        LocalizedText(zh: "标记事项：\(action.zh)的结果", en: "Marked items: \(action.en)")
    }
    public static let actionTake = LocalizedText(zh: "认领", en: "take")
    public static func actionAssign(_ to: String) -> LocalizedText { LocalizedText(zh: "指派给 \(to)", en: "assign to \(to)") }
    public static let actionReply = LocalizedText(zh: "回复", en: "reply")
    public static let actionResolve = LocalizedText(zh: "解决", en: "resolve")
    public static let actionRestore = LocalizedText(zh: "恢复", en: "restore")
    public static func actionLink(_ other: Int64) -> LocalizedText { LocalizedText(zh: "关联到 #\(other)", en: "relate to #\(other)") }
    public static func actionMerge(_ into: Int64) -> LocalizedText { LocalizedText(zh: "合并到 #\(into)", en: "merge into #\(into)") }
    public static let openKey = LocalizedText(zh: "打开", en: "open")
}
