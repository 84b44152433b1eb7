import Foundation
import Testing

/// A ticket taken in as general that was a special one, corrected in the real console: `e` opens
/// the form with what it holds, the new deadline shows before saving, and the saved ticket has it.
@Suite("Correcting a ticket in the console, end to end", .serialized)
struct CaseCorrectionEndToEndTests {
    @Test func aTicketsKindIsCorrectedAndItsNewDeadlineShown() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                  "--title", "待遇停发更正测试", "--requester", "王建华", "--at", "2026-11-19T16:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let before = try #require(try JSONSerialization.jsonObject(with: Data(scratch.cli(["case", "show", id, "--json"]).out.utf8))
                                  as? [String: Any])
        let console = try TmuxConsole(scratch)
        try console.waitFor("待遇停发更正测试")
        try console.keys("e")
        try console.waitFor("更正工单 #\(id)")
        var screen = try console.waitFor("2026-11-19 16:00")      // the received time it holds
        #expect(screen.contains("王建华"))
        #expect(!screen.contains("时限："))                     // nothing changed: no deadline previewed
        try console.keys("Right")                                 // general → special
        screen = try console.waitFor("时限：")
        #expect(screen.contains("特殊情况"))
        try console.keys("C-s")
        screen = try console.waitFor("#\(id) 已更正，新时限")

        let after = try #require(try JSONSerialization.jsonObject(with: Data(scratch.cli(["case", "show", id, "--json"]).out.utf8))
                                 as? [String: Any])
        #expect(after["kind"] as? String == "special")
        let due = try #require(after["due_at"] as? String)
        #expect(due != before["due_at"] as? String)
        #expect(screen.contains("新时限 \(due)"))
        // The correction is in the ticket's history.
        let history = try scratch.cli(["case", "show", id]).out
        #expect(history.contains("special"))
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}
