import Foundation
import Testing

/// Whatever the terminal type, the console leaves the screen clean: after `q` the shell's screen
/// holds none of the console's text, with or without an alternate screen to go back from. A type
/// that cannot move the cursor is refused before the terminal is touched, naming one to use.
@Suite("Terminal types end to end", .serialized)
struct TerminalTypeEndToEndTests {
    @Test(arguments: ["vt100", "linux", "screen", "xterm-mono", "xterm-256color"])
    func leavingLeavesNoConsoleText(_ term: String) throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "30", "--days", "10"])
        let console = try TmuxConsole(scratch, env: ["TERM": term])
        try console.waitFor("故障看板")
        try console.keys("q")
        let screen = try console.waitFor("[exited 0]")
        for text in ["CASE 队列", "故障看板", "服务指标", "机关事业养老保险运维服务台"] {
            #expect(!screen.contains(text), "\(term): '\(text)' stayed after leaving:\n\(screen)")
        }
    }

    @Test func aTerminalThatCannotMoveTheCursorIsRefusedNamingOneToUse() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        try scratch.cli(["demo", "--items", "30", "--days", "10"])
        let console = try TmuxConsole(scratch, env: ["TERM": "dumb"])
        let screen = try console.waitFor("[exited 2]")
        #expect(screen.contains("dumb") && screen.contains("TERM=xterm-256color"), "\(screen)")
        for text in ["CASE 队列", "故障看板"] {
            #expect(!screen.contains(text), "'\(text)' was drawn on a dumb terminal:\n\(screen)")
        }
    }
}
