import Foundation
import Testing

/// The real binary in a terminal: open, move, create, resolve, resize, quit.
@Suite("Console end to end", .serialized)
struct ConsoleEndToEndTests {
    @Test func openCreateResolveResizeQuit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "80", "--days", "20"])
        // LANG names a locale this host lacks: the console must still draw Chinese.
        let console = try TmuxConsole(scratch)
        var screen = try console.waitFor("CASE 队列")
        #expect(screen.contains("故障看板"))
        #expect(screen.contains("服务指标"))
        #expect(screen.contains("机关事业养老保险运维服务台"))

        try console.keys("j", "j", "Down", "k")
        try console.keys("n")
        try console.waitFor("新建 CASE 工单")
        try console.keys("Right", "Tab", "Tab", "Tab")   // special case, phone, 西宁市
        try console.type("端到端测试：社保卡无法读取")
        try console.keys("Tab")
        try console.type("才让卓玛")
        // The special case's reasoning, before saving (waiting for it: the keys may still be in flight).
        screen = try console.waitFor("1个工作日的营业时间")
        #expect(screen.contains("时限："))
        try console.keys("C-s")
        screen = try console.waitFor("已保存 #")
        let id = try #require(screen.firstMatch(of: /已保存 #(\d+)/).map { String($0.1) })
        var json = try scratch.cli(["show", id, "--json"]).out
        #expect(json.contains("\"title\":\"端到端测试：社保卡无法读取\""))
        #expect(json.contains("\"kind\":\"special\""))
        #expect(json.contains("\"requester\":{\"name\":\"才让卓玛\""))

        try console.keys("/")
        try console.type("端到端")
        try console.keys("Enter")
        try console.waitFor("CASE 队列 (1)")
        try console.keys("x")
        try console.waitFor("解决 #\(id)")
        try console.type("读卡器驱动未安装")
        try console.keys("Tab")
        try console.type("安装驱动后读卡正常")
        try console.keys("C-s")
        try console.waitFor("已保存 #\(id)")
        json = try scratch.cli(["show", id, "--json"]).out
        #expect(json.contains("\"status\":\"closed\""))
        #expect(json.contains("\"cause\":\"读卡器驱动未安装\""))
        #expect(json.contains("\"actor\":"))

        try console.resize(80, 24)
        screen = try console.waitFor("1 CASE 队列")
        #expect(screen.contains("2 故障看板"))
        try console.resize(50, 10)
        try console.waitFor("终端窗口太小")
        try console.resize(120, 40)
        try console.waitFor("服务指标  20")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    @Test(arguments: ["xterm", "xterm-256color", "screen", "tmux-256color", "vt100", "no-such-terminal"])
    func worksWithEveryTERM(_ term: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "30", "--days", "10"])
        let console = try TmuxConsole(scratch, env: ["TERM": term])
        let screen = try console.waitFor("CASE 队列")
        #expect(screen.contains("故障看板"))
        try console.keys("Tab", "j", "?")
        try console.waitFor("按键")
        try console.keys("Escape", "q")
        try console.waitFor("[exited 0]")
    }

    @Test func noColorDrawsAttributesOnly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "40", "--days", "10"])
        let console = try TmuxConsole(scratch, env: ["NO_COLOR": "1"])
        try console.waitFor("故障看板")
        let screen = try console.screen(escapes: true)
        let colour = try Regex(#"\x1b\[[0-9;]*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38;5;\d+|48;5;\d+)m"#)
        #expect(screen.firstMatch(of: colour) == nil)
        #expect(screen.contains("\u{1B}[7m") || screen.contains(";7m"))  // reverse video still marks things
        try console.keys("q")
    }

    @Test func changesFromTheCommandLineAppearWithoutAKeyPress() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "30", "--days", "10"])
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        let added = try scratch.cli(["case", "add", "--kind", "general", "--channel", "qq", "--region", "果洛州",
                                     "--title", "另一终端新建的工单", "--at", "2026-11-20T09:00:00+08:00"])
        #expect(added.status == 0)
        try console.waitFor("另一终端新建的工单", timeout: 5)
        try console.keys("q")
    }

    @Test func aStaleEditIsRefusedAndTheNewerVersionShown() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                  "--title", "并发编辑测试", "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("并发编辑测试")
        try console.keys("r")
        try console.waitFor("响应 #\(id)")
        try console.type("已电话联系")
        // Meanwhile someone else responds from the command line.
        #expect(try scratch.cli(["case", "respond", id, "--note", "另一人已处理"]).status == 0)
        try console.keys("C-s")
        let screen = try console.waitFor("已被他人修改")
        #expect(screen.contains("#\(id)"))
        try console.waitFor("版本 2")
        try console.keys("q")
    }

    @Test func storedEscapeSequencesNeverReachTheTerminal() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                         "--title", "恶意\u{1B}[2J\u{1B}]0;pwned\u{7}标题", "--at", "2026-11-20T09:00:00+08:00"])
        let console = try TmuxConsole(scratch)
        let screen = try console.waitFor("恶意")
        #expect(screen.contains("恶意␛[2J␛]0;pwned␇标题"))
        try console.keys("q")
    }

    @Test func englishWhenTheLocaleIsNotChinese() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch, env: ["LANG": "en_US.UTF-8"])
        try console.waitFor("CASE queue (0)")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    @Test func aConsoleWhoseTerminalHangsUpEnds() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        let shell = try #require(Int32(try console.tmuxRun(["list-panes", "-t", console.session, "-F", "#{pane_pid}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)))
        let children = try String(contentsOfFile: "/proc/\(shell)/task/\(shell)/children", encoding: .utf8)
        let pid = try #require(children.split(separator: " ").compactMap { Int32($0) }.first)
        #expect(kill(pid, 0) == 0)
        try console.tmuxRun(["kill-server"])   // the window closes, as when an SSH link drops
        let deadline = Date().addingTimeInterval(5)
        while kill(pid, 0) == 0, Date() < deadline { Thread.sleep(forTimeInterval: 0.1) }
        #expect(kill(pid, 0) != 0, "the console outlived its terminal")
    }
}
