import Foundation
import Testing

@Suite("case edit", .scratch)
struct CorrectionCommandTests {
    @Test func correctsTheReceivedTimeAndSaysWhyTheDeadlineMoved() throws {
        let db = freshDatabase()
        let id = addCase(db, title: "社保卡挂失", at: "2021-11-23T14:00:00+08:00")
        let out = ok(["case", "edit", "\(id)", "--received", "2021-11-23T15:10:00+08:00", "--title", "社保卡补办",
                      "--version", "1", "--at", "2021-11-23T15:30:00+08:00"], db: db)
        #expect(out.contains("#\(id) corrected: title, received at") || out.contains("#\(id) corrected: "))
        #expect(out.contains("deadline: 2021-11-23T18:00:00+08:00 → 2021-11-24T18:00:00+08:00"))
        #expect(out.contains("cut-off"))
        let shown = ok(["show", "\(id)"], db: db)
        #expect(shown.contains("社保卡补办"))
        #expect(shown.contains("corrected"))
        // In Chinese.
        let zh = ok(["case", "edit", "\(id)", "--kind", "special", "--lang", "zh"], db: db)
        #expect(zh.contains("已更正"))
        #expect(zh.contains("时限："))
    }

    @Test func refusalsExitWithTwoInTheReadersLanguageAndChangeNothing() throws {
        let db = freshDatabase()
        let id = addCase(db, title: "社保卡挂失", at: "2021-11-23T10:00:00+08:00")
        ok(["case", "respond", "\(id)", "--note", "回电", "--at", "2021-11-23T10:30:00+08:00"], db: db)
        let before = snapshot(db, ids: [id])
        let refused: [(args: [String], en: String)] = [
            (["case", "edit", "\(id)", "--kind", "general"], "nothing to correct on #\(id)"),
            (["case", "edit", "\(id)"], "nothing to correct on #\(id)"),
            (["case", "edit", "99", "--title", "x"], "99"),
            (["case", "edit", "\(id)", "--received", "2021-11-23T11:00:00+08:00"], "after it was responded"),
            (["case", "edit", "\(id)", "--received", "yesterday-ish"], "--received"),
            (["case", "edit", "\(id)", "--title", "x", "--version", "1"], "version"),
            (["case", "edit", "\(id)", "--title", "   "], "title"),
            (["case", "edit", "\(id)", "--phone", "12"], "12"),
            (["case", "edit", "\(id)", "--kind", "bogus"], "bogus"),
        ]
        for r in refused {
            let result = helpdesk(r.args, db: db)
            #expect(result.status == 2, "\(r.args): \(result.err)")
            #expect(result.err.contains(r.en), "\(r.args): \(result.err)")
            #expect(result.out.isEmpty)
        }
        let zh = helpdesk(["case", "edit", "\(id)", "--kind", "general", "--lang", "zh"], db: db)
        #expect(zh.status == 2)
        #expect(zh.err.contains("没有更正"))
        #expect(snapshot(db, ids: [id]) == before)
    }

    @Test func theMonthlyReportListsKindAndReceivedTimeCorrections() throws {
        let db = freshDatabase()
        let id = addCase(db, title: "社保卡挂失", at: "2021-11-23T10:00:00+08:00")
        ok(["case", "edit", "\(id)", "--channel", "email"], db: db)
        ok(["case", "edit", "\(id)", "--kind", "special", "--at", "2021-11-23T12:00:00+08:00"], db: db)
        let md = ok(["report", "--month", "2021-11", "--format", "md", "--lang", "en"], db: db)
        #expect(md.contains("Corrections of kind or received time"))
        #expect(md.contains("general → special"))
        #expect(md.contains("2021-11-23T18:00:00+08:00 → 2021-11-24T10:00:00+08:00"))
        let csv = ok(["report", "--month", "2021-11", "--format", "csv", "--lang", "en"], db: db)
        #expect(csv.contains("corrections,\(id),\(currentUser)"))
        let html = ok(["report", "--month", "2021-11", "--format", "html", "--lang", "zh"], db: db)
        #expect(html.contains("类型或受理时间的更正"))
        let october = ok(["report", "--month", "2021-10", "--format", "md", "--lang", "en"], db: db)
        #expect(october.contains("No kind or received time was corrected this month."))
    }
}
