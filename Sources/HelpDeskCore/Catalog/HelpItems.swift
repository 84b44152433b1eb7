/// What `--help` says of the work-item commands (tickets, faults, tasks, changes, deliveries,
/// defects, the outbox, escalation, lists), of `helpdesk` itself and its global options.
extension Catalog.Help {
    public enum Items {
        /// `helpdesk` itself and the options every command takes.
        public enum Root {
            public static let abstract = LocalizedText(zh: "青海省机关事业单位养老保险信息管理系统运维服务台。",
                                                  en: "Service desk for the Qinghai pension-insurance information system (机关事业单位养老保险信息管理系统).")
            public static let discussion = LocalizedText(zh: "不带子命令时打开控制台。时间采用带时区偏移的 ISO 8601 格式（2021-11-23T15:00:00+08:00）；所有规则均按北京时间计算。",
                                                  en: "With no subcommand, opens the console. Times are ISO 8601 with an offset (2021-11-23T15:00:00+08:00); every rule runs in Beijing time.")
            public static let theme = LocalizedText(zh: "控制台主题：dark、light、high-contrast 或主题文件（默认：$HELPDESK_THEME，否则 dark）。",
                                                  en: "The console's theme: dark, light, high-contrast, or a theme file (default: $HELPDESK_THEME, else dark).")
            public static let db = LocalizedText(zh: "数据库文件（默认：$HELPDESK_DB，否则为 $XDG_DATA_HOME/helpdesk 下的 helpdesk.sqlite）。",
                                                  en: "The database file (default: $HELPDESK_DB, else helpdesk.sqlite under $XDG_DATA_HOME/helpdesk).")
            public static let now = LocalizedText(zh: "程序视为当前的时间，带时区偏移的 ISO 8601 格式（默认：$HELPDESK_NOW，否则取系统时钟）。用于测试和演示。",
                                                  en: "The time the program takes as now, ISO 8601 with an offset (default: $HELPDESK_NOW, else the clock). For tests and demos.")
            public static let json = LocalizedText(zh: "以 JSON 输出查询结果，格式稳定，供脚本使用。",
                                                  en: "Print reads as JSON, in a stable shape for scripts.")
            public static let lang = LocalizedText(zh: "输出语言：zh 或 en（默认：取自 LC_ALL、LC_MESSAGES、LANG）。",
                                                  en: "Language of the output: zh or en (default: from LC_ALL, LC_MESSAGES, LANG).")
            public static let demo = LocalizedText(zh: "使用演示数据库（$XDG_DATA_HOME/helpdesk/demo.sqlite，首次使用时填入仿真数据）代替 --db；绝不使用正式数据库。",
                                                  en: "Use the demo database ($XDG_DATA_HOME/helpdesk/demo.sqlite, filled with realistic data on first use) instead of --db; never the real one.")
        }

        /// `case …`: CASE tickets.
        public enum Case {
            public static let abstract = LocalizedText(zh: "CASE 工单：一般问题、特殊情况、需求。",
                                                  en: "CASE tickets: general questions, special cases, requirements.")
            public static let add = LocalizedText(zh: "受理 CASE 工单；输出其编号。",
                                                  en: "Take in a CASE ticket; prints its number.")
            public static let kind = LocalizedText(zh: "general（一般问题）、special（特殊情况）或 requirement（需求）。",
                                                  en: "general, special or requirement.")
            public static let channel = LocalizedText(zh: "phone、wechat、qq、email、fax 或 case。",
                                                  en: "phone, wechat, qq, email, fax or case.")
            public static let requester = LocalizedText(zh: "提出人姓名。",
                                                  en: "The requester's name.")
            public static let office = LocalizedText(zh: "提出人单位。",
                                                  en: "The requester's office.")
            public static let phone = LocalizedText(zh: "提出人电话。",
                                                  en: "The requester's phone.")
            public static let respond = LocalizedText(zh: "记录一次响应；特殊情况的首次响应即其时限事件。",
                                                  en: "Record a response; the first one is a special case's rule event.")
            public static let id = LocalizedText(zh: "工单编号。",
                                                  en: "The ticket's number.")
            public static let note = LocalizedText(zh: "答复内容。",
                                                  en: "What was answered.")
            public static let resolve = LocalizedText(zh: "解决工单；问题原因和解决方案均为必填。",
                                                  en: "Resolve a ticket; root cause and solution are both required.")
            public static let assess = LocalizedText(zh: "评估需求：与提出人商定的完成时限。",
                                                  en: "Assess a requirement: the due date agreed with the requester.")
            public static let due = LocalizedText(zh: "商定的时限：时间，或日期（指当日下班时间）。",
                                                  en: "The agreed due date: a time, or a date meaning close of business.")
            public static let agreedWith = LocalizedText(zh: "与谁商定的时限。",
                                                  en: "Who agreed to the due date.")
            public static let size = LocalizedText(zh: "工作量估计（例如 5 人天）。",
                                                  en: "The size estimate (e.g. 5 person-days).")
            public static let list = LocalizedText(zh: "CASE 工单队列，最紧急的在前。",
                                                  en: "The CASE queue, most urgent first.")
            public static let show = LocalizedText(zh: "查看一张 CASE 工单及其历史。",
                                                  en: "One CASE ticket with its history.")
            public static let onlyKind = LocalizedText(zh: "只列 general、special 或 requirement 工单。",
                                                  en: "Only general, special or requirement tickets.")
            public static let reopen = LocalizedText(zh: "重新打开已关闭的 CASE 工单（仅限主管）。",
                                                  en: "Reopen a closed CASE ticket (supervisors only).")
        }

        /// Options several item commands share.
        public enum Shared {
            public static let region = LocalizedText(zh: "中文名（西宁市）或拼音（xining）。",
                                                  en: "Chinese name (西宁市) or pinyin (xining).")
            public static let title = LocalizedText(zh: "简短标题。",
                                                  en: "A short title.")
            public static let reopenReason = LocalizedText(zh: "重新打开的原因。",
                                                  en: "Why it is reopened.")
            public static let why = LocalizedText(zh: "原因。",
                                                  en: "Why.")
            public static let limit = LocalizedText(zh: "最多列出这么多条（默认 100；0 表示全部）。",
                                                  en: "At most this many (default 100; 0 for all).")
            public static let cause = LocalizedText(zh: "问题原因分析。",
                                                  en: "Root-cause analysis (问题原因分析).")
            public static let solution = LocalizedText(zh: "解决方案说明。",
                                                  en: "Solution description (解决方案说明).")
            public static let description = LocalizedText(zh: "完整描述。",
                                                  en: "The full description.")
            public static let descriptionFile = LocalizedText(zh: "从文件读取描述，用 - 表示从标准输入读取；UTF-8 编码，最多 64 KiB。",
                                                  en: "Read the description from a file, or from standard input with -; UTF-8, at most 64 KiB.")
        }

        /// `fault …`: faults.
        public enum Fault {
            public static let abstract = LocalizedText(zh: "故障：1–3 级，时限按自然时间计算。",
                                                  en: "Faults: levels 1–3, deadlines on the wall clock.")
            public static let add = LocalizedText(zh: "报告故障；输出其编号。",
                                                  en: "Report a fault; prints its number.")
            public static let level = LocalizedText(zh: "1（系统瘫痪）、2（核心功能异常）或 3（非核心功能）。",
                                                  en: "1 (system down), 2 (core functions wrong) or 3 (non-core).")
            public static let raise = LocalizedText(zh: "提高故障级别（3→2→1）；时限从报告时起重新计算。",
                                                  en: "Raise a fault's level (3→2→1); the deadline is recomputed from the report.")
            public static let id = LocalizedText(zh: "故障编号。",
                                                  en: "The fault's number.")
            public static let raisedLevel = LocalizedText(zh: "新的、更严重的级别。",
                                                  en: "The new, more severe level.")
            public static let restore = LocalizedText(zh: "服务已恢复：停止故障计时。问题原因和解决方案为必填。",
                                                  en: "Service restored: stops the fault's clock. Root cause and solution are required.")
            public static let mode = LocalizedText(zh: "方式：onsite（现场解决）、remote（远程支持）或 phone（通讯支持）。",
                                                  en: "How: onsite (现场解决), remote (远程支持) or phone (通讯支持).")
            public static let list = LocalizedText(zh: "故障看板，最紧急的在前。",
                                                  en: "The fault board, most urgent first.")
            public static let show = LocalizedText(zh: "查看一个故障及其历史。",
                                                  en: "One fault with its history.")
            public static let onlyLevel = LocalizedText(zh: "只列此级别的故障：1、2 或 3。",
                                                  en: "Only faults of this level: 1, 2 or 3.")
            public static let lower = LocalizedText(zh: "降低故障级别（1→2→3）；仅限主管。时限从报告时起重新计算。",
                                                  en: "Lower a fault's level (1→2→3); supervisors only. The deadline is recomputed from the report.")
            public static let loweredLevel = LocalizedText(zh: "新的、较轻的级别。",
                                                  en: "The new, less severe level.")
            public static let ack = LocalizedText(zh: "确认故障最近一级的升级步骤（T0：现场人员；T1、T2：总部专家）。",
                                                  en: "Acknowledge the fault's latest tier step (T0: on-site staff; T1, T2: HQ experts).")
            public static let escalate = LocalizedText(zh: "手动将故障升级一级（T0 → T1 → T2），须说明原因；不可越级。",
                                                  en: "Escalate a fault one tier by hand (T0 → T1 → T2), with a reason; a tier is never skipped.")
            public static let reopen = LocalizedText(zh: "重新打开已恢复的故障（仅限主管）；重新开始计时。",
                                                  en: "Reopen a restored fault (supervisors only); its clock runs again.")
        }

        /// `escalate`: the timer's run.
        public enum Escalate {
            public static let abstract = LocalizedText(zh: "执行当前到期的所有升级步骤（每步一行），然后发送待发通知。",
                                                  en: "Take every escalation step due now (one line per step), then deliver pending notifications.")
            public static let discussion = LocalizedText(zh: "由 cron 或 systemd 定时器每分钟运行一次。可同时运行多个：每个步骤只执行一次。",
                                                  en: "Run it every minute from cron or a systemd timer. Any number may run at once: a step is taken once.")
        }

        /// `notify …`: the outbox.
        public enum Notify {
            public static let abstract = LocalizedText(zh: "通知发件箱。",
                                                  en: "The notification outbox.")
            public static let deliver = LocalizedText(zh: "立即发送待发通知（escalate 也会发送）。",
                                                  en: "Deliver pending notifications now (escalate does this too).")
            public static let list = LocalizedText(zh: "通知，最新的在前。",
                                                  en: "Notifications, newest first.")
            public static let pending = LocalizedText(zh: "只列尚未送达的。",
                                                  en: "Only those not delivered yet.")
            public static let limit = LocalizedText(zh: "最多列出这么多条（默认 50）。",
                                                  en: "At most this many (default 50).")
        }

        /// `task …`: data-processing tasks.
        public enum Task {
            public static let abstract = LocalizedText(zh: "数据处理任务：有完成时限的数据修复、更正和统计工作。",
                                                  en: "Data-processing tasks: data fixes, corrections and statistics jobs with a due time.")
            public static let add = LocalizedText(zh: "受理数据处理任务；输出其编号。",
                                                  en: "Take in a data-processing task; prints its number.")
            public static let due = LocalizedText(zh: "完成时限：时间，或日期（指当日下班时间）。",
                                                  en: "When it is due: a time, or a date meaning close of business.")
            public static let fromCase = LocalizedText(zh: "来源 CASE 工单（双向关联）。",
                                                  en: "The CASE ticket it comes from (linked both ways).")
            public static let assignee = LocalizedText(zh: "处理人（人员用户名）。",
                                                  en: "Who does it (a staff user name).")
            public static let complete = LocalizedText(zh: "完成任务；问题原因和解决方案均为必填。",
                                                  en: "Complete a task; root cause and solution are both required.")
            public static let id = LocalizedText(zh: "任务编号。",
                                                  en: "The task's number.")
            public static let error = LocalizedText(zh: "将已完成的任务标记为有误（何人、何时、何因）；任务仍为已完成。",
                                                  en: "Mark a completed task as found erroneous (who, when, why); it stays completed.")
            public static let note = LocalizedText(zh: "错误内容。",
                                                  en: "What was wrong.")
            public static let list = LocalizedText(zh: "数据处理任务，最紧急的在前。",
                                                  en: "Data-processing tasks, most urgent first.")
            public static let show = LocalizedText(zh: "查看一个任务及其历史。",
                                                  en: "One task with its history.")
        }

        /// `change …`: change requests.
        public enum Change {
            public static let abstract = LocalizedText(zh: "变更需求：调研 → 已确认 → 开发 → 内部测试 → 用户测试 → 已上线。",
                                                  en: "Change requests: research → confirmed → development → internal test → user test → released.")
            public static let add = LocalizedText(zh: "受理变更需求；输出其编号。",
                                                  en: "Take in a change request; prints its number.")
            public static let type = LocalizedText(zh: "policy（政策调整）、optimisation（系统功能优化）、bugfix（系统BUG优化）或 requirement（新增需求）。",
                                                  en: "policy (政策调整), optimisation (系统功能优化), bugfix (系统BUG优化) or requirement (新增需求).")
            public static let due = LocalizedText(zh: "商定的时限：时间，或日期（指当日下班时间）（使用 --from-case 时默认取工单商定的日期）。",
                                                  en: "The agreed due date: a time, or a date meaning close of business (with --from-case: the ticket's agreed date by default).")
            public static let effective = LocalizedText(zh: "政策调整的生效日期。",
                                                  en: "A policy adjustment's effective date.")
            public static let fromCase = LocalizedText(zh: "转为变更的需求类 CASE 工单（双向关联）。",
                                                  en: "The requirement CASE ticket it turns into a change (linked both ways).")
            public static let advance = LocalizedText(zh: "将变更推进到下一阶段；上线时登记一次交付并输出其编号。",
                                                  en: "Move a change to its next stage; releasing records a delivery and prints its number.")
            public static let advanceDiscussion = LocalizedText(zh: "调研 → 已确认须给 --signed-by；内部测试 → 用户测试须最近一轮内测通过（change test）；用户测试 → 已上线须给 --cause 和 --solution，随新交付（--label）或已有交付（--delivery）上线。政策调整在生效日之后上线的，开立任务重新处理生效以来的业务。",
                                                  en: "research → confirmed needs --signed-by; internal test → user test needs a passing latest round (change test); user test → released needs --cause and --solution, and goes out in a new delivery (--label) or one already made (--delivery). A policy adjustment released after the day it took effect opens a task to reprocess the business handled since then.")
            public static let id = LocalizedText(zh: "变更编号。",
                                                  en: "The change's number.")
            public static let signedBy = LocalizedText(zh: "确认需求的签字人（进入已确认时）。",
                                                  en: "Who signed the confirmed requirement (to confirmed).")
            public static let cause = LocalizedText(zh: "问题原因分析：为何需要此变更（上线时）。",
                                                  en: "Root-cause analysis: why the change was needed (to released).")
            public static let solution = LocalizedText(zh: "解决方案说明：上线了什么（上线时）。",
                                                  en: "Solution description: what was released (to released).")
            public static let label = LocalizedText(zh: "新交付的标签，例如 V3.2.1（上线时；默认：日期和变更编号）。",
                                                  en: "The new delivery's label, e.g. V3.2.1 (to released; default: the date and the change).")
            public static let delivery = LocalizedText(zh: "随这次已有的交付上线，而不新建交付。",
                                                  en: "Release in this delivery, already made, rather than a new one.")
            public static let to = LocalizedText(zh: "进入的阶段（必填）：confirmed、development、internal-test、user-test 或 released。两人同时推进同一变更只推进一次。",
                                                  en: "The stage it moves to (required): confirmed, development, internal-test, user-test or released. Two people moving one change at once move it once.")
            public static let test = LocalizedText(zh: "为处于内部测试的变更登记一轮内测。",
                                                  en: "Record an internal test round of a change in internal test.")
            public static let result = LocalizedText(zh: "pass（通过）或 fail（不通过）。",
                                                  en: "pass or fail.")
            public static let note = LocalizedText(zh: "测试内容和发现。",
                                                  en: "What was tested and found.")
            public static let list = LocalizedText(zh: "变更需求及其阶段，最紧急的在前。",
                                                  en: "Change requests, most urgent first, with their stage.")
            public static let show = LocalizedText(zh: "查看一个变更需求及其阶段、内测轮次、交付和历史。",
                                                  en: "One change request with its stage, test rounds, delivery and history.")
        }

        /// `delivery …`: releases to production.
        public enum Delivery {
            public static let abstract = LocalizedText(zh: "交付：上线到生产环境的版本、所含变更及其缺陷。",
                                                  en: "Deliveries: releases to production, the changes they carried and their defects.")
            public static let list = LocalizedText(zh: "交付，最新的在前。",
                                                  en: "Deliveries, latest first.")
            public static let show = LocalizedText(zh: "查看一次交付：所含变更及其中发现的缺陷。",
                                                  en: "One delivery: the changes it carried and the defects found in it.")
            public static let id = LocalizedText(zh: "交付编号。",
                                                  en: "The delivery's number.")
        }

        /// `defect …`: defects found in deliveries.
        public enum Defect {
            public static let abstract = LocalizedText(zh: "交付中发现的缺陷；30 天内发现缺陷的交付计为有误。",
                                                  en: "Defects found in a delivery; one found within 30 days makes the delivery erroneous.")
            public static let add = LocalizedText(zh: "登记交付中发现的缺陷；输出其编号。",
                                                  en: "Record a defect found in a delivery; prints its number.")
            public static let delivery = LocalizedText(zh: "发现缺陷的交付。",
                                                  en: "The delivery it was found in.")
            public static let list = LocalizedText(zh: "缺陷，最新发现的在前。",
                                                  en: "Defects, latest found first.")
            public static let onlyDelivery = LocalizedText(zh: "只列此交付的缺陷。",
                                                  en: "Only those of this delivery.")
        }

        /// `--at`: what happened at that time, by command.
        public enum When {
            public static let unsaid = LocalizedText(zh: "时间（默认为当前）。",
                                                  en: "When (default now).")
            public static let received = LocalizedText(zh: "受理时间（特殊情况：确认时间）；默认为当前。",
                                                  en: "When it was received (special: confirmed); default now.")
            public static let reported = LocalizedText(zh: "报告时间（默认为当前）。",
                                                  en: "When it was reported (default now).")
            public static let takenIn = LocalizedText(zh: "受理时间（默认为当前）。",
                                                  en: "When it was taken in (default now).")
            public static let agreed = LocalizedText(zh: "商定时间（默认为当前）。",
                                                  en: "When it was agreed (default now).")
            public static let found = LocalizedText(zh: "发现时间（默认为当前）。",
                                                  en: "When it was found (default now).")
            public static let done = LocalizedText(zh: "完成时间（默认为当前）。",
                                                  en: "When it was done (default now).")
            public static let recorded = LocalizedText(zh: "登记时间（默认为当前）。",
                                                  en: "When it was recorded (default now).")
            public static let made = LocalizedText(zh: "生成时间（默认为当前）。",
                                                  en: "When it was made (default now).")
            public static let clockStarts = LocalizedText(zh: "开始计时的时间（默认为当前）。",
                                                  en: "When the clock starts (default now).")
        }

        /// `list` and `show`: work items of every kind.
        public enum Every {
            public static let list = LocalizedText(zh: "列出所有类型的事项，最紧急的在前。",
                                                  en: "List work items of every kind, most urgent first.")
            public static let show = LocalizedText(zh: "查看一个事项及其完整历史。",
                                                  en: "Show one work item with its full history.")
            public static let id = LocalizedText(zh: "事项编号。",
                                                  en: "The item's number.")
        }

        /// The filters every work-item list has.
        public enum Lists {
            public static let status = LocalizedText(zh: "只列此状态的事项：open、responded、assessed、closed；或 active（未关闭）。",
                                                  en: "Only items with this status: open, responded, assessed, closed; or active (not closed).")
            public static let region = LocalizedText(zh: "只列此地区：中文名（西宁市）或拼音（xining）。",
                                                  en: "Only this region: Chinese name (西宁市) or pinyin (xining).")
            public static let overdue = LocalizedText(zh: "只列现已超时的事项。",
                                                  en: "Only items past their deadline now.")
            public static let mine = LocalizedText(zh: "只列由我受理或分派给我的事项。",
                                                  en: "Only items taken by or assigned to me.")
            public static let search = LocalizedText(zh: "只列标题、提出人、电话或描述中含此文本的事项。",
                                                  en: "Only items whose title, requester, phone or description contains this text.")
            public static let limit = LocalizedText(zh: "最多列出这么多条事项：整数（默认 100；0 表示全部）。",
                                                  en: "At most this many items: a whole number (default 100; 0 for all).")
            public static let offset = LocalizedText(zh: "先跳过这么多条事项，用于分页。",
                                                  en: "Skip this many items first, for paging.")
            public static let after = LocalizedText(zh: "从列表顺序中此事项之后开始（按键分页：翻到深处与开头一样快；JSON 给出 next_after）。",
                                                  en: "Start after this item in the list's order (paging by key: as fast deep in the list as at its top; the JSON gives next_after).")
        }

        /// `demo`: the demo data.
        public enum Demo {
            public static let abstract = LocalizedText(zh: "向数据库填入仿真演示数据：近几个月的人员、CASE 工单和故障。",
                                                  en: "Fill the database with realistic demo data: staff, CASE tickets and faults over the last months.")
            public static let items = LocalizedText(zh: "事项数量。",
                                                  en: "How many work items.")
            public static let days = LocalizedText(zh: "分布在当前之前的多少天内。",
                                                  en: "Over how many days before now.")
            public static let seed = LocalizedText(zh: "生成器的种子（种子相同，数据相同）。",
                                                  en: "Seed of the generator (the same seed gives the same data).")
        }
    }
}
