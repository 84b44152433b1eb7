import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

// Notices to requesters: written with the event, to each linked requester who can be reached, in
// their language; none for notes, for a ticket or requester with notices off, or without contact.

private let wang = Requester(name: "王芳", office: "城西区社保局", region: .xining, phones: ["13800000001"],
                             email: "wangfang@example.cn", language: .zh)
private let tom = Requester(name: "Tom Li", office: "海东市社保局", region: .haidong, email: "tom@example.cn", language: .en)

private func notices(_ db: AppDatabase) throws -> [Row] {
    try db.read { try Row.fetchAll($0, sql: "SELECT * FROM notification WHERE kind = 'requester' ORDER BY id") }
}

private func payload(_ row: Row) throws -> [String: Any] {
    try #require(JSONSerialization.jsonObject(with: Data((row["payload"] as String).utf8)) as? [String: Any])
}

private func ticket(_ db: AppDatabase, _ ctx: Context, requester: Int64, at: Date? = nil) throws -> WorkItem {
    try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "社保卡挂失", requesterID: requester),
                   at: at ?? t("2021-11-23T10:00:00+08:00"), ctx)
}

@Suite("Notices to requesters in the store")
struct RequesterNoticeStoreTests {
    @Test func intakeWritesAnEmailNoticeWithItsShapeAndMessageID() throws {
        var (db, ctx) = try makeDatabase()
        ctx.requesterNotices = RequesterNoticeSettings(mailDomain: "desk.example.cn")
        let r = try db.addRequester(wang, ctx)
        let item = try ticket(db, ctx, requester: r.id!)
        let rows = try notices(db)
        #expect(rows.count == 1)
        let row = try #require(rows.first)
        let id: Int64 = row["id"]
        #expect(row["requester_id"] as Int64? == r.id && row["item_id"] as Int64 == item.id!)
        #expect(row["message_id"] as String? == "<hd.\(id).\(item.id!)@desk.example.cn>")
        let json = try payload(row)
        #expect(Set(json.keys) == ["kind", "audience", "event", "at", "item", "tag", "requester", "channel", "subject", "text",
                                   "message_id", "in_reply_to"])
        #expect(json["kind"] as? String == "requester" && json["audience"] as? String == "requester")
        #expect(json["event"] as? String == "intake" && json["channel"] as? String == "email")
        #expect(json["tag"] as? String == "[#\(item.id!)]")
        #expect(json["subject"] as? String == "[#\(item.id!)] 已受理：社保卡挂失")
        #expect(json["message_id"] as? String == "<hd.\(id).\(item.id!)@desk.example.cn>")
        #expect(json["in_reply_to"] is NSNull)
        let text = try #require(json["text"] as? String)
        // The deadline in words: 10:00 on a working day, before the cut-off: the same day's end.
        #expect(text.contains("#\(item.id!)") && text.contains("2021-11-23 周二 18:00 之前"), "\(text)")
        let described = try #require(json["item"] as? [String: Any])
        #expect(Set(described.keys) == ["id", "kind", "title", "due"])
        #expect(described["due"] as? String == "2021-11-23T18:00:00+08:00" && described["kind"] as? String == "general")
        let person = try #require(json["requester"] as? [String: Any])
        #expect(Set(person.keys) == ["id", "name", "email", "phones", "chat_id", "language", "channel"])
        #expect(person["name"] as? String == "王芳" && person["email"] as? String == "wangfang@example.cn")
        #expect(person["phones"] as? [String] == ["13800000001"] && person["chat_id"] is NSNull)
        // Delivered as the others are: the stored event with its id first.
        let claimed = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        #expect(claimed.count == 1 && claimed[0].payload.hasPrefix("{\"event_id\":\"\(claimed[0].eventID)\","))
        // notify list says to whom.
        let entry = try #require(try db.outbox(pendingOnly: false).first)
        #expect(entry.kind == .requester)
        #expect(entry.text(.en) == "notice to 王芳 by email: [#\(item.id!)] 已受理：社保卡挂失")
        #expect(entry.text(.zh) == "通知 王芳（电子邮件）：[#\(item.id!)] 已受理：社保卡挂失")
    }

    @Test func replyWaitingAndResolutionEachTellTheRequesterInTheirLanguage() throws {
        let (db, ctx) = try makeDatabase()
        let r = try db.addRequester(tom, ctx)
        let item = try ticket(db, ctx, requester: r.id!)
        _ = try db.reply(item.id!, text: "Please bring your ID card.", at: t("2021-11-23T11:00:00+08:00"), ctx)
        _ = try db.pause(item.id!, reason: "a copy of the ID card", at: t("2021-11-23T12:00:00+08:00"), ctx)
        _ = try db.resume(item.id!, at: t("2021-11-23T13:00:00+08:00"), ctx)
        _ = try db.resolve(item.id!, cause: "lost", solution: "card reissued", at: t("2021-11-23T14:00:00+08:00"), ctx)
        let sent = try notices(db).map { try payload($0) }
        #expect(sent.map { $0["event"] as? String } == ["intake", "reply", "waiting", "resolved"])
        #expect(sent.map { $0["subject"] as? String } == ["[#1] Received: 社保卡挂失", "[#1] Reply: 社保卡挂失",
                                                          "[#1] We need something from you: 社保卡挂失", "[#1] Resolved: 社保卡挂失"])
        #expect((sent[1]["text"] as? String)?.contains("Please bring your ID card.") == true)
        #expect((sent[2]["text"] as? String)?.contains("a copy of the ID card") == true)
        #expect((sent[3]["text"] as? String)?.contains("card reissued") == true)
        #expect(sent.allSatisfy { ($0["requester"] as? [String: Any])?["language"] as? String == "en" })
        // One Message-ID each, never twice.
        let ids = try notices(db).compactMap { $0["message_id"] as String? }
        #expect(ids.count == 4 && Set(ids).count == 4)
        // The timeline shows each, with its delivery.
        let timeline = try db.requesterNotices(of: item.id!)
        #expect(timeline.count == 4)
        #expect(timeline[0].text(.en) == "notice to Tom Li by email: [#1] Received: 社保卡挂失 (pending)")
        try db.markFailed(timeline[0].id, at: ctx.now, error: "exit 1", retryAfter: 30, ctx)
        try db.markDelivered(timeline[1].id, at: ctx.now, ctx)
        let after = try db.requesterNotices(of: item.id!)
        #expect(after[0].delivery(.en) == "failed 1×, will retry" && after[1].delivery(.zh) == "已送达")
    }

    @Test func aSecondMessageIDIsRefusedByTheDatabase() throws {
        let (db, ctx) = try makeDatabase()
        let r = try db.addRequester(tom, ctx)
        _ = try ticket(db, ctx, requester: r.id!)
        let taken: String = try #require(try notices(db).first?["message_id"])
        #expect(throws: DatabaseError.self) {
            try db.writer.write { d in
                try d.execute(sql: """
                    INSERT INTO notification (kind, item_id, created_at, payload, text, next_attempt_at, message_id)
                    VALUES ('requester', 1, 0, '{}', '', 0, ?)
                    """, arguments: [taken])
            }
        }
    }

    @Test func notesMessagesAndAssignmentsTellTheRequesterNothing() throws {
        let (db, ctx) = try makeDatabase()
        let r = try db.addRequester(tom, ctx)
        let item = try ticket(db, ctx, requester: r.id!)
        try db.addNote(item.id!, text: "internal", at: t("2021-11-23T11:00:00+08:00"), ctx)
        try db.addMessage(item.id!, text: "any news?", channel: .email, at: t("2021-11-23T11:30:00+08:00"), ctx)
        #expect(try notices(db).map { try payload($0)["event"] as? String } == ["intake"])
    }

    @Test func aRequesterWithoutContactOrWithNoticesOffHearsNothing() throws {
        let (db, ctx) = try makeDatabase()
        let unreachable = try db.addRequester(Requester(name: "扎西", office: "海西州社保局", region: .haixi), ctx)
        _ = try ticket(db, ctx, requester: unreachable.id!)
        var quiet = tom
        quiet.noticesOff = true
        let q = try db.addRequester(quiet, ctx)
        _ = try ticket(db, ctx, requester: q.id!)
        #expect(try notices(db).isEmpty)
        // Turned on again by an edit, recorded in the entry's history.
        _ = try db.editRequester(q.id!, ctx) { $0.noticesOff = false }
        #expect(try db.requesterHistory(q.id!).last?.field == .notices)
        _ = try ticket(db, ctx, requester: q.id!)
        #expect(try notices(db).count == 1)
    }

    @Test func aTicketWithNoticesOffTellsNobodyAndTheSwitchIsInHistory() throws {
        let (db, ctx) = try makeDatabase()
        let r = try db.addRequester(tom, ctx)
        let item = try ticket(db, ctx, requester: r.id!)
        try db.setRequesterNotices(item.id!, off: true, ctx)
        #expect(try db.requesterNoticesOff(item.id!))
        _ = try db.reply(item.id!, text: "done", at: t("2021-11-23T11:00:00+08:00"), ctx)
        #expect(try notices(db).count == 1)
        expectInvalid("#1 already has requester notices off") { try db.setRequesterNotices(item.id!, off: true, ctx) }
        try db.setRequesterNotices(item.id!, off: false, ctx)
        _ = try db.resolve(item.id!, cause: "c", solution: "s", at: t("2021-11-23T12:00:00+08:00"), ctx)
        #expect(try notices(db).map { try payload($0)["event"] as? String } == ["intake", "resolved"])
        let events = try db.itemWithHistory(item.id!).1.map(\.event)
        #expect(events.contains(.noticesOff) && events.contains(.noticesOn))
    }

    @Test func aMergedDuplicatesRequesterHearsTheTargetsResolution() throws {
        let (db, ctx) = try makeDatabase()
        let a = try db.addRequester(tom, ctx)
        let b = try db.addRequester(wang, ctx)
        let target = try ticket(db, ctx, requester: a.id!)
        let duplicate = try ticket(db, ctx, requester: b.id!)
        _ = try db.merge(duplicate.id!, into: target.id!, at: t("2021-11-23T11:00:00+08:00"), ctx)
        _ = try db.resolve(target.id!, cause: "c", solution: "fixed", at: t("2021-11-23T12:00:00+08:00"), ctx)
        let resolved = try notices(db).map { try payload($0) }.filter { $0["event"] as? String == "resolved" }
        #expect(Set(resolved.compactMap { ($0["requester"] as? [String: Any])?["name"] as? String }) == ["Tom Li", "王芳"])
        #expect(resolved.allSatisfy { ($0["item"] as? [String: Any])?["id"] as? Int == Int(target.id!) })
    }

    @Test func aFaultsReporterInTheDirectoryHearsItsRestorationOnly() throws {
        let (db, ctx) = try makeDatabase()
        let r = try db.addRequester(tom, ctx)
        let fault = try db.addFault(NewFault(level: .three, region: .xining, title: "应用服务器宕机"),
                                    at: t("2021-11-23T10:00:00+08:00"), ctx)
        try db.writer.write { try AppDatabase.linkRequester($0, item: fault.id!, requester: r.id!, ctx) }
        _ = try db.restore(fault.id!, cause: "disk full", solution: "space freed", at: t("2021-11-23T12:00:00+08:00"), ctx)
        let sent = try notices(db).map { try payload($0) }
        #expect(sent.map { $0["event"] as? String } == ["resolved"])
        #expect((sent.first?["item"] as? [String: Any])?["kind"] as? String == "fault")
        // The escalation notices are written as before.
        #expect(try db.outbox(pendingOnly: false).contains { $0.kind == .escalation })
    }

    @Test func theChannelIsThePreferredOneWhenItReaches() {
        typealias R = RequesterNoticeRules
        #expect(R.channel(email: "a@b.cn", phones: ["1"], chatID: "wx_abc", preferred: nil) == .email)
        #expect(R.channel(email: "a@b.cn", phones: ["1"], chatID: nil, preferred: .phone) == .phone)
        #expect(R.channel(email: "a@b.cn", phones: [], chatID: nil, preferred: .phone) == .email)
        #expect(R.channel(email: nil, phones: [], chatID: "12345", preferred: .qq) == .qq)
        #expect(R.channel(email: nil, phones: [], chatID: "wx_abc", preferred: nil) == .wechat)
        #expect(R.channel(email: " ", phones: [], chatID: nil, preferred: .email) == nil)
        #expect(R.messageID(notice: 12, item: 7, domain: "desk.example.cn") == "<hd.12.7@desk.example.cn>")
        #expect(R.domain("desk.example.cn") == "desk.example.cn" && R.domain("bad domain") == nil && R.domain(".x") == nil)
        #expect(!R.notifies(ticketOff: false, requesterOff: false, answersAutomatic: true, channel: .email))
    }
}
