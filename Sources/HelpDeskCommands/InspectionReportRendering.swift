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
        typealias Said = Catalog.Reports.InspectionReport
        let title = Said.title(lang)
        let over = record.readings.filter(\.isOver).count
        // An import made again from a file imported before says so beside its source.
        var source = (record.source == .imported ? Said.imported : Said.manual)(lang)
        if let first = record.againOf { source = Catalog.InspectionImport.sourceAgain(source, first: first)(lang) }
        var header: [(String, String)] = [
            (Said.inspection(lang), "#\(record.id)"),
            (Said.kind(lang), record.kind.label(lang)),
            (Said.at(lang), BeijingTime.iso(record.at)),
            (Said.inspector(lang), record.inspector),
            (Said.source(lang), source),
        ]
        if let hash = record.contentSHA256 { header.append((Catalog.InspectionImport.contentHash(lang), hash)) }
        header += [
            (Said.readings(lang), Said.readingCount(record.readings.count, over: over)(lang)),
            (Said.generated(lang), BeijingTime.iso(generated)),
        ]
        let readings = record.readings.map { r -> [String] in
            [
                "\(r.number)", r.reading.check.label(lang), r.reading.target + (r.known ? "" : Said.notInInventory(lang)),
                r.reading.value.display + (r.reading.check.isPercent ? "%" : ""),
                r.isOver ? Said.over(r.limit ?? "")(lang) : "",
                itemText(r, lang),
            ]
        }
        var seen: Set<Int64> = []
        var items: [[String]] = []
        for r in record.readings {
            guard let id = r.itemId, seen.insert(id).inserted else { continue }
            let item = r.item
            items.append([
                "#\(id)", item?.kind.label(lang) ?? "", (r.opened ? Said.openedNow : Said.linkedOpen)(lang),
                item?.title(in: lang) ?? "", item.map { $0.status.label(lang, kind: $0.kind) } ?? "",
                item?.dueAt.map(BeijingTime.short) ?? "",
            ])
        }
        let visits = record.readings.filter { $0.reading.check == .visit }.map { r in
            [Region.parse(r.reading.target)?.label(lang) ?? r.reading.target, r.reading.value.display]
        }
        return Content(
            title: title, header: header,
            readingHeaders: Said.readingHeaders.map { $0(lang) },
            readings: readings,
            itemHeaders: Said.itemHeaders.map { $0(lang) },
            items: items,
            visitHeaders: Said.visitHeaders.map { $0(lang) }, visits: visits,
            sections: (Said.readings(lang), Said.itemsSection(lang), Said.visitsSection(lang), Said.noItems(lang)))
    }

    /// `opened #12`, `linked #12`, or nothing.
    static func itemText(_ r: RecordedReading, _ lang: Language) -> String {
        guard let id = r.itemId else { return "" }
        typealias Said = Catalog.Reports.InspectionReport
        return (r.opened ? Said.openedItem(id) : Said.linkedItem(id))(lang)
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
