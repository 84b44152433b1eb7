// helpdesk-bench: measures the desk on a database of a million work items.
//
//   swift run -c release helpdesk-bench [--db PATH] [--items N] [--cli PATH-TO-helpdesk]
//                                       [--console PATH-TO-helpdesk] [--now TIME]
//
// 1. Fills PATH (default .build/bench/bench.sqlite) with N demo items (default 1,000,000) unless
//    it already holds them, and reports how long that took.
// 2. Times the queries behind the console's panes and the command line (median of repeated runs).
// 3. With --cli, runs each command-line read as a process of its own and times it whole, from
//    the start of the process to its exit (median of 7), as a script or a person at a shell sees it.
// 4. With --console, runs the real console in a pseudo-terminal (120×40) and counts the bytes it
//    writes for one selection move and while idle, as a slow SSH link would carry them.
// 5. With --cli, times `config check` on configuration files of 1 MiB in the shapes that cost the
//    reader most; `--config-only` does only this, without a database.
// 6. `--startup-only --cli PATH` times start-up alone, without the large database: `helpdesk --help`
//    and `helpdesk sla due` against the floor, `helpdesk-floor` (a Foundation hello world; `--floor
//    PATH`, by default beside the `helpdesk` given), as whole processes.
// 7. `--replication [--litestream PATH] [--writes N]`: four writers take in N tickets (default
//    100,000) without and with Litestream replicating; the time per write of each, the difference,
//    and the largest write-ahead log seen (README, "Survive the host").
// 8. `--mail-in --cli PATH`: `helpdesk mail-in` of a 100 KB message (5 KB of text, an attachment ~93 KB in base64)
//    into the database of step 1, as a whole process (median of 7), less `helpdesk --help`'s start-up.
import Foundation
import HelpDeskCore
import HelpDeskStore
import HelpDeskDemo
import GRDB

struct Options {
    var db = ".build/bench/bench.sqlite"
    var items = 1_000_000
    var console: String?
    var cli: String?
    var now = "2026-11-20T10:00:00+08:00"
    var configOnly = false
    var startupOnly = false
    var floor: String?
    /// Attachments spread over the items (10 KiB each) before the attachment measures.
    var attachments = 200_000
    var replication = false
    var litestream = ProcessInfo.processInfo.environment["HELPDESK_LITESTREAM"] ?? "litestream"
    var writes = 100_000
    var mailIn = false

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
            case "--cli": cli = value()
            case "--now": now = value()
            case "--config-only": configOnly = true
            case "--startup-only": startupOnly = true
            case "--floor": floor = value()
            case "--attachments": attachments = Int(value()) ?? { fail("--attachments takes a number") }()
            case "--replication": replication = true
            case "--litestream": litestream = value()
            case "--writes": writes = Int(value()) ?? { fail("--writes takes a number") }()
            case "--mail-in": mailIn = true
            case "-h", "--help":
                print("usage: helpdesk-bench [--db PATH] [--items N] [--cli PATH-TO-helpdesk] [--console PATH-TO-helpdesk] [--now TIME] [--attachments N] [--config-only] [--startup-only [--floor PATH-TO-helpdesk-floor]] [--replication [--litestream PATH] [--writes N]] [--mail-in --cli PATH-TO-helpdesk]")
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
    let padded = name.padding(toLength: 66, withPad: " ", startingAt: 0)
    print("\(padded) \(String(format: "%10.2f", value)) \(unit)")
}

let options = Options(Array(CommandLine.arguments.dropFirst()))
if options.configOnly {
    guard let cli = options.cli else { fail("--config-only needs --cli PATH-TO-helpdesk") }
    ConfigFileBench.run(cli: cli)
    exit(0)
}
if options.startupOnly {
    guard let cli = options.cli else { fail("--startup-only needs --cli PATH-TO-helpdesk") }
    let floor = options.floor ?? URL(fileURLWithPath: cli).deletingLastPathComponent().appendingPathComponent("helpdesk-floor").path
    guard FileManager.default.isExecutableFile(atPath: floor) else {
        fail("no floor program at \(floor): build it (swift build -c release --product helpdesk-floor) or give --floor PATH")
    }
    StartupBench.run(cli: cli, floor: floor)
    exit(0)
}
let now = (try? TimeInput.parseInstant(options.now)) ?? { fail("--now: not a time with an offset") }()
if options.replication {
    var program = options.litestream
    if !program.contains("/") {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        program = path.split(separator: ":").map { "\($0)/\(program)" }.first { access($0, X_OK) == 0 } ?? program
    }
    guard access(program, X_OK) == 0 else { fail("no litestream at \(options.litestream): give --litestream PATH or HELPDESK_LITESTREAM") }
    ReplicationBench.run(litestream: program, writes: options.writes,
                         folder: URL(fileURLWithPath: options.db).deletingLastPathComponent().path + "/replication", now: now)
    exit(0)
}
// Writes are made as an on-site member of the demo staff; the creator of a new database (the user
// running the bench) becomes its first supervisor, as with any database, so the console measured
// below is a staff member's, not a read-only one.
let ctx = Context(actor: DemoData.staff.first { $0.role == .onsite }!.username, now: now)
let me = ctx.actor

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
if options.mailIn {
    guard let cli = options.cli else { fail("--mail-in needs --cli PATH-TO-helpdesk") }
    MailInBench.run(cli: cli, database: options.db, now: options.now)
    exit(0)
}

// 2. Queries, in this process (median of 7; one connection, its cache warm after the first run).
let cases = ItemFilter.cases
let queue = ItemFilter(kinds: cases, activeOnly: true, limit: 200)
row("queue: first 200 active tickets", try median { _ = try database.items(queue) }, "ms")
row("queue: count of active tickets", try median { _ = try database.count(queue) }, "ms")
var deep = queue
deep.offset = max(0, active - 300)
row("queue: a page deep in the queue (offset)", try median { _ = try database.items(deep) }, "ms")
let middle = try database.items(ItemFilter(kinds: cases, activeOnly: true, limit: 1, offset: active / 2)).first?.id ?? 1
row("queue: where an item stands (position, to select it)", try median { _ = try database.position(of: middle, in: queue) }, "ms")
row("queue: overdue only", try median { _ = try database.items(ItemFilter(kinds: cases, overdueAt: now, limit: 200)) }, "ms")
row("queue: one region", try median { _ = try database.items(ItemFilter(kinds: cases, activeOnly: true, region: .yushu, limit: 200)) }, "ms")
row("queue: mine", try median { _ = try database.items(ItemFilter(kinds: cases, activeOnly: true, mine: me, limit: 200)) }, "ms")
row("queue: text search among active tickets, with count", try median {
    _ = try database.page(ItemFilter(kinds: cases, activeOnly: true, text: "无法登录", limit: 200), countCap: 1_000)
}, "ms")
let allCases = ItemFilter(kinds: cases, limit: 40)
row("tickets (closed too): first 40, with count", try median { _ = try database.page(allCases, countCap: 1_000) }, "ms")
var deepCases = allCases
deepCases.offset = 500_000
row("tickets (closed too): 40 at offset 500,000, with count", try median { _ = try database.page(deepCases, countCap: 1_000) }, "ms")
let someID = Int64(existing / 2)
row("tickets (closed too): 40 after an item (keyset)", try median { _ = try database.items(allCases, after: someID) }, "ms")
row("tickets (closed too): search, common text, with count", try median {
    _ = try database.page(ItemFilter(kinds: cases, text: "无法登录", limit: 40), countCap: 1_000)
}, "ms")
row("tickets (closed too): search, a phone number, with count", try median {
    _ = try database.page(ItemFilter(kinds: cases, text: "0971-6492924", limit: 40), countCap: 1_000)
}, "ms")
row("board: active faults", try median { _ = try database.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 500)) }, "ms")
let boardFaults = try database.items(ItemFilter(kinds: [.fault], activeOnly: true, limit: 500))
row("board: escalation standing of \(boardFaults.count) faults", try median {
    _ = try database.escalationStanding(boardFaults, policy: ctx.escalation.policy)
}, "ms")
// The demo data took every step due when it was made, so this is the common case: each console
// tick and each timer run finds nothing due.
_ = try database.escalateDue(ctx)
row("escalate: nothing due (each timer run; a console only when a step is due)", try median { _ = try database.escalateDue(ctx) }, "ms")
row("kpi: one month (K1-K7)", try median { _ = try database.kpiReport(.month(containing: now), now: now) }, "ms")
row("kpi: one week (K1-K7)", try median { _ = try database.kpiReport(.week(containing: now), now: now) }, "ms")
// The figures' drill-down and the monthly report, for the last whole month (the report is made
// for a month that has ended). Each figure's first page, as `kpi items` and the console show it.
let lastMonth = Period.month(containing: Period.month(containing: now).interval.start.addingTimeInterval(-1))
row("kpi: last month (\(lastMonth), K1-K7)", try median { _ = try database.kpiReport(lastMonth, now: now) }, "ms")
for figure in KPI.allCases {
    row("kpi items: \(figure.rawValue) of \(lastMonth), first 50", try median {
        _ = try database.kpiItems(figure, lastMonth, now: now, limit: 50)
    }, "ms")
}
row("report: \(lastMonth), every section gathered", try median {
    _ = try database.serviceReport(lastMonth, now: now)
}, "ms")
row("detail: one item with its history", try median { _ = try database.itemWithHistory(someID) }, "ms")
// The demo gives every special case answered its reply: the first such item from the middle on.
var withTimeline = someID
while withTimeline < someID + 100, try database.timeline(of: withTimeline).isEmpty { withTimeline += 1 }
row("detail: one item's timeline", try median { _ = try database.timeline(of: withTimeline) }, "ms")
row("detail: the 5 closest resolved tickets (case similar)", try median { _ = try database.similarResolved(to: someID, limit: 5) }, "ms")
row("list: everything, first 40, with count", try median { _ = try database.page(ItemFilter(limit: 40), countCap: 1_000) }, "ms")
row("list: everything, 40 at offset 900,000", try median { _ = try database.items(ItemFilter(limit: 40, offset: 900_000)) }, "ms")
row("data_version poll", try median { _ = try database.dataVersion() }, "ms")
let sample = NewCase(kind: .general, channel: .phone, region: .xining, title: "基准测试工单")
row("write: take in a ticket (one synced transaction)", try median(21) { _ = try database.addCase(sample, at: now, ctx) }, "ms")
// Attachments: --attachments of 10 KiB spread over the items (added once, one transaction each),
// then one ticket's list and a 20 MiB file added in one transaction.
var attachmentCtx = ctx
attachmentCtx.attachmentLimit = AttachmentRules.bytes(mb: AttachmentRules.defaultLimitMB)
let heldAttachments = try database.attachmentCount()
if heldAttachments < options.attachments {
    let start = Date()
    let page = Data(repeating: 0x41, count: 10 << 10)
    for n in heldAttachments..<options.attachments {
        let owner = Int64(1 + (n * 7919) % max(1, existing))
        try database.addAttachment(to: .item(owner), name: "scan-\(n).pdf", content: page, attachmentCtx)
    }
    row("attachments: added per second (10 KiB each)", Double(options.attachments - heldAttachments) / Date().timeIntervalSince(start), "/s")
}
let attached: Int64 = 1    // the first added goes to item 1
print("attachments: \(max(heldAttachments, options.attachments))")
row("attachments: one ticket's list", try median { _ = try database.attachments(of: .item(attached)) }, "ms")
let twenty = Data(repeating: 0x42, count: 20 << 20)
row("write: attach 20 MiB (one transaction)", try median(3) { _ = try database.addAttachment(to: .item(attached), name: "big.bin", content: twenty, attachmentCtx) }, "ms")
// What the sync of every commit costs on this disk: one small commit into a scratch file beside
// the database in WAL mode, synced (FULL, as the desk writes) and synced only at checkpoints (NORMAL).
for mode in ["FULL", "NORMAL"] {
    let scratch = options.db + ".sync-bench"
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
    var config = Configuration()
    config.prepareDatabase { db in try db.execute(sql: "PRAGMA synchronous = \(mode)") }
    let queue = try DatabaseQueue(path: scratch, configuration: config)
    _ = try queue.writeWithoutTransaction { try String.fetchOne($0, sql: "PRAGMA journal_mode = WAL") }
    try queue.write { try $0.execute(sql: "CREATE TABLE t (a INTEGER, b TEXT)") }
    row("write: one small commit, synchronous = \(mode)", try median(21) {
        try queue.write { try $0.execute(sql: "INSERT INTO t VALUES (1, 'x')") }
    }, "ms")
    try queue.close()
    for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: scratch + suffix) }
}
row("summaries: compared with a full recount (once)", try median(1) {
    let mismatches = try database.checkSummaries()
    if !mismatches.isEmpty { fail("summaries differ from a recount: \(mismatches)") }
}, "ms")

// 3. The command line, each read a process of its own.
if let cli = options.cli {
    print("")
    print("whole process (start to exit, median of 7), helpdesk at \(cli):")
    let reads = [
        "case list --limit 40", "case list --limit 40 --status active", "case list --limit 40 --kind requirement",
        "case list --limit 40 --status closed", "case list --limit 40 --region yushu", "case list --limit 40 --overdue",
        "case list --limit 40 --mine", "case list --limit 40 --search 无法登录", "case list --limit 40 --search 0971-6492924",
        "case list --limit 40 --search excel --status active", "case list --limit 40 --offset 500000",
        "case list --limit 40 --after \(someID)", "fault list --limit 40", "fault list --limit 40 --offset 100000",
        "fault list --limit 40 --search 打印机", "list --limit 40", "list --limit 40 --offset 900000", "list --limit 40 --json",
        "show \(someID)", "show \(someID) --json", "kpi --month \(Period.month(containing: now))", "kpi --week \(Period.week(containing: now))",
        "task list --limit 40", "task list --limit 40 --status closed --json", "change list --limit 40", "change list --limit 40 --json",
        "delivery list", "defect list",
        "kpi items K1 --month \(lastMonth) --limit 50", "kpi items K6 --month \(lastMonth) --limit 50",
        "report --month \(lastMonth) --format md", "report --month \(lastMonth) --format html",
        "report --month \(lastMonth) --format csv",
    ]
    var environment = ProcessInfo.processInfo.environment
    environment["HELPDESK_DB"] = options.db
    environment["HELPDESK_NOW"] = options.now
    environment["LANG"] = "C.UTF-8"
    environment["LC_ALL"] = nil
    _ = spawn(cli, ["list", "--limit", "1"], environment)  // the program's files into the page cache
    for read in reads {
        var status: Int32 = 0
        let time = median { status = spawn(cli, read.split(separator: " ").map(String.init), environment) }
        if status != 0 { fail("helpdesk \(read) exited \(status)") }
        row("helpdesk \(read)", time, "ms")
    }
}

/// Runs `path` with `arguments`, its output thrown away, and waits for it: posix_spawn and waitpid,
/// as a shell does (Foundation's Process checks for the exit on a timer, which would add to the time).
func spawn(_ path: String, _ arguments: [String], _ environment: [String: String]) -> Int32 {
    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
    posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
    let argv = ([path] + arguments).map { strdup($0) } + [nil]
    let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer { (argv + envp).forEach { free($0) } }
    var pid: pid_t = 0
    guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { fail("cannot run \(path)") }
    var status: Int32 = 0
    while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
    return (status >> 8) & 0xFF
}

if let cli = options.cli { ConfigFileBench.run(cli: cli) }

// 4. The console through a pseudo-terminal.
if let console = options.console {
    print("")
    try ConsoleBandwidth(executable: console, database: options.db, now: options.now).run()
}
