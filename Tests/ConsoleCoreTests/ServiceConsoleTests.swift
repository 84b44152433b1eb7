import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The tasks and the changes in the console: going there and back, the forms and their writes.
@Suite("Tasks and changes in the console")
struct ServiceConsoleTests {
    static let supervisor = StaffMember(username: "zhangwei", name: "张伟", role: .supervisor)
    static let lina = StaffMember(username: "lina", name: "李娜", role: .onsite)

    @Test func fourAndFiveShowTheScreensAndQGoesBackToTheDesk() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"))
        #expect(s.press(.char("4")) == [.loadServices(.task, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.focus == .tasks)
        _ = s.reduce(.servicesLoaded(ServiceSample.taskPage()))
        #expect(s.press(.tab) == [.loadServices(.change, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.focus == .changes)
        _ = s.press(.backTab)
        #expect(s.focus == .tasks)
        _ = s.press(.char("j"), .char("j"))
        #expect(s.actionTarget?.id == 303)
        // Data changed elsewhere: the tasks in view are read again with the rest.
        #expect(s.reduce(.dataChanged).contains(.loadServices(.task, ServiceFilter(), offset: 0, limit: 200)))
        _ = s.press(.char("q"))
        #expect(s.focus == .faults)                                       // where the desk was left
        #expect(s.press(.char("q")) == [.quit])
        // The command line goes there too.
        _ = s.press(.char(":"))
        s.type("changes")
        #expect(s.press(.enter) == [.loadServices(.change, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.focus == .changes)
    }

    @Test func theSearchAndTheCommandLineFilterTheListInView() {
        var s = ServiceSample.state(.tasks)
        _ = s.press(.char("/"))
        s.type("缴费")
        var f = ServiceFilter()
        f.search = "缴费"
        #expect(s.press(.enter) == [.loadServices(.task, f, offset: 0, limit: 200)])
        #expect(s.queue.filter.search == "")
        _ = s.press(.char(":"))
        s.type("status all")
        f.status = .all
        #expect(s.press(.enter) == [.loadServices(.task, f, offset: 0, limit: 200)])
        _ = s.press(.char(":"))
        s.type("region 玉树")
        #expect(s.press(.enter) == [.bell])
        #expect(s.status?.text.contains("只按状态") == true)
    }

    @Test func aNewTaskIsCheckedAsTypedSavedAndSelectedInItsList() throws {
        var s = ServiceSample.state(.tasks)
        _ = s.reduce(.staffLoaded([Self.supervisor, Self.lina]))
        _ = s.press(.char("n"))
        guard case .form(let form, nil) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .newTask)
        s.type("统计 11 月退休人员待遇")
        _ = s.press(.tab)
        s.type("11月30日")
        var b = render(s)
        #expect(b.row(containing: "格式：2021-12-01") != nil)              // checked as it is typed
        _ = s.press(.ctrl("u"))
        s.type("2021-11-30")
        _ = s.press(.tab, .right, .right, .tab)                              // assignee: nobody → 张伟 → 李娜
        s.type("#12x")
        b = render(s)
        #expect(b.row(containing: "填写编号，如 12") != nil)
        #expect(s.press(.ctrl("s")) == [.bell])
        _ = s.press(.backspace)
        let save = s.press(.ctrl("s"))
        #expect(save == [.write(.addTask(NewTask(title: "统计 11 月退休人员待遇", due: t("2021-11-30T18:00:00+08:00"), assignee: "lina",
                                                 fromCase: 12), at: now))])
        let after = s.reduce(.saved(.created(id: 304)))
        #expect(after.last == .locateService(id: 304, kind: .task, filter: ServiceFilter()))
        #expect(s.reduce(.located(id: 304, pane: .tasks, index: 1)) == [.loadServices(.task, ServiceFilter(), offset: 0, limit: 200)])
        #expect(s.tasks.window.selection == 1)
    }

    @Test func completingATaskAsksCauseAndSolutionAndKeepsThemWhenStale() {
        var s = ServiceSample.state(.tasks)
        _ = s.press(.char("x"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .completeTask(id: 301, version: 1))
        s.type("基数录入有误")
        #expect(s.press(.ctrl("s")) == [.bell])
        s.type("批量更正")
        #expect(s.press(.ctrl("s")) == [.write(.completeTask(id: 301, cause: "基数录入有误", solution: "批量更正", version: 1))])
        _ = s.reduce(.refused(.stale(id: 301, expected: 1, current: 2)))
        guard case let .form(kept, back) = s.mode else { Issue.record("the form closed"); return }
        #expect(back?.id == 301 && kept.value(.cause) == "基数录入有误")
        #expect(s.press(.ctrl("s")) == [.write(.completeTask(id: 301, cause: "基数录入有误", solution: "批量更正", version: 2))])
    }

    @Test func onlyACompletedTaskIsMarkedErroneousAndOnlyOnce() {
        var s = ServiceSample.state(.tasks)
        #expect(s.press(.char("e")) == [.bell])
        #expect(s.status?.text == "#301 尚未完成；只有已完成的任务才能标记为有误")
        _ = s.press(.char("j"), .char("j"), .char("e"))                     // #303, already marked
        #expect(s.status?.text.contains("已由 zhaolei 于 2021-11-23T10:00:00+08:00 标记为有误") == true)
        var page = ServiceSample.taskPage()
        page.facts = [:]
        _ = s.reduce(.servicesLoaded(page))
        _ = s.press(.char("e"))
        s.type("漏了乐都区的数据")
        #expect(s.press(.ctrl("s")) == [.write(.markErroneous(id: 303, note: "漏了乐都区的数据", version: 1))])
    }

    @Test func aNewChangeAsksTheEffectiveDateOnlyForAPolicyAdjustment() throws {
        var s = ServiceSample.state(.changes)
        _ = s.press(.char("n"))
        var b = render(s)
        #expect(b.row(containing: "政策生效日期") != nil)                   // policy comes first
        _ = s.press(.right)                                                 // an optimisation
        b = render(s)
        #expect(b.row(containing: "政策生效日期") == nil)
        _ = s.press(.tab)
        s.type("报表导出提速")
        #expect(s.press(.ctrl("s")) == [.bell])
        #expect(s.status?.text.contains("或填写来源需求工单") == true)
        _ = s.press(.tab, .tab)                                             // due left empty; the requirement it comes from
        s.type("104")
        #expect(s.press(.ctrl("s")) == [.write(.addChange(NewChange(type: .optimisation, title: "报表导出提速", due: nil, fromCase: 104),
                                                            at: now))])
        // Back to a policy adjustment: the date is asked and checked.
        _ = s.press(.up, .up, .up, .left)
        _ = s.press(.tab, .tab, .tab)
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.fields[form.focus].key == .effective)
        s.type("2021-13-01")
        #expect(render(s).row(containing: "格式：2021-12-01") != nil)
    }

    @Test func advancingAsksTheSignerThenReleasesWithADelivery() {
        var s = ServiceSample.state(.changes)
        _ = s.press(.char("j"), .char("a"))                                  // #402 in research
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .advance(id: 402, version: 1, to: .confirmed))
        #expect(render(s).row(containing: "推进 #402：需求调研 → 需求确认") != nil)
        #expect(s.press(.ctrl("s")) == [.bell])                             // who signed is required
        s.type("王处长")
        #expect(s.press(.ctrl("s")) == [.write(.advance(id: 402, to: .confirmed, signedBy: "王处长", release: nil, version: 1))])
        _ = s.reduce(.saved(.advanced(id: 402, stage: .confirmed, delivery: nil, reprocessingTask: nil)))
        // In user test, the next stage is the release: cause, solution and the delivery.
        var page = ServiceSample.changePage()
        page.facts[402]?.change?.stage = .userTest
        _ = s.reduce(.servicesLoaded(page))
        _ = s.press(.char("a"))
        s.type("测算慢")
        _ = s.press(.tab)
        s.type("加索引")
        _ = s.press(.tab)
        s.type("V3.3.0")
        _ = s.press(.tab)
        s.type("7")
        #expect(s.press(.ctrl("s")) == [.bell])                             // a new delivery's label, or one already made
        _ = s.press(.backspace)
        #expect(s.press(.ctrl("s")) == [.write(.advance(id: 402, to: .released, signedBy: nil,
                                                         release: Release(cause: "测算慢", solution: "加索引", label: "V3.3.0"), version: 1))])
    }

    /// Neither a label nor a delivery to join: a delivery is a record that never changes, and is
    /// never named by default.
    @Test func aReleaseNamesItsDelivery() {
        var s = ServiceSample.state(.changes)
        var page = ServiceSample.changePage()
        page.facts[402]?.change?.stage = .userTest
        _ = s.reduce(.servicesLoaded(page))
        _ = s.press(.char("j"), .char("a"))
        s.type("测算慢")
        _ = s.press(.tab)
        s.type("加索引")
        #expect(s.press(.ctrl("s")) == [.bell])
        #expect(s.status?.text.contains("新交付须有标签") == true, "\(String(describing: s.status))")
    }

    /// Someone moved the change on meanwhile: the advance form closes rather than being saved
    /// again, which would move the change a stage further than the operator saw.
    @Test func aStaleAdvanceClosesItsFormInsteadOfSkippingAStage() {
        var s = ServiceSample.state(.changes)
        _ = s.press(.char("j"), .char("a"))
        s.type("王处长")
        _ = s.press(.ctrl("s"))
        let effects = s.reduce(.refused(.stale(id: 402, expected: 1, current: 2)))
        #expect(effects.contains(.loadDetail(402)))
        guard case .detail(let detail) = s.mode else { Issue.record("the form stayed open: \(s.mode)"); return }
        #expect(detail.id == 402)
        #expect(s.status?.text.contains("表单已关闭") == true)
    }

    @Test func theRulesRefuseUserTestAfterAFailedRoundAndTestRoundsOutsideInternalTest() {
        var s = ServiceSample.state(.changes)
        #expect(s.press(.char("a")) == [.bell])                              // #401: its latest round failed
        #expect(s.status?.text == ChangeRefusal.latestRoundFailed(round: 1).text(.zh))
        _ = s.press(.char("t"))
        guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
        #expect(form.title == "#401 第 2 轮内测")
        _ = s.press(.tab)                                                    // pass, the first choice
        s.type("回归测试通过")
        #expect(s.press(.ctrl("s")) == [.write(.testRound(id: 401, result: .pass, note: "回归测试通过", version: 1))])
        _ = s.reduce(.saved(.testRound(id: 401, number: 1, result: .pass)))
        _ = s.press(.char("j"), .char("t"))                                  // #402, in research
        #expect(s.status?.text == ChangeRefusal.notInInternalTest(.research).text(.zh))
    }

    @Test func aReleasedChangeShowsItsDeliveryAndRecordsADefectThere() throws {
        var s = ServiceSample.state(.changes)
        _ = s.press(.char("G"))
        #expect(s.press(.char("d")) == [.loadDetail(403), .loadDelivery(7)])
        _ = s.reduce(.deliveryLoaded(ServiceSample.delivery))
        #expect(render(s).row(containing: "交付 #7 V3.2.1") != nil)
        _ = s.press(.char("D"))
        guard case let .form(form, back) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .addDefect(delivery: 7) && back?.delivery?.id == 7)
        s.type("导出金额列错位")
        #expect(s.press(.ctrl("s")) == [.write(.addDefect(delivery: 7, title: "导出金额列错位", description: "", at: now))])
        let reload = s.reduce(.saved(.defectRecorded(defect: 10, delivery: 7)))
        #expect(reload.contains(.loadDelivery(7)) && reload.contains(.loadDetail(403)))
        guard case .detail(let d) = s.mode else { Issue.record("not back on the delivery"); return }
        #expect(d.delivery?.id == 7)
        // An open change has no delivery yet.
        _ = s.press(.escape, .escape, .char("g"), .char("d"))
        #expect(s.status?.text == "只有已上线的变更有交付")
    }
}
