import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseKind: ExpressibleByArgument {}
extension Channel: ExpressibleByArgument {}

/// `case …`: CASE tickets (5×8 service).
struct CaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "case", abstract: "CASE tickets: general questions, special cases, requirements.",
        subcommands: [Add.self, List.self, Show.self, Respond.self, Resolve.self, Assess.self, Reopen.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Take in a CASE ticket; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "general, special or requirement.") var kind: CaseKind
        @Option(help: "phone, wechat, qq, email, fax or case.") var channel: Channel
        @Option(help: ArgumentHelp("Chinese name (西宁市) or pinyin (xining).", valueName: "region")) var region: Region
        @Option(help: "A short title.") var title: String
        @Option(help: "The requester's name.") var requester: String?
        @Option(help: "The requester's office.") var office: String?
        @Option(help: "The requester's phone.") var phone: String?
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.Received>

        func run() throws {
            let env = try Environment(global)
            let item = try env.database.addCase(
                NewCase(kind: kind, channel: channel, region: region, title: title, description: try details.text(),
                        requesterName: requester, requesterOffice: office, requesterPhone: phone),
                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<CaseCommand>
    typealias Show = ShowSubcommand<CaseCommand>

    struct Respond: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "respond", abstract: "Record a response; the first one is a special case's rule event.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket's number.") var id: Int64
        @Option(help: "What was answered.") var note: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.respond(id, note: note, at: try when.instant(env), env.context)
            print(statusLine(id, item, env))
        }
    }

    struct Resolve: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "resolve", abstract: "Resolve a ticket; root cause and solution are both required.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket's number.") var id: Int64
        @OptionGroup var closing: ClosingOptions
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.resolve(id, cause: closing.cause, solution: closing.solution, at: try when.instant(env), env.context)
            print(statusLine(id, item, env))
        }
    }

    struct Assess: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "assess", abstract: "Assess a requirement: the due date agreed with the requester.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The ticket's number.") var id: Int64
        @Option(help: ArgumentHelp("The agreed due date: a time, or a date meaning close of business.", valueName: "time|date")) var due: String
        @Option(help: "Who agreed to the due date.") var agreedWith: String
        @Option(help: "The size estimate (e.g. 5 person-days).") var size: String?
        @OptionGroup var when: WhenOption<Happened.Agreed>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.assess(id, due: try env.due(due), agreedWith: agreedWith, size: size,
                                               at: try when.instant(env), env.context)
            print("#\(id) \(item.status.label(env.language, kind: item.kind)) → \(BeijingTime.iso(item.dueAt!))")
        }
    }
}

extension CaseCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: "The CASE queue, most urgent first.",
                    showAbstract: "One CASE ticket with its history.",
                    idHelp: "The ticket's number.", kinds: ItemFilter.cases, layout: .cases, noun: .aCaseTicket)
    }

    /// `case list --kind`.
    struct Narrowing: ItemNarrowing {
        @Option(help: "Only general, special or requirement tickets.") var kind: CaseKind?
        func kinds(_ kinds: Set<ItemKind>) -> Set<ItemKind> { kind.map { [$0.itemKind] } ?? kinds }
    }
}

extension FaultLevel: ExpressibleByArgument {}
extension ResponseMode: ExpressibleByArgument {}

/// `fault …`: faults (7×24 service).
struct FaultCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fault", abstract: "Faults: levels 1–3, deadlines on the wall clock.",
        subcommands: [Add.self, List.self, Show.self, Raise.self, Lower.self, Ack.self, Escalate.self, Restore.self,
                      Reopen.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Report a fault; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: "1 (system down), 2 (core functions wrong) or 3 (non-core).") var level: FaultLevel
        @Option(help: ArgumentHelp("Chinese name (西宁市) or pinyin (xining).", valueName: "region")) var region: Region
        @Option(help: "A short title.") var title: String
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.Reported>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.addFault(NewFault(level: level, region: region, title: title, description: try details.text()),
                                                 at: try when.instant(env), env.context)
            print(item.id!)
            // The steps due at report were taken with it; their notifications go out with the next
            // `escalate` run. A tier with nobody to tell is said now.
            try warnOfStepsThatReachNobody(try env.database.escalations(of: item.id!), env)
        }
    }

    typealias List = ListSubcommand<FaultCommand>
    typealias Show = ShowSubcommand<FaultCommand>

    struct Raise: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "raise", abstract: "Raise a fault's level (3→2→1); the deadline is recomputed from the report.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @Option(parsing: .unconditional, help: "The new, more severe level.") var level: FaultLevel
        @Option(help: "Why.") var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.raise(id, to: level, reason: reason, at: try when.instant(env), env.context)
            print(Catalog.Items.levelChanged(id, level: item.level!.rawValue, due: BeijingTime.iso(item.dueAt!))(env.language))
        }
    }

    struct Restore: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "restore", abstract: "Service restored: stops the fault's clock. Root cause and solution are required.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The fault's number.") var id: Int64
        @OptionGroup var closing: ClosingOptions
        @Option(help: "How: onsite (现场解决), remote (远程支持) or phone (通讯支持).") var mode: ResponseMode?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.restore(id, cause: closing.cause, solution: closing.solution, mode: mode, at: try when.instant(env), env.context)
            print(statusLine(id, item, env))
        }
    }
}

extension FaultCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: "The fault board, most urgent first.",
                    showAbstract: "One fault with its history.",
                    idHelp: "The fault's number.", kinds: [.fault], layout: .faults, noun: .aFault)
    }

    /// `fault list --level`.
    struct Narrowing: ItemNarrowing {
        @Option(parsing: .unconditional, help: "Only faults of this level: 1, 2 or 3.") var level: FaultLevel?
        func narrow(_ filter: inout ItemFilter) { filter.level = level }
    }
}

/// What a command that answered or closed an item prints: its number and status, and that it is
/// overdue when it is.
func statusLine(_ id: Int64, _ item: WorkItem, _ env: Environment) -> String {
    "#\(id) \(item.status.label(env.language, kind: item.kind))\(item.isOverdue(at: env.now) ? " (\(Strings(env.language)(.overdue)))" : "")"
}
