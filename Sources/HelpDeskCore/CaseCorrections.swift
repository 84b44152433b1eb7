import Foundation

/// What a correction of a CASE ticket changes: each part given is the value it should have had;
/// `nil` leaves the part as it is. An empty requester name, office or phone clears it.
public struct CaseCorrection: Equatable, Sendable {
    public var kind: CaseKind?
    public var channel: Channel?
    public var region: Region?
    public var title: String?
    public var requesterName: String?
    public var requesterOffice: String?
    public var requesterPhone: String?
    public var description: String?
    /// When the ticket really came in.
    public var receivedAt: Date?

    public init(kind: CaseKind? = nil, channel: Channel? = nil, region: Region? = nil, title: String? = nil,
                requesterName: String? = nil, requesterOffice: String? = nil, requesterPhone: String? = nil,
                description: String? = nil, receivedAt: Date? = nil) {
        self.kind = kind
        self.channel = channel
        self.region = region
        self.title = title
        self.requesterName = requesterName
        self.requesterOffice = requesterOffice
        self.requesterPhone = requesterPhone
        self.description = description
        self.receivedAt = receivedAt
    }
}

/// Why a correction is a supervisor's: it moves a deadline that has passed, or touches a period
/// whose figures are frozen.
public enum CorrectionGuard: Equatable, Sendable {
    /// The ticket's deadline had passed when the correction was made.
    case deadlinePassed(due: Date)
    /// The old or new received time (or deadline) lies in a frozen month or week.
    case frozenPeriod(Period)
}

/// The rules of correcting a CASE ticket: what the corrected ticket is, its deadline computed again
/// by the rule that set it, and when the correction needs a supervisor.
public enum Corrections {
    /// The ticket as corrected, and its new deadline with the reasons when the kind or the received
    /// time changed and the new kind has a deadline from the calendar (`nil` otherwise).
    ///
    /// - general: the cut-off rule from the received time;
    /// - special: one working day from the confirmation; a confirmation made at the receipt moves
    ///   with it, one made later stays (unless it would now precede the receipt);
    /// - requirement: an agreed due date stays; a ticket that becomes a requirement has no
    ///   deadline until assessed. A requirement that becomes another kind loses its agreement.
    public static func apply(_ c: CaseCorrection, to item: WorkItem, rules: DeadlineRules) -> (item: WorkItem, deadline: Deadline?) {
        var after = item
        if let v = c.channel { after.channel = v }
        if let v = c.region { after.region = v }
        if let v = c.title { after.title = v }
        if let v = c.description { after.description = v }
        if let v = c.requesterName { after.requesterName = v.isEmpty ? nil : v }
        if let v = c.requesterOffice { after.requesterOffice = v.isEmpty ? nil : v }
        if let v = c.requesterPhone { after.requesterPhone = v.isEmpty ? nil : v }
        let oldKind = item.kind.caseKind
        let newKind = c.kind ?? oldKind
        if let v = c.receivedAt { after.receivedAt = v }
        after.kind = newKind?.itemKind ?? item.kind
        guard let newKind, after.kind != item.kind || after.receivedAt != item.receivedAt else { return (after, nil) }

        if oldKind == .requirement && newKind != .requirement {
            after.agreedAt = nil
            after.agreedWith = nil
            after.sizeEstimate = nil
            if after.status == .assessed { after.status = after.firstResponseAt != nil ? .responded : .open }
        }
        switch newKind {
        case .general:
            after.confirmedAt = nil
            let d = rules.general(receivedAt: after.receivedAt)
            after.dueAt = d.due
            after.calendarVersion = d.calendarVersion
            return (after, d)
        case .special:
            let keptConfirmation = oldKind == .special ? item.confirmedAt.flatMap { $0 != item.receivedAt && $0 >= after.receivedAt ? $0 : nil } : nil
            let confirmed = keptConfirmation ?? after.receivedAt
            after.confirmedAt = confirmed
            if after.status == .open, after.firstResponseAt != nil { after.status = .responded }
            let d = rules.special(confirmedAt: confirmed)
            after.dueAt = d.due
            after.calendarVersion = d.calendarVersion
            return (after, d)
        case .requirement:
            after.confirmedAt = nil
            if oldKind != .requirement {
                after.dueAt = nil
                after.calendarVersion = nil
            }
            return (after, nil)
        }
    }

    /// Why the correction from `before` to `after`, made at `at`, is a supervisor's; `nil` when any
    /// member of staff may make it. Only a change of kind or received time can hide a miss: it is
    /// a supervisor's once the deadline has passed, or when the old or new received time or
    /// deadline lies in a frozen month or week (`isFrozen`).
    public static func supervisorGuard(before: WorkItem, after: WorkItem, at: Date,
                                       isFrozen: (Period) -> Bool) -> CorrectionGuard? {
        guard before.kind != after.kind || before.receivedAt != after.receivedAt else { return nil }
        if let due = before.dueAt, at > due { return .deadlinePassed(due: due) }
        let instants = [before.receivedAt, after.receivedAt] + [before.dueAt, after.dueAt].compactMap { $0 }
        for instant in instants {
            for period in [Period.month(containing: instant), Period.week(containing: instant)] where isFrozen(period) {
                return .frozenPeriod(period)
            }
        }
        return nil
    }

    /// Why the corrected ticket cannot be: its received time after a step that followed the
    /// receipt (the first response, the agreement, the closing) or after the correction itself.
    public static func refusal(_ after: WorkItem, at: Date) -> LocalizedText? {
        let id = after.id ?? 0
        if after.receivedAt > at { return Catalog.Corrections.receivedAfterCorrection(id, received: after.receivedAt, at: at) }
        let steps: [(HistoryEvent, Date?)] = [(.responded, after.firstResponseAt), (.assessed, after.agreedAt), (.resolved, after.closedAt)]
        for (event, time) in steps {
            if let time, after.receivedAt > time {
                return Catalog.Corrections.receivedAfterStep(id, received: after.receivedAt, step: event, stepAt: time)
            }
        }
        return nil
    }
}
