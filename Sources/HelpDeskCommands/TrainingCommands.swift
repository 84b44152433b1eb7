import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension TrainingType: ExpressibleByArgument {}
extension TrainingStep: ExpressibleByArgument {}

/// `train …`: training sessions (培训) with their seven steps, attendees, scores and materials.
struct TrainCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Training sessions: content → plan → materials → delivery → exam → Q&A → upload, attendees and their exam scores.",
        subcommands: [Add.self, Step.self, Attend.self, Score.self, Material.self, List.self, Show.self])

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Record a training session, its seven steps pending; prints its number.")
        @OptionGroup var global: GlobalOptions
        @Option(help: "Who it is for: admin (行政管理人员), operator (业务经办人员) or sysadmin (系统管理员).") var type: TrainingType
        @Option(help: "What it teaches.") var topic: String
        @Option(name: .customLong("at-place"), help: ArgumentHelp("Where it is held.", valueName: "place")) var place: String
        @Option(help: ArgumentHelp("Who teaches it.", valueName: "name")) var trainer: String
        @Option(help: ArgumentHelp("The day it is (or was) held.", valueName: "date")) var on: String
        @OptionGroup var when: WhenOption<Happened.Recorded>
        func run() throws {
            let env = try Environment(global)
            let day = try TrainCommand.date(on, option: "--on")
            let item = try env.database.addTraining(NewTraining(type: type, topic: topic, place: place, trainer: trainer, heldOn: day),
                                                    at: try when.instant(env), env.context)
            print(item.id!)
        }
    }

    struct Step: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "step", 
            abstract: "Mark a step of a training done.",
            discussion: """
                The steps, in the order they are done: content (培训内容确定), plan (培训计划), materials \
                (培训资料准备), delivery (培训实施, not before the day it is held), exam (考试), qa (答疑), upload \
                (资料上传). Each is done once, after the one before it.
                """)
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The training's number.") var id: Int64
        @Argument(help: ArgumentHelp("content, plan, materials, delivery, exam, qa or upload.", valueName: "step")) var step: TrainingStep
        @OptionGroup var when: WhenOption<Happened.Done>
        func run() throws {
            let env = try Environment(global)
            try env.database.markTrainingStep(id, step, at: try when.instant(env), env.context)
            let done = try env.database.trainingDetail(id).stepsDone
            print("#\(id) \(step.label(env.language)) ✓ (\(done)/\(TrainingStep.allCases.count))")
        }
    }

    struct Attend: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "attend", abstract: "Record an attendee of a training, with the exam score when known.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The training's number.") var id: Int64
        @Option(help: "The attendee's name (once a session).") var name: String
        @Option(help: "The office they work at.") var office: String
        @Option(help: ArgumentHelp("Their region: Chinese name (西宁市) or pinyin (xining).", valueName: "region")) var region: Region
        @Option(parsing: .unconditional, help: ArgumentHelp("The exam score, a whole number from 0 to 100.", valueName: "n")) var score: String?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let attendee = try env.database.addAttendee(id, name: name, office: office, region: region, score: try score.map(TrainCommand.score),
                                                        at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(attendee.name))")
        }
    }

    struct Score: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "score", abstract: "Record or correct an attendee's exam score.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The training's number.") var id: Int64
        @Option(help: "The attendee's name, as recorded.") var name: String
        @Option(parsing: .unconditional, help: ArgumentHelp("The exam score, a whole number from 0 to 100.", valueName: "n")) var score: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let attendee = try env.database.setScore(id, name: name, score: try TrainCommand.score(score), at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(attendee.name)) \(attendee.score.map(String.init) ?? "")")
        }
    }

    struct Material: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "material", abstract: "Record a material of a training: a file path or a link.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The training's number.") var id: Int64
        @Argument(help: ArgumentHelp("A file path or an http(s):// link.", valueName: "path-or-url")) var location: String
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let material = try env.database.addMaterial(id, location: location, at: try when.instant(env), env.context)
            print("#\(id) \(TerminalText.sanitize(material.location))")
        }
    }

    typealias List = ListSubcommand<TrainCommand>
    typealias Show = ShowSubcommand<TrainCommand>

    /// A date given as `YYYY-MM-DD`.
    static func date(_ text: String, option: String) throws -> CivilDate {
        do { return try TimeInput.parseDate(text) } catch {
            throw UsageError(en: "\(option): \(error.text(.en))", zh: "\(option)：\(error.text(.zh))")
        }
    }

    /// A score typed on the command line: a whole number from 0 to 100.
    static func score(_ text: String) throws -> Int {
        do {
            return try TrainingRules.score(text)
        } catch {
            throw UsageError(en: error.text(.en), zh: error.text(.zh))
        }
    }

    /// The list for people: number, audience, day, topic, place, trainer, steps done, attendance, average.
    static func table(_ records: [TrainingRecord], _ lang: Language) -> String {
        let zh = lang == .zh
        var table = TextTable(headers: zh ? ["编号", "对象", "日期", "主题", "地点", "讲师", "步骤", "人数", "平均分"]
                                          : ["id", "for", "held on", "topic", "place", "trainer", "steps", "attended", "average"])
        table.rows = records.map { r in
            let d = r.detail
            return ["\(r.item.id ?? 0)", d.type.label(lang), d.heldOn.description, r.item.title, d.place, d.trainer,
                    "\(d.stepsDone)/\(TrainingStep.allCases.count)", "\(d.attendees.count)", TrainingRules.averageText(d.averageScore)]
        }
        return table.render()
    }

    /// `train show` for people: the session, its steps, attendees, materials and history.
    static func printShow(_ item: WorkItem, _ d: TrainingDetail, _ history: [HistoryEntry], _ lang: Language) {
        let zh = lang == .zh, t = Strings(lang)
        let clean = { (s: String) in TerminalText.sanitize(s) }
        let lines: [(String, String)] = [
            (t(.id), "#\(item.id ?? 0)"),
            (zh ? "培训对象" : "for", d.type.label(lang)),
            (zh ? "主题" : "topic", clean(item.title)),
            (zh ? "日期" : "held on", d.heldOn.description),
            (zh ? "地点" : "place", clean(d.place)),
            (zh ? "讲师" : "trainer", clean(d.trainer)),
            (zh ? "进度" : "steps done", "\(d.stepsDone)/\(TrainingStep.allCases.count)"),
            (zh ? "参训人数" : "attended", "\(d.attendees.count)"),
            (zh ? "平均分" : "average score", TrainingRules.averageText(d.averageScore)),
            (t(.version), "\(item.version)"),
        ]
        let width = lines.map { TerminalText.width($0.0) }.max() ?? 0
        for (k, v) in lines { print("\(TerminalText.fit(k, width))  \(v)") }

        print("\n\(zh ? "培训步骤" : "Steps"):")
        var steps = TextTable(headers: zh ? ["序号", "步骤", "状态", "时间", "操作人"] : ["#", "step", "state", "done at", "by"])
        steps.rows = d.steps.map { s in
            ["\(s.step.number)", s.step.label(lang), s.isDone ? (zh ? "已完成" : "done") : (zh ? "待完成" : "pending"),
             s.doneAt.map(BeijingTime.short) ?? "", s.doneBy ?? ""]
        }
        print(steps.render())

        print("\n\(zh ? "学员" : "Attendees"):")
        if d.attendees.isEmpty { print(zh ? "  （无）" : "  (none)") } else {
            var table = TextTable(headers: zh ? ["姓名", "单位", "地区", "成绩"] : ["name", "office", "region", "score"])
            table.rows = d.attendees.map { [$0.name, $0.office, $0.region.label(lang), $0.score.map(String.init) ?? "—"] }
            print(table.render())
        }

        print("\n\(zh ? "培训资料" : "Materials"):")
        if d.materials.isEmpty { print(zh ? "  （无）" : "  (none)") }
        for m in d.materials { print("  \(clean(m.location))  \(BeijingTime.short(m.addedAt))  \(m.addedBy)") }

        printHistory(history, of: item.kind, lang)
    }
}

extension TrainCommand: Listed, Shown {
    static var listAbstract: String { "Training sessions, latest held first." }
    static var showAbstract: String { "One training: its steps, attendees with scores, the average, materials and history." }
    static var idHelp: String { "The training's number." }

    struct Query: ListQuery {
        @Option(help: "Only those for admin, operator or sysadmin.") var type: TrainingType?
        @Option(help: ArgumentHelp("Only those held in this month, e.g. 2021-12.", valueName: "YYYY-MM")) var month: String?
        @Option(help: ArgumentHelp("Only those whose topic, place or trainer contains this text.", valueName: "text")) var search: String?
        @OptionGroup var most: LimitOption
        @Option(parsing: .unconditional, help: "Skip this many first, for paging.") var offset = 0
        @Option(parsing: .unconditional, help: ArgumentHelp("Start after this training in the list's order (the JSON gives next_after).", valueName: "id")) var after: Int64?
        func validate() throws { try NumberArguments.paging(offset: offset, after: after) }
        func list(in env: Environment) throws {
            var filter = TrainingFilter(type: type, text: search, limit: most.count, offset: offset, after: after)
            if let month {
                let p: Period
                do { p = try TimeInput.parseMonth(month) } catch {
                    throw UsageError(en: "--month: \(error.text(.en))", zh: "--month：\(error.text(.zh))")
                }
                if case let .month(y, m) = p { filter.month = (y, m) }
            }
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
