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

    @Test func truncationNeverSplitsAWideCharacter() {
        #expect(TerminalText.truncate("养老保险待遇", to: 5) == "养老…")
        #expect(TerminalText.truncate("养老保险待遇", to: 6, ellipsis: false) == "养老保")
        #expect(TerminalText.truncate("养老保险待遇", to: 5, ellipsis: false) == "养老")
        #expect(TerminalText.fit("西宁", 6) == "西宁  ")
        #expect(TerminalText.fit("ab", 4, alignRight: true) == "  ab")
    }
}

@Suite("Strings and language")
struct StringsTests {
    @Test func everyKeyInEveryLanguage() {
        for lang in Language.allCases { #expect(Strings.missing(lang).isEmpty, "\(lang)") }
    }

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
