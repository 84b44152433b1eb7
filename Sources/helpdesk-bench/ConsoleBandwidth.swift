import Foundation

/// Runs the console in a pseudo-terminal and counts the bytes it writes, as an SSH link would carry them.
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
        try process.run()
        defer {
            if process.isRunning { process.terminate() }
            close(master)
            close(slave)
        }
        let start = drain(master, quietFor: 1.5, atMost: 30)
        row("console: first screen", Double(start), "bytes")

        var moves: [Int] = []
        for i in 0..<20 {
            write(master, i < 10 ? "j" : "k")
            moves.append(drain(master, quietFor: 0.25, atMost: 5))
        }
        row("console: one selection move (mean of 20)", Double(moves.reduce(0, +)) / Double(moves.count), "bytes")
        row("console: one selection move (largest)", Double(moves.max() ?? 0), "bytes")
        let pageMove = { () -> Int in
            write(master, "\u{6}")  // Ctrl-F: a page down redraws the list
            return drain(master, quietFor: 0.25, atMost: 5)
        }()
        row("console: one page down", Double(pageMove), "bytes")

        let seconds = 20.0
        let idle = drain(master, quietFor: seconds + 1, atMost: seconds)
        row("console: idle, bytes per second over \(Int(seconds)) s", Double(idle) / seconds, "bytes/s")
        write(master, "q")
        _ = drain(master, quietFor: 0.5, atMost: 3)
    }

    func write(_ fd: Int32, _ text: String) {
        _ = text.utf8CString.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress, $0.count - 1) }
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
