import Foundation
import Testing

/// One row of a deadline table: KIND received at TIME is due at DUE.
struct DueCase: Sendable, CustomTestStringConvertible {
    let kind: String
    let at: String
    /// The same instant written in UTC (`…Z`).
    let utc: String
    let due: String
    var testDescription: String { "\(kind) \(at) → \(due)" }
}

/// The contract's example table, plus its special-case examples and the three fault levels.
let specDeadlines: [DueCase] = [
    // the contract's example table
    DueCase(kind: "general", at: "2021-11-23T14:59:59+08:00", utc: "2021-11-23T06:59:59Z", due: "2021-11-23T18:00:00+08:00"),
    DueCase(kind: "general", at: "2021-11-23T15:00:00+08:00", utc: "2021-11-23T07:00:00Z", due: "2021-11-24T18:00:00+08:00"),
    DueCase(kind: "general", at: "2021-11-26T16:10:00+08:00", utc: "2021-11-26T08:10:00Z", due: "2021-11-29T18:00:00+08:00"),
    DueCase(kind: "general", at: "2025-09-30T15:00:00+08:00", utc: "2025-09-30T07:00:00Z", due: "2025-10-09T18:00:00+08:00"),
    DueCase(kind: "special", at: "2021-11-23T10:00:00+08:00", utc: "2021-11-23T02:00:00Z", due: "2021-11-24T10:00:00+08:00"),
    // the contract's text: special, Fri 16:00 → Mon 16:00; Sat 10:00 → Mon 18:00
    DueCase(kind: "special", at: "2021-11-26T16:00:00+08:00", utc: "2021-11-26T08:00:00Z", due: "2021-11-29T16:00:00+08:00"),
    DueCase(kind: "special", at: "2021-11-27T10:00:00+08:00", utc: "2021-11-27T02:00:00Z", due: "2021-11-29T18:00:00+08:00"),
    // the contract's text: before opening time on a working day counts as before 15:00 (Monday evening in UTC)
    DueCase(kind: "general", at: "2021-11-23T07:30:00+08:00", utc: "2021-11-22T23:30:00Z", due: "2021-11-23T18:00:00+08:00"),
    // the contract's text: received on a non-working day → next working day
    DueCase(kind: "general", at: "2021-11-27T10:00:00+08:00", utc: "2021-11-27T02:00:00Z", due: "2021-11-29T18:00:00+08:00"),
    // faults: wall clock, +12/24/48 h, nights and holidays count
    DueCase(kind: "fault1", at: "2021-11-23T10:00:00+08:00", utc: "2021-11-23T02:00:00Z", due: "2021-11-23T22:00:00+08:00"),
    DueCase(kind: "fault2", at: "2021-11-23T10:00:00+08:00", utc: "2021-11-23T02:00:00Z", due: "2021-11-24T10:00:00+08:00"),
    DueCase(kind: "fault3", at: "2021-11-23T10:00:00+08:00", utc: "2021-11-23T02:00:00Z", due: "2021-11-25T10:00:00+08:00"),
    DueCase(kind: "fault1", at: "2025-09-30T15:00:00+08:00", utc: "2025-09-30T07:00:00Z", due: "2025-10-01T03:00:00+08:00"),
    DueCase(kind: "fault2", at: "2025-09-30T15:00:00+08:00", utc: "2025-09-30T07:00:00Z", due: "2025-10-01T15:00:00+08:00"),
    DueCase(kind: "fault3", at: "2025-09-30T15:00:00+08:00", utc: "2025-09-30T07:00:00Z", due: "2025-10-02T15:00:00+08:00"),
]

@Suite("sla due", .scratch)
struct SLADueTests {
    @Test("prints exactly one line, the deadline in +08:00", arguments: specDeadlines)
    func oneLine(_ row: DueCase) {
        let db = freshDatabase()
        let r = helpdesk(["sla", "due", row.kind, "--at", row.at], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == row.due + "\n")
        #expect(r.err == "")
    }

    @Test("--explain adds the reasoning on following lines", arguments: specDeadlines)
    func explain(_ row: DueCase) {
        let db = freshDatabase()
        let r = helpdesk(["sla", "due", row.kind, "--at", row.at, "--explain"], db: db)
        #expect(r.status == 0, "\(r.err)")
        let lines = r.out.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
        #expect(lines.first.map(String.init) == row.due)
        #expect(lines.count > 1, "no reasoning: \(r.out)")
        #expect(lines.dropFirst().allSatisfy { !$0.trimmingCharacters(in: .whitespaces).isEmpty })
    }

    @Test("a time given in UTC gives the same deadline as its +08:00 equivalent", arguments: specDeadlines)
    func utcInput(_ row: DueCase) {
        let db = freshDatabase()
        let local = helpdesk(["sla", "due", row.kind, "--at", row.at], db: db)
        let utc = helpdesk(["sla", "due", row.kind, "--at", row.utc], db: db)
        #expect(utc.status == 0, "\(utc.err)")
        #expect(utc.out == local.out)
        #expect(utc.out == row.due + "\n")
    }

    @Test("the machine's time zone changes nothing", arguments: specDeadlines)
    func machineTimeZone(_ row: DueCase) {
        let db = freshDatabase()
        for tz in ["America/Los_Angeles", "UTC", "Pacific/Kiritimati"] {
            let r = helpdesk(["sla", "due", row.kind, "--at", row.at], db: db, env: ["TZ": tz])
            #expect(r.status == 0, "\(r.err)")
            #expect(r.out == row.due + "\n", "TZ=\(tz)")
        }
    }

    @Test("the explanation names the cut-off and the skipped days (general, Fri 16:10)")
    func explainContent() {
        let db = freshDatabase()
        let r = helpdesk(["sla", "due", "general", "--at", "2021-11-26T16:10:00+08:00", "--explain"], db: db)
        #expect(r.status == 0)
        #expect(r.out.contains("15:00"))
        #expect(r.out.contains("2021-11-29"))
    }

    @Test("--json gives the due time and the calendar version")
    func json() {
        let db = freshDatabase()
        let out = ok(["sla", "due", "general", "--at", "2021-11-23T15:00:00+08:00", "--json"], db: db)
        let object = jsonObject(out)
        #expect(object["due"] as? String == "2021-11-24T18:00:00+08:00")
        #expect((object["calendar_version"] as? String)?.isEmpty == false)
    }

    @Test("fault deadlines are exactly 12, 24 and 48 hours of wall clock")
    func faultHours() {
        let db = freshDatabase()
        // Over the Spring Festival 2026 holiday and a night: still plain hours.
        let at = "2026-02-15T23:30:00+08:00"
        #expect(ok(["sla", "due", "fault1", "--at", at], db: db) == "2026-02-16T11:30:00+08:00\n")
        #expect(ok(["sla", "due", "fault2", "--at", at], db: db) == "2026-02-16T23:30:00+08:00\n")
        #expect(ok(["sla", "due", "fault3", "--at", at], db: db) == "2026-02-17T23:30:00+08:00\n")
    }
}
