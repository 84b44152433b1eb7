import Foundation
import HelpDeskCore
import TOMLKit

/// The configuration file (README, "Configuration"): TOML at `/etc/helpdesk/config.toml` for a shared
/// installation, then `$XDG_CONFIG_HOME/helpdesk/config.toml` (or `$HELPDESK_CONFIG`) for the user,
/// whose keys override the system's one by one.
struct Configuration: Equatable, Sendable {
    /// `theme = "light"`: a theme name or a path; the --theme flag and HELPDESK_THEME win over it.
    var theme: String?
    /// `bell = false`: ring the terminal bell when a notification for the operator arrives.
    var bell = true
    /// `notify_command = "/usr/local/bin/sms-gateway --json"`: run with /bin/sh -c, one notification
    /// as JSON on stdin.
    var notifyCommand: String?
    /// `notify_timeout = 10`: seconds before a hanging command is killed and the attempt counted as
    /// failed (> 0, ≤ 600).
    var notifyTimeout: Double = 10
    /// `retry_first = 30`: seconds before the first retry; each later retry waits twice as long.
    var retryFirst: Double = 30
    /// `retry_max = 3600`: the longest wait between retries (≥ retry_first).
    var retryMax: Double = 3600
    /// `[[client]] name = "…", phone = "…"`: who is told when the client office is notified.
    var client: [Contact] = []
    /// `timer_users = ["helpdesk"]`: operating-system users who may run `escalate` and `notify
    /// deliver` without being on the staff list (the user of a cron job or systemd timer).
    var timerUsers: [String] = []
    /// `[escalation.levelN]` tables; a level left out keeps the contract's default path.
    var escalation: EscalationPolicy = .standard
    /// The files read, in order.
    var files: [String] = []

    struct Contact: Equatable, Sendable {
        var name: String
        var phone: String?
    }

    /// The keys a file may hold at the top level.
    static let topLevelKeys = ["theme", "bell", "notify_command", "notify_timeout", "retry_first", "retry_max",
                               "timer_users", "client", "escalation"]
    /// The longest `notify_timeout`, and the longest wait `retry_first` / `retry_max` may name.
    static let maxNotifyTimeout: Double = 600
    static let maxRetryWait: Double = 86_400

    // MARK: Reading files

    /// The system-wide file.
    static let defaultSystemFile = "/etc/helpdesk/config.toml"

    /// The user's file: `$HELPDESK_CONFIG`, else `$XDG_CONFIG_HOME/helpdesk/config.toml` (an absolute
    /// `XDG_CONFIG_HOME` only), else `$HOME/.config/helpdesk/config.toml`. `explicit` is true for
    /// `HELPDESK_CONFIG`, whose file must exist.
    static func userFile(environment env: [String: String]) -> (path: String, explicit: Bool) {
        if let path = env["HELPDESK_CONFIG"], !path.isEmpty { return (path, true) }
        let base = env["XDG_CONFIG_HOME"].flatMap { $0.hasPrefix("/") ? $0 : nil }
            ?? ((env["HOME"].flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.config")
        return (base + "/helpdesk/config.toml", false)
    }

    /// The files looked at, in the order they are read: the system's, then the user's (once, when
    /// both name the same file).
    static func sources(environment env: [String: String], systemFile: String = defaultSystemFile)
        -> [(path: String, required: Bool)]
    {
        let user = userFile(environment: env)
        var list: [(path: String, required: Bool)] = [(systemFile, false)]
        if standardized(user.path) != standardized(systemFile) {
            list.append((user.path, user.explicit))
        } else if user.explicit {
            list[0].required = true
        }
        return list
    }

    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }

    /// The configuration in effect: the defaults, then the system file, then the user's file, each
    /// only if it exists (`HELPDESK_CONFIG` must name a file that does).
    static func load(environment: [String: String], systemFile: String = defaultSystemFile) throws -> Configuration {
        var config = Configuration()
        for source in sources(environment: environment, systemFile: systemFile) {
            guard let text = try read(source.path, required: source.required) else { continue }
            config = try parse(text, file: source.path, over: config)
        }
        return config
    }

    /// The text of a configuration file; `nil` when it does not exist and is not `required`.
    /// `missing` says what to do when a required file does not exist.
    static func read(_ path: String, required: Bool,
                     missing: String = "no such file, named by HELPDESK_CONFIG; accepted: the path of an existing configuration file, or HELPDESK_CONFIG unset")
        throws -> String?
    {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            if !required { return nil }
            throw ConfigurationError(file: path, line: nil, key: nil, message: missing)
        }
        if isDirectory.boolValue {
            throw ConfigurationError(file: path, line: nil, key: nil, message: "is a directory; expected a TOML file")
        }
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw ConfigurationError(file: path, line: nil, key: nil,
                                     message: "cannot read: \((error as NSError).localizedDescription)")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw ConfigurationError(file: path, line: nil, key: nil, message: "not UTF-8 text; a TOML file is UTF-8")
        }
        return text
    }

    // MARK: Parsing

    /// Reads one file's text over `base`: the keys present in the file replace the base's (an
    /// `[escalation.levelN]` table replaces that level whole). Throws the first error, in line order.
    static func parse(_ text: String, file: String, over base: Configuration = .init()) throws
        -> Configuration
    {
        let (config, errors) = check(text, file: file, over: base)
        if let first = errors.first { throw first }
        return config
    }

    /// Like `parse`, but returns every error found, in line order, with what could be read.
    static func check(_ text: String, file: String, over base: Configuration = .init())
        -> (Configuration, [ConfigurationError])
    {
        let table: TOMLTable
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            let message = "\(error.description) (column \(error.source.begin.column)); the file must be TOML 1.0 (https://toml.io): key = value lines under [table] headers"
            return (base, [ConfigurationError(file: file, line: error.source.begin.line, key: nil, message: message)])
        } catch {
            return (base, [ConfigurationError(file: file, line: nil, key: nil, message: "\(error); the file must be TOML 1.0")])
        }
        var reader = Reader(file: file, positions: TOMLPositions(text))
        var config = base
        config.files.append(file)
        reader.read(table, into: &config, base: base)
        let errors = reader.errors.enumerated().sorted { a, b in
            (a.element.line ?? .max, a.offset) < (b.element.line ?? .max, b.offset)
        }.map(\.element)
        return (config, errors)
    }

    /// The line a key path stands on in `text` (`["escalation", "level1", "at_50"]`; array elements
    /// as `"#0"`, `"#1"`, …), or the line of its closest enclosing key or table.
    static func line(of path: [String], in text: String) -> Int? {
        TOMLPositions(text).line(of: path)
    }
}

/// What is wrong with a configuration file, and where: `FILE:LINE: KEY: what is wrong; what is accepted`.
struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    let file: String
    let line: Int?
    let key: String?
    let message: String

    var description: String {
        var text = file
        if let line { text += ":\(line)" }
        text += ": "
        if let key { text += "\(key): " }
        return text + message
    }
}

// MARK: - Reading the parsed document

/// Walks a parsed document, filling a configuration and collecting errors with their lines.
private struct Reader {
    let file: String
    let positions: TOMLPositions
    var errors: [ConfigurationError] = []

    static let stepNames = EscalationStep.allCases.map(\.rawValue).joined(separator: ", ")
    static let levelKeys = "at_report, at_N (N from 1 to 99: when N% of the window from report to deadline has passed), at_breach, notify_client_on_breach"
    static let policyRules = "each step at most once; the tiers climb T0 → T1 → T2 without a gap, each no earlier than the one below"

    mutating func fail(_ path: [String], _ message: String) {
        errors.append(ConfigurationError(file: file, line: positions.line(of: path), key: Self.name(path), message: message))
    }

    /// A key path as written in messages: `escalation.level1.at_50`, `client[2].phone` (elements
    /// counted from 1), quoting keys that are not bare.
    static func name(_ path: [String]) -> String {
        var text = ""
        for segment in path {
            if segment.hasPrefix("#"), let index = Int(segment.dropFirst()) {
                text += "[\(index + 1)]"
                continue
            }
            if !text.isEmpty { text += "." }
            let bare = !segment.isEmpty && segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" || $0 == "-"
            }
            text += bare ? segment : tomlString(segment)
        }
        return text
    }

    /// "an integer (5)", "a string (\"x\")", … for messages about a value of the wrong type.
    static func describe(_ value: TOMLValueConvertible) -> String {
        switch value.type {
        case .int: return "an integer (\(value.int.map(String.init) ?? "?"))"
        case .double: return "a number (\(value.double.map(formatNumber) ?? "?"))"
        case .bool: return "a boolean (\(value.bool.map(String.init) ?? "?"))"
        case .string: return "a string (\(tomlString(value.string ?? "")))"
        case .array: return "an array"
        case .table: return "a table"
        case .date: return "a date"
        case .time: return "a time"
        case .dateTime: return "a date-time"
        }
    }

    mutating func read(_ table: TOMLTable, into config: inout Configuration, base: Configuration) {
        var retryTouched: [String] = []
        for key in table.keys {
            guard let value = table[key] else { continue }
            let path = [key]
            switch key {
            case "theme":
                if let text = nonEmptyString(value, path, accepted: "a theme name (dark, light, high-contrast) or the path of a theme file, e.g. theme = \"light\"") {
                    config.theme = text
                }
            case "bell":
                guard let flag = value.bool else {
                    fail(path, "is \(Self.describe(value)); accepted: true or false")
                    continue
                }
                config.bell = flag
            case "notify_command":
                if let text = nonEmptyString(value, path, accepted: "a shell command line, run with /bin/sh -c, e.g. notify_command = \"/usr/local/bin/sms-gateway --json\"; leave the key out for none", multiline: true) {
                    config.notifyCommand = text
                }
            case "notify_timeout":
                if let seconds = seconds(value, path, limit: Configuration.maxNotifyTimeout) { config.notifyTimeout = seconds }
            case "retry_first":
                if let seconds = seconds(value, path, limit: Configuration.maxRetryWait) {
                    config.retryFirst = seconds
                    retryTouched.append(key)
                }
            case "retry_max":
                if let seconds = seconds(value, path, limit: Configuration.maxRetryWait) {
                    config.retryMax = seconds
                    retryTouched.append(key)
                }
            case "timer_users":
                if let users = timerUsers(value) { config.timerUsers = users }
            case "client":
                if let contacts = contacts(value) { config.client = contacts }
            case "escalation":
                readEscalation(value, into: &config.escalation)
            default:
                fail(path, "unknown key; accepted: \(Configuration.topLevelKeys.joined(separator: ", "))\(suggestion(key, Configuration.topLevelKeys))")
            }
        }
        if !retryTouched.isEmpty, config.retryMax < config.retryFirst {
            let from: (String) -> String = { key in
                retryTouched.contains(key) ? "" : base.files.isEmpty ? " (the default)" : " (from \(base.files.last!))"
            }
            if retryTouched.contains("retry_max") {
                fail(["retry_max"], "\(formatNumber(config.retryMax)) is shorter than retry_first, \(formatNumber(config.retryFirst))\(from("retry_first")); accepted: a number of seconds ≥ retry_first, at most \(formatNumber(Configuration.maxRetryWait))")
            } else {
                fail(["retry_first"], "\(formatNumber(config.retryFirst)) is longer than retry_max, \(formatNumber(config.retryMax))\(from("retry_max")); accepted: a number of seconds > 0, at most retry_max")
            }
        }
    }

    /// ", did you mean 'x'?" when a known key is one or two edits away.
    func suggestion(_ key: String, _ known: [String]) -> String {
        guard let best = known.min(by: { editDistance(key, $0) < editDistance(key, $1) }),
              editDistance(key, best) <= 2 else { return "" }
        return " (did you mean \(best)?)"
    }

    /// A string with something in it and no control characters (`multiline`: line ends and tabs allowed).
    mutating func nonEmptyString(_ value: TOMLValueConvertible, _ path: [String], accepted: String,
                                 multiline: Bool = false) -> String? {
        guard let text = value.string else {
            fail(path, "is \(Self.describe(value)); accepted: \(accepted)")
            return nil
        }
        if text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
            fail(path, "is empty; accepted: \(accepted)")
            return nil
        }
        let allowed: Set<UInt32> = multiline ? [0x09, 0x0A, 0x0D] : []
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 || $0.value == 0x7F) && !allowed.contains($0.value) }) {
            fail(path, "holds a control character; accepted: \(accepted)")
            return nil
        }
        return text
    }

    mutating func seconds(_ value: TOMLValueConvertible, _ path: [String], limit: Double) -> Double? {
        let accepted = "a number of seconds greater than 0 and at most \(formatNumber(limit)), e.g. \(path.last!) = 30"
        let number: Double
        if let int = value.int { number = Double(int) } else if let double = value.double { number = double } else {
            fail(path, "is \(Self.describe(value)); accepted: \(accepted)")
            return nil
        }
        guard number > 0, number <= limit else {
            fail(path, "\(formatNumber(number)) is out of range; accepted: \(accepted)")
            return nil
        }
        return number
    }

    /// Operating-system user names: letters, digits, '.', '_', '-'.
    mutating func timerUsers(_ value: TOMLValueConvertible) -> [String]? {
        let accepted = "an array of operating-system user names (letters, digits, '.', '_', '-'), e.g. timer_users = [\"helpdesk\"]"
        guard let array = value.array else {
            fail(["timer_users"], "is \(Self.describe(value)); accepted: \(accepted)")
            return nil
        }
        var users: [String] = []
        for (index, element) in array.enumerated() {
            let path = ["timer_users", "#\(index)"]
            guard let name = element.string else {
                fail(path, "is \(Self.describe(element)); accepted: \(accepted)")
                return nil
            }
            let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
            guard !name.isEmpty, name.count <= 32, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }) else {
                fail(path, "\(tomlString(name)) is not a user name; accepted: \(accepted)")
                return nil
            }
            users.append(name)
        }
        return users
    }

    mutating func contacts(_ value: TOMLValueConvertible) -> [Configuration.Contact]? {
        let shape = "[[client]] tables, each with name = \"…\" and optionally phone = \"…\""
        guard let array = value.array else {
            fail(["client"], "is \(Self.describe(value)); accepted: \(shape)")
            return nil
        }
        var result: [Configuration.Contact] = []
        var ok = true
        for (index, element) in array.enumerated() {
            let path = ["client", "#\(index)"]
            guard let table = element.table else {
                fail(path, "is \(Self.describe(element)); accepted: \(shape)")
                ok = false
                continue
            }
            var name: String?
            var phone: String?
            var elementOK = true
            for key in table.keys {
                guard let field = table[key] else { continue }
                switch key {
                case "name":
                    name = nonEmptyString(field, path + [key], accepted: "the name of the person or office told, e.g. name = \"省社保局信息中心 王工\"")
                    if name == nil { elementOK = false }
                case "phone":
                    guard let text = nonEmptyString(field, path + [key], accepted: "a phone number, e.g. phone = \"+86 971 555 0100\"") else {
                        elementOK = false
                        continue
                    }
                    // The client office's numbers are the gateway's business: the phone characters
                    // and a digit are enough here.
                    guard PhoneNumber.hasOnlyPhoneCharacters(text), text.contains(where: \.isNumber) else {
                        fail(path + [key], "\(tomlString(text)) is not a phone number; accepted: digits, with + - ( ) and spaces, e.g. phone = \"+86 971 555 0100\"")
                        elementOK = false
                        continue
                    }
                    phone = text
                default:
                    fail(path + [key], "unknown key; accepted: name, phone\(suggestion(key, ["name", "phone"]))")
                    elementOK = false
                }
            }
            if elementOK, name == nil, !table.keys.contains("name") {
                fail(path, "a contact without a name; accepted: [[client]] with name = \"…\" (required) and phone = \"…\"")
                elementOK = false
            }
            if elementOK, let name { result.append(.init(name: name, phone: phone)) } else { ok = false }
        }
        return ok ? result : nil
    }

    mutating func readEscalation(_ value: TOMLValueConvertible, into policy: inout EscalationPolicy) {
        let levelNames = FaultLevel.allCases.map { "level\($0.rawValue)" }
        guard let table = value.table else {
            fail(["escalation"], "is \(Self.describe(value)); accepted: [escalation.level1], [escalation.level2], [escalation.level3] tables")
            return
        }
        for key in table.keys {
            guard let levelValue = table[key] else { continue }
            let path = ["escalation", key]
            guard let level = FaultLevel.allCases.first(where: { "level\($0.rawValue)" == key }) else {
                fail(path, "unknown fault level; accepted: \(levelNames.joined(separator: ", "))\(suggestion(key, levelNames))")
                continue
            }
            guard let levelTable = levelValue.table else {
                fail(path, "is \(Self.describe(levelValue)); accepted: a table, [\(Self.name(path))], of \(Self.levelKeys)")
                continue
            }
            if let levelPolicy = readLevel(levelTable, path: path) { policy.levels[level] = levelPolicy }
        }
    }

    /// The percent an `at_…` key stands for, or an error message.
    static func percent(of key: String) -> Result<Int, ConfigurationError>? {
        switch key {
        case "at_report": return .success(0)
        case "at_breach": return .success(100)
        default:
            guard key.hasPrefix("at_") else { return nil }
            let digits = key.dropFirst(3)
            guard !digits.isEmpty, digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber) else { return nil }
            guard let n = Int(digits), String(n) == digits, (1...99).contains(n) else {
                return .failure(ConfigurationError(file: "", line: nil, key: nil, message: "at_N takes N from 1 to 99 without leading zeros; accepted: at_report (0%), at_1 … at_99, at_breach (100%)"))
            }
            return .success(n)
        }
    }

    mutating func readLevel(_ table: TOMLTable, path: [String]) -> LevelPolicy? {
        var rules: [StepRule] = []
        var notify = false
        var ok = true
        for key in table.keys {
            guard let value = table[key] else { continue }
            let keyPath = path + [key]
            if key == "notify_client_on_breach" {
                guard let flag = value.bool else {
                    fail(keyPath, "is \(Self.describe(value)); accepted: true or false")
                    ok = false
                    continue
                }
                notify = flag
                continue
            }
            switch Self.percent(of: key) {
            case nil:
                fail(keyPath, "unknown key; accepted: \(Self.levelKeys)\(suggestion(key, ["at_report", "at_breach", "notify_client_on_breach"]))")
                ok = false
            case .failure(let error)?:
                fail(keyPath, error.message)
                ok = false
            case .success(let percent)?:
                let accepted = "a list of steps, e.g. \(key) = [\"T1\"]; steps: \(Self.stepNames)"
                guard let array = value.array else {
                    fail(keyPath, "is \(Self.describe(value)); accepted: \(accepted)")
                    ok = false
                    continue
                }
                for (index, element) in array.enumerated() {
                    let elementPath = keyPath + ["#\(index)"]
                    guard let name = element.string else {
                        fail(elementPath, "is \(Self.describe(element)); accepted: \(accepted)")
                        ok = false
                        continue
                    }
                    guard let step = EscalationStep(name: name) else {
                        fail(elementPath, "unknown step \(tomlString(name)); accepted: \(Self.stepNames)")
                        ok = false
                        continue
                    }
                    rules.append(StepRule(step, at: percent))
                }
            }
        }
        guard ok else { return nil }
        if rules.isEmpty {
            fail(path, "a level with no steps; accepted: at least one of \(Self.levelKeys) (leave the table out to keep the default)")
            return nil
        }
        let policy = LevelPolicy(rules: rules, notifyClientOnBreach: notify)
        let problems = policy.problems()
        for problem in problems { fail(path, "\(problem); accepted: \(Self.policyRules)") }
        if notify, !policy.rules.contains(StepRule(.supervisor, at: 100)) {
            fail(path + ["notify_client_on_breach"], "true, but at_breach has no supervisor step; accepted: notify_client_on_breach = true with at_breach = [\"supervisor\"] (the client office is told with the supervisor)")
            return nil
        }
        return problems.isEmpty ? policy : nil
    }
}

private func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a.lowercased()), b = Array(b.lowercased())
    if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in 1...b.count {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}

/// `10`, `2.5`: seconds as people write them.
func formatNumber(_ value: Double) -> String {
    if value.isFinite, value == value.rounded(), abs(value) < 1e15 { return String(Int(value)) }
    return String(value)
}

/// A TOML basic string: `"…"` with `"`, `\` and control characters escaped.
func tomlString(_ text: String) -> String {
    var out = "\""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\"": out += "\\\""
        case "\\": out += "\\\\"
        case "\n": out += "\\n"
        case "\t": out += "\\t"
        case "\r": out += "\\r"
        default:
            if scalar.value < 0x20 || scalar.value == 0x7F {
                out += String(format: "\\u%04X", scalar.value)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
    }
    return out + "\""
}

// MARK: - Where keys stand

/// The line of every key, table header and array element of a TOML text. TOMLKit does not expose
/// node positions, so this small scanner follows the text: `[table]` and `[[array]]` headers, bare,
/// quoted and dotted keys, comments, strings of every kind (multi-line ones included), arrays
/// spanning lines and inline tables. Paths are key segments, with `#N` for the Nth element of an
/// array (counted from 0). Meant for text TOMLKit has accepted; on anything else it stops early,
/// never loops.
struct TOMLPositions {
    private(set) var lines: [[String]: Int] = [:]

    init(_ text: String) {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.run()
        lines = scanner.lines
    }

    /// The line of `path`, else of its closest recorded prefix.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    private struct Scanner {
        let c: [Unicode.Scalar]
        var i = 0
        var line = 1
        var lines: [[String]: Int] = [:]
        /// How many `[[…]]` tables each array-of-tables path has had.
        var arrayCounts: [[String]: Int] = [:]

        init(_ scalars: [Unicode.Scalar]) { c = scalars }

        var atEnd: Bool { i >= c.count }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < c.count ? c[i + offset] : nil }

        /// Records `path` and each of its prefixes longer than `from` at `line`, the first time each is seen.
        mutating func record(_ path: [String], from: Int = 0, at line: Int) {
            guard path.count > from else { return }
            for end in (from + 1)...path.count where lines[Array(path[..<end])] == nil {
                lines[Array(path[..<end])] = line
            }
        }

        mutating func skipSpaces() {
            while let ch = peek(), ch == " " || ch == "\t" { i += 1 }
        }

        /// Skips spaces, comments and, when `newlines`, line ends.
        mutating func skipTrivia(newlines: Bool) {
            while let ch = peek() {
                if ch == " " || ch == "\t" || ch == "\r" { i += 1 } else if ch == "#" {
                    while let x = peek(), x != "\n" { i += 1 }
                } else if ch == "\n" && newlines {
                    i += 1
                    line += 1
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while let ch = peek(), ch != "\n" { i += 1 }
        }

        mutating func run() {
            var table: [String] = []
            while true {
                skipTrivia(newlines: true)
                guard let ch = peek() else { return }
                let start = i
                if ch == "[" {
                    let isArray = peek(1) == "["
                    i += isArray ? 2 : 1
                    let keys = parseKey()
                    skipSpaces()
                    table = resolveHeader(keys, isArray: isArray)
                    skipToLineEnd()
                } else {
                    let keyLine = line
                    let keys = parseKey()
                    guard !keys.isEmpty else { return }
                    let path = table + keys
                    record(path, from: table.count, at: keyLine)
                    skipSpaces()
                    guard peek() == "=" else { return }
                    i += 1
                    skipValue(path)
                    skipTrivia(newlines: false)
                    skipToLineEnd()
                }
                if i == start { return }
            }
        }

        /// The path a header opens: elements of arrays of tables along the way resolve to the latest one.
        mutating func resolveHeader(_ keys: [String], isArray: Bool) -> [String] {
            var path: [String] = []
            for (index, key) in keys.enumerated() {
                path.append(key)
                let isLast = index == keys.count - 1
                if isLast && isArray {
                    let n = arrayCounts[path, default: 0]
                    arrayCounts[path] = n + 1
                    record(path, at: line)
                    path.append("#\(n)")
                } else if let n = arrayCounts[path] {
                    path.append("#\(n - 1)")
                }
            }
            record(path, at: line)
            return path
        }

        /// A bare, quoted or dotted key; stops before `=` or `]`.
        mutating func parseKey() -> [String] {
            var keys: [String] = []
            while true {
                skipSpaces()
                guard let ch = peek() else { return keys }
                var key = ""
                if ch == "\"" {
                    i += 1
                    key = basicString()
                } else if ch == "'" {
                    i += 1
                    while let x = peek(), x != "'", x != "\n" { key.unicodeScalars.append(x); i += 1 }
                    if peek() == "'" { i += 1 }
                } else {
                    while let x = peek(), !" \t\r\n=.[]#\"',{}".unicodeScalars.contains(x) {
                        key.unicodeScalars.append(x)
                        i += 1
                    }
                    if key.isEmpty { return keys }
                }
                keys.append(key)
                skipSpaces()
                guard peek() == "." else { return keys }
                i += 1
            }
        }

        /// The rest of a one-line basic string after its opening quote, escapes decoded.
        mutating func basicString() -> String {
            var out = ""
            while let ch = peek(), ch != "\n" {
                i += 1
                if ch == "\"" { return out }
                if ch == "\\" { out += escape() } else { out.unicodeScalars.append(ch) }
            }
            return out
        }

        /// Decodes the escape after a backslash.
        mutating func escape() -> String {
            guard let ch = peek() else { return "" }
            i += 1
            switch ch {
            case "b": return "\u{08}"
            case "t": return "\t"
            case "n": return "\n"
            case "f": return "\u{0C}"
            case "r": return "\r"
            case "e": return "\u{1B}"
            case "\"": return "\""
            case "\\": return "\\"
            case "u", "U":
                let count = ch == "u" ? 4 : 8
                var hex = ""
                while hex.count < count, let x = peek(), x.properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(x)
                    i += 1
                }
                return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? ""
            default: return String(ch)
            }
        }

        /// Skips one value, recording the elements of arrays and the keys of inline tables under `path`.
        mutating func skipValue(_ path: [String]) {
            skipSpaces()
            guard let ch = peek() else { return }
            switch ch {
            case "\"":
                if peek(1) == "\"" && peek(2) == "\"" {
                    i += 3
                    skipMultiline(quote: "\"", escapes: true)
                } else {
                    i += 1
                    _ = basicString()
                }
            case "'":
                if peek(1) == "'" && peek(2) == "'" {
                    i += 3
                    skipMultiline(quote: "'", escapes: false)
                } else {
                    i += 1
                    while let x = peek(), x != "'", x != "\n" { i += 1 }
                    if peek() == "'" { i += 1 }
                }
            case "[":
                i += 1
                var index = 0
                while true {
                    skipTrivia(newlines: true)
                    guard let x = peek() else { return }
                    if x == "]" { i += 1; return }
                    let start = i
                    record(path + ["#\(index)"], from: path.count, at: line)
                    skipValue(path + ["#\(index)"])
                    skipTrivia(newlines: true)
                    if peek() == "," {
                        i += 1
                        index += 1
                    } else if peek() == "]" {
                        i += 1
                        return
                    } else if i == start {
                        return
                    }
                }
            case "{":
                i += 1
                while true {
                    skipTrivia(newlines: true)
                    guard let x = peek() else { return }
                    if x == "}" { i += 1; return }
                    let start = i
                    let keyLine = line
                    let keys = parseKey()
                    guard !keys.isEmpty else { return }
                    record(path + keys, from: path.count, at: keyLine)
                    skipSpaces()
                    guard peek() == "=" else { return }
                    i += 1
                    skipValue(path + keys)
                    skipTrivia(newlines: true)
                    if peek() == "," { i += 1 } else if peek() == "}" {
                        i += 1
                        return
                    } else if i == start {
                        return
                    }
                }
            default:
                // Numbers, booleans, dates and times: up to what ends a value.
                while let x = peek(), !",]}#\n\r".unicodeScalars.contains(x) { i += 1 }
            }
        }

        /// Skips a multi-line string after its opening `"""` or `'''`, counting its lines. Up to two
        /// quotes may stand just before the closing three.
        mutating func skipMultiline(quote: Unicode.Scalar, escapes: Bool) {
            while let ch = peek() {
                if ch == "\n" {
                    line += 1
                    i += 1
                } else if escapes && ch == "\\" {
                    i += 1
                    if peek() == "\n" { line += 1 }
                    if peek() != nil { i += 1 }
                } else if ch == quote && peek(1) == quote && peek(2) == quote {
                    i += 3
                    while peek() == quote { i += 1 }
                    return
                } else {
                    i += 1
                }
            }
        }
    }
}
