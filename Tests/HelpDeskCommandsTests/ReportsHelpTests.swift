import Foundation
import Testing

/// `--help` of inspections, trainings, figures, deadlines and the monthly report is said in the
/// reader's language: Chinese with `--lang zh` (or a Chinese locale), and with `--lang en` or
/// LANG=C exactly the English it always said.
@Suite("Help of the reports in the reader's language", .scratch)
struct ReportsHelpTests {
    /// The help's lines with their runs of spaces made one, so a test does not pin the columns.
    func lines(_ text: String) -> [String] {
        text.split(separator: "\n").map { $0.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ") }
    }

    @Test func inChineseWithLangZh() {
        let db = freshDatabase()
        let inspect = helpdesk(["inspect", "--help", "--lang", "zh"], db: db)
        #expect(inspect.status == 0)
        #expect(inspect.out.contains("概述：巡检：导入监控脚本的文件或手工录入，列出、查看、出具报告。"), "\(inspect.out)")
        #expect(lines(inspect.out).contains("list 巡检，最新的在前。"), "\(inspect.out)")

        let add = helpdesk(["train", "add", "--help", "--lang", "zh"], db: db)
        #expect(add.out.contains("概述：登记一次培训，七个步骤均待完成；打印其编号。"), "\(add.out)")
        #expect(lines(add.out).contains("--topic <topic> 培训主题。"), "\(add.out)")
        #expect(lines(add.out).contains("--on <date> 举办（或已举办）的日期。"), "\(add.out)")
        #expect(!add.out.contains("What it teaches."))

        let figure = helpdesk(["kpi", "items", "--help"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(lines(figure.out).contains("<FIGURE> K1 … K6、K7-1、K7-2 或 K7-3。"), "\(figure.out)")

        let report = helpdesk(["report", "--help", "--lang", "zh"], db: db)
        #expect(report.out.contains("概述：运维服务月报，写到标准输出。"), "\(report.out)")
        #expect(lines(report.out).contains("--month <YYYY-MM> 月份，例如 2021-12。"), "\(report.out)")
    }

    @Test(arguments: [["--lang", "en"], []])
    func inTodaysEnglish(_ lang: [String]) {
        let db = freshDatabase()
        let add = helpdesk(["train", "add", "--help"] + lang, db: db, env: ["LANG": "C"])
        #expect(add.status == 0)
        #expect(add.out.hasPrefix("OVERVIEW: Record a training session, its seven steps pending; prints its number.\n"), "\(add.out)")
        let said = lines(add.out)
        #expect(said.contains("--topic <topic> What it teaches."), "\(add.out)")
        #expect(said.contains("--at-place <place> Where it is held."), "\(add.out)")
        #expect(said.contains("--on <date> The day it is (or was) held."), "\(add.out)")

        let due = helpdesk(["sla", "due", "--help"] + lang, db: db, env: ["LANG": "C"])
        #expect(lines(due.out).contains("--explain Add the reasoning on the following lines."), "\(due.out)")
        #expect(lines(due.out).contains("<kind> general, special, fault1, fault2 or fault3."), "\(due.out)")

        let inventory = helpdesk(["inventory", "set", "--help"] + lang, db: db, env: ["LANG": "C"])
        #expect(inventory.out.hasPrefix("OVERVIEW: Change an entry's parent or note (supervisors).\n"), "\(inventory.out)")
        #expect(lines(inventory.out).contains("--parent <parent> What it belongs to now (empty: nothing)."), "\(inventory.out)")
    }

    /// The warning of a year outside the holiday schedule is said in the reader's language too.
    @Test func unknownYearWarningInBothLanguages() {
        let db = freshDatabase()
        let zh = helpdesk(["sla", "due", "general", "--at", "2035-06-03T10:00:00+08:00", "--lang", "zh"], db: db)
        #expect(zh.status == 0 && zh.out == "2035-06-04T18:00:00+08:00\n")
        #expect(zh.err == "helpdesk: 警告：2035 年不在已知节假日安排内，按周一至周五工作计算\n", "\(zh.err)")
        let en = helpdesk(["sla", "due", "general", "--at", "2035-06-03T10:00:00+08:00"], db: db)
        #expect(en.err == "helpdesk: warning: 2035 is outside the known holiday schedule; Monday–Friday taken as working\n", "\(en.err)")
    }
}
