import Foundation
import Testing

/// A directory with two 才让 of two offices (#1 with two phones, #2) and 扎西 (#3), and a ticket of #1.
private enum Directory {
    static func make() throws -> String {
        let db = freshDatabase()
        #expect(ok(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu",
                    "--phone", "0976-8822334", "--phone", "13909760001", "--email", "cairang@ylbx.qh.gov.cn",
                    "--chat", "cairang_ys", "--language", "zh", "--channel", "wechat"], db: db) == "1\n")
        #expect(ok(["requester", "add", "--name", "才让", "--office", "囊谦县社保局", "--region", "玉树"], db: db) == "2\n")
        #expect(ok(["requester", "add", "--name", "扎西", "--office", "海西州社保局", "--region", "haixi",
                    "--phone", "0977 8221100 转 12"], db: db) == "3\n")
        #expect(ok(["case", "add", "--kind", "general", "--channel", "phone", "--title", "待遇发放失败", "--requester", "1",
                    "--at", "2021-11-23T10:00:00+08:00"], db: db) == "1\n")
        return db
    }
}

private let requesterBadInputs: [BadInput] = [
    BadInput(label: "the same name and office twice",
             args: ["requester", "add", "--name", "才让", "--office", "囊谦县社保局", "--region", "yushu"],
             mentions: ["才让", "囊谦县社保局", "requester edit 2"]),
    BadInput(label: "a blank office", args: ["requester", "add", "--name", "卓玛", "--office", " ", "--region", "yushu"],
             mentions: ["office"]),
    BadInput(label: "a bad phone", args: ["requester", "add", "--name", "卓玛", "--office", "A", "--region", "yushu", "--phone", "12"],
             mentions: ["12"]),
    BadInput(label: "a bad e-mail", args: ["requester", "add", "--name", "卓玛", "--office", "A", "--region", "yushu", "--email", "a@b"],
             mentions: ["a@b", "e-mail"]),
    BadInput(label: "a bad chat id", args: ["requester", "add", "--name", "卓玛", "--office", "A", "--region", "yushu", "--chat", "卓玛"],
             mentions: ["WeChat"]),
    BadInput(label: "a name over the limit",
             args: ["requester", "add", "--name", String(repeating: "名", count: 300), "--office", "A", "--region", "yushu"],
             mentions: ["name"]),
    BadInput(label: "an unknown region", args: ["requester", "add", "--name", "卓玛", "--office", "A", "--region", "拉萨"],
             mentions: ["拉萨"]),
    BadInput(label: "an edit of nobody", args: ["requester", "edit", "9", "--name", "卓玛"], mentions: ["#9"]),
    BadInput(label: "an edit that changes nothing", args: ["requester", "edit", "1", "--office", "玉树州社保局"],
             mentions: ["nothing changes"]),
    BadInput(label: "an edit from an older copy", args: ["requester", "edit", "1", "--name", "才让多杰", "--version", "7"],
             mentions: ["version 7 → 1"]),
    BadInput(label: "an edit making one requester another", args: ["requester", "edit", "2", "--office", "玉树州社保局"],
             mentions: ["#1"]),
    BadInput(label: "show of nobody", args: ["requester", "show", "9"], mentions: ["#9"]),
    BadInput(label: "a list by a text that is no phone", args: ["requester", "list", "--phone", "abc"], mentions: ["abc"]),
    BadInput(label: "a ticket for nobody", args: ["case", "add", "--kind", "general", "--channel", "phone", "--title", "T",
                                                 "--requester", "9"], mentions: ["#9"]),
    BadInput(label: "a ticket with neither region nor requester", args: ["case", "add", "--kind", "general", "--channel", "phone",
                                                                       "--title", "T"], mentions: ["--region", "--requester"]),
]

@Suite("the requester directory on the command line", .scratch)
struct RequesterCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: requesterBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try Directory.make())
    }

    @Test func refusalsAreSaidInChinese() throws {
        let db = try Directory.make()
        let before = databaseDump(db)
        let r = helpdesk(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu", "--lang", "zh"], db: db)
        #expect(r.status == 2)
        #expect(r.err.contains("玉树州社保局的「才让」已在目录中（#1）"), "\(r.err)")
        let e = helpdesk(["requester", "edit", "1", "--email", "x@", "--lang", "zh"], db: db)
        #expect(e.status == 2 && e.err.contains("不是电子邮件地址"), "\(e.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func theListFiltersByNameOfficeRegionAndPhoneHoweverTyped() throws {
        let db = try Directory.make()
        let all = try #require(try JSONSerialization.jsonObject(with: Data(ok(["requester", "list", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(all.map { "\($0["id"]!) \($0["name"]!) \($0["office"]!)" } == ["2 才让 囊谦县社保局", "1 才让 玉树州社保局", "3 扎西 海西州社保局"])
        #expect(all[1]["phones"] as? [String] == ["0976-8822334", "13909760001"])
        #expect(all[1]["chat"] as? String == "cairang_ys" && all[1]["language"] as? String == "zh")
        func ids(_ args: [String]) throws -> [Int] {
            let list = try #require(try JSONSerialization.jsonObject(with: Data(ok(["requester", "list", "--json"] + args, db: db).utf8)) as? [[String: Any]])
            return list.compactMap { $0["id"] as? Int }
        }
        #expect(try ids(["--name", "才让"]) == [2, 1])
        #expect(try ids(["--office", "玉树"]) == [1])
        #expect(try ids(["--region", "haixi"]) == [3])
        #expect(try ids(["--phone", "(0976)8822334"]) == [1])
        #expect(try ids(["--phone", "+86 139 0976 0001"]) == [1])
        #expect(try ids(["--phone", "0977-8221100-12"]) == [3])
        let table = ok(["requester", "list", "--name", "扎西"], db: db)
        #expect(table.contains("扎西") && table.contains("Haixi") && table.contains("0977 8221100 转 12"), "\(table)")
        let zh = ok(["requester", "list", "--name", "扎西", "--lang", "zh"], db: db)
        #expect(zh.contains("姓名") && zh.contains("海西州"), "\(zh)")
    }

    @Test func aTicketTakesTheRequesterFromTheDirectoryAndShowListsIt() throws {
        let db = try Directory.make()
        let item = jsonObject(ok(["case", "show", "1", "--json"], db: db))
        let fields = "\(item)"
        #expect(fields.contains("玉树州社保局") && fields.contains("0976-8822334") && fields.contains("yushu"), "\(fields)")
        // By name and office, the entry known is linked.
        #expect(ok(["case", "add", "--kind", "general", "--channel", "qq", "--region", "yushu", "--title", "缴费基数调整",
                    "--requester", "才让", "--office", "玉树州社保局", "--at", "2021-11-23T11:00:00+08:00"], db: db) == "2\n")
        let show = jsonObject(ok(["requester", "show", "1", "--json"], db: db))
        #expect((show["items"] as? [[String: Any]])?.compactMap { $0["id"] as? Int } == [2, 1])
        let text = ok(["requester", "show", "1"], db: db)
        #expect(text.contains("待遇发放失败") && text.contains("缴费基数调整") && text.contains("Tickets (2)"), "\(text)")
        let other = ok(["requester", "show", "2", "--lang", "zh"], db: db)
        #expect(other.contains("工单 (0)") && other.contains("没有工单"), "\(other)")
    }

    @Test func anEditIsInHistoryOldToNew() throws {
        let db = try Directory.make()
        #expect(ok(["requester", "edit", "1", "--office", "玉树市社保局", "--phone", "13909760001", "--clear", "email",
                    "--version", "1"], db: db) == "1 v2\n")
        let show = jsonObject(ok(["requester", "show", "1", "--json"], db: db))
        let history = try #require(show["history"] as? [[String: Any]])
        #expect(history.map { "\($0["event"]!) \($0["field"]!): \($0["old"]!) → \($0["new"]!)" } == [
            "added <null>: <null> → 才让 · 玉树州社保局",
            "edited office: 玉树州社保局 → 玉树市社保局",
            "edited phones: 0976-8822334; 13909760001 → 13909760001",
            "edited email: cairang@ylbx.qh.gov.cn → <null>",
        ])
        let zh = ok(["requester", "show", "1", "--lang", "zh"], db: db)
        #expect(zh.contains("单位：玉树州社保局 → 玉树市社保局"), "\(zh)")
        // A ticket keeps its own copy of the requester's text.
        #expect("\(jsonObject(ok(["case", "show", "1", "--json"], db: db)))".contains("玉树州社保局"))
    }
}
