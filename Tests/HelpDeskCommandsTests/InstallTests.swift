import Foundation
import Testing
import TestProcesses
@testable import HelpDeskCommands

/// The package's root folder (where README.md, Themes and Package.swift are).
private let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The README's ```sh block whose first line starts with `heading`.
func readmeBlock(_ heading: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> String {
    let readme = try String(contentsOf: packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    var blocks: [String] = []
    var current: [Substring]?
    for line in readme.split(separator: "\n", omittingEmptySubsequences: false) {
        if current == nil, line == "```sh" {
            current = []
        } else if current != nil, line == "```" {
            blocks.append(current!.joined(separator: "\n") + "\n")
            current = nil
        } else if current != nil {
            current!.append(line)
        }
    }
    return try #require(blocks.first { $0.hasPrefix(heading) }, "no ```sh block in README.md starts with '\(heading)'",
                        sourceLocation: sourceLocation)
}

/// README, "Install": its blocks run as written, into a temporary prefix, and the installed program
/// works from there: themes by name, the holiday schedule, a database.
@Suite("Install", .scratch)
struct InstallTests {
    /// A minimal environment: nothing of the machine's own configuration or themes.
    func environment(_ dir: URL, _ extra: [String: String] = [:]) -> [String: String] {
        var env = ["PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": dir.path, "XDG_CONFIG_HOME": dir.appendingPathComponent("config").path,
                   "XDG_DATA_HOME": dir.appendingPathComponent("data").path, "LANG": "C.UTF-8", "HELPDESK_CONFIG": ""]
        env.merge(extra) { $1 }
        return env
    }

    /// The install block, with `PREFIX` a temporary folder and `HELPDESK_BIN` the executable these
    /// tests run (a release build would take minutes here; the README's default makes one).
    @Test func theReadmeInstallsIntoAPrefixAndTheProgramRunsFromThere() throws {
        let dir = ScratchFolder.folder(#function)
        let prefix = dir.appendingPathComponent("prefix with space")
        let script = try readmeBlock("# Install into PREFIX")
        let installed = try runProcess("/bin/sh", ["-c", script],
                                       environment: environment(dir, ["PREFIX": prefix.path, "HELPDESK_BIN": helpdeskExecutable]),
                                       directory: packageRoot.path)
        #expect(installed.status == 0, "\(installed.err)")
        #expect(installed.out.contains("installed \(prefix.path)/bin/helpdesk"))

        let bin = prefix.appendingPathComponent("bin/helpdesk").path
        #expect(FileManager.default.isExecutableFile(atPath: bin))
        for theme in ["dark", "light", "high-contrast"] {
            #expect(FileManager.default.fileExists(atPath: prefix.appendingPathComponent("share/helpdesk/themes/\(theme).theme").path))
        }
        // The holiday schedule is compiled in: nothing is installed beside the executable.
        #expect(try FileManager.default.contentsOfDirectory(atPath: prefix.appendingPathComponent("bin").path) == ["helpdesk"])

        // Found on the PATH, as the README's examples call it: argv[0] is then a bare name.
        let env = environment(dir, ["PATH": prefix.appendingPathComponent("bin").path + ":/usr/bin:/bin"])
        let help = try runProcess("/bin/sh", ["-c", "helpdesk --help"], environment: env, directory: dir.path)
        #expect(help.status == 0)
        #expect(help.out.contains("USAGE: helpdesk"), "\(help.out)")

        // A theme by name, from PREFIX/share/helpdesk/themes with nothing else set.
        let config = dir.appendingPathComponent("theme.toml")
        try Data("theme = \"high-contrast\"\n".utf8).write(to: config)
        let check = try runProcess("/bin/sh", ["-c", "helpdesk config check \"$1\"", "sh", config.path], environment: env, directory: dir.path)
        #expect(check.status == 0, "\(check.err)")
        #expect(check.out.contains("ok: \(config.path)"), "\(check.out)")

        let db = dir.appendingPathComponent("desk.sqlite").path
        let demo = try runProcess("/bin/sh", ["-c", "helpdesk demo --db \"$1\" --items 60 --days 10", "sh", db], environment: env, directory: dir.path)
        #expect(demo.status == 0, "\(demo.err)")
        let list = try runProcess("/bin/sh", ["-c", "helpdesk case list --db \"$1\" --limit 5 --json", "sh", db], environment: env, directory: dir.path)
        #expect(list.status == 0, "\(list.err)")
        #expect(listItems(list.out).count == 5)
        let due = try runProcess("/bin/sh", ["-c", "helpdesk sla due general --at 2025-09-30T15:00:00+08:00"], environment: env, directory: dir.path)
        #expect(due.out == "2025-10-09T18:00:00+08:00\n", "the holiday schedule: \(due.out) \(due.err)")

        // The same executable elsewhere, without the installed themes beside it, does not find
        // them: the lookup above is what found them.
        if !FileManager.default.fileExists(atPath: "/usr/share/helpdesk/themes/high-contrast.theme") {
            let elsewhere = dir.appendingPathComponent("elsewhere/bin")
            try FileManager.default.createDirectory(at: elsewhere, withIntermediateDirectories: true)
            // Copied by cp, not in this process: a test elsewhere forking while this process held the
            // new file open for writing would make running it fail with "text file busy".
            let copied = try runProcess("/bin/cp", [bin, elsewhere.appendingPathComponent("helpdesk").path], environment: env, directory: dir.path)
            #expect(copied.status == 0, "\(copied.err)")
            let lost = try runProcess(elsewhere.appendingPathComponent("helpdesk").path, ["config", "check", config.path], environment: env, directory: dir.path)
            #expect(lost.status == 2)
            #expect(lost.err.contains("\"high-contrast\" not found"), "\(lost.err)")
        }
    }

    /// The first supervisor's block: the database is created by them and left writable by the group.
    @Test func theFirstSupervisorsBlockLeavesTheDatabaseToTheGroup() throws {
        let dir = ScratchFolder.folder(#function)
        let bin = dir.appendingPathComponent("bin")
        try FileManager.default.createDirectory(at: bin, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: bin.appendingPathComponent("helpdesk").path, withDestinationPath: helpdeskExecutable)
        let db = dir.appendingPathComponent("shared/helpdesk.sqlite")
        try FileManager.default.createDirectory(at: db.deletingLastPathComponent(), withIntermediateDirectories: true)
        let script = try readmeBlock("# The first supervisor")
        let r = try runProcess("/bin/sh", ["-c", script], environment: environment(dir, ["PATH": bin.path + ":/usr/bin:/bin", "HELPDESK_DB": db.path]), directory: dir.path)
        #expect(r.status == 0, "\(r.err)")
        let files = try FileManager.default.contentsOfDirectory(atPath: db.deletingLastPathComponent().path)
        #expect(files.contains("helpdesk.sqlite"))
        for file in files {
            let mode = try FileManager.default.attributesOfItem(atPath: db.deletingLastPathComponent().appendingPathComponent(file).path)[.posixPermissions] as? Int
            #expect(mode == 0o660, "\(file): \(String(mode ?? 0, radix: 8))")
        }
    }

    /// The root block parses, and the timer runs the installed program (SharedHostTests runs it).
    @Test func theSharedHostBlockIsAValidScript() throws {
        let script = try readmeBlock("# Shared host, as root")
        let dir = ScratchFolder.folder(#function)
        let parsed = try runProcess("/bin/sh", ["-n", "-c", script], environment: environment(dir), directory: dir.path)
        #expect(parsed.status == 0, "\(parsed.err)")
        #expect(script.contains("ExecStart=$PREFIX/bin/helpdesk escalate"))
        #expect(script.contains("install -d -m 2770 -o \"$TIMER_USER\" -g \"$GROUP\" \"$DB_DIR\""))
        #expect(script.contains("--home-dir /nonexistent"), "the timer's home is not the database's folder")
    }
}
