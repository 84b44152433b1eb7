import Foundation
import Testing
import TestProcesses

/// Display columns as the C library counts them under C.UTF-8 (what ncurses and tmux go by), and
/// so an oracle independent of the program's own width function; but for the one documented
/// exception, an emoji sequence (skin tone, ZWJ, VS16), which is two columns as terminals that
/// draw such sequences show it.
func libcColumns(_ text: String) -> Int {
    _ = setlocale(LC_CTYPE, "C.UTF-8")
    return text.reduce(0) { total, cluster in
        let scalars = cluster.unicodeScalars
        if scalars.count > 1, scalars.first!.properties.isEmoji,
           scalars.contains(where: { $0 == "\u{FE0F}" || $0 == "\u{200D}" || $0.properties.isEmojiModifier }) {
            return total + 2
        }
        return total + scalars.reduce(0) { $0 + max(0, Int(libcWcwidth(Int32(bitPattern: $1.value)))) }
    }
}

/// The C library's `wcwidth`, which Swift's Glibc module leaves out (it is an X/Open extension).
private let libcWcwidth: @convention(c) (Int32) -> Int32 = {
    guard let symbol = dlsym(nil, "wcwidth") else { fatalError("no wcwidth in the C library") }
    return unsafeBitCast(symbol, to: (@convention(c) (Int32) -> Int32).self)
}()

/// The column where `needle` starts in `line`, in display columns.
func column(of needle: String, in line: some StringProtocol) -> Int? {
    guard let r = line.range(of: needle) else { return nil }
    return libcColumns(String(line[..<r.lowerBound]))
}

/// Requesters with Tibetan names, Chinese titles, emoji and combining accents: every column after
/// them stays where it belongs, on the command line and in the console.
@Suite("Wide and combining text end to end", .serialized)
struct WideTextEndToEndTests {
    static let items: [(title: String, requester: String)] = [
        ("བཀྲ་ཤིས་བདེ་ལེགས 扎西德勒咨询", "བཀྲ་ཤིས་རྡོ་རྗེ"),
        ("社保卡👍🏽无法读取", "才让卓玛"),
        ("Cafe\u{301} re\u{301}seau ཨོཾ་མ་ཎི་པདྨེ་ཧཱུྃ", "ཚེ་རིང་"),
        ("普通标题", "索南措"),
    ]

    func scratch() throws -> Scratch {
        let scratch = try Scratch()
        for item in Self.items {
            let added = try scratch.cli(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining",
                                         "--title", item.title, "--requester", item.requester, "--at", "2026-11-20T09:00:00+08:00"])
            #expect(added.status == 0, "\(added.err)")
        }
        return scratch
    }

    @Test func caseListKeepsItsColumnsAligned() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        let out = try scratch.cli(["case", "list"]).out
        let lines = out.split(separator: "\n")
        try #require(lines.count == 1 + Self.items.count, "\(out)")
        let requesterColumns = Self.items.compactMap { item in lines.first { $0.contains(item.title) }.flatMap { column(of: item.requester, in: $0) } }
        #expect(requesterColumns.count == Self.items.count, "\(out)")
        #expect(Set(requesterColumns).count == 1, "requesters start at columns \(requesterColumns):\n\(out)")
        let dueColumns = lines.dropFirst().compactMap { column(of: "2026-11-20 18:00", in: $0) }
        #expect(dueColumns.count == Self.items.count && Set(dueColumns).count == 1, "deadlines start at columns \(dueColumns):\n\(out)")
    }

    @Test(arguments: [(120, 40), (80, 24)])
    func theConsoleKeepsItsColumnsAligned(_ width: Int, _ height: Int) throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch, width: width, height: height, env: inColour)
        let fresh = try TmuxConsole(scratch, width: width, height: height, env: inColour)
        let screen = try console.waitFor("普通标题")
        try fresh.waitFor("普通标题")
        let rows = screen.split(separator: "\n").filter { $0.contains("11-20 18:00") }
        #expect(rows.count == Self.items.count, "\(screen)")
        let due = rows.compactMap { column(of: "11-20 18:00", in: $0) }
        #expect(Set(due).count == 1, "deadlines start at columns \(due):\n\(screen)")
        #expect(rows.allSatisfy { libcColumns(String($0)) <= width }, "\(screen)")

        // The selection bar runs through the titles; an overlay comes and goes over them.
        try console.keys("j", "j", "n")
        try console.waitFor("新建 CASE 工单")
        try console.keys("Escape", "k")
        try fresh.keys("j", "j", "k")
        try expectSamePicture(console, as: fresh, "after moving over wide text and closing a form")
    }

    @Test func theCursorFollowsTibetanInAField() throws {
        let scratch = try scratch()
        defer { scratch.remove() }
        let console = try TmuxConsole(scratch, env: inColour)
        try console.waitFor("普通标题")
        let typed = "བཀྲ་ཤིས་"
        try console.keys("/")
        try console.type(typed)
        try console.waitFor("搜索：\(typed)")
        let expected = "\(libcColumns("搜索：") + libcColumns(typed)),38"
        var cursor = ""
        let atEnd = try waitUntil { cursor = try console.cursor(); return cursor == expected }
        #expect(atEnd, "the cursor stayed at \(cursor), not after the typed text at \(expected)")
        try console.keys("Left", "Left")   // back over ་ and ས: two characters, two columns
        let back = "\(libcColumns("搜索：") + libcColumns("བཀྲ་ཤི")),38"
        let movedBack = try waitUntil { cursor = try console.cursor(); return cursor == back }
        #expect(movedBack, "after Left, Left the cursor stayed at \(cursor), not at \(back)")
    }
}
