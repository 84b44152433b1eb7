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

    mutating func add(_ check: String, _ status: Status, en: String, zh: String, doEn: String? = nil, doZh: String? = nil) {
        findings.append(Finding(check: check, status: status, message: LocalizedText(en: en, zh: zh),
                                action: doEn.map { LocalizedText(en: $0, zh: doZh ?? $0) }))
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
            let said = StorageFailure(error).map { LocalizedText(en: $0.message(path: path, .en), zh: $0.message(path: path, .zh)) }
                ?? DatabasePlace.failure(path, error).text
            add("database", .fail, en: said.en, zh: said.zh)
            return
        }
        defer { try? database.close() }
        checkIntegrity(database)
        checkSummaries(database, repair: repair)
        checkCalendar(database)
        checkTimer(database)
    }

    // MARK: The checks

    /// The file is helpdesk's and this program's schema; false when the other checks cannot go on.
    mutating func checkSchema() -> Bool {
        do {
            let schema = try AppDatabase.fileSchema(path)
            if !schema.unknown.isEmpty {
                add("schema", .fail, en: "written by a newer helpdesk (\(schema.unknown.joined(separator: ", ")))",
                    zh: "由更新版本的 helpdesk 写入（\(schema.unknown.joined(separator: "、"))）",
                    doEn: "install the newer helpdesk on this host; this one must not write to it", doZh: "在本机安装新版本 helpdesk；本程序不可写入它")
                return false
            }
            if !schema.pending.isEmpty {
                add("schema", .warn, en: "older than this program: \(schema.pending.count) upgrade(s) pending (\(schema.pending.joined(separator: ", ")))",
                    zh: "比本程序旧：待升级 \(schema.pending.count) 项（\(schema.pending.joined(separator: "、"))）",
                    doEn: "back it up (helpdesk backup FILE), then run any command with this program, e.g. helpdesk list, to upgrade it",
                    doZh: "先备份（helpdesk backup FILE），再用本程序运行任一命令（如 helpdesk list）完成升级")
                return false
            }
            add("schema", .ok, en: "up to date (\(schema.latest ?? "?"))", zh: "与本程序一致（\(schema.latest ?? "?")）")
            return true
        } catch let refusal as BackupRefusal {
            if case .missing = refusal, let (folder, group) = Self.closedFolder(on: path) {
                // The file may well be there: stat could not look inside the folder.
                let user = Environment.operatingSystemUser().username
                add("database", .fail, en: "cannot look for the database \(path): you may not enter the folder \(folder) (group \(group))",
                    zh: "无法查看数据库 \(path)：您无权进入文件夹 \(folder)（属组 \(group)）",
                    doEn: "ask the administrator to add you to the group \(group) (usermod -aG \(group) \(user)), then log in again",
                    doZh: "请管理员将您加入 \(group) 组（usermod -aG \(group) \(user)），然后重新登录")
            } else if case .missing = refusal {
                add("database", .fail, en: "no database at \(path)", zh: "\(path) 处没有数据库",
                    doEn: "check --db / HELPDESK_DB; a database is created by the first command that uses it",
                    doZh: "检查 --db / HELPDESK_DB；数据库在第一次使用时创建")
            } else {
                add("database", .fail, en: refusal.finding(.en), zh: refusal.finding(.zh),
                    doEn: "point --db / HELPDESK_DB at the desk's database, or restore the last backup (helpdesk restore FILE)",
                    doZh: "让 --db / HELPDESK_DB 指向服务台数据库，或恢复最近的备份（helpdesk restore FILE）")
            }
            return false
        } catch {
            add("database", .fail, en: "cannot read \(path): \(error)", zh: "无法读取 \(path)：\(error)")
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
            let shown = "\(file): owner \(owner), group \(group), mode \(String(mode, radix: 8))"
            let shownZh = "\(file)：属主 \(owner)，属组 \(group)，权限 \(String(mode, radix: 8))"
            if mode & 0o007 != 0 {
                // What users outside the owner and group may do with it.
                let write = mode & 0o002 != 0, read = mode & 0o004 != 0
                let en = write && read ? "read and change" : write ? "change" : read ? "read" : "reach"
                let zh = write && read ? "读取和修改" : write ? "修改" : read ? "读取" : "访问"
                add("file", .warn, en: "\(shown): others may \(en) the records", zh: "\(shownZh)：其他用户可\(zh)记录",
                    doEn: "chmod 660 \(file)", doZh: "chmod 660 \(file)")
            } else if file == path && access(file, W_OK) != 0 {
                add("file", .warn, en: "\(shown): read-only for you", zh: "\(shownZh)：您只能读取",
                    doEn: "to write, join the file's group (\(group)) and make it group-writable: chmod 660 \(file)",
                    doZh: "如需写入：加入属组 \(group)，并设为组可写：chmod 660 \(file)")
            } else {
                add("file", .ok, en: shown, zh: shownZh)
            }
        }
        let dir = URL(fileURLWithPath: path).deletingLastPathComponent().path
        var st = stat()
        if stat(dir, &st) == 0, Int(st.st_mode) & 0o002 != 0 {
            add("file", .warn, en: "\(dir) may be written by anyone: others could replace the database",
                zh: "\(dir) 任何人可写：他人可能替换数据库", doEn: "chmod 2770 \(dir)", doZh: "chmod 2770 \(dir)")
        } else if stat(dir, &st) == 0, Int(st.st_mode) & 0o005 != 0 {
            // Listing shows the backups and the database's name beside it; entering reaches any file
            // there left readable.
            let mode = String(Int(st.st_mode) & 0o7777, radix: 8)
            add("file", .warn, en: "\(dir) (mode \(mode)) may be listed or entered by anyone, not only the desk's group",
                zh: "\(dir)（权限 \(mode)）任何人都可列出或进入，而不仅是服务台的组",
                doEn: "chmod o-rwx \(dir)", doZh: "chmod o-rwx \(dir)")
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
                add("partial", .ok, en: "\(partial.path) (\(size)): a backup or restore under way (process \(partial.pid))",
                    zh: "\(partial.path)（\(size)）：备份或恢复正在进行（进程 \(partial.pid)）")
            } else {
                add("partial", .warn, en: "\(partial.path) (\(size)): a partial copy left by a backup or restore that was stopped (process \(partial.pid) is gone)",
                    zh: "\(partial.path)（\(size)）：被中止的备份或恢复留下的不完整副本（进程 \(partial.pid) 已不在）",
                    doEn: "remove it: rm \(partial.path) (the next helpdesk backup or restore in this folder removes it too)",
                    doZh: "删除它：rm \(partial.path)（此目录下的下一次 helpdesk backup 或 restore 也会删除它）")
            }
        }
    }

    mutating func checkIntegrity(_ database: AppDatabase) {
        do {
            let result = try database.integrityCheck()
            if result == ["ok"] {
                add("integrity", .ok, en: "intact (integrity_check)", zh: "完整（integrity_check）")
            } else {
                add("integrity", .fail, en: "damaged: \(result.prefix(3).joined(separator: "; "))", zh: "已损坏：\(result.prefix(3).joined(separator: "；"))",
                    doEn: "stop the consoles, then restore the last good backup: helpdesk restore FILE",
                    doZh: "停止各控制台，然后恢复最近的完好备份：helpdesk restore FILE")
            }
        } catch {
            add("integrity", .fail, en: "cannot be checked: \(error)", zh: "无法检查：\(error)")
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
                    add("summaries", .ok, en: "rebuilt: they now equal a full recount", zh: "已重建：与全量重新统计一致")
                    return
                }
            }
            if mismatches.isEmpty {
                add("summaries", .ok, en: "equal a full recount", zh: "与全量重新统计一致")
            } else {
                let list = mismatches.map(\.description).joined(separator: "; ")
                add("summaries", .fail, en: "differ from a recount: \(list)", zh: "与重新统计不符：\(list)",
                    doEn: "a supervisor runs: helpdesk doctor --repair", doZh: "由主管运行：helpdesk doctor --repair")
            }
        } catch let error as StoreError {
            add("summaries", .fail, en: error.message(.en), zh: error.message(.zh))
        } catch {
            add("summaries", .fail, en: "cannot be checked: \(error)", zh: "无法检查：\(error)")
        }
    }

    mutating func checkCalendar(_ database: AppDatabase) {
        do {
            let calendar = try database.calendar()
            let known = Set(calendar.years.keys)
            let years = Self.ranges(known)
            let how = "get the State Council's holiday notice for it and run: helpdesk calendar import FILE (README, \"Calendar\")"
            let howZh = "依国务院办公厅节假日安排通知整理该年文件，运行：helpdesk calendar import FILE（见 README“Calendar”）"
            switch CalendarCoverage(knownYears: known, today: BeijingTime.date(of: now)) {
            case .covered:
                add("calendar", .ok, en: "holidays known for \(years)", zh: "已有节假日安排：\(years)")
            case .nextYearMissing(let year):
                add("calendar", .warn, en: "\(year)'s holidays are not imported (known: \(years)); deadlines running into \(year) treat its holidays as working days",
                    zh: "\(year) 年节假日尚未导入（已有：\(years)）；跨入 \(year) 年的时限会把节假日当作工作日", doEn: how, doZh: howZh)
            case .thisYearMissing(let year):
                add("calendar", .fail, en: "this year's (\(year)) holidays are not imported (known: \(years)): deadlines may fall on holidays",
                    zh: "本年（\(year)）节假日未导入（已有：\(years)）：时限可能落在节假日", doEn: how, doZh: howZh)
            }
        } catch {
            add("calendar", .fail, en: "cannot be read: \(error)", zh: "无法读取：\(error)")
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
            add("configuration", .fail, en: error.description, zh: error.description,
                doEn: "correct the file; helpdesk config check shows every error with its line", doZh: "修改该文件；helpdesk config check 列出每处错误及其行号")
            return
        } catch {
            add("configuration", .fail, en: "\(error)", zh: "\(error)")
            return
        }
        add("configuration", .ok, en: "read without errors", zh: "读取无误")
        guard let command = configuration.notifyCommand?.trimmingCharacters(in: .whitespaces), !command.isEmpty else {
            add("notify", .warn, en: "no notify command: escalation notices wait in the outbox (helpdesk notify list)",
                zh: "未配置通知命令：升级通知留在发件箱中（helpdesk notify list）",
                doEn: "root sets notify_command in /etc/helpdesk/config.toml (README, \"Configuration\")", doZh: "由 root 在 /etc/helpdesk/config.toml 中设置 notify_command（见 README“Configuration”）")
            return
        }
        let program = String(command.split(separator: " ").first ?? "")
        if Self.findExecutable(program, environment) {
            add("notify", .ok, en: "notify command found: \(program)", zh: "通知命令存在：\(program)")
        } else {
            add("notify", .fail, en: "notify command not found or not executable: \(program)", zh: "通知命令不存在或不可执行：\(program)",
                doEn: "install it, or have root correct notify_command in /etc/helpdesk/config.toml", doZh: "安装该程序，或由 root 修改 /etc/helpdesk/config.toml 中的 notify_command")
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
                add("timer", .warn, en: "the escalation timer (helpdesk escalate) has never run on this database",
                    zh: "升级定时任务（helpdesk escalate）从未在此数据库上运行",
                    doEn: "install the timer that runs helpdesk escalate every minute (README, \"Install\")",
                    doZh: "安装每分钟运行 helpdesk escalate 的定时任务（见 README“Install”）")
                return
            }
            let ago = Int(now.timeIntervalSince(last.at))
            let when = "\(BeijingTime.short(last.at)) as \(last.by)"
            if ago > 5 * 60 {
                add("timer", .warn, en: "the escalation timer last ran \(ago / 60) minutes ago (\(when)): steps falling due are taken only when a console is open",
                    zh: "升级定时任务上次运行于 \(ago / 60) 分钟前（\(BeijingTime.short(last.at))，\(last.by)）：到期的升级步骤只有在控制台打开时才会执行",
                    doEn: "check the timer: systemctl status helpdesk-escalate.timer, or the cron log",
                    doZh: "检查定时任务：systemctl status helpdesk-escalate.timer，或 cron 日志")
            } else {
                add("timer", .ok, en: "the escalation timer last ran \(when)", zh: "升级定时任务上次运行：\(BeijingTime.short(last.at))，\(last.by)")
            }
        } catch {
            add("timer", .fail, en: "cannot be read: \(error)", zh: "无法读取：\(error)")
        }
    }
}
