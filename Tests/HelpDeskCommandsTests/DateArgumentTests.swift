import ArgumentParser
import Foundation
import HelpDeskCore
import Testing
@testable import HelpDeskCommands

/// `--due`, `--on`, `--effective`, `--month` and `--week` are read by the argument parser: a value
/// that does not read, or lies outside 2000–2099, is refused before the command runs, with the
/// words of the catalog, so no database is opened for it.
@Suite("dates, months, weeks and due times on the command line", .scratch)
struct DateArgumentTests {
    @Test("--due reads a time with an offset, or a date alone meaning close of business")
    func dueReads() throws {
        let time = try #require(DueArgument(argument: "2026-12-31T12:00:00+08:00"))
        #expect(try time.value(option: "--due") == .at(TimeInput.parseInstant("2026-12-31T12:00:00+08:00")))
        let date = try #require(DueArgument(argument: " 2026-12-31 "))
        #expect(try date.value(option: "--due") == .closeOfBusiness(TimeInput.parseDate("2026-12-31")))
        let task = try TaskCommand.Add.parse(["--title", "T", "--due", "2000-01-01"])
        #expect(try task.due.value(option: "--due") == .closeOfBusiness(TimeInput.parseDate("2000-01-01")))
    }

    @Test("dates, months and weeks read as the desk writes them")
    func reads() throws {
        let train = try TrainCommand.Add.parse(["--type", "operator", "--topic", "T", "--at-place", "西宁",
                                                "--trainer", "李娜", "--on", "2099-12-31"])
        #expect(try train.on.value(option: "--on") == TimeInput.parseDate("2099-12-31"))
        let change = try ChangeCommand.Add.parse(["--type", "policy", "--title", "T", "--effective", "2026-01-01"])
        #expect(try change.effective?.value(option: "--effective") == TimeInput.parseDate("2026-01-01"))
        #expect(try ChangeCommand.Add.parse(["--type", "bugfix", "--title", "T"]).effective == nil)
        let month = try KPICommand.PeriodOptions.parse(["--month", "2021-11"])
        #expect(try month.month?.value(option: "--month") == .month(year: 2021, month: 11))
        let week = try KPICommand.PeriodOptions.parse(["--week", "2021-W47"])
        #expect(try week.week?.value(option: "--week") == TimeInput.parseWeek("2021-W47"))
    }

    /// A parse that must be refused, its message naming the option and repeating the text.
    static func expectRefused<Command: ParsableArguments>(_: Command.Type, _ args: [String], option: String, text: String) {
        do {
            _ = try Command.parse(args)
            Issue.record("\(option) \(text) was taken")
        } catch {
            let message = Command.message(for: error)
            #expect(message.hasPrefix(option), "\(message)")
            #expect(message.contains(text), "\(message)")
        }
    }

    @Test("--due refuses what is neither a date nor a time with an offset, or lies outside 2000–2099, while parsing",
          arguments: ["soon", "2026-12-31 18:00", "2026-13-01", "2026-12-31T18:00:00", "1999-12-31", "2100-01-01T00:00:00+08:00"])
    func dueRefuses(_ text: String) {
        Self.expectRefused(TaskCommand.Add.self, ["--title", "T", "--due", text], option: "--due", text: text)
        Self.expectRefused(CaseCommand.Assess.self, ["1", "--agreed-with", "王主任", "--due", text], option: "--due", text: text)
        Self.expectRefused(ChangeCommand.Add.self, ["--type", "bugfix", "--title", "T", "--due", text], option: "--due", text: text)
    }

    @Test("--on and --effective refuse what is not a date within 2000–2099 while parsing",
          arguments: ["tomorrow", "2026-12-31T18:00:00+08:00", "2026-02-30", "1999-12-31", "2100-01-01"])
    func dateRefuses(_ text: String) {
        Self.expectRefused(TrainCommand.Add.self, ["--type", "operator", "--topic", "T", "--at-place", "西宁",
                                                   "--trainer", "李娜", "--on", text], option: "--on", text: text)
        Self.expectRefused(ChangeCommand.Add.self, ["--type", "policy", "--title", "T", "--effective", text],
                           option: "--effective", text: text)
    }

    @Test("--month and --week refuse what is not written exactly so, or lies outside 2000–2099, while parsing",
          arguments: ["2021-13", "2021-1", "2021-11-01", "1999-12", "2100-01", "November"])
    func monthRefuses(_ text: String) {
        Self.expectRefused(KPICommand.PeriodOptions.self, ["--month", text], option: "--month", text: text)
        Self.expectRefused(ReportCommand.self, ["--month", text, "--format", "md"], option: "--month", text: text)
        Self.expectRefused(TrainCommand.List.self, ["--month", text], option: "--month", text: text)
        Self.expectRefused(KPICommand.PeriodOptions.self, ["--week", text], option: "--week", text: text)
    }

    /// Each command with one of these options, its other arguments valid, the option given a
    /// value that does not read.
    static let refusals: [(args: [String], option: String, text: String)] = [
        (["task", "add", "--title", "T"], "--due", "soon"),
        (["case", "assess", "1", "--agreed-with", "王主任"], "--due", "2026-12-31 18:00"),
        (["change", "add", "--type", "bugfix", "--title", "T"], "--due", "1999-12-31"),
        (["change", "add", "--type", "policy", "--title", "T"], "--effective", "2026-02-30"),
        (["train", "add", "--type", "operator", "--topic", "T", "--at-place", "西宁", "--trainer", "李娜"], "--on", "tomorrow"),
        (["report", "--format", "md"], "--month", "2021-13"),
        (["kpi"], "--month", "2100-01"),
        (["kpi", "items", "K1"], "--month", "November"),
        (["kpi", "freeze"], "--month", "1999-12"),
        (["kpi"], "--week", "2021-W54"),
        (["train", "list"], "--month", "2021-1"),
    ]

    @Test("a value that does not read is refused with status 2 in the reader's language before any database is opened",
          arguments: refusals.indices)
    func refusedBeforeTheDatabase(_ index: Int) {
        let (args, option, text) = Self.refusals[index]
        let db = freshDatabase()
        let en = helpdesk(args + [option, text], db: db)
        #expect(en.status == 2, "\(args): \(en.err)")
        #expect(en.out == "")
        #expect(en.err.hasPrefix("helpdesk: \(option): ") && en.err.contains(text), "\(args): \(en.err)")
        let zh = helpdesk(args + [option, text], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2, "\(args): \(zh.err)")
        #expect(zh.err.hasPrefix("helpdesk: \(option)：") && zh.err.contains(text) && !zh.err.contains("Usage"), "\(args): \(zh.err)")
        #expect(!FileManager.default.fileExists(atPath: db), "\(args): the database was created")
    }
}
