import Foundation
import Testing

/// `HELPDESK_NOW=""`: the machine's clock, as in real use.
private let realClock = ["HELPDESK_NOW": ""]

/// A database whose creator (the user running the tests) has been made on-site staff, with `boss`
/// as the supervisor.
private func onsiteDesk(_ function: String = #function) -> String {
    let db = freshDatabase(function)
    ok(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"], db: db)
    ok(["staff", "set-role", currentUser, "onsite"], db: db)
    return db
}

@Suite("No side doors", .scratch)
struct SideDoorTests {
    @Test("a clock set with --now or HELPDESK_NOW writes for supervisors only")
    func simulatedClockIsForSupervisors() throws {
        let db = onsiteDesk()
        let before = snapshot(db, ids: [])
        let add = ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T",
                   "--at", "2021-11-23T10:00:00+08:00"]
        let refused = helpdesk(add, db: db)
        #expect(refused.status == 2)
        #expect(refused.err.contains("--now") && refused.err.contains("HELPDESK_NOW") && refused.err.contains("supervisor"), "\(refused.err)")
        #expect(refused.out.isEmpty)
        let flag = helpdesk(add + ["--now", "2021-11-23T16:00:00+08:00"], db: db, env: realClock)
        #expect(flag.status == 2, "\(flag.err)")
        #expect(snapshot(db, ids: []) == before, "nothing changed")
        // The machine's clock: allowed (the event itself may lie in the past).
        let real = helpdesk(add, db: db, env: realClock)
        #expect(real.status == 0, "\(real.err)")
        // Reads with a simulated clock are fine.
        #expect(helpdesk(["case", "list", "--overdue"], db: db).status == 0)
    }

    @Test("history keeps the real time of recording beside a simulated one")
    func historyKeepsTheRealTime() throws {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-23T10:00:00+08:00")
        let entry = try #require((jsonObject(ok(["show", "\(id)", "--json"], db: db))["history"] as? [[String: Any]])?.first)
        #expect(entry["recorded_at"] as? String == defaultNow)
        let real = try #require(entry["recorded_real_at"] as? String)
        let year = Int(real.prefix(4)) ?? 0
        #expect(year >= 2025, "the machine's clock, not the simulated 2021: \(real)")
    }

    @Test("escalate needs active staff or a user named in timer_users")
    func escalateNeedsARole() throws {
        let db = freshDatabase()
        addFault(db, level: 2, at: "2021-11-23T08:00:00+08:00")
        ok(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"], db: db)
        ok(["staff", "deactivate", currentUser], db: db)
        let before = snapshot(db, ids: [1])
        var r = helpdesk(["escalate"], db: db, now: "2021-11-24T09:00:00+08:00")
        #expect(r.status == 2)
        #expect(r.err.contains("timer_users"), "\(r.err)")
        #expect(snapshot(db, ids: [1]) == before)
        // Named for the timer: allowed on the machine's clock, refused with a simulated one.
        systemConfig(db, "timer_users = [\"\(currentUser)\"]\n")
        r = helpdesk(["escalate"], db: db, now: "2021-11-24T09:00:00+08:00")
        #expect(r.status == 2)
        #expect(r.err.contains("--now"), "\(r.err)")
        #expect(snapshot(db, ids: [1]) == before)
        r = helpdesk(["escalate"], db: db, env: realClock)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("#1 T1") && r.out.contains("#1 supervisor"), "the steps due since 2021: \(r.out)")
    }

    @Test("demo refuses a database holding work items it did not make, and needs a supervisor")
    func demoRefusesRealDatabases() throws {
        let db = freshDatabase()
        addCase(db, at: "2021-11-23T10:00:00+08:00")
        let before = snapshot(db, ids: [1])
        let r = helpdesk(["demo", "--items", "10"], db: db)
        #expect(r.status == 2)
        #expect(r.err.contains("demo data did not make"), "\(r.err)")
        #expect(snapshot(db, ids: [1]) == before)

        let demo = freshDatabase("demoRefusesRealDatabases-demo")
        ok(["demo", "--items", "10", "--days", "5"], db: demo)
        ok(["demo", "--items", "5", "--days", "5", "--seed", "2"], db: demo)   // a demo database takes more
        // Fifteen tickets and faults, beside the demo's tasks and changes (and the faults its
        // inspections opened, which `inspect show` names).
        let total = { (command: String) in jsonObject(ok([command, "list", "--json", "--limit", "1"], db: demo))["total"] as? Int ?? -1 }
        let inspections = try #require(try JSONSerialization.jsonObject(with: Data(ok(["inspect", "list", "--json"], db: demo).utf8)) as? [[String: Any]])
        var inspectionFaults = Set<Int>()
        for summary in inspections {
            let shown = jsonObject(ok(["inspect", "show", "\(summary["id"] as? Int ?? 0)", "--json"], db: demo))
            for reading in shown["readings"] as? [[String: Any]] ?? [] where (reading["finding"] as? String)?.hasPrefix("fault") == true {
                if let id = reading["opened"] as? Int { inspectionFaults.insert(id) }
            }
        }
        // The first fill also tells the conversation around a ticket once: eleven recent tickets of
        // the directory's requesters.
        #expect(total("case") + total("fault") - inspectionFaults.count == 15 + 11)
        ok(["staff", "set-role", currentUser, "onsite"], db: demo)
        let onsite = helpdesk(["demo", "--items", "5"], db: demo, env: realClock)
        #expect(onsite.status == 2)
        #expect(onsite.err.contains("supervisor"), "\(onsite.err)")
    }

    @Test("--demo applies to every subcommand and never touches the real database")
    func demoIsAGlobalOption() throws {
        let db = freshDatabase()
        let demoFile = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("helpdesk/demo.sqlite").path
        let added = helpdesk(["case", "add", "--demo", "--kind", "general", "--channel", "qq", "--region", "haibei",
                              "--title", "演示库里的工单", "--at", "2021-11-23T10:00:00+08:00"], db: db)
        #expect(added.status == 0, "\(added.err)")
        #expect(!FileManager.default.fileExists(atPath: db), "the real database was not even created")
        #expect(FileManager.default.fileExists(atPath: demoFile))
        let listed = ok(["--demo", "case", "list", "--json", "--search", "演示库里的工单"], db: db)
        #expect(listIds(listed).count == 1)
        #expect(!FileManager.default.fileExists(atPath: db))
        let both = helpdesk(["case", "list", "--demo", "--db", db], db: db)
        #expect(both.status == 2)
        #expect(both.err.contains("--demo") && both.err.contains("--db"), "\(both.err)")
        let config = helpdesk(["config", "check", "--demo"], db: db)
        #expect(config.status == 2)
        #expect(config.err.contains("--demo"), "\(config.err)")
        // config show reads the desk's rules of the demo database, and still creates nothing.
        #expect(helpdesk(["config", "show", "--demo"], db: db).status == 0)
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}
