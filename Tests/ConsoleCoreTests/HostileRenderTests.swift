import Foundation
import HelpDeskCore
import PropertyBased
import Testing
@testable import ConsoleCore

/// Stored text that tries to drive the terminal: escapes (OSC 52, title changes, CSI), C0 and C1
/// controls, bidi controls, NUL, and Chinese and emoji to keep the widths honest.
let hostileFieldText = Gen<String?>.element(of: [
    "\u{1B}]52;c;aGVsbG8=\u{7}", "\u{1B}]0;pwned\u{7}", "\u{1B}[31;1m", "\u{1B}[2J\u{1B}[H", "\u{1B}[10;10H", "\u{9B}31m", "\u{85}",
    "\u{202E}", "\u{2066}", "\u{2069}", "\u{0}", "\u{7}", "\u{8}", "\r", "\n", "\t", "\u{7F}", "养老保险", "登录失败", "a", " ",
    "👨‍👩‍👧", "e\u{301}", "\u{FEFF}",
]).compactMap { $0 }.array(of: 0...12).map { $0.joined() }

@Suite("The console shows hostile text safely")
struct HostileRenderTests {
    /// What a terminal would act on, in a cell: a control, an escape, a bidi control.
    static func unsafe(_ buffer: ScreenBuffer) -> [String] {
        var found: [String] = []
        for y in 0..<buffer.height {
            for x in 0..<buffer.width {
                for v in buffer[x, y].text.unicodeScalars where v.value < 0x20 || (0x7F...0x9F).contains(v.value)
                    || (0x202A...0x202E).contains(v.value) || (0x2066...0x2069).contains(v.value) || v.value == 0x2028 || v.value == 0x2029 {
                    found.append("U+\(String(v.value, radix: 16, uppercase: true)) at \(x),\(y)")
                }
            }
        }
        return found
    }

    /// Every row adds up to the screen's width: no text moved the columns after it.
    static func rowsHoldTheirWidth(_ buffer: ScreenBuffer) -> Bool {
        (0..<buffer.height).allSatisfy { y in (0..<buffer.width).reduce(0) { $0 + buffer[$1, y].width } == buffer.width }
    }

    @Test("the queue, the fault board and the details never hold a raw control, and keep their columns")
    func queueAndDetails() async {
        let sizes = Gen<Int?>.element(of: [80, 120, 60]).compactMap { $0 }
        await propertyCheck(count: 150, input: zip(hostileFieldText, hostileFieldText, hostileFieldText), sizes) { (texts, size) throws in
            let (title, requester, note) = texts
            var s = Sample.state(width: size, height: size / 3)
            var items = Sample.tickets
            items[0].title = title.isEmpty ? "t" : title
            items[0].requesterName = requester
            items[0].requesterOffice = note
            items[0].description = note + "\n" + title
            _ = s.reduce(.queueLoaded(QueuePage(items: items, offset: 0, total: items.count, filter: QueueFilter())))
            var faults = Sample.faults
            faults[0].title = title.isEmpty ? "f" : title
            _ = s.reduce(.faultsLoaded(faults))
            let queue = render(s)
            #expect(Self.unsafe(queue).isEmpty, "\(title.debugDescription): \(Self.unsafe(queue).prefix(5))")
            #expect(Self.rowsHoldTheirWidth(queue))

            _ = s.press(.enter)
            let history = [HistoryEntry(itemId: items[0].id!, at: now, recordedAt: now, actor: "lina", event: .responded, note: note),
                           HistoryEntry(itemId: items[0].id!, at: now, recordedAt: now, actor: "lina", event: .assessed,
                                        field: .agreedWith, oldValue: requester, newValue: title)]
            _ = s.reduce(.detailLoaded(items[0], history))
            let details = render(s)
            #expect(Self.unsafe(details).isEmpty, "\(note.debugDescription): \(Self.unsafe(details).prefix(5))")
            #expect(Self.rowsHoldTheirWidth(details))
        }
    }

    @Test("text put straight into the screen buffer is sanitized there, whatever view put it")
    func bufferSanitizes() async {
        await propertyCheck(count: 300, input: hostileFieldText, Gen.int(in: -3...50)) { (text, x) throws in
            var b = ScreenBuffer(width: 40, height: 3)
            b.put(text, x: x, y: 1)
            b.put(text, x: max(0, x), y: 2, columns: 20)
            #expect(Self.unsafe(b).isEmpty, "\(text.debugDescription)")
            #expect(Self.rowsHoldTheirWidth(b))
        }
    }

    @Test("a description at the limit (64 KiB of log lines with escapes) is shown in the details safely and at once")
    func longestDescription() {
        var s = Sample.state(width: 120, height: 40)
        var item = Sample.tickets[0]
        let line = "2021-11-01 10:00:00 ERROR \u{1B}[31m数据库连接超时\u{1B}[0m 10.0.0.1:5432\n"
        item.description = String(String(repeating: line, count: TextRules.longLimit / line.utf8.count).prefix(TextRules.longLimit))
        #expect(TextRules.problem(in: item.description, field: .description) == nil)
        _ = s.press(.enter)
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            _ = s.reduce(.detailLoaded(item, []))
            for _ in 0..<5 {
                let b = render(s)
                #expect(Self.unsafe(b).isEmpty)
                _ = s.press(.pageDown)
            }
        }
        #expect(elapsed < .seconds(2), "five frames took \(elapsed)")
    }
}
