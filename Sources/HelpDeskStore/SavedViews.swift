import Foundation
import GRDB
import HelpDeskCore

/// A person's views of the lists: filters and searches saved under a name, and each list as it
/// was last left. Their own state, written by anyone on the staff list (viewers too: it is a
/// viewer's only write); someone not on it keeps none. Nothing shared changes, so none of it goes
/// to history or the audit table; each row carries when it was last written.
extension AppDatabase {
    /// Checks that the operator is an active member of staff, of any role. A clock set by hand
    /// does not matter here: a view is no record of the desk's work.
    static func authorizeOwnState(_ db: Database, _ ctx: Context) throws {
        guard let member = try StaffMember.fetchOne(db, key: ctx.actor), member.active else {
            let inactive = try StaffMember.fetchOne(db, key: ctx.actor) != nil
            throw StoreError.notPermitted(inactive ? .inactive(user: ctx.actor) : .notStaff(user: ctx.actor))
        }
    }

    /// Saves the operator's view `name` (replacing one of that name) of `pane`; the name as kept.
    @discardableResult
    public func saveView(_ typed: String, pane: ViewPane, _ settings: ViewSettings, _ ctx: Context) throws -> String {
        let name: String
        switch SavedView.checkName(typed) {
        case .success(let checked): name = checked
        case .failure(let problem): throw StoreError.invalid(problem.said)
        }
        try writer.write { db in
            try Self.authorizeOwnState(db, ctx)
            try db.execute(sql: """
                INSERT INTO saved_view (username, name, pane, settings, updated_at) VALUES (?, ?, ?, ?, ?)
                ON CONFLICT (username, name) DO UPDATE SET pane = excluded.pane, settings = excluded.settings,
                    updated_at = excluded.updated_at
                """, arguments: [ctx.actor, name, pane.rawValue, settings.json, ctx.now.dbSeconds])
        }
        return name
    }

    /// Removes the operator's view `name`; refused when they have none of that name.
    public func removeView(_ name: String, _ ctx: Context) throws {
        let name = name.trimmingCharacters(in: .whitespaces)
        try writer.write { db in
            try Self.authorizeOwnState(db, ctx)
            try db.execute(sql: "DELETE FROM saved_view WHERE username = ? AND name = ?", arguments: [ctx.actor, name])
            guard db.changesCount > 0 else { throw StoreError.invalid(Catalog.Views.notFound(name)) }
        }
    }

    /// Keeps how the operator last left `pane`.
    public func rememberView(_ pane: ViewPane, _ settings: ViewSettings, _ ctx: Context) throws {
        try writer.write { db in
            try Self.authorizeOwnState(db, ctx)
            try db.execute(sql: """
                INSERT INTO last_view (username, pane, settings, updated_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (username, pane) DO UPDATE SET settings = excluded.settings, updated_at = excluded.updated_at
                """, arguments: [ctx.actor, pane.rawValue, settings.json, ctx.now.dbSeconds])
        }
    }

    /// `username`'s saved views, by name.
    public func views(of username: String) throws -> [SavedView] {
        try writer.read { db in
            try Row.fetchAll(db, sql: "SELECT name, pane, settings, updated_at FROM saved_view WHERE username = ? ORDER BY name",
                             arguments: [username]).map { row in
                let stored = StoredRow(row, table: "saved_view", key: "name")
                return SavedView(name: try stored.text("name"), pane: try stored.code("pane"), json: try stored.text("settings"),
                                 updatedAt: try stored.instant("updated_at"))
            }
        }
    }

    /// How `username` last left each list: the settings as stored.
    public func lastViews(of username: String) throws -> [ViewPane: String] {
        try writer.read { db in
            var found: [ViewPane: String] = [:]
            for row in try Row.fetchAll(db, sql: "SELECT pane, settings FROM last_view WHERE username = ?", arguments: [username]) {
                let stored = StoredRow(row, table: "last_view", key: "pane")
                found[try stored.code("pane", as: ViewPane.self)] = try stored.text("settings")
            }
            return found
        }
    }
}
