import HelpDeskCore

/// What deciding whether a form opens on an item needs to know, besides the item.
struct FormContext {
    var language: Language
    var clock: Form.Clock
    /// The operator's role; `nil` when not on the staff list.
    var role: StaffRole?
    var staff: [StaffMember]
    /// Where each open fault stands on its escalation path.
    var escalations: [Int64: EscalationStanding]
    /// What the item has beyond itself when it is a task, a change or a training: its error mark, its
    /// stage and rounds, its steps and attendees.
    var facts: ServiceFacts?



    /// Refuses a closed item, for the forms that change an open one.
    func refuseClosed(_ item: WorkItem) -> FormOpening? {
        guard item.status == .closed else { return nil }
        return .refused(Form.closedText(item, language))
    }

    /// Refuses anyone but a supervisor (the store checks again).
    func refuseUnlessSupervisor() -> FormOpening? {
        role == .supervisor ? nil : .refused(Catalog.Forms.Refusal.supervisorsOnly(language))
    }
}

/// A form opened on an item, or why it cannot be.
enum FormOpening: Equatable {
    case open(Form)
    /// Why not, for the status line.
    case refused(String)
}

extension Form {
    /// The form an action key opens on an item, or `nil` when the key opens no form.
    static func opening(_ command: Command, on item: WorkItem, _ context: FormContext) -> FormOpening? {
        switch command {
        case .assign: return opening(assigning: item, context)
        case .respond: return opening(respondingTo: item, context)
        case .resolve: return opening(resolving: item, context)
        case .assess: return opening(assessing: item, context)
        case .reopen: return opening(reopening: item, context)
        case .lower: return opening(lowering: item, context)
        case .raise: return opening(raising: item, context)
        case .escalate: return opening(escalating: item, context)
        case .complete: return opening(completing: item, context)
        case .markErroneous: return opening(markingErroneous: item, context)
        case .advance: return opening(advancing: item, context)
        case .testRound: return opening(testing: item, context)
        case .trainingStep: return opening(steppingOn: item, context)
        case .addAttendee: return opening(attendingTo: item, context)
        case .scoreAttendee: return opening(scoring: item, context)
        case .correctAttendee: return opening(correcting: item, context)
        case .addMaterial: return opening(addingMaterialTo: item, context)
        case .addNote: return .open(.note(item, context.language, context.clock))
        case .addMessage: return .open(.message(item, context.language, context.clock))
        case .correctCase: return opening(correctingCase: item, context)
        case .wait: return .open(.wait(item, context.language, context.clock))
        case .link: return .open(.link(item, context.language, context.clock))
        case .merge: return .open(.merge(item, context.language, context.clock))
        default: return nil
        }
    }

    /// "#12 is closed": why an item cannot be changed.
    static func closedText(_ item: WorkItem, _ lang: Language) -> String {
        Catalog.Forms.Refusal.closed(item.id ?? 0)(lang)

    }
}
