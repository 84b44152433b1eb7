import Foundation
import Testing

/// The real binary in a terminal: a reply from the details tells the requester, and the notice is
/// in the timeline with its delivery.
@Suite("Notices to requesters end to end", .serialized)
struct RequesterNoticeEndToEndTests {
    @Test func aReplyFromTheDetailsIsToldToTheRequester() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        _ = try scratch.cli(["requester", "add", "--name", "王芳", "--office", "城西区社保局", "--region", "xining",
                             "--email", "wangfang@example.cn"])
        let id = try scratch.cli(["case", "add", "--kind", "special", "--channel", "phone", "--requester", "1",
                                  "--title", "通知测试", "--at", "2026-11-20T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("通知测试")
        try console.keys("Enter")
        try console.waitFor("#\(id) 特殊情况")
        try console.keys("r")
        try console.waitFor("响应 #\(id)")
        try console.type("密码已重置")
        try console.keys("C-s")
        let screen = try console.waitFor("答复：通知测试")
        #expect(screen.contains("[通知] 通知 王芳（电子邮件）"), "\(screen)")
        #expect(screen.contains("已受理：通知测试") && screen.contains("待发送"), "\(screen)")
        let list = try scratch.cli(["notify", "list", "--json"]).out
        #expect(list.contains("\"kind\":\"requester\""), "\(list)")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
