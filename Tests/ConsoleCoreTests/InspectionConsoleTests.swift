import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// Inspections as the console shows them: a list beside the desk, an inspection's readings, the
/// form for one entered by hand.
enum InspectionSample {
    static func reading(_ n: Int, _ check: InspectionCheck, _ target: String, _ value: ReadingValue, finding: InspectionFinding? = nil,
                        limit: String? = nil, item: WorkItem? = nil, opened: Bool = false, known: Bool = true) -> RecordedReading {
        RecordedReading(number: n, reading: InspectionReading(check: check, target: target, value: value), known: known, finding: finding,
                        limit: limit, itemId: item?.id, opened: opened, item: item)
    }

    static let fault = WorkItem(id: 501, kind: .fault, title: "表空间 YLBX_DATA 使用率 93.5%，须立即扩容", region: .shengzhishu, level: .two,
                                receivedAt: t("2021-11-23T09:30:00+08:00"), dueAt: t("2021-11-24T09:30:00+08:00"),
                                createdAt: t("2021-11-23T09:30:00+08:00"), createdBy: "wangfang")
    static let task = WorkItem(id: 498, kind: .task, title: "app05:/u01 磁盘使用率 88%，须清理或扩容", receivedAt: t("2021-11-22T09:30:00+08:00"),
                               dueAt: t("2021-11-22T18:00:00+08:00"), createdAt: t("2021-11-22T09:30:00+08:00"), createdBy: "wangfang")

    static let database = InspectionRecord(
        id: 7, at: t("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .database, source: .imported,
        recordedAt: t("2021-11-23T09:31:00+08:00"), recordedBy: "wangfang", readings: [
            reading(0, .tablespace, "YLBX_DATA", .number(93.5), finding: .fault(.two), limit: "> 90%", item: fault, opened: true),
            reading(1, .cpu, "app03", .number(71)),
            reading(2, .disk, "app05:/u01", .number(88), finding: .task, limit: "> 85%", item: task),
            reading(3, .cpu, "app12", .number(40), known: false),
            reading(4, .archiveLog, "db", .text("cleaned")),
        ])

    static let business = InspectionRecord(
        id: 8, at: t("2021-11-23T15:00:00+08:00"), inspector: "李娜", kind: .business, source: .manual,
        recordedAt: t("2021-11-23T15:30:00+08:00"), recordedBy: "lina", readings: [
            reading(0, .visit, "玉树州", .text("经办人员反映待遇测算页面响应偏慢")),
            reading(1, .visit, "果洛州", .text("系统运行平稳")),
        ])

    static let summaries = [
        InspectionSummary(id: 8, at: t("2021-11-23T15:00:00+08:00"), inspector: "李娜", kind: .business, readings: 2, over: 0, opened: 0,
                          linked: 0, unknown: 0),
        InspectionSummary(id: 7, at: t("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .database, readings: 5, over: 2, opened: 1,
                          linked: 1, unknown: 1),
        InspectionSummary(id: 6, at: t("2021-11-22T10:00:00+08:00"), inspector: "张伟", kind: .application, readings: 12, over: 0, opened: 0,
                          linked: 0, unknown: 0),
    ]

    /// The console on the inspections screen, its list loaded.
    static func state(width: Int = 120, height: Int = 40, language: Language = .zh) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: language)
        _ = s.reduce(.staffLoaded([StaffMember(username: "zhangwei", name: "张伟", role: .onsite)]))
        let effects = s.press(.char("7"))
        precondition(effects == [.loadInspections])
        _ = s.reduce(.inspectionsLoaded(summaries, total: 3))
        return s
    }
}

@Suite("Inspections in the console")
struct InspectionConsoleTests {
    @Test func sevenAndTheCommandLineShowTheInspectionsAndLoadThem() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("7")) == [.loadInspections])
        #expect(s.focus == .inspections)
        #expect(s.press(.escape) == [] && s.focus == .queue)
        _ = s.press(.char(":"))
        s.type("inspections")
        #expect(s.press(.enter) == [.loadInspections] && s.focus == .inspections)
        // Tab steps through the screens beside the desk: the inspections are the last.
        _ = s.press(.tab)
        #expect(s.focus == .tasks)
        _ = s.press(.backTab)
        #expect(s.focus == .inspections)
        _ = s.press(.backTab)
        #expect(s.focus == .trainings)
    }

    @Test func enterOpensTheReadingsAndEnterOnAReadingOpensItsItem() {
        var s = InspectionSample.state()
        _ = s.press(.char("j"))
        #expect(s.inspections.selected?.id == 7)
        #expect(s.press(.enter) == [.loadInspection(7)])
        _ = s.reduce(.inspectionLoaded(InspectionSample.business))   // another's: not taken
        guard case .inspection(let shown) = s.mode else { Issue.record("not showing an inspection"); return }
        #expect(shown.record == nil)
        _ = s.reduce(.inspectionLoaded(InspectionSample.database))
        // On a reading with nothing opened: the bell.
        _ = s.press(.char("j"))
        #expect(s.press(.enter) == [.bell])
        _ = s.press(.char("k"))
        #expect(s.press(.enter) == [.loadDetail(501)])
        if case .detail(let d) = s.mode { #expect(d.id == 501) } else { Issue.record("no details") }
        // Back to the readings, as they were.
        #expect(s.press(.escape) == [.loadInspection(7)] && s.focus == .inspections)
        if case .inspection(let back) = s.mode { #expect(back.selection == 0) } else { Issue.record("not on the readings") }
    }

    @Test func theListKeepsItsSelectionWhenReloadedAndReloadsWhenDataChanges() {
        var s = InspectionSample.state()
        _ = s.press(.char("G"))
        #expect(s.inspections.selected?.id == 6)
        let newer = [InspectionSummary(id: 9, at: now, inspector: "王芳", kind: .database, readings: 1, over: 0, opened: 0, linked: 0, unknown: 0)]
            + InspectionSample.summaries
        _ = s.reduce(.inspectionsLoaded(newer, total: 4))
        #expect(s.inspections.selected?.id == 6 && s.inspections.selection == 3)
        #expect(s.reduce(.dataChanged).contains(.loadInspections))
        _ = s.press(.enter)
        #expect(s.reduce(.dataChanged).contains(.loadInspection(6)))
    }

    @Test func theFormChecksTheReadingsAndSavesAnInspection() throws {
        var s = InspectionSample.state()
        _ = s.press(.char("n"))
        guard case .form(var form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .newInspection && form.value(.inspector) == "张伟")
        let readings = try #require(form.fields.firstIndex { $0.key == .readings })
        form.fields[readings].input = .text(TextField("tablespace YLBX_DATA 93.5; cpu app03 high"))
        #expect(form.problems(.en).contains { $0.1 == "reading 2: 'high': expected a percentage from 0 to 100 for check \"cpu\" (digits, e.g. 93.5)" })
        #expect(form.request(.en) == nil)
        form.fields[readings].input = .text(TextField("tablespace YLBX_DATA 93.5; cpu app03 71"))
        let request = try #require(form.request(.en))
        guard case .addInspection(let new) = request else { Issue.record("not an inspection: \(request)"); return }
        #expect(new.kind == .database && new.inspector == "张伟" && new.at == now)
        #expect(new.readings == [InspectionReading(check: .tablespace, target: "YLBX_DATA", value: .number(93.5)),
                                 InspectionReading(check: .cpu, target: "app03", value: .number(71))])
        // A visit in a database inspection is refused; chosen business, it is taken.
        form.fields[readings].input = .text(TextField("visit 玉树州 反映测算慢"))
        #expect(form.problems(.zh).contains { $0.1.hasPrefix("第 1 条：走访属于业务巡检") })
        let kind = try #require(form.fields.firstIndex { $0.key == .kind })
        form.fields[kind].input = .choice(InspectionKind.allCases.map { Form.Choice($0.rawValue, $0.rawValue) }, 2)
        #expect(form.problems(.zh).isEmpty)
        s.mode = .form(form, returnTo: nil)
        let saved = s.press(.ctrl("s"))
        #expect(saved.contains { if case .write(.addInspection(let new)) = $0 { return new.kind == .business } else { return false } })
        // Saved: the form closes and the list is read again.
        #expect(s.reduce(.saved(.inspectionRecorded(id: 9, opened: [], linked: [], unknownTargets: 0))).contains(.loadInspections))
        #expect(s.mode == .normal && s.focus == .inspections)
    }
}

@Suite("Rendering inspections")
struct InspectionRenderTests {
    @Test func theListAt120x40() throws {
        let b = render(InspectionSample.state())
        #expect(b.lines[1].hasPrefix(" 巡检 (3)"))
        #expect(b.row(containing: "CASE 队列") == nil)
        let header = try #require(b.row(containing: "巡检人"))
        for title in ["编号", "时间", "类别", "读数", "超阈", "开立", "关联", "不在清单"] { #expect(b.lines[header].contains(title), "\(title)") }
        let row = try #require(b.row(containing: "王芳"))
        #expect(b.lines[row].contains("2021-11-23 09:30") && b.lines[row].contains("数据库巡检"))
        #expect(b.lines[39].contains("n 录入巡检") && b.lines[39].contains("q/Esc 返回"))
        // The inspector's name lines up under its header, CJK and all.
        #expect(column(of: "王芳", in: b.lines[row]) == column(of: "巡检人", in: b.lines[header]))
    }

    @Test func at80x24BothLanguagesFitAndTheTabNamesTheScreen() throws {
        for lang in [Language.zh, .en] {
            let b = render(InspectionSample.state(width: 80, height: 24, language: lang))
            #expect(b.lines.allSatisfy { TerminalText.width($0) <= 80 })
            #expect(b.lines[1].contains(lang == .zh ? "7 巡检" : "7 Inspections"), "\(lang)")
            #expect(b.style(of: " 7 ", inRow: 1) == Theme.dark[.tabActive])
            #expect(b.row(containing: lang == .zh ? "业务巡检" : "business") != nil)
            #expect(b.lines[23].contains(lang == .zh ? "q/Esc 返回" : "q/Esc back"))
        }
    }

    @Test func anInspectionsReadingsFlagWhatWentOverAndNameTheItems() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            for lang in [Language.zh, .en] {
                var s = InspectionSample.state(width: w, height: h, language: lang)
                _ = s.press(.char("j"), .enter)
                _ = s.reduce(.inspectionLoaded(InspectionSample.database))
                let b = render(s)
                #expect(b.lines.allSatisfy { TerminalText.width($0) <= w })
                #expect(b.lines[1].contains(lang == .zh ? "巡检 #7 数据库巡检" : "Inspection #7 database"), "\(w) \(lang)")
                let over = try #require(b.row(containing: "YLBX_DATA"))
                #expect(b.lines[over].contains("93.5%") && b.lines[over].contains("> 90%") && b.lines[over].contains("+#501"))
                #expect(b.style(of: "93.5%", inRow: over) == Theme.dark[.overdue])
                let linked = try #require(b.row(containing: "app05:/u01"))
                #expect(b.lines[linked].contains("→#498"))
                #expect(b.row(containing: "app12*") != nil)
                if w == 120 { #expect(b.lines[over].contains("表空间 YLBX_DATA 使用率 93.5%") && b.lines[over].contains(lang == .zh ? "待处理" : "open")) }
                #expect(b.lines[h - 1].contains("Enter"))
            }
        }
    }

    @Test func aBusinessInspectionShowsTheFeedbackOfEachVisit() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            var s = InspectionSample.state(width: w, height: h)
            _ = s.press(.enter)
            _ = s.reduce(.inspectionLoaded(InspectionSample.business))
            let b = render(s)
            let row = try #require(b.row(containing: "玉树州"))
            #expect(b.lines[row].contains("经办人员反映待遇测算"))
            #expect(b.lines.allSatisfy { TerminalText.width($0) <= w })
        }
    }

    @Test func controlCharactersFromAFileNeverReachTheScreenRaw() {
        var s = InspectionSample.state()
        var record = InspectionSample.database
        record.inspector = "王\u{1B}[2J芳"
        record.readings[1].reading.target = "app\u{7}03"
        _ = s.press(.char("j"), .enter)
        _ = s.reduce(.inspectionLoaded(record))
        let b = render(s)
        #expect(!b.lines.joined().contains("\u{1B}") && !b.lines.joined().contains("\u{7}"))
    }
}
