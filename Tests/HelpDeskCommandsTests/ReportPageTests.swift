@testable import HelpDeskCommands
import HelpDeskCore
import Testing

// The pages the reports share: what a user typed reaches Markdown and HTML as text, never as markup,
// and reads exactly as typed.

@Suite("Report pages")
struct ReportPageTests {
    let table = ReportTable(
        key: "t", title: "标题 <i>", headers: ["编号", "标题"],
        rows: [["1", "AT&T 网关 &lt;b&gt; 与 <script>x</script>"], ["2", "甲\u{202E}乙\u{0007}丙\n第二行"]],
        note: "另有 3 项 & 更多")

    @Test func htmlTextIsEscapedOnceAndReadsAsTyped() {
        let html = ReportPage.html(title: "报告 & <标题>", documentTitle: "文档", meta: [("月份", "2026-10")], tables: [table], .zh)
        #expect(html.hasPrefix("<!DOCTYPE html><html lang=\"zh-CN\">"))
        // A typed entity stays text: "&lt;" must read "&lt;", so its ampersand is escaped.
        #expect(html.contains("AT&amp;T 网关 &amp;lt;b&amp;gt; 与 &lt;script&gt;x&lt;/script&gt;"))
        #expect(!html.contains("<script>") && !html.contains("<i>"))
        #expect(html.contains("<h1>报告 &amp; &lt;标题&gt;</h1>") && html.contains("<h2>标题 &lt;i&gt;</h2>"))
        // Bidi and other control characters dropped; a line break is a <br/>.
        #expect(html.contains("甲乙丙<br/>第二行"))
        #expect(html.contains("<p class=\"note\">另有 3 项 &amp; 更多</p>"))
        #expect(html.contains("<td class=\"num\">1</td>"))
        #expect(html.contains("<dt>月份</dt><dd>2026-10</dd>"))
        #expect(html.hasSuffix("</body></html>\n"))
    }

    @Test func markdownCellsKeepTheTableWhole() {
        let md = ReportPage.markdown(title: "# 报告", meta: [("month", "2026-10")], tables: [table], .en)
        #expect(md.hasPrefix("# # 报告\n\n- month: 2026-10\n"))
        #expect(md.contains("| 2 | 甲乙丙<br>第二行 |"))
        #expect(md.contains("AT&amp;T 网关 &amp;lt;b&amp;gt; 与 &lt;script&gt;x&lt;/script&gt;"))
    }

    @Test func anEmptyTableSaysSoInsteadOfHeaders() {
        let empty = ReportTable(key: "e", title: "空", headers: ["a"], rows: [], empty: "本月没有。")
        let html = ReportPage.html(title: "t", documentTitle: "t", meta: [], tables: [empty], .zh)
        #expect(html.contains("<p class=\"empty\">本月没有。</p>") && !html.contains("<table>"))
        #expect(ReportPage.markdown(title: "t", meta: [], tables: [empty], .zh).contains("## 空\n\n本月没有。\n"))
    }

    @Test func attributeTextCannotCloseItsQuotes() {
        #expect(ReportPage.attributeText("a\"b<c>&") == "a&quot;b&lt;c&gt;&amp;")
    }
}
