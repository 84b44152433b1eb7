import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

// Inspections in the store: recorded whole, readings over their thresholds open faults and tasks
// through the ordinary path, and a reading for something still open is linked to it instead.

private func n(_ check: InspectionCheck, _ target: String, _ value: Double) -> InspectionReading {
    InspectionReading(check: check, target: target, value: .number(value))
}

private func inspection(_ at: String, _ readings: [InspectionReading], kind: InspectionKind = .database) -> NewInspection {
    NewInspection(at: t(at), inspector: "王芳", kind: kind, readings: readings)
}

private func withInventory() throws -> (AppDatabase, Context) {
    let (db, ctx) = try makeDatabase()
    try db.addInventory(InventoryEntry(kind: .database, name: "db"), ctx)
    try db.addInventory(InventoryEntry(kind: .schema, name: "YLBX", parent: "db"), ctx)
    try db.addInventory(InventoryEntry(kind: .tablespace, name: "YLBX_DATA", parent: "YLBX"), ctx)
    try db.addInventory(InventoryEntry(kind: .address, name: "10.63.1.20:7001"), ctx)
    try db.addInventory(InventoryEntry(kind: .server, name: "app05", parent: "10.63.1.20:7001"), ctx)
    return (db, ctx)
}

@Suite("Inspections in the store")
struct InspectionStoreTests {
    @Test func readingsOverThresholdOpenFaultsAndTasksThroughTheOrdinaryPath() throws {
        let (db, ctx) = try withInventory()
        let outcome = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [
            n(.tablespace, "YLBX_DATA", 93.5), n(.serviceDown, "10.63.1.20:7001", 6), n(.cpu, "app05", 71),
            n(.disk, "app05:/u01", 88), InspectionReading(check: .archiveLog, target: "db", value: .text("cleaned")),
        ]), source: .imported, ctx)
        #expect(outcome.opened.count == 3 && outcome.linked.isEmpty && outcome.unknownTargets.isEmpty)
        let fault = try db.item(outcome.opened[0])
        #expect(fault.kind == .fault && fault.level == .two && fault.region == .shengzhishu)
        #expect(fault.title == "表空间 YLBX_DATA 使用率 93.5%，须立即扩容")
        #expect(fault.receivedAt == t("2021-11-23T09:30:00+08:00") && fault.dueAt == t("2021-11-24T09:30:00+08:00"))
        // Its escalation path started: the level-2 fault's T0 step at the report.
        #expect(try db.escalations(of: fault.id!).map(\.step) == [.T0])
        let task = try db.item(outcome.opened[2])
        #expect(task.kind == .task && task.title == "app05:/u01 磁盘使用率 88%，须清理或扩容")
        #expect(task.dueAt == t("2021-11-23T18:00:00+08:00"))   // general rule: before 15:00 on a working day
        let (_, history) = try db.itemWithHistory(fault.id!)
        #expect(history.contains { $0.event == .reported })
        #expect(history.contains { $0.event == .inspected && $0.field == .inspection && $0.newValue == "\(outcome.id)"
                                  && $0.systemNote == .inspectionReading(check: .tablespace, target: "YLBX_DATA", value: "93.5") })
        let record = try db.inspection(outcome.id)
        #expect(record.readings.map(\.isOver) == [true, true, false, true, false])
        #expect(record.readings[0].limit == "> 90%" && record.readings[0].item?.id == fault.id)
        #expect(record.openedItems == outcome.opened && record.linkedItems.isEmpty)
        #expect(try db.inspections(of: fault.id!) == [outcome.id])
    }

    @Test func nothingIsOpenedTwiceWhileAnItemForTheSameCheckAndTargetIsOpen() throws {
        let (db, ctx) = try withInventory()
        let first = try db.recordInspection(inspection("2021-11-22T09:30:00+08:00", [n(.tablespace, "YLBX_DATA", 93.5)]), source: .imported, ctx)
        let second = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.tablespace, "YLBX_DATA", 95),
                                                                                       n(.tablespace, "YLBX_IDX", 91)]),
                                             source: .imported, ctx)
        #expect(second.linked == first.opened)
        #expect(second.opened.count == 1)   // another tablespace is another target
        let (_, history) = try db.itemWithHistory(first.opened[0])
        #expect(history.contains { $0.event == .inspectionLinked && $0.newValue == "\(second.id)" })
        #expect(try db.inspection(second.id).linkedItems == first.opened)
        #expect(try db.inspections(of: first.opened[0]) == [first.id, second.id])
        // Once restored, the next reading over the threshold opens a new fault.
        _ = try db.restore(first.opened[0], cause: "表空间不足", solution: "已扩容", at: t("2021-11-23T12:00:00+08:00"), ctx)
        let third = try db.recordInspection(inspection("2021-11-23T14:00:00+08:00", [n(.tablespace, "YLBX_DATA", 92)]), source: .manual, ctx)
        #expect(third.linked.isEmpty && third.opened.count == 1 && third.opened != first.opened)
    }

    @Test func aTargetInAnotherCaseIsTheSameTargetAsTheInventorySaysSoNothingIsOpenedTwice() throws {
        let (db, ctx) = try withInventory()
        let first = try db.recordInspection(inspection("2021-11-22T09:30:00+08:00", [
            n(.cpu, "app04", 90), n(.tablespace, "TS9001", 95), n(.disk, "app05:/u01", 90),
        ]), source: .imported, ctx)
        #expect(first.opened.count == 3)
        let second = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [
            n(.cpu, "APP04", 91), n(.tablespace, "ts9001", 96), n(.disk, "APP05:/u01", 91), n(.disk, "app05:/U01", 91),
        ]), source: .imported, ctx)
        #expect(second.linked == first.opened)
        #expect(second.opened.count == 1, "another mount point is another disk")
    }

    @Test func twoReadingsOfOneFileForTheSameTargetOpenOneItem() throws {
        let (db, ctx) = try withInventory()
        let outcome = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.cpu, "app05", 90), n(.cpu, "app05", 95)]),
                                              source: .imported, ctx)
        #expect(outcome.opened.count == 1 && outcome.linked == outcome.opened)
    }

    @Test func unknownTargetsAreKeptAndFlagged() throws {
        let (db, ctx) = try withInventory()
        let outcome = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.cpu, "app12", 95), n(.cpu, "app05", 10)]),
                                              source: .imported, ctx)
        #expect(outcome.unknownTargets.map(\.index) == [0] && outcome.unknownTargets[0].target == "app12")
        #expect(outcome.opened.count == 1)
        let record = try db.inspection(outcome.id)
        #expect(record.readings.map(\.known) == [false, true])
        #expect(try db.inspections().first?.unknown == 1)
    }

    @Test func aRefusedInspectionStoresNothing() throws {
        let (db, ctx) = try withInventory()
        let bad = inspection("2021-11-23T09:30:00+08:00", [n(.tablespace, "YLBX_DATA", 95),
                                                          InspectionReading(check: .cpu, target: "app05", value: .text("high"))])
        expectInvalid("readings[1].value: expected a number for check \"cpu\"") { try db.recordInspection(bad, source: .imported, ctx) }
        expectInvalid("at: 2021-11-23T17:00:00+08:00 lies in the future (now is 2021-11-23T16:00:00+08:00); an inspection is recorded once it was made") {
            try db.recordInspection(inspection("2021-11-23T17:00:00+08:00", [n(.cpu, "app05", 95)]), source: .imported, ctx)
        }
        var guest = ctx
        guest.actor = "nobody"
        #expect(throws: StoreError.notPermitted(.notStaff(user: "nobody"))) {
            try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.cpu, "app05", 95)]), source: .imported, guest)
        }
        #expect(try db.inspectionCount() == 0)
        #expect(try db.count(ItemFilter()) == 0)
    }

    @Test func aVisitKeepsItsRegionByItsChineseName() throws {
        let (db, ctx) = try makeDatabase()
        let visits = ["yushu", "果洛", "海西州"].map { InspectionReading(check: .visit, target: $0, value: .text("无问题")) }
        let outcome = try db.recordInspection(inspection("2021-11-23T15:00:00+08:00", visits, kind: .business), source: .manual, ctx)
        #expect(try db.inspection(outcome.id).readings.map(\.reading.target) == ["玉树州", "果洛州", "海西州"])
    }

    @Test func configuredThresholdsApply() throws {
        var (db, ctx) = try withInventory()
        ctx.inspection.tablespace = 95
        let outcome = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.tablespace, "YLBX_DATA", 93.5)]), source: .imported, ctx)
        #expect(outcome.opened.isEmpty)
        #expect(try db.inspection(outcome.id).readings[0].finding == nil)
    }

    @Test func inspectionsAreARecord() throws {
        let (db, ctx) = try withInventory()
        let outcome = try db.recordInspection(inspection("2021-11-23T09:30:00+08:00", [n(.cpu, "app05", 10)]), source: .imported, ctx)
        try db.writer.write { db in
            #expect(throws: (any Error).self) { try db.execute(sql: "DELETE FROM inspection WHERE id = ?", arguments: [outcome.id]) }
            #expect(throws: (any Error).self) { try db.execute(sql: "UPDATE inspection_reading SET number_value = 99") }
        }
    }
}

@Suite("The inventory in the store")
struct InventoryStoreTests {
    @Test func onlySupervisorsEditItAndEachChangeIsAudited() throws {
        let (db, ctx) = try makeDatabase()
        try db.addStaff(StaffMember(username: "lina", name: "李娜", role: .onsite), ctx)
        var lina = ctx
        lina.actor = "lina"
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.editInventory, user: "lina", role: .onsite))) {
            try db.addInventory(InventoryEntry(kind: .server, name: "app12"), lina)
        }
        try db.addInventory(InventoryEntry(kind: .address, name: "10.63.1.22:7001"), ctx)
        try db.addInventory(InventoryEntry(kind: .server, name: "app12", parent: "10.63.1.22:7001", note: "10.63.2.12"), ctx)
        #expect(try db.inventory() == [InventoryEntry(kind: .server, name: "app12", parent: "10.63.1.22:7001", note: "10.63.2.12"),
                                       InventoryEntry(kind: .address, name: "10.63.1.22:7001")])
        expectInvalid("server app12 is already in the inventory (to change it: inventory set)") {
            try db.addInventory(InventoryEntry(kind: .server, name: "app12"), ctx)
        }
        expectInvalid("--parent 10.9.9.9:1: there is no address of that name in the inventory (a server belongs to an address)") {
            try db.addInventory(InventoryEntry(kind: .server, name: "app13", parent: "10.9.9.9:1"), ctx)
        }
        expectInvalid("address 10.63.1.22:7001 still has app12 behind it; move or remove them first") {
            try db.removeInventory(.address, "10.63.1.22:7001", ctx)
        }
        try db.setInventory(.server, "app12", parent: "", note: "下线", ctx)
        try db.removeInventory(.address, "10.63.1.22:7001", ctx)
        #expect(try db.inventory() == [InventoryEntry(kind: .server, name: "app12", note: "下线")])
        let audit = try db.writer.read { try String.fetchAll($0, sql: "SELECT what FROM audit WHERE what LIKE 'inventory%' ORDER BY id") }
        #expect(audit.count == 4)
    }
}

@Suite("The demo's inspections")
struct DemoInspectionTests {
    @Test func aFewWeeksOfEveryKindSomeOverThresholdOneLinkedToAnItemStillOpen() throws {
        let (db, _) = try makeDatabase()
        try db.fillDemo(DemoData(seed: 7), items: 300, days: 60, Context(actor: "zhaolei", now: t("2026-11-20T10:00:00+08:00")))
        let inventory = try db.inventory()
        #expect(inventory.filter { $0.kind == .schema }.count == 8 && inventory.filter { $0.kind == .server }.count == 11)
        #expect(inventory.contains { $0.kind == .address && $0.name == "10.63.1.20:7001" })
        let list = try db.inspections()
        #expect(Set(list.map(\.kind)) == Set(InspectionKind.allCases))
        #expect(list.count >= 8 && list.allSatisfy { $0.unknown == 0 })
        #expect(list.contains { $0.opened > 0 } && list.contains { $0.linked > 0 })
        let linked = try #require(list.first { $0.linked > 0 })
        let item = try #require(try db.inspection(linked.id).readings.first { $0.itemId != nil && !$0.opened }?.item)
        #expect(item.status != .closed && item.kind == .fault)
        let opened = try list.flatMap { try db.inspection($0.id).readings.filter(\.opened).compactMap(\.item) }
        #expect(opened.contains { $0.kind == .task && $0.status == .closed } && opened.contains { $0.kind == .fault && $0.status == .closed })
    }
}
