import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `requester add|list|show|edit`: the requester directory.
struct RequesterCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "requester", abstract: HelpDesk.say(Catalog.Requesters.Help.abstract),
                             subcommands: [Add.self, List.self, Show.self, Edit.self])
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Requesters.Help.add))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.name))) var name: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.office))) var office: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.region), valueName: "region")) var region: Region
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.phone))) var phone: [String] = []
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.email))) var email: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.chat))) var chat: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.language))) var language: Language?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.channel))) var channel: Channel?

        func run() throws {
            let env = try Environment(global)
            let added = try env.database.addRequester(
                Requester(name: name, office: office, region: region, phones: phone, email: email, chatID: chat,
                          language: language, channel: channel), env.context)
            print(added.id!)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: HelpDesk.say(Catalog.Requesters.Help.list))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.byName))) var name: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.byOffice))) var office: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.region), valueName: "region")) var region: Region?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.byPhone))) var phone: String?
        @OptionGroup var limit: LimitOption

        func run() throws {
            let env = try Environment(global)
            let found = try env.database.requesters(RequesterFilter(name: name, office: office, region: region, phone: phone,
                                                                    limit: limit.limit == 0 ? nil : limit.limit))
            if env.json {
                try JSONOutput.print(found.map(RequesterJSON.init))
                return
            }
            let lang = env.language
            var table = TextTable(headers: Catalog.Requesters.headers.map { $0(lang) })
            for r in found {
                table.rows.append(["\(r.id!)", r.name, r.office, r.region?.label(lang) ?? "", r.phones.joined(separator: "; ")])
            }
            if found.isEmpty {
                Output.standardError("\(Catalog.Requesters.noneFound(lang))\n")
            } else {
                print(table.render())
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: HelpDesk.say(Catalog.Requesters.Help.show))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.id))) var id: Int64

        func run() throws {
            let env = try Environment(global)
            guard let r = try env.database.requester(id) else { throw UsageError(Catalog.Requesters.notFound(id)) }
            let items = try env.database.itemsOfRequester(id)
            let history = try env.database.requesterHistory(id)
            if env.json {
                var j = RequesterJSON(r)
                j.items = items.map { ItemJSON(item: $0, now: env.now, language: env.language) }
                j.history = history.map(RequesterHistoryJSON.init)
                try JSONOutput.print(j)
                return
            }
            let lang = env.language
            let f = { (field: RequesterField) in Catalog.Requesters.fieldName(field)(lang) }
            var lines = ["\(Catalog.Requesters.heading(lang)) #\(id)"]
            var facts: [(String, String)] = [(f(.name), r.name), (f(.office), r.office), (f(.region), r.region?.label(lang) ?? "")]
            facts.append((f(.phones), r.phones.joined(separator: "; ")))
            facts.append((f(.email), r.email ?? ""))
            facts.append((f(.chat), r.chatID ?? ""))
            facts.append((f(.language), r.language.map { Catalog.Requesters.languageName($0)(lang) } ?? ""))
            facts.append((f(.channel), r.channel?.name(lang) ?? ""))
            facts.append((f(.notices), Catalog.RequesterNotices.state(r.noticesOff)(lang)))
            let width = facts.map { TerminalText.width($0.0) }.max() ?? 0
            for (label, value) in facts {
                lines.append("  " + label + String(repeating: " ", count: width - TerminalText.width(label)) + "  " + value)
            }
            lines.append("")
            lines.append("\(Catalog.Requesters.tickets(lang)) (\(items.count))")
            lines.append(items.isEmpty ? "  " + Catalog.Requesters.noTickets(lang)
                                       : Listing.table(items, layout: .cases, now: env.now, lang: lang))
            lines.append("")
            lines.append(Catalog.Requesters.historyHeading(lang))
            for h in history {
                let what: String
                if let field = h.field {
                    what = Catalog.Requesters.edited(field, old: h.oldValue, new: h.newValue)(lang)
                } else {
                    what = Catalog.Requesters.added(lang) + (h.newValue.map { " (\($0))" } ?? "")
                }
                lines.append("  \(BeijingTime.short(h.at))  \(h.actor)  \(what)")
            }
            print(lines.joined(separator: "\n"))
        }
    }

    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "edit", abstract: HelpDesk.say(Catalog.Requesters.Help.edit))
        }
        enum Clearable: String, ExpressibleByArgument, CaseIterable { case email, chat, language, channel, phones }

        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.name))) var name: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.office))) var office: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.region), valueName: "region")) var region: Region?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.phone))) var phone: [String] = []
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.email))) var email: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.chat))) var chat: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.language))) var language: Language?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.channel))) var channel: Channel?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.clear))) var clear: [Clearable] = []
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.RequesterNotices.Help.requester))) var notices: NoticesSwitch?
        @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Requesters.Help.version))) var version: Int?

        func run() throws {
            let env = try Environment(global)
            let edited = try env.database.editRequester(id, expectedVersion: version, env.context) { r in
                if clear.contains(.email) { r.email = nil }
                if clear.contains(.chat) { r.chatID = nil }
                if clear.contains(.language) { r.language = nil }
                if clear.contains(.channel) { r.channel = nil }
                if clear.contains(.phones) { r.phones = [] }
                if let name { r.name = name }
                if let office { r.office = office }
                if let region { r.region = region }
                if !phone.isEmpty { r.phones = phone }
                if let email { r.email = email }
                if let chat { r.chatID = chat }
                if let language { r.language = language }
                if let channel { r.channel = channel }
                if let notices { r.noticesOff = notices == .off }
            }
            print("\(edited.id!) v\(edited.version)")
        }
    }
}

struct RequesterJSON: Encodable {
    let id: Int64
    let name: String
    let office: String
    @Nullable var region: String?
    let phones: [String]
    @Nullable var email: String?
    @Nullable var chat: String?
    @Nullable var language: String?
    @Nullable var channel: String?
    var notices: String
    let version: Int
    var items: [ItemJSON]?
    var history: [RequesterHistoryJSON]?

    init(_ r: Requester) {
        id = r.id ?? 0
        name = r.name
        office = r.office
        region = r.region?.rawValue
        phones = r.phones
        email = r.email
        chat = r.chatID
        language = r.language?.rawValue
        channel = r.channel?.rawValue
        notices = r.noticesOff ? "off" : "on"
        version = r.version
    }
}

struct RequesterHistoryJSON: Encodable {
    let at: String
    let actor: String
    let event: String
    @Nullable var field: String?
    @Nullable var old: String?
    @Nullable var new: String?

    init(_ h: RequesterHistoryEntry) {
        at = BeijingTime.iso(h.at)
        actor = h.actor
        event = h.event.rawValue
        field = h.field?.rawValue
        old = h.oldValue
        new = h.newValue
    }
}

extension RequesterCommand {
    /// The directory number in `12` or `#12`; `nil` for a name.
    static func number(_ text: String) -> Int64? {
        var t = text.trimmingCharacters(in: .whitespaces)[...]
        if t.first == "#" { t = t.dropFirst() }
        guard !t.isEmpty, t.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return Int64(t)
    }
}
