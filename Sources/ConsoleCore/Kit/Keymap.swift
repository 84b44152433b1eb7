import HelpDeskCore

/// What a key does, named for the intent.
public enum Command: String, CaseIterable, Sendable {
    case nextPane, previousPane, paneQueue, paneFaults, paneKPI, tasks, changes, trainings
    case up, down, pageUp, pageDown, top, bottom
    case open, newCase, newFault, take, assign, respond, resolve, raise, acknowledge, escalate, assess, reopen, lower
    case filterKind, filterStatus, filterRegion, toggleMine, toggleOverdue, search, clearFilters
    case help, commandLine, redraw, quit, back
    /// On a task: take one in, complete it, mark it erroneous.
    case newTask, complete, markErroneous
    /// On a change: take one in, move it on, record a test round, show its delivery, record a defect.
    case newChange, advance, testRound, delivery, addDefect
    /// On a training: record one, mark its next step done, add an attendee, record a score, add a material.
    case newTraining, trainingStep, addAttendee, scoreAttendee, addMaterial
    /// The inspections: show them, enter one by hand.
    case inspections, newInspection
}

/// One binding: the keys, the command, and its help text in each language.
public struct Binding: Sendable {
    public let keys: [Key]
    public let command: Command
    public let en: String
    public let zh: String
    /// Shown in the footer (the most used ones); every binding is in the `?` screen.
    public let inFooter: Bool

    public func help(_ lang: Language) -> String { lang == .zh ? zh : en }
    public var keyLabel: String { keys.map(\.label).joined(separator: "/") }
}

/// The key bindings of the main screen, defined once: the reducer dispatches through this table and
/// the footer and the `?` screen are generated from it.
public enum Keymap {
    public static let main: [Binding] = [
        Binding(keys: [.tab], command: .nextPane, en: "next pane", zh: "下一窗格", inFooter: false),
        Binding(keys: [.backTab], command: .previousPane, en: "previous pane", zh: "上一窗格", inFooter: false),
        Binding(keys: [.char("1")], command: .paneQueue, en: "CASE queue", zh: "CASE队列", inFooter: false),
        Binding(keys: [.char("2")], command: .paneFaults, en: "fault board", zh: "故障看板", inFooter: false),
        Binding(keys: [.char("3")], command: .paneKPI, en: "service levels", zh: "服务指标", inFooter: false),
        Binding(keys: [.char("4")], command: .tasks, en: "tasks", zh: "数据处理", inFooter: false),
        Binding(keys: [.char("5")], command: .changes, en: "changes", zh: "软件升级", inFooter: false),
        Binding(keys: [.char("6")], command: .trainings, en: "trainings", zh: "培训", inFooter: false),
        Binding(keys: [.char("7")], command: .inspections, en: "inspections", zh: "巡检", inFooter: false),
        Binding(keys: [.char("j"), .down], command: .down, en: "down", zh: "下移", inFooter: false),
        Binding(keys: [.char("k"), .up], command: .up, en: "up", zh: "上移", inFooter: false),
        Binding(keys: [.ctrl("f"), .pageDown], command: .pageDown, en: "page down", zh: "下一页", inFooter: false),
        Binding(keys: [.ctrl("b"), .pageUp], command: .pageUp, en: "page up", zh: "上一页", inFooter: false),
        Binding(keys: [.char("g"), .home], command: .top, en: "first", zh: "第一条", inFooter: false),
        Binding(keys: [.char("G"), .end], command: .bottom, en: "last", zh: "最后一条", inFooter: false),
        Binding(keys: [.enter, .char("l")], command: .open, en: "details", zh: "详情", inFooter: true),
        Binding(keys: [.char("n")], command: .newCase, en: "new ticket", zh: "新建工单", inFooter: true),
        Binding(keys: [.char("f")], command: .newFault, en: "new fault", zh: "新建故障", inFooter: true),
        Binding(keys: [.char("t")], command: .take, en: "take", zh: "认领", inFooter: true),
        Binding(keys: [.char("A")], command: .assign, en: "assign", zh: "指派", inFooter: false),
        Binding(keys: [.char("r")], command: .respond, en: "respond", zh: "响应", inFooter: true),
        Binding(keys: [.char("x")], command: .resolve, en: "resolve/restore", zh: "解决/恢复", inFooter: true),
        Binding(keys: [.char("+")], command: .raise, en: "raise level", zh: "提高级别", inFooter: false),
        Binding(keys: [.char("-")], command: .lower, en: "lower level (supervisors)", zh: "降低级别（主管）", inFooter: false),
        Binding(keys: [.char("v")], command: .assess, en: "assess requirement", zh: "评估需求", inFooter: false),
        Binding(keys: [.char("u")], command: .reopen, en: "reopen (supervisors)", zh: "重新打开（主管）", inFooter: false),
        Binding(keys: [.char("a")], command: .acknowledge, en: "acknowledge step", zh: "确认升级", inFooter: false),
        Binding(keys: [.char("E")], command: .escalate, en: "escalate one tier", zh: "升级一层", inFooter: false),
        Binding(keys: [.char("K")], command: .filterKind, en: "filter kind", zh: "按类别", inFooter: false),
        Binding(keys: [.char("S")], command: .filterStatus, en: "filter status", zh: "按状态", inFooter: false),
        Binding(keys: [.char("R")], command: .filterRegion, en: "filter region", zh: "按地区", inFooter: false),
        Binding(keys: [.char("m")], command: .toggleMine, en: "mine only", zh: "只看我的", inFooter: false),
        Binding(keys: [.char("o")], command: .toggleOverdue, en: "overdue only", zh: "只看超时", inFooter: false),
        Binding(keys: [.char("/")], command: .search, en: "search", zh: "搜索", inFooter: true),
        Binding(keys: [.char("c")], command: .clearFilters, en: "clear filters", zh: "清除筛选", inFooter: false),
        Binding(keys: [.char("?")], command: .help, en: "help", zh: "帮助", inFooter: true),
        Binding(keys: [.char(":")], command: .commandLine, en: "command", zh: "命令", inFooter: false),
        Binding(keys: [.ctrl("l")], command: .redraw, en: "redraw the screen", zh: "重绘屏幕", inFooter: false),
        Binding(keys: [.char("q")], command: .quit, en: "quit", zh: "退出", inFooter: true),
        Binding(keys: [.escape], command: .back, en: "back", zh: "返回", inFooter: false),
    ]

    /// The command bound to `key` on the main screen.
    public static func command(for key: Key) -> Command? {
        main.first { $0.keys.contains(key) }?.command
    }

    public static func binding(_ command: Command) -> Binding? {
        (main + tasks + changes + trainings + delivery + inspections).first { $0.command == command }
    }

    /// The tasks screen's own keys, on the list and in a task's details (the moves, the filters,
    /// `/`, Enter, `?` and `:` are the main screen's).
    public static let tasks: [Binding] = [
        Binding(keys: [.char("n")], command: .newTask, en: "new task", zh: "新建任务", inFooter: true),
        Binding(keys: [.char("x")], command: .complete, en: "complete", zh: "完成", inFooter: true),
        Binding(keys: [.char("e")], command: .markErroneous, en: "mark erroneous", zh: "标记有误", inFooter: true),
        Binding(keys: [.char("t")], command: .take, en: "take", zh: "认领", inFooter: false),
        Binding(keys: [.char("A")], command: .assign, en: "assign", zh: "指派", inFooter: false),
    ]

    /// The changes screen's own keys, on the list and in a change's details.
    public static let changes: [Binding] = [
        Binding(keys: [.char("n")], command: .newChange, en: "new change", zh: "新建变更", inFooter: true),
        Binding(keys: [.char("a")], command: .advance, en: "next stage", zh: "推进阶段", inFooter: true),
        Binding(keys: [.char("t")], command: .testRound, en: "test round", zh: "内测轮次", inFooter: true),
        Binding(keys: [.char("d")], command: .delivery, en: "its delivery", zh: "查看交付", inFooter: true),
        Binding(keys: [.char("D")], command: .addDefect, en: "record a defect", zh: "登记缺陷", inFooter: false),
    ]

    /// The trainings screen's own keys, on the list and in a training's details.
    public static let trainings: [Binding] = [
        Binding(keys: [.char("n")], command: .newTraining, en: "new training", zh: "新建培训", inFooter: true),
        Binding(keys: [.char("s")], command: .trainingStep, en: "next step done", zh: "完成步骤", inFooter: true),
        Binding(keys: [.char("a")], command: .addAttendee, en: "add attendee", zh: "登记学员", inFooter: true),
        Binding(keys: [.char("e")], command: .scoreAttendee, en: "exam score", zh: "登记成绩", inFooter: true),
        Binding(keys: [.char("M")], command: .addMaterial, en: "add material", zh: "登记资料", inFooter: false),
    ]

    /// The inspections screen's own key.
    public static let inspections: [Binding] = [
        Binding(keys: [.char("n")], command: .newInspection, en: "new inspection", zh: "录入巡检", inFooter: true),
    ]

    /// The delivery view's own key.
    public static let delivery: [Binding] = [
        Binding(keys: [.char("D")], command: .addDefect, en: "record a defect", zh: "登记缺陷", inFooter: true),
    ]

    /// The keys of its own a kind of item has on its screen and in its details, before the main ones.
    public static func own(_ kind: ItemKind) -> [Binding] {
        switch kind {
        case .task: return tasks
        case .change: return changes
        case .training: return trainings
        case .general, .special, .requirement, .fault, .delivery, .inspection: return []
        }
    }
}

extension [Binding] {
    /// The command bound to `key` in this table.
    func command(for key: Key) -> Command? {
        first { $0.keys.contains(key) }?.command
    }
}
