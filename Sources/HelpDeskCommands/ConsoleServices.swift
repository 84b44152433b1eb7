import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// The console's tasks, changes, deliveries, defects and trainings: the reads the interpreter
/// carries out for them with the store, as the command line's `task`, `change`, `delivery`,
/// `defect` and `train` do. Every switch over item kinds names each kind: a new kind is decided
/// here, not passed over.
extension ConsoleInterpreter {
    /// A window of the tasks, the changes or the trainings.
    func services(_ kind: ServiceKind, _ filter: ServiceFilter, offset: Int, limit: Int, operator operatorName: String,
                  now: Date) throws -> ServicePage {
        let db = database
        switch kind {
        case .training:
            // Trainings are few: a page of them, latest held first, with their details.
            let page = try db.trainings(trainingFilter(filter, offset: offset, limit: limit))
            let facts = Dictionary(uniqueKeysWithValues: page.trainings.map { ($0.item.id!, ServiceFacts(.training($0.detail))) })
            return ServicePage(.training, filter, items: page.trainings.map(\.item), offset: offset, total: page.total, facts: facts)
        case .task:
            return try window(.task, filter, offset: offset, limit: limit, operator: operatorName, now: now) {
                try db.taskErrors($0).mapValues { ServiceFacts(.task(error: $0)) }
            }
        case .change:
            return try window(.change, filter, offset: offset, limit: limit, operator: operatorName, now: now) {
                try db.changeDetails($0).mapValues { ServiceFacts(.change($0, delivery: nil)) }
            }
        }
    }

    /// As the queue: only the window asked for is read, in the store's order and tallies, with
    /// what `facts` reads for the items in it.
    private func window(_ kind: ServiceKind, _ filter: ServiceFilter, offset: Int, limit: Int, operator operatorName: String,
                        now: Date, facts: ([Int64]) throws -> [Int64: ServiceFacts]) throws -> ServicePage {
        let f = filter.itemFilter(kind, operator: operatorName, now: now, offset: offset, limit: limit)
        let items = try database.items(f)
        return ServicePage(kind, filter, items: items, offset: offset, total: try database.count(f), facts: try facts(items.compactMap(\.id)))
    }

    /// Where a task, a change or a training stands in its list (`nil`: the filter hides it).
    func position(of id: Int64, _ kind: ServiceKind, _ filter: ServiceFilter, operator operatorName: String, now: Date) throws -> Int? {
        switch kind {
        case .training:
            return try database.trainingPosition(of: id, in: trainingFilter(filter, offset: 0, limit: nil))
        case .task, .change:
            let f = filter.itemFilter(kind, operator: operatorName, now: now, offset: 0, limit: nil)
            return try database.position(of: id, in: f)
        }
    }

    /// The store's filter for a window of the trainings screen.
    func trainingFilter(_ filter: ServiceFilter, offset: Int, limit: Int?) -> TrainingFilter {
        TrainingFilter(type: filter.trainingType, text: filter.search.isEmpty ? nil : filter.search, limit: limit, offset: offset)
    }
}
