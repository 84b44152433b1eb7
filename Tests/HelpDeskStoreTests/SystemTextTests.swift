import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

@Suite("What the system writes is stored as codes")
struct SystemTextTests {
    @Test func reasonsNotificationsAndNotesAreStoredLanguageNeutral() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        let fault = try db.addFault(NewFault(level: .two, region: .haidong, title: "记账程序报错"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        let stored = try db.read { conn in
            (try Row.fetchOne(conn, sql: "SELECT reason FROM escalation WHERE item_id = ?", arguments: [fault.id!])!,
             try Row.fetchOne(conn, sql: "SELECT text, message, payload FROM notification")!,
             try Row.fetchAll(conn, sql: "SELECT note, note_code FROM history WHERE item_id = ? ORDER BY id", arguments: [fault.id!]))
        }
        let reason: String = stored.0["reason"]
        #expect(!reason.unicodeScalars.contains { $0.properties.isIdeographic }, "\(reason)")
        #expect(Code.parse(reason)?.code == "escalation_rule")
        #expect((stored.1["text"] as String).isEmpty)
        #expect(Code.parse(stored.1["message"])?.code == "escalation_notice")
        #expect(!(stored.1["payload"] as String).contains("text"), "the event is stored without its sentences")
        #expect(stored.2.allSatisfy { ($0["note"] as String?) == nil })
        #expect(stored.2.compactMap { Code.parse($0["note_code"])?.code } == ["reported", "escalation_rule"])

        let notice = try #require(try db.notices(for: "lina", after: 0).first)
        #expect(notice.text(.en) == "[Level 2 fault · T0] #\(fault.id!) Haidong 记账程序报错. level 2 fault reported: T0 on-site staff. Restore by 2021-11-24 10:00. T0 on-site staff: please handle it and acknowledge at the desk (helpdesk fault ack \(fault.id!)).")
        #expect(notice.text(.zh).hasPrefix("【2级故障·T0】#\(fault.id!) 海东市 记账程序报错。2级故障报告即T0 现场人员。"))
        // The notify command still receives the event of the README, its sentences in Chinese.
        let event = try #require(try db.claimNotifications(now: ctx.now, lease: 60, ctx).first)
        let json = try JSONSerialization.jsonObject(with: Data(event.payload.utf8)) as! [String: Any]
        #expect(json["reason"] as? String == "2级故障报告即T0 现场人员")
        #expect((json["text"] as? String)?.hasPrefix("【2级故障·T0】") == true)
        #expect((json["reason_code"] as? [String: Any])?["percent"] as? Int == 0)
        #expect(Set(json.keys).isSuperset(of: ["event_id", "step_id", "step", "at", "by_rule", "reason", "fault", "people", "text"]))
    }

    @Test func ruleReasonsStoredAsChineseSentencesBeforeAreReadAsCodes() {
        #expect(EscalationReason(stored: "2级故障已过时限的50%未恢复：T1 总部专家远程", byRule: true) == .rule(level: .two, percent: 50, step: .T1))
        #expect(EscalationReason(stored: "1级故障报告即通报用户", byRule: true) == .rule(level: .one, percent: 0, step: .client))
        #expect(EscalationReason(stored: "3级故障已到时限未恢复：主管", byRule: true) == .rule(level: .three, percent: 100, step: .supervisor))
        #expect(EscalationReason(stored: "现场无法解决", byRule: false) == .stated("现场无法解决"))
        let old = HistoryEntry(itemId: 1, at: Date(), recordedAt: Date(), actor: "x", event: .restored, note: "response mode: remote 远程支持")
        #expect(HistoryText.note(old, .en) == "response mode: remote desktop")
    }
}
