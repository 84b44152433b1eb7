import Foundation
import Testing

/// A console open for a minute while eight writers take in and resolve tickets as fast as they can,
/// each a process of its own as the desk's people at their shells are: afterwards every write that
/// was acknowledged is there exactly once with its history, nothing else is, the summaries equal a
/// recount, and the console, still running, shows the counts the database holds.
///
/// `HELPDESK_SOAK_SECONDS` shortens or lengthens the minute.
@Suite("Soak: a console and eight writers", .serialized)
struct SoakTests {
    @Test func eightWritersForAMinuteLoseNothingAndTheConsoleKeepsUp() throws {
        let seconds = Double(ProcessInfo.processInfo.environment["HELPDESK_SOAK_SECONDS"] ?? "") ?? 60
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "300", "--days", "30"])
        let before = try counts(scratch)
        let console = try TmuxConsole(scratch, env: ["LANG": "C.UTF-8"])
        try console.waitFor("CASE queue")

        // Each writer: take in a ticket; every third one, resolve it at once. It keeps the ids the
        // program acknowledged (printed on standard output with exit status 0).
        let writers = 8
        let end = Date().addingTimeInterval(seconds)
        let results = Results(writers)
        DispatchQueue.concurrentPerform(iterations: writers) { w in
            var n = 0
            while Date() < end {
                n += 1
                guard let added = try? scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                                    "--title", "soak \(w)-\(n)", "--description", "writer \(w), ticket \(n)"]) else { continue }
                guard added.status == 0, let id = Int(added.out.trimmingCharacters(in: .whitespacesAndNewlines)) else {
                    results.failed(w, "case add: \(added.status) \(added.err)")
                    continue
                }
                results.added(w, id, title: "soak \(w)-\(n)")
                if n % 3 == 0 {
                    let resolved = try? scratch.cli(["case", "resolve", "\(id)", "--cause", "原因 \(w)-\(n)", "--solution", "方案"])
                    if resolved?.status == 0 { results.resolved(w, id) } else { results.failed(w, "resolve #\(id): \(resolved?.err ?? "")") }
                }
            }
        }
        let (added, resolved, failures) = results.snapshot()
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        let total = added.values.reduce(0) { $0 + $1.count }
        print("soak: \(writers) writers took in \(total) tickets and resolved \(resolved.values.reduce(0) { $0 + $1.count }) in \(Int(seconds)) s")
        #expect(total >= writers * 5, "the writers wrote \(total) tickets in \(seconds) s")

        // Exactly the acknowledged writes, each once, with its history.
        let after = try counts(scratch)
        let closedSoak = resolved.values.reduce(0) { $0 + $1.count }
        #expect(after.items == before.items + total)
        #expect(after.created == before.created + total)
        #expect(after.resolvedEvents == before.resolvedEvents + closedSoak)
        #expect(after.soakItems == total && after.soakClosed == closedSoak)
        let list = try scratch.cli(["list", "--json", "--limit", "0", "--search", "soak"]).out
        let ids = Set((try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [String: Any])?["items"]
            .flatMap { $0 as? [[String: Any]] }?.compactMap { $0["id"] as? Int } ?? [])
        #expect(ids == Set(added.values.flatMap { $0.map(\.id) }))
        for (w, tickets) in added {
            for ticket in tickets.prefix(3) {
                let show = try scratch.cli(["show", "\(ticket.id)", "--json"]).out
                #expect(show.contains("\"title\":\"\(ticket.title)\""), "writer \(w) #\(ticket.id)")
            }
        }
        let doctor = try scratch.cli(["doctor"]).out
        #expect(doctor.contains("ok   summaries     equal a full recount") && doctor.contains("ok   integrity"), "\(doctor)")

        // The console, open throughout, shows what the database holds.
        let active = try scratch.cli(["case", "list", "--status", "active", "--json", "--limit", "1"]).out
        let activeCount = (try JSONSerialization.jsonObject(with: Data(active.utf8)) as? [String: Any])?["total"] as? Int ?? -1
        try console.keys("j")
        try console.waitFor("CASE queue (\(activeCount))", timeout: 15)
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    struct Counts { var items = 0, created = 0, resolvedEvents = 0, soakItems = 0, soakClosed = 0 }

    func counts(_ scratch: Scratch) throws -> Counts {
        guard let sqlite3 = which("sqlite3") else { throw HarnessError("sqlite3 is not installed (apt-get install sqlite3)") }
        let r = try run(sqlite3, ["-readonly", scratch.db, """
            SELECT (SELECT count(*) FROM item), (SELECT count(*) FROM history WHERE event = 'created' AND field IS NULL),
                   (SELECT count(*) FROM history WHERE event = 'resolved' AND field IS NULL),
                   (SELECT count(*) FROM item WHERE title LIKE 'soak %'),
                   (SELECT count(*) FROM item WHERE title LIKE 'soak %' AND status = 'closed')
            """])
        let n = r.out.trimmingCharacters(in: .whitespacesAndNewlines).split(separator: "|").compactMap { Int($0) }
        guard n.count == 5 else { throw HarnessError("sqlite3: \(r.out) \(r.err)") }
        return Counts(items: n[0], created: n[1], resolvedEvents: n[2], soakItems: n[3], soakClosed: n[4])
    }

    /// What the writers were told, gathered from their threads.
    final class Results: @unchecked Sendable {
        private let lock = NSLock()
        private var addedIDs: [Int: [(id: Int, title: String)]] = [:]
        private var resolvedIDs: [Int: [Int]] = [:]
        private var failures: [String] = []
        init(_ writers: Int) {}
        func added(_ w: Int, _ id: Int, title: String) { lock.withLock { addedIDs[w, default: []].append((id, title)) } }
        func resolved(_ w: Int, _ id: Int) { lock.withLock { resolvedIDs[w, default: []].append(id) } }
        func failed(_ w: Int, _ why: String) { lock.withLock { failures.append("writer \(w): \(why)") } }
        func snapshot() -> ([Int: [(id: Int, title: String)]], [Int: [Int]], [String]) {
            lock.withLock { (addedIDs, resolvedIDs, failures) }
        }
    }
}
