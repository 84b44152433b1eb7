import Foundation
import Testing

/// The desk the training commands are tried on (ids fixed in a fresh database): #1 a training for
/// operators held on 2021-11-22 with content and plan done and 王芳 (92) attending, #2 a general
/// ticket, #3 a training for system administrators held on 2021-10-15 with nothing done.
enum TrainingDesk {
    static let training = 1, ticket = 2, october = 3

    static func make() throws -> String {
        let db = freshDatabase()
        let training = ok(["train", "add", "--type", "operator", "--topic", "待遇核定业务培训", "--at-place", "省社保局三楼会议室",
                           "--trainer", "李敏", "--on", "2021-11-22", "--at", "2021-11-01T09:00:00+08:00"], db: db)
        ok(["train", "step", "1", "content", "--at", "2021-11-02T10:00:00+08:00"], db: db)
        ok(["train", "step", "1", "plan", "--at", "2021-11-03T10:00:00+08:00"], db: db)
        ok(["train", "attend", "1", "--name", "王芳", "--office", "西宁市社保局", "--region", "西宁市", "--score", "92",
            "--at", "2021-11-22T16:00:00+08:00"], db: db)
        let ticket = addCase(db, title: "开户查询", at: "2021-11-01T10:00:00+08:00")
        let october = ok(["train", "add", "--type", "sysadmin", "--topic", "数据库备份与恢复", "--at-place", "信息中心",
                          "--trainer", "陈静", "--on", "2021-10-15", "--at", "2021-10-08T09:00:00+08:00"], db: db)
        try #require([training, october].map { Int($0.trimmingCharacters(in: .newlines)) } == [1, 3] && ticket == 2)
        return db
    }
}

private let trainingBadInputs: [BadInput] = [
    BadInput(label: "a step before the one before it is done", args: ["train", "step", "1", "exam", "--at", "2021-11-22T10:00:00+08:00"],
             mentions: ["materials", "exam", "order"]),
    BadInput(label: "a step done twice", args: ["train", "step", "1", "plan"], mentions: ["plan", "already done"]),
    BadInput(label: "a step dated before the one before it", args: ["train", "step", "1", "materials", "--at", "2021-11-02T12:00:00+08:00"],
             mentions: ["materials", "plan", "2021-11-03T10:00:00+08:00"]),
    BadInput(label: "a step in the future", args: ["train", "step", "1", "materials", "--at", "2021-11-24T10:00:00+08:00"], mentions: ["future"]),
    BadInput(label: "a score above 100", args: ["train", "attend", "1", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu",
                                                "--score", "101"], mentions: ["--score", "101", "0 to 100"]),
    BadInput(label: "a score that is no number", args: ["train", "score", "1", "--name", "王芳", "--score", "九十"],
             mentions: ["--score", "九十", "0 to 100"]),
    BadInput(label: "a negative score", args: ["train", "score", "1", "--name", "王芳", "--score=-1"], mentions: ["--score", "0 to 100"]),
    BadInput(label: "the score of someone not attending", args: ["train", "score", "1", "--name", "马丽", "--score", "80"],
             mentions: ["马丽", "train attend"]),
    BadInput(label: "an attendee recorded twice", args: ["train", "attend", "1", "--name", "王芳", "--office", "西宁市社保局", "--region", "xining"],
             mentions: ["王芳", "西宁市社保局"]),
    BadInput(label: "an attendee of an unknown region", args: ["train", "attend", "1", "--name", "扎西", "--office", "X", "--region", "拉萨"],
             mentions: ["--region", "拉萨", "xining"]),
    BadInput(label: "an attendee without an office", args: ["train", "attend", "1", "--name", "扎西", "--office", " ", "--region", "yushu"],
             mentions: ["--office"]),
    BadInput(label: "a link without a host", args: ["train", "material", "1", "https://"], mentions: ["https://", "link"]),
    BadInput(label: "a material of a ticket", args: ["train", "material", "2", "/share/a.pdf"], mentions: ["#2"]),
    BadInput(label: "a list of an unknown audience", args: ["train", "list", "--type", "bosses"], mentions: ["bosses", "admin"]),
    BadInput(label: "a list with both offset and after", args: ["train", "list", "--offset", "1", "--after", "1"], mentions: ["--offset", "--after"]),
    BadInput(label: "a list after a ticket", args: ["train", "list", "--after", "2"], mentions: ["#2"]),
]

@Suite("trainings on the command line", .scratch)
struct TrainingCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: trainingBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try TrainingDesk.make(), state: { snapshot($0, ids: [1, 2, 3]) })
    }

    @Test func addPrintsTheIdAloneAndShowGivesStepsAttendeesAndTheAverage() throws {
        let db = try TrainingDesk.make()
        let id = ok(["train", "add", "--type", "admin", "--topic", "养老保险政策解读", "--at-place", "海东市社保局", "--trainer", "马主任",
                     "--on", "2021-11-25", "--at", "2021-11-20T09:00:00+08:00"], db: db)
        #expect(id == "4\n")
        ok(["train", "attend", "1", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu", "--score", "79",
            "--at", "2021-11-22T16:30:00+08:00"], db: db)
        ok(["train", "material", "1", "https://pan.qhsi.example/s/8f2k", "--at", "2021-11-22T17:00:00+08:00"], db: db)
        let show = jsonObject(ok(["train", "show", "1", "--json"], db: db))
        #expect(show["type"] as? String == "operator" && show["type_name"] as? String == "业务经办人员")
        #expect(show["topic"] as? String == "待遇核定业务培训" && show["held_on"] as? String == "2021-11-22")
        #expect(show["steps_done"] as? Int == 2 && show["attendance"] as? Int == 2 && show["average_score"] as? Double == 85.5)
        let steps = try #require(show["steps"] as? [[String: Any]])
        #expect(steps.map { $0["step"] as? String } == ["content", "plan", "materials", "delivery", "exam", "qa", "upload"])
        #expect(steps[1]["done_at"] as? String == "2021-11-03T10:00:00+08:00" && steps[2]["done"] as? Bool == false)
        #expect(steps[2]["done_at"] is NSNull)
        let attendees = try #require(show["attendees"] as? [[String: Any]])
        #expect(attendees.map { $0["region"] as? String } == ["xining", "yushu"] && attendees.map { $0["score"] as? Int } == [92, 79])
        #expect((show["materials"] as? [[String: Any]])?.first?["link"] as? Bool == true)
        let history = try #require(show["history"] as? [[String: Any]])
        #expect(history.map { $0["event"] as? String }.filter { $0 != "created" } == ["step_done", "step_done", "attended", "scored", "attended",
                                                                                     "scored", "material_added"])
        let text = ok(["train", "show", "1", "--lang", "zh"], db: db)
        for word in ["业务经办人员", "培训内容确定", "已完成", "待完成", "王芳", "玉树州", "平均分", "85.5", "pan.qhsi.example"] {
            #expect(text.contains(word), "\(word) in: \(text)")
        }
    }

    @Test func stepsPrintTheirProgressAndScoresCanBeCorrected() throws {
        let db = try TrainingDesk.make()
        #expect(ok(["train", "step", "1", "materials", "--at", "2021-11-15T10:00:00+08:00"], db: db) == "#1 materials prepared ✓ (3/7)\n")
        #expect(ok(["train", "score", "1", "--name", "王芳", "--score", "95"], db: db) == "#1 王芳 95\n")
        let show = jsonObject(ok(["train", "show", "1", "--json"], db: db))
        #expect(show["average_score"] as? Double == 95 && show["version"] as? Int == 6)
    }

    @Test func listFiltersByTypeAndMonthLatestFirstAndPages() throws {
        let db = try TrainingDesk.make()
        let all = jsonObject(ok(["train", "list", "--json"], db: db))
        #expect((all["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [1, 3] && all["total"] as? Int == 2)
        #expect(listIds(ok(["train", "list", "--json", "--type", "sysadmin"], db: db)) == [3])
        #expect(listIds(ok(["train", "list", "--json", "--month", "2021-11"], db: db)) == [1])
        #expect(listIds(ok(["train", "list", "--json", "--month", "2021-09"], db: db)) == [])
        let first = jsonObject(ok(["train", "list", "--json", "--limit", "1"], db: db))
        #expect(first["next_after"] as? Int == 1)
        let second = jsonObject(ok(["train", "list", "--json", "--limit", "1", "--after", "1"], db: db))
        #expect((second["items"] as? [[String: Any]])?.map { $0["id"] as? Int } == [3] && second["next_after"] is NSNull)
        let table = helpdesk(["train", "list", "--lang", "zh", "--limit", "1"], db: db)
        #expect(table.out.contains("业务经办人员") && table.out.contains("2/7") && table.out.contains("92.0"))
        #expect(table.err.contains("1–1") && table.err.contains("2"))
    }

    @Test func textFromUsersNeverReachesTheTerminalRaw() throws {
        let db = try TrainingDesk.make()
        let id = ok(["train", "add", "--type", "admin", "--topic", "evil\u{1B}[2Jtopic", "--at-place", "room\u{07}", "--trainer", "李\u{202E}敏",
                     "--on", "2021-11-25", "--at", "2021-11-20T09:00:00+08:00"], db: db).trimmingCharacters(in: .newlines)
        ok(["train", "attend", id, "--name", "x\u{1B}]0;pwned\u{07}", "--office", "o", "--region", "xining"], db: db)
        for out in [ok(["train", "show", id], db: db), ok(["train", "list"], db: db), ok(["show", id], db: db)] {
            #expect(!out.contains("\u{1B}") && !out.contains("\u{07}") && !out.contains("\u{202E}"), "\(out)")
        }
    }
}
