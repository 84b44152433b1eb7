import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

private let pdf = Data("%PDF-1.4\n签字扫描件\n".utf8)

private func withTicket() throws -> (AppDatabase, Context, Int64) {
    let (db, ctx) = try makeDatabase()
    let item = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
    return (db, ctx, item.id!)
}

private func dump(_ db: AppDatabase) throws -> [String] {
    try db.read { db in
        try ["attachment", "history", "audit"].flatMap { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY id").map { "\(table) \($0)" }
        }
    }
}

@Suite("Attachments in the store")
struct AttachmentStoreTests {
    @Test func anAttachmentKeepsItsHashTypeAndSafeNameAndIsInHistory() throws {
        let (db, ctx, id) = try withTicket()
        let info = try db.addAttachment(to: .item(id), name: "../签字.png", content: pdf, ctx)
        #expect(info.name == "_签字.png" && info.type == .pdf && info.size == pdf.count && info.addedBy == "zhaolei")
        #expect(info.sha256 == AppDatabase.sha256(pdf) && info.sha256.count == 64)
        #expect(AppDatabase.sha256(Data("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(try db.attachments(of: .item(id)) == [info])
        #expect(try db.attachmentContent(info.id).1 == pdf)
        let (_, history) = try db.itemWithHistory(id)
        #expect(history.contains { $0.event == .attached && $0.field == .attachment && $0.newValue == info.recorded })
    }

    @Test func inspectionsTakeAttachmentsOfTheirOwn() throws {
        let (db, ctx) = try makeDatabase()
        let outcome = try db.recordInspection(NewInspection(at: t("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .business,
                                                                    readings: [InspectionReading(check: .visit, target: "xining", value: .text("正常"))]),
                                              source: .manual, ctx)
        let info = try db.addAttachment(to: .inspection(outcome.id), name: "巡检记录.txt", content: Data("正常\n".utf8), ctx)
        #expect(info.owner == .inspection(outcome.id) && info.type == .text)
        #expect(try db.attachments(of: .inspection(outcome.id)) == [info])
        #expect(try db.read { try String.fetchOne($0, sql: "SELECT what FROM audit ORDER BY id DESC LIMIT 1") }?.contains("inspection #\(outcome.id)") == true)
        expectInvalid("there is no inspection 99; see inspect list") { _ = try db.addAttachment(to: .inspection(99), name: "x", content: pdf, ctx) }
    }

    @Test func overTheLimitOrForAnUnknownItemNothingIsStored() throws {
        let (db, ctx, id) = try withTicket()
        var small = ctx
        small.attachmentLimit = 10
        let before = try dump(db)
        expectInvalid("the file is 11 bytes (11 B), over the attachment limit of 10 B; nothing was stored. A supervisor sets the limit with helpdesk config set attachment.max_mb") {
            _ = try db.addAttachment(to: .item(id), name: "a.txt", content: Data(repeating: 0x61, count: 11), small)
        }
        #expect(throws: StoreError.notFound(id: 404)) { try db.addAttachment(to: .item(404), name: "a", content: pdf, ctx) }
        #expect(try dump(db) == before)
        _ = try db.addAttachment(to: .item(id), name: "a.txt", content: Data(repeating: 0x61, count: 10), small)
    }

    @Test func viewersMayNotAttach() throws {
        let (db, ctx, id) = try withTicket()
        try db.addStaff(StaffMember(username: "guest", name: "访客", role: .viewer), ctx)
        var guest = ctx
        guest.actor = "guest"
        #expect(throws: StoreError.notPermitted(.viewer(user: "guest"))) { try db.addAttachment(to: .item(id), name: "a", content: pdf, guest) }
    }

    @Test func attachmentsAreAppendOnlyInTheDatabaseItself() throws {
        let (db, ctx, id) = try withTicket()
        let info = try db.addAttachment(to: .item(id), name: "a.pdf", content: pdf, ctx)
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "DELETE FROM attachment") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE attachment SET name = 'b.pdf'") } }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE attachment SET content = x'00'") } }
        // An erase that names nobody or changes the hash is refused as well.
        #expect(throws: DatabaseError.self) {
            try db.writer.write { try $0.execute(sql: "UPDATE attachment SET content = NULL, erased_at = 1, erased_by = 'x', erased_reason = 'y', sha256 = ?", arguments: [String(repeating: "0", count: 64)]) }
        }
        #expect(throws: DatabaseError.self) { try db.writer.write { try $0.execute(sql: "UPDATE attachment SET content = NULL, erased_at = 1") } }
        #expect(try db.attachmentContent(info.id).1 == pdf)
    }

    @Test func aSupervisorErasesTheContentAndHistoryKeepsWhatItWas() throws {
        let (db, ctx, id) = try withTicket()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        let info = try db.addAttachment(to: .item(id), name: "身份证.pdf", content: pdf, ctx)
        var lina = ctx
        lina.actor = "lina"
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.eraseAttachment, user: "lina", role: .onsite))) {
            try db.eraseAttachment(info.id, reason: "不应发送", lina)
        }
        expectInvalid("erasing an attachment needs a reason (--reason)") { _ = try db.eraseAttachment(info.id, reason: "  ", ctx) }
        var later = ctx
        later.now = t("2021-11-23T17:00:00+08:00")
        let erased = try db.eraseAttachment(info.id, reason: "含身份证号，不应发送", later)
        #expect(erased.erased == AttachmentErasure(at: later.now, by: "zhaolei", reason: "含身份证号，不应发送"))
        #expect(erased.name == info.name && erased.size == info.size && erased.sha256 == info.sha256)
        expectInvalid("the content of attachment \(info.id) was erased; there is nothing to get") { _ = try db.attachmentContent(info.id) }
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM attachment WHERE content IS NOT NULL") } == 0)
        let entry = try #require(try db.itemWithHistory(id).1.last)
        #expect(entry.event == .attachmentErased && entry.oldValue == info.recorded && entry.note == "含身份证号，不应发送"
                && entry.actor == "zhaolei" && entry.at == later.now)
        expectInvalid("the content of attachment \(info.id) was erased at 2021-11-23T17:00:00+08:00 by zhaolei") {
            _ = try db.eraseAttachment(info.id, reason: "again", ctx)
        }
        expectInvalid("no attachment 77") { _ = try db.eraseAttachment(77, reason: "x", ctx) }
    }

    @Test func aBackupCarriesAttachmentsAndARestoreBringsThemBack() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-attach-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let db = try AppDatabase.open(path: folder.appendingPathComponent("desk.sqlite").path)
        try db.ensureFounder(username: "zhaolei", name: "赵磊")
        let ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))
        let id = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx).id!
        let info = try db.addAttachment(to: .item(id), name: "签字.pdf", content: pdf, ctx)
        let backup = folder.appendingPathComponent("monday.sqlite").path
        _ = try db.backup(to: backup)
        let erased = try db.eraseAttachment(info.id, reason: "误发", ctx)
        #expect(erased.erased != nil)
        _ = try db.restore(from: backup, keepingCurrentAs: folder.appendingPathComponent("kept").path, ctx)
        let (back, content) = try db.attachmentContent(info.id)
        #expect(back == info && content == pdf && AppDatabase.sha256(content) == info.sha256)
    }
}
