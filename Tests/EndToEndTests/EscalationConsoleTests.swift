import Foundation
import Testing

/// The operating-system user running the tests: the operator of every console they open.
private let me: String = {
    guard let pw = getpwuid(geteuid()), let name = pw.pointee.pw_name else { return "root" }
    return String(cString: name)
}()

@Suite("Escalation in the console, end to end", .serialized)
struct EscalationEndToEndTests {
    /// The operator is on-site staff (T0): a fault reported elsewhere reaches their status line, they
    /// acknowledge it with `a` and escalate it to T1 with `E`. On-site staff write on the machine's
    /// clock (a clock set with HELPDESK_NOW is a supervisor's tool), so the fault is reported half an
    /// hour before the real now.
    @Test func aT0OperatorIsToldAcknowledgesAndEscalates() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["staff", "list"])   // the creator becomes the first supervisor
        #expect(try scratch.cli(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"]).status == 0)
        #expect(try scratch.cli(["staff", "add", "expert1", "--name", "赵专家", "--phone", "13800000001", "--role", "expert"]).status == 0)
        #expect(try scratch.cli(["staff", "set-role", me, "onsite"]).status == 0)

        let realClock = ""
        let console = try TmuxConsole(scratch, env: ["HELPDESK_NOW": realClock])
        try console.waitFor("故障看板 (0)")
        let reported = Date().addingTimeInterval(-1800)
        let id = try scratch.cli(["fault", "add", "--level", "2", "--region", "海东市", "--title", "个人账户记账程序报错",
                                  "--at", beijing(reported, "yyyy-MM-dd'T'HH:mm:ss'+08:00'")], now: realClock)
            .out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(Int(id) != nil)
        // The step reaches the operator without a key press: board and status line.
        var screen = try console.waitFor("【2级故障·T0】#\(id)", timeout: 5)
        #expect(screen.contains("T0 !"))
        let half = reported.addingTimeInterval(12 * 3600)   // 50% of 24 hours: T1
        let sameDay = beijing(half, "yyyy-MM-dd") == beijing(Date(), "yyyy-MM-dd")
        #expect(screen.contains("T1 " + beijing(half, sameDay ? "HH:mm" : "MM-dd")))

        try console.keys("2", "a")
        screen = try console.waitFor("已确认 #\(id) T0")
        try console.waitFor("T0 ✓")
        var shown = try scratch.cli(["fault", "show", id, "--json"]).out
        #expect(shown.contains("\"acknowledged_by\":\"\(me)\""))

        try console.keys("E")
        try console.waitFor("升级 #\(id) 至 T1 总部专家远程")
        try console.type("省中心要求专家远程介入")
        try console.keys("C-s")
        screen = try console.waitFor("已升级 #\(id) 至 T1")
        try console.waitFor("T1 !")   // an expert must acknowledge T1; the operator cannot
        try console.keys("a")
        screen = try console.waitFor("无权操作：#\(id) 的 T1 升级须由总部专家（T1/T2）确认")
        shown = try scratch.cli(["fault", "show", id, "--json"]).out
        #expect(shown.contains("\"step\":\"T1\""))
        #expect(shown.contains("省中心要求专家远程介入"))
        let ack = try scratch.cli(["fault", "ack", id], now: realClock)
        #expect(ack.status == 2)   // the operator is T0 staff, T1 belongs to the experts
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }

    /// A viewer may look and is told, before typing, that they cannot write.
    @Test func aViewerIsToldTheConsoleIsReadOnly() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"])
        #expect(try scratch.cli(["staff", "set-role", me, "viewer"]).status == 0)
        let console = try TmuxConsole(scratch)
        try console.waitFor("只读：\(me) 是查看人员，只能查看")
        try console.keys("n")
        try console.waitFor("新建 CASE 工单")
        try console.keys("Tab", "Tab", "Tab")
        try console.type("查看者不能新建")
        try console.keys("Tab")
        try console.type("王建华")
        try console.keys("C-s")
        try console.waitFor("无权操作：\(me) 是查看人员")
        #expect(try scratch.cli(["list", "--json"]).out.contains("查看者不能新建") == false)
        try console.keys("Escape", "y", "q")
        try console.waitFor("[exited 0]")
    }
}

/// An instant in Beijing time, formatted.
private func beijing(_ date: Date, _ format: String) -> String {
    let formatter = DateFormatter()
    formatter.locale = Locale(identifier: "en_US_POSIX")
    formatter.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
    formatter.dateFormat = format
    return formatter.string(from: date)
}
