import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

extension CaseCommand {
    /// `case similar ID [--limit N] [--json]`: the resolved tickets closest to a ticket, best first.
    /// Reads only.
    struct Similar: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "similar", abstract: HelpDesk.say(Catalog.Similar.abstract)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Case.id))) var id: Int64
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Similar.limitHelp))) var limit = 5

        func validate() throws {
            try NumberArguments.id(id, option: "<id>")
            guard (1...50).contains(limit) else { throw ValidationError(HelpDesk.say(Catalog.Similar.limitRange(limit))) }
        }

        func run() throws {
            let env = try Environment(global)
            let item = try env.database.item(id)
            guard AppDatabase.similarKinds.contains(item.kind) else { throw UsageError(Catalog.Similar.notATicket(id, item.kind)) }
            let found = try env.database.similarResolved(to: id, limit: limit)
            if env.json {
                try JSONOutput.print(found.map(SimilarJSON.init))
                return
            }
            print(similarText(found, of: id, env.language), terminator: "")
        }
    }
}

/// The close resolved tickets as `case similar` prints them: id, when resolved, title and the
/// solution's first line; or what an empty list says.
func similarText(_ found: [SimilarTicket], of id: Int64, _ lang: Language) -> String {
    guard !found.isEmpty else { return Catalog.Similar.none(id)(lang) + "\n" }
    let say = Catalog.Similar.self
    var table = TextTable(headers: ["#", say.resolvedColumn(lang), say.titleColumn(lang), say.solutionColumn(lang)])
    table.rows = found.map { t in
        let firstLine = t.solution.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: .newlines)
            .first { !$0.trimmingCharacters(in: .whitespaces).isEmpty } ?? ""
        return ["\(t.id)", BeijingTime.short(t.resolvedAt), t.title, firstLine]
    }
    return table.render() + "\n"
}

/// A close resolved ticket for `--json`: `{"id", "title", "resolved_at", "cause", "solution"}`,
/// the time in Beijing time with its offset.
struct SimilarJSON: Encodable {
    let ticket: SimilarTicket
    init(_ ticket: SimilarTicket) { self.ticket = ticket }
    enum Keys: String, CodingKey { case id, title, resolved_at, cause, solution }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(ticket.id, forKey: .id)
        try c.encode(ticket.title, forKey: .title)
        try c.encode(BeijingTime.iso(ticket.resolvedAt), forKey: .resolved_at)
        try c.encode(ticket.cause, forKey: .cause)
        try c.encode(ticket.solution, forKey: .solution)
    }
}
