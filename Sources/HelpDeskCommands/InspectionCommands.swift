import ArgumentParser
import Crypto
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias InspectHelp = Catalog.Help.Reports.Inspect
private typealias InventoryHelp = Catalog.Help.Reports.Inventory

extension InspectionKind: ExpressibleByArgument {}
extension InventoryKind: ExpressibleByArgument {}

/// `inspect …`: inspections (巡检) of the database, the application servers and business use.
struct InspectCommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "inspect", abstract: HelpDesk.say(InspectHelp.abstract),
        discussion: HelpDesk.say(InspectHelp.discussion),
        subcommands: [Import.self, Add.self, List.self, Show.self, Report.self]) }

    struct Import: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "import", 
            abstract: HelpDesk.say(InspectHelp.importAbstract),
            discussion: HelpDesk.say(InspectHelp.importDiscussion)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(InspectHelp.file), valueName: "file")) var file: String
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.InspectionImport.againHelp))) var again = false
        func run() throws {
            let data = try InspectCommand.read(file)
            let new: NewInspection
            do { new = try InspectionFile.parse(data) } catch {
                throw UsageError(Catalog.Reports.Inspection.importRefused(file, error.said))
            }
            let env = try Environment(global)
            // The same bytes imported twice would record the inspection twice: refused unless --again.
            let hash = SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
            do {
                try InspectCommand.record(new, source: .imported, file: ImportedFile(sha256: hash, again: again), env)
            } catch let before as ImportedBefore {
                throw UsageError(Catalog.InspectionImport.importedBefore(file, inspection: before.inspection, at: before.at))
            }
        }
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", 
            abstract: HelpDesk.say(InspectHelp.addAbstract),
            discussion: HelpDesk.say(InspectHelp.addDiscussion)) }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(InspectHelp.kind))) var kind: InspectionKind
        @Option(help: ArgumentHelp(HelpDesk.say(InspectHelp.inspector))) var inspector: String?
        @Option(help: ArgumentHelp(HelpDesk.say(InspectHelp.reading), valueName: "reading")) var reading: [String] = []
        @OptionGroup var when: WhenOption<Happened.Made>
        func run() throws {
            var readings: [InspectionReading] = []
            do throws(InspectionInputError) {
                for (i, text) in reading.enumerated() { readings.append(try InspectCommand.parseReading(text, index: i)) }
            } catch {
                throw InspectCommand.refused(error)
            }
            let env = try Environment(global)
            let staffName = try env.database.allStaff().first { $0.username == env.context.actor }?.name
            let who = inspector ?? staffName ?? env.context.actor
            let new = NewInspection(at: try when.instant(env), inspector: who, kind: kind, readings: readings)
            do { try InspectionRules.validate(new) } catch {
                throw InspectCommand.refused(error)
            }
            try InspectCommand.record(new, source: .manual, env)
        }
    }

    typealias List = ListSubcommand<InspectCommand>
    typealias Show = ShowSubcommand<InspectCommand>

    struct Report: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "report", abstract: HelpDesk.say(InspectHelp.reportAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(InspectHelp.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(InspectHelp.format), valueName: "format")) var format: String?
        func run() throws {
            let accepted = "md, html"
            guard let format else { throw UsageError(Catalog.Reports.formatMissing(accepted)) }
            guard ["md", "html"].contains(format.lowercased()) else {
                throw UsageError(Catalog.Reports.notAFormat(format, accepted: accepted))
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
        let expected = Catalog.Reports.Inspection.fileExpected
        return try InputFile.data(file, expected: (en: expected.en, zh: expected.zh))
    }

    /// An inspection entered by hand refused: its readings named as typed, `--reading[i]`.
    static func refused(_ error: InspectionInputError) -> UsageError {
        let problem = error.said
        let typed = { (text: String) in text.replacingOccurrences(of: "readings[", with: "--reading[") }
        return UsageError(Catalog.Reports.Inspection.addRefused(.init(zh: typed(problem.zh), en: typed(problem.en))))
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
    static func record(_ new: NewInspection, source: InspectionSource, file: ImportedFile? = nil, _ env: Environment) throws {
        let outcome = try env.database.recordInspection(new, source: source, file: file, env.context)
        print(outcome.id)
        let lang = env.language
        var notes: [String] = []
        if let newer = outcome.newerOfKind {
            notes.append(Catalog.InspectionImport.olderThanNewest(new.at, kind: new.kind, newest: newer.id, newestAt: newer.at)(lang))
        }
        for (index, target) in outcome.unknownTargets {
            let check = new.readings[index].check
            let kinds = check.targetKinds.first?.rawValue ?? ""
            let name = check == .disk ? String(target.prefix { $0 != ":" }) : target
            if AppDatabase.isInventoryName(name) {
                // The command as typed at a shell prompt: the name quoted when the shell would split or read it.
                // A name starting with - follows --, or it would be read as an option.
                let word = name.trimmingCharacters(in: .whitespaces)
                let command = "helpdesk inventory add \(kinds) \(word.hasPrefix("-") ? "-- " : "")\(Self.shellWord(word))"
                notes.append(Catalog.Reports.Inspection.unknownTarget(index, target, addWith: command)(lang))
            } else {
                notes.append(Catalog.Reports.Inspection.unknownTargetNoSuchName(index, target)(lang))
            }
        }
        if !outcome.opened.isEmpty {
            let ids = outcome.opened.map { "#\($0)" }.joined(separator: " ")
            notes.append(Catalog.Reports.Inspection.opened(ids)(lang))
        }
        if !outcome.linked.isEmpty {
            let ids = outcome.linked.map { "#\($0)" }.joined(separator: " ")
            notes.append(Catalog.Reports.Inspection.linked(ids)(lang))
        }
        for note in notes { Output.standardError("\(note)\n") }
        // A fault it opened took its steps due at report, as `fault add` does: a tier with nobody
        // to tell is said now.
        var steps: [EscalationRecord] = []
        for id in outcome.opened { steps += try env.database.escalations(of: id) }
        try warnOfStepsThatReachNobody(steps, env)
    }
}

extension InspectCommand: Listed, Shown {
    static var listAbstract: String { HelpDesk.say(InspectHelp.listAbstract) }
    static var showAbstract: String { HelpDesk.say(InspectHelp.showAbstract) }
    static var idHelp: String { HelpDesk.say(InspectHelp.id) }

    struct Query: ListQuery {
        @Option(help: ArgumentHelp(HelpDesk.say(InspectHelp.onlyKind))) var kind: InspectionKind?
        @OptionGroup var most: LimitOption
        func list(in env: Environment) throws {
            let list = try env.database.inspections(kind: kind, limit: most.count)
            if env.json {
                try JSONOutput.print(list.map(InspectionSummaryJSON.init))
                return
            }
            var table = TextTable(headers: Catalog.Reports.Inspection.listHeaders.map { $0(env.language) })
            table.rows = list.map { s in
                ["\(s.id)", BeijingTime.short(s.at), s.kind.label(env.language), s.inspector, "\(s.readings)", "\(s.over)", "\(s.opened)",
                 "\(s.linked)", s.unknown == 0 ? "" : "\(s.unknown)"]
            }
            print(table.render())
            let total = try env.database.inspectionCount(kind: kind)
            Output.standardError("\(list.isEmpty ? Strings(env.language)(.noItems) : Catalog.Reports.Inspection.showing(list.count, of: total)(env.language))\n")
        }
    }

    static func show(_ id: Int64, _ env: Environment) throws {
        let record = try env.database.inspection(id)
        if env.json {
            try JSONOutput.print(InspectionJSON(record: record, language: env.language))
            return
        }
        let c = InspectionReportRendering.content(record, env.language, generated: env.now)
        let lang = env.language
        print("\(Catalog.Reports.Inspection.heading(lang)) #\(record.id)  \(record.kind.label(lang))")
        for (name, value) in c.header.dropFirst(2).dropLast() { print("  \(name)\(Catalog.Reports.fieldSeparator(lang))\(TerminalText.sanitize(value))") }
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
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "inventory", abstract: HelpDesk.say(InventoryHelp.abstract),
        subcommands: [List.self, Add.self, Set.self, Remove.self]) }

    typealias List = ListSubcommand<InventoryCommand>

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "add", abstract: HelpDesk.say(InventoryHelp.addAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.kind), valueName: "kind")) var kind: InventoryKind
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.name))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(InventoryHelp.parent))) var parent: String?
        @Option(help: ArgumentHelp(HelpDesk.say(InventoryHelp.note))) var note = ""
        func run() throws {
            let env = try Environment(global)
            try env.database.addInventory(InventoryEntry(kind: kind, name: name, parent: parent, note: note), env.context)
        }
    }

    struct Set: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "set", abstract: HelpDesk.say(InventoryHelp.setAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.kind), valueName: "kind")) var kind: InventoryKind
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.itsName))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(InventoryHelp.newParent))) var parent: String?
        @Option(help: ArgumentHelp(HelpDesk.say(InventoryHelp.newNote))) var note: String?
        func validate() throws {
            if parent == nil, note == nil {
                throw ValidationError(HelpDesk.say(Catalog.Reports.Inspection.nothingToChange))
            }
        }
        func run() throws {
            let env = try Environment(global)
            try env.database.setInventory(kind, name, parent: parent, note: note, env.context)
        }
    }

    struct Remove: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "remove", abstract: HelpDesk.say(InventoryHelp.removeAbstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.kind), valueName: "kind")) var kind: InventoryKind
        @Argument(help: ArgumentHelp(HelpDesk.say(InventoryHelp.itsName))) var name: String
        func run() throws {
            let env = try Environment(global)
            try env.database.removeInventory(kind, name, env.context)
        }
    }
}

extension InventoryCommand: Listed {
    static var listAbstract: String { HelpDesk.say(InventoryHelp.listAbstract) }

    struct Query: ListQuery {
        func list(in env: Environment) throws {
            let entries = try env.database.inventory()
            if env.json {
                try JSONOutput.print(entries.map(InventoryJSON.init))
                return
            }
            var table = TextTable(headers: Catalog.Reports.Inspection.inventoryHeaders.map { $0(env.language) })
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

/// `inspect show --json`: the inspection (with the imported file's `sha256` and the inspection whose
/// file it imported `again_of`, or null), each reading with `over` (the threshold it went over, or
/// null), `in_inventory`, and the item it `opened` or was `linked` to.
struct InspectionJSON: Encodable {
    let record: InspectionRecord
    let language: Language
    enum Keys: String, CodingKey { case id, at, inspector, kind, source, recorded_at, recorded_by, sha256, again_of, readings, opened, linked }
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
        try c.encode(record.contentSHA256, forKey: .sha256)
        try c.encode(record.againOf, forKey: .again_of)
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
