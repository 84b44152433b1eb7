import Foundation

/// A step on a fault's escalation path: on-site staff (T0) → HQ expert remote (T1) → HQ expert on site (T2), plus the supervisor and the client office.
///
/// The tiers `T0` → `T1` → `T2` are climbed one at a time, in order, and each tier step must be
/// acknowledged by someone of that tier. `client` (the client office is told) and `supervisor` are
/// notifications.
public enum EscalationStep: String, Sendable, CaseIterable, Codable, Comparable {
    case client, T0, T1, T2, supervisor

    /// The tier's rank: 0, 1, 2 for `T0`, `T1`, `T2`; `nil` for a notification step.
    public var tier: Int? {
        switch self {
        case .T0: return 0
        case .T1: return 1
        case .T2: return 2
        case .client, .supervisor: return nil
        }
    }

    public var isTier: Bool { tier != nil }

    /// Whose step it is: on-site staff for T0, HQ experts for T1 and T2, the supervisors; the client
    /// office is not staff.
    public var role: StaffRole? {
        switch self {
        case .T0: return .onsite
        case .T1, .T2: return .expert
        case .supervisor: return .supervisor
        case .client: return nil
        }
    }

    /// The order steps taken at the same moment are recorded in.
    var rank: Int {
        switch self {
        case .client: return 0
        case .T0: return 1
        case .T1: return 2
        case .T2: return 3
        case .supervisor: return 4
        }
    }

    public static func < (a: EscalationStep, b: EscalationStep) -> Bool { a.rank < b.rank }

    /// The tier above `self`, `nil` at the top or for a notification step.
    public var nextTier: EscalationStep? {
        switch self {
        case .T0: return .T1
        case .T1: return .T2
        default: return nil
        }
    }

    /// Accepts `T0`, `t1`, `client`, `Supervisor`, ….
    public init?(name: String) {
        switch name.trimmingCharacters(in: .whitespaces).lowercased() {
        case "client": self = .client
        case "t0": self = .T0
        case "t1": self = .T1
        case "t2": self = .T2
        case "supervisor": self = .supervisor
        default: return nil
        }
    }

    public func label(_ lang: Language) -> String { name(lang) }
}

/// One rule of a level's policy: take `step` when `percent` of the window from report to deadline
/// has passed (0: at the report; 100: at the deadline, the breach).
public struct StepRule: Hashable, Sendable, Codable {
    public var step: EscalationStep
    public var percent: Int

    public init(_ step: EscalationStep, at percent: Int) {
        self.step = step
        self.percent = percent
    }

    /// When the rule falls due for a fault reported at `reported` with deadline `due`.
    public func time(reported: Date, due: Date) -> Date {
        let window = due.timeIntervalSince(reported)
        // Whole seconds, so that every process computes the same instant.
        return reported.addingTimeInterval((window * Double(percent) / 100).rounded(.down))
    }
}

/// The escalation policy of one fault level.
public struct LevelPolicy: Hashable, Sendable {
    public var rules: [StepRule]
    /// At the breach, the supervisor step also tells the client office (level 1).
    public var notifyClientOnBreach: Bool

    public init(rules: [StepRule], notifyClientOnBreach: Bool = false) {
        self.rules = rules.sorted { ($0.percent, $0.step) < ($1.percent, $1.step) }
        self.notifyClientOnBreach = notifyClientOnBreach
    }

    /// What is wrong with this policy, in words; empty when it is sound.
    ///
    /// Each step at most once; percentages 0–100; the tiers present form T0, T0–T1 or T0–T1–T2
    /// (escalation cannot skip a tier) and come no earlier than the tier below.
    public func problems() -> [String] {
        var found: [String] = []
        var seen: Set<EscalationStep> = []
        for rule in rules {
            if !seen.insert(rule.step).inserted { found.append("\(rule.step.rawValue) appears more than once") }
            if !(0...100).contains(rule.percent) {
                found.append("\(rule.step.rawValue) at \(rule.percent)%: a step falls between 0% (the report) and 100% (the deadline)")
            }
        }
        var tierSeen: Set<EscalationStep> = []
        let tiers = rules.filter { $0.step.isTier && tierSeen.insert($0.step).inserted }.sorted { $0.step < $1.step }
        for (index, rule) in tiers.enumerated() where rule.step.tier != index {
            let missing = EscalationStep.allCases.first { $0.tier == index }!
            found.append("\(rule.step.rawValue) without \(missing.rawValue): escalation climbs one tier at a time")
            break
        }
        for pair in zip(tiers, tiers.dropFirst()) where pair.1.percent < pair.0.percent {
            found.append("\(pair.1.step.rawValue) at \(pair.1.percent)% comes before \(pair.0.step.rawValue) at \(pair.0.percent)%")
        }
        return found
    }
}

/// Which steps each fault level takes and when. Data, with the contract's defaults; the configuration
/// file may replace any level's rules.
public struct EscalationPolicy: Hashable, Sendable {
    public var levels: [FaultLevel: LevelPolicy]

    public init(levels: [FaultLevel: LevelPolicy]) {
        self.levels = levels
    }

    /// The contract's defaults: level 1 tells the client office and calls T0 and T1 at once, T2 at half time;
    /// level 2 calls T0, T1 at half time; level 3 calls T0, T1 at three quarters. Every level tells
    /// the supervisor at the breach (level 1: the client office too).
    public static let standard = EscalationPolicy(levels: [
        .one: LevelPolicy(rules: [StepRule(.client, at: 0), StepRule(.T0, at: 0), StepRule(.T1, at: 0),
                                  StepRule(.T2, at: 50), StepRule(.supervisor, at: 100)],
                          notifyClientOnBreach: true),
        .two: LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T1, at: 50), StepRule(.supervisor, at: 100)]),
        .three: LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T1, at: 75), StepRule(.supervisor, at: 100)]),
    ])

    public subscript(level: FaultLevel) -> LevelPolicy {
        levels[level] ?? Self.standard.levels[level]!
    }
}

/// What the escalation engine needs to know of a fault.
public struct EscalationSubject: Sendable, Equatable {
    public var level: FaultLevel
    public var reportedAt: Date
    public var dueAt: Date
    /// Restored faults take no further steps.
    public var restored: Bool
    /// The steps already taken, by rule or by hand.
    public var taken: Set<EscalationStep>

    public init(level: FaultLevel, reportedAt: Date, dueAt: Date, restored: Bool, taken: Set<EscalationStep>) {
        self.level = level
        self.reportedAt = reportedAt
        self.dueAt = dueAt
        self.restored = restored
        self.taken = taken
    }
}

/// A step the rules call for, and the moment they call for it.
public struct DueStep: Equatable, Sendable {
    public let step: EscalationStep
    public let dueAt: Date
    public let percent: Int

    public init(step: EscalationStep, dueAt: Date, percent: Int) {
        self.step = step
        self.dueAt = dueAt
        self.percent = percent
    }

    /// Why, as a code: the rule that called for the step.
    public func reason(_ level: FaultLevel) -> EscalationReason {
        .rule(level: level, percent: percent, step: step)
    }

    /// Why, in words, for the history and the notification.
    public func reason(_ level: FaultLevel, _ lang: Language) -> String {
        reason(level).text(lang)
    }
}

/// Why an escalation step was taken: a rule of the policy (stored as a code, said in the reader's
/// language), or the words of the person who escalated by hand.
public enum EscalationReason: Equatable, Sendable {
    /// `percent` of the window from report to deadline had passed (0: the report, 100: the breach).
    case rule(level: FaultLevel, percent: Int, step: EscalationStep)
    /// Typed by a person (or stored as text before reasons were coded): data, shown as written.
    case stated(String)

    public func text(_ lang: Language) -> String { said(lang) }

    /// The reason in both languages; a stated one is data, the same in both.
    public var said: LocalizedText {
        switch self {
        case .stated(let text): return LocalizedText(zh: text, en: text)
        case let .rule(level, percent, step): return Catalog.Domain.Escalation.rule(level: level, percent: percent, step: step)
        }
    }
}

extension EscalationReason {
    /// `2级故障报告即T1 总部专家远程`, `2级故障已过时限的50%未恢复：T1 总部专家远程`, `…已到时限未恢复：主管`:
    /// the sentences rule steps were stored as before.
    public init?(legacyChinese text: String) {
        for (pattern, percent) in Catalog.Domain.Escalation.legacyRulePatterns {
            guard let regex = try? NSRegularExpression(pattern: pattern),
                  let match = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) else { continue }
            func group(_ i: Int) -> String { Range(match.range(at: i), in: text).map { String(text[$0]) } ?? "" }
            guard let level = Int(group(1)).flatMap(FaultLevel.init(rawValue:)) else { return nil }
            let share = percent ?? Int(group(2)) ?? 0
            let label = group(percent == nil ? 3 : 2)
            guard let step = EscalationStep.allCases.first(where: { $0.label(.zh) == label }) else { return nil }
            self = .rule(level: level, percent: share, step: step)
            return
        }
        return nil
    }
}

/// A notification of an escalation step, as stored: the facts, said in the reader's language when
/// it is shown (the console's status line, `notify list`) or sent (the notify command's `text`).
public struct NotificationMessage: Equatable, Sendable {
    public var step: EscalationStep
    public var faultID: Int64
    public var level: FaultLevel
    public var region: Region?
    public var title: String
    public var dueAt: Date
    public var reason: EscalationReason

    public init(step: EscalationStep, faultID: Int64, level: FaultLevel, region: Region?, title: String, dueAt: Date,
                reason: EscalationReason) {
        self.step = step
        self.faultID = faultID
        self.level = level
        self.region = region
        self.title = title
        self.dueAt = dueAt
        self.reason = reason
    }

    /// `【2级故障·T1】#1 海东市 …。…。恢复时限 2026-11-21 09:30。请T1 总部专家远程处理并在服务台确认（helpdesk fault ack 1）。`
    /// or `[Level 2 fault · T1] #1 海东市 …. …. Restore by 2026-11-21 09:30. …`
    public func text(_ lang: Language) -> String {
        let (day, seconds) = BeijingTime.local(dueAt)
        return Catalog.Domain.Escalation.notification(step: step, level: level, faultID: faultID, region: region, title: title,
                                                      reason: reason.said, due: "\(day) \(BeijingTime.clock(seconds))")(lang)
    }
}

/// The escalation rules as pure functions of a fault, a policy and a moment.
public enum EscalationEngine {
    /// Every step due at `now` and not yet taken, oldest first; a tier is never taken before the one
    /// below it. Empty for a restored fault.
    public static func due(_ subject: EscalationSubject, policy: EscalationPolicy, now: Date) -> [DueStep] {
        guard !subject.restored else { return [] }
        var taken = subject.taken
        var result: [DueStep] = []
        for rule in policy[subject.level].rules where !taken.contains(rule.step) {
            let time = rule.time(reported: subject.reportedAt, due: subject.dueAt)
            guard time <= now else { continue }
            // A tier whose predecessor has not been taken waits for it (a policy that passed
            // `problems()` never does this; one edited by hand might).
            if let tier = rule.step.tier, tier > 0, !taken.contains(where: { $0.tier == tier - 1 }) { continue }
            taken.insert(rule.step)
            result.append(DueStep(step: rule.step, dueAt: time, percent: rule.percent))
        }
        return result
    }

    /// The next step the rules will take and when, `nil` when none is left (or the fault is restored).
    public static func next(_ subject: EscalationSubject, policy: EscalationPolicy) -> DueStep? {
        guard !subject.restored else { return nil }
        return policy[subject.level].rules
            .filter { !subject.taken.contains($0.step) }
            .map { DueStep(step: $0.step, dueAt: $0.time(reported: subject.reportedAt, due: subject.dueAt), percent: $0.percent) }
            .min { ($0.dueAt, $0.step) < ($1.dueAt, $1.step) }
    }

    /// The tier a manual escalation moves to: the one above the highest taken, T0 when none is.
    /// `nil` when T2 has been reached.
    public static func manualNext(taken: Set<EscalationStep>) -> EscalationStep? {
        guard let highest = taken.filter(\.isTier).max() else { return .T0 }
        return highest.nextTier
    }

    /// The highest tier taken, `nil` when none.
    public static func currentTier(taken: Set<EscalationStep>) -> EscalationStep? {
        taken.filter(\.isTier).max()
    }

    /// Whether a member of staff with `role` may acknowledge `step`: people of that tier only.
    public static func canAcknowledge(_ step: EscalationStep, role: StaffRole) -> Bool {
        step.isTier && step.role == role
    }
}

/// The Chinese text of a notification (`NotificationMessage.text(.zh)`).
public enum EscalationText {
    public static func notification(step: EscalationStep, reason: String, faultID: Int64, level: FaultLevel,
                                    region: Region?, title: String, dueAt: Date) -> String {
        let (day, seconds) = BeijingTime.local(dueAt)
        return Catalog.Domain.Escalation.notification(step: step, level: level, faultID: faultID, region: region, title: title,
                                                      reason: LocalizedText(zh: reason, en: reason), due: "\(day) \(BeijingTime.clock(seconds))").zh
    }
}

/// Someone outside the staff who is told of a step: the client office.
public struct NotificationContact: Hashable, Sendable, Codable {
    public var name: String
    public var phone: String?

    public init(name: String, phone: String? = nil) {
        self.name = name
        self.phone = phone
    }
}

/// The escalation rules in force for a session: the policy and whom the `client` step tells.
public struct EscalationSettings: Hashable, Sendable {
    public var policy: EscalationPolicy
    public var client: [NotificationContact]
    /// Operating-system users who take due steps and deliver notifications without being on the
    /// staff list: the user a timer job (cron, systemd) runs as.
    public var timerUsers: Set<String>

    public init(policy: EscalationPolicy = .standard, client: [NotificationContact] = [], timerUsers: Set<String> = []) {
        self.policy = policy
        self.client = client
        self.timerUsers = timerUsers
    }

    public static let standard = EscalationSettings()
}

/// Where a fault stands on its escalation path, for the board.
public struct EscalationStanding: Equatable, Sendable {
    /// The steps taken, in the order taken.
    public var taken: [EscalationStep]
    /// The highest tier reached.
    public var tier: EscalationStep?
    /// Who acknowledged the highest tier's step; `nil` while it waits.
    public var acknowledgedBy: String?
    /// What the rules take next and when; `nil` when nothing is left.
    public var next: DueStep?

    public init(taken: [EscalationStep], tier: EscalationStep?, acknowledgedBy: String?, next: DueStep?) {
        self.taken = taken
        self.tier = tier
        self.acknowledgedBy = acknowledgedBy
        self.next = next
    }

    /// The highest tier's step waits for someone of that tier.
    public var unacknowledged: Bool { tier != nil && acknowledgedBy == nil }
}
