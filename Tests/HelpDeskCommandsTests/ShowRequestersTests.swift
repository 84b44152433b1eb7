import Foundation
import Testing

/// `show ID --json` lists the ticket's requesters from the directory, all of them, in link order;
/// the plain `show` names them too.
@Suite("show lists a ticket's requesters", .scratch)
struct ShowRequestersTests {
    @Test func showJSONListsEveryRequesterInLinkOrder() throws {
        let db = freshDatabase()
        ok(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu",
            "--phone", "0976-8822334", "--phone", "13909760001", "--email", "cairang@ylbx.qh.gov.cn",
            "--chat", "cairang_ys", "--language", "zh", "--channel", "wechat"], db: db)
        ok(["requester", "add", "--name", "扎西", "--office", "海西州社保局", "--region", "haixi"], db: db)
        let first = addCase(db, title: "待遇发放失败", at: "2021-11-23T10:00:00+08:00", extra: ["--requester", "2"])
        let duplicate = addCase(db, title: "待遇发放失败（重复）", at: "2021-11-23T10:30:00+08:00", extra: ["--requester", "1"])
        let fault = addFault(db, level: 3, at: "2021-11-23T10:40:00+08:00")
        // Merged a few minutes later: the duplicate's requester is linked to the ticket then.
        ok(["case", "merge", "\(duplicate)", "--into", "\(first)"], db: db, now: "2021-11-23T16:05:00+08:00")

        let shown = jsonObject(ok(["show", "\(first)", "--json"], db: db, now: "2021-11-23T16:06:00+08:00"))
        let requesters = try #require(shown["requesters"] as? [[String: Any]])
        #expect(requesters.map { $0["id"] as? Int } == [2, 1], "the ticket's own first, then the duplicate's")
        #expect(requesters[0]["name"] as? String == "扎西" && requesters[0]["office"] as? String == "海西州社保局")
        #expect(requesters[0]["region"] as? String == "haixi")
        #expect(requesters[0]["email"] is NSNull && requesters[0]["chat"] is NSNull)
        #expect(requesters[0]["phones"] as? [String] == [])
        let cairang = requesters[1]
        #expect(cairang["name"] as? String == "才让" && cairang["office"] as? String == "玉树州社保局")
        #expect(cairang["phones"] as? [String] == ["0976-8822334", "13909760001"])
        #expect(cairang["email"] as? String == "cairang@ylbx.qh.gov.cn" && cairang["chat"] as? String == "cairang_ys")
        #expect(cairang["language"] as? String == "zh" && cairang["channel"] as? String == "wechat")
        // The same objects `requester show --json` prints (without its tickets and history).
        let entry = jsonObject(ok(["requester", "show", "1", "--json"], db: db))
        for key in ["id", "name", "office", "region", "phones", "email", "chat", "language", "channel", "version"] {
            #expect("\(entry[key] ?? "absent")" == "\(cairang[key] ?? "absent")", "\(key)")
        }
        // An item without any has an empty list.
        #expect((jsonObject(ok(["show", "\(fault)", "--json"], db: db))["requesters"] as? [Any])?.isEmpty == true)

        // The plain show names both, in the same order.
        for lang in ["en", "zh"] {
            let text = ok(["show", "\(first)", "--lang", lang], db: db)
            let zhaxi = try #require(text.range(of: "#2  扎西"))
            let cr = try #require(text.range(of: "#1  才让"))
            #expect(zhaxi.lowerBound < cr.lowerBound)
        }
    }
}
