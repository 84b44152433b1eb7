import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseKind: ExpressibleByArgument {
    /// The code or either language's name (`requirement`, `需求`).
    public init?(argument: String) {
        guard let kind = CaseKind.parse(argument) else { return nil }
        self = kind
    }
}
extension Channel: ExpressibleByArgument {}

/// `case …`: CASE tickets (5×8 service).
struct CaseCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "case", abstract: HelpDesk.say(Catalog.Help.Items.Case.abstract),
        subcommands: [Add.self, List.self, Show.self, Respond.self, Resolve.self, Assess.self, Reopen.self, Take.self, Assign.self, Edit.self,
                      Wait.self, Resume.self, Link.self, Unlink.self, Merge.self,
                      Note.self, Reply.self, Message.self, Timeline.self, Similar.self, Notices.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Items.Case.add)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.kind))) var kind: CaseKind
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.channel))) var channel: Channel
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.region), valueName: "region")) var region: Region?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.title))) var title: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.requester) + " " + HelpDesk.say(Catalog.Requesters.Help.caseRequester)))
        var requester: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.office))) var office: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.phone))) var phone: String?
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.Received>

        func run() throws {
            let env = try Environment(global)
            // `--requester 12` (or `#12`): the directory's entry, whose region serves when none is given.
            let requesterID = requester.flatMap(RequesterCommand.number)
            var region = region
            if region == nil, let requesterID {
                guard let entry = try env.database.requester(requesterID) else { throw UsageError(Catalog.Requesters.notFound(requesterID)) }
                region = entry.region
            }
            guard let region else { throw UsageError(Catalog.Requesters.regionOrRequester) }
            let item = try env.database.addCase(
                NewCase(kind: kind, channel: channel, region: region, title: title, description: try details.text(),
                        requesterName: requesterID == nil ? requester : nil, requesterOffice: office, requesterPhone: phone,
                        requesterID: requesterID),
                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<CaseCommand>
    typealias Show = ShowSubcommand<CaseCommand>

    /// `case take ID…`: the items are given to the operator (the console's `A` with one's own name).
    struct Take: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "take", abstract: HelpDesk.say(Catalog.DeskWork.Help.take)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                _ = try env.database.assign(id, to: env.context.actor, at: at, env.context)
                return Catalog.DeskWork.taken(id, by: env.context.actor)(env.language)
            }
        }
    }

    /// `case assign ID… USER`: the items are given to an active member of staff, who is notified.
    struct Assign: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "assign", abstract: HelpDesk.say(Catalog.DeskWork.Help.assign)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsAndUserHelp), valueName: "id… user")) var values: [String]
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func validate() throws { _ = try SeveralIds.split(values, last: "<user>") }
        func run() throws {
            let (ids, user) = try SeveralIds.split(values, last: "<user>")
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                _ = try env.database.assign(id, to: user, at: at, env.context)
                return Catalog.DeskWork.assigned(id, to: user)(env.language)
            }
        }
    }

    struct Respond: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "respond", abstract: HelpDesk.say(Catalog.Help.Items.Case.respond)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.note))) var note: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                statusLine(id, try env.database.respond(id, note: note, at: at, env.context), env)
            }
        }
    }

    struct Resolve: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "resolve", abstract: HelpDesk.say(Catalog.Help.Items.Case.resolve)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @OptionGroup var closing: ClosingOptions
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                statusLine(id, try env.database.resolve(id, cause: closing.cause, solution: closing.solution, at: at, env.context), env)
            }
        }
    }

    struct Assess: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "assess", abstract: HelpDesk.say(Catalog.Help.Items.Case.assess)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.due), valueName: "time|date")) var due: DueArgument
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.agreedWith))) var agreedWith: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.size))) var size: String?
        func validate() throws { try DueArgument.validate(due, option: "--due") }
        @OptionGroup var when: WhenOption<Happened.Agreed>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.assess(id, due: try env.due(due.value(option: "--due")), agreedWith: agreedWith, size: size,
                                               at: try when.instant(env), env.context)
            print("#\(id) \(item.status.label(env.language, kind: item.kind)) → \(BeijingTime.iso(item.dueAt!))")
        }
    }
}

extension CaseCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: HelpDesk.say(Catalog.Help.Items.Case.list),
                    showAbstract: HelpDesk.say(Catalog.Help.Items.Case.show),
                    idHelp: HelpDesk.say(Catalog.Help.Items.Case.id), kinds: ItemFilter.cases, layout: .cases, noun: .aCaseTicket)
    }

    /// `case list --kind`.
    struct Narrowing: ItemNarrowing {
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.onlyKind))) var kind: CaseKind?
        func kinds(_ kinds: Set<ItemKind>) -> Set<ItemKind> { kind.map { [$0.itemKind] } ?? kinds }
    }
}

extension FaultLevel: ExpressibleByArgument {}
extension ResponseMode: ExpressibleByArgument {}

/// `fault …`: faults (7×24 service).
struct FaultCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "fault", abstract: HelpDesk.say(Catalog.Help.Items.Fault.abstract),
        subcommands: [Add.self, List.self, Show.self, Raise.self, Lower.self, Ack.self, Escalate.self, Restore.self,
                      Reopen.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Items.Fault.add)) }
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.level))) var level: FaultLevel
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.region), valueName: "region")) var region: Region
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.title))) var title: String
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
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "raise", abstract: HelpDesk.say(Catalog.Help.Items.Fault.raise)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.id))) var id: Int64
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.raisedLevel))) var level: FaultLevel
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.why))) var reason: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.raise(id, to: level, reason: reason, at: try when.instant(env), env.context)
            print(Catalog.Items.levelChanged(id, level: item.level!.rawValue, due: BeijingTime.iso(item.dueAt!))(env.language))
        }
    }

    struct Restore: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "restore", abstract: HelpDesk.say(Catalog.Help.Items.Fault.restore)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @OptionGroup var closing: ClosingOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.mode))) var mode: ResponseMode?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                statusLine(id, try env.database.restore(id, cause: closing.cause, solution: closing.solution, mode: mode, at: at, env.context), env)
            }
        }
    }
}

extension FaultCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: HelpDesk.say(Catalog.Help.Items.Fault.list),
                    showAbstract: HelpDesk.say(Catalog.Help.Items.Fault.show),
                    idHelp: HelpDesk.say(Catalog.Help.Items.Fault.id), kinds: [.fault], layout: .faults, noun: .aFault)
    }

    /// `fault list --level`.
    struct Narrowing: ItemNarrowing {
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Fault.onlyLevel))) var level: FaultLevel?
        func narrow(_ filter: inout ItemFilter) { filter.level = level }
    }
}

/// What a command that answered or closed an item prints: its number and status, and that it is
/// overdue when it is.
func statusLine(_ id: Int64, _ item: WorkItem, _ env: Environment) -> String {
    "#\(id) \(item.status.label(env.language, kind: item.kind))\(item.isOverdue(at: env.now) ? " (\(Strings(env.language)(.overdue)))" : "")"
}
