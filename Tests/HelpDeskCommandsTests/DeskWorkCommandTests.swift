import Foundation
import Testing

/// Taking and assigning from the command line, the outbox's notices of every kind, and phones as
/// people write them.
@Suite("The desk's work from the command line", .serialized, .scratch)
struct DeskWorkCommandTests {
    static let received = "2021-11-23T10:00:00+08:00"

    @Test func takeGivesTheItemToTheOperatorAndNotifiesNobody() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        #expect(ok(["case", "take", "\(id)"], db: db) == "#\(id) taken by \(currentUser)\n")
        #expect(jsonObject(ok(["show", "\(id)", "--json"], db: db))["assignee"] as? String == currentUser)
        #expect(ok(["notify", "list", "--json"], db: db).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
        // Taken twice: refused, exit 2.
        let again = helpdesk(["case", "take", "\(id)"], db: db)
        #expect(again.status == 2 && again.err.contains("already assigned to \(currentUser)"), "\(again.err)")
    }

    @Test func assignGivesTheItemToAMemberOfStaffWhoIsNotified() {
        let db = freshDatabase()
        ok(["staff", "add", "lina", "--name", "李娜", "--phone", "13800000003", "--role", "onsite"], db: db)
        let id = addCase(db, title: "社保卡挂失", at: Self.received)
        #expect(ok(["case", "assign", "\(id)", "lina"], db: db) == "#\(id) assigned to lina\n")
        #expect(jsonObject(ok(["show", "\(id)", "--json"], db: db))["assignee"] as? String == "lina")
        let entries = (try? JSONSerialization.jsonObject(with: Data(ok(["notify", "list", "--json"], db: db).utf8))) as? [[String: Any]] ?? []
        #expect(entries.count == 1)
        let entry = entries.first ?? [:]
        #expect(entry["kind"] as? String == "assignment" && entry["item"] as? Int == id)
        #expect(entry["fault"] is NSNull && entry["step"] is NSNull)
        #expect((entry["text"] as? String)?.contains("gave it to lina") == true)
        let table = ok(["notify", "list"], db: db)
        #expect(table.contains("assignment") && table.contains("#\(id)"), "\(table)")
        #expect(ok(["notify", "list", "--lang", "zh"], db: db).contains("指派"))
    }

    @Test func assigningToSomeoneUnknownOrAClosedItemIsRefusedAndChangesNothing() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        let closed = addCase(db, at: Self.received)
        ok(["case", "resolve", "\(closed)", "--cause", "c", "--solution", "s"], db: db)
        ok(["staff", "add", "lina", "--name", "李娜", "--role", "onsite"], db: db)
        let before = databaseDump(db)
        for (args, says) in [(["case", "assign", "\(id)", "nobody"], "nobody"),
                             (["case", "assign", "\(closed)", "lina"], "closed"),
                             (["case", "take", "999"], "999")] {
            let r = helpdesk(args, db: db)
            #expect(r.status == 2, "\(args): \(r.status) \(r.err)")
            #expect(r.err.contains(says), "\(args): \(r.err)")
        }
        let zh = helpdesk(["case", "assign", "\(id)", "nobody", "--lang", "zh"], db: db)
        #expect(zh.status == 2 && zh.err.unicodeScalars.contains { $0.value >= 0x4E00 && $0.value <= 0x9FFF }, "\(zh.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func aViewerMayNeitherTakeNorAssign() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received)
        ok(["staff", "add", "lina", "--name", "李娜", "--role", "onsite"], db: db)
        ok(["staff", "add", "zhaolei", "--name", "赵磊", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "viewer"], db: db, env: ["HELPDESK_NOW": ""])
        let before = databaseDump(db)
        for args in [["case", "take", "\(id)"], ["case", "assign", "\(id)", "lina"]] {
            let r = helpdesk(args, db: db, env: ["HELPDESK_NOW": ""])
            #expect(r.status == 2 && r.err.contains("viewer"), "\(args): \(r.status) \(r.err)")
        }
        #expect(databaseDump(db) == before)
    }

    @Test func theNotifyCommandDeliversAnAssignmentNotice() throws {
        let db = freshDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent().path
        systemConfig(db, "notify_command = \"cat >> '\(dir)/delivered'; echo >> '\(dir)/delivered'\"\n")
        ok(["staff", "add", "lina", "--name", "李娜", "--phone", "13800000003", "--role", "onsite"], db: db)
        let id = addCase(db, title: "社保卡挂失", at: Self.received)
        ok(["case", "assign", "\(id)", "lina"], db: db)
        let r = helpdesk(["notify", "deliver"], db: db)
        #expect(r.status == 0, "\(r.err)")
        let delivered = try String(contentsOfFile: "\(dir)/delivered", encoding: .utf8)
        let events = delivered.split(separator: "\n")
        #expect(events.count == 1)
        let event = jsonObject(String(events.first ?? ""))
        #expect(event["kind"] as? String == "assignment" && event["assignee"] as? String == "lina")
        #expect(event["by"] as? String == currentUser && (event["event_id"] as? String)?.count == 32)
        #expect((event["item"] as? [String: Any])?["id"] as? Int == id)
        #expect(((event["people"] as? [[String: Any]])?.first)?["phone"] as? String == "13800000003")
        #expect((event["text"] as? String)?.hasPrefix("【指派】#\(id)") == true)
        #expect(ok(["notify", "list", "--pending", "--json"], db: db).trimmingCharacters(in: .whitespacesAndNewlines) == "[]")
    }

    @Test func aPhoneIsTypedAsAnOfficeWritesItAndFoundHoweverItIsSearched() {
        let db = freshDatabase()
        let id = addCase(db, at: Self.received, extra: ["--phone", "0971 6464897 转 8001"])
        let shown = jsonObject(ok(["show", "\(id)", "--json"], db: db))
        #expect((shown["requester"] as? [String: Any])?["phone"] as? String == "0971 6464897 转 8001")
        for search in ["6464897", "0971-6464897", "(0971)6464897"] {
            #expect(listIds(ok(["case", "list", "--search", search, "--json"], db: db)) == [id], "\(search)")
        }
        let before = databaseDump(db)
        let short = helpdesk(["case", "add", "--kind", "general", "--channel", "phone", "--region", "xining", "--title", "t",
                              "--phone", "1234"], db: db)
        #expect(short.status == 2 && short.err.contains("only 4 digits; at least 5"), "\(short.err)")
        let staff = helpdesk(["staff", "add", "wang", "--name", "王", "--phone", "0971 6464897 ext 1234567", "--role", "onsite"], db: db)
        #expect(staff.status == 2 && staff.err.contains("1 to 6 digits"), "\(staff.err)")
        #expect(databaseDump(db) == before)
        ok(["staff", "add", "wang", "--name", "王", "--phone", "(0971)6464897-8002", "--role", "onsite"], db: db)
    }
}
