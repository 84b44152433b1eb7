import HelpDeskCore

/// The configuration in effect: what the files say, over the defaults.
///
/// The files (README, "Configuration") are TOML: `/etc/helpdesk/config.toml` for a shared
/// installation, then `$XDG_CONFIG_HOME/helpdesk/config.toml` (or `$HELPDESK_CONFIG`) for the user,
/// whose keys override the system's one by one. Which files are read is in ConfigurationFiles.swift,
/// how a file's text is checked and read in ConfigurationCheck.swift, and where its keys stand (the
/// lines errors name) in TOMLPositions.swift.
struct Configuration: Equatable, Sendable {
    /// `theme = "light"`: a theme name or a path; the --theme flag and HELPDESK_THEME win over it.
    var theme: String?
    /// `bell = false`: ring the terminal bell when a notification for the operator arrives.
    var bell = true
    /// `notify_command = "/usr/local/bin/sms-gateway --json"`: run with /bin/sh -c, one notification
    /// as JSON on stdin.
    var notifyCommand: String?
    /// `notify_timeout = 10`: seconds before a hanging command is killed and the attempt counted as
    /// failed (> 0, ≤ 600).
    var notifyTimeout: Double = 10
    /// `retry_first = 30`: seconds before the first retry; each later retry waits twice as long.
    var retryFirst: Double = 30
    /// `retry_max = 3600`: the longest wait between retries (≥ retry_first).
    var retryMax: Double = 3600
    /// `[[client]] name = "…", phone = "…"`: who is told when the client office is notified.
    var client: [Contact] = []
    /// `timer_users = ["helpdesk"]`: operating-system users who may run `escalate` and `notify
    /// deliver` without being on the staff list (the user of a cron job or systemd timer).
    var timerUsers: [String] = []
    /// `[escalation.levelN]` tables; a level left out keeps the contract's default path.
    var escalation: EscalationPolicy = .standard
    /// `[inspection]`: above which an inspection's reading opens a fault or a task; a key left out
    /// keeps the contract's default.
    var inspection: InspectionThresholds = .standard
    /// The files read, in order.
    var files: [String] = []

    struct Contact: Equatable, Sendable {
        var name: String
        var phone: String?
    }

    /// The keys a file may hold at the top level.
    static let topLevelKeys = ["theme", "bell", "notify_command", "notify_timeout", "retry_first", "retry_max",
                               "timer_users", "client", "escalation", "inspection"]
    /// The keys of the `[inspection]` table.
    static let inspectionKeys = ["tablespace", "service_down", "locks_long", "cpu", "disk", "archive_log_done"]
    /// The longest `notify_timeout`, and the longest wait `retry_first` / `retry_max` may name.
    static let maxNotifyTimeout: Double = 600
    static let maxRetryWait: Double = 86_400
}
