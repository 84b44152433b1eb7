import Foundation
import Testing

/// The real binary in a terminal: a ticket put in waiting from its details, then resumed.
@Suite("Waiting end to end", .serialized)
struct WaitingEndToEndTests {
    @Test func waitThenResumeFromTheDetails() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // Taken in now: its deadline is still ahead, so it may wait.
        let id = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                  "--title", "等待测试"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("等待测试")
        try console.keys("Enter")
        try console.waitFor("#\(id) 一般问题")
        try console.keys("H")
        try console.waitFor("#\(id) 等待提出人回复")
        try console.type("等参保人补交材料")
        try console.keys("C-s")
        var screen = try console.waitFor("（等待中）")
        #expect(screen.contains("等参保人补交材料"))
        #expect(screen.contains("#\(id) 一般问题 · 等待回复"))
        #expect(try scratch.cli(["case", "show", id, "--json"]).out.contains("\"status\":\"waiting\""))
        try console.keys("W")
        screen = try console.waitFor("#\(id) 一般问题 · 待处理")
        #expect(!screen.contains("（等待中）"))
        #expect(try scratch.cli(["case", "show", id, "--json"]).out.contains("\"status\":\"open\""))
        // Resumed already: a second W is refused on the status line, nothing changes.
        try console.keys("W")
        try console.waitFor("未在等待回复")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }

    /// `J` in the details: a merge into another kind is refused before anything is asked; into a
    /// ticket of its kind it asks, naming the target's title, and `y` merges.
    @Test func mergeAsksFirstAndOnlyWhatTheRulesAllow() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        func add(_ title: String) throws -> String {
            try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", title]).out
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let target = try add("社保卡挂失咨询")
        let duplicate = try add("重复来电")
        let fault = try scratch.cli(["fault", "add", "--level", "3", "--region", "xining", "--title", "打印异常"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("重复来电")
        try console.keys(":")
        try console.type("open \(duplicate)")
        try console.keys("Enter")
        try console.waitFor("#\(duplicate) 一般问题")
        try console.keys("J")
        try console.waitFor("#\(duplicate) 合并到")
        try console.type(fault)
        try console.keys("C-s")
        var screen = try console.waitFor("只能合并同类工单")
        #expect(!screen.contains("不能撤销"))
        try console.keys("BSpace", "BSpace", "BSpace", "BSpace")
        try console.type(target)
        try console.keys("C-s")
        screen = try console.waitFor("合并后不能撤销")
        #expect(screen.contains("把 #\(duplicate) 合并到 #\(target)「社保卡挂失咨询」"))
        try console.keys("y")
        try console.waitFor("#\(duplicate) 已合并到 #\(target)")
        #expect(try scratch.cli(["case", "show", duplicate, "--json"]).out.contains("\"status\":\"merged\""))
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
