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
    }

    public enum Check: Equatable, Sendable {
        case none, required, phone
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

        public var value: String {
            switch input {
            case .text(let f): return f.text
            case .choice(let options, let i): return options.isEmpty ? "" : options[i].value
            }
        }

        /// Why the current value is not accepted, or `nil`.
        public func problem(_ lang: Language) -> String? {
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            switch check {
            case .none: return nil
            case .required: return v.isEmpty ? (lang == .zh ? "必填" : "required") : nil
            case .phone:
                guard !v.isEmpty else { return nil }
                let ok = v.allSatisfy { $0.isASCII && ($0.isNumber || "-+ ()".contains($0)) } && v.filter(\.isNumber).count >= 5
                return ok ? nil : (lang == .zh ? "电话号码只能包含数字和 -" : "digits and - only")
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

    public let purpose: Purpose
    public let title: String
    public var fields: [Field]
    public var focus = 0
    /// Set when Esc was pressed on a form holding input: the next key confirms or cancels.
    public var confirmingDiscard = false
    /// Set after a failed save, so problems show on every field.
    public var triedToSave = false

    public init(purpose: Purpose, title: String, fields: [Field]) {
        self.purpose = purpose
        self.title = title
        self.fields = fields
    }

    /// True when any text was typed or a choice changed from its first option.
    public var isDirty: Bool {
        fields.contains {
            switch $0.input {
            case .text(let f): return !f.text.isEmpty
            case .choice: return false
            }
        }
    }

    public func value(_ name: String) -> String {
        fields.first { $0.name == name }?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    public func problems(_ lang: Language) -> [(String, String)] {
        fields.compactMap { f in f.problem(lang).map { (f.label, $0) } }
    }

    static func text(_ name: String, _ label: String, _ check: Check = .none, long: Bool = false, _ initial: String = "") -> Field {
        Field(name: name, label: label, input: .text(TextField(initial)), check: check, long: long)
    }

    static func choice(_ name: String, _ label: String, _ options: [Choice], selected: Int = 0) -> Field {
        Field(name: name, label: label, input: .choice(options, selected), check: .none, long: false)
    }

    // MARK: The forms

    public static func newCase(_ lang: Language) -> Form {
        let t = Strings(lang)
        let zh = lang == .zh
        return Form(purpose: .newCase, title: zh ? "新建 CASE 工单" : "New CASE ticket", fields: [
            choice("kind", t(.kind), CaseKind.allCases.map { Choice($0.rawValue, ItemKind(rawValue: $0.rawValue)!.label(lang)) }),
            choice("channel", t(.channel), Channel.allCases.map { Choice($0.rawValue, $0.label(lang)) }),
            choice("region", t(.region), Region.allCases.map { Choice($0.rawValue, $0.chineseName) }),
            text("title", t(.title), .required),
            text("requester", t(.requester)),
            text("office", t(.office)),
            text("phone", t(.phone), .phone),
            text("description", t(.description), long: true),
        ])
    }

    public static func newFault(_ lang: Language) -> Form {
        let t = Strings(lang)
        return Form(purpose: .newFault, title: lang == .zh ? "新建故障" : "New fault", fields: [
            choice("level", t(.level), FaultLevel.allCases.reversed().map { Choice("\($0.rawValue)", levelLabel($0, lang)) }),
            choice("region", t(.region), Region.allCases.map { Choice($0.rawValue, $0.chineseName) }),
            text("title", t(.title), .required),
            text("description", t(.description), long: true),
        ])
    }

    public static func respond(_ item: WorkItem, _ lang: Language) -> Form {
        Form(purpose: .respond(id: item.id ?? 0, version: item.version),
             title: lang == .zh ? "响应 #\(item.id ?? 0)" : "Respond to #\(item.id ?? 0)",
             fields: [text("note", Strings(lang)(.note), .required, long: true)])
    }

    public static func resolve(_ item: WorkItem, _ lang: Language) -> Form {
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
                        ])
        }
        return Form(purpose: .resolve(id: item.id ?? 0, version: item.version),
                    title: lang == .zh ? "解决 #\(item.id ?? 0)" : "Resolve #\(item.id ?? 0)",
                    fields: [text("cause", t(.cause), .required, long: true), text("solution", t(.solution), .required, long: true)])
    }

    public static func raise(_ item: WorkItem, _ lang: Language) -> Form? {
        guard let current = item.level, current != .one else { return nil }
        let higher = FaultLevel.allCases.filter { current.isRaised(to: $0) }.sorted { $0.rawValue > $1.rawValue }
        return Form(purpose: .raise(id: item.id ?? 0, version: item.version, current: current),
                    title: lang == .zh ? "升级故障 #\(item.id ?? 0)" : "Raise fault #\(item.id ?? 0)",
                    fields: [
                        choice("level", Strings(lang)(.level), higher.map { Choice("\($0.rawValue)", levelLabel($0, lang)) }),
                        text("reason", lang == .zh ? "原因" : "Reason", .required, long: true),
                    ])
    }

    public static func assign(_ item: WorkItem, staff: [StaffMember], _ lang: Language) -> Form {
        let people = staff.filter { $0.active && $0.role != .viewer }
        return Form(purpose: .assign(id: item.id ?? 0, version: item.version),
                    title: lang == .zh ? "指派 #\(item.id ?? 0)" : "Assign #\(item.id ?? 0)",
                    fields: [choice("to", Strings(lang)(.assignee), people.map { Choice($0.username, "\($0.name) (\($0.username))") })])
    }

    /// Escalating by hand one tier up: the tier is fixed, the reason required.
    public static func escalate(_ item: WorkItem, to step: EscalationStep, _ lang: Language) -> Form {
        Form(purpose: .escalate(id: item.id ?? 0, to: step),
             title: lang == .zh ? "升级 #\(item.id ?? 0) 至 \(step.label(.zh))" : "Escalate #\(item.id ?? 0) to \(step.label(.en))",
             fields: [text("reason", lang == .zh ? "原因" : "Reason", .required, long: true)])
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
                                    requesterOffice: blank(value("office")), requesterPhone: blank(value("phone"))))
        case .newFault:
            guard let level = Int(value("level")).flatMap(FaultLevel.init(rawValue:)), let region = Region(rawValue: value("region"))
            else { return nil }
            return .addFault(NewFault(level: level, region: region, title: value("title"), description: value("description")))
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
        }
    }

    /// The deadline the new item would get if saved at `now`, with its reasoning.
    public func preview(at now: Date, rules: DeadlineRules?) -> Deadline? {
        guard let rules else { return nil }
        switch purpose {
        case .newCase:
            switch CaseKind(rawValue: value("kind")) {
            case .general: return rules.general(receivedAt: now)
            case .special: return rules.special(confirmedAt: now)
            default: return nil
            }
        case .newFault:
            return Int(value("level")).flatMap(FaultLevel.init(rawValue:)).map { rules.fault(level: $0, reportedAt: now) }
        default:
            return nil
        }
    }
}

/// A write the console asks the run loop to carry out.
public enum WriteRequest: Equatable, Sendable {
    case addCase(NewCase)
    case addFault(NewFault)
    case respond(id: Int64, note: String, version: Int)
    case resolve(id: Int64, cause: String, solution: String, version: Int)
    case restore(id: Int64, cause: String, solution: String, mode: ResponseMode?, version: Int)
    case raise(id: Int64, level: FaultLevel, reason: String, version: Int)
    case assign(id: Int64, to: String, version: Int)
    /// Acknowledge the fault's latest tier step.
    case acknowledge(id: Int64)
    /// Move the fault one tier up by hand.
    case escalate(id: Int64, reason: String)
}
