import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// When the rules next call for an escalation step on any open fault; `nil` when none will.
    ///
    /// A console reads this once, and again only when the database changes, so that its tick does
    /// nothing but compare two times until a step is really due.
    public func nextEscalationDue(policy: EscalationPolicy) throws -> Date? {
        try writer.read { db in
            try Self.openFaultSubjects(db).compactMap { EscalationEngine.next($0.1, policy: policy)?.dueAt }.min()
        }
    }
}
