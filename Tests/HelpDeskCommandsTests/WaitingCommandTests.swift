import Foundation
import Testing

/// Waiting on the requester, links and merges from the command line.
@Suite("Waiting, links and merges from the command line", .serialized, .scratch)
struct WaitingCommandTests {
    @Test func waitAndResumeMoveTheDeadlineByTheTimeLeft() {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-22T10:00:00+08:00")
        #expect(ok(["case", "wait", "\(id)", "--reason", "等待花名册", "--at", "2021-11-22T16:00:00+08:00"], db: db)
                == "#\(id) waiting, 2 h 0 min of working time left\n")
        #expect(listIds(ok(["case", "list", "--status", "waiting", "--json"], db: db)) == [id])
        #expect(listIds(ok(["case", "list", "--overdue", "--json"], db: db)).isEmpty)
        #expect(ok(["case", "resume", "\(id)", "--at", "2021-11-23T10:00:00+08:00"], db: db)
                == "#\(id) resumed, due 2021-11-23T12:00:00+08:00\n")
        // The figure's items say how long each waited: Monday 16:00 to Tuesday 10:00.
        let items = ok(["kpi", "items", "K1", "--month", "2021-11"], db: db)
        #expect(items.contains("Paused") && items.contains("18 h 0 min"), "\(items)")
        #expect(ok(["kpi", "items", "K1", "--month", "2021-11", "--json"], db: db).contains("64800"))
    }

    @Test(arguments: ["en", "zh"])
    func badInputIsRefusedInTheReadersLanguageAndChangesNothing(_ lang: String) {
        let db = freshDatabase()
        let a = addCase(db, at: "2021-11-22T10:00:00+08:00")
        let fault = addFault(db, level: 2, at: "2021-11-22T10:00:00+08:00")
        let before = snapshot(db, ids: [a, fault])
        let zh = lang == "zh"
        let cases: [([String], String)] = [
            (["case", "wait", "\(a)", "--reason", "晚了"], zh ? "时限" : "past its deadline"),
            (["case", "wait", "\(fault)", "--reason", "x", "--at", "2021-11-22T12:00:00+08:00"], zh ? "只有一般问题类" : "only general questions"),
            (["case", "wait", "999", "--reason", "x"], zh ? "#999" : "no work item #999"),
            (["case", "resume", "\(a)"], zh ? "未在等待" : "not waiting"),
            (["case", "link", "\(a)", "\(a)"], zh ? "自身" : "itself"),
            (["case", "unlink", "\(a)", "\(fault)"], zh ? "没有关联" : "not related"),
            (["case", "link", "\(a)", "999"], zh ? "#999" : "no work item #999"),
            (["case", "merge", "\(a)", "--into", "\(a)"], zh ? "自身" : "into itself"),
            (["case", "merge", "\(a)", "--into", "\(fault)"], zh ? "同类" : "one kind"),
            (["case", "merge", "\(a)", "--into", "999"], zh ? "#999" : "no work item #999"),
        ]
        for (args, message) in cases {
            let r = helpdesk(args + ["--lang", lang], db: db)
            #expect(r.status == 2 && r.err.contains(message), "\(args): \(r.status) \(r.err)")
        }
        #expect(snapshot(db, ids: [a, fault]) == before)
    }

    @Test func linkAndMergeAreShownAndTheDeskRuleTurnsPausingOff() {
        let db = freshDatabase()
        let a = addCase(db, at: "2021-11-23T10:00:00+08:00")
        let b = addCase(db, at: "2021-11-23T10:30:00+08:00")
        let fault = addFault(db, level: 2, at: "2021-11-23T10:00:00+08:00")
        #expect(ok(["case", "link", "\(a)", "\(fault)"], db: db) == "#\(a) ↔ #\(fault) related\n")
        #expect(ok(["case", "merge", "\(b)", "--into", "\(a)"], db: db) == "#\(b) merged into #\(a)\n")
        #expect(listIds(ok(["case", "list", "--status", "active", "--json"], db: db)) == [a])
        #expect(listIds(ok(["case", "list", "--status", "merged", "--json"], db: db)) == [b])
        ok(["config", "set", "waiting.allowed", "false"], db: db)
        let r = helpdesk(["case", "wait", "\(a)", "--reason", "x"], db: db)
        #expect(r.status == 2 && r.err.contains("does not allow pausing"), "\(r.err)")
    }
}
