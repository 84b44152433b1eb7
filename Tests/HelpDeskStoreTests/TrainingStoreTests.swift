import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

// Training sessions in the store: the rules hold for every writer, every write is in the history,
// the database itself refuses what the rules refuse, and the lists page and filter.

private let session = NewTraining(type: .operator, topic: "机关养老保险待遇核定业务培训", place: "省社保局三楼会议室",
                                  trainer: "李敏", heldOn: CivilDate(year: 2021, month: 11, day: 22)!)

private func addSession(_ db: AppDatabase, _ ctx: Context, _ new: NewTraining = session, at: String = "2021-11-01T09:00:00+08:00") throws -> Int64 {
    try db.addTraining(new, at: t(at), ctx).id!
}

@Suite("Training sessions in the store")
struct TrainingStoreTests {
    @Test func aSessionStartsWithSevenPendingStepsAndItsFactsInHistory() throws {
        let (db, ctx) = try makeDatabase()
        let id = try addSession(db, ctx)
        let (item, history) = try db.itemWithHistory(id)
        #expect(item.kind == .training && item.title == session.topic && item.status == .open && item.takenBy == "zhaolei")
        let detail = try db.trainingDetail(id)
        #expect(detail.type == .operator && detail.place == "省社保局三楼会议室" && detail.trainer == "李敏")
        #expect(detail.heldOn.description == "2021-11-22" && detail.stepsDone == 0 && detail.nextStep == .content)
        #expect(detail.steps.map(\.step) == TrainingStep.allCases && detail.averageScore == nil)
        #expect(history.map(\.field) == [.trainingType, .heldOn, .place, .trainer] && history.allSatisfy { $0.event == .created })
        #expect(history.first?.newValue == "operator")
    }

    @Test func stepsAreDoneInOrderOnceEachAndRecordedInHistory() throws {
        let (db, ctx) = try makeDatabase()
        let id = try addSession(db, ctx)
        try db.markTrainingStep(id, .content, at: t("2021-11-02T10:00:00+08:00"), ctx)
        expectInvalid("training steps are done in order (content, plan, materials, delivery, exam, qa, upload): 'plan' must be done before 'materials'") {
            try db.markTrainingStep(id, .materials, at: t("2021-11-03T10:00:00+08:00"), ctx)
        }
        expectInvalid("the step 'content' was already done at 2021-11-02T10:00:00+08:00; a step is marked done once") {
            try db.markTrainingStep(id, .content, at: t("2021-11-03T10:00:00+08:00"), ctx)
        }
        expectInvalid("'plan' cannot be dated before the step before it, 'content' (2021-11-02T10:00:00+08:00)") {
            try db.markTrainingStep(id, .plan, at: t("2021-11-02T09:00:00+08:00"), ctx)
        }
        try db.markTrainingStep(id, .plan, at: t("2021-11-05T10:00:00+08:00"), ctx)
        try db.markTrainingStep(id, .materials, at: t("2021-11-15T10:00:00+08:00"), ctx)
        expectInvalid("the training is held on 2021-11-22: it cannot be delivered before that day") {
            try db.markTrainingStep(id, .delivery, at: t("2021-11-21T10:00:00+08:00"), ctx)
        }
        let done = try db.markTrainingStep(id, .delivery, at: t("2021-11-22T09:00:00+08:00"), ctx)
        #expect(done == TrainingStepState(step: .delivery, doneAt: t("2021-11-22T09:00:00+08:00"), doneBy: "zhaolei"))
        let detail = try db.trainingDetail(id)
        #expect(detail.stepsDone == 4 && detail.nextStep == .exam)
        #expect(detail.steps[3] == done && detail.steps[4].doneAt == nil)
        let (item, history) = try db.itemWithHistory(id)
        #expect(item.version == 5)
        #expect(history.filter { $0.event == .stepDone }.map(\.newValue) == ["content", "plan", "materials", "delivery"])
    }

    @Test func attendeesScoresAndTheAverage() throws {
        let (db, ctx) = try makeDatabase()
        let id = try addSession(db, ctx)
        let when = t("2021-11-22T16:00:00+08:00")
        try db.addAttendee(id, name: "王芳", office: "西宁市社保局", region: .xining, score: 92, at: when, ctx)
        try db.addAttendee(id, name: "才让", office: "玉树州社保局", region: .yushu, at: when, ctx)
        expectInvalid("'王芳' of 西宁市社保局 already attends this training; to correct an attendee use train attendee-edit") {
            try db.addAttendee(id, name: " 王芳 ", office: "西宁市社保局", region: .haidong, at: when, ctx)
        }
        expectInvalid("--score: 101 is out of range; accepted: a whole number from 0 to 100") {
            try db.addAttendee(id, name: "马丽", office: "海东市社保局", region: .haidong, score: 101, at: when, ctx)
        }
        #expect(try db.trainingDetail(id).averageScore == 92)
        let scored = try db.setScore(id, name: "才让", score: 79, at: when, ctx)
        #expect(scored == Attendee(name: "才让", office: "玉树州社保局", region: .yushu, score: 79))
        try db.setScore(id, name: "王芳", score: 90, at: when, ctx)
        expectInvalid("no attendee named '马丽' in this training; record them with train attend first") {
            try db.setScore(id, name: "马丽", score: 80, at: when, ctx)
        }
        expectInvalid("--score: -5 is out of range; accepted: a whole number from 0 to 100") {
            try db.setScore(id, name: "王芳", score: -5, at: when, ctx)
        }
        let detail = try db.trainingDetail(id)
        #expect(detail.attendees.map(\.name) == ["王芳", "才让"] && detail.averageScore == 84.5)
        let (_, history) = try db.itemWithHistory(id)
        let scores = history.filter { $0.event == .scored }
        #expect(scores.map(\.oldValue) == [nil, nil, "92"] && scores.map(\.newValue) == ["92", "79", "90"])
        #expect(scores.map(\.note) == ["王芳", "才让", "王芳"])
        #expect(history.contains { $0.event == .attended && $0.newValue == "才让 (玉树州社保局, 玉树州)" })
    }

    @Test func materialsArePathsOrLinksRecordedOnce() throws {
        let (db, ctx) = try makeDatabase()
        let id = try addSession(db, ctx)
        let when = t("2021-11-22T16:00:00+08:00")
        try db.addMaterial(id, location: "/share/培训/2021-11/待遇核定.pptx", at: when, ctx)
        try db.addMaterial(id, location: "https://pan.qhsi.example/s/8f2k", at: when, ctx)
        expectInvalid("the material '/share/培训/2021-11/待遇核定.pptx' is already recorded") {
            try db.addMaterial(id, location: " /share/培训/2021-11/待遇核定.pptx", at: when, ctx)
        }
        expectInvalid("'http://' is not a complete link; accepted: a file path or an http(s):// link") {
            try db.addMaterial(id, location: "http://", at: when, ctx)
        }
        let materials = try db.trainingDetail(id).materials
        #expect(materials.map(\.location) == ["/share/培训/2021-11/待遇核定.pptx", "https://pan.qhsi.example/s/8f2k"])
        #expect(materials.map(\.isLink) == [false, true])
    }

    @Test func writesRefuseOtherItemsTheFutureAndStaleCopies() throws {
        let (db, ctx) = try makeDatabase()
        let ticket = try db.addCase(sampleCase, at: t("2021-11-23T09:00:00+08:00"), ctx).id!
        #expect(throws: StoreError.wrongKind(id: ticket, is: .general, expected: .aTraining)) {
            try db.markTrainingStep(ticket, .content, at: t("2021-11-23T10:00:00+08:00"), ctx)
        }
        #expect(throws: StoreError.wrongKind(id: ticket, is: .general, expected: .aTraining)) { try db.trainingDetail(ticket) }
        #expect(throws: StoreError.notFound(id: 999)) { try db.addAttendee(999, name: "a", office: "b", region: .xining, at: ctx.now, ctx) }
        let id = try addSession(db, ctx)
        expectInvalid("the time 2021-11-24T10:00:00+08:00 lies in the future (now is 2021-11-23T16:00:00+08:00); events are recorded when they have happened") {
            try db.markTrainingStep(id, .content, at: t("2021-11-24T10:00:00+08:00"), ctx)
        }
        #expect(throws: StoreError.staleEdit(id: id, expected: 7, current: 1)) {
            try db.markTrainingStep(id, .content, at: t("2021-11-02T10:00:00+08:00"), expectedVersion: 7, ctx)
        }
        expectInvalid("--topic must not be empty") {
            try db.addTraining(NewTraining(type: .admin, topic: " ", place: "x", trainer: "y", heldOn: session.heldOn), at: ctx.now, ctx)
        }
        expectInvalid("--at-place must not be empty") {
            try db.addTraining(NewTraining(type: .admin, topic: "x", place: "", trainer: "y", heldOn: session.heldOn), at: ctx.now, ctx)
        }
        // A session held in the future may be planned now.
        let planned = NewTraining(type: .sysadmin, topic: "数据库备份与恢复", place: "信息中心机房", trainer: "陈静",
                                  heldOn: CivilDate(year: 2022, month: 1, day: 10)!)
        #expect(try db.addTraining(planned, at: ctx.now, ctx).kind == .training)
        #expect(try db.trainingDetail(id).stepsDone == 0)
    }

    @Test func viewersWriteNothingAndTheDatabaseRefusesWhatTheRulesDo() throws {
        let (db, ctx) = try makeDatabase()
        let id = try addSession(db, ctx)
        try db.addAttendee(id, name: "王芳", office: "西宁市社保局", region: .xining, at: t("2021-11-22T16:00:00+08:00"), ctx)
        try db.markTrainingStep(id, .content, at: t("2021-11-02T10:00:00+08:00"), ctx)
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
        var guest = ctx
        guest.actor = "guest"
        let refusal = StoreError.notPermitted(.viewer(user: "guest"))
        #expect(throws: refusal) { try db.addTraining(session, at: t("2021-11-01T09:00:00+08:00"), guest) }
        #expect(throws: refusal) { try db.markTrainingStep(id, .plan, at: t("2021-11-03T10:00:00+08:00"), guest) }
        #expect(throws: refusal) { try db.addAttendee(id, name: "才让", office: "x", region: .yushu, at: ctx.now, guest) }
        #expect(throws: refusal) { try db.setScore(id, name: "王芳", score: 80, at: ctx.now, guest) }
        #expect(throws: refusal) { try db.editAttendee(id, name: "王芳", AttendeeCorrection(score: 80), at: ctx.now, guest) }
        #expect(throws: refusal) { try db.addMaterial(id, location: "/x", at: ctx.now, guest) }
        try db.writer.write { db in
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE training_attendee SET score = 101 WHERE item_id = ?", arguments: [id]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE training_attendee SET item_id = item_id + 1 WHERE item_id = ?", arguments: [id]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "DELETE FROM training_step WHERE item_id = ?", arguments: [id]) }
            #expect(throws: DatabaseError.self) { try db.execute(sql: "UPDATE training SET type = 'bogus' WHERE item_id = ?", arguments: [id]) }
            #expect(throws: DatabaseError.self) {
                try db.execute(sql: "INSERT INTO training_step (item_id, step, done_at, done_by) VALUES (?, 'lunch', 0, 'x')", arguments: [id])
            }
        }
        #expect(try db.trainingDetail(id).attendees.first?.score == nil)
    }

    @Test func listsFilterByTypeAndMonthLatestFirstAndPage() throws {
        let (db, ctx) = try makeDatabase()
        func add(_ type: TrainingType, _ day: String) throws -> Int64 {
            var new = session
            new.type = type
            new.topic = "\(type.rawValue) \(day)"
            new.heldOn = CivilDate(iso: day)!
            return try addSession(db, ctx, new)
        }
        let a = try add(.admin, "2021-10-12"), b = try add(.operator, "2021-11-03"), c = try add(.operator, "2021-11-20")
        let d = try add(.sysadmin, "2021-11-20"), e = try add(.operator, "2021-12-01")
        #expect(try db.trainings(TrainingFilter()).trainings.map(\.item.id) == [e, d, c, b, a])
        #expect(try db.trainings(TrainingFilter(type: .operator)).trainings.map(\.item.id) == [e, c, b])
        let november = try db.trainings(TrainingFilter(month: (2021, 11)))
        #expect(november.trainings.map(\.item.id) == [d, c, b] && november.total == 3)
        #expect(try db.trainings(TrainingFilter(type: .operator, month: (2021, 11))).total == 2)
        let first = try db.trainings(TrainingFilter(limit: 2))
        #expect(first.trainings.map(\.item.id) == [e, d] && first.total == 5 && first.nextAfter == d)
        let second = try db.trainings(TrainingFilter(limit: 2, after: first.nextAfter))
        #expect(second.trainings.map(\.item.id) == [c, b] && second.nextAfter == b)
        #expect(try db.trainings(TrainingFilter(limit: 5)).nextAfter == nil, "a full last page has none after it")
        let last = try db.trainings(TrainingFilter(limit: 2, after: second.nextAfter))
        #expect(last.trainings.map(\.item.id) == [a] && last.nextAfter == nil)
        #expect(try db.trainings(TrainingFilter(limit: 2, offset: 4)).trainings.map(\.item.id) == [a])
        #expect(try db.trainings(TrainingFilter(text: "SYSADMIN")).trainings.map(\.item.id) == [d])
        #expect(try db.trainingPosition(of: c, in: TrainingFilter(limit: 1)) == 2)
        #expect(try db.trainingPosition(of: a, in: TrainingFilter(type: .operator)) == nil)
        expectInvalid("--after: #999 is not a training; see train list") { _ = try db.trainings(TrainingFilter(after: 999)) }
    }
}

@Suite("Demo trainings")
struct DemoTrainingTests {
    @Test func theDemoHasTrainingsOfEachAudienceAtEveryStageWithScoredAttendees() throws {
        let (db, ctx) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 7), items: 300, days: 90, Context(actor: ctx.actor, now: now))
        let all = try db.trainings(TrainingFilter()).trainings
        #expect(all.count == 90 / 14 + 2, "one a fortnight and two planned ahead")
        #expect(Set(all.map(\.detail.type)) == Set(TrainingType.allCases))
        let done = all.map(\.detail.stepsDone)
        #expect(done.contains(7) && done.contains { (1...6).contains($0) })
        #expect(all.contains { BeijingTime.instant($0.detail.heldOn, secondOfDay: 0) > now && $0.detail.attendees.isEmpty })
        let attendees = all.flatMap(\.detail.attendees)
        #expect(attendees.count > 40 && Set(attendees.map(\.region)).count >= 6)
        #expect(attendees.compactMap(\.score).allSatisfy { (0...100).contains($0) } && attendees.contains { $0.score == nil })
        #expect(all.compactMap(\.detail.averageScore).count >= 3)
        // Every step done in order, none after now, and the upload comes with its link.
        for r in all {
            let times = r.detail.steps.compactMap(\.doneAt)
            #expect(times == times.sorted() && times.allSatisfy { $0 <= now })
            #expect(r.detail.steps.prefix(times.count).allSatisfy { $0.isDone }, "done steps are the first ones")
            if r.detail.steps.last?.isDone == true { #expect(r.detail.materials.contains { $0.isLink }) }
        }
    }
}

@Suite("Trainings entered by two people at once")
struct TrainingSignInTests {
    /// Two people entering one sign-in sheet: neither's attendee is refused because the other's
    /// came first; the rule that holds (a name once) is checked in each write.
    @Test func attendeesAndMaterialsAddedMeanwhileDoNotRefuseEachOther() throws {
        let (db, ctx) = try makeDatabase()
        let training = try db.addTraining(NewTraining(type: .operator, topic: "个人账户查询", place: "培训中心", trainer: "李敏",
                                                      heldOn: CivilDate(iso: "2021-11-23")!), at: t("2021-11-22T10:00:00+08:00"), ctx)
        let id = training.id!
        try db.addMaterial(id, location: "/share/slides.pdf", at: ctx.now, ctx)
        try db.addAttendee(id, name: "王芳", office: "西宁市社保局", region: .xining, at: ctx.now, ctx)
        try db.addAttendee(id, name: "才让", office: "玉树州社保局", region: .yushu, at: ctx.now, ctx)
        #expect(try db.trainingDetail(id).attendees.map(\.name).sorted() == ["才让", "王芳"])
        #expect(throws: StoreError.self) { try db.addAttendee(id, name: "王芳", office: "西宁市社保局", region: .xining, at: ctx.now, ctx) }
    }
}
