import Foundation
import Testing

/// The fault an import opened, in the real console in either language: the inspection's readings
/// and the fault's details say it in the reader's language, never the other one's words.
@Suite("Inspection findings in the reader's language, end to end", .serialized)
struct InspectionLanguageEndToEndTests {
    @Test(arguments: ["zh_CN.UTF-8", "C.UTF-8"])
    func theFaultAnImportOpenedReadsInTheConsolesLanguage(_ locale: String) throws {
        let zh = locale.hasPrefix("zh")
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.dir.appendingPathComponent("inspection.json")
        try Data("""
            {"at": "2026-11-20T09:30:00+08:00", "inspector": "王芳", "kind": "database",
             "readings": [{"check": "tablespace", "target": "YLBX_DATA", "value": 93.5}]}
            """.utf8).write(to: file)
        #expect(try scratch.cli(["inspect", "import", file.path]).out == "1\n")
        let title = zh ? "表空间 YLBX_DATA 使用率 93.5%，须立即扩容" : "tablespace YLBX_DATA at 93.5%: expand at once"
        let other = zh ? "expand at once" : "须立即扩容"
        let console = try TmuxConsole(scratch, env: ["LANG": locale])
        var screen = try console.waitFor(zh ? "CASE 队列" : "CASE queue")
        try console.keys("7")
        screen = try console.waitFor(zh ? "巡检 (1)" : "Inspections (1)")
        try console.keys("Enter")
        screen = try console.waitFor(zh ? "巡检 #1 数据库巡检" : "Inspection #1")
        #expect(screen.contains(title) && !screen.contains(other), "\(screen)")
        try console.keys("Enter")
        screen = try console.waitFor(zh ? "巡检 #1 · 王芳" : "inspection #1 · 王芳")
        #expect(screen.contains(title) && !screen.contains(other), "\(screen)")
        // Back one place at a time: the readings, then the list.
        try console.keys("Escape")
        try console.waitFor(zh ? "巡检 #1 数据库巡检" : "Inspection #1")
        try console.keys("Escape")
        try console.waitFor(zh ? "巡检 (1)" : "Inspections (1)")
        try console.keys("q")
        try console.waitFor(zh ? "CASE 队列" : "CASE queue")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}
