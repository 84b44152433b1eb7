import Foundation
import Testing

/// A session held days ago, entered in the real console now: recorded at the time it was, its
/// first step dated before today (and before the session was entered), and two attendees of one
/// office, the second form keeping the office and region of the first.
@Suite("Trainings entered after the fact, end to end", .serialized)
struct TrainingAfterTheFactEndToEndTests {
    @Test func aPastSessionIsEnteredWithAStepDatedBeforeToday() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys("6")

        // Held on 11-17, entered today (11-20): recorded at 11-18 09:00, when the sign-in sheet came in.
        try console.keys("n")
        try console.waitFor("新建培训")
        try console.waitFor("登记时间")
        try console.keys("Right", "Tab")                                    // for operators
        try console.type("待遇核定业务培训")
        try console.keys("Tab")
        try console.type("玉树州社保局会议室")
        try console.keys("Tab")
        try console.type("李敏")
        try console.keys("Tab")
        try console.type("2026-11-17")
        try console.keys("Tab", "C-u")
        try console.type("2026-11-18 09:00")
        try console.keys("C-s")
        let screen = try console.waitFor("已保存 #")
        let id = try #require(screen.firstMatch(of: /已保存 #(\d+)/).map { String($0.1) })
        try console.waitFor("培训 (1)")

        // Its first step, done on 11-10: before today and before the session was entered.
        try console.keys("s")
        try console.waitFor("#\(id) 完成培训步骤")
        try console.keys("Tab", "C-u")
        try console.type("2026-11-10 10:00")
        try console.keys("C-s")
        try console.waitFor("#\(id) 培训内容确定 已完成")

        // Two attendees of one office: the second form opens with the first one's office and region.
        try console.keys("a")
        try console.waitFor("#\(id) 登记学员")
        try console.type("才让")
        try console.keys("Tab")
        try console.type("囊谦县社保局")
        try console.keys("Tab", "Right", "Right", "Right", "Right", "C-s")  // 西宁市 → … → 玉树州
        try console.waitFor("#\(id) 已登记学员 才让")
        try console.keys("a")
        try console.waitFor("#\(id) 登记学员")
        try console.waitFor("囊谦县社保局")
        try console.type("扎西")
        try console.keys("C-s")
        try console.waitFor("#\(id) 已登记学员 扎西")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")

        let json = try scratch.cli(["train", "show", id, "--json"]).out
        let show = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(show["recorded_at"] as? String == "2026-11-18T09:00:00+08:00")
        let steps = try #require(show["steps"] as? [[String: Any]])
        #expect(steps.first?["done_at"] as? String == "2026-11-10T10:00:00+08:00")
        let attendees = try #require(show["attendees"] as? [[String: Any]])
        #expect(attendees.map { "\($0["name"]!) \($0["office"]!) \($0["region"]!)" } == ["才让 囊谦县社保局 yushu", "扎西 囊谦县社保局 yushu"])
    }
}
