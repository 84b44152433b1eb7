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
    static let configuration = CommandConfiguration(
        commandName: "task", abstract: "Data-processing tasks: data fixes, corrections and statistics jobs with a due time.",
        subcommands: [Add.self, List.self, Show.self, Complete.self, Error.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Take in a data-processing task; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "A short title.") var title: String
        @Option(help: ArgumentHelp("When it is due: a time, or a date meaning close of business.", valueName: "time|date")) var due: String
        @Option(parsing: .unconditional, help: ArgumentHelp("The CASE ticket it comes from (linked both ways).", valueName: "id")) var `case`: Int64?
        func validate() throws { try NumberArguments.id(`case`, option: "--case") }
        @Option(help: ArgumentHelp("Who does it (a staff user name).", valueName: "user")) var assignee: String?
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.TakenIn>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.addTask(NewTask(title: title, description: try details.text(), due: try env.due(due),
                                                        assignee: assignee, fromCase: `case`),
                                                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<TaskCommand>
    typealias Show = ShowSubcommand<TaskCommand>

    struct Complete: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "complete", abstract: "Complete a task; root cause and solution are both required.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task's number.") var id: Int64
        @OptionGroup var closing: ClosingOptions
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let item = try env.database.completeTask(id, cause: closing.cause, solution: closing.solution, at: try when.instant(env), env.context)
            print(statusLine(id, item, env))
        }
    }

    struct Error: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "error", abstract: "Mark a completed task as found erroneous (who, when, why); it stays completed.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The task's number.") var id: Int64
        @Option(help: "What was wrong.") var note: String
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
        ItemListing(listAbstract: "Data-processing tasks, most urgent first.",
                    showAbstract: "One task with its history.",
                    idHelp: "The task's number.", kinds: [.task], layout: .tasks, noun: .aTask)
    }
}

/// `change …`: change requests (软件升级) and their way to production.
struct ChangeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "change", abstract: "Change requests: research → confirmed → development → internal test → user test → released.",
        subcommands: [Add.self, List.self, Show.self, Advance.self, Test.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Take in a change request; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "policy (政策调整), optimisation (系统功能优化), bugfix (系统BUG优化) or requirement (新增需求).") var type: ChangeType
        @Option(help: "A short title.") var title: String
        @Option(help: ArgumentHelp("The agreed due date: a time, or a date meaning close of business (with --from-case: the ticket's agreed date by default).",
                                   valueName: "time|date")) var due: String?
        @Option(help: ArgumentHelp("A policy adjustment's effective date.", valueName: "date")) var effective: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("The requirement CASE ticket it turns into a change (linked both ways).", valueName: "id")) var fromCase: Int64?
        func validate() throws { try NumberArguments.id(fromCase, option: "--from-case") }
        @OptionGroup var details: DescriptionOptions
        @OptionGroup var when: WhenOption<Happened.TakenIn>
        func run() throws {
            let env = try Environment(global)
            let effectiveDate = try effective.map { text in
                do throws(TimeParseError) { return try TimeInput.parseDate(text) } catch {
                    throw UsageError(Catalog.Commands.option("--effective", error.localized))
                }
            }
            let item = try env.database.addChange(
                NewChange(type: type, title: title, description: try details.text(), due: try due.map { try env.due($0) },
                          effective: effectiveDate, fromCase: fromCase),
                at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    typealias List = ListSubcommand<ChangeCommand>
    typealias Show = ShowSubcommand<ChangeCommand>

    struct Advance: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "advance", 
            abstract: "Move a change to its next stage; releasing records a delivery and prints its number.",
            discussion: """
                research → confirmed needs --signed-by; internal test → user test needs a passing latest round \
                (change test); user test → released needs --cause and --solution, and goes out in a new delivery \
                (--label) or one already made (--delivery). A policy adjustment released after the day it took \
                effect opens a task to reprocess the business handled since then.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The change's number.") var id: Int64
        @Option(help: "Who signed the confirmed requirement (to confirmed).") var signedBy: String?
        @Option(help: "Root-cause analysis: why the change was needed (to released).") var cause: String?
        @Option(help: "Solution description: what was released (to released).") var solution: String?
        @Option(help: "The new delivery's label, e.g. V3.2.1 (to released; default: the date and the change).") var label: String?
        @Option(parsing: .unconditional, help: ArgumentHelp("Release in this delivery, already made, rather than a new one.", valueName: "id")) var delivery: Int64?
        func validate() throws { try NumberArguments.id(delivery, option: "--delivery") }
        @Option(help: ArgumentHelp("The stage it moves to (required): confirmed, development, internal-test, user-test or released. Two people moving one change at once move it once.",
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
        static let configuration = CommandConfiguration(commandName: "test", abstract: "Record an internal test round of a change in internal test.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The change's number.") var id: Int64
        @Option(help: "pass or fail.") var result: TestResult
        @Option(help: "What was tested and found.") var note: String
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
        ItemListing(listAbstract: "Change requests, most urgent first, with their stage.",
                    showAbstract: "One change request with its stage, test rounds, delivery and history.",
                    idHelp: "The change's number.", kinds: [.change], layout: .changes, noun: .aChangeRequest)
    }
}

/// `delivery …`: releases to production (软件交付).
struct DeliveryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "delivery", abstract: "Deliveries: releases to production, the changes they carried and their defects.",
        subcommands: [List.self, Show.self])

    typealias List = ListSubcommand<DeliveryCommand>
    typealias Show = ShowSubcommand<DeliveryCommand>
}

extension DeliveryCommand: Listed, Shown {
    static var listAbstract: String { "Deliveries, latest first." }
    static var showAbstract: String { "One delivery: the changes it carried and the defects found in it." }
    static var idHelp: String { "The delivery's number." }

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
    static let configuration = CommandConfiguration(
        commandName: "defect", abstract: "Defects found in a delivery; one found within 30 days makes the delivery erroneous.",
        subcommands: [Add.self, List.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a defect found in a delivery; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(parsing: .unconditional, help: ArgumentHelp("The delivery it was found in.", valueName: "id")) var delivery: Int64
        func validate() throws { try NumberArguments.id(delivery, option: "--delivery") }
        @Option(help: "A short title.") var title: String
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
    static var listAbstract: String { "Defects, latest found first." }

    struct Query: ListQuery {
        @Option(parsing: .unconditional, help: ArgumentHelp("Only those of this delivery.", valueName: "id")) var delivery: Int64?
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
