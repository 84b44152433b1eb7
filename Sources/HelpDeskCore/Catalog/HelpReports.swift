/// `--help` of `inspect`, `inventory`, `train`, `kpi`, `sla` and `report`.
extension Catalog.Help {
    public enum Reports {
        /// `inspect …`.
        public enum Inspect {
            public static let abstract = LocalizedText(
                zh: "巡检：导入监控脚本的文件或手工录入，列出、查看、出具报告。",
                en: "Inspections: import a monitoring script's file or enter one by hand, list, show, report.")
            public static let discussion = LocalizedText(
                zh: "读数超出阈值时开立二级故障（表空间、同一地址后的服务全部中断）或数据处理工单（长时间锁、CPU、磁盘、归档日志未清理）；若同一检查项和对象开立的工单尚未关闭，则读数关联到该工单。",
                en: """
                    A reading over its threshold opens a level-2 fault (tablespace, services down behind one \
                    address) or a data-processing task (long locks, CPU, disk, archive logs not cleaned), unless \
                    an item opened for the same check and target is still open: the reading is linked to it.
                    """)
            public static let importAbstract = LocalizedText(
                zh: "按监控脚本的 JSON 文件登记一次巡检（- 表示标准输入）；打印其编号。",
                en: "Record an inspection from a monitoring script's JSON file (- for standard input); prints its number.")
            public static let importDiscussion = LocalizedText(
                zh: "整体登记或完全不登记；文件有误时拒绝，并指出读数的序号和字段。",
                en: "Stored whole or not at all; a bad file is refused naming the reading's index and field.")
            public static let file = LocalizedText(zh: "JSON 文件，或用 - 表示标准输入。", en: "The JSON file, or - for standard input.")
            public static let addAbstract = LocalizedText(zh: "手工录入一次巡检；打印其编号。", en: "Enter an inspection by hand; prints its number.")
            public static let addDiscussion = LocalizedText(
                zh: "每个 --reading 是一个参数：检查项 对象 读数，例如 --reading \"tablespace YLBX_DATA 93.5\" 或 --reading \"visit 玉树州 反映测算慢\"（其余部分均为读数）。",
                en: """
                    Each --reading is CHECK TARGET VALUE in one argument, e.g. --reading "tablespace YLBX_DATA 93.5" \
                    or --reading "visit 玉树州 反映测算慢" (the rest of the line is the value).
                    """)
            public static let kind = LocalizedText(zh: "database、application 或 business。", en: "database, application or business.")
            public static let inspector = LocalizedText(zh: "巡检人（默认：人员名单上操作员的姓名）。",
                                                        en: "Who inspected (default: the operator's name on the staff list).")
            public static let reading = LocalizedText(zh: "一条读数：检查项 对象 读数（每条重复一次）。", en: "A reading: CHECK TARGET VALUE (repeat for each).")
            public static let reportAbstract = LocalizedText(
                zh: "一次巡检的报告，写到标准输出：Markdown，或可在 A4 纸上打印的独立 HTML 页面。",
                en: "One inspection's report on standard output: Markdown, or a standalone HTML page that prints on A4.")
            public static let id = LocalizedText(zh: "巡检编号。", en: "The inspection's number.")
            public static let format = LocalizedText(zh: "md（Markdown）或 html（可在 A4 纸上打印的独立页面）。",
                                                     en: "md (Markdown) or html (a standalone page that prints on A4).")
            public static let listAbstract = LocalizedText(zh: "巡检，最新的在前。", en: "Inspections, latest first.")
            public static let showAbstract = LocalizedText(zh: "一次巡检：读数、超出阈值的读数、开立或关联的工单。",
                                                           en: "One inspection: its readings, those over threshold, the items opened or linked.")
            public static let onlyKind = LocalizedText(zh: "只列此类别：database、application 或 business。",
                                                       en: "Only this kind: database, application or business.")
        }

        /// `inventory …`.
        public enum Inventory {
            public static let abstract = LocalizedText(
                zh: "巡检所核对的设备清单：数据库、用户、表空间、服务器、地址。",
                en: "The inventory inspections are checked against: database, schemas, tablespaces, servers, addresses.")
            public static let addAbstract = LocalizedText(zh: "加入设备清单（主管）。", en: "Add to the inventory (supervisors).")
            public static let kind = LocalizedText(zh: "database、schema、tablespace、server 或 address。",
                                                   en: "database, schema, tablespace, server or address.")
            public static let name = LocalizedText(zh: "名称：db、YLBX、YLBX_DATA、app12、10.63.1.22:7001。",
                                                   en: "Its name: db, YLBX, YLBX_DATA, app12, 10.63.1.22:7001.")
            public static let parent = LocalizedText(zh: "所属上级：用户所属的数据库、表空间所属的用户、服务器所属的地址。",
                                                     en: "What it belongs to: a schema's database, a tablespace's schema, a server's address.")
            public static let note = LocalizedText(zh: "备注（主机、用途……）。", en: "A note (host, role, …).")
            public static let setAbstract = LocalizedText(zh: "修改条目的上级或备注（主管）。", en: "Change an entry's parent or note (supervisors).")
            public static let itsName = LocalizedText(zh: "名称。", en: "Its name.")
            public static let newParent = LocalizedText(zh: "新的上级（空：无）。", en: "What it belongs to now (empty: nothing).")
            public static let newNote = LocalizedText(zh: "备注。", en: "The note.")
            public static let removeAbstract = LocalizedText(zh: "从设备清单移除（主管）；以往巡检的读数保留。",
                                                             en: "Remove from the inventory (supervisors); past inspections keep their readings.")
            public static let listAbstract = LocalizedText(zh: "设备清单，按类别。", en: "The inventory, by kind.")
        }

        /// `kpi …`.
        public enum Figures {
            public static let abstract = LocalizedText(zh: "某月或某个 ISO 周的服务指标 K1–K7。", en: "The service-level figures K1–K7 of a month or an ISO week.")
            public static let month = LocalizedText(zh: "自然月，例如 2021-12。", en: "A calendar month, e.g. 2021-12.")
            public static let week = LocalizedText(zh: "ISO 周，例如 2021-W49。", en: "An ISO week, e.g. 2021-W49.")
            public static let showAbstract = LocalizedText(zh: "打印指标（默认）。", en: "Print the figures (the default).")
            public static let itemsAbstract = LocalizedText(
                zh: "某项指标统计的事项（K5 为交付），未达标的在前，含时限、发生时间、是否达标和原因。",
                en: "The items one figure counted (deliveries for K5), missed first, with deadline, event, met and cause.")
            public static let itemsDiscussion = LocalizedText(
                zh: "FIGURE 为 K1 … K6，或 K7-1、K7-2、K7-3（按故障级别）。事项在时限内尚待发生时，met 为 null。",
                en: "FIGURE is K1 … K6, or K7-1, K7-2, K7-3 (faults by level). met is null while an item awaits its event within its deadline.")
            public static let figure = LocalizedText(zh: "K1 … K6、K7-1、K7-2 或 K7-3。", en: "K1 … K6, K7-1, K7-2 or K7-3.")
            public static let freezeAbstract = LocalizedText(zh: "签认已结束的考核期：其指标不再变化（仅限主管）。",
                                                             en: "Sign off a period that has ended: its figures no longer change (supervisors only).")
        }

        /// `sla …`.
        public enum Deadlines {
            public static let abstract = LocalizedText(zh: "合同规定的时限规则。", en: "The contract's deadline rules.")
            public static let dueAbstract = LocalizedText(
                zh: "打印 KIND 自 TIME 起算的时限（一般问题：受理时间；特殊情况：确认时间；故障：报告时间）。",
                en: "Print the deadline of KIND started at TIME (general: received; special: confirmed; fault: reported).")
            public static let kind = LocalizedText(zh: "general、special、fault1、fault2 或 fault3。", en: "general, special, fault1, fault2 or fault3.")
            public static let explain = LocalizedText(zh: "在随后几行写出推算过程。", en: "Add the reasoning on the following lines.")
        }

        /// `report`.
        public enum Monthly {
            public static let abstract = LocalizedText(zh: "运维服务月报，写到标准输出。", en: "The monthly service report 运维服务月报, on standard output.")
            public static let discussion = LocalizedText(
                zh: "指标 K1–K7 与目标对照（已冻结的月份按冻结时的数值）、各指标未达标的事项及原因、按级别和地区的故障、本月的交付与缺陷。报告写给甲方，不论区域设置均为中文，除非给出 --lang en。",
                en: """
                    Figures K1–K7 against their targets (as frozen, for a frozen month), the items each figure \
                    missed with their causes, faults by level and region, deliveries and defects of the month. \
                    In Chinese, whatever the locale, unless --lang en is given: it is written for the client.
                    """)
            public static let month = LocalizedText(zh: "月份，例如 2021-12。", en: "The month, e.g. 2021-12.")
            public static let format = LocalizedText(zh: "md（Markdown）、html（可在 A4 纸上打印的独立页面）或 csv。",
                                                     en: "md (Markdown), html (a standalone page that prints on A4) or csv.")
        }

        /// `train …`.
        public enum Train {
            public static let abstract = LocalizedText(
                zh: "培训：内容 → 计划 → 资料 → 实施 → 考试 → 答疑 → 上传，学员及其考试成绩。",
                en: "Training sessions: content → plan → materials → delivery → exam → Q&A → upload, attendees and their exam scores.")
            public static let addAbstract = LocalizedText(zh: "登记一次培训，七个步骤均待完成；打印其编号。",
                                                          en: "Record a training session, its seven steps pending; prints its number.")
            public static let type = LocalizedText(zh: "培训对象：admin（行政管理人员）、operator（业务经办人员）或 sysadmin（系统管理员）。",
                                                   en: "Who it is for: admin (行政管理人员), operator (业务经办人员) or sysadmin (系统管理员).")
            public static let topic = LocalizedText(zh: "培训主题。", en: "What it teaches.")
            public static let place = LocalizedText(zh: "培训地点。", en: "Where it is held.")
            public static let trainer = LocalizedText(zh: "讲师。", en: "Who teaches it.")
            public static let on = LocalizedText(zh: "举办（或已举办）的日期。", en: "The day it is (or was) held.")
            public static let stepAbstract = LocalizedText(zh: "标记培训的一个步骤已完成。", en: "Mark a step of a training done.")
            public static let stepDiscussion = LocalizedText(
                zh: "步骤依次为：content（培训内容确定）、plan（培训计划）、materials（培训资料准备）、delivery（培训实施，不早于举办当日）、exam（考试）、qa（答疑）、upload（资料上传）。每个步骤只做一次，且在前一步骤之后。",
                en: """
                    The steps, in the order they are done: content (培训内容确定), plan (培训计划), materials \
                    (培训资料准备), delivery (培训实施, not before the day it is held), exam (考试), qa (答疑), upload \
                    (资料上传). Each is done once, after the one before it.
                    """)
            public static let id = LocalizedText(zh: "培训编号。", en: "The training's number.")
            public static let step = LocalizedText(zh: "content、plan、materials、delivery、exam、qa 或 upload。",
                                                   en: "content, plan, materials, delivery, exam, qa or upload.")
            public static let attendAbstract = LocalizedText(zh: "登记一名学员，已知考试成绩时一并登记。",
                                                             en: "Record an attendee of a training, with the exam score when known.")
            public static let name = LocalizedText(zh: "学员姓名（每次培训一次）。", en: "The attendee's name (once a session).")
            public static let office = LocalizedText(zh: "学员所在单位。", en: "The office they work at.")
            public static let region = LocalizedText(zh: "所在地区：中文名（西宁市）或拼音（xining）。",
                                                     en: "Their region: Chinese name (西宁市) or pinyin (xining).")
            public static let score = LocalizedText(zh: "考试成绩，0 到 100 的整数。", en: "The exam score, a whole number from 0 to 100.")
            public static let scoreAbstract = LocalizedText(zh: "登记或更正学员的考试成绩。", en: "Record or correct an attendee's exam score.")
            public static let recordedName = LocalizedText(zh: "学员姓名，与登记时一致。", en: "The attendee's name, as recorded.")
            public static let materialAbstract = LocalizedText(zh: "登记培训资料：文件路径或链接。", en: "Record a material of a training: a file path or a link.")
            public static let location = LocalizedText(zh: "文件路径或 http(s):// 链接。", en: "A file path or an http(s):// link.")
            public static let listAbstract = LocalizedText(zh: "培训，最近举办的在前。", en: "Training sessions, latest held first.")
            public static let showAbstract = LocalizedText(zh: "一次培训：步骤、学员及成绩、平均分、资料和处理记录。",
                                                           en: "One training: its steps, attendees with scores, the average, materials and history.")
            public static let onlyType = LocalizedText(zh: "只列 admin、operator 或 sysadmin 的培训。", en: "Only those for admin, operator or sysadmin.")
            public static let onlyMonth = LocalizedText(zh: "只列在该月举办的，例如 2021-12。", en: "Only those held in this month, e.g. 2021-12.")
            public static let search = LocalizedText(zh: "只列主题、地点或讲师包含此文字的。",
                                                     en: "Only those whose topic, place or trainer contains this text.")
            public static let offset = LocalizedText(zh: "跳过前若干项，用于翻页。", en: "Skip this many first, for paging.")
            public static let after = LocalizedText(zh: "从列表顺序中此培训之后开始（JSON 给出 next_after）。",
                                                    en: "Start after this training in the list's order (the JSON gives next_after).")
        }
    }
}
