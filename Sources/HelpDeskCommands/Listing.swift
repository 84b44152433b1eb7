import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

/// Filters shared by the list commands.
struct ListOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only items with this status: open, responded, assessed, closed; or active (not closed).", valueName: "status"))
    var status: String?

    @Option(help: ArgumentHelp("Only this region: Chinese name (西宁市) or pinyin (xining).", valueName: "region"))
    var region: Region?

    @Flag(help: "Only items past their deadline now.")
    var overdue = false

    @Flag(help: "Only items taken by or assigned to me.")
    var mine = false

    @Option(help: ArgumentHelp("Only items whose title, requester, phone or description contains this text.", valueName: "text"))
    var search: String?

    @Option(parsing: .unconditional, help: "At most this many items: a whole number (default 100; 0 for all).")
    var limit = 100

    @Option(parsing: .unconditional, help: "Skip this many items first, for paging.")
    var offset = 0

    @Option(parsing: .unconditional, help: ArgumentHelp("Start after this item in the list's order (paging by key: as fast deep in the list as at its top; the JSON gives next_after).", valueName: "id"))
    var after: Int64?

    func validate() throws {
        try NumberArguments.count(limit, option: "--limit", zeroMeans: (en: "all", zh: "全部"))
        try NumberArguments.paging(offset: offset, after: after)
    }

    func filter(kinds: Set<ItemKind>, _ env: Environment) throws -> ItemFilter {
        if region != nil, !kinds.isEmpty, kinds.isDisjoint(with: ItemFilter.cases.union([.fault])) {
            throw UsageError(en: "--region: tasks and change requests have no region", zh: "--region：数据处理任务和变更需求没有地区")
        }
        var f = ItemFilter(kinds: kinds, region: region, text: search)
        if let status {
            if status == "active" {
                f.activeOnly = true
            } else if ["completed", "released", "resolved", "restored"].contains(status) {
                // The closed status by the name it has for tasks, changes, tickets and faults.
                f.statuses = [.closed]
            } else if let s = ItemStatus(rawValue: status) {
                f.statuses = [s]
            } else {
                throw UsageError(en: "--status: '\(status)' is not a status; accepted: open, responded, assessed, closed (or completed, released, resolved, restored), active",
                                 zh: "--status：'\(status)' 不是状态；可接受：open、responded、assessed、closed（或 completed、released、resolved、restored）、active")
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
        if env.json {
            var json: [ItemJSON] = []
            for item in items {
                var j = ItemJSON(item: item, now: env.now, language: env.language)
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
        print(table(items, layout: layout, now: env.now, lang: env.language, errors: errors, changes: changes))
        let t = Strings(env.language)
        let of = "\(total.value)\(total.isLowerBound ? "+" : "")"
        if items.isEmpty {
            Output.standardError("\(t(.noItems))\n")
        } else if let after {
            let text = env.language == .zh ? "\(t(.showing)) #\(after) 之后的 \(items.count) 条，\(t(.of)) \(of)"
                : "\(t(.showing)) \(items.count) after #\(after) \(t(.of)) \(of)"
            Output.standardError("\(text)\n")
        } else if items.count < total.value || total.isLowerBound {
            Output.standardError("\(t(.showing)) \(filter.offset + 1)–\(filter.offset + items.count) \(t(.of)) \(of)\n")
        }
    }

    static func table(_ items: [WorkItem], layout: Layout, now: Date, lang: Language, errors: [Int64: TaskError] = [:],
                      changes: [Int64: ChangeDetail] = [:]) -> String {
        let t = Strings(lang)
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
            var table = TextTable(headers: [t(.id), t(.kind), t(.status), t(.channel), t(.region), t(.title), t(.requester), t(.takenBy), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.kind.label(lang), i.status.label(lang, kind: i.kind), i.channel?.label(lang) ?? "",
                 i.region?.chineseName ?? "", i.title, i.requesterName ?? "", i.assignee ?? i.takenBy ?? "", due(i), left(i)]
            }
            return table.render()
        case .faults:
            var table = TextTable(headers: [t(.id), t(.level), t(.status), t(.region), t(.title), t(.reported), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.level.map { "\($0.rawValue)" } ?? "", i.status.label(lang, kind: i.kind),
                 i.region?.chineseName ?? "", i.title, BeijingTime.short(i.receivedAt), due(i), left(i)]
            }
            return table.render()
        case .tasks:
            let zh = lang == .zh
            var table = TextTable(headers: [t(.id), t(.status), t(.title), t(.assignee), t(.deadline), t(.timeLeft), zh ? "有误" : "erroneous"])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.status.label(lang, kind: i.kind), i.title, i.assignee ?? "", due(i), left(i),
                 errors[i.id ?? 0].map { BeijingTime.short($0.at) } ?? ""]
            }
            return table.render()
        case .changes:
            let zh = lang == .zh
            var table = TextTable(headers: [t(.id), zh ? "类型" : "type", zh ? "阶段" : "stage", t(.title), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                let d = changes[i.id ?? 0]
                return ["\(i.id ?? 0)", d?.type.label(lang) ?? "", d?.stage.label(lang) ?? "", i.title, due(i), left(i)]
            }
            return table.render()
        case .mixed:
            var table = TextTable(headers: [t(.id), t(.kind), t(.status), t(.region), t(.title), t(.deadline), t(.timeLeft)])
            table.rows = items.map { i in
                ["\(i.id ?? 0)", i.kind == .fault ? "\(i.kind.label(lang))\(i.level?.rawValue ?? 0)" : i.kind.label(lang),
                 i.status.label(lang, kind: i.kind), i.region?.chineseName ?? "", i.title, due(i), left(i)]
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
            if item.kind == .fault { j.escalations = try env.database.escalations(of: id) }
            if item.kind == .task || item.kind == .change {
                j.service = ServiceJSON(kind: item.kind, links: try env.database.links(of: id),
                                        error: item.kind == .task ? try env.database.taskError(id) : nil,
                                        change: item.kind == .change ? try env.database.changeDetail(id) : nil)
            }
            try JSONOutput.print(j)
            return
        }
        let lang = env.language, t = Strings(lang)
        let clean = { (s: String) in TerminalText.sanitize(s) }
        var lines: [(String, String)] = [
            (t(.id), "#\(id)"),
            (t(.kind), item.kind == .fault
                ? (lang == .zh ? "\(item.level?.rawValue ?? 0)级\(item.kind.label(lang))" : "level \(item.level?.rawValue ?? 0) \(item.kind.label(lang))")
                : item.kind.label(lang)),
            (t(.status), item.status.label(lang, kind: item.kind)),
            (t(.title), clean(item.title)),
        ]
        if let r = item.region { lines.append((t(.region), r.chineseName)) }
        if let c = item.channel { lines.append((t(.channel), c.label(lang))) }
        if let name = item.requesterName {
            let extra = [item.requesterOffice, item.requesterPhone].compactMap { $0 }.joined(separator: ", ")
            lines.append((t(.requester), clean(extra.isEmpty ? name : "\(name) (\(extra))")))
        }
        if let who = item.takenBy { lines.append((t(.takenBy), who)) }
        if let who = item.assignee { lines.append((t(.assignee), who)) }
        // The inspections whose readings opened it or were linked to it (inspect show ID).
        let inspections = try env.database.inspections(of: id)
        if !inspections.isEmpty { lines.append((lang == .zh ? "巡检" : "Inspections", inspections.map { "#\($0)" }.joined(separator: " "))) }
        lines.append((item.kind == .fault ? t(.reported) : t(.received), BeijingTime.iso(item.receivedAt)))
        if let c = item.confirmedAt, item.kind == .special { lines.append((t(.confirmed), BeijingTime.iso(c))) }
        if let r = item.firstResponseAt { lines.append((t(.firstResponse), BeijingTime.iso(r))) }
        if let d = item.dueAt {
            var text = BeijingTime.iso(d)
            if item.isAwaitingRuleEvent {
                text += "  (\(TimeLeft.text(from: env.now, to: d, lang)))"
            } else if item.isOverdue(at: env.now) {
                text += "  [\(t(.overdue))]"
            } else if item.status != .closed {
                text += "  (\(t(.answered)))"
            }
            lines.append((t(.deadline), text))
        }
        if let a = item.agreedWith { lines.append((t(.agreedWith), clean(a) + (item.agreedAt.map { " @ \(BeijingTime.iso($0))" } ?? ""))) }
        if let v = item.calendarVersion { lines.append((t(.calendarVersion), v)) }
        if let c = item.closedAt { lines.append((t(.closed), BeijingTime.iso(c))) }
        // Texts of several lines (a pasted log) keep their lines, each under the value column.
        let block = { (s: String) in
            TerminalText.sanitize(s.replacingOccurrences(of: "\r\n", with: "\n").trimmingCharacters(in: .newlines), keepNewlines: true)
        }
        if let c = item.cause { lines.append((t(.cause), block(c))) }
        if let s = item.solution { lines.append((t(.solution), block(s))) }
        if !item.description.isEmpty { lines.append((t(.description), block(item.description))) }
        lines += try ServiceJSON.lines(env, item)
        lines.append((t(.version), "\(item.version)"))
        let width = lines.map { TerminalText.width($0.0) }.max() ?? 0
        for (k, v) in lines {
            let parts = v.components(separatedBy: "\n")
            print("\(TerminalText.fit(k, width))  \(parts[0])")
            for part in parts.dropFirst() { print(String(repeating: " ", count: width + 2) + part) }
        }
        if item.kind == .fault {
            let steps = try env.database.escalations(of: id)
            let zh = lang == .zh
            print("\n\(zh ? "升级" : "Escalation"):")
            if steps.isEmpty { print(zh ? "  （无）" : "  (none)") }
            for s in steps {
                let ack = s.step.isTier ? (s.acknowledgedBy.map { " ✓ \($0) \(BeijingTime.short(s.acknowledgedAt!))" } ?? (zh ? " 待确认" : " awaiting acknowledgement")) : ""
                print("  \(BeijingTime.short(s.takenAt))  \(s.step.label(lang))  \(s.byRule ? (zh ? "规则" : "rule") : s.takenBy)  \(clean(s.reason.text(lang)))\(ack)")
            }
        }
        printHistory(history, of: item.kind, lang)
    }
}

/// An item's history as `show` prints it: a heading, then one line an entry.
func printHistory(_ history: [HistoryEntry], of kind: ItemKind, _ lang: Language) {
    let t = Strings(lang)
    print("\n\(t(.history)):")
    // The change and the note are the entry's substance: printed whole, last on the line.
    var table = TextTable(headers: [t(.at), t(.actor), t(.event), "\(t(.change)) · \(t(.note))"])
    table.cutLast = false
    table.rows = history.map { e in
        [BeijingTime.short(e.at), e.actor, HistoryText.event(e.event, lang),
         [HistoryText.change(e, kind: kind, lang), HistoryText.note(e, lang)].filter { !$0.isEmpty }.joined(separator: "  ")]
    }
    print(table.render())
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
