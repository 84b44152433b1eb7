import Foundation
import Testing
import HelpDeskCore
@testable import HelpDeskStore

private func config(_ db: String, _ text: String) {
    systemConfig(db, text)
}

private func iso(_ text: String, plus seconds: Double) -> String {
    BeijingTime.iso(try! TimeInput.parseInstant(text).addingTimeInterval(seconds))
}

@Suite("Escalation from the command line", .serialized, .scratch)
struct EscalationCommandTests {
    static let reported = "2021-11-23T10:00:00+08:00"

    @Test func twoEscalateProcessesAtOnceTakeEachStepExactlyOnce() throws {
        let db = freshDatabase()
        // 300 level 3 faults reported at 10:00: T0 is taken with each report.
        let store = try AppDatabase.open(path: db)
        try store.ensureFounder(username: currentUser, name: currentUser)
        let ctx = Context(actor: currentUser, now: try TimeInput.parseInstant(Self.reported))
        for n in 0..<300 {
            try store.addFault(NewFault(level: .three, region: Region.allCases[n % 9], title: "查询服务停止 \(n)"),
                               at: ctx.now, ctx)
        }
        // Two days later T1 (75%) and the supervisor (100%) are due on every one: 600 steps.
        let later = iso(Self.reported, plus: 49 * 3600)
        let a = try startHelpdesk(["escalate"], db: db, now: later)
        let b = try startHelpdesk(["escalate"], db: db, now: later)
        let (ra, rb) = (a.finish(), b.finish())
        #expect(ra.status == 0, "\(ra.err)")
        #expect(rb.status == 0, "\(rb.err)")
        let lines = (ra.out + rb.out).split(separator: "\n").map { $0.split(separator: " ").prefix(2).joined(separator: " ") }
        #expect(lines.count == 600)
        #expect(Set(lines).count == 600)
        let counts = try store.read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM escalation") ?? 0
        }
        #expect(counts == 900)
        // A third run finds nothing left.
        #expect(ok(["escalate"], db: db, now: later).isEmpty)
    }

    @Test func aNotifyCommandThatFailsTwiceThenSucceedsDeliversExactlyOnce() throws {
        let db = freshDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent().path
        let script = writeFile(besides: db, name: "notify.sh", """
            #!/bin/sh
            n=$(cat "\(dir)/count" 2>/dev/null || echo 0)
            n=$((n + 1))
            echo $n > "\(dir)/count"
            if [ $n -le 2 ]; then echo "gateway busy" >&2; exit 1; fi
            cat >> "\(dir)/delivered"
            """)
        config(db, """
            notify_command = "sh \(script)"
            retry_first = 30
            """)
        let id = addFault(db, level: 2, at: Self.reported)   // at 16:00 (now): takes T0, one notification
        let at = { (s: Double) in iso(defaultNow, plus: s) }
        var r = helpdesk(["escalate"], db: db, now: at(0))
        #expect(r.status == 0 && r.err.contains("0 delivered, 1 failed"), "\(r.err)")
        r = helpdesk(["escalate"], db: db, now: at(20))   // within the 30 s back-off: no attempt
        #expect(!r.err.contains("failed"))
        r = helpdesk(["escalate"], db: db, now: at(31))
        #expect(r.err.contains("0 delivered, 1 failed"), "\(r.err)")
        r = helpdesk(["escalate"], db: db, now: at(31 + 45))   // the second wait is 60 s
        #expect(!r.err.contains("delivered"))
        r = helpdesk(["escalate"], db: db, now: at(31 + 61))
        #expect(r.err.contains("1 delivered, 0 failed"), "\(r.err)")
        for s in [200.0, 600, 3600] { _ = helpdesk(["escalate"], db: db, now: at(s)) }
        let count = try String(contentsOfFile: "\(dir)/count", encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(count == "3")
        let delivered = try String(contentsOfFile: "\(dir)/delivered", encoding: .utf8)
        let events = delivered.split(separator: "\n")
        #expect(events.count == 1)
        let event = jsonObject(String(events[0]))
        #expect(event["step"] as? String == "T0")
        #expect((event["fault"] as? [String: Any])?["id"] as? Int == id)
        #expect((event["event_id"] as? String)?.count == 32)
        #expect((event["text"] as? String)?.hasPrefix("【2级故障·T0】") == true)
        let outbox = ok(["notify", "list", "--json"], db: db)
        #expect(outbox.contains("\"attempts\":3"))
    }

    @Test func aHangingNotifyCommandIsKilledAtItsTimeLimitAndRetried() throws {
        let db = freshDatabase()
        config(db, """
            notify_command = "sleep 30"
            notify_timeout = 1
            """)
        addFault(db, level: 3, at: Self.reported)
        let started = Date()
        let r = helpdesk(["escalate"], db: db)
        #expect(Date().timeIntervalSince(started) < 15)
        #expect(r.err.contains("1 failed"), "\(r.err)")
        #expect(ok(["notify", "list"], db: db).contains("timed out after 1 s"))
        #expect(ok(["notify", "list", "--pending"], db: db).contains("T0"))
    }

    @Test func withoutANotifyCommandNotificationsWaitInTheOutbox() {
        let db = freshDatabase()
        addFault(db, level: 1, at: "2021-11-23T15:00:00+08:00")   // client, T0 and T1 at once
        let r = helpdesk(["escalate"], db: db)
        #expect(r.status == 0)
        #expect(r.err.contains("3 notification(s) wait in the outbox"), "\(r.err)")
        // Absent values are null, not missing keys: every object of a kind has the same keys.
        let pending = ok(["notify", "list", "--json"], db: db)
        #expect(pending.contains("\"delivered_at\":null") && pending.contains("\"last_error\":null"), "\(pending)")
        #expect(ok(["staff", "list", "--json"], db: db).contains("\"phone\":null"))
    }

    @Test func aStepWhoseTierHasNobodyIsReported() {
        let db = freshDatabase()   // the founder alone: a supervisor, no on-site staff, no experts
        var r = helpdesk(["fault", "add", "--level", "2", "--region", "西宁市", "--title", "无人值守", "--at", "2021-11-23T15:00:00+08:00"], db: db)
        #expect(r.status == 0)
        let id = r.out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(r.err.contains("warning: #\(id) T0 reached nobody: nobody active on the staff list is on-site staff (T0) (helpdesk staff add USER --name NAME --role onsite)"), "\(r.err)")
        ok(["staff", "add", "zhangwei", "--name", "张伟", "--role", "onsite"], db: db)
        r = helpdesk(["escalate"], db: db, now: "2021-11-24T03:00:00+08:00")   // 50%: T1, and no expert
        #expect(r.out.contains("#\(id) T1"))
        #expect(r.err.contains("warning: #\(id) T1 reached nobody: nobody active on the staff list is an HQ expert (T1/T2)"), "\(r.err)")
        #expect(!r.err.contains("T0 reached nobody"))
    }

    @Test func faultShowListsItsStepsAndAcknowledgementsInJSON() {
        let db = freshDatabase()
        let id = addFault(db, level: 1, at: "2021-11-23T15:00:00+08:00")
        ok(["staff", "add", "boss", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "expert"], db: db)
        // An expert acknowledges on the machine's clock (a simulated one is a supervisor's tool).
        let realClock = ["HELPDESK_NOW": ""]
        #expect(ok(["fault", "ack", "\(id)"], db: db, env: realClock).contains("T1 acknowledged"))
        let show = jsonObject(ok(["fault", "show", "\(id)", "--json"], db: db))
        let steps = show["escalations"] as? [[String: Any]] ?? []
        #expect(steps.map { $0["step"] as? String } == ["client", "T0", "T1"])
        #expect(steps[2]["acknowledged_by"] as? String == currentUser)
        #expect(steps[1]["acknowledged_by"] is NSNull)
        // T0 belongs to on-site staff: an expert cannot acknowledge it.
        let r = helpdesk(["fault", "ack", "\(id)"], db: db, env: realClock)
        #expect(r.status == 2 && r.err.contains("T0 of #\(id) is acknowledged by on-site staff (T0)"), "\(r.err)")
    }

    @Test func manualEscalationNeedsAReasonAndClimbsOneTier() {
        let db = freshDatabase()
        let id = addFault(db, level: 3, at: Self.reported)
        var r = helpdesk(["fault", "escalate", "\(id)"], db: db)
        #expect(r.status == 2)
        #expect(ok(["fault", "escalate", "\(id)", "--reason", "现场无法处理"], db: db) == "#\(id) T1\n")
        #expect(ok(["fault", "escalate", "\(id)", "--reason", "需专家到场"], db: db) == "#\(id) T2\n")
        r = helpdesk(["fault", "escalate", "\(id)", "--reason", "再升"], db: db)
        #expect(r.status == 2 && r.err.contains("reached T2"))
    }

    @Test func aViewerIsRefusedEveryWriteAndToldWhy() {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-23T10:00:00+08:00")
        ok(["staff", "add", "boss", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "viewer"], db: db)
        let before = snapshot(db, ids: [id])
        for args in [["case", "add", "--kind", "general", "--channel", "qq", "--region", "xining", "--title", "T"],
                     ["case", "respond", "\(id)", "--note", "n"],
                     ["fault", "add", "--level", "3", "--region", "xining", "--title", "T"],
                     ["staff", "add", "x", "--name", "某", "--role", "onsite"],
                     ["calendar", "hours", "09:00-17:00"]] {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2, "\(args)")
            #expect(r.err.contains("not permitted: "), "\(args): \(r.err)")
        }
        #expect(snapshot(db, ids: [id]) == before)
        #expect(helpdesk(["case", "list"], db: db).status == 0)   // reading is fine
    }

    @Test func onlyASupervisorLowersReopensOrFreezes() {
        let db = freshDatabase()
        let fault = addFault(db, level: 1, at: Self.reported)
        let ticket = addCase(db, at: "2021-11-23T10:00:00+08:00")
        ok(["case", "resolve", "\(ticket)", "--cause", "c", "--solution", "s"], db: db)
        ok(["staff", "add", "boss", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "onsite"], db: db)
        for (args, act) in [(["fault", "lower", "\(fault)", "--level", "2", "--reason", "r"], "lower a fault's level"),
                            (["case", "reopen", "\(ticket)", "--reason", "r"], "reopen a closed item"),
                            (["kpi", "freeze", "--month", "2021-10"], "freeze a KPI period"),
                            (["staff", "deactivate", "boss"], "edit the staff list")] {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2, "\(args)")
            #expect(r.err.contains("only a supervisor may \(act); \(currentUser) is on-site staff (T0)"), "\(r.err)")
        }
    }

    @Test func kpiPrintsTheSpecShape() {
        let db = freshDatabase()
        addCase(db, at: "2021-11-23T10:00:00+08:00")
        let k = jsonObject(ok(["kpi", "--month", "2021-11", "--json"], db: db, now: "2021-12-01T09:00:00+08:00"))
        #expect(k["period"] as? String == "2021-11")
        #expect(k["frozen"] as? Bool == false)
        let figures = k["figures"] as? [[String: Any]] ?? []
        #expect(figures.compactMap { $0["id"] as? String } == ["K1", "K2", "K3", "K4", "K5", "K6", "K7-1", "K7-2", "K7-3"])
        #expect(figures[0]["numerator"] as? Int == 0 && figures[0]["denominator"] as? Int == 1)
        #expect(figures[0]["met"] as? Bool == false && figures[0]["comparison"] as? String == ">=")
        #expect(figures[1]["value"] is NSNull && figures[1]["met"] is NSNull)
        ok(["kpi", "freeze", "--month", "2021-11"], db: db, now: "2021-12-01T09:00:00+08:00")
        #expect(jsonObject(ok(["kpi", "--month", "2021-11", "--json"], db: db))["frozen"] as? Bool == true)
        let week = jsonObject(ok(["kpi", "--week", "2021-W47", "--json"], db: db))
        #expect(week["period"] as? String == "2021-W47")
        let bad = helpdesk(["kpi", "--month", "2021-13"], db: db)
        #expect(bad.status == 2 && bad.err.contains("YYYY-MM"))
    }
}
