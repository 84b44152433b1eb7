import Foundation

/// What happened to a work item, as its history records it.
///
/// A change writes one entry for the event, then one per changed field under the same event. The
/// raw values are what the history table stores and what `--json` prints; a stored value this type
/// does not know is an error when read, never taken for another event.
public enum HistoryEvent: String, Sendable, CaseIterable, Codable {
    /// A CASE ticket taken in.
    case created
    /// A fault reported.
    case reported
    /// A response to a CASE ticket (the first is a special case's rule event).
    case responded
    /// A CASE ticket resolved.
    case resolved
    /// A fault's service restored.
    case restored
    /// A requirement's due date agreed.
    case assessed
    /// Given to a member of staff (taken, when to oneself).
    case assigned
    /// A fault's level raised.
    case raised
    /// A fault's level lowered (supervisors).
    case lowered
    /// A closed item reopened (supervisors).
    case reopened
    /// An escalation step taken, by the rule or by hand.
    case escalated
    /// A tier step acknowledged by someone of the tier.
    case acknowledged
    /// A data-processing task completed.
    case completed
    /// A completed task found erroneous.
    case erroneous
    /// An item made from another (a task or change from a ticket, a reprocessing task from a
    /// change), noted on both.
    case linked
    /// A change request moved to its next stage.
    case advanced
    /// An internal test round of a change recorded.
    case tested
    /// A change released in a delivery.
    case released
    /// A defect found in the delivery that carried a change.
    case defect
    /// A step of a training session marked done.
    case stepDone = "step_done"
    /// An attendee of a training session recorded.
    case attended
    /// An attendee's exam score recorded or corrected.
    case scored
    /// A material (path or link) of a training session recorded.
    case materialAdded = "material_added"
    /// A deadline computed again because the calendar it was computed with changed (a year's
    /// holidays imported): the old and new deadline as a change of `due_at`.
    case rescheduled
    /// A fault or task opened by an inspection's reading over its threshold.
    case inspected
    /// A later inspection's reading over its threshold, linked to the item still open for the same
    /// check and target instead of opening another.
    case inspectionLinked = "inspection_linked"
    /// An attendee of a training session corrected (name, office, region or score), one entry a
    /// part changed with its old and new value, the note naming the attendee as they were.
    case attendeeCorrected = "attendee_corrected"
    /// A CASE ticket corrected (kind, channel, region, title, requester, phone, description or
    /// received time), one entry a part changed with its old and new value; a deadline computed
    /// again shows as a change of `due_at`.
    case corrected
    /// A file attached (its name, size, type and SHA-256 as the new value of `attachment`).
    case attached
    /// An attachment's content erased by a supervisor: what it was as the old value, why as the note.
    case attachmentErased = "attachment_erased"
    /// Put in waiting on the requester: the clock paused (the reason as note).
    case paused
    /// Out of waiting: the clock runs again, the deadline moved by the time paused.
    case resumed
    /// Two items related (`case link`), noted on both.
    case related
    /// A relation of two items removed (`case unlink`), noted on both.
    case unrelated
    /// A duplicate merged into another item, noted on both.
    case merged
    /// An internal note added to the item's timeline (staff only; it stops no clock).
    case noted
    /// What the requester said, added to the item's timeline.
    case messaged
    /// A ticket's notices to its requesters turned off (`case notices --off`).
    case noticesOff = "notices_off"
    /// A ticket's notices to its requesters turned on again.
    case noticesOn = "notices_on"
    /// A ticket opened from the mail of a sender the directory did not know: its region and
    /// requester are to be confirmed.
    case toConfirm = "to_confirm"
    /// A ticket to confirm corrected (`case edit` of its region or requester): confirmed.
    case confirmed
}

/// A field whose change a history entry records: an item column, or a fault's escalation step.
///
/// The raw values are the column names the history table stores; a stored value this type does
/// not know is an error when read.
public enum HistoryField: String, Sendable, CaseIterable, Codable {
    case id, kind, status, title, description, region, channel
    case requesterName = "requester_name", requesterOffice = "requester_office", requesterPhone = "requester_phone"
    case takenBy = "taken_by", assignee, level
    case receivedAt = "received_at", confirmedAt = "confirmed_at", firstResponseAt = "first_response_at"
    case dueAt = "due_at", calendarVersion = "calendar_version"
    case agreedWith = "agreed_with", agreedAt = "agreed_at", sizeEstimate = "size_estimate"
    case closedAt = "closed_at", cause, solution, createdAt = "created_at", createdBy = "created_by"
    /// The escalation step a fault took or had acknowledged (not an item column).
    case escalation
    // What tasks and changes keep beside the item (not item columns): a change's type, its
    // policy's effective date, its stage, a test round ("2 pass"), the item it came from or that
    // came from it ("#12"), its delivery and a defect found in it (their ids).
    case type, effectiveOn = "effective_on", stage, round, source, derived, delivery, defect
    // What a training session keeps beside the item: its audience, place, trainer and day, a step
    // done, an attendee ("王芳 (城西区社保局, xining)"), a score and a material.
    case trainingType = "training_type", place, trainer, heldOn = "held_on", step, attendee, score, material
    /// The inspection whose reading opened the item, or was linked to it (its id).
    case inspection
    // An attendee's parts as corrected (the score keeps `score`).
    case attendeeName = "attendee_name", attendeeOffice = "attendee_office", attendeeRegion = "attendee_region"
    /// An attachment: "#id name (size, type, sha256 …)".
    case attachment
    /// The item a duplicate was merged into (a column written once, recorded by the merge itself),
    /// and the item related or no longer related to this one (its id).
    case mergedInto = "merged_into", relatedItem = "related_item"
    /// The reply or note template a reply or note was written from: "#id title".
    case template

    /// The item columns whose changes history records, in the order it records them (by name).
    ///
    /// The item's version and time of update move with every change and are not recorded.
    public static let itemColumns: [HistoryField] = allCases.filter { !notColumns.contains($0) }.sorted { $0.rawValue < $1.rawValue }

    /// The fields that are not columns of the item table.
    static let notColumns: Set<HistoryField> = [.escalation, .type, .effectiveOn, .stage, .round, .source, .derived, .delivery, .defect,
                                                .trainingType, .place, .trainer, .heldOn, .step, .attendee, .score, .material, .inspection,
                                                .attendeeName, .attendeeOffice, .attendeeRegion, .attachment, .relatedItem, .mergedInto,
                                                .template]

    /// Whether the field holds an instant (stored as seconds, shown in Beijing time).
    public var isInstant: Bool { rawValue.hasSuffix("_at") }
}

extension HistoryEvent {
    /// Whether the event is a step in the item's course, which the next step may not precede: its
    /// intake, a response, a resolution, a restoration, a stage, a test round, a release. Steps the
    /// rules take on their own schedule (an escalation at its due time, a deadline recomputed) or
    /// records of their own (an attendee, a score, a link) are not.
    public var marksCourse: Bool {
        switch self {
        case .created, .reported, .responded, .resolved, .restored, .assessed, .raised, .lowered, .reopened,
             .completed, .erroneous, .advanced, .tested, .released:
            return true
        case .assigned, .escalated, .acknowledged, .linked, .defect, .stepDone, .attended, .scored,
             .materialAdded, .rescheduled, .inspected, .inspectionLinked, .attendeeCorrected, .corrected,
             .attached, .attachmentErased, .paused, .resumed, .related, .unrelated, .merged, .noted, .messaged,
             .noticesOff, .noticesOn, .toConfirm, .confirmed:
            return false
        }
    }
}

/// Time runs forward: no step of an item's course is dated before the step it follows.
///
/// Entering a record after the fact is not an event: a session held last week is entered with last
/// week's times, and each of its steps then follows the one before it.
///
/// ```swift
/// EventOrder.refusal(id: 7, event: .resolved, at: nine, latest: (.responded, ten))
/// // "the time 09:00 lies before #7 was responded (10:00): …"
/// ```
public enum EventOrder {
    /// Why `event` at `at` may not be recorded after `latest` (the item's latest step so far), or
    /// `nil` when it may: at the same second or later.
    public static func refusal(id: Int64, event: HistoryEvent, at: Date, latest: (event: HistoryEvent, at: Date)?) -> LocalizedText? {
        guard event.marksCourse, let latest, at < latest.at else { return nil }
        return Catalog.Domain.History.beforeLatestStep(id, at: at, latest: latest.event, latestAt: latest.at)
    }
}
