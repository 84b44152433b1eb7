import Foundation
import HelpDeskCore
import HelpDeskStore
import Testing

/// The monthly report lists the tickets paused in the month: ticket, paused from/to, reason and
/// the deadline before → after, in every format.
@Suite("The report's paused tickets", .scratch)
struct PausedReportTests {
    static func database(_ function: String = #function) throws -> (path: String, id: Int64) {
        let path = freshDatabase(function)
        let db = try AppDatabase.open(path: path)
        try db.ensureFounder(username: currentUser, name: currentUser)
        func t(_ text: String) -> Date { try! TimeInput.parseInstant(text) }
        let ctx = Context(actor: currentUser, now: t("2021-12-20T10:00:00+08:00"))
        let id = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "养老金测算"),
                                at: t("2021-11-10T09:00:00+08:00"), ctx).id!
        try db.pause(id, reason: "等参保人补交材料", at: t("2021-11-10T10:00:00+08:00"), ctx)
        try db.resume(id, at: t("2021-11-12T10:00:00+08:00"), ctx)
        // A pause of another month is not listed.
        let october = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "十月"),
                                     at: t("2021-10-11T09:00:00+08:00"), ctx).id!
        try db.pause(october, reason: "十月的等待", at: t("2021-10-11T10:00:00+08:00"), ctx)
        try db.resume(october, at: t("2021-10-12T10:00:00+08:00"), ctx)
        return (path, id)
    }

    @Test func theReportListsThePausesOfTheMonth() throws {
        let (db, id) = try Self.database()
        let pauses = try AppDatabase.open(path: db).pauses(of: id)
        let due = "\(BeijingTime.short(pauses[0].dueBefore)) → \(BeijingTime.short(try #require(pauses[0].dueAfter)))"
        let md = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "en"], db: db, now: "2021-12-20T10:00:00+08:00")
        #expect(md.contains("Tickets paused"))
        #expect(md.contains("| \(id) | 2021-11-10 10:00 | 2021-11-12 10:00 | 等参保人补交材料 | \(due) |"), "\(md)")
        #expect(!md.contains("十月的等待"))
        let zh = ok(["report", "--month", "2021-11", "--format", "html", "--lang", "zh"], db: db, now: "2021-12-20T10:00:00+08:00")
        #expect(zh.contains("暂停计时的工单") && zh.contains("等参保人补交材料"))
        let csv = try #require(parseCSV(ok(["report", "--month", "2021-11", "--format", "csv", "--lang", "en"], db: db,
                                           now: "2021-12-20T10:00:00+08:00")))
        let paused = csv.filter { $0[0] == "paused" }
        #expect(paused.contains { $0.contains("等参保人补交材料") && $0.contains("\(id)") }, "\(paused)")
        let empty = ok(["report", "--month", "2021-09", "--format", "md", "--lang", "en"], db: db, now: "2021-12-20T10:00:00+08:00")
        #expect(empty.contains("No ticket was paused this month"))
    }
}
