import Foundation
import Testing

/// The desk the service commands are tried on (ids fixed in a fresh database): #1 a general ticket,
/// #2 an assessed requirement, #3 an open task, #4 a change in internal test whose round failed,
/// #5 a change released in delivery 1 on 2021-11-20, #6 a change in research.
enum ServiceDesk {
    static let general = 1, requirement = 2, task = 3, failing = 4, released = 5, research = 6, delivery = 1

    static func make() throws -> String {
        let db = freshDatabase()
        let general = addCase(db, title: "开户查询", at: "2021-11-01T10:00:00+08:00")
        let requirement = addCase(db, kind: "requirement", channel: "case", title: "批量导入", at: "2021-11-01T10:00:00+08:00")
        ok(["case", "assess", "\(requirement)", "--due", "2021-12-15", "--agreed-with", "王建华", "--at", "2021-11-02T10:00:00+08:00"], db: db)
        let task = ok(["task", "add", "--title", "更正缴费基数", "--due", "2021-11-30", "--case", "\(general)",
                       "--at", "2021-11-03T10:00:00+08:00"], db: db)
        let failing = ok(["change", "add", "--type", "bugfix", "--title", "修正导出", "--due", "2021-11-30",
                          "--at", "2021-11-03T10:00:00+08:00"], db: db)
        walk(db, failing, to: 3, from: 4)
        ok(["change", "test", id(failing), "--result", "fail", "--note", "导出超时", "--at", "2021-11-08T10:00:00+08:00"], db: db)
        let released = ok(["change", "add", "--type", "requirement", "--title", "批量导入", "--from-case", "\(requirement)",
                           "--at", "2021-11-03T10:00:00+08:00"], db: db)
        walk(db, released, to: 3, from: 4)
        ok(["change", "test", id(released), "--result", "pass", "--note", "通过", "--at", "2021-11-08T10:00:00+08:00"], db: db)
        ok(["change", "advance", id(released), "--to", "user-test", "--at", "2021-11-09T10:00:00+08:00"], db: db)
        let delivery = ok(["change", "advance", id(released), "--to", "released", "--cause", "需要批量导入", "--solution", "新增导入功能", "--label", "V3.2",
                           "--at", "2021-11-20T10:00:00+08:00"], db: db)
        let research = ok(["change", "add", "--type", "optimisation", "--title", "提速", "--due", "2021-12-31",
                           "--at", "2021-11-03T10:00:00+08:00"], db: db)
        let made = [task, failing, released, research, delivery].map { Int($0.trimmingCharacters(in: .newlines)) ?? -1 }
        try #require([general, requirement] + made.dropLast() == [1, 2, 3, 4, 5, 6] && made.last == ServiceDesk.delivery)
        return db
    }

    static func id(_ printed: String) -> String { printed.trimmingCharacters(in: .newlines) }

    /// Advances a change `stages` times, a day apart from day `from` of November 2021.
    static func walk(_ db: String, _ change: String, to stages: Int, from day: Int) {
        for n in 0..<stages {
            var args = ["change", "advance", id(change), "--to", ["confirmed", "development", "internal-test"][n],
                        "--at", String(format: "2021-11-%02dT10:00:00+08:00", day + n)]
            if n == 0 { args += ["--signed-by", "马主任"] }
            ok(args, db: db)
        }
    }
}

private let serviceBadInputs: [BadInput] = [
    BadInput(label: "task add without a due time", args: ["task", "add", "--title", "T"], mentions: ["--due"]),
    BadInput(label: "task add with a due that is no time", args: ["task", "add", "--title", "T", "--due", "soon"], mentions: ["soon"]),
    BadInput(label: "task add due before it is taken in", args: ["task", "add", "--title", "T", "--due", "2021-11-01"], mentions: ["due"]),
    BadInput(label: "task add from a ticket that does not exist", args: ["task", "add", "--title", "T", "--due", "2021-11-30", "--case", "99"],
             mentions: ["#99"]),
    BadInput(label: "task add from a change", args: ["task", "add", "--title", "T", "--due", "2021-11-30", "--case", "4"], mentions: ["#4"]),
    BadInput(label: "task add for someone not on the staff", args: ["task", "add", "--title", "T", "--due", "2021-11-30", "--assignee", "nobody"],
             mentions: ["nobody"]),
    BadInput(label: "task complete without a cause", args: ["task", "complete", "3", "--cause", " ", "--solution", "s"], mentions: ["--cause"]),
    BadInput(label: "task error on a task not completed", args: ["task", "error", "3", "--note", "wrong"], mentions: ["#3", "completed"]),
    BadInput(label: "task error on a ticket", args: ["task", "error", "1", "--note", "wrong"], mentions: ["#1"]),
    BadInput(label: "task show of a ticket", args: ["task", "show", "1"], mentions: ["#1"]),
    BadInput(label: "change add of an unknown type", args: ["change", "add", "--type", "bogus", "--title", "T", "--due", "2021-12-31"],
             mentions: ["bogus", "policy"]),
    BadInput(label: "policy adjustment without its effective date", args: ["change", "add", "--type", "policy", "--title", "T", "--due", "2021-12-31"],
             mentions: ["--effective"]),
    BadInput(label: "effective date on a bug fix",
             args: ["change", "add", "--type", "bugfix", "--title", "T", "--due", "2021-12-31", "--effective", "2021-10-01"], mentions: ["--effective"]),
    BadInput(label: "effective date that does not exist",
             args: ["change", "add", "--type", "policy", "--title", "T", "--due", "2021-12-31", "--effective", "2021-13-01"], mentions: ["2021-13-01"]),
    BadInput(label: "change from a general ticket", args: ["change", "add", "--type", "requirement", "--title", "T", "--from-case", "1"],
             mentions: ["#1"]),
    BadInput(label: "change from a requirement already turned into one",
             args: ["change", "add", "--type", "requirement", "--title", "T", "--from-case", "2"], mentions: ["#2"]),
    BadInput(label: "confirming without a signature", args: ["change", "advance", "6", "--to", "confirmed"], mentions: ["--signed-by"]),
    BadInput(label: "advancing without naming the stage", args: ["change", "advance", "6"], mentions: ["--to", "confirmed"]),
    BadInput(label: "advancing to a stage that is not the next", args: ["change", "advance", "6", "--to", "development", "--signed-by", "x"],
             mentions: ["research", "development"]),
    BadInput(label: "user test after a failed round", args: ["change", "advance", "4", "--to", "user-test"], mentions: ["round"]),
    BadInput(label: "releasing a change still in internal test", args: ["change", "advance", "4", "--to", "user-test", "--cause", "c", "--solution", "s"],
             mentions: ["round"]),
    BadInput(label: "advancing a released change", args: ["change", "advance", "5", "--to", "released"], mentions: ["#5"]),
    BadInput(label: "a test round of a change in research", args: ["change", "test", "6", "--result", "pass", "--note", "n"],
             mentions: ["internal test"]),
    BadInput(label: "a test result that is neither pass nor fail", args: ["change", "test", "4", "--result", "maybe", "--note", "n"],
             mentions: ["maybe"]),
    BadInput(label: "change show of a task", args: ["change", "show", "3"], mentions: ["#3"]),
    BadInput(label: "a defect of a delivery that does not exist", args: ["defect", "add", "--delivery", "99", "--title", "T"], mentions: ["99"]),
    BadInput(label: "a defect found before its delivery",
             args: ["defect", "add", "--delivery", "1", "--title", "T", "--at", "2021-11-19T10:00:00+08:00"], mentions: ["after"]),
    BadInput(label: "a delivery that does not exist", args: ["delivery", "show", "99"], mentions: ["99"]),
    BadInput(label: "defects of a delivery that does not exist", args: ["defect", "list", "--delivery", "99"], mentions: ["99"]),
    BadInput(label: "task list with an unknown status", args: ["task", "list", "--status", "bogus"], mentions: ["bogus"]),
    BadInput(label: "task list by region", args: ["task", "list", "--region", "xining"], mentions: ["--region"]),
    BadInput(label: "change list by region", args: ["change", "list", "--region", "xining"], mentions: ["--region"]),
]

@Suite("tasks, changes, deliveries and defects on the command line", .scratch)
struct ServiceCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: serviceBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try ServiceDesk.make(), state: { snapshot($0, ids: Array(1...6)) })
    }

    @Test func aChangeShowsItsStageRoundsDeliveryAndLinks() throws {
        let db = try ServiceDesk.make()
        let change = jsonObject(ok(["change", "show", "5", "--json"], db: db))
        let detail = try #require(change["change"] as? [String: Any])
        #expect(detail["stage"] as? String == "released" && detail["type"] as? String == "requirement")
        #expect(detail["signed_by"] as? String == "马主任" && detail["delivery"] as? Int == 1)
        #expect((detail["test_rounds"] as? [[String: Any]])?.map { $0["result"] as? String } == ["pass"])
        #expect(change["source"] as? Int == 2 && change["status"] as? String == "closed")
        #expect(change["due_at"] as? String == "2021-12-15T18:00:00+08:00", "the requirement's agreed date")
        let ticket = jsonObject(ok(["show", "2", "--json"], db: db))
        #expect((ticket["history"] as? [[String: Any]])?.contains { $0["event"] as? String == "linked" && $0["new"] as? String == "#5" } == true)

        let zh = ok(["change", "show", "5"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.contains("已上线") && zh.contains("内测第1轮") && zh.contains("推进阶段") && zh.contains("需求确认"))
        #expect(ok(["change", "list", "--status", "released"], db: db).contains("批量导入"))
        #expect(!ok(["task", "list", "--status", "completed"], db: db).contains("更正缴费基数"), "no task completed yet")
        let list = ok(["change", "list", "--status", "active"], db: db)
        #expect(list.contains("internal test") && list.contains("research") && !list.contains("released"))
    }

    @Test func aTaskIsCompletedThenFoundErroneous() throws {
        let db = try ServiceDesk.make()
        #expect(ok(["task", "complete", "3", "--cause", "基数录错", "--solution", "批量更正", "--at", "2021-11-10T10:00:00+08:00"], db: db)
                == "#3 completed\n")
        #expect(ok(["task", "error", "3", "--note", "漏了海东", "--at", "2021-11-12T10:00:00+08:00"], db: db) == "#3 marked erroneous\n")
        let task = jsonObject(ok(["task", "show", "3", "--json"], db: db))
        let mark = try #require(task["erroneous"] as? [String: Any])
        #expect(mark["note"] as? String == "漏了海东" && mark["at"] as? String == "2021-11-12T10:00:00+08:00")
        #expect(task["source"] as? Int == 1 && task["status"] as? String == "closed")
        let page = jsonObject(ok(["task", "list", "--json"], db: db))
        #expect((page["items"] as? [[String: Any]])?.first?["erroneous"] is [String: Any])
    }

    @Test func aReleaseOfALatePolicyPrintsTheDeliveryAndOpensATask() throws {
        let db = try ServiceDesk.make()
        let policy = ok(["change", "add", "--type", "policy", "--title", "调整缴费基数", "--due", "2021-12-31", "--effective", "2021-10-01",
                         "--at", "2021-11-03T10:00:00+08:00"], db: db)
        ServiceDesk.walk(db, policy, to: 3, from: 4)
        ok(["change", "test", ServiceDesk.id(policy), "--result", "pass", "--note", "通过", "--at", "2021-11-08T10:00:00+08:00"], db: db)
        ok(["change", "advance", ServiceDesk.id(policy), "--to", "user-test", "--at", "2021-11-09T10:00:00+08:00"], db: db)
        let r = helpdesk(["change", "advance", ServiceDesk.id(policy), "--to", "released", "--cause", "政策调整", "--solution", "新基数",
                          "--delivery", "1", "--at", "2021-11-22T15:00:00+08:00"], db: db)
        #expect(r.status == 0 && r.out == "1\n", "the delivery joined, printed alone: \(r.out) \(r.err)")
        #expect(r.err.contains("#8"))
        let task = jsonObject(ok(["task", "show", "8", "--json"], db: db))
        #expect(task["due_at"] as? String == "2021-11-23T18:00:00+08:00" && task["source"] as? Int == 7)
        let delivery = jsonObject(ok(["delivery", "show", "1", "--json"], db: db))
        #expect((delivery["changes"] as? [[String: Any]])?.map { $0["id"] as? Int } == [5, 7])
        #expect(delivery["erroneous"] as? Bool == false)
    }

    @Test func defectsWithinThirtyDaysCountAgainstTheDelivery() throws {
        let db = try ServiceDesk.make()
        #expect(ok(["defect", "add", "--delivery", "1", "--title", "导入乱码", "--at", "2021-11-21T10:00:00+08:00"], db: db) == "1\n")
        let delivery = jsonObject(ok(["delivery", "show", "1", "--json"], db: db))
        #expect(delivery["erroneous"] as? Bool == true)
        #expect(ok(["delivery", "list"], db: db).contains("V3.2"))
        #expect(ok(["defect", "list", "--delivery", "1"], db: db).contains("导入乱码"))
        let kpi = jsonObject(ok(["kpi", "--month", "2021-11", "--json"], db: db, now: "2021-12-20T10:00:00+08:00"))
        let figures = (kpi["figures"] as? [[String: Any]]) ?? []
        let k5 = try #require(figures.first { $0["id"] as? String == "K5" })
        #expect(k5["numerator"] as? Int == 1 && k5["denominator"] as? Int == 1 && k5["met"] as? Bool == false)
        let k3 = try #require(figures.first { $0["id"] as? String == "K3" })
        #expect(k3["denominator"] as? Int == 1, "#4 due 2021-11-30, never delivered")
    }
}

@Suite("kpi items on the command line", .scratch)
struct KPIItemsCommandTests {
    @Test func theItemsOfAFigureComeMissedFirstWithTheirOutcome() throws {
        let db = try ServiceDesk.make()
        // K3 in November 2021: #4 due 2021-11-30, never delivered: missed at 2021-12-20.
        let page = jsonObject(ok(["kpi", "items", "k3", "--month", "2021-11", "--json"], db: db, now: "2021-12-20T10:00:00+08:00"))
        #expect(page["figure"] as? String == "K3" && page["total"] as? Int == 1)
        let items = (page["items"] as? [[String: Any]]) ?? []
        #expect(items.first?["id"] as? Int == 4 && items.first?["met"] as? Bool == false && items.first?["event_at"] is NSNull)
        // Before its deadline the same change is undecided: met is null.
        let early = jsonObject(ok(["kpi", "items", "K3", "--month", "2021-11", "--json"], db: db))
        #expect(((early["items"] as? [[String: Any]])?.first?["met"]) is NSNull)
        let text = ok(["kpi", "items", "K3", "--month", "2021-11"], db: db, now: "2021-12-20T10:00:00+08:00")
        #expect(text.contains("修正导出") && text.contains("no"))
    }

    @Test func anUnknownFigureIsRefused() throws {
        let db = try ServiceDesk.make()
        let r = helpdesk(["kpi", "items", "K8", "--month", "2021-11"], db: db)
        #expect(r.status == 2 && r.out.isEmpty && r.err.contains("K8") && r.err.contains("K7-3"))
    }
}
