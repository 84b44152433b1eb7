import Foundation
import Testing
import TestProcesses

/// The built `helpdesk` executable, beside the test bundle.
let helpdeskPath: String = {
    let here = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    var candidates = [here.appendingPathComponent("helpdesk").path]
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("helpdesk").path)
        dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/helpdesk").path)
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) } ?? candidates.last!
}()

/// Runs a program to completion with the runner's environment and `env`; its status and output.
@discardableResult
func run(_ executable: String, _ args: [String], env: [String: String] = [:]) throws -> (status: Int32, out: String, err: String) {
    let r = try runProcess(executable, args, environment: ProcessInfo.processInfo.environment.merging(env) { $1 })
    return (r.status, r.out, r.err)
}

func which(_ name: String) -> String? {
    for dir in (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":") {
        let path = "\(dir)/\(name)"
        if FileManager.default.isExecutableFile(atPath: path) { return path }
    }
    return nil
}

/// A scratch folder with a database for one test.
struct Scratch {
    let dir: URL
    var db: String { dir.appendingPathComponent("desk.sqlite").path }

    init() throws {
        dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
    }

    /// Runs the command line on this database at a fixed now.
    @discardableResult
    func cli(_ args: [String], now: String = e2eNow) throws -> (status: Int32, out: String, err: String) {
        try run(helpdeskPath, args, env: ["HELPDESK_DB": db, "HELPDESK_NOW": now, "LANG": "C.UTF-8", "XDG_DATA_HOME": dir.path])
    }

    func remove() { try? FileManager.default.removeItem(at: dir) }
}

let e2eNow = "2026-11-20T10:00:00+08:00"

/// The test runner sets NO_COLOR for the processes it starts; a console opened with this draws in
/// colour, as it does for a person.
let inColour = ["NO_COLOR": ""]

/// A console running in its own tmux server, driven by keys and read by screen captures.
final class TmuxConsole {
    let tmux: String
    let socket = "hd-e2e-\(UUID().uuidString.prefix(8))"
    let session = "desk"

    /// Starts the console in a new tmux server; with `shell`, an interactive shell with job control
    /// instead (prompt `$ `), for a test to type the command into.
    init(_ scratch: Scratch, width: Int = 120, height: Int = 40, env: [String: String] = [:], args: [String] = [],
         shell: Bool = false) throws {
        guard let tmux = which("tmux") else {
            throw HarnessError("tmux is not installed; the end-to-end console tests need it (apt-get install tmux)")
        }
        self.tmux = tmux
        var environment = ["HELPDESK_DB": scratch.db, "HELPDESK_NOW": e2eNow, "LANG": "zh_CN.UTF-8", "TERM": "xterm-256color",
                           "XDG_DATA_HOME": scratch.dir.path, "XDG_CONFIG_HOME": scratch.dir.path]
        environment.merge(env) { $1 }
        let assignments = environment.sorted { $0.key < $1.key }.map { "\($0.key)=\(shellQuote($0.value))" }.joined(separator: " ")
        let command = shell
            ? "env -i PATH=\(shellQuote(ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin")) HOME=\(shellQuote(scratch.dir.path)) "
                + "TERM=xterm-256color HISTFILE=/dev/null PS1='$ ' bash --norc --noprofile -i"
            : "env \(assignments) \(shellQuote(helpdeskPath)) \(args.map(shellQuote).joined(separator: " ")); echo \"[exited $?]\"; sleep 60"
        let started = try run(tmux, ["-L", socket, "-f", "/dev/null", "new-session", "-d", "-s", session,
                                     "-x", "\(width)", "-y", "\(height)", command])
        guard started.status == 0 else { throw HarnessError("tmux new-session failed with status \(started.status)") }
        try tmuxRun(["set-option", "-t", session, "window-size", "manual"])
    }

    deinit {
        _ = try? run(tmux, ["-L", socket, "kill-server"])
    }

    @discardableResult
    func tmuxRun(_ args: [String]) throws -> String {
        let r = try run(tmux, ["-L", socket] + args)
        guard r.status == 0 else { throw HarnessError("tmux \(args.first ?? ""): \(r.err)") }
        return r.out
    }

    /// Sends tmux key names (`Enter`, `Tab`, `C-s`, `j`).
    func keys(_ names: String...) throws {
        try tmuxRun(["send-keys", "-t", session] + names)
    }

    /// Types text literally.
    func type(_ text: String) throws {
        try tmuxRun(["send-keys", "-t", session, "-l", text])
    }

    func screen(escapes: Bool = false) throws -> String {
        try tmuxRun(["capture-pane", "-p", "-t", session] + (escapes ? ["-e"] : []))
    }

    func resize(_ width: Int, _ height: Int) throws {
        try tmuxRun(["resize-window", "-t", session, "-x", "\(width)", "-y", "\(height)"])
    }

    /// Waits until the screen contains `text`; returns the screen, or throws with the last screen.
    ///
    /// The screen returned has settled: a frame arrives in several writes, and on a busy machine a
    /// capture can fall between them, showing the text but not yet the rest of the frame.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var last = ""
        while Date() < deadline {
            last = try screen()
            if last.contains(text) { return try settled(last, containing: text) }
            Thread.sleep(forTimeInterval: 0.1)
        }
        throw HarnessError("'\(text)' did not appear within \(timeout) s; the screen was:\n\(last)")
    }

    /// The screen once two captures 50 ms apart agree (at most about a second later), as long as
    /// it still contains `text`.
    func settled(_ first: String, containing text: String) throws -> String {
        var last = first
        for _ in 0..<20 {
            Thread.sleep(forTimeInterval: 0.05)
            let now = try screen()
            if now == last || !now.contains(text) { return last }
            last = now
        }
        return last
    }
}

struct HarnessError: Error, CustomStringConvertible {
    let description: String
    init(_ d: String) { description = d }
}

func shellQuote(_ s: String) -> String { "'" + s.replacingOccurrences(of: "'", with: "'\\''") + "'" }

// MARK: Comparing screens

extension TmuxConsole {
    /// Where the terminal's cursor stands (`x,y`), or `hidden`.
    func cursor() throws -> String {
        let r = try tmuxRun(["display-message", "-p", "-t", session, "#{cursor_flag} #{cursor_x},#{cursor_y}"])
            .trimmingCharacters(in: .whitespacesAndNewlines)
        return r.hasPrefix("0") ? "hidden" : String(r.dropFirst(2))
    }

    /// What a person sees: every cell with its colours and attributes, and the cursor. Times of day
    /// with seconds (a form's "received at", a countdown's last hour) are masked: two consoles
    /// started a moment apart tick apart.
    func picture() throws -> String {
        // -N keeps a row's trailing cells: without it tmux drops a styled blank that ends a row
        // when nothing was ever written after it, and keeps it when something was.
        let capture = try tmuxRun(["capture-pane", "-p", "-e", "-N", "-t", session])
        return try cells(maskSeconds(capture)) + "\ncursor: " + cursor()
    }

    /// Writes straight to the pane's terminal behind the console's back, as a background job or
    /// `wall` would.
    func scribble(_ text: String) throws {
        let tty = try tmuxRun(["display-message", "-p", "-t", session, "#{pane_tty}"]).trimmingCharacters(in: .whitespacesAndNewlines)
        guard let handle = FileHandle(forWritingAtPath: tty) else { throw HarnessError("cannot open \(tty)") }
        handle.write(Data(text.utf8))
        try handle.close()
    }
}

/// A capture with escapes (`capture-pane -e`) as cells: each character with the attributes in
/// force that a person can see (on a blank: background, underline, reverse), one row a line,
/// plain blanks at the end of a row left out. tmux writes the same cells differently depending on
/// how they got there (a reset at the end of one row or the start of the next; a row's end
/// written or never touched), which a person cannot see.
func cells(_ capture: String) -> String {
    var attributes: [Int: String] = [:]   // 0 style flags, 1 foreground, 2 background
    var flags = Set<Int>()
    var rows: [[String]] = [[]]
    var scalars = capture.unicodeScalars[...]
    func apply(_ codes: [Int]) {
        var codes = codes.isEmpty ? [0] : codes[...]
        while let code = codes.popFirst() {
            switch code {
            case 0: flags = []; attributes = [:]
            case 1...9: flags.insert(code)
            case 21...29: flags.remove(code - 20); if code == 22 { flags.remove(1); flags.remove(2) }
            case 30...37, 90...97: attributes[1] = "\(code)"
            case 40...47, 100...107: attributes[2] = "\(code)"
            case 39: attributes[1] = nil
            case 49: attributes[2] = nil
            case 38, 48:
                let kind = codes.popFirst()
                let values = kind == 5 ? [codes.popFirst()] : [codes.popFirst(), codes.popFirst(), codes.popFirst()]
                attributes[code == 38 ? 1 : 2] = "\(code):\(kind ?? 0):" + values.map { "\($0 ?? 0)" }.joined(separator: ",")
            default: break
            }
        }
    }
    while let scalar = scalars.popFirst() {
        if scalar == "\u{1B}", scalars.first == "[" {
            scalars.removeFirst()
            var parameters = ""
            while let c = scalars.popFirst(), c != "m" { parameters.unicodeScalars.append(c) }
            apply(parameters.split(separator: ";", omittingEmptySubsequences: false).map { Int($0) ?? 0 })
        } else if scalar == "\n" {
            rows.append([])
        } else {
            // On a blank only the background, underline and reverse video show.
            let blank = scalar == " " && !flags.contains(7)
            let shown = blank ? flags.intersection([4]) : flags
            let style = shown.sorted().map(String.init).joined(separator: ",") + "|" + (blank ? "" : attributes[1] ?? "") + "|" + (attributes[2] ?? "")
            rows[rows.count - 1].append(style == "||" ? String(scalar) : "\(scalar){\(style)}")
        }
    }
    return rows.map { row in
        var row = row
        while row.last == " " { row.removeLast() }
        return row.joined()
    }.joined(separator: "\n")
}

func maskSeconds(_ screen: String) -> String {
    screen.replacing(/\d{2}:\d{2}:\d{2}/, with: "hh:mm:ss")
        .replacing(/\d+(分|m)\d{2}(秒|s)/) { "#\($0.1)##\($0.2)" }
}

/// Waits until `console` shows exactly what `reference` shows (colours and cursor included); records
/// an issue naming the first differing row otherwise. The two tick on their own clocks, so a
/// difference must last through `timeout` to count.
func expectSamePicture(_ console: TmuxConsole, as reference: TmuxConsole, _ what: String, timeout: Double = 8,
                       sourceLocation: SourceLocation = #_sourceLocation) throws {
    let deadline = Date().addingTimeInterval(timeout)
    var mine = "", theirs = ""
    while true {
        mine = try console.picture()
        theirs = try reference.picture()
        if mine == theirs { return }
        if Date() >= deadline { break }
        Thread.sleep(forTimeInterval: 0.25)
    }
    let a = try console.screen(), b = try reference.screen()
    let rowsA = a.split(separator: "\n", omittingEmptySubsequences: false)
    let rowsB = b.split(separator: "\n", omittingEmptySubsequences: false)
    let row = Array(zip(rowsA, rowsB)).firstIndex { $0 != $1 }
    let cellsA = mine.split(separator: "\n", omittingEmptySubsequences: false)
    let cellsB = theirs.split(separator: "\n", omittingEmptySubsequences: false)
    let cellRow = Array(zip(cellsA, cellsB)).firstIndex { $0 != $1 }
    let detail = row.map { "first different row \($0):\n  got:      \(rowsA[$0])\n  expected: \(rowsB[$0])" }
        ?? cellRow.map { "the text is the same; in row \($0) colours or attributes differ:\n  got:      \(cellsA[$0])\n  expected: \(cellsB[$0])" }
        ?? "the text is the same; the cursor differs: \(cellsA.last ?? "") against \(cellsB.last ?? "")"
    Issue.record("\(what): the screen is not what a fresh paint draws; \(detail)\n--- got:\n\(a)\n--- fresh:\n\(b)",
                 sourceLocation: sourceLocation)
}
