import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

@Suite("Reply templates in the store")
struct TemplateStoreTests {
    static let received = t("2021-11-23T10:00:00+08:00")

    static func dump(_ db: AppDatabase) throws -> [String] {
        try db.read { conn in
            try ["item", "history", "timeline_entry", "template", "audit"].flatMap { table in
                try Row.fetchAll(conn, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }

    /// #1 a general case of 王建华 (due Tue 18:00), template #1 (both languages) for replies.
    static func desk() throws -> (AppDatabase, Context) {
        let (db, ctx) = try makeDatabase()
        _ = try db.addCase(sampleCase, at: received, ctx)
        try db.addTemplate(ReplyTemplate(title: "密码重置", bodyZh: "{{请求人}}您好，工单{{工单号}}的密码已重置。",
                                         bodyEn: "Dear {{requester}}, the password of {{ticket}} is reset.", use: .reply), ctx)
        return (db, ctx)
    }

    @Test func aTemplateIsFilledForATicketInTheLanguageAsked() throws {
        let (db, ctx) = try Self.desk()
        let zh = try db.fillTemplate(1, for: 1, use: .reply, language: .zh, now: ctx.now)
        #expect(zh.text == "王建华您好，工单#1的密码已重置。" && zh.unfilled.isEmpty && zh.language == .zh)
        let en = try db.fillTemplate(1, for: 1, use: .reply, language: .en, now: ctx.now)
        #expect(en.text == "Dear 王建华, the password of #1 is reset.")
        try db.reply(1, text: en.text, at: ctx.now, ctx)
        #expect(try db.timeline(of: 1).map(\.text) == [en.text])
    }

    /// A reply or note written from a template names it in the item's history, under the reply's
    /// or the note's event; a template of the other use, or none by that number, is refused and
    /// nothing is written.
    @Test func aReplyOrNoteFromATemplateNamesItInHistory() throws {
        let (db, ctx) = try Self.desk()
        try db.addTemplate(ReplyTemplate(title: "内部：已联系厂商", bodyZh: "已联系厂商", bodyEn: nil, use: .note), ctx)
        let filled = try db.fillTemplate(1, for: 1, use: .reply, language: .zh, now: ctx.now)
        try db.reply(1, text: filled.text, template: 1, at: ctx.now, ctx)
        try db.addNote(1, text: "已联系厂商，等待回复", template: 2, at: ctx.now, ctx)
        let rows = try db.itemWithHistory(1).1.filter { $0.field == .template }.map { "\($0.event.rawValue) \($0.newValue ?? "")" }
        #expect(rows == ["responded #1 密码重置", "noted #2 内部：已联系厂商"])
        let entry = try #require(try db.itemWithHistory(1).1.first { $0.field == .template })
        #expect(HistoryText.change(entry, kind: .general, .zh) == "使用模板: #1 密码重置")

        let before = try Self.dump(db)
        expectInvalid("template 2 is for a note, not for this") { _ = try db.reply(1, text: "好的", template: 2, at: ctx.now, ctx) }
        expectInvalid("there is no template 9") { _ = try db.addNote(1, text: "好的", template: 9, at: ctx.now, ctx) }
        #expect(try Self.dump(db) == before)
    }

    @Test func aReplyOrNoteWithAPlaceholderLeftIsRefusedAndNothingWritten() throws {
        let (db, ctx) = try Self.desk()
        let before = try Self.dump(db)
        expectInvalid("the text still holds placeholders not filled in: {{截止时间}}; replace them before sending") {
            _ = try db.reply(1, text: "请于{{截止时间}}前回复", at: ctx.now, ctx)
        }
        expectInvalid("the text still holds placeholders not filled in: {{x}} {{requester}}; replace them before sending") {
            try db.addNote(1, text: "{{x}} {{requester}} {{x}}", at: ctx.now, ctx)
        }
        #expect(try Self.dump(db) == before)
        // Braces that are no placeholder are text.
        try db.addNote(1, text: "JSON {\"a\": {}} and {{ }}", at: ctx.now, ctx)
    }

    @Test func onlySupervisorsManageTemplatesEveryoneWhoWritesUsesThem() throws {
        let (db, ctx) = try Self.desk()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        let lina = Context(actor: "lina", now: ctx.now)
        let before = try Self.dump(db)
        #expect(throws: StoreError.self) { try db.addTemplate(ReplyTemplate(title: "x", bodyZh: "y", bodyEn: nil, use: .note), lina) }
        #expect(throws: StoreError.self) { try db.editTemplate(1, lina) { $0.title = "z" } }
        #expect(throws: StoreError.self) { try db.retireTemplate(1, lina) }
        #expect(try Self.dump(db) == before)
        let filled = try db.fillTemplate(1, for: 1, use: .reply, language: .zh, now: ctx.now)
        try db.reply(1, text: filled.text, at: ctx.now, lina)
    }

    @Test func editsAreVersionedAndAudited() throws {
        let (db, ctx) = try Self.desk()
        let edited = try db.editTemplate(1, expectedVersion: 1, ctx) { $0.title = "密码重置（社保系统）"; $0.bodyEn = nil }
        #expect(edited.version == 2 && edited.editedBy == "zhaolei" && edited.bodyEn == nil)
        expectInvalid("template 1 was changed meanwhile (now version 2)") { try db.editTemplate(1, expectedVersion: 1, ctx) { $0.title = "a" } }
        expectInvalid("nothing changes") { try db.editTemplate(1, ctx) { $0.title = "密码重置（社保系统）" } }
        expectInvalid("a template needs a text in at least one language (--text or --text-en)") {
            try db.editTemplate(1, ctx) { $0.bodyZh = "  " }
        }
        let audit = try db.read { try String.fetchAll($0, sql: "SELECT what FROM audit WHERE what LIKE 'template%' ORDER BY id") }
        #expect(audit == ["template 1 added (reply): 密码重置", "template 1 title: 密码重置 → 密码重置（社保系统）",
                          "template 1 text en: Dear {{requester}}, the password of {{ticket}} is reset. → "])
    }

    @Test func aRetiredTemplateIsKeptButNeitherListedNorUsed() throws {
        let (db, ctx) = try Self.desk()
        try db.addTemplate(ReplyTemplate(title: "回访记录", bodyZh: "已回访", bodyEn: nil, use: .note), ctx)
        #expect(try db.templates().map(\.id) == [2, 1])
        #expect(try db.templates(use: .note).map(\.id) == [2])
        #expect(try db.templates(language: .en).map(\.id) == [1])
        #expect(try db.templates(search: "密码").map(\.id) == [1])
        try db.retireTemplate(1, ctx)
        #expect(try db.templates().map(\.id) == [2])
        #expect(try db.templates(retired: true).map(\.id) == [2, 1])
        expectInvalid("template 1 is retired") { _ = try db.fillTemplate(1, for: 1, use: .reply, language: .zh, now: ctx.now) }
        expectInvalid("template 1 is retired") { try db.retireTemplate(1, ctx) }
        expectInvalid("template 2 is for a note, not for this") { _ = try db.fillTemplate(2, for: 1, use: .reply, language: .zh, now: ctx.now) }
        expectInvalid("there is no template 9") { _ = try db.fillTemplate(9, for: 1, use: .reply, language: .zh, now: ctx.now) }
    }

    @Test func aTicketWithoutRequesterLeavesThePlaceholderToFill() throws {
        let (db, ctx) = try makeDatabase()
        var c = sampleCase
        c.requesterName = nil
        c.requesterOffice = nil
        _ = try db.addCase(c, at: Self.received, ctx)
        try db.addTemplate(ReplyTemplate(title: "t", bodyZh: "{{请求人}}您好，{{截止时间}}前办结", bodyEn: nil, use: .reply), ctx)
        let filled = try db.fillTemplate(1, for: 1, use: .reply, language: .en, now: ctx.now)
        #expect(filled.language == .zh)
        #expect(filled.unfilled == ["{{请求人}}"])
        #expect(filled.text == "{{请求人}}您好，2021-11-23 周二 18:00前办结")
    }
}
