import Foundation
import HelpDeskCore

/// Something that happened: a key, a tick of the clock, data arriving, a write finishing.
public enum Action: Equatable, Sendable {
    case key(Key)
    case tick(Date)
    case resize(width: Int, height: Int)
    case queueLoaded(QueuePage)
    case faultsLoaded([WorkItem])
    case escalationsLoaded([Int64: EscalationStanding])
    /// A notification addressed to the operator (an escalation step for their tier).
    case notice(String)
    case kpiLoaded(KPISnapshot)
    /// A page of what a figure counted, and how many it counted in all.
    case figureItemsLoaded(KPI, Period, [KPIEntry], total: Int)
    case detailLoaded(WorkItem, [HistoryEntry])
    /// A window of the tasks or the changes.
    case servicesLoaded(ServicePage)
    /// What a task or a change has beyond its work item, for its details.
    case factsLoaded(id: Int64, ServiceFacts)
    case deliveryLoaded(DeliveryRecord)
    /// The latest inspections, and how many there are.
    case inspectionsLoaded([InspectionSummary], total: Int)
    case inspectionLoaded(InspectionRecord)
    case staffLoaded([StaffMember])
    case calendarLoaded(WorkCalendar)
    /// Another console or the command line changed the database.
    case dataChanged
    /// A write was carried out; an item it made is then selected.
    case saved(WriteOutcome)
    /// A write was refused, or failed; a stale edit names an item someone else changed meanwhile.
    case refused(WriteRefusal)
    /// `$EDITOR` finished for a form field.
    case edited(field: Int, EditResult)
    /// Where a new item stands in its list (`nil`: the current filter hides it).
    case located(id: Int64, pane: Pane, index: Int?)
    case failed(LocalizedText)
    /// The directory's matches for what was typed in a form's field.
    case requestersMatched(field: Form.FieldKey, typed: String, [Requester])
    /// A write that asks first, read: refused and why, or may be done, with the title of what it
    /// goes into for the question.
    case writeChecked(WriteRequest, refusal: LocalizedText?, title: String)
    /// The templates a form's picker offers, filled for its item.
    case templatesLoaded(use: TemplateUse, [TemplateChoice])
    /// The requesters a ticket is linked to, for its details.
    case requestersOfItem(id: Int64, [Requester])
    /// The items linked to a requester, newest first.
    case requesterItemsLoaded(requester: Int64, [WorkItem])
    /// An item's attachments, read with its details.
    case attachmentsLoaded(id: Int64, [AttachmentLine])
    /// A text attachment's content, decoded, for the viewer.
    case attachmentTextLoaded(id: Int64, text: String)
    /// An attachment written to a file.
    case attachmentSaved(id: Int64, path: String)
    /// The file an attachment was to be saved to exists: nothing was written.
    case attachmentExists(id: Int64, path: String)
    /// The items related to an item, merged into it, and its pauses, for its details.
    case relationsLoaded(id: Int64, ItemRelations)
    /// The resolved tickets closest to a ticket, for its details.
    case similarLoaded(id: Int64, [SimilarTicket])
    /// The operator's saved views; at start, with how they last left each list (`last`).
    case viewsLoaded([SavedView], last: [ViewPane: String]?)
    /// A view saved or removed.
    case viewChanged(ViewChange)
    /// What came of each write on the marked items, in order.
    case severalDone([SeveralResult])
}

/// How a run of `$EDITOR` ended.
public enum EditResult: Equatable, Sendable {
    /// The editor exited successfully; the file's text.
    case saved(String)
    /// The shell could not find the editor (exit status 127) or run it (126).
    case notFound(editor: String)
    /// The editor exited with a failure status or was killed; the field keeps its text.
    case failed(editor: String, status: String)
}
