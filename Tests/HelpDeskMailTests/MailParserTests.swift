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

    /// procmail, fetchmail's --mda and postfix's pipe (flag F) hand the message with its mbox
    /// envelope line first: it is not a header field, and the header is read whole after it.
    @Test func theEnvelopeLineIsNotAField() {
        let mail = MailParser.parse(Array("From zhuoma@example.cn Mon Dec  7 01:10:00 2026\n".utf8) + message)
        #expect(mail.messageID == "abc.1@example.cn" && mail.subject == "无法登录" && mail.problems == [])
        #expect(mail.from?.address == "zhuoma@example.cn")
        // Only at the very start: a header line with a space in its name is a bad header line.
        let late = MailParser.parse(Array("Subject: x\nFrom a@b.cn Mon Dec  7 01:10:00 2026\nFrom: a@b.cn\n\nbody".utf8))
        #expect(late.problems == [.badHeader] && late.from?.address == "a@b.cn")
        // Spaces before the colon are the obsolete syntax, still read.
        #expect(MailParser.parse(Array("Subject : old\nFrom: a@b.cn\n\nbody".utf8)).subject == "old")
    }
}
