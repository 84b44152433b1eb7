import Foundation
import Testing

/// A command that must be refused: exit status 2, a message on standard error that contains every
/// string of `mentions`, nothing on standard output, and the database unchanged.
struct BadInput: Sendable, CustomTestStringConvertible {
    let label: String
    let args: [String]
    let mentions: [String]
    var now: String = defaultNow
    var testDescription: String { label }

    /// Runs the command on `db` and expects it refused: status 2, nothing on standard output, a
    /// message on standard error (`helpdesk: …`) naming every mention, and `state` of the database
    /// (the whole of it by default) as it was.
    func expectRefused(db: String, state: (String) -> String = { databaseDump($0) },
                       sourceLocation: SourceLocation = #_sourceLocation) {
        let before = state(db)
        let r = helpdesk(args, db: db, now: now)
        #expect(r.status == 2, "exit status \(r.status); stderr: \(r.err)", sourceLocation: sourceLocation)
        #expect(r.out == "", "nothing on standard output", sourceLocation: sourceLocation)
        #expect(r.err.hasPrefix("helpdesk: "), "stderr: \(r.err)", sourceLocation: sourceLocation)
        for word in mentions {
            #expect(r.err.contains(word), "the message should mention \(word.debugDescription): \(r.err)", sourceLocation: sourceLocation)
        }
        #expect(state(db) == before, "the database changed", sourceLocation: sourceLocation)
    }
}

/// The database every bad-input test starts from (ids are fixed in a fresh database):
/// #1 general, open, received Tue 10:00; #2 general, closed; #3 requirement, open; #4 fault level 2.
enum BadInputDesk {
    static let openGeneral = 1, closedGeneral = 2, requirement = 3, fault = 4

    static func make() throws -> String {
        let db = freshDatabase()
        let a = addCase(db, title: "open general", at: "2021-11-23T10:00:00+08:00")
        let b = addCase(db, title: "closed general", at: "2021-11-23T10:30:00+08:00")
        ok(["case", "resolve", "\(b)", "--cause", "c", "--solution", "s", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        let c = addCase(db, kind: "requirement", channel: "case", title: "requirement", at: "2021-11-23T10:00:00+08:00")
        let d = addFault(db, level: 2, at: "2021-11-23T08:00:00+08:00")
        let made: [Int] = [a, b, c, d]
        try #require(made == [openGeneral, closedGeneral, requirement, fault])
        return db
    }
}

private let caseAdd = ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T"]
private let at10 = ["--at", "2021-11-23T10:00:00+08:00"]

let badInputs: [BadInput] = [
    // case add: reference data
    BadInput(label: "unknown kind", args: ["case", "add", "--kind", "bogus", "--channel", "phone", "--region", "xining", "--title", "T"] + at10,
             mentions: ["bogus", "general"]),
    BadInput(label: "unknown region", args: ["case", "add", "--kind", "general", "--channel", "phone", "--region", "北京市", "--title", "T"] + at10,
             mentions: ["北京市", "xining"]),
    BadInput(label: "unknown region (pinyin)", args: ["case", "add", "--kind", "general", "--channel", "phone", "--region", "beijing", "--title", "T"] + at10,
             mentions: ["beijing"]),
    BadInput(label: "unknown channel", args: ["case", "add", "--kind", "general", "--channel", "pigeon", "--region", "xining", "--title", "T"] + at10,
             mentions: ["pigeon", "wechat"]),
    BadInput(label: "malformed phone", args: caseAdd + ["--phone", "call me"] + at10, mentions: ["--phone", "call me", "no place in a phone number"]),
    BadInput(label: "phone with too few digits", args: caseAdd + ["--phone", "1234"] + at10, mentions: ["--phone", "1234", "only 4 digits; at least 5"]),
    BadInput(label: "staff with a malformed phone", args: ["staff", "add", "lina", "--name", "李娜", "--phone", "13800O00003", "--role", "onsite"],
             mentions: ["--phone", "13800O00003"]),
    // times
    BadInput(label: "malformed time", args: caseAdd + ["--at", "2021-11-23T25:00:00+08:00"], mentions: ["--at", "2021-11-23T25:00:00+08:00"]),
    BadInput(label: "garbage time", args: caseAdd + ["--at", "yesterday"], mentions: ["--at", "yesterday"]),
    BadInput(label: "time without offset", args: caseAdd + ["--at", "2021-11-23T10:00"], mentions: ["--at", "2021-11-23T10:00", "offset"]),
    BadInput(label: "date alone where a time is asked", args: caseAdd + ["--at", "2021-11-23"], mentions: ["--at", "2021-11-23"]),
    BadInput(label: "--now without offset", args: ["list", "--now", "2021-11-23T10:00"], mentions: ["--now", "offset"]),
    BadInput(label: "--at in the future (case add)", args: caseAdd + ["--at", "2021-11-23T16:00:01+08:00"], mentions: ["future"]),
    BadInput(label: "--at in the future (respond)", args: ["case", "respond", "1", "--note", "n", "--at", "2021-11-24T09:00:00+08:00"], mentions: ["future"]),
    BadInput(label: "--at in the future (fault add)", args: ["fault", "add", "--level", "1", "--region", "xining", "--title", "T", "--at", "2021-11-23T08:00:01Z"],
             mentions: ["future"]),
    BadInput(label: "--at before the ticket was received", args: ["case", "respond", "1", "--note", "n", "--at", "2021-11-23T09:00:00+08:00"],
             mentions: ["before"]),
    // times outside 2000-01-01 to 2099-12-31, Beijing time: refused naming the range
    BadInput(label: "console --now in year 0", args: ["--now", "0000-01-01T00:00:00+08:00"], mentions: ["--now", "2000-01-01", "2099-12-31"]),
    BadInput(label: "--now in year 0", args: ["list", "--now", "0000-01-01T00:00:00+08:00"], mentions: ["--now", "2000-01-01", "2099-12-31"]),
    BadInput(label: "--now in 2100", args: ["list", "--now", "2100-01-01T00:00:00+08:00"], mentions: ["--now", "2099-12-31"]),
    BadInput(label: "--at in year 0", args: caseAdd + ["--at", "0000-01-01T00:00:00+08:00"], mentions: ["--at", "0000-01-01", "2000-01-01", "2099-12-31"]),
    BadInput(label: "--at a second before 2000 Beijing time", args: caseAdd + ["--at", "1999-12-31T15:59:59Z"], mentions: ["--at", "2000-01-01"]),
    BadInput(label: "--due in year 0", args: ["change", "add", "--type", "bugfix", "--title", "t", "--due", "0000-01-01"] + at10,
             mentions: ["--due", "2000-01-01", "2099-12-31"]),
    BadInput(label: "kpi freeze of a month in year 0", args: ["kpi", "freeze", "--month", "0000-12"], mentions: ["--month", "0000-12", "2000-01-01"]),
    BadInput(label: "kpi freeze of December 1999", args: ["kpi", "freeze", "--month", "1999-12"], mentions: ["--month", "2000-01-01"]),
    BadInput(label: "kpi of a week reaching into 2100", args: ["kpi", "--week", "2099-W53"], mentions: ["--week", "2099-12-31"]),
    BadInput(label: "report of a month in 2100", args: ["report", "--month", "2100-01", "--format", "md"], mentions: ["--month", "2099-12-31"]),
    BadInput(label: "calendar show of a month in 1999", args: ["calendar", "show", "1999-12"], mentions: ["1999-12", "2000-01-01"]),
    BadInput(label: "train add on a day in year 0",
             args: ["train", "add", "--type", "admin", "--topic", "t", "--at-place", "p", "--trainer", "r", "--on", "0000-01-01"] + at10,
             mentions: ["--on", "0000-01-01", "2000-01-01", "2099-12-31"]),
    BadInput(label: "train list of a month in year 0", args: ["train", "list", "--month", "0000-01"], mentions: ["--month", "2000-01-01"]),
    BadInput(label: "change add effective in year 0",
             args: ["change", "add", "--type", "policy", "--title", "t", "--effective", "0000-01-01"] + at10,
             mentions: ["--effective", "0000-01-01", "2000-01-01", "2099-12-31"]),
    BadInput(label: "inspect add in year 0", args: ["inspect", "add", "--kind", "database", "--reading", "cpu app03 80", "--at", "0000-01-01T00:00:00+08:00"],
             mentions: ["--at", "2000-01-01", "2099-12-31"]),
    // required fields
    BadInput(label: "missing title", args: ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining"] + at10, mentions: ["--title"]),
    BadInput(label: "empty title", args: ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", ""] + at10,
             mentions: ["--title"]),
    BadInput(label: "blank title", args: ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "  "] + at10,
             mentions: ["--title"]),
    BadInput(label: "missing kind", args: ["case", "add", "--channel", "phone", "--region", "xining", "--title", "T"] + at10, mentions: ["--kind"]),
    BadInput(label: "empty fault title", args: ["fault", "add", "--level", "1", "--region", "xining", "--title", ""] + at10, mentions: ["--title"]),
    BadInput(label: "fault level 4", args: ["fault", "add", "--level", "4", "--region", "xining", "--title", "T"] + at10, mentions: ["4", "--level"]),
    BadInput(label: "empty respond note", args: ["case", "respond", "1", "--note", ""], mentions: ["--note"]),
    // unknown and wrong items
    BadInput(label: "unknown id", args: ["case", "resolve", "999", "--cause", "c", "--solution", "s"], mentions: ["999"]),
    BadInput(label: "unknown id (respond)", args: ["case", "respond", "999", "--note", "n"], mentions: ["999"]),
    BadInput(label: "unknown id (show)", args: ["show", "999"], mentions: ["999"]),
    BadInput(label: "non-numeric id", args: ["case", "resolve", "abc", "--cause", "c", "--solution", "s"], mentions: ["abc"]),
    BadInput(label: "a fault is not a CASE ticket", args: ["case", "resolve", "4", "--cause", "c", "--solution", "s"], mentions: ["#4", "fault"]),
    BadInput(label: "a CASE ticket is not a fault", args: ["fault", "restore", "1", "--cause", "c", "--solution", "s"], mentions: ["#1"]),
    // closing
    BadInput(label: "second resolve", args: ["case", "resolve", "2", "--cause", "c2", "--solution", "s2"], mentions: ["#2", "closed"]),
    BadInput(label: "respond to a closed ticket", args: ["case", "respond", "2", "--note", "n"], mentions: ["#2", "closed"]),
    BadInput(label: "resolve without cause", args: ["case", "resolve", "1", "--solution", "s"], mentions: ["--cause"]),
    BadInput(label: "resolve without solution", args: ["case", "resolve", "1", "--cause", "c"], mentions: ["--solution"]),
    BadInput(label: "resolve with empty cause", args: ["case", "resolve", "1", "--cause", "", "--solution", "s"], mentions: ["--cause"]),
    BadInput(label: "resolve with empty solution", args: ["case", "resolve", "1", "--cause", "c", "--solution", ""], mentions: ["--solution"]),
    BadInput(label: "resolve with blank cause and solution", args: ["case", "resolve", "1", "--cause", " ", "--solution", "\t"],
             mentions: ["--cause", "--solution"]),
    BadInput(label: "restore with empty solution", args: ["fault", "restore", "4", "--cause", "c", "--solution", ""], mentions: ["--solution"]),
    BadInput(label: "resolve an unassessed requirement", args: ["case", "resolve", "3", "--cause", "c", "--solution", "s"], mentions: ["#3", "assess"]),
    // sla
    BadInput(label: "sla due bogus", args: ["sla", "due", "bogus", "--at", "2021-11-23T10:00:00+08:00"], mentions: ["bogus", "general", "fault1"]),
    BadInput(label: "sla due without offset", args: ["sla", "due", "general", "--at", "2021-11-23T15:00:00"], mentions: ["offset"]),
    // faults
    BadInput(label: "fault raise to a lower level", args: ["fault", "raise", "4", "--level", "3", "--reason", "r"], mentions: ["#4", "supervisor"]),
    BadInput(label: "fault raise to the same level", args: ["fault", "raise", "4", "--level", "2", "--reason", "r"], mentions: ["#4", "2"]),
    BadInput(label: "fault raise without reason", args: ["fault", "raise", "4", "--level", "1", "--reason", ""], mentions: ["--reason"]),
    BadInput(label: "fault raise a CASE ticket", args: ["fault", "raise", "1", "--level", "1", "--reason", "r"], mentions: ["#1"]),
    // assessment
    BadInput(label: "assess a general ticket", args: ["case", "assess", "1", "--due", "2021-12-01", "--agreed-with", "W"], mentions: ["#1", "requirement"]),
    BadInput(label: "assess with a malformed due date", args: ["case", "assess", "3", "--due", "2021-13-01", "--agreed-with", "W"], mentions: ["--due", "2021-13-01"]),
    BadInput(label: "assess with a due time without offset", args: ["case", "assess", "3", "--due", "2021-12-01T10:00", "--agreed-with", "W"],
             mentions: ["--due", "2021-12-01T10:00"]),
    BadInput(label: "assess with a due date in the past", args: ["case", "assess", "3", "--due", "2021-11-22", "--agreed-with", "W"], mentions: ["due"]),
    BadInput(label: "assess without who agreed", args: ["case", "assess", "3", "--due", "2021-12-01", "--agreed-with", ""], mentions: ["--agreed-with"]),
    // lists
    BadInput(label: "unknown status filter", args: ["case", "list", "--status", "bogus"], mentions: ["bogus", "open"]),
    BadInput(label: "unknown region filter", args: ["fault", "list", "--region", "nowhere"], mentions: ["nowhere"]),
    BadInput(label: "negative offset", args: ["list", "--offset=-1"], mentions: ["--offset"]),
    BadInput(label: "both offset and after", args: ["list", "--offset", "2", "--after", "1"], mentions: ["--offset", "--after"]),
    BadInput(label: "after an item that does not exist", args: ["case", "list", "--after", "99999"], mentions: ["#99999"]),
    // trainings
    BadInput(label: "train add of an unknown audience", args: ["train", "add", "--type", "everyone", "--topic", "T", "--at-place", "P",
                                                              "--trainer", "L", "--on", "2021-11-30"] + at10, mentions: ["everyone", "admin", "sysadmin"]),
    BadInput(label: "train add on a day that is no date", args: ["train", "add", "--type", "admin", "--topic", "T", "--at-place", "P",
                                                                "--trainer", "L", "--on", "2021-11-31"] + at10, mentions: ["--on", "2021-11-31", "YYYY-MM-DD"]),
    BadInput(label: "train add with a blank topic", args: ["train", "add", "--type", "admin", "--topic", " ", "--at-place", "P",
                                                          "--trainer", "L", "--on", "2021-11-30"] + at10, mentions: ["--topic"]),
    BadInput(label: "train add without a place", args: ["train", "add", "--type", "admin", "--topic", "T", "--trainer", "L",
                                                       "--on", "2021-11-30"] + at10, mentions: ["--at-place"]),
    BadInput(label: "train step on a CASE ticket", args: ["train", "step", "1", "content"] + at10, mentions: ["#1", "training"]),
    BadInput(label: "train step of an unknown step", args: ["train", "step", "1", "lunch"], mentions: ["lunch", "content", "upload"]),
    BadInput(label: "train attend a training that does not exist", args: ["train", "attend", "99", "--name", "N", "--office", "O",
                                                                         "--region", "xining"], mentions: ["#99"]),
    BadInput(label: "train show of a fault", args: ["train", "show", "4"], mentions: ["#4"]),
    BadInput(label: "train list of a bad month", args: ["train", "list", "--month", "2021-13"], mentions: ["--month", "2021-13", "YYYY-MM"]),
    // calendar
    BadInput(label: "calendar show with a bad month", args: ["calendar", "show", "2027-13"], mentions: ["2027-13"]),
    BadInput(label: "calendar hours malformed", args: ["calendar", "hours", "9-18"], mentions: ["9-18"]),
    BadInput(label: "calendar import of a missing file", args: ["calendar", "import", "/nonexistent/helpdesk/2027.json"],
             mentions: ["/nonexistent/helpdesk/2027.json"]),
    // inspections and the inventory
    BadInput(label: "inspect import of a missing file", args: ["inspect", "import", "/nonexistent/helpdesk/inspection.json"],
             mentions: ["/nonexistent/helpdesk/inspection.json", "no such file"]),
    BadInput(label: "inspect import of a folder", args: ["inspect", "import", "/tmp"], mentions: ["/tmp", "is a folder, not a file"]),
    BadInput(label: "calendar import of a folder", args: ["calendar", "import", "/tmp"], mentions: ["/tmp", "is a folder, not a file"]),
    // the database's path
    BadInput(label: "an empty --db", args: ["list", "--db", ""], mentions: ["--db", "not a path", "accepted"]),
    BadInput(label: "a backup to an empty path", args: ["backup", ""], mentions: ["backup needs the path of the new file"]),
    BadInput(label: "a backup to a folder's path", args: ["backup", "/tmp/"], mentions: ["/tmp/ names a folder"]),
    BadInput(label: "a folder as --db", args: ["list", "--db", "/tmp"], mentions: ["/tmp", "is a folder, not a database file"]),
    BadInput(label: "inspect add with a text where a number is read", args: ["inspect", "add", "--kind", "database", "--reading", "cpu app03 high"] + at10,
             mentions: ["--reading[0]", "expected a percentage", "cpu"]),
    BadInput(label: "inspect add of a count in hex", args: ["inspect", "add", "--kind", "database", "--reading", "sessions db 0x10"] + at10,
             mentions: ["--reading[0].value", "0x10", "2147483647"]),
    BadInput(label: "inspect add of a count over 2^31 - 1", args: ["inspect", "add", "--kind", "database", "--reading", "locks_long db 2147483648"] + at10,
             mentions: ["--reading[0].value", "2147483648"]),
    BadInput(label: "inspect add with an unknown check", args: ["inspect", "add", "--kind", "database", "--reading", "memory app03 80"] + at10,
             mentions: ["memory", "tablespace"]),
    BadInput(label: "inspect add with a reading missing its value", args: ["inspect", "add", "--kind", "database", "--reading", "cpu app03"] + at10,
             mentions: ["CHECK TARGET VALUE"]),
    BadInput(label: "inspect add of a visit to somewhere not a region",
             args: ["inspect", "add", "--kind", "business", "--reading", "visit 拉萨市 很好"] + at10, mentions: ["--reading[0].target", "拉萨市", "西宁市"]),
    BadInput(label: "inspect add of a visit in a database inspection",
             args: ["inspect", "add", "--kind", "database", "--reading", "visit 玉树州 很好"] + at10, mentions: ["--reading[0].check", "business"]),
    BadInput(label: "inspect add without readings", args: ["inspect", "add", "--kind", "database"] + at10, mentions: ["readings"]),
    BadInput(label: "inspect add of an unknown kind", args: ["inspect", "add", "--kind", "network", "--reading", "cpu app03 80"] + at10,
             mentions: ["network", "database"]),
    BadInput(label: "inspect add in the future", args: ["inspect", "add", "--kind", "database", "--reading", "cpu app03 80",
                                                        "--at", "2021-11-23T16:00:01+08:00"], mentions: ["future"]),
    BadInput(label: "inspect show of an unknown inspection", args: ["inspect", "show", "999"], mentions: ["999", "inspect list"]),
    BadInput(label: "inspect report in an unknown format", args: ["inspect", "report", "1", "--format", "pdf"], mentions: ["pdf", "md, html"]),
    BadInput(label: "inspect report without a format", args: ["inspect", "report", "1"], mentions: ["--format"]),
    BadInput(label: "inspect list of an unknown kind", args: ["inspect", "list", "--kind", "network"], mentions: ["network"]),
    BadInput(label: "inspect list with a negative limit", args: ["inspect", "list", "--limit=-1"], mentions: ["--limit"]),
    BadInput(label: "inventory add of an unknown kind", args: ["inventory", "add", "router", "r1"], mentions: ["router", "server"]),
    BadInput(label: "inventory add behind an address not in it", args: ["inventory", "add", "server", "app12", "--parent", "10.9.9.9:1"],
             mentions: ["10.9.9.9:1", "address"]),
    BadInput(label: "inventory add of a name with a space", args: ["inventory", "add", "server", "app 12"], mentions: ["app 12"]),
    BadInput(label: "inventory remove of what is not in it", args: ["inventory", "remove", "server", "app99"], mentions: ["app99", "inventory list"]),
    BadInput(label: "inventory set with nothing to change", args: ["inventory", "set", "server", "app99"], mentions: ["--parent", "--note"]),
]

/// Every number read from the command line, given -1 right after its option (`--limit -1`): the
/// option takes it as its value and says what it accepts, never "Missing value".
let negativeNumbers: [BadInput] = [
    BadInput(label: "--limit (list)", args: ["list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--offset (list)", args: ["list", "--offset", "-1"], mentions: ["--offset", "-1", "0 or more"]),
    BadInput(label: "--after (list)", args: ["case", "list", "--after", "-1"], mentions: ["--after", "-1", "1 or more"]),
    BadInput(label: "--limit (fault list)", args: ["fault", "list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--level (fault list)", args: ["fault", "list", "--level", "-1"], mentions: ["--level", "-1", "'1', '2' or '3'"]),
    BadInput(label: "--level (fault add)", args: ["fault", "add", "--level", "-1", "--region", "xining", "--title", "T"] + at10,
             mentions: ["--level", "-1", "'1', '2' or '3'"]),
    BadInput(label: "--level (fault raise)", args: ["fault", "raise", "4", "--level", "-1", "--reason", "r"], mentions: ["--level", "-1"]),
    BadInput(label: "--level (fault lower)", args: ["fault", "lower", "4", "--level", "-1", "--reason", "r"], mentions: ["--level", "-1"]),
    BadInput(label: "--score (train score)", args: ["train", "score", "1", "--name", "N", "--score", "-1"], mentions: ["--score", "-1", "0 to 100"]),
    BadInput(label: "--score (train attend)", args: ["train", "attend", "1", "--name", "N", "--office", "O", "--region", "xining", "--score", "-1"],
             mentions: ["--score", "-1", "0 to 100"]),
    BadInput(label: "--limit (train list)", args: ["train", "list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--offset (train list)", args: ["train", "list", "--offset", "-1"], mentions: ["--offset", "-1", "0 or more"]),
    BadInput(label: "--after (train list)", args: ["train", "list", "--after", "-1"], mentions: ["--after", "-1", "1 or more"]),
    BadInput(label: "--case (task add)", args: ["task", "add", "--title", "T", "--due", "2021-12-01", "--case", "-1"], mentions: ["--case", "-1", "1 or more"]),
    BadInput(label: "--from-case (change add)", args: ["change", "add", "--type", "policy", "--title", "T", "--due", "2021-12-01", "--from-case", "-1"],
             mentions: ["--from-case", "-1", "1 or more"]),
    BadInput(label: "--delivery (change advance)", args: ["change", "advance", "1", "--delivery", "-1"], mentions: ["--delivery", "-1", "1 or more"]),
    BadInput(label: "--delivery (defect add)", args: ["defect", "add", "--delivery", "-1", "--title", "T"], mentions: ["--delivery", "-1", "1 or more"]),
    BadInput(label: "--delivery (defect list)", args: ["defect", "list", "--delivery", "-1"], mentions: ["--delivery", "-1", "1 or more"]),
    BadInput(label: "--limit (delivery list)", args: ["delivery", "list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--limit (inspect list)", args: ["inspect", "list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--limit (kpi items)", args: ["kpi", "items", "K1", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--limit (notify list)", args: ["notify", "list", "--limit", "-1"], mentions: ["--limit", "-1", "0 or more"]),
    BadInput(label: "--items (demo)", args: ["demo", "--items", "-1"], mentions: ["--items", "-1", "1 or more"]),
    BadInput(label: "--days (demo)", args: ["demo", "--days", "-1"], mentions: ["--days", "-1", "1 or more"]),
    BadInput(label: "--seed (demo)", args: ["demo", "--seed", "-1"], mentions: ["--seed", "-1", "whole number"]),
    BadInput(label: "<id> (case resolve)", args: ["case", "resolve", "-1", "--cause", "c", "--solution", "s"], mentions: ["<id>", "-1", "1 or more"]),
    BadInput(label: "<id> (show)", args: ["show", "-1"], mentions: ["<id>", "-1", "1 or more"]),
]

/// Inspection files that must be refused whole, each with what the message names.
let badInspectionFiles: [(label: String, json: String, mentions: [String])] = {
    let good = #"{"at": "2021-11-23T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "tablespace", "target": "YLBX_DATA", "value": 93.5}, {"check": "cpu", "target": "app03", "value": 71}]}"#
    return [
        ("a text where a number is read", good.replacingOccurrences(of: "71", with: "\"high\""),
         ["readings[1].value: expected a number for check \"cpu\"", "nothing was stored"]),
        ("not JSON", "{\"at\": ", ["not JSON"]),
        ("an unknown kind", good.replacingOccurrences(of: "database", with: "network"), ["kind", "network"]),
        ("a time without offset", good.replacingOccurrences(of: "09:30:00+08:00", with: "09:30:00"), ["at", "offset"]),
        ("a time in the future", good.replacingOccurrences(of: "09:30:00", with: "16:30:00"), ["future"]),
        ("a time in year 0", good.replacingOccurrences(of: "2021-11-23T09:30:00", with: "0000-01-01T00:00:00"), ["at", "2000-01-01", "2099-12-31"]),
        ("a percentage over 100", good.replacingOccurrences(of: "93.5", with: "193.5"), ["readings[0].value", "100"]),
        ("a count of 1e300", good.replacingOccurrences(of: #""cpu", "target": "app03", "value": 71"#, with: #""sessions", "target": "db", "value": 1e300"#),
         ["readings[1].value", "1e300", "2147483647"]),
        ("a count of 2^63", good.replacingOccurrences(of: #""cpu", "target": "app03", "value": 71"#, with: #""locks_long", "target": "db", "value": 9223372036854775808"#),
         ["readings[1].value", "9223372036854775808", "over 2147483647"]),
        ("a count past a double's exact integers", good.replacingOccurrences(of: #""cpu", "target": "app03", "value": 71"#, with: #""sessions", "target": "db", "value": 9007199254740993"#),
         ["readings[1].value", "9007199254740993"]),
        ("a percentage with an exponent", good.replacingOccurrences(of: "93.5", with: "9.35e1"), ["readings[0].value", "9.35e1", "digits"]),
        ("a key written twice", good.replacingOccurrences(of: #""value": 71"#, with: #""value": 71, "value": 99"#), ["readings[1].value", "twice"]),
        ("a top-level key written twice", good.replacingOccurrences(of: #""kind": "database""#, with: #""kind": "database", "kind": "application""#),
         ["kind", "twice"]),
        ("a reading without its target", good.replacingOccurrences(of: #""target": "app03", "#, with: ""), ["readings[1].target", "missing"]),
        ("a control character in the inspector", good.replacingOccurrences(of: "王芳", with: "王\\u001b[2J芳"), ["inspector", "control"]),
        ("a number with a leading zero", good.replacingOccurrences(of: "71", with: "071"), ["readings[1].value: 071 is not a number", "write 71"]),
        ("a number too large", good.replacingOccurrences(of: "71", with: "1e400"), ["readings[1].value: 1e400 is too large"]),
        ("half of a character", good.replacingOccurrences(of: "王芳", with: "\\ud800"), ["inspector: \\ud800 is half of a character"]),
    ]
}()

@Suite("bad input", .scratch)
struct BadInputTests {
    @Test("is refused with status 2, a message on stderr, and no change", arguments: badInputs)
    func refused(_ bad: BadInput) throws {
        let db = try BadInputDesk.make()
        let ids = [BadInputDesk.openGeneral, BadInputDesk.closedGeneral, BadInputDesk.requirement, BadInputDesk.fault]
        let before = snapshot(db, ids: ids)
        let r = helpdesk(bad.args, db: db, now: bad.now)
        #expect(r.status == 2, "exit status \(r.status); stderr: \(r.err)")
        #expect(r.out == "", "nothing on standard output")
        #expect(r.err.hasPrefix("helpdesk: "), "stderr: \(r.err)")
        for word in bad.mentions {
            #expect(r.err.contains(word), "the message should mention \(word.debugDescription): \(r.err)")
        }
        #expect(!r.err.contains("Fatal error"))
        let after = snapshot(db, ids: ids)
        #expect(before == after, "the database changed")
    }

    @Test("a negative number after its option reaches the option, which names it and what it accepts", arguments: negativeNumbers)
    func negativeNumber(_ bad: BadInput) throws {
        try refused(bad)
        let r = helpdesk(bad.args, db: try BadInputDesk.make(), now: bad.now)
        #expect(!r.err.contains("Missing"), "stderr: \(r.err)")
        let zh = helpdesk(bad.args, db: try BadInputDesk.make(), now: bad.now, env: ["LANG": "zh_CN.UTF-8"])
        #expect(zh.status == 2)
        #expect(zh.err.contains("-1") && !zh.err.contains("Missing") && !zh.err.contains("accepted"), "stderr: \(zh.err)")
    }

    @Test("a bad inspection file is refused whole: status 2, the reading's index and field named, nothing stored",
          arguments: badInspectionFiles.indices)
    func badInspectionFile(_ index: Int) throws {
        let bad = badInspectionFiles[index]
        let db = try BadInputDesk.make()
        let file = writeFile(besides: db, name: "inspection.json", bad.json)
        let before = databaseDump(db)
        let r = helpdesk(["inspect", "import", file], db: db)
        #expect(r.status == 2, "\(bad.label): exit status \(r.status); stderr: \(r.err)")
        #expect(r.out == "", "nothing on standard output")
        for word in bad.mentions { #expect(r.err.contains(word), "\(bad.label): the message should mention \(word.debugDescription): \(r.err)") }
        for raw in ["DecodingError", "typeMismatch", "Swift.", "Code="] { #expect(!r.err.contains(raw), "\(bad.label): \(r.err)") }
        #expect(!r.err.contains("\u{1B}"), "no raw escape on the terminal")
        #expect(databaseDump(db) == before, "\(bad.label): the database changed")
        #expect(ok(["inspect", "list", "--json"], db: db).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test("errors are said in Chinese-locale sessions too, with status 2")
    func chineseLocale() throws {
        let db = try BadInputDesk.make()
        let before = snapshot(db, ids: [1, 2, 3, 4])
        let r = helpdesk(["case", "resolve", "2", "--cause", "c", "--solution", "s"], db: db, env: ["LANG": "zh_CN.UTF-8"])
        #expect(r.status == 2)
        #expect(r.err.contains("#2"))
        #expect(snapshot(db, ids: [1, 2, 3, 4]) == before)
    }

    @Test("a refused second resolve leaves the first cause and solution in place")
    func secondResolveKeepsFirst() throws {
        let db = try BadInputDesk.make()
        let r = helpdesk(["case", "resolve", "2", "--cause", "another", "--solution", "another"], db: db)
        #expect(r.status == 2)
        let item = jsonObject(ok(["case", "show", "2", "--json"], db: db))
        #expect(item["cause"] as? String == "c")
        #expect(item["solution"] as? String == "s")
        #expect(item["closed_at"] as? String == "2021-11-23T11:00:00+08:00")
    }
}
