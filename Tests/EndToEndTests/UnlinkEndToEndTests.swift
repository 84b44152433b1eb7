import Foundation
import Testing

/// The real binary in a terminal: a relation removed from an item's details (`U`), after the
/// question that names both items.
@Suite("Unlinking end to end", .serialized)
struct UnlinkEndToEndTests {
    @Test func uRemovesTheRelationAfterTheQuestion() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        func add(_ title: String) throws -> String {
            try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", title]).out
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let a = try add("关联测试甲"), b = try add("关联测试乙")
        _ = try scratch.cli(["case", "link", a, b])
        let console = try TmuxConsole(scratch)
        try console.waitFor("关联测试甲")
        try console.keys(":")
        try console.type(a)
        try console.keys("Enter")
        try console.waitFor("#\(a) 一般问题")
        var screen = try console.waitFor("关联工单")
        #expect(screen.contains("#\(b)"))
        // Any key but y keeps it.
        try console.keys("U")
        try console.waitFor("解除 #\(a) 与 #\(b) 的关联？(y/n)")
        try console.keys("n")
        try console.waitFor("关联未解除")
        #expect(try scratch.cli(["case", "show", a, "--json"]).out.contains("\"event\":\"related\""))
        #expect(!(try scratch.cli(["case", "show", a, "--json"]).out.contains("\"event\":\"unrelated\"")))
        // y removes it: gone from the details, in both histories.
        try console.keys("U")
        try console.waitFor("解除 #\(a) 与 #\(b) 的关联？(y/n)")
        try console.keys("y")
        screen = try console.waitFor("解除关联")
        #expect(!screen.contains("关联测试乙"), "no related item listed")
        for id in [a, b] { #expect(try scratch.cli(["case", "show", id, "--json"]).out.contains("\"event\":\"unrelated\""), "#\(id)") }
        // Nothing related any more: refused on the status line.
        try console.keys("U")
        try console.waitFor("此工单没有关联的工单")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
