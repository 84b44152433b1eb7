import HelpDeskCore

/// What a task, a change or a training has beyond its work item, read with its details.
public struct ServiceFacts: Equatable, Sendable {
    /// The item it came from (a CASE ticket, a change whose release opened a task) and those made from it.
    public var links: ItemLinks
    /// A task's error mark.
    public var error: TaskError?
    /// A change's type, stage, signature, test rounds and delivery.
    public var change: ChangeDetail?
    /// A released change's delivery, with the changes it carried and the defects found in it.
    public var delivery: DeliveryRecord?
    /// A training's audience, place, trainer, day, steps, attendees and materials.
    public var training: TrainingDetail?

    public init(links: ItemLinks = ItemLinks(), error: TaskError? = nil, change: ChangeDetail? = nil, delivery: DeliveryRecord? = nil,
                training: TrainingDetail? = nil) {
        self.links = links
        self.error = error
        self.change = change
        self.delivery = delivery
        self.training = training
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
        return lang == .zh ? "第\(max(1, days))天" : "day \(max(1, days))"
    }
}

extension DetailScreen {
    /// The lines a task or a change adds to its details: where it came from and what came of it,
    /// a task's error mark; a change's type, stage, signature, test rounds and delivery with its defects.
    static func factLines(_ facts: ServiceFacts, width: Int, _ context: ScreenContext, _ theme: Theme) -> [(String, String, Style)] {
        let lang = context.language
        let zh = lang == .zh
        let base = theme[.base]
        var lines: [(String, String, Style)] = []
        if let source = facts.links.source { lines.append((zh ? "来源" : "From", "#\(source)", base)) }
        if !facts.links.derived.isEmpty {
            lines.append((zh ? "派生" : "Led to", facts.links.derived.map { "#\($0)" }.joined(separator: " "), base))
        }
        if let e = facts.error {
            lines.append((zh ? "有误" : "Erroneous", "\(BeijingTime.iso(e.at))  \(e.actor)  \(e.note)", theme[.error]))
        }
        if let training = facts.training { lines += trainingLines(training, context, theme) }
        guard let c = facts.change else { return lines }
        lines.append((zh ? "类型" : "Type", c.type.label(lang), base))
        lines.append((zh ? "阶段" : "Stage", stages(c.stage, width: width, lang), base))
        if let e = c.effective { lines.append((zh ? "政策生效" : "Effective", e.description, base)) }
        if let s = c.signedBy { lines.append((zh ? "确认签字" : "Signed by", "\(s)  \(c.signedAt.map(BeijingTime.iso) ?? "")", base)) }
        for r in c.rounds {
            lines.append((zh ? "内测第\(r.number)轮" : "Round \(r.number)", "\(r.result.label(lang))  \(BeijingTime.short(r.at))  \(r.actor)  \(r.note)",
                          r.result == .pass ? theme[.kpiMet] : theme[.kpiMissed]))
        }
        guard let id = c.deliveryId else { return lines }
        guard let d = facts.delivery, d.delivery.id == id else {
            lines.append((zh ? "交付" : "Delivery", "#\(id)", base))
            return lines
        }
        let flag = d.erroneous ? (zh ? "  30天内发现缺陷" : "  defect within 30 days") : ""
        lines.append((zh ? "交付" : "Delivery", "#\(id) \(d.delivery.label)  \(BeijingTime.short(d.delivery.deliveredAt))\(flag)  (d)",
                      d.erroneous ? theme[.error] : base))
        for defect in d.defects {
            lines.append((zh ? "缺陷" : "Defect", "#\(defect.id)  \(BeijingTime.short(defect.foundAt))  \(d.day(of: defect, lang))  \(defect.title)",
                          base))
        }
        return lines
    }

    /// `需求调研 → [开发] → …`: the way a change goes with its stage marked, or `开发 (3/6)` where
    /// the way is wider than `width`.
    static func stages(_ stage: ChangeStage, width: Int, _ lang: Language) -> String {
        let all = ChangeStage.allCases
        let path = all.map { $0 == stage ? "[\($0.label(lang))]" : $0.label(lang) }.joined(separator: " → ")
        guard TerminalText.width(path) > width else { return path }
        return "\(stage.label(lang)) (\((all.firstIndex(of: stage) ?? 0) + 1)/\(all.count))"
    }

    /// A training's lines: audience, day, place, trainer; its seven steps, each done (when, by
    /// whom) or pending; the attendees with office, region and score, in columns measured in
    /// display columns; the average; the materials.
    static func trainingLines(_ d: TrainingDetail, _ context: ScreenContext, _ theme: Theme) -> [(String, String, Style)] {
        let lang = context.language
        let zh = lang == .zh
        let base = theme[.base]
        var lines: [(String, String, Style)] = [
            (zh ? "培训对象" : "For", d.type.label(lang), base),
            (zh ? "培训日期" : "Held on", d.heldOn.description, base),
            (zh ? "地点" : "Place", d.place, base),
            (zh ? "讲师" : "Trainer", d.trainer, base),
        ]
        let stepWidth = TrainingStep.allCases.map { TerminalText.width($0.label(lang)) }.max() ?? 0
        for s in d.steps {
            let name = "\(s.step.number) \(TerminalText.fit(s.step.label(lang), stepWidth))"
            let state = s.doneAt.map { "✓ \(BeijingTime.short($0))  \(s.doneBy ?? "")" } ?? (zh ? "· 待完成" : "· pending")
            lines.append((s.step == .content ? (zh ? "培训步骤" : "Steps") : "", "\(name)  \(state)",
                          s.isDone ? theme[.kpiMet] : (s.step == d.nextStep ? base : theme[.dim])))
        }
        let scored = d.attendees.filter { $0.score != nil }.count
        // Labels stay short: the details give a label of more than 12 characters a wider column.
        lines.append((zh ? "参训人数" : "Attended", "\(d.attendees.count)", base))
        lines.append((zh ? "平均分" : "Average", zh ? "\(TrainingRules.averageText(d.averageScore))（\(scored)/\(d.attendees.count) 人有成绩）"
                                                  : "\(TrainingRules.averageText(d.averageScore)) (\(scored) of \(d.attendees.count) scored)", base))
        let nameWidth = min(12, d.attendees.map { TerminalText.width($0.name) }.max() ?? 0)
        let officeWidth = min(30, d.attendees.map { TerminalText.width($0.office) }.max() ?? 0)
        for (i, a) in d.attendees.enumerated() {
            let text = "\(TerminalText.fit(a.name, nameWidth))  \(TerminalText.fit(a.office, officeWidth))  \(TerminalText.fit(a.region.label(lang), Region.widestLabel(lang)))  \(a.score.map { String($0) } ?? "—")"
            lines.append((i == 0 ? (zh ? "学员" : "Attendees") : "", text, base))
        }
        if d.attendees.isEmpty { lines.append((zh ? "学员" : "Attendees", zh ? "（无）" : "(none)", theme[.dim])) }
        for (i, m) in d.materials.enumerated() {
            lines.append((i == 0 ? (zh ? "培训资料" : "Materials") : "", m.location, base))
        }
        return lines
    }

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
