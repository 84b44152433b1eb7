import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

// A session held on 12-03 and entered on 12-07: its steps dated when they happened, attendees told
// apart by name and office, corrections kept in history; every refusal leaves the database as it was.

private let heldOn = CivilDate(year: 2026, month: 12, day: 3)!

private func lateDatabase() throws -> (AppDatabase, Context, Int64) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    let ctx = Context(actor: "zhaolei", now: t("2026-12-07T10:00:00+08:00"))
    let id = try db.addTraining(NewTraining(type: .operator, topic: "待遇核定业务培训", place: "玉树州社保局会议室", trainer: "李敏",
                                            heldOn: heldOn), at: ctx.now, ctx).id!
    return (db, ctx, id)
}

/// Everything the training's tables and its history hold, to see that a refusal changed nothing.
private func contents(_ db: AppDatabase, _ id: Int64) throws -> String {
    try db.read { d in
        var parts: [String] = []
        for (table, key, order) in [("item", "id", "id"), ("training", "item_id", "item_id"), ("training_step", "item_id", "step"),
                                    ("training_attendee", "item_id", "id"), ("history", "item_id", "id")] {
            parts += try Row.fetchAll(d, sql: "SELECT * FROM \(table) WHERE \(key) = ? ORDER BY \(order)", arguments: [id]).map(\.description)
        }
        return parts.joined(separator: "\n")
    }
}

private func expectRefusedUnchanged(_ english: String, _ db: AppDatabase, _ id: Int64, sourceLocation: SourceLocation = #_sourceLocation,
                                    _ body: () throws -> Void) throws {
    let before = try contents(db, id)
    expectInvalid(english, sourceLocation: sourceLocation, body)
    #expect(try contents(db, id) == before, "the database changed", sourceLocation: sourceLocation)
}

@Suite("Trainings entered after the fact, in the store")
struct TrainingAfterTheFactStoreTests {
    @Test func stepsAreDatedWhenTheyHappenedBeforeTheSessionWasEntered() throws {
        let (db, ctx, id) = try lateDatabase()
        try db.markTrainingStep(id, .content, at: t("2026-12-01T10:00:00+08:00"), ctx)
        try db.markTrainingStep(id, .plan, at: t("2026-12-01T15:00:00+08:00"), ctx)
        try db.markTrainingStep(id, .materials, at: t("2026-12-02T09:00:00+08:00"), ctx)
        try expectRefusedUnchanged("the training is held on 2026-12-03: it cannot be delivered before that day", db, id) {
            try db.markTrainingStep(id, .delivery, at: t("2026-12-02T18:00:00+08:00"), ctx)
        }
        try expectRefusedUnchanged("'delivery' cannot be dated before the step before it, 'materials' (2026-12-02T09:00:00+08:00)", db, id) {
            try db.markTrainingStep(id, .delivery, at: t("2026-12-02T08:00:00+08:00"), ctx)
        }
        try db.markTrainingStep(id, .delivery, at: t("2026-12-03T09:30:00+08:00"), ctx)
        try db.addAttendee(id, name: "卓玛", office: "玉树州社保局", region: .yushu, at: t("2026-12-03T16:00:00+08:00"), ctx)
        try db.addMaterial(id, location: "/share/培训/2026-12/讲义.pdf", at: t("2026-12-02T09:00:00+08:00"), ctx)
        let detail = try db.trainingDetail(id)
        #expect(detail.steps.prefix(4).map(\.doneAt) == ["2026-12-01T10:00:00+08:00", "2026-12-01T15:00:00+08:00",
                                                          "2026-12-02T09:00:00+08:00", "2026-12-03T09:30:00+08:00"].map(t))
        #expect(try db.itemWithHistory(id).0.receivedAt == ctx.now)
        try expectRefusedUnchanged("the time 2026-12-07T10:00:01+08:00 lies in the future (now is 2026-12-07T10:00:00+08:00); events are recorded when they have happened", db, id) {
            try db.markTrainingStep(id, .exam, at: t("2026-12-07T10:00:01+08:00"), ctx)
        }
    }

    @Test func twoOfOneNameFromTwoOfficesTheSameNameAndOfficeOnce() throws {
        let (db, ctx, id) = try lateDatabase()
        try db.addAttendee(id, name: "才让", office: "玉树州社保局", region: .yushu, score: 80, at: ctx.now, ctx)
        try db.addAttendee(id, name: "才让", office: "囊谦县社保局", region: .yushu, at: ctx.now, ctx)
        try expectRefusedUnchanged("'才让' of 囊谦县社保局 already attends this training; to correct an attendee use train attendee-edit", db, id) {
            try db.addAttendee(id, name: " 才让", office: "囊谦县社保局 ", region: .haixi, at: ctx.now, ctx)
        }
        try expectRefusedUnchanged("2 attendees of this training are named '才让' (玉树州社保局, 囊谦县社保局): say which with --office", db, id) {
            try db.setScore(id, name: "才让", score: 70, at: ctx.now, ctx)
        }
        let scored = try db.setScore(id, name: "才让", office: "囊谦县社保局", score: 88, at: ctx.now, ctx)
        #expect(scored == Attendee(name: "才让", office: "囊谦县社保局", region: .yushu, score: 88))
        #expect(try db.trainingDetail(id).attendees.map(\.score) == [80, 88])
        let (_, history) = try db.itemWithHistory(id)
        #expect(history.last?.event == .scored && history.last?.note == "才让 (囊谦县社保局)")
        // The database itself refuses the same name and office twice.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { d in
                try d.execute(sql: "INSERT INTO training_attendee (item_id, name, office, region) VALUES (?, '才让', '玉树州社保局', 'yushu')",
                              arguments: [id])
            }
        }
    }

    @Test func anAttendeeIsCorrectedEachPartInHistoryWithOldAndNewValue() throws {
        let (db, ctx, id) = try lateDatabase()
        try db.addAttendee(id, name: "扎西", office: "玉树州社保局", region: .yushu, at: ctx.now, ctx)
        try db.addAttendee(id, name: "卓玛", office: "玉树州社保局", region: .yushu, score: 75, at: ctx.now, ctx)
        let version = try db.itemWithHistory(id).0.version
        let corrected = try db.editAttendee(id, name: "扎西", AttendeeCorrection(name: "扎西多杰", office: "称多县社保局", score: 91),
                                            at: ctx.now, expectedVersion: version, ctx)
        #expect(corrected == Attendee(name: "扎西多杰", office: "称多县社保局", region: .yushu, score: 91))
        try db.editAttendee(id, name: "卓玛", office: "玉树州社保局", AttendeeCorrection(region: .guoluo), at: ctx.now, ctx)
        #expect(try db.trainingDetail(id).attendees == [corrected, Attendee(name: "卓玛", office: "玉树州社保局", region: .guoluo, score: 75)])
        let entries = try db.itemWithHistory(id).1.filter { $0.event == .attendeeCorrected }
        #expect(entries.map(\.field) == [.attendeeName, .attendeeOffice, .score, .attendeeRegion])
        #expect(entries.map(\.oldValue) == ["扎西", "玉树州社保局", nil, "yushu"])
        #expect(entries.map(\.newValue) == ["扎西多杰", "称多县社保局", "91", "guoluo"])
        #expect(entries.map(\.note) == ["扎西", "扎西", "扎西", "卓玛"])
    }

    @Test func aCorrectionIsRefusedLeavingTheDatabaseUnchanged() throws {
        let (db, ctx, id) = try lateDatabase()
        try db.addAttendee(id, name: "扎西", office: "玉树州社保局", region: .yushu, at: ctx.now, ctx)
        try db.addAttendee(id, name: "卓玛", office: "玉树州社保局", region: .yushu, at: ctx.now, ctx)
        try expectRefusedUnchanged("'卓玛' of 玉树州社保局 already attends this training; to correct an attendee use train attendee-edit", db, id) {
            try db.editAttendee(id, name: "扎西", AttendeeCorrection(name: "卓玛"), at: ctx.now, ctx)
        }
        try expectRefusedUnchanged("nothing to correct for '扎西' (玉树州社保局): give a new name, office, region or score", db, id) {
            try db.editAttendee(id, name: "扎西", AttendeeCorrection(region: .yushu), at: ctx.now, ctx)
        }
        try expectRefusedUnchanged("no attendee named '才让' in this training; record them with train attend first", db, id) {
            try db.editAttendee(id, name: "才让", AttendeeCorrection(score: 80), at: ctx.now, ctx)
        }
        try expectRefusedUnchanged("--score: 101 is out of range; accepted: a whole number from 0 to 100", db, id) {
            try db.editAttendee(id, name: "扎西", AttendeeCorrection(score: 101), at: ctx.now, ctx)
        }
        try expectRefusedUnchanged("--name must not be empty", db, id) {
            try db.editAttendee(id, name: "扎西", AttendeeCorrection(name: "  "), at: ctx.now, ctx)
        }
        let version = try db.itemWithHistory(id).0.version
        let before = try contents(db, id)
        #expect(throws: StoreError.staleEdit(id: id, expected: version - 1, current: version)) {
            try db.editAttendee(id, name: "扎西", AttendeeCorrection(score: 80), at: ctx.now, expectedVersion: version - 1, ctx)
        }
        #expect(try contents(db, id) == before)
    }

    @Test func anOlderDatabaseComesUpWithItsAttendeesKept() throws {
        // A database as the program before attendees were known by office made it: one training,
        // 才让 of 玉树州社保局 attending as the row numbered 5.
        let mine = "v13: attendees known by name and office, corrected"
        let queue = try DatabaseQueue()
        let now = t("2026-12-07T10:00:00+08:00")
        try queue.write { d in
            try d.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(while: { $0.identifier != mine }) {
                try migration.migrate(d)
                try d.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(d)
            let item = WorkItem(kind: .training, title: "待遇核定业务培训", takenBy: "zhaolei", receivedAt: now, createdAt: now, createdBy: "zhaolei")
            // The row as that schema had it: columns added by later migrations left out.
            let known = Set(try Row.fetchAll(d, sql: "PRAGMA table_info(item)").map { $0["name"] as String })
            let values = try item.databaseDictionary.filter { known.contains($0.key) }
            let columns = values.keys.sorted()
            try d.execute(sql: "INSERT INTO item (\(columns.joined(separator: ", "))) VALUES (\(databaseQuestionMarks(count: columns.count)))",
                          arguments: StatementArguments(columns.map { values[$0]! }))
            let itemId = d.lastInsertedRowID
            try d.execute(sql: "INSERT INTO training (item_id, type, place, trainer, held_on) VALUES (?, 'operator', '会议室', '李敏', '2026-12-03')",
                          arguments: [itemId])
            try d.execute(sql: "INSERT INTO training_attendee (id, item_id, name, office, region, score) VALUES (5, ?, '才让', '玉树州社保局', 'yushu', 80)",
                          arguments: [itemId])
        }
        #expect(AppDatabase.migrations.contains { $0.identifier == mine })
        let db = try AppDatabase(queue)
        let ctx = Context(actor: "zhaolei", now: now)
        let id = try db.read { try Int64.fetchOne($0, sql: "SELECT item_id FROM training") }!
        #expect(try db.trainingDetail(id).attendees == [Attendee(name: "才让", office: "玉树州社保局", region: .yushu, score: 80)])
        #expect(try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM training_attendee") } == [5])
        try db.addAttendee(id, name: "才让", office: "囊谦县社保局", region: .yushu, at: now, ctx)
        #expect(try db.read { try Int64.fetchAll($0, sql: "SELECT id FROM training_attendee ORDER BY id") } == [5, 6])
        try db.editAttendee(id, name: "才让", office: "玉树州社保局", AttendeeCorrection(name: "才让多杰"), at: now, ctx)
        // An attendee stays the attendee of their training, and cannot be deleted.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE training_attendee SET item_id = item_id + 1 WHERE id = 5") }
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM training_attendee WHERE id = 5") } }
    }
}
