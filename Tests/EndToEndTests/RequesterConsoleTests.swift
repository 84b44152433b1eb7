import Foundation
import Testing

/// The real binary in a terminal: a requester taken from the directory in the new-ticket form.
@Suite("Requesters end to end", .serialized)
struct RequesterEndToEndTests {
    @Test func aRequesterTakenFromTheDirectoryFillsAndLinksTheTicket() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let rid = try scratch.cli(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu",
                                   "--phone", "0976-8821234"]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        _ = try scratch.cli(["requester", "add", "--name", "才让", "--office", "囊谦县社保局", "--region", "yushu"])
        let console = try TmuxConsole(scratch)
        try console.keys("n")
        try console.waitFor("新建")
        try console.keys("Tab", "Tab", "Tab")
        try console.type("目录补全测试")
        try console.keys("Tab")
        try console.type("才让")
        try console.waitFor("才让 · 囊谦县社保局")
        try console.waitFor("Ctrl-N/Ctrl-P")
        try console.keys("C-n", "C-n")
        try console.waitFor("> 才让 · 玉树州社保局")
        try console.keys("Enter")
        try console.waitFor("0976-8821234")
        try console.keys("C-s")
        let screen = try console.waitFor("已保存 #")
        let id = try #require(screen.firstMatch(of: /已保存 #(\d+)/).map { String($0.1) })
        // Linked to the entry taken, not to a new one of the same name.
        let shown = try scratch.cli(["requester", "show", rid]).out
        #expect(shown.contains("目录补全测试"), "\(shown)")
        let ticket = try scratch.cli(["show", id, "--lang", "zh"]).out
        #expect(ticket.contains("#\(rid)  才让 · 玉树州社保局 · 玉树州 · 0976-8821234"), "\(ticket)")
        #expect(try scratch.cli(["requester", "list"]).out.components(separatedBy: "\n").filter { $0.contains("才让") }.count == 2)
        // The ticket's details list the requester; P lists their tickets.
        try console.keys("Enter")
        try console.waitFor("#\(id)")
        try console.keys("P")
        try console.waitFor("提出人的工单")
        try console.keys("q", "q", "q")
        try console.waitFor("[exited 0]")
    }
}
