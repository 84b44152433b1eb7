// What the configuration says: the errors of a configuration file (what `config check` prints, the
// refusals of a system or personal file, doctor's finding), and `config show`'s comments. Keys,
// values and paths stay as typed: they are TOML.

extension Catalog {
    public enum Config {
        // MARK: The shape of a file

        static let mustBeTOML = LocalizedText(
            zh: "文件须为 TOML 1.0（https://toml.io）：[table] 标题下的 key = value 行",
            en: "the file must be TOML 1.0 (https://toml.io): key = value lines under [table] headers")

        public static let unnamedHeader = LocalizedText(
            zh: "表标题须写明表名，如 [escalation.level1] 或 [[client]]；\(mustBeTOML.zh)",
            en: "a table header must name its table, as [escalation.level1] or [[client]]; \(mustBeTOML.en)")

        public static let nulCharacter = LocalizedText(
            zh: "字符串含 \\u0000（NUL 字符），文本中不接受；请删除",
            en: "a string holds \\u0000 (the NUL character), which is not accepted in text; remove it")

        public static func nestedTooDeep(_ limit: Int) -> LocalizedText {
            LocalizedText(zh: "数组或内联表嵌套超过 \(limit) 层；可用：本文件的键，其值最多嵌套 3 层（client = [{ name = \"…\" }]）",
                          en: "arrays or inline tables nested more than \(limit) deep; accepted: the keys of this file, whose values nest at most 3 deep (client = [{ name = \"…\" }])")
        }

        /// The parser's own account (English, as the TOML library words it) and where.
        public static func notTOML(_ parserSays: String, column: Int) -> LocalizedText {
            LocalizedText(zh: "\(parserSays)（第 \(column) 列）；\(mustBeTOML.zh)",
                          en: "\(parserSays) (column \(column)); \(mustBeTOML.en)")
        }

        public static func unreadable(_ parserSays: String) -> LocalizedText {
            LocalizedText(zh: "\(parserSays)；文件须为 TOML 1.0", en: "\(parserSays); the file must be TOML 1.0")
        }

        // MARK: Values

        /// "an integer (5)", … for a value of the wrong type.
        public static func integer(_ value: String) -> LocalizedText { LocalizedText(zh: "整数（\(value)）", en: "an integer (\(value))") }
        public static func number(_ value: String) -> LocalizedText { LocalizedText(zh: "数字（\(value)）", en: "a number (\(value))") }
        public static func boolean(_ value: String) -> LocalizedText { LocalizedText(zh: "布尔值（\(value)）", en: "a boolean (\(value))") }
        public static func string(_ value: String) -> LocalizedText { LocalizedText(zh: "字符串（\(value)）", en: "a string (\(value))") }
        public static let array = LocalizedText(zh: "数组", en: "an array")
        public static let table = LocalizedText(zh: "表", en: "a table")
        public static let date = LocalizedText(zh: "日期", en: "a date")
        public static let time = LocalizedText(zh: "时刻", en: "a time")
        public static let dateTime = LocalizedText(zh: "日期时间", en: "a date-time")

        /// `is a string ("x"); accepted: true or false`.
        public static func wrongType(_ value: LocalizedText, accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "为\(value.zh)；可用：\(accepted.zh)", en: "is \(value.en); accepted: \(accepted.en)")
        }

        public static func empty(accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "为空；可用：\(accepted.zh)", en: "is empty; accepted: \(accepted.en)")
        }

        public static func controlCharacter(accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "含控制字符；可用：\(accepted.zh)", en: "holds a control character; accepted: \(accepted.en)")
        }

        public static func tooManyCharacters(_ count: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "长 \(count) 个字符；可用：最多 \(limit) 个", en: "is \(count) characters long; accepted: at most \(limit)")
        }

        public static func outOfRange(_ value: String, accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(value) 超出范围；可用：\(accepted.zh)", en: "\(value) is out of range; accepted: \(accepted.en)")
        }

        public static func notWhole(_ value: String, accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(value) 不是整数；可用：\(accepted.zh)", en: "\(value) is not a whole number; accepted: \(accepted.en)")
        }

        public static func unknownKey(_ accepted: [String], suggestion: LocalizedText?) -> LocalizedText {
            LocalizedText(zh: "未知的键；可用：\(accepted.joined(separator: "、"))\(suggestion?.zh ?? "")",
                          en: "unknown key; accepted: \(accepted.joined(separator: ", "))\(suggestion?.en ?? "")")
        }

        public static func didYouMean(_ key: String) -> LocalizedText {
            LocalizedText(zh: "（是否想写 \(key)？）", en: " (did you mean \(key)?)")
        }

        public static let trueOrFalse = LocalizedText(zh: "true 或 false", en: "true or false")

        // MARK: Preferences and what is run

        public static let themeAccepted = LocalizedText(
            zh: "主题名（dark、light、high-contrast）或主题文件的路径，如 theme = \"light\"",
            en: "a theme name (dark, light, high-contrast) or the path of a theme file, e.g. theme = \"light\"")

        public static func themeTooLong(_ bytes: Int) -> LocalizedText {
            LocalizedText(zh: "长 \(bytes) 字节；可用：不超过 4096 字节的主题名或路径",
                          en: "is \(bytes) bytes long; accepted: a theme name or a path of at most 4096 bytes")
        }

        public static let languageAccepted = LocalizedText(
            zh: "\"zh\"（中文）或 \"en\"（English），如 language = \"zh\"",
            en: "\"zh\" (中文) or \"en\" (English), e.g. language = \"zh\"")

        public static let notifyCommandAccepted = LocalizedText(
            zh: "一条 shell 命令行，用 /bin/sh -c 执行，如 notify_command = \"/usr/local/bin/sms-gateway --json\"；不需要则不写此键",
            en: "a shell command line, run with /bin/sh -c, e.g. notify_command = \"/usr/local/bin/sms-gateway --json\"; leave the key out for none")

        public static func secondsAccepted(limit: String, key: String) -> LocalizedText {
            LocalizedText(zh: "大于 0、至多 \(limit) 的秒数，如 \(key) = 30",
                          en: "a number of seconds greater than 0 and at most \(limit), e.g. \(key) = 30")
        }

        public static let theDefault = LocalizedText(zh: "（默认值）", en: " (the default)")
        public static func from(_ file: String) -> LocalizedText { LocalizedText(zh: "（来自 \(file)）", en: " (from \(file))") }

        public static func retryMaxShorter(_ max: String, first: String, firstFrom: LocalizedText?, limit: String) -> LocalizedText {
            LocalizedText(zh: "\(max) 短于 retry_first 的 \(first)\(firstFrom?.zh ?? "")；可用：不小于 retry_first、至多 \(limit) 的秒数",
                          en: "\(max) is shorter than retry_first, \(first)\(firstFrom?.en ?? ""); accepted: a number of seconds ≥ retry_first, at most \(limit)")
        }

        public static func retryFirstLonger(_ first: String, max: String, maxFrom: LocalizedText?) -> LocalizedText {
            LocalizedText(zh: "\(first) 长于 retry_max 的 \(max)\(maxFrom?.zh ?? "")；可用：大于 0、至多 retry_max 的秒数",
                          en: "\(first) is longer than retry_max, \(max)\(maxFrom?.en ?? ""); accepted: a number of seconds > 0, at most retry_max")
        }

        public static let timerUsersAccepted = LocalizedText(
            zh: "操作系统用户名的数组（字母、数字、'.'、'_'、'-'），如 timer_users = [\"helpdesk\"]",
            en: "an array of operating-system user names (letters, digits, '.', '_', '-'), e.g. timer_users = [\"helpdesk\"]")

        public static func notAUserName(_ name: String, accepted: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(name) 不是用户名；可用：\(accepted.zh)", en: "\(name) is not a user name; accepted: \(accepted.en)")
        }

        // MARK: Where a key belongs

        public static func systemOnlyInPersonal(_ system: String) -> LocalizedText {
            LocalizedText(zh: "不是个人设置：执行什么、谁可操作由服务台决定，只能在 \(system) 中设定（仅 root 可写）；请从本文件删除（个人文件只含 theme、bell 和 language）",
                          en: "is not a personal setting: what is run and who may act are the desk's, set only in \(system), which only root may write; remove it from this file (a personal file holds theme, bell and language)")
        }

        public static func deskRuleInPersonal(_ keys: String, _ system: String) -> LocalizedText {
            LocalizedText(zh: "是整个服务台的规则，不是个人设置：由主管用 helpdesk config set KEY VALUE 设定（KEY：\(keys)），或由 root 在 \(system) 中设定；请从本文件删除（个人文件只含 theme、bell 和 language）",
                          en: "is a rule of the whole desk, not a personal setting: a supervisor sets it with helpdesk config set KEY VALUE (KEY: \(keys)), or root in \(system); remove it from this file (a personal file holds theme, bell and language)")
        }

        public static func systemOnlyInDatabase(_ system: String) -> LocalizedText {
            LocalizedText(zh: "不存于数据库：执行什么、谁可操作只能在 \(system) 中设定（仅 root 可写）",
                          en: "is not kept in the database: what is run and who may act are set only in \(system), which only root may write")
        }

        public static let preferenceInDatabase = LocalizedText(
            zh: "是个人设置，不是服务台规则：每人在自己的文件（~/.config/helpdesk/config.toml）中设定",
            en: "is a personal setting, not a desk rule: each person sets it in their own file (~/.config/helpdesk/config.toml)")

        public static let acceptedHere = LocalizedText(zh: "可在此设定", en: "is accepted here")

        // MARK: Client contacts

        public static let clientShape = LocalizedText(
            zh: "[[client]] 表，每个含 name = \"…\"，可选 phone = \"…\"",
            en: "[[client]] tables, each with name = \"…\" and optionally phone = \"…\"")

        public static func tooManyContacts(_ count: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "\(count) 个联系人；可用：最多 \(limit) 个，每次通知客户方时都会逐一通知",
                          en: "\(count) contacts; accepted: at most \(limit), each told at every client-office step")
        }

        public static let contactNameAccepted = LocalizedText(
            zh: "被通知的人或部门的名称，如 name = \"省社保局信息中心 王工\"",
            en: "the name of the person or office told, e.g. name = \"省社保局信息中心 王工\"")

        public static let phoneAccepted = LocalizedText(zh: "电话号码，如 phone = \"+86 971 555 0100\"",
                                                        en: "a phone number, e.g. phone = \"+86 971 555 0100\"")

        public static func notAPhone(_ text: String) -> LocalizedText {
            LocalizedText(zh: "\(text) 不是电话号码；可用：数字，可带 + - ( ) 和空格，如 phone = \"+86 971 555 0100\"",
                          en: "\(text) is not a phone number; accepted: digits, with + - ( ) and spaces, e.g. phone = \"+86 971 555 0100\"")
        }

        public static let contactWithoutName = LocalizedText(
            zh: "联系人缺少名称；可用：[[client]]，含 name = \"…\"（必填）和 phone = \"…\"",
            en: "a contact without a name; accepted: [[client]] with name = \"…\" (required) and phone = \"…\"")

        // MARK: Inspection thresholds

        public static func inspectionShape(_ keys: [String]) -> LocalizedText {
            LocalizedText(zh: "[inspection] 表，含 \(keys.joined(separator: "、"))",
                          en: "an [inspection] table of \(keys.joined(separator: ", "))")
        }

        public static let archiveLogDoneAccepted = LocalizedText(
            zh: "表示归档日志已清理的读数，如 archive_log_done = \"cleaned\"",
            en: "the archive-log reading that means the logs were cleaned, e.g. archive_log_done = \"cleaned\"")

        public static func percentThreshold(_ key: String) -> LocalizedText {
            LocalizedText(zh: "0 到 100 的百分比，读数超过它即开立工作，如 \(key) = 90",
                          en: "a percentage from 0 to 100 above which a reading opens work, e.g. \(key) = 90")
        }

        public static func countThreshold(_ key: String) -> LocalizedText {
            LocalizedText(zh: "0 或以上的整数，读数超过它即开立工作，如 \(key) = 5",
                          en: "a whole count of 0 or more above which a reading opens work, e.g. \(key) = 5")
        }

        // MARK: Escalation

        public static let escalationShape = LocalizedText(
            zh: "[escalation.level1]、[escalation.level2]、[escalation.level3] 表",
            en: "[escalation.level1], [escalation.level2], [escalation.level3] tables")

        public static func unknownLevel(_ levels: [String], suggestion: LocalizedText?) -> LocalizedText {
            LocalizedText(zh: "未知的故障级别；可用：\(levels.joined(separator: "、"))\(suggestion?.zh ?? "")",
                          en: "unknown fault level; accepted: \(levels.joined(separator: ", "))\(suggestion?.en ?? "")")
        }

        public static let levelKeys = LocalizedText(
            zh: "at_report、at_N（N 为 1 到 99：从报告到时限的时间过去 N% 时）、at_breach、notify_client_on_breach",
            en: "at_report, at_N (N from 1 to 99: when N% of the window from report to deadline has passed), at_breach, notify_client_on_breach")

        public static func levelShape(_ name: String) -> LocalizedText {
            LocalizedText(zh: "表 [\(name)]，含 \(levelKeys.zh)", en: "a table, [\(name)], of \(levelKeys.en)")
        }

        public static func unknownLevelKey(suggestion: LocalizedText?) -> LocalizedText {
            LocalizedText(zh: "未知的键；可用：\(levelKeys.zh)\(suggestion?.zh ?? "")",
                          en: "unknown key; accepted: \(levelKeys.en)\(suggestion?.en ?? "")")
        }

        public static let badPercentKey = LocalizedText(
            zh: "at_N 的 N 为 1 到 99，不带前导零；可用：at_report（0%）、at_1 … at_99、at_breach（100%）",
            en: "at_N takes N from 1 to 99 without leading zeros; accepted: at_report (0%), at_1 … at_99, at_breach (100%)")

        public static func stepsAccepted(_ key: String, steps: String) -> LocalizedText {
            LocalizedText(zh: "步骤列表，如 \(key) = [\"T1\"]；步骤：\(steps)",
                          en: "a list of steps, e.g. \(key) = [\"T1\"]; steps: \(steps)")
        }

        public static func unknownStep(_ name: String, steps: String) -> LocalizedText {
            LocalizedText(zh: "未知的步骤 \(name)；可用：\(steps)", en: "unknown step \(name); accepted: \(steps)")
        }

        public static let levelWithoutSteps = LocalizedText(
            zh: "该级别没有步骤；可用：\(levelKeys.zh) 中至少一项（不写此表则保留默认）",
            en: "a level with no steps; accepted: at least one of \(levelKeys.en) (leave the table out to keep the default)")

        /// A problem of a level's rules as the domain words it, and the rules it breaks.
        public static func policyProblem(_ problem: String) -> LocalizedText {
            LocalizedText(zh: "\(problem)；可用：每个步骤至多一次；层级按 T0 → T1 → T2 逐级上升，不跳级，且每级不早于下一级",
                          en: "\(problem); accepted: each step at most once; the tiers climb T0 → T1 → T2 without a gap, each no earlier than the one below")
        }

        public static let clientWithoutSupervisor = LocalizedText(
            zh: "为 true，但 at_breach 没有 supervisor 步骤；可用：notify_client_on_breach = true 并设 at_breach = [\"supervisor\"]（客户方与主管同时被通知）",
            en: "true, but at_breach has no supervisor step; accepted: notify_client_on_breach = true with at_breach = [\"supervisor\"] (the client office is told with the supervisor)")

        // MARK: Files

        static let systemFileWhy = LocalizedText(
            zh: "系统文件决定执行什么、谁可操作，因此只能由 root 修改",
            en: "the system file decides what is run and who may act, so only root may be able to change it")

        public static func systemFileIsLink(_ path: String) -> LocalizedText {
            LocalizedText(zh: "是符号链接；\(systemFileWhy.zh)：请放入文件本身（install -m 644 -o root -g root FILE \(path)）",
                          en: "is a symbolic link; \(systemFileWhy.en): put the file itself there (install -m 644 -o root -g root FILE \(path))")
        }

        public static func systemFileNotRegular(_ path: String) -> LocalizedText {
            LocalizedText(zh: "不是普通文件；\(systemFileWhy.zh)：install -m 644 -o root -g root FILE \(path)",
                          en: "is not a regular file; \(systemFileWhy.en): install -m 644 -o root -g root FILE \(path)")
        }

        public static func systemFileOwner(_ owner: String, _ path: String) -> LocalizedText {
            LocalizedText(zh: "属主为 \(owner)，不是 root；\(systemFileWhy.zh)：chown root:root \(path)",
                          en: "is owned by \(owner), not root; \(systemFileWhy.en): chown root:root \(path)")
        }

        public static func systemFileWritable(byEveryone: Bool, mode: String, _ path: String) -> LocalizedText {
            LocalizedText(zh: "\(byEveryone ? "任何人" : "其所属组")都可修改（权限 \(mode)）；\(systemFileWhy.zh)：chmod 644 \(path)",
                          en: "may be changed by \(byEveryone ? "everyone" : "its group") (mode \(mode)); \(systemFileWhy.en): chmod 644 \(path)")
        }

        public static func systemFolderOwner(_ folder: String, _ owner: String) -> LocalizedText {
            LocalizedText(zh: "位于 \(folder)，其属主为 \(owner) 而非 root，可替换此文件；\(systemFileWhy.zh)：请把文件放在 root 的文件夹中，如 /etc/helpdesk",
                          en: "lies in \(folder), owned by \(owner), not root, who could replace it; \(systemFileWhy.en): keep the file in a folder of root's, such as /etc/helpdesk")
        }

        public static func systemFolderWritable(_ folder: String, mode: String) -> LocalizedText {
            LocalizedText(zh: "位于 \(folder)，他人可修改该文件夹（权限 \(mode)），因而可替换此文件；\(systemFileWhy.zh)：chmod go-w \(folder)",
                          en: "lies in \(folder), which others may change (mode \(mode)), so they could replace it; \(systemFileWhy.en): chmod go-w \(folder)")
        }

        public static let missingSystemFile = LocalizedText(
            zh: "文件不存在（由 HELPDESK_SYSTEM_CONFIG 指定）；可用：现有系统配置文件的路径，或不设 HELPDESK_SYSTEM_CONFIG",
            en: "no such file, named by HELPDESK_SYSTEM_CONFIG; accepted: the path of an existing system configuration file, or HELPDESK_SYSTEM_CONFIG unset")

        public static let missingPersonalFile = LocalizedText(
            zh: "文件不存在（由 HELPDESK_CONFIG 指定）；可用：现有配置文件的路径，或不设 HELPDESK_CONFIG",
            en: "no such file, named by HELPDESK_CONFIG; accepted: the path of an existing configuration file, or HELPDESK_CONFIG unset")

        public static let missingFile = LocalizedText(
            zh: "文件不存在；可用：TOML 配置文件的路径",
            en: "no such file; accepted: the path of a TOML configuration file")

        public static let isDirectory = LocalizedText(zh: "是文件夹；应为 TOML 文件", en: "is a directory; expected a TOML file")

        public static let notRegularFile = LocalizedText(
            zh: "不是普通文件（是 FIFO、套接字或设备）；应为 TOML 文件",
            en: "is not a regular file (a FIFO, a socket or a device); expected a TOML file")

        public static func tooLarge(_ size: Int, limit: Int) -> LocalizedText {
            LocalizedText(zh: "大小 \(size) 字节，超过 \(limit)（64 KiB）；可用：几行的配置文件",
                          en: "is \(size) bytes, larger than \(limit) (64 KiB); accepted: a configuration file of a few lines")
        }

        public static func cannotRead(_ reason: String) -> LocalizedText {
            LocalizedText(zh: "无法读取：\(reason)", en: "cannot read: \(reason)")
        }

        public static let notUTF8 = LocalizedText(zh: "不是 UTF-8 文本；TOML 文件须为 UTF-8", en: "not UTF-8 text; a TOML file is UTF-8")

        /// A configuration error refusing a command, with where to look.
        public static func refusesCommands(_ error: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "\(error.zh)（helpdesk config check）", en: "\(error.en) (helpdesk config check)")
        }

        // MARK: Themes named by the configuration

        public static func themeNotFound(_ name: String, folders: String) -> LocalizedText {
            LocalizedText(zh: "找不到 \(name)；可用：dark、light、high-contrast、\(folders) 中的 NAME.theme 文件，或一个路径",
                          en: "\(name) not found; accepted: dark, light, high-contrast, a NAME.theme file in \(folders), or a path")
        }

        public static func themeFileError(_ error: LocalizedText) -> LocalizedText {
            LocalizedText(zh: "主题文件有错误：\(error.zh)；可用：由 role = FG [on BG][, attribute…] 行组成的主题文件",
                          en: "the theme file has an error: \(error.en); accepted: a theme file of role = FG [on BG][, attribute…] lines")
        }

        public static func themeUnreadable(_ path: String, _ reason: String) -> LocalizedText {
            LocalizedText(zh: "无法读取主题文件 \(path)：\(reason)；可用：可读的主题文件",
                          en: "cannot read the theme file \(path): \(reason); accepted: a readable theme file")
        }

        // MARK: config show

        /// The comments of `config show`: where each value comes from. Keys and values stay TOML.
        public enum Show {
            public static func noFile(_ looked: String) -> LocalizedText {
                LocalizedText(zh: "# 没有配置文件（查找过 \(looked)）", en: "# no configuration file (looked at \(looked))")
            }
            public static func filesRead(_ files: [String]) -> LocalizedText {
                LocalizedText(zh: "# 读取的文件：\(files.joined(separator: "，然后 "))", en: "# files read: \(files.joined(separator: ", then "))")
            }
            public static func database(_ path: String) -> LocalizedText {
                LocalizedText(zh: "# 服务台规则存于数据库 \(path)（helpdesk config set）",
                              en: "# the desk's rules kept in the database \(path) (helpdesk config set)")
            }
            public static let noDatabase = LocalizedText(zh: "# 尚无数据库：服务台规则为合同的默认值",
                                                         en: "# no database yet: the desk's rules are the contract's defaults")
            public static let fromDefault = LocalizedText(zh: "   # 默认值", en: "   # default")
            public static let fromDatabase = LocalizedText(zh: "   # 数据库（helpdesk config set）", en: "   # database (helpdesk config set)")
            public static let preferences = LocalizedText(
                zh: "# 个人偏好（各人自己的文件；系统文件中的为默认值）。",
                en: "# A person's preferences (their own file; the system file's are the default).")
            public static let themeNotSet = LocalizedText(zh: "# theme：未设定（--theme，其次 $HELPDESK_THEME，其次 dark）",
                                                          en: "# theme: not set (--theme, else $HELPDESK_THEME, else dark)")
            public static let languageNotSet = LocalizedText(
                zh: "# language：未设定（--lang，其次按区域设置：LC_ALL、LC_MESSAGES、LANG）",
                en: "# language: not set (--lang, else the locale: LC_ALL, LC_MESSAGES, LANG)")
            public static func systemOnly(_ file: String) -> LocalizedText {
                LocalizedText(zh: "# 执行什么、谁可操作：只在系统文件中设定（\(file)，属 root）。",
                              en: "# What is run and who may act: the system file only (\(file), root's).")
            }
            public static let notifyCommandNotSet = LocalizedText(zh: "# notify_command：未设定（不执行命令）",
                                                                  en: "# notify_command: not set (no command is run)")
            public static let noTimerUsers = LocalizedText(zh: "# timer_users：无（escalate 和 notify deliver 须由在职人员执行）",
                                                           en: "# timer_users: nobody (escalate and notify deliver need active staff)")
            public static let deskRules = LocalizedText(
                zh: "# 服务台规则：存于数据库（主管：helpdesk config set KEY VALUE），或在系统文件中设定，以系统文件为准。",
                en: "# The desk's rules: the database (supervisors: helpdesk config set KEY VALUE), or the system file, which wins.")
            public static let noClient = LocalizedText(zh: "# client：无（没有 [[client]] 表）", en: "# client: nobody (no [[client]] table)")
            public static let client = LocalizedText(zh: "# client：", en: "# client:")
        }

        /// What delivering the outbox (`notify deliver`, and commands that deliver in passing) reports.
        public enum Delivery {
            public static func nothingConfigured(waiting: Int) -> LocalizedText {
                LocalizedText(zh: "发件箱中有 \(waiting) 条通知等待发送：未配置 notify_command（helpdesk config show）",
                              en: "\(waiting) notification(s) wait in the outbox: no notify_command is configured (helpdesk config show)")
            }
            public static func delivered(_ delivered: Int, failed: Int) -> LocalizedText {
                LocalizedText(zh: "通知：已送达 \(delivered) 条，失败 \(failed) 条（将重试）",
                              en: "notifications: \(delivered) delivered, \(failed) failed and will be retried")
            }
        }

        /// What is wrong in a theme file (shown within the console's warning, or by `config check`).
        public enum Theme {
            public static let expectedKeyValue = LocalizedText(zh: "应为 'key = value'", en: "expected 'key = value'")
            public static func unknownKey(_ known: [String]) -> LocalizedText {
                LocalizedText(zh: "未知的键；已知的键：\(known.joined(separator: "、"))",
                              en: "unknown key; known keys: \(known.joined(separator: ", "))")
            }
            public static let emptyValue = LocalizedText(zh: "值为空", en: "empty value")
            public static func unknownAttribute(_ part: String) -> LocalizedText {
                LocalizedText(zh: "未知的属性 '\(part)'；属性：bold、underline、reverse、dim、blink",
                              en: "unknown attribute '\(part)'; attributes: bold, underline, reverse, dim, blink")
            }
            public static func unreadableColours(_ part: String) -> LocalizedText {
                LocalizedText(zh: "无法识别 '\(part)'；应为 'COLOUR'、'COLOUR on COLOUR' 或 'on COLOUR'",
                              en: "cannot read '\(part)'; expected 'COLOUR', 'COLOUR on COLOUR' or 'on COLOUR'")
            }
            public static func unknownColour(_ name: String) -> LocalizedText {
                LocalizedText(zh: "未知的颜色 '\(name)'", en: "unknown colour '\(name)'")
            }
        }
    }
}
