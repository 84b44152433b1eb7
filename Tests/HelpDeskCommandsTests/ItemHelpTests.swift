import Foundation
import Testing

/// `--help` of the work-item commands in the reader's language: Chinese with `--lang zh` (or a
/// Chinese locale), the English of before with `--lang en` or LANG=C.
@Suite("Help of the item commands in the reader's language", .scratch)
struct ItemHelpTests {
    let db = freshDatabase()

    @Test func caseAddHelpInChinese() {
        let r = helpdesk(["case", "add", "--help", "--lang", "zh"], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("概述：受理 CASE 工单；输出其编号。"), "\(r.out)")
        for said in ["提出人姓名。", "提出人电话。", "中文名（西宁市）或拼音（xining）。", "简短标题。", "以 JSON 输出查询结果"] {
            #expect(r.out.contains(said), "\(said)\n\(r.out)")
        }
        // Option names and value names stay as typed.
        #expect(r.out.contains("--region <region>") && r.out.contains("--kind <kind>"))
    }

    /// The parser's own frame around the texts (headings, its help option, the notes on values and
    /// defaults) reads Chinese too; the English keeps the parser's words.
    @Test func theHelpFrameIsInTheReadersLanguage() {
        let zh = helpdesk(["case", "list", "--help", "--lang", "zh"], db: db).out
        for said in ["概述：", "用法：helpdesk case list", "选项：", "显示帮助信息。", "（默认："] {
            #expect(zh.contains(said), "\(said)\n\(zh)")
        }
        for english in ["OVERVIEW:", "USAGE:", "OPTIONS:", "Show help information.", "(default:", "(values:"] {
            #expect(!zh.contains(english), "\(english)\n\(zh)")
        }
        let parent = helpdesk(["case", "--help", "--lang", "zh"], db: db).out
        #expect(parent.contains("子命令：") && parent.contains("各子命令的详细帮助：'helpdesk help case <subcommand>'。"), "\(parent)")
        let en = helpdesk(["case", "--help", "--lang", "en"], db: db).out
        #expect(en.contains("SUBCOMMANDS:") && en.contains("See 'helpdesk help case <subcommand>' for detailed help."), "\(en)")
    }

    @Test func aChineseLocaleReadsChineseToo() {
        let r = helpdesk(["fault", "--help"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(r.out.contains("故障：1–3 级，时限按自然时间计算。"), "\(r.out)")
        #expect(r.out.contains("报告故障；输出其编号。"), "\(r.out)")
    }

    @Test func changeAdvanceHelpInChinese() {
        let r = helpdesk(["change", "advance", "--help", "--lang", "zh"], db: db)
        #expect(r.out.contains("将变更推进到下一阶段"), "\(r.out)")
        #expect(r.out.contains("变更编号。"), "\(r.out)")
        #expect(!r.out.contains("Move a change to its next stage"), "\(r.out)")
    }

    /// The English reads as it did before the texts moved to the catalog.
    @Test func englishHelpIsAsBefore() {
        let r = helpdesk(["case", "add", "--help", "--lang", "en"], db: db)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.components(separatedBy: "\n")
        for line in [
            "OVERVIEW: Take in a CASE ticket; prints its number.",
            "  --json                  Print reads as JSON, in a stable shape for scripts.",
            "  --kind <kind>           general, special or requirement. (values: general,",
            "  --region <region>       Chinese name (西宁市) or pinyin (xining). (values:",
            "  --requester <requester> The requester's name. A number (like 12) takes the",
        ] {
            #expect(lines.contains(line), "\(line)\n\(r.out)")
        }
        // LANG=C, no --lang: the same English.
        let plain = helpdesk(["case", "add", "--help"], db: db, env: ["LANG": "C"])
        #expect(plain.out == r.out)
        let advance = helpdesk(["change", "advance", "--help", "--lang", "en"], db: db)
        #expect(advance.out.hasPrefix("OVERVIEW: Move a change to its next stage; releasing records a delivery and\nprints its number.\n"), "\(advance.out)")
        #expect(advance.out.contains("research → confirmed needs --signed-by;"), "\(advance.out)")
    }
}
