import Foundation

/// The labels of the interface: column heads, field names, pane titles, short phrases.
///
/// A label is looked up by its typed key, `Strings(lang)(.deadline)`; each key's Chinese and
/// English are written side by side in `Key.text`, an exhaustive switch, so a key without its
/// texts does not compile.
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

    public func callAsFunction(_ key: Key) -> String { key.text(language) }
}

extension Strings.Key {
    /// The label in both languages.
    public var text: LocalizedText {
        switch self {
        case .id: return LocalizedText(zh: "编号", en: "ID")
        case .kind: return LocalizedText(zh: "类别", en: "Kind")
        case .status: return LocalizedText(zh: "状态", en: "Status")
        case .channel: return LocalizedText(zh: "渠道", en: "Channel")
        case .region: return LocalizedText(zh: "地区", en: "Region")
        case .title: return LocalizedText(zh: "标题", en: "Title")
        case .requester: return LocalizedText(zh: "提出人", en: "Requester")
        case .office: return LocalizedText(zh: "单位", en: "Office")
        case .phone: return LocalizedText(zh: "电话", en: "Phone")
        case .takenBy: return LocalizedText(zh: "受理人", en: "Taken by")
        case .assignee: return LocalizedText(zh: "处理人", en: "Assignee")
        case .deadline: return LocalizedText(zh: "时限", en: "Deadline")
        case .timeLeft: return LocalizedText(zh: "剩余", en: "Left")
        case .level: return LocalizedText(zh: "级别", en: "Level")
        case .received: return LocalizedText(zh: "受理时间", en: "Received")
        case .reported: return LocalizedText(zh: "报告时间", en: "Reported")
        case .closed: return LocalizedText(zh: "关闭时间", en: "Closed")
        case .cause: return LocalizedText(zh: "问题原因分析", en: "Root cause")
        case .solution: return LocalizedText(zh: "解决方案说明", en: "Solution")
        case .description: return LocalizedText(zh: "描述", en: "Description")
        case .history: return LocalizedText(zh: "处理记录", en: "History")
        case .overdue: return LocalizedText(zh: "已超时", en: "Overdue")
        case .caseQueue: return LocalizedText(zh: "CASE 队列", en: "CASE queue")
        case .faultBoard: return LocalizedText(zh: "故障看板", en: "Fault board")
        case .kpi: return LocalizedText(zh: "服务指标", en: "Service levels")
        case .none: return LocalizedText(zh: "—", en: "—")
        case .noItems: return LocalizedText(zh: "无记录", en: "nothing to show")
        case .showing: return LocalizedText(zh: "显示", en: "showing")
        case .of: return LocalizedText(zh: "共", en: "of")
        case .at: return LocalizedText(zh: "时间", en: "At")
        case .actor: return LocalizedText(zh: "操作人", en: "By")
        case .event: return LocalizedText(zh: "事件", en: "Event")
        case .change: return LocalizedText(zh: "变更", en: "Change")
        case .note: return LocalizedText(zh: "说明", en: "Note")
        case .calendarVersion: return LocalizedText(zh: "日历版本", en: "Calendar")
        case .dueIn: return LocalizedText(zh: "剩余", en: "due in")
        case .overdueBy: return LocalizedText(zh: "超时", en: "overdue by")
        case .workday: return LocalizedText(zh: "工作日", en: "working day")
        case .weekend: return LocalizedText(zh: "周末", en: "weekend")
        case .holiday: return LocalizedText(zh: "节假日", en: "holiday")
        case .makeUp: return LocalizedText(zh: "调休上班", en: "make-up working day")
        case .unknownYear: return LocalizedText(zh: "该年份不在已知节假日安排内，按周一至周五工作计算", en: "year outside the known holiday schedule: Monday–Friday taken as working")
        case .agreedWith: return LocalizedText(zh: "商定人", en: "Agreed with")
        case .firstResponse: return LocalizedText(zh: "首次响应", en: "First response")
        case .confirmed: return LocalizedText(zh: "确认时间", en: "Confirmed")
        case .version: return LocalizedText(zh: "版本", en: "Version")
        case .answered: return LocalizedText(zh: "已按时响应", en: "answered in time")
        case .tasks: return LocalizedText(zh: "数据处理", en: "Tasks")
        case .changes: return LocalizedText(zh: "软件升级", en: "Changes")
        case .trainings: return LocalizedText(zh: "培训", en: "Trainings")
        }
    }
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

    /// The event of entry `e`: an assignment to the one who made it reads as taking the item
    /// (`认领` / `took`), as the console's `t` and `case take` do it.
    public static func event(of e: HistoryEntry, _ lang: Language) -> String {
        isTaking(e) ? Catalog.Store.Items.took(lang) : e.event.label(lang)
    }

    /// An assignment its actor made to themselves: the header row names them, the field row too.
    static func isTaking(_ e: HistoryEntry) -> Bool {
        e.event == .assigned && (e.field == nil ? e.note == e.actor : e.field == .assignee && e.newValue == e.actor)
    }

    public static func value(_ field: HistoryField, _ value: String?, kind: ItemKind, _ lang: Language) -> String {
        guard let value else { return "∅" }
        switch field {
        case .status: return ItemStatus(rawValue: value)?.label(lang, kind: kind) ?? value
        case .region, .attendeeRegion: return Region(rawValue: value)?.label(lang) ?? value
        case .channel: return Channel(rawValue: value)?.label(lang) ?? value
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

    /// `状态: 待处理 → 已恢复`; a value set once reads alone (`升级: T1 总部专家远程`, `合并至: #588`);
    /// a relation added or removed names the other item (`关联工单: + #205`, `关联工单: − #205`), and
    /// on the item a duplicate joined, `#592 并入本工单`.
    public static func change(_ e: HistoryEntry, kind: ItemKind, _ lang: Language) -> String {
        guard let field = e.field else { return "" }
        let name = field.label(lang)
        let new = value(field, e.newValue, kind: kind, lang)
        switch (field, e.oldValue, e.newValue) {
        case (.channel, nil, _?) where e.event == .messaged:
            // The channel a requester's message came by, not a change of the ticket's channel.
            return Catalog.Timeline.cameBy(new)(lang)
        case (.relatedItem, nil, let other?) where e.event == .merged:
            return Catalog.WaitingAndLinks.mergedHere(other)(lang)
        case (.relatedItem, nil, let other?):
            return "\(name): + \(other)"
        case (.relatedItem, let other?, nil):
            return "\(name): − \(other)"
        case (.escalation, nil, _?), (.mergedInto, nil, _?), (.template, nil, _?):
            return "\(name): \(new)"
        default:
            return "\(name): \(value(field, e.oldValue, kind: kind, lang)) → \(new)"
        }
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
        // Taking an item names the one who took it once, in the actor's column.
        if isTaking(e) && e.field == nil { return "" }
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
