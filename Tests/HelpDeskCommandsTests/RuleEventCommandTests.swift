import Foundation
import Testing

@Suite("An answered special case is not overdue anywhere", .scratch)
struct RuleEventCommandTests {
    /// Thu 2021-11-25 09:00: #special was confirmed Mon 10:00 (due Tue 10:00) and answered Mon 11:00;
    /// #general was received Tue 14:00 (due Tue 18:00, later than the special case) and is still open.
    @Test func tableShowAndJSONAgree() throws {
        let db = freshDatabase()
        let special = addCase(db, kind: "special", title: "answered", at: "2021-11-22T10:00:00+08:00")
        ok(["case", "respond", "\(special)", "--note", "已回复", "--at", "2021-11-22T11:00:00+08:00"], db: db)
        let general = addCase(db, title: "waiting", at: "2021-11-23T14:00:00+08:00")
        let now = "2021-11-25T09:00:00+08:00"

        let page = listItems(ok(["case", "list", "--json"], db: db, now: now))
        #expect(page.compactMap { $0["id"] as? Int } == [general, special], "the overdue ticket first")
        #expect(page.first { $0["id"] as? Int == special }?["overdue"] as? Bool == false)
        #expect(listIds(ok(["case", "list", "--json", "--overdue"], db: db, now: now)) == [general])

        let table = ok(["case", "list"], db: db, now: now).split(separator: "\n")
        let row = try #require(table.first { $0.contains("answered") && !$0.contains("Deadline") })
        #expect(row.contains("answered in time"), "\(row)")
        #expect(!row.contains("Overdue") && !row.contains(" -"), "\(row)")
        let waitingRow = try #require(table.first { $0.contains("waiting") })
        #expect(waitingRow.contains("-1d"), "\(waitingRow)")

        let show = ok(["show", "\(special)"], db: db, now: now)
        let deadline = try #require(show.split(separator: "\n").first { $0.hasPrefix("Deadline") })
        #expect(deadline.contains("answered in time") && !deadline.contains("Overdue") && !deadline.contains("(-"), "\(deadline)")
    }
}
