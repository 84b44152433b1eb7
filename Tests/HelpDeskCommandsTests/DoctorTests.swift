import Foundation
import Testing
import TestProcesses

// `helpdesk doctor`: each finding with what to do, exit status 1 when something needs action, and
// nothing changed by looking.

/// A database that needs nothing: a notify command configured, the timer run, the file 0660 in a
/// folder only its owner and group may list.
private func healthyDesk() -> (db: String, env: [String: String]) {
    let db = freshDatabase()
    // The system file lives in a folder of root's (the database's folder is its group's to write).
    let etc = (db as NSString).deletingLastPathComponent + "-etc"
    try! FileManager.default.createDirectory(atPath: etc, withIntermediateDirectories: true)
    try! Data("notify_command = \"/bin/true\"\n".utf8).write(to: URL(fileURLWithPath: etc + "/config.toml"))
    _ = chmod(etc + "/config.toml", 0o644)
    _ = chmod((db as NSString).deletingLastPathComponent, 0o2770)
    // No replica configured (none at the path given), and last night's backup in its folder.
    let backups = (db as NSString).deletingLastPathComponent + "-backups"
    let env = ["HELPDESK_SYSTEM_CONFIG": etc + "/config.toml", "BACKUP_DIR": backups,
               "HELPDESK_LITESTREAM_CONFIG": etc + "/litestream.yml"]
    _ = addCase(db, title: "体检", at: "2021-11-23T10:00:00+08:00")
    _ = ok(["escalate"], db: db, env: env)
    try! FileManager.default.createDirectory(atPath: backups, withIntermediateDirectories: true)
    _ = ok(["backup", backups + "/helpdesk-20211123-023000.sqlite"], db: db)
    return (db, env)
}

private func lines(_ text: String, _ check: String) -> [String] {
    text.split(separator: "\n").map(String.init).filter { $0.dropFirst(5).hasPrefix(check) }
}

@Suite("doctor", .scratch)
struct DoctorTests {
    @Test func aHealthyDatabaseNeedsNothing() throws {
        let (db, env) = healthyDesk()
        let before = snapshot(db, ids: [1])
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 0, "\(r.out)\(r.err)")
        for check in ["configuration", "notify", "schema", "file", "integrity", "summaries", "calendar", "timer", "replica"] {
            #expect(lines(r.out, check).first?.hasPrefix("ok   ") == true, "\(check): \(r.out)")
        }
        #expect(!r.out.contains("WARN") && !r.out.contains("FAIL"))
        #expect(snapshot(db, ids: [1]) == before)
        let json = try JSONSerialization.jsonObject(with: Data(ok(["doctor", "--json"], db: db, env: env).utf8)) as? [[String: Any]]
        #expect(json?.allSatisfy { $0["status"] as? String == "ok" } == true && json?.count ?? 0 >= 9)
        #expect(lines(r.out, "replica").first?.contains("no replica is configured: the only copies are the nightly backups (\(env["BACKUP_DIR"]!)); the newest is ") == true, "\(r.out)")
    }

    /// No replica and no nightly backup: losing the host loses everything, and doctor says so.
    @Test func withoutReplicaOrBackupTheLossOfTheHostIsWarnedOf() throws {
        let (db, env) = healthyDesk()
        try FileManager.default.removeItem(atPath: env["BACKUP_DIR"]!)
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1, "\(r.out)")
        #expect(r.out.contains("WARN replica       no replica is configured and there is no nightly backup in \(env["BACKUP_DIR"]!): losing the host loses every record"), "\(r.out)")
        #expect(r.out.contains("→ replicate the database continuously with Litestream (README, \"Survive the host\")"), "\(r.out)")
        let zh = helpdesk(["doctor", "--lang", "zh"], db: db, env: env)
        #expect(zh.out.contains("没有配置副本"), "\(zh.out)")
    }

    @Test func nextYearsHolidaysAreAskedForFromNovember() throws {
        let (db, env) = healthyDesk()
        // The bundled calendar ends with 2026.
        let october = helpdesk(["doctor"], db: db, now: "2026-10-31T12:00:00+08:00", env: env)
        #expect(lines(october.out, "calendar").first?.hasPrefix("ok   ") == true, "\(october.out)")
        let november = helpdesk(["doctor"], db: db, now: "2026-11-01T08:00:00+08:00", env: env)
        #expect(november.status == 1)
        #expect(november.out.contains("WARN calendar      2027's holidays are not imported (known: 2004–2026)"), "\(november.out)")
        #expect(november.out.contains("→ get the State Council's holiday notice for it and run: helpdesk calendar import FILE"))
        let january = helpdesk(["doctor", "--lang", "zh"], db: db, now: "2027-01-04T08:00:00+08:00", env: env)
        #expect(january.out.contains("FAIL calendar      本年（2027）节假日未导入"), "\(january.out)")
    }

    @Test func aStoppedTimerAndAMissingNotifyCommandAreFound() throws {
        let (db, env) = healthyDesk()
        let later = helpdesk(["doctor"], db: db, now: "2021-11-23T16:10:00+08:00", env: env)
        #expect(later.status == 1 && later.out.contains("WARN timer         the escalation timer last ran 10 minutes ago"), "\(later.out)")
        let missing = (db as NSString).deletingLastPathComponent + "-etc/missing.toml"
        try Data("notify_command = \"/no/such/sms-gateway --json\"\n".utf8).write(to: URL(fileURLWithPath: missing))
        _ = chmod(missing, 0o644)
        let r = helpdesk(["doctor"], db: db, env: ["HELPDESK_SYSTEM_CONFIG": missing])
        #expect(r.status == 1 && r.out.contains("FAIL notify        notify command not found or not executable: /no/such/sms-gateway"), "\(r.out)")
    }

    @Test func filesOthersCanReadAreFound() throws {
        let (db, env) = healthyDesk()
        try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: db)
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1 && r.out.contains("WARN file") && r.out.contains("mode 644: others may read the records"), "\(r.out)")
        #expect(r.out.contains("→ chmod 660 \(db)"))
    }

    @Test func aFolderOthersCanListIsFound() throws {
        let (db, env) = healthyDesk()
        let dir = (db as NSString).deletingLastPathComponent
        _ = chmod(dir, 0o755)
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1 && r.out.contains("WARN file          \(dir) (mode 755) may be listed or entered by anyone"), "\(r.out)")
        #expect(r.out.contains("→ chmod o-rwx \(dir)"))
        let zh = helpdesk(["doctor", "--lang", "zh"], db: db, env: env)
        #expect(zh.out.contains("任何人都可列出或进入"), "\(zh.out)")
    }

    /// Someone who may not enter the database's folder: told so, with what to do, and neither told
    /// there is no database nor shown a raw system error. Run as root, the commands run as nobody.
    @Test func aFolderClosedToTheUserIsNotCalledMissing() throws {
        try #require(geteuid() != 0 || FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv"),
                     "run as root, the test needs /usr/bin/setpriv to run the commands as nobody (Debian: util-linux)")
        let (db, env) = healthyDesk()
        let dir = (db as NSString).deletingLastPathComponent
        _ = chmod(dir, geteuid() == 0 ? 0o2770 : 0o000)
        defer { _ = chmod(dir, 0o2770) }
        func run(_ args: [String]) throws -> ProcessResult {
            let environment = commandEnvironment(db: db, now: defaultNow, extra: env)
            return geteuid() == 0
                ? try runProcess("/usr/bin/setpriv", ["--reuid=65534", "--regid=65534", "--clear-groups", helpdeskExecutable] + args,
                                 environment: environment)
                : try runProcess(helpdeskExecutable, args, environment: environment)
        }
        let r = try run(["doctor"])
        #expect(r.status == 1 && r.out.contains("FAIL database      cannot look for the database \(db): you may not enter the folder \(dir)"), "\(r.out)\(r.err)")
        #expect(r.out.contains("usermod -aG") && !r.out.contains("no database"), "\(r.out)")
        let list = try run(["list"])
        #expect(list.status == 2 && list.err.contains("you may not enter the folder \(dir)") && !list.err.contains("Code="), "\(list.err)")
    }

    @Test func driftedSummariesAreFoundAndASupervisorRepairsThem() throws {
        let (db, env) = healthyDesk()
        databaseExecute(db, "UPDATE kpi_due_day SET due = due + 5")
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1 && r.out.contains("FAIL summaries     differ from a recount: kpi_due_day"), "\(r.out)")
        #expect(r.out.contains("→ a supervisor runs: helpdesk doctor --repair"))
        let repaired = helpdesk(["doctor", "--repair"], db: db, env: env)
        #expect(repaired.status == 0 && repaired.out.contains("ok   summaries     rebuilt: they now equal a full recount"), "\(repaired.out)")
    }

    @Test func whatIsNotTheDesksDatabaseIsNamedAndNothingIsCreated() throws {
        let db = freshDatabase()
        let r = helpdesk(["doctor"], db: db)
        #expect(r.status == 1 && r.out.contains("FAIL database      no database at \(db)"), "\(r.out)")
        #expect(!FileManager.default.fileExists(atPath: db))
        let text = writeFile(besides: db, name: "notes.txt", "not a database\n")
        let t = helpdesk(["doctor"], db: text)
        #expect(t.status == 1 && t.out.contains("FAIL database      \(text) is not an SQLite database file\n"), "\(t.out)")
        // A FIFO is named, not opened: reading it would wait for ever.
        let fifo = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("pipe").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let looking = try startHelpdesk(["doctor"], db: fifo)
        let f = looking.wait(seconds: 10)
        #expect(f.status == 1 && f.out.contains("FAIL database      \(fifo) is a FIFO (named pipe), not a database file"), "\(f.status) \(f.out)")
    }

    /// A backup or restore that was killed left its hidden copy beside the database: named, with
    /// what to do; one of a process still running is a backup under way.
    @Test func partialCopiesBesideTheDatabaseAreNamed() throws {
        let (db, env) = healthyDesk()
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let gone = try ChildProcess("/bin/true")
        gone.wait()
        let left = folder.appendingPathComponent(".desk.sqlite.before-restore-20211123-160000.\(gone.pid).partial").path
        try Data(repeating: 1, count: 3 << 20).write(to: URL(fileURLWithPath: left))
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1, "\(r.out)")
        #expect(r.out.contains("WARN partial       \(left) (3 MB): a partial copy left by a backup or restore that was stopped (process \(gone.pid) is gone)"), "\(r.out)")
        #expect(r.out.contains("→ remove it: rm \(left)"))
        #expect(FileManager.default.fileExists(atPath: left))
        let zh = helpdesk(["doctor", "--lang", "zh"], db: db, env: env)
        #expect(zh.out.contains("被中止的备份或恢复留下的不完整副本"), "\(zh.out)")
        // The next backup removes it.
        _ = ok(["backup", folder.appendingPathComponent("b.sqlite").path], db: db)
        #expect(!FileManager.default.fileExists(atPath: left))
        #expect(helpdesk(["doctor"], db: db, env: env).status == 0)
    }

    /// The desk rule replication.config names the Litestream configuration doctor reads, before
    /// HELPDESK_LITESTREAM_CONFIG; the system file's key wins over the rule; the line says which
    /// file it read and what named it. A named file that is not there warns; doctor changes nothing.
    @Test func theDeskRuleNamesTheLitestreamConfiguration() throws {
        let (db, env) = healthyDesk()
        let folder = (db as NSString).deletingLastPathComponent
        ok(["config", "set", "replication.config", folder + "/rule.yml"], db: db, env: env)
        let before = snapshot(db, ids: [1])
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1, "\(r.out)")
        #expect(lines(r.out, "replica").first?.hasPrefix("ok   replica       no replica is configured: the only copies are the nightly backups") == true, "\(r.out)")
        #expect(r.out.contains("WARN replica       Litestream's configuration \(folder)/rule.yml (the desk rule replication.config) does not exist"), "\(r.out)")
        #expect(r.out.contains("→ as a supervisor, run helpdesk config set replication.config /absolute/path.yml"), "\(r.out)")
        #expect(!r.out.contains(env["HELPDESK_LITESTREAM_CONFIG"]!), "the rule comes before the environment: \(r.out)")
        let zh = helpdesk(["doctor", "--lang", "zh"], db: db, env: env)
        #expect(zh.out.contains("Litestream 配置 \(folder)/rule.yml（服务台规则 replication.config）不存在"), "\(zh.out)")
        #expect(snapshot(db, ids: [1]) == before)
        // The system file's key wins over the database's.
        let system = env["HELPDESK_SYSTEM_CONFIG"]!
        try Data("notify_command = \"/bin/true\"\n[replication]\nconfig = \"\(folder)/system.yml\"\n".utf8).write(to: URL(fileURLWithPath: system))
        let s = helpdesk(["doctor"], db: db, env: env)
        #expect(s.out.contains("WARN replica       Litestream's configuration \(folder)/system.yml (replication.config in \(system)) does not exist"), "\(s.out)")
        #expect(!s.out.contains("rule.yml"), "\(s.out)")
    }
}
