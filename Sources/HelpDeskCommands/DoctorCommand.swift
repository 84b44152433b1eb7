import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// `doctor`: checks the database, its file, the calendar, the configuration and the escalation
/// timer, and says what to do about each finding.
struct DoctorCommand: ParsableCommand {
    static var configuration: CommandConfiguration {
        CommandConfiguration(commandName: "doctor", abstract: HelpDesk.say(Catalog.Help.Admin.Doctor.abstract),
                             discussion: HelpDesk.say(Catalog.Help.Admin.Doctor.discussion))
    }

    @OptionGroup var global: GlobalOptions
    @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Admin.Doctor.repair))) var repair = false

    func run() throws {
        let env = ProcessInfo.processInfo.environment
        let lang = global.lang ?? LanguageChoice.current
        let path = global.demo ? Environment.dataDirectory(env) + "/demo.sqlite" : Environment.databasePath(global.db, env)
        if let refusal = DatabasePlace.refusal(path) { throw refusal }
        let now: Date
        if let text = global.now ?? env["HELPDESK_NOW"].flatMap({ $0.isEmpty ? nil : $0 }) {
            do { now = try TimeInput.parseInstant(text) } catch {
                throw UsageError(Catalog.Commands.option("--now", error.localized))
            }
        } else {
            now = Date()
        }
        if repair { try Self.checkMayRepair(path, now: now) }
        var doctor = Doctor(path: path, now: now, lang: lang, environment: env)
        doctor.examine(repair: repair)
        if global.json {
            try JSONOutput.print(doctor.findings.map(FindingJSON.init))
        } else {
            for f in doctor.findings { print(f.line(lang)) }
        }
        if doctor.findings.contains(where: { $0.status != .ok }) { throw ExitCode(1) }
    }

    /// `--repair` writes: only a supervisor asks for it, refused up front (exit 2) to anyone else,
    /// whether or not the summaries need it.
    static func checkMayRepair(_ path: String, now: Date) throws {
        guard FileManager.default.fileExists(atPath: path) else { return }
        let database = try AppDatabase.open(path: path, readOnly: true)
        defer { try? database.close() }
        let ctx = Context(actor: Environment.operatingSystemUser().username, now: now)
        if let refusal = try database.refusal(for: .supervise(.repair), ctx) {
            throw StoreError.notPermitted(refusal)
        }
    }

    struct FindingJSON: Encodable {
        let check: String, status: String, message: String, action: String?
        init(_ f: Doctor.Finding) {
            check = f.check
            status = f.status.rawValue
            message = f.message.en
            action = f.action?.en
        }
    }
}

/// The checks of `helpdesk doctor`, each a finding with what to do about it.
struct Doctor {
    private typealias D = Catalog.Admin.Doctor

    enum Status: String { case ok, warn, fail }

    struct Finding {
        var check: String
        var status: Status
        var message: LocalizedText
        var action: LocalizedText?

        func line(_ lang: Language) -> String {
            let mark = status == .ok ? "ok  " : status == .warn ? "WARN" : "FAIL"
            var text = "\(mark) \(TerminalText.fit(check, 13)) \(TerminalText.sanitize(message.text(lang)))"
            if let action { text += "\n     \(String(repeating: " ", count: 13)) → \(TerminalText.sanitize(action.text(lang)))" }
            return text
        }
    }

    let path: String
    let now: Date
    let lang: Language
    let environment: [String: String]
    var findings: [Finding] = []

    init(path: String, now: Date, lang: Language, environment: [String: String]) {
        self.path = path
        self.now = now
        self.lang = lang
        self.environment = environment
    }

    mutating func add(_ check: String, _ status: Status, _ message: LocalizedText, do action: LocalizedText? = nil) {
        findings.append(Finding(check: check, status: status, message: message, action: action))
    }

    mutating func examine(repair: Bool) {
        checkConfiguration()
        guard checkSchema() else {
            checkPartials()
            return
        }
        checkFile()
        checkPartials()
        let database: AppDatabase
        do { database = try AppDatabase.open(path: path) } catch {
            add("database", .fail, StorageFailure(error).map { $0.text(path: path) } ?? DatabasePlace.failure(path, error).text)
            return
        }
        defer { try? database.close() }
        checkIntegrity(database)
        checkSummaries(database, repair: repair)
        checkCalendar(database)
        checkTimer(database)
        checkReplication(database)
    }

    // MARK: The checks

    /// The file is helpdesk's and this program's schema; false when the other checks cannot go on.
    mutating func checkSchema() -> Bool {
        do {
            let schema = try AppDatabase.fileSchema(path)
            if !schema.unknown.isEmpty {
                add("schema", .fail, D.newerSchema(schema.unknown), do: D.installNewer)
                return false
            }
            if !schema.pending.isEmpty {
                add("schema", .warn, D.olderSchema(schema.pending), do: D.upgrade)
                return false
            }
            add("schema", .ok, D.upToDate(schema.latest ?? "?"))
            return true
        } catch let refusal as BackupRefusal {
            if case .missing = refusal, let (folder, group) = Self.closedFolder(on: path) {
                // The file may well be there: stat could not look inside the folder.
                let user = Environment.operatingSystemUser().username
                add("database", .fail, D.folderClosed(path, folder: folder, group: group), do: D.askForGroup(group, user: user))
            } else if case .missing = refusal {
                add("database", .fail, D.noDatabase(path), do: D.checkDatabaseOption)
            } else {
                add("database", .fail, LocalizedText(zh: refusal.finding(.zh), en: refusal.finding(.en)), do: D.pointAtDatabase)
            }
            return false
        } catch {
            add("database", .fail, D.cannotRead(path, "\(error)"))
            return false
        }
    }

    /// Owner, group and mode of the file and of the files beside it.
    mutating func checkFile() {
        for file in [path, path + "-wal", path + "-shm"] {
            var st = stat()
            guard stat(file, &st) == 0 else { continue }
            let mode = Int(st.st_mode) & 0o777
            let owner = getpwuid(st.st_uid).flatMap { $0.pointee.pw_name.map { String(cString: $0) } } ?? "\(st.st_uid)"
            let group = getgrgid(st.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(st.st_gid)"
            let shown = D.file(file, owner: owner, group: group, mode: String(mode, radix: 8))
            if mode & 0o007 != 0 {
                // What users outside the owner and group may do with it.
                add("file", .warn, D.othersMay(shown, read: mode & 0o004 != 0, write: mode & 0o002 != 0), do: .verbatim("chmod 660 \(file)"))
            } else if file == path && access(file, W_OK) != 0 {
                add("file", .warn, D.readOnly(shown), do: D.joinGroup(group, file: file))
            } else {
                add("file", .ok, shown)
            }
        }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var st = stat()
        if stat(dir, &st) == 0, Int(st.st_mode) & 0o002 != 0 {
            add("file", .warn, D.folderWritable(dir), do: .verbatim("chmod 2770 \(dir)"))
        } else if stat(dir, &st) == 0, Int(st.st_mode) & 0o005 != 0 {
            // Listing shows the backups and the database's name beside it; entering reaches any file
            // there left readable.
            let mode = String(Int(st.st_mode) & 0o7777, radix: 8)
            add("file", .warn, D.folderOpen(dir, mode: mode), do: .verbatim("chmod o-rwx \(dir)"))
        }
    }

    /// The folder on the way to `path` that this user may not enter, with its group: then the
    /// database's absence cannot be told from a folder closed to the user.
    static func closedFolder(on path: String) -> (folder: String, group: String)? {
        var st = stat()
        guard stat(path, &st) != 0, errno == EACCES else { return nil }
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        // The outermost folder that exists but may not be entered.
        var closed: String?
        while folder != "/" && !folder.isEmpty {
            if stat(folder, &st) == 0, access(folder, X_OK) != 0 { closed = folder }
            folder = (folder as NSString).deletingLastPathComponent
        }
        guard let closed, stat(closed, &st) == 0 else { return nil }
        let group = getgrgid(st.st_gid).flatMap { $0.pointee.gr_name.map { String(cString: $0) } } ?? "\(st.st_gid)"
        return (closed, group)
    }

    /// Hidden temporary copies (`.NAME.PID.partial`) beside the database: a backup or restore under
    /// way, or one that was killed and left its copy (as large as the database) behind.
    mutating func checkPartials() {
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent().path
        for partial in AppDatabase.partialCopies(in: folder) {
            let size = partial.bytes >= 1 << 20 ? "\(partial.bytes >> 20) MB" : "\(partial.bytes) bytes"
            if partial.processRunning {
                add("partial", .ok, D.partialUnderWay(partial.path, size: size, pid: partial.pid))
            } else {
                add("partial", .warn, D.partialLeft(partial.path, size: size, pid: partial.pid), do: D.removePartial(partial.path))
            }
        }
    }

    mutating func checkIntegrity(_ database: AppDatabase) {
        do {
            let result = try database.integrityCheck()
            if result == ["ok"] {
                add("integrity", .ok, D.intact)
            } else {
                add("integrity", .fail, D.damaged(Array(result.prefix(3))), do: D.restoreGood)
            }
        } catch {
            add("integrity", .fail, D.cannotBeChecked("\(error)"))
        }
    }

    mutating func checkSummaries(_ database: AppDatabase, repair: Bool) {
        do {
            var mismatches = try database.checkSummaries()
            if !mismatches.isEmpty && repair {
                let user = Environment.operatingSystemUser().username
                try database.rebuildSummaries(Context(actor: user, now: now))
                mismatches = try database.checkSummaries()
                if mismatches.isEmpty {
                    add("summaries", .ok, D.rebuilt)
                    return
                }
            }
            if mismatches.isEmpty {
                add("summaries", .ok, D.equalRecount)
            } else {
                let list = mismatches.map(\.description).joined(separator: "; ")
                add("summaries", .fail, D.differ(list), do: D.runRepair)
            }
        } catch let error as StoreError {
            add("summaries", .fail, LocalizedText(zh: error.message(.zh), en: error.message(.en)))
        } catch {
            add("summaries", .fail, D.cannotBeChecked("\(error)"))
        }
    }

    mutating func checkCalendar(_ database: AppDatabase) {
        do {
            let calendar = try database.calendar()
            let known = Set(calendar.years.keys)
            let years = Self.ranges(known)
            switch CalendarCoverage(knownYears: known, today: BeijingTime.date(of: now)) {
            case .covered:
                add("calendar", .ok, D.holidaysKnown(years))
            case .nextYearMissing(let year):
                add("calendar", .warn, D.nextYearMissing(year, known: years), do: D.importYear)
            case .thisYearMissing(let year):
                add("calendar", .fail, D.thisYearMissing(year, known: years), do: D.importYear)
            }
        } catch {
            add("calendar", .fail, D.cannotBeRead("\(error)"))
        }
    }

    /// Years as runs: "2004–2026", "2019, 2021–2022".
    static func ranges(_ years: Set<Int>) -> String {
        var runs: [(Int, Int)] = []
        for y in years.sorted() {
            if let last = runs.last, last.1 == y - 1 { runs[runs.count - 1].1 = y } else { runs.append((y, y)) }
        }
        return runs.map { $0.0 == $0.1 ? "\($0.0)" : "\($0.0)–\($0.1)" }.joined(separator: ", ")
    }

    mutating func checkConfiguration() {
        let configuration: Configuration
        do { configuration = try Configuration.load(environment: environment) } catch let error as ConfigurationError {
            add("configuration", .fail, error.text, do: D.correctConfiguration)
            return
        } catch {
            add("configuration", .fail, .verbatim("\(error)"))
            return
        }
        add("configuration", .ok, D.configurationRead)
        guard let command = configuration.notifyCommand?.trimmingCharacters(in: .whitespaces), !command.isEmpty else {
            add("notify", .warn, D.noNotifyCommand, do: D.setNotifyCommand)
            return
        }
        let program = String(command.split(separator: " ").first ?? "")
        if Self.findExecutable(program, environment) {
            add("notify", .ok, D.notifyFound(program))
        } else {
            add("notify", .fail, D.notifyMissing(program), do: D.installNotify)
        }
    }

    /// `program` as /bin/sh would find it: a path, or a name on PATH.
    static func findExecutable(_ program: String, _ environment: [String: String]) -> Bool {
        if program.contains("/") { return access(program, X_OK) == 0 }
        let path = environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").contains { access("\($0)/\(program)", X_OK) == 0 }
    }

    mutating func checkTimer(_ database: AppDatabase) {
        do {
            guard let last = try database.timerLastRun() else {
                add("timer", .warn, D.timerNeverRan, do: D.installTimer)
                return
            }
            let ago = Int(now.timeIntervalSince(last.at))
            let at = BeijingTime.short(last.at)
            if ago > 5 * 60 {
                add("timer", .warn, D.timerLate(minutes: ago / 60, at: at, by: last.by), do: D.checkTimer)
            } else {
                add("timer", .ok, D.timerRan(at: at, by: last.by))
            }
        } catch {
            add("timer", .fail, D.cannotBeRead("\(error)"))
        }
    }
}
