import Foundation
import Testing

/// The real binary in a terminal: a reply written from a template (Ctrl-T in the reply form),
/// edited, sent and shown in the timeline.
@Suite("Templates end to end", .serialized)
struct TemplateEndToEndTests {
    @Test func aReplyFromATemplateEditedAndSent() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                  "--title", "模板测试", "--requester", "王建华", "--office", "海东市社保局",
                                  "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try scratch.cli(["template", "add", "--title", "密码重置", "--text", "{{请求人}}您好，工单{{工单号}}的密码已重置"]).status == 0)
        #expect(try scratch.cli(["template", "add", "--title", "转移接续流程", "--text", "{{请求人}}您好，请按流程办理"]).status == 0)
        let console = try TmuxConsole(scratch)
        try console.waitFor("模板测试")
        try console.keys("Enter")
        try console.waitFor("#\(id) 一般问题")
        try console.keys("r")
        try console.waitFor("响应 #\(id)")
        try console.keys("C-t")
        try console.waitFor("选择答复模板")
        try console.waitFor("转移接续流程")
        try console.type("密码")
        try console.waitFor("> 密码重置")
        try console.keys("Enter")
        try console.waitFor("王建华您好，工单#\(id)的密码已重置")
        try console.type("，请重新登录")
        try console.keys("C-s")
        let screen = try console.waitFor("[答复]")
        #expect(screen.contains("王建华您好"), "\(screen)")
        let timeline = try scratch.cli(["case", "timeline", id, "--json"]).out
        #expect(timeline.contains("王建华您好，工单#\(id)的密码已重置，请重新登录"), "\(timeline)")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
