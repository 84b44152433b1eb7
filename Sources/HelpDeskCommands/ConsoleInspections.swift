import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// The console's inspections: the reads and the write the run loop carries out for them with the
/// store, as the command line's `inspect list`, `inspect show` and `inspect add` do.
extension ConsoleRunner {
    func performInspection(_ effect: Effect) throws {
        let db = env.database
        switch effect {
        case .loadInspections:
            dispatch(.inspectionsLoaded(try db.inspections(limit: InspectionsScreen.limit), total: try db.inspectionCount()))
        case .loadInspection(let id):
            dispatch(.inspectionLoaded(try db.inspection(id)))
        default:
            break
        }
    }

    /// Records an inspection entered by hand and says what it opened and linked.
    func writeInspection(_ request: WriteRequest, _ ctx: Context) throws {
        guard case .addInspection(let new) = request else { return }
        let outcome = try env.database.recordInspection(new, source: .manual, ctx)
        let zh = state.language == .zh
        var text = zh ? "已登记巡检 #\(outcome.id)" : "recorded inspection #\(outcome.id)"
        let ids = { (list: [Int64]) in list.map { "#\($0)" }.joined(separator: " ") }
        if !outcome.opened.isEmpty { text += zh ? "；开立 \(ids(outcome.opened))" : "; opened \(ids(outcome.opened))" }
        if !outcome.linked.isEmpty { text += zh ? "；关联 \(ids(outcome.linked))" : "; linked \(ids(outcome.linked))" }
        if !outcome.unknownTargets.isEmpty {
            text += zh ? "；\(outcome.unknownTargets.count) 项对象不在设备清单中" : "; \(outcome.unknownTargets.count) targets not in the inventory"
        }
        dispatch(.writeSucceeded(message: text, id: nil, created: false))
    }
}
