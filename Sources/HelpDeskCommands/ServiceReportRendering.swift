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
    static let systemName = "青海省机关事业单位养老保险信息管理系统"

    public static func render(_ data: ServiceReportData, format: ReportFormat, _ lang: HelpDeskCore.Language) throws -> String {
        switch format {
        case .md: return markdown(data, lang)
        case .csv: return try csv(data, lang)
        case .html: return html(data, lang)
        }
    }

    // MARK: The tables

    struct Words {
        let zh: Bool
        func callAsFunction(_ zhText: String, _ en: String) -> String { zh ? zhText : en }
    }

    static func title(_ lang: HelpDeskCore.Language) -> String {
        lang == .zh ? "\(systemName) 运维服务月报" : "\(systemName) — monthly maintenance service report"
    }

    /// The lines under the title: month, when generated, frozen or not.
    static func headerLines(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> [(String, String)] {
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

    static func tables(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> [ReportTable] {
        let w = Words(zh: lang == .zh)
        var tables: [ReportTable] = []

        tables.append(ReportTable(
            key: "figures", title: w("一、考核指标 K1–K7", "1. Service levels K1–K7"),
            headers: [w("指标", "id"), w("名称", "figure"), w("数值", "value"), w("分子/分母", "count"), w("目标", "target"), w("达标", "met")],
            rows: d.kpi.figures.map { f in
                [f.id.rawValue, f.name(lang), f.valueText, f.value == nil ? "—" : "\(f.numerator)/\(f.denominator)",
                 "\(f.comparison == .atLeast ? "≥" : "≤") \(percent(f.target))", yesNo(f.met, w)]
            }, note: nil, empty: ""))

        for m in d.missed where m.total > 0 {
            let more = m.total - m.items.count
            tables.append(ReportTable(
                key: "missed",
                title: w("二、未达标事项：\(m.figure.rawValue) \(m.figure.name(lang))（\(m.total) 项）",
                         "2. Missed: \(m.figure.rawValue) \(m.figure.name(lang)) (\(m.total))"),
                headers: [w("指标", "figure"), w("编号", "id"), w("类别", "kind"), w("标题", "title"), w("时限", "deadline"),
                          w("发生", "event"), w("原因", "cause")],
                rows: m.items.map { e in
                    let times = BeijingTime.shortPair(deadline: e.deadline, event: e.eventAt)
                    return [m.figure.rawValue, "\(e.id)", e.kind?.label(lang) ?? w("软件交付", "delivery"), e.title,
                            times.deadline ?? "", times.event ?? w("未发生", "not yet"), e.cause ?? ""]
                },
                note: more > 0 ? w("另有 \(more) 项未列出", "and \(more) more") : nil, empty: "", firstColumnInTitle: true))
        }
        if d.missed.allSatisfy({ $0.total == 0 }) {
            tables.append(ReportTable(key: "missed", title: w("二、未达标事项", "2. Missed items"),
                                headers: [w("指标", "figure"), w("编号", "id"), w("类别", "kind"), w("标题", "title"),
                                          w("时限", "deadline"), w("发生", "event"), w("原因", "cause")],
                                rows: [], note: nil, empty: w("本月没有未达标事项。", "Nothing missed this month.")))
        }

        let faultHeaders = [w("报告", "reported"), w("按时恢复", "restored in time"), w("超时恢复", "restored late"), w("未恢复", "open")]
        func counts(_ c: ServiceReportData.FaultCount) -> [String] {
            ["\(c.reported)", "\(c.restoredInTime)", "\(c.restoredLate)", "\(c.open)"]
        }
        tables.append(ReportTable(
            key: "faults-by-level", title: w("三、本月报告的故障（按级别）", "3. Faults reported in the month, by level"),
            headers: [w("级别", "level")] + faultHeaders,
            rows: FaultLevel.allCases.map { level in
                [w("\(level.rawValue)级", "level \(level.rawValue)")] + counts(d.faultsByLevel[level] ?? .init())
            }, note: nil, empty: ""))
        tables.append(ReportTable(
            key: "faults-by-region", title: w("本月报告的故障（按地区）", "Faults reported in the month, by region"),
            headers: [w("地区", "region")] + faultHeaders,
            rows: Region.allCases.map { region in
                [region.label(lang)] + counts(d.faultsByRegion[region] ?? .init())
            }, note: nil, empty: ""))

        tables.append(ReportTable(
            key: "deliveries", title: w("四、本月软件交付", "4. Deliveries in the month"),
            headers: [w("编号", "id"), w("版本", "label"), w("交付时间", "delivered"), w("交付人", "by"), w("包含的变更", "changes carried")],
            rows: d.deliveries.map { e in
                ["\(e.delivery.id)", e.delivery.label, BeijingTime.short(e.delivery.deliveredAt), e.delivery.deliveredBy,
                 e.changes.map { "#\($0.id) \($0.title)" }.joined(separator: "\n")]
            }, note: nil, empty: w("本月没有软件交付。", "No delivery this month.")))
        tables.append(ReportTable(
            key: "defects", title: w("本月发现的缺陷", "Defects found in the month"),
            headers: [w("编号", "id"), w("标题", "title"), w("所属交付", "delivery"), w("发现时间", "found"),
                      w("交付后第几天", "day after delivery"), w("30 天内", "within 30 days")],
            rows: d.defects.map { e in
                ["\(e.defect.id)", e.defect.title, "#\(e.defect.deliveryId) \(e.deliveryLabel)", BeijingTime.short(e.defect.foundAt),
                 "\(e.daysAfterDelivery)", yesNo(e.withinThirtyDays, w)]
            }, note: nil, empty: w("本月没有发现缺陷。", "No defect found this month.")))
        tables.append(trainingTable(d, lang))
        tables.append(inspectionTable(d, lang))
        return tables
    }

    /// The trainings held in the month.
    static func trainingTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        let w = Words(zh: lang == .zh)
        return ReportTable(
            key: "trainings", title: w("五、本月培训", "5. Trainings in the month"),
            headers: [w("编号", "id"), w("培训对象", "for"), w("主题", "topic"), w("日期", "held on"), w("参训人数", "attended"),
                      w("平均分", "average score"), w("完成步骤", "steps done")],
            rows: d.trainings.map { e in
                ["\(e.id)", e.type.label(lang), e.topic, e.heldOn.description, "\(e.attendance)",
                 TrainingRules.averageText(e.averageScore), "\(e.stepsDone)/\(TrainingStep.allCases.count)"]
            }, note: nil, empty: w("本月没有培训。", "No training this month."))
    }

    /// The inspections made in the month: each with how many readings went over their threshold,
    /// opened an item or were linked to one still open (`inspect report ID` has the readings).
    static func inspectionTable(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> ReportTable {
        let w = Words(zh: lang == .zh)
        return ReportTable(
            key: "inspections", title: w("六、本月巡检", "6. Inspections in the month"),
            headers: [w("编号", "id"), w("时间", "at"), w("类别", "kind"), w("巡检人", "inspector"), w("读数", "readings"),
                      w("超出阈值", "over threshold"), w("开立工单", "opened"), w("关联工单", "linked")],
            rows: d.inspections.map { s in
                ["\(s.id)", BeijingTime.short(s.at), s.kind.label(lang), s.inspector, "\(s.readings)", "\(s.over)", "\(s.opened)", "\(s.linked)"]
            }, note: nil, empty: w("本月没有巡检。", "No inspection this month."))
    }

    // MARK: Markdown

    public static func markdown(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> String {
        ReportPage.markdown(title: title(lang), meta: headerLines(d, lang), tables: tables(d, lang), lang)
    }

    // MARK: CSV

    /// One CSV document, as Excel opens it with Chinese intact: UTF-8 with a byte-order mark, rows
    /// ending with CRLF, fields quoted by CSV.swift's writer (RFC 4180). The first column names the
    /// section; the first row of each section names its columns.
    public static func csv(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) throws -> String {
        var lines: [[String]] = [["section", "field", "value"], ["report", "title", title(lang)]]
        let keys = ["month", "generated", "frozen"]
        for (i, (_, value)) in headerLines(d, lang).enumerated() { lines.append(["report", keys[i], value]) }
        lines.append(["report", "frozen_by", d.kpi.frozenBy ?? ""])
        lines.append(["report", "frozen_at", d.kpi.frozenAt.map(BeijingTime.iso) ?? ""])
        var started: Set<String> = []
        for t in tables(d, lang) {
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

    public static func html(_ d: ServiceReportData, _ lang: HelpDeskCore.Language) -> String {
        ReportPage.html(title: title(lang), documentTitle: "\(title(lang)) \(d.period.description)",
                        meta: headerLines(d, lang), tables: tables(d, lang), before: [0: chart(d.kpi.figures, lang)],
                        lang)
    }

    /// The figures as horizontal bars from 0 to 100 %, each with its target as a line: green when
    /// met, red when missed, an empty track and "—" when there is nothing to count.
    static func chart(_ figures: [KPIFigure], _ lang: HelpDeskCore.Language) -> Node<HTML.BodyContext> {
        let w = Words(zh: lang == .zh)
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
        let label = ReportPage.attributeText(w("考核指标与目标", "figures against their targets"))
        return svg("figure", [], [
            svg("svg", [("viewBox", "0 0 \(f(width)) \(f(height))"), ("role", "img"), ("aria-label", label),
                        ("font-size", "12"), ("font-family", "inherit")], marks),
            svg("figcaption", [], [ReportPage.text(w("条形为本月数值，虚线为目标；K4、K5 越低越好。",
                                                     "Bars: the month's values; dashed lines: the targets. For K4 and K5 lower is better."))]),
        ])
    }
}
