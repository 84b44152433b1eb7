import Foundation
import HelpDeskCore
import HelpDeskStore

/// Delivers the outbox: runs the configured `notify_command` once per notification, with the event
/// as JSON on standard input.
///
/// Exit status 0 is success and final. A failure, or a command still running at `notify_timeout`
/// (its whole process group is killed), is retried after `retry_first` seconds, then twice as long
/// each time up to `retry_max`. A notification is claimed for the length of one attempt, so
/// deliverers running at once never run the command for the same one together. Delivery is at
/// least once: a deliverer killed after the command succeeded but before recording it leaves the
/// notification to be sent again.
struct NotificationDelivery {
    let database: AppDatabase
    let configuration: Configuration
    /// Who delivers: the outbox is the timer's work (active staff, or a user in `timer_users`).
    let context: Context
    let now: () -> Date

    init(_ env: Environment) {
        database = env.database
        configuration = env.configuration
        context = env.context
        let offset = env.now.timeIntervalSince(Date())
        // `--now` shifts the clock (for tests); time still passes while commands run.
        now = { Date().addingTimeInterval(offset) }
    }

    struct Report {
        var attempted = 0
        var delivered = 0
        var failed = 0
        /// Pending notifications left waiting because no command is configured.
        var waiting = 0

        var summary: String {
            if attempted == 0 && waiting > 0 {
                return "\(waiting) notification(s) wait in the outbox: no notify_command is configured (helpdesk config show)"
            }
            return "notifications: \(delivered) delivered, \(failed) failed and will be retried"
        }
    }

    /// Delivers what is due; reports what happened. Throws when the operator may not deliver
    /// (`StoreError.notPermitted`) or the outbox cannot be read at all.
    func deliver() throws -> Report {
        var report = Report()
        guard let command = configuration.notifyCommand, !command.trimmingCharacters(in: .whitespaces).isEmpty else {
            report.waiting = (try? database.pendingNotificationCount()) ?? 0
            return report
        }
        let lease = configuration.notifyTimeout + 60
        while true {
            let batch: [PendingNotification]
            do { batch = try database.claimNotifications(now: now(), lease: lease, limit: 20, context) } catch {
                if report.attempted == 0 { throw error }
                break
            }
            if batch.isEmpty { break }
            for notification in batch {
                report.attempted += 1
                let outcome = Self.run(command, input: notification.payload, timeout: configuration.notifyTimeout)
                do {
                    switch outcome {
                    case .success:
                        try database.markDelivered(notification.id, at: now(), context)
                        report.delivered += 1
                    case .failure(let why):
                        let wait = min(configuration.retryMax, configuration.retryFirst * pow(2, Double(notification.attempts)))
                        try database.markFailed(notification.id, at: now(), error: why, retryAfter: wait, context)
                        report.failed += 1
                    }
                } catch {
                    report.failed += 1
                }
            }
        }
        return report
    }

    /// For commands that take a step in passing: a failure to deliver must not fail the command.
    func deliverQuietly() {
        guard let report = try? deliver() else { return }
        if report.failed > 0 {
            FileHandle.standardError.write(Data("helpdesk: \(report.summary)\n".utf8))
        }
    }

    enum Outcome: Equatable {
        case success
        case failure(String)
    }

    /// Runs `command` with `/bin/sh -c` in its own process group, `input` on standard input; kills
    /// the group at `timeout` seconds.
    static func run(_ command: String, input: String, timeout: Double) -> Outcome {
        let dir = FileManager.default.temporaryDirectory
        let inPath = dir.appendingPathComponent("helpdesk-notify-\(UUID().uuidString).json").path
        let errPath = dir.appendingPathComponent("helpdesk-notify-\(UUID().uuidString).err").path
        defer {
            try? FileManager.default.removeItem(atPath: inPath)
            try? FileManager.default.removeItem(atPath: errPath)
        }
        guard FileManager.default.createFile(atPath: inPath, contents: Data((input + "\n").utf8),
                                             attributes: [.posixPermissions: 0o600]) else {
            return .failure("cannot write the event to \(inPath)")
        }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t(), all = sigset_t()
        sigemptyset(&none)
        sigfillset(&all)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETPGROUP))
        let words: [String] = ["/bin/sh", "-c", command]
        let argv: [UnsafeMutablePointer<CChar>?] = words.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let spawned = posix_spawn(&pid, "/bin/sh", &actions, &attributes, argv, environ)
        guard spawned == 0 else { return .failure("cannot start /bin/sh: \(String(cString: strerror(spawned)))") }

        let deadline = Date().addingTimeInterval(timeout)
        var status: Int32 = 0
        while true {
            let done = waitpid(pid, &status, WNOHANG)
            if done == pid { break }
            if done == -1 && errno != EINTR { return .failure("waitpid: \(String(cString: strerror(errno)))") }
            if Date() >= deadline {
                kill(-pid, SIGKILL)
                while waitpid(pid, &status, 0) == -1 && errno == EINTR {}
                return .failure("timed out after \(Int(timeout)) s")
            }
            usleep(20_000)
        }
        // A daemon the command left behind in its group goes too.
        kill(-pid, SIGKILL)
        let signal = status & 0x7f
        let code = (status >> 8) & 0xff
        if signal == 0 && code == 0 { return .success }
        let stderr = (try? String(contentsOfFile: errPath, encoding: .utf8)) ?? ""
        let tail = TerminalText.sanitize(String(stderr.trimmingCharacters(in: .whitespacesAndNewlines).suffix(200)))
        let how = signal == 0 ? "exit status \(code)" : "killed by signal \(signal)"
        return .failure(tail.isEmpty ? how : "\(how): \(tail)")
    }
}
