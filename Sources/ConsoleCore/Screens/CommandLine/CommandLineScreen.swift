import Foundation
import HelpDeskCore

/// The command line (`:`): a command typed on the status line and carried out on Enter.
///
/// Shows `:` and the text on the status line. Takes the editing keys, Enter to carry the command
/// out and Esc to drop it. The commands: `q`, an id or `open ID`, `new case`, `new fault`, `new task`,
/// `new change`, `new training`, `tasks`, `changes`, `trainings`, `assess`, `reopen`, `lower`, `kind KIND`, `region REGION`,
/// `status STATUS|active|all`, `search TEXT`, `clear`, `lang zh|en`, `help`. On the tasks or the
/// changes the filters (but kind and region) are theirs.
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

    /// Reads a command line; `nil` for an empty one.
    public static func parse(_ line: String) -> Request? {
        let words = line.split(separator: " ").map(String.init)
        guard let head = words.first?.lowercased() else { return nil }
        let rest = words.dropFirst().joined(separator: " ")
        switch head {
        case "q", "quit", "exit": return .quit
        case "help", "h": return .help
        case "new":
            guard let command = newCommand(rest.lowercased()) else { break }
            return .command(command)
        case "tasks", "task": return .command(.tasks)
        case "changes", "change": return .command(.changes)
        case "trainings", "training", "train": return .command(.trainings)
        case "inspections", "inspection", "inspect": return .command(.inspections)
        case "assess": return .command(.assess)
        case "reopen": return .command(.reopen)
        case "lower": return .command(.lower)
        case "clear": return .command(.clearFilters)
        case "lang":
            guard let l = Language(rawValue: rest.lowercased()) else { break }
            return .language(l)
        case "kind":
            guard rest.isEmpty || CaseKind(rawValue: rest.lowercased()) != nil else { break }
            return .filter(.kind(CaseKind(rawValue: rest.lowercased())))
        case "region":
            guard rest.isEmpty || Region.parse(rest) != nil else { break }
            return .filter(.region(Region.parse(rest)))
        case "status":
            if rest.isEmpty || rest == "active" {
                return .filter(.anyStatus(closed: false))
            } else if rest == "all" {
                return .filter(.anyStatus(closed: true))
            } else if let s = ItemStatus(rawValue: rest.lowercased()) {
                return .filter(.status(s))
            }
        case "search":
            return .filter(.search(rest))
        case "freeze":
            guard let period = Period(rest), case .month = period else { break }
            return .freeze(period)
        default:
            let idText = head == "open" ? rest : head
            if let id = Int64(idText.trimmingCharacters(in: CharacterSet(charactersIn: "#"))) { return .open(id) }
        }
        return .unknown(line)
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

    /// What the status line says of a line that is not a command.
    static func unknownText(_ line: String, _ lang: Language) -> String {
        Catalog.Screens.CommandLine.unknown(line, commands: commandList)(lang)
    }

    /// The commands, for a line that is not one.
    static var commandList: LocalizedText {
        LocalizedText(zh: "q, 编号, new case|fault|task|change|training|inspection, tasks, changes, trainings, inspections, assess, reopen, lower, kind, region, status, search, clear, freeze 年-月, lang, help",
                      en: "q, an id, new case|fault|task|change|training|inspection, tasks, changes, trainings, inspections, assess, reopen, lower, kind, region, status, search, clear, freeze YYYY-MM, lang, help")
    }

    static func drawStatus(_ buf: inout ScreenBuffer, _ field: TextField, y: Int, _ theme: Theme) {
        Prompt.draw(&buf, field, prompt: ":", y: y, theme)
    }

    static func hints(_ lang: Language) -> Hints {
        Hints(hints: [], pinned: Prompt.pinned(lang))
    }

    /// The command line's row on the `?` screen.
    static func keyHelp(_ lang: Language) -> [Hint] {
        // Rows short enough for the keys screen at 80 columns.
        lang == .zh
            ? [(":", "命令：q 退出 · 编号 打开 · new case|fault|task|change"),
               ("", "new training|inspection · tasks · changes · trainings"),
               ("", "inspections · assess · reopen · lower · freeze 年-月"),
               ("", "kind / region / status / search … · clear · lang zh|en")]
            : [(":", "commands: q · an id · new case|fault|task|change"),
               ("", "new training|inspection · tasks · changes · trainings"),
               ("", "inspections · assess · reopen · lower · freeze YYYY-MM"),
               ("", "kind / region / status / search … · clear · lang zh|en")]
    }
}
