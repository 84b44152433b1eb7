import Foundation
import Testing

/// What the item commands print that was said only in English reads Chinese with `--lang zh`,
/// and the English as before.
@Suite("Item commands' messages in the reader's language", .scratch)
struct ItemMessageTests {
    @Test func raisingAFaultSaysItsLevelInEitherLanguage() {
        let db = freshDatabase()
        let id = addFault(db, level: 3, at: "2021-11-23T15:00:00+08:00")
        let zh = ok(["fault", "raise", "\(id)", "--level", "2", "--reason", "扩散", "--lang", "zh"], db: db)
        #expect(zh.hasPrefix("#\(id) 级别 2 → 2021-"), "\(zh)")
        let en = ok(["fault", "raise", "\(id)", "--level", "1", "--reason", "spread", "--lang", "en"], db: db)
        #expect(en.hasPrefix("#\(id) level 1 → 2021-"), "\(en)")
    }

    @Test func acknowledgingSaysWhoInChinese() {
        let db = freshDatabase()
        let id = addFault(db, level: 1, at: "2021-11-23T15:00:00+08:00")
        ok(["staff", "add", "boss", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "expert"], db: db)
        let out = ok(["fault", "ack", "\(id)", "--lang", "zh"], db: db, env: ["HELPDESK_NOW": ""])
        #expect(out == "#\(id) T1 已由 \(currentUser) 确认\n", "\(out)")
    }

    @Test func aDescriptionGivenTwiceIsRefusedInChinese() {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "d.txt", "日志")
        let args = ["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "T",
                    "--description", "x", "--description-file", file]
        let zh = helpdesk(args + ["--lang", "zh"], db: db)
        #expect(zh.status == 2 && zh.err.contains("请给 --description 或 --description-file，不要同时给"), "\(zh.err)")
        let en = helpdesk(args + ["--lang", "en"], db: db)
        #expect(en.status == 2 && en.err.contains("give --description or --description-file, not both"), "\(en.err)")
    }
}
