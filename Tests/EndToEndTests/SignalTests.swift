import Foundation
import Testing
import TestProcesses

/// Signals, crashes, a terminal that goes away, and Ctrl-Z: whatever ends or stops the console, the
/// shell gets its terminal back as it was (normal screen, cursor shown, the same `stty` modes) and
/// a prompt that works.
///
/// The console runs from a script typed into an interactive shell, as a person starts it. The script
/// saves `stty -g` before and after and prints the exit status; the console's pid is the script's
/// inner `sh`, which execs it. The modes are compared in the script, not in the interactive shell:
/// bash puts back its own saved modes when a job dies by a signal, which would hide a console that
/// did not.
@Suite("Signals and suspending end to end", .serialized)
struct SignalTests {
    /// A console started from an interactive shell through `run.sh` in the scratch folder.
    struct Session {
        let scratch: Scratch
        let console: TmuxConsole

        init(_ scratch: Scratch, width: Int = 120, height: Int = 40, env: [String: String] = [:]) throws {
            self.scratch = scratch
            var environment = ["HELPDESK_DB": scratch.db, "HELPDESK_NOW": e2eNow, "LANG": "zh_CN.UTF-8",
                               "XDG_DATA_HOME": scratch.dir.path, "XDG_CONFIG_HOME": scratch.dir.path, "TERM": "xterm-256color"]
            environment.merge(env) { $1 }
            let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
            let script = """
                #!/bin/sh
                cd \(shellQuote(scratch.dir.path))
                stty -g > stty-before
                sh -c 'echo $$ > console.pid; exec "$@"' sh env \(assignments) \(shellQuote(helpdeskPath))
                echo "[exited $?]"
                stty -g > stty-after
                """
            try script.write(to: scratch.dir.appendingPathComponent("run.sh"), atomically: true, encoding: .utf8)
            console = try TmuxConsole(scratch, width: width, height: height, shell: true)
        }

        func start() throws {
            try waitForPrompt()
            try console.type("sh \(shellQuote(scratch.dir.appendingPathComponent("run.sh").path))")
            try console.keys("Enter")
            try console.waitFor("Enter 详情")
        }

        var pid: Int32 {
            get throws {
                let text = try String(contentsOf: scratch.dir.appendingPathComponent("console.pid"), encoding: .utf8)
                guard let pid = Int32(text.trimmingCharacters(in: .whitespacesAndNewlines)) else { throw HarnessError("no pid in console.pid") }
                return pid
            }
        }

        func file(_ name: String) -> String {
            (try? String(contentsOf: scratch.dir.appendingPathComponent(name), encoding: .utf8)) ?? "(missing)"
        }

        /// Whether the alternate screen is on and the cursor shown, as tmux sees the pane.
        func screenMode() throws -> String {
            try console.tmuxRun(["display-message", "-p", "-t", console.session, "alternate=#{alternate_on} cursor=#{cursor_flag}"])
                .trimmingCharacters(in: .whitespacesAndNewlines)
        }

        /// Waits until the last line shown is the shell's prompt (`$`, its blank cut off by the capture).
        func waitForPrompt(timeout: Double = 10) throws {
            let deadline = Date().addingTimeInterval(timeout)
            var last = ""
            while Date() < deadline {
                last = try console.screen()
                if last.split(separator: "\n").last == "$" { return }
                Thread.sleep(forTimeInterval: 0.1)
            }
            throw HarnessError("no prompt within \(timeout) s; the screen was:\n\(last)")
        }

        /// After the console ended: the script's `stty -g` is the same after as before, the normal
        /// screen shows with a cursor, and the shell runs what is typed.
        func expectShellBack(_ what: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
            try waitForPrompt()
            #expect(file("stty-after") == file("stty-before"), "\(what): stty -g differs", sourceLocation: sourceLocation)
            #expect(try screenMode() == "alternate=0 cursor=1", "\(what)", sourceLocation: sourceLocation)
            try console.type("echo ok-$((40+2))")
            try console.keys("Enter")
            try console.waitFor("ok-42")
        }
    }

    func demo() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.cli(["demo", "--items", "80", "--days", "20"])
        return scratch
    }

    /// Waits until process `pid` has ended (gone, or a zombie its parent has not reaped yet);
    /// returns how long that took.
    static func waitForEnd(of pid: Int32, timeout: Double = 5) -> Double? {
        let start = Date()
        while Date().timeIntervalSince(start) < timeout {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                  let close = stat.lastIndex(of: ")") else { return Date().timeIntervalSince(start) }
            if stat[close...].dropFirst(2).first == "Z" { return Date().timeIntervalSince(start) }
            Thread.sleep(forTimeInterval: 0.01)
        }
        return nil
    }

    static func quickCheck(_ scratch: Scratch) throws {
        guard let sqlite = which("sqlite3") else {
            throw HarnessError("sqlite3 is needed to check the database with PRAGMA quick_check (apt-get install sqlite3)")
        }
        let check = try run(sqlite, [scratch.db, "PRAGMA quick_check;"])
        #expect(check.out.trimmingCharacters(in: .whitespacesAndNewlines) == "ok")
    }

    /// kill -TERM, -INT, -HUP, -QUIT: the console ends by that signal (the shell reports 128 + its
    /// number), with the terminal as it was.
    @Test(arguments: [("TERM", SIGTERM), ("INT", SIGINT), ("HUP", SIGHUP), ("QUIT", SIGQUIT)])
    func aTerminationSignalGivesTheShellItsTerminalBack(_ name: String, _ signal: Int32) throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let session = try Session(scratch)
        try session.start()
        try session.console.keys("j", "n")   // a form open: a signal ends the console without asking
        try session.console.waitFor("新建 CASE 工单")
        let pid = try session.pid
        #expect(kill(pid, signal) == 0)
        let took = Self.waitForEnd(of: pid)
        #expect(took != nil, "SIG\(name): the console still runs after 5 s")
        print("SIG\(name): the console ended after \(String(format: "%.3f", took ?? -1)) s")
        try session.console.waitFor("[exited \(128 + signal)]")
        try session.expectShellBack("SIG\(name)")
        try Self.quickCheck(scratch)
    }

    /// A crash (kill -SEGV, -ABRT: what a bad pointer or a failed precondition raises) puts the
    /// terminal back before the process dies and the runtime prints its backtrace.
    @Test(arguments: [("SEGV", SIGSEGV), ("ABRT", SIGABRT)])
    func aCrashGivesTheShellItsTerminalBack(_ name: String, _ signal: Int32) throws {
        let scratch = try demo()
        defer { scratch.remove() }
        // The runtime's backtracer would otherwise wait for a key on a terminal for 30 s.
        let session = try Session(scratch, env: ["SWIFT_BACKTRACE": "interactive=no"])
        try session.start()
        let pid = try session.pid
        #expect(kill(pid, signal) == 0)
        #expect(Self.waitForEnd(of: pid, timeout: 20) != nil, "SIG\(name): the console still runs")
        try session.console.waitFor("[exited \(128 + signal)]", timeout: 20)
        try session.expectShellBack("SIG\(name)")
        try Self.quickCheck(scratch)
    }

    /// The pane's terminal closes (as when an SSH connection drops) while the console runs in a shell
    /// that hands on the hang-up (bash sends SIGHUP to its jobs).
    @Test func aClosedTerminalEndsTheConsoleStartedFromAShell() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let session = try Session(scratch)
        try session.start()
        let pid = try session.pid
        try session.console.tmuxRun(["kill-pane", "-t", session.console.session])
        let took = Self.waitForEnd(of: pid)
        #expect(took != nil, "the console still runs 5 s after its terminal closed")
        print("terminal closed under a shell: the console ended after \(String(format: "%.3f", took ?? -1)) s")
        try Self.quickCheck(scratch)
    }

    /// The terminal closes and nobody sends SIGHUP (the shell above ignores it and stays): the
    /// console notices the dead terminal itself instead of spinning on it, and ends as if hung up.
    @Test func aClosedTerminalEndsTheConsoleWithoutAHangUpSignal() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        guard let tmux = which("tmux") else { throw HarnessError("tmux is needed") }
        let socket = "hd-e2e-\(UUID().uuidString.prefix(8))"
        defer { _ = try? run(tmux, ["-L", socket, "kill-server"]) }
        let dir = scratch.dir.path
        let console = "env HELPDESK_DB=\(shellQuote(scratch.db)) HELPDESK_NOW=\(e2eNow) LANG=zh_CN.UTF-8 TERM=xterm-256color "
            + "XDG_DATA_HOME=\(shellQuote(dir)) XDG_CONFIG_HOME=\(shellQuote(dir)) \(shellQuote(helpdeskPath))"
        let inner = "echo $$ > console.pid; exec \(console)"
        let command = "cd \(shellQuote(dir)) && trap '' HUP && sh -c \(shellQuote(inner)); echo $? > status"
        try run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", "desk", "-x", "120", "-y", "40", "sh -c \(shellQuote(command))"])
        let deadline = Date().addingTimeInterval(10)
        while !(try run(tmux, ["-L", socket, "capture-pane", "-p", "-t", "desk"]).out.contains("Enter 详情")) {
            guard Date() < deadline else { throw HarnessError("the console did not start") }
            Thread.sleep(forTimeInterval: 0.1)
        }
        let pidText = try String(contentsOfFile: dir + "/console.pid", encoding: .utf8)
        let pid = try #require(Int32(pidText.trimmingCharacters(in: .whitespacesAndNewlines)))
        try run(tmux, ["-L", socket, "kill-pane", "-t", "desk"])
        let took = Self.waitForEnd(of: pid)
        #expect(took != nil, "the console still runs 5 s after its terminal closed")
        print("terminal closed, no SIGHUP: the console ended after \(String(format: "%.3f", took ?? -1)) s")
        // It ends as a hang-up would end it.
        let statusDeadline = Date().addingTimeInterval(5)
        var status = ""
        while status.isEmpty, Date() < statusDeadline {
            status = ((try? String(contentsOfFile: dir + "/status", encoding: .utf8)) ?? "").trimmingCharacters(in: .whitespacesAndNewlines)
            Thread.sleep(forTimeInterval: 0.05)
        }
        #expect(status == "\(128 + SIGHUP)")
        try Self.quickCheck(scratch)
    }

    /// Ctrl-Z gives the terminal to the shell (the job stops); `fg` brings the console back drawn
    /// whole, as a fresh start draws it, also when the window was resized meanwhile. SIGTSTP from
    /// outside does the same.
    @Test func ctrlZSuspendsAndFgRepaintsAtTheCurrentSize() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let session = try Session(scratch)
        try session.start()
        let console = session.console
        try console.keys("j", "j")

        try console.keys("C-z")
        try console.waitFor("Stopped")
        #expect(try session.screenMode() == "alternate=0 cursor=1")
        try console.type("stty -g > \(shellQuote(scratch.dir.appendingPathComponent("stty-stopped").path)); echo ok-$((40+2))")
        try console.keys("Enter")
        try console.waitFor("ok-42")
        #expect(session.file("stty-stopped") == session.file("stty-before"), "the shell's modes while the console is stopped")

        try console.type("fg")
        try console.keys("Enter")
        let big = try TmuxConsole(scratch, env: inColour)
        try big.waitFor("Enter 详情")
        try big.keys("j", "j")
        try expectSamePicture(console, as: big, "after Ctrl-Z and fg")

        // Resized while stopped: the console learns the new size when it is continued.
        try console.keys("C-z")
        try console.waitFor("Stopped")
        try console.resize(80, 24)
        try console.type("fg")
        try console.keys("Enter")
        let small = try TmuxConsole(scratch, width: 80, height: 24, env: inColour)
        try small.waitFor("Enter 详情")
        try small.keys("j", "j")
        try expectSamePicture(console, as: small, "after Ctrl-Z, a resize to 80×24 and fg")

        // kill -TSTP from outside, then grown back while stopped.
        try kill(session.pid, SIGTSTP)
        try console.waitFor("Stopped")
        try console.resize(120, 40)
        try console.type("fg")
        try console.keys("Enter")
        try expectSamePicture(console, as: big, "after kill -TSTP, a resize back to 120×40 and fg")

        try console.keys("q")
        try console.waitFor("[exited 0]")
        try session.expectShellBack("quit after suspending")
    }

    /// A stopped console continued in the background (`bg`) stops again rather than draw over the
    /// shell; killed while stopped (kill sends SIGCONT with SIGTERM), it ends without drawing.
    @Test func aStoppedConsoleStaysOffTheShellsTerminal() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let session = try Session(scratch)
        try session.start()
        let console = session.console
        try console.keys("C-z")
        try console.waitFor("Stopped")
        // Until the shell sees the job stopped again, five seconds at most (the pattern is written
        // so that the line typed does not itself show the word looked for).
        try console.type("clear; bg; for i in $(seq 50); do jobs >/tmp/jobs.$$; grep -q 'Stop[p]ed' /tmp/jobs.$$ && break; sleep 0.1; done; rm -f /tmp/jobs.$$; jobs; echo ok-$((40+2))")
        try console.keys("Enter")
        var screen = try console.waitFor("ok-42")
        #expect(screen.contains("Stopped"), "jobs after bg:\n\(screen)")
        #expect(!screen.contains("Enter 详情"))
        #expect(try session.screenMode() == "alternate=0 cursor=1")

        let pid = try session.pid
        try console.type("clear")
        try console.keys("Enter")
        // The screen is cleared before the console is killed, so that what it might draw shows.
        var shown = ""
        let cleared = try waitUntil { shown = try console.screen(); return !shown.contains("ok-42") }
        #expect(cleared, "the shell did not clear the screen:\n\(shown)")
        #expect(kill(pid, SIGTERM) == 0 && kill(pid, SIGCONT) == 0)
        #expect(Self.waitForEnd(of: pid) != nil, "the stopped console still runs 5 s after SIGTERM")
        // Nothing drawn is a negative: it is judged once the terminal has shown all the console
        // wrote. The console has ended, so whatever it wrote lies in the terminal ahead of a marker
        // written now; once tmux shows the marker, it has shown all of that too.
        let marker = "end-of-output-\(UUID().uuidString.prefix(8))"
        try console.scribble(marker)
        screen = try console.waitFor(marker)
        #expect(!screen.contains("Enter 详情"), "the console drew as it ended:\n\(screen)")
        #expect(try session.screenMode() == "alternate=0 cursor=1")
        // The wrapper script is still stopped; let it finish, and compare the modes.
        try console.type("fg")
        try console.keys("Enter")
        try console.waitFor("[exited \(128 + SIGTERM)]")
        try session.expectShellBack("killed while stopped")
    }
}
