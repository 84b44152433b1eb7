import Foundation
import GRDB
import Testing
import HelpDeskCore
import HelpDeskStore

/// A database file the store opened, holding one ticket (#1) and one level-2 fault (#2) with its
/// first escalation step, and a second, raw connection to the same file that writes what the
/// store never would: CHECK constraints and foreign keys off.
private struct Desk {
    let folder: URL
    let store: AppDatabase
    let raw: DatabaseQueue
    let ctx: Context

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("helpdesk-unreadable-\(UUID().uuidString)")
        let path = folder.appendingPathComponent("desk.sqlite").path
        store = try AppDatabase.open(path: path, founder: StaffMember(username: "zhaolei", name: "赵磊", role: .supervisor))
        ctx = Context(actor: "zhaolei", now: t("2021-11-23T16:00:00+08:00"))
        try store.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        try store.addFault(NewFault(level: .two, region: .haidong, title: "记账程序报错"), at: t("2021-11-23T10:00:00+08:00"), ctx)
        var config = Configuration()
        config.foreignKeysEnabled = false
        config.prepareDatabase { db in try db.execute(sql: "PRAGMA ignore_check_constraints = ON") }
        raw = try DatabaseQueue(path: path, configuration: config)
    }

    func write(_ sql: String) throws {
        try raw.write { try $0.execute(sql: sql) }
    }

    func close() throws {
        try raw.close()
        try store.close()
        try FileManager.default.removeItem(at: folder)
    }
}

/// Expects `body` to fail reading `table.column`, naming the value as stored.
private func expectUnreadable(_ table: String, _ column: String, holding value: String, of row: String?,
                              sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
    do {
        try body()
        Issue.record("read without complaint; expected \(table).\(column) refused", sourceLocation: sourceLocation)
    } catch let error as UnreadableValue {
        #expect(error.table == table && error.column == column, "\(error)", sourceLocation: sourceLocation)
        #expect(error.value == value && error.row == row, "\(error)", sourceLocation: sourceLocation)
        #expect(error.description.contains("\(table).\(column)") && error.description.contains(value), sourceLocation: sourceLocation)
    } catch {
        Issue.record("refused otherwise: \(error)", sourceLocation: sourceLocation)
    }
}

@Suite("Rows the store cannot read")
struct UnreadableRowTests {
    @Test func anItemOfAnUnknownKindIsRefusedNotTakenForAGeneralTicket() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("UPDATE item SET kind = 'bogus' WHERE id = 1")
        expectUnreadable("item", "kind", holding: "\"bogus\"", of: "#1") { _ = try desk.store.item(1) }
        expectUnreadable("item", "kind", holding: "\"bogus\"", of: "#1") { _ = try desk.store.items(ItemFilter()) }
        // A write reads the item first: it is refused, and nothing is written.
        let before = try desk.raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM history") }
        expectUnreadable("item", "kind", holding: "\"bogus\"", of: "#1") {
            _ = try desk.store.respond(1, note: "n", at: desk.ctx.now, desk.ctx)
        }
        #expect(try desk.raw.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM history") } == before)
        // The other item still reads.
        #expect(try desk.store.item(2).kind == .fault)
    }

    @Test func anInstantStoredAsTextIsRefusedNotReadAs1970() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("UPDATE item SET received_at = 'yesterday' WHERE id = 1")
        expectUnreadable("item", "received_at", holding: "\"yesterday\"", of: "#1") { _ = try desk.store.item(1) }
        try desk.write("UPDATE item SET received_at = 1637632800, due_at = 1637740800.5 WHERE id = 1")
        expectUnreadable("item", "due_at", holding: "1637740800.5", of: "#1") { _ = try desk.store.item(1) }
    }

    @Test func anUnknownRegionOrLevelIsRefusedNotDropped() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("UPDATE item SET region = 'beijing' WHERE id = 1")
        expectUnreadable("item", "region", holding: "\"beijing\"", of: "#1") { _ = try desk.store.item(1) }
        try desk.write("UPDATE item SET level = 4 WHERE id = 2")
        expectUnreadable("item", "level", holding: "4", of: "#2") { _ = try desk.store.item(2) }
    }

    @Test func aHistoryEntryOfAnUnknownEventIsRefused() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("""
            INSERT INTO history (item_id, at, recorded_at, actor, event) VALUES (1, 1637640000, 1637640000, 'zhaolei', 'archived')
            """)
        let id = try desk.raw.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM history") }!
        expectUnreadable("history", "event", holding: "\"archived\"", of: "#\(id)") { _ = try desk.store.itemWithHistory(1) }
        try desk.write("""
            INSERT INTO history (item_id, at, recorded_at, actor, event, field) VALUES (2, 1637640000, 1637640000, 'zhaolei', 'raised', 'colour')
            """)
        expectUnreadable("history", "field", holding: "\"colour\"", of: "#\(id + 1)") { _ = try desk.store.itemWithHistory(2) }
        // A system note whose code it does not know would vanish from the entry: refused too.
        let third = try desk.store.addCase(sampleCase, at: t("2021-11-23T11:00:00+08:00"), desk.ctx).id!
        try desk.write("""
            INSERT INTO history (item_id, at, recorded_at, actor, event, note_code)
            VALUES (\(third), 1637640000, 1637640000, 'zhaolei', 'created', '{"code": "sunspots"}')
            """)
        expectUnreadable("history", "note_code", holding: "\"{\\\"code\\\": \\\"sunspots\\\"}\"", of: "#\(id + 3)") {
            _ = try desk.store.itemWithHistory(third)
        }
    }

    @Test func aStaffRoleItDoesNotKnowIsRefusedNotTakenForAViewer() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.store.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), desk.ctx)
        try desk.write("UPDATE staff SET role = 'boss' WHERE username = 'lina'")
        expectUnreadable("staff", "role", holding: "\"boss\"", of: "\"lina\"") { _ = try desk.store.staff() }
        expectUnreadable("staff", "role", holding: "\"boss\"", of: "\"lina\"") { _ = try desk.store.member("lina") }
    }

    @Test func anEscalationStepItDoesNotKnowIsRefused() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("""
            INSERT INTO escalation (item_id, step, level, due_at, taken_at, taken_by, by_rule, reason)
            VALUES (2, 'T9', 2, 1637640000, 1637640000, 'zhaolei', 0, 'why not')
            """)
        let id = try desk.raw.read { try Int64.fetchOne($0, sql: "SELECT max(id) FROM escalation") }!
        expectUnreadable("escalation", "step", holding: "\"T9\"", of: "#\(id)") { _ = try desk.store.escalations(of: 2) }
        expectUnreadable("escalation", "step", holding: "\"T9\"", of: nil) {
            _ = try desk.store.escalateDue(desk.ctx)
        }
    }

    @Test func aFrozenFigureItDoesNotKnowIsRefused() throws {
        let desk = try Desk()
        defer { try? desk.close() }
        try desk.write("""
            INSERT INTO kpi_period (period, frozen_at, frozen_by, figures)
            VALUES ('2021-10', 1635696000, 'zhaolei', '[{"id": "K9", "numerator": 1, "denominator": 1, "target": 0.9, "comparison": ">="}]')
            """)
        do {
            _ = try desk.store.kpiReport(.month(year: 2021, month: 10), now: desk.ctx.now)
            Issue.record("read without complaint")
        } catch let error as UnreadableValue {
            #expect(error.table == "kpi_period" && error.column == "figures" && error.row == "\"2021-10\"")
            #expect(error.description.contains("K9"))
        }
    }
}
