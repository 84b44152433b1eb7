import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// Training sessions of the same desk as `Sample`: one done to its end, one half-way, one planned.
enum TrainingSample {
    static func item(_ id: Int64, topic: String, version: Int = 1) -> WorkItem {
        WorkItem(id: id, kind: .training, title: topic, takenBy: "zhangwei", receivedAt: t("2021-11-01T09:00:00+08:00"),
                 createdAt: t("2021-11-01T09:00:00+08:00"), createdBy: "zhangwei", version: version)
    }

    static func steps(done count: Int, from: String) -> [TrainingStepState] {
        TrainingStep.allCases.map { step in
            step.number <= count ? TrainingStepState(step: step, doneAt: t(from).addingTimeInterval(Double(step.number) * 3600), doneBy: "lina")
                : TrainingStepState(step: step)
        }
    }

    static let items: [WorkItem] = [
        item(501, topic: "待遇核定与退休审批业务操作"),
        item(502, topic: "数据库备份与恢复演练", version: 5),
        item(503, topic: "机关事业单位养老保险政策解读"),
    ]

    static let details: [Int64: TrainingDetail] = [
        501: TrainingDetail(itemId: 501, type: .operator, place: "省社保局三楼会议室", trainer: "李敏", heldOn: CivilDate(iso: "2021-11-30")!),
        502: TrainingDetail(itemId: 502, type: .sysadmin, place: "信息中心机房", trainer: "陈静", heldOn: CivilDate(iso: "2021-11-18")!,
                            steps: steps(done: 4, from: "2021-11-18T08:00:00+08:00"),
                            attendees: [Attendee(name: "才让卓玛", office: "玉树州社会保险事业管理局", region: .yushu, score: 92),
                                        Attendee(name: "王建华", office: "西宁市社保局", region: .xining, score: 79),
                                        Attendee(name: "Li Ming", office: "省直属机关", region: .shengzhishu)],
                            materials: [TrainingMaterial(location: "/share/培训/2021-11-18/备份.pptx", addedAt: t("2021-11-17T10:00:00+08:00"),
                                                         addedBy: "lina")]),
        503: TrainingDetail(itemId: 503, type: .admin, place: "海东市社保局", trainer: "马主任", heldOn: CivilDate(iso: "2021-11-05")!,
                            steps: steps(done: 7, from: "2021-11-05T08:00:00+08:00"),
                            attendees: [Attendee(name: "马丽", office: "海东市社保局", region: .haidong, score: 88)]),
    ]

    static func page(_ filter: ServiceFilter = ServiceFilter()) -> ServicePage {
        ServicePage(.training, filter, items: items, offset: 0, total: items.count, facts: details.mapValues { ServiceFacts(.training($0)) })
    }

    /// The console with the trainings (`6`) in view, their list loaded.
    static func state(width: Int = 120, height: Int = 40, language: Language = .zh) -> ConsoleState {
        var s = Sample.state(width: width, height: height, language: language)
        _ = s.press(.char("6"))
        _ = s.reduce(.servicesLoaded(page()))
        return s
    }

    /// The half-way training's details open, its facts read.
    static func details(of id: Int64 = 502, width: Int = 120, height: Int = 40, language: Language = .zh) -> ConsoleState {
        var s = state(width: width, height: height, language: language)
        let index = items.firstIndex { $0.id == id }!
        for _ in 0..<index { _ = s.press(.char("j")) }
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(items[index], []))
        _ = s.reduce(.factsLoaded(id: id, ServiceFacts(.training(details[id]!))))
        return s
    }
}

@Suite("Rendering trainings")
struct TrainingRenderTests {
    @Test func theTrainingsAt120x40InChinese() throws {
        let b = render(TrainingSample.state())
        #expect(b.lines[1].hasPrefix(" 培训 (3)"))
        #expect(b.row(containing: "CASE 队列") == nil)
        let header = try #require(b.row(containing: "平均分"))
        for title in ["编号", "对象", "日期", "标题", "步骤", "人数"] { #expect(b.lines[header].contains(title), "\(title)") }
        let half = try #require(b.row(containing: "数据库备份与恢复演练"))
        #expect(b.lines[half].contains("系统管理员") && b.lines[half].contains("2021-11-18") && b.lines[half].contains("4/7"))
        #expect(b.lines[half].hasSuffix("85.5"))
        let done = try #require(b.row(containing: "机关事业单位养老保险政策解读"))
        #expect(b.style(of: "7/7", inRow: done) == Theme.dark[.kpiMet])
        let planned = try #require(b.row(containing: "待遇核定与退休审批业务操作"))
        #expect(b.lines[planned].hasPrefix(">   501 经办人员") && b.lines[planned].hasSuffix("—"))
        // The average is aligned right: "—" and "85.5" end in the same column.
        #expect(TerminalText.width(b.lines[planned]) == TerminalText.width(b.lines[half]))
        // Wide topics and ASCII line up in their columns.
        #expect(column(of: "4/7", in: b.lines[half]) == column(of: "0/7", in: b.lines[planned]))
        #expect(column(of: "2021-11-18", in: b.lines[half]) == column(of: "日期", in: b.lines[header]))
        #expect(b.lines[39].contains("n 新建培训") && b.lines[39].contains("s 完成步骤") && b.lines[39].contains("K 按对象"))
    }

    @Test func theTrainingsAt120x40InEnglish() throws {
        let b = render(TrainingSample.state(language: .en))
        #expect(b.lines[1].hasPrefix(" Trainings (3)"))
        let header = try #require(b.row(containing: "Average"))
        #expect(b.lines[header].contains("For") && b.lines[header].contains("Held on") && b.lines[header].contains("Attended"))
        let half = try #require(b.row(containing: "数据库备份与恢复演练"))
        #expect(b.lines[half].contains("sysadmins") && b.lines[half].contains("4/7") && b.lines[half].contains("85.5"))
        #expect(b.lines[39].contains("a add attendee") && b.lines[39].contains("e exam score"))
    }

    @Test func at80x24TheTrainingsAreATabAndNothingIsCut() throws {
        for lang in [Language.zh, .en] {
            let b = render(TrainingSample.state(width: 80, height: 24, language: lang))
            #expect(b.lines.allSatisfy { TerminalText.width($0) <= 80 })
            #expect(b.lines[1].contains(lang == .zh ? "| 6 培训 |" : "| 6 Trainings |") && b.lines[1].hasSuffix("| 7"), "\(b.lines[1])")
            #expect(b.style(of: " 6 ", inRow: 1) == Theme.dark[.tabActive])
            let half = try #require(b.row(containing: lang == .zh ? "数据库备份与恢复" : "数据库备份"))
            #expect(b.lines[half].contains("4/7") && b.lines[half].contains("85.5"), "\(b.lines[half])")
            #expect(b.lines[23].contains(lang == .zh ? "q/Esc 返回" : "q/Esc back"))
        }
    }

    @Test func aTrainingsDetailsShowStepsAttendeesAverageAndMaterials() throws {
        for (w, h) in [(80, 24), (120, 40)] {
            let b = render(TrainingSample.details(width: w, height: h))
            #expect(b.lines.allSatisfy { TerminalText.width($0) <= w })
            #expect(b.lines[1].contains("#502 培训 · 已完成 4/7 步"))
            #expect(b.row(containing: "培训对象").map { b.lines[$0].contains("系统管理员") } == true)
            let delivery = try #require(b.row(containing: "4 培训实施"))
            #expect(b.lines[delivery].contains("✓ 2021-11-18 12:00  lina"))
            #expect(b.style(of: "4 培训实施", inRow: delivery) == Theme.dark[.kpiMet])
            let exam = try #require(b.row(containing: "5 考试"))
            #expect(b.lines[exam].contains("待完成"))
            // Step names padded in display columns: the states line up.
            #expect(column(of: "·", in: b.lines[exam]) == column(of: "✓", in: b.lines[delivery]))
            if h == 40 {
                let first = try #require(b.row(containing: "才让卓玛"))
                #expect(b.lines[first].contains("学员") && b.lines[first].contains("玉树州") && b.lines[first].hasSuffix("92"))
                #expect(b.row(containing: "参训人数").map { b.lines[$0].hasSuffix("3") } == true)
                // The first attendee's columns are where the others' are.
                #expect(column(of: "才让卓玛", in: b.lines[first]) == column(of: "王建华", in: b.lines[first + 1]))
                let second = try #require(b.row(containing: "王建华"))
                // Offices of different widths: the regions and scores still line up.
                #expect(column(of: "西宁市", in: b.lines[second]) == column(of: "玉树州", in: b.lines[first]))
                let latin = try #require(b.row(containing: "Li Ming"))
                #expect(column(of: "省直属", in: b.lines[latin]) == column(of: "玉树州", in: b.lines[first]) && b.lines[latin].hasSuffix("—"))
                #expect(b.row(containing: "平均分").map { b.lines[$0].contains("85.5（2/3 人有成绩）") } == true)
                #expect(b.row(containing: "/share/培训/2021-11-18/备份.pptx").map { b.lines[$0].contains("培训资料 /share") } == true)
                #expect(b.lines[39].contains("s 完成步骤") && b.lines[39].contains("a 登记学员"))
            }
        }
        let small = render(TrainingSample.details(width: 80, height: 24, language: .en))
        #expect(small.lines.allSatisfy { TerminalText.width($0) <= 80 } && small.lines[1].contains("#502 training · 4/7 steps done"))
        #expect(small.row(containing: "4 delivery").map { small.lines[$0].contains("✓ 2021-11-18 12:00") } == true)
        let en = render(TrainingSample.details(language: .en))
        #expect(en.lines[1].contains("#502 training · 4/7 steps done"))
        #expect(en.row(containing: "materials uploaded").map { en.lines[$0].contains("pending") } == true)
        #expect(en.row(containing: "Average").map { en.lines[$0].contains("85.5 (2 of 3 scored)") } == true)
        let first = try #require(en.row(containing: "才让卓玛"))
        #expect(en.lines[first].contains("Attendees") && column(of: "才让卓玛", in: en.lines[first]) == column(of: "王建华", in: en.lines[first + 1]))
    }
}

@Suite("Trainings in the console")
struct TrainingConsoleTests {
    @Test func sixAndTheCommandLineShowTheTrainingsAndQGoesBack() {
        var s = Sample.state(width: 120, height: 40)
        #expect(s.press(.char("6")) == [.loadServices(.training, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.focus == .trainings)
        _ = s.reduce(.servicesLoaded(TrainingSample.page()))
        _ = s.press(.char("j"))
        #expect(s.actionTarget?.id == 502)
        #expect(s.press(.backTab) == [.loadServices(.change, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.press(.tab) == [.loadServices(.training, ServiceFilter(), offset: 0, limit: 200)])
        _ = s.press(.char("q"))
        #expect(s.focus == .queue)
        _ = s.press(.char(":"))
        s.type("trainings")
        #expect(s.press(.enter) == [.loadServices(.training, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.focus == .trainings)
    }

    @Test func kCyclesTheAudienceSearchFiltersAndTheOtherFiltersAreNotHere() {
        var s = TrainingSample.state()
        var f = ServiceFilter()
        f.trainingType = .admin
        #expect(s.press(.char("K")) == [.loadServices(.training, f, offset: 0, limit: 200)])
        f.trainingType = .operator
        #expect(s.press(.char("K")) == [.loadServices(.training, f, offset: 0, limit: 200)])
        #expect(render(s).lines[1].contains("筛选：业务经办人员"))
        _ = s.press(.char("/"))
        s.type("备份")
        f.search = "备份"
        #expect(s.press(.enter) == [.loadServices(.training, f, offset: 0, limit: 200)])
        #expect(s.press(.char("S")) == [.bell])
        #expect(s.status?.text.contains("培训只按培训对象") == true)
        #expect(s.press(.char("c")) == [.loadServices(.training, ServiceFilter(), offset: 0, limit: 200)])
    }

    @Test func aNewTrainingIsCheckedSavedAndSelectedInItsList() throws {
        var s = TrainingSample.state()
        _ = s.press(.char("n"))
        guard case .form(let form, nil) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .newTraining)
        _ = s.press(.right, .right, .tab)                              // audience: supervisors → operators → system administrators
        s.type("日志分析与故障定位")
        _ = s.press(.tab)
        s.type("信息中心")
        _ = s.press(.tab)
        s.type("刘洋")
        _ = s.press(.tab)
        s.type("12月3日")
        #expect(render(s).row(containing: "格式：2021-12-01") != nil)   // checked as it is typed
        #expect(s.press(.ctrl("s")) == [.bell])
        _ = s.press(.ctrl("u"))
        s.type("2021-12-03")
        let save = s.press(.ctrl("s"))
        #expect(save == [.write(.addTraining(NewTraining(type: .sysadmin, topic: "日志分析与故障定位", place: "信息中心", trainer: "刘洋",
                                                         heldOn: CivilDate(iso: "2021-12-03")!), at: now))])
        let after = s.reduce(.saved(.created(id: 504)))
        #expect(after.last == .locateService(id: 504, kind: .training, filter: ServiceFilter()))
        #expect(s.reduce(.located(id: 504, pane: .trainings, index: 0)) == [.loadServices(.training, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.trainings.window.selection == 0)
    }

    @Test func sMarksTheNextPendingStepAndIsRefusedOnceAllAreDone() throws {
        var s = TrainingSample.state()
        _ = s.press(.char("j"))                                        // #502, four steps done
        _ = s.press(.char("s"))
        guard case .form(let form, nil) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .trainingStep(id: 502, version: 5, step: .exam))
        #expect(render(s).row(containing: "5 考试") != nil)
        #expect(s.press(.ctrl("s")) == [.write(.trainingStep(id: 502, step: .exam, at: now, version: 5))])
        _ = s.reduce(.saved(.trainingStepDone(id: 502, step: .exam)))
        _ = s.press(.char("j"))                                        // #503, all seven done
        #expect(s.press(.char("s")) == [.bell])
        #expect(s.status?.text == "#503 的七个步骤都已完成")
    }

    @Test func attendeesAndScoresAreCheckedAsTyped() throws {
        var s = TrainingSample.details(of: 501)
        // No attendee yet: no score to record.
        #expect(s.press(.char("e")) == [.bell])
        #expect(s.status?.text.contains("还没有学员") == true)
        _ = s.press(.char("a"))
        guard case .form(let form, let back) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .addAttendee(id: 501, version: 1) && back?.id == 501)
        s.type("扎西东智")
        _ = s.press(.tab)
        s.type("玉树州社会保险事业管理局")
        _ = s.press(.tab, .right, .right, .right, .right, .tab)       // region: 西宁市 → … → 玉树州
        s.type("101")
        #expect(render(s).row(containing: "0 到 100 的整数") != nil)
        #expect(s.press(.ctrl("s")) == [.bell])
        _ = s.press(.backspace)
        #expect(s.press(.ctrl("s")) == [.write(.addAttendee(id: 501, name: "扎西东智", office: "玉树州社会保险事业管理局", region: .yushu,
                                                            score: 10, version: 1))])
    }

    @Test func aScoreIsGivenToAnAttendeeChosenFromTheList() throws {
        var s = TrainingSample.details(of: 502)
        _ = s.press(.char("e"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .scoreAttendee(id: 502, version: 5))
        #expect(form.chosenAttendee == AttendeeName(name: "Li Ming", office: "省直属机关"), "the first attendee without a score")
        _ = s.press(.tab)
        #expect(s.press(.ctrl("s")) == [.bell], "a score is required")
        s.type("86")
        #expect(s.press(.ctrl("s")) == [.write(.setScore(id: 502, attendee: AttendeeName(name: "Li Ming", office: "省直属机关"), score: 86, version: 5))])
        // A material: a path or a link.
        var m = TrainingSample.details(of: 502)
        _ = m.press(.char("M"))
        m.type("https://pan.qhsi.example/s/8f2k")
        #expect(m.press(.ctrl("s")) == [.write(.addMaterial(id: 502, location: "https://pan.qhsi.example/s/8f2k", version: 5))])
    }
}
