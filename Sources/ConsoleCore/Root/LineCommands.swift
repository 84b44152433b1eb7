import HelpDeskCore

/// One `:` command: the word it is typed as (and the other words taken for it), what follows that
/// word, what it does in both languages, and how the rest of the line is read into a request.
///
/// The commands are written once, in `LineCommand.all`: the command line reads a line through it,
/// the `?` screen lists it, and a line that is not a command is answered with its names.
struct LineCommand: Sendable {
    /// The word as listed.
    let name: String
    /// Other words taken for it (`quit`, `exit` for `q`).
    let aliases: [String]
    /// What follows the name (`YYYY-MM`), `nil` when nothing does.
    let arguments: LocalizedText?
    let help: LocalizedText
    /// A line that runs it.
    let example: String
    /// What its argument may be, for a line whose argument does not read (`nil`: `arguments` says it).
    let accepted: (@Sendable (Language) -> String)?
    /// The request the rest of the line (after the name) makes; `nil` when the rest is not understood.
    let read: @Sendable (String) -> CommandLineScreen.Request?

    init(_ name: String, _ aliases: [String] = [], arguments: LocalizedText? = nil, help: LocalizedText, example: String? = nil,
         accepted: (@Sendable (Language) -> String)? = nil,
         read: @escaping @Sendable (String) -> CommandLineScreen.Request?) {
        self.name = name
        self.aliases = aliases
        self.arguments = arguments
        self.help = help
        self.example = example ?? name
        self.accepted = accepted
        self.read = read
    }

    /// What the argument may be, in `lang`: the values it takes where they are few, else its form.
    func acceptedText(_ lang: Language) -> String {
        accepted?(lang) ?? arguments?(lang) ?? ""
    }

    /// The name and what follows it: `freeze YYYY-MM`.
    func usage(_ lang: Language) -> String {
        arguments.map { "\(name) \($0(lang))" } ?? name
    }

    func answers(to word: String) -> Bool { word == name || aliases.contains(word) }


    private typealias Say = Catalog.Console.Line

    /// Every `:` command, in the order they are listed.
    static let all: [LineCommand] = [
        LineCommand("q", ["quit", "exit"], help: Say.quit) { _ in .quit },
        LineCommand("open", arguments: Say.idArgument, help: Say.open, example: "open 42") { rest in
            Int64(rest.trimmingCharacters(in: .init(charactersIn: "#"))).map { .open($0) }
        },
        LineCommand("new", arguments: Say.newArgument, help: Say.new, example: "new fault") { rest in
            CommandLineScreen.newCommand(rest.lowercased()).map { .command($0) }
        },
        LineCommand("tasks", ["task"], help: Say.tasks) { _ in .command(.tasks) },
        LineCommand("changes", ["change"], help: Say.changes) { _ in .command(.changes) },
        LineCommand("trainings", ["training", "train"], help: Say.trainings) { _ in .command(.trainings) },
        LineCommand("inspections", ["inspection", "inspect"], help: Say.inspections) { _ in .command(.inspections) },
        LineCommand("assess", help: Say.assess) { _ in .command(.assess) },
        LineCommand("reopen", help: Say.reopen) { _ in .command(.reopen) },
        LineCommand("lower", help: Say.lower) { _ in .command(.lower) },
        LineCommand("kind", arguments: Say.kindArgument, help: Say.kind, example: "kind general",
                    accepted: { _ in CaseKind.allCases.map { "\($0.rawValue) \($0.itemKind.name.zh)" }.joined(separator: ", ") }) { rest in
            guard rest.isEmpty || CaseKind.parse(rest) != nil else { return nil }
            return .filter(.kind(CaseKind.parse(rest)))
        },
        LineCommand("region", arguments: Say.regionArgument, help: Say.region, example: "region xining",
                    accepted: { Say.regionsAccepted(Region.allCases.map { "\($0.rawValue) \($0.chineseName)" })($0) }) { rest in
            guard rest.isEmpty || Region.parse(rest) != nil else { return nil }
            return .filter(.region(Region.parse(rest)))
        },
        LineCommand("status", arguments: Say.statusArgument, help: Say.status, example: "status all",
                    accepted: { _ in (ItemStatus.allCases.map(\.rawValue) + ["active", "all"]).joined(separator: ", ") }) { rest in
            if rest.isEmpty || rest == "active" { return .filter(.anyStatus(closed: false)) }
            if rest == "all" { return .filter(.anyStatus(closed: true)) }
            return ItemStatus.parse(rest).map { .filter(.status($0)) }
        },
        LineCommand("search", arguments: Say.searchArgument, help: Say.search, example: "search pension") { rest in
            .filter(.search(rest))
        },
        LineCommand("clear", help: Say.clear) { _ in .command(.clearFilters) },
        LineCommand("freeze", arguments: Catalog.ReportWeeks.freezeArgument, help: Catalog.ReportWeeks.freezeHelp,
                    example: "freeze 2021-11", accepted: { Catalog.ReportWeeks.freezeAccepted($0) }) { rest in
            Period(rest.uppercased()).map { .freeze($0) }
        },
        LineCommand("lang", arguments: Say.langArgument, help: Say.lang, example: "lang en") { rest in
            Language(rawValue: rest.lowercased()).map { .language($0) }
        },
        LineCommand("help", ["h"], help: Say.help) { _ in .help },
        LineCommand("save", arguments: Catalog.Views.nameArgument, help: Catalog.Views.save, example: "save mine") { rest in
            rest.isEmpty ? nil : .saveView(rest)
        },
        LineCommand("view", arguments: Catalog.Views.nameArgument, help: Catalog.Views.view, example: "view mine") { rest in
            rest.isEmpty ? nil : .openView(rest)
        },
        LineCommand("views", help: Catalog.Views.views) { _ in .listViews },
        LineCommand("unsave", arguments: Catalog.Views.nameArgument, help: Catalog.Views.unsave, example: "unsave mine") { rest in
            rest.isEmpty ? nil : .removeView(rest)
        },
    ]
}
