import Foundation
import HelpDeskCore
import HelpDeskStore

/// The report of one inspection (巡检报告): every reading with the threshold it went over, the items
/// it opened or was linked to, and for a business inspection the region visits with their feedback.
/// Written as Markdown or an HTML page by ReportPage, as the monthly report is.
enum InspectionReportRendering {
    /// What the report says, in either format: a header, the readings, the items, the visits.
    struct Content {
        var title: String
        var header: [(String, String)]
        var readingHeaders: [String]
        var readings: [[String]]
        /// Per reading: over its threshold.
        var itemHeaders: [String]
        var items: [[String]]
        var visitHeaders: [String]
        var visits: [[String]]
        var sections: (readings: String, items: String, visits: String, noItems: String)
    }

    static func content(_ record: InspectionRecord, _ lang: Language, generated: Date) -> Content {
        let zh = lang == .zh
        let w = { (z: String, e: String) in zh ? z : e }
        let title = w("\(ServiceReportRendering.systemName) 巡检报告", "Inspection report — \(ServiceReportRendering.systemName)")
        let over = record.readings.filter(\.isOver).count
        let header: [(String, String)] = [
            (w("巡检编号", "Inspection"), "#\(record.id)"),
            (w("类别", "Kind"), record.kind.label(lang)),
            (w("巡检时间", "At"), BeijingTime.iso(record.at)),
            (w("巡检人", "Inspector"), record.inspector),
            (w("来源", "Source"), record.source == .imported ? w("监控脚本导入", "imported from monitoring") : w("手工录入", "entered by hand")),
            (w("读数", "Readings"), zh ? "共 \(record.readings.count) 项，超出阈值 \(over) 项" : "\(record.readings.count), \(over) over threshold"),
            (w("生成时间", "Generated"), BeijingTime.iso(generated)),
        ]
        let readings = record.readings.map { r -> [String] in
            [
                "\(r.number)", r.reading.check.label(lang), r.reading.target + (r.known ? "" : w("（不在清单中）", " (not in the inventory)")),
                r.reading.value.display + (r.reading.check.isPercent ? "%" : ""),
                r.isOver ? w("超出 ", "over ") + (r.limit ?? "") : "",
                itemText(r, lang),
            ]
        }
        var seen: Set<Int64> = []
        var items: [[String]] = []
        for r in record.readings {
            guard let id = r.itemId, seen.insert(id).inserted else { continue }
            let item = r.item
            items.append([
                "#\(id)", item?.kind.label(lang) ?? "", r.opened ? w("本次开立", "opened") : w("关联到未关闭的工单", "linked: still open"),
                item?.title ?? "", item.map { $0.status.label(lang, kind: $0.kind) } ?? "",
                item?.dueAt.map(BeijingTime.short) ?? "",
            ])
        }
        let visits = record.readings.filter { $0.reading.check == .visit }.map { r in
            [Region.parse(r.reading.target)?.label(lang) ?? r.reading.target, r.reading.value.display]
        }
        return Content(
            title: title, header: header,
            readingHeaders: [w("序号", "#"), w("检查项", "check"), w("对象", "target"), w("读数", "value"), w("阈值", "threshold"), w("工单", "item")],
            readings: readings,
            itemHeaders: [w("编号", "id"), w("类别", "kind"), w("开立/关联", "opened/linked"), w("标题", "title"), w("状态", "status"), w("时限", "due")],
            items: items,
            visitHeaders: [w("地区", "region"), w("反馈", "feedback")], visits: visits,
            sections: (w("读数", "Readings"), w("开立或关联的工单", "Items opened or linked"), w("地区走访与反馈", "Region visits and feedback"),
                       w("没有读数超出阈值，未开立工单。", "No reading was over its threshold; nothing was opened.")))
    }

    /// `opened #12`, `linked #12`, or nothing.
    static func itemText(_ r: RecordedReading, _ lang: Language) -> String {
        guard let id = r.itemId else { return "" }
        if lang == .zh { return r.opened ? "开立 #\(id)" : "关联 #\(id)" }
        return r.opened ? "opened #\(id)" : "linked #\(id)"
    }

    /// The report's tables, in order: the readings, the items, and for a business inspection the
    /// visits. The same for Markdown and HTML (ReportPage writes each).
    static func tables(_ c: Content, _ kind: InspectionKind) -> [ReportTable] {
        var tables = [
            ReportTable(key: "readings", title: c.sections.readings, headers: c.readingHeaders, rows: c.readings),
            ReportTable(key: "items", title: c.sections.items, headers: c.itemHeaders, rows: c.items, empty: c.sections.noItems),
        ]
        if kind == .business {
            tables.append(ReportTable(key: "visits", title: c.sections.visits, headers: c.visitHeaders, rows: c.visits))
        }
        return tables
    }

    static func markdown(_ record: InspectionRecord, _ lang: Language, generated: Date) -> String {
        let c = content(record, lang, generated: generated)
        return ReportPage.markdown(title: c.title, meta: c.header, tables: tables(c, record.kind), lang)
    }

    /// One standalone page that prints on A4 portrait, with the monthly report's stylesheet.
    static func html(_ record: InspectionRecord, _ lang: Language, generated: Date) -> String {
        let c = content(record, lang, generated: generated)
        return ReportPage.html(title: c.title, documentTitle: "\(c.title) #\(record.id)", meta: c.header,
                               tables: tables(c, record.kind), lang)
    }
}
