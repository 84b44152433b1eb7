import Foundation
import Testing
import TestProcesses

/// The package's root folder (where README.md is).
private let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The notify script README gives in full, between its markers.
private func notifyScript() throws -> String {
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let marked = try #require(readme.components(separatedBy: "<!-- notify-script -->\n").dropFirst().first?
        .components(separatedBy: "<!-- /notify-script -->").first)
    let body = try #require(marked.components(separatedBy: "```sh\n").dropFirst().first?.components(separatedBy: "```\n").first)
    return body
}

/// README, "Notices to requesters": its notify script run by `notify deliver` on the program's own
/// events, with a `sendmail` that keeps what it is given and a gateway that keeps its event.
@Suite("the README's notify script", .scratch)
struct NotifyScriptTests {
    @Test func anEmailNoticeBecomesAProperMessageAndOtherEventsGoToTheGateway() throws {
        let db = freshDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent().path
        let script = writeFile(besides: db, name: "helpdesk-notify", try notifyScript())
        let bin = "\(dir)/bin"
        try FileManager.default.createDirectory(atPath: bin, withIntermediateDirectories: true)
        let sendmail = writeFile(besides: db, name: "bin/sendmail", "#!/bin/sh\nprintf '%s\\n' \"$*\" > \"\(dir)/sendmail.args\"\ncat > \"\(dir)/sent.eml\"\n")
        chmod(sendmail, 0o755)
        systemConfig(db, "notify_command = \"sh '\(script)'\"\nmail_domain = \"desk.example.cn\"\n")
        ok(["requester", "add", "--name", "王芳", "--office", "城西区社保局", "--region", "xining", "--email", "wangfang@example.cn"], db: db)
        ok(["staff", "add", "lina", "--name", "李娜", "--phone", "13800000003", "--role", "onsite"], db: db)
        let id = addCase(db, title: "社保卡挂失", at: "2021-11-23T10:00:00+08:00", extra: ["--requester", "1"])
        ok(["case", "assign", "\(id)", "lina"], db: db)
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/local/bin:/usr/bin:/bin"
        let environment = ["PATH": "\(bin):\(path)",
                           "HELPDESK_GATEWAY": "cat > '\(dir)/gateway.json'", "HELPDESK_MAIL_FROM": "服务台 <helpdesk@desk.example.cn>"]
        let r = helpdesk(["notify", "deliver"], db: db, env: environment)
        #expect(r.status == 0, "\(r.err)")
        #expect(ok(["notify", "list", "--pending", "--json"], db: db).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // The gateway was handed the assignment, as the program wrote it.
        let gateway = jsonObject(try String(contentsOfFile: "\(dir)/gateway.json", encoding: .utf8))
        #expect(gateway["kind"] as? String == "assignment")
        // sendmail was run with -t -oi, the message on its standard input.
        #expect(try String(contentsOfFile: "\(dir)/sendmail.args", encoding: .utf8) == "-t -oi\n")
        let message = try String(contentsOfFile: "\(dir)/sent.eml", encoding: .utf8)
        let parts = message.components(separatedBy: "\n\n")
        let headers = parts[0].components(separatedBy: "\n")
        func header(_ name: String) -> String? {
            headers.first { $0.hasPrefix(name + ": ") }.map { String($0.dropFirst(name.count + 2)) }
        }
        #expect(header("From") == "服务台 <helpdesk@desk.example.cn>")
        #expect(header("To") == "=?utf-8?b?546L6Iqz?= <wangfang@example.cn>", "\(message)")
        #expect(header("Message-ID") == "<hd.1.\(id)@desk.example.cn>", "\(message)")
        #expect(header("In-Reply-To") == nil)
        #expect(header("Content-Type") == "text/plain; charset=UTF-8" && header("MIME-Version") == "1.0")
        #expect(header("Content-Transfer-Encoding") == "base64")
        // The subject in RFC 2047 words, which say the tag and the title.
        let subject = try #require(header("Subject"))
        #expect(subject.hasPrefix("=?utf-8?b?") && subject.allSatisfy(\.isASCII), "\(subject)")
        let decoded = try decodeEncodedWords(subject)
        #expect(decoded == "[#\(id)] 已受理：社保卡挂失", "\(decoded)")
        // The body: the notice's text.
        let body = try #require(Data(base64Encoded: parts.dropFirst().joined(separator: "\n\n"), options: .ignoreUnknownCharacters))
        let text = String(decoding: body, as: UTF8.self)
        #expect(text.hasPrefix("您的工单 #\(id)（社保卡挂失）已受理") && text.contains("[#\(id)]"), "\(text)")
    }

    @Test func withoutAGatewayAnotherEventFailsSoItIsRetried() throws {
        let db = freshDatabase()
        let script = writeFile(besides: db, name: "helpdesk-notify", try notifyScript())
        let r = try runProcess("/bin/sh", [script], environment: ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"],
                               input: Data("{\"kind\": \"assignment\"}".utf8))
        #expect(r.status != 0 && r.err.contains("HELPDESK_GATEWAY"), "\(r.err)")
    }
}

/// `=?utf-8?b?…?=` words, folded or not, said as text.
private func decodeEncodedWords(_ header: String) throws -> String {
    var bytes = Data()
    for word in header.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\t" }) {
        let inner = try #require(word.hasPrefix("=?utf-8?b?") && word.hasSuffix("?=") ? word.dropFirst(10).dropLast(2) : nil)
        bytes += try #require(Data(base64Encoded: String(inner)))
    }
    return String(decoding: bytes, as: UTF8.self)
}
