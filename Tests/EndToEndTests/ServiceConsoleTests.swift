import Foundation
import Testing

/// The tasks and the changes in the real console: take a task in and complete it; move a change
/// through confirmation and internal test, and see the rules refuse user test after a failed round.
@Suite("Tasks and changes end to end", .serialized)
struct ServiceEndToEndTests {
    @Test func aTaskIsTakenInAndCompletedOnTheTasksScreen() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let ticket = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                      "--title", "缴费基数有误需更正", "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列 (1)")
        try console.keys("4")
        var screen = try console.waitFor("数据处理 (0)")
        #expect(screen.contains("无记录") && !screen.contains("故障看板"))
        try console.keys("n")
        try console.waitFor("新建数据处理任务")
        try console.type("更正 10 月缴费基数")
        try console.keys("Tab")
        try console.type("2026-11-24")
        try console.keys("Tab", "Tab")                                   // assignee: nobody yet
        try console.type(ticket)
        try console.keys("C-s")
        screen = try console.waitFor("已保存 #")
        let id = try #require(screen.firstMatch(of: /已保存 #(\d+)/).map { String($0.1) })
        try console.waitFor("数据处理 (1)")
        screen = try console.waitFor("更正 10 月缴费基数")
        #expect(screen.contains("11-24 18:00"))
        var json = try scratch.cli(["task", "show", id, "--json"]).out
        #expect(json.contains("\"source\":\(ticket)"))

        try console.keys("x")
        try console.waitFor("完成任务 #\(id)")
        try console.type("基数录入有误")
        try console.keys("Tab")
        try console.type("按核定结果批量更正")
        try console.keys("C-s")
        try console.waitFor("已完成 #\(id)")
        try console.waitFor("数据处理 (0)")                               // the active tasks: none left
        json = try scratch.cli(["task", "show", id, "--json"]).out
        #expect(json.contains("\"status\":\"closed\""))
        #expect(json.contains("\"solution\":\"按核定结果批量更正\""))
        // Closed tasks (S), then the details: the link to the ticket.
        try console.keys("S")
        try console.waitFor("筛选：已完成")
        try console.keys("Enter")
        screen = try console.waitFor("#\(id) 数据处理 · 已完成")
        #expect(screen.contains("来源") && screen.contains("#\(ticket)"))
        try console.keys("Escape", "q")
        try console.waitFor("CASE 队列 (1)")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    @Test func aChangeIsConfirmedWithASignerAndAFailedRoundKeepsItFromUserTest() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["change", "add", "--type", "bugfix", "--title", "修正转移接续状态不同步", "--due", "2026-12-20"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys("5")
        try console.waitFor("修正转移接续状态不同步")
        try console.keys("a")
        try console.waitFor("推进 #\(id)：需求调研 → 需求确认")
        try console.keys("C-s")
        try console.waitFor("签字人: 必填")                                // who signed is asked
        try console.type("王处长")
        try console.keys("C-s")
        try console.waitFor("#\(id) 已推进至需求确认")
        var json = try scratch.cli(["change", "show", id, "--json"]).out
        #expect(json.contains("\"signed_by\":\"王处长\""))
        for next in ["开发", "内测"] {
            try console.keys("a")
            try console.waitFor("下一阶段 < \(next) >")
            try console.keys("C-s")
            try console.waitFor("#\(id) 已推进至\(next)")
        }
        try console.keys("t")
        try console.waitFor("#\(id) 第 1 轮内测")
        try console.keys("Right", "Tab")                                   // failed
        try console.type("导出文件编码错误")
        try console.keys("C-s")
        try console.waitFor("#\(id) 第 1 轮内测：未通过")
        try console.keys("a")
        try console.waitFor("最近一轮内测（第 1 轮）未通过：须再测一轮并通过才能进入用户测试")
        json = try scratch.cli(["change", "show", id, "--json"]).out
        #expect(json.contains("\"stage\":\"internal-test\""))
        #expect(json.contains("\"result\":\"fail\""))
        try console.keys("Enter")
        let screen = try console.waitFor("#\(id) 软件升级 · 内测")
        #expect(screen.contains("内测第1轮") && screen.contains("导出文件编码错误"))
        try console.keys("Escape", "q", "q")
        try console.waitFor("[exited 0]")
    }

    /// A viewer sees the tasks, and the write keys say they may not.
    @Test func aViewerSeesTheTasksButMayNotWrite() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"])
        #expect(try scratch.cli(["staff", "set-role", currentUser, "viewer"]).status == 0)
        let id = try scratch.cli(["task", "add", "--title", "统计 11 月待遇发放", "--due", "2026-11-25"], now: e2eNow).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) == nil)                                            // the viewer may not, from the command line either
        let console = try TmuxConsole(scratch, env: ["LANG": "en_US.UTF-8"])
        try console.waitFor("read only")
        try console.keys("4")
        try console.waitFor("Tasks (0)")
        try console.keys("n")
        try console.waitFor("New data-processing task")
        try console.type("查看者不能新建")
        try console.keys("Tab")
        try console.type("2026-11-25")
        try console.keys("C-s")
        try console.waitFor("not permitted")
        #expect(try scratch.cli(["task", "list", "--json"]).out.contains("查看者不能新建") == false)
        try console.keys("Escape", "y", "q", "q")
        try console.waitFor("[exited 0]")
    }

    /// A supervisor signs off a month that has ended from the console (`:freeze`), after saying yes
    /// to a question naming it with its weeks; any other key cancels; a month not yet ended is
    /// refused in the store's words; a week is frozen on its own.
    @Test func aSupervisorFreezesAFinishedMonthFromTheConsole() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys(":")
        try console.type("freeze 2026-11")
        try console.keys("Enter")
        try console.waitFor("冻结 2026-11（含 2026-W45–W48）？冻结后不可撤销 (y/n)")
        try console.keys("y")
        try console.waitFor("尚未结束")
        #expect(try scratch.cli(["kpi", "--month", "2026-11", "--json"]).out.contains("\"frozen\":false"))
        // Anything but y cancels: nothing is frozen.
        try console.keys(":")
        try console.type("freeze 2026-10")
        try console.keys("Enter")
        try console.waitFor("冻结 2026-10（含 2026-W40–W44）？冻结后不可撤销 (y/n)")
        try console.keys("n")
        try console.waitFor("未冻结 2026-10")
        #expect(try scratch.cli(["kpi", "--month", "2026-10", "--json"]).out.contains("\"frozen\":false"))
        try console.keys(":")
        try console.type("freeze 2026-10")
        try console.keys("Enter")
        try console.waitFor("冻结后不可撤销 (y/n)")
        try console.keys("y")
        try console.waitFor("已冻结 2026-10")
        #expect(try scratch.cli(["kpi", "--month", "2026-10", "--json"]).out.contains("\"frozen\":true"))
        // Its weeks with it, the next week not.
        #expect(try scratch.cli(["kpi", "--week", "2026-W44", "--json"]).out.contains("\"frozen\":true"))
        #expect(try scratch.cli(["kpi", "--week", "2026-W45", "--json"]).out.contains("\"frozen\":false"))
        try console.keys(":")
        try console.type("freeze 2026-W45")
        try console.keys("Enter")
        try console.waitFor("冻结 2026-W45？冻结后不可撤销 (y/n)")
        try console.keys("y")
        try console.waitFor("已冻结 2026-W45")
        #expect(try scratch.cli(["kpi", "--week", "2026-W45", "--json"]).out.contains("\"frozen\":true"))
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}

/// The operating-system user running the tests: the operator of every console they open.
private let currentUser: String = {
    guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "root" }
    return String(cString: name)
}()
