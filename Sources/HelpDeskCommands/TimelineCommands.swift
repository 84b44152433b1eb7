import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `case note`, `case reply`, `case message`, `case timeline`: the conversation around an item.
extension CaseCommand {
    /// `case note ID --text T`: an internal note, on any item, closed or not.
    struct Note: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "note", abstract: HelpDesk.say(Catalog.Timeline.Help.note)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.text))) var text: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.template))) var template: Int64?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let text = try timelineInput(id, text: text, template: template, use: .note, env)
            try env.database.addNote(id, text: text, template: template, at: try when.instant(env), env.context)
            print(Catalog.Timeline.added(id, .note)(env.language))
        }
    }

    /// `case reply ID --text T`: a reply to the requester of an open CASE ticket (`respond --note`
    /// is its older form).
    struct Reply: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "reply", abstract: HelpDesk.say(Catalog.Timeline.Help.reply)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Marks.idsHelp), valueName: "id")) var ids: [Int64]
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.text))) var text: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.template))) var template: Int64?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            let at = try when.instant(env)
            try SeveralIds.run(ids, env) { id in
                let text = try timelineInput(id, text: text, template: template, use: .reply, env)
                return statusLine(id, try env.database.reply(id, text: text, template: template, at: at, env.context), env)
            }
        }
    }

    /// `case message ID --text T [--channel C]`: what the requester said.
    struct Message: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "message", abstract: HelpDesk.say(Catalog.Timeline.Help.message)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.text))) var text: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.channel))) var channel: Channel?
        @OptionGroup var when: WhenOption<Happened.Unsaid>
        func run() throws {
            let env = try Environment(global)
            try env.database.addMessage(id, text: text, channel: channel, at: try when.instant(env), env.context)
            print(Catalog.Timeline.added(id, .message)(env.language))
        }
    }

    /// `case timeline ID [--json]`: the item's timeline, oldest first. Reads only.
    struct Timeline: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "timeline", abstract: HelpDesk.say(Catalog.Timeline.Help.timeline)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Timeline.Help.id))) var id: Int64
        func run() throws {
            let env = try Environment(global)
            let entries = try env.database.timeline(of: id)
            if env.json {
                try JSONOutput.print(entries.map(TimelineJSON.init))
                return
            }
            print(timelineText(entries, env.language, notices: try env.database.requesterNotices(of: id)), terminator: "")
        }
    }
}

/// A timeline as `case timeline` prints it: one line an entry (time, kind, author, text), the text
/// whole and last, its lines joined; or what an empty timeline says.
func timelineText(_ entries: [TimelineEntry], _ lang: Language, notices: [RequesterNoticeEntry] = []) -> String {
    guard !entries.isEmpty || !notices.isEmpty else { return Catalog.Timeline.empty(lang) + "\n" }
    let say = Catalog.Timeline.self
    var table = TextTable(headers: [say.atColumn(lang), say.kindColumn(lang), say.authorColumn(lang), say.textColumn(lang)])
    table.cutLast = false
    var rows: [(at: Date, order: Int, row: [String])] = entries.enumerated().map { i, e in
        (e.at, i, [BeijingTime.short(e.at), say.kind(e.kind)(lang) + (e.channel.map { say.via($0)(lang) } ?? ""), e.author,
                   e.text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: .newlines).joined(separator: " ")])
    }
    // The notices to the requesters, each after the entry written at the same time.
    rows += notices.enumerated().map { i, n in
        (n.createdAt, entries.count + i, [BeijingTime.short(n.createdAt), Catalog.RequesterNotices.kind(lang), "", n.text(lang)])
    }
    table.rows = rows.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map(\.row)
    return table.render() + "\n"
}

/// A timeline entry for `--json`: `{"id", "kind", "at", "author", "text", "channel", "recorded_at"}`,
/// times in Beijing time with their offset, the channel as its code (or null).
struct TimelineJSON: Encodable {
    let entry: TimelineEntry
    init(_ entry: TimelineEntry) { self.entry = entry }
    enum Keys: String, CodingKey { case id, kind, at, author, text, channel, recorded_at }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(entry.id, forKey: .id)
        try c.encode(entry.kind.rawValue, forKey: .kind)
        try c.encode(BeijingTime.iso(entry.at), forKey: .at)
        try c.encode(entry.author, forKey: .author)
        try c.encode(entry.text, forKey: .text)
        try c.encode(entry.channel?.rawValue, forKey: .channel)
        try c.encode(BeijingTime.iso(entry.recordedAt), forKey: .recorded_at)
    }
}
