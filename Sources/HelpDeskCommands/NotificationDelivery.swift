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
    /// The language of what is reported.
    let language: Language

    init(_ env: Environment) {
        language = env.language
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

        /// What happened, in both languages.
        var summary: LocalizedText {
            if attempted == 0 && waiting > 0 {
                return Catalog.Config.Delivery.nothingConfigured(waiting: waiting)
            }
            return Catalog.Config.Delivery.delivered(delivered, failed: failed)
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
            Output.standardError("helpdesk: \(report.summary(language))\n")
        }
    }

    enum Outcome: Equatable {
        case success
        case failure(String)
    }

    /// Runs `command` away from the terminal, `input` on standard input; kills its process group
    /// at `timeout` seconds.
    static func run(_ command: String, input: String, timeout: Double) -> Outcome {
        let (outcome, stderr) = ChildProcess.detached(command, input: input, timeout: timeout)
        let how: String
        switch outcome {
        case .exited(0): return .success
        case .exited(let code): how = "exit status \(code)"
        case .signalled(let number): how = "killed by signal \(number)"
        case .timedOut: return .failure("timed out after \(Int(timeout)) s")
        case .notStarted(let why): return .failure("cannot start /bin/sh: \(why)")
        }
        return .failure(stderr.isEmpty ? how : "\(how): \(stderr)")
    }
}
