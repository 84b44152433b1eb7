import Foundation
import Testing

/// The real binary in a terminal: an attachment saved from an item's details, a second save
/// refused over the file until `y`, and a text one shown in the console's own viewer.
@Suite("Attachments end to end", .serialized)
struct AttachmentEndToEndTests {
    @Test func saveAndViewFromTheDetails() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["case", "add", "--kind", "special", "--channel", "phone", "--region", "xining",
                                  "--title", "附件测试", "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let source = scratch.dir.appendingPathComponent("记录.txt")
        let content = Data("巡检记录第一行\n第二行 second line\n".utf8)
        try content.write(to: source)
        let added = try scratch.cli(["attach", "add", id, source.path])
        #expect(added.status == 0, "\(added.err)")
        let target = scratch.dir.appendingPathComponent("out.txt").path

        let console = try TmuxConsole(scratch)
        try console.waitFor("附件测试")
        try console.keys("Enter")
        try console.waitFor("▶ #1 记录.txt")
        try console.keys("w")
        try console.waitFor("将 记录.txt 保存到：")
        try console.keys("C-u")
        try console.type(target)
        try console.keys("Enter")
        try console.waitFor("附件 1 已保存到")
        #expect(FileManager.default.contents(atPath: target) == content)

        // Again over the same file: asked, and a key other than y leaves it.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: target))
        try console.keys("w", "C-u")
        try console.type(target)
        try console.keys("Enter")
        try console.waitFor("已存在，覆盖吗")
        try console.keys("n")
        try console.waitFor("未保存附件")
        #expect(FileManager.default.contents(atPath: target) == Data("mine".utf8))

        // The text in the console's viewer; q back to the details.
        try console.keys("V")
        let shown = try console.waitFor("巡检记录第一行")
        #expect(shown.contains("第二行 second line"))
        try console.keys("q")
        try console.waitFor("▶ #1 记录.txt")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
