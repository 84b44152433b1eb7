import Foundation
import Testing

/// Time runs forward: no step of an item's course is dated before the step it follows, through the
/// real binary; the refusal names both times and nothing is changed.
@Suite("Time runs forward", .scratch)
struct EventOrderTests {
    /// Runs `args`, expects a refusal naming both times, and the database unchanged.
    func refused(_ args: [String], db: String, ids: [Int], naming times: [String],
                 sourceLocation: SourceLocation = #_sourceLocation) {
        let before = snapshot(db, ids: ids)
        let r = helpdesk(args, db: db)
        #expect(r.status == 2, "\(args): \(r.out) \(r.err)", sourceLocation: sourceLocation)
        for time in times { #expect(r.err.contains(time), "\(args) should name \(time): \(r.err)", sourceLocation: sourceLocation) }
        #expect(snapshot(db, ids: ids) == before, "nothing changed by \(args)", sourceLocation: sourceLocation)
    }

    @Test("a change is not released before it was signed, nor a round recorded before the last stage")
    func changeStagesRunForward() {
        let db = freshDatabase()
        let id = ok(["change", "add", "--type", "bugfix", "--title", "修正导出", "--due", "2021-11-30",
                     "--at", "2021-11-03T10:00:00+08:00"], db: db).trimmingCharacters(in: .newlines)
        ok(["change", "advance", id, "--to", "confirmed", "--signed-by", "马主任", "--at", "2021-11-12T10:00:00+08:00"], db: db)
        refused(["change", "advance", id, "--to", "development", "--at", "2021-11-03T10:00:01+08:00"], db: db, ids: [1],
                naming: ["2021-11-03T10:00:01+08:00", "2021-11-12T10:00:00+08:00"])
        ok(["change", "advance", id, "--to", "development", "--at", "2021-11-12T10:00:00+08:00"], db: db)
        ok(["change", "advance", id, "--to", "internal-test", "--at", "2021-11-15T10:00:00+08:00"], db: db)
        refused(["change", "test", id, "--result", "pass", "--note", "通过", "--at", "2021-11-14T10:00:00+08:00"], db: db, ids: [1],
                naming: ["2021-11-14T10:00:00+08:00", "2021-11-15T10:00:00+08:00"])
        ok(["change", "test", id, "--result", "pass", "--note", "通过", "--at", "2021-11-16T10:00:00+08:00"], db: db)
        refused(["change", "advance", id, "--to", "user-test", "--at", "2021-11-15T23:59:59+08:00"], db: db, ids: [1],
                naming: ["2021-11-16T10:00:00+08:00"])
        ok(["change", "advance", id, "--to", "user-test", "--at", "2021-11-16T10:00:00+08:00"], db: db)
        refused(["change", "advance", id, "--to", "released", "--cause", "c", "--solution", "s", "--at", "2021-11-03T10:00:01+08:00"],
                db: db, ids: [1], naming: ["2021-11-03T10:00:01+08:00", "2021-11-16T10:00:00+08:00"])
        ok(["change", "advance", id, "--to", "released", "--cause", "c", "--solution", "s", "--at", "2021-11-18T10:00:00+08:00"], db: db)
    }

    @Test("a ticket is not resolved before its response; a fault not restored before it was raised")
    func responsesAndRestorationsRunForward() {
        let db = freshDatabase()
        let ticket = addCase(db, kind: "special", at: "2021-11-23T09:00:00+08:00")
        ok(["case", "respond", "\(ticket)", "--note", "已联系", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        refused(["case", "resolve", "\(ticket)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T10:59:59+08:00"], db: db,
                ids: [ticket], naming: ["2021-11-23T10:59:59+08:00", "2021-11-23T11:00:00+08:00"])
        // The same second as the response is not before it.
        ok(["case", "resolve", "\(ticket)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T11:00:00+08:00"], db: db)

        let fault = addFault(db, level: 3, at: "2021-11-23T08:00:00+08:00")
        ok(["fault", "raise", "\(fault)", "--level", "2", "--reason", "影响扩大", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        refused(["fault", "restore", "\(fault)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T09:00:00+08:00"], db: db,
                ids: [fault], naming: ["2021-11-23T09:00:00+08:00", "2021-11-23T12:00:00+08:00"])
        ok(["fault", "restore", "\(fault)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T13:00:00+08:00"], db: db)
    }

    @Test("two identical change advance commands move a change once")
    func twoAdvancesAtOnceMoveOnce() throws {
        let db = freshDatabase()
        let id = ok(["change", "add", "--type", "bugfix", "--title", "T", "--due", "2021-11-30",
                     "--at", "2021-11-03T10:00:00+08:00"], db: db).trimmingCharacters(in: .newlines)
        ok(["change", "advance", id, "--to", "confirmed", "--signed-by", "马主任", "--at", "2021-11-04T10:00:00+08:00"], db: db)
        let args = ["change", "advance", id, "--to", "development", "--at", "2021-11-05T10:00:00+08:00"]
        let a = try startHelpdesk(args, db: db), b = try startHelpdesk(args, db: db)
        let results = [a.finish(), b.finish()]
        #expect(results.filter { $0.status == 0 }.count == 1, "\(results)")
        #expect(results.filter { $0.status == 2 }.count == 1, "\(results)")
        let shown = jsonObject(ok(["change", "show", id, "--json"], db: db))
        #expect("\(shown)".contains("development") && !"\(shown)".contains("internal-test"), "\(shown)")
    }
}
