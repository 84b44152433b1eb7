import Foundation
import HelpDeskCore

// Texts the system writes are stored as codes with their parameters (JSON), never as sentences in
// one language: they are said in the reader's language when read. Codes are data: a code once
// written keeps its meaning; new ones are added.

/// The JSON of one coded text: `{"code": "escalation_rule", "level": 2, "percent": 50, "step": "T1"}`.
struct Code: Codable, Equatable {
    var code: String
    var level: Int?
    var percent: Int?
    var step: String?
    var kind: String?
    var channel: String?
    var mode: String?
    var text: String?
    var fault: Int64?
    var region: String?
    var title: String?
    var dueAt: Int64?
    var reason: Box?
    var inspection: Int64?
    var inspector: String?
    var again: Int64?
    var item: Int64?
    var assignee: String?
    var by: String?

    /// A nested code (a notification's reason).
    final class Box: Codable, Equatable {
        let value: Code
        init(_ value: Code) { self.value = value }
        required init(from decoder: Decoder) throws { value = try Code(from: decoder) }
        func encode(to encoder: Encoder) throws { try value.encode(to: encoder) }
        static func == (a: Box, b: Box) -> Bool { a.value == b.value }
    }

    init(code: String) { self.code = code }

    enum CodingKeys: String, CodingKey {
        case code, level, percent, step, kind, channel, mode, text, fault, region, title, reason, inspection, inspector, again, item, assignee, by
        case dueAt = "due_at"
    }

    var json: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data("{}".utf8), as: UTF8.self)
    }

    static func parse(_ json: String?) -> Code? {
        guard let json, json.hasPrefix("{") else { return nil }
        return try? JSONDecoder().decode(Code.self, from: Data(json.utf8))
    }
}

extension EscalationReason {
    var code: Code {
        switch self {
        case let .rule(level, percent, step):
            var c = Code(code: "escalation_rule")
            c.level = level.rawValue
            c.percent = percent
            c.step = step.rawValue
            return c
        case .stated(let text):
            var c = Code(code: "stated")
            c.text = text
            return c
        }
    }

    init?(code c: Code) {
        switch c.code {
        case "escalation_rule":
            guard let level = c.level.flatMap(FaultLevel.init(rawValue:)), let percent = c.percent,
                  let step = c.step.flatMap(EscalationStep.init(rawValue:)) else { return nil }
            self = .rule(level: level, percent: percent, step: step)
        case "stated":
            guard let text = c.text else { return nil }
            self = .stated(text)
        default: return nil
        }
    }

    /// What the `reason` column of an escalation holds: a rule's code, or the words typed.
    var stored: String {
        if case .stated(let text) = self { return text }
        return code.json
    }

    /// Reads the `reason` column back. A rule step stored before reasons were coded holds the
    /// Chinese sentence the rules wrote; it is recognised and coded again.
    init(stored text: String, byRule: Bool) {
        if byRule, let code = Code.parse(text), let reason = EscalationReason(code: code) {
            self = reason
        } else if byRule, let legacy = EscalationReason(legacyChinese: text) {
            self = legacy
        } else {
            self = .stated(text)
        }
    }
}

extension SystemNote {
    var code: Code {
        switch self {
        case let .received(kind, channel):
            var c = Code(code: "received")
            c.kind = kind.rawValue
            c.channel = channel.rawValue
            return c
        case .reported(let level):
            var c = Code(code: "reported")
            c.level = level.rawValue
            return c
        case .responseMode(let mode):
            var c = Code(code: "response_mode")
            c.mode = mode.rawValue
            return c
        case .escalation(let reason):
            var c = reason.code
            if c.code == "stated" { c.code = "escalation_stated" }
            return c
        case .calendarImported(let year):
            var c = Code(code: "calendar_imported")
            c.text = "\(year)"
            return c
        case let .inspectionReading(check, target, value, again):
            var c = Code(code: "inspection_reading")
            c.kind = check.rawValue
            c.title = target
            c.text = value
            c.again = again
            return c
        }
    }

    init?(code c: Code) {
        switch c.code {
        case "received":
            guard let kind = c.kind.flatMap(ItemKind.init(rawValue:)), let channel = c.channel.flatMap(Channel.init(rawValue:)) else { return nil }
            self = .received(kind: kind, channel: channel)
        case "reported":
            guard let level = c.level.flatMap(FaultLevel.init(rawValue:)) else { return nil }
            self = .reported(level: level)
        case "response_mode":
            guard let mode = c.mode.flatMap(ResponseMode.init(rawValue:)) else { return nil }
            self = .responseMode(mode)
        case "escalation_rule":
            guard let reason = EscalationReason(code: c) else { return nil }
            self = .escalation(reason)
        case "escalation_stated":
            guard let text = c.text else { return nil }
            self = .escalation(.stated(text))
        case "calendar_imported":
            guard let year = c.text.flatMap({ Int($0) }) else { return nil }
            self = .calendarImported(year: year)
        case "inspection_reading":
            guard let check = c.kind.flatMap(InspectionCheck.init(rawValue:)), let target = c.title, let value = c.text else { return nil }
            self = .inspectionReading(check: check, target: target, value: value, again: c.again)
        default: return nil
        }
    }
}

extension SystemItemText {
    /// What `item.text_code` stores: `{"code": "inspection_finding", "kind": "tablespace", "title":
    /// "YLBX_DATA", "text": "93.5", "inspection": 1, "inspector": "王芳"}`.
    var code: Code {
        switch self {
        case let .inspectionFinding(check, target, value, inspection, inspector):
            var c = Code(code: "inspection_finding")
            c.kind = check.rawValue
            c.title = target
            c.text = value
            c.inspection = inspection
            c.inspector = inspector
            return c
        }
    }

    init?(code c: Code) {
        switch c.code {
        case "inspection_finding":
            guard let check = c.kind.flatMap(InspectionCheck.init(rawValue:)), let target = c.title, let value = c.text,
                  let inspection = c.inspection, let inspector = c.inspector else { return nil }
            self = .inspectionFinding(check: check, target: target, value: value, inspection: inspection, inspector: inspector)
        default: return nil
        }
    }
}

extension NotificationMessage {
    var code: Code {
        var c = Code(code: "escalation_notice")
        c.step = step.rawValue
        c.fault = faultID
        c.level = level.rawValue
        c.region = region?.rawValue
        c.title = title
        c.dueAt = dueAt.dbSeconds
        c.reason = Code.Box(reason.code)
        return c
    }

    init?(code c: Code) {
        guard c.code == "escalation_notice", let step = c.step.flatMap(EscalationStep.init(rawValue:)), let fault = c.fault,
              let level = c.level.flatMap(FaultLevel.init(rawValue:)), let title = c.title, let due = c.dueAt,
              let reason = c.reason.flatMap({ EscalationReason(code: $0.value) }) else { return nil }
        self.init(step: step, faultID: fault, level: level, region: c.region.flatMap(Region.init(rawValue:)), title: title,
                  dueAt: Date(dbSeconds: due), reason: reason)
    }
}

extension AssignmentNotice {
    var code: Code {
        var c = Code(code: "assignment_notice")
        c.item = itemID
        c.kind = kind.rawValue
        c.title = title
        c.assignee = assignee
        c.by = assignedBy
        c.dueAt = dueAt?.dbSeconds
        return c
    }

    init?(code c: Code) {
        guard c.code == "assignment_notice", let item = c.item, let kind = c.kind.flatMap(ItemKind.init(rawValue:)),
              let title = c.title, let assignee = c.assignee, let by = c.by else { return nil }
        self.init(itemID: item, kind: kind, title: title, assignee: assignee, assignedBy: by,
                  dueAt: c.dueAt.map { Date(dbSeconds: $0) })
    }
}

extension NoticeMessage {
    var code: Code {
        switch self {
        case .escalation(let m): return m.code
        case .assignment(let m): return m.code
        case .requester(let m): return m.code
        }
    }

    /// The message of a notice of `kind` from its stored code; `nil` when the code is not one of
    /// that kind's.
    init?(kind: NoticeKind, code: Code) {
        switch kind {
        case .escalation:
            guard let m = NotificationMessage(code: code) else { return nil }
            self = .escalation(m)
        case .assignment:
            guard let m = AssignmentNotice(code: code) else { return nil }
            self = .assignment(m)
        case .requester:
            guard let m = RequesterNotice(code: code) else { return nil }
            self = .requester(m)
        }
    }
}
