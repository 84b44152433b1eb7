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
        var b = render(s)
        if b.row(containing: "Ctrl-L") == nil {
            // Below the first page of keys: a page down shows it.
            _ = s.press(.pageDown)
            b = render(s)
        }
        let row = b.row(containing: "Ctrl-L")
        #expect(row.map { b.line($0).contains("重绘屏幕") } == true)
    }
}
