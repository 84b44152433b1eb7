import Foundation
import Testing
import TestProcesses

// `helpdesk restore` while four writers, each a process of its own, take in tickets as fast as they
// can: every ticket the program acknowledged after the backup was taken is afterwards, with the
// title its writer gave, in the copy kept before the restore or in the restored database, and no id
// was acknowledged twice.

/// The tickets the writers were told were stored: id and title, in the order acknowledged.
private final class Acknowledged: @unchecked Sendable {
    private let lock = NSLock()
    private var tickets: [(id: Int, title: String)] = []
    private var failures: [String] = []
    func add(_ id: Int, _ title: String) { lock.withLock { tickets.append((id, title)) } }
    func failed(_ text: String) { lock.withLock { failures.append(text) } }
    var snapshot: (tickets: [(id: Int, title: String)], failures: [String]) { lock.withLock { (tickets, failures) } }
    var count: Int { lock.withLock { tickets.count } }
}

private final class Stop: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    var isSet: Bool { lock.withLock { value } }
    func set() { lock.withLock { value = true } }
}

/// Titles by id of every item the database at `path` holds.
private func titles(_ path: String) -> [Int: String] {
    var result: [Int: String] = [:]
    for item in listItems(ok(["list", "--json", "--limit", "0"], db: path)) {
        if let id = item["id"] as? Int, let title = item["title"] as? String { result[id] = title }
    }
    return result
}

/// The hidden temporary copies (`.NAME.PID.partial`) in `folder`.
private func partials(_ folder: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix(".") && $0.contains(".partial") }
}

@Suite("restore while four writers write", .scratch, .serialized)
struct RestoreUnderWritersTests {
    enum Timing: String, CaseIterable, CustomTestStringConvertible {
        /// Restore as soon as the writers are under way, a little later, later still; or kill it
        /// with SIGKILL part way.
        case early, middle, late, killed
        var testDescription: String { rawValue }
        var delay: Double {
            switch self {
            case .early: 0.1
            case .middle: 0.6
            case .late: 1.2
            case .killed: 0.1
            }
        }
    }

    @Test(arguments: Timing.allCases)
    func nothingAcknowledgedIsLost(timing: Timing) throws {
        let db = freshDatabase()
        // Enough records that a restore takes a moment: a kill lands part way through it.
        _ = ok(["demo", "--items", "1500", "--days", "60"], db: db)
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        let backup = folder + "/monday.sqlite"
        _ = ok(["backup", backup], db: db)

        let acknowledged = Acknowledged()
        let stop = Stop()
        let writers = DispatchGroup()
        for w in 0..<4 {
            writers.enter()
            Thread.detachNewThread {
                defer { writers.leave() }
                var n = 0
                while !stop.isSet {
                    n += 1
                    let title = "writer \(w) ticket \(n)"
                    let r = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                      "--title", title, "--at", "2021-11-23T10:00:00+08:00"], db: db)
                    if r.status == 0, let id = Int(r.out.trimmingCharacters(in: .whitespacesAndNewlines)) {
                        acknowledged.add(id, title)
                    } else if r.status != 2 || !r.err.contains("nothing was changed") {
                        // Refused while the restore held the database is allowed, with that said; anything else is not.
                        acknowledged.failed("\(title): \(r.status) \(r.err)")
                    }
                }
            }
        }
        let started = Date()
        while acknowledged.count < 4 && Date().timeIntervalSince(started) < 30 { Thread.sleep(forTimeInterval: 0.02) }
        Thread.sleep(forTimeInterval: timing.delay)

        if timing == .killed {
            // Killed at three points of its work, seen by the files it writes: while it prepares
            // the backup's copy, while it keeps the database's records under the lock, and once
            // it has kept them. Each time the database is as it was or restored, never in between.
            let keptCopies = { ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).filter { $0.hasPrefix("desk.sqlite.before-restore-") }.count }
            var caught: [String] = []
            for point in ["restoring", "before-restore", "kept"] {
                let keptBefore = keptCopies()
                let restore = try startHelpdesk(["restore", backup], db: db)
                let pid = restore.pid
                let deadline = Date().addingTimeInterval(20)
                var seen = false
                while restore.isRunning && Date() < deadline && !seen {
                    switch point {
                    case "kept": seen = keptCopies() > keptBefore
                    default: seen = partials(folder).contains { $0.contains(point) && $0.contains(".\(pid).partial") }
                    }
                    if !seen { usleep(500) }
                }
                let r = restore.kill()
                if seen && r.status != 0 { caught.append(point) }
            }
            print("restore killed 3 times, part way at: \(caught)")
        } else {
            let result = try startHelpdesk(["restore", backup], db: db).finish()
            #expect(result.status == 0, "\(result.err)")
        }
        // Writes acknowledged after the restore finished go to the restored database.
        let afterRestore = acknowledged.count
        while acknowledged.count < afterRestore + 8 && Date().timeIntervalSince(started) < 60 { Thread.sleep(forTimeInterval: 0.02) }
        stop.set()
        writers.wait()

        let (tickets, failures) = acknowledged.snapshot
        #expect(failures.isEmpty, "\(failures.prefix(5))")
        #expect(tickets.count >= 12)
        // No id handed out twice: the ids a restore replaced are not given to new tickets.
        let ids = tickets.map(\.id)
        #expect(Set(ids).count == ids.count, "ids acknowledged twice: \(Dictionary(grouping: ids) { $0 }.filter { $1.count > 1 }.keys.sorted())")

        let kept = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? [])
            .filter { $0.hasPrefix("desk.sqlite.before-restore-") && !$0.contains("-journal") && !$0.contains("-wal") && !$0.contains("-shm") }
        if timing != .killed { #expect(kept.count == 1, "\(kept)") }
        let restored = titles(db)
        var keptTitles: [Int: String] = [:]
        for name in kept { keptTitles.merge(titles(folder + "/" + name)) { a, _ in a } }
        var lost: [String] = []
        for ticket in tickets where restored[ticket.id] != ticket.title && keptTitles[ticket.id] != ticket.title {
            lost.append("#\(ticket.id) \(ticket.title)")
        }
        #expect(lost.isEmpty, "\(lost.count) of \(tickets.count) acknowledged tickets lost: \(lost.prefix(10))")

        // A killed restore leaves no partial copy behind for good: doctor names any it sees, and
        // the next backup or restore removes those of processes that are gone.
        let left = partials(folder)
        if !left.isEmpty {
            let doctor = helpdesk(["doctor"], db: db)
            #expect(doctor.out.contains("partial"), "\(doctor.out)")
        }
        _ = ok(["backup", folder + "/tuesday.sqlite"], db: db)
        #expect(partials(folder) == [], "\(partials(folder))")
        #expect(helpdesk(["doctor"], db: db).out.contains("ok   integrity"))
    }
}
