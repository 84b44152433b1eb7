import Foundation
import HelpDeskCore
import HelpDeskStore
import HelpDeskDemo

/// What a command runs with: the database, now, the operator and the language. The only place that
/// reads the process environment, the clock and the operating-system user.
struct Environment {
    let database: AppDatabase
    private(set) var context: Context
    let language: Language
    let json: Bool
    /// The configuration in effect: the desk's rules, the system file, the personal file (README,
    /// "Configuration").
    private(set) var configuration: Configuration
    /// The desk's rules as last read from the database.
    private var deskRules: [DeskRuleText]
    /// The database file, and whether it is the demo database.
    let databasePath: String
    let isDemo: Bool

    var now: Date { context.now }

    /// `demo` is kept for callers of the old signature; `--demo` (`options.demo`) does the same.
    init(_ options: GlobalOptions, demo: Bool = false) throws {
        let env = ProcessInfo.processInfo.environment
        let demo = demo || options.demo
        if demo, let db = options.db {
            throw UsageError(Catalog.Commands.demoAndDatabase(db, demoFile: "\(Self.dataDirectory(env))/demo.sqlite"))
        }
        let now: Date
        let simulated: Bool
        if let text = options.now ?? env["HELPDESK_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do { now = try TimeInput.parseInstant(text) } catch {
                throw UsageError(Catalog.Commands.option("--now", error.localized))
            }
            simulated = true
        } else {
            now = Date()
            simulated = false
        }
        let path = demo ? Self.dataDirectory(env) + "/demo.sqlite" : Self.databasePath(options.db, env)
        if let refusal = DatabasePlace.refusal(path) { throw refusal }
        let isNew = !FileManager.default.fileExists(atPath: path)
        let user = Self.operatingSystemUser()
        // The user who creates a database becomes its first supervisor.
        let founder = StaffMember(username: user.username, name: user.fullName, role: .supervisor)
        let database: AppDatabase
        do { database = try AppDatabase.open(path: path, founder: founder) } catch let error as StoreError {
            throw error
        } catch {
            if let failure = StorageFailure(error) {
                throw UsageError(failure.text(path: path))
            }
            throw DatabasePlace.failure(path, error)
        }
        let configuration: Configuration
        let rules = try database.deskRules()
        do {
            configuration = try Configuration.load(environment: env, deskRules: rules)
        } catch let error as ConfigurationError {
            throw UsageError(Catalog.Config.refusesCommands(error.text))
        }
        OpenedDatabase.opened(database, path: path)
        self.database = database
        self.configuration = configuration
        self.deskRules = rules.map { DeskRuleText(key: $0.key, value: $0.value) }
        self.databasePath = path
        self.isDemo = demo
        var context = Context(actor: user.username, now: now, escalation: EscalationSettings(
            policy: configuration.escalation,
            client: configuration.client.map { NotificationContact(name: $0.name, phone: $0.phone) },
            timerUsers: Set(configuration.timerUsers)), clockIsSimulated: simulated)
        context.inspection = configuration.inspection
        context.attachmentLimit = AttachmentRules.bytes(mb: configuration.attachmentMaxMB)
        context.pausingAllowed = configuration.pausingAllowed
        context.requesterNotices = RequesterNoticeSettings(
            mailDomain: configuration.mailDomain ?? RequesterNoticeRules.domain(ProcessInfo.processInfo.hostName) ?? "localhost")
        self.context = context
        self.language = LanguageChoice.decide(option: options.lang, configured: configuration.language, environment: env)
        self.json = options.json
        if demo && isNew {
            try database.fillDemo(DemoData(seed: 20_211_123), items: 600, days: 120, context)
        }
    }

    /// Reads the desk's rules again (a console runs for hours while supervisors change them) and,
    /// when they changed, takes them into the context. Rules that no longer read keep the last good
    /// ones in force.
    mutating func followDeskRules() {
        guard let rules = try? database.deskRules() else { return }
        let texts = rules.map { DeskRuleText(key: $0.key, value: $0.value) }
        guard texts != deskRules,
              let fresh = try? Configuration.load(environment: ProcessInfo.processInfo.environment, deskRules: rules) else { return }
        deskRules = texts
        configuration = fresh
        context.escalation.policy = fresh.escalation
        context.escalation.client = fresh.client.map { NotificationContact(name: $0.name, phone: $0.phone) }
        context.inspection = fresh.inspection
        context.attachmentLimit = AttachmentRules.bytes(mb: fresh.attachmentMaxMB)
        context.pausingAllowed = fresh.pausingAllowed
    }

    static func databasePath(_ option: String?, _ env: [String: String]) -> String {
        if let path = option ?? env["HELPDESK_DB"].flatMap({ $0.isEmpty ? nil : $0 }) { return path }
        return dataDirectory(env) + "/helpdesk.sqlite"
    }

    static func dataDirectory(_ env: [String: String]) -> String {
        if let xdg = env["XDG_DATA_HOME"], xdg.hasPrefix("/") { return xdg + "/helpdesk" }
        let home = env["HOME"] ?? NSHomeDirectory()
        return home + "/.local/share/helpdesk"
    }

    /// The operating-system user running the process, from the password database: never a flag or
    /// an environment variable.
    static func operatingSystemUser() -> (username: String, fullName: String) {
        let uid = geteuid()
        guard let entry = getpwuid(uid), let name = entry.pointee.pw_name else { return ("uid\(uid)", "uid\(uid)") }
        let username = String(cString: name)
        var full = entry.pointee.pw_gecos.map { String(cString: $0) } ?? ""
        full = full.split(separator: ",").first.map(String.init) ?? ""
        return (username, full.isEmpty ? username : full)
    }

    // MARK: Reading times typed on the command line

    /// A due time as read from `--due`: a date alone is close of business that day, by the
    /// database's business hours.
    func due(_ due: Due) throws -> Date {
        switch due {
        case .at(let instant): return instant
        case .closeOfBusiness(let date):
            let hours = try database.calendar().hours
            return BeijingTime.instant(date, secondOfDay: hours.closing)
        }
    }
}

/// One desk rule's key and TOML value, as the database keeps it.
struct DeskRuleText: Equatable {
    var key: String
    var value: String
}

/// The database a command opened, closed before the process exits: after a write, SQLite then
/// refreshes its query planner's statistics (`AppDatabase.close()`).
enum OpenedDatabase {
    private static let lock = NSLock()
    nonisolated(unsafe) private static var database: AppDatabase?
    nonisolated(unsafe) private static var openedPath: String?

    static func opened(_ db: AppDatabase, path: String) {
        lock.withLock {
            database = db
            openedPath = path
        }
    }

    /// The file of the database opened, for messages about it.
    static var path: String? { lock.withLock { openedPath } }

    static func close() {
        let db = lock.withLock {
            defer { database = nil }
            return database
        }
        try? db?.close()
    }
}

/// The language everything is said in, decided once, before the arguments are parsed, so that
/// the parser's own refusals, the help and every message agree:
///
/// 1. `--lang zh` or `--lang=zh` among the arguments (the last one given; none after `--`);
/// 2. else `language` in the configuration files (the personal file, `language = "zh"`);
/// 3. else the locale: `LC_ALL`, then `LC_MESSAGES`, then `LANG` (`Language.from(environment:)`).
///
/// A `--lang` value that is not a language is left to the parser, which refuses it in the
/// language the files or the locale give.
enum LanguageChoice {
    /// `--lang X` / `--lang=X` among `arguments`, if it names a language.
    static func argument(_ arguments: [String]) -> Language? {
        var found: Language?
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" { break }
            if arg == "--lang", i + 1 < arguments.count {
                if let lang = Language(rawValue: arguments[i + 1]) { found = lang }
                i += 2
                continue
            }
            if arg.hasPrefix("--lang="), let lang = Language(rawValue: String(arg.dropFirst(7))) { found = lang }
            i += 1
        }
        return found
    }

    /// The language the configuration files name, if they read; a file that does not is
    /// reported by the command that reads it, not here.
    static func configured(environment env: [String: String]) -> Language? {
        (try? Configuration.load(environment: env))?.language
    }

    /// The order above, for a command whose `--lang` is `option` and whose configuration names
    /// `configured`.
    static func decide(option: Language?, configured: Language?, environment env: [String: String]) -> Language {
        option ?? configured ?? Language.from(environment: env)
    }

    /// The order above, from the arguments and the environment alone.
    static func decide(arguments: [String], environment env: [String: String]) -> Language {
        if let lang = argument(arguments) { return lang }
        return decide(option: nil, configured: configured(environment: env), environment: env)
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var decided: Language?

    /// Decides the language for this process's `arguments`; `HelpDesk.run` calls it before parsing.
    @discardableResult
    static func decideOnce(arguments: [String], environment env: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        let lang = decide(arguments: arguments, environment: env)
        lock.withLock { decided = lang }
        return lang
    }

    /// The language decided for this process (decided from the process's own arguments when
    /// nothing decided it before).
    static var current: Language {
        if let lang = lock.withLock({ decided }) { return lang }
        return decideOnce(arguments: Array(CommandLine.arguments.dropFirst()))
    }
}
