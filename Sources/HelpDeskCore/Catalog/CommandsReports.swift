/// What the command line says about inspections, the inventory, trainings, the service-level
/// figures, deadlines and the monthly report (the command's output and refusals; `--help` is in
/// `Catalog.Help.Reports`). Machine keys (JSON keys, CSV section keys) are not texts.
extension Catalog {
    public enum Reports {
        /// The system's name, as the contract writes it (in Chinese in both languages).
        public static let systemName = "青海省机关事业单位养老保险信息管理系统"

        /// Between a field's name and its value: `巡检人：张三` / `Inspector: Zhang San`.
        public static let fieldSeparator = LocalizedText(zh: "：", en: ": ")

        public static let yes = LocalizedText(zh: "是", en: "yes")
        public static let no = LocalizedText(zh: "否", en: "no")
        /// An event that has not happened (yet).
        public static let notYet = LocalizedText(zh: "未发生", en: "not yet")

        public static func formatMissing(_ accepted: String) -> LocalizedText {
            LocalizedText(zh: "请指明格式：--format \(accepted)", en: "name the format: --format \(accepted)")
        }

        public static func notAFormat(_ format: String, accepted: String) -> LocalizedText {
            LocalizedText(zh: "--format：'\(format)' 不是报告格式；可接受：\(accepted)",
                          en: "--format: '\(format)' is not a report format; accepted: \(accepted)")
        }

        public static let monthMissing = LocalizedText(zh: "请指明月份：--month YYYY-MM，例如 2021-12",
                                                       en: "name the month: --month YYYY-MM, e.g. 2021-12")

        /// `inspect …` and `inventory …`.
        public enum Inspection {
            public static let fileExpected = LocalizedText(zh: "监控脚本写的 JSON 文件，或用 - 表示标准输入",
                                                           en: "the JSON file a monitoring script wrote, or - for standard input")

            public static func importRefused(_ file: String, _ problem: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "\(file)：巡检未导入，未作任何改动：\(problem.zh)",
                              en: "\(file): inspection refused, nothing was stored: \(problem.en)")
            }

            public static func addRefused(_ problem: LocalizedText) -> LocalizedText {
                LocalizedText(zh: "巡检未登记，未作任何改动：\(problem.zh)", en: "inspection refused, nothing was stored: \(problem.en)")
            }

            /// A target not in the inventory, with the command that adds it.
            public static func unknownTarget(_ index: Int, _ target: String, addWith command: String) -> LocalizedText {
                LocalizedText(zh: "注意：readings[\(index)].target \"\(target)\" 不在设备清单中，已照常记录（主管可用 \(command) 加入）",
                              en: "note: readings[\(index)].target \"\(target)\" is not in the inventory; recorded all the same (a supervisor adds it with \(command))")
            }

            /// A target not in the inventory whose name the inventory cannot take.
            public static func unknownTargetNoSuchName(_ index: Int, _ target: String) -> LocalizedText {
                LocalizedText(zh: "注意：readings[\(index)].target \"\(target)\" 不在设备清单中，已照常记录；该名称不能加入清单（清单名称不含空格或控制字符），请核对监控脚本所写的名称",
                              en: "note: readings[\(index)].target \"\(target)\" is not in the inventory; recorded all the same. The inventory takes no such name (no spaces or control characters): check the name the monitoring script writes")
            }

            public static func opened(_ ids: String) -> LocalizedText {
                LocalizedText(zh: "超出阈值，已开立：\(ids)", en: "over threshold, opened: \(ids)")
            }

            public static func linked(_ ids: String) -> LocalizedText {
                LocalizedText(zh: "超出阈值，已关联到未关闭的工单：\(ids)", en: "over threshold, linked to items still open: \(ids)")
            }

            /// `inspect list`'s columns.
            public static let listHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "时间", en: "at"), LocalizedText(zh: "类别", en: "kind"),
                LocalizedText(zh: "巡检人", en: "inspector"), LocalizedText(zh: "读数", en: "readings"),
                LocalizedText(zh: "超阈值", en: "over"), LocalizedText(zh: "开立", en: "opened"), LocalizedText(zh: "关联", en: "linked"),
                LocalizedText(zh: "不在清单", en: "unknown"),
            ]

            public static func showing(_ shown: Int, of total: Int) -> LocalizedText {
                LocalizedText(zh: "显示 \(shown) 项，共 \(total) 项", en: "showing \(shown) of \(total)")
            }

            /// `inspect show`'s heading: `巡检 #3` / `Inspection #3`.
            public static let heading = LocalizedText(zh: "巡检", en: "Inspection")

            public static let nothingToChange = LocalizedText(zh: "没有要修改的内容：请给 --parent 或 --note",
                                                              en: "nothing to change: give --parent or --note")

            /// `inventory list`'s columns.
            public static let inventoryHeaders: [LocalizedText] = [
                LocalizedText(zh: "类别", en: "kind"), LocalizedText(zh: "名称", en: "name"),
                LocalizedText(zh: "上级", en: "parent"), LocalizedText(zh: "备注", en: "note"),
            ]
        }

        /// One inspection's report (巡检报告), as `inspect report` and `inspect show` write it.
        public enum InspectionReport {
            public static let title = LocalizedText(zh: "\(systemName) 巡检报告", en: "Inspection report — \(systemName)")
            public static let inspection = LocalizedText(zh: "巡检编号", en: "Inspection")
            public static let kind = LocalizedText(zh: "类别", en: "Kind")
            public static let at = LocalizedText(zh: "巡检时间", en: "At")
            public static let inspector = LocalizedText(zh: "巡检人", en: "Inspector")
            public static let source = LocalizedText(zh: "来源", en: "Source")
            public static let imported = LocalizedText(zh: "监控脚本导入", en: "imported from monitoring")
            public static let manual = LocalizedText(zh: "手工录入", en: "entered by hand")
            public static let readings = LocalizedText(zh: "读数", en: "Readings")
            public static func readingCount(_ count: Int, over: Int) -> LocalizedText {
                LocalizedText(zh: "共 \(count) 项，超出阈值 \(over) 项", en: "\(count), \(over) over threshold")
            }
            public static let generated = LocalizedText(zh: "生成时间", en: "Generated")
            /// After a target that is not in the inventory.
            public static let notInInventory = LocalizedText(zh: "（不在清单中）", en: " (not in the inventory)")
            public static func over(_ limit: String) -> LocalizedText {
                LocalizedText(zh: "超出 \(limit)", en: "over \(limit)")
            }
            public static let openedNow = LocalizedText(zh: "本次开立", en: "opened")
            public static let linkedOpen = LocalizedText(zh: "关联到未关闭的工单", en: "linked: still open")
            public static func openedItem(_ id: Int64) -> LocalizedText { LocalizedText(zh: "开立 #\(id)", en: "opened #\(id)") }
            public static func linkedItem(_ id: Int64) -> LocalizedText { LocalizedText(zh: "关联 #\(id)", en: "linked #\(id)") }
            public static let readingHeaders: [LocalizedText] = [
                LocalizedText(zh: "序号", en: "#"), LocalizedText(zh: "检查项", en: "check"), LocalizedText(zh: "对象", en: "target"),
                LocalizedText(zh: "读数", en: "value"), LocalizedText(zh: "阈值", en: "threshold"), LocalizedText(zh: "工单", en: "item"),
            ]
            public static let itemHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "类别", en: "kind"), LocalizedText(zh: "开立/关联", en: "opened/linked"),
                LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "状态", en: "status"), LocalizedText(zh: "时限", en: "due"),
            ]
            public static let visitHeaders: [LocalizedText] = [LocalizedText(zh: "地区", en: "region"), LocalizedText(zh: "反馈", en: "feedback")]
            public static let itemsSection = LocalizedText(zh: "开立或关联的工单", en: "Items opened or linked")
            public static let visitsSection = LocalizedText(zh: "地区走访与反馈", en: "Region visits and feedback")
            public static let noItems = LocalizedText(zh: "没有读数超出阈值，未开立工单。", en: "No reading was over its threshold; nothing was opened.")
        }

        /// `kpi …`.
        public enum Figures {
            public static let monthOrWeek = LocalizedText(zh: "请给 --month 或 --week，不要同时给", en: "give --month or --week, not both")
            public static let periodMissing = LocalizedText(zh: "请指明考核期：--month YYYY-MM 或 --week YYYY-Www",
                                                            en: "name the period: --month YYYY-MM or --week YYYY-Www")
            public static func notAFigure(_ figure: String, accepted: String) -> LocalizedText {
                LocalizedText(zh: "'\(figure)' 不是考核指标；可接受：\(accepted)", en: "'\(figure)' is not a figure; accepted: \(accepted)")
            }
            /// `kpi items`'s columns.
            public static let itemHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "类别", en: "kind"), LocalizedText(zh: "标题", en: "title"),
                LocalizedText(zh: "时限", en: "deadline"), LocalizedText(zh: "发生", en: "event"), LocalizedText(zh: "达标", en: "met"),
                LocalizedText(zh: "原因", en: "cause"),
            ]
            /// What a delivery counted by K5 is called in `kpi items`' kind column.
            public static let delivery = LocalizedText(zh: "交付", en: "delivery")
            /// After the period of a frozen one.
            public static func frozen(by: String, at: String) -> LocalizedText {
                LocalizedText(zh: "（已冻结：\(by)，\(at)）", en: " (frozen by \(by) at \(at))")
            }
            /// `kpi`'s columns.
            public static let headers: [LocalizedText] = [
                LocalizedText(zh: "指标", en: "id"), LocalizedText(zh: "名称", en: "figure"), LocalizedText(zh: "数值", en: "value"),
                LocalizedText(zh: "目标", en: "target"), LocalizedText(zh: "达标", en: "met"),
            ]
        }

        /// `sla due`.
        public enum Deadlines {
            public static func unknownKind(_ kind: String, accepted: [String]) -> LocalizedText {
                LocalizedText(zh: "未知类别 '\(kind)'；可接受：\(accepted.joined(separator: "、"))",
                              en: "unknown kind '\(kind)'; accepted: \(accepted.joined(separator: ", "))")
            }
            public static func unknownYear(_ year: Int) -> LocalizedText {
                LocalizedText(zh: "警告：\(year) 年不在已知节假日安排内，按周一至周五工作计算",
                              en: "warning: \(year) is outside the known holiday schedule; Monday–Friday taken as working")
            }
        }

        /// `train …`.
        public enum Training {
            /// `train list`'s columns.
            public static let listHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "对象", en: "for"), LocalizedText(zh: "日期", en: "held on"),
                LocalizedText(zh: "主题", en: "topic"), LocalizedText(zh: "地点", en: "place"), LocalizedText(zh: "讲师", en: "trainer"),
                LocalizedText(zh: "步骤", en: "steps"), LocalizedText(zh: "人数", en: "attended"), LocalizedText(zh: "平均分", en: "average"),
            ]
            public static let audience = LocalizedText(zh: "培训对象", en: "for")
            public static let topic = LocalizedText(zh: "主题", en: "topic")
            public static let heldOn = LocalizedText(zh: "日期", en: "held on")
            public static let place = LocalizedText(zh: "地点", en: "place")
            public static let trainer = LocalizedText(zh: "讲师", en: "trainer")
            public static let stepsDone = LocalizedText(zh: "进度", en: "steps done")
            public static let attended = LocalizedText(zh: "参训人数", en: "attended")
            public static let averageScore = LocalizedText(zh: "平均分", en: "average score")
            public static let steps = LocalizedText(zh: "培训步骤", en: "Steps")
            public static let stepHeaders: [LocalizedText] = [
                LocalizedText(zh: "序号", en: "#"), LocalizedText(zh: "步骤", en: "step"), LocalizedText(zh: "状态", en: "state"),
                LocalizedText(zh: "时间", en: "done at"), LocalizedText(zh: "操作人", en: "by"),
            ]
            public static let done = LocalizedText(zh: "已完成", en: "done")
            public static let pending = LocalizedText(zh: "待完成", en: "pending")
            public static let attendees = LocalizedText(zh: "学员", en: "Attendees")
            public static let attendeeHeaders: [LocalizedText] = [
                LocalizedText(zh: "姓名", en: "name"), LocalizedText(zh: "单位", en: "office"),
                LocalizedText(zh: "地区", en: "region"), LocalizedText(zh: "成绩", en: "score"),
            ]
            public static let materials = LocalizedText(zh: "培训资料", en: "Materials")
            /// An empty list of attendees or materials.
            public static let none = LocalizedText(zh: "（无）", en: "(none)")
        }

        /// The monthly service report (运维服务月报): Markdown, HTML and the CSV's texts.
        public enum Monthly {
            public static let title = LocalizedText(zh: "\(systemName) 运维服务月报", en: "\(systemName) — monthly maintenance service report")
            public static let month = LocalizedText(zh: "月份", en: "month")
            public static let generated = LocalizedText(zh: "生成时间", en: "generated")
            public static let frozen = LocalizedText(zh: "冻结", en: "frozen")
            public static let notFrozen = LocalizedText(zh: "未冻结（按生成时的数据计算）", en: "not frozen (computed when generated)")
            public static func frozenBy(_ by: String, at: String) -> LocalizedText {
                LocalizedText(zh: "已冻结：\(by)，\(at)（指标为冻结时保存的数值）", en: "frozen by \(by) at \(at) (the figures stored then)")
            }

            public static let figuresTitle = LocalizedText(zh: "一、考核指标 K1–K7", en: "1. Service levels K1–K7")
            public static let figureHeaders: [LocalizedText] = [
                LocalizedText(zh: "指标", en: "id"), LocalizedText(zh: "名称", en: "figure"), LocalizedText(zh: "数值", en: "value"),
                LocalizedText(zh: "分子/分母", en: "count"), LocalizedText(zh: "目标", en: "target"), LocalizedText(zh: "达标", en: "met"),
            ]

            public static func missedTitle(_ figure: String, _ name: LocalizedText, total: Int) -> LocalizedText {
                LocalizedText(zh: "二、未达标事项：\(figure) \(name.zh)（\(total) 项）", en: "2. Missed: \(figure) \(name.en) (\(total))")
            }
            public static let missedNone = LocalizedText(zh: "二、未达标事项", en: "2. Missed items")
            public static let missedHeaders: [LocalizedText] = [
                LocalizedText(zh: "指标", en: "figure"), LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "类别", en: "kind"),
                LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "时限", en: "deadline"), LocalizedText(zh: "发生", en: "event"),
                LocalizedText(zh: "原因", en: "cause"),
            ]
            /// What a delivery counted by K5 is called in the missed items' kind column.
            public static let delivery = LocalizedText(zh: "软件交付", en: "delivery")
            public static func more(_ count: Int) -> LocalizedText { LocalizedText(zh: "另有 \(count) 项未列出", en: "and \(count) more") }
            public static let nothingMissed = LocalizedText(zh: "本月没有未达标事项。", en: "Nothing missed this month.")

            public static let faultHeaders: [LocalizedText] = [
                LocalizedText(zh: "报告", en: "reported"), LocalizedText(zh: "按时恢复", en: "restored in time"),
                LocalizedText(zh: "超时恢复", en: "restored late"), LocalizedText(zh: "未恢复", en: "open"),
            ]
            public static let faultsByLevel = LocalizedText(zh: "三、本月报告的故障（按级别）", en: "3. Faults reported in the month, by level")
            public static let levelColumn = LocalizedText(zh: "级别", en: "level")
            public static func level(_ level: Int) -> LocalizedText { LocalizedText(zh: "\(level)级", en: "level \(level)") }
            public static let faultsByRegion = LocalizedText(zh: "本月报告的故障（按地区）", en: "Faults reported in the month, by region")
            public static let regionColumn = LocalizedText(zh: "地区", en: "region")

            public static let deliveriesTitle = LocalizedText(zh: "四、本月软件交付", en: "4. Deliveries in the month")
            public static let deliveryHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "版本", en: "label"), LocalizedText(zh: "交付时间", en: "delivered"),
                LocalizedText(zh: "交付人", en: "by"), LocalizedText(zh: "包含的变更", en: "changes carried"),
            ]
            public static let noDelivery = LocalizedText(zh: "本月没有软件交付。", en: "No delivery this month.")

            public static let defectsTitle = LocalizedText(zh: "本月发现的缺陷", en: "Defects found in the month")
            public static let defectHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "标题", en: "title"), LocalizedText(zh: "所属交付", en: "delivery"),
                LocalizedText(zh: "发现时间", en: "found"), LocalizedText(zh: "交付后第几天", en: "day after delivery"),
                LocalizedText(zh: "30 天内", en: "within 30 days"),
            ]
            public static let noDefect = LocalizedText(zh: "本月没有发现缺陷。", en: "No defect found this month.")

            public static let trainingsTitle = LocalizedText(zh: "五、本月培训", en: "5. Trainings in the month")
            public static let trainingHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "培训对象", en: "for"), LocalizedText(zh: "主题", en: "topic"),
                LocalizedText(zh: "日期", en: "held on"), LocalizedText(zh: "参训人数", en: "attended"),
                LocalizedText(zh: "平均分", en: "average score"), LocalizedText(zh: "完成步骤", en: "steps done"),
            ]
            public static let noTraining = LocalizedText(zh: "本月没有培训。", en: "No training this month.")

            public static let inspectionsTitle = LocalizedText(zh: "六、本月巡检", en: "6. Inspections in the month")
            public static let inspectionHeaders: [LocalizedText] = [
                LocalizedText(zh: "编号", en: "id"), LocalizedText(zh: "时间", en: "at"), LocalizedText(zh: "类别", en: "kind"),
                LocalizedText(zh: "巡检人", en: "inspector"), LocalizedText(zh: "读数", en: "readings"),
                LocalizedText(zh: "超出阈值", en: "over threshold"), LocalizedText(zh: "开立工单", en: "opened"),
                LocalizedText(zh: "关联工单", en: "linked"),
            ]
            public static let noInspection = LocalizedText(zh: "本月没有巡检。", en: "No inspection this month.")

            public static let chartLabel = LocalizedText(zh: "考核指标与目标", en: "figures against their targets")
            public static let chartCaption = LocalizedText(zh: "条形为本月数值，虚线为目标；K4、K5 越低越好。",
                                                           en: "Bars: the month's values; dashed lines: the targets. For K4 and K5 lower is better.")
        }
    }
}

