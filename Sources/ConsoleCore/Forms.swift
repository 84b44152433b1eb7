import Foundation
import HelpDeskCore

/// A dialog that collects input before a write: a new ticket or fault, a response, a resolution…
public struct Form: Equatable, Sendable {
    public enum Purpose: Equatable, Sendable {
        case newCase
        case newFault
        case respond(id: Int64, version: Int)
        case resolve(id: Int64, version: Int)
        case restore(id: Int64, version: Int)
        case raise(id: Int64, version: Int, current: FaultLevel)
        case assign(id: Int64, version: Int)
        case escalate(id: Int64, to: EscalationStep)
        case assess(id: Int64, version: Int)
        case reopen(id: Int64, version: Int)
        case lower(id: Int64, version: Int, current: FaultLevel)

        /// The item an edit form changes, and the version it was built on.
        var target: (id: Int64, version: Int)? {
            switch self {
            case .newCase, .newFault, .escalate: return nil
            case let .respond(id, v), let .resolve(id, v), let .restore(id, v), let .raise(id, v, _), let .assign(id, v),
                 let .assess(id, v), let .reopen(id, v), let .lower(id, v, _):
                return (id, v)
            }
        }

        /// The same purpose built on `version`.
        func rebased(to version: Int) -> Purpose {
            switch self {
            case .newCase, .newFault, .escalate: return self
            case .respond(let id, _): return .respond(id: id, version: version)
            case .resolve(let id, _): return .resolve(id: id, version: version)
            case .restore(let id, _): return .restore(id: id, version: version)
            case let .raise(id, _, current): return .raise(id: id, version: version, current: current)
            case .assign(let id, _): return .assign(id: id, version: version)
            case .assess(let id, _): return .assess(id: id, version: version)
            case .reopen(let id, _): return .reopen(id: id, version: version)
            case let .lower(id, _, current): return .lower(id: id, version: version, current: current)
            }
        }
    }

    public enum Check: Equatable, Sendable {
        case none, required, phone
        /// When something happened: Beijing wall-clock time, not after now. Empty means now.
        case pastTime
        /// A due date or time (a date alone is close of business), required.
        case due
    }

    /// What a field's check needs to know: now, and when a working day closes.
    public struct Clock: Equatable, Sendable {
        public var now: Date
        /// Seconds after midnight at which business closes (a due date alone means then).
        public var closing: Int

        public init(now: Date, closing: Int = 18 * 3600) {
            self.now = now
            self.closing = closing
        }

        var today: CivilDate { BeijingTime.date(of: now) }
    }

    public struct Field: Equatable, Sendable {
        public enum Input: Equatable, Sendable {
            case text(TextField)
            /// (value, label) pairs and the chosen index.
            case choice([Choice], Int)
        }

        public let name: String
        public let label: String
        public var input: Input
        public let check: Check
        /// Long text that may be written in `$EDITOR` (Ctrl-E).
        public let long: Bool
        /// The text the field opened with: a form is dirty once any text differs from it.
        public var initialText = ""

        public var value: String {
            switch input {
            case .text(let f): return f.text
            case .choice(let options, let i): return options.isEmpty ? "" : options[i].value
            }
        }

        /// Why the current value is not accepted, or `nil`.
        public func problem(_ lang: Language, _ clock: Clock) -> String? {
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            let zh = lang == .zh
            switch check {
            case .none: return nil
            case .required: return v.isEmpty ? (zh ? "必填" : "required") : nil
            case .phone:
                guard !v.isEmpty else { return nil }
                return PhoneNumber.isWellFormed(v) ? nil : (zh ? "电话号码只能包含数字和 -" : "digits and - only")
            case .pastTime:
                guard !v.isEmpty else { return nil }
                guard let at = LocalTimeInput.instant(v, today: clock.today) else {
                    return zh ? "格式：14:30 或 2021-11-23 14:30" : "as 14:30 or 2021-11-23 14:30"
                }
                return at > clock.now ? (zh ? "不能晚于现在" : "not after now") : nil
            case .due:
                guard !v.isEmpty else { return zh ? "必填" : "required" }
                return LocalTimeInput.due(v, today: clock.today, closing: clock.closing) == nil
                    ? (zh ? "格式：2021-12-01 或 2021-12-01 18:00" : "as 2021-12-01 or 2021-12-01 18:00") : nil
            }
        }
    }

    public struct Choice: Equatable, Sendable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    public var purpose: Purpose
    public let title: String
    public var fields: [Field]
    public var focus = 0
    /// Set when Esc was pressed on a form holding input: the next key confirms or cancels.
    public var confirmingDiscard = false
    /// Set after a failed save, so problems show on every field.
    public var triedToSave = false
    /// Now, and business hours, for the fields that read times; the run loop's tick keeps it current.
    public var clock: Clock
    /// Set when a save was refused because someone else changed the item: the version it is at now.
    /// The typed text stays; the newer version shows behind the form and the next save builds on it.
    public var newerVersion: Int?

    public init(purpose: Purpose, title: String, fields: [Field], clock: Clock) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.clock = clock
    }

    /// True when any text differs from what the form opened with.
    public var isDirty: Bool {
        fields.contains {
            switch $0.input {
            case .text(let f): return f.text != $0.initialText
            case .choice: return false
            }
        }
    }

    /// Someone else saved the item first: keep what was typed and build the next save on `version`.
    public mutating func rebase(to version: Int) {
        purpose = purpose.rebased(to: version)
        newerVersion = version
    }

    public func value(_ name: String) -> String {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    public func problems(_ lang: Language) -> [(String, String)] {
        fields.compactMap { f in f.problem(lang, clock).map { (f.label, $0) } }
    }

    static func text(_ name: String, _ label: String, _ check: Check = .none, long: Bool = false, _ initial: String = "") -> Field {
        Field(name: name, label: label, input: .text(TextField(initial)), check: check, long: long, initialText: initial)
    }

    /// "Received at" / "reported at": calls are often logged after the fact. Opens with now.
    static func happenedAt(_ label: String, _ clock: Clock) -> Field {
        text("at", label, .pastTime, LocalTimeInput.format(clock.now))
    }

    /// When the item happened: the "at" field's time, or now when it is empty.
    public var happenedAt: Date {
        LocalTimeInput.instant(value("at"), today: clock.today) ?? clock.now
    }

    static func choice(_ name: String, _ label: String, _ options: [Choice], selected: Int = 0) -> Field {
        Field(name: name, label: label, input: .choice(options, selected), check: .none, long: false)
    }

    // MARK: The forms

    public static func newCase(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        return Form(purpose: .newCase, title: zh ? "新建 CASE 工单" : "New CASE ticket", fields: [
            choice("kind", t(.kind), CaseKind.allCases.map { Choice($0.rawValue, $0.itemKind.label(lang)) }),
            choice("channel", t(.channel), Channel.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            choice("region", t(.region), Region.allCases.map { Choice($0.rawValue, $0.chineseName) }),
            text("title", t(.title), .required),
            text("requester", t(.requester)),
            text("office", t(.office)),
            text("phone", t(.phone), .phone),
            text("description", t(.description), long: true),
            happenedAt(t(.received), clock),
        ], clock: clock)
    }

    public static func newFault(_ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        return Form(purpose: .newFault, title: lang == .zh ? "新建故障" : "New fault", fields: [
            choice("level", t(.level), FaultLevel.allCases.reversed().map { Choice("\($0.rawValue)", levelLabel($0, lang)) }),
            choice("region", t(.region), Region.allCases.map { Choice($0.rawValue, $0.chineseName) }),
            text("title", t(.title), .required),
            text("description", t(.description), long: true),
            happenedAt(t(.reported), clock),
        ], clock: clock)
    }

    public static func respond(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .respond(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "响应 #\(item.id ?? 0)" : "Respond to #\(item.id ?? 0)",
             fields: [text("note", Strings(lang)(.note), .required, long: true)], clock: clock)
    }

    /// A requirement's assessment: the due date agreed with the requester, with whom, and the size.
    public static func assess(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        return Form(purpose: .assess(id: item.id ?? 0, version: item.version),
                    title: zh ? "评估需求 #\(item.id ?? 0)" : "Assess requirement #\(item.id ?? 0)",
                    fields: [
                        text("due", zh ? "约定完成时间" : "Agreed due", .due),
                        text("agreedWith", t(.agreedWith), .required, item.requesterName ?? ""),
                        text("size", zh ? "工作量估计" : "Size estimate"),
                    ], clock: clock)
    }

    /// Reopening a closed item (supervisors): the reason is required.
    public static func reopen(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .reopen(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "重新打开 #\(item.id ?? 0)" : "Reopen #\(item.id ?? 0)",
             fields: [text("reason", lang == .zh ? "原因" : "Reason", .required, long: true)], clock: clock)
    }

    /// Lowering a fault's level (supervisors): a lower level and the reason.
    public static func lower(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form? {
        guard let current = item.level, current != .three else { return nil }
        let lower = FaultLevel.allCases.filter { $0.isRaised(to: current) }.sorted { $0.rawValue < $1.rawValue }
        return Form(purpose: .lower(id: item.id ?? 0, version: item.version, current: current),
                    title: lang == .zh ? "降低故障级别 #\(item.id ?? 0)" : "Lower fault #\(item.id ?? 0)",
                    fields: [
                        choice("level", Strings(lang)(.level), lower.map { Choice("\($0.rawValue)", levelLabel($0, lang)) }),
                        text("reason", lang == .zh ? "原因" : "Reason", .required, long: true),
                    ], clock: clock)
    }

    public static func resolve(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form {
        let t = Strings(lang)
        if item.kind == .fault {
            return Form(purpose: .restore(id: item.id ?? 0, version: item.version),
                        title: lang == .zh ? "恢复故障 #\(item.id ?? 0)" : "Restore fault #\(item.id ?? 0)",
                        fields: [
                            text("cause", t(.cause), .required, long: true),
                            text("solution", t(.solution), .required, long: true),
                            choice("mode", lang == .zh ? "处理方式" : "Mode", ResponseMode.allCases.map {
                                Choice($0.rawValue, lang == .zh ? $0.chineseName : $0.rawValue)
                            }),
                        ], clock: clock)
        }
        return Form(purpose: .resolve(id: item.id ?? 0, version: item.version),
                    title: lang == .zh ? "解决 #\(item.id ?? 0)" : "Resolve #\(item.id ?? 0)",
                    fields: [text("cause", t(.cause), .required, long: true), text("solution", t(.solution), .required, long: true)],
                    clock: clock)
    }

    public static func raise(_ item: WorkItem, _ lang: Language, _ clock: Clock) -> Form? {
        guard let current = item.level, current != .one else { return nil }
        let higher = FaultLevel.allCases.filter { current.isRaised(to: $0) }.sorted { $0.rawValue > $1.rawValue }
        return Form(purpose: .raise(id: item.id ?? 0, version: item.version, current: current),
                    title: lang == .zh ? "升级故障 #\(item.id ?? 0)" : "Raise fault #\(item.id ?? 0)",
                    fields: [
                        choice("level", Strings(lang)(.level), higher.map { Choice("\($0.rawValue)", levelLabel($0, lang)) }),
                        text("reason", lang == .zh ? "原因" : "Reason", .required, long: true),
                    ], clock: clock)
    }

    public static func assign(_ item: WorkItem, staff: [StaffMember], _ lang: Language, _ clock: Clock) -> Form {
        let people = staff.filter { $0.active && $0.role != .viewer }
        return Form(purpose: .assign(id: item.id ?? 0, version: item.version),
                    title: lang == .zh ? "指派 #\(item.id ?? 0)" : "Assign #\(item.id ?? 0)",
                    fields: [choice("to", Strings(lang)(.assignee), people.map { Choice($0.username, "\($0.name) (\($0.username))") })],
                    clock: clock)
    }

    /// Escalating by hand one tier up: the tier is fixed, the reason required.
    public static func escalate(_ item: WorkItem, to step: EscalationStep, _ lang: Language, _ clock: Clock) -> Form {
        Form(purpose: .escalate(id: item.id ?? 0, to: step),
             title: lang == .zh ? "升级 #\(item.id ?? 0) 至 \(step.label(.zh))" : "Escalate #\(item.id ?? 0) to \(step.label(.en))",
             fields: [text("reason", lang == .zh ? "原因" : "Reason", .required, long: true)], clock: clock)
    }

    static func levelLabel(_ level: FaultLevel, _ lang: Language) -> String {
        lang == .zh ? "\(level.rawValue)级 (\(level.hours)小时)" : "level \(level.rawValue) (\(level.hours) h)"
    }

    /// The write this form asks for, or `nil` while a field is not accepted.
    public func request(_ lang: Language) -> WriteRequest? {
        guard problems(lang).isEmpty else { return nil }
        switch purpose {
        case .newCase:
            guard let kind = CaseKind(rawValue: value("kind")), let channel = Channel(rawValue: value("channel")),
                  let region = Region(rawValue: value("region")) else { return nil }
            let blank: (String) -> String? = { $0.isEmpty ? nil : $0 }
            return .addCase(NewCase(kind: kind, channel: channel, region: region, title: value("title"),
                                    description: value("description"), requesterName: blank(value("requester")),
                                    requesterOffice: blank(value("office")), requesterPhone: blank(value("phone"))),
                            at: happenedAt)
        case .newFault:
            guard let level = Int(value("level")).flatMap(FaultLevel.init(rawValue:)), let region = Region(rawValue: value("region"))
            else { return nil }
            return .addFault(NewFault(level: level, region: region, title: value("title"), description: value("description")),
                             at: happenedAt)
        case let .respond(id, version):
            return .respond(id: id, note: value("note"), version: version)
        case let .resolve(id, version):
            return .resolve(id: id, cause: value("cause"), solution: value("solution"), version: version)
        case let .restore(id, version):
            return .restore(id: id, cause: value("cause"), solution: value("solution"),
                            mode: ResponseMode(rawValue: value("mode")), version: version)
        case let .raise(id, version, _):
            guard let level = Int(value("level")).flatMap(FaultLevel.init(rawValue:)) else { return nil }
            return .raise(id: id, level: level, reason: value("reason"), version: version)
        case let .assign(id, version):
            let to = value("to")
            return to.isEmpty ? nil : .assign(id: id, to: to, version: version)
        case let .escalate(id, _):
            return .escalate(id: id, reason: value("reason"))
        case let .assess(id, version):
            guard let due = LocalTimeInput.due(value("due"), today: clock.today, closing: clock.closing) else { return nil }
            let size = value("size")
            return .assess(id: id, due: due, agreedWith: value("agreedWith"), size: size.isEmpty ? nil : size, version: version)
        case let .reopen(id, version):
            return .reopen(id: id, reason: value("reason"), version: version)
        case let .lower(id, version, _):
            guard let level = Int(value("level")).flatMap(FaultLevel.init(rawValue:)) else { return nil }
            return .lower(id: id, level: level, reason: value("reason"), version: version)
        }
    }

    /// The deadline the new item would get, received (reported) when its "at" field says, with its
    /// reasoning.
    public func preview(rules: DeadlineRules?) -> Deadline? {
        guard let rules else { return nil }
        // No preview from a time the form does not accept: it would not be the one saved.
        if let at = fields.first(where: { $0.name == "at" }), at.problem(.en, clock) != nil { return nil }
        let at = happenedAt
        switch purpose {
        case .newCase:
            switch CaseKind(rawValue: value("kind")) {
            case .general: return rules.general(receivedAt: at)
            case .special: return rules.special(confirmedAt: at)
            default: return nil
            }
        case .newFault:
            return Int(value("level")).flatMap(FaultLevel.init(rawValue:)).map { rules.fault(level: $0, reportedAt: at) }
        default:
            return nil
        }
    }
}

/// A write the console asks the run loop to carry out.
public enum WriteRequest: Equatable, Sendable {
    /// A new ticket, received at `at`.
    case addCase(NewCase, at: Date)
    /// A new fault, reported at `at`.
    case addFault(NewFault, at: Date)
    case respond(id: Int64, note: String, version: Int)
    case resolve(id: Int64, cause: String, solution: String, version: Int)
    case restore(id: Int64, cause: String, solution: String, mode: ResponseMode?, version: Int)
    case raise(id: Int64, level: FaultLevel, reason: String, version: Int)
    case assign(id: Int64, to: String, version: Int)
    /// Acknowledge the fault's latest tier step.
    case acknowledge(id: Int64)
    /// Move the fault one tier up by hand.
    case escalate(id: Int64, reason: String)
    /// Agree a requirement's due date.
    case assess(id: Int64, due: Date, agreedWith: String, size: String?, version: Int)
    /// Reopen a closed item (supervisors).
    case reopen(id: Int64, reason: String, version: Int)
    /// Lower a fault's level (supervisors).
    case lower(id: Int64, level: FaultLevel, reason: String, version: Int)
}
