import ConsoleCore
import HelpDeskCore
import HelpDeskStore

/// What an item has beyond its work item, read once for the command line's `show` and the
/// console's details alike.
extension AppDatabase {
    func facts(of item: WorkItem) throws -> ServiceFacts {
        let id = item.id ?? 0
        let kind: KindFacts
        switch item.kind {
        case .general, .special, .requirement, .delivery, .inspection:
            kind = .plain
        case .fault:
            kind = .fault(escalations: try escalations(of: id).map {
                EscalationFact(step: $0.step, takenAt: $0.takenAt, takenBy: $0.takenBy, byRule: $0.byRule, reason: $0.reason,
                               acknowledgedAt: $0.acknowledgedAt, acknowledgedBy: $0.acknowledgedBy)
            })
        case .task:
            kind = .task(error: try taskError(id))
        case .change:
            let detail = try changeDetail(id)
            kind = .change(detail, delivery: try detail.deliveryId.map(deliveryRecord))
        case .training:
            kind = .training(try trainingDetail(id))
        }
        var facts = ServiceFacts(kind, links: try links(of: id), inspections: try inspections(of: id))
        facts.timeline = try timeline(of: id)
        facts.notices = try requesterNotices(of: id)
        facts.noticesOff = try requesterNoticesOff(id)
        facts.toConfirm = try isToConfirm(id)
        return facts
    }

    /// A delivery as the console shows it: the release, the changes it carried with their types, its defects.
    func deliveryRecord(_ id: Int64) throws -> DeliveryRecord {
        let (delivery, changes, defects) = try self.delivery(id)
        let types = try changeDetails(changes.compactMap(\.id)).mapValues(\.type)
        return DeliveryRecord(delivery: delivery, changes: changes, types: types, defects: defects)
    }
}
