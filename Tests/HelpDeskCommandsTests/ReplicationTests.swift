import Foundation
import GRDB
import HelpDeskCore
import HelpDeskStore
import Testing
import TestProcesses

// The database replicated with Litestream as README's "Survive the host" sets it up.

/// Litestream as `.ci/run` installs it: `HELPDESK_LITESTREAM` names the binary. Without it the
/// tests are skipped, saying why, except under CI (`CI=true`), where its absence fails them.
enum Litestream {
    static let binary: String? = {
        guard let path = ProcessInfo.processInfo.environment["HELPDESK_LITESTREAM"], !path.isEmpty,
              FileManager.default.isExecutableFile(atPath: path) else { return nil }
        return path
    }()

    static var runs: Bool { binary != nil || ProcessInfo.processInfo.environment["CI"] == "true" }

    static func require(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
        try #require(binary, "HELPDESK_LITESTREAM does not name an executable litestream (.ci/run installs one)",
                     sourceLocation: sourceLocation)
    }

    /// The README's configuration of `kind` ("file" or "sftp"), between its markers, with the
    /// database's and the replica's paths put in.
    static func readmeConfig(_ kind: String, database: String, replica: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- litestream.yml: \(kind) -->\n```yaml\n"))
        let end = try #require(readme.range(of: "```\n<!-- end litestream.yml: \(kind) -->", range: start.upperBound..<readme.endIndex))
        let text = String(readme[start.upperBound..<end.lowerBound])
        #expect(text.contains("/var/lib/helpdesk/helpdesk.sqlite") && text.contains("/srv/replica/helpdesk"))
        return text.replacingOccurrences(of: "/var/lib/helpdesk/helpdesk.sqlite", with: database)
            .replacingOccurrences(of: "/srv/replica/helpdesk", with: replica)
    }

    /// `litestream replicate -config CONFIG` with the unit's umask (0007), running until killed.
    static func replicate(config: String) throws -> ChildProcess {
        try ChildProcess("/bin/sh", ["-c", "umask 0007; exec \"$0\" replicate -config \"$1\"", try require(), config], mergeErrors: true)
    }

    /// `litestream replicate -once -config CONFIG`: one sync of what the database holds now.
    static func replicateOnce(config: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let r = try runProcess("/bin/sh", ["-c", "umask 0007; exec \"$0\" replicate -once -config \"$1\"", try require(), config], mergeErrors: true)
        #expect(r.status == 0, "\(r.out)", sourceLocation: sourceLocation)
    }

    /// `litestream restore -config CONFIG -o OUT DATABASE`.
    static func restore(config: String, database: String, to out: String) throws -> ProcessResult {
        try runProcess(try require(), ["restore", "-config", config, "-o", out, database], mergeErrors: true)
    }

    /// Files and folders under `folder` that others may read, write or enter.
    static func openToOthers(_ folder: String) -> [String] {
        var found: [String] = []
        guard let walk = FileManager.default.enumerator(atPath: folder) else { return [folder] }
        for case let name as String in walk {
            let path = folder + "/" + name
            var st = stat()
            if lstat(path, &st) == 0, st.st_mode & 0o007 != 0 { found.append(path) }
        }
        return found
    }

    /// The write-ahead log's checkpoint sequence and salts (header bytes 12 to 23): they change
    /// each time the log starts over. Nil when there is no log.
    static func walGeneration(_ database: String) -> [UInt8]? {
        guard let handle = FileHandle(forReadingAtPath: database + "-wal") else { return nil }
        defer { try? handle.close() }
        guard let header = try? handle.read(upToCount: 24), header.count == 24 else { return nil }
        return Array(header[12..<24])
    }

    /// A file's size in bytes; 0 when it is missing.
    static func size(_ path: String) -> Int64 {
        var st = stat()
        return stat(path, &st) == 0 ? Int64(st.st_size) : 0
    }
}

@Suite("replication with Litestream", .scratch,
       .enabled(if: Litestream.runs, "Litestream is not installed here: set HELPDESK_LITESTREAM to its binary (.ci/run does)"))
struct ReplicationTests {
    /// The README's configuration, a replica on a path: what the program writes comes back from the
    /// replica with `litestream restore`, ticket for ticket; nothing it writes is open to others.
    @Test func theReadmesConfigurationRestoresTheTicketsWritten() throws {
        let db = freshDatabase()
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        for i in 0..<3 { addCase(db, title: "复制之前 \(i)", at: "2021-11-23T10:00:00+08:00") }
        let replica = folder.appendingPathComponent("replica").path
        let config = writeFile(besides: db, name: "litestream.yml",
                               try Litestream.readmeConfig("file", database: db, replica: replica))
        let litestream = try Litestream.replicate(config: config)
        defer { _ = litestream.kill() }
        for i in 0..<5 { addCase(db, title: "复制之中 \(i)", at: "2021-11-23T11:00:00+08:00") }
        ok(["case", "resolve", "4", "--cause", "配置错误", "--solution", "已更正配置"], db: db)
        let ids = Array(1...8)
        let tickets = ticketsOf(db, ids: ids)
        #expect(tickets.contains("复制之中 4") && tickets.contains("已更正配置"))

        // Asynchronous: the replica catches up within a second or two.
        var restored = ""
        var attempt = 0
        let caughtUp = waitUntil(timeout: 20, every: 0.5) {
            attempt += 1
            let out = folder.appendingPathComponent("restored-\(attempt).sqlite").path
            guard let r = try? Litestream.restore(config: config, database: db, to: out), r.status == 0 else { return false }
            restored = out
            return ticketsOf(out, ids: ids) == tickets
        }
        #expect(caughtUp, "the replica's tickets never equalled the primary's: \(litestream.isRunning ? "" : litestream.kill().out)")
        #expect(helpdesk(["doctor"], db: restored).out.contains("ok   integrity"))
        #expect(Litestream.openToOthers(replica) == [])
        #expect(Litestream.openToOthers(folder.appendingPathComponent(".desk.sqlite-litestream").path) == [])
        #expect(litestream.isRunning)
    }

    /// Every ticket as `list` and `show` print them.
    func ticketsOf(_ db: String, ids: [Int]) -> String {
        ([helpdesk(["list", "--json", "--limit", "0"], db: db).out] + ids.map { helpdesk(["show", "\($0)", "--json"], db: db).out })
            .joined(separator: "\n----\n")
    }

    /// The log stays bounded while Litestream replicates: the program's writes, each its own
    /// transaction, with SQLite's PASSIVE autocheckpoints and Litestream's own, which start the
    /// log over with a write of Litestream's. How large the log grows under writes back to back
    /// depends on how often the machine lets Litestream's lock requests in between the writers,
    /// so that peak is printed, not asserted (helpdesk-bench --replication measures it over
    /// 100,000 writes). What holds on any machine: at a desk's pace, with the program's database
    /// still open, the log starts over at Litestream's checkpoints, and the replica has every
    /// ticket.
    @Test func theLogStaysBoundedWhileReplicated() throws {
        let db = freshDatabase()
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let database = try AppDatabase.open(path: db)
        try database.ensureFounder(username: "zhaolei", name: "赵磊")
        let config = writeFile(besides: db, name: "litestream.yml",
                               try Litestream.readmeConfig("file", database: db, replica: folder.appendingPathComponent("replica").path))
        let litestream = try Litestream.replicate(config: config)
        defer { _ = litestream.kill() }
        #expect(waitUntil(timeout: 10) { AppDatabase.isReplicated(path: db) })
        let writes = Int(ProcessInfo.processInfo.environment["HELPDESK_REPLICATION_WRITES"] ?? "") ?? 5_000
        let ctx = Context(actor: "zhaolei", now: try TimeInput.parseInstant("2021-11-23T16:00:00+08:00"))
        let new = NewCase(kind: .general, channel: .phone, region: .xining, title: "日志上限",
                          requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000")
        let at = try TimeInput.parseInstant("2021-11-23T10:00:00+08:00")
        var largest: Int64 = 0
        for i in 0..<writes {
            _ = try database.addCase(new, at: at, ctx)
            if i % 25 == 0 { largest = max(largest, Litestream.size(db + "-wal")) }
        }
        largest = max(largest, Litestream.size(db + "-wal"))
        print("largest write-ahead log over \(writes) writes with Litestream replicating: \(largest / 1024) KiB")

        // A write every half second, as a busy desk writes: the log starts over (its header's
        // checkpoint sequence and salts change).
        let afterBurst = try #require(Litestream.walGeneration(db))
        var seen: (generation: [UInt8]?, size: Int64) = (afterBurst, largest)
        var written = writes
        let startedOver = try waitUntil(timeout: 90, every: 0.5) {
            _ = try database.addCase(new, at: at, ctx)
            written += 1
            seen = (Litestream.walGeneration(db), Litestream.size(db + "-wal"))
            return seen.generation != afterBurst
        }
        #expect(startedOver, "the log never started over: \(seen.size) bytes, \(litestream.isRunning ? "" : litestream.kill().out)")
        #expect(litestream.isRunning)

        // The replica catches up with every ticket written, the burst's included.
        let restored = folder.appendingPathComponent("restored.sqlite").path
        var count = 0
        let caughtUp = waitUntil(timeout: 30, every: 1) {
            try? FileManager.default.removeItem(atPath: restored)
            guard let r = try? Litestream.restore(config: config, database: db, to: restored), r.status == 0,
                  let copy = try? DatabaseQueue(path: restored),
                  let n = try? copy.read({ try Int.fetchOne($0, sql: "SELECT count(*) FROM item") ?? 0 }) else { return false }
            count = n
            return n == written
        }
        #expect(caughtUp, "the replica has \(count) of \(written) tickets")
        try database.close()
    }

    /// The file replica's README configuration for `db`, its replica in `replica` beside it.
    func readmeConfig(_ db: String, replica: String = "replica") throws -> (config: String, replica: String) {
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let path = folder.appendingPathComponent(replica).path
        let config = writeFile(besides: db, name: "\(replica).yml", try Litestream.readmeConfig("file", database: db, replica: path))
        return (config, path)
    }

    /// The standby takes over: from the configuration or the replica's URL, a new database whose
    /// tickets are the primary's, mode 0660, summaries checked, and that takes new writes.
    @Test func theStandbyTakesOverFromTheReplica() throws {
        let db = freshDatabase()
        for i in 0..<4 { addCase(db, title: "接管之前 \(i)", at: "2021-11-23T10:00:00+08:00") }
        ok(["case", "resolve", "2", "--cause", "配置错误", "--solution", "已更正配置"], db: db)
        let (config, replica) = try readmeConfig(db)
        try Litestream.replicateOnce(config: config)
        let standby = ScratchFolder.folder("standby")
        let ids = Array(1...4)
        for (n, source) in [config, "file://" + replica].enumerated() {
            let target = standby.appendingPathComponent("desk-\(n).sqlite").path
            let r = helpdesk(["restore", "--replica", source, "--to", target], db: db)
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out.hasPrefix("taken over from the replica \(source) into \(target): 4 items, "), "\(r.out)")
            #expect(r.out.contains("integrity ok") && r.out.contains("summaries equal a full recount"), "\(r.out)")
            var st = stat()
            #expect(stat(target, &st) == 0 && st.st_mode & 0o777 == 0o660)
            #expect(ticketsOf(target, ids: ids) == ticketsOf(db, ids: ids))
            #expect(try FileManager.default.contentsOfDirectory(atPath: standby.path).allSatisfy { !$0.hasSuffix(".partial") })
            #expect(addCase(target, title: "接管之后", at: "2021-11-23T12:00:00+08:00") == 5)
            #expect(helpdesk(["doctor"], db: target).out.contains("ok   integrity"))
        }
    }

    /// Refused with exit 2 and nothing written: FILE already there, no replica, an empty one, a
    /// replica of another database, one from a newer helpdesk.
    @Test func aTakeoverRefusesWhatIsNoReplicaOfThisDesk() throws {
        let db = freshDatabase()
        addCase(db, title: "主库", at: "2021-11-23T10:00:00+08:00")
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let standby = ScratchFolder.folder("standby")
        let target = standby.appendingPathComponent("desk.sqlite").path
        func refused(_ source: String, _ message: String, to: String = target, sourceLocation: SourceLocation = #_sourceLocation) {
            // The database's own -wal and -shm come and go with its readers.
            let listing = { ((try? FileManager.default.contentsOfDirectory(atPath: standby.path)) ?? []).filter { !$0.hasSuffix("-wal") && !$0.hasSuffix("-shm") }.sorted() }
            let before = listing()
            let dump = databaseDump(to)
            for lang in ["en", "zh"] {
                let r = helpdesk(["restore", "--replica", source, "--to", to, "--lang", lang], db: db)
                #expect(r.status == 2 && r.out.isEmpty, "\(r.status) \(r.out) \(r.err)", sourceLocation: sourceLocation)
                if lang == "en" { #expect(r.err.contains(message) && r.err.contains("nothing was changed"), "\(r.err)", sourceLocation: sourceLocation) }
                else { #expect(r.err.contains("未作任何改动"), "\(r.err)", sourceLocation: sourceLocation) }
            }
            #expect(listing() == before, sourceLocation: sourceLocation)
            #expect(databaseDump(to) == dump, sourceLocation: sourceLocation)
        }
        // Missing, and empty.
        refused("file://" + folder.appendingPathComponent("nowhere").path, "there is no replica at")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        refused("file://" + folder.appendingPathComponent("empty").path, "there is no replica at")
        // Another database's: an SQLite file of something else, replicated.
        let other = folder.appendingPathComponent("other.sqlite").path
        let queue = try DatabaseQueue(path: other)
        try queue.writeWithoutTransaction { d in
            _ = try String.fetchOne(d, sql: "PRAGMA journal_mode = WAL")
            try d.execute(sql: "CREATE TABLE note (text TEXT); INSERT INTO note VALUES ('not a desk')")
        }
        try queue.close()
        let (otherConfig, _) = try readmeConfig(other, replica: "other-replica")
        try Litestream.replicateOnce(config: otherConfig)
        refused(otherConfig, "is an SQLite database but not a helpdesk one")
        // A newer helpdesk's: a migration this program does not know.
        let newer = folder.appendingPathComponent("newer/desk.sqlite").path
        addCase(newer, title: "新版本", at: "2021-11-23T10:00:00+08:00")
        let newerQueue = try DatabaseQueue(path: newer)
        try newerQueue.write { try $0.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES ('v99: from the future')") }
        try newerQueue.close()
        let (newerConfig, _) = try readmeConfig(newer, replica: "newer-replica")
        try Litestream.replicateOnce(config: newerConfig)
        refused(newerConfig, "v99: from the future")
        // A database already at FILE is never overwritten.
        let (config, _) = try readmeConfig(db)
        try Litestream.replicateOnce(config: config)
        addCase(target, title: "备机上已有", at: "2021-11-23T10:00:00+08:00")
        refused(config, "exists: a takeover writes a new database")
    }

    /// doctor reads the replica: its latest position, how far behind the database it is, and
    /// whether a litestream process replicates it.
    @Test func doctorReportsTheReplicaAndItsLag() throws {
        let db = freshDatabase()
        addCase(db, title: "体检", at: "2021-11-23T10:00:00+08:00")
        let (config, _) = try readmeConfig(db)
        let env = ["HELPDESK_LITESTREAM_CONFIG": config, "HELPDESK_LITESTREAM": try Litestream.require()]
        let litestream = try Litestream.replicate(config: config)
        defer { _ = litestream.kill() }
        addCase(db, title: "复制之中", at: "2021-11-23T11:00:00+08:00")
        var doctor = ""
        #expect(waitUntil(timeout: 20, every: 0.5) {
            doctor = helpdesk(["doctor"], db: db, env: env).out
            return doctor.contains("ok   replica       replica \(config): \(db): its latest position is ")
        }, "\(doctor)")
        #expect(!doctor.contains("no litestream process replicates"), "\(doctor)")
        // Replication stops; the database changes a minute after the replica's last position.
        _ = litestream.kill()
        addCase(db, title: "复制停止之后", at: "2021-11-23T12:00:00+08:00")
        var times = [timeval(tv_sec: Int(Date().timeIntervalSince1970) + 60, tv_usec: 0), timeval(tv_sec: Int(Date().timeIntervalSince1970) + 60, tv_usec: 0)]
        #expect(utimes(db, &times) == 0)
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1)
        #expect(r.out.contains("WARN replica       replica \(config): \(db) is "), "\(r.out)")
        #expect(r.out.contains(" s behind the database"), "\(r.out)")
        #expect(r.out.contains("WARN replica       no litestream process replicates this database"), "\(r.out)")
        #expect(r.out.contains("→ systemctl start helpdesk-litestream.service"), "\(r.out)")
    }

    /// doctor reads the Litestream configuration the desk rule replication.config names, before
    /// HELPDESK_LITESTREAM_CONFIG, and says which file it read: one that names another database
    /// warns so; with the rule unset, the environment's, which names this one, is read.
    @Test func doctorReadsTheConfigurationTheDeskRuleNames() throws {
        let db = freshDatabase()
        addCase(db, title: "体检", at: "2021-11-23T10:00:00+08:00")
        let (config, _) = try readmeConfig(db)
        try Litestream.replicateOnce(config: config)
        let other = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("other.sqlite").path
        let (otherConfig, _) = try readmeConfig(other, replica: "other-replica")
        let env = ["HELPDESK_LITESTREAM_CONFIG": config, "HELPDESK_LITESTREAM": try Litestream.require()]
        ok(["config", "set", "replication.config", otherConfig], db: db)
        let r = helpdesk(["doctor"], db: db, env: env)
        #expect(r.status == 1, "\(r.out)")
        #expect(r.out.contains("WARN replica       read Litestream's configuration \(otherConfig) (the desk rule replication.config): it does not name this database"), "\(r.out)")
        #expect(!r.out.contains("replica \(config)"), "\(r.out)")
        ok(["config", "unset", "replication.config"], db: db)
        let e = helpdesk(["doctor"], db: db, env: env)
        #expect(e.out.contains("replica       replica \(config): \(db)"), "\(e.out)")
        #expect(!e.out.contains(otherConfig), "\(e.out)")
        // The rule naming the right file reads it whatever the environment says.
        ok(["config", "set", "replication.config", config], db: db)
        let d = helpdesk(["doctor"], db: db, env: ["HELPDESK_LITESTREAM_CONFIG": otherConfig, "HELPDESK_LITESTREAM": try Litestream.require()])
        #expect(d.out.contains("replica       replica \(config): \(db)"), "\(d.out)")
    }

    /// The README's SFTP configuration against an sshd of the test's own, in a network namespace
    /// with nothing but loopback (`unshare -n`, as root): replicated, then taken over through
    /// SFTP by `helpdesk restore --replica`; a host key that is not the pinned one is refused.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/sbin/sshd") && geteuid() == 0
                   && FileManager.default.isExecutableFile(atPath: "/usr/bin/unshare"),
                   "SFTP needs root, unshare and sshd (apt-get install openssh-server) to run an sshd in a network namespace of its own"))
    func theSFTPReplicaOnAStandbyInANetworkNamespaceOfItsOwn() throws {
        let litestream = try Litestream.require()
        let db = freshDatabase()
        for i in 0..<3 { addCase(db, title: "经 SFTP \(i)", at: "2021-11-23T10:00:00+08:00") }
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        for key in ["hostkey", "otherkey", "id"] {
            let r = try runProcess("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", "\(folder)/\(key)"], mergeErrors: true)
            #expect(r.status == 0, "\(r.out)")
        }
        try FileManager.default.copyItem(atPath: "\(folder)/id.pub", toPath: "\(folder)/authorized_keys")
        _ = writeFile(besides: db, name: "sshd_config", """
            Port 2222
            ListenAddress 127.0.0.1
            HostKey \(folder)/hostkey
            AuthorizedKeysFile \(folder)/authorized_keys
            PidFile \(folder)/sshd.pid
            UsePAM no
            StrictModes no
            PermitRootLogin prohibit-password
            PasswordAuthentication no
            Subsystem sftp internal-sftp

            """)
        func config(hostKey: String, replica: String) throws -> String {
            try Litestream.readmeConfig("sftp", database: db, replica: "\(folder)/\(replica)")
                .replacingOccurrences(of: "standby.example:22", with: "127.0.0.1:2222")
                .replacingOccurrences(of: "user: helpdesk-replica", with: "user: root")
                .replacingOccurrences(of: "/etc/litestream/id_ed25519", with: "\(folder)/id")
                .replacingOccurrences(of: "\"ssh-ed25519 AAAA… root@standby\"", with: "\"\(hostKey)\"")
        }
        let pub = { (name: String) in try String(contentsOfFile: "\(folder)/\(name).pub", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines) }
        let pinned = writeFile(besides: db, name: "sftp.yml", try config(hostKey: try pub("hostkey"), replica: "standby-replica"))
        _ = writeFile(besides: db, name: "sftp-wrong.yml", try config(hostKey: try pub("otherkey"), replica: "standby-replica-wrong"))
        let restored = "\(folder)/restored.sqlite"
        // Within the namespace: loopback up, the sshd, a sync that the wrong host key must refuse,
        // one with the pinned key, and the takeover through SFTP.
        let script = """
            set -u
            ip link set lo up
            mkdir -p /run/sshd
            /usr/sbin/sshd -f "$1/sshd_config" -E "$1/sshd.log" || exit 90
            trap 'kill $(cat "$1/sshd.pid")' EXIT
            "$2" replicate -once -config "$1/sftp-wrong.yml" >"$1/wrong.log" 2>&1
            echo "wrong=$?"
            "$2" replicate -once -config "$1/sftp.yml" >"$1/pinned.log" 2>&1 || { echo "pinned failed"; cat "$1/pinned.log"; exit 91; }
            HELPDESK_LITESTREAM="$2" HELPDESK_DB="$1/restored.sqlite" LANG=C.UTF-8 "$3" restore --replica "$1/sftp.yml" --to "$1/restored.sqlite"
            echo "takeover=$?"
            """
        let r = try runProcess("/usr/bin/unshare", ["-n", "/bin/sh", "-c", script, "sh", folder, litestream, helpdeskExecutable],
                               mergeErrors: true, seconds: 60)
        #expect(r.status == 0, "\(r.out)")
        #expect(r.out.contains("takeover=0") && r.out.contains("taken over from the replica \(pinned) into \(restored)"), "\(r.out)")
        // A standby that is not the one pinned gets nothing.
        #expect(!r.out.contains("wrong=0"), "\(r.out)")
        #expect(try String(contentsOfFile: "\(folder)/wrong.log", encoding: .utf8).contains("host key mismatch"))
        #expect(!FileManager.default.fileExists(atPath: "\(folder)/standby-replica-wrong"))
        let ids = [1, 2, 3]
        #expect(ticketsOf(restored, ids: ids) == ticketsOf(db, ids: ids))
    }
}
