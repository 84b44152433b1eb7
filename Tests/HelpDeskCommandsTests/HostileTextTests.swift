import Foundation
import Testing
import TestProcesses

/// Text that tries to drive the terminal it is shown on: every kind the desk stores intact and
/// shows as placeholders.
struct HostileText: CustomTestStringConvertible, Sendable {
    let label: String
    let text: String
    var testDescription: String { label }

    static let all: [HostileText] = [
        HostileText(label: "C0 controls", text: "A\u{1}B\u{7}C\u{8}D\u{1B}E\u{7F}F\r\n\tG"),
        HostileText(label: "OSC 52 clipboard write", text: "x\u{1B}]52;c;aGVsbG8gd29ybGQ=\u{7}y"),
        HostileText(label: "title change", text: "\u{1B}]0;pwned\u{7}t\u{1B}]2;again\u{1B}\\u"),
        HostileText(label: "CSI colour and cursor moves", text: "\u{1B}[31;1mred\u{1B}[2J\u{1B}[H\u{1B}[10;10Hz\u{1B}[0m"),
        HostileText(label: "C1 controls", text: "a\u{9B}31mb\u{85}c\u{9D}0;x\u{9C}d\u{90}e"),
        HostileText(label: "bidi controls", text: "abc\u{202E}def\u{2066}g\u{2067}h\u{2068}i\u{2069}j\u{202A}k\u{202C}"),
    ]
}

/// Runs `script` under /bin/sh with `$H` the built program: arguments and standard input that
/// a Swift `String` cannot carry to a child (bytes that are not UTF-8).
func helpdeskShell(_ script: String, db: String, now: String = defaultNow) -> (status: Int32, out: String, err: String) {
    let r = try! runProcess("/bin/sh", ["-c", script], environment: commandEnvironment(db: db, now: now, extra: ["H": helpdeskExecutable]))
    return (r.status, r.out, r.err)
}

func hex(_ text: String) -> String { text.utf8.map { String(format: "%02X", $0) }.joined() }

/// Every string value anywhere in a JSON document.
func jsonStrings(_ text: String) -> [String] {
    guard let data = text.data(using: .utf8), let root = try? JSONSerialization.jsonObject(with: data) else { return [] }
    var found: [String] = []
    func walk(_ value: Any) {
        if let s = value as? String { found.append(s) }
        if let a = value as? [Any] { a.forEach(walk) }
        if let d = value as? [String: Any] { d.values.forEach(walk) }
    }
    walk(root)
    return found
}

@Suite("hostile text through the command line", .scratch)
struct HostileTextTests {
    /// Runs a command that must either succeed or be refused with status 2, a message, and the
    /// database unchanged. Returns its standard output when it succeeded.
    @discardableResult
    static func attempt(_ args: [String], db: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
        let before = databaseDump(db)
        let r = helpdesk(args, db: db)
        if r.status == 0 { return r.out }
        #expect(r.status == 2, "helpdesk \(args.first ?? "") \(args.dropFirst().first ?? "") exited \(r.status): \(r.err)",
                sourceLocation: sourceLocation)
        #expect(!r.err.isEmpty, "a refusal says why", sourceLocation: sourceLocation)
        #expect(rawControlBytes(r.err).isEmpty, "the refusal quotes the text safely: \(r.err.debugDescription)",
                sourceLocation: sourceLocation)
        #expect(databaseDump(db) == before, "a refused command changes nothing", sourceLocation: sourceLocation)
        return nil
    }

    @Test("every text field stores it intact, and every view shows it without a raw control", arguments: HostileText.all)
    func everyField(_ hostile: HostileText) throws {
        let db = freshDatabase()
        let h = hostile.text
        func id(_ out: String?) -> String { (out ?? "").trimmingCharacters(in: .newlines) }

        // CASE tickets.
        let c = id(Self.attempt(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", h,
                                 "--requester", h, "--office", h, "--description", h, "--at", "2021-11-01T10:00:00+08:00"], db: db))
        try #require(c == "1", "a hostile title is stored, not refused")
        Self.attempt(["case", "respond", c, "--note", h, "--at", "2021-11-01T11:00:00+08:00"], db: db)
        Self.attempt(["case", "resolve", c, "--cause", h, "--solution", h, "--at", "2021-11-01T12:00:00+08:00"], db: db)
        Self.attempt(["case", "reopen", c, "--reason", h, "--at", "2021-11-01T13:00:00+08:00"], db: db)
        let r = id(Self.attempt(["case", "add", "--kind", "requirement", "--channel", "case", "--region", "海东市", "--title", h,
                                 "--at", "2021-11-01T10:00:00+08:00"], db: db))
        Self.attempt(["case", "assess", r, "--due", "2021-12-15", "--agreed-with", h, "--size", h, "--at", "2021-11-02T10:00:00+08:00"], db: db)

        // Faults.
        let f = id(Self.attempt(["fault", "add", "--level", "3", "--region", "haibei", "--title", h, "--description", h,
                                 "--at", "2021-11-02T10:00:00+08:00"], db: db))
        Self.attempt(["fault", "raise", f, "--level", "2", "--reason", h, "--at", "2021-11-02T10:10:00+08:00"], db: db)
        Self.attempt(["fault", "escalate", f, "--reason", h, "--at", "2021-11-02T10:20:00+08:00"], db: db)
        Self.attempt(["fault", "restore", f, "--cause", h, "--solution", h, "--mode", "remote", "--at", "2021-11-02T11:00:00+08:00"], db: db)
        Self.attempt(["fault", "reopen", f, "--reason", h, "--at", "2021-11-02T12:00:00+08:00"], db: db)

        // Tasks, changes, deliveries and defects.
        let t = id(Self.attempt(["task", "add", "--title", h, "--due", "2021-11-30", "--description", h, "--at", "2021-11-03T10:00:00+08:00"], db: db))
        Self.attempt(["task", "complete", t, "--cause", h, "--solution", h, "--at", "2021-11-03T11:00:00+08:00"], db: db)
        Self.attempt(["task", "error", t, "--note", h, "--at", "2021-11-03T12:00:00+08:00"], db: db)
        let ch = id(Self.attempt(["change", "add", "--type", "bugfix", "--title", h, "--due", "2021-11-30", "--description", h,
                                  "--at", "2021-11-03T10:00:00+08:00"], db: db))
        for (n, day) in [4, 5, 6].enumerated() {
            Self.attempt(["change", "advance", ch, "--to", ["confirmed", "development", "internal-test"][n], "--at", "2021-11-0\(day)T10:00:00+08:00"]
                         + (n == 0 ? ["--signed-by", h] : []), db: db)
        }
        Self.attempt(["change", "test", ch, "--result", "pass", "--note", h, "--at", "2021-11-08T10:00:00+08:00"], db: db)
        Self.attempt(["change", "advance", ch, "--to", "user-test", "--at", "2021-11-09T10:00:00+08:00"], db: db)
        Self.attempt(["change", "advance", ch, "--to", "released", "--cause", h, "--solution", h, "--label", h, "--at", "2021-11-20T10:00:00+08:00"], db: db)
        Self.attempt(["defect", "add", "--delivery", "1", "--title", h, "--description", h, "--at", "2021-11-21T10:00:00+08:00"], db: db)

        // Trainings and staff.
        let tr = id(Self.attempt(["train", "add", "--type", "admin", "--topic", h, "--at-place", h, "--trainer", h, "--on", "2021-11-10",
                                  "--at", "2021-11-03T10:00:00+08:00"], db: db))
        Self.attempt(["train", "attend", tr, "--name", h, "--office", h, "--region", "xining", "--score", "90",
                      "--at", "2021-11-10T16:00:00+08:00"], db: db)
        Self.attempt(["train", "material", tr, "/srv/share/\(h)", "--at", "2021-11-10T16:00:00+08:00"], db: db)
        Self.attempt(["staff", "add", "hostile", "--name", h, "--role", "onsite"], db: db)

        // Stored byte for byte: what SQLite reads from the file is what was given.
        let expected = hex(h)
        for item in [c, f, t, ch] where !item.isEmpty {
            #expect(databaseQuery(db, "SELECT hex(title) FROM item WHERE id = \(item)") == expected, "#\(item)'s title")
            #expect(databaseQuery(db, "SELECT hex(description) FROM item WHERE id = \(item)") == expected, "#\(item)'s description")
            #expect(jsonStrings(ok(["show", item, "--json"], db: db)).contains(h), "show \(item) --json has the text intact")
        }
        #expect(databaseQuery(db, "SELECT hex(requester_name) || ' ' || hex(requester_office) FROM item WHERE id = 1") == "\(expected) \(expected)")
        let caseJSON = jsonStrings(ok(["case", "show", c, "--json"], db: db))
        #expect(caseJSON.filter { $0 == h }.count >= 5, "title, description, requester, office and the notes")

        // Shown safely everywhere.
        var views: [[String]] = [["list"], ["case", "list"], ["fault", "list"], ["task", "list"], ["change", "list"],
                                 ["train", "list"], ["delivery", "list"], ["delivery", "show", "1"], ["defect", "list"],
                                 ["staff", "list"], ["case", "show", c], ["case", "show", r], ["fault", "show", f],
                                 ["task", "show", t], ["change", "show", ch], ["train", "show", tr], ["escalate", "list"]]
        for item in [c, r, f, t, ch, tr] where !item.isEmpty { views.append(["show", item]) }
        for format in ["md", "html", "csv"] { views.append(["report", "--month", "2021-11", "--format", format]) }
        // JSON keeps the text intact (checked above) and escapes what a terminal would act on.
        views += views.filter { $0.first != "report" }.map { $0 + ["--json"] }
        for lang in ["en", "zh"] {
            for args in views {
                let out = helpdesk(args + ["--lang", lang], db: db)
                #expect(out.status == 0 || out.status == 2, "\(args): \(out.err)")
                // CSV ends its rows with CRLF (RFC 4180): those are the program's own.
                let raw = rawControlBytes(args.last == "csv" ? out.out.replacingOccurrences(of: "\r\n", with: "\n") : out.out)
                #expect(raw.isEmpty, "helpdesk \(args.joined(separator: " ")) --lang \(lang) wrote \(raw)")
                #expect(rawControlBytes(out.err).isEmpty, "stderr of \(args): \(out.err.debugDescription)")
            }
        }
    }

    @Test("a NUL character is refused in a description from a file and from standard input, naming the field")
    func nul() {
        let db = freshDatabase()
        addCase(db, at: "2021-11-01T10:00:00+08:00")
        let before = databaseDump(db)
        let file = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("nul.txt")
        try! Data([0x61, 0x00, 0x62]).write(to: file)
        for script in [#""$H" case add --kind general --channel phone --region xining --title t --description-file "$F""#,
                       #"printf 'a\000b' | "$H" case add --kind general --channel phone --region xining --title t --description-file -"#,
                       #"printf 'a\000b' | "$H" fault add --level 3 --region xining --title t --description-file -"#] {
            let r = helpdeskShell("F='\(file.path)'; " + script, db: db)
            #expect(r.status == 2, "\(script): \(r.out) \(r.err)")
            #expect(r.err.contains("description") && r.err.contains("NUL"), "\(r.err)")
        }
        #expect(databaseDump(db) == before)
    }

    @Test("bytes that are not UTF-8 are refused, naming the field, never stored as U+FFFD")
    func invalidUTF8() {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-01T10:00:00+08:00")
        let before = databaseDump(db)
        let file = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("latin1.txt")
        try! Data([0x63, 0x61, 0x66, 0xE9]).write(to: file)  // "café" in Latin-1
        let cases: [(String, String)] = [
            (#""$H" case add --kind general --channel phone --region xining --title t --description-file "$F""#, "--description-file"),
            (#"printf 'ok\377\376' | "$H" task add --title t --due 2021-11-30 --description-file -"#, "--description-file"),
            (#"printf 'x\300\200y' | "$H" change add --type bugfix --title t --due 2021-11-30 --description-file -"#, "--description-file"),
            (#""$H" case add --kind general --channel phone --region xining --title "$(printf 'caf\351')""#, "--title"),
            (#""$H" case respond \#(id) --note "$(printf '\355\240\200')""#, "--note"),
            (#""$H" case add --kind general --channel phone --region xining --title t --requester "$(printf '\377')""#, "--requester"),
        ]
        for (script, field) in cases {
            let r = helpdeskShell("F='\(file.path)'; " + script, db: db)
            #expect(r.status == 2, "\(script): \(r.out) \(r.err)")
            #expect(r.err.contains(field) && r.err.contains("UTF-8"), "\(script): \(r.err)")
        }
        #expect(databaseDump(db) == before)
        #expect(!databaseDump(db).contains("\u{FFFD}"))
    }

    @Test("a description from a file or standard input is stored byte for byte, control characters and all")
    func descriptionFile() {
        let db = freshDatabase()
        let text = "log line 1\n\u{1B}[31mERROR\u{1B}[0m 数据库连接超时\r\n\t\u{202E}end\u{9B}"
        let file = writeFile(besides: db, name: "log.txt", text)
        let a = addCase(db, at: "2021-11-01T10:00:00+08:00", extra: ["--description-file", file])
        #expect(databaseQuery(db, "SELECT hex(description) FROM item WHERE id = \(a)") == hex(text))
        let r = helpdeskShell(#"cat '\#(file)' | "$H" fault add --level 3 --region xining --title t --description-file -"#, db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(databaseQuery(db, "SELECT hex(description) FROM item WHERE kind = 'fault'") == hex(text))
        let both = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "t",
                             "--description", "x", "--description-file", file], db: db)
        #expect(both.status == 2 && both.err.contains("--description-file"), "\(both.err)")
        let missing = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "t",
                                "--description-file", "/nonexistent/log.txt"], db: db)
        #expect(missing.status == 2 && missing.err.contains("/nonexistent/log.txt"), "\(missing.err)")
    }

    @Test("the limits: a title of 200 characters and a description of 64 KiB are kept, one more is refused")
    func limits() {
        let db = freshDatabase()
        let title = String(repeating: "青", count: 200)
        let id = addCase(db, title: title, at: "2021-11-01T10:00:00+08:00")
        #expect(databaseQuery(db, "SELECT hex(title) FROM item WHERE id = \(id)") == hex(title))
        let before = databaseDump(db)
        let long = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                             "--title", title + "海", "--at", "2021-11-01T10:00:00+08:00"], db: db)
        #expect(long.status == 2 && long.err.contains("title") && long.err.contains("200"), "\(long.err)")
        let longName = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "t",
                                 "--office", String(repeating: "o", count: 201)], db: db)
        #expect(longName.status == 2 && longName.err.contains("office") && longName.err.contains("200"), "\(longName.err)")
        let note = helpdesk(["case", "respond", "\(id)", "--note", String(repeating: "n", count: 65_537)], db: db)
        #expect(note.status == 2 && note.err.contains("note") && note.err.contains("65536"), "\(note.err)")
        #expect(databaseDump(db) == before)

        let exactly = String(repeating: "日志", count: 65_536 / 6) + String(repeating: "x", count: 65_536 % 6)
        #expect(exactly.utf8.count == 65_536)
        let file = writeFile(besides: db, name: "64k.txt", exactly)
        let kept = addCase(db, at: "2021-11-01T10:00:00+08:00", extra: ["--description-file", file])
        #expect(databaseQuery(db, "SELECT hex(description) FROM item WHERE id = \(kept)") == hex(exactly))
    }

    @Test("a megabyte of text is refused with the limit named, from a file, standard input or an argument")
    func megabyte() {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-01T10:00:00+08:00")
        let before = databaseDump(db)
        let file = writeFile(besides: db, name: "mb.txt", String(repeating: "0123456789abcdef", count: 65_536))
        for script in [#""$H" case add --kind general --channel phone --region xining --title t --description-file "$F""#,
                       #""$H" defect add --delivery 1 --title t --description-file - < "$F""#,
                       #"head -c 100000 "$F" | "$H" case add --kind general --channel phone --region xining --title t --description "$(cat)""#,
                       #""$H" case resolve \#(id) --cause "$(head -c 100000 "$F")" --solution s"#] {
            let r = helpdeskShell("F='\(file)'; " + script, db: db)
            #expect(r.status == 2, "\(script): \(r.err)")
            #expect(r.err.contains("65536"), "\(script): \(r.err)")
        }
        // A title is a line: 100 000 bytes of it are refused at its own limit.
        let title = helpdeskShell(#"F='\#(file)'; "$H" case add --kind general --channel phone --region xining --title "$(head -c 100000 "$F")""#, db: db)
        #expect(title.status == 2 && title.err.contains("the title") && title.err.contains("at most 200"), "\(title.err)")
        #expect(databaseDump(db) == before)
    }
}
