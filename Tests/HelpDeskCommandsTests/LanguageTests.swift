import Foundation
import Testing
import HelpDeskCore

/// Text with the data people and the reference tables put there (region names) taken out.
private func withoutData(_ text: String) -> String {
    let dataCharacters = Set(Region.allCases.flatMap { Array($0.chineseName) })
    return String(text.filter { !dataCharacters.contains($0) })
}

private func hasChinese(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isIdeographic }
}

@Suite("Messages people can read", .scratch)
struct LanguageTests {
    @Test("a usage error keeps its lines, its control characters still neutralised")
    func usageErrorsKeepTheirLines() {
        let db = freshDatabase()
        let r = helpdesk(["case", "add", "--kind", "bo\u{1B}[31mgus", "--channel", "phone", "--region", "xining", "--title", "T"], db: db)
        #expect(r.status == 2)
        let lines = r.err.split(separator: "\n")
        #expect(lines.count >= 3, "\(r.err)")
        #expect(lines.first?.hasPrefix("helpdesk: ") == true)
        #expect(lines.contains { $0.hasPrefix("Usage: helpdesk case add") }, "\(r.err)")
        #expect(!r.err.contains("␊"))
        #expect(!r.err.contains("\u{1B}") && r.err.contains("␛"), "\(r.err)")
    }

    @Test("--lang en: what the system says comes out in English")
    func englishHasNoChineseLabels() throws {
        let db = freshDatabase()
        ok(["staff", "add", "lina", "--name", "Lina", "--role", "onsite"], db: db)
        ok(["staff", "add", "liu", "--name", "Liu", "--role", "expert"], db: db)
        let restored = addFault(db, level: 1, title: "db down", at: "2021-11-23T08:00:00+08:00")
        ok(["fault", "restore", "\(restored)", "--cause", "disk full", "--solution", "cleaned", "--mode", "onsite",
            "--at", "2021-11-23T12:00:00+08:00"], db: db)
        let open = addFault(db, level: 2, region: "haidong", title: "app error", at: "2021-11-23T09:00:00+08:00")
        let ticket = addCase(db, kind: "special", title: "pension query", at: "2021-11-23T10:00:00+08:00")
        ok(["case", "respond", "\(ticket)", "--note", "called back", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        var outputs: [String] = []
        let later = "2021-11-24T10:00:00+08:00"
        for args in [["escalate"], ["fault", "escalate", "\(open)", "--reason", "needs an expert on site"]] {
            let r = helpdesk(args + ["--lang", "en"], db: db, now: later)
            #expect(r.status == 0, "\(args): \(r.err)")
            outputs += [r.out, r.err]
        }
        for args in [["fault", "show", "\(restored)"], ["fault", "show", "\(open)"], ["fault", "show", "\(open)", "--json"],
                     ["show", "\(ticket)"], ["show", "\(ticket)", "--json"], ["notify", "list"], ["notify", "list", "--json"],
                     ["fault", "list"], ["case", "list"], ["list", "--json"], ["kpi"]] {
            let r = helpdesk(args + ["--lang", "en"], db: db, now: later)
            #expect(r.status == 0, "\(args): \(r.err)")
            outputs += [r.out, r.err]
        }
        for args in [["case", "resolve", "\(ticket)", "--cause", "", "--solution", "s"], ["fault", "restore", "\(open)", "--cause", "c", "--solution", ""],
                     ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T", "--at", "2021-11-23T10:00"],
                     ["fault", "lower", "\(open)", "--level", "1", "--reason", "r"], ["case", "respond", "\(open)", "--note", "n"]] {
            let r = helpdesk(args + ["--lang", "en"], db: db, now: later)
            #expect(r.status == 2, "\(args)")
            outputs.append(r.err)
        }
        for text in outputs {
            let rest = withoutData(text)
            #expect(!hasChinese(rest), "Chinese in English output: \(text)")
        }
        let show = outputs.joined(separator: "\n")
        #expect(show.contains("rule: level 2 fault reported: T0 on-site staff"), "the rule's reason, said in English")
        #expect(show.contains("response mode: on site"))
        #expect(show.contains("[Level 2 fault · T0]"), "the notification, said in English")
    }

    @Test("--lang zh: time and argument errors and the store's refusals are in Chinese")
    func chineseErrors() throws {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-23T10:00:00+08:00")
        let cases: [([String], String)] = [
            (["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T", "--at", "2021-11-23T10:00"], "缺少时区偏移"),
            (["case", "add", "--channel", "phone", "--region", "xining", "--title", "T"], "缺少参数 '--kind <kind>'"),
            (["case", "add", "--kind", "bogus", "--channel", "phone", "--region", "xining", "--title", "T"], "不是 '--kind <kind>' 的有效取值"),
            (["case", "resolve", "\(id)", "--cause", "", "--solution", "s"], "问题原因分析"),
            (["case", "resolve", "\(id)", "--cause", "c", "--solution", "s", "--at", "2021-11-24T10:00:00+08:00"], "在将来"),
            (["case", "list", "--status", "bogus"], "不是状态"),
            (["list", "--offset", "-1"], "--offset：-1 不可接受；可接受：0 或以上的整数"),
            (["kpi", "--month", "2021-13"], "不是月份"),
            (["calendar", "hours", "9-18"], "无效的营业时间"),
            (["sla", "due", "general", "--at", "2021-11-23"], "此处需要时间"),
        ]
        for (args, expected) in cases {
            let r = helpdesk(args + ["--lang", "zh"], db: db)
            #expect(r.status == 2, "\(args)")
            #expect(r.err.contains(expected), "\(args): \(r.err)")
        }
        // The same from a Chinese locale, without --lang.
        let r = helpdesk(["case", "resolve", "\(id)", "--cause", "", "--solution", "s"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(r.err.contains("问题原因分析"), "\(r.err)")
    }

    @Test("the argument parser's own refusals are in Chinese under --lang zh, --lang=zh, the configuration's language or a Chinese locale")
    func parserRefusalsInChinese() throws {
        let db = freshDatabase()
        let cases: [([String], String)] = [
            (["case", "add", "--channel", "phone", "--region", "xining", "--title", "T", "--kind"], "缺少取值"),
            (["case", "list", "--bogus"], "未知选项 '--bogus'"),
            (["case", "add", "--channel", "phone", "--region", "xining", "--title", "T"], "缺少参数 '--kind <kind>'"),
            (["case", "add", "--kind", "bogus", "--channel", "phone", "--region", "xining", "--title", "T"], "不是 '--kind <kind>' 的有效取值"),
            (["show", "1", "2"], "多余的参数 '2'"),
        ]
        let english = ["Missing", "Unknown", "Unexpected", "is invalid", "Please provide", "Usage:", "See '", "Did you mean"]
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("helpdesk")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let ways: [(String, [String], [String: String])] = [
            ("--lang zh", ["--lang", "zh"], [:]), ("--lang=zh", ["--lang=zh"], [:]),
            ("LANG", [], ["LANG": "zh_CN.UTF-8"]),
        ]
        for (way, extra, env) in ways {
            for (args, expected) in cases {
                let r = helpdesk(extra + args, db: db, env: env)
                #expect(r.status == 2, "\(way) \(args)")
                #expect(r.err.contains(expected), "\(way) \(args): \(r.err)")
                for phrase in english { #expect(!r.err.contains(phrase), "\(way) \(args): \(r.err)") }
            }
        }
        // The personal file's language, before the arguments are read.
        try Data("language = \"zh\"\n".utf8).write(to: folder.appendingPathComponent("config.toml"))
        for (args, expected) in cases {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2 && r.err.contains(expected), "configured: \(args): \(r.err)")
        }
        // --lang wins over the file.
        let r = helpdesk(["case", "list", "--bogus", "--lang", "en"], db: db)
        #expect(r.err.contains("Unknown option '--bogus'"), "\(r.err)")
    }

}
