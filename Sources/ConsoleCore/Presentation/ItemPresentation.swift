import Foundation
import HelpDeskCore

/// One item laid out for people: its heading, its sections of labelled fields and its history.
///
/// Built here, once, from the item and what it has beyond it (`ServiceFacts`); the command line's
/// `show` prints it and the console's details draw it, so both say the same. `--json` is a machine
/// format and does not go through it.
public struct ItemPresentation: Equatable, Sendable {
    /// What the console puts in its pane header and `show` prints first.
    public struct Heading: Equatable, Sendable {
        public var id: Int64
        /// `2级故障` / `level 2 fault`, or the kind's name.
        public var kind: String
        /// The status; a change's stage or a training's steps where they say more.
        public var status: String
        public var version: Int
    }

    public var heading: Heading
    /// The item's own fields first (untitled), then titled sections such as a fault's escalation.
    public var sections: [Section]
    /// The history, oldest first.
    public var history: [HistoryLine]
}

extension ItemPresentation {
    /// Labelled fields under an optional title.
    public struct Section: Equatable, Sendable {
        public var title: String?
        public var fields: [Field]
        /// What an empty section says (`(none)`), if it is shown at all when empty.
        public var empty: String?

        public init(title: String? = nil, fields: [Field], empty: String? = nil) {
            self.title = title
            self.fields = fields
            self.empty = empty
        }
    }

    /// A label and its value. An empty label continues the field above it (a training's steps).
    public struct Field: Equatable, Sendable {
        public var label: String
        /// The value as data: it may hold several lines (a pasted log) and is sanitized where it is shown.
        public var value: String
        public var emphasis: Emphasis
        /// A shorter value for where the full one does not fit (a change's stage without its way).
        public var compact: String?
        /// The console key that opens what the value names (a change's delivery: `d`).
        public var key: String?

        public init(_ label: String, _ value: String, _ emphasis: Emphasis = .plain, compact: String? = nil, key: String? = nil) {
            self.label = label
            self.value = value
            self.emphasis = emphasis
            self.compact = compact
            self.key = key
        }
    }

    /// How a field stands out: the console colours it, the command line prints it plain.
    public enum Emphasis: Equatable, Sendable {
        case plain, dim, error, met, missed
        /// A deadline, by how pressing it is.
        case urgency(Urgency)
    }

    /// A history entry in words.
    public struct HistoryLine: Equatable, Sendable {
        public var at: Date
        public var actor: String
        public var event: String
        public var change: String
        public var note: String

        public static func lines(_ history: [HistoryEntry], of kind: ItemKind, _ lang: Language) -> [HistoryLine] {
            history.map { e in
                HistoryLine(at: e.at, actor: e.actor, event: HistoryText.event(of: e, lang), change: HistoryText.change(e, kind: kind, lang),
                            note: HistoryText.note(e, lang))
            }
        }
    }
}

extension ItemPresentation {
    /// The item with its facts (`nil` until they are read) and history, at `now`, in `lang`.
    public init(_ item: WorkItem, facts: ServiceFacts?, history: [HistoryEntry], now: Date, _ lang: Language) {
        let t = Strings(lang)
        let say = Catalog.Screens.Presentation.self
        let kind = item.kind == .fault ? say.fault(level: item.level?.rawValue ?? 0, item.kind.name)(lang) : item.kind.label(lang)
        // A change's stage and a training's steps say more than open or closed.
        let status: String
        switch facts?.kind {
        case .change(let detail, _)?: status = detail.stage.label(lang)
        case .training(let detail)?: status = say.stepsDone(detail.stepsDone)(lang)
        case .plain?, .fault?, .task?, nil: status = item.status.label(lang, kind: item.kind)
        }
        heading = Heading(id: item.id ?? 0, kind: kind, status: status, version: item.version)

        var fields = [Field(t(.title), item.title(in: lang))]
        if let r = item.region {
            // A ticket opened from an unknown sender's mail: its region is the desk's guess until confirmed.
            let mark = facts?.toConfirm == true ? "  (" + Catalog.MailIn.toConfirm(lang) + ")" : ""
            fields.append(Field(t(.region), r.label(lang) + mark))
        }
        if let c = item.channel { fields.append(Field(t(.channel), c.label(lang))) }
        // The requester's name, office and phone: whichever are known, a phone even without a name.
        let requester = [item.requesterName, item.requesterOffice, item.requesterPhone].compactMap { $0 }.filter { !$0.isEmpty }
        if !requester.isEmpty { fields.append(Field(t(.requester), requester.joined(separator: "  "))) }
        if let w = item.takenBy { fields.append(Field(t(.takenBy), w)) }
        if let w = item.assignee { fields.append(Field(t(.assignee), w)) }
        // The inspections whose readings opened it or were linked to it (inspect show ID).
        if let inspections = facts?.inspections, !inspections.isEmpty {
            fields.append(Field(say.inspections(lang), inspections.map { "#\($0)" }.joined(separator: " ")))
        }
        fields.append(Field(item.kind == .fault ? t(.reported) : t(.received), BeijingTime.iso(item.receivedAt)))
        if let c = item.confirmedAt, item.kind == .special { fields.append(Field(t(.confirmed), BeijingTime.iso(c))) }
        if let r = item.firstResponseAt { fields.append(Field(t(.firstResponse), BeijingTime.iso(r))) }
        if let due = item.dueAt {
            fields.append(Field(t(.deadline), BeijingTime.iso(due) + Self.dueNote(item, due: due, now: now, lang),
                                .urgency(Urgency.of(item, at: now))))
        }
        if let a = item.agreedWith { fields.append(Field(t(.agreedWith), a + (item.agreedAt.map { " @ \(BeijingTime.iso($0))" } ?? ""))) }
        if let v = item.calendarVersion { fields.append(Field(t(.calendarVersion), CalendarVersion.display(v, lang))) }
        if let c = item.closedAt { fields.append(Field(t(.closed), BeijingTime.iso(c))) }
        if let c = item.cause { fields.append(Field(t(.cause), c)) }
        if let s = item.solution { fields.append(Field(t(.solution), s)) }
        if let facts { fields += Self.factFields(facts, lang) }
        if facts?.noticesOff == true {
            fields.append(Field(Catalog.RequesterNotices.label(lang), Catalog.RequesterNotices.off(lang)))
        }
        if !item.description.isEmpty { fields.append(Field(t(.description), item.description(in: lang))) }

        sections = [Section(fields: fields)]
        if item.kind == .fault {
            var steps: [EscalationFact] = []
            if case .fault(let escalations)? = facts?.kind { steps = escalations }
            sections.append(Section(title: say.escalation(lang), fields: steps.map { Self.escalationField($0, lang) },
                                    empty: Catalog.Screens.Common.none(lang)))
        }
        if let facts, !facts.timeline.isEmpty || !facts.notices.isEmpty {
            sections.append(Section(title: Catalog.Timeline.heading(lang), fields: Self.timelineFields(facts, lang)))
        }
        self.history = HistoryLine.lines(history, of: item.kind, lang)
    }

    /// The timeline's entries and the notices to the requesters, in the order they happened (a
    /// notice after the entry written at the same time).
    static func timelineFields(_ facts: ServiceFacts, _ lang: Language) -> [Field] {
        var lines: [(at: Date, order: Int, field: Field)] = facts.timeline.enumerated().map { ($1.at, $0, timelineField($1, lang)) }
        lines += facts.notices.enumerated().map { ($1.createdAt, facts.timeline.count + $0, noticeField($1, lang)) }
        return lines.sorted { ($0.at, $0.order) < ($1.at, $1.order) }.map(\.field)
    }

    /// `11-24 18:00  [通知] 通知 王芳（电子邮件）：[#7] 已受理：…（待发送）`: a notice to a requester.
    static func noticeField(_ n: RequesterNoticeEntry, _ lang: Language) -> Field {
        Field(BeijingTime.short(n.createdAt), "[\(Catalog.RequesterNotices.kind(lang))] \(TerminalText.sanitize(n.text(lang)))")
    }

    /// `11-24 18:00  [答复] wangfang  已远程重置密码`: one entry of the timeline, its kind marked
    /// (a message with its channel), then its author and text. A note is dimmed: staff only.
    static func timelineField(_ e: TimelineEntry, _ lang: Language) -> Field {
        let say = Catalog.Timeline.self
        let kind = say.kind(e.kind)(lang) + (e.channel.map { say.via($0)(lang) } ?? "")
        return Field(BeijingTime.short(e.at), "[\(kind)] \(e.author)  \(e.text)", e.kind == .note ? .dim : .plain)
    }

    /// What follows a deadline: the time left while the rule event is awaited (a fault's to the
    /// second), then whether it was met.
    static func dueNote(_ item: WorkItem, due: Date, now: Date, _ lang: Language) -> String {
        let t = Strings(lang)
        if item.isAwaitingRuleEvent {
            return "  (\(item.kind == .fault ? Countdown.text(to: due, from: now, lang) : TimeLeft.text(from: now, to: due, lang)))"
        }
        if item.isOverdue(at: now) { return "  (\(t(.overdue)))" }
        return item.status == .closed ? "" : "  (\(t(.answered)))"
    }

    /// `11-24 18:00  T1 总部专家远程  王芳  reason ✓ 李强 11-24 18:20`: one step of a fault's escalation.
    static func escalationField(_ s: EscalationFact, _ lang: Language) -> Field {
        let say = Catalog.Screens.Presentation.self
        let ack = s.step.isTier ? (s.acknowledgedBy.map { " ✓ \($0) \(s.acknowledgedAt.map(BeijingTime.short) ?? "")" }
            ?? " \(say.awaitingAcknowledgement(lang))") : ""
        let who = s.byRule ? say.byRule(lang) : s.takenBy
        return Field(BeijingTime.short(s.takenAt), "\(s.step.label(lang))  \(who)  \(s.reason.text(lang))\(ack)")
    }

    /// Where it came from and what came of it; then what its kind adds: a task's error mark; a
    /// change's type, stage, signature, test rounds and delivery with its defects; a training's session.
    static func factFields(_ facts: ServiceFacts, _ lang: Language) -> [Field] {
        let say = Catalog.Screens.Presentation.self
        var fields: [Field] = []
        if let source = facts.links.source { fields.append(Field(say.source(lang), "#\(source)")) }
        if !facts.links.derived.isEmpty {
            fields.append(Field(say.derived(lang), facts.links.derived.map { "#\($0)" }.joined(separator: " ")))
        }
        switch facts.kind {
        case .plain, .fault:
            break
        case .task(let error):
            if let e = error { fields.append(Field(say.erroneous(lang), "\(BeijingTime.iso(e.at))  \(e.actor)  \(e.note)", .error)) }
        case let .change(detail, delivery):
            fields += changeFields(detail, delivery, lang)
        case .training(let detail):
            fields += trainingFields(detail, lang)
        }
        return fields
    }

    static func changeFields(_ c: ChangeDetail, _ record: DeliveryRecord?, _ lang: Language) -> [Field] {
        let say = Catalog.Screens.Presentation.self
        var fields = [Field(Catalog.Screens.Changes.type(lang), c.type.label(lang))]
        // The way a change goes with its stage marked; where that does not fit, `开发 (3/6)`.
        let all = ChangeStage.allCases
        fields.append(Field(Catalog.Screens.Changes.stage(lang), all.map { $0 == c.stage ? "[\($0.label(lang))]" : $0.label(lang) }.joined(separator: " → "),
                            compact: "\(c.stage.label(lang)) (\((all.firstIndex(of: c.stage) ?? 0) + 1)/\(all.count))"))
        if let e = c.effective { fields.append(Field(say.effective(lang), e.description)) }
        if let s = c.signedBy { fields.append(Field(say.signedBy(lang), ([s] + [c.signedAt.map(BeijingTime.iso)].compactMap { $0 }).joined(separator: "  "))) }
        for r in c.rounds {
            fields.append(Field(say.round(r.number)(lang), "\(r.result.label(lang))  \(BeijingTime.short(r.at))  \(r.actor)  \(r.note)",
                                r.result == .pass ? .met : .missed))
        }
        guard let id = c.deliveryId else { return fields }
        guard let d = record, d.delivery.id == id else {
            fields.append(Field(say.delivery(lang), "#\(id)", key: "d"))
            return fields
        }
        let flag = d.erroneous ? "  \(say.defectWithin30Days(lang))" : ""
        fields.append(Field(say.delivery(lang), "#\(id) \(d.delivery.label)  \(BeijingTime.short(d.delivery.deliveredAt))\(flag)",
                            d.erroneous ? .error : .plain, key: "d"))
        for defect in d.defects {
            fields.append(Field(say.defect(lang), "#\(defect.id)  \(BeijingTime.short(defect.foundAt))  \(d.day(of: defect, lang))  \(defect.title)"))
        }
        return fields
    }

    /// A training's session: audience, day, place, trainer; its seven steps, each done (when, by
    /// whom) or pending; the attendees with office, region and score, in columns measured in
    /// display columns; the average; the materials.
    static func trainingFields(_ d: TrainingDetail, _ lang: Language) -> [Field] {
        let say = Catalog.Screens.Presentation.self
        var fields = [
            Field(say.audience(lang), d.type.label(lang)),
            Field(say.heldOn(lang), d.heldOn.description),
            Field(say.place(lang), d.place),
            Field(say.trainer(lang), d.trainer),
        ]
        let stepWidth = TrainingStep.allCases.map { TerminalText.width($0.label(lang)) }.max() ?? 0
        for s in d.steps {
            let name = "\(s.step.number) \(TerminalText.fit(s.step.label(lang), stepWidth))"
            let state = s.doneAt.map { "✓ \(BeijingTime.short($0))  \(s.doneBy ?? "")" } ?? say.pending(lang)
            fields.append(Field(s.step == .content ? say.steps(lang) : "", "\(name)  \(state)",
                                s.isDone ? .met : (s.step == d.nextStep ? .plain : .dim)))
        }
        let scored = d.attendees.filter { $0.score != nil }.count
        // Labels stay short: the details give a label of more than 12 characters a wider column.
        fields.append(Field(say.attended(lang), "\(d.attendees.count)"))
        fields.append(Field(Catalog.Screens.Trainings.average(lang),
                            say.average(TrainingRules.averageText(d.averageScore), scored: scored, of: d.attendees.count)(lang)))
        let nameWidth = min(12, d.attendees.map { TerminalText.width($0.name) }.max() ?? 0)
        let officeWidth = min(30, d.attendees.map { TerminalText.width($0.office) }.max() ?? 0)
        for (i, a) in d.attendees.enumerated() {
            let text = "\(TerminalText.fit(a.name, nameWidth))  \(TerminalText.fit(a.office, officeWidth))  \(TerminalText.fit(a.region.label(lang), Region.widestLabel(lang)))  \(a.score.map { String($0) } ?? "—")"
            fields.append(Field(i == 0 ? say.attendees(lang) : "", text))
        }
        if d.attendees.isEmpty { fields.append(Field(say.attendees(lang), Catalog.Screens.Common.none(lang), .dim)) }
        for (i, m) in d.materials.enumerated() {
            fields.append(Field(i == 0 ? say.materials(lang) : "", m.location))
        }
        return fields
    }
}
