import Foundation
import Testing

/// Several ids in one command (`case take 12 13 14`): each id its own write, one line each, exit 2
/// when any was refused while the others stay done.
@Suite("Several ids on the command line", .serialized, .scratch)
struct SeveralIdsCommandTests {
    static let received = "2021-11-23T10:00:00+08:00"

    private func assignee(_ db: String, _ id: Int) -> String? {
        jsonObject(ok(["show", "\(id)", "--json"], db: db))["assignee"] as? String
    }

    @Test func takeDoesTheGoodIdsAndSaysWhyEachBadOneWasRefused() {
        let db = freshDatabase()
        let a = addCase(db, at: Self.received), b = addCase(db, at: Self.received), c = addCase(db, at: Self.received)
        ok(["case", "take", "\(c)"], db: db)
        let untouched = ok(["show", "\(c)", "--json"], db: db)
        let r = helpdesk(["case", "take", "\(a)", "999", "\(b)", "\(c)"], db: db)
        #expect(r.status == 2, "\(r.status) \(r.err)")
        #expect(r.out == "#\(a) taken by \(currentUser)\n#\(b) taken by \(currentUser)\n", "\(r.out)")
        let lines = r.err.split(separator: "\n").map(String.init)
        #expect(lines.count == 3, "\(r.err)")
        #expect(lines.first { $0.contains("#999 refused:") }?.contains("no work item #999") == true, "\(r.err)")
        #expect(lines.first { $0.contains("#\(c) refused:") }?.contains("already assigned to \(currentUser)") == true, "\(r.err)")
        #expect(lines.last == "helpdesk: 2 of 4 refused; the others are done", "\(r.err)")
        #expect(assignee(db, a) == currentUser && assignee(db, b) == currentUser)
        // The refused one changed nothing (its record, its version, its history).
        #expect(ok(["show", "\(c)", "--json"], db: db) == untouched)
    }

    @Test func allDoneExitsZeroWithOneLineEach() {
        let db = freshDatabase()
        ok(["staff", "add", "lina", "--name", "李娜", "--role", "onsite"], db: db)
        let a = addCase(db, at: Self.received), b = addCase(db, at: Self.received)
        let r = helpdesk(["case", "assign", "\(a)", "\(b)", "lina"], db: db)
        #expect(r.status == 0 && r.err.isEmpty, "\(r.status) \(r.err)")
        #expect(r.out == "#\(a) assigned to lina\n#\(b) assigned to lina\n")
        #expect(assignee(db, a) == "lina" && assignee(db, b) == "lina")
        // Each is its own write: two notices, two history entries.
        let notices = (try? JSONSerialization.jsonObject(with: Data(ok(["notify", "list", "--json"], db: db).utf8))) as? [[String: Any]] ?? []
        #expect(Set(notices.compactMap { $0["item"] as? Int }) == [a, b])
        // The same id twice is done once.
        let c = addCase(db, at: Self.received)
        #expect(ok(["case", "take", "\(c)", "\(c)"], db: db) == "#\(c) taken by \(currentUser)\n")
    }

    @Test func aRefusedIdLeavesItsItemAsItWasWhileTheOthersAreDone() {
        let db = freshDatabase()
        let a = addCase(db, at: Self.received), b = addCase(db, at: Self.received)
        let closed = addCase(db, at: Self.received)
        ok(["case", "resolve", "\(closed)", "--cause", "c", "--solution", "s"], db: db)
        let before = ok(["show", "\(closed)", "--json"], db: db)
        let r = helpdesk(["case", "resolve", "\(a)", "\(closed)", "\(b)", "--cause", "配置错误", "--solution", "已修正"], db: db)
        #expect(r.status == 2, "\(r.err)")
        #expect(r.out.contains("#\(a) ") && r.out.contains("#\(b) ") && !r.out.contains("#\(closed) "), "\(r.out)")
        #expect(r.err.contains("#\(closed) refused:"), "\(r.err)")
        for id in [a, b] { #expect(jsonObject(ok(["show", "\(id)", "--json"], db: db))["status"] as? String == "closed") }
        // The refused one's record and history are as they were.
        #expect(ok(["show", "\(closed)", "--json"], db: db) == before)
    }

    @Test(arguments: ["en", "zh"])
    func whenEveryIdIsRefusedTheDatabaseIsUnchanged(_ lang: String) {
        let db = freshDatabase()
        let a = addCase(db, at: Self.received)
        ok(["case", "take", "\(a)"], db: db)
        let before = databaseDump(db)
        for args in [["case", "take", "998", "999"],
                     ["case", "reply", "998", "999", "--text", "已处理"],
                     ["case", "respond", "998", "999", "--note", "x"],
                     ["case", "merge", "998", "999", "--into", "\(a)"],
                     ["case", "link", "998", "999", "\(a)"],
                     ["case", "assign", "998", "999", "nobody"],
                     ["fault", "restore", "998", "999", "--cause", "c", "--solution", "s"]] {
            let r = helpdesk(args + ["--lang", lang], db: db)
            #expect(r.status == 2 && r.out.isEmpty, "\(args): \(r.status) \(r.out) \(r.err)")
            #expect(r.err.contains(lang == "zh" ? "#999 未办理：" : "#999 refused: "), "\(args): \(r.err)")
            #expect(r.err.contains(lang == "zh" ? "有 2 个未办理" : "2 of 2 refused"), "\(args): \(r.err)")
        }
        #expect(databaseDump(db) == before)
    }

    @Test(arguments: [["case", "assign", "12", "x1", "lina"], ["case", "assign", "lina"], ["case", "link", "12"],
                      ["case", "link", "12", "0", "13"], ["case", "link", "12", "13", "x"], ["case", "take"]])
    func badlyTypedIdsAreRefusedBeforeAnythingIsDone(_ args: [String]) {
        let db = freshDatabase()
        let a = addCase(db, at: Self.received)
        let before = databaseDump(db)
        let r = helpdesk(args.map { $0 == "12" ? "\(a)" : $0 }, db: db)
        #expect(r.status == 2 && r.out.isEmpty, "\(args): \(r.status) \(r.err)")
        #expect(!r.err.isEmpty)
        let zh = helpdesk(args.map { $0 == "12" ? "\(a)" : $0 } + ["--lang", "zh"], db: db)
        #expect(zh.status == 2 && zh.err.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(args): \(zh.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func linkMergeReplyAndRestoreTakeSeveralIds() {
        let db = freshDatabase()
        let a = addCase(db, at: Self.received), b = addCase(db, at: Self.received), c = addCase(db, at: Self.received)
        let d = addCase(db, at: Self.received)
        let f1 = addFault(db, level: 3, at: Self.received), f2 = addFault(db, level: 3, at: Self.received)
        #expect(ok(["case", "link", "\(a)", "\(b)", "\(f1)"], db: db) == "#\(a) ↔ #\(f1) related\n#\(b) ↔ #\(f1) related\n")
        #expect(ok(["case", "reply", "\(a)", "\(b)", "--text", "正在处理"], db: db).split(separator: "\n").count == 2)
        #expect(ok(["case", "merge", "\(b)", "\(c)", "--into", "\(d)"], db: db) == "#\(b) merged into #\(d)\n#\(c) merged into #\(d)\n")
        #expect(listIds(ok(["case", "list", "--status", "merged", "--json"], db: db)).sorted() == [b, c].sorted())
        #expect(ok(["fault", "restore", "\(f1)", "\(f2)", "--cause", "断电", "--solution", "已恢复"], db: db)
                    .split(separator: "\n").count == 2)
        for id in [f1, f2] { #expect(jsonObject(ok(["show", "\(id)", "--json"], db: db))["status"] as? String == "closed", "#\(id)") }
    }
}
