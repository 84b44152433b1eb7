import Foundation
import HelpDeskCore
import Subprocess
#if canImport(System)
import System
#else
import SystemPackage
#endif

/// The one way this program starts another: a shell command line, run by `/bin/sh -c`.
///
/// Two kinds of children are started, and they differ in who owns the terminal:
///
/// - `interactive`: the user's `$EDITOR`. It runs in the console's own process group, which is the
///   terminal's foreground group, with the terminal as its standard input, output and error. It can
///   read keys (a child in another group would be stopped by `SIGTTIN` the moment it read), and
///   `Ctrl-C` reaches it; while it runs the console ignores `SIGINT` and `SIGQUIT` (as `system(3)`
///   does) and lets `Ctrl-Z` stop it together with the editor.
/// - `detached`: a notification command. It runs in a process group of its own with `input` on
///   standard input, standard output discarded and standard error kept for the message; at
///   `timeout` the whole group is killed, and so is anything it left behind when it exits.
///
/// Every child starts with default signal handlers and nothing blocked, whatever the caller had.
enum ChildProcess {
    enum Outcome: Equatable {
        case exited(Int32)
        case signalled(Int32)
        case timedOut
        /// The shell itself could not be started.
        case notStarted(String)

        var succeeded: Bool { self == .exited(0) }
    }

    /// Runs `command` on the terminal, with `arguments` as `$1`, `$2`…, and waits for it.
    static func interactive(_ command: String, arguments: [String] = []) -> Outcome {
        let ignored = [SIGINT, SIGQUIT].map { ($0, signal($0, SIG_IGN)) }
        let stop = signal(SIGTSTP, SIG_DFL)
        defer {
            for (number, handler) in ignored { signal(number, handler) }
            signal(SIGTSTP, stop)
        }
        return blocking {
            do {
                let result = try await Subprocess.run(
                    .path(FilePath("/bin/sh")), arguments: Arguments(["-c", command, "helpdesk"] + arguments),
                    input: .currentStandardInput, output: .currentStandardOutput, error: .currentStandardError)
                return outcome(result.terminationStatus)
            } catch {
                return .notStarted("\(error)")
            }
        }
    }

    /// Runs `command` away from the terminal with `input` on its standard input; returns how it
    /// ended and the last `keep` characters it wrote to standard error.
    static func detached(_ command: String, input: String, timeout: Double, keep: Int = 200) -> (Outcome, String) {
        // Files, not pipes: a command that never reads its input must not break a write of ours
        // (SIGPIPE), and one that writes a lot to standard error must not fill a pipe and hang.
        let dir = FileManager.default.temporaryDirectory
        let inPath = dir.appendingPathComponent("helpdesk-child-\(UUID().uuidString).in").path
        let errPath = dir.appendingPathComponent("helpdesk-child-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: inPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        let inFD: FileDescriptor, errFD: FileDescriptor
        do {
            guard FileManager.default.createFile(atPath: inPath, contents: Data((input + "\n").utf8),
                                                 attributes: [.posixPermissions: 0o600]) else {
                return (.notStarted("cannot write \(inPath)"), "")
            }
            inFD = try FileDescriptor.open(FilePath(inPath), .readOnly)
            errFD = try FileDescriptor.open(FilePath(errPath), .writeOnly, options: [.create, .truncate],
                                            permissions: [.ownerReadWrite])
        } catch {
            return (.notStarted("cannot create a file in \(dir.path): \(error)"), "")
        }
        defer {
            try? inFD.close()
            try? errFD.close()
        }
        var options = PlatformOptions()
        options.processGroupID = 0
        options.teardownSequence = [.send(signal: .kill, toProcessGroup: true, allowedDurationToNextStep: .milliseconds(200))]
        let platformOptions = options
        let outcome: Outcome = blocking {
            await withTaskGroup(of: Outcome?.self) { group in
                group.addTask {
                    do {
                        let result = try await Subprocess.run(
                            .path(FilePath("/bin/sh")), arguments: ["-c", command], platformOptions: platformOptions,
                            input: .fileDescriptor(inFD, closeAfterSpawningProcess: false), output: .discarded,
                            error: .fileDescriptor(errFD, closeAfterSpawningProcess: false))
                        // A daemon the command left behind in its group goes too.
                        kill(-result.processIdentifier.value, SIGKILL)
                        return Self.outcome(result.terminationStatus)
                    } catch is CancellationError {
                        return .timedOut
                    } catch {
                        return Task.isCancelled ? .timedOut : .notStarted("\(error)")
                    }
                }
                group.addTask {
                    try? await Task.sleep(for: .milliseconds(Int64(max(0, timeout) * 1000)))
                    return nil
                }
                let first = await group.next() ?? nil
                group.cancelAll()
                guard let first else {
                    // The timer won: the run task's cancellation tears the process group down.
                    _ = await group.next()
                    return .timedOut
                }
                return first
            }
        }
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let tail = TerminalText.sanitize(String(stderr.trimmingCharacters(in: .whitespacesAndNewlines).suffix(keep)))
        return (outcome, tail)
    }

    private static func outcome(_ status: TerminationStatus) -> Outcome {
        switch status {
        case .exited(let code): return .exited(code)
        case .signaled(let number): return .signalled(number)
        }
    }

    /// Waits on this thread for async work. The console's run loop and the command line are
    /// synchronous; the work runs on the cooperative pool, never on this thread.
    private static func blocking<T: Sendable>(_ work: @escaping @Sendable () async -> T) -> T {
        let box = ResultBox<T>()
        let done = DispatchSemaphore(value: 0)
        Task.detached {
            box.value = await work()
            done.signal()
        }
        done.wait()
        return box.value!
    }
}

/// Carries a result from the task that computed it to the thread waiting on a semaphore.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}
