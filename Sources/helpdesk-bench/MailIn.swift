import Foundation

/// `--mail-in`: `helpdesk mail-in` taking one 100 KB message (5 KB of text and an attachment of
/// 68 KiB, about 93 KB as base64 in the message)
/// into the bench's database, timed as the mail system sees it — the whole process, start to exit
/// (median of 7) — and that less `helpdesk --help`'s start-up, the part that is the message's.
/// Each run is a message of its own (its own `Message-ID`), so each opens a ticket.
enum MailInBench {
    static func run(cli: String, database: String, now: String, runs: Int = 7) {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-bench-mail-\(getpid())")
        try? FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        var environment = ProcessInfo.processInfo.environment
        environment["HELPDESK_DB"] = database
        environment["HELPDESK_NOW"] = now
        environment["LANG"] = "C.UTF-8"
        environment["LC_ALL"] = nil
        // The attachment in base64 lines of 76, as a client writes them: about 93 KB of the message.
        var generator = SystemRandomNumberGenerator()
        let attachment = Data((0..<(68 * 1024)).map { _ in UInt8.random(in: 0...255, using: &generator) })
            .base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        let text = String(repeating: "养老金发放表导出时提示错误，请协助处理。\r\n", count: 80)
        func message(_ n: Int) -> URL {
            let file = dir.appendingPathComponent("m\(n).eml")
            let mail = "From: bench <bench@example.cn>\r\nTo: desk@example.cn\r\nSubject: bench \(n)\r\n"
                + "Message-ID: <bench.\(n).\(getpid()).\(Int(Date().timeIntervalSince1970))@example.cn>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=UTF-8\r\n"
                + "Content-Transfer-Encoding: 8bit\r\n\r\n\(text)\r\n--b\r\nContent-Type: application/octet-stream; name=\"data.bin\"\r\n"
                + "Content-Disposition: attachment; filename=\"data.bin\"\r\nContent-Transfer-Encoding: base64\r\n\r\n"
                + attachment + "\r\n--b--\r\n"
            FileManager.default.createFile(atPath: file.path, contents: Data(mail.utf8))
            return file
        }
        let messages = (0...runs).map(message)
        let size = (try? FileManager.default.attributesOfItem(atPath: messages[0].path)[.size] as? Int) ?? 0
        // Once first: the program's files into the page cache (and one message taken).
        guard spawn(cli, ["mail-in"], environment, input: messages[0].path) == 0 else { fail("helpdesk mail-in exited with a failure") }
        var mailIn: [Double] = [], help: [Double] = []
        for n in 1...runs {
            var start = DispatchTime.now().uptimeNanoseconds
            let status = spawn(cli, ["mail-in"], environment, input: messages[n].path)
            mailIn.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
            if status != 0 { fail("helpdesk mail-in exited \(status)") }
            start = DispatchTime.now().uptimeNanoseconds
            _ = spawn(cli, ["--help"], environment, input: "/dev/null")
            help.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e6)
        }
        let middle = { (times: [Double]) in times.sorted()[times.count / 2] }
        print("")
        print("mail-in of a \(size / 1024) KiB message (whole process, start to exit, median of \(runs)):")
        row("helpdesk mail-in", middle(mailIn), "ms")
        row("helpdesk --help (start-up)", middle(help), "ms")
        row("helpdesk mail-in: above start-up", middle(mailIn) - middle(help), "ms")
    }

    /// `spawn`, with standard input read from `input`.
    static func spawn(_ path: String, _ arguments: [String], _ environment: [String: String], input: String) -> Int32 {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([path] + arguments).map { strdup($0) } + [nil]
        let envp = environment.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        guard posix_spawn(&pid, path, &actions, nil, argv, envp) == 0 else { fail("cannot run \(path)") }
        var status: Int32 = 0
        while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
        return (status >> 8) & 0xFF
    }
}
