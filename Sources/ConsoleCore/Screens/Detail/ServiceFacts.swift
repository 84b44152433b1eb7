import Foundation
import HelpDeskCore

/// What an item has beyond its work item, read with its details: where it came from and what came
/// of it, the inspections that opened it or were linked to it, and what its kind adds (`KindFacts`).
public struct ServiceFacts: Equatable, Sendable {
    /// The item it came from (a CASE ticket, a change whose release opened a task) and those made from it.
    public var links: ItemLinks
    /// The inspections whose readings opened it or were linked to it.
    public var inspections: [Int64]
    /// What its kind has beyond the work item.
    public var kind: KindFacts
    /// Its notes, replies and the requester's messages, oldest first.
    public var timeline: [TimelineEntry] = []
    /// The notices written to its requesters, oldest first: shown in the timeline.
    public var notices: [RequesterNoticeEntry] = []
    /// Its requesters are sent no notices (`case notices --off`).
    public var noticesOff = false
    /// Opened from the mail of a sender the directory did not know: region and requester to confirm.
    public var toConfirm = false

    public init(_ kind: KindFacts = .plain, links: ItemLinks = ItemLinks(), inspections: [Int64] = []) {
        self.kind = kind
        self.links = links
        self.inspections = inspections
    }

    /// A task's error mark.
    public var error: TaskError? {
        get {
            if case .task(let error) = kind { return error }
            return nil
        }
        set {
            if case .task = kind { kind = .task(error: newValue) }
        }
    }

    /// A change's type, stage, signature, test rounds and delivery.
    public var change: ChangeDetail? {
        get {
            if case .change(let detail, _) = kind { return detail }
            return nil
        }
        set {
            guard let newValue, case .change(_, let delivery) = kind else { return }
            kind = .change(newValue, delivery: delivery)
        }
    }

    /// A released change's delivery, with the changes it carried and the defects found in it.
    public var delivery: DeliveryRecord? {
        if case .change(_, let delivery) = kind { return delivery }
        return nil
    }

    /// A training's audience, place, trainer, day, steps, attendees and materials.
    public var training: TrainingDetail? {
        if case .training(let detail) = kind { return detail }
        return nil
    }
}

/// What each kind of item has beyond its work item: one case a kind that has something.
public enum KindFacts: Equatable, Sendable {
    /// A CASE ticket (general, special, requirement), a delivery or an inspection: nothing more.
    case plain
    /// A fault's escalation steps, oldest first.
    case fault(escalations: [EscalationFact])
    /// A task and its error mark, if it was found erroneous.
    case task(error: TaskError?)
    /// A change's details and, once released, its delivery.
    case change(ChangeDetail, delivery: DeliveryRecord?)
    /// A training's session, steps, attendees and materials.
    case training(TrainingDetail)
}

/// One step on a fault's escalation path, as its details show it.
public struct EscalationFact: Equatable, Sendable {
    public var step: EscalationStep
    public var takenAt: Date
    /// The operator whose session took it.
    public var takenBy: String
    /// Taken by the policy's rule rather than by hand.
    public var byRule: Bool
    public var reason: EscalationReason
    public var acknowledgedAt: Date?
    public var acknowledgedBy: String?

    public init(step: EscalationStep, takenAt: Date, takenBy: String, byRule: Bool, reason: EscalationReason,
                acknowledgedAt: Date? = nil, acknowledgedBy: String? = nil) {
        self.step = step
        self.takenAt = takenAt
        self.takenBy = takenBy
        self.byRule = byRule
        self.reason = reason
        self.acknowledgedAt = acknowledgedAt
        self.acknowledgedBy = acknowledgedBy
    }
}

/// A delivery as the console shows it: the release, the changes it carried (with their types) and
/// the defects found in it, latest first.
public struct DeliveryRecord: Equatable, Sendable {
    public var delivery: Delivery
    public var changes: [WorkItem]
    public var types: [Int64: ChangeType]
    public var defects: [Defect]

    public init(delivery: Delivery, changes: [WorkItem], types: [Int64: ChangeType] = [:], defects: [Defect] = []) {
        self.delivery = delivery
        self.changes = changes
        self.types = types
        self.defects = defects
    }

    /// A defect was found within 30 days of the delivery: it counts against K5.
    public var erroneous: Bool {
        DeliveryRules.isErroneous(deliveredAt: delivery.deliveredAt, defectsFoundAt: defects.map(\.foundAt))
    }

    /// `第 3 天` / `day 3`: how long after the delivery a defect was found.
    func day(of defect: Defect, _ lang: Language) -> String {
        let days = Int((defect.foundAt.timeIntervalSince(delivery.deliveredAt) / 86_400).rounded(.up))
        return Catalog.Screens.Delivery.day(max(1, days))(lang)
    }
}

extension DetailScreen {
    /// The commands that apply to a task, a change or a training in its details, for the footer.
    static func serviceCommands(_ item: WorkItem, _ facts: ServiceFacts?) -> [Command] {
        if item.kind == .training {
            let add: [Command] = [.addAttendee, .scoreAttendee, .addMaterial]
            return facts?.training?.nextStep == nil && facts?.training != nil ? add : [.trainingStep] + add
        }
        switch (item.kind, item.status == .closed) {
        case (.task, false): return [.complete, .take, .assign]
        case (.task, true): return facts?.error == nil ? [.markErroneous] : []
        case (.change, false): return facts?.change?.stage == .internalTest ? [.advance, .testRound] : [.advance]
        case (.change, true): return [.delivery, .addDefect]
        default: return []
        }
    }
}
