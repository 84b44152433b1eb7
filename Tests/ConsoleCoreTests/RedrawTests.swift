import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Ctrl-L asks the run loop to paint the whole screen afresh, wherever the console is, and changes
/// nothing else.
@Suite("Redraw")
struct RedrawTests {
    @Test(arguments: [[Key](), [.char("n")], [.enter], [.char("?")], [.char("/")], [.char(":")]])
    func ctrlLRedrawsInEveryMode(_ first: [Key]) {
        var s = Sample.state(width: 120, height: 40)
        for key in first { _ = s.press(key) }
        let before = s
        #expect(s.press(.ctrl("l")) == [.redraw])
        #expect(s == before)
    }

    @Test func theHelpListsIt() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("?"))
        // Scrolled a row at a time until it shows (the keys fill more than a screen).
        var row: Int?
        var b = render(s)
        for _ in 0..<40 where row == nil {
            b = render(s)
            row = b.row(containing: "Ctrl-L")
            if row == nil { _ = s.press(.char("j")) }
        }
        #expect(row.map { b.line($0).contains("重绘屏幕") } == true)
    }
}
