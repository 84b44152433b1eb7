import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias TrainHelp = Catalog.Help.Reports.Train

extension TrainingType: ExpressibleByArgument {}
extension TrainingStep: ExpressibleByArgument {}

/// `train …`: training sessions (培训) with their seven steps, attendees, scores and materials.
struct TrainCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "train",
        abstract: HelpDesk.say(TrainHelp.abstract),
        subcommands: [Add.self, Step.self, Attend.self, Score.self, AttendeeEdit.self, Material.self, List.self, Show.self]) }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(TrainHelp.addAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.type))) var type: TrainingType
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.topic))) var topic: String
        @Option(name: .customLong("at-place"), help: ArgumentHelp(HelpDesk.say(TrainHelp.place), valueName: "place")) var place: String
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.trainer), valueName: "name")) var trainer: String
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.on), valueName: "date")) var on: DateArgument
        @OptionGroup var when: WhenOption<Happened.Recorded>
        func validate() throws { try DateArgument.validate(on, option: "--on") }
        func run() throws {
            let env = try Environment(global)
            let day = try on.value(option: "--on")
            let item = try env.database.addTraining(NewTraining(type: type, topic: topic, place: place, trainer: trainer, heldOn: day),
                                                    at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    struct Step: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "step", 
            abstract: HelpDesk.say(TrainHelp.stepAbstract),
            discussion: HelpDesk.say(TrainHelp.stepDiscussion)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.id))) var id: Int64
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.step), valueName: "step")) var step: TrainingStep
        @OptionGroup var when: WhenOption<Happened.Done>
        func run() throws {
            let env = try Environment(global)
            try env.database.markTrainingStep(id, step, at: try when.instant(env), env.context)
            let done = try env.database.trainingDetail(id).stepsDone
            print("#\(id) \(step.label(env.language)) ✓ (\(done)/\(TrainingStep.allCases.count))")
        }
    }

    struct Attend: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "attend", abstract: HelpDesk.say(TrainHelp.attendAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.name))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.office))) var office: String
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.region), valueName: "region")) var region: Region
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(TrainHelp.score), valueName: "n")) var score: String?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let attendee = try env.database.addAttendee(id, name: name, office: office, region: region, score: try score.map(TrainCommand.score),
                                                        at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(attendee.name))")
        }
    }

    struct Score: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "score", abstract: HelpDesk.say(TrainHelp.scoreAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.recordedName))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.officeOfAttendee))) var office: String?
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(TrainHelp.score), valueName: "n")) var score: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let attendee = try env.database.setScore(id, name: name, office: office, score: try TrainCommand.score(score),
                                                     at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(attendee.name)) \(attendee.score.map(String.init) ?? "")")
        }
    }

    /// `train attendee-edit 7 --name 才让 --office 玉树州社保局 --new-office 囊谦县社保局`: corrects an
    /// attendee's name, office, region or score.
    struct AttendeeEdit: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(
            commandName: "attendee-edit", abstract: HelpDesk.say(Catalog.TrainingsAfter.attendeeEditAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.recordedName))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.officeOfAttendee))) var office: String?
        @Option(name: .customLong("new-name"), help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.newName), valueName: "name"))
        var newName: String?
        @Option(name: .customLong("new-office"), help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.newOffice), valueName: "office"))
        var newOffice: String?
        @Option(name: .customLong("new-region"), help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.newRegion), valueName: "region"))
        var newRegion: Region?
        @Option(name: .customLong("new-score"), parsing: .unconditional,
                help: ArgumentHelp(HelpDesk.say(Catalog.TrainingsAfter.newScore), valueName: "n"))
        var newScore: String?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let correction = AttendeeCorrection(name: newName, office: newOffice, region: newRegion, score: try newScore.map(TrainCommand.score))
            let attendee = try env.database.editAttendee(id, name: name, office: office, correction, at: try when.instant(env), env.context)
            print(Catalog.TrainingsAfter.corrected(id, name: TerminalText.sanitize(attendee.name),
                                                   office: TerminalText.sanitize(attendee.office))(env.language))
        }
    }

    struct Material: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "material", abstract: HelpDesk.say(TrainHelp.materialAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.id))) var id: Int64
        @Argument(help: ArgumentHelp(HelpDesk.say(TrainHelp.location), valueName: "path-or-url")) var location: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let material = try env.database.addMaterial(id, location: location, at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(material.location))")
        }
    }

    typealias List = ListSubcommand<TrainCommand>
    typealias Show = ShowSubcommand<TrainCommand>

    /// A score typed on the command line: a whole number from 0 to 100.
    static func score(_ text: String) throws -> Int {
        do {
            return try TrainingRules.score(text)
        } catch {
            throw UsageError(error.said)
        }
    }

    /// The list for people: number, audience, day, topic, place, trainer, steps done, attendance, average.
    static func table(_ records: [TrainingRecord], _ lang: Language) -> String {
        var table = TextTable(headers: Catalog.Reports.Training.listHeaders.map { $0(lang) })
        table.rows = records.map { r in
            let d = r.detail
            return ["\(r.item.id ?? 0)", d.type.label(lang), d.heldOn.description, r.item.title, d.place, d.trainer,
                    "\(d.stepsDone)/\(TrainingStep.allCases.count)", "\(d.attendees.count)", TrainingRules.averageText(d.averageScore)]
        }
        return table.render()
    }

    /// `train show` for people: the session, its steps, attendees, materials and history.
    static func printShow(_ item: WorkItem, _ d: TrainingDetail, _ history: [HistoryEntry], _ lang: Language) {
        typealias Said = Catalog.Reports.Training
        let t = Strings(lang)
        let clean = { (s: String) in TerminalText.sanitize(s) }
        let lines: [(String, String)] = [
            (t(.id), "#\(item.id ?? 0)"),
            (Said.audience(lang), d.type.label(lang)),
            (Said.topic(lang), clean(item.title)),
            (Said.heldOn(lang), d.heldOn.description),
            (Said.place(lang), clean(d.place)),
            (Said.trainer(lang), clean(d.trainer)),
            (Said.stepsDone(lang), "\(d.stepsDone)/\(TrainingStep.allCases.count)"),
            (Said.attended(lang), "\(d.attendees.count)"),
            (Said.averageScore(lang), TrainingRules.averageText(d.averageScore)),
            (t(.version), "\(item.version)"),
        ]
        let width = lines.map { TerminalText.width($0.0) }.max() ?? 0
        for (k, v) in lines { print("\(TerminalText.fit(k, width))  \(v)") }

        print("\n\(Said.steps(lang)):")
        var steps = TextTable(headers: Said.stepHeaders.map { $0(lang) })
        steps.rows = d.steps.map { s in
            ["\(s.step.number)", s.step.label(lang), (s.isDone ? Said.done : Said.pending)(lang),
             s.doneAt.map(BeijingTime.short) ?? "", s.doneBy ?? ""]
        }
        print(steps.render())

        print("\n\(Said.attendees(lang)):")
        if d.attendees.isEmpty { print("  \(Said.none(lang))") } else {
            var table = TextTable(headers: Said.attendeeHeaders.map { $0(lang) })
            table.rows = d.attendees.map { [$0.name, $0.office, $0.region.label(lang), $0.score.map(String.init) ?? "—"] }
            print(table.render())
        }

        print("\n\(Said.materials(lang)):")
        if d.materials.isEmpty { print("  \(Said.none(lang))") }
        for m in d.materials { print("  \(clean(m.location))  \(BeijingTime.short(m.addedAt))  \(m.addedBy)") }

        printHistory(history, of: item.kind, lang)
    }
}

extension TrainCommand: Listed, Shown {
    static var listAbstract: String { HelpDesk.say(TrainHelp.listAbstract) }
    static var showAbstract: String { HelpDesk.say(TrainHelp.showAbstract) }
    static var idHelp: String { HelpDesk.say(TrainHelp.id) }

    struct Query: ListQuery {
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.onlyType))) var type: TrainingType?
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.onlyMonth), valueName: "YYYY-MM")) var month: MonthArgument?
        @Option(help: ArgumentHelp(HelpDesk.say(TrainHelp.search), valueName: "text")) var search: String?
        @OptionGroup var most: LimitOption
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(TrainHelp.offset))) var offset = 0
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(TrainHelp.after), valueName: "id")) var after: Int64?
        func validate() throws {
            try MonthArgument.validate(month, option: "--month")
            try NumberArguments.paging(offset: offset, after: after)
        }
        func list(in env: Environment) throws {
            var filter = TrainingFilter(type: type, text: search, limit: most.count, offset: offset, after: after)
            if case let .month(y, m)? = try month?.value(option: "--month") { filter.month = (y, m) }
            let page = try env.database.trainings(filter)
            if env.json {
                try JSONOutput.print(TrainingPageJSON(total: page.total, offset: offset, nextAfter: page.nextAfter,
                                                      items: page.trainings.map { TrainingJSON(record: $0) }))
                return
            }
            print(TrainCommand.table(page.trainings, env.language))
            let t = Strings(env.language)
            if page.trainings.isEmpty {
                Output.standardError("\(t(.noItems))\n")
            } else if page.trainings.count < page.total {
                let first = after == nil ? "\(offset + 1)–\(offset + page.trainings.count)" : "\(page.trainings.count)"
                Output.standardError("\(t(.showing)) \(first) \(t(.of)) \(page.total)\n")
            }
        }
    }

    static func show(_ id: Int64, _ env: Environment) throws {
        let detail = try env.database.trainingDetail(id)
        let (item, history) = try env.database.itemWithHistory(id)
        if env.json {
            var json = TrainingJSON(record: TrainingRecord(item: item, detail: detail))
            json.history = history.map { ItemJSON.Entry(e: $0, language: env.language) }
            try JSONOutput.print(json)
            return
        }
        TrainCommand.printShow(item, detail, history, env.language)
    }
}

/// A page of trainings for `train list --json`: `{"total", "offset", "next_after", "items"}`.
struct TrainingPageJSON: Encodable {
    let total: Int
    let offset: Int
    @Nullable var nextAfter: Int64?
    let items: [TrainingJSON]

    enum CodingKeys: String, CodingKey { case total, offset, nextAfter = "next_after", items }
}

/// A training for `--json`: `{"id", "type", "type_name", "topic", "place", "trainer", "held_on",
/// "steps": [{"step", "name", "done", "done_at", "done_by"}], "steps_done", "attendees": [{"name",
/// "office", "region", "region_name", "score"}], "attendance", "average_score", "materials":
/// [{"location", "link", "added_at", "added_by"}], "recorded_at", "version"}`, and `history` from
/// `train show`. Absent values are `null`.
struct TrainingJSON: Encodable {
    let record: TrainingRecord
    var history: [ItemJSON.Entry]?

    enum Keys: String, CodingKey {
        case id, type, type_name, topic, place, trainer, held_on, steps, steps_done, attendees, attendance, average_score
        case materials, recorded_at, version, history
    }
    enum StepKeys: String, CodingKey { case step, name, done, done_at, done_by }
    enum AttendeeKeys: String, CodingKey { case name, office, region, region_name, score }
    enum MaterialKeys: String, CodingKey { case location, link, added_at, added_by }

    func encode(to encoder: Encoder) throws {
        let (item, d) = (record.item, record.detail)
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(item.id, forKey: .id)
        try c.encode(d.type.rawValue, forKey: .type)
        try c.encode(d.type.chineseName, forKey: .type_name)
        try c.encode(item.title, forKey: .topic)
        try c.encode(d.place, forKey: .place)
        try c.encode(d.trainer, forKey: .trainer)
        try c.encode(d.heldOn.description, forKey: .held_on)
        var steps = c.nestedUnkeyedContainer(forKey: .steps)
        for s in d.steps {
            var e = steps.nestedContainer(keyedBy: StepKeys.self)
            try e.encode(s.step.rawValue, forKey: .step)
            try e.encode(s.step.chineseName, forKey: .name)
            try e.encode(s.isDone, forKey: .done)
            try e.encode(s.doneAt.map(BeijingTime.iso), forKey: .done_at)
            try e.encode(s.doneBy, forKey: .done_by)
        }
        try c.encode(d.stepsDone, forKey: .steps_done)
        var attendees = c.nestedUnkeyedContainer(forKey: .attendees)
        for a in d.attendees {
            var e = attendees.nestedContainer(keyedBy: AttendeeKeys.self)
            try e.encode(a.name, forKey: .name)
            try e.encode(a.office, forKey: .office)
            try e.encode(a.region.rawValue, forKey: .region)
            try e.encode(a.region.chineseName, forKey: .region_name)
            try e.encode(a.score, forKey: .score)
        }
        try c.encode(d.attendees.count, forKey: .attendance)
        try c.encode(d.averageScore, forKey: .average_score)
        var materials = c.nestedUnkeyedContainer(forKey: .materials)
        for m in d.materials {
            var e = materials.nestedContainer(keyedBy: MaterialKeys.self)
            try e.encode(m.location, forKey: .location)
            try e.encode(m.isLink, forKey: .link)
            try e.encode(BeijingTime.iso(m.addedAt), forKey: .added_at)
            try e.encode(m.addedBy, forKey: .added_by)
        }
        try c.encode(BeijingTime.iso(item.receivedAt), forKey: .recorded_at)
        try c.encode(item.version, forKey: .version)
        if let history { try c.encode(history, forKey: .history) }
    }
}
