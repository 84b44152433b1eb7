import Foundation

/// Every label of the interface, one table per language.
///
/// A label is looked up by key; `Strings.missing` lists keys a table lacks, and a test keeps it empty.
public struct Strings: Sendable {
    public let language: Language

    public init(_ language: Language) { self.language = language }

    public enum Key: String, CaseIterable, Sendable {
        case id, kind, status, channel, region, title, requester, office, phone, takenBy, assignee, deadline
        case timeLeft, level, received, reported, closed, cause, solution, description, history, overdue
        case caseQueue, faultBoard, kpi, none, noItems, showing, of, at, actor, event, change, note
        case calendarVersion, dueIn, overdueBy, workday, weekend, holiday, makeUp, unknownYear, agreedWith
        case firstResponse, confirmed, version, answered, tasks, changes, trainings
    }

    public func callAsFunction(_ key: Key) -> String {
        (language == .zh ? Self.zh : Self.en)[key] ?? key.rawValue
    }

    /// Keys missing from a language's table.
    public static func missing(_ language: Language) -> [Key] {
        let table = language == .zh ? zh : en
        return Key.allCases.filter { table[$0] == nil }
    }

    static let en: [Key: String] = [
        .id: "ID", .kind: "Kind", .status: "Status", .channel: "Channel", .region: "Region", .title: "Title",
        .requester: "Requester", .office: "Office", .phone: "Phone", .takenBy: "Taken by", .assignee: "Assignee",
        .deadline: "Deadline", .timeLeft: "Left", .level: "Level", .received: "Received", .reported: "Reported",
        .closed: "Closed", .cause: "Root cause", .solution: "Solution", .description: "Description",
        .history: "History", .overdue: "Overdue", .caseQueue: "CASE queue", .faultBoard: "Fault board",
        .kpi: "Service levels", .none: "—", .noItems: "nothing to show", .showing: "showing", .of: "of",
        .at: "At", .actor: "By", .event: "Event", .change: "Change", .note: "Note",
        .calendarVersion: "Calendar", .dueIn: "due in", .overdueBy: "overdue by", .workday: "working day",
        .weekend: "weekend", .holiday: "holiday", .makeUp: "make-up working day",
        .unknownYear: "year outside the known holiday schedule: Monday–Friday taken as working",
        .agreedWith: "Agreed with", .firstResponse: "First response", .confirmed: "Confirmed", .version: "Version",
        .answered: "answered in time", .tasks: "Tasks", .changes: "Changes", .trainings: "Trainings",
    ]

    static let zh: [Key: String] = [
        .id: "编号", .kind: "类别", .status: "状态", .channel: "渠道", .region: "地区", .title: "标题",
        .requester: "提出人", .office: "单位", .phone: "电话", .takenBy: "受理人", .assignee: "处理人",
        .deadline: "时限", .timeLeft: "剩余", .level: "级别", .received: "受理时间", .reported: "报告时间",
        .closed: "关闭时间", .cause: "问题原因分析", .solution: "解决方案说明", .description: "描述",
        .history: "处理记录", .overdue: "已超时", .caseQueue: "CASE 队列", .faultBoard: "故障看板",
        .kpi: "服务指标", .none: "—", .noItems: "无记录", .showing: "显示", .of: "共",
        .at: "时间", .actor: "操作人", .event: "事件", .change: "变更", .note: "说明",
        .calendarVersion: "日历版本", .dueIn: "剩余", .overdueBy: "超时", .workday: "工作日",
        .weekend: "周末", .holiday: "节假日", .makeUp: "调休上班",
        .unknownYear: "该年份不在已知节假日安排内，按周一至周五工作计算",
        .agreedWith: "商定人", .firstResponse: "首次响应", .confirmed: "确认时间", .version: "版本",
        .answered: "已按时响应", .tasks: "数据处理", .changes: "软件升级", .trainings: "培训",
    ]
}

extension ItemKind {
    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.general, .zh): return "一般问题"
        case (.special, .zh): return "特殊情况"
        case (.requirement, .zh): return "需求"
        case (.fault, .zh): return "故障"
        case (.task, .zh): return "数据处理"
        case (.change, .zh): return "软件升级"
        case (.delivery, .zh): return "软件交付"
        case (.training, .zh): return "培训"
        case (.inspection, .zh): return "巡检"
        case (_, .en): return rawValue
        }
    }
}

extension ItemStatus {
    public func label(_ lang: Language, kind: ItemKind) -> String {
        switch (self, lang) {
        case (.open, .zh): return "待处理"
        case (.responded, .zh): return "已响应"
        case (.assessed, .zh): return "已评估"
        case (.closed, .zh):
            switch kind {
            case .fault: return "已恢复"
            case .task: return "已完成"
            case .change: return "已上线"
            case .general, .special, .requirement, .delivery, .training, .inspection: return "已解决"
            }
        case (.closed, .en):
            switch kind {
            case .fault: return "restored"
            case .task: return "completed"
            case .change: return "released"
            case .general, .special, .requirement, .delivery, .training, .inspection: return "resolved"
            }
        default: return rawValue
        }
    }
}

extension Channel {
    public func label(_ lang: Language) -> String { lang == .zh ? chineseName : rawValue }
}

extension Region {
    public func label(_ lang: Language) -> String { lang == .zh ? chineseName : "\(chineseName)" }
}

/// "3h 20m left", "2d 4h overdue": the time between now and a deadline, for people.
public enum TimeLeft {
    public static func text(from now: Date, to due: Date, _ lang: Language) -> String {
        let seconds = Int(due.timeIntervalSince(now).rounded(.down))
        let span = compact(abs(seconds), lang)
        if seconds < 0 { return lang == .zh ? "超\(span)" : "-\(span)" }
        return span
    }

    /// `2d4h`, `3h20m`, `45m`, `30s`; in Chinese `2天4时`.
    public static func compact(_ seconds: Int, _ lang: Language) -> String {
        let d = seconds / 86_400, h = seconds % 86_400 / 3600, m = seconds % 3600 / 60, s = seconds % 60
        let (dl, hl, ml, sl) = lang == .zh ? ("天", "时", "分", "秒") : ("d", "h", "m", "s")
        if d > 0 { return "\(d)\(dl)\(h)\(hl)" }
        if h > 0 { return "\(h)\(hl)\(pad(m, 2))\(ml)" }
        if m > 0 { return "\(m)\(ml)" }
        return "\(s)\(sl)"
    }
}

/// How a history entry reads: the event and the changed field in the reader's language, values
/// that are codes (status, level, region, a step) by their names.
public enum HistoryText {
    public static func event(_ event: HistoryEvent, _ lang: Language) -> String { event.label(lang) }

    public static func value(_ field: HistoryField, _ value: String?, kind: ItemKind, _ lang: Language) -> String {
        guard let value else { return "∅" }
        switch field {
        case .status: return ItemStatus(rawValue: value)?.label(lang, kind: kind) ?? value
        case .region: return Region(rawValue: value)?.chineseName ?? value
        case .escalation: return EscalationStep(rawValue: value)?.label(lang) ?? value
        case .level: return lang == .zh ? "\(value)级" : value
        case .stage: return ChangeStage(rawValue: value)?.label(lang) ?? value
        case .type: return ChangeType(rawValue: value)?.label(lang) ?? value
        case .trainingType: return TrainingType(rawValue: value)?.label(lang) ?? value
        case .step: return TrainingStep(rawValue: value)?.label(lang) ?? value
        case .round:
            // "2 pass": the round and its result.
            let parts = value.split(separator: " ")
            guard parts.count == 2, let result = TestResult(rawValue: String(parts[1])) else { return value }
            return lang == .zh ? "第\(parts[0])轮 \(result.label(.zh))" : "\(parts[0]) \(result.label(.en))"
        default: return value
        }
    }

    /// `状态: 待处理 → 已恢复`; an escalation step alone: `升级: T1 总部专家远程`.
    public static func change(_ e: HistoryEntry, kind: ItemKind, _ lang: Language) -> String {
        guard let field = e.field else { return "" }
        let name = field.label(lang)
        let new = value(field, e.newValue, kind: kind, lang)
        if e.oldValue == nil, field == .escalation { return "\(name): \(new)" }
        return "\(name): \(value(field, e.oldValue, kind: kind, lang)) → \(new)"
    }

    /// The note. What the store writes itself (`SystemNote`: `level 1`, `general via phone`, the
    /// rule of a step) is said in the reader's language; what people wrote stays as written. Notes
    /// the store wrote as text before it kept codes are read back as far as they can be.
    public static func note(_ e: HistoryEntry, _ lang: Language) -> String {
        if let system = e.systemNote {
            let text = system.text(lang)
            return e.note.map { "\(text); \($0)" } ?? text
        }
        guard let note = e.note else { return "" }
        if let system = legacy(note, event: e.event) { return system.text(lang) }
        return note
    }

    /// The notes the store wrote as text before it kept codes, recognised: `general via phone`,
    /// `level 2`, `response mode: onsite 现场解决`, `rule: 2级故障报告即T0 现场人员`.
    static func legacy(_ note: String, event: HistoryEvent) -> SystemNote? {
        if note.hasPrefix("rule: ") {
            return EscalationReason(legacyChinese: String(note.dropFirst(6))).map(SystemNote.escalation)
        }
        if event == .reported, note.hasPrefix("level "), let level = Int(note.dropFirst(6)).flatMap(FaultLevel.init(rawValue:)) {
            return .reported(level: level)
        }
        if event == .restored, note.hasPrefix("response mode: "),
           let mode = note.dropFirst(15).split(separator: " ").first.flatMap({ ResponseMode(rawValue: String($0)) }) {
            return .responseMode(mode)
        }
        if event == .created {
            let parts = note.components(separatedBy: " via ")
            if parts.count == 2, let kind = ItemKind(rawValue: parts[0]), let channel = Channel(rawValue: parts[1]) {
                return .received(kind: kind, channel: channel)
            }
        }
        return nil
    }
}
