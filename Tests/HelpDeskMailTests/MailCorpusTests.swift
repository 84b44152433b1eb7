import Foundation
import Testing
@testable import HelpDeskMail

/// The committed corpus (`Corpus/`, written by `make_corpus.py`): every message read as `expected.json` says.
@Suite struct MailCorpusTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Corpus")

    static func expected() throws -> [String: [String: Any]] {
        let data = try Data(contentsOf: folder.appendingPathComponent("expected.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: [String: Any]])
    }

    static func message(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: folder.appendingPathComponent(name)))
    }

    static func name(_ problem: InboundMail.Problem) -> String {
        switch problem {
        case .unknownCharset(let label): "unknownCharset:\(label)"
        case .brokenMultipart: "brokenMultipart"
        case .badHeader: "badHeader"
        case .badEncoding: "badEncoding"
        case .noText: "noText"
        }
    }

    @Test func theCorpusHasEveryCase() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.folder.path).filter { $0.hasSuffix(".eml") }
        #expect(files.count >= 40)
        #expect(Set(files) == Set(try Self.expected().keys))
    }

    @Test func everyMessageReadsAsExpected() throws {
        for (file, want) in try Self.expected().sorted(by: { $0.key < $1.key }) {
            let mail = MailParser.parse(try Self.message(file))
            #expect(mail.subject == want["subject"] as? String, "\(file)")
            #expect(mail.from?.address == want["from"] as? String, "\(file)")
            let piece = try #require(want["text"] as? String)
            if piece.isEmpty {
                #expect(mail.text.isEmpty, "\(file): \(mail.text)")
            } else {
                #expect(mail.text.contains(piece), "\(file): \(mail.text)")
            }
            let attachments = try #require(want["attachments"] as? [[String: Any]])
            #expect(mail.attachments.map { $0.filename } == attachments.map { $0["name"] as? String }, "\(file)")
            #expect(mail.attachments.map(\.contentType) == attachments.map { $0["type"] as? String ?? "" }, "\(file)")
            #expect(mail.isAutomatic == want["isAutomatic"] as? Bool, "\(file)")
            #expect(mail.problems.map(Self.name) == want["problems"] as? [String], "\(file)")
        }
    }

    @Test func attachmentsKeepTheirDecodedBytes() throws {
        let nested = MailParser.parse(try Self.message("12-mixed-related-alternative.eml"))
        #expect(nested.attachments.first?.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(nested.attachments.last.map { String(decoding: $0.data, as: UTF8.self) }?.hasPrefix("%PDF-1.4") == true)
        // Bad base64 is kept as it came.
        let bad = MailParser.parse(try Self.message("31-bad-base64.eml"))
        #expect(bad.attachments.first.map { String(decoding: $0.data, as: UTF8.self) } == "JVBE*!!not base64")
        // The cut part keeps what arrived of it.
        let cut = MailParser.parse(try Self.message("25-truncated-multipart.eml"))
        #expect((cut.attachments.first?.data.count ?? 0) > 100)
        // The HTML made plain.
        let html = MailParser.parse(try Self.message("09-html-only.eml"))
        #expect(html.text == "第一段 内容\n第二段 & <标记> 中文\n一\n二\n行一\n行二")
        #expect(!html.text.contains("alert"))
        #expect(!html.text.contains("color"))
        // The reply's thread.
        let reply = MailParser.parse(try Self.message("23-reply-ticket-number.eml"))
        #expect(reply.replyTo == ["notice.123.4@helpdesk.example.cn", "notice.123.1@helpdesk.example.cn"])
        // Display names decoded.
        let named = MailParser.parse(try Self.message("36-display-name-gbk.eml"))
        #expect(named.from == InboundMail.Address(name: "卓玛 才让", address: "zhuoma@qh.example.cn"))
        let raw = MailParser.parse(try Self.message("29-8bit-header-gbk.eml"))
        #expect(raw.from?.name == "卓玛")
    }
}
