import Foundation
import Testing

/// The trainings in the real console: record one, mark its first step done, add a scored
/// attendee and read it all back in its details and from the command line.
@Suite("Trainings end to end", .serialized)
struct TrainingEndToEndTests {
    @Test func aTrainingIsRecordedSteppedAndAttendedOnTheTrainingsScreen() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let id = try scratch.cli(["train", "add", "--type", "operator", "--topic", "待遇核定业务培训", "--at-place", "省社保局三楼会议室",
                                  "--trainer", "李敏", "--on", "2026-11-19", "--at", "2026-11-10T09:00:00+08:00"]).out
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys("6")
        var screen = try console.waitFor("培训 (1)")
        #expect(screen.contains("待遇核定业务培训") && screen.contains("0/7") && !screen.contains("故障看板"))

        // The next step: content first.
        try console.keys("s")
        try console.waitFor("#\(id) 完成培训步骤")
        screen = try console.waitFor("1 培训内容确定")
        try console.keys("C-s")
        try console.waitFor("#\(id) 培训内容确定 已完成")
        try console.waitFor("1/7")

        // An attendee from Yushu with a score.
        try console.keys("a")
        try console.waitFor("#\(id) 登记学员")
        try console.type("才让卓玛")
        try console.keys("Tab")
        try console.type("玉树州社保局")
        try console.keys("Tab", "Right", "Right", "Right", "Right", "Tab")   // 西宁市 → … → 玉树州
        try console.type("88")
        try console.keys("C-s")
        try console.waitFor("#\(id) 已登记学员 才让卓玛")

        // The details: the steps with their state, the attendee with office, region and score.
        try console.keys("Enter")
        screen = try console.waitFor("#\(id) 培训 · 已完成 1/7 步")
        #expect(screen.contains("业务经办人员") && screen.contains("2 培训计划") && screen.contains("待完成"))
        #expect(screen.contains("才让卓玛") && screen.contains("玉树州") && screen.contains("88.0"))
        try console.keys("Escape")

        // A new training from the console, planned ahead.
        try console.keys("n")
        try console.waitFor("新建培训")
        try console.keys("Right", "Right", "Tab")                          // for system administrators
        try console.type("数据库备份与恢复演练")
        try console.keys("Tab")
        try console.type("信息中心机房")
        try console.keys("Tab")
        try console.type("陈静")
        try console.keys("Tab")
        try console.type("2026-11-27")
        try console.keys("C-s")
        screen = try console.waitFor("已保存 #")
        let added = try #require(screen.firstMatch(of: /已保存 #(\d+)/).map { String($0.1) })
        try console.waitFor("培训 (2)")
        try console.waitFor("数据库备份与恢复演练")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")

        let json = try scratch.cli(["train", "show", id, "--json"]).out
        #expect(json.contains("\"steps_done\":1") && json.contains("\"region\":\"yushu\"") && json.contains("\"score\":88"))
        let planned = try scratch.cli(["train", "show", added, "--json"]).out
        #expect(planned.contains("\"type\":\"sysadmin\"") && planned.contains("\"held_on\":\"2026-11-27\""))
    }
}
