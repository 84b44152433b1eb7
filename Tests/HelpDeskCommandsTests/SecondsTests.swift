import Foundation
import Testing

/// A deadline met or missed by a second: the tables show the seconds that decide it, and a late
/// response says it is overdue like a late resolution.
@Suite("a second decides, and shows", .scratch)
struct SecondsTests {
    /// The instant `seconds` after an ISO 8601 time with an offset, written the same way.
    static func plus(_ iso: String, seconds: Int) throws -> String {
        let f = ISO8601DateFormatter()
        f.timeZone = TimeZone(secondsFromGMT: 8 * 3600)
        let date = try #require(f.date(from: iso))
        return f.string(from: date.addingTimeInterval(TimeInterval(seconds))).replacingOccurrences(of: "Z", with: "+08:00")
    }

    @Test("a special case answered one second late: respond says overdue as resolve does; kpi items and the report show the seconds")
    func oneSecondLate() throws {
        let db = freshDatabase()
        let special = addCase(db, kind: "special", at: "2021-11-22T10:00:00+08:00", now: "2021-11-22T10:00:00+08:00")
        let onTime = addCase(db, kind: "special", at: "2021-11-22T10:00:00+08:00", now: "2021-11-22T10:00:00+08:00")
        let general = addCase(db, at: "2021-11-22T10:00:00+08:00", now: "2021-11-22T10:00:00+08:00")
        let due = try #require(jsonObject(ok(["case", "show", "\(special)", "--json"], db: db))["due_at"] as? String)
        let generalDue = try #require(jsonObject(ok(["case", "show", "\(general)", "--json"], db: db))["due_at"] as? String)
        let now = "2021-11-30T10:00:00+08:00"

        let late = ok(["case", "respond", "\(special)", "--note", "n", "--at", try Self.plus(due, seconds: 1)], db: db, now: now)
        #expect(late.contains("(Overdue)"), "a response one second late says so: \(late)")
        let inTime = ok(["case", "respond", "\(onTime)", "--note", "n", "--at", due], db: db, now: now)
        #expect(!inTime.contains("Overdue"), "a response on the deadline is in time: \(inTime)")
        let resolved = ok(["case", "resolve", "\(general)", "--cause", "c", "--solution", "s", "--at", try Self.plus(generalDue, seconds: 1)],
                          db: db, now: now)
        #expect(resolved.contains("(Overdue)"), "\(resolved)")
        let zh = ok(["case", "show", "\(special)"], db: db, now: now, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.contains("已超时"), "\(zh)")

        // Deadline and event in the same minute: both with their seconds, in both languages.
        let dueShown = due.prefix(19).replacingOccurrences(of: "T", with: " ")
        let eventShown = try Self.plus(due, seconds: 1).prefix(19).replacingOccurrences(of: "T", with: " ")
        for lang in ["en", "zh"] {
            let items = ok(["kpi", "items", "K1", "--month", "2021-11", "--lang", lang], db: db, now: now)
            let row = try #require(items.split(separator: "\n").first { $0.hasPrefix("\(special) ") || $0.contains(" \(special) ") }, "\(items)")
            #expect(row.contains(dueShown) && row.contains(eventShown), "\(lang): \(row)")
            #expect(row.contains(lang == "zh" ? "否" : "no"), "\(row)")
            let report = ok(["report", "--month", "2021-11", "--format", "md", "--lang", lang], db: db, now: now)
            #expect(report.contains(dueShown) && report.contains(eventShown), "\(lang): \(report)")
        }
        // An item whose times fall in different minutes keeps the minute alone.
        let items = ok(["kpi", "items", "K1", "--month", "2021-11"], db: db, now: now)
        let row = try #require(items.split(separator: "\n").first { $0.hasPrefix("\(onTime) ") || $0.contains(" \(onTime) ") }, "\(items)")
        #expect(row.contains(String(dueShown.prefix(16))) && !row.contains(dueShown), "\(row)")
    }
}
