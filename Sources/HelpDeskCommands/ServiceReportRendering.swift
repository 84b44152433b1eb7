import CSV
import Foundation
import HelpDeskCore
import HelpDeskStore

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
    static let systemName = "青海省机关事业单位养老保险信息管理系统"

    public static func render(_ data: ServiceReportData, format: ReportFormat, _ lang: Language) throws -> String {
        switch format {
        case .md: return markdown(data, lang)
        case .csv: return try csv(data, lang)
        case .html: return html(data, lang)
        }
    }

    // MARK: The tables

    /// One table of the report. `key` names its section in CSV.
    struct Table {
        var key: String
        var title: String
        var headers: [String]
        var rows: [[String]]
        /// A line under the table ("and 12 more"), or what to say when it has no rows.
        var note: String?
        var empty: String
        /// The first column repeats what the title says (the figure of a missed item): CSV keeps
        /// it, Markdown and HTML leave it out.
        var firstColumnInTitle = false

        /// The headers and rows Markdown and HTML show.
        var shown: (headers: [String], rows: [[String]]) {
            firstColumnInTitle ? (Array(headers.dropFirst()), rows.map { Array($0.dropFirst()) }) : (headers, rows)
        }
    }

    struct Words {
        let zh: Bool
        func callAsFunction(_ zhText: String, _ en: String) -> String { zh ? zhText : en }
    }

    static func title(_ lang: Language) -> String {
        lang == .zh ? "\(systemName) 运维服务月报" : "\(systemName) — monthly maintenance service report"
    }

    /// The lines under the title: month, when generated, frozen or not.
    static func headerLines(_ d: ServiceReportData, _ lang: Language) -> [(String, String)] {
        let w = Words(zh: lang == .zh)
        var frozen = w("未冻结（按生成时的数据计算）", "not frozen (computed when generated)")
        if let at = d.kpi.frozenAt, let by = d.kpi.frozenBy {
            frozen = w("已冻结：\(by)，\(BeijingTime.short(at))（指标为冻结时保存的数值）",
                       "frozen by \(by) at \(BeijingTime.short(at)) (the figures stored then)")
        }
        return [(w("月份", "month"), d.period.description), (w("生成时间", "generated"), BeijingTime.short(d.generatedAt)),
                (w("冻结", "frozen"), frozen)]
    }

    static func yesNo(_ value: Bool?, _ w: Words) -> String {
        value.map { $0 ? w("是", "yes") : w("否", "no") } ?? "—"
    }

    static func percent(_ x: Double) -> String { String(format: "%g%%", (x * 1000).rounded() / 10) }

    static func tables(_ d: ServiceReportData, _ lang: Language) -> [Table] {
        let w = Words(zh: lang == .zh)
        var tables: [Table] = []

        tables.append(Table(
            key: "figures", title: w("一、考核指标 K1–K7", "1. Service levels K1–K7"),
            headers: [w("指标", "id"), w("名称", "figure"), w("数值", "value"), w("分子/分母", "count"), w("目标", "target"), w("达标", "met")],
            rows: d.kpi.figures.map { f in
                [f.id.rawValue, f.name(lang), f.valueText, f.value == nil ? "—" : "\(f.numerator)/\(f.denominator)",
                 "\(f.comparison == .atLeast ? "≥" : "≤") \(percent(f.target))", yesNo(f.met, w)]
            }, note: nil, empty: ""))

        for m in d.missed where m.total > 0 {
            let more = m.total - m.items.count
            tables.append(Table(
                key: "missed",
                title: w("二、未达标事项：\(m.figure.rawValue) \(m.figure.name(lang))（\(m.total) 项）",
                         "2. Missed: \(m.figure.rawValue) \(m.figure.name(lang)) (\(m.total))"),
                headers: [w("指标", "figure"), w("编号", "id"), w("类别", "kind"), w("标题", "title"), w("时限", "deadline"),
                          w("发生", "event"), w("原因", "cause")],
                rows: m.items.map { e in
                    [m.figure.rawValue, "\(e.id)", e.kind?.label(lang) ?? w("软件交付", "delivery"), e.title,
                     e.deadline.map(BeijingTime.short) ?? "", e.eventAt.map(BeijingTime.short) ?? w("未发生", "not yet"), e.cause ?? ""]
                },
                note: more > 0 ? w("另有 \(more) 项未列出", "and \(more) more") : nil, empty: "", firstColumnInTitle: true))
        }
        if d.missed.allSatisfy({ $0.total == 0 }) {
            tables.append(Table(key: "missed", title: w("二、未达标事项", "2. Missed items"),
                                headers: [w("指标", "figure"), w("编号", "id"), w("类别", "kind"), w("标题", "title"),
                                          w("时限", "deadline"), w("发生", "event"), w("原因", "cause")],
                                rows: [], note: nil, empty: w("本月没有未达标事项。", "Nothing missed this month.")))
        }

        let faultHeaders = [w("报告", "reported"), w("按时恢复", "restored in time"), w("超时恢复", "restored late"), w("未恢复", "open")]
        func counts(_ c: ServiceReportData.FaultCount) -> [String] {
            ["\(c.reported)", "\(c.restoredInTime)", "\(c.restoredLate)", "\(c.open)"]
        }
        tables.append(Table(
            key: "faults-by-level", title: w("三、本月报告的故障（按级别）", "3. Faults reported in the month, by level"),
            headers: [w("级别", "level")] + faultHeaders,
            rows: FaultLevel.allCases.map { level in
                [w("\(level.rawValue)级", "level \(level.rawValue)")] + counts(d.faultsByLevel[level] ?? .init())
            }, note: nil, empty: ""))
        tables.append(Table(
            key: "faults-by-region", title: w("本月报告的故障（按地区）", "Faults reported in the month, by region"),
            headers: [w("地区", "region")] + faultHeaders,
            rows: Region.allCases.map { region in
                [lang == .zh ? region.chineseName : "\(region.chineseName) (\(region.rawValue))"] + counts(d.faultsByRegion[region] ?? .init())
            }, note: nil, empty: ""))

        tables.append(Table(
            key: "deliveries", title: w("四、本月软件交付", "4. Deliveries in the month"),
            headers: [w("编号", "id"), w("版本", "label"), w("交付时间", "delivered"), w("交付人", "by"), w("包含的变更", "changes carried")],
            rows: d.deliveries.map { e in
                ["\(e.delivery.id)", e.delivery.label, BeijingTime.short(e.delivery.deliveredAt), e.delivery.deliveredBy,
                 e.changes.map { "#\($0.id) \($0.title)" }.joined(separator: "\n")]
            }, note: nil, empty: w("本月没有软件交付。", "No delivery this month.")))
        tables.append(Table(
            key: "defects", title: w("本月发现的缺陷", "Defects found in the month"),
            headers: [w("编号", "id"), w("标题", "title"), w("所属交付", "delivery"), w("发现时间", "found"),
                      w("交付后第几天", "day after delivery"), w("30 天内", "within 30 days")],
            rows: d.defects.map { e in
                ["\(e.defect.id)", e.defect.title, "#\(e.defect.deliveryId) \(e.deliveryLabel)", BeijingTime.short(e.defect.foundAt),
                 "\(e.daysAfterDelivery)", yesNo(e.withinThirtyDays, w)]
            }, note: nil, empty: w("本月没有发现缺陷。", "No defect found this month.")))
        return tables
    }

    /// The trainings held in the month, for Markdown and CSV (the HTML page does not show them yet).
    static func trainingTable(_ d: ServiceReportData, _ lang: Language) -> Table {
        let w = Words(zh: lang == .zh)
        return Table(
            key: "trainings", title: w("五、本月培训", "5. Trainings in the month"),
            headers: [w("编号", "id"), w("培训对象", "for"), w("主题", "topic"), w("日期", "held on"), w("参训人数", "attended"),
                      w("平均分", "average score"), w("完成步骤", "steps done")],
            rows: d.trainings.map { e in
                ["\(e.id)", e.type.label(lang), e.topic, e.heldOn.description, "\(e.attendance)",
                 TrainingRules.averageText(e.averageScore), "\(e.stepsDone)/\(TrainingStep.allCases.count)"]
            }, note: nil, empty: w("本月没有培训。", "No training this month."))
    }

    // MARK: Markdown

    /// A table cell: `|` and the characters Markdown reads as markup are escaped, a line break
    /// becomes `<br>`, other control characters are dropped.
    static func markdownCell(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\n", "\r": out += "<br>"
            case "|", "\\", "*", "_", "`", "[", "]": out += "\\\(scalar)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    public static func markdown(_ d: ServiceReportData, _ lang: Language) -> String {
        var out = "# \(markdownCell(title(lang)))\n\n"
        for (name, value) in headerLines(d, lang) { out += "- \(markdownCell(name))\(lang == .zh ? "：" : ": ")\(markdownCell(value))\n" }
        out += "\n"
        for t in tables(d, lang) + [trainingTable(d, lang)] {
            out += "## \(markdownCell(t.title))\n\n"
            if t.rows.isEmpty, !t.empty.isEmpty {
                out += "\(markdownCell(t.empty))\n\n"
                continue
            }
            let (headers, rows) = t.shown
            out += "| " + headers.map(markdownCell).joined(separator: " | ") + " |\n"
            out += "|" + headers.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(markdownCell).joined(separator: " | ") + " |\n" }
            if let note = t.note { out += "\n\(markdownCell(note))\n" }
            out += "\n"
        }
        return out
    }

    // MARK: CSV

    /// One CSV document, as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, rows
    /// ending with CRLF, fields quoted by CSV.swift's writer (RFC 4180). The first column names the
    /// section; the first row of each section names its columns.
    public static func csv(_ d: ServiceReportData, _ lang: Language) throws -> String {
        var lines: [[String]] = [["section", "field", "value"], ["report", "title", title(lang)]]
        let keys = ["month", "generated", "frozen"]
        for (i, (_, value)) in headerLines(d, lang).enumerated() { lines.append(["report", keys[i], value]) }
        lines.append(["report", "frozen_by", d.kpi.frozenBy ?? ""])
        lines.append(["report", "frozen_at", d.kpi.frozenAt.map(BeijingTime.iso) ?? ""])
        var started: Set<String> = []
        for t in tables(d, lang) + [trainingTable(d, lang)] {
            if started.insert(t.key).inserted { lines.append([t.key] + t.headers) }
            lines += t.rows.map { [t.key] + $0 }
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

    static func escapeHTML(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n": out += "<br>"
            default:
                if scalar.properties.generalCategory == .control { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static let style = """
        @page { size: A4 portrait; margin: 16mm 14mm 18mm 14mm; }
        * { box-sizing: border-box; }
        body { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", "PingFang SC", "Microsoft YaHei", sans-serif;
               color: #1d2733; background: #fff; margin: 0 auto; max-width: 60rem; padding: 1.5rem; font-size: 11pt; line-height: 1.45; }
        h1 { font-size: 17pt; margin: 0 0 .4rem; border-bottom: 2px solid #2c5d8a; padding-bottom: .3rem; }
        h2 { font-size: 12.5pt; margin: 1.3rem 0 .5rem; color: #2c5d8a; break-after: avoid; page-break-after: avoid; }
        dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .5rem 0 1rem; }
        dl.meta dt { color: #5a6775; } dl.meta dd { margin: 0; }
        table { border-collapse: collapse; width: 100%; font-size: 9.5pt; margin: .3rem 0 .6rem; }
        thead { display: table-header-group; }
        tr { break-inside: avoid; page-break-inside: avoid; }
        th, td { border: 1px solid #c5ced8; padding: .25rem .4rem; text-align: left; vertical-align: top; overflow-wrap: anywhere; }
        th { background: #eef2f6; font-weight: 600; white-space: nowrap; }
        td.short { white-space: nowrap; }
        td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        td.no { color: #b3261e; font-weight: 600; } td.yes { color: #1e7b34; }
        p.note, p.empty { color: #5a6775; margin: .2rem 0 .8rem; }
        figure { margin: .4rem 0 1rem; break-inside: avoid; page-break-inside: avoid; }
        figure svg { width: 100%; height: auto; max-width: 44rem; display: block; }
        figcaption { font-size: 9pt; color: #5a6775; }
        footer { margin-top: 1.5rem; font-size: 9pt; color: #5a6775; }
        @media print { body { padding: 0; max-width: none; } }
        """

    public static func html(_ d: ServiceReportData, _ lang: Language) -> String {
        let w = Words(zh: lang == .zh)
        var out = """
            <!DOCTYPE html>
            <html lang="\(lang == .zh ? "zh-CN" : "en")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escapeHTML(title(lang))) \(escapeHTML(d.period.description))</title>
            <style>
            \(style)
            </style>
            </head>
            <body>
            <h1>\(escapeHTML(title(lang)))</h1>
            <dl class="meta">

            """
        for (name, value) in headerLines(d, lang) { out += "<dt>\(escapeHTML(name))</dt><dd>\(escapeHTML(value))</dd>\n" }
        out += "</dl>\n"
        for (i, t) in tables(d, lang).enumerated() {
            out += "<section>\n<h2>\(escapeHTML(t.title))</h2>\n"
            if i == 0 { out += chart(d.kpi.figures, lang) }
            if t.rows.isEmpty, !t.empty.isEmpty {
                out += "<p class=\"empty\">\(escapeHTML(t.empty))</p>\n</section>\n"
                continue
            }
            let (headers, rows) = t.shown
            out += "<table>\n<thead><tr>" + headers.map { "<th>\(escapeHTML($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for row in rows {
                out += "<tr>" + row.map { cell in
                    let yes = cell == w("是", "yes"), no = cell == w("否", "no")
                    let numeric = !cell.isEmpty && cell.allSatisfy { $0.isNumber || "/%.—".contains($0) }
                    let short = cell.count <= 10 || (cell.count == 16 && cell.first?.isNumber == true)
                    let cls = no ? " class=\"no\"" : yes ? " class=\"yes\"" : numeric ? " class=\"num\"" : short ? " class=\"short\"" : ""
                    return "<td\(cls)>\(escapeHTML(cell))</td>"
                }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
            if let note = t.note { out += "<p class=\"note\">\(escapeHTML(note))</p>\n" }
            out += "</section>\n"
        }
        out += "<footer>\(escapeHTML(w("培训与巡检尚未纳入本系统，本报告不含这两部分。", "Trainings and inspections are not yet recorded by this system; the report has no section for them.")))</footer>\n"
        out += "</body>\n</html>\n"
        return out
    }

    /// The figures as horizontal bars from 0 to 100 %, each with its target as a line: green when
    /// met, red when missed, an empty track and "—" when there is nothing to count.
    static func chart(_ figures: [KPIFigure], _ lang: Language) -> String {
        let w = Words(zh: lang == .zh)
        let labelWidth = 170.0, barWidth = 380.0, rowHeight = 26.0, top = 10.0
        let width = labelWidth + barWidth + 80, height = top + Double(figures.count) * rowHeight + 24
        func f(_ x: Double) -> String { String(format: "%.1f", x) }
        var svg = """
            <figure>
            <svg viewBox="0 0 \(f(width)) \(f(height))" role="img" aria-label="\(escapeHTML(w("考核指标与目标", "figures against their targets")))" font-size="12" font-family="inherit">

            """
        for (i, fig) in figures.enumerated() {
            let y = top + Double(i) * rowHeight
            svg += "<text x=\"\(f(labelWidth - 8))\" y=\"\(f(y + 15))\" text-anchor=\"end\" fill=\"#1d2733\">\(escapeHTML("\(fig.id.rawValue) \(fig.name(lang))"))</text>\n"
            svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(barWidth))\" height=\"16\" fill=\"#eef2f6\"/>\n"
            if let v = fig.value {
                let colour = fig.met == true ? "#2e8b47" : "#c0392b"
                svg += "<rect x=\"\(f(labelWidth))\" y=\"\(f(y + 4))\" width=\"\(f(barWidth * min(max(v, 0), 1)))\" height=\"16\" fill=\"\(colour)\"/>\n"
            }
            let tx = labelWidth + barWidth * min(max(fig.target, 0), 1)
            svg += "<line x1=\"\(f(tx))\" y1=\"\(f(y + 1))\" x2=\"\(f(tx))\" y2=\"\(f(y + 23))\" stroke=\"#1d2733\" stroke-width=\"2\" stroke-dasharray=\"3 2\"/>\n"
            svg += "<text x=\"\(f(labelWidth + barWidth + 8))\" y=\"\(f(y + 15))\" fill=\"#1d2733\">\(escapeHTML(fig.valueText))</text>\n"
        }
        let axisY = top + Double(figures.count) * rowHeight + 14
        for p in [0.0, 0.5, 1.0] {
            svg += "<text x=\"\(f(labelWidth + barWidth * p))\" y=\"\(f(axisY))\" text-anchor=\"middle\" fill=\"#5a6775\" font-size=\"10\">\(Int(p * 100))%</text>\n"
        }
        svg += "</svg>\n<figcaption>\(escapeHTML(w("条形为本月数值，虚线为目标；K4、K5 越低越好。", "Bars: the month's values; dashed lines: the targets. For K4 and K5 lower is better.")))</figcaption>\n</figure>\n"
        return svg
    }
}
