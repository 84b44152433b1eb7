import ArgumentParser
import ConsoleCore
import Foundation
import HelpDeskCore

/// `config …`: the configuration file (README, "Configuration"). Never opens the database.
struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config", abstract: "The configuration file: check it, show the configuration in effect.",
        discussion: """
            Files: /etc/helpdesk/config.toml (shared), then $XDG_CONFIG_HOME/helpdesk/config.toml \
            (default ~/.config/helpdesk/config.toml; $HELPDESK_CONFIG names another), whose keys win.
            """,
        subcommands: [Check.self, Show.self])

    struct Check: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Validate a configuration file, or the files in effect (system, then user).",
            discussion: "Prints 'ok: FILE' for each file read; an error names the file, line and key, and exits 2.")
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp("The file to check (default: the files in effect).", valueName: "file"))
        var file: String?

        func run() throws {
            try ConfigCommand.refuseDemo(global)
            let environment = ProcessInfo.processInfo.environment
            var errors: [ConfigurationError] = []
            if let file {
                do {
                    let text = try Configuration.read(file, required: true,
                                                      missing: "no such file; accepted: the path of a TOML configuration file")!
                    let found = ConfigCommand.check(text, file: file, over: Configuration(), environment: environment).errors
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
                        guard let text = try Configuration.read(source.path, required: source.required) else { continue }
                        config.files.append(source.path)
                        let (read, found) = ConfigCommand.check(text, file: source.path, over: config, environment: environment)
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
                    print("no configuration file; the defaults are in effect: looked at \(TerminalText.sanitize(looked))")
                }
            }
            guard let last = errors.last else { return }
            for error in errors.dropLast() {
                Output.standardError("helpdesk: \(TerminalText.sanitize(error.description))\n")
            }
            throw UsageError(last.description)
        }
    }

    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the configuration in effect, every key with its value (as TOML; --json for scripts).")
        @OptionGroup var global: GlobalOptions

        func run() throws {
            try ConfigCommand.refuseDemo(global)
            let environment = ProcessInfo.processInfo.environment
            let config: Configuration
            do { config = try Configuration.load(environment: environment) } catch let error as ConfigurationError {
                throw UsageError(error.description)
            }
            if global.json {
                try JSONOutput.print(ConfigurationJSON(config: config))
            } else {
                let looked = Configuration.sources(environment: environment).map(\.path)
                print(TerminalText.sanitize(ConfigCommand.render(config, looked: looked), keepNewlines: true))
            }
        }
    }

    /// A file's errors as `Configuration.check` finds them, plus a theme that cannot be found or has
    /// an error of its own (looked up as the console would).
    static func check(_ text: String, file: String, over base: Configuration, environment: [String: String])
        -> (config: Configuration, errors: [ConfigurationError])
    {
        var (config, errors) = Configuration.check(text, file: file, over: base)
        if let line = Configuration.line(of: ["theme"], in: text), let name = config.theme,
           !errors.contains(where: { $0.key == "theme" }), let problem = themeProblem(name, environment) {
            errors.append(ConfigurationError(file: file, line: line, key: "theme", message: problem))
            errors.sort { ($0.line ?? .max) < ($1.line ?? .max) }
        }
        return (config, errors)
    }

    static func themeProblem(_ name: String, _ environment: [String: String]) -> String? {
        if name == "dark" { return nil }
        guard let url = ThemeLoader.find(name, environment), FileManager.default.fileExists(atPath: url.path) else {
            let folders = ThemeLoader.folders(environment).map(\.path).joined(separator: ", ")
            return "\(tomlString(name)) not found; accepted: dark, light, high-contrast, a NAME.theme file in \(folders), or a path"
        }
        do {
            let text = try String(contentsOf: url, encoding: .utf8)
            _ = try Theme.parse(name: name, text: text, file: url.path)
            return nil
        } catch let error as Theme.ParseError {
            return "the theme file has an error: \(error); accepted: a theme file of role = FG [on BG][, attribute…] lines"
        } catch {
            return "cannot read the theme file \(url.path): \(error.localizedDescription); accepted: a readable theme file"
        }
    }

    /// The configuration as a TOML file that reads back to the same values.
    static func render(_ config: Configuration, looked: [String]) -> String {
        var out: [String] = []
        if config.files.isEmpty {
            out.append("# no configuration file; the defaults are in effect (looked at \(looked.joined(separator: ", ")))")
        } else {
            out.append("# in effect: the defaults, then \(config.files.joined(separator: ", then "))")
        }
        if let theme = config.theme {
            out.append("theme = \(tomlString(theme))")
        } else {
            out.append("# theme: not set (--theme, else $HELPDESK_THEME, else dark)")
        }
        out.append("bell = \(config.bell)")
        if let command = config.notifyCommand {
            out.append("notify_command = \(tomlString(command))")
        } else {
            out.append("# notify_command: not set (no command is run)")
        }
        out.append("notify_timeout = \(formatNumber(config.notifyTimeout))")
        out.append("retry_first = \(formatNumber(config.retryFirst))")
        out.append("retry_max = \(formatNumber(config.retryMax))")
        if config.timerUsers.isEmpty {
            out.append("# timer_users: nobody (escalate and notify deliver need active staff)")
        } else {
            out.append("timer_users = [\(config.timerUsers.map(tomlString).joined(separator: ", "))]")
        }
        if config.client.isEmpty {
            out.append("")
            out.append("# client: nobody (no [[client]] table)")
        }
        for contact in config.client {
            out.append("")
            out.append("[[client]]")
            out.append("name = \(tomlString(contact.name))")
            if let phone = contact.phone { out.append("phone = \(tomlString(phone))") }
        }
        for level in FaultLevel.allCases {
            let policy = config.escalation[level]
            out.append("")
            out.append("[escalation.level\(level.rawValue)]")
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
        out.append("tablespace = \(formatNumber(limits.tablespace))")
        out.append("service_down = \(formatNumber(limits.serviceDown))")
        out.append("locks_long = \(formatNumber(limits.locksLong))")
        out.append("cpu = \(formatNumber(limits.cpu))")
        out.append("disk = \(formatNumber(limits.disk))")
        out.append("archive_log_done = \(tomlString(limits.archiveLogDone))")
        return out.joined(separator: "\n")
    }
}

/// `config show --json`: every key, `null` when not set; escalation as each level's rules.
struct ConfigurationJSON: Encodable {
    let config: Configuration

    enum Keys: String, CodingKey {
        case files, theme, bell, notify_command, notify_timeout, retry_first, retry_max, timer_users, client, escalation, inspection
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
        try c.encode(config.theme, forKey: .theme)
        try c.encode(config.bell, forKey: .bell)
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
    }

}

extension ConfigCommand {
    /// The configuration commands never open a database: `--demo` has nothing to apply to.
    static func refuseDemo(_ global: GlobalOptions) throws {
        if global.demo {
            throw UsageError(en: "--demo: config check and config show read configuration files, not a database; leave --demo out",
                             zh: "--demo：config check 和 config show 只读配置文件，不用数据库；请去掉 --demo")
        }
    }

    /// Reading a file fails with a `ConfigurationError`; anything else is said as one too.
    static func asConfigurationError(_ error: any Error, file: String) -> ConfigurationError {
        if let known = error as? ConfigurationError { return known }
        return ConfigurationError(file: file, line: nil, key: nil, message: "\(error)")
    }
}
