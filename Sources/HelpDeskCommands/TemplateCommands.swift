import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `template add|list|show|edit|retire`: the desk's canned answers for replies and notes.
/// `--lang` (the global option) says which language `--text` is in; Chinese when not given.
struct TemplateCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "template", abstract: HelpDesk.say(Catalog.Templates.Help.abstract),
                             subcommands: [Add.self, List.self, Show.self, Edit.self, Retire.self])
    }

    /// The bodies given: `--text` in the `--lang` given (Chinese unless `en`), `--text-en` in English.
    static func bodies(text: String?, textEn: String?, lang: Language?) throws -> (zh: String?, en: String?) {
        if lang == .en {
            if text != nil, textEn != nil { throw UsageError(Catalog.Templates.sameLanguageTwice) }
            return (nil, text ?? textEn)
        }
        return (text, textEn)
    }

    struct Add: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "add", abstract: HelpDesk.say(Catalog.Templates.Help.add))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.title))) var title: String
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.text))) var text: String?
        @Option(name: .customLong("text-en"), help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.textEn))) var textEn: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.use), valueName: "reply|note")) var use: TemplateUse = .reply

        func run() throws {
            let (zh, en) = try TemplateCommand.bodies(text: text, textEn: textEn, lang: global.lang)
            let env = try Environment(global)
            let added = try env.database.addTemplate(ReplyTemplate(title: title, bodyZh: zh, bodyEn: en, use: use), env.context)
            print(added.id!)
        }
    }

    struct List: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "list", abstract: HelpDesk.say(Catalog.Templates.Help.list))
        }
        @OptionGroup var global: GlobalOptions
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.use), valueName: "reply|note")) var use: TemplateUse?
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.all))) var all = false

        func run() throws {
            let env = try Environment(global)
            let found = try env.database.templates(use: use, language: global.lang, retired: all)
            if env.json {
                try JSONOutput.print(found.map(TemplateJSON.init))
                return
            }
            let lang = env.language, say = Catalog.Templates.self
            guard !found.isEmpty else {
                Output.standardError("\(say.noneFound(lang))\n")
                return
            }
            var table = TextTable(headers: say.headers.map { $0(lang) })
            table.rows = found.map { t in
                ["\(t.id!)", t.title, say.use(t.use)(lang), t.languages.map(\.rawValue).joined(separator: ","), "\(t.version)",
                 (t.retired ? say.retiredState : say.active)(lang)]
            }
            print(table.render())
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: HelpDesk.say(Catalog.Templates.Help.show))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.id))) var id: Int64

        func run() throws {
            let env = try Environment(global)
            guard let t = try env.database.template(id) else { throw UsageError(Catalog.Templates.notFound(id)) }
            if env.json {
                try JSONOutput.print(TemplateJSON(t))
                return
            }
            print(templateText(t, env.language), terminator: "")
        }
    }

    struct Edit: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "edit", abstract: HelpDesk.say(Catalog.Templates.Help.edit))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.id))) var id: Int64
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.title))) var title: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.text))) var text: String?
        @Option(name: .customLong("text-en"), help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.textEn))) var textEn: String?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.use), valueName: "reply|note")) var use: TemplateUse?
        @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.version))) var version: Int?

        func run() throws {
            let (zh, en) = try TemplateCommand.bodies(text: text, textEn: textEn, lang: global.lang)
            let env = try Environment(global)
            let edited = try env.database.editTemplate(id, expectedVersion: version, env.context) { t in
                if let title { t.title = title }
                if let zh { t.bodyZh = zh }
                if let en { t.bodyEn = en }
                if let use { t.use = use }
            }
            print(Catalog.Templates.edited(id, version: edited.version)(env.language))
        }
    }

    struct Retire: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "retire", abstract: HelpDesk.say(Catalog.Templates.Help.retire))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Templates.Help.id))) var id: Int64

        func run() throws {
            let env = try Environment(global)
            try env.database.retireTemplate(id, env.context)
            print(Catalog.Templates.retiredDone(id)(env.language))
        }
    }
}

extension TemplateUse: ExpressibleByArgument {}

/// The text of a reply or note: `--text` as given, or `--template` filled for the item in its
/// requester's language (the directory's), else the operator's. Both, or neither, are refused.
func timelineInput(_ id: Int64, text: String?, template: Int64?, use: TemplateUse, _ env: Environment) throws -> String {
    switch (text, template) {
    case (_?, _?): throw UsageError(Catalog.Templates.textAndTemplate)
    case (nil, nil): throw UsageError(Catalog.Templates.textOrTemplate)
    case (let text?, nil): return text
    case (nil, let template?):
        let lang = try env.database.preferredLanguage(ofItem: id, desk: env.language)
        return try env.database.fillTemplate(template, for: id, use: use, language: lang, now: env.context.now).text
    }
}

/// One template as `template show` prints it: its facts, then each body under its language.
func templateText(_ t: ReplyTemplate, _ lang: Language) -> String {
    let say = Catalog.Templates.self
    let clean = { (s: String) in TerminalText.sanitize(s) }
    var out = "#\(t.id!) \(clean(t.title))\n"
    out += "\(say.headers[2](lang)): \(say.use(t.use)(lang))  \(say.headers[4](lang)): \(t.version)  "
    out += "\(say.headers[5](lang)): \((t.retired ? say.retiredState : say.active)(lang))\n"
    out += "\(say.createdLabel(lang)): \(BeijingTime.short(t.createdAt)) \(clean(t.createdBy))\n"
    if let at = t.editedAt { out += "\(say.editedLabel(lang)): \(BeijingTime.short(at)) \(clean(t.editedBy ?? ""))\n" }
    for l in t.languages {
        out += "\n[\(say.language(l)(lang))]\n"
        for line in (t.body(in: l) ?? "").components(separatedBy: .newlines) { out += clean(line) + "\n" }
    }
    return out
}

/// A template for `--json`: `{"id", "title", "use", "text_zh", "text_en", "retired", "version",
/// "created_at", "created_by", "edited_at", "edited_by"}`.
struct TemplateJSON: Encodable {
    let t: ReplyTemplate
    init(_ t: ReplyTemplate) { self.t = t }
    enum Keys: String, CodingKey { case id, title, use, text_zh, text_en, retired, version, created_at, created_by, edited_at, edited_by }
    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(t.id, forKey: .id)
        try c.encode(t.title, forKey: .title)
        try c.encode(t.use.rawValue, forKey: .use)
        try c.encode(t.bodyZh, forKey: .text_zh)
        try c.encode(t.bodyEn, forKey: .text_en)
        try c.encode(t.retired, forKey: .retired)
        try c.encode(t.version, forKey: .version)
        try c.encode(BeijingTime.iso(t.createdAt), forKey: .created_at)
        try c.encode(t.createdBy, forKey: .created_by)
        try c.encode(t.editedAt.map(BeijingTime.iso), forKey: .edited_at)
        try c.encode(t.editedBy, forKey: .edited_by)
    }
}
