import Foundation
import Testing

@Suite("case similar", .scratch)
struct SimilarCommandTests {
    static let received = "2021-11-23T10:00:00+08:00"

    /// A ticket resolved at `at` with `solution`.
    static func resolved(_ db: String, _ title: String, solution: String, at: String) -> Int {
        let id = addCase(db, title: title, at: received)
        ok(["case", "resolve", "\(id)", "--cause", "证书过期", "--solution", solution, "--at", at], db: db)
        return id
    }

    @Test func theClosestResolvedTicketsAsATableAndAsJSON() throws {
        let db = freshDatabase()
        let older = Self.resolved(db, "Ukey证书过期无法登录", solution: "重新签发证书\n再导入客户端", at: "2021-11-23T11:00:00+08:00")
        let newer = Self.resolved(db, "Ukey证书过期无法登录", solution: "更换Ukey", at: "2021-11-23T12:00:00+08:00")
        _ = Self.resolved(db, "缴费基数调整", solution: "调整基数", at: "2021-11-23T12:30:00+08:00")
        let asked = addCase(db, title: "Ukey证书过期无法登录", at: Self.received)
        let before = databaseDump(db)
        let en = ok(["case", "similar", "\(asked)"], db: db)
        let lines = en.split(separator: "\n").map(String.init)
        #expect(lines.count == 3 && lines[0].contains("resolved") && lines[0].contains("solution"), "\(en)")
        #expect(lines[1].hasPrefix("\(newer) ") && lines[1].contains("11-23 12:00") && lines[1].contains("更换Ukey"), "\(en)")
        #expect(lines[2].hasPrefix("\(older) ") && lines[2].contains("重新签发证书") && !lines[2].contains("再导入"), "the first line: \(en)")
        let zh = ok(["case", "similar", "\(asked)", "--lang", "zh", "--limit", "1"], db: db)
        #expect(zh.contains("解决时间") && zh.contains("解决方案") && zh.split(separator: "\n").count == 2, "\(zh)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ok(["case", "similar", "\(asked)", "--json"], db: db).utf8))
                                as? [[String: Any]])
        #expect(json.map { $0["id"] as? Int } == [newer, older])
        #expect(json[0]["resolved_at"] as? String == "2021-11-23T12:00:00+08:00" && json[0]["cause"] as? String == "证书过期")
        #expect(json[1]["solution"] as? String == "重新签发证书\n再导入客户端")
        #expect(databaseDump(db) == before, "reading changed the database")
        // Nothing close: said.
        let lonely = addCase(db, title: "档案借阅登记", at: Self.received)
        #expect(ok(["case", "similar", "\(lonely)"], db: db) == "no resolved ticket is close to #\(lonely)\n")
        #expect(ok(["case", "similar", "\(lonely)", "--json"], db: db) == "[]\n")
    }

    @Test func badInputIsRefusedWithStatus2AndNoChange() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let task = helpdesk(["task", "add", "--title", "整理档案", "--due", "2021-12-01"], db: db)
        let taskID = Int(task.out.trimmingCharacters(in: .whitespacesAndNewlines)) ?? 0
        let cases: [([String], String, String)] = [
            (["case", "similar", "999"], "999", "999"),
            (["case", "similar", "0"], "0", "0"),
            (["case", "similar", "\(id)", "--limit", "0"], "1 to 50", "1 到 50"),
            (["case", "similar", "\(id)", "--limit", "51"], "1 to 50", "1 到 50"),
            (["case", "similar", "\(id)", "--limit", "-3"], "-3", "-3"),
            (["case", "similar", "\(id)", "--limit", "many"], "many", "many"),
            (["case", "similar"], "<id>", "<id>"),
        ] + (task.status == 0 ? [(["case", "similar", "\(taskID)"], "tickets and faults", "工单和故障")] : [])
        #expect(task.status == 0, "\(task.err)")
        let before = databaseDump(db)
        for (args, en, zh) in cases {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2 && r.err.contains(en), "\(args): \(r.status) \(r.err)")
            let z = helpdesk(args, db: db, env: ["LANG": "zh_CN.UTF-8"])
            #expect(z.status == 2 && z.err.contains(zh), "\(args): \(z.status) \(z.err)")
            #expect(!z.err.contains("is not") && !z.err.contains("Missing"), "\(args) in Chinese: \(z.err)")
            #expect(databaseDump(db) == before, "\(args) changed the database")
        }
    }
}
