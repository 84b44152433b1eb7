import Foundation

/// Start-up: whole processes that do little, against the floor a process of this toolchain
/// cannot go under. The floor is `helpdesk-floor`, a Foundation hello world built beside
/// `helpdesk` (and `/bin/true`, a C program, for scale). Each is run in turn, round after round
/// (so that a busy machine weighs on all alike), and the median of the rounds is printed.
enum StartupBench {
    static func run(cli: String, floor: String, rounds: Int = 31) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-startup-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = dir.appendingPathComponent("desk.sqlite").path
        environment["XDG_DATA_HOME"] = dir.path
        environment["XDG_CONFIG_HOME"] = dir.path
        environment["HELPDESK_CONFIG"] = nil
        environment["HELPDESK_NOW"] = nil
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        let runs: [(name: String, path: String, arguments: [String])] = [
            ("/bin/true", "/bin/true", []),
            ("floor: helpdesk-floor (Foundation hello world)", floor, []),
            ("helpdesk --help", cli, ["--help"]),
            ("helpdesk sla due general --at 2025-09-30T15:00:00+08:00", cli, ["sla", "due", "general", "--at", "2025-09-30T15:00:00+08:00"]),
        ]
        // Once each first: the files into the page cache, and the database made.
        for run in runs where spawn(run.path, run.arguments, environment) != 0 {
            fail("\(run.path) \(run.arguments.joined(separator: " ")) exited with a failure")
        }
        var times = Array(repeating: [Double](), count: runs.count)
        for _ in 0..<rounds {
            for (index, run) in runs.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                _ = spawn(run.path, run.arguments, environment)
                times[index].append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            }
        }
        let medians = times.map { $0.sorted()[$0.count / 2] }
        print("")
        print("start-up (whole process, start to exit, median of \(rounds) rounds):")
        for (index, run) in runs.enumerated() { row(run.name, medians[index], "ms") }
        for index in 2..<runs.count { row("\(runs[index].name): above the floor", medians[index] - medians[1], "ms") }
    }
}
