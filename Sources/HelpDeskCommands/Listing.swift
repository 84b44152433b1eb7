import ArgumentParser
import ConsoleCore
import Foundation
import HelpDeskCore
import HelpDeskStore

/// Filters shared by the list commands.
struct ListOptions: ParsableArguments {
    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.status), valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.region), valueName: "region"))
    var region: Region?

    @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.overdue)))
    var overdue = false

    @Flag(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.mine)))
    var mine = false

    @Option(help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.search), valueName: "text"))
    var search: String?

    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.limit)))
    var limit = 100

    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.offset)))
    var offset = 0

    @Option(parsing: .unconditional, help: ArgumentHelp(HelpDesk.say(Catalog.Help.Items.Lists.after), valueName: "id"))
    var after: Int64?

    func validate() throws {
        try NumberArguments.count(limit, option: "--limit", zeroMeans: Catalog.Commands.Typed.zeroForAll)
        try NumberArguments.paging(offset: offset, after: after)
    }

    func filter(kinds: Set<ItemKind>, _ env: Environment) throws -> ItemFilter {
        if region != nil, !kinds.isEmpty, kinds.isDisjoint(with: ItemFilter.cases.union([.fault])) {
            throw UsageError(Catalog.Items.regionOfTasksOrChanges)
        }
        var f = ItemFilter(kinds: kinds, region: region, text: search)
        if let status {
            if status == "active" {
                f.activeOnly = true
            } else if let s = ItemStatus.parse(status) {
                // A code, or a name in either language: the closed status also by the name it has
                // for tasks, changes, tickets and faults (completed, released, resolved, restored).
                f.statuses = [s]
            } else {
                throw UsageError(Catalog.Items.notAStatus(status))
            }
        }
        if overdue { f.overdueAt = env.now }
        if mine { f.mine = env.context.actor }
        f.limit = limit == 0 ? nil : limit
        f.offset = offset
        return f
    }
}

enum Listing {
    enum Layout { case cases, faults, tasks, changes, mixed }

    /// A search that matches many items is counted no further than this ("1000+").
    static let countCap = 1_000

    static func run(_ env: Environment, _ filter: ItemFilter, after: Int64? = nil, layout: Layout) throws {
        let page = try env.database.page(filter, after: after, countCap: countCap)
        let (items, total) = (page.items, page.total)
        // The next page starts after the last item, unless this one reached the end.
        let more = filter.limit.map { items.count == $0 } ?? false
        let ids = items.compactMap(\.id)
        let errors = layout == .tasks ? try env.database.taskErrors(ids) : [:]
        let changes = layout == .changes ? try env.database.changeDetails(ids) : [:]
        let toConfirm = layout == .cases || layout == .mixed ? page.toConfirm : []
        if env.json {
            var json: [ItemJSON] = []
            for item in items {
                var j = ItemJSON(item: item, now: env.now, language: env.language)
                j.toConfirm = toConfirm.contains(item.id!)
                if layout == .tasks || layout == .changes {
                    j.service = ServiceJSON(kind: item.kind, links: try env.database.links(of: item.id!), error: errors[item.id!],
                                            change: changes[item.id!])
                }
                json.append(j)
            }
            try JSONOutput.print(ItemPage(total: total.value, totalCapped: total.isLowerBound, offset: filter.offset,
                                          nextAfter: more ? items.last?.id : nil, items: json))
            return
        }
        print(table(items, layout: layout, now: env.now, lang: env.language, errors: errors, changes: changes, toConfirm: toConfirm))
        let t = Strings(env.language)
        let of = "\(total.value)\(total.isLowerBound ? "+" : "")"
        if items.isEmpty {
            Output.standardError("\(t(.noItems))\n")
        } else if let after {
            let text = Catalog.Items.showingAfter(after, count: items.count, of: of)(env.language)
            Output.standardError("\(text)\n")
        } else if items.count < total.value || total.isLowerBound {
            Output.standardError("\(t(.showing)) \(filter.offset + 1)–\(filter.offset + items.count) \(t(.of)) \(of)\n")
        }
    }

    static func table(_ items: [WorkItem], layout: Layout, now: Date, lang: Language, errors: [Int64: TaskError] = [:],
                      changes: [Int64: ChangeDetail] = [:], toConfirm: Set<Int64> = []) -> String {
        let t = Strings(lang)
        // A ticket opened from an unknown sender's mail: its region is to confirm.
        let region: (WorkItem) -> String = { i in
            (i.region?.label(lang) ?? "") + (toConfirm.contains(i.id ?? 0) ? " (" + Catalog.MailIn.toConfirm(lang) + ")" : "")
        }
        let due: (WorkItem) -> String = { $0.dueAt.map(BeijingTime.short) ?? t(.none) }
        // The time left runs only while the rule event is awaited; after it, met or missed.
        let left: (WorkItem) -> String = { item in
            guard let d = item.dueAt else { return t(.none) }
            if item.isAwaitingRuleEvent { return TimeLeft.text(from: now, to: d, lang) }
            if item.isOverdue(at: now) { return t(.overdue) }
            return item.status == .closed ? "✓" : t(.answered)
        }
        switch layout {
        case .cases:
            var table = TextTable(headers: [t(.id), t(.kind), t(.status), t(.channel), t(.region), t(.title), t(.requester), t(.assignee), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.kind.label(lang), i.status.label(lang, kind: i.kind), i.channel?.shortLabel(lang) ?? "",
                 region(i), i.title(in: lang), i.requesterName ?? "", i.assignee ?? i.takenBy ?? "", due(i), left(i)]
            }
            return table.render()
        case .faults:
            var table = TextTable(headers: [t(.id), t(.level), t(.status), t(.region), t(.title), t(.reported), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.level.map { "\($0.rawValue)" } ?? "", i.status.label(lang, kind: i.kind),
                 i.region?.label(lang) ?? "", i.title(in: lang), BeijingTime.short(i.receivedAt), due(i), left(i)]
            }
            return table.render()
        case .tasks:
            var table = TextTable(headers: [t(.id), t(.status), t(.title), t(.assignee), t(.deadline), t(.timeLeft), Catalog.Items.erroneousColumn(lang)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.status.label(lang, kind: i.kind), i.title(in: lang), i.assignee ?? "", due(i), left(i),
                 errors[i.id ?? 0].map { BeijingTime.short($0.at) } ?? ""]
            }
            return table.render()
        case .changes:
            var table = TextTable(headers: [t(.id), Catalog.Items.typeColumn(lang), Catalog.Items.stageColumn(lang), t(.title), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                let d = changes[i.id ?? 0]
                return ["\(i.id ?? 0)", d?.type.label(lang) ?? "", d?.stage.label(lang) ?? "", i.title(in: lang), due(i), left(i)]
            }
            return table.render()
        case .mixed:
            var table = TextTable(headers: [t(.id), t(.kind), t(.status), t(.region), t(.title), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.kind == .fault ? "\(i.kind.label(lang))\(i.level?.rawValue ?? 0)" : i.kind.label(lang),
                 i.status.label(lang, kind: i.kind), region(i), i.title(in: lang), due(i), left(i)]
            }
            return table.render()
        }
    }

    /// One item in full, with its history.
    static func show(_ env: Environment, id: Int64, expecting kinds: Set<ItemKind>? = nil, noun: LocalizedText = .anItem) throws {
        let (item, history) = try env.database.itemWithHistory(id)
        if let kinds, !kinds.contains(item.kind) {
            throw StoreError.wrongKind(id: id, is: item.kind, expected: noun)
        }
        if env.json {
            var j = ItemJSON(item: item, now: env.now, language: env.language)
            j.history = history
            j.timeline = try env.database.timeline(of: id)
            j.requesters = try env.database.requestersOfItem(id)
            j.toConfirm = try env.database.isToConfirm(id)
            if item.kind == .fault { j.escalations = try env.database.escalations(of: id) }
            if item.kind == .task || item.kind == .change {
                j.service = ServiceJSON(kind: item.kind, links: try env.database.links(of: id),
                                        error: item.kind == .task ? try env.database.taskError(id) : nil,
                                        change: item.kind == .change ? try env.database.changeDetail(id) : nil)
            }
            try JSONOutput.print(j)
            return
        }
        let p = ItemPresentation(item, facts: try env.database.facts(of: item), history: history, now: env.now, env.language)
        print(text(p, env.language, requesters: try env.database.requestersOfItem(id)), terminator: "")
    }

    /// An item's presentation as `show` prints it: its number, kind and status, its fields in a
    /// column under their labels (a text of several lines keeps its lines, each under the value
    /// column), its version; each titled section under its title; then its history.
    static func text(_ p: ItemPresentation, _ lang: Language, requesters: [Requester] = []) -> String {
        let t = Strings(lang)
        let clean = { (s: String) in
            TerminalText.sanitize(s.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines), keepNewlines: true)
        }
        let main = p.sections.first { $0.title == nil }?.fields ?? []
        let lines = [(t(.id), "#\(p.heading.id)"), (t(.kind), p.heading.kind), (t(.status), p.heading.status)]
            + main.map { ($0.label, clean($0.value)) } + [(t(.version), "\(p.heading.version)")]
        let width = lines.map { TerminalText.width($0.0) }.max() ?? 0
        var out = ""
        for (k, v) in lines {
            let parts = v.components(separatedBy: "\n")
            out += "\(TerminalText.fit(k, width))  \(parts[0])\n"
            for part in parts.dropFirst() { out += String(repeating: " ", count: width + 2) + part + "\n" }
        }
        for section in p.sections where section.title != nil {
            out += "\n\(section.title ?? ""):\n"
            if section.fields.isEmpty, let empty = section.empty { out += "  \(empty)\n" }
            for f in section.fields { out += "  \(f.label)  \(clean(f.value).replacingOccurrences(of: "\n", with: " "))\n" }
        }
        if !requesters.isEmpty {
            // The directory entries the ticket is linked to.
            out += "\n\(Catalog.Requesters.Console.heading(lang)):\n"
            for r in requesters { out += "  #\(r.id ?? 0)  \(TerminalText.sanitize(Catalog.Requesters.Console.entry(r, lang)))\n" }
        }
        return out + historyText(p.history, lang)
    }
}

/// An item's history as `show` prints it: a heading, then one line an entry.
func printHistory(_ history: [HistoryEntry], of kind: ItemKind, _ lang: Language) {
    print(historyText(ItemPresentation.HistoryLine.lines(history, of: kind, lang), lang), terminator: "")
}

func historyText(_ history: [ItemPresentation.HistoryLine], _ lang: Language) -> String {
    let t = Strings(lang)
    // The change and the note are the entry's substance: printed whole, last on the line.
    var table = TextTable(headers: [t(.at), t(.actor), t(.event), "\(t(.change)) · \(t(.note))"])
    table.cutLast = false
    table.rows = history.map { e in
        [BeijingTime.short(e.at), e.actor, e.event, [e.change, e.note].filter { !$0.isEmpty }.joined(separator: "  ")]
    }
    return "\n\(t(.history)):\n" + table.render() + "\n"
}

extension Region: ExpressibleByArgument {
    public init?(argument: String) {
        self.init(argumentText: argument)
    }
    public static var allValueStrings: [String] { allCases.map(\.rawValue) }
}

extension Region {
    init?(argumentText: String) {
        guard let r = Region.parse(argumentText) else { return nil }
        self = r
    }
}
