import Foundation
import HelpDeskCore

/// The inspection report as one standalone HTML page that prints on A4 portrait: styles inline,
/// nothing fetched from the network.
enum InspectionReportHTML {
    static func render(_ record: InspectionRecord, _ lang: Language, generated: Date) -> String {
        let c = InspectionReportRendering.content(record, lang, generated: generated)
        let e = ServiceReportRendering.escapeHTML
        var out = "<!DOCTYPE html>\n<html lang=\"\(lang == .zh ? "zh-CN" : "en")\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(e(c.title)) #\(record.id)</title>\n<style>\n\(ServiceReportRendering.style)\ntr.over td { background: #fdecea; }\n</style>\n</head>\n<body>\n"
        out += "<h1>\(e(c.title))</h1>\n<dl class=\"meta\">\n"
        for (name, value) in c.header { out += "<dt>\(e(name))</dt><dd>\(e(value))</dd>\n" }
        out += "</dl>\n"
        func table(_ headers: [String], _ rows: [[String]], over: [Bool] = []) {
            out += "<table>\n<thead><tr>" + headers.map { "<th>\(e($0))</th>" }.joined() + "</tr></thead>\n<tbody>\n"
            for (i, row) in rows.enumerated() {
                out += (i < over.count && over[i] ? "<tr class=\"over\">" : "<tr>") + row.map { "<td>\(e($0))</td>" }.joined() + "</tr>\n"
            }
            out += "</tbody>\n</table>\n"
        }
        out += "<section>\n<h2>\(e(c.sections.readings))</h2>\n"
        table(c.readingHeaders, c.readings, over: c.over)
        out += "</section>\n<section>\n<h2>\(e(c.sections.items))</h2>\n"
        if c.items.isEmpty { out += "<p class=\"empty\">\(e(c.sections.noItems))</p>\n" } else { table(c.itemHeaders, c.items) }
        out += "</section>\n"
        if record.kind == .business {
            out += "<section>\n<h2>\(e(c.sections.visits))</h2>\n"
            table(c.visitHeaders, c.visits)
            out += "</section>\n"
        }
        return out + "</body>\n</html>\n"
    }
}
