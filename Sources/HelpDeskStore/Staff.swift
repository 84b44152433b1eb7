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
    case eraseAttachment
    case manageTemplates

    public func text(_ lang: Language) -> String { said(lang) }

    /// The act in both languages, said after `only a supervisor may …`.
    public var said: LocalizedText {
        switch self {
        case .lowerLevel: return Catalog.Staff.lowerLevel
        case .reopen: return Catalog.Staff.reopen
        case .editCalendar: return Catalog.Staff.editCalendar
        case .editStaff: return Catalog.Staff.editStaff
        case .freezeKPI: return Catalog.Staff.freezeKPI
        case .fillDemo: return Catalog.Staff.fillDemo
        case .restore: return Catalog.Staff.restore
        case .repair: return Catalog.Staff.repair
        case .editInventory: return Catalog.Staff.editInventory
        case .editRules: return Catalog.Staff.editRules
        case .eraseAttachment: return Catalog.Attachments.eraseAct
        case .manageTemplates: return Catalog.Templates.manageAct
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
    /// Taking mail in needs active staff who may write, or a user named in `mail_users`.
    case notMailUser(user: String)

    public func text(_ lang: Language) -> String { said(lang) }

    /// The refusal in both languages.
    public var said: LocalizedText {
        switch self {
        case .notStaff(let user): return Catalog.Staff.notStaff(user)
        case .inactive(let user): return Catalog.Staff.inactive(user)
        case .viewer(let user): return Catalog.Staff.viewer(user)
        case let .supervisorsOnly(act, user, role): return Catalog.Staff.supervisorsOnly(act.said, user: user, role: role)
        case let .otherTier(step, id, user, role): return Catalog.Staff.otherTier(step, id: id, user: user, role: role)
        case let .simulatedClock(user, role): return Catalog.Staff.simulatedClock(user, role: role)
        case .notTimer(let user): return Catalog.Staff.notTimer(user)
        case .readOnlyFile(let user): return Catalog.Staff.readOnlyFile(user)
        case .notMailUser(let user): return Catalog.MailIn.notMailUser(user)
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
                    throw StoreError.invalid(Catalog.Staff.alreadyStaff(username, name: existing.name, role: existing.role))
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
                throw StoreError.invalid(Catalog.Staff.notActive(username))
            }
            guard member.role != role else { throw StoreError.invalid(Catalog.Staff.alreadyInRole(username, role)) }
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
                throw StoreError.invalid(Catalog.Staff.notActive(username))
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
            throw StoreError.invalid(Catalog.Staff.lastSupervisor(username))
        }
    }

    static func validUsername(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }), name.count <= 32 else {
            throw StoreError.invalid(Catalog.Staff.notAUserName(text))
        }
        return name
    }

    /// Changes that are not to work items (staff, calendar, frozen periods) go to the audit log.
    static func recordSetting(_ db: Database, _ ctx: Context, _ what: String) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor, what) VALUES (?, ?, ?)", arguments: [ctx.now.dbSeconds, ctx.actor, what])
    }
}
