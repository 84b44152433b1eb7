import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskDemo
import HelpDeskStore

// The console's interpreter against a database in memory: every read and every write the console
// asks for, the outcome it answers with, and what the store holds afterwards. No terminal.

private func at(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

private let now = at("2021-11-23T16:00:00+08:00")

/// A database in memory with the demo's staff (zhaolei the supervisor, zhangwei on site, …).
private func desk() throws -> (ConsoleInterpreter, AppDatabase, Context) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    let ctx = Context(actor: "zhaolei", now: now)
    for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
    return (ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite"), db, ctx)
}

private let ticket = NewCase(kind: .general, channel: .phone, region: .xining, title: "养老金测算结果不一致",
                             requesterName: "王建华", requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000")
private let fault = NewFault(level: .two, region: .xining, title: "记账程序报错")
private let session = NewTraining(type: .operator, topic: "机关养老保险待遇核定业务培训", place: "省社保局三楼会议室",
                                  trainer: "李敏", heldOn: CivilDate(year: 2021, month: 11, day: 22)!)

/// The one action a read answered with.
private func only(_ outcome: Outcome?) -> Action? {
    if case .loaded(let actions)? = outcome, actions.count == 1 { return actions[0] }
    return nil
}

/// A reading under its threshold.
private let reading = InspectionReading(check: .cpu, target: "app05", value: .number(50))

private func saved(_ outcome: Outcome) -> WriteOutcome? {
    if case .saved(let w) = outcome { return w }
    return nil
}

private func addTicket(_ db: AppDatabase, _ ctx: Context) throws -> Int64 {
    try db.addCase(ticket, at: at("2021-11-23T10:00:00+08:00"), ctx).id!
}

/// A change taken through to internal test.
private func changeInTest(_ db: AppDatabase, _ ctx: Context) throws -> Int64 {
    let id = try db.addChange(NewChange(type: .optimisation, title: "待遇测算提速", due: at("2021-11-30T18:00:00+08:00")),
                              at: at("2021-11-01T10:00:00+08:00"), ctx).id!
    try db.advanceChange(id, signedBy: "马主任", to: .confirmed, at: at("2021-11-02T10:00:00+08:00"), ctx)
    try db.advanceChange(id, at: at("2021-11-03T10:00:00+08:00"), ctx)
    try db.advanceChange(id, at: at("2021-11-10T10:00:00+08:00"), ctx)
    return id
}

/// A released change and its delivery.
private func delivered(_ db: AppDatabase, _ ctx: Context) throws -> (change: Int64, delivery: Int64) {
    let id = try changeInTest(db, ctx)
    try db.recordTestRound(id, result: .pass, note: "通过", at: at("2021-11-12T10:00:00+08:00"), ctx)
    try db.advanceChange(id, at: at("2021-11-15T10:00:00+08:00"), ctx)
    let released = try db.advanceChange(id, release: Release(cause: "测算慢", solution: "加索引", label: "V3.2.1"),
                                        at: at("2021-11-20T10:00:00+08:00"), ctx)
    return (id, released.deliveryId!)
}

@Suite("The console's interpreter: reads")
struct ConsoleInterpreterReadTests {
    @Test func loadQueueReadsAPageOfTheQueue() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        let outcome = run.load(.loadQueue(QueueFilter(), offset: 0, limit: 50), operator: "zhaolei", now: now)
        guard case .queueLoaded(let page)? = only(outcome) else { Issue.record("\(String(describing: outcome))"); return }
        #expect(page.items.map(\.id) == [id] && page.total == 1)
    }

    @Test func loadFaultsReadsTheOpenFaults() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addFault(fault, at: at("2021-11-23T10:00:00+08:00"), ctx).id!
        _ = try addTicket(db, ctx)
        let outcome = run.load(.loadFaults(BoardFilter()), operator: "zhaolei", now: now)
        guard case .faultsLoaded(let faults)? = only(outcome) else { Issue.record("\(String(describing: outcome))"); return }
        #expect(faults.map(\.id) == [id])
        #expect(run.load(.loadFaults(BoardFilter(search: "不存在的字")), operator: "zhaolei", now: now) == .loaded([.faultsLoaded([])]))
        // The board's filters: its region and level, and a search naming the region finds the
        // faults of that region whatever their title says.
        let xining = BoardFilter(region: .xining, level: .two)
        #expect(run.load(.loadFaults(xining), operator: "zhaolei", now: now) == .loaded([.faultsLoaded(faults)]))
        #expect(run.load(.loadFaults(BoardFilter(level: .one)), operator: "zhaolei", now: now) == .loaded([.faultsLoaded([])]))
        #expect(run.load(.loadFaults(BoardFilter(region: .haixi)), operator: "zhaolei", now: now) == .loaded([.faultsLoaded([])]))
        for search in ["西宁市", "西宁", "xining", "Xining"] {
            #expect(run.load(.loadFaults(BoardFilter(search: search)), operator: "zhaolei", now: now) == .loaded([.faultsLoaded(faults)]),
                    "\(search)")
        }
        #expect(run.load(.loadFaults(BoardFilter(search: "海西州")), operator: "zhaolei", now: now) == .loaded([.faultsLoaded([])]))
    }

    @Test func locateFindsATicketInTheQueueAndAFaultOnTheBoard() throws {
        let (run, db, ctx) = try desk()
        let ticketId = try addTicket(db, ctx)
        let faultId = try db.addFault(fault, at: at("2021-11-23T10:00:00+08:00"), ctx).id!
        #expect(run.load(.locate(id: ticketId, filter: QueueFilter()), operator: "zhaolei", now: now)
            == .loaded([.located(id: ticketId, pane: .queue, index: 0)]))
        #expect(run.load(.locate(id: faultId, filter: QueueFilter()), operator: "zhaolei", now: now)
            == .loaded([.located(id: faultId, pane: .faults, index: nil)]))
    }

    @Test func loadKPIReadsTheFiguresOfTheMonthAndTheWeek() throws {
        let (run, _, _) = try desk()
        let outcome = run.load(.loadKPI, operator: "zhaolei", now: now)
        guard case .kpiLoaded(let snapshot)? = only(outcome) else { Issue.record("\(String(describing: outcome))"); return }
        #expect(snapshot.month == .month(year: 2021, month: 11) && snapshot.lastMonths.count == 12)
    }

    @Test func loadFigureItemsReadsWhatAFigureCounted() throws {
        let (run, db, ctx) = try desk()
        _ = try addTicket(db, ctx)
        let period = Period.month(year: 2021, month: 11)
        let outcome = run.load(.loadFigureItems(KPI.allCases[0], period), operator: "zhaolei", now: now)
        guard case let .figureItemsLoaded(figure, p, _, _)? = only(outcome) else { Issue.record("\(String(describing: outcome))"); return }
        #expect(figure == KPI.allCases[0] && p == period)
    }

    @Test func loadServicesReadsAWindowOfTasksChangesOrTrainings() throws {
        let (run, db, ctx) = try desk()
        let task = try db.addTask(NewTask(title: "统计 11 月待遇发放", due: at("2021-11-24T18:00:00+08:00")), at: now, ctx).id!
        let training = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        let tasks = run.load(.loadServices(.task, ServiceFilter(), offset: 0, limit: 50), operator: "zhaolei", now: now)
        guard case .servicesLoaded(let page)? = only(tasks) else { Issue.record("\(String(describing: tasks))"); return }
        #expect(page.kind == .task && page.items.map(\.id) == [task])
        let trainings = run.load(.loadServices(.training, ServiceFilter(), offset: 0, limit: 50), operator: "zhaolei", now: now)
        guard case .servicesLoaded(let held)? = only(trainings) else { Issue.record("\(String(describing: trainings))"); return }
        #expect(held.kind == .training && held.items.map(\.id) == [training] && held.facts[training] != nil)
    }

    @Test func locateServiceFindsAnItemInItsList() throws {
        let (run, db, ctx) = try desk()
        let task = try db.addTask(NewTask(title: "统计 11 月待遇发放", due: at("2021-11-24T18:00:00+08:00")), at: now, ctx).id!
        #expect(run.load(.locateService(id: task, kind: .task, filter: ServiceFilter()), operator: "zhaolei", now: now)
            == .loaded([.located(id: task, pane: .tasks, index: 0)]))
    }

    @Test func loadDetailReadsTheItemItsHistoryAndItsFacts() throws {
        let (run, db, ctx) = try desk()
        let change = try changeInTest(db, ctx)
        let outcome = run.load(.loadDetail(change), operator: "zhaolei", now: now)
        guard case let .loaded(actions) = outcome, actions.count == 5, case let .detailLoaded(item, history) = actions[0],
              case let .factsLoaded(id, facts) = actions[1] else { Issue.record("\(String(describing: outcome))"); return }
        // And the requesters it is linked to, its relations and its attachments: this change has none.
        #expect(actions[2] == .requestersOfItem(id: change, []))
        #expect(actions[3] == .relationsLoaded(id: change, ItemRelations(related: [], merged: [], pauses: [])))
        #expect(actions[4] == .attachmentsLoaded(id: change, []))
        #expect(item.id == change && !history.isEmpty && id == change && facts.change?.stage == .internalTest)
        // A ticket with nothing made from it has plain facts: no links, no inspections.
        let plain = try addTicket(db, ctx)
        guard case .loaded(let only) = run.load(.loadDetail(plain), operator: "zhaolei", now: now), only.count == 5,
              case let .factsLoaded(_, plainFacts) = only[1] else { Issue.record("not loaded"); return }
        #expect(plainFacts.links == ItemLinks() && plainFacts.inspections.isEmpty)
    }

    @Test func loadSimilarReadsTheClosestResolvedTickets() throws {
        let (run, db, ctx) = try desk()
        let resolved = try addTicket(db, ctx)
        _ = try db.resolve(resolved, cause: "测算参数未更新", solution: "更新测算参数后重新测算", at: at("2021-11-23T11:00:00+08:00"), ctx)
        let asked = try addTicket(db, ctx)
        // Not among the details' own reads: it comes apart, from the background queue.
        guard case .loaded(let reads) = run.load(.loadDetail(asked), operator: "zhaolei", now: now) else { Issue.record("not loaded"); return }
        #expect(!reads.contains { if case .similarLoaded = $0 { true } else { false } })
        #expect(only(run.load(.loadSimilar(asked), operator: "zhaolei", now: now)) == .similarLoaded(id: asked, [SimilarTicket(id: resolved, title: ticket.title, resolvedAt: at("2021-11-23T11:00:00+08:00"),
                                                                 cause: "测算参数未更新", solution: "更新测算参数后重新测算")]))
        #expect(run.load(.loadSimilar(999), operator: "zhaolei", now: now)
            == .failed(LocalizedText(en: "no work item #999", zh: "没有编号为 #999 的工单")))
    }

    @Test func loadDetailOfAMissingItemFailsInBothLanguages() throws {
        let (run, _, _) = try desk()
        #expect(run.load(.loadDetail(999), operator: "zhaolei", now: now)
            == .failed(LocalizedText(en: "no work item #999", zh: "没有编号为 #999 的工单")))
    }

    @Test func loadDeliveryReadsItsChanges() throws {
        let (run, db, ctx) = try desk()
        let (change, delivery) = try delivered(db, ctx)
        let outcome = run.load(.loadDelivery(delivery), operator: "zhaolei", now: now)
        guard case .deliveryLoaded(let record)? = only(outcome) else { Issue.record("\(String(describing: outcome))"); return }
        #expect(record.delivery.id == delivery && record.changes.map(\.id) == [change])
    }

    @Test func loadInspectionsAndOneInspection() throws {
        let (run, db, ctx) = try desk()
        let recorded = try db.recordInspection(NewInspection(at: at("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .database,
                                                             readings: [reading]), source: .manual, ctx)
        guard case .inspectionsLoaded(let list, let total)? = only(run.load(.loadInspections, operator: "zhaolei", now: now))
        else { Issue.record("not loaded"); return }
        #expect(list.map(\.id) == [recorded.id] && total == 1)
        guard case .inspectionLoaded(let record)? = only(run.load(.loadInspection(recorded.id), operator: "zhaolei", now: now))
        else { Issue.record("not loaded"); return }
        #expect(record.id == recorded.id)
    }

    @Test func effectsThatAreNotReadsAreNotTheInterpretersToLoad() throws {
        let (run, _, _) = try desk()
        for effect: Effect in [.bell, .redraw, .quit, .editText(field: 0, initial: ""), .write(.acknowledge(id: 1))] {
            #expect(run.load(effect, operator: "zhaolei", now: now) == nil)
        }
    }

    @Test func standingSaysWhereEachFaultStands() throws {
        let (run, db, ctx) = try desk()
        let f = try db.addFault(fault, at: at("2021-11-23T10:00:00+08:00"), ctx)
        guard case .escalationsLoaded(let standing)? = only(run.standing(of: [f], policy: .standard)) else {
            Issue.record("not loaded"); return
        }
        #expect(standing[f.id!] != nil)
    }
}

@Suite("The console's interpreter: writes")
struct ConsoleInterpreterWriteTests {
    private func onSite(_ ctx: Context) -> Context {
        var c = ctx
        c.actor = "zhangwei"
        return c
    }

    @Test func freezeSignsOffAMonthAndNamesTheFiguresThatMissed() throws {
        let (run, db, ctx) = try desk()
        let october = Period.month(year: 2021, month: 10)
        guard case let .frozen(period, missed)? = saved(run.write(.freeze(october), ctx)) else { Issue.record("not frozen"); return }
        #expect(period == october && missed.allSatisfy { KPI.allCases.contains($0) })
        #expect(try db.kpiReport(october, now: now).frozen)
    }

    @Test func addCaseStoresANewTicket() throws {
        let (run, db, ctx) = try desk()
        let outcome = run.write(.addCase(ticket, at: at("2021-11-23T10:00:00+08:00")), ctx)
        guard case .created(let id)? = saved(outcome) else { Issue.record("\(outcome)"); return }
        #expect(try db.item(id).title == ticket.title)
        #expect(saved(outcome)?.created == true && saved(outcome)?.id == id)
    }

    @Test func addFaultStoresANewFault() throws {
        let (run, db, ctx) = try desk()
        guard case .created(let id)? = saved(run.write(.addFault(fault, at: at("2021-11-23T10:00:00+08:00")), ctx)) else {
            Issue.record("not created"); return
        }
        #expect(try db.item(id).kind == .fault)
    }

    @Test func respondAnswersATicket() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        #expect(run.write(.respond(id: id, note: "已联系", version: 1), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).status == .responded)
    }

    @Test func resolveClosesATicket() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        #expect(run.write(.resolve(id: id, cause: "口径不同", solution: "已说明", version: 1), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).status == .closed)
    }

    @Test func restoreClosesAFault() throws {
        let (run, db, ctx) = try desk()
        let f = try db.addFault(fault, at: at("2021-11-23T10:00:00+08:00"), ctx)
        #expect(run.write(.restore(id: f.id!, cause: "配置错误", solution: "已修正", mode: nil, version: f.version), ctx)
            == .saved(.saved(id: f.id!)))
        #expect(try db.item(f.id!).status == .closed)
    }

    @Test func raiseRaisesAFaultsLevel() throws {
        let (run, db, ctx) = try desk()
        let f = try db.addFault(fault, at: at("2021-11-23T10:00:00+08:00"), ctx)
        #expect(run.write(.raise(id: f.id!, level: .one, reason: "全州业务中断", version: f.version), ctx) == .saved(.saved(id: f.id!)))
        #expect(try db.item(f.id!).level == .one)
    }

    @Test func assignHandsAnItemToAColleague() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        #expect(run.write(.assign(id: id, to: "zhangwei", version: 1), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).assignee == "zhangwei")
    }

    @Test func acknowledgeTakesTheLatestTierStep() throws {
        let (run, db, ctx) = try desk()
        let c = onSite(ctx)
        let f = try db.addFault(fault, at: at("2021-11-23T15:30:00+08:00"), c)
        #expect(run.write(.acknowledge(id: f.id!), c) == .saved(.acknowledged(id: f.id!, step: .T0)))
        #expect(try db.escalations(of: f.id!).last?.acknowledgedBy == "zhangwei")
    }

    @Test func escalateMovesAFaultOneTierUp() throws {
        let (run, db, ctx) = try desk()
        let c = onSite(ctx)
        let f = try db.addFault(NewFault(level: .three, region: .xining, title: "负载均衡未切换"), at: at("2021-11-23T15:30:00+08:00"), c)
        #expect(run.write(.escalate(id: f.id!, reason: "现场无法解决"), c) == .saved(.escalated(id: f.id!, step: .T1)))
        #expect(try db.escalations(of: f.id!).last?.step == .T1)
    }

    @Test func assessAgreesARequirementsDueDate() throws {
        let (run, db, ctx) = try desk()
        var requirement = ticket
        requirement.kind = .requirement
        let id = try db.addCase(requirement, at: at("2021-11-22T10:00:00+08:00"), ctx).id!
        let due = at("2021-12-01T18:00:00+08:00")
        #expect(run.write(.assess(id: id, due: due, agreedWith: "王建华", size: "5人天", version: 1), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).status == .assessed)
    }

    @Test func reopenOpensAClosedItemAgain() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        let closed = try db.resolve(id, cause: "口径不同", solution: "已说明", at: now, ctx)
        #expect(run.write(.reopen(id: id, reason: "用户不认可", version: closed.version), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).closedAt == nil)
    }

    @Test func lowerLowersAFaultsLevel() throws {
        let (run, db, ctx) = try desk()
        let f = try db.addFault(NewFault(level: .one, region: .xining, title: "宕机"), at: at("2021-11-23T10:00:00+08:00"), ctx)
        #expect(run.write(.lower(id: f.id!, level: .two, reason: "影响有限", version: f.version), ctx) == .saved(.saved(id: f.id!)))
        #expect(try db.item(f.id!).level == .two)
    }

    @Test func addTaskStoresANewTask() throws {
        let (run, db, ctx) = try desk()
        let outcome = run.write(.addTask(NewTask(title: "统计 11 月待遇发放", due: at("2021-11-24T18:00:00+08:00")), at: now), ctx)
        guard case .created(let id)? = saved(outcome) else { Issue.record("\(outcome)"); return }
        #expect(try db.item(id).kind == .task)
    }

    @Test func completeTaskClosesATask() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTask(NewTask(title: "统计 11 月待遇发放", due: at("2021-11-24T18:00:00+08:00")), at: now, ctx).id!
        #expect(run.write(.completeTask(id: id, cause: "月报", solution: "已统计", version: 1), ctx) == .saved(.completed(id: id)))
        #expect(try db.item(id).status == .closed)
    }

    @Test func markErroneousMarksACompletedTask() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTask(NewTask(title: "统计 11 月待遇发放", due: at("2021-11-24T18:00:00+08:00")), at: now, ctx).id!
        try db.completeTask(id, cause: "月报", solution: "已统计", at: now, ctx)
        #expect(run.write(.markErroneous(id: id, note: "口径错误", version: 2), ctx) == .saved(.markedErroneous(id: id)))
        #expect(try db.taskError(id) != nil)
    }

    @Test func addChangeStoresANewChange() throws {
        let (run, db, ctx) = try desk()
        let new = NewChange(type: .optimisation, title: "待遇测算提速", due: at("2021-11-30T18:00:00+08:00"))
        guard case .created(let id)? = saved(run.write(.addChange(new, at: now), ctx)) else { Issue.record("not created"); return }
        #expect(try db.changeDetail(id).stage == .research)
    }

    @Test func advanceMovesAChangeToItsNextStage() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addChange(NewChange(type: .optimisation, title: "待遇测算提速", due: at("2021-11-30T18:00:00+08:00")),
                                  at: at("2021-11-01T10:00:00+08:00"), ctx).id!
        #expect(run.write(.advance(id: id, to: .confirmed, signedBy: "马主任", release: nil, version: 1), ctx)
            == .saved(.advanced(id: id, stage: .confirmed, delivery: nil, reprocessingTask: nil)))
        #expect(try db.changeDetail(id).signedBy == "马主任")
    }

    @Test func testRoundRecordsARoundOfInternalTest() throws {
        let (run, db, ctx) = try desk()
        let id = try changeInTest(db, ctx)
        let version = try db.item(id).version
        #expect(run.write(.testRound(id: id, result: .pass, note: "通过", version: version), ctx)
            == .saved(.testRound(id: id, number: 1, result: .pass)))
        #expect(try db.changeDetail(id).rounds.map(\.result) == [.pass])
    }

    @Test func addDefectRecordsADefectOfADelivery() throws {
        let (run, db, ctx) = try desk()
        let (_, delivery) = try delivered(db, ctx)
        let outcome = run.write(.addDefect(delivery: delivery, title: "导出文件乱码", description: "", at: now), ctx)
        guard case let .defectRecorded(defect, of)? = saved(outcome) else { Issue.record("\(outcome)"); return }
        #expect(of == delivery && saved(outcome)?.id == nil)
        #expect(try db.defects(delivery: delivery).map(\.id) == [defect])
    }

    @Test func addTrainingStoresANewSession() throws {
        let (run, db, ctx) = try desk()
        guard case .created(let id)? = saved(run.write(.addTraining(session, at: now), ctx)) else { Issue.record("not created"); return }
        #expect(try db.trainingDetail(id).trainer == "李敏")
    }

    @Test func trainingStepMarksAStepDone() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        #expect(run.write(.trainingStep(id: id, step: .content, at: at("2021-11-02T10:00:00+08:00"), version: 1), ctx)
            == .saved(.trainingStepDone(id: id, step: .content)))
        #expect(try db.trainingDetail(id).stepsDone == 1)
    }

    @Test func addAttendeeRecordsAnAttendee() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        #expect(run.write(.addAttendee(id: id, name: "王芳", office: "西宁市社保局", region: .xining, score: nil, version: 1), ctx)
            == .saved(.attendeeRecorded(id: id, name: "王芳")))
        #expect(try db.trainingDetail(id).attendees.map(\.name) == ["王芳"])
    }

    @Test func setScoreRecordsAnAttendeesScore() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        try db.addAttendee(id, name: "王芳", office: "西宁市社保局", region: .xining, at: now, ctx)
        let version = try db.item(id).version
        #expect(run.write(.setScore(id: id, attendee: AttendeeName(name: "王芳", office: "西宁市社保局"), score: 92, version: version), ctx)
            == .saved(.scored(id: id, name: "王芳", score: 92)))
        #expect(try db.trainingDetail(id).attendees.first?.score == 92)
    }

    @Test func editAttendeeCorrectsTheAttendeeOfThatNameAndOffice() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        try db.addAttendee(id, name: "才让", office: "玉树州社保局", region: .yushu, at: now, ctx)
        try db.addAttendee(id, name: "才让", office: "囊谦县社保局", region: .yushu, at: now, ctx)
        let version = try db.item(id).version
        #expect(run.write(.editAttendee(id: id, attendee: AttendeeName(name: "才让", office: "囊谦县社保局"), AttendeeCorrection(office: "称多县社保局", score: 77),
                                        version: version), ctx)
            == .saved(.attendeeCorrected(id: id, name: "才让")))
        #expect(try db.trainingDetail(id).attendees.map(\.office) == ["玉树州社保局", "称多县社保局"])
        #expect(try db.trainingDetail(id).attendees.map(\.score) == [nil, 77])
    }

    @Test func correctCaseCorrectsTheTicketOnItsVersionAndAnswersWithTheNewDeadline() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)                                   // general, received 10:00, due 18:00 today
        let before = try db.item(id)
        let onsite = Context(actor: "zhangwei", now: now)
        let outcome = run.write(.correctCase(id: id, CaseCorrection(kind: .special, requesterOffice: "海东市社保局"),
                                             version: before.version), onsite)
        let after = try db.item(id)
        #expect(after.kind == .special)
        #expect(after.requesterOffice == "海东市社保局")
        #expect(after.version == before.version + 1)
        #expect(after.dueAt != before.dueAt)
        #expect(outcome == .saved(.corrected(id: id, due: after.dueAt)))
        // A correction that changes nothing, and one from a stale copy, are refused; nothing is written.
        #expect(run.write(.correctCase(id: id, CaseCorrection(kind: .special), version: after.version), onsite)
            == .refused(.rule(Catalog.Corrections.nothingChanges(id))))
        #expect(run.write(.correctCase(id: id, CaseCorrection(title: "新标题"), version: before.version), onsite)
            == .refused(.stale(id: id, expected: before.version, current: after.version)))
        #expect(try db.item(id) == after)
    }

    @Test func correctCaseOfAPassedDeadlineIsASupervisorsAndSaysWhy() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addCase(ticket, at: at("2021-11-22T10:00:00+08:00"), ctx).id!   // due yesterday 18:00
        let before = try db.item(id)
        let outcome = run.write(.correctCase(id: id, CaseCorrection(kind: .requirement), version: before.version),
                                Context(actor: "zhangwei", now: now))
        guard case .refused(.rule(let why)) = outcome else { Issue.record("not refused: \(outcome)"); return }
        #expect(why.zh.contains("只有主管可以更正"))
        #expect(why.en.contains("only a supervisor may correct"))
        #expect(try db.item(id) == before)
        // The supervisor may.
        #expect(run.write(.correctCase(id: id, CaseCorrection(kind: .requirement), version: before.version), ctx)
            == .saved(.corrected(id: id, due: nil)))
    }

    @Test func addMaterialRecordsAMaterial() throws {
        let (run, db, ctx) = try desk()
        let id = try db.addTraining(session, at: at("2021-11-01T09:00:00+08:00"), ctx).id!
        #expect(run.write(.addMaterial(id: id, location: "https://example.org/slides.pdf", version: 1), ctx) == .saved(.materialRecorded(id: id)))
        #expect(try db.trainingDetail(id).materials.count == 1)
    }

    @Test func addInspectionRecordsAnInspectionByHand() throws {
        let (run, db, ctx) = try desk()
        let new = NewInspection(at: at("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .database, readings: [reading])
        guard case let .inspectionRecorded(id, opened, linked, unknown)? = saved(run.write(.addInspection(new), ctx)) else {
            Issue.record("not recorded"); return
        }
        // Under its threshold: nothing opened or linked.
        #expect(opened.isEmpty && linked.isEmpty && unknown == 0)
        #expect(try db.inspection(id).source == .manual)
    }

    @Test func aStaleEditIsRefusedWithBothVersionsAndNothingIsStored() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        _ = try db.respond(id, note: "先到", at: now, ctx)
        #expect(run.write(.resolve(id: id, cause: "c", solution: "s", version: 1), ctx) == .refused(.stale(id: id, expected: 1, current: 2)))
        #expect(try db.item(id).status == .responded)
    }

    @Test func whatTheRulesForbidIsRefusedWithTheStoresReasonInBothLanguages() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        let closed = try db.resolve(id, cause: "口径不同", solution: "已说明", at: now, ctx)
        let outcome = run.write(.reopen(id: id, reason: "用户不认可", version: closed.version), onSite(ctx))
        guard case .refused(.rule(let reason)) = outcome else { Issue.record("\(outcome)"); return }
        #expect(reason.en.hasPrefix("not permitted: ") && reason.zh.hasPrefix("无权操作："))
        #expect(try db.item(id).status == .closed)
    }

    @Test func aFileThatCannotBeWrittenIsRefusedNamingIt() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("interpreter-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("desk.sqlite").path
        let founder = StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor)
        _ = try AppDatabase.open(path: path, founder: founder)
        let readOnly = try AppDatabase.open(path: path, readOnly: true)
        let run = ConsoleInterpreter(database: readOnly, databasePath: path)
        let outcome = run.write(.addCase(ticket, at: now), Context(actor: "zhaolei", now: now))
        guard case .refused(let refusal) = outcome else { Issue.record("\(outcome)"); return }
        switch refusal {
        case .failed(let text), .rule(let text): #expect(text.en.contains(path) || text.en.contains("read"))
        case .stale: Issue.record("\(refusal)")
        }
        #expect(try AppDatabase.open(path: path).count(ItemFilter()) == 0)
    }
}
