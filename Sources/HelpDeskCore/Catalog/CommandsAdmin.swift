/// What the administration commands say: backups and restores, staff, the calendar, the
/// configuration and the doctor.
extension Catalog {
    public enum Admin {
        public enum Backup {
            public static let needsPath = LocalizedText(
                zh: "backup 需要新文件的路径；例如 /var/backups/helpdesk/helpdesk-20261125.sqlite",
                en: "backup needs the path of the new file; accepted: e.g. /var/backups/helpdesk/helpdesk-20261125.sqlite")

            public static func namesFolder(_ file: String) -> LocalizedText {
                LocalizedText(zh: "\(file) 是文件夹；请给出新文件的路径，例如 \(file)helpdesk-20261125.sqlite",
                              en: "\(file) names a folder; accepted: the path of a new file, e.g. \(file)helpdesk-20261125.sqlite")
            }

            /// What a copy holds: `12 items, 40 history rows, schema "v9", integrity ok`.
            public static func counts(items: Int, historyRows: Int, schema: String, intact: Bool) -> LocalizedText {
                LocalizedText(zh: "\(items) 项工单，\(historyRows) 条历史，结构 \(schema)，完整性检查\(intact ? "通过" : "未通过")",
                              en: "\(items) items, \(historyRows) history rows, schema \"\(schema)\", integrity \(intact ? "ok" : "NOT ok")")
            }

            public static func written(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "已备份到 \(path)：\(counts.zh)", en: "backup written to \(path): \(counts.en)")
            }

            public static func kept(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "恢复前的数据库已保存到 \(path)：\(counts.zh)", en: "the database as it was is kept in \(path): \(counts.en)")
            }

            public static func restored(_ path: String, _ counts: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "已从 \(path) 恢复：\(counts.zh)", en: "restored from \(path): \(counts.en)")
            }
        }

        public enum Staff {
            public static let headers = [LocalizedText(zh: "用户", en: "user"), LocalizedText(zh: "姓名", en: "name"),
                                         LocalizedText(zh: "电话", en: "phone"), LocalizedText(zh: "角色", en: "role"),
                                         LocalizedText(zh: "状态", en: "state")]
            public static let active = LocalizedText(zh: "在岗", en: "active")
            public static let inactive = LocalizedText(zh: "已停用", en: "inactive")
        }

        public enum Calendar {
            public static let legend = LocalizedText(zh: "  * 节假日   + 调休上班", en: "  * holiday   + make-up working day")
            public static let holidayFile = LocalizedText(zh: "holiday-cn 格式的 JSON 文件", en: "a holiday-cn JSON file")

            public static func fileRefused(_ file: String, _ problem: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(file)：\(problem.zh)；未导入任何内容", en: "\(file): \(problem.en); nothing was stored")
            }

            public static func imported(year: Int, daysOff: Int, makeUpDays: Int) -> LocalizedText {
                LocalizedText(zh: "\(year) 年：放假 \(daysOff) 天，调休上班 \(makeUpDays) 天",
                              en: "\(year): \(daysOff) days off, \(makeUpDays) make-up working days")
            }

            public static func deadlinesComputedAgain(_ ids: String) -> LocalizedText {
                LocalizedText(zh: "已重算时限：\(ids)", en: "deadlines computed again: \(ids)")
            }

            /// Where a year of the holiday schedule comes from (`calendar years`).
            public static func importedBy(_ at: String, _ by: String) -> LocalizedText {
                LocalizedText(zh: "\(at) 由 \(by) 导入", en: "imported \(at) by \(by)")
            }

            public static let bundled = LocalizedText(zh: "内置", en: "bundled")
        }

        public enum Config {
            public static func setTakesOneValue(_ key: String, example: String) -> LocalizedText {
                LocalizedText(zh: "config set 需要一个键和一个值（含空格的值请加引号）；例如 helpdesk config set \(key) \(example)",
                              en: "config set takes one KEY and one VALUE (quote a value with spaces); e.g. helpdesk config set \(key) \(example)")
            }

            public static func notARule(_ key: String, _ keys: [String]) -> LocalizedText {
                LocalizedText(zh: "'\(key)' 不是服务台规则；可用：\(keys.joined(separator: "、"))",
                              en: "'\(key)' is not a desk rule; accepted: \(keys.joined(separator: ", "))")
            }

            public static func oneLine(_ key: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：值须为一行 TOML；例如 \(example)",
                              en: "\(key): the value is one line of TOML; accepted: e.g. \(example)")
            }

            public static func notAValue(_ key: String, _ value: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(value) 不是此规则可取的值（按配置文件的 TOML 写法）；例如 helpdesk config set \(key) \(example)",
                              en: "\(key): \(value) is not a value this rule takes (written as in the configuration file, TOML); e.g. helpdesk config set \(key) \(example)")
            }

            public static func refused(_ key: String, _ problem: LocalizedText, rule: String, example: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(problem.zh)；例如 helpdesk config set \(rule) \(example)",
                              en: "\(key): \(problem.en); e.g. helpdesk config set \(rule) \(example)")
            }

            /// A value of the client rule as typed after `config set client`, the same in both languages.
            public static let clientExample = #"'[{name = "值班室", phone = "0971-5550100"}]'"#

            public static let theDefault = LocalizedText(zh: "默认值", en: "the default")

            public static func changed(_ key: String, from: String, to: String) -> LocalizedText {
                LocalizedText(zh: "\(key)：\(from) → \(to)", en: "\(key): \(from) → \(to)")
            }

            public static func systemWins(_ file: String, _ key: String) -> LocalizedText {
                LocalizedText(zh: "注意：\(file) 也设定了 \(key)，以它为准（由 root 修改）",
                              en: "note: \(file) sets \(key) too and wins over the database (root changes it)")
            }

            public static func noFile(_ looked: String) -> LocalizedText {
                LocalizedText(zh: "没有配置文件，使用默认值：查找过 \(looked)",
                              en: "no configuration file; the defaults are in effect: looked at \(looked)")
            }

            public static let noDemo = LocalizedText(
                zh: "--demo：config check 只读配置文件，不用数据库；请去掉 --demo",
                en: "--demo: config check reads configuration files, not a database; leave --demo out")
        }

        /// What `helpdesk doctor` finds and what to do about it.
        public enum Doctor {
            public static func newerSchema(_ unknown: [String]) -> LocalizedText {
                LocalizedText(zh: "由更新版本的 helpdesk 写入（\(unknown.joined(separator: "、"))）",
                              en: "written by a newer helpdesk (\(unknown.joined(separator: ", ")))")
            }
            public static let installNewer = LocalizedText(zh: "在本机安装新版本 helpdesk；本程序不可写入它",
                                                           en: "install the newer helpdesk on this host; this one must not write to it")
            public static func olderSchema(_ pending: [String]) -> LocalizedText {
                LocalizedText(zh: "比本程序旧：待升级 \(pending.count) 项（\(pending.joined(separator: "、"))）",
                              en: "older than this program: \(pending.count) upgrade(s) pending (\(pending.joined(separator: ", ")))")
            }
            public static let upgrade = LocalizedText(zh: "先备份（helpdesk backup FILE），再用本程序运行任一命令（如 helpdesk list）完成升级",
                                                      en: "back it up (helpdesk backup FILE), then run any command with this program, e.g. helpdesk list, to upgrade it")
            public static func upToDate(_ latest: String) -> LocalizedText {
                LocalizedText(zh: "与本程序一致（\(latest)）", en: "up to date (\(latest))")
            }
            public static func folderClosed(_ path: String, folder: String, group: String) -> LocalizedText {
                LocalizedText(zh: "无法查看数据库 \(path)：您无权进入文件夹 \(folder)（属组 \(group)）",
                              en: "cannot look for the database \(path): you may not enter the folder \(folder) (group \(group))")
            }
            public static func askForGroup(_ group: String, user: String) -> LocalizedText {
                LocalizedText(zh: "请管理员将您加入 \(group) 组（usermod -aG \(group) \(user)），然后重新登录",
                              en: "ask the administrator to add you to the group \(group) (usermod -aG \(group) \(user)), then log in again")
            }
            public static func noDatabase(_ path: String) -> LocalizedText {
                LocalizedText(zh: "\(path) 处没有数据库", en: "no database at \(path)")
            }
            public static let checkDatabaseOption = LocalizedText(zh: "检查 --db / HELPDESK_DB；数据库在第一次使用时创建",
                                                                  en: "check --db / HELPDESK_DB; a database is created by the first command that uses it")
            public static let pointAtDatabase = LocalizedText(zh: "让 --db / HELPDESK_DB 指向服务台数据库，或恢复最近的备份（helpdesk restore FILE）",
                                                              en: "point --db / HELPDESK_DB at the desk's database, or restore the last backup (helpdesk restore FILE)")
            public static func cannotRead(_ path: String, _ error: String) -> LocalizedText {
                LocalizedText(zh: "无法读取 \(path)：\(error)", en: "cannot read \(path): \(error)")
            }
            /// A file with its owner, group and mode: the start of each finding of the file check.
            public static func file(_ file: String, owner: String, group: String, mode: String) -> LocalizedText {
                LocalizedText(zh: "\(file)：属主 \(owner)，属组 \(group)，权限 \(mode)", en: "\(file): owner \(owner), group \(group), mode \(mode)")
            }
            /// What users outside the owner and group may do with the database.
            public static func othersMay(_ file: LocalizedText, read: Bool, write: Bool) -> LocalizedText {
                let en = write && read ? "read and change" : write ? "change" : read ? "read" : "reach"
                let zh = write && read ? "读取和修改" : write ? "修改" : read ? "读取" : "访问"
                return LocalizedText(zh: "\(file.zh)：其他用户可\(zh)记录", en: "\(file.en): others may \(en) the records")
            }
            public static func readOnly(_ file: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(file.zh)：您只能读取", en: "\(file.en): read-only for you")
            }
            public static func joinGroup(_ group: String, file: String) -> LocalizedText {
                LocalizedText(zh: "如需写入：加入属组 \(group)，并设为组可写：chmod 660 \(file)",
                              en: "to write, join the file's group (\(group)) and make it group-writable: chmod 660 \(file)")
            }
            public static func folderWritable(_ dir: String) -> LocalizedText {
                LocalizedText(zh: "\(dir) 任何人可写：他人可能替换数据库", en: "\(dir) may be written by anyone: others could replace the database")
            }
            public static func folderOpen(_ dir: String, mode: String) -> LocalizedText {
                LocalizedText(zh: "\(dir)（权限 \(mode)）任何人都可列出或进入，而不仅是服务台的组",
                              en: "\(dir) (mode \(mode)) may be listed or entered by anyone, not only the desk's group")
            }
            public static func partialUnderWay(_ path: String, size: String, pid: Int32) -> LocalizedText {
                LocalizedText(zh: "\(path)（\(size)）：备份或恢复正在进行（进程 \(pid)）",
                              en: "\(path) (\(size)): a backup or restore under way (process \(pid))")
            }
            public static func partialLeft(_ path: String, size: String, pid: Int32) -> LocalizedText {
                LocalizedText(zh: "\(path)（\(size)）：被中止的备份或恢复留下的不完整副本（进程 \(pid) 已不在）",
                              en: "\(path) (\(size)): a partial copy left by a backup or restore that was stopped (process \(pid) is gone)")
            }
            public static func removePartial(_ path: String) -> LocalizedText {
                LocalizedText(zh: "删除它：rm \(path)（此目录下的下一次 helpdesk backup 或 restore 也会删除它）",
                              en: "remove it: rm \(path) (the next helpdesk backup or restore in this folder removes it too)")
            }
            public static let intact = LocalizedText(zh: "完整（integrity_check）", en: "intact (integrity_check)")
            public static func damaged(_ result: [String]) -> LocalizedText {
                LocalizedText(zh: "已损坏：\(result.joined(separator: "；"))", en: "damaged: \(result.joined(separator: "; "))")
            }
            public static let restoreGood = LocalizedText(zh: "停止各控制台，然后恢复最近的完好备份：helpdesk restore FILE",
                                                          en: "stop the consoles, then restore the last good backup: helpdesk restore FILE")
            public static func cannotBeChecked(_ error: String) -> LocalizedText {
                LocalizedText(zh: "无法检查：\(error)", en: "cannot be checked: \(error)")
            }
            public static func cannotBeRead(_ error: String) -> LocalizedText {
                LocalizedText(zh: "无法读取：\(error)", en: "cannot be read: \(error)")
            }
            public static let rebuilt = LocalizedText(zh: "已重建：与全量重新统计一致", en: "rebuilt: they now equal a full recount")
            public static let equalRecount = LocalizedText(zh: "与全量重新统计一致", en: "equal a full recount")
            public static func differ(_ list: String) -> LocalizedText {
                LocalizedText(zh: "与重新统计不符：\(list)", en: "differ from a recount: \(list)")
            }
            public static let runRepair = LocalizedText(zh: "由主管运行：helpdesk doctor --repair", en: "a supervisor runs: helpdesk doctor --repair")
            public static let importYear = LocalizedText(
                zh: "依国务院办公厅节假日安排通知整理该年文件，运行：helpdesk calendar import FILE（见 README“Calendar”）",
                en: "get the State Council's holiday notice for it and run: helpdesk calendar import FILE (README, \"Calendar\")")
            public static func holidaysKnown(_ years: String) -> LocalizedText {
                LocalizedText(zh: "已有节假日安排：\(years)", en: "holidays known for \(years)")
            }
            public static func nextYearMissing(_ year: Int, known years: String) -> LocalizedText {
                LocalizedText(zh: "\(year) 年节假日尚未导入（已有：\(years)）；跨入 \(year) 年的时限会把节假日当作工作日",
                              en: "\(year)'s holidays are not imported (known: \(years)); deadlines running into \(year) treat its holidays as working days")
            }
            public static func thisYearMissing(_ year: Int, known years: String) -> LocalizedText {
                LocalizedText(zh: "本年（\(year)）节假日未导入（已有：\(years)）：时限可能落在节假日",
                              en: "this year's (\(year)) holidays are not imported (known: \(years)): deadlines may fall on holidays")
            }
            public static let correctConfiguration = LocalizedText(zh: "修改该文件；helpdesk config check 列出每处错误及其行号",
                                                                   en: "correct the file; helpdesk config check shows every error with its line")
            public static let configurationRead = LocalizedText(zh: "读取无误", en: "read without errors")
            public static let noNotifyCommand = LocalizedText(zh: "未配置通知命令：升级通知留在发件箱中（helpdesk notify list）",
                                                              en: "no notify command: escalation notices wait in the outbox (helpdesk notify list)")
            public static let setNotifyCommand = LocalizedText(zh: "由 root 在 /etc/helpdesk/config.toml 中设置 notify_command（见 README“Configuration”）",
                                                               en: "root sets notify_command in /etc/helpdesk/config.toml (README, \"Configuration\")")
            public static func notifyFound(_ program: String) -> LocalizedText {
                LocalizedText(zh: "通知命令存在：\(program)", en: "notify command found: \(program)")
            }
            public static func notifyMissing(_ program: String) -> LocalizedText {
                LocalizedText(zh: "通知命令不存在或不可执行：\(program)", en: "notify command not found or not executable: \(program)")
            }
            public static let installNotify = LocalizedText(zh: "安装该程序，或由 root 修改 /etc/helpdesk/config.toml 中的 notify_command",
                                                            en: "install it, or have root correct notify_command in /etc/helpdesk/config.toml")
            public static let timerNeverRan = LocalizedText(zh: "升级定时任务（helpdesk escalate）从未在此数据库上运行",
                                                            en: "the escalation timer (helpdesk escalate) has never run on this database")
            public static let installTimer = LocalizedText(zh: "安装每分钟运行 helpdesk escalate 的定时任务（见 README“Install”）",
                                                           en: "install the timer that runs helpdesk escalate every minute (README, \"Install\")")
            public static func timerLate(minutes: Int, at: String, by: String) -> LocalizedText {
                LocalizedText(zh: "升级定时任务上次运行于 \(minutes) 分钟前（\(at)，\(by)）：到期的升级步骤只有在控制台打开时才会执行",
                              en: "the escalation timer last ran \(minutes) minutes ago (\(at) as \(by)): steps falling due are taken only when a console is open")
            }
            public static let checkTimer = LocalizedText(zh: "检查定时任务：systemctl status helpdesk-escalate.timer，或 cron 日志",
                                                         en: "check the timer: systemctl status helpdesk-escalate.timer, or the cron log")
            public static func timerRan(at: String, by: String) -> LocalizedText {
                LocalizedText(zh: "升级定时任务上次运行：\(at)，\(by)", en: "the escalation timer last ran \(at) as \(by)")
            }
        }
    }
}
