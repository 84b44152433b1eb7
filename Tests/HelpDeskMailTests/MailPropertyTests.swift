import Foundation
import Glibc
import PropertyBased
import Testing
@testable import HelpDeskMail

/// Text in a charset, for the encoders below (the parser only decodes).
func encoded(_ text: String, in charset: String) -> [UInt8] {
    if charset == "UTF-8" { return Array(text.utf8) }
    let cd = iconv_open(charset, "UTF-8")
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 4 + 8)
    let written = input.withUnsafeMutableBufferPointer { inBuffer in
        output.withUnsafeMutableBufferPointer { outBuffer -> Int in
            var inPointer = UnsafeMutableRawPointer(inBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var outPointer = UnsafeMutableRawPointer(outBuffer.baseAddress).map { $0.assumingMemoryBound(to: CChar.self) }
            var inLeft = inBuffer.count
            var outLeft = outBuffer.count
            _ = iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
            return outBuffer.count - outLeft
        }
    }
    return Array(output[0..<written])
}

/// Quoted-printable as an encoder writes it: `=XX` in either case, soft breaks within 76 columns.
func quotedPrintableEncoded(_ bytes: [UInt8], lowerCase: Bool) -> [UInt8] {
    var out: [UInt8] = []
    var column = 0
    for byte in bytes {
        let piece: [UInt8]
        if (0x21...0x7E).contains(byte), byte != UInt8(ascii: "=") {
            piece = [byte]
        } else {
            let hex = String(format: lowerCase ? "=%02x" : "=%02X", byte)
            piece = Array(hex.utf8)
        }
        if column + piece.count > 75 { out += Array("=\r\n".utf8); column = 0 }
        out += piece
        column += piece.count
    }
    return out
}

@Suite struct MailPropertyTests {
    static let alphabet: [Character] = Array("aZ09 =?_-:\"<>中文养老保险青海𠀀é€")
    static let texts = Gen<Character?>.element(of: alphabet).compactMap { $0 }.array(of: 0...40).map { String($0) }
    static let bytes = Gen<UInt8>.value(in: 0...255).array(of: 0...300)

    @Test func base64DecodesWhatAnEncoderMade() async {
        await propertyCheck(count: 300, input: Self.bytes, Gen.bool, Gen.bool) { (bytes, padded, lines) throws in
            var text = Data(bytes).base64EncodedString(options: lines ? [.lineLength64Characters, .endLineWithLineFeed] : [])
            if !padded { while text.hasSuffix("=") { text.removeLast() } }
            #expect(TransferEncodings.base64(Array(text.utf8)) == bytes)
        }
    }

    @Test func quotedPrintableDecodesWhatAnEncoderMade() async {
        await propertyCheck(count: 300, input: Self.bytes, Gen.bool) { (bytes, lower) throws in
            #expect(TransferEncodings.quotedPrintable(quotedPrintableEncoded(bytes, lowerCase: lower)) == bytes)
        }
    }

    @Test func encodedWordsDecodeToWhatWasEncoded() async {
        let charsets = Gen<String?>.element(of: ["UTF-8", "GB18030", "utf-8"]).compactMap { $0 }
        await propertyCheck(count: 300, input: Self.texts, charsets, Gen.bool, Gen.int(in: 1...12)) { (text, charset, useB, size) throws in
            let bytes = encoded(text, in: charset.uppercased())
            // Cut into words of `size` bytes (a character may fall across two), folded as a client folds them.
            var words: [String] = []
            var start = 0
            repeat {
                let piece = Array(bytes[start..<min(bytes.count, start + size)])
                let body = useB ? Data(piece).base64EncodedString()
                    : String(decoding: piece.flatMap { byte -> [UInt8] in
                        if byte == 0x20 { return [UInt8(ascii: "_")] }
                        if (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) { return [byte] }
                        return Array(String(format: "=%02X", byte).utf8)
                    }, as: UTF8.self)
                words.append("=?\(charset)?\(useB ? "B" : "q")?\(body)?=")
                start += size
            } while start < bytes.count
            var unknown: [String] = []
            #expect(HeaderWords.decode(words.joined(separator: " "), unknown: &unknown) == text)
            #expect(unknown.isEmpty)
        }
    }

    static let corpus: [[UInt8]] = {
        let folder = MailCorpusTests.folder
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path))?.filter { $0.hasSuffix(".eml") }.sorted() ?? []
        return files.compactMap { try? Array(Data(contentsOf: folder.appendingPathComponent($0))) }
    }()

    @Test func anyTruncationOrByteFlipIsRead() async {
        #expect(Self.corpus.count >= 40)
        let cases = zip(Gen.int(in: 0...10_000), Gen.int(in: 0...1_000_000), Gen<UInt8>.value(in: 0...255), Gen.bool)
        await propertyCheck(count: 400, input: cases) { (which, at, byte, cut) throws in
            var message = Self.corpus[which % Self.corpus.count]
            if cut {
                message = Array(message.prefix(at % (message.count + 1)))
            } else if !message.isEmpty {
                message[at % message.count] = byte
            }
            let mail = MailParser.parse(message)
            #expect(mail.size == message.count)
            if mail.problems.contains(.noText) { #expect(mail.text.isEmpty) }
            #expect(Set(mail.problems.map { "\($0)" }).count == mail.problems.count)
        }
    }
}

@Suite struct MailRobustnessTests {
    @Test func aHeaderLineOfAMegabyte() {
        let words = String(repeating: "=?UTF-8?B?5Lit?= ", count: 60_000)
        let mail = MailParser.parse(Array("From: a@b.cn\r\nSubject: \(words)\r\nX-Long: \(String(repeating: "x", count: 1_000_000))\r\n\r\nbody\r\n".utf8))
        #expect(mail.subject == String(repeating: "中", count: 60_000))
        #expect(mail.text == "body\n")
        #expect(mail.problems == [.badHeader])
    }

    @Test func aMessageOfThirtyMegabytes() {
        let block = (0..<251).map { UInt8(truncatingIfNeeded: $0 &* 97 &+ 13) }
        var payload: [UInt8] = []
        payload.reserveCapacity(22 * 1024 * 1024)
        while payload.count < 22 * 1024 * 1024 { payload += block }
        let encoded = Data(payload).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let message = "From: a@b.cn\r\nSubject: big\r\nContent-Type: multipart/mixed; boundary=\"xx\"\r\n\r\n--xx\r\n"
            + "Content-Type: text/plain; charset=utf-8\r\n\r\n大附件\r\n--xx\r\nContent-Type: application/octet-stream; name=big.bin\r\n"
            + "Content-Transfer-Encoding: base64\r\n\r\n" + encoded + "\r\n--xx--\r\n"
        let raw = Array(message.utf8)
        #expect(raw.count > 30_000_000)
        let mail = MailParser.parse(raw)
        #expect(mail.text == "大附件")
        #expect(mail.attachments.count == 1)
        #expect(mail.attachments.first?.data == payload)
        #expect(mail.problems.isEmpty)
    }

    @Test func aCutMultipartKeepsWhatArrived() {
        let message = "From: a@b.cn\nContent-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nfirst\n--b\n"
            + "Content-Type: image/png; name=a.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgoAAAANSUh"
        let mail = MailParser.parse(Array(message.utf8))
        #expect(mail.text == "first")
        #expect(mail.attachments.map(\.filename) == ["a.png"])
        #expect(mail.attachments.first?.data.prefix(4) == [0x89, 0x50, 0x4E, 0x47])
        #expect(mail.problems == [.brokenMultipart])
        // Cut inside a part's headers.
        let headers = MailParser.parse(Array("Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nx\n--b\nContent-Ty".utf8))
        #expect(headers.text == "x")
        #expect(headers.problems == [.badHeader, .brokenMultipart])
        // No delimiter line at all: the body is read as text.
        let none = MailParser.parse(Array("Content-Type: multipart/mixed; boundary=b\n\njust text".utf8))
        #expect(none.text == "just text")
        #expect(none.problems == [.brokenMultipart])
        // No boundary and nothing that looks like one.
        let missing = MailParser.parse(Array("Content-Type: multipart/alternative\n\njust text".utf8))
        #expect(missing.text == "just text")
        #expect(missing.problems == [.brokenMultipart])
    }

    @Test func aPartWithNoBodyOrNoHeaders() {
        let message = "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n\r\nno headers\r\n--b\r\nContent-Type: image/png\r\n\r\n--b--\r\n"
        let mail = MailParser.parse(Array(message.utf8))
        #expect(mail.text == "no headers")
        #expect(mail.attachments == [InboundMail.Part(filename: nil, contentType: "image/png", data: [])])
        #expect(mail.problems.isEmpty)
    }

    @Test func eightBitHeaderBytes() {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
        let mail = MailParser.parse(Array("Subject: ".utf8) + gbk + Array("\r\nFrom: a@b.cn\r\n\r\nx".utf8))
        #expect(mail.subject == "中文")
        #expect(mail.problems == [.badHeader])
        let utf8 = MailParser.parse(Array("Subject: 中文\r\n\r\nx".utf8))
        #expect(utf8.subject == "中文")
        #expect(utf8.problems.isEmpty)
    }

    @Test func noTextPart() {
        let mail = MailParser.parse(Array("Content-Type: image/png; name=a.png\nContent-Transfer-Encoding: base64\n\niVBORw0KGgo=".utf8))
        #expect(mail.text == "")
        #expect(mail.problems == [.noText])
        #expect(mail.attachments.map(\.contentType) == ["image/png"])
        // An empty message is an empty text.
        #expect(MailParser.parse([]) == InboundMail(size: 0))
    }
}
