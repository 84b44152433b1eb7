import Foundation
import HelpDeskCore

/// A dialog that collects input before a write: a new ticket or fault, a response, a resolution…
///
/// The form engine: fields of text or choices, each with its check, the focus, and what happens to
/// the typed text when a save is refused. Each form is defined in a file of its own (`NewCaseForm`,
/// `ResolveForm`, …): when it opens, the fields it asks for and the write it makes of them.
public struct Form: Equatable, Sendable {
    public enum Check: Equatable, Sendable {
        case none, required, phone
        /// When something happened: Beijing wall-clock time, not after now. Empty means now.
        case pastTime
        /// A due date or time (a date alone is close of business), required.
        case due
        /// A due date or time, or nothing.
        case optionalDue
        /// A date alone (`2021-12-01`), required.
        case date
        /// An item's number (`12` or `#12`), or nothing.
        case itemId
        /// An exam score, a whole number from 0 to 100, or nothing.
        case score
        /// An exam score, required.
        case requiredScore
        /// An item's number, required.
        case requiredItemId
    }

    /// What a field's check needs to know: now, and when a working day closes.
    public struct Clock: Equatable, Sendable {
        public var now: Date
        /// Seconds after midnight at which business closes (a due date alone means then).
        public var closing: Int

        public init(now: Date, closing: Int = 18 * 3600) {
            self.now = now
            self.closing = closing
        }

        var today: CivilDate { BeijingTime.date(of: now) }
    }

    public struct Field: Equatable, Sendable {
        public enum Input: Equatable, Sendable {
            case text(TextField)
            /// (value, label) pairs and the chosen index.
            case choice([Choice], Int)
        }

        public let key: FieldKey
        public let label: String
        public var input: Input
        public let check: Check
        /// Long text that may be written in `$EDITOR` (Ctrl-E).
        public let long: Bool
        /// The text the field opened with: a form is dirty once any text differs from it.
        public var initialText = ""
        /// Shown (and checked, and saved) only while another field holds a value: a policy
        /// adjustment's effective date.
        public var shownWhen: Condition?

        /// A field's value another field's showing depends on.
        public struct Condition: Equatable, Sendable {
            public let field: FieldKey
            public let value: String
        }

        public var value: String {
            switch input {
            case .text(let f): return f.text
            case .choice(let options, let i): return options.isEmpty ? "" : options[i].value
            }
        }

        /// Why the current value is not accepted, or `nil`.
        public func problem(_ lang: Language, _ clock: Clock) -> String? {
            problemText(clock)?.text(lang)
        }

        /// Why the current value is not accepted, in both languages, or `nil`.
        func problemText(_ clock: Clock) -> LocalizedText? {

            typealias Say = Catalog.Forms.Check
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            if !v.isEmpty, [.pastTime, .due, .optionalDue, .date].contains(check), LocalTimeInput.isOutsideSupportedTime(v) {
                return Say.supportedTime(SupportedTime.firstDay, SupportedTime.lastDay)
            }
            switch check {
            case .none: return nil
            case .required: return v.isEmpty ? Say.required : nil
            case .phone:
                guard !v.isEmpty else { return nil }
                if case .failure(let problem) = PhoneNumber.parse(v) { return Catalog.DeskWork.phoneCheck(problem) }
                return nil
            case .pastTime:
                guard !v.isEmpty else { return nil }
                guard let at = LocalTimeInput.instant(v, today: clock.today) else { return Say.pastTimeFormat }
                return at > clock.now ? Say.notAfterNow : nil
            case .due, .optionalDue:
                guard !v.isEmpty else { return check == .due ? Say.required : nil }
                return LocalTimeInput.due(v, today: clock.today, closing: clock.closing) == nil ? Say.dueFormat : nil
            case .date:
                guard !v.isEmpty else { return Say.required }
                return LocalTimeInput.date(v, today: clock.today) == nil ? Say.dateFormat : nil
            case .itemId:
                return v.isEmpty || Form.itemId(v) != nil ? nil : Say.itemId
            case .requiredItemId:
                guard !v.isEmpty else { return Say.required }
                return Form.itemId(v) != nil ? nil : Say.itemId
            case .score, .requiredScore:
                guard !v.isEmpty else { return check == .requiredScore ? Say.required : nil }
                return (try? TrainingRules.score(v)) == nil ? Say.score : nil
            }
        }

        /// What an accepted time or date field's text resolves to, written in full
        /// (`2026-12-08 18:00` for a due `12-08`), when that differs from what was typed; `nil`
        /// otherwise, for other fields, and while the value is not accepted.
        public func resolved(_ clock: Clock) -> String? {
            let v = value.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !v.isEmpty, problemText(clock) == nil else { return nil }
            let full: String?
            switch check {
            case .pastTime: full = LocalTimeInput.instant(v, today: clock.today).map(LocalTimeInput.format)
            case .due, .optionalDue: full = LocalTimeInput.due(v, today: clock.today, closing: clock.closing).map(LocalTimeInput.format)
            case .date: full = LocalTimeInput.date(v, today: clock.today)?.description
            case .none, .required, .phone, .itemId, .score, .requiredScore, .requiredItemId: full = nil
            }
            return full == v ? nil : full
        }

        /// The field must be filled in (marked `*`).
        public var isRequired: Bool { check == .required || check == .due || check == .requiredScore || check == .requiredItemId }

        /// A check of what was typed rather than of a missing value: shown as it is typed.
        var checksFormat: Bool {
            switch check {
            case .none, .required: return false
            case .phone, .pastTime, .due, .optionalDue, .date, .itemId, .score, .requiredScore, .requiredItemId: return true
            }
        }
    }

    public struct Choice: Equatable, Sendable {
        public let value: String
        public let label: String
        public init(_ value: String, _ label: String) {
            self.value = value
            self.label = label
        }
    }

    public var purpose: Purpose
    public let title: String
    public var fields: [Field]
    public var focus = 0
    /// Set when Esc was pressed on a form holding input: the next key confirms or cancels.
    public var confirmingDiscard = false
    /// A write that cannot be undone (a merge), waiting for `y`: any other key goes back to the form.
    public var pendingSave: PendingSave?
    /// A write that asks first, while the root reads whether it may be done and what it names;
    /// the answer is taken only while this is still the write asked about.
    public var checking: WriteRequest?
    /// Set after a failed save, so problems show on every field.
    public var triedToSave = false
    /// Now, and business hours, for the fields that read times; the run loop's tick keeps it current.
    public var clock: Clock
    /// Set when a save was refused because someone else changed the item: the version it is at now.
    /// The typed text stays; the newer version shows behind the form and the next save builds on it.
    public var newerVersion: Int?
    /// The directory entry a new ticket is linked to, once taken from the completion.
    public var requesterID: Int64?
    /// The directory's matches for what was typed in the requester or phone field.
    public var completion: RequesterCompletion?
    /// The item as an edit form opened on it, when the form saves what was changed from it (a
    /// CASE ticket's correction).
    public var original: WorkItem?
    /// The attendees a training's form chooses among (the score, a correction), in the order its
    /// choice lists them.
    public var attendees: [AttendeeName] = []
    /// The templates offered to fill the text field (Ctrl-T on the reply and note forms).
    public var templatePicker: TemplatePicker?
    /// The template the text field was last filled from (Ctrl-T), named in history when saved.
    public var templateUsed: Int64?
    /// How many items what the form saves goes to: more than one when it was opened on the marked
    /// ones.
    public var targetCount = 1
    /// Whether what the form saves goes to several (marked) items: a template's placeholders are
    /// then left in the text, to be filled for each item as it is written.
    public var forSeveral: Bool { targetCount > 1 }

    public init(purpose: Purpose, title: String, fields: [Field], clock: Clock) {
        assert(Set(fields.map(\.key)).count == fields.count, "the form for \(purpose) asks for a key twice")
        self.purpose = purpose
        self.title = title
        self.fields = fields
        self.clock = clock
    }

    /// True when any text differs from what the form opened with.
    public var isDirty: Bool {
        fields.contains {
            switch $0.input {
            case .text(let f): return f.text != $0.initialText
            case .choice: return false
            }
        }
    }

    /// Someone else saved the item first: keep what was typed and build the next save on `version`.
    /// `false` when the form cannot be carried over (`Purpose.rebased`): it is to be opened again.
    public mutating func rebase(to version: Int) -> Bool {
        guard let rebased = purpose.rebased(to: version) else { return false }
        purpose = rebased
        newerVersion = version
        return true
    }

    /// The trimmed value of the field `key`. A form reads only the keys it asks for: reading one it
    /// lacks (misspelt, or dropped from its definition) is a programming error that stops a debug
    /// build, and the forms' tests fill and save every form, so it cannot pass as an empty value.
    public func value(_ key: FieldKey) -> String {
        field(key)?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
    }

    /// The label of the field `key`, for a problem of the fields together.
    func label(of key: FieldKey) -> String {
        field(key)?.label ?? key.rawValue
    }

    /// The field `key` of this form; a key it does not ask for stops a debug build.
    private func field(_ key: FieldKey) -> Field? {
        guard let field = fields.first(where: { $0.key == key }) else {
            assertionFailure("the form for \(purpose) has no field \(key.rawValue)")
            return nil
        }
        return field
    }

    /// Why the form cannot be saved: each shown field's problem, then what the fields together lack.
    public func problems(_ lang: Language) -> [(String, String)] {
        fields.filter(isShown).compactMap { f in f.problem(lang, clock).map { (f.label, $0) } } + combinedProblems(lang)
    }

    /// Whether a field is on the form now: always, or while the field it depends on holds its value.
    public func isShown(_ field: Field) -> Bool {
        guard let condition = field.shownWhen else { return true }
        return value(condition.field) == condition.value
    }

    /// The indices of the fields on the form now, in order.
    var shownIndices: [Int] { fields.indices.filter { isShown(fields[$0]) } }

    /// An item's number as typed (`12`, `#12`).
    static func itemId(_ text: String) -> Int64? {
        Int64(text.trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "#"))).flatMap { $0 > 0 ? $0 : nil }
    }

    // MARK: Fields the form definitions are built of

    static func text(_ key: FieldKey, _ label: String, _ check: Check = .none, long: Bool = false, _ initial: String = "") -> Field {
        Field(key: key, label: label, input: .text(TextField(initial)), check: check, long: long, initialText: initial)
    }

    /// "Received at" / "reported at": calls are often logged after the fact. Opens with now.
    static func happenedAt(_ label: String, _ clock: Clock) -> Field {
        text(.at, label, .pastTime, LocalTimeInput.format(clock.now))
    }

    /// When the item happened: the "at" field's time; the form's now, to the second, when the field
    /// is empty or still shows the now it opened with (which it shows to the minute: read back, it
    /// would fall up to a minute before an item made seconds earlier, and be refused).
    public var happenedAt: Date {
        guard let field = fields.first(where: { $0.key == .at }), field.value != field.initialText else { return clock.now }
        return LocalTimeInput.instant(value(.at), today: clock.today) ?? clock.now
    }

    static func choice(_ key: FieldKey, _ label: String, _ options: [Choice], selected: Int = 0) -> Field {
        Field(key: key, label: label, input: .choice(options, selected), check: .none, long: false)
    }

    /// Who does it: nobody yet, or one of the active staff who may work on items.
    static func assignee(_ label: String, staff: [StaffMember], _ lang: Language) -> Field {
        let people = staff.filter { $0.active && $0.role != .viewer }
        return choice(.assignee, label, [Choice("", Catalog.Forms.Field.nobodyYet(lang))]
                      + people.map { Choice($0.username, "\($0.name) (\($0.username))") })
    }

    /// Root cause and solution, both required: resolving, restoring, completing, releasing.
    static func causeAndSolution(_ lang: Language) -> [Field] {
        let t = Strings(lang)
        return [text(.cause, t(.cause), .required, long: true), text(.solution, t(.solution), .required, long: true)]
    }

    /// Why a change is made, required: reopening, raising, lowering, escalating.
    static func reason(_ lang: Language) -> Field {
        text(.reason, Catalog.Forms.Field.reason(lang), .required, long: true)
    }

    /// A fault level to choose, among `levels`.
    static func level(_ levels: [FaultLevel], _ lang: Language) -> Field {
        choice(.level, Strings(lang)(.level), levels.map { Choice("\($0.rawValue)", levelLabel($0, lang)) })
    }

    static func levelLabel(_ level: FaultLevel, _ lang: Language) -> String {
        Catalog.Forms.Field.level(level)(lang)

    }

    // MARK: What a form makes of its fields (each definition says it for its own)

    /// The level chosen in the "level" field.
    var chosenLevel: FaultLevel? {
        Int(value(.level)).flatMap(FaultLevel.init(rawValue:))
    }

    /// The write this form asks for, or `nil` while a field is not accepted.
    public func request(_ lang: Language) -> WriteRequest? {
        guard problems(lang).isEmpty else { return nil }
        switch purpose {
        case .newTask: return newTaskRequest()
        case let .completeTask(id, version): return completeTaskRequest(id: id, version: version)
        case let .markErroneous(id, version): return markErroneousRequest(id: id, version: version)
        case .newChange: return newChangeRequest()
        case let .advance(id, version, to): return advanceRequest(id: id, to: to, version: version)
        case let .testRound(id, version): return testRoundRequest(id: id, version: version)
        case .addDefect(let delivery): return addDefectRequest(delivery: delivery)
        case .newTraining: return newTrainingRequest()
        case let .trainingStep(id, version, step): return trainingStepRequest(id: id, step: step, version: version)
        case let .addAttendee(id, version): return addAttendeeRequest(id: id, version: version)
        case let .scoreAttendee(id, version): return scoreAttendeeRequest(id: id, version: version)
        case let .correctAttendee(id, version): return correctAttendeeRequest(id: id, version: version)
        case let .addMaterial(id, version): return addMaterialRequest(id: id, version: version)
        case .newInspection: return newInspectionRequest()
        case .newCase: return newCaseRequest()
        case .newFault: return newFaultRequest()
        case let .respond(id, version): return respondRequest(id: id, version: version)
        case let .resolve(id, version): return resolveRequest(id: id, version: version)
        case let .restore(id, version): return restoreRequest(id: id, version: version)
        case let .raise(id, version, _): return raiseRequest(id: id, version: version)
        case let .assign(id, version): return assignRequest(id: id, version: version)
        case let .escalate(id, _): return escalateRequest(id: id)
        case let .assess(id, version): return assessRequest(id: id, version: version)
        case let .reopen(id, version): return reopenRequest(id: id, version: version)
        case let .lower(id, version, _): return lowerRequest(id: id, version: version)
        case .addNote(let id): return addNoteRequest(id: id)
        case .addMessage(let id): return addMessageRequest(id: id)
        case let .correctCase(id, version): return correctCaseRequest(id: id, version: version)
        case let .wait(id, version): return waitRequest(id: id, version: version)
        case .link(let id): return linkRequest(id: id)
        case let .merge(id, version): return mergeRequest(id: id, version: version)
        }
    }

    /// What the fields together lack, beyond each field's own check.
    func combinedProblems(_ lang: Language) -> [(String, String)] {
        switch purpose {
        case .newChange: return newChangeProblems(lang)
        case .advance(_, _, .released): return releaseProblems(lang)
        case .newInspection: return newInspectionProblems(lang)
        case .respond, .addNote: return templateProblems(lang)
        default: return []
        }
    }

    /// The deadline the new item would get, received (reported) when its "at" field says, with its
    /// reasoning.
    public func preview(rules: DeadlineRules?) -> Deadline? {
        guard let rules else { return nil }
        // No preview from a time the form does not accept: it would not be the one saved.
        if let at = fields.first(where: { $0.key == .at }), at.problem(.en, clock) != nil { return nil }
        let at = happenedAt
        switch purpose {
        case .newCase: return newCasePreview(rules, at: at)
        case .newFault: return newFaultPreview(rules, at: at)
        case .correctCase: return correctCasePreview(rules)
        default: return nil
        }
    }
}

/// A form's write held back for a question, asked because it cannot be undone.
public struct PendingSave: Equatable, Sendable {
    public let request: WriteRequest
    public let question: LocalizedText

    /// Whether `request` is asked about before it is written: a merge closes a ticket into another
    /// for good. The root first reads whether it may be done (`Effect.checkWrite`).
    static func asksFirst(_ request: WriteRequest) -> Bool {
        if case .merge = request { return true }
        return false
    }

    /// The question asked before `request` (for `targets` items), naming what it goes into by
    /// `title` (sanitized and shortened here).
    static func question(for request: WriteRequest, targets: Int, title: String) -> LocalizedText? {
        guard case let .merge(id, into, _) = request else { return nil }
        let title = TerminalText.truncate(TerminalText.sanitize(title), to: 16)
        return targets > 1 ? Catalog.WaitingAndLinks.mergeSeveralQuestion(targets, into: into, title: title)
            : Catalog.WaitingAndLinks.mergeQuestion(id, into: into, title: title)
    }
}
