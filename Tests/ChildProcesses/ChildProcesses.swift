import Foundation
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

// The one way the tests start another program: swift-subprocess, waited for on the calling thread.
//
// Tests are synchronous and run many at once on the cooperative pool; waiting there for work that
// needs the same pool could take every thread and wait forever. The child's async work runs on
// threads of its own (`ChildExecutor`) instead, and the test's thread waits on a semaphore.
//
// Output goes to files, not pipes: a daemon that inherits them (tmux's server) cannot hold a
// reader open, and however much a program writes, nothing fills up. Every child starts with
// nothing on standard input, default signal handlers and nothing blocked, whatever the test
// runner's thread had.

/// How a child ended and what it wrote.
public struct ChildResult: Sendable {
    /// The exit status, or 128 + the signal's number for a child a signal ended (as a shell says).
    public var status: Int32
    public var out: String
    public var err: String
    /// The child's process id.
    public var pid: pid_t
    /// Whether it was killed for running past its time.
    public var timedOut: Bool
}

public struct ChildProcessError: Error, CustomStringConvertible {
    public let description: String
    init(_ text: String) { description = text }
}

/// What a child is given.
public struct ChildOptions: Sendable {
    /// Its environment, whole; `nil`: this process's.
    public var environment: [String: String]?
    public var workingDirectory: String?
    /// Given on standard input (else nothing: /dev/null).
    public var input: String?
    /// Standard error written into standard output's file, in order.
    public var errorsIntoOutput: Bool
    /// Killed with its process group after this many seconds.
    public var timeout: Double?

    public init(environment: [String: String]? = nil, workingDirectory: String? = nil, input: String? = nil,
                errorsIntoOutput: Bool = false, timeout: Double? = nil) {
        self.environment = environment
        self.workingDirectory = workingDirectory
        self.input = input
        self.errorsIntoOutput = errorsIntoOutput
        self.timeout = timeout
    }
}

/// Runs `executable` with `args` to its end and returns its status and output.
@discardableResult
public func runChild(_ executable: String, _ args: [String], _ options: ChildOptions = ChildOptions()) throws -> ChildResult {
    try RunningChild(executable, args, options).finish()
}

/// A child started without waiting for it (several at once, or one to signal): `finish` waits.
public final class RunningChild: @unchecked Sendable {
    /// The child's process id.
    public let pid: pid_t
    private let files: ChildFiles
    private let state: ChildState
    private var result: ChildResult?

    public init(_ executable: String, _ args: [String], _ options: ChildOptions = ChildOptions()) throws {
        let files = try ChildFiles(input: options.input, errorsIntoOutput: options.errorsIntoOutput)
        let state = ChildState()
        var platform = PlatformOptions()
        if options.timeout != nil {
            // A group of its own, so that what it started goes with it.
            platform.processGroupID = 0
            platform.teardownSequence = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))]
        }
        var environment = Environment.inherit
        if let given = options.environment {
            environment = .custom(Dictionary(uniqueKeysWithValues: given.compactMap { key, value in
                Environment.Key(rawValue: key).map { ($0, value) }
            }))
        }
        let (platformOptions, timeout, subprocessEnvironment) = (platform, options.timeout, environment)
        let workingDirectory = options.workingDirectory.map { FilePath($0) }
        let run: @Sendable () async -> Result<(TerminationStatus, Bool), Error> = {
            do {
                let result = try await Subprocess.run(
                    .path(FilePath(executable)), arguments: Arguments(args), environment: subprocessEnvironment,
                    workingDirectory: workingDirectory, platformOptions: platformOptions,
                    input: .fileDescriptor(files.input, closeAfterSpawningProcess: false),
                    output: .fileDescriptor(files.output, closeAfterSpawningProcess: false),
                    error: .fileDescriptor(files.error, closeAfterSpawningProcess: false)
                ) { execution in
                    state.started(execution.processIdentifier.value)
                }
                return .success((result.terminationStatus, false))
            } catch {
                return .failure(error)
            }
        }
        Task(executorPreference: ChildExecutor.shared) {
            let outcome: Result<(TerminationStatus, Bool), Error>
            if let timeout {
                outcome = await withTaskGroup(of: Result<(TerminationStatus, Bool), Error>?.self) { group in
                    group.addTask { await run() }
                    group.addTask {
                        try? await Task.sleep(for: .milliseconds(Int64(max(0, timeout) * 1000)))
                        return nil
                    }
                    let first = await group.next() ?? nil
                    group.cancelAll()
                    if let first { return first }
                    // The timer won: cancelling the run tears the process group down.
                    let ended = await group.next() ?? nil
                    if case .success(let (status, _)) = ended { return .success((status, true)) }
                    return .success((.signaled(SIGKILL), true))
                }
            } else {
                outcome = await run()
            }
            state.ended(outcome)
        }
        guard let pid = state.waitForStart() else {
            files.remove()
            var reason = "it did not start"
            if case .failure(let error)? = state.outcome { reason = "\(error)" }
            throw ChildProcessError("cannot run \(executable): \(reason)")
        }
        self.pid = pid
        self.files = files
        self.state = state
    }

    /// Whether the child has not ended yet.
    public var isRunning: Bool { !state.hasEnded }

    /// Waits for the child's end; its status and what it wrote.
    public func finish() throws -> ChildResult {
        if let result { return result }
        let outcome = state.waitForEnd()
        defer { files.remove() }
        let (status, timedOut) = try outcome.get()
        let code: Int32 = switch status {
        case .exited(let code): code
        case .signaled(let number): 128 + number
        }
        let finished = ChildResult(status: code, out: files.read(files.outputPath), err: files.read(files.errorPath),
                                   pid: pid, timedOut: timedOut)
        result = finished
        return finished
    }
}

/// What the child's task tells the thread waiting for it: that it started (its pid), and how it ended.
private final class ChildState: @unchecked Sendable {
    private let condition = NSCondition()
    private var pid: pid_t?
    private(set) var outcome: Result<(TerminationStatus, Bool), Error>?

    func started(_ pid: pid_t) {
        condition.lock()
        self.pid = pid
        condition.broadcast()
        condition.unlock()
    }

    func ended(_ outcome: Result<(TerminationStatus, Bool), Error>) {
        condition.lock()
        self.outcome = outcome
        condition.broadcast()
        condition.unlock()
    }

    var hasEnded: Bool {
        condition.lock()
        defer { condition.unlock() }
        return outcome != nil
    }

    /// The pid once the child runs, or `nil` when it could not be started.
    func waitForStart() -> pid_t? {
        condition.lock()
        defer { condition.unlock() }
        while pid == nil && outcome == nil { condition.wait() }
        return pid
    }

    func waitForEnd() -> Result<(TerminationStatus, Bool), Error> {
        condition.lock()
        defer { condition.unlock() }
        while outcome == nil { condition.wait() }
        return outcome!
    }
}

/// The files a child reads and writes, in a folder of its own, removed once read.
private final class ChildFiles: @unchecked Sendable {
    let folder: String
    let outputPath: String
    let errorPath: String
    let input: FileDescriptor
    let output: FileDescriptor
    let error: FileDescriptor

    init(input text: String?, errorsIntoOutput: Bool) throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("child-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        outputPath = folder + "/out"
        errorPath = errorsIntoOutput ? outputPath : folder + "/err"
        if let text {
            let inputPath = folder + "/in"
            try Data(text.utf8).write(to: URL(fileURLWithPath: inputPath))
            input = try FileDescriptor.open(FilePath(inputPath), .readOnly)
        } else {
            input = try FileDescriptor.open(FilePath("/dev/null"), .readOnly)
        }
        output = try FileDescriptor.open(FilePath(outputPath), .writeOnly, options: [.create, .truncate, .append],
                                         permissions: [.ownerReadWrite])
        error = errorsIntoOutput ? output
            : try FileDescriptor.open(FilePath(errorPath), .writeOnly, options: [.create, .truncate], permissions: [.ownerReadWrite])
    }

    func read(_ path: String) -> String {
        String(decoding: (try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data(), as: UTF8.self)
    }

    func remove() {
        try? input.close()
        try? output.close()
        if error != output { try? error.close() }
        try? FileManager.default.removeItem(atPath: folder)
    }
}

/// Threads of the children's own for their async work, away from the cooperative pool that the
/// waiting tests occupy.
final class ChildExecutor: TaskExecutor, @unchecked Sendable {
    static let shared = ChildExecutor(threads: 4)

    private let condition = NSCondition()
    private var jobs: [UnownedJob] = []

    init(threads: Int) {
        for n in 0..<threads {
            let thread = Thread { [unowned self] in self.work() }
            thread.name = "child-processes-\(n)"
            thread.start()
        }
    }

    func enqueue(_ job: consuming ExecutorJob) {
        let job = UnownedJob(job)
        condition.lock()
        jobs.append(job)
        condition.signal()
        condition.unlock()
    }

    private func work() {
        while true {
            condition.lock()
            while jobs.isEmpty { condition.wait() }
            let job = jobs.removeFirst()
            condition.unlock()
            job.runSynchronously(on: asUnownedTaskExecutor())
        }
    }
}

/// The built product `name` (the program under test): beside the test bundle, else in
/// `.build/debug` under the package root.
public func builtProduct(_ name: String) -> String {
    var candidates: [String] = []
    let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(argv0.appendingPathComponent(name).path)
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent(name).path)
        dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/\(name)").path)
    return candidates.first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    } ?? candidates.last!
}
