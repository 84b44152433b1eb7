import Foundation
import Testing

/// The way back in the real console: into what a figure counted, into an item, and back out one
/// place a key, the selection kept, until `q` at the top quits; keys refused where they do nothing.
@Suite("Going in and back end to end", .serialized)
struct NavigationEndToEndTests {
    @Test func fromAFiguresItemBackToItsListThenTheServiceLevelsThenQuit() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (title, day) in [("第一张返回测试工单", "02"), ("第二张返回测试工单", "03"), ("第三张返回测试工单", "04")] {
            #expect(try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                     "--title", title, "--at", "2026-11-\(day)T09:00:00+08:00"]).status == 0)
        }
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys("3", "Enter")
        var screen = try console.waitFor("返回测试工单")
        #expect(screen.contains("K1") && screen.contains("· 2026-11"))
        let first = try selectedTitle(screen)
        try console.keys("j")
        var selected = first
        for _ in 0..<100 where selected == first {
            Thread.sleep(forTimeInterval: 0.1)
            selected = try selectedTitle(console.screen())
        }
        #expect(selected != first)
        try console.keys("Enter")
        screen = try console.waitFor("处理记录")
        #expect(screen.contains(selected))
        // q: back on the list, the same item selected.
        try console.keys("q")
        screen = try console.waitFor("· 2026-11")
        #expect(try selectedTitle(screen) == selected)
        // q: the service levels; the desk is the top.
        try console.keys("q")
        screen = try console.waitFor("故障看板")
        #expect(screen.contains("CASE 队列") && screen.contains("故障看板"))   // the desk, no longer covered
        // Keys of the queue are refused here, with a word; nothing changes.
        try console.keys("R")
        screen = try console.waitFor("在服务指标不可用")
        #expect(!screen.contains("筛选："))
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    @Test func theBoardFiltersByRegionWithItsOwnKeys() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        #expect(try scratch.cli(["fault", "add", "--level", "2", "--region", "haixi", "--title", "格尔木网点无法打印",
                                 "--at", "2026-11-20T09:00:00+08:00"]).status == 0)
        #expect(try scratch.cli(["fault", "add", "--level", "3", "--region", "xining", "--title", "西宁前置机告警",
                                 "--at", "2026-11-20T09:10:00+08:00"]).status == 0)
        let console = try TmuxConsole(scratch)
        try console.waitFor("故障看板 (2)")
        try console.keys("2", "/")
        try console.type("海西州")
        try console.keys("Enter")
        var screen = try console.waitFor("故障看板 (1)")
        #expect(screen.contains("格尔木网点无法打印") && !screen.contains("西宁前置机告警"))
        try console.keys("c", "R")
        screen = try console.waitFor("筛选：西宁市")
        try console.waitFor("西宁前置机告警")
        screen = try console.waitFor("故障看板 (1)")
        #expect(!screen.contains("格尔木网点无法打印"))
        // The queue's filters are untouched.
        #expect(screen.contains("CASE 队列 (0)"))
        try console.keys("o")
        try console.waitFor("在故障看板不可用")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    /// The title on the row the marker stands on.
    func selectedTitle(_ screen: String) throws -> String {
        let line = try #require(screen.split(separator: "\n").first { $0.hasPrefix(">") && $0.contains("返回测试工单") })
        return try #require(["第一张返回测试工单", "第二张返回测试工单", "第三张返回测试工单"].first { line.contains($0) })
    }
}
