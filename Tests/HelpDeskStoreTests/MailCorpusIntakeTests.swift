import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskMail
@testable import HelpDeskStore

/// The mail module's committed corpus (its `expected.json` says what each message reads as), taken
/// in by the store, each message into a fresh database: the ticket it makes.
@Suite("The mail corpus taken in as tickets")
struct MailCorpusIntakeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("HelpDeskMailTests/Corpus")

    static func expected() throws -> [(String, [String: Any])] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]).sorted { $0.key < $1.key }
    }

    static func raw(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: folder.appendingPathComponent(name))) }

    @Test func everyMessageMakesTheTicketItShould() throws {
        let corpus = try Self.expected()
        #expect(corpus.count >= 40)
        for (file, want) in corpus {
            let (db, ctx) = try makeDatabase()
            let raw = try Self.raw(file)
            let mail = MailParser.parse(raw)
            let intake = try db.takeMail(mail, raw: raw, rules: MailRules(), ctx)
            if want["isAutomatic"] as? Bool == true {
                #expect(intake.outcome == .recorded && intake.itemID == nil, "\(file)")
                #expect(try db.items(ItemFilter()).isEmpty, "\(file)")
                #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM notification") } == 0, "\(file)")
                continue
            }
            #expect(intake.outcome == .opened, "\(file)")
            let id = try #require(intake.itemID, "\(file)")
            let item = try db.item(id)
            let subject = try #require(want["subject"] as? String)
            #expect(item.title == MailRules.title(subject: subject, text: mail.text), "\(file): \(item.title)")
            #expect(item.kind == .general && item.channel == .email, "\(file)")
            let from = try #require(want["from"] as? String)
            #expect(try db.requestersOfItem(id).map(\.email) == [from], "\(file)")
            // Its parts, and the whole message when nothing of it could be read.
            let problems = want["problems"] as? [String] ?? []
            let unreadable = problems.contains("noText") || problems.contains("brokenMultipart")
            let parts = try #require(want["attachments"] as? [[String: Any]]).count
            let stored = try db.attachments(of: .item(id))
            #expect(stored.count == parts + (unreadable ? 1 : 0), "\(file): \(stored.map(\.name))")
            if unreadable { #expect(stored.last?.name == "message.eml", "\(file)") }
            // The requester is told, in answer to their message.
            let notice = try db.read { try String.fetchOne($0, sql: "SELECT payload FROM notification WHERE kind = 'requester'") }
            let json = try #require(notice.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any] }, "\(file)")
            #expect(json["in_reply_to"] as? String == mail.messageID.map { "<\($0)>" }, "\(file)")
        }
    }

    @Test func aReplyThreadsWhenItsTargetExists() throws {
        let raw = try Self.raw("23-reply-ticket-number.eml")
        let mail = MailParser.parse(raw)
        // By its tag: ticket #123.
        let (db, ctx) = try makeDatabase()
        for _ in 1...123 { _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx) }
        let tagged = try db.takeMail(mail, raw: raw, rules: MailRules(), ctx)
        #expect(tagged.outcome == .added && tagged.itemID == 123)
        #expect(try db.timeline(of: 123).last?.text.contains("补充材料已上传") == true)
        // By the notice it answers, when no ticket has its tag.
        let (other, ctx2) = try makeDatabase()
        let first = MailParser.parse(try Self.raw("02-gbk-base64.eml"))
        let target = try #require(try other.takeMail(first, raw: [], rules: MailRules(), ctx2).itemID)
        try other.writer.write {
            try $0.execute(sql: "UPDATE notification SET message_id = '<notice.123.4@helpdesk.example.cn>' WHERE item_id = ?",
                           arguments: [target])
            #expect($0.changesCount == 1)
        }
        let threaded = try other.takeMail(mail, raw: raw, rules: MailRules(), ctx2)
        #expect(threaded.outcome == .added && threaded.itemID == target)
        // Without either, a new ticket.
        let (fresh, ctx3) = try makeDatabase()
        #expect(try fresh.takeMail(mail, raw: raw, rules: MailRules(), ctx3).outcome == .opened)
    }
}
