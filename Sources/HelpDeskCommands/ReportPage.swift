import HelpDeskCore
import Plot

/// One table of a report. Every format of a report shows the same tables in the same order: a
/// report builds them once and each format writes the cells its own way.
struct ReportTable {
    /// Names the table's section in CSV.
    var key: String
    var title: String
    var headers: [String]
    var rows: [[String]]
    /// A line under the table ("and 12 more"), or `nil`.
    var note: String? = nil
    /// What to say instead of the table when it has no rows; "" shows the empty table.
    var empty: String = ""
    /// The first column repeats what the title says (the figure of a missed item): CSV keeps
    /// it, Markdown and HTML leave it out.
    var firstColumnInTitle = false

    /// The headers and rows Markdown and HTML show.
    var shown: (headers: [String], rows: [[String]]) {
        firstColumnInTitle ? (Array(headers.dropFirst()), rows.map { Array($0.dropFirst()) }) : (headers, rows)
    }
}

/// A report as a page for people: Markdown for mail and wikis, HTML that stands alone (styles and
/// charts inline, nothing fetched) and prints on A4 portrait with Chinese text. The monthly service
/// report and the inspection report share these pages, so they look alike and escape alike.
///
/// The HTML is built with Plot: text goes through `text(_:)`, which Plot escapes, so nothing a user
/// typed becomes markup.
enum ReportPage {
    // MARK: Markdown

    /// A Markdown table cell or line: `|` and the characters Markdown reads as markup are escaped,
    /// a line break becomes `<br>`, other control characters are dropped.
    static func markdownText(_ text: String) -> String {
        var out = ""
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\n", "\r": out += "<br>"
            case "|", "\\", "*", "_", "`", "[", "]": out += "\\\(scalar)"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "&": out += "&amp;"
            default:
                if scalar.properties.generalCategory == .control || isBidiControl(scalar) { continue }
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    static func markdown(title: String, meta: [(String, String)], tables: [ReportTable], _ lang: HelpDeskCore.Language) -> String {
        var out = "# \(markdownText(title))\n\n"
        for (name, value) in meta { out += "- \(markdownText(name))\(Catalog.Reports.fieldSeparator(lang))\(markdownText(value))\n" }
        out += "\n"
        for t in tables {
            out += "## \(markdownText(t.title))\n\n"
            if t.rows.isEmpty, !t.empty.isEmpty {
                out += "\(markdownText(t.empty))\n\n"
                continue
            }
            let (headers, rows) = t.shown
            out += "| " + headers.map(markdownText).joined(separator: " | ") + " |\n"
            out += "|" + headers.map { _ in "---|" }.joined() + "\n"
            for row in rows { out += "| " + row.map(markdownText).joined(separator: " | ") + " |\n" }
            if let note = t.note { out += "\n\(markdownText(note))\n" }
            out += "\n"
        }
        return out
    }

    // MARK: HTML

    /// Text for an HTML page: control and bidi-control characters dropped, line breaks as `<br>`,
    /// the rest escaped by Plot. An ampersand is written as `&amp;` first, because Plot leaves what
    /// looks like an entity alone: "&lt;" typed by a user must read "&lt;", not "<".
    static func text(_ text: String) -> Node<HTML.BodyContext> {
        var lines: [String] = [""]
        for scalar in text.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars {
            switch scalar {
            case "\n", "\r": lines.append("")
            case "&": lines[lines.count - 1] += "&amp;"
            default:
                if scalar.properties.generalCategory == .control || isBidiControl(scalar) { continue }
                lines[lines.count - 1].unicodeScalars.append(scalar)
            }
        }
        var nodes: [Node<HTML.BodyContext>] = []
        for (i, line) in lines.enumerated() {
            if i > 0 { nodes.append(.br()) }
            nodes.append(.text(line))
        }
        return .group(nodes)
    }

    /// Bidi controls can reorder what a reader sees around them (a deadline shown before its item);
    /// a printed report has no use for them.
    static func isBidiControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
            || scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// A short word of a cell for the stylesheet: numbers right-aligned, yes in green, no in red.
    static func cellClass(_ cell: String, _ lang: HelpDeskCore.Language) -> String? {
        if cell == Catalog.Reports.no(lang) { return "no" }
        if cell == Catalog.Reports.yes(lang) { return "yes" }
        if !cell.isEmpty, cell.allSatisfy({ $0.isNumber || "/%.—≥≤ ".contains($0) }) { return "num" }
        // Ids, short words and times ("2026-11-20 10:00", "2026-11-20 10:00:01") stay on one line.
        if cell.count <= 10 || ((cell.count == 16 || cell.count == 19) && cell.first?.isNumber == true) { return "short" }
        return nil
    }

    static func table(_ t: ReportTable, _ lang: HelpDeskCore.Language) -> Node<HTML.BodyContext> {
        if t.rows.isEmpty, !t.empty.isEmpty {
            return .p(.class("empty"), text(t.empty))
        }
        let (headers, rows) = t.shown
        return .group(
            .table(
                .thead(.tr(.forEach(headers) { .th(text($0)) })),
                .tbody(.forEach(rows) { row in
                    .tr(.forEach(row) { cell in
                        .td(.attribute(named: "class", value: cellClass(cell, lang)), text(cell))
                    })
                })
            ),
            .if(t.note != nil, .p(.class("note"), text(t.note ?? "")))
        )
    }

    /// A standalone page: a title, the meta lines as a description list, one section per table
    /// (with `before[i]` drawn under the i-th table's heading, e.g. a chart) and a footer.
    static func html(title: String, documentTitle: String, meta: [(String, String)], tables: [ReportTable],
                     before: [Int: Node<HTML.BodyContext>] = [:], footer: String? = nil,
                     _ lang: HelpDeskCore.Language) -> String {
        let page = HTML(
            .attribute(named: "lang", value: htmlLanguage(lang)),
            .head(
                .meta(.charset(.utf8)),
                .viewport(.accordingToDevice),
                .element(named: "title", text: documentTitle),
                .style(style)
            ),
            .body(
                .h1(text(title)),
                .dl(.class("meta"), .forEach(meta) { name, value in .group(.dt(text(name)), .dd(text(value))) }),
                .forEach(Array(tables.enumerated())) { i, t in
                    .section(.h2(text(t.title)), before[i] ?? .empty, table(t, lang))
                },
                .if(footer != nil, .footer(text(footer ?? "")))
            )
        )
        return page.render(indentedBy: nil) + "\n"
    }

    /// The page's `lang` attribute: a code, not a text.
    static func htmlLanguage(_ lang: HelpDeskCore.Language) -> String {
        switch lang {
        case .zh: return "zh-CN"
        case .en: return "en"
        }
    }

    /// Print on A4 portrait: headings kept with their tables, table headers repeated on each page,
    /// rows never split. CJK fonts first, as Debian's fonts-noto-cjk names them.
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

    // MARK: SVG

    /// An SVG element inside the page's body (Plot has no SVG vocabulary; these are its custom
    /// elements). Attribute values are numbers and colours of ours, never user text.
    static func svg(_ name: String, _ attributes: [(String, String)], _ children: [Node<HTML.BodyContext>] = []) -> Node<HTML.BodyContext> {
        .element(named: name, nodes: attributes.map { .attribute(named: $0.0, value: $0.1) } + children)
    }

    /// An attribute value from our own words (a chart's label): quotes and markup escaped, since
    /// Plot writes attribute values as given.
    static func attributeText(_ text: String) -> String {
        var out = ""
        for ch in text {
            switch ch {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            default: out.append(ch)
            }
        }
        return out
    }
}
