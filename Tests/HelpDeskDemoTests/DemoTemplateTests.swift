import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

/// The demo's canned answers: a handful of the desk's replies and notes, some in both languages,
/// each filled for a demo ticket with nothing left over; a second fill adds none.
@Suite("Demo templates")
struct DemoTemplateTests {
    @Test func theDemoHasTheDesksTemplatesFilledForItsTickets() throws {
        let (db, _) = try makeDatabase()
        let ctx = Context(actor: "zhaolei", now: t("2026-11-20T10:00:00+08:00"))
        try db.fillDemo(DemoData(seed: 7), items: 40, days: 20, ctx)
        let all = try db.templates()
        #expect(all.count >= 5)
        #expect(Set(all.map(\.title)).isSuperset(of: ["跨地区转移接续业务办理流程", "月度对账单金额与财政拨款不符", "密码重置"]))
        #expect(all.contains { $0.languages == [.zh, .en] })
        #expect(all.contains { $0.use == .note })
        // Filled for a ticket of the directory's 卓玛: everything the templates ask for is there.
        let zhuoma = try #require(try db.requester(named: "卓玛", office: "西宁市社保局"))
        let ticket = try #require(try db.itemsOfRequester(zhuoma.id!).first { $0.status != .closed && $0.status != .merged && $0.dueAt != nil })
        for template in all {
            for lang in template.languages {
                let filled = try db.fillTemplate(template.id!, for: ticket.id!, use: template.use, language: lang, now: ctx.now)
                #expect(filled.unfilled.isEmpty, "\(template.title) [\(lang)]: \(filled.unfilled)")
                #expect(!filled.text.contains("{{") && filled.language == lang, "\(filled.text)")
                if (template.body(in: lang) ?? "").contains("{{工单号}}") { #expect(filled.text.contains("#\(ticket.id!)")) }
            }
        }
        try db.fillDemo(DemoData(seed: 8), items: 10, days: 5, ctx)
        #expect(try db.templates().count == all.count)
    }
}
