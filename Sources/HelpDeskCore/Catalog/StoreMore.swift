import Foundation

/// What the store says beyond its common refusals (Store.swift): who may do what (`Catalog.Staff`),
/// backups and restores (`Catalog.Backup`), and each area's refusals of a write, nested in
/// `Catalog.Store` by area (items, tasks, changes, trainings, inspections, escalations, KPI, rules).
extension Catalog {
    /// Permissions: what only a supervisor does, and why an operator may not write.
    public enum Staff {
        // What only a supervisor does, said after `only a supervisor may …`.
        public static let lowerLevel = LocalizedText(zh: "降低故障级别", en: "lower a fault's level")
        public static let reopen = LocalizedText(zh: "重新打开已关闭的工单", en: "reopen a closed item")
        public static let editCalendar = LocalizedText(zh: "修改工作日历", en: "edit the calendar")
        public static let editStaff = LocalizedText(zh: "修改人员名单", en: "edit the staff list")
        public static let freezeKPI = LocalizedText(zh: "冻结考核期", en: "freeze a KPI period")
        public static let fillDemo = LocalizedText(zh: "向已有人员名单的数据库填充演示数据", en: "fill a database that has staff with demo data")
        public static let restore = LocalizedText(zh: "从备份恢复数据库", en: "restore the database from a backup")
        public static let repair = LocalizedText(zh: "重建汇总表", en: "rebuild the summary tables")
        public static let editInventory = LocalizedText(zh: "修改设备清单", en: "edit the inventory")
        public static let editRules = LocalizedText(zh: "修改服务台规则（升级、巡检阈值、通报联系人）",
                                                    en: "change the desk's rules (escalation, inspection thresholds, client contacts)")

        public static func notStaff(_ user: String) -> LocalizedText {
            LocalizedText(zh: "\(user) 不在人员名单中：只能查看，不能修改；请主管添加（helpdesk staff add \(user) --name 姓名 --role onsite|expert|supervisor|viewer）",
                          en: "\(user) is not on the staff list: you can read but not write; a supervisor adds you with: helpdesk staff add \(user) --name NAME --role onsite|expert|supervisor|viewer")
        }

        public static func inactive(_ user: String) -> LocalizedText {
            LocalizedText(zh: "\(user) 已停用：只能查看，不能修改；主管可重新添加（helpdesk staff add）",
                          en: "\(user) is no longer active staff: you can read but not write; a supervisor can add you again (helpdesk staff add)")
        }

        public static func viewer(_ user: String) -> LocalizedText {
            LocalizedText(zh: "\(user) 是查看人员，只能查看；主管可更改角色（helpdesk staff set-role）",
                          en: "\(user) is a viewer: viewers read only; a supervisor can change the role (helpdesk staff set-role)")
        }

        public static func supervisorsOnly(_ act: LocalizedText, user: String, role: StaffRole) -> LocalizedText {
            LocalizedText(zh: "只有主管可以\(act.zh)；\(user) 是\(role.name.zh)", en: "only a supervisor may \(act.en); \(user) is \(role.name.en)")
        }

        public static func otherTier(_ step: EscalationStep, id: Int64, user: String, role: StaffRole) -> LocalizedText {
            let tier = step.role?.name ?? StaffRole.expert.name
            return LocalizedText(zh: "#\(id) 的 \(step.rawValue) 升级须由\(tier.zh)确认；\(user) 是\(role.name.zh)",
                                 en: "\(step.rawValue) of #\(id) is acknowledged by \(tier.en); \(user) is \(role.name.en)")
        }

        public static func simulatedClock(_ user: String, role: StaffRole?) -> LocalizedText {
            LocalizedText(zh: "用 --now 或 HELPDESK_NOW 设定的时钟仅供主管使用（测试与演示）；\(user) \(role.map { "是\($0.name.zh)" } ?? "不在人员名单中")：请去掉 --now 和 HELPDESK_NOW 后重试；未作任何改动",
                          en: "a clock set with --now or HELPDESK_NOW is for supervisors (tests and demos); \(user) is \(role?.name.en ?? "not on the staff list"): run without --now and HELPDESK_NOW; nothing was changed")
        }

        public static func notTimer(_ user: String) -> LocalizedText {
            LocalizedText(zh: "\(user) 不是在职人员，也未列入系统配置的 timer_users：只有他们可以执行到期的升级步骤；定时任务请由 root 在 /etc/helpdesk/config.toml 中加入 timer_users = [\"\(user)\"]（helpdesk config show）",
                          en: "\(user) is not active staff and not named in timer_users of the system configuration: only they take due escalation steps; for a timer job root adds timer_users = [\"\(user)\"] to /etc/helpdesk/config.toml (helpdesk config show)")
        }

        public static func readOnlyFile(_ user: String) -> LocalizedText {
            LocalizedText(zh: "数据库文件对 \(user) 只读：可以查看，无法保存；如需写入，请加入文件属组并设为组可写（chmod 660）",
                          en: "the database file is read-only for \(user): you may read, nothing can be saved; to write, join the file's group and make it group-writable (chmod 660)")
        }

        // The staff list's own refusals.
        public static func alreadyStaff(_ username: String, name: String, role: StaffRole) -> LocalizedText {
            LocalizedText(zh: "\(username) 已在人员名单中（\(name)，\(role.name.zh)）；更改角色请用 staff set-role",
                          en: "\(username) is already staff (\(name), \(role.name.en)); use staff set-role to change the role")
        }

        public static func notActive(_ username: String) -> LocalizedText {
            LocalizedText(zh: "\(username) 不是在职人员；请查看 helpdesk staff list", en: "\(username) is not active staff; see helpdesk staff list")
        }

        public static func alreadyInRole(_ username: String, _ role: StaffRole) -> LocalizedText {
            LocalizedText(zh: "\(username) 已是\(role.name.zh)", en: "\(username) is already \(role.name.en)")
        }

        public static func lastSupervisor(_ username: String) -> LocalizedText {
            LocalizedText(zh: "\(username) 是最后一位在职主管；请先任命其他主管", en: "\(username) is the last active supervisor; make someone else supervisor first")
        }

        public static func notAUserName(_ text: String) -> LocalizedText {
            LocalizedText(zh: "'\(text)' 不是操作系统用户名；可用字母、数字、'.'、'_'、'-'，最多 32 个",
                          en: "'\(text)' is not an operating-system user name; accepted: letters, digits, '.', '_', '-', at most 32")
        }

        /// A person named for work (an assignee) who is not active staff.
        public static func notActiveStaff(_ username: String) -> LocalizedText {
            LocalizedText(zh: "'\(username)' 不是在职人员；请查看人员名单", en: "'\(username)' is not active staff; see the staff list")
        }
    }

    /// Backups and restores: what a file to restore is not, and what went wrong writing a backup.
    public enum Backup {
        // What a path that is not a regular file is.
        public static let folder = LocalizedText(zh: "目录", en: "a folder")
        public static let fifo = LocalizedText(zh: "命名管道（FIFO）", en: "a FIFO (named pipe)")
        public static let device = LocalizedText(zh: "设备文件", en: "a device")
        public static let socket = LocalizedText(zh: "套接字", en: "a socket")

        public static func missing(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 不存在", en: "\(path) does not exist")
        }

        public static func notSQLite(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 不是 SQLite 数据库文件，未作任何改动", en: "\(path) is not an SQLite database file; nothing was changed")
        }

        public static func notHelpdesk(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 是 SQLite 数据库，但不是 helpdesk 的数据库（没有其结构记录），未作任何改动",
                          en: "\(path) is an SQLite database but not a helpdesk one (it has no record of helpdesk's schema); nothing was changed")
        }

        public static func newer(_ path: String, unknown: [String]) -> LocalizedText {
            LocalizedText(zh: "\(path) 由更新版本的 helpdesk 写入（本程序不认识：\(unknown.joined(separator: "、"))），未作任何改动；请使用新版本程序恢复",
                          en: "\(path) was written by a newer helpdesk (this program does not know: \(unknown.joined(separator: ", "))); nothing was changed: restore it with the newer program")
        }

        public static func damaged(_ path: String, detail: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 已损坏（完整性检查：\(detail)），未作任何改动", en: "\(path) is damaged (integrity check: \(detail)); nothing was changed")
        }

        public static func exists(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 已存在；备份不覆盖已有文件，请换一个文件名", en: "\(path) already exists; a backup never overwrites a file: name a new one")
        }

        public static func noFolder(_ path: String, folder: String) -> LocalizedText {
            LocalizedText(zh: "无法写入 \(path)：目录 \(folder) 不存在；未作任何改动", en: "cannot write \(path): there is no folder \(folder); nothing was changed")
        }

        public static func cannotWrite(_ path: String, reason: String) -> LocalizedText {
            LocalizedText(zh: "无法写入 \(path)：\(reason)；未作任何改动", en: "cannot write \(path): \(reason); nothing was changed")
        }

        public static func notABackup(_ path: String, is kind: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path) 是\(kind.zh)，不是备份文件；未作任何改动", en: "\(path) is \(kind.en), not a backup file; nothing was changed")
        }

        public static func differs(_ path: String, expected: String, found: String) -> LocalizedText {
            LocalizedText(zh: "备份 \(path) 与数据库不符（应为 \(expected)，实为 \(found)），已删除",
                          en: "the backup \(path) does not match the database (expected \(expected), found \(found)); it was removed")
        }

        // What a file is, as `doctor` finds it (without what a refused restore adds).
        public static func isNotSQLite(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 不是 SQLite 数据库文件", en: "\(path) is not an SQLite database file")
        }

        public static func isNotHelpdesk(_ path: String) -> LocalizedText {
            LocalizedText(zh: "\(path) 是 SQLite 数据库，但不是 helpdesk 的数据库", en: "\(path) is an SQLite database but not a helpdesk one")
        }

        public static func notADatabase(_ path: String, is kind: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(path) 是\(kind.zh)，不是数据库文件", en: "\(path) is \(kind.en), not a database file")
        }

        public static let onlyAFile = LocalizedText(zh: "只能恢复数据库文件", en: "only a database file can be restored")
    }
}

extension Catalog.Store {
    /// What an operation expected an item to be (more of them: Store.swift).
    public static let aTask = LocalizedText(zh: "数据处理任务", en: "a data-processing task")
    public static let aChangeRequest = LocalizedText(zh: "变更需求", en: "a change request")
    public static let aTraining = LocalizedText(zh: "培训", en: "a training session")

    /// Refusals of any item's steps: times, required text, levels, closing.
    public enum Items {
        /// In history: an item assigned by someone to themselves.
        public static let took = LocalizedText(zh: "认领", en: "took")
        public static func notAssessed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 是尚未评估的需求；请先评估（case assess \(id) --due … --agreed-with …）",
                          en: "#\(id) is a requirement that has not been assessed; assess it first (case assess \(id) --due … --agreed-with …)")
        }

        public static func dueBeforeAssessment(_ due: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "商定的完成时间 \(BeijingTime.iso(due)) 须晚于评估时间 \(BeijingTime.iso(at))",
                          en: "the agreed due date \(BeijingTime.iso(due)) must lie after the assessment at \(BeijingTime.iso(at))")
        }

        public static func alreadyAssigned(_ id: Int64, to username: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已指派给 \(username)", en: "#\(id) is already assigned to \(username)")
        }

        public static func raiseOrder(_ id: Int64, current: FaultLevel, to level: FaultLevel) -> LocalizedText {
            LocalizedText(zh: "提高级别只能从 3 到 2 到 1；#\(id) 现为 \(current.rawValue) 级，降为 \(level.rawValue) 级须由主管操作",
                          en: "raising goes from 3 to 2 to 1; #\(id) is at level \(current.rawValue), and lowering it to \(level.rawValue) needs a supervisor")
        }

        public static func lowerOrder(_ id: Int64, current: FaultLevel) -> LocalizedText {
            LocalizedText(zh: "降低级别只能从 1 到 2 到 3；#\(id) 现为 \(current.rawValue) 级（提高级别请用 fault raise）",
                          en: "lowering goes from 1 to 2 to 3; #\(id) is at level \(current.rawValue) (to raise it: fault raise)")
        }

        public static func alreadyAtLevel(_ id: Int64, _ level: FaultLevel) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已是 \(level.rawValue) 级", en: "#\(id) is already at level \(level.rawValue)")
        }

        public static func notClosed(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 未关闭；只有已关闭的工单才能重新打开", en: "#\(id) is not closed; only a closed item is reopened")
        }

        /// A step dated before the item came in: reported (a fault), received (a CASE ticket) or
        /// taken in (the rest).
        public static func beforeIntake(_ id: Int64, kind: ItemKind, at: Date, intake: Date) -> LocalizedText {
            let came: LocalizedText
            switch kind {
            case .fault: came = LocalizedText(zh: "报告", en: "reported")
            case .general, .special, .requirement: came = LocalizedText(zh: "受理", en: "received")
            case .task, .change, .delivery, .training, .inspection: came = LocalizedText(zh: "登记", en: "taken in")
            }
            let time = BeijingTime.iso(at), from = BeijingTime.iso(intake)
            return LocalizedText(
                zh: "时间 \(time) 早于 #\(id) 的\(came.zh)时间（\(from)）：后一步不能早于前一步；请给出不早于 \(from) 的时间（--at）",
                en: "the time \(time) lies before #\(id) was \(came.en) (\(from)): no step may be dated before the one it follows; give a time at or after \(from) (--at)")
        }

        public static func unknownEvent(_ id: Int64, _ name: String) -> LocalizedText {
            LocalizedText(zh: "#\(id) 的历史记录含未知事件 '\(name)'", en: "history of #\(id) holds an unknown event '\(name)'")
        }

        public static func inTheFuture(_ at: Date, now: Date) -> LocalizedText {
            LocalizedText(zh: "时间 \(BeijingTime.iso(at)) 在将来（现在是 \(BeijingTime.iso(now))）；事件发生后才能登记",
                          en: "the time \(BeijingTime.iso(at)) lies in the future (now is \(BeijingTime.iso(now))); events are recorded when they have happened")
        }

        public static func emptyOption(_ name: String) -> LocalizedText {
            LocalizedText(zh: "--\(name) 不能为空", en: "--\(name) must not be empty")
        }

        public static let causeAndSolutionMissing = LocalizedText(zh: "关闭须填写问题原因分析（--cause）和解决方案说明（--solution）；两项都缺",
                                                                  en: "closing needs a root-cause analysis (--cause) and a solution description (--solution); both are missing")
        public static let causeMissing = LocalizedText(zh: "关闭须填写问题原因分析（--cause）；缺少此项", en: "closing needs a root-cause analysis (--cause); it is missing")
        public static let solutionMissing = LocalizedText(zh: "关闭须填写解决方案说明（--solution）；缺少此项", en: "closing needs a solution description (--solution); it is missing")
    }

    /// Data-processing tasks.
    public enum Tasks {
        public static func dueBeforeIntake(_ due: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "完成时限 \(BeijingTime.iso(due)) 须晚于登记时间（\(BeijingTime.iso(at))）",
                          en: "the due time \(BeijingTime.iso(due)) must lie after the task is taken in (\(BeijingTime.iso(at)))")
        }

        public static func sourceLater(_ source: Int64, received: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "#\(source) 的受理时间 \(BeijingTime.iso(received)) 晚于 \(BeijingTime.iso(at))",
                          en: "#\(source) was taken in at \(BeijingTime.iso(received)), after \(BeijingTime.iso(at))")
        }

        public static func notCompleted(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 尚未完成；只有已完成的任务才能标记为有误", en: "#\(id) is not completed; only a completed task can be found erroneous")
        }

        public static func alreadyErroneous(_ id: Int64, by actor: String, at: Date) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已由 \(actor) 于 \(BeijingTime.iso(at)) 标记为有误", en: "#\(id) was already marked erroneous by \(actor) at \(BeijingTime.iso(at))")
        }

        public static func beforeCompleted(_ id: Int64, at: Date, completed: Date) -> LocalizedText {
            LocalizedText(zh: "时间 \(BeijingTime.iso(at)) 早于 #\(id) 的完成时间（\(BeijingTime.iso(completed))）",
                          en: "the time \(BeijingTime.iso(at)) lies before #\(id) was completed (\(BeijingTime.iso(completed)))")
        }
    }

    /// Change requests and deliveries.
    public enum Changes {
        public static let effectiveDateMissing = LocalizedText(zh: "政策调整须注明政策生效日期（--effective 日期）",
                                                               en: "a policy adjustment needs the date the policy takes effect (--effective DATE)")

        public static func effectiveDateNotAsked(_ type: ChangeType) -> LocalizedText {
            LocalizedText(zh: "只有政策调整才有生效日期（--effective）；这是\(type.name.zh)",
                          en: "only a policy adjustment has an effective date (--effective); this is a \(type.name.en)")
        }

        public static func alreadyTurnedIntoChange(_ source: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(source) 已转为变更需求", en: "#\(source) was already turned into a change request")
        }

        public static let dueMissing = LocalizedText(zh: "变更需求须有商定的完成时间（--due 时间|日期）", en: "a change request needs its agreed due date (--due TIME|DATE)")

        public static func dueBeforeIntake(_ due: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "商定的完成时间 \(BeijingTime.iso(due)) 须晚于登记时间（\(BeijingTime.iso(at))）",
                          en: "the agreed due date \(BeijingTime.iso(due)) must lie after the change is taken in (\(BeijingTime.iso(at)))")
        }

        /// The change moved on meanwhile: it is at `stage` and would not go to `expected`.
        public static func movedOn(_ id: Int64, stage: ChangeStage, expected: ChangeStage) -> LocalizedText {
            let next = stage.next
            return LocalizedText(
                zh: "#\(id) 现处于\(stage.name.zh)阶段，不会进入\(expected.name.zh)" + (next.map { "；下一阶段是\($0.name.zh)（--to \($0.rawValue)）" } ?? "；已上线") + "；请重新查看",
                en: "#\(id) is now at \(stage.name.en): it would not go to \(expected.name.en)" + (next.map { "; its next stage is \($0.name.en) (--to \($0.rawValue))" } ?? "; it is released") + "; look at it again")
        }

        public static let releaseNeedsCauseAndSolution = LocalizedText(
            zh: "上线即关闭变更：须填写问题原因分析（--cause，为何需要）和解决方案说明（--solution，上线了什么）",
            en: "releasing closes the change: give the cause (--cause, why it was needed) and the solution (--solution, what was released)")

        public static func notReleasing(_ id: Int64, next: ChangeStage) -> LocalizedText {
            LocalizedText(zh: "#\(id) 下一阶段是\(next.name.zh)，不是上线：原因、方案和交付在上线时填写",
                          en: "#\(id) goes to \(next.name.en), not to release: cause, solution and delivery are given when releasing")
        }

        public static func labelOfExistingDelivery(_ existing: Int64) -> LocalizedText {
            LocalizedText(zh: "标签用于新的交付；交付 \(existing) 已有标签", en: "a label names a new delivery; --delivery \(existing) has its own")
        }

        public static func noDelivery(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有编号为 \(id) 的交付；请查看 delivery list", en: "there is no delivery \(id); see delivery list")
        }

        public static func deliveredLater(_ id: Int64, delivered: Date, at: Date) -> LocalizedText {
            LocalizedText(zh: "交付 \(id) 的时间 \(BeijingTime.iso(delivered)) 晚于 \(BeijingTime.iso(at))",
                          en: "delivery \(id) was made at \(BeijingTime.iso(delivered)), after \(BeijingTime.iso(at))")
        }

        public static func roundBeforeRound(_ number: Int, last: Int, lastAt: Date) -> LocalizedText {
            LocalizedText(zh: "第 \(number) 轮不能早于第 \(last) 轮（\(BeijingTime.iso(lastAt))）",
                          en: "round \(number) cannot come before round \(last) (\(BeijingTime.iso(lastAt)))")
        }

        public static func defectBeforeDelivery(_ id: Int64, delivered: Date) -> LocalizedText {
            LocalizedText(zh: "交付 \(id) 的缺陷须在交付（\(BeijingTime.iso(delivered))）之后发现",
                          en: "a defect of delivery \(id) is found after it was made (\(BeijingTime.iso(delivered)))")
        }
    }

    /// Training sessions.
    public enum Trainings {
        public static func afterNotATraining(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "--after：#\(id) 不是培训；请查看 train list", en: "--after: #\(id) is not a training; see train list")
        }
    }

    /// Inspections and the inventory.
    public enum Inspections {
        public static func inTheFuture(_ at: Date, now: Date) -> LocalizedText {
            LocalizedText(zh: "at：\(BeijingTime.iso(at)) 在将来（现在是 \(BeijingTime.iso(now))）；巡检完成后才能登记",
                          en: "at: \(BeijingTime.iso(at)) lies in the future (now is \(BeijingTime.iso(now))); an inspection is recorded once it was made")
        }

        /// The description an import stored for an item a reading opened, before these texts were
        /// kept as codes: the title in English, then where it came from. Only recognised now, by
        /// the migration that codes such items (v13); new items say `Catalog.InspectionImport`'s.
        public static func openedDescription(_ title: LocalizedText, inspection id: Int64, inspector: String) -> String {
            "\(title.en)\n巡检 inspection #\(id) · \(inspector)"
        }

        public static func noInspection(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "没有编号为 \(id) 的巡检；请查看 inspect list", en: "there is no inspection \(id); see inspect list")
        }

        public static func alreadyInInventory(_ kind: InventoryKind, _ name: String) -> LocalizedText {
            LocalizedText(zh: "\(kind.name.zh) \(name) 已在清单中（修改请用 inventory set）", en: "\(kind.rawValue) \(name) is already in the inventory (to change it: inventory set)")
        }

        public static func stillHasChildren(_ kind: InventoryKind, _ name: String, children: [String]) -> LocalizedText {
            LocalizedText(zh: "\(kind.name.zh) \(name) 下仍有 \(children.joined(separator: "、"))；请先移走或删除",
                          en: "\(kind.rawValue) \(name) still has \(children.joined(separator: ", ")) behind it; move or remove them first")
        }

        public static func notInInventory(_ kind: InventoryKind, _ name: String) -> LocalizedText {
            LocalizedText(zh: "清单中没有\(kind.name.zh) \(name)；请查看 inventory list", en: "there is no \(kind.rawValue) \(name) in the inventory; see inventory list")
        }

        public static func notAnInventoryName(_ text: String) -> LocalizedText {
            LocalizedText(zh: "'\(text)' 不能作为清单名称；应为不含空格的名称，例如 app12 或 10.63.1.22:7001",
                          en: "'\(text)' is not a name for the inventory; accepted: a name without spaces, e.g. app12 or 10.63.1.22:7001")
        }

        public static func noParent(_ kind: InventoryKind) -> LocalizedText {
            LocalizedText(zh: "\(kind.name.zh)没有上级；请去掉 --parent", en: "a \(kind.rawValue) belongs to nothing; leave --parent out")
        }

        public static func parentNotFound(_ parent: String, kind: InventoryKind, parentKind: InventoryKind) -> LocalizedText {
            let article = parentKind == .address ? "an" : "a"
            return LocalizedText(
                zh: "--parent \(parent)：清单中没有该\(parentKind.name.zh)（\(kind.name.zh)的上级应为\(parentKind.name.zh)）",
                en: "--parent \(parent): there is no \(parentKind.rawValue) of that name in the inventory (a \(kind.rawValue) belongs to \(article) \(parentKind.rawValue))")
        }
    }

    /// Escalation steps taken and acknowledged by hand.
    public enum Escalations {
        public static func atTheTop(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已升至 T2，升级路径的最高一级", en: "#\(id) has reached T2, the top of the escalation path")
        }

        public static func escalatedMeanwhile(_ id: Int64, to step: EscalationStep) -> LocalizedText {
            LocalizedText(zh: "#\(id) 已被他人同时升级至 \(step.rawValue)", en: "#\(id) was escalated to \(step.rawValue) by someone else meanwhile")
        }

        public static func nothingToAcknowledge(_ id: Int64) -> LocalizedText {
            LocalizedText(zh: "#\(id) 没有待确认的升级步骤", en: "#\(id) has no tier step waiting for acknowledgement")
        }

        public static func beforeStep(_ at: Date, taken: Date) -> LocalizedText {
            LocalizedText(zh: "时间 \(BeijingTime.iso(at)) 早于该升级步骤的时间（\(BeijingTime.iso(taken))）",
                          en: "the time \(BeijingTime.iso(at)) lies before the step was taken (\(BeijingTime.iso(taken)))")
        }
    }

    /// KPI periods and the monthly report.
    public enum Figures {
        public static func notEnded(_ period: Period) -> LocalizedText {
            LocalizedText(zh: "\(period) 尚未结束（\(BeijingTime.iso(period.interval.end)) 结束）；其指标仍可能变化",
                          en: "\(period) has not ended yet (it ends \(BeijingTime.iso(period.interval.end))); its figures can still change")
        }

        public static func alreadyFrozen(_ period: Period) -> LocalizedText {
            LocalizedText(zh: "\(period) 已冻结", en: "\(period) is already frozen")
        }

        public static func reportIsMonthly(_ month: Period) -> LocalizedText {
            LocalizedText(zh: "运维服务月报按月出具；\(month) 不是月份", en: "the service report is monthly; \(month) is not a month")
        }
    }

    /// The desk's rules (`config set`).
    public enum DeskRules {
        public static func notARule(_ key: String, accepted: [String]) -> LocalizedText {
            LocalizedText(zh: "'\(key)' 不是服务台规则；可用：\(accepted.joined(separator: "、"))",
                          en: "'\(key)' is not a desk rule; accepted: \(accepted.joined(separator: ", "))")
        }

        public static func unchanged(_ key: String, value: String?) -> LocalizedText {
            LocalizedText(zh: "\(key) 已是 \(value ?? "默认值")；未作任何改动", en: "\(key) is already \(value ?? "the default"); nothing was changed")
        }
    }
}

extension Catalog.Store {
    /// The names the first migration (v1) stored in the region and channel tables, as shipped: a
    /// migration is history, so these stay as they were when the names of things change.
    public enum NamesOfV1 {
        public static let regions: [(code: String, name: String)] = [
            ("xining", "西宁市"), ("haidong", "海东市"), ("hainan", "海南州"), ("huangnan", "黄南州"),
            ("yushu", "玉树州"), ("guoluo", "果洛州"), ("haixi", "海西州"), ("haibei", "海北州"),
            ("shengzhishu", "省直属"),
        ]
        public static let channels: [(code: String, name: String)] = [
            ("phone", "电话"), ("wechat", "微信"), ("qq", "QQ"), ("email", "电子邮件"), ("fax", "传真"),
            ("case", "需求管理平台CASE"),
        ]
    }
}
