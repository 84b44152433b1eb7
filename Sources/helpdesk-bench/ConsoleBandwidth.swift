import Foundation

/// Runs the console in a pseudo-terminal, as an SSH session would: how soon the first screen comes,
/// how long a key takes to show and how many bytes it costs, what an idle console writes and how
/// much processor it uses, and the console's peak memory.
struct ConsoleBandwidth {
    let executable: String
    let database: String
    let now: String

    func run() throws {
        var master: Int32 = 0, slave: Int32 = 0
        var size = winsize(ws_row: 40, ws_col: 120, ws_xpixel: 0, ws_ypixel: 0)
        guard openpty(&master, &slave, nil, nil, &size) == 0 else { fail("openpty failed") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--db", database, "--now", now, "--lang", "zh"]
        var environment = ProcessInfo.processInfo.environment
        environment["TERM"] = "xterm-256color"
        environment["LANG"] = "C.UTF-8"
        process.environment = environment
        let handle = FileHandle(fileDescriptor: slave, closeOnDealloc: false)
        process.standardInput = handle
        process.standardOutput = handle
        process.standardError = FileHandle.nullDevice
        let launched = DispatchTime.now().uptimeNanoseconds
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            close(master)
            close(slave)
        }
        let firstByte = waitForOutput(master, atMost: 30)
        row("console: first paint, from launch", Double(firstByte.map { $0 - launched } ?? 0) / 1e6, "ms")
        let start = drain(master, quietFor: 1.5, atMost: 30)
        row("console: first screen", Double(start), "bytes")

        var moves: [Int] = []
        var latencies: [Double] = []
        for i in 0..<40 {
            let sent = DispatchTime.now().uptimeNanoseconds
            write(master, i % 20 < 10 ? "j" : "k")
            if let shown = waitForOutput(master, atMost: 5) { latencies.append(Double(shown - sent) / 1e6) }
            moves.append(drain(master, quietFor: 0.25, atMost: 5))
        }
        latencies.sort()
        row("console: key to paint, median of \(latencies.count) moves", latencies.isEmpty ? 0 : latencies[latencies.count / 2], "ms")
        row("console: key to paint, slowest", latencies.last ?? 0, "ms")
        row("console: one selection move (mean of \(moves.count))", Double(moves.reduce(0, +)) / Double(max(1, moves.count)), "bytes")
        row("console: one selection move (largest)", Double(moves.max() ?? 0), "bytes")
        let pageMove = { () -> Int in
            write(master, "\u{6}")  // Ctrl-F: a page down redraws the list
            return drain(master, quietFor: 0.25, atMost: 5)
        }()
        row("console: one page down", Double(pageMove), "bytes")

        let seconds = 20.0
        let cpuBefore = cpuSeconds(process.processIdentifier)
        let idle = drain(master, quietFor: seconds + 1, atMost: seconds)
        let cpuAfter = cpuSeconds(process.processIdentifier)
        row("console: idle, bytes per second over \(Int(seconds)) s", Double(idle) / seconds, "bytes/s")
        if let a = cpuBefore, let b = cpuAfter { row("console: idle, share of one core", (b - a) / seconds * 100, "%") }
        if let peak = peakMemory(process.processIdentifier) { row("console: peak memory (VmHWM)", Double(peak) / 1024, "MB") }
        write(master, "q")
        _ = drain(master, quietFor: 0.5, atMost: 3)
    }

    func write(_ fd: Int32, _ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
    }

    /// Waits for the first byte the console writes; returns when it came (uptime nanoseconds).
    func waitForOutput(_ fd: Int32, atMost: Double) -> UInt64? {
        var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        guard poll(&fds, 1, Int32(atMost * 1000)) > 0 else { return nil }
        return DispatchTime.now().uptimeNanoseconds
    }

    /// User and system processor time of a process so far, from /proc.
    func cpuSeconds(_ pid: Int32) -> Double? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
              let close = stat.lastIndex(of: ")") else { return nil }
        // Fields after the command name: state is field 3, utime 14, stime 15.
        let fields = stat[stat.index(after: close)...].split(separator: " ")
        guard fields.count > 13, let user = Double(fields[11]), let system = Double(fields[12]) else { return nil }
        return (user + system) / Double(sysconf(Int32(_SC_CLK_TCK)))
    }

    /// The process's peak resident memory in kB (VmHWM), from /proc.
    func peakMemory(_ pid: Int32) -> Int? {
        guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
              let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return nil }
        return Int(line.split(separator: " ").dropFirst().first ?? "")
    }

    /// Reads until nothing arrives for `quietFor` seconds or `atMost` seconds pass; returns bytes read.
    func drain(_ fd: Int32, quietFor: Double, atMost: Double) -> Int {
        var total = 0
        let deadline = Date().addingTimeInterval(atMost)
        var buffer = [UInt8](repeating: 0, count: 65_536)
        while Date() < deadline {
            var fds = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            let wait = min(quietFor, deadline.timeIntervalSinceNow)
            let ready = poll(&fds, 1, Int32(max(0, wait) * 1000))
            if ready <= 0 { break }
            let n = read(fd, &buffer, buffer.count)
            if n <= 0 { break }
            total += n
        }
        return total
    }
}
