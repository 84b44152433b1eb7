import Foundation
import Testing

/// The real binary in a terminal: a ticket's details list a resolved ticket like it, and `R` puts
/// that one's solution into the reply, edited before it is sent.
@Suite("Similar resolved tickets end to end", .serialized)
struct SimilarEndToEndTests {
    @Test func theDetailsOfferAResolvedTicketAndRRepliesWithItsSolution() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let add = ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "单位年度对账单无法打印"]
        let resolved = try scratch.cli(add).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(try scratch.cli(["case", "resolve", resolved, "--cause", "打印控件版本过旧", "--solution", "升级打印控件后重新打印"]).status == 0)
        let id = try scratch.cli(add).out.trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch, height: 50)
        try console.waitFor("单位年度对账单无法打印")
        try console.keys("Enter")
        try console.waitFor("#\(id) 一般问题")
        var screen = try console.waitFor("相似的已解决工单")
        #expect(screen.contains("▶ #\(resolved) 单位年度对账单无法打印"))
        #expect(screen.contains("原因：打印控件版本过旧 · 解决：升级打印控件后重新打印"))
        try console.keys("R")
        screen = try console.waitFor("响应 #\(id)")
        #expect(screen.contains("升级打印控件后重新打印"), "the solution is in the reply: \(screen)")
        // Still editable: the operator adds to it before sending.
        try console.type("，如仍有问题请来电")
        try console.keys("C-s")
        try console.waitFor("#\(id) 一般问题 · 已响应")
        let timeline = try scratch.cli(["case", "timeline", id, "--json"]).out
        #expect(timeline.contains("升级打印控件后重新打印，如仍有问题请来电"), "\(timeline)")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")
    }
}
