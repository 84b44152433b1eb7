import Foundation
import Testing

/// A way into a view drawn over the main screen, and what shows once it is open.
struct Overlay: CustomTestStringConvertible, Sendable {
    let key: String
    let typed: String
    let lang: String
    let marker: String

    var testDescription: String { "\(key) (\(lang))" }
    var env: [String: String] { ["LANG": lang == "zh" ? "zh_CN.UTF-8" : "en_US.UTF-8"] }
    var mainFooter: String { lang == "zh" ? "Enter 详情" : "Enter details" }

    static let all = [
        Overlay(key: "n", typed: "", lang: "zh", marker: "新建 CASE 工单"),
        Overlay(key: "f", typed: "", lang: "zh", marker: "新建故障"),
        Overlay(key: "Enter", typed: "", lang: "zh", marker: "处理记录"),
        Overlay(key: "?", typed: "", lang: "zh", marker: "按键"),
        Overlay(key: "/", typed: "养老", lang: "zh", marker: "搜索：养老"),
        Overlay(key: ":", typed: "kind", lang: "zh", marker: ":kind"),
        Overlay(key: "n", typed: "", lang: "en", marker: "New CASE ticket"),
        Overlay(key: "Enter", typed: "", lang: "en", marker: "History"),
    ]
}

/// The screen after any event is what a fresh start would draw: overlays opening and closing,
/// resizes, Ctrl-L. Each check compares the console under test with another console, started fresh
/// on the same database at the same `--now`, that shows the same state.
@Suite("Repaint end to end", .serialized)
struct RepaintEndToEndTests {
    func demo() throws -> Scratch {
        let scratch = try Scratch()
        try scratch.cli(["demo", "--items", "80", "--days", "20"])
        return scratch
    }

    /// Opens a console in colour (the test runner sets NO_COLOR) and waits until it has drawn.
    func open(_ scratch: Scratch, _ width: Int = 120, _ height: Int = 40, env: [String: String] = [:]) throws -> TmuxConsole {
        let console = try TmuxConsole(scratch, width: width, height: height, env: env.merging(inColour) { $1 })
        let english = env["LANG"].map { !$0.hasPrefix("zh") } ?? false
        try console.waitFor(english ? "Enter details" : "Enter 详情")
        return console
    }

    @Test(arguments: Overlay.all)
    func closingAnOverlayLeavesWhatAFreshStartDraws(_ overlay: Overlay) throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let console = try open(scratch, env: overlay.env)
        let fresh = try open(scratch, env: overlay.env)
        try expectSamePicture(console, as: fresh, "before anything")

        try console.keys(overlay.key)
        if !overlay.typed.isEmpty { try console.type(overlay.typed) }
        try console.waitFor(overlay.marker)
        try console.keys("Escape")
        try console.waitFor(overlay.mainFooter)   // shown in the main screen only
        try expectSamePicture(console, as: fresh, "after \(overlay.key) and Esc")

        // Later partial updates must not build on an error either.
        try console.keys("j", "j", "Tab", "j")
        try fresh.keys("j", "j", "Tab", "j")
        try expectSamePicture(console, as: fresh, "after moving on")
    }

    @Test(arguments: Overlay.all)
    func anOpenOverlayIsWhatAFreshPaintDraws(_ overlay: Overlay) throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let console = try open(scratch, env: overlay.env)
        let fresh = try open(scratch, env: overlay.env)
        for c in [console, fresh] {
            try c.keys(overlay.key)
            if !overlay.typed.isEmpty { try c.type(overlay.typed) }
            try c.waitFor(overlay.marker)
        }
        try fresh.keys("C-l")   // the same state, painted whole
        try expectSamePicture(console, as: fresh, "with \(overlay.key) open")
    }

    @Test func resizingLeavesWhatAFreshStartDraws() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let console = try open(scratch)
        let big = try open(scratch)
        let small = try open(scratch, 80, 24)

        try console.resize(80, 24)
        try console.waitFor("1 CASE 队列")
        try expectSamePicture(console, as: small, "shrunk from 120×40 to 80×24")
        try console.resize(120, 40)
        try console.waitFor("服务指标  2026")
        try expectSamePicture(console, as: big, "grown back to 120×40")
        try console.resize(100, 30)
        try console.resize(80, 24)
        try expectSamePicture(console, as: small, "shrunk twice in a row")
        try console.resize(120, 40)
        try console.keys("j", "j")
        try big.keys("j", "j")
        try expectSamePicture(console, as: big, "grown and moved")
    }

    @Test func resizingWithAFormOpenLeavesWhatAFreshPaintDraws() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let console = try open(scratch)
        let big = try open(scratch)
        let small = try open(scratch, 80, 24)
        for c in [console, big, small] {
            try c.keys("n")
            try c.waitFor("新建 CASE 工单")
            try c.type("才让卓玛")
        }
        try big.keys("C-l")
        try small.keys("C-l")

        try console.resize(80, 24)
        try console.waitFor("Esc 取消")
        try expectSamePicture(console, as: small, "form open, shrunk to 80×24")
        try console.resize(120, 40)
        try expectSamePicture(console, as: big, "form open, grown back to 120×40")

        // Close the form (it holds input: Esc asks, y discards) and compare with fresh consoles.
        let freshBig = try open(scratch)
        let freshSmall = try open(scratch, 80, 24)
        try console.keys("Escape", "y")
        try console.waitFor("Enter 详情")
        try expectSamePicture(console, as: freshBig, "form closed at 120×40")
        try console.resize(80, 24)
        try expectSamePicture(console, as: freshSmall, "then shrunk to 80×24")
    }

    @Test func ctrlLRedrawsWhatAFreshStartDraws() throws {
        let scratch = try demo()
        defer { scratch.remove() }
        let console = try open(scratch)
        let fresh = try open(scratch)
        // Something else writes to the terminal: ncurses cannot know.
        try console.scribble("\u{1B}[2J\u{1B}[5;10Hsomeone else wrote here 别的程序")
        try console.waitFor("someone else wrote here")
        try console.keys("C-l")
        try expectSamePicture(console, as: fresh, "after Ctrl-L")
        #expect(!(try console.screen()).contains("someone else"))
    }
}
