import Foundation
import Testing
import TestProcesses

/// The README's shared host, set up for real (as root, with a group and users of the test's own),
/// then tried by an ordinary member of the desk's group who wants the timer to run their command or
/// to take the timer's rights: nothing they can write is read for what is run or who may act.
@Suite("A shared host", .scratch, .serialized)
struct SharedHostTests {
    /// Runs `/bin/sh -c script` as root, or as `user` (with the groups the password database gives)
    /// through setpriv, with exactly `env`.
    @discardableResult
    func shell(_ script: String, as user: String? = nil, env: [String: String]) -> (status: Int32, out: String, err: String) {
        let dir = ScratchFolder.folder("shell")
        chmod(dir.path, 0o777)
        let out = dir.appendingPathComponent("out").path, err = dir.appendingPathComponent("err").path
        var command = "exec >\"$HD_OUT\" 2>\"$HD_ERR\"; " + script
        if let user {
            command = "exec setpriv --reuid=\(user) --regid=$(id -g \(user)) --init-groups /bin/sh -c '\(script.replacingOccurrences(of: "'", with: "'\\''"))' >\"$HD_OUT\" 2>\"$HD_ERR\""
        }
        let status: Int32
        do { status = try runProcess("/bin/sh", ["-c", command], environment: env.merging(["HD_OUT": out, "HD_ERR": err]) { $1 }).status }
        catch { return (-1, "", "\(error)") }
        let text = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
        return (status, text(out), text(err))
    }

    @Test("a group member can neither plant the timer's command nor grant themselves its rights")
    func aMemberCannotBendTheTimer() throws {
        guard geteuid() == 0 else {
            // Setting up a group and users needs root (CI runs the tests as root).
            Issue.record("this test needs root: it adds a group and users as the README's shared-host steps do")
            return
        }
        for tool in ["/usr/sbin/useradd", "/usr/sbin/groupadd", "/usr/bin/setpriv"] {
            try #require(FileManager.default.isExecutableFile(atPath: tool), "\(tool) is needed")
        }
        let dir = ScratchFolder.folder(#function)
        chmod(dir.path, 0o755)
        let tag = String(UInt32.random(in: 0..<UInt32.max), radix: 36)
        let group = "hdg\(tag)", timer = "hdt\(tag)", member = "hdm\(tag)"
        let path = "/usr/sbin:/usr/bin:/sbin:/bin"
        defer {
            shell("userdel \(member); userdel \(timer); groupdel \(group)", env: ["PATH": path])
        }
        let home = dir.appendingPathComponent("home-\(member)").path
        #expect(shell("useradd --create-home --home-dir '\(home)' --shell /bin/sh \(member)", env: ["PATH": path]).status == 0)

        // Install the program, then the README's shared-host block with names and folders of the test's own.
        let prefix = dir.appendingPathComponent("prefix").path
        let install = shell(try readmeBlock("# Install into PREFIX"), env: ["PATH": path, "PREFIX": prefix, "HELPDESK_BIN": helpdeskExecutable,
                                                                          "HOME": dir.path])
        try #require(install.status == 0, "\(install.err)")
        let etc = dir.appendingPathComponent("etc").path, dbDir = dir.appendingPathComponent("desk").path
        let setup = shell(try readmeBlock("# Shared host, as root"),
                          env: ["PATH": path, "PREFIX": prefix, "DB_DIR": dbDir, "GROUP": group, "TIMER_USER": timer, "PEOPLE": member, "ETC": etc])
        try #require(setup.status == 0, "\(setup.err)")
        let timerHome = shell("getent passwd \(timer) | cut -d: -f6", env: ["PATH": path]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(timerHome == "/nonexistent", "the timer's home is not the database's folder")
        let systemFile = etc + "/helpdesk/config.toml"
        #expect((try? String(contentsOfFile: systemFile, encoding: .utf8)) == "timer_users = [\"\(timer)\"]\n")
        // Root adds the desk's notify command: it writes what it is given beside the database.
        let delivered = dbDir + "/delivered-by-the-system-command"
        try Data(("timer_users = [\"\(timer)\"]\nnotify_command = \"cat >> \(delivered)\"\n").utf8).write(to: URL(fileURLWithPath: systemFile))
        chmod(systemFile, 0o644)

        let bin = prefix + "/bin"
        let db = dbDir + "/helpdesk.sqlite"
        let base = ["PATH": "\(bin):\(path)", "LANG": "C.UTF-8", "HELPDESK_DB": db, "HELPDESK_SYSTEM_CONFIG": systemFile]
        var memberEnv = base
        memberEnv["HOME"] = home

        // The member is the desk's first supervisor (README), and reports a fault.
        let first = shell(try readmeBlock("# The first supervisor"), as: member, env: memberEnv)
        try #require(first.status == 0, "\(first.err)")
        let fault = shell("helpdesk fault add --level 1 --region xining --title 应用服务器宕机", as: member, env: memberEnv)
        #expect(fault.status == 0, "\(fault.err)")

        // Planting: the timer's home cannot be written; a file in the database's folder, where the
        // timer's home used to be, is written but never read by it.
        let planted = dbDir + "/planted-command-ran"
        let plant = shell("mkdir -p /nonexistent/.config/helpdesk", as: member, env: memberEnv)
        #expect(plant.status != 0, "a member cannot make the timer's home")
        let evil = "notify_command = \"touch \(planted)\"\ntimer_users = [\"\(member)\"]\n"
        let inFolder = shell("mkdir -p '\(dbDir)/.config/helpdesk' && printf '%s' '\(evil)' > '\(dbDir)/.config/helpdesk/config.toml'",
                             as: member, env: memberEnv)
        #expect(inFolder.status == 0, "the group may write the database's folder: \(inFolder.err)")

        // Their own file cannot grant them the timer's rights or change what is run: refused, naming
        // the file, the line and the key.
        try FileManager.default.createDirectory(atPath: home + "/.config/helpdesk", withIntermediateDirectories: true)
        try Data(evil.utf8).write(to: URL(fileURLWithPath: home + "/.config/helpdesk/config.toml"))
        shell("chown -R \(member) '\(home)/.config'", env: ["PATH": path])
        let own = shell("helpdesk notify deliver", as: member, env: memberEnv)
        #expect(own.status == 2)
        #expect(own.err.contains("\(home)/.config/helpdesk/config.toml:1: notify_command: is not a personal setting"), "\(own.err)")
        #expect(!FileManager.default.fileExists(atPath: planted))

        // The timer runs as systemd starts it: its own user and group, its home from the password
        // database. It takes the due steps and runs only the system file's command.
        let timerEnv = base.merging(["HOME": "/nonexistent"]) { $1 }
        let run = shell("helpdesk escalate", as: timer, env: timerEnv)
        #expect(run.status == 0, "\(run.err)")
        #expect(run.err.contains("delivered"), "\(run.err)")
        #expect(!FileManager.default.fileExists(atPath: planted), "the planted command never ran")
        let sent = (try? String(contentsOfFile: delivered, encoding: .utf8)) ?? ""
        #expect(sent.contains("\"event_id\""), "the system file's command delivered the notices: \(run.err)")

        // A member who is not staff but names themselves in the system file cannot get there: the
        // file is root's, and one root let the group write is refused whole.
        let write = shell("printf 'timer_users = [\"%s\"]\\n' \(member) >> '\(systemFile)'", as: member, env: memberEnv)
        #expect(write.status != 0, "a member cannot write the system file")
        shell("chgrp \(group) '\(systemFile)' && chmod 664 '\(systemFile)'", env: ["PATH": path])
        let loose = shell("helpdesk escalate", as: timer, env: timerEnv)
        #expect(loose.status == 2)
        #expect(loose.err.contains("\(systemFile): may be changed by its group (mode 664)"), "\(loose.err)")
    }
}
