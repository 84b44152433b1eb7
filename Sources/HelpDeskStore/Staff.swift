import Foundation
import GRDB
import HelpDeskCore

/// What an operation needs of the person doing it.
public enum Permission: Sendable, Equatable {
    /// Any active staff member but a viewer.
    case write
    /// A supervisor.
    case supervise(SupervisedAct)
}

/// What only a supervisor does.
public enum SupervisedAct: Sendable, Equatable {
    case lowerLevel, reopen, editCalendar, editStaff, freezeKPI, fillDemo, restore, repair, editInventory, editRules

    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case (.lowerLevel, .en): return "lower a fault's level"
        case (.lowerLevel, .zh): return "降低故障级别"
        case (.reopen, .en): return "reopen a closed item"
        case (.reopen, .zh): return "重新打开已关闭的工单"
        case (.editCalendar, .en): return "edit the calendar"
        case (.editCalendar, .zh): return "修改工作日历"
        case (.editStaff, .en): return "edit the staff list"
        case (.editStaff, .zh): return "修改人员名单"
        case (.freezeKPI, .en): return "freeze a KPI period"
        case (.freezeKPI, .zh): return "冻结考核期"
        case (.fillDemo, .en): return "fill a database that has staff with demo data"
        case (.fillDemo, .zh): return "向已有人员名单的数据库填充演示数据"
        case (.restore, .en): return "restore the database from a backup"
        case (.restore, .zh): return "从备份恢复数据库"
        case (.repair, .en): return "rebuild the summary tables"
        case (.repair, .zh): return "重建汇总表"
        case (.editInventory, .en): return "edit the inventory"
        case (.editInventory, .zh): return "修改设备清单"
        case (.editRules, .en): return "change the desk's rules (escalation, inspection thresholds, client contacts)"
        case (.editRules, .zh): return "修改服务台规则（升级、巡检阈值、通报联系人）"
        }
    }
}

/// Why the operator may not do something: who they are, what they may do, and who can help; in
/// either language, for the command line and the console alike.
public enum Refusal: Sendable, Equatable {
    case notStaff(user: String)
    case inactive(user: String)
    case viewer(user: String)
    case supervisorsOnly(SupervisedAct, user: String, role: StaffRole)
    /// A tier step is acknowledged by the tier's people only.
    case otherTier(step: EscalationStep, id: Int64, user: String, role: StaffRole)
    /// A write with a clock set by `--now` / `HELPDESK_NOW` by someone who is not a supervisor
    /// (`role` is `nil` for a timer user who is not on the staff list).
    case simulatedClock(user: String, role: StaffRole?)
    /// Taking due escalation steps needs active staff, or a user named in `timer_users`.
    case notTimer(user: String)
    /// The database file is read-only for this user: nothing can be written through it.
    case readOnlyFile(user: String)

    public func text(_ lang: Language) -> String {
        switch (self, lang) {
        case let (.notStaff(user), .en):
            return "\(user) is not on the staff list: you can read but not write; a supervisor adds you with: helpdesk staff add \(user) --name NAME --role onsite|expert|supervisor|viewer"
        case let (.notStaff(user), .zh):
            return "\(user) 不在人员名单中：只能查看，不能修改；请主管添加（helpdesk staff add \(user) --name 姓名 --role onsite|expert|supervisor|viewer）"
        case let (.inactive(user), .en):
            return "\(user) is no longer active staff: you can read but not write; a supervisor can add you again (helpdesk staff add)"
        case let (.inactive(user), .zh):
            return "\(user) 已停用：只能查看，不能修改；主管可重新添加（helpdesk staff add）"
        case let (.viewer(user), .en):
            return "\(user) is a viewer: viewers read only; a supervisor can change the role (helpdesk staff set-role)"
        case let (.viewer(user), .zh):
            return "\(user) 是查看人员，只能查看；主管可更改角色（helpdesk staff set-role）"
        case let (.supervisorsOnly(act, user, role), .en):
            return "only a supervisor may \(act.text(.en)); \(user) is \(role.label)"
        case let (.supervisorsOnly(act, user, role), .zh):
            return "只有主管可以\(act.text(.zh))；\(user) 是\(role.chineseName)"
        case let (.otherTier(step, id, user, role), .en):
            return "\(step.rawValue) of #\(id) is acknowledged by \(step.role!.label); \(user) is \(role.label)"
        case let (.otherTier(step, id, user, role), .zh):
            return "#\(id) 的 \(step.rawValue) 升级须由\(step.role!.chineseName)确认；\(user) 是\(role.chineseName)"
        case let (.simulatedClock(user, role), .en):
            return "a clock set with --now or HELPDESK_NOW is for supervisors (tests and demos); \(user) is \(role?.label ?? "not on the staff list"): run without --now and HELPDESK_NOW; nothing was changed"
        case let (.simulatedClock(user, role), .zh):
            return "用 --now 或 HELPDESK_NOW 设定的时钟仅供主管使用（测试与演示）；\(user) \(role.map { "是\($0.chineseName)" } ?? "不在人员名单中")：请去掉 --now 和 HELPDESK_NOW 后重试；未作任何改动"
        case let (.notTimer(user), .en):
            return "\(user) is not active staff and not named in timer_users of the system configuration: only they take due escalation steps; for a timer job root adds timer_users = [\"\(user)\"] to /etc/helpdesk/config.toml (helpdesk config show)"
        case let (.notTimer(user), .zh):
            return "\(user) 不是在职人员，也未列入系统配置的 timer_users：只有他们可以执行到期的升级步骤；定时任务请由 root 在 /etc/helpdesk/config.toml 中加入 timer_users = [\"\(user)\"]（helpdesk config show）"
        case let (.readOnlyFile(user), .en):
            return "the database file is read-only for \(user): you may read, nothing can be saved; to write, join the file's group and make it group-writable (chmod 660)"
        case let (.readOnlyFile(user), .zh):
            return "数据库文件对 \(user) 只读：可以查看，无法保存；如需写入，请加入文件属组并设为组可写（chmod 660）"
        }
    }
}

extension AppDatabase {
    // MARK: Permissions

    /// Checks, inside the write's transaction, that the session's operator may do `permission`.
    /// Returns their staff record. Refusals say who they are, what they may do, and who can help.
    @discardableResult
    static func authorize(_ db: Database, _ ctx: Context, _ permission: Permission) throws -> StaffMember {
        guard let member = try StaffMember.fetchOne(db, key: ctx.actor), member.active else {
            let inactive = try StaffMember.fetchOne(db, key: ctx.actor) != nil
            throw StoreError.notPermitted(inactive ? .inactive(user: ctx.actor) : .notStaff(user: ctx.actor))
        }
        switch permission {
        case .write:
            if member.role == .viewer {
                throw StoreError.notPermitted(.viewer(user: ctx.actor))
            }
        case .supervise(let act):
            if member.role != .supervisor {
                throw StoreError.notPermitted(.supervisorsOnly(act, user: ctx.actor, role: member.role))
            }
        }
        try checkClock(ctx, role: member.role)
        return member
    }

    /// A simulated clock (`--now`) writes for supervisors only.
    static func checkClock(_ ctx: Context, role: StaffRole?) throws {
        if ctx.clockIsSimulated && role != .supervisor {
            throw StoreError.notPermitted(.simulatedClock(user: ctx.actor, role: role))
        }
    }

    /// Checks that the operator may take due escalation steps and deliver notifications: any
    /// active staff member who may write (the rules decide the steps, not the operator), or a user
    /// the system configuration names for the timer job. A viewer writes nothing, the timer's
    /// record included.
    static func authorizeTimer(_ db: Database, _ ctx: Context) throws {
        if let member = try StaffMember.fetchOne(db, key: ctx.actor), member.active, member.role != .viewer {
            try checkClock(ctx, role: member.role)
        } else if ctx.escalation.timerUsers.contains(ctx.actor) {
            try checkClock(ctx, role: nil)
        } else if let member = try StaffMember.fetchOne(db, key: ctx.actor), member.active, member.role == .viewer {
            throw StoreError.notPermitted(.viewer(user: ctx.actor))
        } else {
            throw StoreError.notPermitted(.notTimer(user: ctx.actor))
        }
    }

    /// Whether the operator may write at all, and why not: for a console to say so at start.
    public func writeRefusal(_ ctx: Context) throws -> Refusal? {
        if isReadOnly { return .readOnlyFile(user: ctx.actor) }
        return try read { db in
            do {
                try Self.authorize(db, ctx, .write)
                return nil
            } catch StoreError.notPermitted(let refusal) {
                return refusal
            }
        }
    }

    /// Why the operator, as the staff list has them, may not do `permission`, or `nil` when they
    /// may: for a command that checks the person before it starts work whose writes come later
    /// (`doctor --repair`, which reads the file through a read-only handle first). The file's own
    /// mode is not judged here: the write itself still is.
    public func refusal(for permission: Permission, _ ctx: Context) throws -> Refusal? {
        try read { db in
            do {
                try Self.authorize(db, ctx, permission)
                return nil
            } catch StoreError.notPermitted(let refusal) {
                return refusal
            }
        }
    }

    /// Checks that the operator may take due escalation steps and deliver notifications (active
    /// staff who write, or a timer user), before any work: `notify deliver` with no command to run
    /// writes nothing, and is still refused to anyone else.
    public func checkTimerRights(_ ctx: Context) throws {
        try read { db in try Self.authorizeTimer(db, ctx) }
    }

    /// The operator's staff record, `nil` when they are not (active) staff.
    public func member(_ username: String) throws -> StaffMember? {
        try read { db in try StaffMember.fetchOne(db, key: username) }
    }

    // MARK: Staff

    /// Adds a member of staff, or brings back a deactivated one. Supervisors only.
    public func addStaff(_ member: StaffMember, _ ctx: Context) throws {
        let username = try Self.validUsername(member.username)
        let name = try required(member.name, "name")
        let phone = try validPhone(member.phone)
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editStaff))
            if let existing = try StaffMember.fetchOne(db, key: username) {
                guard !existing.active else {
                    throw StoreError.invalid(en: "\(username) is already staff (\(existing.name), \(existing.role.label)); use staff set-role to change the role",
                                             zh: "\(username) 已在人员名单中（\(existing.name)，\(existing.role.chineseName)）；更改角色请用 staff set-role")
                }
            }
            let row = StaffMember(username: username, name: name, phone: phone, role: member.role, active: true)
            try row.save(db)
            try Self.recordSetting(db, ctx, "staff \(username) added as \(member.role.rawValue)")
        }
    }

    /// Changes a member's role. Supervisors only; the last active supervisor keeps the role.
    public func setRole(_ username: String, to role: StaffRole, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editStaff))
            guard var member = try StaffMember.fetchOne(db, key: username), member.active else {
                throw StoreError.invalid(en: "\(username) is not active staff; see helpdesk staff list", zh: "\(username) 不是在职人员；请查看 helpdesk staff list")
            }
            guard member.role != role else { throw StoreError.invalid(en: "\(username) is already \(role.label)", zh: "\(username) 已是\(role.chineseName)") }
            if member.role == .supervisor { try Self.keepOneSupervisor(db, leaving: username) }
            member.role = role
            try member.update(db)
            try Self.recordSetting(db, ctx, "staff \(username) role \(role.rawValue)")
        }
    }

    /// Deactivates a member: they keep their history but can no longer write. Supervisors only.
    public func deactivate(_ username: String, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise(.editStaff))
            guard var member = try StaffMember.fetchOne(db, key: username), member.active else {
                throw StoreError.invalid(en: "\(username) is not active staff; see helpdesk staff list", zh: "\(username) 不是在职人员；请查看 helpdesk staff list")
            }
            if member.role == .supervisor { try Self.keepOneSupervisor(db, leaving: username) }
            member.active = false
            try member.update(db)
            try Self.recordSetting(db, ctx, "staff \(username) deactivated")
        }
    }

    /// Everyone on the staff list, active first, by role then name.
    public func allStaff() throws -> [StaffMember] {
        try read { db in
            try StaffMember.fetchAll(db, sql: """
                SELECT * FROM staff ORDER BY active DESC,
                  CASE role WHEN 'supervisor' THEN 0 WHEN 'onsite' THEN 1 WHEN 'expert' THEN 2 ELSE 3 END, username
                """)
        }
    }

    static func keepOneSupervisor(_ db: Database, leaving username: String) throws {
        let others = try Int.fetchOne(db, sql: "SELECT count(*) FROM staff WHERE role = 'supervisor' AND active AND username <> ?",
                                      arguments: [username]) ?? 0
        if others == 0 {
            throw StoreError.invalid(en: "\(username) is the last active supervisor; make someone else supervisor first",
                                     zh: "\(username) 是最后一位在职主管；请先任命其他主管")
        }
    }

    static func validUsername(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }), name.count <= 32 else {
            throw StoreError.invalid(en: "'\(text)' is not an operating-system user name; accepted: letters, digits, '.', '_', '-', at most 32",
                                     zh: "'\(text)' 不是操作系统用户名；可用字母、数字、'.'、'_'、'-'，最多 32 个")
        }
        return name
    }

    /// Changes that are not to work items (staff, calendar, frozen periods) go to the audit log.
    static func recordSetting(_ db: Database, _ ctx: Context, _ what: String) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor, what) VALUES (?, ?, ?)", arguments: [ctx.now.dbSeconds, ctx.actor, what])
    }
}
