import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

// An import's file kept by its hash: the same bytes refused unless imported again on purpose; the
// items a reading opens kept as codes; older items recognised by the migration.

private let hash = String(repeating: "ab", count: 32)

private func sample(_ at: String, kind: InspectionKind = .database, value: Double = 93.5) -> NewInspection {
    NewInspection(at: t(at), inspector: "王芳", kind: kind,
                  readings: [InspectionReading(check: .tablespace, target: "YLBX_DATA", value: .number(value))])
}

private func dump(_ db: AppDatabase) throws -> String {
    try db.writer.read { db in
        try ["inspection", "inspection_reading", "item", "history", "escalation"].map { table in
            try Row.fetchAll(db, sql: "SELECT * FROM \(table)").map(\.description).joined(separator: "\n")
        }.joined(separator: "\n--\n")
    }
}

@Suite("Imported inspections in the store")
struct InspectionImportStoreTests {
    @Test func theFilesHashIsStoredAndTheSameFileIsRefusedLeavingTheDatabaseUnchanged() throws {
        let (db, ctx) = try makeDatabase()
        let first = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, file: ImportedFile(sha256: hash), ctx)
        #expect(try db.inspection(first.id).contentSHA256 == hash && db.inspection(first.id).againOf == nil)
        let before = try dump(db)
        #expect(throws: ImportedBefore(inspection: first.id, at: t("2021-11-23T09:30:00+08:00"))) {
            try db.recordInspection(sample("2021-11-23T11:30:00+08:00", value: 99), source: .imported, file: ImportedFile(sha256: hash), ctx)
        }
        #expect(try dump(db) == before)
        // Another file, or an inspection entered by hand, is not refused.
        let other = try db.recordInspection(sample("2021-11-23T11:30:00+08:00"), source: .imported,
                                            file: ImportedFile(sha256: String(repeating: "cd", count: 32)), ctx)
        let manual = try db.recordInspection(sample("2021-11-23T12:30:00+08:00"), source: .manual, ctx)
        #expect(try db.inspection(manual.id).contentSHA256 == nil && other.id != manual.id)
    }

    @Test func againIsRecordedInTheInspectionAndInTheHistoryOfWhatItLinked() throws {
        let (db, ctx) = try makeDatabase()
        let first = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, file: ImportedFile(sha256: hash), ctx)
        let again = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported,
                                            file: ImportedFile(sha256: hash, again: true), ctx)
        #expect(again.againOf == first.id && again.linked == first.opened)
        let record = try db.inspection(again.id)
        #expect(record.againOf == first.id && record.contentSHA256 == hash)
        let (_, history) = try db.itemWithHistory(first.opened[0])
        let linked = try #require(history.first { $0.event == .inspectionLinked })
        #expect(linked.systemNote == .inspectionReading(check: .tablespace, target: "YLBX_DATA", value: "93.5", again: first.id))
        #expect(linked.systemNote?.text(.en).contains("imported again: the file of inspection #\(first.id)") == true)
        // A third import of the same file names the first.
        #expect(throws: ImportedBefore.self) {
            try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, file: ImportedFile(sha256: hash), ctx)
        }
    }

    @Test func theNewestInspectionOfTheSameKindIsNamedWhenItIsLater() throws {
        let (db, ctx) = try makeDatabase()
        let first = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, ctx)
        #expect(first.newerOfKind == nil)
        let older = try db.recordInspection(sample("2021-11-22T09:30:00+08:00"), source: .imported, ctx)
        #expect(older.newerOfKind?.id == first.id && older.newerOfKind?.at == t("2021-11-23T09:30:00+08:00"))
        let sameTime = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, ctx)
        #expect(sameTime.newerOfKind == nil)
        let business = try db.recordInspection(NewInspection(at: t("2021-11-20T09:30:00+08:00"), inspector: "李娜", kind: .business,
            readings: [InspectionReading(check: .visit, target: "玉树州", value: .text("无问题"))]), source: .imported, ctx)
        #expect(business.newerOfKind == nil)
    }

    @Test func theItemsAReadingOpensAreStoredAsCodesSaidInEitherLanguage() throws {
        let (db, ctx) = try makeDatabase()
        let outcome = try db.recordInspection(sample("2021-11-23T09:30:00+08:00"), source: .imported, ctx)
        let fault = try db.item(outcome.opened[0])
        #expect(fault.systemText == .inspectionFinding(check: .tablespace, target: "YLBX_DATA", value: "93.5", inspection: outcome.id,
                                                       inspector: "王芳"))
        #expect(fault.title == "表空间 YLBX_DATA 使用率 93.5%，须立即扩容" && fault.title(in: .zh) == fault.title)
        #expect(fault.title(in: .en) == "tablespace YLBX_DATA at 93.5%: expand at once")
        #expect(fault.description(in: .zh) == "表空间 YLBX_DATA 使用率 93.5%，须立即扩容\n巡检 #\(outcome.id) · 王芳")
        #expect(fault.description(in: .en) == "tablespace YLBX_DATA at 93.5%: expand at once\ninspection #\(outcome.id) · 王芳")
        // An item a person typed says what was typed, in any language.
        let typed = try db.addFault(NewFault(level: .three, region: .xining, title: "打印慢", description: "窗口反映"),
                                    at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(try db.item(typed.id!).systemText == nil && db.item(typed.id!).title(in: .en) == "打印慢")
        // A code the program cannot read is refused, never shown as nothing.
        try db.writer.write { try $0.execute(sql: "UPDATE item SET text_code = '{\"code\":\"no_such\"}' WHERE id = ?", arguments: [fault.id!]) }
        #expect(throws: UnreadableValue.self) { try db.item(fault.id!) }
    }

    @Test func theMigrationCodesItemsAnOlderImportStoredAndLeavesOthersAsStored() throws {
        let (db, ctx) = try makeDatabase()
        let outcome = try db.recordInspection(NewInspection(at: t("2021-11-23T09:30:00+08:00"), inspector: "王芳", kind: .database, readings: [
            InspectionReading(check: .tablespace, target: "YLBX_DATA", value: .number(93.5)),
            InspectionReading(check: .cpu, target: "app03", value: .number(91)),
        ]), source: .imported, ctx)
        let (tablespace, cpu) = (outcome.opened[0], outcome.opened[1])
        // As an older import stored them: the English title then "巡检 inspection #N · inspector";
        // the second one's description edited since, so no longer what the import wrote.
        try db.writer.write { db in
            let legacy = Catalog.Store.Inspections.openedDescription(
                Catalog.Domain.Inspection.title(.tablespace, target: "YLBX_DATA", value: "93.5"), inspection: outcome.id, inspector: "王芳")
            try db.execute(sql: "UPDATE item SET text_code = NULL, description = ? WHERE id = ?", arguments: [legacy, tablespace])
            try db.execute(sql: "UPDATE item SET text_code = NULL, description = 'something else' WHERE id = ?", arguments: [cpu])
        }
        #expect(try db.item(tablespace).description.hasSuffix("巡检 inspection #\(outcome.id) · 王芳"))
        try db.writer.write { try AppDatabase.codeInspectionItems($0) }
        let coded = try db.item(tablespace)
        #expect(coded.systemText != nil && coded.description(in: .en) == "tablespace YLBX_DATA at 93.5%: expand at once\ninspection #\(outcome.id) · 王芳")
        let left = try db.item(cpu)
        #expect(left.systemText == nil && left.description(in: .zh) == "something else" && left.title(in: .en) == left.title)
    }
}
