import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// The console's inspections: the reads and the write the interpreter carries out for them with
/// the store, as the command line's `inspect list`, `inspect show` and `inspect add` do.
extension ConsoleInterpreter {
    /// The latest inspections, and how many there are.
    func inspections() throws -> Action {
        .inspectionsLoaded(try database.inspections(limit: InspectionsScreen.limit), total: try database.inspectionCount())
    }

    /// Records an inspection entered by hand: what it opened and linked.
    func recordInspection(_ new: NewInspection, _ ctx: Context) throws -> WriteOutcome {
        let outcome = try database.recordInspection(new, source: .manual, ctx)
        return .inspectionRecorded(id: outcome.id, opened: outcome.opened, linked: outcome.linked,
                                   unknownTargets: outcome.unknownTargets.count)
    }
}
