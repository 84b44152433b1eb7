import Foundation
import Testing

/// A year 2027 in the public holiday-cn shape (with its `$schema`, `$id` and `papers` keys): New Year's
/// Day Fri 01-01 and Mon 01-04 off, Sat 01-09 a make-up working day.
let valid2027 = """
    {
      "$schema": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/schema.json",
      "$id": "https://raw.githubusercontent.com/NateScarlet/holiday-cn/master/2027.json",
      "year": 2027,
      "papers": ["https://www.gov.cn/zhengce/content/2026-11/01/content_0000000.htm"],
      "days": [
        {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-04", "isOffDay": true},
        {"name": "元旦", "date": "2027-01-09", "isOffDay": false}
      ]
    }
    """

struct BadCalendarFile: Sendable, CustomTestStringConvertible {
    let label: String
    let text: String
    let mentions: [String]
    var testDescription: String { label }
}

let badCalendarFiles: [BadCalendarFile] = [
    BadCalendarFile(label: "make-up day on a weekday", text: """
        {"year": 2027, "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "春节", "date": "2027-02-03", "isOffDay": false}]}
        """, mentions: ["2027-02-03"]),
    BadCalendarFile(label: "date outside the year", text: """
        {"year": 2027, "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2026-12-31", "isOffDay": true}]}
        """, mentions: ["2026-12-31", "2027"]),
    BadCalendarFile(label: "malformed JSON", text: #"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}"#,
                    mentions: ["holiday-cn"]),
    BadCalendarFile(label: "not a date", text: #"{"year": 2027, "days": [{"name": "元旦", "date": "2027-02-30", "isOffDay": true}]}"#,
                    mentions: ["2027-02-30"]),
    BadCalendarFile(label: "a date twice", text: """
        {"year": 2027, "days": [
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true},
          {"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}
        """, mentions: ["2027-01-01"]),
    BadCalendarFile(label: "missing year", text: #"{"days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#,
                    mentions: ["year"]),
    BadCalendarFile(label: "missing isOffDay", text: #"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01"}]}"#,
                    mentions: ["isOffDay"]),
    BadCalendarFile(label: "empty file", text: "", mentions: ["holiday-cn"]),
    BadCalendarFile(label: "a fractional year", text: #"{"year": 2027.5, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": true}]}"#,
                    mentions: ["year: a number (2027.5) is not accepted", "a whole number from 2000 to 2099"]),
    BadCalendarFile(label: "a year with a leading zero", text: #"{"year": 02027, "days": []}"#, mentions: ["year: 02027 is not a number", "write 2027"]),
    BadCalendarFile(label: "a year too large", text: #"{"year": 1e400, "days": []}"#, mentions: ["year: 1e400 is too large"]),
    BadCalendarFile(label: "a year as text", text: #"{"year": "2027", "days": []}"#, mentions: ["year: text (\"2027\") is not accepted"]),
    BadCalendarFile(label: "half of a character in a name", text: #"{"year": 2027, "days": [{"name": "\ud800", "date": "2027-01-01", "isOffDay": true}]}"#,
                    mentions: ["days[0].name: \\ud800 is half of a character"]),
    BadCalendarFile(label: "isOffDay as text", text: #"{"year": 2027, "days": [{"name": "元旦", "date": "2027-01-01", "isOffDay": "true"}]}"#,
                    mentions: ["days[0].isOffDay: text (\"true\") is not accepted", "true (a day off) or false"]),
    // A year's file with no day off would wipe the year's holidays and move the deadlines of open tickets.
    BadCalendarFile(label: "no days at all", text: #"{"year": 2021, "days": []}"#, mentions: ["2027.json", "2021", "no holiday"]),
    BadCalendarFile(label: "make-up working days only", text: #"{"year": 2021, "days": [{"name": "春节", "date": "2021-02-07", "isOffDay": false}]}"#,
                    mentions: ["2027.json", "2021", "no holiday"]),
    BadCalendarFile(label: "a year after 2099", text: #"{"year": 2100, "days": [{"name": "元旦", "date": "2100-01-01", "isOffDay": true}]}"#,
                    mentions: ["2100", "2000-01-01", "2099-12-31"]),
    BadCalendarFile(label: "a year before 2000", text: #"{"year": 1999, "days": [{"name": "元旦", "date": "1999-01-01", "isOffDay": true}]}"#,
                    mentions: ["1999", "2000-01-01"]),
]

@Suite("calendar import", .scratch)
struct CalendarImportTests {
    /// What the calendar looks like to a user for 2027, for comparing before and after.
    func calendarView(_ db: String) -> String {
        [helpdesk(["calendar", "show", "2027-01"], db: db).out,
         helpdesk(["calendar", "show", "2027-01", "--json"], db: db).out,
         helpdesk(["calendar", "years"], db: db).out,
         helpdesk(["sla", "due", "general", "--at", "2027-01-04T10:00:00+08:00"], db: db).out,
         databaseDump(db)].joined(separator: "\n----\n")
    }

    @Test("an invalid file is refused with status 2 and nothing is stored", arguments: badCalendarFiles)
    func invalid(_ bad: BadCalendarFile) throws {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-23T10:00:00+08:00")
        // A ticket whose deadline an emptied 2021 would move (Sep 30 → across the National Day holiday).
        let holiday = addCase(db, at: "2021-09-30T16:00:00+08:00")
        let file = writeFile(besides: db, name: "2027.json", bad.text)
        let before = calendarView(db) + snapshot(db, ids: [id, holiday]) + ok(["calendar", "show", "2021-10"], db: db)
        let r = helpdesk(["calendar", "import", file], db: db)
        #expect(r.status == 2, "stderr: \(r.err)")
        #expect(r.out == "")
        #expect(r.err.hasPrefix("helpdesk: "))
        for word in bad.mentions {
            #expect(r.err.contains(word), "the message should mention \(word.debugDescription): \(r.err)")
        }
        #expect(calendarView(db) + snapshot(db, ids: [id, holiday]) + ok(["calendar", "show", "2021-10"], db: db) == before, "the database changed")
    }

    @Test("a valid year in the holiday-cn shape changes calendar show and sla due")
    func valid() throws {
        let db = freshDatabase()
        // Before: 2027 is unknown, Monday–Friday working, and the program says so.
        let monthBefore = ok(["calendar", "show", "2027-01"], db: db)
        #expect(monthBefore.contains("2027"))
        let jsonBefore = jsonObject(ok(["calendar", "show", "2027-01", "--json"], db: db))
        #expect(jsonBefore["known"] as? Bool == false)
        let dueBefore = helpdesk(["sla", "due", "general", "--at", "2027-01-04T10:00:00+08:00"], db: db)
        #expect(dueBefore.out == "2027-01-04T18:00:00+08:00\n")
        #expect(dueBefore.err.contains("2027"), "a warning that 2027 is outside the known schedule")
        #expect(ok(["sla", "due", "general", "--at", "2027-01-08T16:00:00+08:00"], db: db) == "2027-01-11T18:00:00+08:00\n")
        let versionBefore = jsonObject(ok(["sla", "due", "general", "--at", "2027-01-04T10:00:00+08:00", "--json"], db: db))["calendar_version"] as? String

        let file = writeFile(besides: db, name: "2027.json", valid2027)
        let r = helpdesk(["calendar", "import", file], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("2027"))

        let monthAfter = ok(["calendar", "show", "2027-01"], db: db)
        #expect(monthAfter != monthBefore)
        #expect(monthAfter.contains("元旦"))
        let jsonAfter = jsonObject(ok(["calendar", "show", "2027-01", "--json"], db: db))
        #expect(jsonAfter["known"] as? Bool == true)
        let days = try #require(jsonAfter["days"] as? [[String: Any]])
        let byDate = Dictionary(uniqueKeysWithValues: days.compactMap { d in (d["date"] as? String).map { ($0, d) } })
        #expect(byDate["2027-01-01"]?["kind"] as? String == "holiday")
        #expect(byDate["2027-01-01"]?["working"] as? Bool == false)
        #expect(byDate["2027-01-04"]?["kind"] as? String == "holiday")
        #expect(byDate["2027-01-09"]?["kind"] as? String == "makeup")
        #expect(byDate["2027-01-09"]?["working"] as? Bool == true)
        #expect(byDate["2027-01-05"]?["working"] as? Bool == true)

        // After: Mon 01-04 is a holiday, Sat 01-09 is worked.
        let dueAfter = helpdesk(["sla", "due", "general", "--at", "2027-01-04T10:00:00+08:00"], db: db)
        #expect(dueAfter.out == "2027-01-05T18:00:00+08:00\n")
        #expect(dueAfter.err == "", "no more warning about an unknown year")
        #expect(ok(["sla", "due", "general", "--at", "2027-01-08T16:00:00+08:00"], db: db) == "2027-01-09T18:00:00+08:00\n")
        #expect(ok(["sla", "due", "special", "--at", "2027-01-08T16:00:00+08:00"], db: db) == "2027-01-09T16:00:00+08:00\n")
        let versionAfter = jsonObject(ok(["sla", "due", "general", "--at", "2027-01-04T10:00:00+08:00", "--json"], db: db))["calendar_version"] as? String
        #expect(versionAfter != versionBefore, "the calendar version changes with an import")

        // The year is listed as imported.
        let years = ok(["calendar", "years"], db: db)
        #expect(years.split(separator: "\n").contains { $0.hasPrefix("2027") && $0.contains("imported") })
    }

    @Test("a ticket taken in after the import gets the new deadline")
    func ticketAfterImport() {
        let db = freshDatabase()
        ok(["calendar", "import", writeFile(besides: db, name: "2027.json", valid2027)], db: db)
        let id = addCase(db, at: "2027-01-04T10:00:00+08:00", now: "2027-01-04T12:00:00+08:00")
        let item = jsonObject(ok(["case", "show", "\(id)", "--json"], db: db, now: "2027-01-04T12:00:00+08:00"))
        #expect(item["due_at"] as? String == "2027-01-05T18:00:00+08:00")
    }
}
