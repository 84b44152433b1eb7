import Foundation
import Testing
@testable import HelpDeskCore

@Suite("Terminal text")
struct TerminalTextTests {
    @Test func controlsBecomeVisiblePlaceholders() {
        let s = TerminalText.sanitize("a\u{1B}[31mb\u{07}\u{7F}\u{9B}c\u{202E}d\nq\t")
        #expect(s == "a␛[31mb␇␡�c�d␊q␉")
        #expect(!s.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test func newlinesCanBeKept() {
        #expect(TerminalText.sanitize("a\r\nb\tc", keepNewlines: true) == "a\nb c")
    }

    @Test func widthCountsCJKAsTwoColumns() {
        #expect(TerminalText.width("西宁市") == 6)
        #expect(TerminalText.width("CASE队列") == 8)
        #expect(TerminalText.width("ａ") == 2)          // fullwidth Latin
        #expect(TerminalText.width("e\u{301}") == 1)    // combining accent
        #expect(TerminalText.width("…") == 1)           // ambiguous: one column, as glibc
    }

    @Test func aClusterIsMeasuredWhole() {
        let w = { (c: Character) in TerminalText.width(c) }
        #expect(w("ཀྲ") == 1)                        // KA with subjoined RA
        #expect(w("ཧཱུྃ") == 1)                        // HA, AA, U, anusvara
        #expect(w("ཀཿ") == 2)                        // rnam bcad is a spacing mark: glibc gives it a column
        #expect(w("e\u{301}\u{323}") == 1)
        #expect(w("가") == 2)
        #expect(w("ᄀ\u{1161}") == 2)                  // conjoining jamo: the vowel joins the syllable
        #expect(w("👍") == 2)
        #expect(w("👍🏽") == 2)                         // skin-tone modifier
        #expect(w("👨\u{200D}👩\u{200D}👧") == 2)        // ZWJ sequence
        #expect(w("❤\u{FE0F}") == 2)                   // VS16: emoji presentation
        #expect(w("❤") == 1)
        #expect(w("🇨🇳") == 2)                         // two regional indicators, one column each
        #expect(TerminalText.width("བཀྲ་ཤིས་བདེ་ལེགས") == 12)
        #expect(TerminalText.width("བཀྲ་ཤིས་བདེ་ལེགས 扎西德勒咨询") == 25)
    }

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TerminalText.truncate("养老保险待遇", to: 5) == "养老…")
        #expect(TerminalText.truncate("养老保险待遇", to: 6, ellipsis: false) == "养老保")
        #expect(TerminalText.truncate("养老保险待遇", to: 5, ellipsis: false) == "养老")
        #expect(TerminalText.fit("西宁", 6) == "西宁  ")
        #expect(TerminalText.fit("ab", 4, alignRight: true) == "  ab")
    }

    @Test func truncationNeverSplitsACluster() {
        #expect(TerminalText.truncate("བཀྲ་ཤིས་བདེ་ལེགས", to: 4) == "བཀྲ་…")
        #expect(TerminalText.truncate("བཀྲ་ཤིས་བདེ་ལེགས", to: 2, ellipsis: false) == "བཀྲ")
        #expect(TerminalText.fit("བཀྲ་ཤིས་", 8) == "བཀྲ་ཤིས་  ")
        #expect(TerminalText.fit("Cafe\u{301}", 6, alignRight: true) == "  Cafe\u{301}")
        #expect(TerminalText.truncate("好👍🏽好", to: 4, ellipsis: false) == "好👍🏽")
        #expect(TerminalText.truncate("好👍🏽好", to: 3, ellipsis: false) == "好")
        #expect(TerminalText.fit("👨\u{200D}👩\u{200D}👧x", 4) == "👨\u{200D}👩\u{200D}👧x ")
    }

    @Test func aZeroWidthJoinerIsKeptOnlyInsideAnEmojiSequence() {
        #expect(TerminalText.sanitize("👨\u{200D}👩") == "👨\u{200D}👩")
        #expect(TerminalText.sanitize("a\u{200D}b") == "a\u{FFFD}b")
        #expect(TerminalText.sanitize("a\u{2028}b") == "a\u{FFFD}b")   // a line separator never breaks a row
    }
}

/// The width function against the C library's `wcwidth` under C.UTF-8: what ncurses measures with,
/// and what the terminal tmux and most others lay out.
@Suite("Width agrees with wcwidth")
struct WidthAgreesWithWcwidthTests {
    /// glibc's `wcwidth`, which Swift's Glibc module leaves out (it is an X/Open extension).
    static let wcwidth: @convention(c) (Int32) -> Int32 = {
        guard let symbol = dlsym(nil, "wcwidth") else { fatalError("no wcwidth in the C library") }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
    }()

    init() throws {
        try #require(setlocale(LC_CTYPE, "C.UTF-8") != nil, "the C.UTF-8 locale is missing")
    }

    /// Scalars glibc does not measure (-1) or measures otherwise, each for a documented reason.
    func documentedException(_ v: UInt32, ours: Int, libc: Int) -> Bool {
        // Controls: sanitize draws them as one-column placeholders (␛, ␡, …).
        if v < 0x20 || (0x7F...0x9F).contains(v) { return ours == 1 }
        // Unknown to this glibc (unassigned in its Unicode 14): measured like their neighbours.
        if libc < 0 { return ours >= 0 && ours <= 2 }
        // Changed category after Unicode 14: AHOM CONSONANT SIGN MEDIAL RA became a spacing mark
        // (Mn → Mc) in Unicode 15; Swift's tables are newer than glibc 2.36's.
        if v == 0x1171E { return ours == 1 && libc == 0 }
        return false
    }

    func compare(_ scalars: some Sequence<UInt32>) -> [String] {
        var mismatches: [String] = []
        for v in scalars {
            guard let scalar = Unicode.Scalar(v) else { continue }
            let ours = TerminalText.width(Character(scalar))
            let libc = Int(Self.wcwidth(Int32(bitPattern: v)))
            if ours != libc && !documentedException(v, ours: ours, libc: libc) {
                mismatches.append(String(format: "U+%04X ours %d, wcwidth %d", v, ours, libc))
            }
        }
        return mismatches
    }

    @Test func everyTibetanScalar() {
        #expect(compare(0x0F00...0x0FFF) == [])
        // The vowel signs and subjoined letters named in the requirement are zero width.
        for v in UInt32(0x0F71)...0x0FBC where Unicode.Scalar(v)!.properties.generalCategory == .nonspacingMark {
            #expect(TerminalText.width(Character(Unicode.Scalar(v)!)) == 0, "\(v)")
        }
    }

    @Test func cjkSamples() {
        let samples: [ClosedRange<UInt32>] = [
            0x3000...0x303F, 0x3040...0x30FF, 0x3400...0x3420, 0x4E00...0x4E80, 0x9F80...0x9FFF, 0xAC00...0xAC20,
            0xF900...0xF920, 0xFF00...0xFFEF, 0x20000...0x20020, 0x2A6D0...0x2A6E0, 0x1100...0x11FF,
        ]
        #expect(samples.flatMap { compare($0) } == [])
    }

    @Test func combiningMarks() {
        let marks: [ClosedRange<UInt32>] = [0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F]
        #expect(marks.flatMap { compare($0) } == [])
    }

    @Test func everyScalarOutsideThePrivateUsePlanes() {
        // Latin to emoji to CJK extensions: one table, no drift.
        let mismatches = compare(0...0xEFFFF)
        #expect(mismatches.isEmpty, "\(mismatches.prefix(40))")
    }
}

@Suite("Strings and language")
struct StringsTests {
    @Test func languageFollowsTheLocaleVariables() {
        #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8"]) == .zh)
        #expect(Language.from(environment: ["LANG": "zh_CN.UTF-8", "LC_ALL": "C"]) == .en)
        #expect(Language.from(environment: ["LANG": "en_US.UTF-8", "LC_MESSAGES": "zh_TW"]) == .zh)
        #expect(Language.from(environment: [:]) == .en)
    }

    @Test func regionsByChineseNameOrPinyin() {
        #expect(Region.parse("西宁市") == .xining)
        #expect(Region.parse("西宁") == .xining)
        #expect(Region.parse("Haixi") == .haixi)
        #expect(Region.parse("省直属") == .shengzhishu)
        #expect(Region.parse("北京") == nil)
    }
}

@Suite("Wrapping text to a width")
struct WrapTests {
    @Test func chineseBreaksAnywhereAndWideCharactersStayWhole() {
        #expect(TerminalText.wrap("养老金测算结果不一致", to: 8) == ["养老金测", "算结果不", "一致"])
        #expect(TerminalText.wrap("a养b", to: 2) == ["a", "养", "b"])
        #expect(TerminalText.wrap("短", to: 10) == ["短"])
        #expect(TerminalText.wrap("", to: 10) == [""])
    }

    @Test func latinWordsMoveToTheNextLineWhole() {
        #expect(TerminalText.wrap("hello world again", to: 11) == ["hello world", "again"])
        #expect(TerminalText.wrap("the solution was applied", to: 10) == ["the", "solution", "was", "applied"])
        // A word longer than the line is cut where it must.
        #expect(TerminalText.wrap("abcdefghij", to: 4) == ["abcd", "efgh", "ij"])
    }

    @Test func noLineIsWiderThanAsked() {
        let samples = ["导出Excel报表中文乱码 export fails on 2021-11-23", "བོད་ཡིག་ 藏文 mixed text 👍🏽 emoji", "a b c d e f g h"]
        for text in samples {
            for columns in 2...14 {
                let lines = TerminalText.wrap(text, to: columns)
                #expect(lines.allSatisfy { TerminalText.width($0) <= columns }, "\(text) at \(columns): \(lines)")
                #expect(lines.joined().filter { $0 != " " } == text.filter { $0 != " " }, "nothing lost: \(lines)")
            }
        }
    }
}
