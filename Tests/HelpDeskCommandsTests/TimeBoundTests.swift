import Foundation
import Testing

/// The desk keeps times from 2000-01-01 00:00:00 to 2099-12-31 23:59:59 Beijing time: the first and
/// last second are accepted everywhere a time, a date or a period is read; a year inside whose
/// holidays are not imported works as Monday–Friday.
@Suite("time bounds", .scratch)
struct TimeBoundTests {
    @Test("the first and the last second of 2000–2099 are accepted as now and as --at")
    func edges() throws {
        let db = freshDatabase()
        let first = addCase(db, title: "first", at: "2000-01-01T00:00:00+08:00", now: "2000-01-01T00:00:00+08:00")
        let utc = addCase(db, title: "first in UTC", at: "1999-12-31T16:00:00Z", now: "2000-01-01T00:00:00+08:00")
        let last = addCase(db, title: "last", at: "2099-12-31T23:59:59+08:00", now: "2099-12-31T23:59:59+08:00")
        let shown = jsonObject(ok(["case", "show", "\(first)", "--json"], db: db, now: "2099-12-31T23:59:59+08:00"))
        #expect(shown["received_at"] as? String == "2000-01-01T00:00:00+08:00")
        #expect(jsonObject(ok(["case", "show", "\(utc)", "--json"], db: db))["received_at"] as? String == "2000-01-01T00:00:00+08:00")
        #expect(jsonObject(ok(["case", "show", "\(last)", "--json"], db: db, now: "2099-12-31T23:59:59+08:00"))["received_at"] as? String
            == "2099-12-31T23:59:59+08:00")
        ok(["kpi", "--month", "2000-01"], db: db)
        ok(["kpi", "--month", "2099-12"], db: db)
        ok(["kpi", "--week", "2000-W01"], db: db)
        ok(["list"], db: db, now: "2000-01-01T00:00:00+08:00")
    }

    @Test("a year in the range whose holidays are not imported keeps working")
    func unimportedYear() throws {
        let db = freshDatabase()
        let now = "2031-05-06T16:00:00+08:00"
        // Friday after the cut-off: due the next working day, Monday (no holidays known for 2031).
        let id = addCase(db, at: "2031-05-02T16:00:00+08:00", now: now)
        #expect(jsonObject(ok(["case", "show", "\(id)", "--json"], db: db, now: now))["due_at"] as? String == "2031-05-05T18:00:00+08:00")
        #expect(jsonObject(ok(["calendar", "show", "2031-05", "--json"], db: db))["known"] as? Bool == false)
        ok(["kpi", "freeze", "--month", "2031-04"], db: db, now: now)
        ok(["train", "add", "--type", "admin", "--topic", "t", "--at-place", "p", "--trainer", "r", "--on", "2031-05-06"], db: db, now: now)
        ok(["change", "add", "--type", "policy", "--title", "t", "--due", "2031-06-30", "--effective", "2031-07-01"], db: db, now: now)
    }

    @Test("the refusal is said in Chinese too, naming the range")
    func chinese() {
        let db = freshDatabase()
        let r = helpdesk(["kpi", "freeze", "--month", "0000-01"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(r.status == 2)
        #expect(r.err.contains("0000-01") && r.err.contains("北京时间 2000-01-01 00:00:00 至 2099-12-31 23:59:59"), "\(r.err)")
    }
}
