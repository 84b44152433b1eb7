import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension InspectionKind: ExpressibleByArgument {}
extension InventoryKind: ExpressibleByArgument {}

/// `inspect …`: inspections (巡检) of the database, the application servers and business use.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Inspections: import a monitoring script's file or enter one by hand, list, show, report.",
        discussion: """
            A reading over its threshold opens a level-2 fault (tablespace, services down behind one \
            address) or a data-processing task (long locks, CPU, disk, archive logs not cleaned), unless \
            an item opened for the same check and target is still open: the reading is linked to it.
            """,
        subcommands: [Import.self, Add.self, List.self, Show.self, Report.self])

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "import", 
            abstract: "Record an inspection from a monitoring script's JSON file (- for standard input); prints its number.",
            discussion: "Stored whole or not at all; a bad file is refused naming the reading's index and field.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The JSON file, or - for standard input.", valueName: "file")) var file: String
        func run() throws {
            let data = try InspectCommand.read(file)
            let new: NewInspection
            do { new = try InspectionFile.parse(data) } catch {
                throw UsageError(en: "\(file): inspection refused, nothing was stored: \(error.text(.en))",
                                 zh: "\(file)：巡检未导入，未作任何改动：\(error.text(.zh))")
            }
            let env = try Environment(global)
            try InspectCommand.record(new, source: .imported, env)
        }
    }

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", 
            abstract: "Enter an inspection by hand; prints its number.",
            discussion: """
                Each --reading is CHECK TARGET VALUE in one argument, e.g. --reading "tablespace YLBX_DATA 93.5" \
                or --reading "visit 玉树州 反映测算慢" (the rest of the line is the value).
                """)
        @OptionGroup var global: GlobalOptions
        @Option(help: "database, application or business.") var kind: InspectionKind
        @Option(help: "Who inspected (default: the operator's name on the staff list).") var inspector: String?
        @Option(help: ArgumentHelp("A reading: CHECK TARGET VALUE (repeat for each).", valueName: "reading")) var reading: [String] = []
        @OptionGroup var when: WhenOption<Happened.Made>
        func run() throws {
            var readings: [InspectionReading] = []
            do throws(InspectionInputError) {
                for (i, text) in reading.enumerated() { readings.append(try InspectCommand.parseReading(text, index: i)) }
            } catch {
                throw UsageError(en: "inspection refused, nothing was stored: \(error.text(.en).replacingOccurrences(of: "readings[", with: "--reading["))",
                                 zh: "巡检未登记，未作任何改动：\(error.text(.zh).replacingOccurrences(of: "readings[", with: "--reading["))")
            }
            let env = try Environment(global)
            let staffName = try env.database.allStaff().first { $0.username == env.context.actor }?.name
            let who = inspector ?? staffName ?? env.context.actor
            let new = NewInspection(at: try when.instant(env), inspector: who, kind: kind, readings: readings)
            do { try InspectionRules.validate(new) } catch {
                throw UsageError(en: "inspection refused, nothing was stored: \(error.text(.en).replacingOccurrences(of: "readings[", with: "--reading["))",
                                 zh: "巡检未登记，未作任何改动：\(error.text(.zh).replacingOccurrences(of: "readings[", with: "--reading["))")
            }
            try InspectCommand.record(new, source: .manual, env)
        }
    }

    typealias List = ListSubcommand<InspectCommand>
    typealias Show = ShowSubcommand<InspectCommand>

    struct Report: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "report", abstract: "One inspection's report on standard output: Markdown, or a standalone HTML page that prints on A4.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: "The inspection's number.") var id: Int64
        @Option(help: ArgumentHelp("md (Markdown) or html (a standalone page that prints on A4).", valueName: "format")) var format: String?
        func run() throws {
            let accepted = "md, html"
            guard let format else { throw UsageError(en: "name the format: --format \(accepted)", zh: "请指明格式：--format \(accepted)") }
            guard ["md", "html"].contains(format.lowercased()) else {
                throw UsageError(en: "--format: '\(format)' is not a report format; accepted: \(accepted)",
                                 zh: "--format：'\(format)' 不是报告格式；可接受：\(accepted)")
            }
            let env = try Environment(global)
            let record = try env.database.inspection(id)
            let text = format.lowercased() == "md" ? InspectionReportRendering.markdown(record, env.language, generated: env.now)
                : InspectionReportRendering.html(record, env.language, generated: env.now)
            Output.standardOutput(text)
        }
    }

    // MARK: Shared

    /// The file's bytes, or standard input's for `-`.
    static func read(_ file: String) throws -> Data {
        if file == "-" { return FileHandle.standardInput.readDataToEndOfFile() }
        return try InputFile.data(file, expected: (en: "the JSON file a monitoring script wrote, or - for standard input",
                                                   zh: "监控脚本写的 JSON 文件，或用 - 表示标准输入"))
    }

    /// `name` as one word for a POSIX shell: as it is when the shell reads it so, else in single quotes.
    static func shellWord(_ name: String) -> String {
        let plain = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.:@%+,/-")
        if !name.isEmpty, name.allSatisfy(plain.contains) { return name }
        return "'" + name.replacingOccurrences(of: "'", with: #"'\''"#) + "'"
    }

    /// `CHECK TARGET VALUE` as one argument: refusals name it `--reading[i]`.
    static func parseReading(_ text: String, index: Int) throws(InspectionInputError) -> InspectionReading {
        try InspectionRules.parseLine(text, index: index)
    }

    /// Records the inspection, prints its number alone, and says on standard error what it opened,
    /// linked and flagged.
    static func record(_ new: NewInspection, source: InspectionSource, _ env: Environment) throws {
        let outcome = try env.database.recordInspection(new, source: source, env.context)
        print(outcome.id)
        let zh = env.language == .zh
        var notes: [String] = []
        for (index, target) in outcome.unknownTargets {
            let check = new.readings[index].check
            let kinds = check.targetKinds.first?.rawValue ?? ""
            let name = check == .disk ? String(target.prefix { $0 != ":" }) : target
            if AppDatabase.isInventoryName(name) {
                // The command as typed at a shell prompt: the name quoted when the shell would split or read it.
                // A name starting with - follows --, or it would be read as an option.
                let word = name.trimmingCharacters(in: .whitespaces)
                let command = "helpdesk inventory add \(kinds) \(word.hasPrefix("-") ? "-- " : "")\(Self.shellWord(word))"
                notes.append(zh ? "注意：readings[\(index)].target \"\(target)\" 不在设备清单中，已照常记录（主管可用 \(command) 加入）"
                                : "note: readings[\(index)].target \"\(target)\" is not in the inventory; recorded all the same (a supervisor adds it with \(command))")
            } else {
                notes.append(zh ? "注意：readings[\(index)].target \"\(target)\" 不在设备清单中，已照常记录；该名称不能加入清单（清单名称不含空格或控制字符），请核对监控脚本所写的名称"
                                : "note: readings[\(index)].target \"\(target)\" is not in the inventory; recorded all the same. The inventory takes no such name (no spaces or control characters): check the name the monitoring script writes")
            }
        }
        if !outcome.opened.isEmpty {
            let ids = outcome.opened.map { "#\($0)" }.joined(separator: " ")
            notes.append(zh ? "超出阈值，已开立：\(ids)" : "over threshold, opened: \(ids)")
        }
        if !outcome.linked.isEmpty {
            let ids = outcome.linked.map { "#\($0)" }.joined(separator: " ")
            notes.append(zh ? "超出阈值，已关联到未关闭的工单：\(ids)" : "over threshold, linked to items still open: \(ids)")
        }
        for note in notes { Output.standardError("\(note)\n") }
    }
}

extension InspectCommand: Listed, Shown {
    static var listAbstract: String { "Inspections, latest first." }
    static var showAbstract: String { "One inspection: its readings, those over threshold, the items opened or linked." }
    static var idHelp: String { "The inspection's number." }

    struct Query: ListQuery {
        @Option(help: "Only this kind: database, application or business.") var kind: InspectionKind?
        @OptionGroup var most: LimitOption
        func list(in env: Environment) throws {
            let list = try env.database.inspections(kind: kind, limit: most.count)
            if env.json {
                try JSONOutput.print(list.map(InspectionSummaryJSON.init))
                return
            }
            let zh = env.language == .zh
            var table = TextTable(headers: zh ? ["编号", "时间", "类别", "巡检人", "读数", "超阈值", "开立", "关联", "不在清单"]
                                      : ["id", "at", "kind", "inspector", "readings", "over", "opened", "linked", "unknown"])
            table.rows = list.map { s in
                ["\(s.id)", BeijingTime.short(s.at), s.kind.label(env.language), s.inspector, "\(s.readings)", "\(s.over)", "\(s.opened)",
                 "\(s.linked)", s.unknown == 0 ? "" : "\(s.unknown)"]
            }
            print(table.render())
            let total = try env.database.inspectionCount(kind: kind)
            Output.standardError("\(list.isEmpty ? Strings(env.language)(.noItems) : (zh ? "显示 \(list.count) 项，共 \(total) 项" : "showing \(list.count) of \(total)"))\n")
        }
    }

    static func show(_ id: Int64, _ env: Environment) throws {
        let record = try env.database.inspection(id)
        if env.json {
            try JSONOutput.print(InspectionJSON(record: record, language: env.language))
            return
        }
        let c = InspectionReportRendering.content(record, env.language, generated: env.now)
        let zh = env.language == .zh
        print("\(zh ? "巡检" : "Inspection") #\(record.id)  \(record.kind.label(env.language))")
        for (name, value) in c.header.dropFirst(2).dropLast() { print("  \(name)\(zh ? "：" : ": ")\(TerminalText.sanitize(value))") }
        print("")
        var table = TextTable(headers: c.readingHeaders)
        table.rows = c.readings
        table.cutLast = false
        print(table.render())
        print("\n\(c.sections.items):")
        if c.items.isEmpty { print("  \(c.sections.noItems)") }
        for row in c.items { print("  " + [row[0], row[1], row[2], TerminalText.sanitize(row[3]), row[4]].joined(separator: "  ")) }
        if record.kind == .business {
            print("\n\(c.sections.visits):")
            for v in c.visits { print("  \(v[0])  \(TerminalText.sanitize(v[1]))") }
        }
    }
}

/// `inventory …`: the database instance, its core users and tablespaces, the application servers
/// and their load-balanced addresses, which inspection targets are checked against.
struct InventoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inventory", abstract: "The inventory inspections are checked against: database, schemas, tablespaces, servers, addresses.",
        subcommands: [List.self, Add.self, Set.self, Remove.self])

    typealias List = ListSubcommand<InventoryCommand>

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "Add to the inventory (supervisors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("database, schema, tablespace, server or address.", valueName: "kind")) var kind: InventoryKind
        @Argument(help: "Its name: db, YLBX, YLBX_DATA, app12, 10.63.1.22:7001.") var name: String
        @Option(help: "What it belongs to: a schema's database, a tablespace's schema, a server's address.") var parent: String?
        @Option(help: "A note (host, role, …).") var note = ""
        func run() throws {
            let env = try Environment(global)
            try env.database.addInventory(InventoryEntry(kind: kind, name: name, parent: parent, note: note), env.context)
        }
    }

    struct Set: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "set", abstract: "Change an entry's parent or note (supervisors).")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("database, schema, tablespace, server or address.", valueName: "kind")) var kind: InventoryKind
        @Argument(help: "Its name.") var name: String
        @Option(help: "What it belongs to now (empty: nothing).") var parent: String?
        @Option(help: "The note.") var note: String?
        func validate() throws {
            if parent == nil, note == nil {
                throw ValidationError(HelpDesk.say(en: "nothing to change: give --parent or --note", zh: "没有要修改的内容：请给 --parent 或 --note"))
            }
        }
        func run() throws {
            let env = try Environment(global)
            try env.database.setInventory(kind, name, parent: parent, note: note, env.context)
        }
    }

    struct Remove: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "remove", abstract: "Remove from the inventory (supervisors); past inspections keep their readings.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("database, schema, tablespace, server or address.", valueName: "kind")) var kind: InventoryKind
        @Argument(help: "Its name.") var name: String
        func run() throws {
            let env = try Environment(global)
            try env.database.removeInventory(kind, name, env.context)
        }
    }
}

extension InventoryCommand: Listed {
    static var listAbstract: String { "The inventory, by kind." }

    struct Query: ListQuery {
        func list(in env: Environment) throws {
            let entries = try env.database.inventory()
            if env.json {
                try JSONOutput.print(entries.map(InventoryJSON.init))
                return
            }
            let zh = env.language == .zh
            var table = TextTable(headers: zh ? ["类别", "名称", "上级", "备注"] : ["kind", "name", "parent", "note"])
            table.rows = entries.map { [$0.kind.rawValue, $0.name, $0.parent ?? "", $0.note] }
            table.cutLast = false
            print(table.render())
            if entries.isEmpty { Output.standardError("\(Strings(env.language)(.noItems))\n") }
        }
    }
}

// MARK: - JSON

/// An inspection in `inspect list --json`.
struct InspectionSummaryJSON: Encodable {
    let s: InspectionSummary
    init(_ s: InspectionSummary) { self.s = s }
    enum Keys: String, CodingKey { case id, at, inspector, kind, readings, over, opened, linked, unknown_targets }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(s.id, forKey: .id)
        try c.encode(BeijingTime.iso(s.at), forKey: .at)
        try c.encode(s.inspector, forKey: .inspector)
        try c.encode(s.kind.rawValue, forKey: .kind)
        try c.encode(s.readings, forKey: .readings)
        try c.encode(s.over, forKey: .over)
        try c.encode(s.opened, forKey: .opened)
        try c.encode(s.linked, forKey: .linked)
        try c.encode(s.unknown, forKey: .unknown_targets)
    }
}

/// `inspect show --json`: the inspection, each reading with `over` (the threshold it went over, or
/// null), `in_inventory`, and the item it `opened` or was `linked` to.
struct InspectionJSON: Encodable {
    let record: InspectionRecord
    let language: Language
    enum Keys: String, CodingKey { case id, at, inspector, kind, source, recorded_at, recorded_by, readings, opened, linked }
    enum ReadingKeys: String, CodingKey { case index, check, target, value, in_inventory, over, finding, opened, linked }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(record.id, forKey: .id)
        try c.encode(BeijingTime.iso(record.at), forKey: .at)
        try c.encode(record.inspector, forKey: .inspector)
        try c.encode(record.kind.rawValue, forKey: .kind)
        try c.encode(record.source.rawValue, forKey: .source)
        try c.encode(BeijingTime.iso(record.recordedAt), forKey: .recorded_at)
        try c.encode(record.recordedBy, forKey: .recorded_by)
        var list = c.nestedUnkeyedContainer(forKey: .readings)
        for r in record.readings {
            var e = list.nestedContainer(keyedBy: ReadingKeys.self)
            try e.encode(r.number, forKey: .index)
            try e.encode(r.reading.check.rawValue, forKey: .check)
            try e.encode(r.reading.target, forKey: .target)
            switch r.reading.value {
            case .number(let n): try e.encode(n, forKey: .value)
            case .text(let t): try e.encode(t, forKey: .value)
            }
            try e.encode(r.known, forKey: .in_inventory)
            try e.encode(r.limit, forKey: .over)
            try e.encode(r.finding.map { f -> String in if case .fault(let l) = f { return "fault\(l.rawValue)" } else { return "task" } }, forKey: .finding)
            try e.encode(r.opened ? r.itemId : nil, forKey: .opened)
            try e.encode(r.opened ? nil : r.itemId, forKey: .linked)
        }
        try c.encode(record.openedItems, forKey: .opened)
        try c.encode(record.linkedItems, forKey: .linked)
    }
}

/// An inventory entry for `--json`.
struct InventoryJSON: Encodable {
    let e: InventoryEntry
    init(_ e: InventoryEntry) { self.e = e }
    enum Keys: String, CodingKey { case kind, name, parent, note }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(e.kind.rawValue, forKey: .kind)
        try c.encode(e.name, forKey: .name)
        try c.encode(e.parent, forKey: .parent)
        try c.encode(e.note, forKey: .note)
    }
}
