/// What the command line says about work items (tickets, faults, tasks, changes, deliveries,
/// defects, the outbox) and about what was typed: numbers, texts, files, the database's place.
extension Catalog {
    public enum Items {
        // MARK: Faults and escalation

        /// `fault raise` / `fault lower`: the new level and the deadline recomputed.
        public static func levelChanged(_ id: Int64, level: Int, due: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 级别 \(level) → \(due)", en: "#\(id) level \(level) → \(due)")
        }

        /// `fault ack`: the step acknowledged and by whom.
        public static func acknowledged(_ id: Int64, step: String, by actor: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) \(step) 已由 \(actor) 确认", en: "#\(id) \(step) acknowledged by \(actor)")
        }

        /// Steps whose role has nobody active on the staff list, with the command that fixes it.
        public static func reachedNobody(_ steps: String, role: StaffRole) -> LocalizedText {
            LocalizedText(zh: "警告：\(steps) 无人可通知——人员名单中没有在职的\(role.name.zh)（helpdesk staff add 用户名 --name 姓名 --role \(role.rawValue)）",
                          en: "warning: \(steps) reached nobody: nobody active on the staff list is \(role.name.en) (helpdesk staff add USER --name NAME --role \(role.rawValue))")
        }

        /// `notify list`.
        public enum Outbox {
            public static let delivered = LocalizedText(zh: "已送达", en: "delivered")
            public static let pending = LocalizedText(zh: "待发送", en: "pending")
            public static func retrying(_ error: String) -> LocalizedText {
                LocalizedText(zh: "重试中：\(error)", en: "retrying: \(error)")
            }
        }

        // MARK: Tasks and changes

        public static func taskMarkedErroneous(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已标记为有误", en: "#\(id) marked erroneous")
        }

        /// The tasks list's column of when a task was found erroneous.
        public static let erroneousColumn = LocalizedText(zh: "有误", en: "erroneous")
        /// The change list's columns.
        public static let typeColumn = LocalizedText(zh: "类型", en: "type")
        public static let stageColumn = LocalizedText(zh: "阶段", en: "stage")

        public static func releasedHasNoNextStage(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已上线：没有下一阶段", en: "#\(id) is released: it has no next stage")
        }

        /// `change advance` without `--to`: where the change is and the command that moves it on.
        public static func advanceNeedsStage(_ id: Int64, at stage: ChangeStage, next: ChangeStage) -> LocalizedText {
            LocalizedText(zh: "change advance 须用 --to 指明进入的阶段：#\(id) 现处于\(stage.chineseName)，下一阶段是\(next.chineseName)（helpdesk change advance \(id) --to \(next.rawValue)）；未作任何改动",
                          en: "change advance needs --to, the stage it moves to: #\(id) is at \(stage.rawValue), its next stage is \(next.rawValue) (helpdesk change advance \(id) --to \(next.rawValue)); nothing was changed")
        }

        public static func reprocessingTaskOpened(_ task: Int64) -> LocalizedText {
            LocalizedText(zh: "已开立数据处理任务 #\(task)：重新处理政策生效以来的业务",
                          en: "opened data-processing task #\(task) to reprocess the business handled since the policy took effect")
        }

        public static func testRound(_ id: Int64, number: Int, result: TestResult) -> LocalizedText {
            LocalizedText(zh: "#\(id) 第 \(number) 轮内测 \(result.label(.zh))",
                          en: "#\(id) internal test round \(number): \(result.label(.en))")
        }

        // MARK: Deliveries and defects

        public enum Deliveries {
            public static let listHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "标签", en: "label"), LocalizedText(zh: "交付时间", en: "delivered"),
                LocalizedText(zh: "交付人", en: "by"), LocalizedText(zh: "缺陷", en: "defects"), LocalizedText(zh: "30天内", en: "within 30 days"),
            ]
            /// A delivery with a defect found within 30 days, in the list's last column.
            public static let withinThirtyDays = LocalizedText(zh: "有", en: "yes")
            /// `delivery show`'s heading word.
            public static let delivery = LocalizedText(zh: "交付", en: "Delivery")
            public static let delivered = LocalizedText(zh: "交付时间", en: "delivered")
            public static let erroneous = LocalizedText(zh: "30 天内发现缺陷：计入软件交付错误率", en: "a defect found within 30 days: counts as erroneous")
            public static let changes = LocalizedText(zh: "变更", en: "Changes")
            public static let changeHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "类型", en: "type"),
                LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "时限", en: "due"),
            ]
            public static let defects = LocalizedText(zh: "缺陷", en: "Defects")
            public static let noDefects = LocalizedText(zh: "  （无）", en: "  (none)")
            /// The day after the delivery a defect was found on.
            public static func day(_ n: Int) -> LocalizedText {
                LocalizedText(zh: "交付后第\(n)天", en: "day \(n)")
            }
            public static let defectHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "交付", en: "delivery"), LocalizedText(zh: "发现时间", en: "found"),
                LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "登记人", en: "recorded by"),
            ]
        }

        // MARK: Lists

        public static let regionOfTasksOrChanges = LocalizedText(zh: "--region：数据处理任务和变更需求没有地区",
                                                                 en: "--region: tasks and change requests have no region")

        public static func notAStatus(_ status: String) -> LocalizedText {
            LocalizedText(zh: "--status：'\(status)' 不是状态；可接受：open、responded、assessed、closed（或 completed、released、resolved、restored）、active",
                          en: "--status: '\(status)' is not a status; accepted: open, responded, assessed, closed (or completed, released, resolved, restored), active")
        }

        /// Paging by `--after`: how many are shown after which item, of how many.
        public static func showingAfter(_ after: Int64, count: Int, of total: String) -> LocalizedText {
            LocalizedText(zh: "显示 #\(after) 之后的 \(count) 条，共 \(total)", en: "showing \(count) after #\(after) of \(total)")
        }

        /// `demo`: how many items were written and how long it took.
        public static func demoWritten(_ items: Int, seconds: String) -> LocalizedText {
            LocalizedText(zh: "已写入 \(items) 条事项，用时 \(seconds) 秒", en: "\(items) items written in \(seconds) s")
        }
    }
}

extension Catalog.Commands {
    /// What was typed as a number, a text or a file and cannot be used.
    public enum Typed {
        /// What 0 asks for in `--limit`.
        public static let zeroForAll = LocalizedText(zh: "全部", en: "all")

        public static func count(_ option: String, _ value: Int, least: Int, zeroMeans: LocalizedText?) -> LocalizedText {
            let note = zeroMeans.map { LocalizedText(zh: "（0 表示\($0.zh)）", en: " (0 for \($0.en))") } ?? .verbatim("")
            return LocalizedText(zh: "\(option)：\(value) 不可接受；可接受：\(least) 或以上的整数\(note.zh)",
                                 en: "\(option): \(value) is not accepted; accepted: a whole number, \(least) or more\(note.en)")
        }

        /// An item's number that is not one (`--case 0`, `show -1`).
        public static func itemNumber(_ option: String, _ typed: String) -> LocalizedText {
            LocalizedText(zh: "\(option)：\(typed) 不可接受；可接受：事项编号，1 或以上的整数",
                          en: "\(option): \(typed) is not accepted; accepted: an item's number, a whole number, 1 or more")
        }

        public static let offsetOrAfter = LocalizedText(zh: "请给 --offset 或 --after，不要同时给", en: "give --offset or --after, not both")
        public static let descriptionOrFile = LocalizedText(zh: "请给 --description 或 --description-file，不要同时给",
                                                            en: "give --description or --description-file, not both")

        public static func cannotRead(_ option: String, _ path: String) -> LocalizedText {
            LocalizedText(zh: "\(option)：无法读取 '\(path)'", en: "\(option): cannot read '\(path)'")
        }

        public static func cannotRead(_ option: String, _ path: String, because error: String) -> LocalizedText {
            LocalizedText(zh: "\(option)：无法读取 '\(path)'：\(error)", en: "\(option): cannot read '\(path)': \(error)")
        }

        public static func tooLong(_ option: String, _ field: LocalizedText, limit: Int) -> LocalizedText {
            LocalizedText(zh: "\(option)：\(field.zh)超过 \(limit) 字节；最多接受 \(limit) 字节（64 KiB）",
                          en: "\(option): \(field.en) is longer than \(limit) bytes; at most \(limit) bytes (64 KiB) are accepted")
        }

        /// An argument not named by an option before it: its place among the arguments.
        public static func argument(_ n: Int) -> LocalizedText {
            LocalizedText(zh: "第 \(n) 个参数", en: "argument \(n)")
        }

        public static func notUTF8(_ name: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(name.zh)：文本不是有效的 UTF-8 编码；请将终端或文件设为 UTF-8",
                          en: "\(name.en): the text is not valid UTF-8; set the terminal or the file to UTF-8")
        }

        // A file named to be read whole; `expected` says what to give instead.
        public static func noSuchFile(_ path: String, hidden: Bool, expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path)：\(hidden ? "无法访问（没有进入其所在文件夹的权限）" : "文件不存在")；请给出\(expected.zh)",
                          en: "\(path): \(hidden ? "cannot be reached (no permission to enter its folder)" : "no such file"); give \(expected.en)")
        }

        public static func isAFolder(_ path: String, expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path)：是文件夹而不是文件；请给出\(expected.zh)", en: "\(path): is a folder, not a file; give \(expected.en)")
        }

        public static func unreadable(_ path: String, denied: Bool, expected: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path)：无法读取\(denied ? "（没有读取权限）" : "")；请给出\(expected.zh)",
                          en: "\(path): cannot be read\(denied ? " (you have no permission to read it)" : ""); give \(expected.en)")
        }
    }

    /// Why the database file named could not be opened or created.
    public enum DatabasePlace {
        public static func folderNotFile(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 是文件夹而不是数据库文件；请给出文件的路径，例如 \(path)/helpdesk.sqlite",
                          en: "\(path) is a folder, not a database file; give the file's path, e.g. \(path)/helpdesk.sqlite")
        }

        public static func notAPath(_ path: String) -> LocalizedText {
            LocalizedText(zh: "--db：'\(path)' 不是路径；可接受：数据库文件的路径，例如 /srv/helpdesk/helpdesk.sqlite（或不给 --db，使用 $HELPDESK_DB 或默认位置）",
                          en: "--db: '\(path)' is not a path; accepted: the path of the database file, e.g. /srv/helpdesk/helpdesk.sqlite (or no --db, for $HELPDESK_DB or the default)")
        }

        public static func mayNotEnter(_ path: String, folder: String, group: String) -> LocalizedText {
            LocalizedText(zh: "无法打开数据库 \(path)：您无权进入文件夹 \(folder)（属组 \(group)）。共享主机上请申请加入 \(group) 组（然后重新登录）；否则请用 --db 指定您自己文件夹中的路径",
                          en: "cannot open the database \(path): you may not enter the folder \(folder) (group \(group)). On a shared host, ask to be added to the group \(group) (then log in again); otherwise give --db a path in a folder of yours")
        }

        /// The file cannot be made in `existing`: the file itself (`missingFolder` nil) or the
        /// folder on its way that is missing.
        public static func mayNotCreate(_ path: String, in existing: String, missingFolder: String?) -> LocalizedText {
            let made = missingFolder.map { LocalizedText(zh: "创建文件夹 \($0)", en: "create the folder \($0) in") }
                ?? LocalizedText(zh: "创建数据库文件", en: "create the database file in")
            return LocalizedText(zh: "无法创建数据库 \(path)：您无权在 \(existing) 中\(made.zh)。请用 --db 指定您可写入的文件夹中的路径，或请管理员创建",
                                 en: "cannot create the database \(path): you may not \(made.en) \(existing). Give --db a path in a folder you may write, or ask the administrator to create it")
        }

        public static func cannotOpen(_ path: String, _ reason: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "无法打开数据库 \(path)：\(reason.zh)", en: "cannot open the database \(path): \(reason.en)")
        }

        public static let permissionDenied = LocalizedText(zh: "没有权限", en: "permission denied")
        public static let folderMissing = LocalizedText(zh: "路径中的文件夹不存在", en: "a folder on its path does not exist")
        public static let partIsAFile = LocalizedText(zh: "路径中的某一段是文件而不是文件夹", en: "a part of its path is a file, not a folder")
        public static let readOnly = LocalizedText(zh: "文件系统只读", en: "the file system is read-only")
        public static let diskFull = LocalizedText(zh: "磁盘已满", en: "the disk is full")
        public static func systemRefused(_ domain: String, _ code: Int) -> LocalizedText {
            LocalizedText(zh: "系统拒绝（\(domain) \(code)）", en: "the system refused it (\(domain) \(code))")
        }
    }
}
