import Foundation

/// What an inspection (巡检) looked at.
public enum InspectionKind: String, Sendable, CaseIterable, Codable {
    /// The database: archive logs, tablespaces, locks, CPU, sessions.
    case database
    /// The application servers: services down behind each load-balanced address, logs, disks.
    case application
    /// Business use: visits to the regions and the feedback gathered.
    case business

    public func label(_ lang: Language) -> String { name(lang) }
}

/// One thing an inspection reads, as monitoring scripts name it.
public enum InspectionCheck: String, Sendable, CaseIterable, Codable {
    /// Use of a tablespace (core users' and index tablespaces), in percent.
    case tablespace
    /// Services down behind one load-balanced address (a count).
    case serviceDown = "service_down"
    /// Locks held for long on the database (a count).
    case locksLong = "locks_long"
    /// CPU use of a server or the database host, in percent.
    case cpu
    /// Disk use of a server's file system (`app05:/u01`), in percent.
    case disk
    /// Active database sessions (a count): recorded only.
    case sessions
    /// Whether the archive logs were cleaned after the backup (text: `cleaned`, or what was found).
    case archiveLog = "archive_log"
    /// What a service's logs showed (text): recorded only.
    case serviceLog = "service_log"
    /// A visit to a region with the feedback gathered (text; the target is the region).
    case visit

    /// The reading is a number (else text).
    public var isNumeric: Bool {
        switch self {
        case .tablespace, .serviceDown, .locksLong, .cpu, .disk, .sessions: return true
        case .archiveLog, .serviceLog, .visit: return false
        }
    }

    /// A share in percent (0–100).
    public var isPercent: Bool { self == .tablespace || self == .cpu || self == .disk }

    /// A count (a whole number, 0 or more).
    public var isCount: Bool { self == .serviceDown || self == .locksLong || self == .sessions }

    /// What the check's target names, for messages and the inventory.
    public var targetKinds: [InventoryKind] {
        switch self {
        case .tablespace: return [.tablespace]
        case .serviceDown: return [.address]
        case .locksLong, .sessions, .archiveLog: return [.database]
        case .cpu, .disk: return [.server, .database]
        case .serviceLog: return [.server, .address]
        case .visit: return []
        }
    }

    public func label(_ lang: Language) -> String { name(lang) }

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// A reading's value: a number, or text.
public enum ReadingValue: Equatable, Sendable {
    case number(Double)
    case text(String)

    public var number: Double? { if case .number(let n) = self { return n } else { return nil } }
    public var text: String? { if case .text(let t) = self { return t } else { return nil } }

    /// `93.5`, `6`, or the text as it is.
    public var display: String {
        switch self {
        case .number(let n): return InspectionRules.format(n)
        case .text(let t): return t
        }
    }
}

/// One reading of an inspection: what was checked, on what, and the value found.
public struct InspectionReading: Equatable, Sendable {
    public var check: InspectionCheck
    /// What was checked: a tablespace, an address, a server (`app05:/u01` for a disk), the database
    /// (`db`), or a region for a visit.
    public var target: String
    public var value: ReadingValue

    public init(check: InspectionCheck, target: String, value: ReadingValue) {
        self.check = check
        self.target = target
        self.value = value
    }
}

/// An inspection as it is recorded: when, by whom, what kind, and its readings in order.
public struct NewInspection: Equatable, Sendable {
    public var at: Date
    public var inspector: String
    public var kind: InspectionKind
    public var readings: [InspectionReading]

    public init(at: Date, inspector: String, kind: InspectionKind, readings: [InspectionReading]) {
        self.at = at
        self.inspector = inspector
        self.kind = kind
        self.readings = readings
    }
}

/// Above which values a reading opens work. The defaults are the contract's; the configuration's
/// `[inspection]` table may change them.
public struct InspectionThresholds: Equatable, Sendable {
    /// Tablespace use above this (percent) opens a level-2 fault: expand at once.
    public var tablespace: Double = 90
    /// More services than this down behind one address opens a level-2 fault.
    public var serviceDown: Double = 5
    /// More long-held locks than this opens a data-processing task.
    public var locksLong: Double = 0
    /// CPU use above this (percent) opens a task.
    public var cpu: Double = 85
    /// Disk use above this (percent) opens a task.
    public var disk: Double = 85
    /// The archive-log reading that means all is well; any other opens a task.
    public var archiveLogDone = "cleaned"

    public init() {}

    public static let standard = InspectionThresholds()

    /// The thresholds' names as the configuration and the desk's rules write them.
    public static let keys = ["tablespace", "service_down", "locks_long", "cpu", "disk", "archive_log_done"]

    /// The limit a numeric check is held to; `nil` for a check that is recorded only.
    public func limit(_ check: InspectionCheck) -> Double? {
        switch check {
        case .tablespace: return tablespace
        case .serviceDown: return serviceDown
        case .locksLong: return locksLong
        case .cpu: return cpu
        case .disk: return disk
        default: return nil
        }
    }
}

/// What a reading over its threshold opens.
public enum InspectionFinding: Equatable, Sendable {
    /// A fault of this level.
    case fault(FaultLevel)
    /// A data-processing task due by the general-question rule from the inspection's time.
    case task
}

/// Why an inspection is refused: which reading (index from 0, as the file counts) and which field,
/// and what is accepted. `readings[3].value: expected a number for check "cpu"`.
public struct InspectionInputError: Error, Equatable, Sendable {
    /// The reading's index in the file, `nil` for a field of the inspection itself.
    public var index: Int?
    public var field: String
    public var message: LocalizedText
    public var en: String { message.en }
    public var zh: String { message.zh }

    public init(index: Int? = nil, field: String, _ message: LocalizedText) {
        self.index = index
        self.field = field
        self.message = message
    }

    /// Where the problem is: `readings[3].value`, `kind`, or nothing for the file as a whole.
    public var path: String {
        guard let index else { return field }
        return field.isEmpty ? "readings[\(index)]" : "readings[\(index)].\(field)"
    }

    public func text(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages, after the field it is about.
    public var said: LocalizedText { path.isEmpty ? message : Catalog.Domain.Inspection.at(path, message) }
}

/// The rules of inspections: what a reading must be, and what a reading over its threshold opens.
public enum InspectionRules {
    private typealias Say = Catalog.Domain.Inspection

    /// What `reading` opens under `thresholds`, or `nil` when it is within them (or recorded only).
    ///
    /// Strictly above a limit opens: tablespace 90 opens nothing, 90.01 a level-2 fault; 5 services
    /// down nothing, 6 a level-2 fault. Any archive-log reading but the one that means done opens a task.
    public static func finding(_ reading: InspectionReading, _ thresholds: InspectionThresholds = .standard) -> InspectionFinding? {
        switch reading.check {
        case .archiveLog:
            guard let text = reading.value.text else { return nil }
            return isArchiveLogDone(text, done: thresholds.archiveLogDone) ? nil : .task
        case .tablespace, .serviceDown:
            guard let n = reading.value.number, let limit = thresholds.limit(reading.check), n > limit else { return nil }
            return .fault(.two)
        case .locksLong, .cpu, .disk:
            guard let n = reading.value.number, let limit = thresholds.limit(reading.check), n > limit else { return nil }
            return .task
        case .sessions, .serviceLog, .visit:
            return nil
        }
    }

    /// The title of the fault or task a reading opens: Chinese (what the desk stores) or English.
    public static func title(_ reading: InspectionReading, _ lang: Language) -> String {
        Catalog.Domain.Inspection.title(reading.check, target: reading.target, value: reading.value.display)(lang)
    }

    /// The threshold a reading went over, for people: `> 90%`, `> 5`, `≠ cleaned`.
    public static func limitText(_ check: InspectionCheck, _ thresholds: InspectionThresholds) -> String? {
        if check == .archiveLog { return "≠ \(thresholds.archiveLogDone)" }
        guard let limit = thresholds.limit(check) else { return nil }
        return "> \(format(limit))\(check.isPercent ? "%" : "")"
    }

    /// Checks an inspection whole: the inspector, and each reading against its check (a visit's
    /// target must be a region; a business inspection holds visits only, and only it does).
    public static func validate(_ new: NewInspection) throws(InspectionInputError) {
        guard !new.inspector.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
            throw InspectionInputError(field: "inspector", Say.missing(Say.whoInspected))
        }
        if hasControl(new.inspector) {
            throw InspectionInputError(field: "inspector", Say.controlCharacter)
        }
        guard !new.readings.isEmpty else {
            throw InspectionInputError(field: "readings", Say.noReadings)
        }
        for (i, r) in new.readings.enumerated() { try validate(r, index: i, kind: new.kind) }
    }

    /// Checks one reading (index `index` of an inspection of `kind`).
    public static func validate(_ r: InspectionReading, index i: Int, kind: InspectionKind) throws(InspectionInputError) {
        let check = r.check.rawValue
        if r.check == .visit, kind != .business {
            throw InspectionInputError(index: i, field: "check", Say.visitOutsideBusiness(kind))
        }
        if kind == .business, r.check != .visit {
            throw InspectionInputError(index: i, field: "check", Say.visitsOnly(check))
        }
        let target = r.target.trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty else {
            throw InspectionInputError(index: i, field: "target", Say.empty(Say.whatWasChecked(check)))
        }
        if hasControl(target) {
            throw InspectionInputError(index: i, field: "target", Say.controlCharacter)
        }
        if r.check == .visit, Region.parse(target) == nil {
            throw InspectionInputError(index: i, field: "target", Say.notARegion(target))
        }
        switch r.value {
        case .number(let n):
            guard r.check.isNumeric else {
                throw InspectionInputError(index: i, field: "value", Say.textNotNumber(check))
            }
            guard n.isFinite, n >= 0 else {
                throw InspectionInputError(index: i, field: "value", Say.belowZero(format(n), check: check))
            }
            if r.check.isPercent, n > 100 {
                throw InspectionInputError(index: i, field: "value", Say.overHundred(format(n), check: check))
            }
            if r.check.isCount, n != n.rounded() {
                throw InspectionInputError(index: i, field: "value", Say.notWhole(format(n), check: check))
            }
            if r.check.isCount, n > Double(maxCount) {
                throw InspectionInputError(index: i, field: "value", Say.overMaxCount(format(n), max: maxCount, check: check))
            }
        case .text(let t):
            guard !r.check.isNumeric else {
                throw InspectionInputError(index: i, field: "value", Say.numberExpected(check))
            }
            guard !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InspectionInputError(index: i, field: "value", Say.textEmpty(check))
            }
        }
    }

    /// Whether `target` names something of the inventory that `check` reads (true when the inventory
    /// lists nothing of the kinds the check reads: there is nothing to hold it to). A disk's target is
    /// a server and a mount point (`app05:/u01`): the server counts. A visit's target is a region,
    /// always known once valid.
    public static func isKnown(_ reading: InspectionReading, in inventory: [InventoryEntry]) -> Bool {
        if reading.check == .visit { return Region.parse(reading.target) != nil }
        let kinds = Set(reading.check.targetKinds)
        // An inventory that lists nothing of these kinds has nothing to say about the target.
        guard inventory.contains(where: { kinds.contains($0.kind) }) else { return true }
        let target = reading.target.trimmingCharacters(in: .whitespaces)
        var names = [target]
        if reading.check == .disk, let colon = target.firstIndex(of: ":") {
            names.append(String(target[..<colon]))
        }
        return inventory.contains { entry in kinds.contains(entry.kind) && names.contains { InventoryEntry.sameName($0, entry.name) } }
    }

    /// The largest count a reading may hold: 2^31 − 1.
    public static let maxCount = 2_147_483_647

    /// Why a numeric reading's text is not read.
    public enum NumberProblem: Error, Equatable, Sendable {
        /// Not written in plain digits (a sign, an exponent, hex, letters).
        case notDigits
        case belowZero, notWhole, tooLarge
    }

    /// Reads a numeric reading as written: a count (`service_down`, `locks_long`, `sessions`) in
    /// digits only, 0 to 2^31 − 1; a percentage (`tablespace`, `cpu`, `disk`) in digits with an
    /// optional decimal part (`93.5`), 0 to 100. Nothing else: no sign, exponent, hex, or rounding of
    /// a value too long to keep exactly.
    public static func readNumber(_ text: String, check: InspectionCheck) -> Result<Double, NumberProblem> {
        let negative = text.hasPrefix("-")
        let body = negative ? text.dropFirst() : Substring(text)
        let parts = body.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let ascii: (Substring) -> Bool = { !$0.isEmpty && $0.utf8.allSatisfy { (0x30...0x39).contains($0) } }
        guard ascii(parts[0]), parts.count == 1 || ascii(parts[1]) else { return .failure(.notDigits) }
        let zero = body.utf8.allSatisfy { $0 == 0x30 || $0 == 0x2E }
        if negative && !zero { return .failure(.belowZero) }
        if check.isCount {
            // A count is written as digits alone: `2.0` is a measurement, not a count.
            guard parts.count == 1 else { return .failure(.notWhole) }
            let digits = parts[0].drop { $0 == "0" }
            guard digits.count <= 10, let n = Int(digits.isEmpty ? "0" : String(digits)), n <= maxCount else { return .failure(.tooLarge) }
            return .success(Double(n))
        }
        let whole = parts[0].drop { $0 == "0" }
        guard whole.count <= 3, let n = Double(body), n <= 100 else { return .failure(.tooLarge) }
        return .success(n)
    }

    /// The refusal of a numeric reading's text, naming the reading `index` and its value:
    /// `readings[4].value: '1e300': expected a count from 0 to 2147483647 for check "sessions" (digits only)`.
    static func numberRefusal(_ text: String, _ problem: NumberProblem, check: InspectionCheck, index: Int) -> InspectionInputError {
        InspectionInputError(index: index, field: "value", Catalog.Domain.Inspection.numberRefused(text, problem, check: check, maxCount: maxCount))
    }

    /// Whether an archive-log reading says all is well: it reads `done` (`cleaned` unless configured
    /// otherwise) ignoring case and the white space around it; anything else opens a task.
    /// White space is what Unicode calls so (spaces, tabs, line breaks; not a zero-width space).
    public static func isArchiveLogDone(_ text: String, done: String) -> Bool {
        func bare(_ s: String) -> String {
            guard let first = s.firstIndex(where: { !$0.isWhitespace }), let last = s.lastIndex(where: { !$0.isWhitespace }) else { return "" }
            return s[first...last].lowercased()
        }
        return bare(text) == bare(done)
    }

    /// Whether two readings of `check` are about the same target, as the inventory compares names:
    /// ignoring case (`APP04` is `app04`). A disk's mount point (`app05:/u01`) is compared exactly,
    /// its server as a name.
    public static func sameTarget(_ check: InspectionCheck, _ a: String, _ b: String) -> Bool {
        let a = a.trimmingCharacters(in: .whitespaces), b = b.trimmingCharacters(in: .whitespaces)
        if check == .disk, let ca = a.firstIndex(of: ":"), let cb = b.firstIndex(of: ":") {
            return InventoryEntry.sameName(String(a[..<ca]), String(b[..<cb])) && a[ca...] == b[cb...]
        }
        return InventoryEntry.sameName(a, b)
    }

    /// One reading typed as a line, `CHECK TARGET VALUE` (`tablespace YLBX_DATA 93.5`, `visit 玉树州
    /// 反映测算慢`): the value is the rest of the line, a number for a numeric check (`%` allowed).
    /// A refusal names the line as `readings[index]`.
    public static func parseLine(_ text: String, index: Int) throws(InspectionInputError) -> InspectionReading {
        let parts = text.split(separator: " ", maxSplits: 2, omittingEmptySubsequences: true).map(String.init)
        guard parts.count == 3 else {
            throw InspectionInputError(index: index, field: "", Say.notALine(text))
        }
        guard let check = InspectionCheck(rawValue: parts[0]) else {
            throw InspectionInputError(index: index, field: "check", Say.notACheck("'\(parts[0])'"))
        }
        let value = parts[2].trimmingCharacters(in: .whitespaces)
        guard check.isNumeric else { return InspectionReading(check: check, target: parts[1], value: .text(value)) }
        // A percentage may be typed with its sign: `93.5%`.
        let digits = check.isPercent && value.hasSuffix("%") ? String(value.dropLast()) : value
        switch readNumber(digits, check: check) {
        case .success(let number): return InspectionReading(check: check, target: parts[1], value: .number(number))
        case .failure(let problem): throw numberRefusal(value, problem, check: check, index: index)
        }
    }

    /// Readings typed one a line or separated by `;` (blank ones skipped), each checked as
    /// `validate` does for an inspection of `kind`.
    public static func parseLines(_ text: String, kind: InspectionKind) throws(InspectionInputError) -> [InspectionReading] {
        let lines = text.split(whereSeparator: { $0.isNewline || $0 == ";" }).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        var readings: [InspectionReading] = []
        for (i, line) in lines.enumerated() {
            let reading = try parseLine(line, index: i)
            try validate(reading, index: i, kind: kind)
            readings.append(reading)
        }
        return readings
    }

    /// `93.5`, `6`: a number as people write it.
    public static func format(_ n: Double) -> String {
        if n.isFinite, n == n.rounded(), abs(n) < 1e15 { return String(Int64(n)) }
        return String(n)
    }

    static func hasControl(_ text: String) -> Bool {
        text.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }
    }
}

// MARK: - The import file

/// Reads the file monitoring scripts write, one inspection each:
///
/// ```json
/// {"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database",
///  "readings": [{"check": "tablespace", "target": "YLBX_DATA", "value": 93.5}]}
/// ```
///
/// A refusal names the field, and for a reading its index: `readings[3].value: expected a number
/// for check "cpu"`.
public enum InspectionFile {
    private typealias Say = Catalog.Domain.Inspection

    static let importFile = TextRules.Field(Catalog.Domain.TextField.importFile, size: .long)
    public static let topKeys = ["at", "inspector", "kind", "readings"]
    public static let readingKeys = ["check", "target", "value"]

    public static func parse(_ data: Data) throws(InspectionInputError) -> NewInspection {
        // Text that is not UTF-8 is refused as such (never read with U+FFFD in place of its bytes).
        if case .failure(let problem) = TextRules.decode(Array(data), field: importFile) {
            throw InspectionInputError(field: "", problem.text)
        }
        let json: StrictJSON.Value
        do { json = try StrictJSON.parse(data) } catch { throw refusal(error) }
        guard case .object(let topPairs) = json else {
            throw InspectionInputError(field: "", Say.fileHolds(json.kind))
        }
        let top = Dictionary(topPairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in top.map(\.key).sorted() where !topKeys.contains(key) {
            throw InspectionInputError(field: key, Say.unknownField(accepted: topKeys))
        }
        let atText = try string(top["at"], field: "at", expected: Say.aTime)
        let at: Date
        do { at = try TimeInput.parseInstant(atText) } catch {
            throw InspectionInputError(field: "at", error.said)
        }
        let inspector = try string(top["inspector"], field: "inspector", expected: Say.whoInspected)
        let kindText = try string(top["kind"], field: "kind", expected: Say.aKind)
        guard let kind = InspectionKind(rawValue: kindText) else {
            throw InspectionInputError(field: "kind", Say.notAKind(kindText))
        }
        guard let readingsValue = top["readings"] else {
            throw InspectionInputError(field: "readings", Say.missing(Say.aListOfReadings))
        }
        guard case .array(let list) = readingsValue else {
            throw InspectionInputError(field: "readings", Say.isA(readingsValue.kind, expected: Say.aListOfReadings))
        }
        var readings: [InspectionReading] = []
        for (i, element) in list.enumerated() {
            guard case .object(let pairs) = element else {
                throw InspectionInputError(index: i, field: "", Say.isA(element.kind, expected: Say.aReading))
            }
            let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            for key in fields.map(\.key).sorted() where !readingKeys.contains(key) {
                throw InspectionInputError(index: i, field: key, Say.unknownField(accepted: readingKeys))
            }
            let checkText = try string(fields["check"], field: "check", index: i, expected: Say.oneOfTheChecks(InspectionCheck.accepted))
            guard let check = InspectionCheck(rawValue: checkText) else {
                throw InspectionInputError(index: i, field: "check", Say.notACheck("\"\(checkText)\""))
            }
            let target = try string(fields["target"], field: "target", index: i, expected: Say.whatWasChecked(checkText))
            let value: ReadingValue
            switch fields["value"] {
            case .number(let raw, _)?:
                guard check.isNumeric else {
                    throw InspectionInputError(index: i, field: "value", Say.textNotNumber(checkText))
                }
                switch InspectionRules.readNumber(raw, check: check) {
                case .success(let n): value = .number(n)
                case .failure(let problem): throw InspectionRules.numberRefusal(raw, problem, check: check, index: i)
                }
            case .string(let s)?: value = .text(s)
            case nil:
                throw InspectionInputError(index: i, field: "value", Say.valueMissing(checkText, numeric: check.isNumeric))
            case let other?:
                throw InspectionInputError(index: i, field: "value", Say.valueIsA(other.kind, check: checkText, numeric: check.isNumeric))
            }
            readings.append(InspectionReading(check: check, target: target.trimmingCharacters(in: .whitespaces), value: value))
        }
        let new = NewInspection(at: at, inspector: inspector.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, readings: readings)
        try InspectionRules.validate(new)
        return new
    }

    static func string(_ value: StrictJSON.Value?, field: String, index: Int? = nil, expected: LocalizedText) throws(InspectionInputError) -> String {
        switch value {
        case .string(let s)?:
            guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InspectionInputError(index: index, field: field, Say.empty(expected))
            }
            return s
        case nil:
            throw InspectionInputError(index: index, field: field, Say.missing(expected))
        case let other?:
            throw InspectionInputError(index: index, field: field, Say.isA(other.kind, expected: expected))
        }
    }

    /// What the JSON reader refused, named as every other refusal is: `readings[2].value` (the
    /// reading's index and field), a field of the inspection (`kind`), or the file as a whole with
    /// the line and column and what the file should be.
    static func refusal(_ problem: StrictJSON.Problem) -> InspectionInputError {
        guard !problem.path.isEmpty else {
            return InspectionInputError(field: "", Say.notAnInspectionFile(problem.text))
        }
        var index: Int?
        var field = problem.path
        let prefix = "readings["
        if field.hasPrefix(prefix), let close = field.firstIndex(of: "]"),
           let i = Int(field[field.index(field.startIndex, offsetBy: prefix.count)..<close]) {
            let rest = field[field.index(after: close)...]
            if rest.isEmpty || rest.hasPrefix(".") {
                index = i
                field = String(rest.dropFirst())
            }
        }
        return InspectionInputError(index: index, field: field, problem.text)
    }
}

// MARK: - Inventory

/// What the inventory holds: the database instance, its core users (schemas) and their
/// tablespaces, the application servers and the load-balanced addresses they sit behind.
public enum InventoryKind: String, Sendable, CaseIterable, Codable {
    case database, schema, tablespace, server, address

    public func label(_ lang: Language) -> String { name(lang) }

    public static var accepted: String { allCases.map(\.rawValue).joined(separator: ", ") }
}

/// One entry of the inventory: its kind, its name, what it belongs to (a schema's database, a
/// tablespace's schema, a server's address) and a note.
public struct InventoryEntry: Equatable, Sendable {
    public var kind: InventoryKind
    public var name: String
    public var parent: String?
    public var note: String

    public init(kind: InventoryKind, name: String, parent: String? = nil, note: String = "") {
        self.kind = kind
        self.name = name
        self.parent = parent
        self.note = note
    }

    /// Whether two names are the same entry's: the inventory ignores case and surrounding spaces
    /// (`APP04` is `app04`).
    public static func sameName(_ a: String, _ b: String) -> Bool {
        a.trimmingCharacters(in: .whitespaces).lowercased() == b.trimmingCharacters(in: .whitespaces).lowercased()
    }

    /// The kind an entry's parent must be, if it may have one.
    public var parentKind: InventoryKind? {
        switch kind {
        case .database, .address: return nil
        case .schema: return .database
        case .tablespace: return .schema
        case .server: return .address
        }
    }
}

// MARK: - Recorded inspections

/// How an inspection came in.
public enum InspectionSource: String, Sendable, CaseIterable, Codable {
    /// From a monitoring script's file (`inspect import`).
    case imported = "import"
    /// Entered by hand (`inspect add`, the console's form).
    case manual
}

/// One recorded reading: the reading, whether its target is in the inventory, what it was found
/// over (at the thresholds in force when it was recorded), and the item it opened or was linked to.
public struct RecordedReading: Equatable, Sendable {
    /// Its place in the inspection, from 0 (as the file counts).
    public var number: Int
    public var reading: InspectionReading
    /// The target was in the inventory when it was recorded.
    public var known: Bool
    /// What it called for, `nil` when within its threshold or recorded only.
    public var finding: InspectionFinding?
    /// The threshold it went over, as people read it (`> 90%`).
    public var limit: String?
    /// The item it opened (`opened`) or was linked to, while one for the same check and target was open.
    public var itemId: Int64?
    public var opened: Bool
    /// That item as it stands now, when read with the inspection.
    public var item: WorkItem?

    public init(number: Int, reading: InspectionReading, known: Bool, finding: InspectionFinding?, limit: String?,
                itemId: Int64?, opened: Bool, item: WorkItem? = nil) {
        self.number = number
        self.reading = reading
        self.known = known
        self.finding = finding
        self.limit = limit
        self.itemId = itemId
        self.opened = opened
        self.item = item
    }

    public var isOver: Bool { finding != nil }
}

/// An inspection as stored, with its readings in order.
public struct InspectionRecord: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var inspector: String
    public var kind: InspectionKind
    public var source: InspectionSource
    public var recordedAt: Date
    public var recordedBy: String
    public var readings: [RecordedReading]
    /// The SHA-256 of the imported file's bytes, in hex (`nil` for one entered by hand, or imported
    /// before hashes were kept).
    public var contentSHA256: String?
    /// The inspection whose file this one imported again (`inspect import --again`).
    public var againOf: Int64?

    public init(id: Int64, at: Date, inspector: String, kind: InspectionKind, source: InspectionSource, recordedAt: Date,
                recordedBy: String, readings: [RecordedReading], contentSHA256: String? = nil, againOf: Int64? = nil) {
        self.id = id
        self.at = at
        self.inspector = inspector
        self.kind = kind
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.readings = readings
        self.contentSHA256 = contentSHA256
        self.againOf = againOf
    }

    /// The items the inspection opened, and those it was linked to, in reading order, once each.
    public var openedItems: [Int64] { unique(readings.filter(\.opened).compactMap(\.itemId)) }
    public var linkedItems: [Int64] { unique(readings.filter { !$0.opened }.compactMap(\.itemId)) }

    private func unique(_ ids: [Int64]) -> [Int64] {
        var seen: Set<Int64> = []
        return ids.filter { seen.insert($0).inserted }
    }
}

/// An inspection in a list: what it was and how many readings went over, opened or were linked.
public struct InspectionSummary: Equatable, Sendable, Identifiable {
    public var id: Int64
    public var at: Date
    public var inspector: String
    public var kind: InspectionKind
    public var readings: Int
    public var over: Int
    public var opened: Int
    public var linked: Int
    /// Readings whose target was not in the inventory.
    public var unknown: Int

    public init(id: Int64, at: Date, inspector: String, kind: InspectionKind, readings: Int, over: Int, opened: Int, linked: Int,
                unknown: Int) {
        self.id = id
        self.at = at
        self.inspector = inspector
        self.kind = kind
        self.readings = readings
        self.over = over
        self.opened = opened
        self.linked = linked
        self.unknown = unknown
    }
}
