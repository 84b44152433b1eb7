import Foundation
import Testing

/// `attach add/list/get/erase` driven through the built program.
@Suite("Attachments from the command line", .serialized, .scratch)
struct AttachCommandTests {
    static let received = "2021-11-23T10:00:00+08:00"

    @Test func addListAndGetToAFileAndToStandardOutput() throws {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let file = writeFile(besides: db, name: "需求 签字.pdf", "%PDF-1.4\nsigned\n")
        let added = helpdesk(["attach", "add", "#\(id)", file], db: db)
        #expect(added.status == 0 && added.out == "1\n", "\(added.err)")
        #expect(added.err.contains("attached 需求 签字.pdf (16 B, PDF) to #\(id) as attachment 1"), "\(added.err)")
        // The type comes from the content: a PDF named .txt is a PDF.
        let renamed = helpdesk(["attach", "add", "\(id)", file, "--name", "../notes\u{202E}.txt"], db: db)
        #expect(renamed.status == 0 && renamed.out == "2\n")
        let list = ok(["attach", "list", "\(id)"], db: db)
        #expect(list.contains("需求 签字.pdf") && list.contains("_notes.txt") && list.contains("16 B") && list.contains(currentUser))
        let zh = ok(["attach", "list", "\(id)", "--lang", "zh"], db: db)
        #expect(zh.contains("名称") && zh.contains("添加人"))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(ok(["attach", "list", "\(id)", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(json.count == 2 && json[1]["type"] as? String == "pdf" && json[0]["item"] as? Int == id)
        #expect(json[0]["sha256"] as? String == "f1ab233354240f174954fde3bbc8a73337e8fe6187667255ed722971458ff78b")
        #expect(json[0]["erased_at"] is NSNull)

        let out = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("out.pdf").path
        #expect(helpdesk(["attach", "get", "1", out], db: db).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data("%PDF-1.4\nsigned\n".utf8))
        // Not over a file that exists, unless --force.
        try Data("mine".utf8).write(to: URL(fileURLWithPath: out))
        let again = helpdesk(["attach", "get", "1", out], db: db)
        #expect(again.status == 2 && again.err.contains("exists and was not overwritten"), "\(again.err)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data("mine".utf8))
        #expect(helpdesk(["attach", "get", "1", out, "--force"], db: db).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: out)) == Data("%PDF-1.4\nsigned\n".utf8))
        // Into a folder: under its safe name.
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        #expect(helpdesk(["attach", "get", "2", folder], db: db).status == 0)
        #expect(FileManager.default.fileExists(atPath: folder + "/_notes.txt"))
        // To standard output (a pipe here): the bytes as they are.
        #expect(ok(["attach", "get", "1", "-"], db: db) == "%PDF-1.4\nsigned\n")
    }

    @Test func badInputIsRefusedWithExitTwoAndNothingChanges() throws {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let file = writeFile(besides: db, name: "a.txt", "hello\n")
        ok(["attach", "add", "\(id)", file], db: db)
        let big = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("big.bin")
        try Data(count: (1 << 20) + 1).write(to: big)
        ok(["config", "set", "attachment.max_mb", "1"], db: db)
        let folder = URL(fileURLWithPath: db).deletingLastPathComponent().path
        let before = databaseDump(db)
        let cases: [([String], String, String)] = [
            (["attach", "add", "999", file], "no work item #999", "没有编号为 #999 的工单"),
            (["attach", "add", "i5", file], "there is no inspection 5", "没有编号为 5 的巡检"),
            (["attach", "add", "abc", file], "is not an item or an inspection", "不是工单号或巡检号"),
            (["attach", "add", "\(id)", folder], "is a folder", "文件夹"),
            (["attach", "add", "\(id)", folder + "/missing.pdf"], "missing.pdf", "missing.pdf"),
            (["attach", "add", "\(id)", big.path], "over the attachment limit of 1.0 MiB", "超过附件上限 1.0 MiB"),
            (["attach", "list", "999"], "no work item #999", "没有编号为 #999 的工单"),
            (["attach", "get", "9", folder + "/x"], "no attachment 9", "没有编号为 9 的附件"),
            (["attach", "get", "x"], "is not an attachment number", "不是附件编号"),
            (["attach", "erase", "1"], "needs a reason", "须写明原因"),
            (["attach", "erase", "9", "--reason", "x"], "no attachment 9", "没有编号为 9 的附件"),
            (["config", "set", "attachment.max_mb", "0"], "attachment.max_mb", "attachment.max_mb"),
        ]
        for (args, en, zh) in cases {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2 && r.err.contains(en), "\(args): \(r.status) \(r.err)")
            let z = helpdesk(args + ["--lang", "zh"], db: db)
            #expect(z.status == 2 && z.err.contains(zh), "\(args) zh: \(z.status) \(z.err)")
        }
        #expect(databaseDump(db) == before)
    }

    @Test func aSupervisorErasesTheContentAndHistoryKeepsItsRecord() throws {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let file = writeFile(besides: db, name: "身份证.txt", "6301...\n")
        ok(["attach", "add", "\(id)", file], db: db)
        let erased = helpdesk(["attach", "erase", "1", "--reason", "含身份证号"], db: db)
        #expect(erased.status == 0 && erased.out.contains("was erased"), "\(erased.err)")
        let show = ok(["show", "\(id)"], db: db)
        #expect(show.contains("身份证.txt") && show.contains("含身份证号"))
        let get = helpdesk(["attach", "get", "1", "-"], db: db)
        #expect(get.status == 2 && get.err.contains("was erased"))
        let twice = helpdesk(["attach", "erase", "1", "--reason", "again", "--lang", "zh"], db: db)
        #expect(twice.status == 2 && twice.err.contains("已于"))
        #expect(ok(["attach", "list", "\(id)"], db: db).contains("(erased)"))
    }
}
