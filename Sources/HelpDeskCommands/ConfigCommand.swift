import ArgumentParser
import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `config …`: the configuration (README, "Configuration"): the desk's rules in the database, the
/// system file and the personal file.
struct ConfigCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "config", abstract: HelpDesk.say(Catalog.Help.Admin.Config.abstract),
                             discussion: HelpDesk.say(Catalog.Help.Admin.Config.discussion),
                             subcommands: [Check.self, Show.self, SetRule.self, UnsetRule.self])
    }

    struct Check: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "check", abstract: HelpDesk.say(Catalog.Help.Admin.Config.check),
                                 discussion: HelpDesk.say(Catalog.Help.Admin.Config.checkDiscussion))
        }
        @OptionGroup var global: GlobalOptions
        @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Config.system)))
        var system = false
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Config.file), valueName: "file"))
        var file: String?

        func run() throws {
            try ConfigCommand.refuseDemo(global)
            let environment = ProcessInfo.processInfo.environment
            var errors: [ConfigurationError] = []
            if let file {
                do {
                    if system, let problem = Configuration.trustProblem(file) { throw problem }
                    let text = try Configuration.read(file, required: true,
                                                      missing: Catalog.Config.missingFile)!
                    let found = ConfigCommand.check(text, file: file, over: Configuration(), tier: system ? .system : .personal,
                                                    environment: environment).errors
                    if found.isEmpty { print("ok: \(TerminalText.sanitize(file))") }
                    errors += found
                } catch {
                    errors.append(ConfigCommand.asConfigurationError(error, file: file))
                }
            } else {
                var config = Configuration()
                let sources = Configuration.sources(environment: environment)
                for source in sources {
                    do {
                        if source.tier == .system, let problem = Configuration.trustProblem(source.path) { throw problem }
                        guard let text = try Configuration.read(source.path, required: source.required,
                                                                missing: Configuration.missingMessage(source.tier)) else { continue }
                        config.files.append(source.path)
                        let (read, found) = ConfigCommand.check(text, file: source.path, over: config, tier: source.tier,
                                                                environment: environment)
                        if found.isEmpty {
                            config = read
                            print("ok: \(TerminalText.sanitize(source.path))")
                        }
                        errors += found
                    } catch {
                        errors.append(ConfigCommand.asConfigurationError(error, file: source.path))
                    }
                }
                if config.files.isEmpty && errors.isEmpty {
                    let looked = sources.map(\.path).joined(separator: ", ")
                    print(Catalog.Admin.Config.noFile(TerminalText.sanitize(looked))(HelpDesk.messageLanguage))
                }
            }
            guard let last = errors.last else { return }
            let lang = HelpDesk.messageLanguage
            for error in errors.dropLast() {
                Output.standardError("helpdesk: \(TerminalText.sanitize(error.text(lang)))\n")
            }
            throw UsageError(last.text)
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "show", abstract: HelpDesk.say(Catalog.Help.Admin.Config.show),
                                 discussion: HelpDesk.say(Catalog.Help.Admin.Config.showDiscussion))
        }
        @OptionGroup var global: GlobalOptions

        func run() throws {
            let environment = ProcessInfo.processInfo.environment
            let (rules, database) = try ConfigCommand.deskRulesIfAny(global, environment)
            let config: Configuration
            do { config = try Configuration.load(environment: environment, deskRules: rules) } catch let error as ConfigurationError {
                throw UsageError(error.text)
            }
            if global.json {
                try JSONOutput.print(ConfigurationJSON(config: config, database: database))
            } else {
                let looked = Configuration.sources(environment: environment).map(\.path)
                print(TerminalText.sanitize(ConfigCommand.render(config, looked: looked, database: database,
                                                                 systemFile: Configuration.systemFile(environment: environment).path,
                                                                 lang: HelpDesk.messageLanguage),
                                            keepNewlines: true))
            }
        }
    }

    struct SetRule: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "set", abstract: HelpDesk.say(Catalog.Help.Admin.Config.set),
                                 discussion: HelpDesk.say(Catalog.Help.Admin.Config.setDiscussion(DeskRuleKey.all.joined(separator: ", "))))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Config.key), valueName: "key")) var key: String
        // Taken whatever it starts with: `-1` is a value here, not an option (and is then refused
        // for what it says).
        @Argument(parsing: .allUnrecognized, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Config.value), valueName: "value")) var value: [String] = []

        func run() throws {
            let env = try Environment(global)
            guard value.count == 1 else {
                throw UsageError(Catalog.Admin.Config.setTakesOneValue(key, example: ConfigCommand.example(key)))
            }
            let text = try ConfigCommand.checkedRule(key, value[0], env)
            let old = try env.database.setDeskRule(key, to: text, env.context)
            ConfigCommand.reportRule(key, old: old, new: text, env)
        }
    }

    struct UnsetRule: ParsableCommand {
        static var configuration: CommandConfiguration {
            CommandConfiguration(commandName: "unset", abstract: HelpDesk.say(Catalog.Help.Admin.Config.unset))
        }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Config.key), valueName: "key")) var key: String

        func run() throws {
            let env = try Environment(global)
            try ConfigCommand.checkKey(key)
            let old = try env.database.setDeskRule(key, to: nil, env.context)
            ConfigCommand.reportRule(key, old: old, new: nil, env)
        }
    }

    static func checkKey(_ key: String) throws {
        guard DeskRuleKey.all.contains(key) else {
            throw UsageError(Catalog.Admin.Config.notARule(key, DeskRuleKey.all))
        }
    }

    /// The TOML text to store for `key`: `value` as given when it reads as TOML, a bare word taken as
    /// a string for archive_log_done, `a = …, b = …` taken as the inline table of an escalation level.
    /// Checked as the configuration will read it, over the rules in effect.
    static func checkedRule(_ key: String, _ value: String, _ env: Environment) throws -> String {
        try checkKey(key)
        var text = value.trimmingCharacters(in: .whitespacesAndNewlines)
        if key.hasPrefix("escalation."), !text.hasPrefix("{") { text = "{ \(text) }" }
        if key == "inspection.archive_log_done", !text.hasPrefix("\""), !text.hasPrefix("'") { text = tomlString(text) }
        if key == "mail.region" || key == "mail.refuse", !text.hasPrefix("\""), !text.hasPrefix("'") { text = tomlString(text) }
        if key == "replication.config", !text.hasPrefix("\""), !text.hasPrefix("'") { text = tomlString(text) }
        if text.contains("\n") {
            throw UsageError(Catalog.Admin.Config.oneLine(key, example: example(key)))
        }
        let (_, errors) = Configuration.check("\(key) = \(text)\n", file: "config set \(key)", tier: .desk)
        if let first = errors.first, first.key == nil, first.problem.en.contains("TOML 1.0") {
            // Not TOML at all: the parser's account (its columns count the key too) says less than this.
            throw UsageError(Catalog.Admin.Config.notAValue(key, tomlString(value), example: example(key)))
        }
        if let first = errors.first {
            throw UsageError(Catalog.Admin.Config.refused(first.key ?? key, first.problem, rule: key, example: example(key)))
        }
        return text
    }

    static func example(_ key: String) -> String {
        switch key {
        case "client": return Catalog.Admin.Config.clientExample
        case "inspection.archive_log_done": return "cleaned"
        case "inspection.service_down", "inspection.locks_long": return "5"
        case "attachment.max_mb": return "20"
        case "mail.region": return "xining"
        case "mail.max_mb": return "25"
        case "mail.reopen_days": return "5"
        case "mail.refuse": return #""spam@example.com, @junk.example""#
        case "replication.config": return "/srv/litestream.yml"
        default:
            if key.hasPrefix("escalation.") { return #"'at_report = ["T0"], at_50 = ["T1"], at_breach = ["supervisor"]'"# }
            return "90"
        }
    }

    static func reportRule(_ key: String, old: String?, new: String?, _ env: Environment) {
        let system = env.configuration.origins[key] ?? env.configuration.origins.first { key.hasPrefix($0.key + ".") }?.value
        let lang = env.language
        let from = old ?? Catalog.Admin.Config.theDefault(lang)
        let to = new ?? Catalog.Admin.Config.theDefault(lang)
        print(TerminalText.sanitize(Catalog.Admin.Config.changed(key, from: from, to: to)(lang)))
        if let system, system != "database" {
            Output.standardError("helpdesk: " + Catalog.Admin.Config.systemWins(system, key)(lang) + "\n")
        }
    }

    /// The desk's rules in the database named by the options, read without creating or changing it;
    /// none when there is no database there yet.
    static func deskRulesIfAny(_ global: GlobalOptions, _ environment: [String: String]) throws
        -> (rules: [(key: String, value: String)], database: String?)
    {
        let path = global.demo ? Environment.dataDirectory(environment) + "/demo.sqlite" : Environment.databasePath(global.db, environment)
        guard FileManager.default.fileExists(atPath: path) else { return ([], nil) }
        do {
            let database = try AppDatabase.open(path: path, readOnly: true)
            defer { try? database.close() }
            return (try database.deskRules(), path)
        } catch {
            if let failure = StorageFailure(error) {
                throw UsageError(failure.text(path: path))
            }
            throw error
        }
    }

    /// A file's errors as `Configuration.check` finds them, plus a theme that cannot be found or has
    /// an error of its own (looked up as the console would).
    static func check(_ text: String, file: String, over base: Configuration, tier: Configuration.Tier,
                      environment: [String: String])
        -> (config: Configuration, errors: [ConfigurationError])
    {
        var (config, errors) = Configuration.check(text, file: file, over: base, tier: tier)
        if errors.allSatisfy({ $0.key != nil }), let name = config.theme, name != base.theme,
           !errors.contains(where: { $0.key == "theme" }), let line = Configuration.line(of: ["theme"], in: text),
           let problem = themeProblem(name, environment) {
            errors.append(ConfigurationError(file: file, line: line, key: "theme", message: problem))
            errors.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        }
        return (config, errors)
    }

    static func themeProblem(_ name: String, _ environment: [String: String]) -> LocalizedText? {
        if name == "dark" { return nil }
        guard let url = ThemeLoader.find(name, environment), FileManager.default.fileExists(atPath: url.path) else {
            let folders = ThemeLoader.folders(environment).map(\.path).joined(separator: ", ")
            return Catalog.Config.themeNotFound(tomlString(name), folders: folders)
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            _ = try Theme.parse(name: name, text: text, file: url.path)
            return nil
        } catch let error as Theme.ParseError {
            return Catalog.Config.themeFileError(error.text)
        } catch {
            return Catalog.Config.themeUnreadable(url.path, error.localizedDescription)
        }
    }

    /// The configuration as a TOML file that reads back to the same values, each key followed by
    /// where it comes from.
    static func render(_ config: Configuration, looked: [String], database: String? = nil,
                       systemFile: String = Configuration.defaultSystemFile, lang: Language = .en) -> String {
        typealias Say = Catalog.Config.Show
        var out: [String] = []
        if config.files.isEmpty {
            out.append(Say.noFile(looked.joined(separator: ", "))(lang))
        } else {
            out.append(Say.filesRead(config.files)(lang))
        }
        out.append((database.map(Say.database) ?? Say.noDatabase)(lang))
        func from(_ key: String) -> String {
            switch config.origins[key] {
            case nil: return Say.fromDefault(lang)
            case "database"?: return Say.fromDatabase(lang)
            case let file?: return "   # \(file)"
            }
        }
        out.append("")
        out.append(Say.preferences(lang))
        if let theme = config.theme {
            out.append("theme = \(tomlString(theme))" + from("theme"))
        } else {
            out.append(Say.themeNotSet(lang))
        }
        out.append("bell = \(config.bell)" + from("bell"))
        if let language = config.language {
            out.append("language = \(tomlString(language.rawValue))" + from("language"))
        } else {
            out.append(Say.languageNotSet(lang))
        }
        out.append("")
        out.append(Say.systemOnly(systemFile)(lang))
        if let command = config.notifyCommand {
            out.append("notify_command = \(tomlString(command))" + from("notify_command"))
        } else {
            out.append(Say.notifyCommandNotSet(lang))
        }
        out.append("notify_timeout = \(formatNumber(config.notifyTimeout))" + from("notify_timeout"))
        out.append("retry_first = \(formatNumber(config.retryFirst))" + from("retry_first"))
        out.append("retry_max = \(formatNumber(config.retryMax))" + from("retry_max"))
        if config.timerUsers.isEmpty {
            out.append(Say.noTimerUsers(lang))
        } else {
            out.append("timer_users = [\(config.timerUsers.map(tomlString).joined(separator: ", "))]" + from("timer_users"))
        }
        if config.mail.users.isEmpty {
            out.append(Catalog.MailIn.noMailUsers(lang))
        } else {
            out.append("mail_users = [\(config.mail.users.sorted().map(tomlString).joined(separator: ", "))]" + from("mail_users"))
        }
        out.append("")
        out.append(Say.deskRules(lang))
        if config.client.isEmpty {
            out.append(Say.noClient(lang))
        } else {
            out.append(Say.client(lang) + from("client"))
        }
        for contact in config.client {
            out.append("[[client]]")
            out.append("name = \(tomlString(contact.name))")
            if let phone = contact.phone { out.append("phone = \(tomlString(phone))") }
        }
        for level in FaultLevel.allCases {
            let policy = config.escalation[level]
            out.append("")
            out.append("[escalation.level\(level.rawValue)]" + from("escalation.level\(level.rawValue)"))
            let byPercent = Dictionary(grouping: policy.rules, by: \.percent)
            for percent in byPercent.keys.sorted() {
                let key = percent == 0 ? "at_report" : percent == 100 ? "at_breach" : "at_\(percent)"
                let steps = byPercent[percent]!.map { tomlString($0.step.rawValue) }.joined(separator: ", ")
                out.append("\(key) = [\(steps)]")
            }
            out.append("notify_client_on_breach = \(policy.notifyClientOnBreach)")
        }
        let limits = config.inspection
        out.append("")
        out.append("[inspection]")
        out.append("tablespace = \(formatNumber(limits.tablespace))" + from("inspection.tablespace"))
        out.append("service_down = \(formatNumber(limits.serviceDown))" + from("inspection.service_down"))
        out.append("locks_long = \(formatNumber(limits.locksLong))" + from("inspection.locks_long"))
        out.append("cpu = \(formatNumber(limits.cpu))" + from("inspection.cpu"))
        out.append("disk = \(formatNumber(limits.disk))" + from("inspection.disk"))
        out.append("archive_log_done = \(tomlString(limits.archiveLogDone))" + from("inspection.archive_log_done"))
        out.append("")
        out.append("[mail]")
        out.append("region = \(tomlString(config.mail.region.rawValue))" + from("mail.region"))
        out.append("max_mb = \(config.mail.maxMB)" + from("mail.max_mb"))
        out.append("reopen_days = \(config.mail.reopenDays)" + from("mail.reopen_days"))
        out.append("refuse = \(tomlString(config.mail.refuse.joined(separator: ", ")))" + from("mail.refuse"))
        out.append("")
        out.append("[replication]")
        if let path = config.replicationConfig {
            out.append("config = \(tomlString(path))" + from("replication.config"))
        } else {
            out.append(Catalog.Replication.configNotSet(lang))
        }
        return out.joined(separator: "\n")
    }
}

/// `config show --json`: every key, `null` when not set; escalation as each level's rules.
struct ConfigurationJSON: Encodable {
    let config: Configuration
    /// The database whose desk rules were read, if there is one.
    var database: String? = nil

    enum Keys: String, CodingKey {
        case files, database, origins, theme, bell, language, notify_command, notify_timeout, retry_first, retry_max, timer_users, client, escalation, inspection, replication
    }

    struct Inspection: Encodable {
        let limits: InspectionThresholds
        enum Keys: String, CodingKey { case tablespace, service_down, locks_long, cpu, disk, archive_log_done }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(limits.tablespace, forKey: .tablespace)
            try c.encode(limits.serviceDown, forKey: .service_down)
            try c.encode(limits.locksLong, forKey: .locks_long)
            try c.encode(limits.cpu, forKey: .cpu)
            try c.encode(limits.disk, forKey: .disk)
            try c.encode(limits.archiveLogDone, forKey: .archive_log_done)
        }
    }

    struct Contact: Encodable {
        let contact: Configuration.Contact
        enum Keys: String, CodingKey { case name, phone }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(contact.name, forKey: .name)
            try c.encode(contact.phone, forKey: .phone)
        }
    }

    struct Level: Encodable {
        let policy: LevelPolicy
        struct Rule: Encodable { let step: String; let percent: Int }
        enum Keys: String, CodingKey { case rules, notify_client_on_breach }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(policy.rules.map { Rule(step: $0.step.rawValue, percent: $0.percent) }, forKey: .rules)
            try c.encode(policy.notifyClientOnBreach, forKey: .notify_client_on_breach)
        }
    }

    func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(config.files, forKey: .files)
        try c.encode(database, forKey: .database)
        try c.encode(config.origins, forKey: .origins)
        try c.encode(config.theme, forKey: .theme)
        try c.encode(config.bell, forKey: .bell)
        try c.encode(config.language?.rawValue, forKey: .language)
        try c.encode(config.notifyCommand, forKey: .notify_command)
        try c.encode(config.notifyTimeout, forKey: .notify_timeout)
        try c.encode(config.retryFirst, forKey: .retry_first)
        try c.encode(config.retryMax, forKey: .retry_max)
        try c.encode(config.timerUsers, forKey: .timer_users)
        try c.encode(config.client.map(Contact.init), forKey: .client)
        var levels: [String: Level] = [:]
        for level in FaultLevel.allCases { levels["level\(level.rawValue)"] = Level(policy: config.escalation[level]) }
        try c.encode(levels, forKey: .escalation)
        try c.encode(Inspection(limits: config.inspection), forKey: .inspection)
        try c.encode(["config": config.replicationConfig], forKey: .replication)
    }

}

extension ConfigCommand {
    /// The configuration commands never open a database: `--demo` has nothing to apply to.
    static func refuseDemo(_ global: GlobalOptions) throws {
        if global.demo {
            throw UsageError(Catalog.Admin.Config.noDemo)
        }
    }

    /// Reading a file fails with a `ConfigurationError`; anything else is said as one too.
    static func asConfigurationError(_ error: any Error, file: String) -> ConfigurationError {
        if let known = error as? ConfigurationError { return known }
        return ConfigurationError(file: file, line: nil, key: nil, message: .verbatim("\(error)"))
    }
}
