import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskMail
@testable import HelpDeskStore

private func mail(_ subject: String, from: String = "zhangsan@qh.gov.cn", name: String? = "张三", id: String? = nil,
                  replyTo: [String] = [], text: String = "无法登录系统", automatic: Bool = false) -> InboundMail {
    InboundMail(messageID: id, replyTo: replyTo, subject: subject, from: InboundMail.Address(name: name, address: from),
                text: text, isAutomatic: automatic, size: 200)
}

private func events(_ db: AppDatabase, _ id: Int64) throws -> [String] {
    try db.read { try String.fetchAll($0, sql: "SELECT event || ':' || coalesce(field, '') FROM history WHERE item_id = ? ORDER BY id", arguments: [id]) }
}

private func dump(_ db: AppDatabase) throws -> [String] {
    try db.read { conn in
        try ["item", "history", "mail_message", "timeline_entry", "requester", "attachment", "item_to_confirm"].flatMap { table in
            try Row.fetchAll(conn, sql: "SELECT * FROM \(table) ORDER BY 1").map { "\(table) \($0)" }
        }
    }
}

private let rules = MailRules()

@Suite("Mail taken in by the store")
struct MailIntakeStoreTests {
    @Test func anUnknownSenderOpensATicketToConfirmInTheDesksRegion() throws {
        let (db, ctx) = try makeDatabase()
        let intake = try db.takeMail(mail("养老金无法发放", id: "m1@qh"), raw: [], rules: MailRules(region: .haidong), ctx)
        #expect(intake.outcome == .opened && intake.toConfirm && !intake.duplicate)
        let item = try db.item(try #require(intake.itemID))
        #expect(item.kind == .general && item.channel == .email && item.region == .haidong)
        #expect(item.title == "养老金无法发放" && item.description == "无法登录系统" && item.requesterName == "张三")
        // Nobody on the desk took it in (here mail-in ran as a member of staff): it waits to be taken.
        #expect(try db.member(ctx.actor) != nil)
        #expect(item.takenBy == nil && item.assignee == nil)
        // No Received: and no Date: — received now, the general question's deadline from then.
        #expect(item.receivedAt == ctx.now && intake.receivedFrom == .now)
        #expect(item.dueAt == DeadlineRules(calendar: try db.calendar()).general(receivedAt: ctx.now).due)
        let added = try #require(try db.requestersOfItem(item.id!).first)
        #expect(added.name == "张三" && added.email == "zhangsan@qh.gov.cn" && added.region == nil)
        #expect(try db.isToConfirm(item.id!))
        // A list's page says which of its tickets are to confirm (the console's queue, `case list`).
        let other = try db.addCase(sampleCase, at: ctx.now, ctx).id!
        let page = try db.page(ItemFilter(), countCap: 1_000)
        #expect(Set(page.items.compactMap(\.id)) == [item.id!, other] && page.toConfirm == [item.id!])
        #expect(try events(db, item.id!) == ["created:", "to_confirm:region"])
        // The correction that sets its region confirms it, in history.
        _ = try db.correctCase(item.id!, CaseCorrection(region: .xining), at: ctx.now, ctx)
        #expect(try !db.isToConfirm(item.id!))
        #expect(try db.page(ItemFilter(), countCap: 1_000).toConfirm == [])
        #expect(try events(db, item.id!).suffix(3) == ["confirmed:", "corrected:", "corrected:region"])
    }

    @Test func aKnownSenderGivesTheTicketTheirRegionAndName() throws {
        let (db, ctx) = try makeDatabase()
        let known = try db.addRequester(Requester(name: "王建华", office: "海东市社保局", region: .haidong, email: "WangJH@qh.gov.cn"), ctx)
        let intake = try db.takeMail(mail("", from: "wangjh@qh.gov.cn", name: "Wang", text: "\n 缴费基数有误\n详情如下"), raw: [], rules: rules, ctx)
        #expect(intake.outcome == .opened && !intake.toConfirm)
        let item = try db.item(intake.itemID!)
        #expect(item.region == .haidong && item.requesterName == "王建华" && item.requesterOffice == "海东市社保局")
        #expect(item.title == "缴费基数有误")
        #expect(try db.requestersOfItem(item.id!).map(\.id) == [known.id])
        #expect(try !db.isToConfirm(item.id!))
        #expect(try db.requesters().count == 1)
    }

    @Test func theSameMessageIdTwiceIsTakenOnce() throws {
        let (db, ctx) = try makeDatabase()
        let first = try db.takeMail(mail("养老金", id: "dup@qh"), raw: [], rules: rules, ctx)
        let before = try dump(db)
        let again = try db.takeMail(mail("养老金", id: "dup@qh"), raw: [], rules: rules, ctx)
        #expect(again.duplicate && again.itemID == first.itemID && again.record == first.record)
        #expect(try dump(db) == before)
    }

    @Test func aTagInTheSubjectAddsTheRequestersMessageAndResumesAWait() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        _ = try db.pause(id, reason: "等待单位材料", at: t("2021-11-23T11:00:00+08:00"), ctx)
        ctx.now = t("2021-11-23T16:00:00+08:00")
        var message = mail("Re: [#\(id)] 养老金测算", id: "r1@qh", text: "材料已补齐")
        message.receivedAt = t("2021-11-23T15:00:00+08:00")
        let intake = try db.takeMail(message, raw: [], rules: rules, ctx)
        #expect(intake.outcome == .added && intake.itemID == id && intake.receivedFrom == .received)
        let entry = try #require(try db.timeline(of: id).last)
        #expect(entry.kind == .message && entry.channel == .email && entry.text == "材料已补齐" && entry.at == message.receivedAt)
        #expect(try db.item(id).status != .waiting)
        let history = try events(db, id)
        #expect(history.contains("resumed:status") && history.suffix(2) == ["messaged:", "messaged:channel"])
        #expect(try db.items(ItemFilter()).count == 1)
    }

    @Test func aNoticesMessageIdThreadsTheAnswer() throws {
        let (db, ctx) = try makeDatabase()
        let fault = try db.addFault(NewFault(level: .one, region: .xining, title: "应用服务器宕机"), at: t("2021-11-23T15:00:00+08:00"), ctx)
        try db.writer.write { conn in
            let notice = try #require(try Int64.fetchOne(conn, sql: "SELECT min(id) FROM notification WHERE item_id = ?", arguments: [fault.id!]))
            try conn.execute(sql: "UPDATE notification SET message_id = 'notice-1@helpdesk' WHERE id = ?", arguments: [notice])
        }
        let intake = try db.takeMail(mail("Re: 通知", replyTo: ["other@x", "notice-1@helpdesk"], text: "收到"), raw: [], rules: rules, ctx)
        #expect(intake.outcome == .added && intake.itemID == fault.id)
        #expect(try db.timeline(of: fault.id!).last?.text == "收到")
        // An answer to that answer threads by the earlier message's id.
        let first = try db.takeMail(mail("新问题", id: "q1@qh"), raw: [], rules: rules, ctx)
        let answer = try db.takeMail(mail("Re: 新问题", replyTo: ["q1@qh"], text: "补充"), raw: [], rules: rules, ctx)
        #expect(answer.outcome == .added && answer.itemID == first.itemID)
    }

    @Test func aClosedTicketReopensWithinTheWindowAndIsFollowedUpAfterIt() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let a = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        let b = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        for id in [a, b] { _ = try db.resolve(id, cause: "参数错误", solution: "已更正", at: t("2021-11-23T15:00:00+08:00"), ctx) }
        // Tuesday 30 November: the fifth working day after closing.
        ctx.now = t("2021-11-30T10:00:00+08:00")
        let within = try db.takeMail(mail("Re: [#\(a)] 养老金测算", text: "还是不对"), raw: [], rules: rules, ctx)
        #expect(within.outcome == .reopened && within.itemID == a)
        let reopened = try db.item(a)
        #expect(reopened.status != .closed && reopened.closedAt == nil && reopened.cause == nil)
        #expect(try events(db, a).contains("reopened:status"))
        #expect(try db.timeline(of: a).last?.text == "还是不对")
        // Wednesday 1 December: too late, a new ticket linked to the closed one.
        ctx.now = t("2021-12-01T10:00:00+08:00")
        let after = try db.takeMail(mail("Re: [#\(b)] 养老金测算", text: "又出现了"), raw: [], rules: rules, ctx)
        #expect(after.outcome == .followUp && after.answered == b && after.itemID != b)
        #expect(try db.item(b).status == .closed)
        #expect(try db.relatedItems(of: b).map(\.id) == [after.itemID!])
        #expect(try db.item(after.itemID!).description == "又出现了")
    }

    @Test func automaticMessagesOpenNothingAndWakeNothing() throws {
        let (db, base) = try makeDatabase()
        var ctx = base
        let waiting = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        _ = try db.pause(waiting, reason: "等待单位材料", at: t("2021-11-23T11:00:00+08:00"), ctx)
        let closed = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        _ = try db.resolve(closed, cause: "参数错误", solution: "已更正", at: t("2021-11-23T12:00:00+08:00"), ctx)
        ctx.now = t("2021-11-23T16:00:00+08:00")
        let alone = try db.takeMail(mail("自动回复：休假", id: "auto1@x", automatic: true), raw: [], rules: rules, ctx)
        #expect(alone.outcome == .recorded && alone.itemID == nil)
        #expect(try db.items(ItemFilter()).count == 2)
        let onWaiting = try db.takeMail(mail("自动回复：Re: [#\(waiting)]", automatic: true), raw: [], rules: rules, ctx)
        #expect(onWaiting.outcome == .added && onWaiting.itemID == waiting)
        #expect(try db.item(waiting).status == .waiting)
        let onClosed = try db.takeMail(mail("Auto: Re: [#\(closed)]", automatic: true), raw: [], rules: rules, ctx)
        #expect(onClosed.outcome == .added)
        #expect(try db.item(closed).status == .closed)
        // Recorded as automatic with the item: whoever answers mail can tell.
        #expect(try db.mailRecords(of: waiting).map(\.automatic) == [true])
    }

    @Test func anUnreadableMessageIsKeptWholeAndAttachmentsAreStored() throws {
        let (db, ctx) = try makeDatabase()
        let raw = Array("From: a@b.cn\nSubject: x\nContent-Type: multipart/mixed\n\n--broken".utf8)
        var broken = mail("扫描件", text: "")
        broken.problems = [.brokenMultipart]
        broken.attachments = [InboundMail.Part(filename: "../../花名册.pdf", contentType: "application/pdf", data: Array("%PDF-1.4\n".utf8))]
        let intake = try db.takeMail(broken, raw: raw, rules: rules, ctx)
        let files = try db.attachments(of: .item(intake.itemID!))
        #expect(files.map(\.name).last == "message.eml")
        #expect(files.count == 2 && !files[0].name.contains("/") && files[0].type == .pdf)
        #expect(try db.attachmentContent(files[1].id).1 == Data(raw))
        #expect(try db.item(intake.itemID!).description.contains("message.eml"))
    }

    @Test func onlyStaffWhoWriteOrMailUsersTakeMailIn() throws {
        let (db, base) = try makeDatabase()
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), base)
        var ctx = base
        ctx.actor = "postfix"
        let before = try dump(db)
        #expect(throws: StoreError.notPermitted(.notMailUser(user: "postfix"))) {
            try db.takeMail(mail("养老金"), raw: [], rules: rules, ctx)
        }
        ctx.actor = "guest"
        #expect(throws: StoreError.notPermitted(.viewer(user: "guest"))) {
            try db.takeMail(mail("养老金"), raw: [], rules: MailRules(users: ["guest"]), ctx)
        }
        #expect(try dump(db) == before)
        ctx.actor = "postfix"
        let taken = try db.takeMail(mail("养老金"), raw: [], rules: MailRules(users: ["postfix"]), ctx)
        #expect(taken.outcome == .opened)
        // The mail user may do nothing else.
        #expect(throws: StoreError.self) { try db.addCase(sampleCase, at: ctx.now, ctx) }
    }
}
