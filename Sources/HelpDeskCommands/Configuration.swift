import HelpDeskCore

/// The configuration in effect, from three places that each hold only what is theirs to decide
/// (README, "Configuration"):
///
/// - the desk's rules (escalation, inspection thresholds, client contacts) kept in the database
///   and changed by supervisors through `config set`, audited;
/// - the system file, `/etc/helpdesk/config.toml`, that only root may write: what is executed or
///   grants rights (the notify command and its timings, the timer users) lives only here, and a
///   desk rule set here wins over the database's;
/// - the personal file, `$XDG_CONFIG_HOME/helpdesk/config.toml` (or `$HELPDESK_CONFIG`): a person's
///   preferences (theme, bell, language) and nothing else.
///
/// Which files are read and whether they can be trusted is in ConfigurationFiles.swift, how a text
/// is checked and read in ConfigurationCheck.swift, and where its keys stand (the lines errors name)
/// in TOMLPositions.swift.
struct Configuration: Equatable, Sendable {
    /// `theme = "light"`: a theme name or a path; the --theme flag and HELPDESK_THEME win over it.
    var theme: String?
    /// `bell = false`: ring the terminal bell when a notification for the operator arrives.
    var bell = true
    /// `language = "zh"`: the language of messages and the console; `--lang` wins over it, and it
    /// wins over the locale.
    var language: Language?
    /// `notify_command = "/usr/local/bin/sms-gateway --json"`: run with /bin/sh -c, one notification
    /// as JSON on stdin.
    var notifyCommand: String?
    /// `mail_domain = "desk.example.cn"`: the domain of the `Message-ID`s notices to requesters
    /// carry (the host's name when not set).
    var mailDomain: String?
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
    /// `[attachment] max_mb`: the largest file attached, in MiB.
    var attachmentMaxMB = AttachmentRules.defaultLimitMB
    /// `[waiting] allowed`: whether a ticket may wait on the requester with its clock paused.
    var pausingAllowed = true
    /// `[mail]` (`region`, `max_mb`, `reopen_days`, `refuse`) and the system file's `mail_users`:
    /// how `mail-in` takes a message in, and who may run it.
    var mail = MailRules()
    /// `[replication] config`: the Litestream configuration `doctor` reads (an absolute path);
    /// when not set, `HELPDESK_LITESTREAM_CONFIG`, else /etc/litestream.yml.
    var replicationConfig: String?
    /// The files read, in order.
    var files: [String] = []
    /// Where each key that is not a default came from: `"inspection.tablespace"` → the file, or
    /// `"database"` for a desk rule kept there. Escalation levels as `"escalation.level2"`.
    var origins: [String: String] = [:]

    struct Contact: Equatable, Sendable {
        var name: String
        var phone: String?
    }

    /// The keys a file may hold at the top level, each with what it decides: the one table both
    /// the reader and the tiers go by.
    static let topLevelKeyClasses: KeyValuePairs<String, KeyClass> = [
        "theme": .preference, "bell": .preference, "language": .preference,
        "notify_command": .system, "notify_timeout": .system, "retry_first": .system, "retry_max": .system, "timer_users": .system,
        "client": .desk, "escalation": .desk, "inspection": .desk, "attachment": .desk,
        "waiting": .desk,
        "mail_domain": .system,
        "mail": .desk, "mail_users": .system,
        "replication": .desk,
    ]
    /// The keys a file may hold at the top level, in the order messages list them.
    static let topLevelKeys = topLevelKeyClasses.map(\.key)
    /// The keys of the `[inspection]` table.
    static let inspectionKeys = InspectionThresholds.keys
    /// The longest `notify_timeout`, and the longest wait `retry_first` / `retry_max` may name.
    static let maxNotifyTimeout: Double = 600
    /// The most client-office contacts: each is told at every client-office step.
    static let maxContacts = 100
    static let maxRetryWait: Double = 86_400

    /// What a key decides, and so where it may be set.
    enum KeyClass: Sendable {
        /// A person's own preference: any file.
        case preference
        /// Something executed, or a right granted: the system file only.
        case system
        /// A rule that binds the whole desk: the database (supervisors, `config set`) or the
        /// system file.
        case desk
    }

    static func keyClass(_ key: String) -> KeyClass? {
        topLevelKeyClasses.first { $0.key == key }?.value
    }

    /// Where a text being read comes from: which keys it may hold.
    enum Tier: Sendable, Equatable {
        /// `/etc/helpdesk/config.toml` (or the file `HELPDESK_SYSTEM_CONFIG` names): every key.
        case system
        /// The person's own file: preferences only.
        case personal
        /// A desk rule as the database keeps it: escalation, inspection, client.
        case desk

        func accepts(_ keyClass: KeyClass) -> Bool {
            switch (self, keyClass) {
            case (.system, _): return true
            case (.personal, .preference): return true
            case (.personal, _): return false
            case (.desk, .desk): return true
            case (.desk, _): return false
            }
        }
    }
}
