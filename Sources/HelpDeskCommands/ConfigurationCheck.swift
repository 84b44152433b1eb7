import Foundation
import HelpDeskCore
import HelpDeskStore
import TOMLKit

// Checking and reading one file's text: every key and value against what is accepted, each error
// with its line, its key path and what is accepted instead.

extension Configuration {
    /// Reads one text of `tier` over `base`: the keys present replace the base's (an
    /// `[escalation.levelN]` table replaces that level whole). Throws the first error, in line order.
    static func parse(_ text: String, file: String, over base: Configuration = .init(), tier: Tier = .system,
                      origin: String? = nil) throws -> Configuration
    {
        let (config, errors) = check(text, file: file, over: base, tier: tier, origin: origin)
        if let first = errors.first { throw first }
        return config
    }

    /// The deepest nesting of arrays and inline tables a file may have: the deepest key this
    /// program reads needs three (`client = [{ … }]` in an inline table).
    static let maxNesting = 16

    /// Like `parse`, but returns every error found, in line order, with what could be read.
    /// `origin` is what `origins` records for the keys read (the file, or "database").
    static func check(_ text: String, file: String, over base: Configuration = .init(), tier: Tier = .system,
                      origin: String? = nil)
        -> (Configuration, [ConfigurationError])
    {
        let table: TOMLTable
        let prescan = TOMLPrescan(text)
        if let line = prescan.unnamedHeaderLine {
            // TOMLKit's parser stops the program (a failed assertion) on such a header; it is refused first.
            return (base, [ConfigurationError(file: file, line: line, key: nil, message: Catalog.Config.unnamedHeader)])
        }
        if let line = prescan.nulEscapeLine {
            // The parser hands strings on as C strings: one holding U+0000 would be cut short there.
            return (base, [ConfigurationError(file: file, line: line, key: nil, message: Catalog.Config.nulCharacter)])
        }
        if let line = prescan.tooDeepLine {
            // The parser's time grows with the square of the depth: a file nested thousands deep is
            // refused before it is parsed, at once.
            return (base, [ConfigurationError(file: file, line: line, key: nil, message: Catalog.Config.nestedTooDeep(maxNesting))])
        }
        do { table = try TOMLTable(string: text) } catch let error as TOMLParseError {
            let message = Catalog.Config.notTOML(error.description, column: error.source.begin.column)
            return (base, [ConfigurationError(file: file, line: error.source.begin.line, key: nil, message: message)])
        } catch {
            return (base, [ConfigurationError(file: file, line: nil, key: nil, message: Catalog.Config.unreadable("\(error)"))])
        }
        var reader = Reader(file: file, text: text, tier: tier, origin: origin ?? file)
        var config = base
        if tier != .desk { config.files.append(file) }
        reader.read(table, into: &config, base: base)
        let errors = reader.placed().enumerated().sorted { a, b in
            (a.element.line ?? .max, a.offset) < (b.element.line ?? .max, b.offset)
        }.map(\.element)
        return (config, errors)
    }
}

/// What is wrong with a configuration file, and where: `FILE:LINE: KEY: what is wrong; what is accepted`,
/// said in the reader's language (`text`); the file, line and key stay as they are.
struct ConfigurationError: Error, CustomStringConvertible, Equatable {
    let file: String
    let line: Int?
    let key: String?
    /// What is wrong and what is accepted, in both languages.
    let problem: LocalizedText

    init(file: String, line: Int?, key: String?, message: LocalizedText) {
        self.file = file
        self.line = line
        self.key = key
        self.problem = message
    }

    /// What is wrong, in English.
    var message: String { problem.en }

    /// The whole error, with its place, in both languages.
    var text: LocalizedText {
        var place = file
        if let line { place += ":\(line)" }
        place += ": "
        if let key { place += "\(key): " }
        return LocalizedText(zh: place + problem.zh, en: place + problem.en)
    }

    /// The whole error in English.
    var description: String { text.en }
}

// MARK: - Reading the parsed document

/// Walks a parsed document, filling a configuration and collecting errors with their lines.
private struct Reader {
    let file: String
    let text: String
    /// Which keys this text may hold.
    let tier: Configuration.Tier
    /// What `origins` records for a key read.
    let origin: String
    var errors: [ConfigurationError] = []
    /// The key path of each error, to find its line once reading is done (`placed()`).
    var errorPaths: [[String]] = []

    init(file: String, text: String, tier: Configuration.Tier, origin: String) {
        self.file = file
        self.text = text
        self.tier = tier
        self.origin = origin
    }

    static let stepNames = EscalationStep.allCases.map(\.rawValue).joined(separator: ", ")

    /// The most errors one text reports: a file of thousands of wrong lines is refused as fast as
    /// one with a few.
    static let maxErrors = 20

    mutating func fail(_ path: [String], _ message: LocalizedText) {
        guard errors.count < Self.maxErrors else { return }
        errors.append(ConfigurationError(file: file, line: nil, key: Self.name(path), message: message))
        errorPaths.append(path)
    }

    /// The errors with their lines: one scan of the text, recording only the errors' paths and
    /// their prefixes (a file of 50,000 wrong keys is scanned once, not indexed whole).
    func placed() -> [ConfigurationError] {
        guard !errors.isEmpty else { return [] }
        var wanted = Set<[String]>()
        for path in errorPaths where !path.isEmpty {
            for end in 1...path.count { wanted.insert(Array(path[..<end])) }
        }
        let positions = TOMLPositions(text, only: wanted)
        return zip(errors, errorPaths).map { error, path in
            ConfigurationError(file: error.file, line: positions.line(of: path), key: error.key, message: error.problem)
        }
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
    static func describe(_ value: TOMLValueConvertible) -> LocalizedText {
        switch value.type {
        case .int: return Catalog.Config.integer(value.int.map(String.init) ?? "?")
        case .double: return Catalog.Config.number(value.double.map(formatNumber) ?? "?")
        case .bool: return Catalog.Config.boolean(value.bool.map(String.init) ?? "?")
        case .string: return Catalog.Config.string(tomlString(value.string ?? ""))
        case .array: return Catalog.Config.array
        case .table: return Catalog.Config.table
        case .date: return Catalog.Config.date
        case .time: return Catalog.Config.time
        case .dateTime: return Catalog.Config.dateTime
        }
    }

    mutating func read(_ table: TOMLTable, into config: inout Configuration, base: Configuration) {
        var retryTouched: [String] = []
        for key in table.keys {
            if errors.count >= Self.maxErrors { break }
            guard let value = table[key] else { continue }
            let path = [key]
            if let keyClass = Configuration.keyClass(key), !tier.accepts(keyClass) {
                fail(path, Self.misplaced(key, keyClass, tier))
                continue
            }
            let errorsBefore = errors.count
            defer { if errors.count == errorsBefore { noteOrigins(key, value, into: &config) } }
            switch key {
            case "theme":
                if let text = nonEmptyString(value, path, accepted: Catalog.Config.themeAccepted) {
                    if text.utf8.count > 4096 {
                        fail(path, Catalog.Config.themeTooLong(text.utf8.count))
                    } else {
                        config.theme = text
                    }
                }
            case "bell":
                guard let flag = value.bool else {
                    fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.trueOrFalse))
                    continue
                }
                config.bell = flag
            case "language":
                guard let text = value.string, let language = Language(rawValue: text) else {
                    fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.languageAccepted))
                    continue
                }
                config.language = language
            case "notify_command":
                if let text = nonEmptyString(value, path, accepted: Catalog.Config.notifyCommandAccepted, multiline: true) {
                    config.notifyCommand = text
                }
            case "mail_domain":
                if let text = nonEmptyString(value, path, accepted: Catalog.RequesterNotices.mailDomainAccepted) {
                    if let domain = RequesterNoticeRules.domain(text) { config.mailDomain = domain }
                    else { fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.RequesterNotices.mailDomainAccepted)) }
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
            case "inspection":
                readInspection(value, into: &config.inspection)
            case "attachment":
                readAttachment(value, into: &config.attachmentMaxMB)
            case "waiting":
                guard let table = value.table, table.keys.allSatisfy({ $0 == "allowed" }), let flag = table["allowed"]?.bool else {
                    fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.trueOrFalse))
                    continue
                }
                config.pausingAllowed = flag
            case "mail":
                readMail(value, into: &config.mail)
            case "mail_users":
                if let users = userNames(value, key: "mail_users", accepted: Catalog.MailIn.usersAccepted) { config.mail.users = Set(users) }
            case "replication":
                readReplication(value, into: &config.replicationConfig)
            default:
                fail(path, Catalog.Config.unknownKey(Configuration.topLevelKeys, suggestion: suggestion(key, Configuration.topLevelKeys)))
            }
        }
        if !retryTouched.isEmpty, config.retryMax < config.retryFirst {
            let from: (String) -> LocalizedText? = { key in
                retryTouched.contains(key) ? nil : base.files.isEmpty ? Catalog.Config.theDefault : Catalog.Config.from(base.files.last!)
            }
            if retryTouched.contains("retry_max") {
                fail(["retry_max"], Catalog.Config.retryMaxShorter(formatNumber(config.retryMax), first: formatNumber(config.retryFirst),
                                                                   firstFrom: from("retry_first"), limit: formatNumber(Configuration.maxRetryWait)))
            } else {
                fail(["retry_first"], Catalog.Config.retryFirstLonger(formatNumber(config.retryFirst), max: formatNumber(config.retryMax),
                                                                      maxFrom: from("retry_max")))
            }
        }
    }

    /// Why `key` may not stand in a text of `tier`, and where it belongs.
    static func misplaced(_ key: String, _ keyClass: Configuration.KeyClass, _ tier: Configuration.Tier) -> LocalizedText {
        let system = Configuration.defaultSystemFile
        switch (tier, keyClass) {
        case (.personal, .system):
            return Catalog.Config.systemOnlyInPersonal(system)
        case (.personal, .desk):
            let keys = DeskRuleKey.all.filter { $0 == key || $0.hasPrefix(key + ".") }.joined(separator: ", ")
            return Catalog.Config.deskRuleInPersonal(keys, system)
        case (.desk, .system):
            return Catalog.Config.systemOnlyInDatabase(system)
        case (.desk, .preference):
            return Catalog.Config.preferenceInDatabase
        case (.system, _), (.personal, .preference), (.desk, .desk):
            return Catalog.Config.acceptedHere
        }
    }

    /// Records where the keys that `key` sets came from: each level of `escalation` and each key of
    /// `inspection` on its own, any other key whole. A key is the text's when it is written there,
    /// even with the default's value.
    func noteOrigins(_ key: String, _ value: TOMLValueConvertible, into config: inout Configuration) {
        switch key {
        case "escalation", "inspection", "attachment", "mail", "replication":
            for name in value.table?.keys ?? [] { config.origins["\(key).\(name)"] = origin }
        default:
            config.origins[key] = origin
        }
    }

    /// " (did you mean x?)" when a known key is one or two edits away.
    func suggestion(_ key: String, _ known: [String]) -> LocalizedText? {
        guard let best = known.min(by: { editDistance(key, $0) < editDistance(key, $1) }),
              editDistance(key, best) <= 2 else { return nil }
        return Catalog.Config.didYouMean(best)
    }

    /// A string with something in it and no control characters (`multiline`: line ends and tabs allowed).
    mutating func nonEmptyString(_ value: TOMLValueConvertible, _ path: [String], accepted: LocalizedText,
                                 multiline: Bool = false, line: Bool = false) -> String? {
        guard let text = value.string else {
            fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return nil
        }
        if text.allSatisfy(\.isWhitespace) {
            fail(path, Catalog.Config.empty(accepted: accepted))
            return nil
        }
        let allowed: Set<UInt32> = multiline ? [0x09, 0x0A, 0x0D] : []
        if text.unicodeScalars.contains(where: { ($0.value < 0x20 || $0.value == 0x7F) && !allowed.contains($0.value) }) {
            fail(path, Catalog.Config.controlCharacter(accepted: accepted))
            return nil
        }
        if line, text.count > TextRules.lineLimit {
            fail(path, Catalog.Config.tooManyCharacters(text.count, limit: TextRules.lineLimit))
            return nil
        }
        return text
    }

    mutating func seconds(_ value: TOMLValueConvertible, _ path: [String], limit: Double) -> Double? {
        let accepted = Catalog.Config.secondsAccepted(limit: formatNumber(limit), key: path.last!)
        let number: Double
        if let int = value.int { number = Double(int) } else if let double = value.double { number = double } else {
            fail(path, Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return nil
        }
        guard number > 0, number <= limit else {
            fail(path, Catalog.Config.outOfRange(formatNumber(number), accepted: accepted))
            return nil
        }
        return number
    }

    /// A byte of an operating-system user name: an ASCII letter or digit, '.', '_' or '-'.
    static func isUserNameByte(_ c: UInt8) -> Bool {
        (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2E || c == 0x5F || c == 0x2D
    }

    /// Operating-system user names: letters, digits, '.', '_', '-'.
    mutating func timerUsers(_ value: TOMLValueConvertible) -> [String]? {
        let accepted = Catalog.Config.timerUsersAccepted
        guard let array = value.array else {
            fail(["timer_users"], Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return nil
        }
        var users: [String] = []
        for (index, element) in array.enumerated() {
            let path = ["timer_users", "#\(index)"]
            guard let name = element.string else {
                fail(path, Catalog.Config.wrongType(Self.describe(element), accepted: accepted))
                return nil
            }
            guard !name.isEmpty, name.utf8.count <= 32, name.utf8.allSatisfy(Self.isUserNameByte) else {
                fail(path, Catalog.Config.notAUserName(tomlString(name), accepted: accepted))
                return nil
            }
            users.append(name)
        }
        return users
    }

    mutating func contacts(_ value: TOMLValueConvertible) -> [Configuration.Contact]? {
        let shape = Catalog.Config.clientShape
        guard let array = value.array else {
            fail(["client"], Catalog.Config.wrongType(Self.describe(value), accepted: shape))
            return nil
        }
        guard array.count <= Configuration.maxContacts else {
            fail(["client"], Catalog.Config.tooManyContacts(array.count, limit: Configuration.maxContacts))
            return nil
        }
        var result: [Configuration.Contact] = []
        var ok = true
        for (index, element) in array.enumerated() {
            let path = ["client", "#\(index)"]
            guard let table = element.table else {
                fail(path, Catalog.Config.wrongType(Self.describe(element), accepted: shape))
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
                    name = nonEmptyString(field, path + [key], accepted: Catalog.Config.contactNameAccepted, line: true)
                    if name == nil { elementOK = false }
                case "phone":
                    guard let text = nonEmptyString(field, path + [key], accepted: Catalog.Config.phoneAccepted, line: true) else {
                        elementOK = false
                        continue
                    }
                    // The client office's numbers are the gateway's business: the phone characters
                    // and a digit are enough here.
                    guard PhoneNumber.hasOnlyPhoneCharacters(text), text.contains(where: \.isNumber) else {
                        fail(path + [key], Catalog.Config.notAPhone(tomlString(text)))
                        elementOK = false
                        continue
                    }
                    phone = text
                default:
                    fail(path + [key], Catalog.Config.unknownKey(["name", "phone"], suggestion: suggestion(key, ["name", "phone"])))
                    elementOK = false
                }
            }
            if elementOK, name == nil, !table.keys.contains("name") {
                fail(path, Catalog.Config.contactWithoutName)
                elementOK = false
            }
            if elementOK, let name { result.append(.init(name: name, phone: phone)) } else { ok = false }
        }
        return ok ? result : nil
    }

    /// `[inspection]`: the thresholds, each a number (a percentage from 0 to 100 for tablespace,
    /// cpu and disk; a count of 0 or more for service_down and locks_long), and the archive-log
    /// reading that means all is well.
    mutating func readInspection(_ value: TOMLValueConvertible, into limits: inout InspectionThresholds) {
        let keys = Configuration.inspectionKeys
        guard let table = value.table else {
            fail(["inspection"], Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.inspectionShape(keys)))
            return
        }
        for key in table.keys {
            guard let field = table[key] else { continue }
            let path = ["inspection", key]
            if key == "archive_log_done" {
                if let text = nonEmptyString(field, path, accepted: Catalog.Config.archiveLogDoneAccepted) {
                    limits.archiveLogDone = text
                }
                continue
            }
            guard keys.contains(key) else {
                fail(path, Catalog.Config.unknownKey(keys, suggestion: suggestion(key, keys)))
                continue
            }
            let percent = key == "tablespace" || key == "cpu" || key == "disk"
            let accepted = percent ? Catalog.Config.percentThreshold(key) : Catalog.Config.countThreshold(key)
            let number: Double
            if let int = field.int { number = Double(int) } else if let double = field.double { number = double } else {
                fail(path, Catalog.Config.wrongType(Self.describe(field), accepted: accepted))
                continue
            }
            guard number.isFinite, number >= 0, !percent || number <= 100 else {
                fail(path, Catalog.Config.outOfRange(formatNumber(number), accepted: accepted))
                continue
            }
            guard percent || (number == number.rounded() && number <= Double(Int32.max)) else {
                fail(path, Catalog.Config.notWhole(formatNumber(number), accepted: accepted))
                continue
            }
            switch key {
            case "tablespace": limits.tablespace = number
            case "service_down": limits.serviceDown = number
            case "locks_long": limits.locksLong = number
            case "cpu": limits.cpu = number
            default: limits.disk = number
            }
        }
    }

    /// `[mail]`: `region` (pinyin), `max_mb` and `reopen_days` (whole numbers in their ranges),
    /// `refuse` (addresses and @domains, comma-separated).
    mutating func readMail(_ value: TOMLValueConvertible, into rules: inout MailRules) {
        let keys = ["region", "max_mb", "reopen_days", "refuse"]
        guard let table = value.table else {
            fail(["mail"], Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.unknownKey(keys, suggestion: nil)))
            return
        }
        for key in table.keys {
            guard let field = table[key] else { continue }
            let path = ["mail", key]
            switch key {
            case "region":
                guard let text = field.string, let region = Region(rawValue: text) else {
                    fail(path, Catalog.Config.wrongType(Self.describe(field), accepted: Catalog.MailIn.regionAccepted))
                    continue
                }
                rules.region = region
            case "max_mb", "reopen_days":
                let range = key == "max_mb" ? MailRules.maxMBRange : MailRules.reopenDaysRange
                let accepted = key == "max_mb" ? Catalog.MailIn.maxMBAccepted(range) : Catalog.MailIn.reopenDaysAccepted(range)
                guard let number = field.int else {
                    fail(path, Catalog.Config.wrongType(Self.describe(field), accepted: accepted))
                    continue
                }
                guard range.contains(number) else {
                    fail(path, Catalog.Config.outOfRange(String(number), accepted: accepted))
                    continue
                }
                if key == "max_mb" { rules.maxMB = number } else { rules.reopenDays = number }
            case "refuse":
                guard let text = field.string, let list = MailRules.refuseList(text) else {
                    fail(path, Catalog.Config.wrongType(Self.describe(field), accepted: Catalog.MailIn.refuseAccepted))
                    continue
                }
                rules.refuse = list
            default:
                fail(path, Catalog.Config.unknownKey(keys, suggestion: suggestion(key, keys)))
            }
        }
    }

    /// `mail_users`: operating-system user names, as `timer_users` takes them.
    mutating func userNames(_ value: TOMLValueConvertible, key: String, accepted: LocalizedText) -> [String]? {
        guard let array = value.array else {
            fail([key], Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return nil
        }
        var users: [String] = []
        for (index, element) in array.enumerated() {
            let path = [key, "#\(index)"]
            guard let name = element.string else {
                fail(path, Catalog.Config.wrongType(Self.describe(element), accepted: accepted))
                return nil
            }
            guard !name.isEmpty, name.utf8.count <= 32, name.utf8.allSatisfy(Self.isUserNameByte) else {
                fail(path, Catalog.Config.notAUserName(tomlString(name), accepted: accepted))
                return nil
            }
            users.append(name)
        }
        return users
    }

    /// `[replication]`: `config`, the absolute path of the Litestream configuration `doctor` reads.
    mutating func readReplication(_ value: TOMLValueConvertible, into config: inout String?) {
        let accepted = Catalog.Replication.configAccepted
        guard let table = value.table else {
            fail(["replication"], Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return
        }
        for key in table.keys {
            guard let field = table[key] else { continue }
            guard key == "config" else {
                fail(["replication", key], Catalog.Config.unknownKey(["config"], suggestion: suggestion(key, ["config"])))
                continue
            }
            guard let path = nonEmptyString(field, ["replication", key], accepted: accepted, line: true) else { continue }
            guard path.hasPrefix("/") else {
                fail(["replication", key], Catalog.Replication.configNotAbsolute(tomlString(path)))
                continue
            }
            config = path
        }
    }

    /// `[attachment]`: `max_mb`, the largest file attached, a whole number of MiB.
    mutating func readAttachment(_ value: TOMLValueConvertible, into limit: inout Int) {
        let accepted = Catalog.Attachments.limitAccepted(AttachmentRules.limitRangeMB)
        guard let table = value.table else {
            fail(["attachment"], Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
            return
        }
        for key in table.keys {
            guard let field = table[key] else { continue }
            guard key == "max_mb" else {
                fail(["attachment", key], Catalog.Config.unknownKey(["max_mb"], suggestion: suggestion(key, ["max_mb"])))
                continue
            }
            guard let number = field.int else {
                fail(["attachment", key], Catalog.Config.wrongType(Self.describe(field), accepted: accepted))
                continue
            }
            guard AttachmentRules.limitRangeMB.contains(number) else {
                fail(["attachment", key], Catalog.Config.outOfRange(String(number), accepted: accepted))
                continue
            }
            limit = number
        }
    }

    mutating func readEscalation(_ value: TOMLValueConvertible, into policy: inout EscalationPolicy) {
        let levelNames = FaultLevel.allCases.map { "level\($0.rawValue)" }
        guard let table = value.table else {
            fail(["escalation"], Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.escalationShape))
            return
        }
        for key in table.keys {
            guard let levelValue = table[key] else { continue }
            let path = ["escalation", key]
            guard let level = FaultLevel.allCases.first(where: { "level\($0.rawValue)" == key }) else {
                fail(path, Catalog.Config.unknownLevel(levelNames, suggestion: suggestion(key, levelNames)))
                continue
            }
            guard let levelTable = levelValue.table else {
                fail(path, Catalog.Config.wrongType(Self.describe(levelValue), accepted: Catalog.Config.levelShape(Self.name(path))))
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
                return .failure(ConfigurationError(file: "", line: nil, key: nil, message: Catalog.Config.badPercentKey))
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
                    fail(keyPath, Catalog.Config.wrongType(Self.describe(value), accepted: Catalog.Config.trueOrFalse))
                    ok = false
                    continue
                }
                notify = flag
                continue
            }
            switch Self.percent(of: key) {
            case nil:
                fail(keyPath, Catalog.Config.unknownLevelKey(suggestion: suggestion(key, ["at_report", "at_breach", "notify_client_on_breach"])))
                ok = false
            case .failure(let error)?:
                fail(keyPath, error.problem)
                ok = false
            case .success(let percent)?:
                let accepted = Catalog.Config.stepsAccepted(key, steps: Self.stepNames)
                guard let array = value.array else {
                    fail(keyPath, Catalog.Config.wrongType(Self.describe(value), accepted: accepted))
                    ok = false
                    continue
                }
                for (index, element) in array.enumerated() {
                    let elementPath = keyPath + ["#\(index)"]
                    guard let name = element.string else {
                        fail(elementPath, Catalog.Config.wrongType(Self.describe(element), accepted: accepted))
                        ok = false
                        continue
                    }
                    guard let step = EscalationStep(name: name) else {
                        fail(elementPath, Catalog.Config.unknownStep(tomlString(name), steps: Self.stepNames))
                        ok = false
                        continue
                    }
                    rules.append(StepRule(step, at: percent))
                }
            }
        }
        guard ok else { return nil }
        if rules.isEmpty {
            fail(path, Catalog.Config.levelWithoutSteps)
            return nil
        }
        let policy = LevelPolicy(rules: rules, notifyClientOnBreach: notify)
        let problems = policy.problems()
        for problem in problems { fail(path, Catalog.Config.policyProblem(problem)) }
        if notify, !policy.rules.contains(StepRule(.supervisor, at: 100)) {
            fail(path + ["notify_client_on_breach"], Catalog.Config.clientWithoutSupervisor)
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

/// What is read of a text before the TOML parser sees it, in one pass over its bytes (every
/// character that matters here is ASCII): the first table header without a name, which stops the
/// parser, and the first place arrays and inline tables nest deeper than allowed, which the parser
/// takes a time growing with the square of the depth to refuse.
struct TOMLPrescan {
    /// The line of the first table header (`[` or `[[` at the start of a line, outside arrays,
    /// inline tables and strings) whose name does not begin with a key character, a quote or `]`:
    /// `[`, `[ #…`, `[.a]`, `[=`.
    private(set) var unnamedHeaderLine: Int?
    /// The line on which arrays and inline tables first nest deeper than the limit.
    private(set) var tooDeepLine: Int?
    /// The first line whose text holds the escape of a NUL character (`\u0000`, `\U00000000`).
    private(set) var nulEscapeLine: Int?

    init(_ text: String, nestingLimit: Int = Configuration.maxNesting) {
        let b = Array(text.utf8)
        let n = b.count
        // `\u0000` or `\U00000000` anywhere: one pass over the bytes, counting lines.
        var lineOfByte = 1
        var k = 0
        while k < n {
            let c = b[k]
            if c == 0x0A { lineOfByte += 1 }
            if c == 0x5C, k + 5 < n, b[k + 1] == 0x75 || b[k + 1] == 0x55 {
                let zeros = b[k + 1] == 0x75 ? 4 : 8
                if k + 1 + zeros < n, b[(k + 2)...(k + 1 + zeros)].allSatisfy({ $0 == 0x30 }) {
                    nulEscapeLine = lineOfByte
                    break
                }
            }
            k += 1
        }
        var i = 0, line = 1, depth = 0
        var atLineStart = true
        @inline(__always) func triple(_ q: UInt8, at k: Int) -> Bool {
            k + 2 < n && b[k] == q && b[k + 1] == q && b[k + 2] == q
        }
        @inline(__always) func isKeyStart(_ c: UInt8) -> Bool {
            (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39)
                || c == 0x5F || c == 0x2D || c == 0x22 || c == 0x27 || c == 0x5D
        }
        let newline: UInt8 = 0x0A, quote: UInt8 = 0x22, apostrophe: UInt8 = 0x27, backslash: UInt8 = 0x5C
        while i < n {
            let c = b[i]
            if c == newline { line += 1; atLineStart = true; i += 1; continue }
            if c == 0x20 || c == 0x09 || c == 0x0D { i += 1; continue }
            if c == 0x23 {  // a comment
                while i < n, b[i] != newline { i += 1 }
                continue
            }
            if c == 0x5B && atLineStart && depth == 0 {  // a table header
                var k = i + 1
                if k < n, b[k] == 0x5B { k += 1 }
                while k < n, b[k] == 0x20 || b[k] == 0x09 { k += 1 }
                guard k < n, isKeyStart(b[k]) else {
                    if unnamedHeaderLine == nil { unnamedHeaderLine = line }
                    return
                }
                while i < n, b[i] != newline { i += 1 }
                continue
            }
            atLineStart = false
            if c == quote || c == apostrophe {
                if triple(c, at: i) {
                    i += 3
                    while i < n, !triple(c, at: i) {
                        if b[i] == newline { line += 1 }
                        if c == quote && b[i] == backslash { i += 1 }
                        i += 1
                    }
                    i += 3
                } else {
                    i += 1
                    while i < n, b[i] != c, b[i] != newline {
                        if c == quote && b[i] == backslash { i += 1 }
                        i += 1
                    }
                    if i < n, b[i] == c { i += 1 }
                }
                continue
            }
            if c == 0x5B || c == 0x7B {
                depth += 1
                if depth > nestingLimit {
                    tooDeepLine = line
                    return
                }
            }
            if c == 0x5D || c == 0x7D { depth = max(0, depth - 1) }
            i += 1
        }
    }
}

/// The line of the first table header without a name (see `TOMLPrescan`); `nil` when there is none.
func unnamedTableHeader(in text: String) -> Int? {
    TOMLPrescan(text).unnamedHeaderLine
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
