import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseCommand {
    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a closed CASE ticket (supervisors only).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket's number.") var id: Int64
        @Option(help: "Why it is reopened.") var reason: String
        @Option(help: ArgumentHelp("When (default now).", valueName: "time")) var at: String?
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.reopen(id, reason: reason, at: try env.instant(at), env.context)
            print("#\(id) \(item.status.label(env.language, kind: item.kind))")
        }
    }
}

extension FaultCommand {
    struct Lower: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Lower a fault's level (1→2→3); supervisors only. The deadline is recomputed from the report.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @Option(help: "The new, less severe level.") var level: FaultLevel
        @Option(help: "Why.") var reason: String
        @Option(help: ArgumentHelp("When (default now).", valueName: "time")) var at: String?
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.lower(id, to: level, reason: reason, at: try env.instant(at), env.context)
            print("#\(id) level \(item.level!.rawValue) → \(BeijingTime.iso(item.dueAt!))")
        }
    }

    struct Ack: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Acknowledge the fault's latest tier step (T0: on-site staff; T1, T2: HQ experts).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @Option(help: ArgumentHelp("When (default now).", valueName: "time")) var at: String?
        func run() throws {
            let env = try Environment(global)
            let step = try env.database.acknowledge(id, at: try env.instant(at), env.context)
            print("#\(id) \(step.step.rawValue) acknowledged by \(env.context.actor)")
        }
    }

    struct Escalate: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Escalate a fault one tier by hand (T0 → T1 → T2), with a reason; a tier is never skipped.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @Option(help: "Why.") var reason: String
        @Option(help: ArgumentHelp("When (default now).", valueName: "time")) var at: String?
        func run() throws {
            let env = try Environment(global)
            let step = try env.database.escalateManually(id, reason: reason, at: try env.instant(at), env.context)
            print("#\(id) \(step.step.rawValue)")
            try warnOfStepsThatReachNobody([step], env)
            NotificationDelivery(env).deliverQuietly()
        }
    }

    struct Reopen: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Reopen a restored fault (supervisors only); its clock runs again.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @Option(help: "Why it is reopened.") var reason: String
        @Option(help: ArgumentHelp("When (default now).", valueName: "time")) var at: String?
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.reopen(id, reason: reason, at: try env.instant(at), env.context)
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
        let text = env.language == .zh
            ? "警告：\(ids) 无人可通知——人员名单中没有在职的\(role.chineseName)（helpdesk staff add 用户名 --name 姓名 --role \(role.rawValue)）"
            : "warning: \(ids) reached nobody: nobody active on the staff list is \(role.label) (helpdesk staff add USER --name NAME --role \(role.rawValue))"
        FileHandle.standardError.write(Data("helpdesk: \(text)\n".utf8))
    }
}

/// `escalate`: takes every step due at now, then delivers the outbox. For a timer job.
struct EscalateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "escalate",
        abstract: "Take every escalation step due now (one line per step), then deliver pending notifications.",
        discussion: "Run it every minute from cron or a systemd timer. Any number may run at once: a step is taken once.")
    @OptionGroup var global: GlobalOptions

    func run() throws {
        let env = try Environment(global)
        let taken = try env.database.escalateDue(env.context)
        if env.json {
            try JSONOutput.print(taken.map(EscalationJSON.init))
        } else {
            for step in taken {
                print("#\(step.itemId) \(step.step.rawValue) \(BeijingTime.iso(step.dueAt)) \(TerminalText.sanitize(step.reason))")
            }
        }
        try warnOfStepsThatReachNobody(taken, env)
        let report = try NotificationDelivery(env).deliver()
        if report.attempted > 0 || report.waiting > 0 {
            FileHandle.standardError.write(Data("helpdesk: \(report.summary)\n".utf8))
        }
    }
}

/// `notify list`: the outbox.
struct NotifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "notify", abstract: "The notification outbox.", subcommands: [List.self, Deliver.self])

    struct List: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Notifications, newest first.")
        @OptionGroup var global: GlobalOptions
        @Flag(help: "Only those not delivered yet.") var pending = false
        @Option(help: "At most this many.") var limit = 50
        func run() throws {
            let env = try Environment(global)
            let rows = try env.database.outbox(pendingOnly: pending, limit: limit)
            if env.json {
                try JSONOutput.print(rows.map { row in
                    OutboxJSON(id: row["id"], fault: row["item_id"], step: row["step"],
                               created_at: BeijingTime.iso(Date(timeIntervalSince1970: Double(row["created_at"] as Int64))),
                               attempts: row["attempts"],
                               delivered_at: (row["delivered_at"] as Int64?).map { BeijingTime.iso(Date(timeIntervalSince1970: Double($0))) },
                               last_error: row["last_error"], text: row["text"])
                })
                return
            }
            var table = TextTable(headers: ["id", "fault", "step", "attempts", "state", "text"])
            for row in rows {
                let delivered = row["delivered_at"] as Int64?
                let error = row["last_error"] as String?
                let state = delivered != nil ? "delivered" : (error.map { "retrying: \($0)" } ?? "pending")
                table.rows.append(["\(row["id"] as Int64)", "#\(row["item_id"] as Int64)", row["step"] as String,
                           "\(row["attempts"] as Int)", state, row["text"] as String])
            }
            print(table.render())
        }
    }

    struct Deliver: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Deliver pending notifications now (escalate does this too).")
        @OptionGroup var global: GlobalOptions
        func run() throws {
            let env = try Environment(global)
            let report = try NotificationDelivery(env).deliver()
            print(report.summary)
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
    let reason: String
    @Nullable var acknowledged_by: String?
    @Nullable var acknowledged_at: String?

    init(_ r: EscalationRecord) {
        fault = r.itemId
        step = r.step.rawValue
        due_at = BeijingTime.iso(r.dueAt)
        at = BeijingTime.iso(r.takenAt)
        by_rule = r.byRule
        taken_by = r.takenBy
        reason = r.reason
        acknowledged_by = r.acknowledgedBy
        acknowledged_at = r.acknowledgedAt.map(BeijingTime.iso)
    }
}

struct OutboxJSON: Encodable {
    let id: Int64
    let fault: Int64
    let step: String
    let created_at: String
    let attempts: Int
    @Nullable var delivered_at: String?
    @Nullable var last_error: String?
    let text: String
}
