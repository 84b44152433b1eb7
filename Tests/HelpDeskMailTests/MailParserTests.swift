import Foundation
import Testing
@testable import HelpDeskMail

@Suite struct MailParserHeaderTests {
    let message = Array("""
        Received: from mx.example.cn by desk.example.cn; Mon, 7 Dec 2026 09:12:03 +0800\r
        From: "Zhuoma" <Zhuoma@Example.CN>\r
        Subject: =?UTF-8?B?5peg5rOV55m75b2V?=\r
        Message-ID: <abc.1@example.cn>\r
        In-Reply-To: <n.7@desk>\r
        References: <n.6@desk>\r
         <n.7@desk>\r
        Date: Mon, 7 Dec 2026 09:10:00 +0800\r
        \r
        The body.\r

        """.utf8)

    @Test func readsTheHeaderBlock() {
        let mail = MailParser.parse(message)
        #expect(mail.messageID == "abc.1@example.cn")
        #expect(mail.replyTo == ["n.7@desk", "n.6@desk"])
        #expect(mail.from == InboundMail.Address(name: "Zhuoma", address: "zhuoma@example.cn"))
        #expect(mail.receivedAt == Date(timeIntervalSince1970: 1_796_605_923))
        #expect(mail.date == Date(timeIntervalSince1970: 1_796_605_800))
        #expect(mail.text.hasPrefix("The body."))
        #expect(!mail.isAutomatic)
        #expect(mail.size == message.count)
    }

    @Test func automaticMailIsKnown() {
        for header in ["Auto-Submitted: auto-replied", "Precedence: bulk", "X-Autoreply: yes"] {
            #expect(MailParser.parse(Array("\(header)\nFrom: a@b.cn\n\nx".utf8)).isAutomatic, "\(header)")
        }
        #expect(MailParser.parse(Array("From: MAILER-DAEMON@b.cn\n\nx".utf8)).isAutomatic)
        #expect(!MailParser.parse(Array("Auto-Submitted: no\nFrom: a@b.cn\n\nx".utf8)).isAutomatic)
    }
}
