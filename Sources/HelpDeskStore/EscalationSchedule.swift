import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// When the rules next call for an escalation step on any open fault; `nil` when none will.
    ///
    /// A console reads this once, and again only when the database changes, so that its tick does
    /// nothing but compare two times until a step is really due.
    public func nextEscalationDue(policy: EscalationPolicy) throws -> Date? {
        try read { db in
            let faults = try WorkItem.fetchAll(db, sql: """
                SELECT * FROM item INDEXED BY item_active_kind_due WHERE kind = 'fault' AND status <> 'closed'
                """)
            guard !faults.isEmpty else { return nil }
            let taken = try Self.takenSteps(db, faults.compactMap(\.id))
            return faults.compactMap { fault in
                Self.subject(fault, taken: taken[fault.id!] ?? []).flatMap { EscalationEngine.next($0, policy: policy)?.dueAt }
            }.min()
        }
    }
}
