import Foundation
import Testing
@testable import HelpDeskMail

@Suite struct CharsetTests {
    @Test func labelsAndAliases() {
        #expect(Charsets.iconvName("UTF8") == "UTF-8")
        #expect(Charsets.iconvName("x-gbk") == "GB18030")
        #expect(Charsets.iconvName("CP936") == "GB18030")
        #expect(Charsets.iconvName("gb2312") == "GB18030")
        #expect(Charsets.iconvName("\"GBK\"") == "GB18030")
        #expect(Charsets.iconvName("Big5") == "BIG5")
        #expect(Charsets.iconvName("big5_tw") == "BIG5")
        #expect(Charsets.iconvName("iso-8859-15") == "ISO-8859-15")
        #expect(Charsets.iconvName("ISO8859-2") == "ISO-8859-2")
        #expect(Charsets.iconvName("iso-8859-12") == nil)
        #expect(Charsets.iconvName("iso-8859-16") == nil)
        #expect(Charsets.iconvName("Windows-1252") == "WINDOWS-1252")
        #expect(Charsets.iconvName("cp1251") == "WINDOWS-1251")
        #expect(Charsets.iconvName("US-ASCII") == "UTF-8")
        #expect(Charsets.iconvName("klingon") == nil)
        #expect(Charsets.iconvName("") == nil)
    }

    @Test func iconvDecodesEachCharset() {
        // 中文 in GBK, a GB18030 four-byte character, Big5, Latin-1, Windows-1252.
        #expect(Charsets.iconv([0xD6, 0xD0, 0xCE, 0xC4], from: "GB18030", lenient: false) == "中文")
        #expect(Charsets.iconv([0x95, 0x32, 0x82, 0x36], from: "GB18030", lenient: false) == "𠀀")
        #expect(Charsets.iconv([0xA4, 0xA4, 0xA4, 0xE5], from: "BIG5", lenient: false) == "中文")
        #expect(Charsets.iconv([0x63, 0x61, 0x66, 0xE9], from: "ISO-8859-1", lenient: false) == "café")
        #expect(Charsets.iconv([0x80], from: "WINDOWS-1252", lenient: false) == "€")
        #expect(Charsets.iconv([], from: "GB18030", lenient: false) == "")
    }

    @Test func iconvStrictAndLenient() {
        // A GBK lead byte cut short at the end, and one followed by an invalid trail byte.
        #expect(Charsets.iconv([0xD6, 0xD0, 0xCE], from: "GB18030", lenient: false) == nil)
        #expect(Charsets.iconv([0xD6, 0xD0, 0xCE], from: "GB18030", lenient: true) == "中\u{FFFD}")
        #expect(Charsets.iconv([0x41, 0xFF, 0x42], from: "GB18030", lenient: true) == "A\u{FFFD}B")
        #expect(Charsets.iconv([0x41], from: "NO-SUCH-CHARSET", lenient: true) == nil)
        // Longer than one output chunk.
        let long: [UInt8] = (0..<100_000).map { $0 % 2 == 0 ? 0xD6 : 0xD0 }
        #expect(Charsets.iconv(long, from: "GB18030", lenient: false) == String(repeating: "中", count: 50_000))
    }

    @Test func unknownAndMissingLabels() {
        let gbk: [UInt8] = [0xD6, 0xD0, 0xCE, 0xC4]
        #expect(Charsets.decode(gbk, label: "klingon") == ("中文", false))
        #expect(Charsets.decode(Array("中文".utf8), label: "klingon") == ("中文", false))
        #expect(Charsets.decode(gbk, label: nil) == ("中文", true))
        #expect(Charsets.decode(gbk, label: "GB2312") == ("中文", true))
        #expect(Charsets.guess(Array("纯UTF-8".utf8)) == "纯UTF-8")
        #expect(Charsets.guess([0x41, 0x42]) == "AB")
    }
}

@Suite struct TransferEncodingTests {
    @Test func base64() {
        #expect(TransferEncodings.base64(Array("5Lit5paH".utf8)) == Array("中文".utf8))
        #expect(TransferEncodings.base64(Array("5Lit\r\n5paH\n".utf8)) == Array("中文".utf8))
        #expect(TransferEncodings.base64(Array("YQ".utf8)) == Array("a".utf8))
        #expect(TransferEncodings.base64(Array("YWI".utf8)) == Array("ab".utf8))
        #expect(TransferEncodings.base64(Array("YQ==".utf8)) == Array("a".utf8))
        #expect(TransferEncodings.base64(Array("".utf8)) == [])
        #expect(TransferEncodings.base64(Array("Y".utf8)) == nil)
        #expect(TransferEncodings.base64(Array("YQ*=".utf8)) == nil)
        #expect(TransferEncodings.base64(Array("YQ==YQ==".utf8)) == nil)
        #expect(TransferEncodings.decode(Array("YQ".utf8)[...], encoding: "BASE64") == Array("a".utf8))
        #expect(TransferEncodings.decode(Array("=41".utf8)[...], encoding: "7bit") == Array("=41".utf8))
    }

    @Test func quotedPrintable() {
        #expect(TransferEncodings.quotedPrintable(Array("=E4=B8=AD=e6=96=87".utf8)) == Array("中文".utf8))
        #expect(TransferEncodings.quotedPrintable(Array("soft=\r\nbreak=\nhere= \r\n!".utf8)) == Array("softbreakhere!".utf8))
        #expect(TransferEncodings.quotedPrintable(Array("a=3Db =ZZ =4".utf8)) == Array("a=b =ZZ =4".utf8))
        #expect(TransferEncodings.quotedPrintable(Array("end=".utf8)) == Array("end".utf8))
        #expect(TransferEncodings.quotedPrintable(Array("a_b".utf8)) == Array("a_b".utf8))
        #expect(TransferEncodings.quotedPrintable(Array("a_b".utf8), underscoreIsSpace: true) == Array("a b".utf8))
    }
}

@Suite struct HeaderWordTests {
    func decode(_ value: String) -> (String, [String]) {
        var unknown: [String] = []
        let text = HeaderWords.decode(value, unknown: &unknown)
        return (text, unknown)
    }

    @Test func encodedWords() {
        #expect(decode("=?UTF-8?B?5Lit5paH?=").0 == "中文")
        #expect(decode("=?utf-8?q?a_b=E4=B8=AD?=").0 == "a b中")
        #expect(decode("=?GBK?B?1tDOxA==?=").0 == "中文")
        #expect(decode("=?gb2312?B?1tDOxA?=").0 == "中文")
        #expect(decode("=?Big5?B?pKSk5Q==?=").0 == "中文")
        #expect(decode("=?ISO-8859-1?Q?caf=E9?=").0 == "café")
        #expect(decode("=?UTF-8*zh?B?5Lit?=").0 == "中")
        // White space between adjacent words dropped; kept between a word and text.
        #expect(decode("=?UTF-8?B?5Lit?=  \t =?UTF-8?B?5paH?=").0 == "中文")
        #expect(decode("Re: =?UTF-8?B?5Lit?= x =?UTF-8?B?5paH?= end").0 == "Re: 中 x 文 end")
        // A character cut across two words in one charset; two charsets side by side.
        #expect(decode("=?UTF-8?B?5Lg?= =?UTF-8?B?rQ==?=").0 == "中")
        #expect(decode("=?GBK?B?1tA=?= =?UTF-8?B?5paH?=").0 == "中文")
        #expect(decode("no words at all = ? =?").0 == "no words at all = ? =?")
    }

    @Test func malformedWordsStayAsWritten() {
        for value in ["=?UTF-8?B?not*base64?=", "=?UTF-8?X?abc?=", "=?UTF-8?B?5Lit", "=?UTF-8?B?5L it?=", "=??B?5Lit?=",
                      "a =?UTF-8?B?Y?= b"] {
            #expect(decode(value).0 == value)
        }
        #expect(decode("=?x-klingon?B?5Lit?=") == ("中", ["x-klingon"]))
    }

    @Test func parameters() {
        var unknown: [String] = []
        let type = HeaderWords.parameters("Text/Plain; charset=\"GBK\"; format=flowed", unknown: &unknown)
        #expect(type.value == "text/plain")
        #expect(type.parameters == ["charset": "GBK", "format": "flowed"])
        let semicolon = HeaderWords.parameters("attachment; filename=\"a;b \\\"c\\\".txt\"", unknown: &unknown)
        #expect(semicolon.parameters["filename"] == "a;b \"c\".txt")
        let rfc2231 = HeaderWords.parameters("attachment; filename*=UTF-8''%E4%B8%AD%E6%96%87.pdf", unknown: &unknown)
        #expect(rfc2231.parameters["filename"] == "中文.pdf")
        let continued = HeaderWords.parameters(
            "attachment; filename*1*=%CE%C4.doc; filename*0*=gbk'zh'%D6%D0; x*0=a; x*1=b", unknown: &unknown)
        #expect(continued.parameters["filename"] == "中文.doc")
        #expect(continued.parameters["x"] == "ab")
        let broken = HeaderWords.parameters("attachment; filename=\"=?GBK?B?1tDOxC5kb2M=?=\"", unknown: &unknown)
        #expect(broken.parameters["filename"] == "中文.doc")
        #expect(unknown.isEmpty)
        _ = HeaderWords.parameters("attachment; filename*=klingon''%41", unknown: &unknown)
        #expect(unknown == ["klingon"])
    }
}

@Suite struct PlainHTMLTests {
    @Test func tagsBreaksAndEntities() {
        #expect(PlainHTML.text("<p>a</p><p>b</p>") == "a\nb")
        #expect(PlainHTML.text("a<br>b<BR/>c") == "a\nb\nc")
        #expect(PlainHTML.text("<ul><li>x</li><li>y</li></ul>") == "x\ny")
        #expect(PlainHTML.text("<div>a\n   b</div>") == "a b")
        #expect(PlainHTML.text("<SCRIPT>var a = '<p>';</SCRIPT>x<style>p{}</style>y") == "xy")
        #expect(PlainHTML.text("<!-- <p>hidden</p> -->shown") == "shown")
        #expect(PlainHTML.text("&lt;&amp;&gt;&quot;&#20013;&#x6587;&nbsp;&unknown; & ;") == "<&>\"中文 &unknown; & ;")
        #expect(PlainHTML.text("1 < 2 <b>bold</b>") == "1 < 2 bold")
        #expect(PlainHTML.text("<p>unclosed <b") == "unclosed")
        #expect(PlainHTML.text("<script>never closed") == "")
    }
}
