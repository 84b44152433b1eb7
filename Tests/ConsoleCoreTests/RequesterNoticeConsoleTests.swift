import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Notices to requesters in an item's details: in the timeline, in the order they happened, with
/// their delivery; a ticket with notices off says so.
@Suite("Notices to requesters in the console")
struct RequesterNoticeConsoleTests {
    static let reply = TimelineEntry(id: 3, itemId: 101, kind: .reply, at: t("2021-11-22T12:00:00+08:00"), author: "zhangwei",
                                     text: "已核对，按新基数重新测算", recordedAt: now)
    static let notices = [
        RequesterNoticeEntry(id: 7, itemId: 101, createdAt: t("2021-11-22T09:00:00+08:00"),
                             notice: RequesterNotice(itemID: 101, event: .intake, requesterName: "王芳", channel: .email,
                                                     subject: "[#101] 已受理：养老金测算"),
                             attempts: 0, deliveredAt: t("2021-11-22T09:01:00+08:00"), lastError: nil),
        RequesterNoticeEntry(id: 8, itemId: 101, createdAt: t("2021-11-22T12:00:00+08:00"),
                             notice: RequesterNotice(itemID: 101, event: .reply, requesterName: "王芳\u{1B}[2J", channel: .phone,
                                                     subject: "[#101] 答复：养老金测算"),
                             attempts: 2, deliveredAt: nil, lastError: "exit 1"),
    ]

    static func details(_ lang: Language, off: Bool = false) -> ConsoleState {
        var s = Sample.state(width: 120, height: 40, language: lang)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        var facts = ServiceFacts()
        facts.timeline = [reply]
        facts.notices = notices
        facts.noticesOff = off
        _ = s.reduce(.factsLoaded(id: 101, facts))
        return s
    }

    static func scrolledTo(_ text: String, _ state: ConsoleState) -> ScreenBuffer {
        var s = state
        var b = render(s)
        for _ in 0..<30 where b.row(containing: text) == nil {
            _ = s.press(.char("j"))
            b = render(s)
        }
        return b
    }

    @Test func theTimelineShowsEachNoticeInOrderWithItsDeliveryInChinese() throws {
        let b = Self.scrolledTo("（发送失败", Self.details(.zh))
        let intake = try #require(b.row(containing: "[通知] 通知 王芳（电子邮件）：[#101] 已受理：养老金测算（已送达）"))
        let reply = try #require(b.row(containing: "[答复] zhangwei"))
        let failed = try #require(b.row(containing: "（电话）：[#101] 答复：养老金测算（发送失败 2 次，将重试）"))
        #expect(intake < reply && reply < failed, "in the order they happened; a notice after the reply it tells")
        #expect(b.lines[intake].contains("11-22 09:00"))
        #expect(!b.lines.joined().contains("\u{1B}"))
        #expect(b.row(containing: "通知提出人") == nil, "notices on: nothing said")
    }

    @Test func englishAndNoticesOff() throws {
        let b = Self.scrolledTo("will retry", Self.details(.en, off: true))
        #expect(b.row(containing: "[notice] notice to 王芳 by email: [#101] 已受理：养老金测算 (delivered)") != nil)
        #expect(b.row(containing: "failed 2×, will retry") != nil)
        let top = render(Self.details(.en, off: true))
        let off = try #require(top.row(containing: "Requester notices"))
        #expect(top.lines[off].contains("off"))
    }
}
