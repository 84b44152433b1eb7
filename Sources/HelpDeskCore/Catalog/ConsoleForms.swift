/// What the console's forms say: their titles, their fields' labels, why a value typed is not
/// accepted, what the fields together lack, why a form does not open on an item, and the form's
/// own keys and notices.
extension Catalog {
    public enum Forms {
        /// A form's title, on its top row.
        public enum Title {
            public static let newCase = LocalizedText(zh: "新建 CASE 工单", en: "New CASE ticket")
            public static let newFault = LocalizedText(zh: "新建故障", en: "New fault")
            public static let newTask = LocalizedText(zh: "新建数据处理任务", en: "New data-processing task")
            public static let newChange = LocalizedText(zh: "新建软件升级（变更需求）", en: "New change request")
            public static let newTraining = LocalizedText(zh: "新建培训", en: "New training session")
            public static let newInspection = LocalizedText(zh: "录入巡检", en: "New inspection")

            public static func advance(_ id: Int64, from: ChangeStage, to next: ChangeStage) -> LocalizedText {
                LocalizedText(zh: "推进 #\(id)：\(from.label(.zh)) → \(next.label(.zh))",
                              en: "Advance #\(id): \(from.label(.en)) → \(next.label(.en))")
            }

            public static func assess(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "评估需求 #\(id)", en: "Assess requirement #\(id)")
            }

            public static func assign(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "指派 #\(id)", en: "Assign #\(id)")
            }

            public static func addAttendee(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 登记学员", en: "#\(id) add an attendee")
            }

            public static func completeTask(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "完成任务 #\(id)", en: "Complete task #\(id)")
            }

            public static func addDefect(delivery: Int64) -> LocalizedText {
                LocalizedText(zh: "登记交付 #\(delivery) 的缺陷", en: "Defect found in delivery #\(delivery)")
            }

            public static func escalate(_ id: Int64, to step: EscalationStep) -> LocalizedText {
                LocalizedText(zh: "升级 #\(id) 至 \(step.label(.zh))", en: "Escalate #\(id) to \(step.label(.en))")
            }

            public static func lower(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "降低故障级别 #\(id)", en: "Lower fault #\(id)")
            }

            public static func raise(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "升级故障 #\(id)", en: "Raise fault #\(id)")
            }

            public static func markErroneous(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "标记任务 #\(id) 有误", en: "Mark task #\(id) erroneous")
            }

            public static func addMaterial(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 登记培训资料", en: "#\(id) add a material")
            }

            public static func reopen(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "重新打开 #\(id)", en: "Reopen #\(id)")
            }

            public static func restore(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "恢复故障 #\(id)", en: "Restore fault #\(id)")
            }

            public static func resolve(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "解决 #\(id)", en: "Resolve #\(id)")
            }

            public static func respond(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "响应 #\(id)", en: "Respond to #\(id)")
            }

            public static func score(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 登记考试成绩", en: "#\(id) exam score")
            }

            public static func testRound(_ id: Int64, number: Int) -> LocalizedText {
                LocalizedText(zh: "#\(id) 第 \(number) 轮内测", en: "#\(id) internal test round \(number)")
            }

            public static func trainingStep(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 完成培训步骤", en: "#\(id) step done")
            }
        }

        /// The labels of the forms' own fields (the shared ones are `Strings`).
        public enum Field {
            public static let reason = LocalizedText(zh: "原因", en: "Reason")
            public static let nobodyYet = LocalizedText(zh: "（暂不指派）", en: "(nobody yet)")
            public static let signedBy = LocalizedText(zh: "签字人", en: "Signed by")
            public static let deliveryLabel = LocalizedText(zh: "交付标签", en: "Delivery label")
            public static let joinDelivery = LocalizedText(zh: "或并入交付编号", en: "Or in delivery #")
            public static let nextStage = LocalizedText(zh: "下一阶段", en: "Next stage")
            /// The due date agreed with the requester: a requirement's assessment, a change request.
            public static let agreedDue = LocalizedText(zh: "商定完成时间", en: "Agreed due")
            public static let size = LocalizedText(zh: "工作量估计", en: "Size estimate")
            public static let name = LocalizedText(zh: "姓名", en: "Name")
            public static let examScore = LocalizedText(zh: "考试成绩", en: "Exam score")
            public static let attendee = LocalizedText(zh: "学员", en: "Attendee")
            public static let foundAt = LocalizedText(zh: "发现时间", en: "Found at")
            public static let whatWasWrong = LocalizedText(zh: "错误说明", en: "What was wrong")
            public static let location = LocalizedText(zh: "路径或链接", en: "Path or link")
            public static let changeType = LocalizedText(zh: "类型", en: "Type")
            public static let effective = LocalizedText(zh: "政策生效日期", en: "Effective on")
            public static let fromRequirement = LocalizedText(zh: "来源需求工单编号", en: "From requirement #")
            public static let taskDue = LocalizedText(zh: "完成时限", en: "Due")
            public static let fromTicket = LocalizedText(zh: "来源工单编号", en: "From ticket #")
            public static let audience = LocalizedText(zh: "培训对象", en: "For")
            public static let topic = LocalizedText(zh: "主题", en: "Topic")
            public static let place = LocalizedText(zh: "地点", en: "Place")
            public static let trainer = LocalizedText(zh: "讲师", en: "Trainer")
            public static let heldOn = LocalizedText(zh: "培训日期", en: "Held on")
            public static let inspectedAt = LocalizedText(zh: "巡检时间", en: "Inspected at")
            public static let inspector = LocalizedText(zh: "巡检人", en: "Inspector")
            public static let readings = LocalizedText(zh: "读数（检查项 对象 读数；…）", en: "Readings (check target value; …)")
            public static let mode = LocalizedText(zh: "处理方式", en: "Mode")
            public static let result = LocalizedText(zh: "结果", en: "Result")
            public static let step = LocalizedText(zh: "步骤", en: "Step")
            public static let doneAt = LocalizedText(zh: "完成时间", en: "Done at")

            /// A fault level to choose, with the hours it gives: `2级 (4小时)`, `level 2 (4 h)`.
            public static func level(_ level: FaultLevel) -> LocalizedText {
                LocalizedText(zh: "\(level.rawValue)级 (\(level.hours)小时)", en: "level \(level.rawValue) (\(level.hours) h)")
            }
        }

        /// Why a field's value is not accepted, beside the field.
        public enum Check {
            public static let required = LocalizedText(zh: "必填", en: "required")
            public static let pastTimeFormat = LocalizedText(zh: "格式：14:30、11-23 14:30 或 2021-11-23 14:30", en: "as 14:30, 11-23 14:30 or 2021-11-23 14:30")
            public static let notAfterNow = LocalizedText(zh: "不能晚于现在", en: "not after now")
            public static let dueFormat = LocalizedText(zh: "格式：2021-12-01、12-01 或 12-01 18:00", en: "as 2021-12-01, 12-01 or 12-01 18:00")
            public static let dateFormat = LocalizedText(zh: "格式：2021-12-01 或 12-01", en: "as 2021-12-01 or 12-01")
            public static let itemId = LocalizedText(zh: "填写编号，如 12", en: "a number, such as 12")
            public static let score = LocalizedText(zh: "0 到 100 的整数", en: "a whole number from 0 to 100")

            public static func supportedTime(_ first: CivilDate, _ last: CivilDate) -> LocalizedText {
                LocalizedText(zh: "只接受 \(first) 至 \(last)", en: "\(first) to \(last) only")
            }
        }

        /// What the fields together lack, beside the field it is about.
        public enum Problem {
            public static let releaseNeedsDelivery = LocalizedText(zh: "新交付须有标签（如 V3.2.1），或填写要并入的交付编号",
                                                                   en: "name the new delivery (e.g. V3.2.1), or give one to join")
            public static let labelOnlyForNew = LocalizedText(zh: "标签用于新的交付；并入已有交付时不填标签",
                                                              en: "a label names a new delivery; leave it empty to join one")
            public static let changeNeedsDue = LocalizedText(zh: "必填（或填写来源需求工单，沿用其商定时间）",
                                                             en: "required (or the requirement ticket, whose agreed date it takes)")

            /// A reading of an inspection not accepted, counted from 1.
            public static func reading(_ number: Int, _ error: InspectionInputError) -> LocalizedText {
                LocalizedText(zh: "第 \(number) 条：\(error.zh)", en: "reading \(number): \(error.en)")
            }
        }

        /// Why a form does not open on the item chosen, on the status line.
        public enum Refusal {
            public static let supervisorsOnly = LocalizedText(zh: "只有主管可以这样做", en: "only supervisors may do this")
            public static let onlyChangesAdvance = LocalizedText(zh: "只有软件升级（变更）有阶段可推进", en: "only change requests have stages to advance")
            public static let onlyRequirementsAssessed = LocalizedText(zh: "只有需求类工单需要评估", en: "only requirement tickets are assessed")
            public static let onlyTrainingsHaveAttendees = LocalizedText(zh: "只有培训有学员", en: "only trainings have attendees")
            public static let onlyTasksCompleted = LocalizedText(zh: "只有数据处理任务在这里完成；工单用 x 解决", en: "only data-processing tasks are completed here")
            public static let onlyFaultsEscalated = LocalizedText(zh: "只有故障可以升级", en: "only faults are escalated")
            public static let onlyFaultsLowered = LocalizedText(zh: "只有故障有级别可以降低", en: "only faults have a level to lower")
            public static let lowerLevels = LocalizedText(zh: "只能降低 1、2 级故障", en: "only level 1 and 2 faults can be lowered")
            public static let raiseLevels = LocalizedText(zh: "只能升级 2、3 级故障", en: "only level 2 and 3 faults can be raised")
            public static let onlyTasksMarkedErroneous = LocalizedText(zh: "只有数据处理任务可以标记为有误", en: "only data-processing tasks are marked erroneous")
            public static let onlyTrainingsHaveMaterials = LocalizedText(zh: "只有培训有培训资料", en: "only trainings have materials")
            public static let assessFirst = LocalizedText(zh: "需求须先评估（v）", en: "assess the requirement first (v)")
            public static let faultsNotResponded = LocalizedText(zh: "故障不需要响应；请用 x 恢复或 + 升级", en: "faults are restored (x) or raised (+), not responded to")
            public static let onlyTrainingsHaveScores = LocalizedText(zh: "只有培训有考试成绩", en: "only trainings have exam scores")
            public static let onlyChangesHaveRounds = LocalizedText(zh: "只有软件升级（变更）有内测轮次", en: "only change requests have test rounds")
            public static let onlyTrainingsHaveSteps = LocalizedText(zh: "只有培训有培训步骤", en: "only trainings have steps")

            /// "#12 is closed": why an item cannot be changed.
            public static func closed(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已关闭", en: "#\(id) is closed")
            }

            public static func notClosed(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 未关闭", en: "#\(id) is not closed")
            }

            public static func topOfPath(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已升级至 T2，无法再升", en: "#\(id) has reached T2, the top of the path")
            }

            public static func notCompleted(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 尚未完成；只有已完成的任务才能标记为有误", en: "#\(id) is not completed; only a completed task can be found erroneous")
            }

            /// `at` as the desk writes a time (`BeijingTime.iso`).
            public static func alreadyErroneous(_ id: Int64, by actor: String, at: String) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已由 \(actor) 于 \(at) 标记为有误", en: "#\(id) was already marked erroneous by \(actor) at \(at)")
            }

            public static func noAttendeesYet(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 还没有学员；先按 a 登记", en: "#\(id) has no attendees yet: add one with a")
            }

            public static func allStepsDone(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 的七个步骤都已完成", en: "all seven steps of #\(id) are done")
            }
        }

        /// The form on screen: its notices, its question and its keys.
        public enum Screen {
            public static func editorNotFound(_ editor: String) -> LocalizedText {
                LocalizedText(zh: "找不到编辑器 \(editor)（请设置 EDITOR 或 VISUAL），内容未改", en: "editor \(editor) not found (set EDITOR or VISUAL); the field is unchanged")
            }

            public static func editorFailed(_ editor: String, status: String) -> LocalizedText {
                LocalizedText(zh: "编辑器 \(editor) 未成功退出（\(status)），内容未改", en: "editor \(editor) failed (\(status)); the field is unchanged")
            }

            /// Someone else saved the item while the form was open.
            public static func changedMeanwhile(_ id: Int64, version: Int) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已被他人修改，现为版本 \(version)（最新内容在后面）；你输入的内容保留，Ctrl-S 在新版本上保存",
                              en: "#\(id) was changed meanwhile, now version \(version) (shown behind); your text is kept, Ctrl-S saves on it")
            }

            /// The deadline the new item would get: `时限：…`, `Deadline: …`.
            public static func deadline(_ due: String) -> LocalizedText {
                LocalizedText(zh: "时限：\(due)", en: "Deadline: \(due)")
            }

            public static let discardQuestion = LocalizedText(zh: " 放弃已输入的内容？(y/n) ", en: " Discard what you typed? (y/n) ")
        }

        /// The form's keys: in the footer, and on the `?` screen.
        public enum Keys {
            public static let discard = LocalizedText(zh: "放弃输入", en: "discard")
            public static let keepEditing = LocalizedText(zh: "继续填写", en: "keep editing")
            public static let next = LocalizedText(zh: "下一项", en: "next")
            public static let choose = LocalizedText(zh: "选择", en: "choose")
            public static let editor = LocalizedText(zh: "编辑器", en: "editor")
            public static let save = LocalizedText(zh: "保存", en: "save")
            public static let cancel = LocalizedText(zh: "取消", en: "cancel")

            public static let nextField = LocalizedText(zh: "表单：下一项", en: "form: next field")
            public static let previousField = LocalizedText(zh: "表单：上一项", en: "form: previous field")
            public static let changeChoice = LocalizedText(zh: "表单：切换选项", en: "form: change choice")
            public static let saveForm = LocalizedText(zh: "表单：保存", en: "form: save")
            public static let longText = LocalizedText(zh: "表单：用 $EDITOR 编辑长文本", en: "form: write long text in $EDITOR")
        }
    }
}
