import Foundation
import GRDB
import Testing
import TestProcesses

/// `helpdesk mail-in` with `message` on standard input.
private func mailIn(_ message: String, db: String, env extra: [String: String] = [:], args: [String] = [])
    -> (status: Int32, out: String, err: String)
{
    mailIn(Data(message.utf8), db: db, env: extra, args: args)
}

private func mailIn(_ message: Data, db: String, env extra: [String: String] = [:], args: [String] = [])
    -> (status: Int32, out: String, err: String)
{
    do {
        let r = try runProcess(helpdeskExecutable, ["mail-in"] + args, environment: commandEnvironment(db: db, now: defaultNow, extra: extra),
                               input: message)
        return (r.status, r.out, r.err)
    } catch {
        Issue.record("cannot run \(helpdeskExecutable): \(error)")
        return (-1, "", "\(error)")
    }
}

/// A database with one ticket, so that it exists and has its founder.
private func desk(_ function: String = #function) -> String {
    let db = freshDatabase(function)
    addCase(db, at: "2021-11-23T10:00:00+08:00")
    return db
}

private let question = """
    From: "Zhang San" <zhangsan@qh.gov.cn>
    To: helpdesk@qh.gov.cn
    Subject: 养老金无法发放
    Message-ID: <q1@qh.gov.cn>
    Date: Tue, 23 Nov 2021 15:30:00 +0800

    本月养老金未到账。

    """

@Suite("helpdesk mail-in", .serialized, ScratchFolder.scratch)
struct MailInCommandTests {
    @Test func aMessageOpensATicketAndTheSameMessageAgainIsTakenOnce() {
        let db = desk()
        let r = mailIn(question, db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "opened ticket #2\n")
        #expect(r.err.contains("to confirm"))
        let shown = jsonObject(ok(["show", "2", "--json"], db: db))
        #expect(shown["channel"] as? String == "email" && shown["title"] as? String == "养老金无法发放")
        // Date: lies within a day of now (16:00): the ticket was received at 15:30.
        #expect((shown["received_at"] as? String)?.hasPrefix("2021-11-23T15:30:00") == true)
        #expect(shown["to_confirm"] as? Bool == true)
        #expect(ok(["show", "2"], db: db).contains("Xining  (to confirm)"))
        #expect(ok(["case", "list"], db: db).contains("Xining (to confirm)"))
        #expect(listItems(ok(["case", "list", "--json"], db: db)).map { $0["to_confirm"] as? Bool } == [nil, true])
        ok(["case", "edit", "2", "--region", "haidong"], db: db)
        #expect(!ok(["case", "list"], db: db).contains("(to confirm)"))
        #expect(jsonObject(ok(["show", "2", "--json"], db: db))["to_confirm"] == nil)
        #expect(!ok(["show", "2"], db: db).contains("(to confirm)"))
        let before = databaseDump(db)
        let again = mailIn(question, db: db)
        #expect(again.status == 0 && again.out == "this message was taken already, as #2\n")
        #expect(databaseDump(db) == before)
        // The answer carrying the tag is the requester's message on it.
        let answer = mailIn("From: zhangsan@qh.gov.cn\nSubject: Re: [#2] 养老金无法发放\n\n已收到，谢谢\n", db: db)
        #expect(answer.status == 0 && answer.out == "added as the requester's message to #2\n")
    }

    @Test func refusedMessagesExit65AndChangeNothing() {
        let db = desk()
        ok(["config", "set", "mail.max_mb", "1"], db: db)
        ok(["config", "set", "mail.refuse", "@spam.example"], db: db)
        let before = databaseDump(db)
        var big = Data("From: a@qh.gov.cn\nSubject: big\n\n".utf8)
        big.append(Data(repeating: 0x61, count: 1024 * 1024))
        let cases: [(Data, String)] = [
            (big, "over mail.max_mb = 1 MiB"),
            (Data("From: Seller <x@spam.example>\nSubject: buy\n\nbuy\n".utf8), "x@spam.example is in mail.refuse"),
            (Data(), "no message on standard input"),
            (Data(" \n\n".utf8), "no message on standard input"),
            (Data("just some text\nwithout a header\n".utf8), "has no mail header"),
        ]
        for (message, said) in cases {
            let r = mailIn(message, db: db)
            #expect(r.status == 65, "\(said): \(r.status) \(r.err)")
            #expect(r.err.contains(said), "\(r.err)")
            #expect(databaseDump(db) == before)
        }
        // In Chinese for a Chinese reader.
        let zh = mailIn("x\n", db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 65 && zh.err.contains("拒收"))
    }

    @Test func whatTheDeskCanMendExits75() throws {
        let missing = freshDatabase() + ".none"
        let none = mailIn(question, db: missing)
        #expect(none.status == 75 && none.err.contains("there is no database"))
        #expect(!FileManager.default.fileExists(atPath: missing))
        // The write lock held elsewhere past the busy timeout: retried later, nothing taken.
        let db = desk()
        let before = databaseDump(db)
        var config = Configuration()
        config.allowsUnsafeTransactions = true
        let holder = try DatabaseQueue(path: db, configuration: config)
        try holder.writeWithoutTransaction { try $0.execute(sql: "BEGIN IMMEDIATE") }
        let busy = mailIn(question, db: db)
        try holder.writeWithoutTransaction { try $0.execute(sql: "ROLLBACK") }
        try holder.close()
        #expect(busy.status == 75, "\(busy.err)")
        #expect(busy.err.contains("retried"))
        #expect(databaseDump(db) == before)
    }

    @Test func aMailUserMayRunMailInAndNothingElseAndAViewerIsRefused() {
        let db = desk()
        ok(["staff", "add", "boss", "--name", "主管", "--role", "supervisor"], db: db)
        // The user running the tests is no longer active staff: only mail_users lets them in.
        databaseExecute(db, "UPDATE staff SET active = 0 WHERE username = '\(currentUser)'")
        let realClock = ["HELPDESK_NOW": ""]
        let before = databaseDump(db)
        let refused = mailIn(question, db: db, env: realClock)
        #expect(refused.status == 75 && refused.err.contains("mail_users"), "\(refused.err)")
        #expect(databaseDump(db) == before)
        systemConfig(db, "mail_users = [\"\(currentUser)\"]\n")
        let taken = mailIn(question, db: db, env: realClock)
        #expect(taken.status == 0 && taken.out == "opened ticket #2\n", "\(taken.err)")
        let other = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "x"],
                             db: db, env: realClock)
        #expect(other.status == 2)
        // A viewer, even one named in mail_users, takes no mail in.
        databaseExecute(db, "UPDATE staff SET active = 1, role = 'viewer' WHERE username = '\(currentUser)'")
        let viewer = mailIn(question.replacingOccurrences(of: "q1@", with: "q2@"), db: db, env: realClock)
        #expect(viewer.status == 75 && viewer.err.contains("viewer"), "\(viewer.err)")
    }

    @Test func theMailRulesAreDeskRulesCheckedBeforeTheyAreStored() {
        let db = desk()
        let before = databaseDump(db)
        for (key, value) in [("mail.max_mb", "0"), ("mail.max_mb", "201"), ("mail.reopen_days", "-1"), ("mail.region", "beijing"),
                             ("mail.refuse", "not an address"), ("mail.unknown", "1")] {
            let r = helpdesk(["config", "set", key, value], db: db)
            #expect(r.status == 2, "\(key) \(value): \(r.err)")
        }
        #expect(databaseDump(db) == before)
        ok(["config", "set", "mail.region", "haidong"], db: db)
        ok(["config", "set", "mail.reopen_days", "0"], db: db)
        let r = mailIn(question, db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(jsonObject(ok(["show", "2", "--json"], db: db))["region"] as? String == "haidong")
    }
}
