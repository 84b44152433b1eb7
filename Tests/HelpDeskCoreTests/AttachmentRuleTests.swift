import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Attachment rules")
struct AttachmentRuleTests {
    @Test func theTypeIsReadFromTheContentNotTheName() {
        #expect(AttachmentType.sniff(Data("%PDF-1.7\n".utf8)) == .pdf)
        #expect(AttachmentType.sniff(Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0])) == .png)
        #expect(AttachmentType.sniff(Data([0xFF, 0xD8, 0xFF, 0xE0])) == .jpeg)
        #expect(AttachmentType.sniff(Data("GIF89a..".utf8)) == .gif)
        #expect(AttachmentType.sniff(Data([0x50, 0x4B, 0x03, 0x04, 0x14])) == .zip)
        #expect(AttachmentType.sniff(Data("养老金 pension\n".utf8)) == .text)
        // 养老 in GB18030 (GBK's two-byte part), and a four-byte sequence.
        #expect(AttachmentType.sniff(Data([0xD1, 0xF8, 0xC0, 0xCF, 0x0A])) == .text)
        #expect(AttachmentType.sniff(Data([0x81, 0x30, 0x81, 0x30])) == .text)
        #expect(AttachmentType.sniff(Data()) == .text)
        #expect(AttachmentType.sniff(Data([0x00, 0x01, 0x02])) == .binary)
        #expect(AttachmentType.sniff(Data([0x41, 0xFF])) == .binary)          // neither UTF-8 nor GB18030
        #expect(AttachmentType.sniff(Data([0x25, 0x50, 0x44])) == .text)      // "%PD": too short for PDF
        #expect(AttachmentType.sniff(Data([0xD1])) == .binary)                // a cut GB18030 character
    }

    @Test func textIsDecodedWithoutItsByteOrderMark() {
        #expect(AttachmentText.decode(Data([0xEF, 0xBB, 0xBF] + Array("abc".utf8))) == "abc")
        #expect(AttachmentText.decode(Data("a\u{1B}[31mb".utf8)) == "a\u{1B}[31mb")
        #expect(AttachmentText.decode(Data([0x61, 0x07])) == nil)
        #expect(GB18030.isWellFormed([0xD1, 0xF8]) && !GB18030.isWellFormed([0x81, 0x30, 0x81]))
    }

    @Test func namesAreMadeSafeAndStayReadable() {
        #expect(AttachmentRules.safeName("../../etc/passwd") == "_.._etc_passwd")
        #expect(AttachmentRules.safeName("C:\\scans\\需求签字.pdf") == "C:_scans_需求签字.pdf")
        #expect(AttachmentRules.safeName("invoice\u{202E}fdp.exe") == "invoicefdp.exe")
        #expect(AttachmentRules.safeName("a\u{1B}[2Jb\u{7}.txt") == "a[2Jb.txt")
        #expect(AttachmentRules.safeName("line\nbreak.txt") == "line break.txt")
        #expect(AttachmentRules.safeName(".hidden") == "hidden")
        #expect(AttachmentRules.safeName("..") == "attachment")
        #expect(AttachmentRules.safeName("   ") == "attachment")
        #expect(AttachmentRules.safeName("扫描件 2021.pdf") == "扫描件 2021.pdf")
        let long = AttachmentRules.safeName(String(repeating: "签", count: 200) + ".pdf")
        #expect(long.utf8.count <= 255 && long.hasSuffix(".pdf") && long.hasPrefix("签"))
    }

    @Test func sizesReadForPeople() {
        #expect(AttachmentRules.sizeText(512) == "512 B")
        #expect(AttachmentRules.sizeText(1536) == "1.5 KiB")
        #expect(AttachmentRules.sizeText(20 << 20) == "20.0 MiB")
        #expect(AttachmentRules.bytes(mb: AttachmentRules.defaultLimitMB) == 20_971_520)
    }

    @Test func theHistoryNamesTheEvents() {
        #expect(HistoryEvent.attached.label(.zh) == "添加附件" && HistoryEvent.attachmentErased.label(.en) == "attachment erased")
        #expect(!HistoryEvent.attached.marksCourse && HistoryField.attachment.label(.en) == "attachment")
        #expect(!HistoryField.itemColumns.contains(.attachment))
    }
}
