import Foundation
import HelpDeskCore
import HelpDeskStore
import Testing

// `helpdesk report`: the monthly service report in Markdown, CSV and HTML, and the HTML printed to
// an A4 PDF by headless Chromium.

/// A title with a comma, a quote and a line break, and one that is markup.
private let awkwardTitle = "登录失败, \"紧急\"\n第二行 | 管道"
private let scriptTitle = "<script>alert(1)</script> 缴费查询"

/// November 2021 on a new database file: a ticket resolved late and one in time, a task late, a
/// change released late in a delivery with a defect, faults of two regions.
private func reportMonthDatabase(_ function: String = #function) throws -> String {
    let path = freshDatabase(function)
    let db = try AppDatabase.open(path: path)
    try db.ensureFounder(username: currentUser, name: currentUser)
    func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }
    let ctx = Context(actor: currentUser, now: t("2021-12-20T10:00:00+08:00"))
    func ticket(_ title: String, at: String, resolved: String) throws {
        let item: WorkItem = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title), at: t(at), ctx)
        let id = item.id!
        try db.resolve(id, cause: "专网中断, \"核心\"交换机", solution: "恢复", at: t(resolved), ctx)
    }
    try ticket(awkwardTitle, at: "2021-11-11T10:00:00+08:00", resolved: "2021-11-12T10:00:00+08:00")
    try ticket(scriptTitle, at: "2021-11-15T10:00:00+08:00", resolved: "2021-11-16T10:00:00+08:00")
    try ticket("养老金测算结果不一致", at: "2021-11-10T10:00:00+08:00", resolved: "2021-11-10T11:00:00+08:00")
    let task = try db.addTask(NewTask(title: "更正缴费基数", due: t("2021-11-15T18:00:00+08:00")), at: t("2021-11-12T09:00:00+08:00"), ctx).id!
    try db.completeTask(task, cause: "数据量大", solution: "分批更正", at: t("2021-11-16T10:00:00+08:00"), ctx)
    let change = try db.addChange(NewChange(type: .bugfix, title: "修复待遇测算", due: t("2021-11-20T18:00:00+08:00")),
                                  at: t("2021-11-01T09:00:00+08:00"), ctx).id!
    let start = t("2021-11-02T10:00:00+08:00")
    try db.advanceChange(change, signedBy: "马主任", at: start, ctx)
    try db.advanceChange(change, at: start.addingTimeInterval(3600), ctx)
    try db.advanceChange(change, at: start.addingTimeInterval(7200), ctx)
    try db.recordTestRound(change, result: .pass, note: "通过", at: start.addingTimeInterval(10800), ctx)
    try db.advanceChange(change, at: start.addingTimeInterval(14400), ctx)
    let delivery = try #require(try db.advanceChange(change, release: Release(cause: "公式错误", solution: "更正公式", label: "V2.1.3"),
                                                     at: t("2021-11-22T10:00:00+08:00"), ctx).deliveryId)
    try db.addDefect(delivery: delivery, title: "导出报表缺列", at: t("2021-11-25T11:00:00+08:00"), ctx)
    _ = try db.addFault(NewFault(level: .two, region: .haidong, title: "查询缓慢"), at: t("2021-11-08T10:00:00+08:00"), ctx)
    let fault = try db.addFault(NewFault(level: .one, region: .xining, title: "应用服务器宕机"), at: t("2021-11-05T10:00:00+08:00"), ctx).id!
    try db.restore(fault, cause: "内存溢出", solution: "重启", at: t("2021-11-05T12:00:00+08:00"), ctx)
    let training = try db.addTraining(NewTraining(type: .operator, topic: "待遇核定 | 业务培训", place: "省社保局", trainer: "李敏",
                                                  heldOn: CivilDate(year: 2021, month: 11, day: 18)!), at: t("2021-11-01T09:00:00+08:00"), ctx).id!
    for (n, step) in [TrainingStep.content, .plan, .materials].enumerated() {
        try db.markTrainingStep(training, step, at: t("2021-11-0\(n + 2)T10:00:00+08:00"), ctx)
    }
    try db.addAttendee(training, name: "王芳", office: "西宁市社保局", region: .xining, score: 92, at: t("2021-11-18T16:00:00+08:00"), ctx)
    try db.addAttendee(training, name: "才让", office: "玉树州社保局", region: .yushu, score: 79, at: t("2021-11-18T16:00:00+08:00"), ctx)
    return path
}

private let reportNow = "2021-12-20T10:00:00+08:00"

/// Reads an RFC 4180 document: records of fields; fails on a stray quote.
func parseCSV(_ text: String) -> [[String]]? {
    var records: [[String]] = [], record: [String] = [], field = ""
    // The byte-order mark Excel needs is not part of the first field.
    var chars = Array(text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text), i = 0, quoted = false
    while i < chars.count {
        let c = chars[i]
        if quoted {
            if c == "\"" {
                if i + 1 < chars.count, chars[i + 1] == "\"" { field.append("\""); i += 1 } else { quoted = false }
            } else {
                field.append(c)
            }
        } else if c == "\"" {
            guard field.isEmpty else { return nil }
            quoted = true
        } else if c == "," {
            record.append(field); field = ""
        } else if c == "\r\n" || c == "\n" {
            record.append(field); field = ""
            records.append(record); record = []
        } else {
            field.append(c)
        }
        i += 1
    }
    chars = []
    guard !quoted, field.isEmpty, record.isEmpty else { return nil }
    return records
}

@Suite("The monthly service report", .scratch)
struct ReportCommandTests {
    @Test func markdownHasEverySectionAsATable() throws {
        let db = try reportMonthDatabase()
        let md = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "en"], db: db, now: reportNow)
        #expect(md.hasPrefix("# 青海省机关事业单位养老保险信息管理系统 — monthly maintenance service report\n"))
        for heading in ["## 1. Service levels K1–K7", "## 2. Missed: K1 CASE responses (2)", "## 2. Missed: K2 data tasks done (1)",
                        "## 2. Missed: K5 delivery errors (1)", "## 3. Faults reported in the month, by level",
                        "## Faults reported in the month, by region", "## 4. Deliveries in the month", "## Defects found in the month",
                        "## 5. Trainings in the month"] {
            #expect(md.contains("\n\(heading)\n"), "\(heading)")
        }
        #expect(md.contains("| K1 | CASE responses | 33.3% | 1/3 | ≥ 90% | no |"))
        #expect(md.contains("| K6 | orders complete | 100.0% |"))
        #expect(md.contains("| K5 | delivery errors | 100.0% | 1/1 | ≤ 10% | no |"))
        // K2 of each ISO week whose Thursday is in November, beside the month's.
        #expect(md.contains("\n## K2 data tasks done, by ISO week (the weeks whose Thursday is in the month)\n"))
        #expect(md.contains("| 2021-W44 | 2021-11-01 to 2021-11-07 | — | — | ≥ 90% | — | not frozen |"))
        #expect(md.contains("| 2021-W46 | 2021-11-15 to 2021-11-21 | 0.0% | 0/1 | ≥ 90% | no | not frozen |"))
        #expect(md.contains("| 2021-W47 |") && !md.contains("| 2021-W48 |"))
        // A cell keeps the table whole: its | is escaped and its line break is <br>.
        #expect(md.contains("登录失败, \"紧急\"<br>第二行 \\| 管道"))
        #expect(md.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(md.contains("| level 2 | 1 | 0 | 0 | 1 |") && md.contains("| Haidong | 1 | 0 | 0 | 1 |"))
        #expect(md.contains("| V2.1.3 | 2021-11-22 10:00 |") && md.contains("导出报表缺列 | #") && md.contains("| 3 | yes |"))
        // Every table row has as many cells as its header.
        var columns: Int?
        for line in md.split(separator: "\n") {
            guard line.hasPrefix("|") else { columns = nil; continue }
            let cells = line.replacingOccurrences(of: "\\|", with: "").filter { $0 == "|" }.count
            if let columns { #expect(cells == columns, "\(line)") } else { columns = cells }
        }
        let zh = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "zh"], db: db, now: reportNow)
        // Written for the client: Chinese whatever the host's locale, English only when asked by name.
        #expect(ok(["report", "--month", "2021-11", "--format", "md"], db: db, now: reportNow, env: ["LANG": "en_US.UTF-8"]) == zh)
        #expect(zh.hasPrefix("# 青海省机关事业单位养老保险信息管理系统 运维服务月报\n"))
        #expect(zh.contains("一、考核指标 K1–K7") && zh.contains("| K1 | CASE维护响应率 | 33.3% | 1/3 | ≥ 90% | 否 |"))
        #expect(md.contains("| operators | 待遇核定 \\| 业务培训 | 2021-11-18 | 2 | 85.5 | 3/7 |"), "the month's training")
        #expect(zh.contains("## 五、本月培训\n") && zh.contains("| 业务经办人员 | 待遇核定 \\| 业务培训 | 2021-11-18 | 2 | 85.5 | 3/7 |"))
        let empty = ok(["report", "--month", "2021-10", "--format", "md", "--lang", "en"], db: db, now: reportNow)
        #expect(empty.contains("## 5. Trainings in the month\n\nNo training this month.\n"))
    }

    @Test func csvIsOneDocumentThatParsesBack() throws {
        let db = try reportMonthDatabase()
        let r = helpdesk(["report", "--month", "2021-11", "--format", "csv", "--lang", "en"], db: db, now: reportNow)
        #expect(r.status == 0, "\(r.err)")
        let bytes = Array(r.out.utf8)
        #expect(Array(bytes.prefix(3)) == [0xEF, 0xBB, 0xBF], "UTF-8 with a byte-order mark, as Excel reads Chinese")
        let records = try #require(parseCSV(r.out))
        #expect(records.first == ["section", "field", "value"])
        let sections = Set(records.dropFirst().map { $0[0] })
        #expect(sections == ["report", "figures", "weeks", "missed", "faults-by-level", "faults-by-region", "deliveries", "defects", "trainings", "inspections", "corrections", "paused"])
        let trainings = records.filter { $0[0] == "trainings" }
        #expect(trainings.first == ["trainings", "id", "for", "topic", "held on", "attended", "average score", "steps done", "steps"])
        #expect(trainings.dropFirst().map { Array($0.dropFirst(2)) } == [["operators", "待遇核定 | 业务培训", "2021-11-18", "2", "85.5", "3", "7"]])
        #expect(records.contains(["report", "month", "2021-11"]))
        // Counts and percentages are numbers in columns of their own: "1/3" is a date to a spreadsheet.
        #expect(records.contains(["figures", "K1", "CASE responses", "1", "3", "33.3", "≥", "90", "no"]))
        #expect(records.contains(["weeks", "2021-W46", "2021-11-15", "2021-11-21", "0", "1", "0.0", "≥", "90", "no", "not frozen"]))
        let missed = records.filter { $0[0] == "missed" }
        #expect(missed.first == ["missed", "figure", "id", "kind", "title", "deadline", "event", "cause"])
        let awkward = try #require(missed.first { $0[4] == awkwardTitle })
        #expect(awkward[1] == "K1" && awkward[7] == "专网中断, \"核心\"交换机")
        #expect(missed.contains { $0[4] == scriptTitle })
        #expect(records.contains { $0[0] == "deliveries" && $0[2] == "V2.1.3" && $0[5].hasSuffix("修复待遇测算") })
        #expect(records.contains { $0[0] == "defects" && $0[2] == "导出报表缺列" && $0[5] == "3" })
        #expect(r.out.hasSuffix("\r\n") && !r.out.replacingOccurrences(of: "\r\n", with: "").contains("\r"))
    }

    @Test func htmlIsAStandalonePageWithItsChart() throws {
        let db = try reportMonthDatabase()
        let html = ok(["report", "--month", "2021-11", "--format", "html", "--lang", "zh"], db: db, now: reportNow)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"UTF-8\"/>"))
        #expect(html.contains("<svg") && html.contains("</svg>") && html.hasSuffix("</html>\n"))
        #expect(!html.contains("http://") && !html.contains("https://") && !html.contains("<link") && !html.contains("src="))
        #expect(html.contains("@page { size: A4 portrait;") && html.contains("\"Noto Sans CJK SC\""))
        #expect(!html.contains("<script") && html.contains("&lt;script&gt;alert(1)&lt;/script&gt; 缴费查询"))
        #expect(html.contains("登录失败, \"紧急\"<br/>第二行 | 管道"))
        #expect(html.components(separatedBy: "<table>").count == html.components(separatedBy: "</table>").count)
        #expect(html.contains("<td>K1</td><td class=\"short\">CASE维护响应率</td>") || html.contains("CASE维护响应率"))
    }

    @Test func aFrozenMonthSaysByWhomAndWhen() throws {
        let db = try reportMonthDatabase()
        let store = try AppDatabase.open(path: db)
        try store.freeze(.month(year: 2021, month: 11), Context(actor: currentUser, now: try TimeInput.parseInstant("2021-12-01T09:00:00+08:00")))
        let md = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "en"], db: db, now: reportNow)
        #expect(md.contains("- frozen: frozen by \(ReportCommandTests.markdown(currentUser)) at 2021-12-01 09:00 (the figures stored then)"))
        #expect(md.contains("| K1 | CASE responses | 33.3% | 1/3 |"))
        // Its weeks were frozen with it.
        #expect(md.contains("| 2021-W46 | 2021-11-15 to 2021-11-21 | 0.0% | 0/1 | ≥ 90% | no | frozen |"))
        let csv = try #require(parseCSV(ok(["report", "--month", "2021-11", "--format", "csv"], db: db, now: reportNow)))
        #expect(csv.contains(["report", "frozen_by", currentUser]) && csv.contains(["report", "frozen_at", "2021-12-01T09:00:00+08:00"]))
        let open = ok(["report", "--month", "2021-10", "--format", "md", "--lang", "en"], db: db, now: reportNow)
        #expect(open.contains("- frozen: not frozen (computed when generated)"))
    }

    /// A user name as a Markdown cell shows it.
    static func markdown(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "_", with: "\\_")
    }

    @Test func anEmptyMonthShowsDashesNeverZeroOrHundredPercent() throws {
        let db = freshDatabase()
        let md = ok(["report", "--month", "2021-10", "--format", "md", "--lang", "en"], db: db, now: reportNow)
        let figureRows = md.split(separator: "\n").filter { $0.hasPrefix("| K") }
        #expect(figureRows.count == 9)
        for row in figureRows {
            #expect(row.hasSuffix("| — | — | ≥ 90% | — |") || row.hasSuffix("| — | — | ≥ 85% | — |") || row.hasSuffix("| — | — | ≤ 2% | — |")
                    || row.hasSuffix("| — | — | ≤ 10% | — |") || row.hasSuffix("| — | — | ≥ 100% | — |"), "\(row)")
        }
        #expect(md.contains("Nothing missed this month.") && md.contains("No delivery this month.") && md.contains("No defect found this month."))
        let html = ok(["report", "--month", "2021-10", "--format", "html"], db: db, now: reportNow)
        #expect(html.contains("<svg") && !html.contains("0.0%") && !html.contains("100.0%"))
    }

    @Test(arguments: [
        (["report", "--format", "md"], "--month"),
        (["report", "--month", "2021-13", "--format", "md"], "'2021-13' is not a month"),
        (["report", "--month", "2021-W47", "--format", "md"], "is not a month"),
        (["report", "--month", "2021-11"], "--format"),
        (["report", "--month", "2021-11", "--format", "pdf"], "'pdf' is not a report format; accepted: md, html, csv"),
    ])
    func badInputIsRefusedWithNothingOnStandardOutput(args: [String], message: String) throws {
        let db = freshDatabase()
        let r = helpdesk(args, db: db, now: reportNow)
        #expect(r.status == 2 && r.out.isEmpty)
        #expect(r.err.contains(message), "\(r.err)")
    }
}

@Suite("The monthly service report printed to PDF", .scratch)
struct ReportPDFTests {
    @Test(.enabled(if: headlessChromium != nil, "headless Chromium is not installed (Debian: chromium)"))
    func theHTMLPrintsOnA4WithItsChineseText() throws {
        let db = try reportMonthDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
        let html = ok(["report", "--month", "2021-11", "--format", "html", "--lang", "zh"], db: db, now: reportNow)
        let printed = try PrintedPDF.print(html, name: "report", in: dir)
        // A4: 595 × 842 points (Chromium writes 594.96 × 841.92).
        let box = try #require(printed.mediaBox, "pdfinfo printed no MediaBox: \(printed.info)")
        #expect(box.count == 4 && abs(box[2] - box[0] - 595) < 1 && abs(box[3] - box[1] - 842) < 1, "\(box)")
        #expect(printed.info.contains("(A4)"))
        // A small month: the report fits on a page or two, never none.
        #expect(printed.pages.map { (1...3).contains($0) } == true, "pages: \(String(describing: printed.pages))")
        let text = printed.text
        for expected in ["青海省机关事业单位养老保险信息管理系统", "运维服务月报", "考核指标", "CASE维护响应率", "导出报表缺列", "海东市"] {
            #expect(text.contains(expected), "\(expected) not in the PDF's text")
        }
    }
}
