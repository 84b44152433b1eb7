import Foundation
import Testing

/// A desk with 才让 in the directory (English preferred), ticket #1 of theirs, ticket #2 of nobody
/// known, ticket #3 closed; template #1 for replies in both languages, #2 a Chinese note, #3
/// retired.
private enum TemplateDesk {
    static func make() throws -> String {
        let db = freshDatabase()
        #expect(ok(["requester", "add", "--name", "才让", "--office", "玉树州社保局", "--region", "yushu", "--language", "en"], db: db) == "1\n")
        #expect(ok(["case", "add", "--kind", "general", "--channel", "phone", "--title", "密码", "--requester", "1",
                    "--at", "2021-11-23T10:00:00+08:00"], db: db) == "1\n")
        #expect(addCase(db, title: "无请求人", at: "2021-11-23T10:00:00+08:00") == 2)
        #expect(addCase(db, title: "closed", at: "2021-11-23T10:00:00+08:00") == 3)
        ok(["case", "resolve", "3", "--cause", "c", "--solution", "s", "--at", "2021-11-23T11:00:00+08:00"], db: db)
        #expect(ok(["template", "add", "--title", "密码重置", "--text", "{{请求人}}您好，工单{{工单号}}的密码已重置。",
                    "--text-en", "Dear {{requester}}, the password of ticket {{ticket}} is reset; due {{deadline}}."], db: db) == "1\n")
        #expect(ok(["template", "add", "--title", "回访", "--text", "{{今天}}已电话回访{{请求人}}", "--use", "note"], db: db) == "2\n")
        #expect(ok(["template", "add", "--title", "old", "--text", "old one", "--lang", "en"], db: db) == "3\n")
        ok(["template", "retire", "3"], db: db)
        return db
    }
}

private let templateBadInputs: [BadInput] = [
    BadInput(label: "no text in any language", args: ["template", "add", "--title", "T"], mentions: ["--text"]),
    BadInput(label: "a blank title", args: ["template", "add", "--title", " ", "--text", "x"], mentions: ["--title"]),
    BadInput(label: "a title over the limit", args: ["template", "add", "--title", String(repeating: "长", count: 300), "--text", "x"],
             mentions: ["title"]),
    BadInput(label: "an unknown use", args: ["template", "add", "--title", "T", "--text", "x", "--use", "mail"], mentions: ["mail"]),
    BadInput(label: "English given twice", args: ["template", "add", "--title", "T", "--text", "x", "--text-en", "y", "--lang", "en"],
             mentions: ["--text-en"]),
    BadInput(label: "show of no template", args: ["template", "show", "9"], mentions: ["9"]),
    BadInput(label: "an edit of no template", args: ["template", "edit", "9", "--title", "x"], mentions: ["9"]),
    BadInput(label: "an edit that changes nothing", args: ["template", "edit", "1", "--title", "密码重置"], mentions: ["nothing changes"]),
    BadInput(label: "an edit from an older copy", args: ["template", "edit", "1", "--title", "x", "--version", "3"], mentions: ["version 1"]),
    BadInput(label: "an edit of a retired one", args: ["template", "edit", "3", "--title", "x"], mentions: ["retired"]),
    BadInput(label: "a retired one retired again", args: ["template", "retire", "3"], mentions: ["retired"]),
    BadInput(label: "a reply from a retired template", args: ["case", "reply", "1", "--template", "3"], mentions: ["retired"]),
    BadInput(label: "a reply from a note's template", args: ["case", "reply", "1", "--template", "2"], mentions: ["note"]),
    BadInput(label: "a reply from no template", args: ["case", "reply", "1", "--template", "9"], mentions: ["9"]),
    BadInput(label: "a reply with text and template", args: ["case", "reply", "1", "--template", "1", "--text", "x"],
             mentions: ["--text", "--template"]),
    BadInput(label: "a reply with neither", args: ["case", "reply", "1"], mentions: ["--text", "--template"]),
    BadInput(label: "a note with text and template", args: ["case", "note", "1", "--template", "2", "--text", "x"],
             mentions: ["--text", "--template"]),
    BadInput(label: "a reply to a ticket without requester leaves a placeholder",
             args: ["case", "reply", "2", "--template", "1"], mentions: ["{{requester}}"]),
    BadInput(label: "a note typed with a placeholder", args: ["case", "note", "1", "--text", "call {{请求人}}"], mentions: ["{{请求人}}"]),
    BadInput(label: "a reply to an unknown ticket", args: ["case", "reply", "9", "--template", "1"], mentions: ["9"]),
    BadInput(label: "a reply to a closed ticket", args: ["case", "reply", "3", "--template", "1"], mentions: ["closed"]),
]

@Suite("template and case reply/note --template on the command line", .scratch)
struct TemplateCommandTests {
    @Test("bad input is refused with status 2, a message on stderr, and no change", arguments: templateBadInputs)
    func refused(_ bad: BadInput) throws {
        bad.expectRefused(db: try TemplateDesk.make())
    }

    @Test func refusalsAreSaidInChinese() throws {
        let db = try TemplateDesk.make()
        let before = databaseDump(db)
        let r = helpdesk(["case", "note", "1", "--text", "请联系{{请求人}}", "--lang", "zh"], db: db)
        #expect(r.status == 2 && r.err.contains("未填写的占位符：{{请求人}}"), "\(r.err)")
        let t = helpdesk(["case", "reply", "1", "--template", "3", "--lang", "zh"], db: db)
        #expect(t.status == 2 && t.err.contains("模板 3 已停用"), "\(t.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func aReplyFromATemplateIsFilledInTheRequestersLanguage() throws {
        let db = try TemplateDesk.make()
        // 才让 prefers English in the directory: the English body, whatever the operator's language.
        #expect(ok(["case", "reply", "1", "--template", "1", "--lang", "zh", "--at", "2021-11-23T12:00:00+08:00"], db: db).hasPrefix("#1"))
        ok(["case", "note", "1", "--template", "2", "--at", "2021-11-23T12:30:00+08:00"], db: db)
        let entries = try #require(try JSONSerialization.jsonObject(with: Data(ok(["case", "timeline", "1", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(entries.map { $0["text"] as? String } == [
            "Dear 才让, the password of ticket #1 is reset; due Tue 2021-11-23 18:00.",
            "2021-11-23 周二已电话回访才让",
        ])
        #expect(entries.map { $0["kind"] as? String } == ["reply", "note"])
        // The templates are named in the ticket's history.
        let shown = ok(["show", "1", "--lang", "en"], db: db)
        #expect(shown.contains("responded   from template: #1 密码重置"), "\(shown)")
        #expect(shown.contains("note added  from template: #2 回访"), "\(shown)")
    }

    @Test func listShowEditAndRetire() throws {
        let db = try TemplateDesk.make()
        let list = ok(["template", "list"], db: db)
        #expect(list.contains("密码重置") && list.contains("zh,en") && list.contains("回访") && !list.contains("old"), "\(list)")
        #expect(ok(["template", "list", "--all"], db: db).contains("retired"))
        let english = try #require(try JSONSerialization.jsonObject(with: Data(ok(["template", "list", "--lang", "en", "--json"], db: db).utf8)) as? [[String: Any]])
        #expect(english.map { $0["id"] as? Int } == [1])
        let zh = ok(["template", "show", "1", "--lang", "zh"], db: db)
        #expect(zh.contains("[中文]") && zh.contains("[英文]") && zh.contains("用途: 答复"), "\(zh)")
        #expect(ok(["template", "edit", "2", "--use", "reply", "--version", "1"], db: db) == "template 2 edited (version 2)\n")
        let shown = jsonObject(ok(["template", "show", "2", "--json"], db: db))
        #expect(shown["use"] as? String == "reply" && shown["version"] as? Int == 2 && shown["edited_by"] as? String == currentUser)
        #expect(ok(["template", "retire", "2"], db: db) == "template 2 retired\n")
        #expect(jsonObject(ok(["template", "show", "2", "--json"], db: db))["retired"] as? Bool == true)
    }

    @Test func textFromTheDatabaseIsNotWrittenRaw() throws {
        let db = freshDatabase()
        ok(["template", "add", "--title", "bad \u{1B}[2J", "--text", "line \u{07}\nnext"], db: db)
        let shown = ok(["template", "show", "1"], db: db)
        #expect(!shown.contains("\u{1B}") && !shown.contains("\u{07}") && shown.contains("next"), "\(shown.debugDescription)")
        #expect(!ok(["template", "list"], db: db).contains("\u{1B}"))
    }
}
