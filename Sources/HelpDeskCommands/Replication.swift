import Foundation
import HelpDeskCore
import HelpDeskStore

/// Litestream as this program runs it: to restore a replica on the host that takes over
/// (`restore --replica`) and to read a replica's positions (`doctor`). The program is
/// `HELPDESK_LITESTREAM` when set, else `litestream` on PATH.
enum Litestream {
    static func program(_ env: [String: String]) -> String? {
        if let named = env["HELPDESK_LITESTREAM"], !named.isEmpty { return access(named, X_OK) == 0 ? named : nil }
        let path = env["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/litestream" }.first { access($0, X_OK) == 0 }
    }

    struct Run {
        var status: Int32
        var out: String
        var err: String

        /// The last line it wrote to standard error (or output), for a message.
        var said: String {
            let text = err.isEmpty ? out : err
            let last = text.split(separator: "\n").last.map(String.init) ?? "exit status \(status)"
            return TerminalText.sanitize(String(last.suffix(300)))
        }
    }

    /// Runs it with `arguments` to the end, or kills it after `timeout` seconds; its output goes to
    /// files, so no amount of it blocks it.
    static func run(_ program: String, _ arguments: [String], timeout: Double = 300) -> Run {
        let dir = FileManager.default.temporaryDirectory
        let outPath = dir.appendingPathComponent("helpdesk-litestream-\(UUID().uuidString).out").path
        let errPath = dir.appendingPathComponent("helpdesk-litestream-\(UUID().uuidString).err").path
        defer {
            unlink(outPath)
            unlink(errPath)
        }
        guard FileManager.default.createFile(atPath: outPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              FileManager.default.createFile(atPath: errPath, contents: nil, attributes: [.posixPermissions: 0o600]),
              let out = FileHandle(forWritingAtPath: outPath), let err = FileHandle(forWritingAtPath: errPath) else {
            return Run(status: -1, out: "", err: "cannot write in \(dir.path)")
        }
        defer {
            try? out.close()
            try? err.close()
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: program)
        process.arguments = arguments
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = out
        process.standardError = err
        do { try process.run() } catch { return Run(status: -1, out: "", err: "\(error)") }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning {
            if Date() > deadline {
                kill(process.processIdentifier, SIGKILL)
                process.waitUntilExit()
                return Run(status: -1, out: "", err: "no answer within \(Int(timeout)) s")
            }
            usleep(20_000)
        }
        let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return Run(status: process.terminationStatus, out: read(outPath), err: read(errPath))
    }

    /// The databases a configuration file names (`litestream databases`), by path.
    static func databases(_ program: String, config: String) -> [String] {
        let r = run(program, ["databases", "-config", config], timeout: 30)
        guard r.status == 0 else { return [] }
        return r.out.split(separator: "\n").dropFirst().compactMap { line in
            // Columns padded with spaces: the path, then the replica's type.
            let path = line.components(separatedBy: "  ").first?.trimmingCharacters(in: .whitespaces) ?? ""
            return path.isEmpty ? nil : path
        }
    }

    /// The replica's latest position, as `litestream ltx` lists its files: when the newest was
    /// written, or nil when it holds none.
    static func latestPosition(_ program: String, config: String, database: String) -> (at: Date?, run: Run) {
        let r = run(program, ["ltx", "-config", config, "-level", "all", "-json", database], timeout: 60)
        guard r.status == 0, let data = r.out.data(using: .utf8),
              let files = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]] else { return (nil, r) }
        let format = ISO8601DateFormatter()
        format.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let plain = ISO8601DateFormatter()
        let times = files.compactMap { $0["timestamp"] as? String }.compactMap { format.date(from: $0) ?? plain.date(from: $0) }
        return (times.max(), r)
    }

    /// Whether a running `litestream replicate` replicates `database`: one started with `config`
    /// (or /etc/litestream.yml, its default), or with the database's path among its arguments.
    static func isReplicating(database: String, config: String) -> Bool {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: "/proc") else { return false }
        let wanted = URL(fileURLWithPath: config).standardizedFileURL.resolvingSymlinksInPath().path
        for pid in entries where Int32(pid) != nil {
            guard let raw = FileManager.default.contents(atPath: "/proc/\(pid)/cmdline") else { continue }
            let argv = raw.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            guard let first = argv.first, URL(fileURLWithPath: first).lastPathComponent == "litestream",
                  argv.contains("replicate") else { continue }
            if argv.contains(database) { return true }
            var named = "/etc/litestream.yml"
            if let i = argv.firstIndex(where: { $0 == "-config" || $0 == "--config" }), i + 1 < argv.count { named = argv[i + 1] }
            if let given = argv.first(where: { $0.hasPrefix("-config=") || $0.hasPrefix("--config=") }) {
                named = String(given.split(separator: "=", maxSplits: 1)[1])
            }
            if !named.hasPrefix("/") {
                let cwd = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/\(pid)/cwd")) ?? "/"
                named = cwd + "/" + named
            }
            if URL(fileURLWithPath: named).standardizedFileURL.resolvingSymlinksInPath().path == wanted { return true }
        }
        return false
    }
}

/// `restore --replica SOURCE [--to FILE]`: the host that takes over writes the desk's database
/// from the replica. Litestream restores it into a hidden copy beside FILE; the copy must be a
/// whole helpdesk database this program can read (as a backup must), is brought up to this
/// program's schema, given mode 0660, and its summaries must equal a full recount; only then is it
/// renamed to FILE. Refused, with nothing written: FILE already there, no Litestream, no replica or
/// an empty one, a replica of another database or from a newer helpdesk.
enum Takeover {
    static func run(source: String, to target: String, env: [String: String], lang: Language) throws -> String {
        typealias R = Catalog.Replication
        var st = stat()
        if lstat(target, &st) == 0 { throw UsageError(R.targetExists(TerminalText.sanitize(target))) }
        let url = URL(fileURLWithPath: target)
        let folder = url.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            throw BackupRefusal.noFolder(path: target, folder: folder)
        }
        guard let program = Litestream.program(env) else {
            throw UsageError(R.noLitestream(TerminalText.sanitize(env["HELPDESK_LITESTREAM"] ?? "litestream")))
        }
        var arguments = ["restore"]
        if FileManager.default.fileExists(atPath: source) {
            guard let database = Litestream.databases(program, config: source).first else {
                throw UsageError(R.configNamesNoDatabase(TerminalText.sanitize(source)))
            }
            arguments += ["-config", source, "-o", "", database]
        } else {
            arguments += ["-o", "", source]
        }
        _ = AppDatabase.removeAbandonedPartials(in: folder)
        let copy = "\(folder)/.\(url.lastPathComponent).\(getpid()).partial"
        arguments[arguments.firstIndex(of: "")!] = copy
        // The hidden copy's name goes whatever happens (once linked to FILE, the file stays).
        defer { for suffix in ["", "-wal", "-shm", "-journal"] { unlink(copy + suffix) } }
        let restored = Litestream.run(program, arguments)
        guard restored.status == 0, FileManager.default.fileExists(atPath: copy) else {
            throw UsageError(R.noReplica(TerminalText.sanitize(source), detail: restored.said))
        }
        let prepared: AppDatabase.RestoredCopy
        do {
            prepared = try AppDatabase.prepareRestoredCopy(copy)
        } catch let refusal as BackupRefusal {
            // Said of the replica, not of the hidden copy.
            let said = refusal.said
            throw UsageError(LocalizedText(zh: said.zh.replacingOccurrences(of: copy, with: TerminalText.sanitize(source)),
                                           en: said.en.replacingOccurrences(of: copy, with: TerminalText.sanitize(source))))
        }
        guard prepared.mismatches.isEmpty else {
            throw UsageError(R.summariesDiffer(prepared.mismatches.map(\.summary).joined(separator: ", ")))
        }
        // Never over a file that appeared meanwhile: link fails when the name is taken.
        guard link(copy, target) == 0 else { throw UsageError(R.targetExists(TerminalText.sanitize(target))) }
        _ = chmod(target, 0o660)
        return R.takenOver(TerminalText.sanitize(source), to: TerminalText.sanitize(target), BackupText.counts(prepared.summary))(lang)
    }
}

extension Doctor {
    /// The Litestream configuration doctor reads, and what named it: the desk rule
    /// `replication.config` (the system file's key wins, as for every desk rule), else
    /// `HELPDESK_LITESTREAM_CONFIG`, else /etc/litestream.yml. A configuration that cannot be read
    /// is said by the configuration's own check; the environment then decides.
    static func litestreamConfig(_ environment: [String: String], deskRules: [(key: String, value: String)])
        -> (path: String, source: Catalog.Replication.ConfigSource)
    {
        if let config = try? Configuration.load(environment: environment, deskRules: deskRules),
           let path = config.replicationConfig {
            return (path, .rule(origin: config.origins["replication.config"] ?? "database"))
        }
        if let named = environment["HELPDESK_LITESTREAM_CONFIG"], !named.isEmpty { return (named, .environment) }
        return ("/etc/litestream.yml", .standard)
    }

    /// Where the database is replicated: a Litestream configuration (`litestreamConfig`) that
    /// names it. With one, the replica's latest position against the
    /// database's last change (more than 10 s behind warns) and whether a `litestream replicate`
    /// is running for it; with none, how old the newest nightly backup is (in `BACKUP_DIR`, else
    /// the README's /var/backups/helpdesk).
    mutating func checkReplication(_ database: AppDatabase) {
        typealias R = Catalog.Replication
        let (config, source) = Self.litestreamConfig(environment, deskRules: (try? database.deskRules()) ?? [])
        let realNow = Date()
        let resolved = { (p: String) in URL(fileURLWithPath: p).standardizedFileURL.resolvingSymlinksInPath().path }
        guard FileManager.default.fileExists(atPath: config), let program = Litestream.program(environment),
              let named = Litestream.databases(program, config: config).first(where: { resolved($0) == resolved(path) }) else {
            let folder = environment["BACKUP_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/var/backups/helpdesk"
            let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            let newest = names.filter { $0.hasPrefix("helpdesk-") && $0.hasSuffix(".sqlite") }
                .compactMap { (try? FileManager.default.attributesOfItem(atPath: folder + "/" + $0))?[.modificationDate] as? Date }.max()
            let seconds = newest.map { max(0, Int(realNow.timeIntervalSince($0))) }
            // A nightly copy of the last day is what the desk had before replication: said, not
            // warned of; none, or none that recent, is.
            let recent = seconds.map { $0 <= 26 * 3600 } ?? false
            add("replica", recent ? .ok : .warn, R.onlyBackups(newest: seconds.map { R.age(seconds: $0) }, folder: TerminalText.sanitize(folder)),
                do: recent ? nil : R.configureReplication)
            // Which configuration was read, when one was named or is there: said after the
            // backups, so that a configured replica that misses the database is not taken for none.
            let shown = TerminalText.sanitize(config)
            if !FileManager.default.fileExists(atPath: config) {
                if case .rule = source { add("replica", .warn, R.configMissing(shown, source), do: R.nameTheConfig) }
            } else if Litestream.program(environment) != nil {
                add("replica", .warn, R.configNamesNotThis(shown, source), do: R.nameTheConfig)
            }
            return
        }
        let replica = TerminalText.sanitize("\(config): \(named)")
        let (latest, run) = Litestream.latestPosition(program, config: config, database: named)
        let running = Litestream.isReplicating(database: named, config: config)
        if run.status != 0 {
            add("replica", .fail, R.replicaUnreadable(replica, detail: run.said), do: R.checkReplication)
        } else if let latest {
            // The database's last change: its file or its log, whichever was written last.
            let changed = [path, path + "-wal"].compactMap {
                (try? FileManager.default.attributesOfItem(atPath: $0))?[.modificationDate] as? Date
            }.max() ?? latest
            let behind = Int(changed.timeIntervalSince(latest).rounded(.down))
            if behind > 10 {
                add("replica", .warn, R.replicaBehind(replica, seconds: behind), do: running ? R.checkReplication : R.startReplication)
            } else {
                add("replica", .ok, R.replicaCurrent(replica, age: R.age(seconds: max(0, Int(realNow.timeIntervalSince(latest))))))
            }
        } else {
            add("replica", .warn, R.replicaEmpty(replica), do: R.startReplication)
        }
        if !running { add("replica", .warn, R.notReplicating, do: R.startReplication) }
    }
}
