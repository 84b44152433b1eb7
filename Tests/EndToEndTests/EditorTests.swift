import Foundation
import Testing

/// `Ctrl-E` hands a long field to `$EDITOR`. From an interactive shell the console runs as a job in
/// its own process group; the editor must be in the terminal's foreground group to read keys (or it
/// stops on SIGTTIN and the console waits forever), Ctrl-C must reach it and not the console, and the
/// console must take the terminal back and repaint afterwards.
@Suite("The editor hand-off", .serialized)
struct EditorTests {
    /// An editor that proves it owns the terminal: it writes `not-foreground` if its process group is
    /// not the terminal's foreground group, else prompts and writes the line typed at the terminal.
    static let editorScript = """
        #!/bin/sh
        read -r pid comm state ppid pgrp session tty tpgid rest < /proc/$$/stat
        if [ "$pgrp" != "$tpgid" ]; then printf 'not-foreground' > "$1"; exit 0; fi
        printf 'EDITOR-READY> '
        IFS= read -r line
        printf '%s' "$line" > "$1"
        """

    @Test func theEditorOwnsTheTerminalAndItsTextLandsInTheForm() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "40", "--days", "10"])
        let editor = scratch.dir.appendingPathComponent("editor.sh").path
        try Self.editorScript.write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)

        let shell = try ShellConsole(scratch, env: ["EDITOR": editor, "VISUAL": ""])
        try shell.start()
        try shell.console.waitFor("CASE 队列")
        try shell.console.keys("x")                   // resolve the first ticket: cause, then solution
        try shell.console.waitFor("解决 #")

        // Ctrl-C while the editor reads goes to the editor: the console lives on and says so.
        try shell.console.keys("C-e")
        try shell.console.waitFor("EDITOR-READY>")
        try shell.console.keys("C-c")
        var screen = try shell.console.waitFor("未成功退出", andNot: "EDITOR-READY>")
        #expect(screen.contains("解决 #"))            // the form is back, repainted
        // How it ended is said in the console's language too: a signal or the shell's status.
        #expect(screen.contains("（信号 ") || screen.contains("（退出状态 "), "\(screen)")
        #expect(!screen.contains("exit status") && !screen.contains("signal "))

        // Now type a line at the editor's prompt: it must reach the editor and land in the field.
        try shell.console.keys("C-e")
        try shell.console.waitFor("EDITOR-READY>")
        try shell.console.type("读卡器驱动与杀毒软件冲突")
        try shell.console.keys("Enter")
        // The typed line echoes at the editor's prompt first; wait for the form to be painted again.
        screen = try shell.console.waitFor("读卡器驱动与杀毒软件冲突", andNot: "EDITOR-READY>")
        #expect(!screen.contains("not-foreground"))
        #expect(!screen.contains("EDITOR-READY>"))    // a full repaint, no editor left-overs
        #expect(screen.contains("解决 #"))

        // The console still reads keys: leave the form and quit to the shell.
        try shell.console.keys("Escape")
        try shell.console.waitFor("放弃已输入的内容？")
        try shell.console.keys("y", "q")
        try shell.console.waitFor("[exited 0]")
    }

    @Test func textSavedInAnotherEncodingIsRefusedAndTheFieldIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "20", "--days", "10"])
        // Saves "café" in Latin-1: not UTF-8.
        let editor = scratch.dir.appendingPathComponent("latin1.sh").path
        try "#!/bin/sh\nprintf 'caf\\351' > \"$1\"\n".write(toFile: editor, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: editor)
        let shell = try ShellConsole(scratch, env: ["EDITOR": editor, "VISUAL": ""])
        try shell.start()
        try shell.console.waitFor("CASE 队列")
        try shell.console.keys("x")
        try shell.console.waitFor("解决 #")
        try shell.console.type("原因已写")
        try shell.console.keys("C-e")
        let screen = try shell.console.waitFor("UTF-8")
        #expect(screen.contains("原因已写"))
        #expect(!screen.contains("caf"))
        try shell.console.keys("Escape", "y", "q")
        try shell.console.waitFor("[exited 0]")
    }

    @Test func aMissingEditorIsSaidAndTheFieldIsKept() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "20", "--days", "10"])
        let shell = try ShellConsole(scratch, env: ["EDITOR": "/no/such/editor", "VISUAL": ""])
        try shell.start()
        try shell.console.waitFor("CASE 队列")
        try shell.console.keys("x")
        try shell.console.waitFor("解决 #")
        try shell.console.type("原因已写")
        try shell.console.keys("C-e")
        let screen = try shell.console.waitFor("找不到编辑器 /no/such/editor")
        #expect(screen.contains("原因已写"))
        try shell.console.keys("Escape", "y", "q")
        try shell.console.waitFor("[exited 0]")
    }
}

extension TmuxConsole {
    /// Waits until the screen contains `text` and not `other`.
    @discardableResult
    func waitFor(_ text: String, andNot other: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) && !last.contains(other) { return last }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError("'\(text)' without '\(other)' did not appear within \(timeout) s; the screen was:\n\(last)")
    }
}

/// A console started the way a person starts it: typed into an interactive shell with job control,
/// which runs it as a job in a process group of its own.
struct ShellConsole {
    let console: TmuxConsole
    let command: String

    init(_ scratch: Scratch, env: [String: String] = [:]) throws {
        guard which("bash") != nil else { throw HarnessError("bash is needed for the interactive-shell tests") }
        var environment = ["HELPDESK_DB": scratch.db, "HELPDESK_NOW": e2eNow, "LANG": "zh_CN.UTF-8",
                           "XDG_DATA_HOME": scratch.dir.path, "XDG_CONFIG_HOME": scratch.dir.path]
        environment.merge(env) { $1 }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        command = "env \(assignments) \(shellQuote(helpdeskPath)); echo \"[exited $?]\""
        console = try TmuxConsole(scratch, shell: true)
    }

    /// Types the command line into the shell and presses Enter.
    func start() throws {
        try console.waitFor("$")
        try console.type(command)
        try console.keys("Enter")
    }
}
