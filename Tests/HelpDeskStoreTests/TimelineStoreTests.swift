import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// An item's timeline: notes, replies and the requester's messages.
@Suite("The timeline in the store")
struct TimelineStoreTests {
    static let received = t("2021-11-23T10:00:00+08:00")

    /// #1 a special case received at ten, due the next morning at ten.
    static func special() throws -> (AppDatabase, Context) {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.kind = .special
        _ = try db.addCase(c, at: received, ctx)
        return (db, ctx)
    }

    static func dump(_ db: AppDatabase) throws -> [String] {
        try db.read { conn in
            try ["item", "history", "timeline_entry", "staff"].flatMap { table in
                try Row.fetchAll(conn, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }

    @Test func theTimelineIsInTimeOrderWhateverTheOrderOfWriting() throws {
        let (db, ctx) = try Self.special()
        try db.addNote(1, text: "第二", at: t("2021-11-23T12:00:00+08:00"), ctx)
        try db.addMessage(1, text: "first", channel: .wechat, at: t("2021-11-23T11:00:00+08:00"), ctx)
        _ = try db.reply(1, text: "third", at: t("2021-11-23T13:00:00+08:00"), ctx)
        try db.addNote(1, text: "same minute, written later", at: t("2021-11-23T13:00:00+08:00"), ctx)
        let entries = try db.timeline(of: 1)
        #expect(entries.map(\.text) == ["first", "第二", "third", "same minute, written later"])
        #expect(entries.map(\.kind) == [.message, .note, .reply, .note])
        #expect(entries.map(\.author) == ["zhaolei", "zhaolei", "zhaolei", "zhaolei"])
        #expect(entries[0].channel == .wechat && entries[1].channel == nil)
        #expect(entries[0].recordedAt == ctx.now)
    }

    @Test func aNoteOrMessageIsNoResponseTheFirstReplyIs() throws {
        let (db, ctx) = try Self.special()
        try db.addNote(1, text: "called back, no answer", at: t("2021-11-23T11:00:00+08:00"), ctx)
        try db.addMessage(1, text: "still broken", channel: nil, at: t("2021-11-23T11:30:00+08:00"), ctx)
        var item = try db.item(1)
        #expect(item.status == .open)
        #expect(item.firstResponseAt == nil)
        #expect(item.version == 1)
        let november = Period.month(year: 2021, month: 11)
        #expect(try db.kpiItems(.k1, november, now: ctx.now).first { $0.id == 1 }?.met == nil)

        item = try db.reply(1, text: "password reset", at: t("2021-11-23T12:00:00+08:00"), ctx)
        #expect(item.status == .responded)
        #expect(item.firstResponseAt == t("2021-11-23T12:00:00+08:00"))
        #expect(try db.kpiItems(.k1, november, now: ctx.now).first { $0.id == 1 }?.met == true)

        // A second reply is in the timeline but moves no rule event.
        _ = try db.reply(1, text: "and again", at: t("2021-11-23T15:00:00+08:00"), ctx)
        #expect(try db.item(1).firstResponseAt == t("2021-11-23T12:00:00+08:00"))
        #expect(try db.timeline(of: 1).filter { $0.kind == .reply }.count == 2)
    }

    @Test func respondIsTheOlderFormOfReply() throws {
        let (db, ctx) = try Self.special()
        _ = try db.respond(1, note: "answered", at: t("2021-11-23T12:00:00+08:00"), ctx)
        let entries = try db.timeline(of: 1)
        #expect(entries.map(\.kind) == [.reply])
        #expect(entries.map(\.text) == ["answered"])
        #expect(try db.item(1).firstResponseAt == t("2021-11-23T12:00:00+08:00"))
    }

    @Test func aGeneralQuestionsRuleEventStaysItsResolution() throws {
        let (db, ctx) = try makeDatabase()
        _ = try db.addCase(sampleCase, at: Self.received, ctx)
        _ = try db.reply(1, text: "looking", at: t("2021-11-23T11:00:00+08:00"), ctx)
        let item = try db.item(1)
        #expect(item.isAwaitingRuleEvent)
        #expect(item.ruleEventAt == nil)
    }

    @Test func everyEntryIsInHistory() throws {
        let (db, ctx) = try Self.special()
        try db.addNote(1, text: "内部", at: t("2021-11-23T11:00:00+08:00"), ctx)
        try db.addMessage(1, text: "said", channel: .phone, at: t("2021-11-23T11:10:00+08:00"), ctx)
        _ = try db.reply(1, text: "answer", at: t("2021-11-23T11:20:00+08:00"), ctx)
        let (_, history) = try db.itemWithHistory(1)
        #expect(history.contains { $0.event == .noted && $0.note == "内部" && $0.actor == "zhaolei" })
        #expect(history.contains { $0.event == .messaged && $0.note == "said" })
        #expect(history.contains { $0.event == .messaged && $0.field == .channel && $0.newValue == "phone" })
        #expect(history.contains { $0.event == .responded && $0.note == "answer" })
    }

    @Test func aNoteOrMessageOnAClosedTicketIsAllowedAReplyIsNot() throws {
        let (db, ctx) = try Self.special()
        _ = try db.resolve(1, cause: "c", solution: "s", at: t("2021-11-23T12:00:00+08:00"), ctx)
        try db.addNote(1, text: "after the fact", at: t("2021-11-23T13:00:00+08:00"), ctx)
        try db.addMessage(1, text: "thanks", channel: .phone, at: t("2021-11-23T13:10:00+08:00"), ctx)
        #expect(try db.item(1).status == .closed)
        let before = try Self.dump(db)
        expectInvalid("#1 is closed and can no longer be replied to; add an internal note (case note), or have a supervisor reopen it") {
            _ = try db.reply(1, text: "late", at: t("2021-11-23T14:00:00+08:00"), ctx)
        }
        #expect(try Self.dump(db) == before)
    }

    @Test func refusalsLeaveTheDatabaseAsItWas() throws {
        let (db, ctx) = try Self.special()
        _ = try db.addFault(NewFault(level: .three, region: .haixi, title: "打印异常"), at: Self.received, ctx)
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
        let before = try Self.dump(db)
        let viewer = Context(actor: "guest", now: ctx.now)
        let at = t("2021-11-23T12:00:00+08:00")
        let refusals: [(String, () throws -> Void)] = [
            ("blank", { try db.addNote(1, text: "  \n", at: at, ctx) }),
            ("blank reply", { _ = try db.reply(1, text: "", at: at, ctx) }),
            ("too long", { try db.addNote(1, text: String(repeating: "长", count: TextRules.longLimit), at: at, ctx) }),
            ("NUL", { try db.addMessage(1, text: "a\u{0}b", channel: nil, at: at, ctx) }),
            ("unknown item", { try db.addNote(99, text: "x", at: at, ctx) }),
            ("unknown item reply", { _ = try db.reply(99, text: "x", at: at, ctx) }),
            ("reply to a fault", { _ = try db.reply(2, text: "x", at: at, ctx) }),
            ("before intake", { try db.addNote(1, text: "x", at: t("2021-11-23T09:00:00+08:00"), ctx) }),
            ("in the future", { try db.addMessage(1, text: "x", channel: nil, at: t("2021-11-24T09:00:00+08:00"), ctx) }),
            ("viewer note", { try db.addNote(1, text: "x", at: at, viewer) }),
            ("viewer reply", { _ = try db.reply(1, text: "x", at: at, viewer) }),
            ("viewer message", { try db.addMessage(1, text: "x", channel: nil, at: at, viewer) }),
        ]
        for (name, write) in refusals {
            #expect(throws: (any Error).self, "\(name)") { try write() }
            #expect(try Self.dump(db) == before, "\(name)")
        }
        #expect(throws: StoreError.notFound(id: 99)) { _ = try db.timeline(of: 99) }
    }

    @Test func aNoteOnAnyItemKind() throws {
        let (db, ctx) = try makeDatabase()
        _ = try db.addFault(NewFault(level: .two, region: .haixi, title: "断网"), at: Self.received, ctx)
        try db.addNote(1, text: "vendor called", at: t("2021-11-23T10:30:00+08:00"), ctx)
        #expect(try db.timeline(of: 1).map(\.kind) == [.note])
    }

    @Test func theMigrationMakesEarlierResponsesReplies() throws {
        let queue = try DatabaseQueue()
        let index = AppDatabase.migrations.firstIndex { $0.identifier.hasPrefix("v18") }!
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(index) {
                try migration.migrate(db)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
        }
        // A database as the program before the timeline left it: responses only in history.
        try queue.write { db in
            try StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor).insert(db)
            var item = WorkItem(kind: .special, title: "老工单", region: .xining, channel: .phone, takenBy: "zhaolei",
                                receivedAt: Self.received, createdAt: Self.received, createdBy: "zhaolei")
            item.firstResponseAt = t("2021-11-23T11:00:00+08:00")
            item.status = .responded
            try item.insert(db)
            for (at, who, note) in [("2021-11-23T11:00:00+08:00", "wangfang", "已答复"), ("2021-11-23T14:00:00+08:00", "lisi", "again")] {
                var e = HistoryEntry(itemId: item.id!, at: t(at), recordedAt: t(at), recordedRealAt: nil, actor: who,
                                     event: .responded, field: nil, oldValue: nil, newValue: nil, note: note, systemNote: nil)
                try e.insert(db)
            }
            var field = HistoryEntry(itemId: item.id!, at: t("2021-11-23T11:00:00+08:00"), recordedAt: Self.received, recordedRealAt: nil,
                                     actor: "wangfang", event: .responded, field: .status, oldValue: "open", newValue: "responded",
                                     note: nil, systemNote: nil)
            try field.insert(db)
        }
        let db = try AppDatabase(queue)
        let entries = try db.timeline(of: 1)
        #expect(entries.map(\.kind) == [.reply, .reply])
        #expect(entries.map(\.text) == ["已答复", "again"])
        #expect(entries.map(\.author) == ["wangfang", "lisi"])
        #expect(entries.map(\.at) == [t("2021-11-23T11:00:00+08:00"), t("2021-11-23T14:00:00+08:00")])
    }
    /// The requester's message ends a wait on them; a reply reaches the duplicates merged into the ticket.
    @Test func theRequestersMessageEndsAWaitAndAReplyReachesTheDuplicates() throws {
        let (db, ctx) = try Self.special()
        var c = sampleCase
        c.kind = .special
        _ = try db.addCase(c, at: t("2021-11-23T10:30:00+08:00"), ctx)
        _ = try db.merge(2, into: 1, at: t("2021-11-23T11:00:00+08:00"), ctx)
        _ = try db.pause(1, reason: "等待提供截图", at: t("2021-11-23T11:30:00+08:00"), ctx)
        #expect(try db.itemWithHistory(1).0.status == .waiting)
        try db.addMessage(1, text: "截图已发", channel: .wechat, at: t("2021-11-23T12:00:00+08:00"), ctx)
        let (resumed, history) = try db.itemWithHistory(1)
        #expect(resumed.status == .open)
        #expect(history.contains { $0.event == .resumed })
        _ = try db.reply(1, text: "已处理", at: t("2021-11-23T13:00:00+08:00"), ctx)
        #expect(try db.itemWithHistory(2).0.firstResponseAt == t("2021-11-23T13:00:00+08:00"))
    }
}
