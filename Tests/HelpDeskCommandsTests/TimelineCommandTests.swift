import Foundation
import Testing

@Suite("case note, reply, message and timeline", .scratch)
struct TimelineCommandTests {
    static let received = "2021-11-23T10:00:00+08:00"

    @Test func notesRepliesAndMessagesAreListedInTimeOrder() throws {
        let db = freshDatabase()
        let id = addCase(db, kind: "special", title: "登录失败", at: Self.received)
        #expect(ok(["case", "note", "\(id)", "--text", "已电话联系，未接通", "--at", "2021-11-23T11:00:00+08:00"], db: db) == "#\(id): note added\n")
        #expect(ok(["case", "message", "\(id)", "--text", "still broken", "--channel", "wechat", "--at", "2021-11-23T10:30:00+08:00"], db: db)
            == "#\(id): requester's message recorded\n")
        // A note is no response: the special case is still open.
        #expect(jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))["status"] as? String == "open")
        let replied = ok(["case", "reply", "\(id)", "--text", "password reset", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        #expect(replied.hasPrefix("#\(id) responded"), "\(replied)")

        let entries = try #require(try JSONSerialization.jsonObject(with: Data(ok(["case", "timeline", "\(id)", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(entries.map { $0["kind"] as? String } == ["message", "note", "reply"])
        #expect(entries.map { $0["text"] as? String } == ["still broken", "已电话联系，未接通", "password reset"])
        #expect(entries.map { $0["author"] as? String } == [currentUser, currentUser, currentUser])
        #expect(entries[0]["channel"] as? String == "wechat")
        #expect(entries[1]["channel"] is NSNull)
        #expect(entries[2]["at"] as? String == "2021-11-23T12:00:00+08:00")

        let shown = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db))
        #expect(shown["first_response_at"] as? String == "2021-11-23T12:00:00+08:00")
        #expect((shown["timeline"] as? [[String: Any]])?.count == 3)
    }

    @Test func theTimelineInBothLanguages() {
        let db = freshDatabase()
        let id = addCase(db, title: "登录失败", at: Self.received)
        ok(["case", "message", "\(id)", "--text", "打不开\n第二行", "--channel", "phone", "--at", "2021-11-23T10:30:00+08:00"], db: db)
        ok(["case", "note", "\(id)", "--text", "internal \u{1B}[2J", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let en = ok(["case", "timeline", "\(id)"], db: db)
        #expect(en.contains("message (phone)") && en.contains("打不开 第二行") && en.contains("note"), "\(en)")
        #expect(!en.contains("\u{1B}"), "raw escape written: \(en.debugDescription)")
        let zh = ok(["case", "timeline", "\(id)", "--lang", "zh"], db: db)
        #expect(zh.contains("来话（电话）") && zh.contains("内部备注") && zh.contains("记录人"), "\(zh)")
        let showEn = ok(["show", "\(id)"], db: db)
        #expect(showEn.contains("Timeline:") && showEn.contains("[note]"), "\(showEn)")
        let showZh = ok(["show", "\(id)", "--lang", "zh"], db: db)
        #expect(showZh.contains("时间线:") || showZh.contains("时间线："), "\(showZh)")
        #expect(showZh.contains("[内部备注]"), "\(showZh)")
        let empty = addCase(db, title: "无", at: Self.received)
        #expect(ok(["case", "timeline", "\(empty)"], db: db) == "(no notes, replies or messages yet)\n")
    }

    @Test func respondStillWorksAndIsAReply() throws {
        let db = freshDatabase()
        let id = addCase(db, kind: "special", at: Self.received)
        ok(["case", "respond", "\(id)", "--note", "answered", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(ok(["case", "timeline", "\(id)", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(entries.map { $0["kind"] as? String } == ["reply"])
    }

    @Test func aNoteOnAClosedTicketIsAllowedAReplyRefused() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        ok(["case", "resolve", "\(id)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        ok(["case", "note", "\(id)", "--text", "called back later", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        let before = databaseDump(db)
        let en = helpdesk(["case", "reply", "\(id)", "--text", "late"], db: db)
        #expect(en.status == 2 && en.err.contains("closed and can no longer be replied to"), "\(en.err)")
        let zh = helpdesk(["case", "reply", "\(id)", "--text", "late"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2 && zh.err.contains("已关闭，不能再答复"), "\(zh.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func badInputIsRefusedWithStatus2AndNoChange() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let fault = addFault(db, level: 3, at: Self.received)
        let long = String(repeating: "长", count: 30_000)
        let cases: [([String], String, String)] = [
            (["case", "note", "999", "--text", "x"], "999", "999"),
            (["case", "reply", "999", "--text", "x"], "999", "999"),
            (["case", "message", "999", "--text", "x"], "999", "999"),
            (["case", "timeline", "999"], "999", "999"),
            (["case", "note", "\(id)", "--text", "  "], "--text", "--text"),
            (["case", "reply", "\(id)", "--text", ""], "--text", "--text"),
            (["case", "note", "\(id)", "--text", long], "65536", "65536"),
            (["case", "message", "\(id)", "--text", "x", "--channel", "pigeon"], "pigeon", "pigeon"),
            (["case", "reply", "\(fault)", "--text", "x"], "\(fault)", "\(fault)"),
            (["case", "note", "\(id)", "--text", "x", "--at", "2021-11-23T09:00:00+08:00"], "09:00", "09:00"),
            (["case", "note", "\(id)"], "--text", "--text"),
        ]
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

    @Test func aViewerMayReadButNotWrite() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        ok(["case", "note", "\(id)", "--text", "x", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        ok(["staff", "add", "zhaolei", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "viewer"], db: db, env: ["HELPDESK_NOW": ""])
        let before = databaseDump(db)
        for args in [["case", "note", "\(id)", "--text", "y"], ["case", "reply", "\(id)", "--text", "y"],
                     ["case", "message", "\(id)", "--text", "y"]] {
            let r = helpdesk(args, db: db, env: ["HELPDESK_NOW": ""])
            #expect(r.status == 2 && r.err.contains("viewer"), "\(args): \(r.status) \(r.err)")
        }
        #expect(ok(["case", "timeline", "\(id)"], db: db, env: ["HELPDESK_NOW": ""]).contains("x"))
        #expect(databaseDump(db) == before)
    }
}
