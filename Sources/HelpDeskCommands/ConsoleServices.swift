import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// The console's tasks, changes, deliveries, defects and trainings: the reads and writes the run
/// loop carries out for them with the store, as the command line's `task`, `change`, `delivery`,
/// `defect` and `train` do.
extension ConsoleRunner {
    /// Reads what a list of tasks or changes, a new item's place in one, or a delivery asks for.
    func performService(_ effect: Effect) throws {
        let db = env.database
        switch effect {
        case let .loadServices(.training, filter, offset, limit):
            // Trainings are few: a page of them, latest held first, with their details.
            let page = try db.trainings(trainingFilter(filter, offset: offset, limit: limit))
            let facts = Dictionary(uniqueKeysWithValues: page.trainings.map { ($0.item.id!, ServiceFacts(training: $0.detail)) })
            dispatch(.servicesLoaded(ServicePage(.training, filter, items: page.trainings.map(\.item), offset: offset, total: page.total,
                                                 facts: facts)))
        case let .locateService(id, .training, filter):
            dispatch(.located(id: id, pane: .trainings, index: try db.trainingPosition(of: id, in: trainingFilter(filter, offset: 0, limit: nil))))
        case let .loadServices(kind, filter, offset, limit):
            // As the queue: only the window asked for is read, in the store's order and tallies.
            let f = filter.itemFilter(kind, operator: state.operatorName, now: state.now, offset: offset, limit: limit)
            let items = try db.items(f)
            let ids = items.compactMap(\.id)
            var facts: [Int64: ServiceFacts] = [:]
            if kind == .task { facts = try db.taskErrors(ids).mapValues { ServiceFacts(error: $0) } }
            if kind == .change { facts = try db.changeDetails(ids).mapValues { ServiceFacts(change: $0) } }
            dispatch(.servicesLoaded(ServicePage(kind, filter, items: items, offset: offset, total: try db.count(f), facts: facts)))
        case let .locateService(id, kind, filter):
            let f = filter.itemFilter(kind, operator: state.operatorName, now: state.now, offset: 0, limit: nil)
            dispatch(.located(id: id, pane: .service(kind), index: try db.position(of: id, in: f)))
        case .loadDelivery(let id):
            dispatch(.deliveryLoaded(try deliveryRecord(id)))
        default:
            break
        }
    }

    /// The store's filter for a window of the trainings screen.
    func trainingFilter(_ filter: ServiceFilter, offset: Int, limit: Int?) -> TrainingFilter {
        TrainingFilter(type: filter.trainingType, text: filter.search.isEmpty ? nil : filter.search, limit: limit, offset: offset)
    }

    /// What a task, a change or a training has beyond its work item, for its details; for any
    /// other item, what was made from it (a task or change from a ticket).
    func loadFacts(of item: WorkItem) throws {
        guard let id = item.id else { return }
        let db = env.database
        if item.kind == .training {
            dispatch(.factsLoaded(id: id, ServiceFacts(training: try db.trainingDetail(id))))
            return
        }
        // A ticket shows the tasks and changes made from it too.
        let links = try db.links(of: id)
        guard item.kind == .task || item.kind == .change || links != ItemLinks() else { return }
        var facts = ServiceFacts(links: links)
        if item.kind == .task { facts.error = try db.taskError(id) }
        if item.kind == .change {
            let change = try db.changeDetail(id)
            facts.change = change
            facts.delivery = try change.deliveryId.map(deliveryRecord)
        }
        dispatch(.factsLoaded(id: id, facts))
    }

    func deliveryRecord(_ id: Int64) throws -> DeliveryRecord {
        let (delivery, changes, defects) = try env.database.delivery(id)
        let types = try env.database.changeDetails(changes.compactMap(\.id)).mapValues(\.type)
        return DeliveryRecord(delivery: delivery, changes: changes, types: types, defects: defects)
    }

    /// Carries out a write of a task, a change or a defect and says what it did; the store refuses
    /// an edit made from a stale copy (`expectedVersion`) and what the rules do not allow.
    func writeService(_ request: WriteRequest, _ ctx: Context) throws {
        let db = env.database
        let zh = state.language == .zh
        let saved = { (id: Int64) in zh ? "已保存 #\(id)" : "saved #\(id)" }
        switch request {
        case let .addTask(new, at):
            let id = try db.addTask(new, at: at, ctx).id ?? 0
            dispatch(.writeSucceeded(message: saved(id), id: id, created: true))
        case let .addChange(new, at):
            let id = try db.addChange(new, at: at, ctx).id ?? 0
            dispatch(.writeSucceeded(message: saved(id), id: id, created: true))
        case let .completeTask(id, cause, solution, version):
            try db.completeTask(id, cause: cause, solution: solution, at: ctx.now, expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: zh ? "已完成 #\(id)" : "completed #\(id)", id: id, created: false))
        case let .markErroneous(id, note, version):
            try db.markTaskErroneous(id, note: note, at: ctx.now, expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) 已标记为有误" : "#\(id) marked erroneous", id: id, created: false))
        case let .advance(id, to, signedBy, release, version):
            let outcome = try db.advanceChange(id, signedBy: signedBy, release: release, to: to, at: ctx.now,
                                               expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: advanceText(id, outcome), id: id, created: false))
        case let .testRound(id, result, note, version):
            let round = try db.recordTestRound(id, result: result, note: note, at: ctx.now, expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) 第 \(round.number) 轮内测：\(round.result.label(.zh))"
                                                 : "#\(id) internal test round \(round.number): \(round.result.label(.en))",
                                     id: id, created: false))
        case let .addTraining(new, at):
            let id = try db.addTraining(new, at: at, ctx).id ?? 0
            dispatch(.writeSucceeded(message: saved(id), id: id, created: true))
        case let .trainingStep(id, step, at, version):
            try db.markTrainingStep(id, step, at: at, expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) \(step.label(.zh)) 已完成" : "#\(id) \(step.label(.en)) done", id: id, created: false))
        case let .addAttendee(id, name, office, region, score, _):
            // No stale-edit check: an attendee (and a material) is a record of its own (the store's rule).
            let attendee = try db.addAttendee(id, name: name, office: office, region: region, score: score, at: ctx.now, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) 已登记学员 \(attendee.name)" : "#\(id) attendee \(attendee.name) recorded",
                                     id: id, created: false))
        case let .setScore(id, name, score, version):
            try db.setScore(id, name: name, score: score, at: ctx.now, expectedVersion: version, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) \(name) 成绩 \(score)" : "#\(id) \(name) scored \(score)", id: id, created: false))
        case let .addMaterial(id, location, _):
            try db.addMaterial(id, location: location, at: ctx.now, ctx)
            dispatch(.writeSucceeded(message: zh ? "#\(id) 已登记资料" : "#\(id) material recorded", id: id, created: false))
        case let .addDefect(delivery, title, description, at):
            let defect = try db.addDefect(delivery: delivery, title: title, description: description, at: at, ctx)
            dispatch(.writeSucceeded(message: zh ? "已登记缺陷 #\(defect)（交付 #\(delivery)）" : "recorded defect #\(defect) of delivery #\(delivery)",
                                     id: nil, created: false))
        default:
            break
        }
    }

    /// `#12 → 开发`; a release names its delivery and the reprocessing task a late policy opened.
    func advanceText(_ id: Int64, _ outcome: ChangeAdvance) -> String {
        let lang = state.language
        let zh = lang == .zh
        var text = zh ? "#\(id) 已推进至\(outcome.stage.label(lang))" : "#\(id) moved to \(outcome.stage.label(lang))"
        if let delivery = outcome.deliveryId { text += zh ? "，交付 #\(delivery)" : ", delivery #\(delivery)" }
        if let task = outcome.reprocessingTask {
            text += zh ? "；已开立数据处理任务 #\(task)：重新处理政策生效以来的业务" : "; opened task #\(task) to reprocess the business since the policy took effect"
        }
        return text
    }
}
