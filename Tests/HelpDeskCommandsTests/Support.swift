import Foundation
import Testing
import TestProcesses

// Helpers for driving the built `helpdesk` executable as a subprocess, as scripts do.

/// The built `helpdesk` executable: beside the test bundle, else `.build/debug/helpdesk` under the
/// package root.
let helpdeskExecutable: String = {
    var candidates: [String] = []
    let argv0 = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    candidates.append(argv0.appendingPathComponent("helpdesk").path)
    var dir = Bundle.main.bundleURL
    for _ in 0..<4 {
        candidates.append(dir.appendingPathComponent("helpdesk").path)
        dir = dir.deletingLastPathComponent()
    }
    let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    candidates.append(root.appendingPathComponent(".build/debug/helpdesk").path)
    return candidates.first { path in
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
            && FileManager.default.isExecutableFile(atPath: path)
    } ?? candidates.last!
}()

/// The default "now" of these tests: Tue 2021-11-23 16:00 Beijing time.
let defaultNow = "2021-11-23T16:00:00+08:00"

/// Runs `helpdesk args` on the database `db` with `HELPDESK_NOW=now` and returns its exit status,
/// standard output and standard error. LANG is C.UTF-8 (English output) unless `extra` says otherwise;
/// inherited LC_ALL / LC_MESSAGES are dropped so the runner's locale cannot change the language.
@discardableResult
func helpdesk(_ args: [String], db: String, now: String = defaultNow, env extra: [String: String] = [:])
    -> (status: Int32, out: String, err: String)
{
    do {
        let r = try runProcess(helpdeskExecutable, args, environment: commandEnvironment(db: db, now: now, extra: extra))
        return (r.status, r.out, r.err)
    } catch {
        Issue.record("cannot run \(helpdeskExecutable): \(error)")
        return (-1, "", "\(error)")
    }
}

/// A folder for the files of one test (one case of a parameterized test), removed when it ends.
/// Every suite here that makes files carries `.scratch`; `freshDatabase()` and the other helpers put
/// their files in it.
struct ScratchFolder: SuiteTrait, TestTrait, TestScoping {
    @TaskLocal static var current: URL?

    var isRecursive: Bool { true }

    /// One folder per test case, not one for the whole suite.
    func scopeProvider(for test: Test, testCase: Test.Case?) -> ScratchFolder? {
        testCase == nil ? nil : self
    }

    func provideScope(for test: Test, testCase: Test.Case?, performing function: @Sendable () async throws -> Void) async throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-cmd-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try await Self.$current.withValue(dir) { try await function() }
    }

    /// A new folder inside the current test's, named after `function`.
    static func folder(_ function: String) -> URL {
        let name = function.filter { $0.isLetter || $0.isNumber }.prefix(40)
        let root: URL
        if let current {
            root = current
        } else {
            Issue.record("a test made files outside a suite marked .scratch: they would be left behind")
            root = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-cmd-unscoped")
        }
        let dir = root.appendingPathComponent("\(name)-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }
}

extension Trait where Self == ScratchFolder {
    /// Each test gets a scratch folder, removed when it ends.
    static var scratch: ScratchFolder { ScratchFolder() }
}

/// A fresh database path in a directory of its own in the test's scratch folder. The file does not
/// exist yet; the program creates it on first use.
func freshDatabase(_ function: String = #function) -> String {
    ScratchFolder.folder(function).appendingPathComponent("desk.sqlite").path
}

/// Writes `text` to a file beside the database and returns its path.
func writeFile(besides db: String, name: String, _ text: String) -> String {
    let url = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent(name)
    try! Data(text.utf8).write(to: url)
    return url.path
}

/// Parses a JSON object printed by the program; records an issue when it is not one.
func jsonObject(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String: Any] {
    guard let data = text.data(using: .utf8),
          let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
        Issue.record("not a JSON object: \(text)", sourceLocation: sourceLocation)
        return [:]
    }
    return object
}

/// The items of a `… list --json` page.
func listItems(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [[String: Any]] {
    (jsonObject(text, sourceLocation: sourceLocation)["items"] as? [[String: Any]]) ?? []
}

/// The ids of the items of a `… list --json` page, in order.
func listIds(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [Int] {
    listItems(text, sourceLocation: sourceLocation).compactMap { $0["id"] as? Int }
}

/// `case add …` that must succeed; returns the new id.
@discardableResult
func addCase(_ db: String, kind: String = "general", channel: String = "phone", region: String = "xining",
             title: String = "登录失败 login fails", at: String, extra: [String] = [],
             now: String = defaultNow, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let r = helpdesk(["case", "add", "--kind", kind, "--channel", channel, "--region", region, "--title", title,
                      "--at", at] + extra, db: db, now: now)
    #expect(r.status == 0, "case add failed: \(r.err)", sourceLocation: sourceLocation)
    let id = Int(r.out.trimmingCharacters(in: .newlines))
    #expect(id != nil, "case add printed \(r.out.debugDescription)", sourceLocation: sourceLocation)
    return id ?? -1
}

/// `fault add …` that must succeed; returns the new id.
@discardableResult
func addFault(_ db: String, level: Int, region: String = "xining", title: String = "应用服务器宕机",
              at: String, sourceLocation: SourceLocation = #_sourceLocation) -> Int {
    let r = helpdesk(["fault", "add", "--level", "\(level)", "--region", region, "--title", title, "--at", at], db: db)
    #expect(r.status == 0, "fault add failed: \(r.err)", sourceLocation: sourceLocation)
    let id = Int(r.out.trimmingCharacters(in: .newlines))
    #expect(id != nil, "fault add printed \(r.out.debugDescription)", sourceLocation: sourceLocation)
    return id ?? -1
}

/// Runs a command that must succeed and returns its standard output.
@discardableResult
func ok(_ args: [String], db: String, now: String = defaultNow, env: [String: String] = [:],
        sourceLocation: SourceLocation = #_sourceLocation) -> String {
    let r = helpdesk(args, db: db, now: now, env: env)
    #expect(r.status == 0, "helpdesk \(args.joined(separator: " ")) exited \(r.status): \(r.err)",
            sourceLocation: sourceLocation)
    return r.out
}

/// The name of the operating-system user running the tests (the actor the program records).
let currentUser: String = {
    guard let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name else { return "uid\(geteuid())" }
    return String(cString: name)
}()

/// What a database holds, as seen through the program and through SQLite itself: every item, the
/// full history of the given items, the calendar, and the whole file's dump (`databaseDump`).
func snapshot(_ db: String, ids: [Int]) -> String {
    var parts = [helpdesk(["list", "--json", "--limit", "0"], db: db).out]
    for id in ids { parts.append(helpdesk(["show", "\(id)", "--json"], db: db).out) }
    parts.append(helpdesk(["calendar", "years"], db: db).out)
    parts.append(helpdesk(["calendar", "hours"], db: db).out)
    parts.append(databaseDump(db))
    return parts.joined(separator: "\n----\n")
}

/// `helpdesk args` started without waiting, for several processes at once; `finish` waits for it.
func startHelpdesk(_ args: [String], db: String, now: String = defaultNow, env extra: [String: String] = [:]) throws -> ChildProcess {
    try ChildProcess(helpdeskExecutable, args, environment: commandEnvironment(db: db, now: now, extra: extra))
}

extension ChildProcess {
    /// Waits for it to end; its status, standard output and standard error.
    func finish() -> (status: Int32, out: String, err: String) {
        let r = wait()
        return (r.status, r.out, r.err)
    }
}

/// The environment a test runs the command line in: English messages, the given database and
/// clock, and default paths kept beside the database, away from the real home directory.
func commandEnvironment(db: String, now: String, extra: [String: String]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment
    environment["LC_ALL"] = nil
    environment["LC_MESSAGES"] = nil
    environment["LANG"] = "C.UTF-8"
    environment["HELPDESK_DB"] = db
    environment["HELPDESK_NOW"] = now
    environment["XDG_DATA_HOME"] = URL(fileURLWithPath: db).deletingLastPathComponent().path
    environment["XDG_CONFIG_HOME"] = URL(fileURLWithPath: db).deletingLastPathComponent().path
    environment["HELPDESK_CONFIG"] = nil
    // The system file of this database's tests, when one was written (`systemConfig`).
    let system = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("system-config.toml").path
    environment["HELPDESK_SYSTEM_CONFIG"] = FileManager.default.fileExists(atPath: system) ? system : nil
    environment.merge(extra) { $1 }
    return environment
}

/// Writes the system configuration that commands on `db` read (through `HELPDESK_SYSTEM_CONFIG`),
/// as root keeps it: owned by the user running the tests (root, as CI runs them), mode 0644.
/// Returns its path.
@discardableResult
func systemConfig(_ db: String, _ text: String) -> String {
    let path = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("system-config.toml").path
    try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    chmod(path, 0o644)
    return path
}
