import Foundation
import Testing

/// A session held on 2026-12-03 and entered on 2026-12-07 (#1), with two 才让 of two offices and
/// 扎西 attending.
private enum LateDesk {
    static let now = "2026-12-07T10:00:00+08:00"

    static func make() throws -> String {
        let db = freshDatabase()
        ok(["train", "add", "--type", "operator", "--topic", "待遇核定业务培训", "--at-place", "玉树州社保局会议室",
            "--trainer", "李敏", "--on", "2026-12-03"], db: db, now: now)
        ok(["train", "attend", "1", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu", "--score", "80",
            "--at", "2026-12-03T16:00:00+08:00"], db: db, now: now)
        ok(["train", "attend", "1", "--name", "才让", "--office", "囊谦县社保局", "--region", "yushu",
            "--at", "2026-12-03T16:00:00+08:00"], db: db, now: now)
        ok(["train", "attend", "1", "--name", "扎西", "--office", "玉树州社保局", "--region", "yushu",
            "--at", "2026-12-03T16:00:00+08:00"], db: db, now: now)
        return db
    }
}

private let lateBadInputs: [BadInput] = [
    BadInput(label: "the same name and office twice", args: ["train", "attend", "1", "--name", "才让", "--office", "囊谦县社保局", "--region", "yushu"],
             mentions: ["才让", "囊谦县社保局", "attendee-edit"], now: LateDesk.now),
    BadInput(label: "a score for a name two attendees share", args: ["train", "score", "1", "--name", "才让", "--score", "70"],
             mentions: ["才让", "玉树州社保局", "囊谦县社保局", "--office"], now: LateDesk.now),
    BadInput(label: "a correction of a name two attendees share", args: ["train", "attendee-edit", "1", "--name", "才让", "--new-score", "70"],
             mentions: ["--office"], now: LateDesk.now),
    BadInput(label: "a correction of nobody", args: ["train", "attendee-edit", "1", "--name", "卓玛", "--new-score", "70"],
             mentions: ["卓玛"], now: LateDesk.now),
    BadInput(label: "a correction of an office nobody of the name is from",
             args: ["train", "attendee-edit", "1", "--name", "扎西", "--office", "海东市社保局", "--new-score", "70"],
             mentions: ["扎西", "海东市社保局"], now: LateDesk.now),
    BadInput(label: "a correction that changes nothing", args: ["train", "attendee-edit", "1", "--name", "扎西"],
             mentions: ["nothing to correct"], now: LateDesk.now),
    BadInput(label: "a correction making one attendee another",
             args: ["train", "attendee-edit", "1", "--name", "扎西", "--new-name", "才让"],
             mentions: ["才让", "玉树州社保局", "already attends"], now: LateDesk.now),
    BadInput(label: "a corrected score out of range", args: ["train", "attendee-edit", "1", "--name", "扎西", "--new-score", "101"],
             mentions: ["101", "0 to 100"], now: LateDesk.now),
    BadInput(label: "a corrected blank office", args: ["train", "attendee-edit", "1", "--name", "扎西", "--new-office", " "],
             mentions: ["--office"], now: LateDesk.now),
    BadInput(label: "a corrected unknown region", args: ["train", "attendee-edit", "1", "--name", "扎西", "--new-region", "拉萨"],
             mentions: ["--new-region", "拉萨"], now: LateDesk.now),
    BadInput(label: "a step in the future of its recording", args: ["train", "step", "1", "content", "--at", "2026-12-07T10:05:00+08:00"],
             mentions: ["future"], now: LateDesk.now),
]

@Suite("trainings entered after the fact, on the command line", .scratch)
struct TrainingAfterTheFactCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: lateBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try LateDesk.make(), state: { snapshot($0, ids: [1]) })
    }

    @Test func aSessionEnteredDaysLaterTakesStepsDatedBeforeItWasEntered() throws {
        let db = try LateDesk.make()
        // Entered on 12-07 at 10:00; the first step was done on 12-01, before the session was entered.
        for (step, at) in [("content", "2026-12-01T10:00:00+08:00"), ("plan", "2026-12-01T15:00:00+08:00"), ("materials", "2026-12-02T09:00:00+08:00"), ("delivery", "2026-12-03T09:30:00+08:00")] {
            let r = helpdesk(["train", "step", "1", step, "--at", at], db: db, now: LateDesk.now)
            #expect(r.status == 0, "\(step): \(r.err)")
        }
        let show = jsonObject(ok(["train", "show", "1", "--json"], db: db, now: LateDesk.now))
        let steps = try #require(show["steps"] as? [[String: Any]])
        #expect(steps.prefix(4).map { $0["done_at"] as? String } == ["2026-12-01T10:00:00+08:00", "2026-12-01T15:00:00+08:00",
                                                                     "2026-12-02T09:00:00+08:00", "2026-12-03T09:30:00+08:00"])
        #expect(show["recorded_at"] as? String == "2026-12-07T10:00:00+08:00")
    }

    @Test func twoOfOneNameAreToldApartByOfficeAndCorrectedInHistory() throws {
        let db = try LateDesk.make()
        #expect(ok(["train", "score", "1", "--name", "才让", "--office", "囊谦县社保局", "--score", "88"], db: db, now: LateDesk.now)
                == "#1 才让 88\n")
        #expect(ok(["train", "attendee-edit", "1", "--name", "扎西", "--new-name", "扎西多杰", "--new-office", "称多县社保局",
                    "--new-region", "yushu", "--new-score", "91"], db: db, now: LateDesk.now) == "#1 扎西多杰 (称多县社保局)\n")
        #expect(ok(["train", "attendee-edit", "1", "--name", "才让", "--office", "玉树州社保局", "--new-region", "海南州", "--lang", "zh"],
                   db: db, now: LateDesk.now) == "#1 才让（玉树州社保局）\n")
        let show = jsonObject(ok(["train", "show", "1", "--json"], db: db, now: LateDesk.now))
        let attendees = try #require(show["attendees"] as? [[String: Any]])
        #expect(attendees.map { "\($0["name"]!) \($0["office"]!) \($0["region"]!) \($0["score"]!)" }
                == ["才让 玉树州社保局 hainan 80", "才让 囊谦县社保局 yushu 88", "扎西多杰 称多县社保局 yushu 91"])
        let history = try #require(show["history"] as? [[String: Any]])
        let corrections = history.filter { $0["event"] as? String == "attendee_corrected" }
        #expect(corrections.map { "\($0["field"]!): \($0["old"]!) → \($0["new"]!) [\($0["note"]!)]" } == [
            "attendee_name: 扎西 → 扎西多杰 [扎西]", "attendee_office: 玉树州社保局 → 称多县社保局 [扎西]",
            "score: <null> → 91 [扎西]", "attendee_region: yushu → hainan [才让 (玉树州社保局)]",
        ])
    }
}
