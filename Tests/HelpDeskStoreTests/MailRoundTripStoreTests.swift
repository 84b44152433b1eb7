import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskMail
@testable import HelpDeskStore

// Mail in joined with the notices out: a ticket opened by mail tells its requester, as an answer to
// their message; a message added by mail and an automatic message are never answered; the desk's
// later notices answer the requester's latest own message on the ticket.

private func mail(_ subject: String, from: String = "zhuoma@qh.gov.cn", id: String? = nil, replyTo: [String] = [],
                  text: String = "养老金发放表无法导出", automatic: Bool = false) -> InboundMail {
    InboundMail(messageID: id, replyTo: replyTo, subject: subject, from: InboundMail.Address(name: "卓玛", address: from),
                text: text, isAutomatic: automatic, size: 200)
}

private func notices(_ db: AppDatabase) throws -> [[String: Any]] {
    try db.read { conn in
        try String.fetchAll(conn, sql: "SELECT payload FROM notification WHERE kind = 'requester' ORDER BY id").map {
            try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
    }
}

private let rules = MailRules()

@Suite("Mail in and notices out, joined in the store")
struct MailRoundTripStoreTests {
    @Test func aTicketOpenedByMailTellsItsRequesterInAnswerToTheirMessage() throws {
        var (db, ctx) = try makeDatabase()
        ctx.requesterNotices = RequesterNoticeSettings(mailDomain: "desk.example.cn")
        let intake = try db.takeMail(mail("发放表导出报错", id: "m1@qh.gov.cn"), raw: [], rules: rules, ctx)
        let id = try #require(intake.itemID)
        let sent = try notices(db)
        #expect(sent.count == 1)
        let notice = try #require(sent.first)
        #expect(notice["event"] as? String == "intake" && notice["channel"] as? String == "email")
        #expect(notice["in_reply_to"] as? String == "<m1@qh.gov.cn>")
        #expect((notice["subject"] as? String)?.hasPrefix("[#\(id)] ") == true)
        #expect((notice["requester"] as? [String: Any])?["email"] as? String == "zhuoma@qh.gov.cn")
        let messageID = try #require(notice["message_id"] as? String)
        #expect(messageID.hasPrefix("<hd.") && messageID.hasSuffix(".\(id)@desk.example.cn>"))
        // Without a Message-ID of its own, the notice answers nothing.
        _ = try db.takeMail(mail("另一个问题", from: "li@qh.gov.cn"), raw: [], rules: rules, ctx)
        #expect(try notices(db).last?["in_reply_to"] is NSNull)
    }

    @Test func theRequestersAnswerToTheNoticeThreadsByItsMessageID() throws {
        let (db, ctx) = try makeDatabase()
        let id = try #require(try db.takeMail(mail("发放表导出报错", id: "m1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        let sent = try #require(try notices(db).first?["message_id"] as? String)
        // The header's id reaches the parser without its angle brackets; the notice keeps them.
        let bare = String(sent.dropFirst().dropLast())
        let answer = try db.takeMail(mail("Re: 已受理", id: "m2@qh.gov.cn", replyTo: [bare], text: "补充：截图见附件"), raw: [],
                                     rules: rules, ctx)
        #expect(answer.outcome == .added && answer.itemID == id)
        #expect(try db.timeline(of: id).last?.text == "补充：截图见附件")
        // A message added by mail is never answered automatically.
        #expect(try notices(db).count == 1)
    }

    @Test func messagesAddedByMailReopeningOrResumingAreNeverAnswered() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let waiting = try #require(try db.takeMail(mail("待遇核定", id: "w1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        _ = try db.pause(waiting, reason: "请提供身份证复印件", at: ctx.now, ctx)
        let closed = try #require(try db.takeMail(mail("缴费基数", id: "c1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        _ = try db.resolve(closed, cause: "参数错误", solution: "已更正", at: ctx.now, ctx)
        let before = try notices(db).count
        #expect(before == 4)  // two intakes, the waiting and the resolution
        ctx.now = ctx.now.addingTimeInterval(3600)
        let resumed = try db.takeMail(mail("Re: [#\(waiting)]", id: "w2@qh.gov.cn", text: "已补"), raw: [], rules: rules, ctx)
        #expect(resumed.outcome == .added)
        #expect(try db.item(waiting).status != .waiting)
        let reopened = try db.takeMail(mail("Re: [#\(closed)]", id: "c2@qh.gov.cn", text: "还是不对"), raw: [], rules: rules, ctx)
        #expect(reopened.outcome == .reopened)
        #expect(try notices(db).count == before)
    }

    @Test func aFollowUpTicketTellsItsRequesterAsANewTicketDoes() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let closed = try #require(try db.takeMail(mail("缴费基数", id: "c1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        _ = try db.resolve(closed, cause: "参数错误", solution: "已更正", at: ctx.now, ctx)
        ctx.now = ctx.now.addingTimeInterval(60 * 86_400)
        let after = try db.takeMail(mail("Re: [#\(closed)]", id: "c9@qh.gov.cn", text: "又出现了"), raw: [], rules: MailRules(reopenDays: 0),
                                    ctx)
        #expect(after.outcome == .followUp)
        let last = try #require(try notices(db).last)
        #expect(last["event"] as? String == "intake" && last["in_reply_to"] as? String == "<c9@qh.gov.cn>")
        #expect((last["item"] as? [String: Any])?["id"] as? Int64 == after.itemID)
    }

    @Test func anAutomaticMessageNeverCausesANotice() throws {
        let (db, ctx) = try makeDatabase()
        let id = try #require(try db.takeMail(mail("社保卡挂失", id: "m1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        let before = try notices(db).count
        let alone = try db.takeMail(mail("自动回复：休假中", from: "auto@qh.gov.cn", id: "a1@qh.gov.cn", automatic: true), raw: [],
                                    rules: rules, ctx)
        #expect(alone.outcome == .recorded)
        let onTicket = try db.takeMail(mail("自动回复：Re: [#\(id)]", id: "a2@qh.gov.cn", automatic: true), raw: [], rules: rules, ctx)
        #expect(onTicket.outcome == .added)
        #expect(try notices(db).count == before)
        // An auto-reply is not what the desk's later notices answer.
        _ = try db.reply(id, text: "已为您重新制卡", at: ctx.now, ctx)
        #expect(try notices(db).last?["in_reply_to"] as? String == "<m1@qh.gov.cn>")
    }

    @Test func laterNoticesAnswerTheRequestersLatestMessageOnTheTicket() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let id = try #require(try db.takeMail(mail("养老金测算", id: "m1@qh.gov.cn"), raw: [], rules: rules, ctx).itemID)
        ctx.now = ctx.now.addingTimeInterval(600)
        _ = try db.takeMail(mail("Re: [#\(id)]", id: "m2@qh.gov.cn", text: "补充材料"), raw: [], rules: rules, ctx)
        // Someone else's message on the same ticket is not this requester's.
        _ = try db.takeMail(mail("Re: [#\(id)]", from: "other@qh.gov.cn", id: "o1@qh.gov.cn", text: "同问"), raw: [], rules: rules, ctx)
        _ = try db.reply(id, text: "已收到材料", at: ctx.now, ctx)
        _ = try db.pause(id, reason: "请提供测算月份", at: ctx.now, ctx)
        _ = try db.takeMail(mail("Re: [#\(id)]", id: "m3@qh.gov.cn", text: "2021年11月"), raw: [], rules: rules, ctx)
        _ = try db.resolve(id, cause: "参数", solution: "已重新测算", at: ctx.now, ctx)
        let sent = try notices(db).map { "\($0["event"] as? String ?? "?") \($0["in_reply_to"] as? String ?? "-")" }
        #expect(sent == ["intake <m1@qh.gov.cn>", "reply <m2@qh.gov.cn>", "waiting <m2@qh.gov.cn>", "resolved <m3@qh.gov.cn>"])
    }
}
