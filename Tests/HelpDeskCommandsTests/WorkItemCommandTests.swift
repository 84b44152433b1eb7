import Foundation
import Testing

@Suite("case commands", .scratch)
struct CaseCommandTests {
    @Test("case add prints the new id alone on standard output")
    func addPrintsId() throws {
        let db = freshDatabase()
        let first = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "西宁市",
                              "--title", "养老金查询", "--at", "2021-11-23T10:00:00+08:00"], db: db)
        #expect(first.status == 0, "\(first.err)")
        #expect(first.out.range(of: #"^[0-9]+\n$"#, options: .regularExpression) != nil, "got \(first.out.debugDescription)")
        let second = helpdesk(["case", "add", "--kind", "special", "--channel", "wechat", "--region", "haidong",
                               "--title", "特殊情况", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        #expect(second.status == 0, "\(second.err)")
        #expect(second.out.range(of: #"^[0-9]+\n$"#, options: .regularExpression) != nil, "got \(second.out.debugDescription)")
        #expect(first.out != second.out)
    }

    @Test("show prints history values whole, however long")
    func showPrintsHistoryWhole() throws {
        let db = freshDatabase()
        let id = addCase(db, title: "登录失败", at: "2021-11-23T10:00:00+08:00")
        let solution = "指导用户按正确流程重新操作，并补充操作手册说明：先清除浏览器缓存，再重新登录系统，最后在个人设置中重新绑定证书，问题解决"
        ok(["case", "resolve", "\(id)", "--cause", "证书过期", "--solution", solution, "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let shown = ok(["show", "\(id)"], db: db)
        let history = shown.components(separatedBy: "\n").drop { !$0.hasPrefix("历史") && !$0.hasPrefix("History") }
        #expect(history.contains { $0.contains(solution) }, "\(shown)")
    }

    @Test("case show --json: due date, calendar version and the created entry with its actor")
    func showJSON() throws {
        let db = freshDatabase()
        let id = addCase(db, region: "西宁市", title: "登录失败", at: "2021-11-23T14:59:59+08:00",
                         extra: ["--requester", "张三", "--description", "无法登录"])
        let item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(item["id"] as? Int == id)
        #expect(item["kind"] as? String == "general")
        #expect(item["status"] as? String == "open")
        #expect(item["title"] as? String == "登录失败")
        #expect(item["region"] as? String == "xining")
        #expect(item["region_name"] as? String == "西宁市")
        #expect(item["channel"] as? String == "phone")
        #expect(item["received_at"] as? String == "2021-11-23T14:59:59+08:00")
        #expect(item["due_at"] as? String == "2021-11-23T18:00:00+08:00")
        #expect((item["calendar_version"] as? String)?.isEmpty == false)
        #expect((item["requester"] as? [String: Any])?["name"] as? String == "张三")
        let history = try #require(item["history"] as? [[String: Any]])
        let created = try #require(history.first)
        #expect(created["event"] as? String == "created")
        #expect(created["actor"] as? String == currentUser)
        #expect(created["at"] as? String == "2021-11-23T14:59:59+08:00")
        #expect(created["recorded_at"] as? String == defaultNow)
    }

    @Test("the deadline stored with a ticket follows the contract's rules")
    func storedDeadlines() {
        let db = freshDatabase()
        let late = addCase(db, at: "2021-11-23T15:00:00+08:00")
        let special = addCase(db, kind: "special", at: "2021-11-23T10:00:00+08:00")
        let requirement = addCase(db, kind: "requirement", at: "2021-11-23T10:00:00+08:00")
        #expect(jsonObject(ok(["case", "show", "\(late)", "--json"], db: db))["due_at"] as? String == "2021-11-24T18:00:00+08:00")
        let s = jsonObject(ok(["case", "show", "\(special)", "--json"], db: db))
        #expect(s["due_at"] as? String == "2021-11-24T10:00:00+08:00")
        #expect(s["confirmed_at"] as? String == "2021-11-23T10:00:00+08:00")
        let r = jsonObject(ok(["case", "show", "\(requirement)", "--json"], db: db))
        #expect(r["due_at"] is NSNull, "a requirement has no deadline until assessed")
    }

    @Test("respond, then resolve: the ticket is closed with its cause and solution, every step in the history")
    func respondAndResolve() throws {
        let db = freshDatabase()
        let id = addCase(db, kind: "special", at: "2021-11-23T10:00:00+08:00")
        ok(["case", "respond", "\(id)", "--note", "已电话回复", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        var item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(item["status"] as? String == "responded")
        #expect(item["first_response_at"] as? String == "2021-11-23T11:00:00+08:00")

        ok(["case", "resolve", "\(id)", "--cause", "口令过期", "--solution", "重置口令", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(item["status"] as? String == "closed")
        #expect(item["closed_at"] as? String == "2021-11-23T12:00:00+08:00")
        #expect(item["cause"] as? String == "口令过期")
        #expect(item["solution"] as? String == "重置口令")
        #expect(item["overdue"] as? Bool == false)
        let events = try #require(item["history"] as? [[String: Any]]).compactMap { $0["event"] as? String }
        #expect(events.first == "created")
        #expect(events.contains("responded"))
        #expect(events.contains("resolved"))
        #expect(try #require(item["history"] as? [[String: Any]]).allSatisfy { $0["actor"] as? String == currentUser })
    }

    @Test("assess a requirement with --due DATE: close of business that day")
    func assessWithDate() throws {
        let db = freshDatabase()
        let id = addCase(db, kind: "requirement", channel: "case", region: "海南州", at: "2021-11-23T10:00:00+08:00")
        let r = helpdesk(["case", "assess", "\(id)", "--due", "2021-12-01", "--agreed-with", "李四", "--size", "5 人天",
                          "--at", "2021-11-23T15:30:00+08:00"], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("2021-12-01T18:00:00+08:00"))
        let item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(item["status"] as? String == "assessed")
        #expect(item["due_at"] as? String == "2021-12-01T18:00:00+08:00")
        #expect(item["agreed_with"] as? String == "李四")
        #expect(item["agreed_at"] as? String == "2021-11-23T15:30:00+08:00")
        #expect(item["size_estimate"] as? String == "5 人天")
        let events = try #require(item["history"] as? [[String: Any]]).compactMap { $0["event"] as? String }
        #expect(events.contains("assessed"))
    }

    @Test("assess a requirement with --due TIME in UTC")
    func assessWithTime() {
        let db = freshDatabase()
        let id = addCase(db, kind: "requirement", at: "2021-11-23T10:00:00+08:00")
        ok(["case", "assess", "\(id)", "--due", "2021-12-01T02:00:00Z", "--agreed-with", "李四"], db: db)
        let item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(item["due_at"] as? String == "2021-12-01T10:00:00+08:00")
    }
}

@Suite("fault commands", .scratch)
struct FaultCommandTests {
    @Test("fault add prints the id alone; the deadline runs on the wall clock from the report")
    func add() throws {
        let db = freshDatabase()
        let r = helpdesk(["fault", "add", "--level", "3", "--region", "玉树州", "--title", "负载均衡未切换",
                          "--at", "2021-11-23T08:00:00+08:00"], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.range(of: #"^[0-9]+\n$"#, options: .regularExpression) != nil, "got \(r.out.debugDescription)")
        let id = try #require(Int(r.out.trimmingCharacters(in: .newlines)))
        let item = jsonObject(ok(["fault", "show", "\(id)", "--json"], db: db))
        #expect(item["kind"] as? String == "fault")
        #expect(item["level"] as? Int == 3)
        #expect(item["region"] as? String == "yushu")
        #expect(item["reported_at"] as? String == "2021-11-23T08:00:00+08:00")
        #expect(item["due_at"] as? String == "2021-11-25T08:00:00+08:00")
        let history = try #require(item["history"] as? [[String: Any]])
        #expect(history.first?["actor"] as? String == currentUser)
    }

    @Test("fault raise recomputes the deadline from the original report time")
    func raise() throws {
        let db = freshDatabase()
        let id = addFault(db, level: 3, at: "2021-11-23T08:00:00+08:00")
        ok(["fault", "raise", "\(id)", "--level", "2", "--reason", "核心功能受影响", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        var item = jsonObject(ok(["fault", "show", "\(id)", "--json"], db: db))
        #expect(item["level"] as? Int == 2)
        #expect(item["due_at"] as? String == "2021-11-24T08:00:00+08:00")

        ok(["fault", "raise", "\(id)", "--level", "1", "--reason", "系统宕机", "--at", "2021-11-23T15:00:00+08:00"], db: db)
        item = jsonObject(ok(["fault", "show", "\(id)", "--json"], db: db))
        #expect(item["level"] as? Int == 1)
        #expect(item["due_at"] as? String == "2021-11-23T20:00:00+08:00")
        #expect(item["reported_at"] as? String == "2021-11-23T08:00:00+08:00")
        let history = try #require(item["history"] as? [[String: Any]])
        let raised = history.filter { $0["event"] as? String == "raised" }
        #expect(raised.contains { $0["note"] as? String == "系统宕机" }, "the reason is recorded")
        #expect(raised.contains { $0["field"] as? String == "level" && $0["old"] as? String == "2" && $0["new"] as? String == "1" })
    }

    @Test("fault raise 3 → 1 in one step")
    func raiseTwoSteps() {
        let db = freshDatabase()
        let id = addFault(db, level: 3, at: "2021-11-23T08:00:00+08:00")
        let r = helpdesk(["fault", "raise", "\(id)", "--level", "1", "--reason", "宕机"], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("2021-11-23T20:00:00+08:00"))
    }

    @Test("fault restore closes the fault with cause and solution")
    func restore() throws {
        let db = freshDatabase()
        let id = addFault(db, level: 1, at: "2021-11-23T08:00:00+08:00")
        ok(["fault", "restore", "\(id)", "--cause", "磁盘满", "--solution", "清理归档日志", "--mode", "onsite",
            "--at", "2021-11-23T13:00:00+08:00"], db: db)
        let item = jsonObject(ok(["fault", "show", "\(id)", "--json"], db: db))
        #expect(item["status"] as? String == "closed")
        #expect(item["closed_at"] as? String == "2021-11-23T13:00:00+08:00")
        #expect(item["cause"] as? String == "磁盘满")
        #expect(item["solution"] as? String == "清理归档日志")
        #expect(item["overdue"] as? Bool == false)
        let events = try #require(item["history"] as? [[String: Any]]).compactMap { $0["event"] as? String }
        #expect(events.contains("restored"))
    }
}

@Suite("list commands", .scratch)
struct ListCommandTests {
    /// #a general 西宁 open, overdue (due Mon 18:00); #b special 海东 open; #c requirement 海东;
    /// #d general 西宁 closed; #e fault level 2 玉树; #f fault level 1 海西 restored.
    struct Desk {
        let db: String
        let overdueGeneral, special, requirement, closedGeneral, fault2, restoredFault: Int
    }

    func desk() -> Desk {
        let db = freshDatabase()
        let a = addCase(db, region: "西宁市", title: "overdue", at: "2021-11-22T10:00:00+08:00")
        let b = addCase(db, kind: "special", channel: "wechat", region: "haidong", title: "special", at: "2021-11-23T10:00:00+08:00")
        let c = addCase(db, kind: "requirement", channel: "case", region: "海东市", title: "requirement", at: "2021-11-23T11:00:00+08:00")
        let d = addCase(db, region: "xining", title: "closed", at: "2021-11-23T09:30:00+08:00")
        ok(["case", "resolve", "\(d)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T10:30:00+08:00"], db: db)
        let e = addFault(db, level: 2, region: "yushu", at: "2021-11-23T12:00:00+08:00")
        let f = addFault(db, level: 1, region: "海西州", at: "2021-11-23T01:00:00+08:00")
        ok(["fault", "restore", "\(f)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T02:00:00+08:00"], db: db)
        return Desk(db: db, overdueGeneral: a, special: b, requirement: c, closedGeneral: d, fault2: e, restoredFault: f)
    }

    @Test("case list --json and fault list --json: {total, total_capped, offset, next_after, items}")
    func shapes() throws {
        let k = desk()
        let cases = jsonObject(ok(["case", "list", "--json"], db: k.db))
        #expect(Set(cases.keys) == ["total", "total_capped", "offset", "next_after", "items"])
        #expect(cases["total"] as? Int == 4)
        #expect(cases["total_capped"] as? Bool == false)
        #expect(cases["offset"] as? Int == 0)
        #expect(cases["next_after"] is NSNull)
        let caseItems = try #require(cases["items"] as? [[String: Any]])
        #expect(Set(caseItems.compactMap { $0["id"] as? Int }) == [k.overdueGeneral, k.special, k.requirement, k.closedGeneral])
        #expect(caseItems.allSatisfy { ["general", "special", "requirement"].contains($0["kind"] as? String ?? "") })

        let faults = jsonObject(ok(["fault", "list", "--json"], db: k.db))
        #expect(Set(faults.keys) == ["total", "total_capped", "offset", "next_after", "items"])
        #expect(faults["total"] as? Int == 2)
        let faultItems = try #require(faults["items"] as? [[String: Any]])
        #expect(Set(faultItems.compactMap { $0["id"] as? Int }) == [k.fault2, k.restoredFault])
        #expect(faultItems.allSatisfy { $0["kind"] as? String == "fault" && $0["level"] is Int })

        let all = jsonObject(ok(["list", "--json", "--limit", "0"], db: k.db))
        #expect(all["total"] as? Int == 6)
        #expect((all["items"] as? [Any])?.count == 6)
    }

    @Test("--limit and --offset page through the list; total counts every match")
    func paging() {
        let k = desk()
        let everything = listIds(ok(["case", "list", "--json"], db: k.db))
        let page = jsonObject(ok(["case", "list", "--json", "--limit", "2", "--offset", "1"], db: k.db))
        #expect(page["total"] as? Int == 4)
        #expect(page["offset"] as? Int == 1)
        #expect((page["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == Array(everything[1...2]))
    }

    @Test("--after ID pages by key: the page after an item, and next_after for the one after it")
    func pagingByKey() {
        let k = desk()
        let everything = listIds(ok(["list", "--json"], db: k.db))
        let first = jsonObject(ok(["list", "--json", "--limit", "2"], db: k.db))
        #expect(first["next_after"] as? Int == everything[1])
        let next = jsonObject(ok(["list", "--json", "--limit", "2", "--after", "\(everything[1])"], db: k.db))
        #expect((next["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == Array(everything[2...3]))
        #expect(next["total"] as? Int == everything.count)
        let text = ok(["--lang", "en", "case", "list", "--limit", "1", "--after", "\(everything[0])"], db: k.db)
        #expect(!text.isEmpty)
    }

    @Test("--kind filters CASE tickets")
    func kindFilter() {
        let k = desk()
        #expect(Set(listIds(ok(["case", "list", "--json", "--kind", "general"], db: k.db))) == [k.overdueGeneral, k.closedGeneral])
        #expect(listIds(ok(["case", "list", "--json", "--kind", "special"], db: k.db)) == [k.special])
        #expect(listIds(ok(["case", "list", "--json", "--kind", "requirement"], db: k.db)) == [k.requirement])
        // By the names the lists show, in either language.
        #expect(listIds(ok(["case", "list", "--json", "--kind", "需求"], db: k.db)) == [k.requirement])
        #expect(listIds(ok(["case", "list", "--json", "--kind", "特殊情况", "--status", "待处理"], db: k.db)) == [k.special])
        #expect(listIds(ok(["case", "list", "--json", "--status", "已解决"], db: k.db)) == [k.closedGeneral])
    }

    @Test("--status filters by status")
    func statusFilter() {
        let k = desk()
        #expect(listIds(ok(["case", "list", "--json", "--status", "closed"], db: k.db)) == [k.closedGeneral])
        #expect(Set(listIds(ok(["case", "list", "--json", "--status", "open"], db: k.db))) == [k.overdueGeneral, k.special, k.requirement])
        #expect(Set(listIds(ok(["case", "list", "--json", "--status", "active"], db: k.db))) == [k.overdueGeneral, k.special, k.requirement])
        #expect(listIds(ok(["fault", "list", "--json", "--status", "closed"], db: k.db)) == [k.restoredFault])
        #expect(listIds(ok(["fault", "list", "--json", "--status", "restored"], db: k.db)) == [k.restoredFault])
        #expect(listIds(ok(["fault", "list", "--json", "--status", "已恢复"], db: k.db)) == [k.restoredFault])
        #expect(listIds(ok(["fault", "list", "--json", "--status", "active"], db: k.db)) == [k.fault2])
    }

    @Test("--region accepts the Chinese name and the pinyin, with the same result")
    func regionFilter() {
        let k = desk()
        let chinese = ok(["case", "list", "--json", "--region", "海东市"], db: k.db)
        let pinyin = ok(["case", "list", "--json", "--region", "haidong"], db: k.db)
        #expect(chinese == pinyin)
        #expect(Set(listIds(chinese)) == [k.special, k.requirement])
        #expect(listItems(chinese).allSatisfy { $0["region"] as? String == "haidong" && $0["region_name"] as? String == "海东市" })
        #expect(Set(listIds(ok(["case", "list", "--json", "--region", "西宁市"], db: k.db))) == [k.overdueGeneral, k.closedGeneral])
        #expect(listIds(ok(["fault", "list", "--json", "--region", "海西州"], db: k.db)) == [k.restoredFault])
        #expect(listIds(ok(["fault", "list", "--json", "--region", "yushu"], db: k.db)) == [k.fault2])
        #expect(listIds(ok(["case", "list", "--json", "--region", "guoluo"], db: k.db)) == [])
    }

    @Test("--overdue lists the items past their deadline at now")
    func overdueFilter() {
        let k = desk()
        // At 16:00 Tue only the ticket due Mon 18:00 is overdue.
        let now = listItems(ok(["list", "--json", "--overdue", "--limit", "0"], db: k.db))
        #expect(now.compactMap { $0["id"] as? Int } == [k.overdueGeneral])
        #expect(now.allSatisfy { $0["overdue"] as? Bool == true })
        // On Thursday morning the special (due Wed 10:00) and the level-2 fault (due Wed 12:00) are too.
        let later = listIds(ok(["list", "--json", "--overdue", "--limit", "0"], db: k.db, now: "2021-11-25T09:00:00+08:00"))
        #expect(Set(later) == [k.overdueGeneral, k.special, k.fault2])
        #expect(listIds(ok(["case", "list", "--json", "--overdue"], db: k.db, now: "2021-11-25T09:00:00+08:00")).count == 2)
        #expect(listIds(ok(["fault", "list", "--json", "--overdue"], db: k.db, now: "2021-11-25T09:00:00+08:00")) == [k.fault2])
    }

    @Test("the table for people lists every item, regions named in the reader's language")
    func table() {
        let k = desk()
        let out = ok(["case", "list", "--lang", "zh"], db: k.db)
        let lines = out.split(separator: "\n")
        #expect(lines.count == 5, "a header and 4 rows: \(out)")
        #expect(out.contains("西宁市"))
        #expect(out.contains("海东市"))
        #expect(!out.contains("{"))
        // In English the regions read in pinyin, as in the console and the report.
        let en = ok(["case", "list", "--lang", "en"], db: k.db)
        #expect(en.contains("Xining") && en.contains("Haidong") && !en.contains("西宁市"))
    }

    @Test("global options stand before or after the subcommand")
    func globalOptionsAnywhere() {
        let k = desk()
        // HELPDESK_DB points elsewhere: --db must win wherever it stands.
        let elsewhere = freshDatabase()
        let env = ["HELPDESK_DB": elsewhere]
        let before = helpdesk(["--db", k.db, "case", "list", "--json"], db: k.db, env: env)
        let after = helpdesk(["case", "list", "--json", "--db", k.db], db: k.db, env: env)
        let middle = helpdesk(["case", "--db", k.db, "list", "--json"], db: k.db, env: env)
        let jsonFirst = helpdesk(["--json", "--db", k.db, "case", "list"], db: k.db, env: env)
        #expect(before.status == 0, "\(before.err)")
        #expect(after.status == 0, "\(after.err)")
        #expect(before.out == after.out)
        #expect(listIds(before.out).count == 4)
        #expect(middle.status == 0, "\(middle.err)")
        #expect(middle.out == after.out)
        #expect(jsonFirst.status == 0, "\(jsonFirst.err)")
        #expect(jsonFirst.out == after.out)
        #expect(listIds(helpdesk(["case", "list", "--json"], db: elsewhere).out) == [])

        // --now before and after.
        let nowBefore = helpdesk(["--now", "2021-11-25T09:00:00+08:00", "--db", k.db, "list", "--overdue", "--json", "--limit", "0"], db: k.db, env: env)
        let nowAfter = helpdesk(["list", "--overdue", "--json", "--limit", "0", "--db", k.db, "--now", "2021-11-25T09:00:00+08:00"], db: k.db, env: env)
        #expect(nowBefore.status == 0, "\(nowBefore.err)")
        #expect(nowBefore.out == nowAfter.out)
        #expect(Set(listIds(nowBefore.out)) == [k.overdueGeneral, k.special, k.fault2])

        // A write with --db before the subcommand lands in that database.
        let w = helpdesk(["--db", k.db, "case", "add", "--kind", "general", "--channel", "qq", "--region", "haibei",
                          "--title", "x", "--at", "2021-11-23T10:00:00+08:00"], db: k.db, env: env)
        #expect(w.status == 0, "\(w.err)")
        #expect(listIds(helpdesk(["case", "list", "--json", "--db", k.db, "--region", "海北州"], db: k.db, env: env).out).count == 1)
    }
}
