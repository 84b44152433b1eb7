import Foundation
import GRDB
import HelpDeskCore

/// What an operation needs of the person doing it.
public enum Permission: Sendable, Equatable {
    /// Any active staff member but a viewer.
    case write
    /// A supervisor; the text names the act, for the refusal ("lower a fault's level").
    case supervise(String)
}

extension AppDatabase {
    // MARK: Permissions

    /// Checks, inside the write's transaction, that the session's operator may do `permission`.
    /// Returns their staff record. Refusals say who they are, what they may do, and who can help.
    @discardableResult
    static func authorize(_ db: Database, _ ctx: Context, _ permission: Permission) throws -> StaffMember {
        guard let member = try StaffMember.fetchOne(db, key: ctx.actor), member.active else {
            let inactive = try StaffMember.fetchOne(db, key: ctx.actor) != nil
            throw StoreError.notPermitted(inactive
                ? "\(ctx.actor) is no longer active staff: you can read but not write; a supervisor can add you again (helpdesk staff add)"
                : "\(ctx.actor) is not on the staff list: you can read but not write; a supervisor adds you with: helpdesk staff add \(ctx.actor) --name NAME --role onsite|expert|supervisor|viewer")
        }
        switch permission {
        case .write:
            if member.role == .viewer {
                throw StoreError.notPermitted("\(ctx.actor) is a viewer: viewers read only; a supervisor can change the role (helpdesk staff set-role)")
            }
        case .supervise(let act):
            if member.role != .supervisor {
                throw StoreError.notPermitted("only a supervisor may \(act); \(ctx.actor) is \(member.role.label)")
            }
        }
        return member
    }

    /// Whether the operator may write at all, and why not: for a console to say so at start.
    public func writeRefusal(_ ctx: Context) throws -> String? {
        try read { db in
            do {
                try Self.authorize(db, ctx, .write)
                return nil
            } catch let error as StoreError {
                return error.description
            }
        }
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
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise("edit the staff list"))
            if let existing = try StaffMember.fetchOne(db, key: username) {
                guard !existing.active else {
                    throw StoreError.invalid("\(username) is already staff (\(existing.name), \(existing.role.label)); use staff set-role to change the role")
                }
            }
            let row = StaffMember(username: username, name: name, phone: member.phone.nonBlank, role: member.role, active: true)
            try row.save(db)
            try Self.recordSetting(db, ctx, "staff \(username) added as \(member.role.rawValue)")
        }
    }

    /// Changes a member's role. Supervisors only; the last active supervisor keeps the role.
    public func setRole(_ username: String, to role: StaffRole, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise("edit the staff list"))
            guard var member = try StaffMember.fetchOne(db, key: username), member.active else {
                throw StoreError.invalid("\(username) is not active staff; see helpdesk staff list")
            }
            guard member.role != role else { throw StoreError.invalid("\(username) is already \(role.label)") }
            if member.role == .supervisor { try Self.keepOneSupervisor(db, leaving: username) }
            member.role = role
            try member.update(db)
            try Self.recordSetting(db, ctx, "staff \(username) role \(role.rawValue)")
        }
    }

    /// Deactivates a member: they keep their history but can no longer write. Supervisors only.
    public func deactivate(_ username: String, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorize(db, ctx, .supervise("edit the staff list"))
            guard var member = try StaffMember.fetchOne(db, key: username), member.active else {
                throw StoreError.invalid("\(username) is not active staff; see helpdesk staff list")
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
            throw StoreError.invalid("\(username) is the last active supervisor; make someone else supervisor first")
        }
    }

    static func validUsername(_ text: String) throws -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        let allowed = CharacterSet.alphanumerics.union(CharacterSet(charactersIn: "._-"))
        guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.isASCII && allowed.contains($0) }), name.count <= 32 else {
            throw StoreError.invalid("'\(text)' is not an operating-system user name; accepted: letters, digits, '.', '_', '-', at most 32")
        }
        return name
    }

    /// Changes that are not to work items (staff, calendar, frozen periods) go to the audit log.
    static func recordSetting(_ db: Database, _ ctx: Context, _ what: String) throws {
        try db.execute(sql: "INSERT INTO audit (at, actor, what) VALUES (?, ?, ?)", arguments: [ctx.now.dbSeconds, ctx.actor, what])
    }
}

extension StaffRole {
    /// `on-site staff (T0)`, …: how refusals name a role.
    public var label: String {
        switch self {
        case .onsite: return "on-site staff (T0)"
        case .expert: return "an HQ expert (T1/T2)"
        case .supervisor: return "a supervisor"
        case .viewer: return "a viewer"
        }
    }
}
