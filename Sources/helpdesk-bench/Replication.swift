import Foundation
import HelpDeskCore
import HelpDeskStore

/// `--replication`: the cost of replicating with Litestream. Four writers (one connection each, as
/// four `helpdesk case add` loops would have) take in `writes` tickets between them on a new
/// database, once without Litestream and once with `litestream replicate` running (the README's
/// file-replica configuration, a replica in a folder beside it); prints the time per write of each
/// and the difference, and the largest write-ahead log seen while replicated (sampled every 50
/// writes). Exits with status 2 when that log passed 96 MiB: Litestream's checkpoints (every 10 s,
/// TRUNCATE past 64 MiB) did not keep it bounded.
enum ReplicationBench {
    static func run(litestream: String, writes: Int, folder: String, now: Date) {
        print("replication: \(writes) writes by 4 writers, each its own transaction (synchronous = FULL)")
        let plain = pass(litestream: nil, writes: writes, folder: folder + "/plain", now: now)
        row("write: take in a ticket, no replica", plain.perWrite, "ms")
        let replicated = pass(litestream: litestream, writes: writes, folder: folder + "/replicated", now: now)
        row("write: take in a ticket, Litestream replicating", replicated.perWrite, "ms")
        row("write: cost of replication per write", replicated.perWrite - plain.perWrite, "ms")
        row("largest write-ahead log while replicated", Double(replicated.largestLog) / 1_048_576, "MiB")
        if replicated.largestLog > 96 << 20 { fail("the write-ahead log grew past 96 MiB while replicated") }
    }

    static func pass(litestream: String?, writes: Int, folder: String, now: Date) -> (perWrite: Double, largestLog: Int64) {
        try? FileManager.default.removeItem(atPath: folder)
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let path = folder + "/desk.sqlite"
        let ctx = Context(actor: "zhaolei", now: now)
        do {
            let db = try AppDatabase.open(path: path)
            try db.ensureFounder(username: "zhaolei", name: "赵磊")
            try db.close()
        } catch { fail("cannot create \(path): \(error)") }
        var replicator: Int32 = 0
        if let litestream {
            let config = folder + "/litestream.yml"
            let text = """
                dbs:
                  - path: \(path)
                    busy-timeout: 15s
                    checkpoint-interval: 10s
                    min-checkpoint-page-count: 1000
                    truncate-page-n: 16384
                    replica:
                      type: file
                      path: \(folder)/replica
                      sync-interval: 1s

                """
            try! Data(text.utf8).write(to: URL(fileURLWithPath: config))
            let words: [String] = [litestream, "replicate", "-config", config]
            let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
            defer { argv.forEach { free($0) } }
            // Its log goes to a file beside the database, not among the figures.
            var actions = posix_spawn_file_actions_t()
            posix_spawn_file_actions_init(&actions)
            defer { posix_spawn_file_actions_destroy(&actions) }
            posix_spawn_file_actions_addopen(&actions, 1, folder + "/litestream.log", O_WRONLY | O_CREAT | O_TRUNC, 0o600)
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
            guard posix_spawn(&replicator, litestream, &actions, nil, argv, environ) == 0 else {
                fail("cannot run \(litestream)")
            }
            let deadline = Date().addingTimeInterval(10)
            while !AppDatabase.isReplicated(path: path) {
                if Date() > deadline { fail("litestream did not start replicating \(path)") }
                usleep(50_000)
            }
        }
        defer {
            if replicator > 0 {
                kill(replicator, SIGTERM)
                var status: Int32 = 0
                waitpid(replicator, &status, 0)
            }
        }
        let largest = Largest()
        let new = NewCase(kind: .general, channel: .phone, region: .xining, title: "复制的代价",
                          requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000")
        let start = DispatchTime.now().uptimeNanoseconds
        DispatchQueue.concurrentPerform(iterations: 4) { writer in
            do {
                let db = try AppDatabase.open(path: path)
                defer { try? db.close() }
                for i in stride(from: writer, to: writes, by: 4) {
                    _ = try db.addCase(new, at: now, ctx)
                    if i % 50 == 0 {
                        var st = stat()
                        if stat(path + "-wal", &st) == 0 { largest.see(Int64(st.st_size)) }
                    }
                }
            } catch { fail("writer \(writer): \(error)") }
        }
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6
        return (elapsed / Double(max(writes, 1)), largest.value)
    }

    final class Largest: @unchecked Sendable {
        private let lock = NSLock()
        private var seen: Int64 = 0
        func see(_ size: Int64) { lock.lock(); seen = max(seen, size); lock.unlock() }
        var value: Int64 { lock.lock(); defer { lock.unlock() }; return seen }
    }
}
