import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// A desk with a supervisor (zhaolei, the founder) and an on-site engineer (lina); now is Tue
/// 2021-11-23 16:00.
private func desk() throws -> (AppDatabase, supervisor: Context, staff: Context) {
    let (db, ctx) = try makeDatabase()
    try db.addStaff(StaffMember(username: "lina", name: "李娜", phone: "13800000003", role: .onsite), ctx)
    var lina = ctx
    lina.actor = "lina"
    return (db, ctx, lina)
}

private func state(_ db: AppDatabase) throws -> String {
    try db.writer.read { db in
        let items = try Row.fetchAll(db, sql: "SELECT * FROM item ORDER BY id").map(\.description)
        let history = try Row.fetchAll(db, sql: "SELECT * FROM history ORDER BY id").map(\.description)
        let tallies = try Row.fetchAll(db, sql: "SELECT * FROM kpi_due_day ORDER BY day, kind").map(\.description)
        return (items + history + tallies).joined(separator: "\n")
    }
}

@Suite("Correcting a CASE ticket in the store")
struct CorrectionStoreTests {
    @Test func eachChangedPartIsInHistoryWithItsOldAndNewValue() throws {
        let (db, sup, lina) = try desk()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), sup)
        let (after, deadline) = try db.correctCase(item.id!, CaseCorrection(channel: .email, title: "养老金测算不一致", requesterPhone: ""),
                                                   at: t("2021-11-23T15:00:00+08:00"), expectedVersion: item.version, lina)
        #expect(deadline == nil)
        #expect(after.version == item.version + 1)
        let (_, history) = try db.itemWithHistory(item.id!)
        let corrected = history.filter { $0.event == .corrected }
        #expect(corrected.first?.field == nil && corrected.first?.actor == "lina")
        let changes = Dictionary(uniqueKeysWithValues: corrected.compactMap { e in e.field.map { ($0, "\(e.oldValue ?? "∅") → \(e.newValue ?? "∅")") } })
        #expect(changes == [.channel: "phone → email", .title: "养老金测算结果不一致 → 养老金测算不一致",
                            .requesterPhone: "0971-6100000 → ∅"])
    }

    @Test func aLaterReceiptMovesTheDeadlineAndTheSummariesFollow() throws {
        let (db, sup, lina) = try desk()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T14:00:00+08:00"), sup)
        let (after, deadline) = try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-11-23T15:10:00+08:00")),
                                                   at: t("2021-11-23T15:30:00+08:00"), lina)
        #expect(BeijingTime.iso(after.dueAt!) == "2021-11-24T18:00:00+08:00")
        #expect(deadline?.reasons.contains(.atOrAfterCutoff(cutoff: 15 * 3600)) == true)
        let (_, history) = try db.itemWithHistory(item.id!)
        let due = history.first { $0.event == .corrected && $0.field == .dueAt }
        #expect(due?.oldValue == "2021-11-23T18:00:00+08:00" && due?.newValue == "2021-11-24T18:00:00+08:00")
        let queueKey = try db.writer.read { try Int64.fetchOne($0, sql: "SELECT queue_key FROM item WHERE id = ?", arguments: [item.id!]) }
        #expect(queueKey == after.dueAt!.dbSeconds)
        #expect(try db.checkSummaries() == [])
    }

    @Test func k1FollowsTheNewDeadlineButAFrozenPeriodKeepsItsFigures() throws {
        let (db, sup, lina) = try desk()
        // Received Mon 14:00 (due Mon 18:00), resolved Tue 10:00: missed.
        let item = try db.addCase(sampleCase, at: t("2021-11-22T14:00:00+08:00"), sup)
        try db.resolve(item.id!, cause: "c", solution: "s", at: t("2021-11-22T10:00:00+08:00").addingTimeInterval(86_400), sup)
        let week = Period.week(containing: t("2021-11-22T14:00:00+08:00"))
        let month = Period("2021-11")!
        #expect(try db.kpiCounts(month, now: sup.now).caseMet == 0)
        // The deadline has passed: the engineer is refused, saying why, and nothing changes.
        let before = try state(db)
        expectInvalid("only a supervisor may correct the kind or received time of #1 (lina is not one): its deadline 2021-11-22T18:00:00+08:00 has passed, and the correction could hide a miss") {
            try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-11-22T15:30:00+08:00")), at: sup.now, lina)
        }
        #expect(try state(db) == before)
        // The supervisor corrects it, on a closed ticket: due Tue 18:00, met.
        let (after, _) = try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-11-22T15:30:00+08:00")), at: sup.now, sup)
        #expect(BeijingTime.iso(after.dueAt!) == "2021-11-23T18:00:00+08:00")
        #expect(after.status == .closed)
        let counts = try db.kpiCounts(month, now: sup.now)
        #expect(counts.caseMet == 1 && counts.caseDecided == 1)
        #expect(try db.checkSummaries() == [])
        // Freeze the week, then move the receipt back: the stored figures stay as they were.
        // Once the week has ended.
        var later = sup
        later.now = t("2021-11-29T09:00:00+08:00")
        let frozen = try db.freeze(week, later)
        try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-11-22T14:00:00+08:00")), at: later.now, later)
        #expect(try db.kpiCounts(month, now: sup.now).caseMet == 0)
        #expect(try db.kpiReport(week, now: sup.now).figures == frozen.figures)
    }

    @Test func touchingAFrozenPeriodIsASupervisorsEvenBeforeTheDeadline() throws {
        let (db, sup, lina) = try desk()
        try db.freeze(Period("2021-10")!, sup)
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), sup)
        let before = try state(db)
        expectInvalid("only a supervisor may correct the kind or received time of #1 (lina is not one): it touches the frozen KPI period 2021-10") {
            try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-10-29T17:00:00+08:00")), at: sup.now, lina)
        }
        #expect(try state(db) == before)
        // A kind in the open month, before the deadline: anyone's.
        let (special, _) = try db.correctCase(item.id!, CaseCorrection(kind: .special), at: sup.now, lina)
        #expect(BeijingTime.iso(special.dueAt!) == "2021-11-24T10:00:00+08:00")
    }

    @Test func refusalsLeaveTheDatabaseUnchanged() throws {
        let (db, sup, lina) = try desk()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), sup)
        try db.respond(item.id!, note: "回电", at: t("2021-11-23T10:30:00+08:00"), sup)
        let before = try state(db)
        expectInvalid("nothing to correct on #1: the values given are the ones it has (or none was given)") {
            try db.correctCase(item.id!, CaseCorrection(kind: .general, region: .xining), at: sup.now, lina)
        }
        expectInvalid("nothing to correct on #1: the values given are the ones it has (or none was given)") {
            try db.correctCase(item.id!, CaseCorrection(), at: sup.now, lina)
        }
        expectInvalid("#1 cannot have been received at 2021-11-23T11:00:00+08:00, after it was responded (2021-11-23T10:30:00+08:00)") {
            try db.correctCase(item.id!, CaseCorrection(receivedAt: t("2021-11-23T11:00:00+08:00")), at: sup.now, lina)
        }
        #expect(throws: StoreError.staleEdit(id: 1, expected: 1, current: 2)) {
            try db.correctCase(item.id!, CaseCorrection(title: "新"), at: sup.now, expectedVersion: 1, lina)
        }
        #expect(throws: StoreError.notFound(id: 99)) { try db.correctCase(99, CaseCorrection(title: "新"), at: sup.now, lina) }
        let fault = try db.addFault(NewFault(level: .two, region: .xining, title: "宕机"), at: t("2021-11-23T09:00:00+08:00"), sup)
        let withFault = try state(db)
        #expect(throws: StoreError.self) { try db.correctCase(fault.id!, CaseCorrection(title: "新"), at: sup.now, lina) }
        #expect(throws: StoreError.self) { try db.correctCase(item.id!, CaseCorrection(title: "  "), at: sup.now, lina) }
        #expect(throws: StoreError.self) { try db.correctCase(item.id!, CaseCorrection(requesterPhone: "12"), at: sup.now, lina) }
        #expect(throws: StoreError.self) { try db.correctCase(item.id!, CaseCorrection(title: String(repeating: "长", count: 5000)), at: sup.now, lina) }
        #expect(try state(db) == withFault)
        _ = before
    }

    @Test func theMonthlyReportListsCorrectionsOfKindOrReceivedTime() throws {
        let (db, sup, lina) = try desk()
        let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), sup)
        try db.correctCase(item.id!, CaseCorrection(title: "只改标题"), at: t("2021-11-23T11:00:00+08:00"), lina)
        try db.correctCase(item.id!, CaseCorrection(kind: .special), at: t("2021-11-23T12:00:00+08:00"), lina)
        let report = try db.serviceReport(Period("2021-11")!, now: sup.now)
        #expect(report.corrections.count == 1)
        let c = try #require(report.corrections.first)
        #expect(c.itemId == item.id! && c.actor == "lina" && c.at == t("2021-11-23T12:00:00+08:00"))
        #expect(c.kind?.old == "general" && c.kind?.new == "special" && c.receivedAt == nil)
        #expect(c.oldDue == "2021-11-23T18:00:00+08:00" && c.newDue == "2021-11-24T10:00:00+08:00")
        #expect(try db.serviceReport(Period("2021-10")!, now: sup.now).corrections.isEmpty)
    }
}
