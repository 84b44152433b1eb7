import Foundation

/// Configuration files in the shapes that cost the reader most, at 64 KiB (the largest read) and at
/// 1 MiB (refused by its size): every command reads the configuration, so each must be accepted or
/// refused quickly. Each is checked by `helpdesk config check` as a process of its own (median of 7,
/// whole process): as the system file when run as root (its owner and mode then pass), else as a
/// personal file (read whole all the same).
enum ConfigFileBench {
    /// The shapes at `size`: a name and the text, cut to at most `size` bytes at a line's end.
    static func shapes(size: Int) -> [(String, String)] {
        func lines(room: Int = size, _ make: (Int) -> String) -> String {
            var out = "", n = 0
            while true {
                let line = make(n)
                if out.utf8.count + line.utf8.count > room { return out }
                out += line
                n += 1
            }
        }
        let depth = size / 2 - 8
        return [
            ("unknown keys", lines { "k\($0) = \($0)\n" }),
            ("one string (notify_command)", "notify_command = \"" + String(repeating: "x", count: size - 40) + "\"\n"),
            ("an array of user names", "timer_users = [" + lines(room: size - 32) { "\"u\($0)\",\n" }.dropLast(2) + "]\n"),
            ("[[client]] tables", lines { "[[client]]\nname = \"n\($0)\"\n" }),
            ("arrays nested \(depth) deep", "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"),
            ("comments only", lines { "# line \($0)\n" }),
        ]
    }

    static func run(cli: String) {
        let root = geteuid() == 0
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-config-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        print("")
        print("configuration files, helpdesk config check \(root ? "--system " : "")FILE (whole process, median of 7):")
        var environment = ProcessInfo.processInfo.environment
        environment["LANG"] = "C.UTF-8"
        environment["HELPDESK_CONFIG"] = nil
        for (index, (name, text)) in (shapes(size: 64 << 10) + shapes(size: 1 << 20)).enumerated() {
            let file = dir.appendingPathComponent("shape\(index).toml").path
            FileManager.default.createFile(atPath: file, contents: Data(text.utf8), attributes: [.posixPermissions: 0o644])
            var status: Int32 = 0
            let arguments = ["config", "check"] + (root ? ["--system"] : []) + [file]
            let time = median { status = spawn(cli, arguments, environment) }
            row("\(name) (\(text.utf8.count) B, exit \(status))", time, "ms")
        }
    }
}
