import Foundation
import Testing

/// Bytes that must never reach a terminal from stored or typed text: C0 controls other than the line
/// feeds the program writes itself, DEL, and C1 controls (U+0080–U+009F, 0xC2 0x80–0x9F in UTF-8).
func rawControlBytes(_ text: String, allowNewlines: Bool = true) -> [String] {
    var found: [String] = []
    let bytes = Array(text.utf8)
    for (i, b) in bytes.enumerated() {
        if b == 0x0A && allowNewlines { continue }
        if b < 0x20 || b == 0x7F { found.append(String(format: "0x%02X at %d", b, i)) }
        if b == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
            found.append(String(format: "C1 0x%02X at %d", bytes[i + 1], i))
        }
    }
    for scalar in text.unicodeScalars where (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value) {
        found.append("bidi control U+\(String(scalar.value, radix: 16, uppercase: true))")
    }
    return found
}

@Suite("control characters", .scratch)
struct ControlCharacterTests {
    @Test func aTextOfSeveralLinesIsShownLineByLineUnderItsLabel() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "log.txt", "line one\nline two \u{1B}[31mred\r\nline three\n")
        let id = ok(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "多行",
                     "--description-file", file], db: db).trimmingCharacters(in: .newlines)
        let shown = ok(["show", id], db: db, env: ["LANG": "C.UTF-8"]).components(separatedBy: "\n")
        let at = try #require(shown.firstIndex { $0.hasPrefix("Description") })
        #expect(shown[at].hasSuffix("  line one"))
        let indent = String(repeating: " ", count: shown[at].count - "line one".count)
        #expect(shown[at + 1] == indent + "line two ␛[31mred" && shown[at + 2] == indent + "line three")
    }

    static let hostileTitle = "\u{1B}[31mX\u{7}"

    @Test("an escape sequence in a title shows in case list without ESC or BEL")
    func caseListTable() throws {
        let db = freshDatabase()
        let id = addCase(db, title: Self.hostileTitle, at: "2021-11-23T10:00:00+08:00")
        let r = helpdesk(["case", "list"], db: db)
        #expect(r.status == 0, "\(r.err)")
        let bytes = Array(r.out.utf8)
        #expect(!bytes.contains(0x1B), "ESC reached standard output: \(r.out.debugDescription)")
        #expect(!bytes.contains(0x07), "BEL reached standard output: \(r.out.debugDescription)")
        // The visible part of the title is still there, and the row is still one line.
        #expect(r.out.contains("X"))
        #expect(r.out.contains("[31m"))
        let lines = r.out.split(separator: "\n")
        #expect(lines.count == 2, "a header and one row: \(r.out.debugDescription)")
        #expect(lines.last?.hasPrefix("\(id)") == true)
    }

    @Test("the same title stays intact in JSON, escaped")
    func json() {
        let db = freshDatabase()
        let id = addCase(db, title: Self.hostileTitle, at: "2021-11-23T10:00:00+08:00")
        let out = ok(["case", "show", "\(id)", "--json"], db: db)
        #expect(!Array(out.utf8).contains(0x1B), "JSON escapes control characters")
        #expect(jsonObject(out)["title"] as? String == Self.hostileTitle)
    }

    @Test("every table and show shows stored control characters as placeholders")
    func everyView() {
        let db = freshDatabase()
        let nasty = "A\u{9B}31mB\u{7F}C\rD\nE\tF\u{202E}G\u{1B}]52;c;aGk=\u{7}"
        let c = addCase(db, title: nasty, at: "2021-11-23T10:00:00+08:00",
                        extra: ["--requester", "R\u{1B}[2J", "--description", "desc\u{1B}[H\u{1B}[2J"])
        let f = helpdesk(["fault", "add", "--level", "2", "--region", "haibei", "--title", nasty, "--description", "d\u{1B}c",
                          "--at", "2021-11-23T10:00:00+08:00"], db: db)
        #expect(f.status == 0, "\(f.err)")
        let fid = f.out.trimmingCharacters(in: .newlines)
        ok(["case", "respond", "\(c)", "--note", "note\u{1B}[5m", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        for args in [["case", "list"], ["fault", "list"], ["list"], ["case", "show", "\(c)"], ["show", "\(c)"],
                     ["fault", "show", fid]] {
            let r = helpdesk(args, db: db)
            #expect(r.status == 0, "\(args): \(r.err)")
            let raw = rawControlBytes(r.out)
            #expect(raw.isEmpty, "helpdesk \(args.joined(separator: " ")) wrote \(raw): \(r.out.debugDescription)")
            #expect(rawControlBytes(r.err).isEmpty, "stderr of \(args)")
        }
        // The stored row is one line in the lists: the newline in the title does not split it.
        #expect(ok(["case", "list"], db: db).split(separator: "\n").count == 2)
        #expect(ok(["fault", "list"], db: db).split(separator: "\n").count == 2)
    }

    @Test("a holiday name with an escape sequence is shown as placeholders by calendar show")
    func calendarNames() {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "2027.json", #"""
            {"year": 2027, "days": [{"name": "元旦\u001b[31m\u0007", "date": "2027-01-01", "isOffDay": true}]}
            """#)
        ok(["calendar", "import", file], db: db)
        let out = ok(["calendar", "show", "2027-01"], db: db)
        #expect(rawControlBytes(out).isEmpty, "\(out.debugDescription)")
        #expect(out.contains("元旦"))
        let explain = ok(["sla", "due", "general", "--at", "2026-12-31T16:00:00+08:00", "--explain"], db: db)
        #expect(explain.hasPrefix("2027-01-04T18:00:00+08:00\n"))
        #expect(rawControlBytes(explain).isEmpty, "\(explain.debugDescription)")
    }

    /// "Text from the database or from users never reaches the terminal raw". Error messages
    /// quote what was typed; the quote must not carry the escape sequence to the terminal either.
    @Test("error messages that quote bad input show its control characters as placeholders")
    func errorMessages() {
        let db = freshDatabase()
        addCase(db, at: "2021-11-23T10:00:00+08:00")
        let esc = "\u{1B}[31mX\u{7}"
        let commands: [[String]] = [
            ["case", "add", "--kind", "general", "--channel", "phone", "--region", esc, "--title", "T"],
            ["case", "add", "--kind", esc, "--channel", "phone", "--region", "xining", "--title", "T"],
            ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T", "--at", esc],
            ["sla", "due", esc],
            ["case", "list", "--status", esc],
            ["calendar", "show", esc],
        ]
        for args in commands {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2, "\(args)")
            let raw = rawControlBytes(r.err)
            #expect(raw.isEmpty, "helpdesk \(args.map(\.debugDescription).joined(separator: " ")) wrote \(raw) to stderr: \(r.err.debugDescription)")
        }
    }
}
