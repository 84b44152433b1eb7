import Foundation
import Testing
import TestProcesses

// The monthly report's CSV as a spreadsheet opens it: counts and percentages are numbers in
// columns of their own, and no cell that is not a date has a date's shape (`1/21`, `5/6` and `3/7`
// are dates to Excel and LibreOffice). Read back by LibreOffice (Debian: libreoffice-calc-nogui)
// under a Chinese and an English locale.

/// A month of a demo desk: many figures and weeks with something to count.
private func busyMonth(_ function: String = #function) -> String {
    let db = freshDatabase(function)
    _ = ok(["demo", "--items", "900", "--days", "75"], db: db, now: busyNow)
    return db
}

private let busyNow = "2021-12-20T10:00:00+08:00"

/// What a spreadsheet takes for a date: numbers joined by `-` or `/` (`1/21`, `5-6`, `2021/11/3`),
/// a day and a month's name, a Chinese month and day, a time of day.
private let dateShape = try! NSRegularExpression(pattern: "^\\s*(" + [
    #"\d{1,4}\s*[-/]\s*\d{1,2}(\s*[-/]\s*\d{1,4})?(\s.*)?"#,
    #"\d{1,2}[-/ ]?(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*([-/ ]\d{1,4})?"#,
    #"(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*[-/ ]\d{1,4}"#,
    #"\d{1,4}\s*年\s*\d{1,2}\s*月.*"#, #"\d{1,2}\s*月\s*\d{1,2}\s*日.*"#,
    #"\d{1,2}:\d{2}(:\d{2})?"#,
].joined(separator: "|") + ")\\s*$", options: [.caseInsensitive])

/// A calendar value written in ISO 8601: a month, a day, or a day and time, which a spreadsheet
/// rightly reads as a date.
private let isoCalendar = try! NSRegularExpression(
    pattern: #"^\d{4}-\d{2}(-\d{2}([ T]\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})?)?)?$"#)

private func matches(_ re: NSRegularExpression, _ s: String) -> Bool {
    re.firstMatch(in: s, range: NSRange(s.startIndex..., in: s)) != nil
}

/// The cells of a section, by the names in its first row.
private struct Section {
    var headers: [String]
    var rows: [[String]]

    init(_ records: [[String]], _ key: String) {
        let all = records.filter { $0.first == key }
        headers = all.first.map { Array($0.dropFirst()) } ?? []
        rows = all.dropFirst().map { Array($0.dropFirst()) }
    }

    func column(_ name: String) -> Int? { headers.firstIndex(of: name) }
}

/// Where a report's counts and percentages are, by section and column name, in each language.
private let numberColumns: [(section: String, en: [String], zh: [String])] = [
    ("figures", ["numerator", "denominator", "value (%)", "target (%)"], ["分子", "分母", "数值（%）", "目标（%）"]),
    ("weeks", ["numerator", "denominator", "value (%)", "target (%)"], ["分子", "分母", "数值（%）", "目标（%）"]),
    ("trainings", ["steps done", "steps"], ["完成步骤数", "步骤总数"]),
]

@Suite("The monthly report's CSV in a spreadsheet", .scratch)
struct ReportSpreadsheetTests {
    @Test func noCellButADateHasADatesShapeAndCountsAreNumbers() throws {
        let db = busyMonth()
        for lang in ["zh", "en"] {
            let csv = ok(["report", "--month", "2021-11", "--format", "csv", "--lang", lang], db: db, now: busyNow)
            let records = try #require(parseCSV(csv))
            var checked = 0
            for (r, record) in records.enumerated() {
                for (c, cell) in record.enumerated() where matches(dateShape, cell) {
                    #expect(matches(isoCalendar, cell), "\(lang) row \(r + 1) column \(c + 1): '\(cell)' reads as a date")
                }
                checked += record.count
            }
            #expect(checked > 300, "a report with many cells")
            // The numbers each have a column: whole counts, percentages with one decimal.
            let figures = Section(records, "figures")
            #expect(figures.rows.count == 9)
            var counted = 0
            for group in numberColumns {
                let section = Section(records, group.section)
                for name in lang == "zh" ? group.zh : group.en {
                    let column = try #require(section.column(name), "\(group.section): no column '\(name)' in \(section.headers)")
                    for row in section.rows where !row[column].isEmpty {
                        #expect(Double(row[column]) != nil, "\(group.section) \(name): '\(row[column])'")
                        counted += 1
                    }
                }
            }
            let weeks = Section(records, "weeks")
            #expect(weeks.rows.map { $0[0] } == ["2021-W44", "2021-W45", "2021-W46", "2021-W47"])
            let numerator = try #require(figures.column(lang == "zh" ? "分子" : "numerator"))
            let denominator = numerator + 1
            // Many figures: several with more than one thing counted and something missed.
            #expect(figures.rows.filter { Int($0[denominator]).map { $0 > 1 } == true && $0[numerator] != $0[denominator] }.count >= 3,
                    "\(figures.rows)")
            #expect(counted >= 9 * 3 + 4 * 3)
        }
    }

    @Test func theMonthOfTheSmallReportReadsAsItsNumbers() throws {
        let db = freshDatabase()
        _ = ok(["demo", "--items", "60", "--days", "40"], db: db, now: busyNow)
        let records = try #require(parseCSV(ok(["report", "--month", "2021-11", "--format", "csv", "--lang", "en"], db: db, now: busyNow)))
        let figures = Section(records, "figures")
        #expect(figures.headers == ["id", "figure", "numerator", "denominator", "value (%)", "comparison", "target (%)", "met"])
        let weeks = Section(records, "weeks")
        #expect(weeks.headers == ["week", "from", "to", "numerator", "denominator", "value (%)", "comparison", "target (%)", "met", "frozen"])
        #expect(weeks.rows.first.map { Array($0.prefix(3)) } == ["2021-W44", "2021-11-01", "2021-11-07"])
        for row in figures.rows + weeks.rows {
            let n = row[row.count == 8 ? 2 : 3], d = row[row.count == 8 ? 3 : 4], v = row[row.count == 8 ? 4 : 5]
            let (num, den) = (try #require(Int(n)), try #require(Int(d)))
            // The percentage is the fraction's, to one decimal; empty when there is nothing to count.
            #expect(den == 0 ? v.isEmpty : v == String(format: "%.1f", Double(num) * 100 / Double(den)), "\(row)")
        }
    }

    @Test(.enabled(if: soffice != nil, "LibreOffice is not installed (Debian: libreoffice-calc-nogui): the CSV is not read back"),
          arguments: [("zh", "zh_CN.UTF-8", 2052), ("en", "en_US.UTF-8", 1033)])
    func libreOfficeReadsTheCountsAsNumbers(lang: String, locale: String, languageID: Int) throws {
        let db = busyMonth()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
        let csv = ok(["report", "--month", "2021-11", "--format", "csv", "--lang", lang], db: db, now: busyNow)
        let records = try #require(parseCSV(csv))
        let sheet = try Spreadsheet.convert(csv, locale: locale, languageID: languageID, in: dir)

        // Nothing but a calendar value became a date.
        var dates = 0
        for cell in sheet.cells.values where sheet.isDate(cell) {
            let text = records[safe: cell.row - 1]?[safe: cell.column] ?? "?"
            #expect(matches(isoCalendar, text), "\(locale) \(cell.reference): '\(text)' became a date")
            dates += 1
        }
        // Every count and percentage is a number, as written.
        var numbers = 0
        for group in numberColumns {
            let headers = records.first { $0.first == group.section } ?? []
            for name in lang == "zh" ? group.zh : group.en {
                let column = try #require(headers.firstIndex(of: name), "\(group.section): no column '\(name)'")
                for (r, record) in records.enumerated() where record.first == group.section && record != headers && !record[column].isEmpty {
                    let reference = Spreadsheet.reference(row: r + 1, column: column)
                    let cell = try #require(sheet.cells[reference], "\(locale) \(reference) missing")
                    #expect(cell.type == "n" && !sheet.isDate(cell), "\(locale) \(reference) '\(record[column])': t=\(cell.type) style \(cell.style)")
                    #expect(Double(cell.value) == Double(record[column]), "\(locale) \(reference): \(cell.value) for '\(record[column])'")
                    numbers += 1
                }
            }
        }
        #expect(numbers >= 9 * 3 + 4 * 3, "\(numbers) number cells")
        // The deadlines and event times of the missed items are dates, as they should be.
        #expect(dates > 0)
    }
}

let soffice = programOnPath(["soffice", "libreoffice"])

extension Array {
    subscript(safe i: Int) -> Element? { indices.contains(i) ? self[i] : nil }
}

/// A CSV converted to XLSX by headless LibreOffice, and the first sheet's cells read from it.
private struct Spreadsheet {
    struct Cell {
        var reference: String
        var row: Int
        /// 0 for A.
        var column: Int
        var type: String
        var style: Int
        var value: String
    }

    var cells: [String: Cell] = [:]
    /// Per cell style (`s`), whether its number format shows a date or a time.
    var dateStyles: [Bool] = []

    func isDate(_ cell: Cell) -> Bool { cell.type == "n" && dateStyles[safe: cell.style] == true }

    static func reference(row: Int, column: Int) -> String {
        var letters = "", c = column + 1
        while c > 0 {
            letters = String(UnicodeScalar(UInt8(65 + (c - 1) % 26))) + letters
            c = (c - 1) / 26
        }
        return "\(letters)\(row)"
    }

    /// Converts as a person opening the file does: comma-separated UTF-8, dates and other special
    /// numbers recognised (as Excel does), in the locale's language.
    static func convert(_ csv: String, locale: String, languageID: Int, in dir: URL) throws -> Spreadsheet {
        let soffice = try #require(soffice)
        let unzip = try #require(programOnPath(["unzip"]), "unzip is missing (Debian: unzip)")
        let work = dir.appendingPathComponent("sheet-\(languageID)")
        try FileManager.default.createDirectory(at: work, withIntermediateDirectories: true)
        let input = work.appendingPathComponent("report.csv")
        try Data(csv.utf8).write(to: input)
        var env = ProcessInfo.processInfo.environment
        env["HOME"] = work.path
        env["LANG"] = locale
        env["LC_ALL"] = nil
        env["LC_MESSAGES"] = nil
        // Field separator 44 (,), text delimiter 34 ("), charset 76 (UTF-8), from line 1, no column
        // types given, the locale's language, quoted fields not forced to text, special numbers
        // (dates) detected.
        let r = try runProcess(soffice, ["-env:UserInstallation=\(work.appendingPathComponent("profile").absoluteString)",
                                         "--headless", "--infilter=CSV:44,34,76,1,,\(languageID),false,true",
                                         "--convert-to", "xlsx", "--outdir", work.path, input.path],
                               environment: env, mergeErrors: true, seconds: 300)
        let xlsx = work.appendingPathComponent("report.xlsx")
        try #require(FileManager.default.fileExists(atPath: xlsx.path), "soffice wrote no XLSX (status \(r.status)): \(r.out)")
        let sheet = try runProcess(unzip, ["-p", xlsx.path, "xl/worksheets/sheet1.xml"], seconds: 60).out
        let styles = try runProcess(unzip, ["-p", xlsx.path, "xl/styles.xml"], seconds: 60).out
        var result = Spreadsheet()
        result.dateStyles = dateStyles(styles)
        let cell = try NSRegularExpression(pattern: #"<c r="([A-Z]+)(\d+)"([^>]*?)(/>|>(.*?)</c>)"#)
        let attribute = { (name: String, in: String) -> String? in
            guard let range = `in`.range(of: #"\#(name)="([^"]*)""#, options: .regularExpression) else { return nil }
            return String(`in`[range].dropFirst(name.count + 2).dropLast())
        }
        for m in cell.matches(in: sheet, range: NSRange(sheet.startIndex..., in: sheet)) {
            func group(_ i: Int) -> String { Range(m.range(at: i), in: sheet).map { String(sheet[$0]) } ?? "" }
            let letters = group(1), attributes = group(3), body = group(5)
            let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 } - 1
            let value = body.range(of: #"<v>[^<]*</v>"#, options: .regularExpression).map { String(body[$0].dropFirst(3).dropLast(4)) } ?? ""
            let c = Cell(reference: letters + group(2), row: Int(group(2)) ?? 0, column: column,
                         type: attribute("t", attributes) ?? "n", style: Int(attribute("s", attributes) ?? "0") ?? 0, value: value)
            result.cells[c.reference] = c
        }
        try #require(!result.cells.isEmpty, "no cells in the sheet: \(sheet.prefix(500))")
        return result
    }

    /// For each cell format (`cellXfs`), whether its number format is a date or a time: a built-in
    /// one (14–22, 45–47) or a code with a year, day or hour in it.
    static func dateStyles(_ styles: String) -> [Bool] {
        var codes: [Int: String] = [:]
        let numFmt = try! NSRegularExpression(pattern: #"<numFmt numFmtId="(\d+)" formatCode="([^"]*)""#)
        for m in numFmt.matches(in: styles, range: NSRange(styles.startIndex..., in: styles)) {
            let id = Int(styles[Range(m.range(at: 1), in: styles)!])!
            codes[id] = String(styles[Range(m.range(at: 2), in: styles)!])
        }
        func isDate(_ id: Int) -> Bool {
            if (14...22).contains(id) || (45...47).contains(id) { return true }
            guard var code = codes[id] else { return false }
            code = code.replacingOccurrences(of: #"&quot;[^&]*&quot;|\\.|\[[^\]]*\]"#, with: "", options: .regularExpression).lowercased()
            return code.contains("y") || code.contains("d") || code.contains("h")
        }
        guard let start = styles.range(of: "<cellXfs"), let end = styles.range(of: "</cellXfs>") else { return [] }
        let xfs = String(styles[start.upperBound..<end.lowerBound])
        let xf = try! NSRegularExpression(pattern: #"<xf [^>]*?numFmtId="(\d+)""#)
        return xf.matches(in: xfs, range: NSRange(xfs.startIndex..., in: xfs)).map { isDate(Int(xfs[Range($0.range(at: 1), in: xfs)!])!) }
    }
}
