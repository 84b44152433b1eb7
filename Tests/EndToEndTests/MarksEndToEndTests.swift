import Foundation
import Testing

/// The real binary in a terminal: three tickets marked with Space, taken with one `t`, and the
/// list of what came of each; the refused one stays marked.
@Suite("Marks end to end", .serialized)
struct MarksEndToEndTests {
    @Test func markThreeTakeThemAndSeeTheResults() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        func add(_ title: String) throws -> String {
            try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", title]).out
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let ids = try ["标记测试甲", "标记测试乙", "标记测试丙"].map(add)
        // One of them is already taken: taking it again is refused.
        let taken = ids[1]
        #expect(try scratch.cli(["case", "take", taken]).status == 0)
        let console = try TmuxConsole(scratch)
        try console.waitFor("标记测试丙")
        try console.keys("g", "Space", "Space", "Space")
        try console.waitFor("已标记 3 个")
        try console.keys("t")
        var screen = try console.waitFor("标记事项：认领的结果")
        for id in ids where id != taken { #expect(screen.contains("#\(id) 已办理"), "#\(id): \(screen)") }
        #expect(screen.contains("#\(taken) 未办理："), "\(screen)")
        #expect(screen.contains("2 个已办理，1 个未办理"))
        // Back on the queue the refused one is still marked, the done ones are not.
        try console.keys("q")
        screen = try console.waitFor("已标记 1 个")
        for id in ids where id != taken {
            let shown = try JSONSerialization.jsonObject(with: Data(scratch.cli(["show", id, "--json"]).out.utf8)) as? [String: Any]
            #expect(shown?["assignee"] is String, "#\(id) taken")
        }
        // C clears the last mark.
        try console.keys("C")
        try console.waitFor("已清除标记")
        screen = try console.screen()
        #expect(!screen.contains("已标记"))
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}
