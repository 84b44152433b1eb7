import Foundation
import Testing
import TestProcesses

/// The package's root folder (where README.md is).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The README's notify script, between its markers.
private func notifyScript() throws -> String {
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let marked = try #require(readme.components(separatedBy: "<!-- notify-script -->\n").dropFirst().first?
        .components(separatedBy: "<!-- /notify-script -->").first)
    return try #require(marked.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```\n").first)
}

/// A requester's message written by python3 in GBK, as Chinese clients send it: the subject and the
/// attachment's name in GBK encoded words, the text GBK in base64.
private func gbkMessage(subject: String, text: String, attachment: String?, inReplyTo: String?) throws -> Data {
    let script = """
        import base64, sys
        subject, text, name, reply = sys.argv[1:5]
        b = lambda s: base64.b64encode(s.encode("gbk")).decode()
        lines = ["From: =?GBK?B?" + b("卓玛") + "?= <zhuoma@desk.localhost>", "To: desk@desk.localhost",
                 "Subject: =?GBK?B?" + b(subject) + "?=", "Message-ID: <" + ("answer" if reply else "first") + ".roundtrip@localhost>",
                 "MIME-Version: 1.0"]
        if reply: lines += ["In-Reply-To: " + reply, "References: " + reply]
        lines += ['Content-Type: multipart/mixed; boundary="gbk-bound"', "", "--gbk-bound",
                  "Content-Type: text/plain; charset=GBK", "Content-Transfer-Encoding: base64", "", b(text)]
        if name:
            lines += ["--gbk-bound", 'Content-Type: application/octet-stream; name="=?GBK?B?' + b(name) + '?="',
                      "Content-Transfer-Encoding: base64",
                      'Content-Disposition: attachment; filename="=?GBK?B?' + b(name) + '?="', "",
                      base64.b64encode("姓名,身份证号\\n".encode("gbk")).decode()]
        lines += ["--gbk-bound--", ""]
        sys.stdout.write("\\r\\n".join(lines))
        """
    let r = try runProcess("/usr/bin/python3", ["-c", script, subject, text, attachment ?? "", inReplyTo ?? ""])
    guard r.status == 0 else { throw HarnessError("python3: \(r.err)") }
    return Data(r.out.utf8)
}

/// The messages of an mbox file, as python3's `email` reads them: subject decoded, ids, body text.
private func mailbox(_ path: String) throws -> [[String: String]] {
    guard FileManager.default.fileExists(atPath: path) else { return [] }
    let script = """
        import json, mailbox, sys
        from email.header import decode_header, make_header
        out = []
        for m in mailbox.mbox(sys.argv[1]):
            body = m.get_payload(decode=True) or b""
            out.append({"subject": str(make_header(decode_header(m["Subject"] or ""))), "message_id": m["Message-ID"] or "",
                        "in_reply_to": m["In-Reply-To"] or "", "text": body.decode("utf-8", "replace")})
        print(json.dumps(out))
        """
    let r = try runProcess("/usr/bin/python3", ["-c", script, path])
    guard r.status == 0 else { throw HarnessError("python3: \(r.err)") }
    return try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [[String: String]] ?? []
}

/// Polls `read` until it gives a value, for at most `seconds`: the mail system delivers on its own time.
private func eventually<T>(_ what: String, seconds: Double = 30, _ read: () throws -> T?) throws -> T {
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline {
        if let value = try read() { return value }
        Thread.sleep(forTimeInterval: 0.25)
    }
    throw HarnessError("\(what) did not happen within \(Int(seconds)) s")
}

extension Scratch {
    /// A scratch of a folder made by the test itself (it removes it).
    init(at dir: URL) { self.dir = dir }
}

/// A real mail system on loopback (the local domain `desk.localhost`: the directory wants a dotted
/// domain): postfix delivers `desk@desk.localhost` to `helpdesk mail-in` (an alias
/// piping into it, run as `nobody`, named in the test's system file's `mail_users`) and
/// `zhuoma@desk.localhost` to `/var/mail/zhuoma`. The requester writes in GBK with swaks, the desk replies
/// in the console, `notify deliver` sends the README's script's mail, the requester answers it.
@Suite("Mail in and notices out through postfix, end to end", .serialized)
struct MailRoundTripTests {
    @Test func aRequesterWritesTheDeskAnswersAndTheAnswerThreads() throws {
        let underCI = ProcessInfo.processInfo.environment["CI"] == "true"
        let missing = ["/usr/sbin/postfix", "/usr/sbin/postalias", "/usr/sbin/postconf", "/usr/bin/swaks", "/usr/bin/python3"]
            .filter { !FileManager.default.isExecutableFile(atPath: $0) }
        guard missing.isEmpty, getuid() == 0 else {
            let why = missing.isEmpty ? "it must run as root to configure postfix" : "missing: \(missing.joined(separator: ", "))"
            if underCI { Issue.record("the mail round trip cannot run: \(why) (.ci/run installs postfix and swaks)") }
            else { print("skipped: the mail round trip needs postfix and swaks on this machine (\(why))") }
            return
        }
        // Root-owned, not writable by others: the system file's folder as helpdesk requires it; the
        // database in a folder of its own that the mail system's user may write.
        let dir = "/tmp/helpdesk-mailrt-\(UUID().uuidString.prefix(8))"
        let data = dir + "/data"
        try FileManager.default.createDirectory(atPath: data, withIntermediateDirectories: true)
        chmod(dir, 0o755)
        chmod(data, 0o1777)
        let db = data + "/desk.sqlite"
        let fm = FileManager.default
        let mainCF = "/etc/postfix/main.cf"
        let savedMain = try Data(contentsOf: URL(fileURLWithPath: mainCF))
        let wasRunning = try run("/usr/sbin/postfix", ["status"]).status == 0
        let hadUser = try run("/usr/bin/id", ["zhuoma"]).status == 0
        let spool = "/var/mail/zhuoma"
        let hadSpool = fm.fileExists(atPath: spool)
        defer {
            try? savedMain.write(to: URL(fileURLWithPath: mainCF))
            _ = try? run("/usr/sbin/postfix", [wasRunning ? "reload" : "stop"])
            if !hadSpool { try? fm.removeItem(atPath: spool) }
            if !hadUser { _ = try? run("/usr/sbin/userdel", ["zhuoma"]) }
            try? fm.removeItem(atPath: dir)
        }
        if !hadUser {
            let added = try run("/usr/sbin/useradd", ["--system", "--no-create-home", "--shell", "/usr/sbin/nologin", "zhuoma"])
            #expect(added.status == 0, "\(added.err)")
        }
        // The desk: its system file (the mail user, the notices' domain and command) and database.
        let system = dir + "/system.toml"
        try "mail_users = [\"nobody\"]\nmail_domain = \"localhost\"\nnotify_command = \"sh '\(dir)/helpdesk-notify'\"\n"
            .write(toFile: system, atomically: true, encoding: .utf8)
        chmod(system, 0o644)
        try notifyScript().write(toFile: dir + "/helpdesk-notify", atomically: true, encoding: .utf8)
        chmod(dir + "/helpdesk-notify", 0o755)
        let desk = ["HELPDESK_DB": db, "HELPDESK_SYSTEM_CONFIG": system, "LANG": "zh_CN.UTF-8", "XDG_DATA_HOME": data,
                    "XDG_CONFIG_HOME": data, "HELPDESK_MAIL_FROM": "desk@desk.localhost",
                    "PATH": "/usr/sbin:/usr/bin:/sbin:/bin"]
        let known = try run(helpdeskPath, ["requester", "add", "--name", "卓玛", "--office", "城东区社保局", "--region", "xining",
                                           "--email", "zhuoma@desk.localhost"], env: desk)
        try #require(known.status == 0, "\(known.err)")
        chmod(db, 0o666)
        let deliver = dir + "/mail-in"
        try "#!/bin/sh\nexec env HELPDESK_SYSTEM_CONFIG='\(system)' '\(helpdeskPath)' mail-in --db '\(db)'\n"
            .write(toFile: deliver, atomically: true, encoding: .utf8)
        chmod(deliver, 0o755)
        // postfix: loopback only, mail for localhost, the desk's address an alias piping into mail-in.
        try "desk: \"|\(deliver)\"\n".write(toFile: dir + "/aliases", atomically: true, encoding: .utf8)
        #expect(try run("/usr/sbin/postalias", ["\(dir)/aliases"]).status == 0)
        let set = try run("/usr/sbin/postconf", ["-e", "inet_interfaces=loopback-only", "inet_protocols=ipv4", "mydestination=localhost, desk.localhost",
                                                 "alias_maps=hash:\(dir)/aliases", "alias_database=hash:\(dir)/aliases",
                                                 "mailbox_size_limit=0", "home_mailbox=", "mailbox_command="])
        #expect(set.status == 0, "\(set.err)")
        let started = try run("/usr/sbin/postfix", [wasRunning ? "reload" : "start"])
        try #require(started.status == 0, "postfix: \(started.err)")
        _ = try eventually("postfix listening on 127.0.0.1:25") {
            try run("/usr/bin/swaks", ["--server", "127.0.0.1", "--quit-after", "EHLO"]).status == 0 ? true : nil
        }

        // 1. The requester writes in GBK, with a GBK-named attachment: a ticket.
        let first = dir + "/first.eml"
        try gbkMessage(subject: "养老金发放表导出报错", text: "导出发放表时提示错误，附件是名单。", attachment: "发放名单.csv", inReplyTo: nil)
            .write(to: URL(fileURLWithPath: first))
        let sent = try run("/usr/bin/swaks", ["--server", "127.0.0.1", "--from", "zhuoma@desk.localhost", "--to", "desk@desk.localhost",
                                              "--data", "@" + first])
        try #require(sent.status == 0, "\(sent.out)\(sent.err)")
        let id: Int = try eventually("the ticket from the requester's mail") {
            let listed = try run(helpdeskPath, ["list", "--json"], env: desk)
            guard listed.status == 0, let page = try? JSONSerialization.jsonObject(with: Data(listed.out.utf8)) as? [String: Any],
                  let item = (page["items"] as? [[String: Any]])?.first else { return nil }
            return item["id"] as? Int
        }
        let shown = try run(helpdeskPath, ["show", "\(id)", "--json"], env: desk)
        #expect(shown.out.contains("养老金发放表导出报错"), "\(shown.out)")
        let files = try run(helpdeskPath, ["attach", "list", "\(id)"], env: desk)
        #expect(files.out.contains("发放名单.csv"), "\(files.out)\(files.err)")

        // 2. A reply in the console.
        let beijing = ISO8601DateFormatter()
        beijing.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        beijing.formatOptions = [.withInternetDateTime]
        let scratch = Scratch(at: URL(fileURLWithPath: data))
        var consoleEnv = desk
        consoleEnv["HELPDESK_NOW"] = beijing.string(from: Date().addingTimeInterval(60))
        let console = try TmuxConsole(scratch, env: consoleEnv)
        try console.waitFor("养老金发放表导出报错")
        try console.keys("Enter")
        try console.waitFor("#\(id) 一般问题")
        try console.keys("r")
        try console.waitFor("响应 #\(id)")
        try console.type("已修复导出功能，请重试。")
        try console.keys("C-s")
        try console.waitFor("答复：养老金发放表导出报错")
        try console.keys("q", "q")
        try console.waitFor("[exited 0]")

        // 3. The notices go out by the README's script and arrive in the requester's mailbox.
        // (At the console's time: the reply's notice is due from then.)
        let delivered = try run(helpdeskPath, ["notify", "deliver"], env: consoleEnv)
        #expect(delivered.status == 0, "\(delivered.err)")
        let pending = try run(helpdeskPath, ["notify", "list", "--pending", "--json"], env: consoleEnv).out
        #expect(pending.trimmingCharacters(in: .whitespacesAndNewlines) == "[]", "\(pending)")
        let inbox = try eventually("both notices in \(spool)") {
            let got = try mailbox(spool)
            return got.count >= 2 ? got : nil
        }
        let intake = try #require(inbox.first { $0["subject"]?.contains("已受理") == true })
        let reply = try #require(inbox.first { $0["text"]?.contains("已修复导出功能") == true })
        #expect(intake["subject"]?.hasPrefix("[#\(id)]") == true && reply["subject"]?.hasPrefix("[#\(id)]") == true, "\(inbox)")
        #expect(intake["in_reply_to"] == "<first.roundtrip@localhost>", "\(intake)")
        #expect(reply["in_reply_to"] == "<first.roundtrip@localhost>", "\(reply)")
        let noticeID = try #require(reply["message_id"])
        #expect(noticeID.hasPrefix("<hd.") && noticeID.hasSuffix(".\(id)@localhost>"), "\(noticeID)")

        // 4. The requester answers that notice (no tag in the subject): the same ticket's timeline.
        let answer = dir + "/answer.eml"
        try gbkMessage(subject: "回复：处理结果", text: "已重试，可以导出了，谢谢。", attachment: nil, inReplyTo: noticeID)
            .write(to: URL(fileURLWithPath: answer))
        let answered = try run("/usr/bin/swaks", ["--server", "127.0.0.1", "--from", "zhuoma@desk.localhost", "--to", "desk@desk.localhost",
                                                  "--data", "@" + answer])
        try #require(answered.status == 0, "\(answered.out)\(answered.err)")
        let timeline = try eventually("the answer in the timeline of #\(id)") {
            let t = try run(helpdeskPath, ["case", "timeline", "\(id)", "--json"], env: desk)
            return t.out.contains("已重试，可以导出了") ? t.out : nil
        }
        #expect(timeline.contains("\"channel\":\"email\""), "\(timeline)")
        let all = try run(helpdeskPath, ["list", "--json"], env: desk)
        #expect((try JSONSerialization.jsonObject(with: Data(all.out.utf8)) as? [String: Any])?["total"] as? Int == 1, "\(all.out)")
    }
}
