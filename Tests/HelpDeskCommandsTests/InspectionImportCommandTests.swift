import Foundation
import Testing
import TestProcesses

/// What an import says and refuses: the items it opens read in the reader's language, a file
/// imported before is refused (or recorded as imported again), an older file and a fault with
/// nobody on T0 warn.
@Suite("inspect import: languages, repeated and older files", .scratch)
struct InspectionImportCommandTests {
    @Test("show reads the fault an import opened in Chinese with --lang zh and in English with --lang en")
    func showSpeaksTheReadersLanguage() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "sample.json", try readmeInspectionSample())
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let zh = ok(["show", "1", "--lang", "zh"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(zh.contains("表空间 YLBX_DATA 使用率 93.5%，须立即扩容") && zh.contains("巡检 #1 · 王芳"), "\(zh)")
        #expect(!zh.contains("expand at once") && !zh.contains("inspection #1"), "\(zh)")
        let en = ok(["show", "1", "--lang", "en"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(en.contains("tablespace YLBX_DATA at 93.5%: expand at once") && en.contains("inspection #1 · 王芳"), "\(en)")
        #expect(!en.contains("须立即扩容") && !en.contains("巡检 #1"), "\(en)")
        // Lists and the JSON say it in the reader's language too.
        #expect(ok(["list", "--lang", "en"], db: db).contains("2 locks held for long on db"))
        #expect(ok(["list", "--lang", "zh"], db: db).contains("数据库 db 有 2 个长时间持有的锁"))
        let json = jsonObject(ok(["task", "show", "4", "--json", "--lang", "zh"], db: db))
        #expect(json["title"] as? String == "app05:/u01 磁盘使用率 88%，须清理或扩容")
        // The columns keep the Chinese words (search finds them); the code says what was found.
        #expect(databaseQuery(db, "SELECT title FROM item WHERE id = 1") == "表空间 YLBX_DATA 使用率 93.5%，须立即扩容")
        #expect(databaseQuery(db, "SELECT json_extract(text_code, '$.code') FROM item WHERE id = 1") == "inspection_finding")
    }

    @Test("the same file again is refused with exit 2 naming its inspection, nothing stored; --again records it as such")
    func theSameFileTwice() throws {
        let db = freshDatabase()
        let sample = try readmeInspectionSample()
        let file = writeFile(besides: db, name: "sample.json", sample)
        ok(["inspect", "import", file], db: db, now: "2021-12-06T10:00:00+08:00")
        let expected = sha256Hex(Data(sample.utf8))
        #expect(databaseQuery(db, "SELECT content_sha256 FROM inspection WHERE id = 1") == expected)

        let before = databaseDump(db)
        let en = helpdesk(["inspect", "import", file], db: db, now: "2021-12-06T11:00:00+08:00")
        #expect(en.status == 2 && en.out.isEmpty, "\(en)")
        #expect(en.err.contains("imported before, as inspection #1") && en.err.contains("--again"), "\(en.err)")
        let zh = helpdesk(["inspect", "import", file, "--lang", "zh"], db: db, now: "2021-12-06T11:00:00+08:00")
        #expect(zh.status == 2 && zh.err.contains("已导入过，即巡检 #1"), "\(zh.err)")
        // The same bytes under another name are the same file.
        let copy = writeFile(besides: db, name: "copy.json", sample)
        #expect(helpdesk(["inspect", "import", copy], db: db, now: "2021-12-06T11:00:00+08:00").status == 2)
        #expect(databaseDump(db) == before, "a refused import changed the database")

        let again = helpdesk(["inspect", "import", file, "--again"], db: db, now: "2021-12-06T11:00:00+08:00")
        #expect(again.status == 0 && again.out == "2\n", "\(again.err)")
        let shown = jsonObject(ok(["inspect", "show", "2", "--json"], db: db))
        #expect(shown["again_of"] as? Int == 1 && shown["sha256"] as? String == expected)
        #expect(ok(["inspect", "show", "2", "--lang", "en"], db: db).contains("imported again: the file of inspection #1"))
        #expect(ok(["inspect", "show", "2", "--lang", "zh"], db: db).contains("再次导入，同巡检 #1 的文件"))
        let history = try #require(jsonObject(ok(["show", "1", "--json", "--lang", "en"], db: db))["history"] as? [[String: Any]])
        let linked = try #require(history.first { $0["event"] as? String == "inspection_linked" })
        #expect((linked["note_code"] as? [String: Any])?["again"] as? Int == 1)
        #expect((linked["note"] as? String)?.contains("imported again: the file of inspection #1") == true)
        // A file never imported before with --again is an ordinary import.
        let other = writeFile(besides: db, name: "other.json", sample.replacingOccurrences(of: "09:30", with: "11:30"))
        #expect(ok(["inspect", "import", other, "--again"], db: db, now: "2021-12-06T12:00:00+08:00") == "3\n")
        #expect(jsonObject(ok(["inspect", "show", "3", "--json"], db: db))["again_of"] is NSNull)
    }

    @Test("a file older than the newest inspection of its kind warns and is recorded; one of another kind does not warn")
    func anOlderFileWarns() throws {
        let db = freshDatabase()
        let sample = try readmeInspectionSample()
        ok(["inspect", "import", writeFile(besides: db, name: "a.json", sample)], db: db, now: "2021-12-06T10:00:00+08:00")
        let older = writeFile(besides: db, name: "b.json", sample.replacingOccurrences(of: "2021-12-06T09:30", with: "2021-12-05T09:30"))
        let r = helpdesk(["inspect", "import", older], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(r.status == 0 && r.out == "2\n", "\(r.err)")
        #expect(r.err.contains("is older than the newest database inspection, #1 (2021-12-06T09:30:00+08:00); recorded all the same"), "\(r.err)")
        let app = writeFile(besides: db, name: "c.json", """
            {"at": "2021-12-01T09:30:00+08:00", "inspector": "王芳", "kind": "application",
             "readings": [{"check": "cpu", "target": "app03", "value": 50}]}
            """)
        let other = helpdesk(["inspect", "import", app, "--lang", "zh"], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(other.status == 0 && !other.err.contains("早于"), "\(other.err)")
        let newer = writeFile(besides: db, name: "d.json", sample.replacingOccurrences(of: "2021-12-06T09:30", with: "2021-12-06T09:45"))
        #expect(!helpdesk(["inspect", "import", newer], db: db, now: "2021-12-06T10:00:00+08:00").err.contains("older"))
    }

    @Test("a fault an import opens with nobody on T0 warns as fault add does; with someone on T0 it does not")
    func nobodyOnT0Warns() throws {
        let db = freshDatabase()
        let sample = try readmeInspectionSample()
        let r = helpdesk(["inspect", "import", writeFile(besides: db, name: "a.json", sample)], db: db, now: "2021-12-06T10:00:00+08:00")
        #expect(r.status == 0)
        #expect(r.err.contains("warning: #1 T0, #2 T0 reached nobody"), "\(r.err)")
        ok(["staff", "add", "zhangwei", "--name", "张伟", "--role", "onsite"], db: db, now: "2021-12-06T10:00:00+08:00")
        ok(["fault", "restore", "1", "--cause", "c", "--solution", "s", "--mode", "remote"], db: db, now: "2021-12-06T10:05:00+08:00")
        let later = writeFile(besides: db, name: "b.json", sample.replacingOccurrences(of: "2021-12-06T09:30", with: "2021-12-06T10:30"))
        let second = helpdesk(["inspect", "import", later], db: db, now: "2021-12-06T11:00:00+08:00")
        #expect(second.status == 0 && second.err.contains("opened: #5") && !second.err.contains("reached nobody"), "\(second.err)")
    }
}

/// SHA-256 in hex, by the system's `sha256sum`, to hold the program's to an independent reckoning.
private func sha256Hex(_ data: Data) -> String {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sha-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    let file = dir.appendingPathComponent("f")
    try? data.write(to: file)
    let r = try? runProcess("/usr/bin/sha256sum", [file.path], environment: [:])
    return String(r?.out.prefix(64) ?? "")
}
