import Foundation

/// What an inspection (巡检) looked at.
public enum InspectionKind: String, Sendable, CaseIterable, Codable {
    /// The database: archive logs, tablespaces, locks, CPU, sessions.
    case database
    /// The application servers: services down behind each load-balanced address, logs, disks.
    case application
    /// Business use: visits to the regions and the feedback gathered.
    case business

    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.database, .zh): return "数据库巡检"
        case (.application, .zh): return "应用巡检"
        case (.business, .zh): return "业务巡检"
        case (.database, .en): return "database"
        case (.application, .en): return "application"
        case (.business, .en): return "business"
        }
    }
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

    public func label(_ lang: Language) -> String {
        guard lang == .zh else { return rawValue.replacingOccurrences(of: "_", with: " ") }
        switch self {
        case .tablespace: return "表空间使用率"
        case .serviceDown: return "停止的服务"
        case .locksLong: return "长时间锁"
        case .cpu: return "CPU使用率"
        case .disk: return "磁盘使用率"
        case .sessions: return "活动会话"
        case .archiveLog: return "归档日志"
        case .serviceLog: return "服务日志"
        case .visit: return "走访"
        }
    }

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
    public var en: String
    public var zh: String

    public init(index: Int? = nil, field: String, en: String, zh: String) {
        self.index = index
        self.field = field
        self.en = en
        self.zh = zh
    }

    /// Where the problem is: `readings[3].value`, `kind`, or nothing for the file as a whole.
    public var path: String {
        guard let index else { return field }
        return field.isEmpty ? "readings[\(index)]" : "readings[\(index)].\(field)"
    }

    public func text(_ lang: Language) -> String {
        let message = lang == .zh ? zh : en
        return path.isEmpty ? message : "\(path): \(message)"
    }
}

/// The rules of inspections: what a reading must be, and what a reading over its threshold opens.
public enum InspectionRules {
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
        let t = reading.target, v = reading.value.display, zh = lang == .zh
        switch reading.check {
        case .tablespace: return zh ? "表空间 \(t) 使用率 \(v)%，须立即扩容" : "tablespace \(t) at \(v)%: expand at once"
        case .serviceDown: return zh ? "负载均衡地址 \(t) 下 \(v) 个服务停止" : "\(v) services down behind \(t)"
        case .locksLong: return zh ? "数据库 \(t) 有 \(v) 个长时间持有的锁" : "\(v) locks held for long on \(t)"
        case .cpu: return zh ? "\(t) CPU 使用率 \(v)%" : "CPU of \(t) at \(v)%"
        case .disk: return zh ? "\(t) 磁盘使用率 \(v)%，须清理或扩容" : "disk \(t) at \(v)%: clean up or extend"
        case .archiveLog: return zh ? "\(t) 归档日志未清理（\(v)）" : "archive logs of \(t) not cleaned (\(v))"
        case .sessions: return zh ? "\(t) 活动会话 \(v)" : "\(v) active sessions on \(t)"
        case .serviceLog: return zh ? "\(t) 服务日志：\(v)" : "service log of \(t): \(v)"
        case .visit: return zh ? "走访\(t)：\(v)" : "visit to \(t): \(v)"
        }
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
            throw InspectionInputError(field: "inspector", en: "missing; expected who inspected, e.g. \"王芳\"",
                                       zh: "缺少；应为巡检人，例如 \"王芳\"")
        }
        if hasControl(new.inspector) {
            throw InspectionInputError(field: "inspector", en: "holds a control character", zh: "含有控制字符")
        }
        guard !new.readings.isEmpty else {
            throw InspectionInputError(field: "readings", en: "no readings; expected at least one {\"check\", \"target\", \"value\"}",
                                       zh: "没有读数；至少应有一条 {\"check\", \"target\", \"value\"}")
        }
        for (i, r) in new.readings.enumerated() { try validate(r, index: i, kind: new.kind) }
    }

    /// Checks one reading (index `index` of an inspection of `kind`).
    public static func validate(_ r: InspectionReading, index i: Int, kind: InspectionKind) throws(InspectionInputError) {
        let check = r.check.rawValue
        if r.check == .visit, kind != .business {
            throw InspectionInputError(index: i, field: "check", en: "a visit belongs to a business inspection (kind \"business\"), not a \(kind.rawValue) one",
                                       zh: "走访属于业务巡检（kind \"business\"），不属于\(kind.label(.zh))")
        }
        if kind == .business, r.check != .visit {
            throw InspectionInputError(index: i, field: "check", en: "a business inspection records visits only (check \"visit\"), not \"\(check)\"",
                                       zh: "业务巡检只记录走访（check \"visit\"），不能有 \"\(check)\"")
        }
        let target = r.target.trimmingCharacters(in: .whitespaces)
        guard !target.isEmpty else {
            throw InspectionInputError(index: i, field: "target", en: "empty; expected what was checked for check \"\(check)\"",
                                       zh: "为空；应为检查 \"\(check)\" 的对象")
        }
        if hasControl(target) {
            throw InspectionInputError(index: i, field: "target", en: "holds a control character", zh: "含有控制字符")
        }
        if r.check == .visit, Region.parse(target) == nil {
            throw InspectionInputError(index: i, field: "target", en: "\"\(target)\" is not a region; accepted: \(Region.accepted)",
                                       zh: "\"\(target)\" 不是地区；可接受：\(Region.accepted)")
        }
        switch r.value {
        case .number(let n):
            guard r.check.isNumeric else {
                throw InspectionInputError(index: i, field: "value", en: "expected text for check \"\(check)\", not a number",
                                           zh: "检查 \"\(check)\" 的值应为文字，不是数字")
            }
            guard n.isFinite, n >= 0 else {
                throw InspectionInputError(index: i, field: "value", en: "\(format(n)) is below 0; expected 0 or more for check \"\(check)\"",
                                           zh: "\(format(n)) 小于 0；检查 \"\(check)\" 的值应为 0 或以上")
            }
            if r.check.isPercent, n > 100 {
                throw InspectionInputError(index: i, field: "value", en: "\(format(n)) is over 100; expected a percentage from 0 to 100 for check \"\(check)\"",
                                           zh: "\(format(n)) 超过 100；检查 \"\(check)\" 的值应为 0 到 100 的百分比")
            }
            if r.check.isCount, n != n.rounded() {
                throw InspectionInputError(index: i, field: "value", en: "\(format(n)) is not a whole number; expected a count for check \"\(check)\"",
                                           zh: "\(format(n)) 不是整数；检查 \"\(check)\" 的值应为个数")
            }
            if r.check.isCount, n > Double(maxCount) {
                throw InspectionInputError(index: i, field: "value", en: "\(format(n)) is over \(maxCount); expected a count from 0 to \(maxCount) for check \"\(check)\"",
                                           zh: "\(format(n)) 超过 \(maxCount)；检查 \"\(check)\" 的值应为 0 到 \(maxCount) 的个数")
            }
        case .text(let t):
            guard !r.check.isNumeric else {
                throw InspectionInputError(index: i, field: "value", en: "expected a number for check \"\(check)\"",
                                           zh: "检查 \"\(check)\" 的值应为数字")
            }
            guard !t.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InspectionInputError(index: i, field: "value", en: "empty; expected text for check \"\(check)\"",
                                           zh: "为空；检查 \"\(check)\" 的值应为文字")
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

    /// What a numeric check accepts and how it is written, for messages.
    static func acceptedNumber(_ check: InspectionCheck) -> (en: String, how: String, zh: String, howZh: String) {
        check.isCount
            ? ("a count from 0 to \(maxCount)", "digits only", "0 到 \(maxCount) 的个数", "只写数字")
            : ("a percentage from 0 to 100", "digits, e.g. 93.5", "0 到 100 的百分比", "只写数字，例如 93.5")
    }

    /// The refusal of a numeric reading's text, naming the reading `index` and its value:
    /// `readings[4].value: '1e300': expected a count from 0 to 2147483647 for check "sessions" (digits only)`.
    static func numberRefusal(_ text: String, _ problem: NumberProblem, check: InspectionCheck, index: Int) -> InspectionInputError {
        let c = check.rawValue, a = acceptedNumber(check)
        let expected = "expected \(a.en) for check \"\(c)\" (\(a.how))", expectedZh = "检查 \"\(c)\" 的值应为\(a.zh)（\(a.howZh)）"
        let (en, zh): (String, String)
        switch problem {
        case .notDigits: (en, zh) = ("'\(text)': \(expected)", "'\(text)'：\(expectedZh)")
        case .belowZero: (en, zh) = ("\(text) is below 0; \(expected)", "\(text) 小于 0；\(expectedZh)")
        case .notWhole: (en, zh) = ("\(text) is not a whole number; \(expected)", "\(text) 不是整数；\(expectedZh)")
        case .tooLarge:
            let limit = check.isCount ? "\(maxCount)" : "100"
            (en, zh) = ("\(text) is over \(limit); \(expected)", "\(text) 超过 \(limit)；\(expectedZh)")
        }
        return InspectionInputError(index: index, field: "value", en: en, zh: zh)
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
            throw InspectionInputError(index: index, field: "", en: "'\(text)' is not CHECK TARGET VALUE, e.g. \"tablespace YLBX_DATA 93.5\"",
                                       zh: "'\(text)' 不是 检查项 对象 读数，例如 \"tablespace YLBX_DATA 93.5\"")
        }
        guard let check = InspectionCheck(rawValue: parts[0]) else {
            throw InspectionInputError(index: index, field: "check", en: "'\(parts[0])' is not a check; accepted: \(InspectionCheck.accepted)",
                                       zh: "'\(parts[0])' 不是检查项；可接受：\(InspectionCheck.accepted)")
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
    static let importFile = TextRules.Field(en: "the file", zh: "文件", size: .long)
    public static let topKeys = ["at", "inspector", "kind", "readings"]
    public static let readingKeys = ["check", "target", "value"]

    public static func parse(_ data: Data) throws(InspectionInputError) -> NewInspection {
        // Text that is not UTF-8 is refused as such (never read with U+FFFD in place of its bytes).
        if case .failure(let problem) = TextRules.decode(Array(data), field: importFile) {
            throw InspectionInputError(field: "", en: problem.text.en, zh: problem.text.zh)
        }
        let json: StrictJSON.Value
        do { json = try StrictJSON.parse(data) } catch { throw refusal(error) }
        guard case .object(let topPairs) = json else {
            throw InspectionInputError(field: "", en: "the file holds \(json.kind.en); expected one object {\"at\", \"inspector\", \"kind\", \"readings\"}",
                                       zh: "文件内容是\(json.kind.zh)；应为一个对象 {\"at\", \"inspector\", \"kind\", \"readings\"}")
        }
        let top = Dictionary(topPairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
        for key in top.map(\.key).sorted() where !topKeys.contains(key) {
            throw InspectionInputError(field: key, en: "unknown field; accepted: \(topKeys.joined(separator: ", "))",
                                       zh: "未知字段；可接受：\(topKeys.joined(separator: ", "))")
        }
        let atText = try string(top["at"], field: "at", expected: "a time with an offset, e.g. \"2021-12-06T09:30:00+08:00\"",
                                expectedZh: "带时区偏移的时间，例如 \"2021-12-06T09:30:00+08:00\"")
        let at: Date
        do { at = try TimeInput.parseInstant(atText) } catch {
            throw InspectionInputError(field: "at", en: error.text(.en), zh: error.text(.zh))
        }
        let inspector = try string(top["inspector"], field: "inspector", expected: "who inspected, e.g. \"王芳\"", expectedZh: "巡检人，例如 \"王芳\"")
        let kindText = try string(top["kind"], field: "kind", expected: "database, application or business", expectedZh: "database、application 或 business")
        guard let kind = InspectionKind(rawValue: kindText) else {
            throw InspectionInputError(field: "kind", en: "\"\(kindText)\" is not a kind; accepted: database, application, business",
                                       zh: "\"\(kindText)\" 不是巡检类别；可接受：database、application、business")
        }
        guard let readingsValue = top["readings"] else {
            throw InspectionInputError(field: "readings", en: "missing; expected a list of {\"check\", \"target\", \"value\"}",
                                       zh: "缺少；应为 {\"check\", \"target\", \"value\"} 的列表")
        }
        guard case .array(let list) = readingsValue else {
            throw InspectionInputError(field: "readings", en: "is \(readingsValue.kind.en); expected a list of {\"check\", \"target\", \"value\"}",
                                       zh: "是\(readingsValue.kind.zh)；应为 {\"check\", \"target\", \"value\"} 的列表")
        }
        var readings: [InspectionReading] = []
        for (i, element) in list.enumerated() {
            guard case .object(let pairs) = element else {
                throw InspectionInputError(index: i, field: "", en: "is \(element.kind.en); expected an object {\"check\", \"target\", \"value\"}",
                                           zh: "是\(element.kind.zh)；应为对象 {\"check\", \"target\", \"value\"}")
            }
            let fields = Dictionary(pairs.map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
            for key in fields.map(\.key).sorted() where !readingKeys.contains(key) {
                throw InspectionInputError(index: i, field: key, en: "unknown field; accepted: \(readingKeys.joined(separator: ", "))",
                                           zh: "未知字段；可接受：\(readingKeys.joined(separator: ", "))")
            }
            let checkText = try string(fields["check"], field: "check", index: i, expected: "one of \(InspectionCheck.accepted)",
                                       expectedZh: "以下之一：\(InspectionCheck.accepted)")
            guard let check = InspectionCheck(rawValue: checkText) else {
                throw InspectionInputError(index: i, field: "check", en: "\"\(checkText)\" is not a check; accepted: \(InspectionCheck.accepted)",
                                           zh: "\"\(checkText)\" 不是检查项；可接受：\(InspectionCheck.accepted)")
            }
            let target = try string(fields["target"], field: "target", index: i, expected: "what was checked for check \"\(checkText)\"",
                                    expectedZh: "检查 \"\(checkText)\" 的对象")
            let value: ReadingValue
            switch fields["value"] {
            case .number(let raw, _)?:
                guard check.isNumeric else {
                    throw InspectionInputError(index: i, field: "value", en: "expected text for check \"\(checkText)\", not a number",
                                               zh: "检查 \"\(checkText)\" 的值应为文字，不是数字")
                }
                switch InspectionRules.readNumber(raw, check: check) {
                case .success(let n): value = .number(n)
                case .failure(let problem): throw InspectionRules.numberRefusal(raw, problem, check: check, index: i)
                }
            case .string(let s)?: value = .text(s)
            case nil:
                throw InspectionInputError(index: i, field: "value", en: "missing; expected \(check.isNumeric ? "a number" : "text") for check \"\(checkText)\"",
                                           zh: "缺少；检查 \"\(checkText)\" 的值应为\(check.isNumeric ? "数字" : "文字")")
            case let other?:
                throw InspectionInputError(index: i, field: "value", en: "is \(other.kind.en); expected \(check.isNumeric ? "a number" : "text") for check \"\(checkText)\"",
                                           zh: "是\(other.kind.zh)；检查 \"\(checkText)\" 的值应为\(check.isNumeric ? "数字" : "文字")")
            }
            readings.append(InspectionReading(check: check, target: target.trimmingCharacters(in: .whitespaces), value: value))
        }
        let new = NewInspection(at: at, inspector: inspector.trimmingCharacters(in: .whitespacesAndNewlines), kind: kind, readings: readings)
        try InspectionRules.validate(new)
        return new
    }

    static func string(_ value: StrictJSON.Value?, field: String, index: Int? = nil, expected: String, expectedZh: String) throws(InspectionInputError) -> String {
        switch value {
        case .string(let s)?:
            guard !s.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty else {
                throw InspectionInputError(index: index, field: field, en: "empty; expected \(expected)", zh: "为空；应为\(expectedZh)")
            }
            return s
        case nil:
            throw InspectionInputError(index: index, field: field, en: "missing; expected \(expected)", zh: "缺少；应为\(expectedZh)")
        case let other?:
            throw InspectionInputError(index: index, field: field, en: "is \(other.kind.en); expected \(expected)", zh: "是\(other.kind.zh)；应为\(expectedZh)")
        }
    }

    /// What the JSON reader refused, named as every other refusal is: `readings[2].value` (the
    /// reading's index and field), a field of the inspection (`kind`), or the file as a whole with
    /// the line and column and what the file should be.
    static func refusal(_ problem: StrictJSON.Problem) -> InspectionInputError {
        guard !problem.path.isEmpty else {
            return InspectionInputError(field: "", en: "\(problem.text.en); expected one object {\"at\", \"inspector\", \"kind\", \"readings\"}",
                                        zh: "\(problem.text.zh)；应为一个对象 {\"at\", \"inspector\", \"kind\", \"readings\"}")
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
        return InspectionInputError(index: index, field: field, en: problem.text.en, zh: problem.text.zh)
    }
}

// MARK: - Inventory

/// What the inventory holds: the database instance, its core users (schemas) and their
/// tablespaces, the application servers and the load-balanced addresses they sit behind.
public enum InventoryKind: String, Sendable, CaseIterable, Codable {
    case database, schema, tablespace, server, address

    public func label(_ lang: Language) -> String {
        switch (self, lang) {
        case (.database, .zh): return "数据库实例"
        case (.schema, .zh): return "核心用户"
        case (.tablespace, .zh): return "表空间"
        case (.server, .zh): return "应用服务器"
        case (.address, .zh): return "负载均衡地址"
        case (_, .en): return rawValue
        }
    }

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

    public init(id: Int64, at: Date, inspector: String, kind: InspectionKind, source: InspectionSource, recordedAt: Date,
                recordedBy: String, readings: [RecordedReading]) {
        self.id = id
        self.at = at
        self.inspector = inspector
        self.kind = kind
        self.source = source
        self.recordedAt = recordedAt
        self.recordedBy = recordedBy
        self.readings = readings
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
