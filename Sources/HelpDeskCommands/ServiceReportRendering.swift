import CSV
import Foundation
import HelpDeskCore
import HelpDeskStore
import Plot

/// The formats of the monthly service report.
public enum ReportFormat: String, CaseIterable, Sendable {
    case md, html, csv
}

/// The monthly service report as text: pure functions of the gathered data, no I/O.
///
/// Every format shows the same tables in the same order; `tables` builds them once and each
/// format escapes the cells its own way.
public enum ServiceReportRendering {
    /// The system's name, as the contract writes it.
    static let systemName = Catalog.Reports.systemName

    public static func render(_ data: ServiceReportData, format: ReportFormat, _ lang: HelpDeskCore.Language) throws -> String {
        switch format {
        case .md: return markdown(data, lang)
        case .csv: return try csv(data, lang)
        case .html: return html(data, lang)
        }
    }

    // MARK: The tables

    typealias Said = Catalog.Reports.Monthly

    static func title(_ lang: HelpDeskCore.Language) -> String { Said.title(lang) }

    /// The lines under the title: month, when generated, frozen or not.
    static func headerLines(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> [(String, String)] {
        var frozen = Said.notFrozen(lang)
        if let at = d.kpi.frozenAt, let by = d.kpi.frozenBy {
            frozen = Said.frozenBy(by, at: BeijingTime.short(at))(lang)
        }
        return [(Said.month(lang), d.period.description), (Said.generated(lang), BeijingTime.short(d.generatedAt)),
                (Said.frozen(lang), frozen)]
    }

    static func yesNo(_ value: Bool?, _ lang: HelpDeskCore.Language) -> String {
        value.map { ($0 ? Catalog.Reports.yes : Catalog.Reports.no)(lang) } ?? "—"
    }

    static func percent(_ x: Double) -> String { String(format: "%g%%", (x * 1000).rounded() / 10) }

    static func tables(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> [ReportTable] {
        let said = { (texts: [LocalizedText]) in texts.map { $0(lang) } }
        var tables: [ReportTable] = []

        tables.append(ReportTable(
            key: "figures", title: Said.figuresTitle(lang),
            headers: said(Said.figureHeaders),
            rows: d.kpi.figures.map { f in
                [f.id.rawValue, f.name(lang), f.valueText, f.value == nil ? "—" : "\(f.numerator)/\(f.denominator)",
                 target(f), yesNo(f.met, lang)]
            }, note: nil, empty: ""))
        tables.append(weekTable(d, lang))

        for m in d.missed where m.total > 0 {
            let more = m.total - m.items.count
            tables.append(ReportTable(
                key: "missed",
                title: Said.missedTitle(m.figure.rawValue, m.figure.localizedName, total: m.total)(lang),
                headers: said(Said.missedHeaders),
                rows: m.items.map { e in
                    let times = BeijingTime.shortPair(deadline: e.deadline, event: e.eventAt)
                    return [m.figure.rawValue, "\(e.id)", e.kind?.label(lang) ?? Said.delivery(lang), e.title,
                            times.deadline ?? "", times.event ?? Catalog.Reports.notYet(lang), e.cause ?? ""]
                },
                note: more > 0 ? Said.more(more)(lang) : nil, empty: "", firstColumnInTitle: true))
        }
        if d.missed.allSatisfy({ $0.total == 0 }) {
            tables.append(ReportTable(key: "missed", title: Said.missedNone(lang), headers: said(Said.missedHeaders),
                                rows: [], note: nil, empty: Said.nothingMissed(lang)))
        }

        let faultHeaders = said(Said.faultHeaders)
        func counts(_ c: ServiceReportData.FaultCount) -> [String] {
            ["\(c.reported)", "\(c.restoredInTime)", "\(c.restoredLate)", "\(c.open)"]
        }
        tables.append(ReportTable(
            key: "faults-by-level", title: Said.faultsByLevel(lang),
            headers: [Said.levelColumn(lang)] + faultHeaders,
            rows: FaultLevel.allCases.map { level in
                [Said.level(level.rawValue)(lang)] + counts(d.faultsByLevel[level] ?? .init())
            }, note: nil, empty: ""))
        tables.append(ReportTable(
            key: "faults-by-region", title: Said.faultsByRegion(lang),
            headers: [Said.regionColumn(lang)] + faultHeaders,
            rows: Region.allCases.map { region in
                [region.label(lang)] + counts(d.faultsByRegion[region] ?? .init())
            }, note: nil, empty: ""))

        tables.append(ReportTable(
            key: "deliveries", title: Said.deliveriesTitle(lang),
            headers: said(Said.deliveryHeaders),
            rows: d.deliveries.map { e in
                ["\(e.delivery.id)", e.delivery.label, BeijingTime.short(e.delivery.deliveredAt), e.delivery.deliveredBy,
                 e.changes.map { "#\($0.id) \($0.title)" }.joined(separator: "\n")]
            }, note: nil, empty: Said.noDelivery(lang)))
        tables.append(ReportTable(
            key: "defects", title: Said.defectsTitle(lang),
            headers: said(Said.defectHeaders),
            rows: d.defects.map { e in
                ["\(e.defect.id)", e.defect.title, "#\(e.defect.deliveryId) \(e.deliveryLabel)", BeijingTime.short(e.defect.foundAt),
                 "\(e.daysAfterDelivery)", yesNo(e.withinThirtyDays, lang)]
            }, note: nil, empty: Said.noDefect(lang)))
        tables.append(trainingTable(d, lang))
        tables.append(inspectionTable(d, lang))
        tables.append(correctionTable(d, lang))
        tables.append(pausedTable(d, lang))
        return tables
    }

    /// K2, the contract's weekly figure, for each ISO week whose Thursday falls in the month.
    static func weekTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        typealias Weeks = Catalog.ReportWeeks
        return ReportTable(
            key: "weeks", title: Weeks.weeksTitle(lang),
            headers: Weeks.weekHeaders.map { $0(lang) },
            rows: d.weeks.compactMap { w in
                guard let f = w.figures.first(where: { $0.id == .k2 }) else { return nil }
                let days = w.period.days
                return [w.period.description, Weeks.days(days.first.description, days.end.adding(days: -1).description)(lang),
                        f.valueText, f.value == nil ? "—" : "\(f.numerator)/\(f.denominator)", target(f), yesNo(f.met, lang),
                        (w.frozen ? Weeks.weekFrozen : Weeks.weekNotFrozen)(lang)]
            }, note: nil, empty: "")
    }

    static func target(_ f: KPIFigure) -> String { "\(f.comparison == .atLeast ? "≥" : "≤") \(percent(f.target))" }

    /// The trainings held in the month.
    static func trainingTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        ReportTable(
            key: "trainings", title: Said.trainingsTitle(lang),
            headers: Said.trainingHeaders.map { $0(lang) },
            rows: d.trainings.map { e in
                ["\(e.id)", e.type.label(lang), e.topic, e.heldOn.description, "\(e.attendance)",
                 TrainingRules.averageText(e.averageScore), "\(e.stepsDone)/\(TrainingStep.allCases.count)"]
            }, note: nil, empty: Said.noTraining(lang))
    }

    /// The inspections made in the month: each with how many readings went over their threshold,
    /// opened an item or were linked to one still open (`inspect report ID` has the readings).
    static func inspectionTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        ReportTable(
            key: "inspections", title: Said.inspectionsTitle(lang),
            headers: Said.inspectionHeaders.map { $0(lang) },
            rows: d.inspections.map { s in
                ["\(s.id)", BeijingTime.short(s.at), s.kind.label(lang), s.inspector, "\(s.readings)", "\(s.over)", "\(s.opened)", "\(s.linked)"]
            }, note: nil, empty: Said.noInspection(lang))
    }

    /// The corrections of kind or received time made in the month: a correction can hide a miss.
    static func correctionTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        typealias Said = Catalog.Corrections
        func kind(_ raw: String) -> String { ItemKind(rawValue: raw)?.label(lang) ?? raw }
        return ReportTable(
            key: "corrections", title: Said.reportTitle(lang),
            headers: Said.reportHeaders.map { $0(lang) },
            rows: d.corrections.map { c in
                var parts: [String] = []
                if let k = c.kind { parts.append("\(kind(k.old)) → \(kind(k.new))") }
                if let r = c.receivedAt { parts.append("\(r.old) → \(r.new)") }
                return ["\(c.itemId)", c.actor, BeijingTime.short(c.at), parts.joined(separator: "\n"),
                        "\(c.oldDue ?? "—") → \(c.newDue ?? "—")"]
            }, note: nil, empty: Said.reportNone(lang))
    }

    /// The tickets paused in the month while they waited on their requester: a pause moves the deadline.
    static func pausedTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        typealias Said = Catalog.WaitingAndLinks
        return ReportTable(
            key: "paused", title: Said.reportTitle(lang),
            headers: Said.reportHeaders.map { $0(lang) },
            rows: d.pauses.map { p in
                ["\(p.itemId)", BeijingTime.short(p.pausedAt), p.resumedAt.map(BeijingTime.short) ?? Said.stillWaiting(lang), p.reason,
                 "\(BeijingTime.short(p.dueBefore)) → \(p.dueAfter.map(BeijingTime.short) ?? "—")"]
            }, note: nil, empty: Said.reportNone(lang))
    }

    // MARK: Markdown

    public static func markdown(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> String {
        ReportPage.markdown(title: title(lang), meta: headerLines(d, lang), tables: tables(d, lang), lang)
    }

    // MARK: CSV

    /// The number columns the CSV writes in place of a shown fraction or percentage: `1/21`, `5/6`
    /// or `3/7` is a date to a spreadsheet, `4` and `21` in columns of their own are numbers.
    /// Sections without such cells are written as shown.
    static func csvColumns(_ t: ReportTable, _ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> (headers: [String], rows: [[String]]) {
        typealias Weeks = Catalog.ReportWeeks
        let numbers = [Weeks.numerator, Weeks.denominator, Weeks.valuePercent, Weeks.comparison, Weeks.targetPercent].map { $0(lang) }
        func counted(_ f: KPIFigure) -> [String] {
            ["\(f.numerator)", "\(f.denominator)", f.value.map { String(format: "%.1f", $0 * 100) } ?? "",
             f.comparison == .atLeast ? "≥" : "≤", String(format: "%g", (f.target * 1000).rounded() / 10), yesNo(f.met, lang)]
        }
        switch t.key {
        case "figures":
            return (Array(t.headers.prefix(2)) + numbers + [t.headers[5]],
                    d.kpi.figures.map { [$0.id.rawValue, $0.name(lang)] + counted($0) })
        case "weeks":
            let h = t.headers
            return ([h[0], Weeks.weekStart(lang), Weeks.weekEnd(lang)] + numbers + [h[5], h[6]],
                    d.weeks.compactMap { w in
                        guard let f = w.figures.first(where: { $0.id == .k2 }) else { return nil }
                        let days = w.period.days
                        return [w.period.description, days.first.description, days.end.adding(days: -1).description] + counted(f)
                            + [(w.frozen ? Weeks.weekFrozen : Weeks.weekNotFrozen)(lang)]
                    })
        case "trainings":
            return (Array(t.headers.dropLast()) + [Weeks.stepsDone(lang), Weeks.stepsTotal(lang)],
                    d.trainings.map { e in
                        ["\(e.id)", e.type.label(lang), e.topic, e.heldOn.description, "\(e.attendance)",
                         TrainingRules.averageText(e.averageScore), "\(e.stepsDone)", "\(TrainingStep.allCases.count)"]
                    })
        default:
            return (t.headers, t.rows)
        }
    }

    /// One CSV document, as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, rows
    /// ending with CRLF, fields quoted by CSV.swift's writer (RFC 4180). The first column names the
    /// section; the first row of each section names its columns. Counts and percentages are numbers
    /// in columns of their own (`csvColumns`), so no cell reads as a date.
    public static func csv(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) throws -> String {
        var lines: [[String]] = [["section", "field", "value"], ["report", "title", title(lang)]]
        let keys = ["month", "generated", "frozen"]
        for (i, (_, value)) in headerLines(d, lang).enumerated() { lines.append(["report", keys[i], value]) }
        lines.append(["report", "frozen_by", d.kpi.frozenBy ?? ""])
        lines.append(["report", "frozen_at", d.kpi.frozenAt.map(BeijingTime.iso) ?? ""])
        var started: Set<String> = []
        for t in tables(d, lang) {
            let columns = csvColumns(t, d, lang)
            if started.insert(t.key).inserted { lines.append([t.key] + columns.headers) }
            lines += columns.rows.map { [t.key] + $0 }
            if let note = t.note, t.key == "missed", let figure = t.rows.first?.first {
                if started.insert("missed-more").inserted { lines.append(["missed-more", "figure", "note"]) }
                lines.append(["missed-more", figure, note])
            }
        }
        let writer = try CSVWriter(stream: OutputStream.toMemory(), newline: .crlf)
        for line in lines { try writer.write(row: line) }
        writer.stream.close()
        guard let data = writer.stream.property(forKey: .dataWrittenToMemoryStreamKey) as? Data else {
            throw CocoaError(.fileWriteUnknown)
        }
        return "\u{FEFF}" + String(decoding: data, as: UTF8.self) + "\r\n"
    }

    // MARK: HTML

    public static func html(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> String {
        ReportPage.html(title: title(lang), documentTitle: "\(title(lang)) \(d.period.description)",
                        meta: headerLines(d, lang), tables: tables(d, lang), before: [0: chart(d.kpi.figures, lang)],
                        lang)
    }

    /// The figures as horizontal bars from 0 to 100 %, each with its target as a line: green when
    /// met, red when missed, an empty track and "—" when there is nothing to count.
    static func chart(_ figures: [KPIFigure], _ lang: HelpDeskCore.Language) -> Node<HTML.BodyContext> {
        let labelWidth = 170.0, barWidth = 380.0, rowHeight = 26.0, top = 10.0
        let width = labelWidth + barWidth + 80, height = top + Double(figures.count) * rowHeight + 24
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        func svg(_ name: String, _ attributes: [(String, String)], _ children: [Node<HTML.BodyContext>] = []) -> Node<HTML.BodyContext> {
            ReportPage.svg(name, attributes, children)
        }
        var marks: [Node<HTML.BodyContext>] = []
        for (i, fig) in figures.enumerated() {
            let y = top + Double(i) * rowHeight
            marks.append(svg("text", [("x", f(labelWidth - 8)), ("y", f(y + 15)), ("text-anchor", "end"), ("fill", "#1d2733")],
                             [ReportPage.text("\(fig.id.rawValue) \(fig.name(lang))")]))
            marks.append(svg("rect", [("x", f(labelWidth)), ("y", f(y + 4)), ("width", f(barWidth)), ("height", "16"), ("fill", "#eef2f6")]))
            if let v = fig.value {
                marks.append(svg("rect", [("x", f(labelWidth)), ("y", f(y + 4)), ("width", f(barWidth * min(max(v, 0), 1))),
                                          ("height", "16"), ("fill", fig.met == true ? "#2e8b47" : "#c0392b")]))
            }
            let tx = f(labelWidth + barWidth * min(max(fig.target, 0), 1))
            marks.append(svg("line", [("x1", tx), ("y1", f(y + 1)), ("x2", tx), ("y2", f(y + 23)), ("stroke", "#1d2733"),
                                      ("stroke-width", "2"), ("stroke-dasharray", "3 2")]))
            marks.append(svg("text", [("x", f(labelWidth + barWidth + 8)), ("y", f(y + 15)), ("fill", "#1d2733")],
                             [ReportPage.text(fig.valueText)]))
        }
        let axisY = f(top + Double(figures.count) * rowHeight + 14)
        for p in [0.0, 0.5, 1.0] {
            marks.append(svg("text", [("x", f(labelWidth + barWidth * p)), ("y", axisY), ("text-anchor", "middle"),
                                      ("fill", "#5a6775"), ("font-size", "10")], [.text("\(Int(p * 100))%")]))
        }
        let label = ReportPage.attributeText(Said.chartLabel(lang))
        return svg("figure", [], [
            svg("svg", [("viewBox", "0 0 \(f(width)) \(f(height))"), ("role", "img"), ("aria-label", label),
                        ("font-size", "12"), ("font-family", "inherit")], marks),
            svg("figcaption", [], [ReportPage.text(Said.chartCaption(lang))]),
        ])
    }
}
