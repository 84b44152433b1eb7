import Foundation
import Testing

/// Inspections in the real console: an imported one with its readings, Enter through to the fault
/// it opened, and one entered by hand in the form that opens a task.
@Suite("Inspections end to end", .serialized)
struct InspectionEndToEndTests {
    @Test func anImportedInspectionShowsItsReadingsAndOpensTheFaultItCalledFor() throws {
        let scratch = try Scratch()
        defer { scratch.remove() }
        let file = scratch.dir.appendingPathComponent("inspection.json")
        try Data("""
            {"at": "2026-11-20T09:30:00+08:00", "inspector": "王芳", "kind": "database",
             "readings": [{"check": "tablespace", "target": "YLBX_DATA", "value": 93.5},
                          {"check": "cpu", "target": "app03", "value": 71}]}
            """.utf8).write(to: file)
        let id = try scratch.cli(["inspect", "import", file.path]).out.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(id == "1")
        let console = try TmuxConsole(scratch)
        try console.waitFor("CASE 队列")
        try console.keys("7")
        var screen = try console.waitFor("巡检 (1)")
        #expect(screen.contains("王芳") && screen.contains("数据库巡检") && !screen.contains("故障看板 ("))
        try console.keys("Enter")
        screen = try console.waitFor("巡检 #1 数据库巡检")
        #expect(screen.contains("93.5%") && screen.contains("> 90%") && screen.contains("+#1"))
        #expect(screen.contains("表空间 YLBX_DATA 使用率 93.5%，须立即扩容"))
        try console.keys("Enter")
        screen = try console.waitFor("#1 2级故障")
        #expect(screen.contains("表空间 YLBX_DATA"))
        // Back one place a key: the readings, then the list.
        try console.keys("Escape")
        try console.waitFor("巡检 #1 数据库巡检")
        try console.keys("Escape")
        try console.waitFor("巡检 (1)")

        // By hand: a disk over its threshold opens a task.
        try console.keys("n")
        try console.waitFor("录入巡检")
        try console.keys("Tab", "Tab", "Tab")                     // kind (database), at (now), inspector (the operator)
        try console.type("disk app05:/u01 88; sessions db 340")
        try console.keys("C-s")
        screen = try console.waitFor("已登记巡检 #2")
        #expect(screen.contains("开立 #2"))
        try console.waitFor("巡检 (2)")
        let json = try scratch.cli(["inspect", "show", "2", "--json"]).out
        #expect(json.contains("\"source\":\"manual\"") && json.contains("\"opened\":[2]"))
        let task = try scratch.cli(["task", "show", "2", "--json", "--lang", "zh"]).out
        #expect(task.contains("app05:/u01 磁盘使用率 88%"))
        try console.keys("q")
        try console.waitFor("CASE 队列")
        try console.keys("q")
        try console.waitFor("[exited 0]")
    }
}
