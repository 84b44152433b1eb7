/// What `--help` says of the administration commands: configuration, staff, backups and restores,
/// the doctor and the calendar.
extension Catalog.Help {
    public enum Admin {
        public enum Backup {
            public static let abstract = LocalizedText(
                zh: "在控制台和写入照常进行时，把数据库的校验过的副本写到 FILE。",
                en: "Write a verified copy of the database to FILE while consoles and writers go on.")
            public static let discussion = LocalizedText(
                zh: """
                    副本是数据库某一时刻的样子（SQLite 在线备份），命名前先做 integrity_check 并核对工单与历史的条数；\
                    FILE 不得已存在。副本为单个文件，只有属主和属组可读写。
                    """,
                en: """
                    The copy is the database as of one instant (SQLite's online backup), checked with \
                    integrity_check and its item and history counts before it is given its name; FILE must \
                    not exist. The copy is one file, readable and writable by owner and group only.
                    """)
            public static let file = LocalizedText(zh: "副本写到哪里（一个新文件）。", en: "Where to write the copy (a new file).")
        }

        public enum Restore {
            public static let abstract = LocalizedText(
                zh: "用备份替换数据库（仅主管）；先保留当前的数据库。",
                en: "Replace the database with a backup (supervisors only); the current one is kept first.")
            public static let discussion = LocalizedText(
                zh: """
                    FILE 必须是本程序能读的完整 helpdesk 数据库：不是别种文件、文件夹、FIFO 或设备，没有损坏，\
                    也不是更新版本的 helpdesk 写的。恢复全程持有数据库的写锁：先把现有内容备份到旁边的 \
                    DB.before-restore-YYYYMMDD-HHMMSS，再写入备份；其间写入者等待。编号从数据库发出过的最大编号往上接着给。\
                    已打开该数据库的控制台在下次读取时看到恢复后的记录。
                    """,
                en: """
                    FILE must be a whole helpdesk database that this program can read: not another kind of \
                    file, folder, FIFO or device, not damaged, not written by a newer helpdesk. The restore \
                    holds the database's write lock throughout: what it holds now is first backed up to \
                    DB.before-restore-YYYYMMDD-HHMMSS beside it, then the backup is written in; writers wait \
                    meanwhile. Ids go on from above the highest the database ever gave. Consoles that have \
                    the database open see the restored records at their next read.
                    """)
            public static let file = LocalizedText(zh: "要恢复的备份。", en: "The backup to restore.")
        }

        public enum Staff {
            public static let abstract = LocalizedText(
                zh: "人员与角色：现场（T0）、专家（总部，T1/T2）、主管、只读（viewer）。",
                en: "People and roles: onsite (T0), expert (HQ, T1/T2), supervisor, viewer (reads only).")
            public static let add = LocalizedText(zh: "把一个操作系统用户加为人员（仅主管）。", en: "Add an operating-system user as staff (supervisors only).")
            public static let list = LocalizedText(zh: "人员名单上的所有人。", en: "Everyone on the staff list.")
            public static let setRole = LocalizedText(zh: "更改某人的角色（仅主管）。", en: "Change someone's role (supervisors only).")
            public static let deactivate = LocalizedText(zh: "停用某人；其历史保留（仅主管）。", en: "Take someone off active staff; their history stays (supervisors only).")
            public static let username = LocalizedText(zh: "其操作系统用户名。", en: "Their operating-system user name.")
            public static let name = LocalizedText(zh: "其姓名，例如 张伟。", en: "Their name, e.g. 张伟.")
            public static let phone = LocalizedText(zh: "接收通知的电话号码。", en: "A phone number for notifications.")
            public static let role = LocalizedText(zh: "onsite、expert、supervisor 或 viewer。", en: "onsite, expert, supervisor or viewer.")
        }

        public enum Calendar {
            public static let abstract = LocalizedText(
                zh: "中国的工作日历：节假日、调休上班日、工作时间。",
                en: "China's working calendar: holidays, make-up working days, business hours.")
            public static let show = LocalizedText(
                zh: "打印一个月，标出节假日和调休上班日。",
                en: "Print a month with its holidays and make-up working days marked.")
            public static let month = LocalizedText(zh: "月份，YYYY-MM。", en: "The month, YYYY-MM.")
            public static let importAbstract = LocalizedText(
                zh: "从 holiday-cn 格式的 JSON 文件新增或更正一年的节假日安排。",
                en: "Add or correct a year of the holiday schedule from a holiday-cn JSON file.")
            public static let importDiscussion = LocalizedText(
                zh: """
                    文件格式：{"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}, …]}；\
                    isOffDay 为 false 表示调休上班日。整个文件检查无误后才保存。\
                    时限因新的一年而改变的未关闭 CASE 工单会重算时限（列出；每次改动连同新旧时限记入工单历史）。
                    """,
                en: """
                    The file: {"year":2027,"days":[{"name":"元旦","date":"2027-01-01","isOffDay":true}, …]}; \
                    isOffDay false marks a make-up working day. It is checked whole before anything is stored. \
                    Open CASE tickets whose deadline the new year changes get it computed again (listed; \
                    each change is in the ticket's history with the old and new deadline).
                    """)
            public static let file = LocalizedText(zh: "JSON 文件。", en: "The JSON file.")
            public static let hours = LocalizedText(
                zh: "查看或设定工作日的工作时间，例如 09:00-18:00 或 09:00-12:00,14:30-18:00。",
                en: "Show or set the business hours of a working day, e.g. 09:00-18:00 or 09:00-12:00,14:30-18:00.")
            public static let newHours = LocalizedText(zh: "新的工作时间；省略则显示当前的。", en: "New hours; omit to show the current ones.")
            public static let years = LocalizedText(
                zh: "节假日安排涵盖的年份，以及各年的来源。",
                en: "The years the holiday schedule covers, and where each comes from.")
        }

        public enum Config {
            public static let abstract = LocalizedText(
                zh: "配置：检查文件、显示生效的配置、设定服务台规则。",
                en: "The configuration: check a file, show what is in effect, set the desk's rules.")
            public static let discussion = LocalizedText(
                zh: """
                    服务台规则（升级、巡检阈值、客户联系人）保存在数据库中，由主管用 config set 修改；\
                    /etc/helpdesk/config.toml 只有 root 可写，规定运行什么、谁可以操作（notify_command、timer_users），\
                    它也设定的规则以它为准；~/.config/helpdesk/config.toml（$HELPDESK_CONFIG 可指定另一个）\
                    保存个人偏好：主题、提示音、语言。
                    """,
                en: """
                    The desk's rules (escalation, inspection thresholds, client contacts) are kept in the \
                    database and changed by supervisors with config set; /etc/helpdesk/config.toml, which only \
                    root may write, holds what is run and who may act (notify_command, timer_users) and wins \
                    where it sets a rule too; ~/.config/helpdesk/config.toml ($HELPDESK_CONFIG names another) \
                    holds a person's preferences: theme, bell, language.
                    """)
            public static let check = LocalizedText(
                zh: "检查一个配置文件，或生效的各文件（先系统，后个人）。",
                en: "Validate a configuration file, or the files in effect (system, then personal).")
            public static let checkDiscussion = LocalizedText(
                zh: "每读一个文件打印 'ok: FILE'；出错时指明文件、行和键，退出码 2。不打开数据库。",
                en: "Prints 'ok: FILE' for each file read; an error names the file, line and key, and exits 2. Does not open the database.")
            public static let system = LocalizedText(
                zh: "把 FILE 当作系统文件检查（所有键），而不是个人文件（只含偏好）。",
                en: "Check FILE as the system file (every key), not as a personal one (preferences only).")
            public static let file = LocalizedText(
                zh: "要检查的文件（默认：生效的各文件）。",
                en: "The file to check (default: the files in effect).")
            public static let show = LocalizedText(
                zh: "打印生效的配置：每个键及其值和来源（TOML 格式；脚本用 --json）。",
                en: "Print the configuration in effect, every key with its value and where it comes from (as TOML; --json for scripts).")
            public static let showDiscussion = LocalizedText(
                zh: "数据库存在时从中读取服务台规则；从不创建或修改数据库。",
                en: "Reads the desk's rules from the database when it exists; never creates or changes it.")
            public static let set = LocalizedText(
                zh: "设定一条服务台规则（主管）：各级升级、巡检阈值、客户联系人。",
                en: "Set one of the desk's rules (supervisors): escalation per level, inspection thresholds, client contacts.")
            public static func setDiscussion(_ keys: String) -> LocalizedText {
                LocalizedText(
                    zh: """
                        KEY 为以下之一：\(keys)。VALUE 按配置文件（TOML）的写法，例如
                          helpdesk config set inspection.tablespace 92
                          helpdesk config set escalation.level2 'at_report = ["T0"], at_50 = ["T1"], at_breach = ["supervisor"]'
                          helpdesk config set client '[{name = "值班室", phone = "0971-5550100"}]'
                        每次修改连同新旧值记入审计。root 在 /etc/helpdesk/config.toml 中设定的规则优先于数据库中的。
                        """,
                    en: """
                        KEY is one of: \(keys). VALUE is written as in the \
                        configuration file (TOML), e.g.
                          helpdesk config set inspection.tablespace 92
                          helpdesk config set escalation.level2 'at_report = ["T0"], at_50 = ["T1"], at_breach = ["supervisor"]'
                          helpdesk config set client '[{name = "值班室", phone = "0971-5550100"}]'
                        Every change is audited with its old and new value. A rule that root sets in \
                        /etc/helpdesk/config.toml wins over the database's.
                        """)
            }
            public static let unset = LocalizedText(
                zh: "把一条服务台规则恢复为合同默认值（主管）。",
                en: "Return one of the desk's rules to the contract's default (supervisors).")
            public static let key = LocalizedText(zh: "规则。", en: "The rule.")
            public static let value = LocalizedText(zh: "规则的值，按 TOML 写。", en: "Its value, as TOML.")
        }

        public enum Doctor {
            public static let abstract = LocalizedText(
                zh: "检查数据库、数据库文件、日历、配置和定时器，并说明该怎么做。",
                en: "Check the database, its file, the calendar, the configuration and the timer; say what to do.")
            public static let discussion = LocalizedText(
                zh: """
                    无须处理时退出码为 0，有须处理的为 1（每项发现都说明该怎么做）。不作任何改动，\
                    也从不创建或升级数据库；加 --repair 时，由主管重建与重新计数不符的汇总。
                    """,
                en: """
                    Exit status 0 when nothing needs action, 1 when something does (each finding says what \
                    to do). Changes nothing, and never creates or upgrades the database; with --repair, a \
                    supervisor rebuilds summaries that differ from a recount.
                    """)
            public static let repair = LocalizedText(
                zh: "汇总表与重新计数不符时重建（仅主管）。",
                en: "Rebuild the summary tables when they differ from a recount (supervisors only).")
        }
    }
}
