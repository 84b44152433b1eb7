import Foundation
import GRDB
import PropertyBased
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// The store keeps every text field to `TextRules`, whichever operation writes it.
@Suite("Text rules in the store")
struct TextRuleStoreTests {
    /// The writes that take text from a person, each given `text` in one of its fields.
    static let writes: [(name: String, write: @Sendable (AppDatabase, Context, String) throws -> Void)] = [
        ("case title", { db, ctx, s in _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: s), at: ctx.now, ctx) }),
        ("case description", { db, ctx, s in _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "t", description: s), at: ctx.now, ctx) }),
        ("requester", { db, ctx, s in _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "t", requesterName: s), at: ctx.now, ctx) }),
        ("office", { db, ctx, s in _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "t", requesterOffice: s), at: ctx.now, ctx) }),
        ("note", { db, ctx, s in _ = try db.respond(1, note: s, at: ctx.now, ctx) }),
        ("cause", { db, ctx, s in _ = try db.resolve(1, cause: s, solution: "s", at: ctx.now, ctx) }),
        ("solution", { db, ctx, s in _ = try db.resolve(1, cause: "c", solution: s, at: ctx.now, ctx) }),
        ("fault title", { db, ctx, s in _ = try db.addFault(NewFault(level: .three, region: .haixi, title: s), at: ctx.now, ctx) }),
        ("fault description", { db, ctx, s in _ = try db.addFault(NewFault(level: .three, region: .haixi, title: "t", description: s), at: ctx.now, ctx) }),
        ("escalation reason", { db, ctx, s in _ = try db.escalateManually(2, reason: s, at: ctx.now, ctx) }),
        ("raise reason", { db, ctx, s in _ = try db.raise(2, to: .one, reason: s, at: ctx.now, ctx) }),
        ("staff name", { db, ctx, s in try db.addStaff(StaffMember(username: "wang", name: s, role: .onsite), ctx) }),
    ]

    /// A database with #1 a general ticket and #2 a level-3 fault.
    static func desk() throws -> (AppDatabase, Context) {
        let (db, ctx) = try makeDatabase()
        _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: "登录失败"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        _ = try db.addFault(NewFault(level: .three, region: .haixi, title: "打印异常"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        return (db, ctx)
    }

    static func dump(_ db: AppDatabase) throws -> [String] {
        try db.read { conn in
            try ["item", "history", "escalation", "staff"].flatMap { table in
                try Row.fetchAll(conn, sql: "SELECT * FROM \(table) ORDER BY rowid").map { "\(table) \($0)" }
            }
        }
    }

    static let pieces = Gen<String?>.element(of: ["a", "青海", " ", "\u{1B}]52;c;aGk=\u{7}", "\u{1B}[2J", "\u{9B}", "\u{202E}", "\u{2066}",
                                                  "\n", "\r", "\t", "\u{7F}", "\u{0}", "👨‍👩‍👧"]).compactMap { $0 }
        .array(of: 1...6).map { "x" + $0.joined() + "y" }

    @Test("any text is stored intact in any field, unless it holds a NUL: then nothing is written and the field is named")
    func everyWrite() async throws {
        await propertyCheck(count: 120, input: Self.pieces, Gen.int(in: 0...(Self.writes.count - 1))) { (text, which) throws in
            let (db, ctx) = try Self.desk()
            let before = try Self.dump(db)
            let (name, write) = Self.writes[which]
            do {
                try write(db, ctx, text)
                #expect(!text.contains("\u{0}"), "\(name) stored a NUL")
                let stored = try db.read { conn in
                    try String.fetchAll(conn, sql: """
                        SELECT title FROM item UNION ALL SELECT description FROM item UNION ALL SELECT requester_name FROM item
                        UNION ALL SELECT requester_office FROM item UNION ALL SELECT cause FROM item UNION ALL SELECT solution FROM item
                        UNION ALL SELECT note FROM history UNION ALL SELECT reason FROM escalation UNION ALL SELECT name FROM staff
                        """)
                }
                #expect(stored.contains(text), "\(name): \(text.debugDescription) not stored intact")
            } catch let error as StoreError {
                #expect(text.contains("\u{0}"), "\(name) refused \(text.debugDescription): \(error)")
                #expect(error.message(.en).contains("NUL") && error.message(.zh).contains("NUL"))
                #expect(try Self.dump(db) == before, "a refused write changes nothing")
            }
        }
    }

    @Test("a title over 200 characters and a note over 64 KiB are refused by the store, naming the field and the limit")
    func limits() throws {
        let (db, ctx) = try Self.desk()
        expectInvalid("the title is 201 characters long; at most 200 are accepted") {
            _ = try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: String(repeating: "青", count: 201)), at: ctx.now, ctx)
        }
        expectInvalid("the note is 65537 bytes long; at most 65536 bytes (64 KiB) are accepted") {
            _ = try db.respond(1, note: String(repeating: "n", count: 65_537), at: ctx.now, ctx)
        }
        expectInvalid("the staff member's name is 201 characters long; at most 200 are accepted") {
            try db.addStaff(StaffMember(username: "wang", name: String(repeating: "王", count: 201), role: .onsite), ctx)
        }
        _ = try db.respond(1, note: String(repeating: "日", count: 65_536 / 3), at: ctx.now, ctx)
    }
}

@Suite("Text rules and items stored before them")
struct TextRuleOlderItemTests {
    @Test("an item whose title is longer than the rule allows can still be answered and closed; a change to the title is held to the rule")
    func olderItemsStayEditable() throws {
        let (db, ctx) = try TextRuleStoreTests.desk()
        let long = String(repeating: "旧", count: TextRules.lineLimit + 50)
        try db.writer.write { conn in try conn.execute(sql: "UPDATE item SET title = ? WHERE id = 1", arguments: [long]) }
        _ = try db.respond(1, note: "已回复", at: ctx.now, ctx)
        _ = try db.resolve(1, cause: "原因", solution: "方案", at: ctx.now, ctx)
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT title FROM item WHERE id = 1") } == long)
        var item = try #require(try db.read { try WorkItem.fetchOne($0, key: 1) })
        item.title = long + "新"
        #expect(throws: StoreError.self) { try db.writer.write { try item.update($0) } }
    }
}
