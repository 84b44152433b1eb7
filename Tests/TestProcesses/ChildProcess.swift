import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The one way the tests start a program: run it to the end, or start it, watch it, and stop it.
//
// Built on posix_spawn and waitpid, not on swift-subprocess and not on Foundation's Process:
// - swift-subprocess's `run` is async. The tests are synchronous, and Swift Testing runs them on the
//   cooperative pool (two threads on a two-core machine). A synchronous wrapper that blocked a pool
//   thread on a semaphore while `run` needed a pool thread to finish deadlocked the command tests
//   when it was tried. Making every test async (hundreds of `ok(…)` and `helpdesk(…)` call sites)
//   is the other way; until then, nothing here waits on the pool.
// - Foundation's Process was seen to miss the exit of tmux's client (which forks its server and
//   exits) and wait forever, and it cannot pass an argument that is not UTF-8.
// Waiting here is waitpid on the calling thread: it needs nothing from any other thread, so it can
// neither starve the pool nor be starved by it. Output goes to files, not pipes, so no amount of it
// blocks the child, and a daemon that inherits them cannot hold a reader open.

/// How a finished program ended and what it wrote.
public struct ProcessResult: Sendable {
    /// The exit status, or 128 + the signal's number when a signal ended it (as a shell says).
    public var status: Int32
    /// The signal that ended it, if one did.
    public var signal: Int32?
    public var outData: Data
    public var errData: Data
    /// Whether the deadline passed and the program was killed.
    public var timedOut: Bool

    public var out: String { String(decoding: outData, as: UTF8.self) }
    public var err: String { String(decoding: errData, as: UTF8.self) }
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// A program started by a test: `pid` while it runs, then `finish` (or `wait`) for its result.
/// Its files are removed when it has been waited for.
public final class ChildProcess: @unchecked Sendable {
    public let pid: pid_t
    public let executable: String
    private let scratch: URL
    private let lock = NSLock()
    private var ended: Int32?   // the raw wait status, once reaped

    /// Starts `executable` with `arguments`.
    /// - environment: exactly these variables; nil inherits the test runner's.
    /// - directory: the working directory; nil keeps the runner's.
    /// - input: the bytes of standard input; nil reads /dev/null.
    /// - mergeErrors: standard error goes where standard output goes (`out`).
    public init(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                directory: String? = nil, input: Data? = nil, mergeErrors: Bool = false) throws {
        self.executable = executable
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("test-process-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        let outPath = scratch.appendingPathComponent("out").path, errPath = scratch.appendingPathComponent("err").path
        var inPath = "/dev/null"
        if let input {
            inPath = scratch.appendingPathComponent("in").path
            try input.write(to: URL(fileURLWithPath: inPath))
        }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        if mergeErrors {
            posix_spawn_file_actions_adddup2(&actions, 1, 2)
        } else {
            posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        }
        if let directory {
            guard let addChdir else { throw ChildProcessError("this C library cannot start a program in another folder") }
            guard addChdir(&actions, directory) == 0 else { throw ChildProcessError("cannot start \(executable) in \(directory)") }
        }

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = (environment ?? ProcessInfo.processInfo.environment).map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer {
            argv.forEach { free($0) }
            envp.forEach { free($0) }
        }
        // Test runners start children from worker threads that block most signals, and a child
        // inherits the mask: start it as a login shell would, nothing blocked, default handlers.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard spawned == 0 else {
            try? FileManager.default.removeItem(at: scratch)
            throw ChildProcessError("cannot start \(executable): \(String(cString: strerror(spawned)))")
        }
        self.pid = pid
    }

    deinit {
        // A child never waited for is killed and reaped, not left behind.
        if ended == nil {
            _ = sendSignal(pid, SIGKILL)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
        }
        try? FileManager.default.removeItem(at: scratch)
    }

    /// Reaps the child if it has ended; `block` waits for it.
    private func reap(block: Bool) -> Int32? {
        lock.lock()
        defer { lock.unlock() }
        if let ended { return ended }
        var status: Int32 = 0
        while true {
            let r = waitpid(pid, &status, block ? 0 : WNOHANG)
            if r == pid { ended = status; return status }
            if r == 0 { return nil }
            if errno == EINTR { continue }
            // Not our child any more (cannot happen unless someone else reaped it): call it gone.
            ended = 0
            return 0
        }
    }

    /// Whether it is still running.
    public var isRunning: Bool { reap(block: false) == nil }

    /// Sends `signal` (SIGTERM unless told) if it is still running.
    public func signal(_ signal: Int32 = SIGTERM) {
        if isRunning { _ = sendSignal(pid, signal) }
    }

    /// Waits for it to end, at most `seconds` when given: past that it is killed, and the result
    /// says `timedOut`.
    @discardableResult
    public func wait(seconds: Double? = nil) -> ProcessResult {
        var timedOut = false
        if let seconds {
            timedOut = !waitUntil(timeout: seconds, every: 0.01) { !isRunning }
            if timedOut { _ = sendSignal(pid, SIGKILL) }
        }
        let status = reap(block: true) ?? 0
        let signal = status & 0x7f
        let read = { (name: String) in (try? Data(contentsOf: self.scratch.appendingPathComponent(name))) ?? Data() }
        // WIFEXITED / WEXITSTATUS are macros Swift cannot import.
        return ProcessResult(status: signal == 0 ? (status >> 8) & 0xff : 128 + signal,
                             signal: signal == 0 ? nil : signal,
                             outData: read("out"), errData: read("err"), timedOut: timedOut)
    }

    /// Kills it (SIGKILL) and returns what it had written.
    @discardableResult
    public func kill() -> ProcessResult {
        signal(SIGKILL)
        return wait()
    }
}

/// posix_spawn_file_actions_addchdir_np (glibc 2.29, macOS 10.15), which Swift's C module does not
/// declare: looked up when the tests load.
private typealias AddChdir = @convention(c) (UnsafeMutablePointer<posix_spawn_file_actions_t>, UnsafePointer<CChar>) -> Int32
private let addChdir: AddChdir? = {
    #if canImport(Darwin)
    let everywhere = UnsafeMutableRawPointer(bitPattern: -2)   // RTLD_DEFAULT
    #else
    let everywhere: UnsafeMutableRawPointer? = nil              // RTLD_DEFAULT
    #endif
    return dlsym(everywhere, "posix_spawn_file_actions_addchdir_np").map { unsafeBitCast($0, to: AddChdir.self) }
}()

/// kill(2), by a name the methods above do not hide.
private func sendSignal(_ pid: pid_t, _ signal: Int32) -> Int32 { kill(pid, signal) }

/// Runs `executable arguments` to its end (killed after `seconds` when given) and returns its result.
/// See `ChildProcess.init` for the options.
@discardableResult
public func runProcess(_ executable: String, _ arguments: [String] = [], environment: [String: String]? = nil,
                       directory: String? = nil, input: Data? = nil, mergeErrors: Bool = false,
                       seconds: Double? = nil) throws -> ProcessResult {
    try ChildProcess(executable, arguments, environment: environment, directory: directory, input: input,
                     mergeErrors: mergeErrors).wait(seconds: seconds)
}

/// Polls `condition` every `interval` seconds until it holds or `timeout` seconds have passed;
/// returns whether it held. For waiting on something to happen rather than sleeping a fixed time.
@discardableResult
public func waitUntil(timeout: Double = 5, every interval: Double = 0.05, _ condition: () throws -> Bool) rethrows -> Bool {
    let deadline = Date().addingTimeInterval(timeout)
    while true {
        if try condition() { return true }
        if Date() >= deadline { return false }
        Thread.sleep(forTimeInterval: interval)
    }
}
