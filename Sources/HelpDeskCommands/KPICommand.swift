import ArgumentParser
import Foundation
import HelpDeskCore
import HelpDeskStore

private typealias FiguresHelp = Catalog.Help.Reports.Figures

/// `kpi --month YYYY-MM | --week YYYY-Www [--json]` and `kpi freeze`.
struct KPICommand: ParsableCommand {
    static var configuration: CommandConfiguration { CommandConfiguration(
        commandName: "kpi", abstract: HelpDesk.say(FiguresHelp.abstract),
        subcommands: [Show.self, Items.self, Freeze.self], defaultSubcommand: Show.self) }

    struct PeriodOptions: ParsableArguments {
        @Option(help: ArgumentHelp(HelpDesk.say(FiguresHelp.month), valueName: "YYYY-MM")) var month: MonthArgument?
        @Option(help: ArgumentHelp(HelpDesk.say(FiguresHelp.week), valueName: "YYYY-Www")) var week: WeekArgument?

        func validate() throws {
            try MonthArgument.validate(month, option: "--month")
            try WeekArgument.validate(week, option: "--week")
        }

        /// The period asked for; this month when neither is given.
        func period(now: Date) throws -> Period {
            switch (month, week) {
            case (nil, nil): return .month(containing: now)
            case (let m?, nil): return try m.value(option: "--month")
            case (nil, let w?): return try w.value(option: "--week")
            default: throw UsageError(Catalog.Reports.Figures.monthOrWeek)
            }
        }
    }

    struct Show: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "show", abstract: HelpDesk.say(FiguresHelp.showAbstract)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions
        func run() throws {
            let env = try Environment(global)
            let report = try env.database.kpiReport(try period.period(now: env.now), now: env.now)
            try KPICommand.print(report, env)
        }
    }

    struct Items: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "items", 
            abstract: HelpDesk.say(FiguresHelp.itemsAbstract),
            discussion: HelpDesk.say(FiguresHelp.itemsDiscussion)) }
        @OptionGroup var global: GlobalOptions
        @Argument(help: ArgumentHelp(HelpDesk.say(FiguresHelp.figure), valueName: "FIGURE")) var figure: String
        @OptionGroup var period: PeriodOptions
        @OptionGroup var most: LimitOption

        func run() throws {
            let env = try Environment(global)
            guard let id = KPI(rawValue: figure.uppercased()) else {
                let known = KPI.allCases.map(\.rawValue).joined(separator: ", ")
                throw UsageError(Catalog.Reports.Figures.notAFigure(figure, accepted: known))
            }
            let p = try period.period(now: env.now)
            let (shown, total) = most.limit == 0
                ? try { let all = try env.database.kpiItems(id, p, now: env.now); return (all, all.count) }()
                : try env.database.kpiItems(id, p, now: env.now, limit: most.limit)
            // The time each waited on its requester (the clock paused), shown when any did.
            let paused = try env.database.pausedSeconds(of: shown.compactMap { $0.subject == .item ? $0.id : nil }, now: env.now)
            if env.json {
                try JSONOutput.print(KPIItemsJSON(period: p.description, figure: id.rawValue, total: total,
                                                  items: shown.map { KPIItemsJSON.Entry($0, paused: $0.subject == .item ? paused[$0.id] ?? 0 : 0) }))
                return
            }
            let lang = env.language, t = Strings(lang)
            HelpDeskCommands.print("\(p)  \(id.rawValue) \(id.name(lang))")
            let showPaused = !paused.isEmpty
            var table = TextTable(headers: Catalog.Reports.Figures.itemHeaders.map { $0(lang) }
                                  + (showPaused ? [Catalog.WaitingAndLinks.pausedHeader(lang)] : []))
            table.cutLast = false
            table.rows = shown.map { e in
                let times = BeijingTime.shortPair(deadline: e.deadline, event: e.eventAt)
                let waited = e.subject == .item ? paused[e.id] : nil
                return ["\(e.id)", e.kind?.label(lang) ?? Catalog.Reports.Figures.delivery(lang), e.title,
                 times.deadline ?? "", times.event ?? Catalog.Reports.notYet(lang),
                 e.met.map { ($0 ? Catalog.Reports.yes : Catalog.Reports.no)(lang) } ?? "—", e.met == false ? TerminalText.sanitize(e.cause ?? "") : ""]
                    + (showPaused ? [waited.map { Catalog.WaitingAndLinks.duration($0)(lang) } ?? ""] : [])
            }
            HelpDeskCommands.print(table.render())
            if shown.count < total {
                Output.standardError("\(t(.showing)) 1–\(shown.count) \(t(.of)) \(total)\n")
            } else if total == 0 {
                Output.standardError("\(t(.noItems))\n")
            }
        }
    }

    struct Freeze: ParsableCommand {
        static var configuration: CommandConfiguration { CommandConfiguration(commandName: "freeze", 
            abstract: HelpDesk.say(FiguresHelp.freezeAbstract)) }
        @OptionGroup var global: GlobalOptions
        @OptionGroup var period: PeriodOptions
        func run() throws {
            let env = try Environment(global)
            guard period.month != nil || period.week != nil else { throw UsageError(Catalog.Reports.Figures.periodMissing) }
            let report = try env.database.freeze(try period.period(now: env.now), env.context)
            try KPICommand.print(report, env)
        }
    }

    static func print(_ report: KPIReport, _ env: Environment) throws {
        if env.json {
            try JSONOutput.print(KPIJSON(report))
            return
        }
        let lang = env.language
        var header = "\(report.period)"
        if let at = report.frozenAt, let by = report.frozenBy {
            header += Catalog.Reports.Figures.frozen(by: by, at: BeijingTime.iso(at))(lang)
        }
        HelpDeskCommands.print(header)
        var table = TextTable(headers: Catalog.Reports.Figures.headers.map { $0(lang) })
        for f in report.figures {
            let target = "\(f.comparison.rawValue) \(String(format: "%g%%", f.target * 100))"
            let met = f.met.map { ($0 ? Catalog.Reports.yes : Catalog.Reports.no)(lang) } ?? "—"
            let value = f.value == nil ? "—" : "\(f.valueText) (\(f.numerator)/\(f.denominator))"
            table.rows.append([f.id.rawValue, f.name(env.language), value, target, met])
        }
        HelpDeskCommands.print(table.render())
    }
}

/// The stable shape scripts read: period, frozen, and one entry per figure.
struct KPIJSON: Encodable {
    struct Figure: Encodable {
        let id: String
        let numerator: Int
        let denominator: Int
        let value: Double?
        let target: Double
        let comparison: String
        let met: Bool?

        enum CodingKeys: String, CodingKey { case id, numerator, denominator, value, target, comparison, met }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(numerator, forKey: .numerator)
            try c.encode(denominator, forKey: .denominator)
            try c.encode(value, forKey: .value)   // null when empty, not left out
            try c.encode(target, forKey: .target)
            try c.encode(comparison, forKey: .comparison)
            try c.encode(met, forKey: .met)
        }
    }
    let period: String
    let frozen: Bool
    let figures: [Figure]

    init(_ r: KPIReport) {
        period = r.period.description
        frozen = r.frozen
        figures = r.figures.map {
            Figure(id: $0.id.rawValue, numerator: $0.numerator, denominator: $0.denominator,
                   value: $0.value.map { ($0 * 10_000).rounded() / 10_000 }, target: $0.target,
                   comparison: $0.comparison.rawValue, met: $0.met)
        }
    }
}

/// `kpi items --json`: `{"period", "figure", "total", "items": [{"id", "subject", "kind", "title",
/// "deadline", "event_at", "met", "cause"}]}`; `subject` is `item` or `delivery` (K5), absent
/// values are `null`.
struct KPIItemsJSON: Encodable {
    struct Entry: Encodable {
        let e: KPIEntry
        /// Seconds the item waited on its requester (0: never).
        let paused: Int
        init(_ e: KPIEntry, paused: Int = 0) { (self.e, self.paused) = (e, paused) }
        enum Keys: String, CodingKey { case id, subject, kind, title, deadline, event_at, met, cause, paused_seconds }
        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: Keys.self)
            try c.encode(e.id, forKey: .id)
            try c.encode(e.subject.rawValue, forKey: .subject)
            try c.encode(e.kind?.rawValue, forKey: .kind)
            try c.encode(e.title, forKey: .title)
            try c.encode(e.deadline.map(BeijingTime.iso), forKey: .deadline)
            try c.encode(e.eventAt.map(BeijingTime.iso), forKey: .event_at)
            try c.encode(e.met, forKey: .met)
            try c.encode(e.cause, forKey: .cause)
            try c.encode(paused, forKey: .paused_seconds)
        }
    }
    let period: String
    let figure: String
    let total: Int
    let items: [Entry]
}
