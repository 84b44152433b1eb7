import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension ChangeType: ExpressibleByArgument {}
extension TestResult: ExpressibleByArgument {}
extension ChangeStage: ExpressibleByArgument {
    /// The stages a change moves to: every one but the first.
    public static var allValueStrings: [String] { allCases.dropFirst().map(\.rawValue) }
}

/// `task …`: data-processing tasks (数据处理).
struct TaskCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "task", abstract: HelpDesk.say(Catalog.Help.Items.Task.abstract),
        subcommands: [Add.self, List.self, Show.self, Complete.self, Error.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Items.Task.add)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.title))) var title: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.due), valueName: "time|date")) var due: DueArgument
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.fromCase), valueName: "id")) var `case`: Int64?
        func validate() throws {
            try DueArgument.validate(due, option: "--due")
            try NumberArguments.id(`case`, option: "--case")
        }
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.assignee), valueName: "user")) var assignee: String?
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.TakenIn>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.addTask(NewTask(title: title, description: try details.text(), due: try env.due(due.value(option: "--due")),
                                                        assignee: assignee, fromCase: `case`),
                                                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<TaskCommand>
    typealias Show = ShowSubcommand<TaskCommand>

    struct Complete: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "complete", abstract: HelpDesk.say(Catalog.Help.Items.Task.complete)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.id))) var id: Int64
        @OptionGroup var closing: ClosingOptions
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.completeTask(id, cause: closing.cause, solution: closing.solution, at: try when.instant(env), env.context)
            print(statusLine(id, item, env))
        }
    }

    struct Error: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "error", abstract: HelpDesk.say(Catalog.Help.Items.Task.error)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Task.note))) var note: String
        @OptionGroup var when: WhenOption<Happened.Found>
        func run() throws {
            let env = try Environment(global)
            try env.database.markTaskErroneous(id, note: note, at: try when.instant(env), env.context)
            print(Catalog.Items.taskMarkedErroneous(id)(env.language))
        }
    }
}

extension TaskCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: HelpDesk.say(Catalog.Help.Items.Task.list),
                    showAbstract: HelpDesk.say(Catalog.Help.Items.Task.show),
                    idHelp: HelpDesk.say(Catalog.Help.Items.Task.id), kinds: [.task], layout: .tasks, noun: .aTask)
    }
}

/// `change …`: change requests (软件升级) and their way to production.
struct ChangeCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "change", abstract: HelpDesk.say(Catalog.Help.Items.Change.abstract),
        subcommands: [Add.self, List.self, Show.self, Advance.self, Test.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Items.Change.add)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.type))) var type: ChangeType
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.title))) var title: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.due),
                                   valueName: "time|date")) var due: DueArgument?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.effective), valueName: "date")) var effective: DateArgument?
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.fromCase), valueName: "id")) var fromCase: Int64?
        func validate() throws {
            try DueArgument.validate(due, option: "--due")
            try DateArgument.validate(effective, option: "--effective")
            try NumberArguments.id(fromCase, option: "--from-case")
        }
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.TakenIn>
        func run() throws {
            let env = try Environment(global)
            let effectiveDate = try effective?.value(option: "--effective")
            let item = try env.database.addChange(
                NewChange(type: type, title: title, description: try details.text(), due: try due.map { try env.due($0.value(option: "--due")) },
                          effective: effectiveDate, fromCase: fromCase),
                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<ChangeCommand>
    typealias Show = ShowSubcommand<ChangeCommand>

    struct Advance: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "advance", 
            abstract: HelpDesk.say(Catalog.Help.Items.Change.advance),
            discussion: HelpDesk.say(Catalog.Help.Items.Change.advanceDiscussion)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.signedBy))) var signedBy: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.cause))) var cause: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.solution))) var solution: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.label))) var label: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.delivery), valueName: "id")) var delivery: Int64?
        func validate() throws { try NumberArguments.id(delivery, option: "--delivery") }
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.to),
                                   valueName: "stage"))
        var to: ChangeStage?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            guard let to else {
                let stage = try env.database.changeDetail(id).stage
                guard let next = stage.next else {
                    throw UsageError(Catalog.Items.releasedHasNoNextStage(id))
                }
                throw UsageError(Catalog.Items.advanceNeedsStage(id, at: stage, next: next))
            }
            let releasing = cause != nil || solution != nil || label != nil || delivery != nil
            let release = releasing ? Release(cause: cause ?? "", solution: solution ?? "", label: label, delivery: delivery) : nil
            let outcome = try env.database.advanceChange(id, signedBy: signedBy, release: release, to: to, at: try when.instant(env), env.context)
            if let delivery = outcome.deliveryId {
                print(delivery)
                if let task = outcome.reprocessingTask {
                    let text = Catalog.Items.reprocessingTaskOpened(task)(env.language)
                    Output.standardError("\(text)\n")
                }
            } else {
                print("#\(id) \(outcome.stage.label(env.language))")
            }
        }
    }

    struct Test: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "test", abstract: HelpDesk.say(Catalog.Help.Items.Change.test)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.result))) var result: TestResult
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Change.note))) var note: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let round = try env.database.recordTestRound(id, result: result, note: note, at: try when.instant(env), env.context)
            print(Catalog.Items.testRound(id, number: round.number, result: round.result)(env.language))
        }
    }
}

extension ChangeCommand: ListedItems {
    static var items: ItemListing {
        ItemListing(listAbstract: HelpDesk.say(Catalog.Help.Items.Change.list),
                    showAbstract: HelpDesk.say(Catalog.Help.Items.Change.show),
                    idHelp: HelpDesk.say(Catalog.Help.Items.Change.id), kinds: [.change], layout: .changes, noun: .aChangeRequest)
    }
}

/// `delivery …`: releases to production (软件交付).
struct DeliveryCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "delivery", abstract: HelpDesk.say(Catalog.Help.Items.Delivery.abstract),
        subcommands: [List.self, Show.self]) }

    typealias List = ListSubcommand<DeliveryCommand>
    typealias Show = ShowSubcommand<DeliveryCommand>
}

extension DeliveryCommand: Listed, Shown {
    static var listAbstract: String { HelpDesk.say(Catalog.Help.Items.Delivery.list) }
    static var showAbstract: String { HelpDesk.say(Catalog.Help.Items.Delivery.show) }
    static var idHelp: String { HelpDesk.say(Catalog.Help.Items.Delivery.id) }

    struct Query: ListQuery {
        @OptionGroup var most: LimitOption
        func list(in env: Environment) throws {
            let deliveries = try env.database.deliveries(limit: most.count)
            let defects = Dictionary(grouping: try env.database.defects(), by: \.deliveryId)
            if env.json {
                try JSONOutput.print(deliveries.map { DeliveryJSON(delivery: $0, changes: nil, defects: defects[$0.id] ?? []) })
                return
            }
            let lang = env.language, said = Catalog.Items.Deliveries.self
            var table = TextTable(headers: said.listHeaders.map { $0(lang) })
            table.rows = deliveries.map { d in
                let found = (defects[d.id] ?? []).map(\.foundAt)
                return ["\(d.id)", d.label, BeijingTime.short(d.deliveredAt), d.deliveredBy, "\(found.count)",
                        DeliveryRules.isErroneous(deliveredAt: d.deliveredAt, defectsFoundAt: found) ? said.withinThirtyDays(lang) : ""]
            }
            print(table.render())
            if deliveries.isEmpty { Output.standardError("\(Strings(env.language)(.noItems))\n") }
        }
    }

    static func show(_ id: Int64, _ env: Environment) throws {
        let (delivery, changes, defects) = try env.database.delivery(id)
        if env.json {
            try JSONOutput.print(DeliveryJSON(delivery: delivery, changes: changes.map { ItemJSON(item: $0, now: env.now, language: env.language) },
                                              defects: defects))
            return
        }
        let lang = env.language, said = Catalog.Items.Deliveries.self, clean = { (s: String) in TerminalText.sanitize(s) }
        let erroneous = DeliveryRules.isErroneous(deliveredAt: delivery.deliveredAt, defectsFoundAt: defects.map(\.foundAt))
        print("\(said.delivery(lang)) \(delivery.id)  \(clean(delivery.label))")
        print("\(said.delivered(lang))  \(BeijingTime.iso(delivery.deliveredAt))  \(delivery.deliveredBy)")
        if erroneous { print(said.erroneous(lang)) }
        print("\n\(said.changes(lang)):")
        var table = TextTable(headers: said.changeHeaders.map { $0(lang) })
        let details = try env.database.changeDetails(changes.compactMap(\.id))
        table.rows = changes.map { c in
            ["\(c.id!)", details[c.id!]?.type.label(env.language) ?? "", c.title, c.dueAt.map(BeijingTime.short) ?? ""]
        }
        print(table.render())
        print("\n\(said.defects(lang)):")
        if defects.isEmpty { print(said.noDefects(lang)) }
        for d in defects {
            let days = d.foundAt.timeIntervalSince(delivery.deliveredAt) / 86_400
            print("  \(d.id)  \(BeijingTime.short(d.foundAt))  \(said.day(Int(days.rounded(.up)))(lang))  \(clean(d.title))  \(d.recordedBy)")
        }
    }
}

/// `defect …`: defects found in deliveries.
struct DefectCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "defect", abstract: HelpDesk.say(Catalog.Help.Items.Defect.abstract),
        subcommands: [Add.self, List.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Help.Items.Defect.add)) }
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Defect.delivery), valueName: "id")) var delivery: Int64
        func validate() throws { try NumberArguments.id(delivery, option: "--delivery") }
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Shared.title))) var title: String
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.Found>
        func run() throws {
            let env = try Environment(global)
            print(try env.database.addDefect(delivery: delivery, title: title, description: try details.text(), at: try when.instant(env), env.context))
        }
    }

    typealias List = ListSubcommand<DefectCommand>
}

extension DefectCommand: Listed {
    static var listAbstract: String { HelpDesk.say(Catalog.Help.Items.Defect.list) }

    struct Query: ListQuery {
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Defect.onlyDelivery), valueName: "id")) var delivery: Int64?
        func validate() throws { try NumberArguments.id(delivery, option: "--delivery") }
        func list(in env: Environment) throws {
            if let delivery { _ = try env.database.delivery(delivery) }
            let defects = try env.database.defects(delivery: delivery)
            if env.json {
                try JSONOutput.print(defects.map(DefectJSON.init))
                return
            }
            var table = TextTable(headers: Catalog.Items.Deliveries.defectHeaders.map { $0(env.language) })
            table.rows = defects.map { ["\($0.id)", "\($0.deliveryId)", BeijingTime.short($0.foundAt), $0.title, $0.recordedBy] }
            print(table.render())
            if defects.isEmpty { Output.standardError("\(Strings(env.language)(.noItems))\n") }
        }
    }
}

/// A delivery for `--json`: `{"id", "label", "delivered_at", "delivered_by", "erroneous", "defects", "changes"}`
/// (`changes` only for `delivery show`).
struct DeliveryJSON: Encodable {
    let delivery: Delivery
    let changes: [ItemJSON]?
    let defects: [Defect]

    enum Keys: String, CodingKey { case id, label, delivered_at, delivered_by, erroneous, defects, changes }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(delivery.id, forKey: .id)
        try c.encode(delivery.label, forKey: .label)
        try c.encode(BeijingTime.iso(delivery.deliveredAt), forKey: .delivered_at)
        try c.encode(delivery.deliveredBy, forKey: .delivered_by)
        try c.encode(DeliveryRules.isErroneous(deliveredAt: delivery.deliveredAt, defectsFoundAt: defects.map(\.foundAt)), forKey: .erroneous)
        try c.encode(defects.map(DefectJSON.init), forKey: .defects)
        if let changes { try c.encode(changes, forKey: .changes) }
    }
}

/// A defect for `--json`.
struct DefectJSON: Encodable {
    let defect: Defect
    init(_ defect: Defect) { self.defect = defect }

    enum Keys: String, CodingKey { case id, delivery, title, description, found_at, recorded_at, recorded_by }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(defect.id, forKey: .id)
        try c.encode(defect.deliveryId, forKey: .delivery)
        try c.encode(defect.title, forKey: .title)
        try c.encode(defect.description, forKey: .description)
        try c.encode(BeijingTime.iso(defect.foundAt), forKey: .found_at)
        try c.encode(BeijingTime.iso(defect.recordedAt), forKey: .recorded_at)
        try c.encode(defect.recordedBy, forKey: .recorded_by)
    }
}

/// What a task or change has beyond the item, for `--json` (merged into the item's object):
/// `source` and `derived` for both, `erroneous` for a task, `change` for a change.
struct ServiceJSON: Encodable {
    let kind: ItemKind
    let links: ItemLinks
    let error: TaskError?
    let change: ChangeDetail?

    enum Keys: String, CodingKey { case source, derived, erroneous, change }
    enum ErrorKeys: String, CodingKey { case at, actor, note }
    enum ChangeKeys: String, CodingKey { case type, stage, effective_on, signed_by, signed_at, delivery, test_rounds }
    enum RoundKeys: String, CodingKey { case number, at, actor, result, note }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(links.source, forKey: .source)
        try c.encode(links.derived, forKey: .derived)
        if kind == .task {
            if let error {
                var e = c.nestedContainer(keyedBy: ErrorKeys.self, forKey: .erroneous)
                try e.encode(BeijingTime.iso(error.at), forKey: .at)
                try e.encode(error.actor, forKey: .actor)
                try e.encode(error.note, forKey: .note)
            } else {
                try c.encodeNil(forKey: .erroneous)
            }
        }
        if let change {
            var d = c.nestedContainer(keyedBy: ChangeKeys.self, forKey: .change)
            try d.encode(change.type.rawValue, forKey: .type)
            try d.encode(change.stage.rawValue, forKey: .stage)
            try d.encode(change.effective?.description, forKey: .effective_on)
            try d.encode(change.signedBy, forKey: .signed_by)
            try d.encode(change.signedAt.map(BeijingTime.iso), forKey: .signed_at)
            try d.encode(change.deliveryId, forKey: .delivery)
            var rounds = d.nestedUnkeyedContainer(forKey: .test_rounds)
            for round in change.rounds {
                var r = rounds.nestedContainer(keyedBy: RoundKeys.self)
                try r.encode(round.number, forKey: .number)
                try r.encode(BeijingTime.iso(round.at), forKey: .at)
                try r.encode(round.actor, forKey: .actor)
                try r.encode(round.result.rawValue, forKey: .result)
                try r.encode(round.note, forKey: .note)
            }
        }
    }
}
