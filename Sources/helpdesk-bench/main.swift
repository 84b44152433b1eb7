// helpdesk-bench: measures the desk on a database of a million work items.
//
//   swift run -c release helpdesk-bench [--db PATH] [--items N] [--console PATH-TO-helpdesk]
//
// 1. Fills PATH (default .build/bench/bench.sqlite) with N demo items (default 1,000,000) unless
//    it already holds them, and reports how long that took.
// 2. Times the queries behind the console's panes and the command line (median of repeated runs).
// 3. With --console, runs the real console in a pseudo-terminal (120×40) and counts the bytes it
//    writes for one selection move and while idle, as a slow SSH link would carry them.
import Foundation
import HelpDeskCore
import HelpDeskStore

struct Options {
    var db = ".build/bench/bench.sqlite"
    var items = 1_000_000
    var console: String?
    var now = "2026-11-20T10:00:00+08:00"

    init(_ args: [String]) {
        var i = 0
        func value() -> String {
            i += 1
            guard i < args.count else { fail("\(args[i - 1]) needs a value") }
            return args[i]
        }
        while i < args.count {
            switch args[i] {
            case "--db": db = value()
            case "--items": items = Int(value()) ?? { fail("--items takes a number") }()
            case "--console": console = value()
            case "--now": now = value()
            case "-h", "--help":
                print("usage: helpdesk-bench [--db PATH] [--items N] [--console PATH-TO-helpdesk] [--now TIME]")
                exit(0)
            default: fail("unknown argument \(args[i])")
            }
            i += 1
        }
    }
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("helpdesk-bench: \(message)\n".utf8))
    exit(2)
}

/// Runs `body` `runs` times and returns the median wall time in milliseconds.
func median(_ runs: Int = 7, _ body: () throws -> Void) rethrows -> Double {
    var times: [Double] = []
    for _ in 0..<runs {
        let start = DispatchTime.now().uptimeNanoseconds
        try body()
        times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
    }
    return times.sorted()[times.count / 2]
}

func row(_ name: String, _ value: Double, _ unit: String) {
    let padded = name.padding(toLength: 46, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%10.2f", value)) \(unit)")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
let now = (try? TimeInput.parseInstant(options.now)) ?? { fail("--now: not a time with an offset") }()
// Writes are made as an on-site member of the demo staff; the creator of a new database (the user
// running the bench) becomes its first supervisor, as with any database, so the console measured
// below is a staff member's, not a read-only one.
let ctx = Context(actor: DemoData.staff.first { $0.role == .onsite }!.username, now: now)

// 1. The database.
let osUser = ProcessInfo.processInfo.environment["USER"] ?? NSUserName()
let database = try AppDatabase.open(path: options.db, founder: StaffMember(username: osUser, name: osUser, role: .supervisor))
var existing = try database.count(ItemFilter())
print("database: \(options.db)")
if existing < options.items {
    let start = Date()
    let supervisor = Context(actor: osUser, now: now, clockIsSimulated: true)
    try database.fillDemo(DemoData(seed: UInt64(existing + 1)), items: options.items - existing, days: 1500, supervisor)
    existing = try database.count(ItemFilter())
    row("fill: items written per second", Double(options.items) / Date().timeIntervalSince(start), "items/s")
}
let active = try database.count(ItemFilter(activeOnly: true))
let historyRows = try database.historyCount()
print("items: \(existing)   active: \(active)   history rows: \(historyRows)")
print("")

// 2. Queries.
let queue = ItemFilter(kinds: ItemFilter.cases, activeOnly: true, limit: 200)
row("queue: first 200 active tickets", try median { _ = try database.items(queue) }, "ms")
row("queue: count of active tickets", try median { _ = try database.count(queue) }, "ms")
var deep = queue
deep.offset = max(0, active - 300)
row("queue: a page deep in the queue", try median { _ = try database.items(deep) }, "ms")
row("queue: overdue only", try median { _ = try database.items(ItemFilter(kinds: ItemFilter.cases, overdueAt: now, limit: 200)) }, "ms")
row("queue: one region", try median { _ = try database.items(ItemFilter(kinds: ItemFilter.cases, activeOnly: true, region: .yushu, limit: 200)) }, "ms")
row("queue: text search among active tickets", try median { _ = try database.items(ItemFilter(kinds: ItemFilter.cases, activeOnly: true, text: "社保", limit: 200)) }, "ms")
row("board: active faults", try median { _ = try database.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 500)) }, "ms")
row("kpi: one month (K1-K7)", try median { _ = try database.kpiReport(.month(containing: now), now: now) }, "ms")
row("kpi: one week (K1-K7)", try median { _ = try database.kpiReport(.week(containing: now), now: now) }, "ms")
let boardFaults = try database.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 500))
row("board: escalation standing of \(boardFaults.count) faults", try median {
    _ = try database.escalationStanding(boardFaults, policy: ctx.escalation.policy)
}, "ms")
// The demo data took every step due when it was made, so this is the common case: each console
// tick and each timer run finds nothing due.
_ = try database.escalateDue(ctx)
row("escalate: nothing due (every console tick)", try median { _ = try database.escalateDue(ctx) }, "ms")
let someID = Int64(existing / 2)
row("detail: one item with its history", try median { _ = try database.itemWithHistory(someID) }, "ms")
row("list: everything, first page (closed included)", try median(3) { _ = try database.items(ItemFilter(limit: 100)) }, "ms")
row("data_version poll", try median { _ = try database.dataVersion() }, "ms")
let sample = NewCase(kind: .general, channel: .phone, region: .xining, title: "基准测试工单")
row("write: take in a ticket (one transaction)", try median { _ = try database.addCase(sample, at: now, ctx) }, "ms")

// 3. The console through a pseudo-terminal.
if let console = options.console {
    print("")
    try ConsoleBandwidth(executable: console, database: options.db, now: options.now).run()
}
