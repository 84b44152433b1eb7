import Foundation
import Testing
import TestProcesses

/// The failure drill (README, "Survive the host"): on the primary, four writers (`helpdesk case
/// add` in loops, each a process of its own), an open console and Litestream replicating with the
/// README's configuration; at three moments everything on the host is killed with SIGKILL at once,
/// and the standby takes over from the replica (`helpdesk restore --replica`). Every write
/// acknowledged more than 2 s before the kill is there exactly once, the database is intact, its
/// summaries equal a recount, its escalation steps hold together, and it takes a new write.
///
/// Litestream is `HELPDESK_LITESTREAM` (.ci/run installs it); without it the drill is skipped,
/// saying so, except under CI (`CI=true`), where its absence fails it.
@Suite("Failure drill: the host killed, the standby takes over", .serialized,
       .enabled(if: ProcessInfo.processInfo.environment["HELPDESK_LITESTREAM"].map { FileManager.default.isExecutableFile(atPath: $0) } == true
                    || ProcessInfo.processInfo.environment["CI"] == "true",
                "Litestream is not installed here: set HELPDESK_LITESTREAM to its binary (.ci/run does)"))
struct ReplicationDrillTests {
    /// What a writer was told: the title of each ticket acknowledged (exit 0, its id printed) and when.
    final class Acknowledged: @unchecked Sendable {
        private let lock = NSLock()
        private var writes: [(title: String, at: Date)] = []
        private var running: [Int: ChildProcess] = [:]
        private var stopped = false
        func add(_ title: String, at: Date) { lock.withLock { writes.append((title, at)) } }
        var all: [(title: String, at: Date)] { lock.withLock { writes } }
        /// Starts a writer's process unless the host is down.
        func start(_ w: Int, _ body: () throws -> ChildProcess) rethrows -> ChildProcess? {
            try lock.withLock {
                guard !stopped else { return nil }
                let child = try body()
                running[w] = child
                return child
            }
        }
        func finished(_ w: Int) { lock.withLock { running[w] = nil } }
        /// The host goes down: no writer starts again, and those running are killed.
        func killAll() {
            let children = lock.withLock { stopped = true; return Array(running.values) }
            for child in children { child.signal(SIGKILL) }
        }
    }

    @Test(arguments: [3.5, 5.0, 7.0])
    func everythingKilledAtOnceLosesNoWriteOlderThanTwoSeconds(after seconds: Double) throws {
        let litestream = try #require(ProcessInfo.processInfo.environment["HELPDESK_LITESTREAM"],
                                      "HELPDESK_LITESTREAM does not name litestream (.ci/run installs it)")
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Escalation steps to keep: a level-1 fault and the timer's steps for it.
        try scratch.cli(["fault", "add", "--level", "1", "--region", "xining", "--title", "机房断电", "--at", "2026-11-20T08:00:00+08:00"])
        try scratch.cli(["escalate"])
        let config = scratch.dir.appendingPathComponent("litestream.yml").path
        try Data(try readmeFileReplicaConfig(database: scratch.db, replica: scratch.dir.appendingPathComponent("replica").path).utf8)
            .write(to: URL(fileURLWithPath: config))
        let replicator = try ChildProcess("/bin/sh", ["-c", "umask 0007; exec \"$0\" replicate -config \"$1\"", litestream, config],
                                          mergeErrors: true)
        defer { _ = replicator.kill() }
        #expect(waitUntil(timeout: 10) {
            FileManager.default.fileExists(atPath: scratch.dir.appendingPathComponent(".desk.sqlite-litestream").path)
        })
        let console = try TmuxConsole(scratch, env: ["LANG": "C.UTF-8"])
        _ = try console.waitFor("CASE queue")

        let acknowledged = Acknowledged()
        let environment = ProcessInfo.processInfo.environment.merging(
            ["HELPDESK_DB": scratch.db, "HELPDESK_NOW": e2eNow, "LANG": "C.UTF-8", "XDG_DATA_HOME": scratch.dir.path]) { $1 }
        let writers = DispatchGroup()
        for w in 0..<4 {
            DispatchQueue.global().async(group: writers) {
                var n = 0
                while true {
                    n += 1
                    let title = "drill \(w)-\(n)"
                    guard let child = try? acknowledged.start(w, {
                        try ChildProcess(helpdeskPath, ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                                        "--title", title], environment: environment)
                    }) else { return }
                    let r = child.wait()
                    acknowledged.finished(w)
                    if r.status == 0, Int(r.out.trimmingCharacters(in: .whitespacesAndNewlines)) != nil {
                        acknowledged.add(title, at: Date())
                    }
                }
            }
        }
        Thread.sleep(forTimeInterval: seconds)
        // The host dies: Litestream, the writers in flight and the console, all by SIGKILL.
        let killedAt = Date()
        _ = replicator.kill()
        acknowledged.killAll()
        let panes = try console.tmuxRun(["list-panes", "-t", console.session, "-F", "#{pane_pid}"])
        for pane in panes.split(separator: "\n").compactMap({ Int32($0) }) {
            let children = try run("/usr/bin/pgrep", ["-P", "\(pane)"]).out
            for pid in children.split(separator: "\n").compactMap({ Int32($0) }) { kill(pid, SIGKILL) }
        }
        writers.wait()
        let acks = acknowledged.all
        let old = acks.filter { killedAt.timeIntervalSince($0.at) > 2 }
        print("drill after \(seconds) s: \(acks.count) writes acknowledged, \(old.count) more than 2 s before the kill")
        #expect(!old.isEmpty, "no write was acknowledged more than 2 s before the kill: the drill proves nothing")

        // The standby takes over from the replica.
        let standby = scratch.dir.appendingPathComponent("standby.sqlite").path
        let takeover = try run(helpdeskPath, ["restore", "--replica", config, "--to", standby],
                               env: ["HELPDESK_DB": standby, "LANG": "C.UTF-8", "HELPDESK_LITESTREAM": litestream])
        #expect(takeover.status == 0, "\(takeover.err)")
        #expect(takeover.out.contains("integrity ok") && takeover.out.contains("summaries equal a full recount"), "\(takeover.out)")
        let sqlite3 = try #require(which("sqlite3"), "sqlite3 is not installed (apt-get install sqlite3)")
        let titles = try run(sqlite3, ["-readonly", standby, "SELECT title FROM item WHERE title LIKE 'drill %'"]).out
            .split(separator: "\n").map(String.init)
        var seen: [String: Int] = [:]
        for title in titles { seen[title, default: 0] += 1 }
        let missing = old.filter { seen[$0.title] == nil }.map(\.title)
        #expect(missing.isEmpty, "acknowledged more than 2 s before the kill and missing: \(missing.prefix(10))")
        #expect(seen.values.allSatisfy { $0 == 1 }, "twice: \(seen.filter { $0.value > 1 }.keys.prefix(10))")
        // Nothing that was not acknowledged... except the writes in flight at the kill, which may
        // have committed before their process was killed.
        #expect(Set(titles).subtracting(acks.map(\.title)).count <= 4)
        // Escalation steps hold together: each step's item, each notice's step, no broken key.
        let checks = try run(sqlite3, ["-readonly", standby, """
            SELECT (SELECT count(*) FROM escalation WHERE item_id NOT IN (SELECT id FROM item)),
                   (SELECT count(*) FROM notification WHERE escalation_id IS NOT NULL AND escalation_id NOT IN (SELECT id FROM escalation)),
                   (SELECT count(*) FROM escalation);
            PRAGMA foreign_key_check;
            PRAGMA integrity_check;
            """]).out
        #expect(checks.split(separator: "\n").map(String.init).first?.hasPrefix("0|0|") == true, "\(checks)")
        #expect(checks.hasSuffix("ok\n") && checks.split(separator: "\n").count == 2, "\(checks)")
        let doctor = try run(helpdeskPath, ["doctor"], env: ["HELPDESK_DB": standby, "HELPDESK_NOW": e2eNow, "LANG": "C.UTF-8"]).out
        #expect(doctor.contains("ok   integrity") && doctor.contains("ok   summaries     equal a full recount"), "\(doctor)")
        // The standby takes a new write.
        let added = try run(helpdeskPath, ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                           "--title", "接管之后"], env: ["HELPDESK_DB": standby, "HELPDESK_NOW": e2eNow, "LANG": "C.UTF-8"])
        #expect(added.status == 0, "\(added.err)")
    }

    /// The README's configuration for a replica on a path, with this test's paths put in.
    func readmeFileReplicaConfig(database: String, replica: String) throws -> String {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "<!-- litestream.yml: file -->\n```yaml\n"))
        let end = try #require(readme.range(of: "```\n<!-- end litestream.yml: file -->", range: start.upperBound..<readme.endIndex))
        return String(readme[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "/var/lib/helpdesk/helpdesk.sqlite", with: database)
            .replacingOccurrences(of: "/srv/replica/helpdesk", with: replica)
    }
}
