import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseCommand {
    struct Reopen: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "reopen", abstract: HelpDesk.say(Catalog.Help.Items.Case.reopen)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.reopenReason))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.reopen(id, reason: reason, at: try when.instant(env), env.context)
            print("#\(id) \(item.status.label(env.language, kind: item.kind))")
        }
    }
}

extension FaultCommand {
    struct Lower: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "lower", abstract: HelpDesk.say(Catalog.Help.Items.Fault.lower)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.id))) var id: Int64
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.loweredLevel))) var level: FaultLevel
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.why))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.lower(id, to: level, reason: reason, at: try when.instant(env), env.context)
            print(Catalog.Items.levelChanged(id, level: item.level!.rawValue, due: BeijingTime.iso(item.dueAt!))(env.language))
        }
    }

    struct Ack: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "ack", 
            abstract: HelpDesk.say(Catalog.Help.Items.Fault.ack)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.id))) var id: Int64
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let step = try env.database.acknowledge(id, at: try when.instant(env), env.context)
            print(Catalog.Items.acknowledged(id, step: step.step.rawValue, by: env.context.actor)(env.language))
        }
    }

    struct Escalate: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "escalate", 
            abstract: HelpDesk.say(Catalog.Help.Items.Fault.escalate)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.why))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let step = try env.database.escalateManually(id, reason: reason, at: try when.instant(env), env.context)
            print("#\(id) \(step.step.rawValue)")
            try warnOfStepsThatReachNobody([step], env)
            NotificationDelivery(env).deliverQuietly()
        }
    }

    struct Reopen: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "reopen", abstract: HelpDesk.say(Catalog.Help.Items.Fault.reopen)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.reopenReason))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.reopen(id, reason: reason, at: try when.instant(env), env.context)
            print("#\(id) \(item.status.label(env.language, kind: item.kind))")
        }
    }
}

/// A step whose role has no active member on the staff list tells nobody: say so on standard error,
/// once per role, with the command that fixes it.
func warnOfStepsThatReachNobody(_ steps: [EscalationRecord], _ env: Environment) throws {
    let roles = Set(steps.compactMap { $0.step.role })
    guard !roles.isEmpty else { return }
    let present = Set(try env.database.allStaff().filter(\.active).map(\.role))
    for role in StaffRole.allCases where roles.contains(role) && !present.contains(role) {
        let ids = steps.filter { $0.step.role == role }.map { "#\($0.itemId) \($0.step.rawValue)" }.joined(separator: ", ")
        let text = Catalog.Items.reachedNobody(ids, role: role)(env.language)
        Output.standardError("helpdesk: \(text)\n")
    }
}

/// `escalate`: takes every step due at now, then delivers the outbox. For a timer job.
struct EscalateCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "escalate",
        abstract: HelpDesk.say(Catalog.Help.Items.Escalate.abstract),
        discussion: HelpDesk.say(Catalog.Help.Items.Escalate.discussion)) }
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = try Environment(global)
        let taken = try env.database.escalateDue(env.context)
        // For `doctor`: a timer that stopped is found before a breach is missed.
        try env.database.recordTimerRun(env.context)
        if env.json {
            try JSONOutput.print(taken.map { EscalationJSON($0, env.language) })
        } else {
            for step in taken {
                print("#\(step.itemId) \(step.step.rawValue) \(BeijingTime.iso(step.dueAt)) \(TerminalText.sanitize(step.reason.text(env.language)))")
            }
        }
        try warnOfStepsThatReachNobody(taken, env)
        let report = try NotificationDelivery(env).deliver()
        if report.attempted > 0 || report.waiting > 0 {
            Output.standardError("helpdesk: \(report.summary(env.language))\n")
        }
    }
}

/// `notify list`: the outbox.
struct NotifyCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "notify", abstract: HelpDesk.say(Catalog.Help.Items.Notify.abstract), subcommands: [List.self, Deliver.self]) }

    typealias List = ListSubcommand<NotifyCommand>

    struct Deliver: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "deliver", abstract: HelpDesk.say(Catalog.Help.Items.Notify.deliver)) }
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let env = try Environment(global)
            try env.database.checkTimerRights(env.context)
            let report = try NotificationDelivery(env).deliver()
            print(report.summary(env.language))
        }
    }
}

extension NotifyCommand: Listed {
    static var listAbstract: String { HelpDesk.say(Catalog.Help.Items.Notify.list) }

    struct Query: ListQuery {
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Notify.pending))) var pending = false
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Notify.limit))) var limit = 50
        func validate() throws { try NumberArguments.count(limit, option: "--limit") }
        func list(in env: Environment) throws {
            let entries = try env.database.outbox(pendingOnly: pending, limit: limit)
            let lang = env.language
            if env.json {
                try JSONOutput.print(entries.map { entry in
                    OutboxJSON(id: entry.id, kind: entry.kind.rawValue, item: entry.itemId,
                               fault: entry.kind == .escalation ? entry.itemId : nil, step: entry.step?.rawValue,
                               created_at: BeijingTime.iso(entry.createdAt), attempts: entry.attempts,
                               delivered_at: entry.deliveredAt.map(BeijingTime.iso), last_error: entry.lastError,
                               text: entry.text(lang))
                })
                return
            }
            let said = Catalog.Items.Outbox.self
            var table = TextTable(headers: Catalog.DeskWork.outboxHeaders.map { $0(lang) })
            for entry in entries {
                let state = entry.deliveredAt != nil ? said.delivered(lang)
                    : (entry.lastError.map { said.retrying($0)(lang) } ?? said.pending(lang))
                let kind = Catalog.DeskWork.noticeKind(entry.kind)(lang) + (entry.step.map { " \($0.label(lang))" } ?? "")
                table.rows.append(["\(entry.id)", "#\(entry.itemId)", kind, "\(entry.attempts)", state, entry.text(lang)])
            }
            print(table.render())
        }
    }
}

/// One escalation step in the JSON of `escalate` and `fault show`.
struct EscalationJSON: Encodable {
    let fault: Int64
    let step: String
    let due_at: String
    let at: String
    let by_rule: Bool
    let taken_by: String
    /// In the reader's language (a rule's), or as typed.
    let reason: String
    /// The reason as a code: `{"code": "escalation_rule", "level", "percent", "step"}` or `{"code": "stated", "text"}`.
    let reason_code: ReasonCode
    @Nullable var acknowledged_by: String?
    @Nullable var acknowledged_at: String?

    init(_ r: EscalationRecord, _ lang: Language) {
        fault = r.itemId
        step = r.step.rawValue
        due_at = BeijingTime.iso(r.dueAt)
        at = BeijingTime.iso(r.takenAt)
        by_rule = r.byRule
        taken_by = r.takenBy
        reason = r.reason.text(lang)
        reason_code = ReasonCode(r.reason)
        acknowledged_by = r.acknowledgedBy
        acknowledged_at = r.acknowledgedAt.map(BeijingTime.iso)
    }
}

struct OutboxJSON: Encodable {
    let id: Int64
    /// `escalation` or `assignment`.
    let kind: String
    let item: Int64
    /// The fault of an escalation notice (its item); `null` for other kinds.
    @Nullable var fault: Int64?
    /// The step of an escalation notice; `null` for other kinds.
    @Nullable var step: String?
    let created_at: String
    let attempts: Int
    @Nullable var delivered_at: String?
    @Nullable var last_error: String?
    let text: String
}

/// An escalation reason as a code for `--json`.
struct ReasonCode: Encodable {
    let reason: EscalationReason
    init(_ reason: EscalationReason) { self.reason = reason }

    enum Keys: String, CodingKey { case code, level, percent, step, text }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        switch reason {
        case let .rule(level, percent, step):
            try c.encode("escalation_rule", forKey: .code)
            try c.encode(level.rawValue, forKey: .level)
            try c.encode(percent, forKey: .percent)
            try c.encode(step.rawValue, forKey: .step)
        case .stated(let text):
            try c.encode("stated", forKey: .code)
            try c.encode(text, forKey: .text)
        }
    }
}
