import Foundation
import Testing

/// The real binary in a terminal: a filter saved under a name, the queue opening again as it was
/// left, and the saved view applied from another pane.
@Suite("Saved views end to end", .serialized)
struct ViewsEndToEndTests {
    @Test func aFilterIsThereAfterQuittingAndAViewOpensByName() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        for (title, region) in [("海西养老金核对", "haixi"), ("西宁参保登记", "xining")] {
            _ = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", region, "--title", title])
        }
        var console = try TmuxConsole(scratch)
        try console.waitFor("西宁参保登记")
        try console.keys(":")
        try console.type("region haixi")
        try console.keys("Enter")
        var screen = try console.settled("海西养老金核对", containing: "海西")
        #expect(!screen.contains("西宁参保登记"))
        try console.keys(":")
        try console.type("save 海西")
        try console.keys("Enter")
        try console.waitFor("已保存视图“海西”")
        try console.keys("q")
        try console.waitFor("[exited 0]")

        // Opened again: the queue is filtered as it was left.
        console = try TmuxConsole(scratch)
        screen = try console.waitFor("海西养老金核对")
        #expect(!screen.contains("西宁参保登记"))
        // Cleared, then the view by name from the board: back on the queue, filtered.
        try console.keys("c")
        try console.waitFor("西宁参保登记")
        try console.keys("2", ":")
        try console.type("view 海西")
        try console.keys("Enter")
        screen = try console.waitFor("已打开视图“海西”")
        #expect(screen.contains("海西养老金核对") && !screen.contains("西宁参保登记"))
        // :views lists it.
        try console.keys(":")
        try console.type("views")
        try console.keys("Enter")
        screen = try console.waitFor("我的视图")
        #expect(screen.contains("海西"))
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
