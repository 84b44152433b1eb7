/// What the store says: its refusals (`StoreError`) and what went wrong with the database file
/// (`StorageFailure`), each naming what was wrong and what is accepted or to be done.
extension Catalog {
    public enum Store {
        public static func notFound(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有编号为 #\(id) 的工单", en: "no work item #\(id)")
        }

        public static func wrongKind(_ id: Int64, is kind: ItemKind, expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "#\(id) 是\(kind.name.zh)，不是\(expected.zh)", en: "#\(id) is a \(kind.rawValue) item, not \(expected.en)")
        }

        public static func notPermitted(_ refusal: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "无权操作：\(refusal.zh)", en: "not permitted: \(refusal.en)")
        }

        public static func alreadyClosed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已关闭", en: "#\(id) is already closed")
        }

        public static func newerSchema(_ unknown: [String]) -> LocalizedText {
            LocalizedText(
                zh: "数据库由更新版本的 helpdesk 写入（其结构含本程序不认识的变更：\(unknown.joined(separator: "、"))），未作任何改动；请使用新版本程序",
                en: "the database was written by a newer version of helpdesk (its schema has changes this program does not know: \(unknown.joined(separator: ", "))); it was left unchanged: use the newer program")
        }

        public static func staleEdit(_ id: Int64, expected: Int, current: Int) -> LocalizedText {
            LocalizedText(
                zh: "#\(id) 已被他人修改（版本 \(expected) → \(current)），未保存；请重新载入后再试",
                en: "#\(id) was changed by someone else meanwhile (you edited version \(expected), it is now at version \(current)); reload it and try again")
        }

        // What an operation expected an item to be, for a refusal of the wrong kind.
        public static let aCaseTicket = LocalizedText(zh: "CASE 工单", en: "a CASE ticket")
        public static let aFault = LocalizedText(zh: "故障", en: "a fault")
        public static let aRequirement = LocalizedText(zh: "需求（只有需求需要评估）", en: "a requirement (only requirements are assessed)")
        public static let anItem = LocalizedText(zh: "工单", en: "an item")

        public static let notADemoDatabase = LocalizedText(
            zh: "此数据库中有非演示数据生成的工单；演示数据只能写入新数据库或演示数据库（helpdesk --demo demo，或 --db 新文件）；未作任何改动",
            en: "this database holds work items that demo data did not make; demo data goes only into a new database or a demo one (helpdesk --demo demo, or --db NEW-FILE); nothing was changed")

        public static func calendarYearRefused(_ year: Int) -> LocalizedText {
            LocalizedText(zh: "\(year) 年没有任何节假日或不在 2000–2099 年之间；未导入任何内容",
                          en: "year \(year) lists no holiday or lies outside 2000–2099; nothing was imported")
        }

        public static let demoSizes = LocalizedText(zh: "--items 和 --days 至少为 1", en: "--items and --days must be at least 1")
    }

    /// What went wrong with the database file at a path: what happened, that nothing was changed,
    /// what to do.
    public enum StorageFile {
        public static func notADatabase(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 不是 helpdesk 数据库（不是 SQLite 文件）；未作任何改动。请检查 --db / HELPDESK_DB",
                          en: "\(path) is not a helpdesk database (not an SQLite file); nothing was changed. Check --db / HELPDESK_DB")
        }

        public static func damaged(_ path: String) -> LocalizedText {
            LocalizedText(zh: "数据库 \(path) 已损坏；未作任何改动。请运行 helpdesk doctor，并从最近的备份恢复（helpdesk restore FILE）",
                          en: "the database \(path) is damaged; nothing was changed. Run helpdesk doctor, and restore the last good backup (helpdesk restore FILE)")
        }

        public static func full(_ path: String) -> LocalizedText {
            LocalizedText(zh: "存放 \(path) 的磁盘已满；本次操作未写入任何内容。请腾出空间后重试",
                          en: "the disk holding \(path) is full; nothing of this change was written. Free some space and try again")
        }

        public static func cannotOpen(_ path: String) -> LocalizedText {
            LocalizedText(zh: "无法打开数据库 \(path)：请确认所在目录存在且您可以访问（共享主机上需属于 helpdesk 组）",
                          en: "cannot open the database \(path): check that its folder exists and that you may use it (on a shared host, be in the desk's group)")
        }

        public static func readOnly(_ path: String) -> LocalizedText {
            LocalizedText(zh: "数据库 \(path) 对您只读；未作任何改动。如需写入，请加入其属组并确认文件组可写（chmod 660）",
                          en: "the database \(path) is read-only for you; nothing was changed. To write, join its group and make it group-writable (chmod 660)")
        }

        public static func busy(_ path: String) -> LocalizedText {
            LocalizedText(zh: "数据库 \(path) 正被其他程序长时间占用；未作任何改动。请稍后重试",
                          en: "the database \(path) was held by another program for too long; nothing was changed. Try again in a moment")
        }

        public static func ioError(_ path: String) -> LocalizedText {
            LocalizedText(zh: "读写 \(path) 时发生输入/输出错误；未作任何改动。请检查磁盘，并运行 helpdesk doctor",
                          en: "an input/output error occurred on \(path); nothing was changed. Check the disk, and run helpdesk doctor")
        }
    }
}
