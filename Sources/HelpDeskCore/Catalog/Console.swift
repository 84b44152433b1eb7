/// What the console says around its screens: the title bar, a terminal too small, what each key
/// does, the prompts, the countdowns, the root's refusals on the status line, what a write did or
/// why not, and the `:` commands.
extension Catalog {
    public enum Console {
        /// The title bar.
        public enum Title {
            public static let product = LocalizedText(zh: " helpdesk · 机关事业养老保险运维服务台", en: " helpdesk · pension-insurance service desk")
            /// The demo database is open: nobody should type real tickets into it.
            public static let demo = LocalizedText(zh: " 演示数据 ", en: " DEMO ")
            public static let readOnly = LocalizedText(zh: " 只读 ", en: " READ-ONLY ")
        }

        /// A terminal smaller than the console needs: what, how big, how to leave.
        public enum TooSmall {
            public static let heading = LocalizedText(zh: "终端窗口太小", en: "Terminal too small")
            public static let quit = LocalizedText(zh: "q 退出", en: "q quits")

            public static func size(needs width: Int, _ height: Int, has actualWidth: Int, _ actualHeight: Int) -> LocalizedText {
                LocalizedText(zh: "至少需要 \(width)×\(height)，当前 \(actualWidth)×\(actualHeight)",
                              en: "need at least \(width)×\(height), have \(actualWidth)×\(actualHeight)")
            }
        }

        /// What a key does, in the footer and on the `?` screen, by the command it is bound to.
        public enum Keys {
            public static let nextPane = LocalizedText(zh: "下一窗格", en: "next pane")
            public static let previousPane = LocalizedText(zh: "上一窗格", en: "previous pane")
            public static let paneQueue = LocalizedText(zh: "CASE队列", en: "CASE queue")
            public static let paneFaults = LocalizedText(zh: "故障看板", en: "fault board")
            public static let paneKPI = LocalizedText(zh: "服务指标", en: "service levels")
            public static let tasks = LocalizedText(zh: "数据处理", en: "tasks")
            public static let changes = LocalizedText(zh: "软件升级", en: "changes")
            public static let trainings = LocalizedText(zh: "培训", en: "trainings")
            public static let inspections = LocalizedText(zh: "巡检", en: "inspections")
            public static let down = LocalizedText(zh: "下移", en: "down")
            public static let up = LocalizedText(zh: "上移", en: "up")
            public static let pageDown = LocalizedText(zh: "下一页", en: "page down")
            public static let pageUp = LocalizedText(zh: "上一页", en: "page up")
            public static let top = LocalizedText(zh: "第一条", en: "first")
            public static let bottom = LocalizedText(zh: "最后一条", en: "last")
            public static let open = LocalizedText(zh: "详情", en: "details")
            public static let newCase = LocalizedText(zh: "新建工单", en: "new ticket")
            public static let newFault = LocalizedText(zh: "新建故障", en: "new fault")
            public static let take = LocalizedText(zh: "认领", en: "take")
            public static let assign = LocalizedText(zh: "指派", en: "assign")
            public static let respond = LocalizedText(zh: "响应", en: "respond")
            public static let resolve = LocalizedText(zh: "解决/恢复", en: "resolve/restore")
            public static let raise = LocalizedText(zh: "提高级别", en: "raise level")
            public static let lower = LocalizedText(zh: "降低级别（主管）", en: "lower level (supervisors)")
            public static let assess = LocalizedText(zh: "评估需求", en: "assess requirement")
            public static let reopen = LocalizedText(zh: "重新打开（主管）", en: "reopen (supervisors)")
            public static let acknowledge = LocalizedText(zh: "确认升级", en: "acknowledge step")
            public static let escalate = LocalizedText(zh: "升级一层", en: "escalate one tier")
            public static let filterKind = LocalizedText(zh: "按类别", en: "filter kind")
            public static let filterStatus = LocalizedText(zh: "按状态", en: "filter status")
            public static let filterRegion = LocalizedText(zh: "按地区", en: "filter region")
            public static let toggleMine = LocalizedText(zh: "只看我的", en: "mine only")
            public static let toggleOverdue = LocalizedText(zh: "只看超时", en: "overdue only")
            public static let search = LocalizedText(zh: "搜索", en: "search")
            public static let clearFilters = LocalizedText(zh: "清除筛选", en: "clear filters")
            public static let help = LocalizedText(zh: "帮助", en: "help")
            public static let commandLine = LocalizedText(zh: "命令", en: "command")
            public static let redraw = LocalizedText(zh: "重绘屏幕", en: "redraw the screen")
            public static let quit = LocalizedText(zh: "退出", en: "quit")
            public static let back = LocalizedText(zh: "返回", en: "back")
            public static let newTask = LocalizedText(zh: "新建任务", en: "new task")
            public static let complete = LocalizedText(zh: "完成", en: "complete")
            public static let markErroneous = LocalizedText(zh: "标记有误", en: "mark erroneous")
            public static let newChange = LocalizedText(zh: "新建变更", en: "new change")
            public static let advance = LocalizedText(zh: "推进阶段", en: "next stage")
            public static let testRound = LocalizedText(zh: "内测轮次", en: "test round")
            public static let delivery = LocalizedText(zh: "查看交付", en: "its delivery")
            public static let addDefect = LocalizedText(zh: "登记缺陷", en: "record a defect")
            public static let newTraining = LocalizedText(zh: "新建培训", en: "new training")
            public static let trainingStep = LocalizedText(zh: "完成步骤", en: "next step done")
            public static let addAttendee = LocalizedText(zh: "登记学员", en: "add attendee")
            public static let scoreAttendee = LocalizedText(zh: "登记成绩", en: "exam score")
            public static let addMaterial = LocalizedText(zh: "登记资料", en: "add material")
            public static let newInspection = LocalizedText(zh: "录入巡检", en: "new inspection")
        }

        /// A prompt on the status line (`:`, `/`): its keys.
        public enum Prompt {
            public static let apply = LocalizedText(zh: "确定", en: "apply")
            public static let cancel = LocalizedText(zh: "取消", en: "cancel")
        }

        /// A countdown's units (`1天05时`, `1d05h`) and the mark of one past its deadline.
        public enum Countdown {
            public static let day = LocalizedText(zh: "天", en: "d")
            public static let hour = LocalizedText(zh: "时", en: "h")
            public static let minute = LocalizedText(zh: "分", en: "m")
            public static let second = LocalizedText(zh: "秒", en: "s")
            public static let overdue = LocalizedText(zh: "超", en: "-")
        }

        /// The time left of an item whose rule's event already happened (a special case answered).
        public enum Answered {
            public static let late = LocalizedText(zh: "响应超时", en: "late")
            public static let inTime = LocalizedText(zh: "已响应", en: "answered")
        }

        /// Why a key or a command does nothing here, on the status line.
        public enum Refusal {
            public static let noInspectionSearch = LocalizedText(zh: "巡检列表不支持搜索（helpdesk inspect list --kind 可按类别列出）",
                                                                 en: "the inspections list has no search (helpdesk inspect list --kind lists one kind)")
            public static let selectFault = LocalizedText(zh: "请选择一个故障（2 切换到故障看板）", en: "select a fault (2: the fault board)")
            public static let trainingFilters = LocalizedText(zh: "培训只按培训对象（K）和搜索筛选", en: "trainings filter by audience (K) and search only")
            public static let serviceFilters = LocalizedText(zh: "数据处理和软件升级只按状态、我的、超时和搜索筛选",
                                                             en: "tasks and changes filter by status, mine, overdue and search only")
            public static let noDelivery = LocalizedText(zh: "只有已上线的变更有交付", en: "only a released change has a delivery")
            public static let defectsOnDeliveries = LocalizedText(zh: "缺陷登记在已上线变更的交付上",
                                                                  en: "defects are recorded against a released change's delivery")

            public static func nothingToAcknowledge(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 没有待确认的升级", en: "#\(id) has no step waiting for acknowledgement")
            }
        }

        /// What the status line says of a write, from the save under way to the store's answer.
        public enum Outcome {
            public static let saving = LocalizedText(zh: "正在保存…", en: "saving…")

            public static func freezing(_ period: String) -> LocalizedText {
                LocalizedText(zh: "正在冻结 \(period)…", en: "freezing \(period)…")
            }

            public static func hiddenByFilters(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已保存，但被当前筛选隐藏（c 清除筛选）", en: "#\(id) saved, hidden by the current filter (c clears filters)")
            }

            public static func saved(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "已保存 #\(id)", en: "saved #\(id)")
            }

            public static func acknowledged(_ id: Int64, _ step: String) -> LocalizedText {
                LocalizedText(zh: "已确认 #\(id) \(step)", en: "acknowledged #\(id) \(step)")
            }

            public static func escalated(_ id: Int64, to step: String) -> LocalizedText {
                LocalizedText(zh: "已升级 #\(id) 至 \(step)", en: "escalated #\(id) to \(step)")
            }

            /// A month signed off, with the figures that missed their target.
            public static func frozen(_ period: String, missed: [String]) -> LocalizedText {
                LocalizedText(zh: "已冻结 \(period)" + (missed.isEmpty ? "" : "；未达标：\(missed.joined(separator: "、"))"),
                              en: "\(period) frozen" + (missed.isEmpty ? "" : "; missed: \(missed.joined(separator: ", "))"))
            }

            public static func completed(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "已完成 #\(id)", en: "completed #\(id)")
            }

            public static func markedErroneous(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已标记为有误", en: "#\(id) marked erroneous")
            }

            /// A change moved on, with the delivery a release went into and the task a policy
            /// adjustment opened.
            public static func advanced(_ id: Int64, to stage: ChangeStage, delivery: Int64?, task: Int64?) -> LocalizedText {
                var zh = "#\(id) 已推进至\(stage.label(.zh))"
                var en = "#\(id) moved to \(stage.label(.en))"
                if let delivery {
                    zh += "，交付 #\(delivery)"
                    en += ", delivery #\(delivery)"
                }
                if let task {
                    zh += "；已开立数据处理任务 #\(task)：重新处理政策生效以来的业务"
                    en += "; opened task #\(task) to reprocess the business since the policy took effect"
                }
                return LocalizedText(zh: zh, en: en)
            }

            public static func testRound(_ id: Int64, number: Int, _ result: TestResult) -> LocalizedText {
                LocalizedText(zh: "#\(id) 第 \(number) 轮内测：\(result.label(.zh))", en: "#\(id) internal test round \(number): \(result.label(.en))")
            }

            public static func trainingStepDone(_ id: Int64, _ step: TrainingStep) -> LocalizedText {
                LocalizedText(zh: "#\(id) \(step.label(.zh)) 已完成", en: "#\(id) \(step.label(.en)) done")
            }

            public static func attendeeRecorded(_ id: Int64, _ name: String) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已登记学员 \(name)", en: "#\(id) attendee \(name) recorded")
            }

            public static func scored(_ id: Int64, _ name: String, _ score: Int) -> LocalizedText {
                LocalizedText(zh: "#\(id) \(name) 成绩 \(score)", en: "#\(id) \(name) scored \(score)")
            }

            public static func materialRecorded(_ id: Int64) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已登记资料", en: "#\(id) material recorded")
            }

            public static func defectRecorded(_ defect: Int64, delivery: Int64) -> LocalizedText {
                LocalizedText(zh: "已登记缺陷 #\(defect)（交付 #\(delivery)）", en: "recorded defect #\(defect) of delivery #\(delivery)")
            }

            /// An inspection recorded: the items it opened and linked (`#3 #4`), and how many of
            /// its targets are not in the inventory.
            public static func inspectionRecorded(_ id: Int64, opened: String?, linked: String?, unknownTargets: Int) -> LocalizedText {
                var zh = "已登记巡检 #\(id)"
                var en = "recorded inspection #\(id)"
                if let opened {
                    zh += "；开立 \(opened)"
                    en += "; opened \(opened)"
                }
                if let linked {
                    zh += "；关联 \(linked)"
                    en += "; linked \(linked)"
                }
                if unknownTargets > 0 {
                    zh += "；\(unknownTargets) 项对象不在设备清单中"
                    en += "; \(unknownTargets) targets not in the inventory"
                }
                return LocalizedText(zh: zh, en: en)
            }

            /// A save refused because someone else changed the item first; the input stays.
            public static func stale(_ id: Int64, expected: Int, current: Int) -> LocalizedText {
                LocalizedText(zh: "#\(id) 已被他人修改（版本 \(expected) → \(current)），未保存；你的输入仍在",
                              en: "#\(id) was changed by someone else (version \(expected) → \(current)); not saved, your input is kept")
            }

            /// Added when a stale edit closes its form: the form meant the old state of the item.
            public static let formClosed = LocalizedText(zh: "；表单已关闭，请在新版本上重新操作", en: "; the form was closed: open it again on the newer version")
        }

        /// The `:` commands: what each takes after its name and what it does, for the `?` screen
        /// and the list a line that is not a command offers.
        public enum Line {
            public static let quit = LocalizedText(zh: "退出", en: "quit")
            public static let idArgument = LocalizedText(zh: "编号", en: "ID")
            public static let open = LocalizedText(zh: "打开工单详情（也可只输入编号）", en: "an item's details (an id alone does too)")
            public static let newArgument = LocalizedText(zh: "case|fault|task|change|training|inspection", en: "case|fault|task|change|training|inspection")
            public static let new = LocalizedText(zh: "新建（默认 CASE 工单）", en: "a new item (a CASE ticket if none named)")
            public static let tasks = LocalizedText(zh: "数据处理", en: "the tasks")
            public static let changes = LocalizedText(zh: "软件升级", en: "the changes")
            public static let trainings = LocalizedText(zh: "培训", en: "the trainings")
            public static let inspections = LocalizedText(zh: "巡检", en: "the inspections")
            public static let assess = LocalizedText(zh: "评估所选需求", en: "assess the selected requirement")
            public static let reopen = LocalizedText(zh: "重新打开所选工单（主管）", en: "reopen the selected item (supervisors)")
            public static let lower = LocalizedText(zh: "降低所选故障级别（主管）", en: "lower the selected fault's level (supervisors)")
            public static let kindArgument = LocalizedText(zh: "类别", en: "KIND")
            public static let kind = LocalizedText(zh: "按类别筛选（不带类别则取消）", en: "filter by kind (none: any kind)")
            public static let regionArgument = LocalizedText(zh: "地区", en: "REGION")
            public static let region = LocalizedText(zh: "按地区筛选（不带地区则取消）", en: "filter by region (none: any region)")
            public static let statusArgument = LocalizedText(zh: "状态|active|all", en: "STATUS|active|all")
            public static let status = LocalizedText(zh: "按状态筛选", en: "filter by status")
            public static let searchArgument = LocalizedText(zh: "文字", en: "TEXT")
            public static let search = LocalizedText(zh: "搜索", en: "search")
            public static let clear = LocalizedText(zh: "清除筛选", en: "clear the filters")
            public static let langArgument = LocalizedText(zh: "zh|en", en: "zh|en")
            public static let lang = LocalizedText(zh: "界面语言", en: "the console's language")
            public static let help = LocalizedText(zh: "按键与命令", en: "the keys and commands")

            /// The `:` row's heading on the `?` screen.
            public static let heading = LocalizedText(zh: "命令（: 后输入）", en: "commands (typed after :)")

            /// A command whose argument does not read: what was given and what the command takes.
            public static func badArgument(_ command: String, given: String, accepted: String) -> LocalizedText {
                LocalizedText(zh: "\(command)：不认识“\(given)”（可用：\(accepted)）",
                              en: "\(command): '\(given)' is not one it takes (try \(accepted))")
            }

            /// The regions a region filter takes: each as its pinyin and its Chinese name.
            public static func regionsAccepted(_ names: [String]) -> LocalizedText {
                LocalizedText(zh: names.joined(separator: "、"), en: names.joined(separator: ", "))
            }

            /// A line that is not a command, with the commands there are.
            /// `like`: the commands close to what was typed, as they are used; the rest are on `:help`.
            public static func unknown(_ line: String, like: [String]) -> LocalizedText {
                like.isEmpty
                    ? LocalizedText(zh: "无法识别的命令：\(line)（:help 列出全部命令）", en: "unknown command: \(line) (:help lists the commands)")
                    : LocalizedText(zh: "无法识别的命令：\(line)（是否要用：\(like.joined(separator: "、"))？:help 列出全部命令）",
                                    en: "unknown command: \(line) (did you mean \(like.joined(separator: ", "))? :help lists the commands)")
            }
        }

    }
}
