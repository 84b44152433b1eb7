import Foundation
import HelpDeskCore
import Testing

/// Each role writes only what it may: every write command, run through the real binary by a
/// stranger, a viewer, on-site staff, an HQ expert, a supervisor and the timer's user, against one
/// table of expected answers. A refused command exits 2 and says why; a role that may write nothing
/// leaves the database exactly as it was, the timer's record included.
@Suite("Who may write what", .scratch, .serialized)
struct RoleTableTests {
    enum Role: String, CaseIterable {
        case stranger, viewer, onsite, expert, supervisor, timer
    }

    /// Who may run a command.
    enum May {
        /// Active staff who write: on-site staff, HQ experts, supervisors.
        case staff
        /// Supervisors only.
        case supervisor
        /// The tier's own people: on-site staff acknowledge a T0 step.
        case onsite
        /// Writing staff and the timer's user: taking due steps, delivering notices.
        case timerWork
        /// Nobody: refused for every role (for a reason of its own with a supervisor).
        case nobody

        func allows(_ role: Role) -> Bool {
            switch self {
            case .staff: return [.onsite, .expert, .supervisor].contains(role)
            case .supervisor: return role == .supervisor
            case .onsite: return role == .onsite
            case .timerWork: return [.onsite, .expert, .supervisor, .timer].contains(role)
            case .nobody: return false
            }
        }
    }

    /// Every write command, in an order in which each succeeds for a role that may run it. Times are
    /// on the machine's clock (a clock set by hand writes for supervisors only), in November 2026.
    static func commands(backup: String, holidays: String, recent: Date) -> [(args: [String], may: May)] {
        let at = { (day: Int, hour: Int) in String(format: "2026-11-%02dT%02d:00:00+08:00", day, hour) }
        let after = { (minutes: Double) in BeijingTime.iso(recent.addingTimeInterval(minutes * 60)) }
        return [
            (["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "新工单", "--at", at(20, 9)], .staff),
            (["case", "respond", "1", "--note", "已联系", "--at", at(20, 10)], .staff),
            (["case", "resolve", "1", "--cause", "c", "--solution", "s", "--at", at(20, 11)], .staff),
            (["case", "assess", "2", "--due", "2026-12-31", "--agreed-with", "王主任", "--at", at(20, 10)], .staff),
            (["case", "reopen", "3", "--reason", "未解决", "--at", at(20, 12)], .supervisor),
            (["fault", "add", "--level", "3", "--region", "xining", "--title", "新故障", "--at", at(20, 9)], .staff),
            (["fault", "ack", "4"], .onsite),   // now: the T0 step was taken when the fault was entered
            (["fault", "raise", "4", "--level", "2", "--reason", "影响扩大", "--at", after(20)], .staff),
            (["fault", "escalate", "6", "--reason", "需要专家", "--at", at(20, 11)], .staff),
            (["fault", "restore", "6", "--cause", "c", "--solution", "s", "--at", at(20, 12)], .staff),
            (["fault", "lower", "7", "--level", "3", "--reason", "范围缩小", "--at", at(20, 11)], .supervisor),
            (["fault", "reopen", "5", "--reason", "再次发生", "--at", at(20, 12)], .supervisor),
            (["task", "add", "--title", "新任务", "--due", "2026-12-31", "--at", at(20, 9)], .staff),
            (["task", "complete", "8", "--cause", "c", "--solution", "s", "--at", at(20, 10)], .staff),
            (["task", "error", "9", "--note", "数据有误", "--at", at(20, 11)], .staff),
            (["change", "add", "--type", "bugfix", "--title", "新变更", "--due", "2026-12-31", "--at", at(20, 9)], .staff),
            (["change", "advance", "10", "--to", "confirmed", "--signed-by", "马主任", "--at", at(20, 10)], .staff),
            (["change", "test", "11", "--result", "pass", "--note", "通过", "--at", at(20, 10)], .staff),
            (["defect", "add", "--delivery", "1", "--title", "导出错误", "--at", at(20, 10)], .staff),
            (["train", "add", "--type", "operator", "--topic", "新培训", "--at-place", "西宁", "--trainer", "李娜", "--on", "2026-11-19",
              "--at", at(20, 9)], .staff),
            (["train", "step", "13", "content", "--at", at(20, 10)], .staff),
            (["train", "attend", "13", "--name", "王芳", "--office", "城西区社保局", "--region", "xining", "--at", at(20, 10)], .staff),
            (["train", "score", "13", "--name", "王芳", "--score", "90", "--at", at(20, 11)], .staff),
            (["train", "material", "13", "/srv/training/handout.pdf", "--at", at(20, 11)], .staff),
            (["inspect", "add", "--kind", "application", "--reading", "cpu app04 50", "--at", at(20, 10)], .staff),
            (["inventory", "add", "server", "app12", "--note", "新服务器"], .supervisor),
            (["inventory", "set", "server", "app12", "--note", "备用"], .supervisor),
            (["inventory", "remove", "server", "app12"], .supervisor),
            (["calendar", "hours", "08:30-17:30"], .supervisor),
            (["calendar", "import", holidays], .supervisor),
            (["kpi", "freeze", "--month", "2026-10"], .supervisor),
            (["config", "set", "inspection.cpu", "80"], .supervisor),
            (["config", "unset", "inspection.cpu"], .supervisor),
            (["escalate"], .timerWork),
            (["notify", "deliver"], .timerWork),
            (["doctor", "--repair"], .supervisor),
            (["demo", "--items", "10", "--days", "2"], .nobody),
            (["staff", "add", "newbie", "--name", "新人", "--role", "onsite"], .supervisor),
            (["staff", "set-role", "lina", "expert"], .supervisor),
            (["staff", "deactivate", "lina"], .supervisor),
            (["restore", backup], .supervisor),
        ]
    }

    /// The desk every role starts from, made by its supervisor (the user running the tests) with
    /// `boss` as a second supervisor: open and closed tickets, faults, a task, changes at several
    /// stages and a delivery, a training.
    /// Fault #4 is reported at `recent` (two hours ago), so that only its T0 step is due.
    static func fixture(_ db: String, recent: Date) {
        let env = ["HELPDESK_NOW": ""]
        let at = { (day: Int, hour: Int) in String(format: "2026-11-%02dT%02d:00:00+08:00", day, hour) }
        func run(_ args: [String]) { ok(args, db: db, env: env) }
        run(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"])
        run(["staff", "add", "lina", "--name", "李娜", "--role", "onsite"])
        run(["staff", "add", "wangqiang", "--name", "王强", "--role", "expert"])
        let newCase = { (kind: String) in
            run(["case", "add", "--kind", kind, "--channel", "phone", "--region", "xining", "--title", "工单", "--at", at(16, 9)])
        }
        newCase("general")                                                            // #1 open
        newCase("requirement")                                                        // #2 to assess
        newCase("general")                                                            // #3 closed
        run(["case", "resolve", "3", "--cause", "c", "--solution", "s", "--at", at(16, 10)])
        run(["fault", "add", "--level", "3", "--region", "xining", "--title", "故障", "--at", BeijingTime.iso(recent)])   // #4 T0 step
        run(["fault", "add", "--level", "3", "--region", "xining", "--title", "故障", "--at", at(16, 9)])   // #5 restored
        run(["fault", "restore", "5", "--cause", "c", "--solution", "s", "--at", at(16, 10)])
        run(["fault", "add", "--level", "2", "--region", "xining", "--title", "故障", "--at", at(19, 9)])   // #6 open
        run(["fault", "add", "--level", "2", "--region", "xining", "--title", "故障", "--at", at(19, 9)])   // #7 to lower
        run(["task", "add", "--title", "任务", "--due", "2026-12-31", "--at", at(16, 9)])                    // #8 to complete
        run(["task", "add", "--title", "任务", "--due", "2026-12-31", "--at", at(16, 9)])                    // #9 completed
        run(["task", "complete", "9", "--cause", "c", "--solution", "s", "--at", at(16, 10)])
        run(["change", "add", "--type", "bugfix", "--title", "变更", "--due", "2026-12-31", "--at", at(16, 9)])   // #10 research
        for id in ["11", "12"] {                                                      // #11 internal test, #12 released
            run(["change", "add", "--type", "bugfix", "--title", "变更", "--due", "2026-12-31", "--at", at(2, 9)])
            run(["change", "advance", id, "--to", "confirmed", "--signed-by", "马主任", "--at", at(3, 9)])
            run(["change", "advance", id, "--to", "development", "--at", at(4, 9)])
            run(["change", "advance", id, "--to", "internal-test", "--at", at(5, 9)])
        }
        run(["change", "test", "12", "--result", "pass", "--note", "通过", "--at", at(6, 9)])
        run(["change", "advance", "12", "--to", "user-test", "--at", at(9, 9)])
        run(["change", "advance", "12", "--to", "released", "--cause", "c", "--solution", "s", "--label", "V1", "--at", at(16, 9)])
        run(["train", "add", "--type", "operator", "--topic", "培训", "--at-place", "西宁", "--trainer", "李娜", "--on", "2026-11-18",
             "--at", at(16, 9)])                                                      // #13
    }

    /// Makes the user running the tests into `role` on a copy of the desk (a supervisor does it,
    /// before stepping down); the timer's user is someone off the staff list whom the system file
    /// names in timer_users.
    static func become(_ role: Role, _ db: String) {
        let env = ["HELPDESK_NOW": ""]
        switch role {
        case .supervisor: break
        case .onsite, .expert, .viewer: ok(["staff", "set-role", currentUser, role.rawValue], db: db, env: env)
        case .stranger: ok(["staff", "deactivate", currentUser], db: db, env: env)
        case .timer:
            ok(["staff", "deactivate", currentUser], db: db, env: env)
            systemConfig(db, "timer_users = [\"\(currentUser)\"]\n")
        }
    }

    @Test("every write command × every role gets the answer the table gives")
    func theWholeTable() throws {
        let base = freshDatabase()
        let recent = Date(timeIntervalSince1970: (Date().timeIntervalSince1970 - 2 * 3600).rounded(.down))
        Self.fixture(base, recent: recent)
        let folder = URL(fileURLWithPath: base).deletingLastPathComponent()
        let backup = folder.appendingPathComponent("fixture-backup.sqlite").path
        ok(["backup", backup], db: base)
        let holidaysFolder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/HelpDeskStore/Resources/holidays/2026.json")
        let commands = Self.commands(backup: backup, holidays: holidaysFolder.path, recent: recent)
        for role in Role.allCases {
            let dir = folder.appendingPathComponent(role.rawValue)
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            let db = dir.appendingPathComponent("desk.sqlite").path
            ok(["backup", db], db: base)
            Self.become(role, db)
            let before = databaseDump(db)
            var wrote = false
            for command in commands {
                let r = helpdesk(command.args, db: db, env: ["HELPDESK_NOW": ""])
                let label = "\(role.rawValue): helpdesk \(command.args.joined(separator: " "))"
                if command.may.allows(role) {
                    let fine: Set<Int32> = command.args.first == "doctor" ? [0, 1] : [0]
                    #expect(fine.contains(r.status), "\(label) should be allowed: \(r.status) \(r.err)")
                    wrote = true
                } else {
                    #expect(r.status == 2, "\(label) should be refused: \(r.status) \(r.out) \(r.err)")
                    if command.may != .nobody {
                        let says = ["not permitted", "only a supervisor", "viewer", "not on the staff list", "no longer active",
                                    "is acknowledged by", "timer_users"].contains { r.err.contains($0) }
                        #expect(says, "\(label): the refusal says why: \(r.err)")
                    }
                }
            }
            if !wrote {
                #expect(databaseDump(db) == before, "\(role.rawValue) wrote nothing, the timer's record included")
            }
        }
    }
}
