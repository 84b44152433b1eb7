import Foundation
import HelpDeskCore

/// The command line (`:`): a command typed on the status line and carried out on Enter.
///
/// Shows `:` and the text on the status line. Takes the editing keys, Enter to carry the command
/// out and Esc to drop it. The commands are the table `LineCommand.all` (Root/LineCommands.swift),
/// which the `?` screen lists too. On the tasks or the changes the filters (but kind and region)
/// are theirs.

public enum CommandLineScreen {
    /// What a command line asks for.
    public enum Request: Equatable, Sendable {
        case quit
        case help
        /// A main-screen command: `new case`, `new fault`, `new task`, `new change`, `new training`, `tasks`, `changes`, `trainings`,
        /// `assess`, `reopen`, `lower`, `clear`.
        case command(Command)
        case language(Language)
        case filter(QueueFilter.Change)
        case open(Int64)
        /// Sign off a month that has ended (`freeze 2021-11`): supervisors only, never undone.
        case freeze(Period)
        /// `save NAME`, `view NAME`, `views`, `unsave NAME`: the operator's saved views.
        case saveView(String)
        case openView(String)
        case listViews
        case removeView(String)
        /// A command whose argument does not read: the command's name and what followed it.
        case badArgument(command: String, given: String)
        /// Not a command: the line as typed.
        case unknown(String)
    }

    public enum Effect: Equatable, Sendable {
        /// Back to the main screen.
        case close
        /// Carry out the command typed.
        case run(Request)
    }

    public static func reduce(_ field: inout TextField, _ key: Key) -> [Effect] {
        Prompt.reduce(&field, key, close: .close) { line in parse(line).map { [.run($0)] } ?? [] }
    }

    /// Reads a command line through the table of commands (`LineCommand.all`); an id alone opens
    /// the item; `nil` for an empty line.
    public static func parse(_ line: String) -> Request? {
        let words = line.split(separator: " ").map(String.init)
        guard let head = words.first?.lowercased() else { return nil }
        if let id = Int64(head.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) { return .open(id) }
        let rest = words.dropFirst().joined(separator: " ")
        guard let command = LineCommand.all.first(where: { $0.answers(to: head) }) else { return .unknown(line) }
        return command.read(rest) ?? .badArgument(command: command.name, given: rest)
    }

    /// What `new …` makes: `new` alone or `new case` a CASE ticket; `fault`, `task`, `change`,
    /// `training`, `inspection` (or a word's start: `new f`, `new insp`) the others; `nil` for a
    /// word that names none of them, which is refused rather than guessed.
    static func newCommand(_ what: String) -> Command? {
        let words: [(String, Command)] = [("case", .newCase), ("fault", .newFault), ("task", .newTask), ("change", .newChange),
                                          ("training", .newTraining), ("inspection", .newInspection)]
        if what.isEmpty { return .newCase }
        let matches = words.filter { $0.0.hasPrefix(what) }
        // "t" alone stands for a task, as it always has; otherwise a start must name one word.
        if what == "t" { return .newTask }
        return matches.count == 1 ? matches[0].1 : nil
    }

    /// What the status line says of a command whose argument does not read: what was given and
    /// what the command takes.
    static func badArgumentText(_ name: String, given: String, _ lang: Language) -> String {
        let accepted = LineCommand.all.first { $0.name == name }.map { $0.acceptedText(lang) } ?? ""
        return Catalog.Console.Line.badArgument(name, given: TerminalText.sanitize(given), accepted: accepted)(lang)
    }

    /// What the status line says of a line that is not a command: the commands close to it (a
    /// name it begins, or one or two letters off), at most three, and where the others are. The
    /// whole list would not fit the status line of a narrow terminal.
    static func unknownText(_ line: String, _ lang: Language) -> String {
        let word = String(line.split(separator: " ").first ?? "").lowercased()
        let close = word.isEmpty ? [] : LineCommand.all.filter { command in
            ([command.name] + command.aliases).contains { name in
                (word.count >= 2 && name.hasPrefix(word)) || (name.count > 2 && editDistance(name, word) <= min(2, name.count / 3))
            }
        }
        return Catalog.Console.Line.unknown(TerminalText.sanitize(line), like: close.prefix(3).map { ":" + $0.usage(lang) })(lang)
    }

    /// The number of letters to insert, delete or replace to make `a` into `b`.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let (a, b) = (Array(a), Array(b))
        var row = Array(0...b.count)
        for i in 1...max(1, a.count) where !a.isEmpty {
            var previous = row[0]
            row[0] = i
            for j in stride(from: 1, through: b.count, by: 1) {
                let kept = row[j]
                row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
                previous = kept
            }
        }
        return a.isEmpty ? b.count : row[b.count]
    }

    static func drawStatus(_ buf: inout ScreenBuffer, _ field: TextField, y: Int, _ theme: Theme) {
        Prompt.draw(&buf, field, prompt: ":", y: y, theme)
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [], pinned: Prompt.pinned(lang))
    }

    /// The command line's rows on the `?` screen: each command of the table, what follows it and
    /// what it does.
    static func keyHelp(_ lang: Language) -> [Hint] {
        [(":", Catalog.Console.Line.heading(lang))] + LineCommand.all.flatMap { command -> [Hint] in
            let help = command.help(lang)
            guard let arguments = command.arguments?(lang) else { return [(":" + command.name, help)] }
            // Rows short enough for the keys screen at 80 columns: what it does under what follows it.
            let row = "\(arguments)  \(help)"
            return TerminalText.width(row) <= 60 ? [(":" + command.name, row)] : [(":" + command.name, arguments), ("", help)]
        }
    }


}
