import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Mail taken in: the rules of one message")
struct MailRuleTests {
    @Test func theTicketTagIsTheFirstWellFormedOne() {
        #expect(MailRules.ticketTag(in: "Re: [#42] 缴费基数") == 42)
        #expect(MailRules.ticketTag(in: "[#] [#x1] Re: [#7] and [#8]") == 7)
        #expect(MailRules.ticketTag(in: "#42 without brackets") == nil)
        #expect(MailRules.ticketTag(in: "[#0]") == nil)
        #expect(MailRules.ticketTag(in: "[#12") == nil)
        #expect(MailRules.ticketTag(in: "[#99999999999999999999]") == nil)
        #expect(MailRules.ticketTag(in: "") == nil)
    }

    @Test func theReceivedTimeIsTheMailSystemsThenATrustedDateThenNow() {
        let now = t("2021-11-23T16:00:00+08:00")
        let received = t("2021-11-23T15:58:00+08:00")
        let date = t("2021-11-23T09:00:00+08:00")
        #expect(MailRules.receivedAt(received: received, date: date, now: now) == (received, .received))
        // Received in the future (a clock ahead): not taken.
        #expect(MailRules.receivedAt(received: now.addingTimeInterval(60), date: date, now: now) == (date, .date))
        #expect(MailRules.receivedAt(received: nil, date: date, now: now) == (date, .date))
        // Date: a day old at most, never in the future.
        let dayAgo = now.addingTimeInterval(-86_400)
        #expect(MailRules.receivedAt(received: nil, date: dayAgo, now: now) == (dayAgo, .date))
        #expect(MailRules.receivedAt(received: nil, date: dayAgo.addingTimeInterval(-1), now: now) == (now, .now))
        #expect(MailRules.receivedAt(received: nil, date: now.addingTimeInterval(1), now: now) == (now, .now))
        #expect(MailRules.receivedAt(received: nil, date: nil, now: now) == (now, .now))
    }

    @Test func anAnswerReopensWithinTheWorkingDaysAfterClosing() {
        let calendar = Fixtures.calendar()
        // Closed Tuesday 23 November 2021: five working days run to Tuesday 30.
        let closed = t("2021-11-23T17:00:00+08:00")
        #expect(MailRules.reopens(closedAt: closed, at: t("2021-11-23T17:30:00+08:00"), days: 5, calendar: calendar))
        #expect(MailRules.reopens(closedAt: closed, at: t("2021-11-30T23:59:00+08:00"), days: 5, calendar: calendar))
        #expect(!MailRules.reopens(closedAt: closed, at: t("2021-12-01T08:00:00+08:00"), days: 5, calendar: calendar))
        #expect(!MailRules.reopens(closedAt: closed, at: t("2021-11-24T08:00:00+08:00"), days: 0, calendar: calendar))
        #expect(MailRules.reopens(closedAt: closed, at: t("2021-11-23T23:00:00+08:00"), days: 0, calendar: calendar))
        // Across the National Day holiday, with Saturday 9 October a make-up working day:
        // closed Thursday 30 September, the fifth working day is Wednesday 13 October.
        let beforeHoliday = t("2021-09-30T17:00:00+08:00")
        #expect(MailRules.reopens(closedAt: beforeHoliday, at: t("2021-10-13T10:00:00+08:00"), days: 5, calendar: calendar))
        #expect(!MailRules.reopens(closedAt: beforeHoliday, at: t("2021-10-14T10:00:00+08:00"), days: 5, calendar: calendar))
    }

    @Test func refusedSendersAreAddressesOrDomains() throws {
        let list = try #require(MailRules.refuseList(" Spam@Example.com, @junk.example ,, "))
        #expect(list == ["spam@example.com", "@junk.example"])
        let rules = MailRules(refuse: list)
        #expect(rules.refuses("spam@example.com") && rules.refuses("SPAM@example.com"))
        #expect(rules.refuses("anyone@junk.example"))
        #expect(!rules.refuses("ham@example.com") && !rules.refuses("a@sub.junk.example"))
        #expect(MailRules.refuseList("") == [])
        #expect(MailRules.refuseList("not an address") == nil)
        #expect(MailRules.refuseList("a@b@c") == nil)
        #expect(MailRules.refuseList("user@") == nil)
    }

    @Test func theTitleIsTheSubjectElseTheFirstLineOneLineAndCut() {
        #expect(MailRules.title(subject: "  缴费基数\t核定 ", text: "正文") == "缴费基数 核定")
        #expect(MailRules.title(subject: "", text: "\n\n  第一行\n第二行") == "第一行")
        #expect(MailRules.title(subject: " ", text: " \n ") == nil)
        let long = String(repeating: "长", count: TextRules.lineLimit + 5)
        #expect(MailRules.title(subject: long, text: "")?.count == TextRules.lineLimit)
    }

    @Test func aTextOverTheLongLimitIsCutOnACharacter() {
        let short = MailRules.fitted("a\0b")
        #expect(short.text == "ab" && !short.cut)
        let long = MailRules.fitted(String(repeating: "养", count: TextRules.longLimit / 3 + 10))
        #expect(long.cut && long.text.utf8.count <= TextRules.longLimit && long.text.allSatisfy { $0 == "养" })
        #expect(TextRules.problem(in: long.text, field: .description) == nil)
    }
}
