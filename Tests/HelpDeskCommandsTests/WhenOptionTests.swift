import ArgumentParser
import Foundation
import HelpDeskCore
import Testing
@testable import HelpDeskCommands

/// Every write that takes `--at TIME` reads it through one option group, parsed by the argument
/// parser: a time that does not read, or lies outside 2000–2099 Beijing time, is refused before
/// the command runs, so no database is opened for it.
@Suite("the --at option", .scratch)
struct WhenOptionTests {
    typealias At = WhenOption<Happened.Unsaid>

    @Test("reads the desk's times, the first and the last second of 2000–2099 included; none given is now")
    func reads() throws {
        let first = try At.parse(["--at", "1999-12-31T16:00:00Z"])
        #expect(try first.at?.instant(option: "--at") == TimeInput.parseInstant("2000-01-01T00:00:00+08:00"))
        let last = try At.parse(["--at", "2099-12-31T23:59:59+08:00"])
        #expect(try last.at?.instant(option: "--at") == TimeInput.parseInstant("2099-12-31T23:59:59+08:00"))
        #expect(try At.parse([]).at == nil)
    }

    @Test("refuses a time that does not read or lies outside 2000–2099 while parsing, naming --at and the text",
          arguments: ["yesterday", "2021-11-23", "2021-11-23T25:00:00+08:00", "2021-11-23T10:00:00",
                      "1999-12-31T15:59:59Z", "2100-01-01T00:00:00+08:00"])
    func refuses(_ text: String) {
        do {
            _ = try At.parse(["--at", text])
            Issue.record("--at \(text) was taken")
        } catch {
            let message = At.message(for: error)
            #expect(message.hasPrefix("--at"), "\(message)")
            #expect(message.contains(text), "\(message)")
        }
    }

    /// Each write with `--at`, its other arguments valid, on a database that does not exist yet.
    static let writes: [[String]] = [
        ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T"],
        ["case", "respond", "1", "--note", "n"],
        ["case", "resolve", "1", "--cause", "c", "--solution", "s"],
        ["case", "assess", "1", "--due", "2026-12-31", "--agreed-with", "王主任"],
        ["case", "reopen", "1", "--reason", "r"],
        ["fault", "add", "--level", "3", "--region", "xining", "--title", "T"],
        ["fault", "ack", "1"],
        ["fault", "raise", "1", "--level", "2", "--reason", "r"],
        ["fault", "lower", "1", "--level", "3", "--reason", "r"],
        ["fault", "escalate", "1", "--reason", "r"],
        ["fault", "restore", "1", "--cause", "c", "--solution", "s", "--mode", "remote"],
        ["fault", "reopen", "1", "--reason", "r"],
        ["task", "add", "--title", "T", "--due", "2026-12-31"],
        ["task", "complete", "1", "--cause", "c", "--solution", "s"],
        ["task", "error", "1", "--note", "n"],
        ["change", "add", "--type", "bugfix", "--title", "T"],
        ["change", "advance", "1", "--to", "confirmed", "--signed-by", "马主任"],
        ["change", "test", "1", "--result", "pass", "--note", "n"],
        ["defect", "add", "--delivery", "1", "--title", "T"],
        ["train", "add", "--type", "operator", "--topic", "T", "--at-place", "西宁", "--trainer", "李娜", "--on", "2026-11-19"],
        ["train", "step", "1", "content"],
        ["train", "attend", "1", "--name", "王芳", "--office", "城西区社保局", "--region", "xining"],
        ["train", "score", "1", "--name", "王芳", "--score", "90"],
        ["train", "material", "1", "/srv/training/handout.pdf"],
        ["inspect", "add", "--kind", "application", "--reading", "cpu app04 50"],
        ["sla", "due", "general"],
    ]

    @Test("a bad --at is refused with status 2 in the reader's language before any database is opened", arguments: writes)
    func refusedBeforeTheDatabase(_ args: [String]) {
        let db = freshDatabase()
        let en = helpdesk(args + ["--at", "1999-12-31T15:59:59Z"], db: db)
        #expect(en.status == 2, "\(args): \(en.err)")
        #expect(en.out == "")
        #expect(en.err.hasPrefix("helpdesk: --at: ") && en.err.contains("2000-01-01"), "\(args): \(en.err)")
        let zh = helpdesk(args + ["--at", "yesterday"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2, "\(args): \(zh.err)")
        #expect(zh.err.hasPrefix("helpdesk: --at：") && zh.err.contains("yesterday") && !zh.err.contains("Usage"), "\(args): \(zh.err)")
        #expect(!FileManager.default.fileExists(atPath: db), "\(args): the database was created")
    }
}
