/// What the console's screens say, by screen: pane titles and notes, column heads, the footer's
/// hints, what an empty or loading pane says, and the labels of an item's details; then what the
/// run loop says itself (the editor's end, the theme at start-up, the read-only notice).
extension Catalog {
    public enum Screens {
        /// Words several screens share: the footer's hints and a pane still loading.
        public enum Common {
            public static let loading = LocalizedText(zh: "加载中…", en: "loading…")
            public static let none = LocalizedText(zh: "（无）", en: "(none)")
            // The footer's hints.
            public static let back = LocalizedText(zh: "返回", en: "back")
            public static let move = LocalizedText(zh: "移动", en: "move")
            public static let scroll = LocalizedText(zh: "滚动", en: "scroll")
            public static let help = LocalizedText(zh: "帮助", en: "help")
        }

        /// The CASE queue's filters, summed up in its header; the lists of tasks, changes and
        /// trainings sum theirs up the same way.
        public enum Queue {
            /// `筛选：我的 · 已超时` / `filter: mine · overdue`: the filters set, each already named.
            public static func filters(_ parts: [String]) -> LocalizedText {
                LocalizedText(zh: "筛选：" + parts.joined(separator: " · "), en: "filter: " + parts.joined(separator: " · "))
            }

            /// Every status, the closed ones too.
            public static let allStatuses = LocalizedText(zh: "全部", en: "all")
            public static let mine = LocalizedText(zh: "我的", en: "mine")
            public static let overdue = LocalizedText(zh: "已超时", en: "overdue")
        }

        /// The fault board.
        public enum Board {
            public static func overdueCount(_ count: Int) -> LocalizedText {
                LocalizedText(zh: "\(count) 项超时", en: "\(count) overdue")
            }

            public static let tier = LocalizedText(zh: "升级", en: "tier")
            public static let next = LocalizedText(zh: "下一步", en: "next")
            public static let noOpenFaults = LocalizedText(zh: "没有未恢复的故障", en: "no open faults")
            public static let noneMatchesSearch = LocalizedText(zh: "没有符合搜索的未恢复故障", en: "no open fault matches the search")

            /// A fault's level in its narrow column: `2级` / `L2`.
            public static func level(_ level: Int) -> LocalizedText {
                LocalizedText(zh: "\(level)级", en: "L\(level)")
            }

            // The next steps that are not tiers, short for the column.
            public static let supervisor = LocalizedText(zh: "主管", en: "sup")
            public static let client = LocalizedText(zh: "通报", en: "client")

            /// A next step whose time has come: `T2 到期` / `T2 due`.
            public static func due(_ step: String) -> LocalizedText {
                LocalizedText(zh: "\(step) 到期", en: "\(step) due")
            }
        }

        /// The lists of tasks, changes and trainings: their footer.
        public enum Services {
            /// The trainings' filter key: by audience.
            public static let byAudience = LocalizedText(zh: "按对象", en: "audience")
            public static let byStatus = LocalizedText(zh: "按状态", en: "status")
        }

        /// The inspections, and one inspection's readings.
        public enum Inspections {
            public static let title = LocalizedText(zh: "巡检", en: "Inspections")
            public static let latestFirst = LocalizedText(zh: "最新在前", en: "latest first")
            // The list's columns.
            public static let id = LocalizedText(zh: "编号", en: "id")
            public static let at = LocalizedText(zh: "时间", en: "at")
            public static let kind = LocalizedText(zh: "类别", en: "kind")
            public static let readings = LocalizedText(zh: "读数", en: "read")
            public static let over = LocalizedText(zh: "超阈", en: "over")
            public static let opened = LocalizedText(zh: "开立", en: "open")
            public static let linked = LocalizedText(zh: "关联", en: "link")
            public static let unknown = LocalizedText(zh: "不在清单", en: "unknown")
            public static let inspector = LocalizedText(zh: "巡检人", en: "inspector")
            /// The list's footer: Enter shows the readings.
            public static let showReadings = LocalizedText(zh: "读数", en: "readings")

            /// One inspection's header: `巡检 #3` / `Inspection #3`.
            public static func inspection(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "巡检 #\(id)", en: "Inspection #\(id)")
            }

            /// When, by whom, how many readings and how many over their thresholds.
            public static func summary(at: String, inspector: String, readings: Int, over: Int) -> LocalizedText {
                LocalizedText(zh: "\(at) · \(inspector) · 读数 \(readings) 项，超阈值 \(over) 项",
                              en: "\(at) · \(inspector) · \(readings) readings, \(over) over")
            }

            // One inspection's columns.
            public static let check = LocalizedText(zh: "检查项", en: "check")
            public static let target = LocalizedText(zh: "对象", en: "target")
            public static let value = LocalizedText(zh: "读数", en: "value")
            public static let threshold = LocalizedText(zh: "阈值", en: "over")
            public static let item = LocalizedText(zh: "工单", en: "item")
            public static let status = LocalizedText(zh: "状态", en: "status")
            public static let feedback = LocalizedText(zh: "反馈", en: "feedback")
            public static let itemTitle = LocalizedText(zh: "工单标题", en: "item title")
            // One inspection's footer: Enter, and what the marks beside the items mean.
            public static let itemDetails = LocalizedText(zh: "工单详情", en: "item details")
            public static let markOpened = LocalizedText(zh: "开立", en: "opened")
            public static let markLinked = LocalizedText(zh: "关联", en: "linked")
            public static let markNotInInventory = LocalizedText(zh: "不在清单", en: "not in inventory")
        }

        /// This month's and this week's figures.
        public enum ServiceLevels {
            /// The last month a supervisor signed off: `已冻结至 2021-11` / `frozen through 2021-11`.
            public static func frozenThrough(_ period: Period) -> LocalizedText {
                LocalizedText(zh: "已冻结至 \(period)", en: "frozen through \(period)")
            }

            public static let target = LocalizedText(zh: "目标", en: "target")
            public static let month = LocalizedText(zh: "本月", en: "month")
            public static let week = LocalizedText(zh: "本周", en: "week")
            public static let twelveMonths = LocalizedText(zh: "近12月", en: "12 months")
            public static let figure = LocalizedText(zh: "指标", en: "figure")
        }

        /// What one figure counted.
        public enum FigureItems {
            /// A full page: `前 200 项，共 350 项` / `first 200 of 350`.
            public static func firstOf(_ shown: Int, _ total: Int) -> LocalizedText {
                LocalizedText(zh: "前 \(shown) 项，共 \(total) 项", en: "first \(shown) of \(total)")
            }

            public static func inAll(_ total: Int) -> LocalizedText {
                LocalizedText(zh: "共 \(total) 项", en: "\(total) in all")
            }

            /// The header's note: how many, and that the missed come first.
            public static func missedFirst(_ count: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(count.zh)，未达标在前", en: "\(count.en), missed first")
            }

            public static let id = LocalizedText(zh: "编号", en: "id")
            public static let kind = LocalizedText(zh: "类别", en: "kind")
            public static let deadline = LocalizedText(zh: "时限", en: "deadline")
            public static let event = LocalizedText(zh: "发生", en: "event")
            public static let met = LocalizedText(zh: "达标", en: "met")
            public static let cause = LocalizedText(zh: "原因", en: "cause")
            public static let title = LocalizedText(zh: "标题", en: "title")
            public static let yes = LocalizedText(zh: "是", en: "yes")
            public static let no = LocalizedText(zh: "否", en: "no")
            /// What a delivery (not an item) is called in the kind column.
            public static let delivery = LocalizedText(zh: "交付", en: "delivery")
            /// An event that has not happened.
            public static let notYet = LocalizedText(zh: "未发生", en: "not yet")
            public static let details = LocalizedText(zh: "详情", en: "details")
        }

        /// A delivery, in place of a change's details.
        public enum Delivery {
            /// `交付 #4` / `Delivery #4`.
            public static func delivery(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "交付 #\(id)", en: "Delivery #\(id)")
            }

            public static func counts(changes: Int, defects: Int) -> LocalizedText {
                LocalizedText(zh: "\(changes) 项变更 · \(defects) 个缺陷", en: "\(changes) changes · \(defects) defects")
            }

            public static let deliveredAt = LocalizedText(zh: "交付时间", en: "Delivered")
            public static let deliveredBy = LocalizedText(zh: "交付人", en: "By")
            public static let erroneous = LocalizedText(zh: "30 天内发现缺陷：计入软件交付错误率（K5）",
                                                        en: "a defect found within 30 days: counts as erroneous (K5)")
            public static let changes = LocalizedText(zh: "变更", en: "Changes")
            public static let defects = LocalizedText(zh: "缺陷", en: "Defects")

            /// How long after the delivery a defect was found: `第3天` / `day 3`.
            public static func day(_ day: Int) -> LocalizedText {
                LocalizedText(zh: "第\(day)天", en: "day \(day)")
            }

            public static let backToChange = LocalizedText(zh: "返回变更", en: "back to the change")
        }

        /// The keys (`?`); the `:` commands' rows are the command line's.
        public enum Help {
            public static let title = LocalizedText(zh: "按键", en: "Keys")
            public static let close = LocalizedText(zh: "关闭", en: "close")
            public static let suspend = LocalizedText(zh: "挂起到 shell（fg 返回，重绘整屏）", en: "suspend to the shell (fg brings it back, repainted)")
            // The titles of the screens' own keys.
            public static let tasks = LocalizedText(zh: "数据处理（4）及任务详情", en: "Tasks (4) and a task's details")
            public static let changes = LocalizedText(zh: "软件升级（5）及变更详情", en: "Changes (5) and a change's details")
            public static let delivery = LocalizedText(zh: "交付（变更详情中按 d）", en: "A delivery (d in a change's details)")
            public static let trainings = LocalizedText(zh: "培训（6）及培训详情", en: "Trainings (6) and a training's details")
            public static let inspections = LocalizedText(zh: "巡检（7）", en: "Inspections (7)")
            // Keys the screens take beyond their tables.
            public static let trainingsByAudience = LocalizedText(zh: "培训：按培训对象筛选", en: "trainings: filter by audience")
            public static let inspectionsEnter = LocalizedText(zh: "巡检：查看读数；读数上：打开其工单", en: "inspections: the readings; on a reading: its item")
            public static let listsBack = LocalizedText(zh: "数据处理、软件升级、培训、巡检：返回服务台", en: "tasks, changes, trainings, inspections: back to the desk")
        }

        /// The list of changes; a change's type and stage are labelled so in its details too.
        public enum Changes {
            public static let type = LocalizedText(zh: "类型", en: "Type")
            public static let stage = LocalizedText(zh: "阶段", en: "Stage")

            /// A change's type as short as a list column wants it: 功能优化, not 系统功能优化.
            public static func shortType(_ type: ChangeType) -> LocalizedText {
                switch type {
                case .optimisation: return LocalizedText(zh: "功能优化", en: type.label(.en))
                case .bugfix: return LocalizedText(zh: "BUG优化", en: type.label(.en))
                case .policy: return LocalizedText(zh: type.label(.zh), en: "policy")
                case .requirement: return LocalizedText(zh: type.label(.zh), en: "requirement")
                }
            }
        }

        /// The list of tasks.
        public enum Tasks {
            /// The column of a task's error mark.
            public static let erroneous = LocalizedText(zh: "有误", en: "erroneous")
        }

        /// The list of trainings.
        public enum Trainings {
            public static let audience = LocalizedText(zh: "对象", en: "For")
            public static let heldOn = LocalizedText(zh: "日期", en: "Held on")
            public static let steps = LocalizedText(zh: "步骤", en: "Steps")
            public static let attended = LocalizedText(zh: "人数", en: "Attended")
            /// The average score, in the list and in a training's details.
            public static let average = LocalizedText(zh: "平均分", en: "Average")

            /// An audience as short as a list column wants it: 经办人员, not 业务经办人员.
            public static func shortAudience(_ type: TrainingType) -> LocalizedText {
                switch type {
                case .admin: return LocalizedText(zh: "管理人员", en: "supervisors")
                case .operator: return LocalizedText(zh: "经办人员", en: "operators")
                case .sysadmin: return LocalizedText(zh: "系统管理员", en: "sysadmins")
                }
            }
        }

        /// The search on the status line, and what it looks in.
        public enum Search {
            public static let prompt = LocalizedText(zh: "搜索：", en: "search: ")
            public static let findsTrainings = LocalizedText(zh: "查找主题、地点、讲师", en: "finds topic, place, trainer")
            public static let findsItems = LocalizedText(zh: "查找标题、提出人、电话、描述", en: "finds title, requester, phone, description")
        }

        /// The question before quitting with a form's input unsaved.
        public enum ConfirmQuit {
            public static let question = LocalizedText(zh: " 表单中有未保存的输入，确定退出？(y/n) ", en: " A form holds unsaved input. Quit anyway? (y/n) ")
            public static let keyHelp = LocalizedText(zh: "随时退出（有未保存内容时先确认）", en: "quit from anywhere (asks if a form holds input)")
        }

        /// One item laid out (`ItemPresentation`): what its heading and fields are called beyond
        /// the common labels (`Strings`).
        public enum Presentation {
            /// A fault's kind with its level: `2级故障` / `level 2 fault`.
            public static func fault(level: Int, _ kind: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(level)级\(kind.zh)", en: "level \(level) \(kind.en)")
            }

            /// A training's status: how many of its seven steps are done.
            public static func stepsDone(_ done: Int) -> LocalizedText {
                LocalizedText(zh: "已完成 \(done)/7 步", en: "\(done)/7 steps done")
            }

            public static let inspections = LocalizedText(zh: "巡检", en: "Inspections")
            // A fault's escalation.
            public static let escalation = LocalizedText(zh: "升级", en: "Escalation")
            public static let awaitingAcknowledgement = LocalizedText(zh: "待确认", en: "awaiting acknowledgement")
            /// Who took a step the policy's rule called for.
            public static let byRule = LocalizedText(zh: "规则", en: "rule")
            // Where it came from and what came of it; a task's error mark.
            public static let source = LocalizedText(zh: "来源", en: "From")
            public static let derived = LocalizedText(zh: "派生", en: "Led to")
            public static let erroneous = LocalizedText(zh: "有误", en: "Erroneous")
            // A change.
            public static let effective = LocalizedText(zh: "政策生效", en: "Effective")
            public static let signedBy = LocalizedText(zh: "确认签字", en: "Signed by")

            public static func round(_ number: Int) -> LocalizedText {
                LocalizedText(zh: "内测第\(number)轮", en: "Round \(number)")
            }

            public static let delivery = LocalizedText(zh: "交付", en: "Delivery")
            public static let defectWithin30Days = LocalizedText(zh: "30天内发现缺陷", en: "defect within 30 days")
            public static let defect = LocalizedText(zh: "缺陷", en: "Defect")
            // A training.
            public static let audience = LocalizedText(zh: "培训对象", en: "For")
            public static let heldOn = LocalizedText(zh: "培训日期", en: "Held on")
            public static let place = LocalizedText(zh: "地点", en: "Place")
            public static let trainer = LocalizedText(zh: "讲师", en: "Trainer")
            public static let steps = LocalizedText(zh: "培训步骤", en: "Steps")
            public static let pending = LocalizedText(zh: "· 待完成", en: "· pending")
            public static let attended = LocalizedText(zh: "参训人数", en: "Attended")

            /// The average score and how many have one: `86.5（3/4 人有成绩）` / `86.5 (3 of 4 scored)`.
            public static func average(_ average: String, scored: Int, of count: Int) -> LocalizedText {
                LocalizedText(zh: "\(average)（\(scored)/\(count) 人有成绩）", en: "\(average) (\(scored) of \(count) scored)")
            }

            public static let attendees = LocalizedText(zh: "学员", en: "Attendees")
            public static let materials = LocalizedText(zh: "培训资料", en: "Materials")
        }

        /// What the console's run loop says: how a run of `$EDITOR` ended, the theme at start-up,
        /// that the operator may only look, and notifications beyond the one shown.
        public enum Console {
            // Why the editor's text was not taken (the form says it in `编辑器 vi 未成功退出（…）`).
            public static func cannotWrite(_ path: String) -> LocalizedText {
                LocalizedText(zh: "无法写入 \(path)", en: "cannot write \(path)")
            }

            public static func cannotRead(_ path: String) -> LocalizedText {
                LocalizedText(zh: "无法读取 \(path)", en: "cannot read \(path)")
            }

            public static func exitStatus(_ code: Int32) -> LocalizedText {
                LocalizedText(zh: "退出状态 \(code)", en: "exit status \(code)")
            }

            public static func signal(_ number: Int32) -> LocalizedText {
                LocalizedText(zh: "信号 \(number)", en: "signal \(number)")
            }

            public static let timedOut = LocalizedText(zh: "超时", en: "timed out")

            // A theme that could not be had: the console starts in the default one.
            public static func themeNotFound(_ name: String, folders: String) -> LocalizedText {
                LocalizedText(zh: "未找到主题 '\(name)'（查找位置：\(folders)）；改用默认主题",
                              en: "theme '\(name)' not found (looked in \(folders)); using the default")
            }

            public static func themeRefused(_ problem: String) -> LocalizedText {
                LocalizedText(zh: "\(problem)；改用默认主题", en: "\(problem); using the default theme")
            }

            public static func themeUnreadable(_ path: String, _ why: String) -> LocalizedText {
                LocalizedText(zh: "无法读取 \(path)：\(why)；改用默认主题", en: "cannot read \(path): \(why); using the default theme")
            }

            /// Someone not on the staff list, or a viewer, may look but not write: why, in each language.
            public static func readOnly(_ refusal: (Language) -> String) -> LocalizedText {
                LocalizedText(zh: "只读：\(refusal(.zh))", en: "read only: \(refusal(.en))")
            }

            /// After a notification, how many more arrived with it.
            public static func moreNotices(_ count: Int) -> LocalizedText {
                LocalizedText(zh: "（另有 \(count) 条）", en: " (+\(count) more)")
            }
        }
    }
}
