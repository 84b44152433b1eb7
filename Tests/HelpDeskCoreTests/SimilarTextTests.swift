import Testing
@testable import HelpDeskCore

@Suite("The words of a ticket as terms of the text index")
struct SimilarTextTests {
    @Test func chineseRunsGiveTheirTrigramsAndPunctuationSplitsThem() {
        #expect(SimilarText.terms("养老保险，转移", limit: 10) == ["养老保", "老保险"])
        // A run of fewer than three characters gives nothing; function characters drop their trigrams.
        #expect(SimilarText.terms("登录", limit: 10).isEmpty)
        #expect(SimilarText.terms("打印机的驱动", limit: 10) == ["打印机"])
    }

    @Test func latinWordsAreTermsOfTheirOwnWithoutStopWordsShortWordsOrNumbers() {
        #expect(SimilarText.terms("The Printer and the HP1020 driver, 2021 is ok", limit: 10) == ["printer", "hp1020", "driver"])
        #expect(SimilarText.terms("登录VPN失败了吗", limit: 10) == ["vpn"])
    }

    @Test func termsAreCountedOnceAndCappedInOrder() {
        #expect(SimilarText.terms("对账单 对账单 对账单", limit: 10) == ["对账单"])
        #expect(SimilarText.terms("养老保险关系转移接续", limit: 3) == ["养老保", "老保险", "保险关"])
        // The title's terms first; the description adds only what the title lacks.
        #expect(SimilarText.terms(title: "对账单打印", description: "对账单无法打印") == ["对账单", "账单打", "单打印", "账单无", "单无法", "无法打", "法打印"])
    }

    @Test func theMatchQuotesEveryTermSoNothingTypedIsReadAsSyntax() {
        #expect(SimilarText.match([]) == nil)
        #expect(SimilarText.match(["a\"b", "or"]) == "{title description} : (\"a\"\"b\" OR \"or\")")
        // Operators and quotes typed in a ticket stay words.
        let terms = SimilarText.terms("NEAR(\"printer\" OR) AND title:*", limit: 10)
        #expect(terms == ["near", "printer", "title"])
        #expect(SimilarText.terms("", limit: 10).isEmpty && SimilarText.terms("，。！？ ...", limit: 10).isEmpty)
    }
}
