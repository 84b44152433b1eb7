import Foundation
import Testing

/// A requester who reads English mail (#1) and a ticket of theirs (#1).
private enum NoticeDesk {
    static func make() throws -> String {
        let db = freshDatabase()
        #expect(ok(["requester", "add", "--name", "Tom Li", "--office", "海东市社保局", "--region", "haidong",
                    "--email", "tom@example.cn", "--language", "en"], db: db) == "1\n")
        #expect(ok(["case", "add", "--kind", "general", "--channel", "email", "--title", "社保卡挂失", "--requester", "1",
                    "--at", "2021-11-23T10:00:00+08:00"], db: db) == "1\n")
        return db
    }
}

private let noticeBadInputs: [BadInput] = [
    BadInput(label: "notices of an unknown item", args: ["case", "notices", "9", "--off"], mentions: ["#9"]),
    BadInput(label: "neither --off nor --on", args: ["case", "notices", "1"], mentions: ["--off", "--on"]),
    BadInput(label: "both --off and --on", args: ["case", "notices", "1", "--off", "--on"], mentions: ["--off", "--on"]),
    BadInput(label: "notices on when they are on", args: ["case", "notices", "1", "--on"], mentions: ["#1", "on"]),
    BadInput(label: "a requester's notices neither on nor off", args: ["requester", "edit", "1", "--notices", "maybe"],
             mentions: ["maybe"]),
    BadInput(label: "a requester's notices as they are", args: ["requester", "edit", "1", "--notices", "on"],
             mentions: ["nothing changes"]),
    BadInput(label: "notices of an unknown requester", args: ["requester", "edit", "9", "--notices", "off"], mentions: ["#9"]),
]

@Suite("notices to requesters on the command line", .scratch)
struct RequesterNoticeCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: noticeBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try NoticeDesk.make())
    }

    @Test func refusalsAreSaidInChinese() throws {
        let db = try NoticeDesk.make()
        let before = databaseDump(db)
        let r = helpdesk(["case", "notices", "1", "--on", "--lang", "zh"], db: db)
        #expect(r.status == 2 && r.err.contains("#1 的提出人通知已经开启"), "\(r.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func aTicketsNoticesTurnOffAndOnInHistoryShowAndTheTimeline() throws {
        let db = try NoticeDesk.make()
        #expect(ok(["case", "notices", "1", "--off"], db: db) == "#1: requesters are no longer notified\n")
        let shown = ok(["show", "1"], db: db)
        #expect(shown.contains("Requester notices") && shown.contains("requester notices turned off"), "\(shown)")
        _ = ok(["case", "reply", "1", "--text", "We are on it.", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        #expect(ok(["case", "notices", "1", "--on"], db: db) == "#1: requesters are notified again\n")
        _ = ok(["case", "resolve", "1", "--cause", "lost", "--solution", "card reissued", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        // The intake and the resolution were written; the reply, made while off, was not.
        let timeline = ok(["case", "timeline", "1"], db: db)
        #expect(timeline.contains("notice to Tom Li by email: [#1] Received: 社保卡挂失 (pending)"), "\(timeline)")
        #expect(timeline.contains("notice to Tom Li by email: [#1] Resolved: 社保卡挂失 (pending)"), "\(timeline)")
        #expect(!timeline.contains("[#1] Reply"), "\(timeline)")
        let after = ok(["show", "1"], db: db)
        #expect(after.contains("notice to Tom Li by email") && after.contains("requester notices turned on"), "\(after)")
        // notify list: the kind and to whom.
        let list = ok(["notify", "list"], db: db)
        #expect(list.contains("requester") && list.contains("notice to Tom Li by email: [#1] Resolve"), "\(list)")
    }

    @Test func aRequesterWithNoticesOffHearsNothingAndTheEditIsKept() throws {
        let db = try NoticeDesk.make()
        #expect(ok(["requester", "edit", "1", "--notices", "off"], db: db) == "1 v2\n")
        let shown = ok(["requester", "show", "1"], db: db)
        #expect(shown.contains("Requester notices") && shown.contains("off"), "\(shown)")
        #expect(shown.contains("Requester notices: — → off"), "\(shown)")
        _ = ok(["case", "reply", "1", "--text", "We are on it.", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let timeline = ok(["case", "timeline", "1"], db: db)
        #expect(!timeline.contains("[#1] Reply"), "\(timeline)")
        #expect(jsonObject(ok(["requester", "show", "1", "--json"], db: db))["notices"] as? String == "off")
    }

    @Test func theEventCarriesTheMessageIDOfTheConfiguredDomain() throws {
        let db = try NoticeDesk.make()
        systemConfig(db, "mail_domain = \"desk.example.cn\"\n")
        _ = ok(["case", "reply", "1", "--text", "We are on it.", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let ids = databaseQuery(db, "SELECT message_id FROM notification WHERE kind = 'requester' ORDER BY id")
        #expect(ids.components(separatedBy: "\n").last == "<hd.2.1@desk.example.cn>", "\(ids)")
    }

    @Test func aMailDomainIsCheckedAndBelongsToTheSystemFile() throws {
        let db = freshDatabase()
        let good = writeFile(besides: db, name: "good.toml", "mail_domain = \"desk.example.cn\"\n")
        #expect(helpdesk(["config", "check", "--system", good], db: db).status == 0)
        let personal = helpdesk(["config", "check", good], db: db)
        #expect(personal.status == 2 && personal.err.contains("mail_domain"), "\(personal.err)")
        let bad = writeFile(besides: db, name: "bad.toml", "mail_domain = \"desk example\"\n")
        let r = helpdesk(["config", "check", "--system", bad], db: db)
        #expect(r.status == 2 && r.err.contains("\(bad):1: mail_domain") && r.err.contains("a domain name"), "\(r.err)")
    }
}
