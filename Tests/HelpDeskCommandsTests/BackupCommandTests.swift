import Foundation
import Testing
import TestProcesses

// `helpdesk backup` and `helpdesk restore` as a nightly job and a supervisor use them.

@Suite("backup and restore", .scratch)
struct BackupCommandTests {
    @Test func aBackupSaysWhatItHoldsAndARestoreBringsItBack() throws {
        let db = freshDatabase()
        for i in 0..<3 { _ = addCase(db, title: "工单 \(i)", at: "2021-11-23T10:00:00+08:00") }
        let copy = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("nightly.sqlite").path
        let written = ok(["backup", copy], db: db)
        #expect(written.hasPrefix("backup written to \(copy): 3 items, 3 history rows, schema \""))
        #expect(written.hasSuffix("integrity ok\n"))
        let zh = helpdesk(["backup", copy, "--lang", "zh"], db: db)
        #expect(zh.status == 2 && zh.err.contains("已存在") && zh.out.isEmpty)
        let nowhere = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("no/such/b.sqlite").path
        let missing = helpdesk(["backup", nowhere], db: db)
        #expect(missing.status == 2 && missing.err.contains("there is no folder") && missing.err.hasSuffix("nothing was changed\n"), "\(missing.err)")

        let before = snapshot(db, ids: [1, 2, 3])
        _ = addCase(db, title: "备份之后", at: "2021-11-23T11:00:00+08:00")
        let restored = ok(["restore", copy], db: db)
        let lines = restored.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains("the database as it was is kept in \(db).before-restore-20211123-160000: 4 items") == true)
        #expect(lines.last?.hasPrefix("restored from \(copy): 3 items, 3 history rows") == true)
        // The records are the backup's; only the id counters stay above the ids handed out before.
        let counters = { (text: String) in text.split(separator: "\n").filter { !$0.hasPrefix("sqlite_sequence[") } }
        #expect(counters(snapshot(db, ids: [1, 2, 3])) == counters(before))
        // The kept copy is a whole database of its own.
        #expect(ok(["list", "--limit", "0", "--json"], db: "\(db).before-restore-20211123-160000").contains("备份之后"))
        // #4 is the kept copy's: the next ticket is #5.
        #expect(addCase(db, title: "恢复之后", at: "2021-11-23T12:00:00+08:00") == 5)
    }

    @Test(arguments: [
        ("text", "just some text\n", "is not an SQLite database file; nothing was changed"),
        ("missing", nil, "does not exist"),
    ] as [(String, String?, String)])
    func aBadFileIsRefusedWithNothingChanged(name: String, content: String?, message: String) throws {
        let db = freshDatabase()
        _ = addCase(db, title: "留着", at: "2021-11-23T10:00:00+08:00")
        let path = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent(name).path
        if let content { _ = writeFile(besides: db, name: name, content) }
        let before = snapshot(db, ids: [1])
        let r = helpdesk(["restore", path], db: db)
        #expect(r.status == 2 && r.out.isEmpty && r.err.contains(message), "\(r.err)")
        #expect(snapshot(db, ids: [1]) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: URL(fileURLWithPath: db).deletingLastPathComponent().path)
        #expect(!files.contains { $0.contains("before-restore") })
    }

    /// A FIFO, a folder or a device is no backup: refused at once, never waited on.
    @Test(arguments: ["fifo", "folder", "device"])
    func whatIsNotAFileIsRefusedAtOnce(kind: String) throws {
        let db = freshDatabase()
        _ = addCase(db, title: "留着", at: "2021-11-23T10:00:00+08:00")
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        var path = folder.appendingPathComponent(kind).path
        switch kind {
        case "fifo": #expect(mkfifo(path, 0o600) == 0)
        case "folder": try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        default: path = "/dev/null"
        }
        let before = snapshot(db, ids: [1])
        for lang in ["en", "zh"] {
            let restore = try startHelpdesk(["restore", path, "--lang", lang], db: db)
            let r = restore.wait(seconds: 10)
            #expect(!r.timedOut, "restore of a \(kind) still waited after 10 s")
            let said = lang == "en" ? ["fifo": "is a FIFO (named pipe)", "folder": "is a folder", "device": "is a device"][kind]!
                : ["fifo": "是命名管道（FIFO）", "folder": "是目录", "device": "是设备文件"][kind]!
            #expect(r.status == 2 && r.out.isEmpty && r.err.contains(said), "\(r.status) \(r.err)")
            #expect(r.err.contains(lang == "en" ? "nothing was changed" : "未作任何改动"), "\(r.err)")
        }
        #expect(snapshot(db, ids: [1]) == before)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!files.contains { $0.contains("before-restore") || $0.contains(".partial") })
    }

    /// The README's nightly script, run as written three times with 2 copies kept.
    @Test func theReadmesNightlyScriptKeepsTheLastCopies() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let start = try #require(readme.range(of: "```sh\n#!/bin/sh\n# /usr/local/bin/helpdesk-nightly-backup\n"))
        let end = try #require(readme.range(of: "\n```", range: start.upperBound..<readme.endIndex))
        let script = String(readme[readme.index(start.lowerBound, offsetBy: "```sh\n".count)..<end.lowerBound]) + "\n"

        let db = freshDatabase()
        _ = addCase(db, title: "夜间备份", at: "2021-11-23T10:00:00+08:00")
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent()
        let bin = folder.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("helpdesk").path, withDestinationPath: helpdeskExecutable)
        let scriptPath = writeFile(besides: db, name: "helpdesk-nightly-backup", script)
        let backups = folder.appendingPathComponent("backups")
        var environment = commandEnvironment(db: db, now: defaultNow, extra: [:])
        environment["HELPDESK_NOW"] = nil
        environment["PATH"] = bin.path + ":" + (environment["PATH"] ?? "/usr/bin:/bin")
        environment["BACKUP_DIR"] = backups.path
        environment["KEEP"] = "2"
        var made: [String] = []
        for run in 0..<3 {
            if run > 0 { Thread.sleep(forTimeInterval: 1.1) }   // the copies are named to the second
            let r = try runProcess("/bin/sh", [scriptPath], environment: environment, mergeErrors: true)
            let text = r.out
            #expect(r.status == 0, "\(text)")
            #expect(text.contains("integrity ok"), "\(text)")
            made += try FileManager.default.contentsOfDirectory(atPath: backups.path).filter { !made.contains($0) }
        }
        let left = try FileManager.default.contentsOfDirectory(atPath: backups.path).sorted()
        #expect(made.count == 3 && left == Array(made.sorted().suffix(2)))
    }
}

@Suite("A database file that is not right", .scratch)
struct BadDatabaseFileTests {
    @Test func notADatabaseOrDamagedIsSaidInTheReadersLanguage() throws {
        let db = freshDatabase()
        let text = writeFile(besides: db, name: "notes.sqlite", "这不是数据库\n")
        let r = helpdesk(["list"], db: text)
        #expect(r.status == 2 && r.out.isEmpty)
        #expect(r.err == "helpdesk: \(text) is not a helpdesk database (not an SQLite file); nothing was changed. Check --db / HELPDESK_DB\n")
        let zh = helpdesk(["list", "--lang", "zh"], db: text)
        #expect(zh.status == 2 && zh.err.contains("不是 helpdesk 数据库（不是 SQLite 文件）；未作任何改动"))
        #expect(try String(contentsOfFile: text, encoding: .utf8) == "这不是数据库\n")

        // A database whose pages were overwritten in the middle.
        for i in 0..<20 { _ = addCase(db, title: "工单 \(i)", at: "2021-11-23T10:00:00+08:00") }
        let handle = try #require(FileHandle(forUpdatingAtPath: db))
        try handle.seek(toOffset: 4096)
        try handle.write(contentsOf: Data(repeating: 0xA5, count: 3 * 4096))
        try handle.close()
        let damaged = helpdesk(["list", "--limit", "0"], db: db)
        #expect(damaged.status == 2, "\(damaged.err)")
        #expect(damaged.err.contains("is damaged; nothing was changed. Run helpdesk doctor") || damaged.err.contains("is not a helpdesk database"),
                "\(damaged.err)")
        #expect(!damaged.err.contains("SQLite error"))
    }
}

@Suite("A database file read-only for its user", .scratch)
struct ReadOnlyFileCommandTests {
    /// Root may write any file whatever its mode: the rule is tested in the store, by name
    /// (`ReadOnlyFileTests`); here as the ordinary user a shared host has.
    @Test(.enabled(if: geteuid() != 0, "root may write any file"))
    func readsWorkAndWritesAreRefusedWithWhatToDo() throws {
        let db = freshDatabase()
        _ = addCase(db, title: "只读", at: "2021-11-23T10:00:00+08:00")
        try FileManager.default.setAttributes([.posixPermissions: 0o444], ofItemAtPath: db)
        defer { try? FileManager.default.setAttributes([.posixPermissions: 0o660], ofItemAtPath: db) }
        #expect(ok(["list", "--json"], db: db).contains("只读"))
        let r = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "x"], db: db)
        #expect(r.status == 2 && r.err.contains("is read-only for you; nothing was changed"), "\(r.err)")
    }
}
