import Foundation
import Testing

/// The real binary in a terminal: a note and a reply added from the details, shown in the timeline.
@Suite("Timeline end to end", .serialized)
struct TimelineEndToEndTests {
    @Test func aNoteAndAReplyFromTheDetails() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["case", "add", "--kind", "special", "--channel", "phone", "--region", "xining",
                                  "--title", "时间线测试", "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("时间线测试")
        try console.keys("Enter")
        try console.waitFor("#\(id) 特殊情况")
        try console.keys("N")
        try console.waitFor("内部备注 #\(id)")
        try console.type("已电话联系，未接通")
        try console.keys("C-s")
        try console.waitFor("[内部备注]")
        // A note is no response: still open.
        #expect(try scratch.cli(["case", "show", id, "--json"]).out.contains("\"status\":\"open\""))
        try console.keys("r")
        try console.waitFor("响应 #\(id)")
        try console.type("密码已重置")
        try console.keys("C-s")
        let screen = try console.waitFor("[答复]")
        #expect(screen.contains("已电话联系，未接通"))
        #expect(screen.contains("密码已重置"))
        let timeline = try scratch.cli(["case", "timeline", id, "--json"]).out
        #expect(timeline.contains("\"kind\":\"note\"") && timeline.contains("\"kind\":\"reply\""), "\(timeline)")
        #expect(try scratch.cli(["case", "show", id, "--json"]).out.contains("\"status\":\"responded\""))
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
