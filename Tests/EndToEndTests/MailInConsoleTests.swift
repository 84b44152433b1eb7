import Foundation
import Testing
import TestProcesses

/// A mail from a sender the directory does not know, taken in by `mail-in` and opened in the real
/// console: the details say its region is to confirm.
@Suite("A ticket from mail in the console, end to end", .serialized)
struct MailInConsoleTests {
    @Test func aTicketFromAnUnknownSenderShowsItsRegionToConfirm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        // The database and its founder first; then the message on standard input.
        try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "haidong", "--title", "先有的工单",
                         "--at", "2026-11-19T16:00:00+08:00"])
        let message = "From: \"Zhang San\" <zhangsan@qh.gov.cn>\nSubject: 邮件来的养老金问题\n\n本月养老金未到账。\n"
        let taken = try runProcess(helpdeskPath, ["mail-in"], environment: ProcessInfo.processInfo.environment.merging(
            ["HELPDESK_DB": scratch.db, "HELPDESK_NOW": e2eNow, "LANG": "C.UTF-8", "XDG_DATA_HOME": scratch.dir.path]) { $1 },
            input: Data(message.utf8))
        #expect(taken.status == 0 && taken.out == "opened ticket #2\n", "\(taken.err)")
        let console = try TmuxConsole(scratch)
        try console.waitFor("邮件来的养老金问题")
        try console.keys("Down")       // the ticket received last: the second in the queue
        try console.keys("Enter")
        let screen = try console.waitFor("(待确认)")
        #expect(screen.contains("西宁市  (待确认)"))
        try console.keys("q")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}
