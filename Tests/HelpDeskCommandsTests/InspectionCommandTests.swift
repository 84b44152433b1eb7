import Foundation
import Testing
import TestProcesses

/// The sample inspection file of the README (the first ```json block holding "readings").
func readmeInspectionSample(sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("README.md")
    let text = try String(contentsOf: readme, encoding: .utf8)
    let blocks = text.components(separatedBy: "```json\n").dropFirst().map { $0.components(separatedBy: "\n```").first ?? "" }
    return try #require(blocks.first { $0.contains("\"readings\"") && $0.contains("\"inspector\"") }, sourceLocation: sourceLocation)
}

@Suite("inspect and inventory commands", .scratch)
struct InspectionCommandTests {
    @Test("hostile text in an import: kept intact and shown safely, or refused naming the field, nothing stored")
    func hostileTextInAnImport() throws {
        let db = freshDatabase()
        let feedback = "反馈\u{1B}]52;c;aGVsbG8=\u{07} \u{202E}好\u{1B}[31m红"
        let escaped = feedback.unicodeScalars.map { $0.value < 0x20 || (0x202A...0x202E).contains($0.value)
            ? String(format: "\\u%04x", $0.value) : String($0) }.joined()
        let visit = writeFile(besides: db, name: "visit.json", """
            {"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "business",
             "readings": [{"check": "visit", "target": "玉树州", "value": "\(escaped)"}]}
            """)
        #expect(ok(["inspect", "import", visit], db: db, now: "2021-12-06T10:00:00+08:00") == "1\n")
        let shown = jsonObject(ok(["inspect", "show", "1", "--json"], db: db))
        #expect((shown["readings"] as? [[String: Any]])?.first?["value"] as? String == feedback)
        for args in [["inspect", "show", "1"], ["inspect", "report", "1", "--format", "md"], ["inspect", "report", "1", "--format", "html"]] {
            let out = ok(args, db: db)
            #expect(!out.unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x07 || $0.value == 0x202E }, "\(args)")
        }

        let before = snapshot(db, ids: [])
        let nul = writeFile(besides: db, name: "nul.json", """
            {"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database",
             "readings": [{"check": "cpu", "target": "app\\u000003", "value": 91}]}
            """)
        let r = helpdesk(["inspect", "import", nul], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(r.status == 2 && r.out.isEmpty && r.err.contains("nothing was stored"), "\(r.err)")
        let bytes = Data("{\"at\": \"2021-12-06T09:30:00+08:00\", \"inspector\": \"".utf8) + Data([0xFF, 0xFE])
            + Data("\", \"kind\": \"business\", \"readings\": []}".utf8)
        let latin = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("latin.json")
        try bytes.write(to: latin)
        let u = helpdesk(["inspect", "import", latin.path], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(u.status == 2 && u.err.contains("the file is not valid UTF-8 (the first bad byte is at offset 50)"), "\(u.err)")
        #expect(snapshot(db, ids: []) == before)
    }

    @Test("a target written in another case is the same target: linked to the item still open, not a second one")
    func targetsIgnoreCase() throws {
        let db = freshDatabase()
        let at = ["--at", "2021-11-23T10:00:00+08:00"]
        let first = helpdesk(["inspect", "add", "--kind", "database", "--reading", "cpu app04 90"] + at, db: db)
        #expect(first.status == 0 && first.err.contains("opened"), "\(first.err)")
        let second = helpdesk(["inspect", "add", "--kind", "database", "--reading", "cpu APP04 91"] + at, db: db)
        #expect(second.status == 0 && second.err.contains("linked") && !second.err.contains("opened"), "\(second.err)")
        let file = #"{"at": "2021-11-23T11:00:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "tablespace", "target": "TS9001", "value": 95}, {"check": "archive_log", "target": "db", "value": "  CLEANED "}]}"#
        ok(["inspect", "import", writeFile(besides: db, name: "a.json", file)], db: db)
        let again = helpdesk(["inspect", "import", writeFile(besides: db, name: "b.json", file.replacingOccurrences(of: "TS9001", with: "ts9001"))], db: db)
        #expect(again.status == 0 && again.err.contains("linked") && !again.err.contains("opened"), "\(again.err)")
        #expect(listItems(ok(["list", "--json", "--limit", "0"], db: db)).count == 2, "one task for app04, one fault for TS9001")
    }

    @Test("the README's sample file imports, prints the id alone and opens what its thresholds call for")
    func readmeSampleImports() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "sample.json", try readmeInspectionSample())
        let r = helpdesk(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(r.status == 0, "stderr: \(r.err)")
        #expect(r.out == "1\n")
        #expect(r.err.contains("opened: #1 #2 #3 #4"))
        let shown = jsonObject(ok(["inspect", "show", "1", "--json"], db: db))
        #expect(shown["kind"] as? String == "database" && shown["inspector"] as? String == "王芳")
        let readings = try #require(shown["readings"] as? [[String: Any]])
        #expect(readings.count == 7)
        #expect(readings.map { $0["over"] as? String } == ["> 90%", "> 5", "> 0", nil, nil, nil, "> 85%"])
        #expect(shown["opened"] as? [Int] == [1, 2, 3, 4])
        let fault = jsonObject(ok(["fault", "show", "1", "--json"], db: db))
        #expect(fault["level"] as? Int == 2 && fault["title"] as? String == "tablespace YLBX_DATA at 93.5%: expand at once")
        #expect(fault["due_at"] as? String == "2021-12-07T09:30:00+08:00")
        #expect((fault["escalations"] as? [[String: Any]])?.first?["step"] as? String == "T0")
        let task = jsonObject(ok(["task", "show", "3", "--json"], db: db))
        #expect(task["kind"] as? String == "task" && task["due_at"] as? String == "2021-12-06T18:00:00+08:00")
        let history = try #require(task["history"] as? [[String: Any]])
        #expect(history.contains { $0["event"] as? String == "inspected" && $0["new"] as? String == "1" })
    }

    @Test("a second import links to the items still open instead of opening them again; stdin works")
    func secondImportLinks() throws {
        let db = freshDatabase()
        let sample = try readmeInspectionSample()
        let file = writeFile(besides: db, name: "sample.json", sample)
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let later = writeFile(besides: db, name: "later.json", sample.replacingOccurrences(of: "2021-12-06T09:30", with: "2021-12-06T11:30"))
        let r = helpdesk(["inspect", "import", later], db: db, now: "2021-12-06T12:00:00+08:00")
        #expect(r.status == 0 && r.out == "2\n", "stderr: \(r.err)")
        #expect(r.err.contains("linked to items still open: #1 #2 #3 #4"))
        let shown = jsonObject(ok(["inspect", "show", "2", "--json"], db: db))
        #expect(shown["opened"] as? [Int] == [] && shown["linked"] as? [Int] == [1, 2, 3, 4])
        #expect(ok(["show", "1", "--lang", "en"], db: db, now: "2021-12-06T12:00:00+08:00").contains("#1 #2"))
        let list = ok(["inspect", "list", "--json"], db: db, now: "2021-12-06T12:00:00+08:00")
        let items = try #require(try JSONSerialization.jsonObject(with: Data(list.utf8)) as? [[String: Any]])
        #expect(items.map { $0["id"] as? Int } == [2, 1])
        #expect(items.map { $0["linked"] as? Int } == [4, 0])
    }

    @Test("the advised command to add an unknown target is one the shell and inventory add accept; a name the inventory refuses gets no command")
    func adviceForAnUnknownTargetIsACommandThatWorks() throws {
        let db = freshDatabase()
        // Targets are checked against the tablespaces once the inventory lists one.
        ok(["inventory", "add", "tablespace", "YLBX_DATA"], db: db)
        let file = writeFile(besides: db, name: "inspection.json", #"""
            {"at": "2021-11-23T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [
              {"check": "tablespace", "target": "YLBX DATA", "value": 50},
              {"check": "tablespace", "target": "YLBX$DATA'S", "value": 50},
              {"check": "tablespace", "target": "-YLBX", "value": 50}]}
            """#)
        let r = helpdesk(["inspect", "import", file], db: db)
        #expect(r.status == 0, "stderr: \(r.err)")
        let notes = r.err.split(separator: "\n").map(String.init)
        // A name with a space: the inventory takes no such name, and no command is offered.
        let spaced = try #require(notes.first { $0.contains("readings[0]") }, "\(r.err)")
        #expect(spaced.contains("YLBX DATA") && !spaced.contains("inventory add"), "\(spaced)")
        // The others: the command advised, run by a shell, adds the target.
        for index in [1, 2] {
            let note = try #require(notes.first { $0.contains("readings[\(index)]") }, "\(r.err)")
            let command = try #require(note.range(of: "helpdesk inventory add ").map { String(note[$0.lowerBound...].dropLast()) }, "\(note)")
            let shell = try runProcess("/bin/sh", ["-c", "\"$HELPDESK\" " + command.dropFirst("helpdesk ".count)],
                                       environment: commandEnvironment(db: db, now: defaultNow, extra: ["HELPDESK": helpdeskExecutable]))
            #expect(shell.status == 0, "\(command)")
        }
        let names = try #require(try JSONSerialization.jsonObject(with: Data(ok(["inventory", "list", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(Set(names.compactMap { $0["name"] as? String }) == ["YLBX_DATA", "YLBX$DATA'S", "-YLBX"])
    }

    @Test("targets not in the inventory are recorded and flagged with the command that adds them")
    func unknownTargetsAreFlagged() throws {
        let db = freshDatabase()
        ok(["inventory", "add", "address", "10.63.1.20:7001"], db: db)
        ok(["inventory", "add", "server", "app03", "--parent", "10.63.1.20:7001", "--note", "10.63.2.3"], db: db)
        let r = helpdesk(["inspect", "add", "--kind", "application", "--reading", "cpu app12 91", "--reading", "cpu app03 50",
                          "--at", "2021-11-23T10:00:00+08:00"], db: db)
        #expect(r.status == 0 && r.out == "1\n", "stderr: \(r.err)")
        #expect(r.err.contains("readings[0].target \"app12\" is not in the inventory") && r.err.contains("inventory add server app12"))
        #expect(!r.err.contains("app03\" is not"))
        let inventory = ok(["inventory", "list"], db: db)
        #expect(inventory.contains("app03") && inventory.contains("10.63.2.3"))
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(ok(["inventory", "list", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(entries.map { $0["name"] as? String } == ["app03", "10.63.1.20:7001"])
        #expect(entries.first?["parent"] as? String == "10.63.1.20:7001" && entries.last?["kind"] as? String == "address")
        ok(["inventory", "set", "server", "app03", "--note", "下线维护"], db: db)
        ok(["inventory", "remove", "server", "app03"], db: db)
        #expect(!ok(["inventory", "list"], db: db).contains("app03"))
    }

    @Test("the report lists every reading, flags those over threshold and names the items; a business report has the visits")
    func reports() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "sample.json", try readmeInspectionSample())
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let md = ok(["inspect", "report", "1", "--format", "md", "--lang", "en"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(md.hasPrefix("# Inspection report"))
        #expect(md.contains("| 0 | tablespace | YLBX\\_DATA | 93.5% | over &gt; 90% | opened #1 |"))
        #expect(md.contains("| 3 | cpu | app03 | 71% |  |  |"))
        #expect(md.contains("| #2 | fault | opened | 6 services down behind 10.63.1.20:7001 | open | 2021-12-07 09:30 |"))
        let zh = ok(["inspect", "report", "1", "--format", "md", "--lang", "zh"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(zh.contains("巡检报告") && zh.contains("| 超出 &gt; 90% | 开立 #1 |"))
        ok(["inspect", "add", "--kind", "business", "--inspector", "李娜", "--reading", "visit 玉树州 经办人员反映 | 打印慢",
            "--reading", "visit guoluo 无问题", "--at", "2021-11-23T10:00:00+08:00"], db: db, now: "2021-12-06T10:00:00+08:00")
        let visits = ok(["inspect", "report", "2", "--format", "md", "--lang", "zh"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(visits.contains("## 地区走访与反馈"))
        #expect(visits.contains("| 玉树州 | 经办人员反映 \\| 打印慢 |") && visits.contains("| 果洛州 | 无问题 |"))
        #expect(visits.contains("没有读数超出阈值"))
        let html = ok(["inspect", "report", "1", "--format", "html"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(html.hasPrefix("<!DOCTYPE html>") && html.contains("A4 portrait") && !html.contains("http://") && !html.contains("https://"))
        #expect(html.contains("tablespace YLBX_DATA at 93.5%: expand at once"))
    }

    @Test("the monthly report lists the month's inspections in every format")
    func monthlyReportSection() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "sample.json", try readmeInspectionSample())
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let later = "2022-01-05T10:00:00+08:00"
        let md = ok(["report", "--month", "2021-12", "--format", "md", "--lang", "zh"], db: db, now: later)
        #expect(md.contains("## 六、本月巡检"))
        #expect(md.contains("| 1 | 2021-12-06 09:30 | 数据库巡检 | 王芳 | 7 | 4 | 4 | 0 |"))
        let csv = ok(["report", "--month", "2021-12", "--format", "csv"], db: db, now: later)
        #expect(csv.contains("inspections,1,2021-12-06 09:30,"))
        let html = ok(["report", "--month", "2021-12", "--format", "html", "--lang", "en"], db: db, now: later)
        #expect(html.contains("6. Inspections in the month") && html.contains("王芳"))
        let november = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "en"], db: db, now: later)
        #expect(november.contains("No inspection this month."))
    }

    @Test("the desk's thresholds apply, and config check names a bad one")
    func configuredThresholds() throws {
        let db = freshDatabase()
        ok(["config", "set", "inspection.tablespace", "95"], db: db)
        ok(["config", "set", "inspection.archive_log_done", "已清理"], db: db)
        let r = helpdesk(["inspect", "add", "--kind", "database", "--reading", "tablespace YLBX_DATA 93.5", "--reading", "archive_log db 已清理",
                          "--at", "2021-11-23T10:00:00+08:00"], db: db)
        #expect(r.status == 0 && !r.err.contains("opened"), "stderr: \(r.err)")
        let bad = writeFile(besides: db, name: "bad.toml", "[inspection]\ncpu = 120\ntablespoce = 90\n")
        let check = helpdesk(["config", "check", "--system", bad], db: db)
        #expect(check.status == 2)
        #expect(check.err.contains("inspection.cpu: 120 is out of range") && check.err.contains("inspection.tablespoce: unknown key"))
        #expect(check.err.contains("did you mean tablespace?"))
        let shown = ok(["config", "show"], db: db)
        #expect(shown.contains("[inspection]\ntablespace = 95   # database"), "\(shown)")
    }

    @Test("feedback from a file never reaches the terminal raw")
    func controlCharactersAreShownSafely() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "visit.json", #"{"at": "2021-11-23T10:00:00+08:00", "inspector": "李娜", "kind": "business", "readings": [{"check": "visit", "target": "玉树州", "value": "打印慢\u001b[2J\u0007\u202e反转"}]}"#)
        ok(["inspect", "import", file], db: db)
        for args in [["inspect", "show", "1"], ["inspect", "list"], ["inspect", "report", "1", "--format", "md"], ["inspect", "report", "1", "--format", "html"]] {
            let out = ok(args, db: db)
            #expect(!out.contains("\u{1B}") && !out.contains("\u{07}"), "\(args)")
            // What is written for the terminal shows bidi controls as placeholders too (a report
            // is a document and keeps the text, as the monthly report does).
            if args[1] != "report" { #expect(!out.contains("\u{202E}"), "\(args)") }
        }
        #expect(ok(["inspect", "show", "1"], db: db).contains("打印慢"))
    }

    @Test("only supervisors edit the inventory")
    func inventoryNeedsASupervisor() throws {
        let db = freshDatabase()
        ok(["staff", "add", "someone", "--name", "某人", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "onsite"], db: db)
        let r = helpdesk(["inventory", "add", "server", "app12"], db: db)
        #expect(r.status == 2 && r.err.contains("supervisor"), "stderr: \(r.err)")
    }
}

@Suite("The inspection report printed to PDF", .scratch)
struct InspectionReportPDFTests {
    @Test(.enabled(if: headlessChromium != nil, "headless Chromium is not installed (Debian: chromium)"))
    func theHTMLPrintsOnOneA4PageWithItsChineseText() throws {
        let db = freshDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent()
        let file = writeFile(besides: db, name: "sample.json", try readmeInspectionSample())
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let html = ok(["inspect", "report", "1", "--format", "html", "--lang", "zh"], db: db, now: "2021-12-06T10:00:00+08:00")
        let printed = try PrintedPDF.print(html, name: "inspection", in: dir)
        #expect(printed.info.contains("(A4)"), "\(printed.info)")
        #expect(printed.pages == 1, "pages: \(String(describing: printed.pages))")
        let text = printed.text
        for expected in ["巡检报告", "表空间使用率", "YLBX_DATA", "超出 > 90%", "须立即扩容", "开立 #1"] {
            #expect(text.contains(expected), "\(expected) not in the PDF's text")
        }
    }
}
