import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskStore

/// The console's read of templates for the picker: active ones of the form's use, filled for the
/// ticket, the requester's language first.
@Suite("The interpreter reads the templates a form offers")
struct TemplateInterpreterTests {
    static let now = try! TimeInput.parseInstant("2021-11-23T16:00:00+08:00")

    /// #1 of 卓玛 (English preferred in the directory), #2 of 王建华 (not in the directory);
    /// templates: #1 a Chinese reply, #2 a reply in both languages, #3 a note, #4 a retired reply.
    static func desk() throws -> ConsoleInterpreter {
        let db = try AppDatabase.inMemory()
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: now)
        let zhuoma = try db.addRequester(Requester(name: "卓玛", office: "西宁市社保局", region: .xining, language: .en), ctx)
        let received = try TimeInput.parseInstant("2021-11-23T10:00:00+08:00")
        _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "对账单", requesterID: zhuoma.id), at: received, ctx)
        _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "密码", requesterName: "王建华",
                                   requesterOffice: "海东市社保局"), at: received, ctx)
        try db.addTemplate(ReplyTemplate(title: "对账单不符", bodyZh: "{{请求人}}您好，工单{{工单号}}正在核对。", bodyEn: nil, use: .reply), ctx)
        try db.addTemplate(ReplyTemplate(title: "重置密码", bodyZh: "{{请求人}}您好，密码已重置。", bodyEn: "Dear {{requester}}, reset.", use: .reply), ctx)
        try db.addTemplate(ReplyTemplate(title: "回访", bodyZh: "{{今天}}回访", bodyEn: nil, use: .note), ctx)
        try db.addTemplate(ReplyTemplate(title: "旧答复", bodyZh: "旧", bodyEn: nil, use: .reply), ctx)
        try db.retireTemplate(4, ctx)
        return ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite")
    }

    static func choices(_ outcome: Outcome?) -> (TemplateUse, [TemplateChoice])? {
        guard case .loaded(let actions)? = outcome, actions.count == 1, case let .templatesLoaded(use, choices) = actions[0] else { return nil }
        return (use, choices)
    }

    @Test func theRequestersLanguageFirstFilledForTheTicket() throws {
        let i = try Self.desk()
        let (use, found) = try #require(Self.choices(i.load(.loadTemplates(item: 1, use: .reply, desk: .zh), operator: "zhaolei", now: Self.now)))
        #expect(use == .reply)
        #expect(found.map(\.id) == [2, 1])
        #expect(found[0].text == "Dear 卓玛, reset." && found[0].language == .en)
        #expect(found[1].text == "卓玛您好，工单#1正在核对。" && found[1].language == .zh && found[1].unfilled.isEmpty)
    }

    @Test func withoutADirectoryLanguageTheDesksAndNotesApart() throws {
        let i = try Self.desk()
        let (_, zh) = try #require(Self.choices(i.load(.loadTemplates(item: 2, use: .reply, desk: .zh), operator: "zhaolei", now: Self.now)))
        #expect(zh.map(\.title) == ["对账单不符", "重置密码"] && zh[1].text == "王建华您好，密码已重置。")
        let (_, notes) = try #require(Self.choices(i.load(.loadTemplates(item: 2, use: .note, desk: .en), operator: "zhaolei", now: Self.now)))
        #expect(notes.map(\.text) == ["2021-11-23 周二回访"])
    }

    @Test func anUnknownTicketIsAFailedRead() throws {
        let i = try Self.desk()
        guard case .failed? = i.load(.loadTemplates(item: 99, use: .reply, desk: .zh), operator: "zhaolei", now: Self.now) else {
            Issue.record("not refused")
            return
        }
    }
}
