import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private func staffed() throws -> (AppDatabase, Context) {
    let (db, ctx) = try makeDatabase()
    try db.addStaff(StaffMember(username: "lina", name: "李娜", phone: "13800000003", role: .onsite), ctx)
    try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
    return (db, ctx)
}

private func caseWith(phone: String?) -> NewCase {
    NewCase(kind: .general, channel: .phone, region: .xining, title: "社保卡挂失", requesterName: "王建华",
            requesterOffice: "西宁市社保局", requesterPhone: phone)
}

private func search(_ db: AppDatabase, _ text: String) throws -> [Int64] {
    try db.items(ItemFilter(text: text)).compactMap(\.id)
}

private func key(_ db: AppDatabase, _ id: Int64) throws -> String? {
    try db.writer.read { try String.fetchOne($0, sql: "SELECT requester_phone_key FROM item WHERE id = ?", arguments: [id]) }
}

@Suite("Phones and notices in the store")
struct DeskWorkStoreTests {
    // MARK: Phones

    @Test func aPhoneIsKeptAsTypedWithItsKeyAndFoundHoweverItIsTyped() throws {
        let (db, ctx) = try makeDatabase()
        let at = t("2021-11-23T10:00:00+08:00")
        let office = try db.addCase(caseWith(phone: "0971 6464897 转 8001"), at: at, ctx)
        let mobile = try db.addCase(caseWith(phone: "+86 138 0000 0000"), at: at, ctx)
        let other = try db.addCase(caseWith(phone: "0972-8123456"), at: at, ctx)
        #expect(try db.item(office.id!).requesterPhone == "0971 6464897 转 8001")
        #expect(try key(db, office.id!) == "09716464897#8001")
        #expect(try key(db, mobile.id!) == "13800000000")
        for text in ["6464897", "0971-6464897", "(0971)6464897", "0971 6464897 转 8001", "+86 971 6464897", "09716464897"] {
            #expect(try search(db, text) == [office.id!], "\(text)")
        }
        #expect(try search(db, "138-0000-0000") == [mobile.id!])
        #expect(try search(db, "13800000000") == [mobile.id!])
        #expect(try search(db, "8123456") == [other.id!])
        // Text that is not a phone is searched as before.
        #expect(try search(db, "社保卡").count == 3)
        // Paging and counting agree with the list.
        let page = try db.page(ItemFilter(text: "0971-6464897"), countCap: 1000)
        #expect(page.items.compactMap(\.id) == [office.id!] && page.total.value == 1)
    }

    @Test func aChangedPhoneChangesItsKey() throws {
        let (db, ctx) = try makeDatabase()
        let item = try db.addCase(caseWith(phone: "6464897"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        try db.writer.write { db in
            var stored = try WorkItem.fetchOne(db, key: item.id!)!
            stored.requesterPhone = "(0971)7000000"
            try stored.update(db)
        }
        #expect(try key(db, item.id!) == "09717000000")
        #expect(try search(db, "0971-7000000") == [item.id!])
        #expect(try search(db, "6464897").isEmpty)
    }

    @Test func badPhonesAreRefusedSayingWhatIsWrong() throws {
        let (db, ctx) = try makeDatabase()
        let at = t("2021-11-23T10:00:00+08:00")
        expectInvalid("--phone: '1234' is not a phone number: only 4 digits; at least 5; accepted: 0971-6464897, (0971)6464897, 6464897, 13800000000, +86 138 0000 0000, 12333, an extension after 转, ext, x or -") {
            _ = try db.addCase(caseWith(phone: "1234"), at: at, ctx)
        }
        do {
            _ = try db.addCase(caseWith(phone: "0971-6464897 ext 1234567"), at: at, ctx)
            Issue.record("a seven-digit extension accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("an extension (after 转, ext or x) is 1 to 6 digits"))
        }
        do {
            try db.addStaff(StaffMember(username: "wang", name: "王", phone: "1380000000", role: .onsite), ctx)
            Issue.record("a ten-digit mobile accepted")
        } catch let error as StoreError {
            #expect(error.description.contains("a mobile number has 11 digits (this has 10)"))
        }
        #expect(try db.items(ItemFilter()).isEmpty)
    }

    // MARK: Assignment notices

    @Test func assigningWritesANoticeForTheAssigneeWithItsShape() throws {
        let (db, ctx) = try staffed()
        let item = try db.addCase(caseWith(phone: nil), at: t("2021-11-23T10:00:00+08:00"), ctx)
        _ = try db.assign(item.id!, to: "lina", at: ctx.now, ctx)
        let outbox = try db.outbox(pendingOnly: true)
        #expect(outbox.count == 1)
        let entry = try #require(outbox.first)
        #expect(entry.kind == .assignment && entry.step == nil && entry.itemId == item.id!)
        #expect(entry.text(.zh) == "【指派】#\(item.id!) 一般问题 社保卡挂失。zhaolei 指派给 lina，时限 2021-11-23 18:00。")
        #expect(entry.text(.en) == "[Assigned] #\(item.id!) general 社保卡挂失. zhaolei gave it to lina; due 2021-11-23 18:00.")
        // The assignee's console is told; nobody else's.
        #expect(try db.notices(for: "lina", after: 0).map(\.id) == [entry.id])
        #expect(try db.notices(for: "zhaolei", after: 0).isEmpty)
        let claimed = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        let json = try JSONSerialization.jsonObject(with: Data(claimed[0].payload.utf8)) as! [String: Any]
        #expect(Set(json.keys) == ["event_id", "kind", "item", "assignee", "by", "at", "people", "text"])
        #expect(json["event_id"] as? String == claimed[0].eventID && json["kind"] as? String == "assignment")
        #expect(json["assignee"] as? String == "lina" && json["by"] as? String == "zhaolei")
        #expect(json["at"] as? String == "2021-11-23T16:00:00+08:00")
        let described = try #require(json["item"] as? [String: Any])
        #expect(Set(described.keys) == ["id", "kind", "title", "region", "due_at"])
        #expect(described["id"] as? Int == Int(item.id!) && described["kind"] as? String == "general")
        #expect(described["region"] as? String == "西宁市" && described["due_at"] as? String == "2021-11-23T18:00:00+08:00")
        let people = try #require(json["people"] as? [[String: Any]])
        #expect(people.count == 1 && people[0]["username"] as? String == "lina" && people[0]["phone"] as? String == "13800000003")
        #expect((json["text"] as? String)?.hasPrefix("【指派】") == true)
    }

    @Test func takingOnesOwnItemNotifiesNobody() throws {
        let (db, ctx) = try staffed()
        let item = try db.addCase(caseWith(phone: nil), at: t("2021-11-23T10:00:00+08:00"), ctx)
        _ = try db.assign(item.id!, to: ctx.actor, at: ctx.now, ctx)
        #expect(try db.outbox(pendingOnly: false).isEmpty)
        #expect(try db.item(item.id!).assignee == ctx.actor)
    }

    @Test func aRefusedAssignmentWritesNoNotice() throws {
        let (db, ctx) = try staffed()
        let item = try db.addCase(caseWith(phone: nil), at: t("2021-11-23T10:00:00+08:00"), ctx)
        var guest = ctx
        guest.actor = "guest"
        #expect(throws: StoreError.self) { _ = try db.assign(item.id!, to: "lina", at: ctx.now, guest) }
        #expect(throws: StoreError.self) { _ = try db.assign(item.id!, to: "nobody", at: ctx.now, ctx) }
        #expect(try db.outbox(pendingOnly: false).isEmpty)
        #expect(try db.item(item.id!).assignee == nil)
    }

    @Test func anAssignmentNoticeIsRetriedAsAnEscalationNoticeIs() throws {
        let (db, ctx) = try staffed()
        let item = try db.addCase(caseWith(phone: nil), at: t("2021-11-23T10:00:00+08:00"), ctx)
        _ = try db.assign(item.id!, to: "lina", at: ctx.now, ctx)
        let first = try db.claimNotifications(now: ctx.now, lease: 60, ctx)
        #expect(first.count == 1)
        #expect(try db.claimNotifications(now: ctx.now, lease: 60, ctx).isEmpty)          // leased
        try db.markFailed(first[0].id, at: ctx.now, error: "exit status 1", retryAfter: 30, ctx)
        #expect(try db.claimNotifications(now: ctx.now.addingTimeInterval(29), lease: 60, ctx).isEmpty)
        let again = try db.claimNotifications(now: ctx.now.addingTimeInterval(30), lease: 60, ctx)
        #expect(again.map(\.id) == first.map(\.id) && again[0].attempts == 1)
        try db.markDelivered(again[0].id, at: ctx.now.addingTimeInterval(30), ctx)
        #expect(try db.outbox(pendingOnly: true).isEmpty)
        #expect(try db.claimNotifications(now: ctx.now.addingTimeInterval(3600), lease: 60, ctx).isEmpty)
    }

    @Test func aNoticeOfAKindThisProgramDoesNotKnowIsRefusedWhenRead() throws {
        let (db, ctx) = try staffed()
        let item = try db.addCase(caseWith(phone: nil), at: t("2021-11-23T10:00:00+08:00"), ctx)
        _ = try db.assign(item.id!, to: "lina", at: ctx.now, ctx)
        try db.writer.write { try $0.execute(sql: "UPDATE notification SET kind = 'requester'") }
        #expect(throws: UnreadableValue.self) { _ = try db.outbox(pendingOnly: false) }
        // An escalation notice without its step is refused by the table.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE notification SET kind = 'escalation'") }
        }
    }

    // MARK: An older database

    @Test func anOlderDatabaseGetsItsPhoneKeysAndItsNoticesKeepWorking() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("desk-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("older.sqlite").path
        let q = try DatabaseQueue(path: path)
        let at = t("2021-11-23T10:00:00+08:00").dbSeconds
        try q.write { db in
            try db.execute(sql: "CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY)")
            for migration in AppDatabase.migrations.prefix(while: { $0.identifier != "v15: phone keys, notices of any kind" }) {
                try migration.migrate(db)
                try db.execute(sql: "INSERT INTO grdb_migrations (identifier) VALUES (?)", arguments: [migration.identifier])
            }
            try db.execute(sql: """
                INSERT INTO staff (username, name, role) VALUES ('zhaolei', '赵磊', 'supervisor'), ('lina', '李娜', 'onsite');
                INSERT INTO item (id, kind, status, title, region, channel, requester_phone, received_at, due_at, created_at, created_by, updated_at)
                    VALUES (1, 'general', 'open', '社保卡挂失', 'xining', 'phone', '0971 6464897 转 8001', \(at), \(at) + 28800, \(at), 'zhaolei', \(at)),
                           (2, 'general', 'open', '密码重置', 'xining', 'phone', '1234', \(at), \(at) + 28800, \(at), 'zhaolei', \(at));
                INSERT INTO item (id, kind, status, title, region, level, received_at, due_at, created_at, created_by, updated_at)
                    VALUES (3, 'fault', 'open', '记账程序报错', 'haidong', 2, \(at), \(at) + 86400, \(at), 'zhaolei', \(at));
                INSERT INTO escalation (id, item_id, step, level, due_at, taken_at, taken_by, by_rule, reason)
                    VALUES (1, 3, 'T0', 2, \(at), \(at), 'zhaolei', 1, 'rule');
                INSERT INTO notification (id, escalation_id, item_id, created_at, payload, text, next_attempt_at)
                    VALUES (1, 1, 3, \(at), '{"step":"T0"}', '旧通知', \(at)), (2, 1, 3, \(at), '{"step":"T0"}', '旧通知', \(at));
                INSERT INTO notification_recipient (notification_id, username) VALUES (1, 'lina'), (2, 'lina');
                DELETE FROM notification_recipient WHERE notification_id = 2;
                DELETE FROM notification WHERE id = 2;
                """)
        }
        try q.close()

        let db = try AppDatabase.open(path: path)
        let ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))
        #expect(try key(db, 1) == "09716464897#8001")
        #expect(try key(db, 2) == "1234")
        #expect(try search(db, "0971-6464897") == [1])
        #expect(try search(db, "1234") == [2])
        #expect(try db.checkSummaries() == [])
        // The escalation notice is one still, with its recipient and its text.
        let old = try db.outbox(pendingOnly: false)
        #expect(old.map(\.id) == [1] && old[0].kind == .escalation && old[0].step == .T0 && old[0].text(.zh) == "旧通知")
        #expect(try db.notices(for: "lina", after: 0).map(\.id) == [1])
        // An id once handed out is not handed out again.
        _ = try db.assign(1, to: "lina", at: ctx.now, ctx)
        #expect(try db.outbox(pendingOnly: false).map(\.id) == [3, 1])
        let kinds = try db.writer.read { try String.fetchAll($0, sql: "SELECT kind FROM notification ORDER BY id") }
        #expect(kinds == ["escalation", "assignment"])
    }
}
