import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// An item an inspection opened, kept as what was found: the inspection's screen, the queue and
/// the item's details say it in the reader's language.
@Suite("Inspection findings in the reader's language")
struct InspectionTextConsoleTests {
    static let finding = SystemItemText.inspectionFinding(check: .tablespace, target: "YLBX_DATA", value: "93.5", inspection: 7,
                                                          inspector: "王芳")
    static var fault: WorkItem {
        var item = InspectionSample.fault
        item.description = finding.description.zh
        item.systemText = finding
        return item
    }

    static var record: InspectionRecord {
        var r = InspectionSample.database
        r.readings[0].item = fault
        r.againOf = 3
        return r
    }

    @Test func theInspectionScreenNamesTheItemInTheReadersLanguage() throws {
        for lang in [Language.zh, .en] {
            var s = InspectionSample.state(width: 120, height: 40, language: lang)
            _ = s.press(.char("j"), .enter)
            _ = s.reduce(.inspectionLoaded(Self.record))
            let b = render(s)
            let row = try #require(b.row(containing: "YLBX_DATA"))
            if lang == .zh {
                #expect(b.lines[row].contains("表空间 YLBX_DATA 使用率 93.5%，须立即扩容"), "\(b.lines[row])")
            } else {
                #expect(b.lines[row].contains("tablespace YLBX_DATA at 93.5%: expand at once"), "\(b.lines[row])")
                #expect(!b.lines[row].contains("表空间"))
            }
            // Imported again: the header says whose file it repeated.
            #expect(b.lines[1].contains(lang == .zh ? "再次导入 #3" : "again #3"), "\(b.lines[1])")
        }
    }

    @Test func theDetailsSayTheTitleAndDescriptionInTheReadersLanguage() {
        let zh = ItemPresentation(Self.fault, facts: nil, history: [], now: t("2021-11-23T10:00:00+08:00"), .zh)
        let en = ItemPresentation(Self.fault, facts: nil, history: [], now: t("2021-11-23T10:00:00+08:00"), .en)
        let zhValues = zh.sections.flatMap(\.fields).map(\.value)
        let enValues = en.sections.flatMap(\.fields).map(\.value)
        #expect(zhValues.contains("表空间 YLBX_DATA 使用率 93.5%，须立即扩容"))
        #expect(zhValues.contains("表空间 YLBX_DATA 使用率 93.5%，须立即扩容\n巡检 #7 · 王芳"))
        #expect(enValues.contains("tablespace YLBX_DATA at 93.5%: expand at once"))
        #expect(enValues.contains("tablespace YLBX_DATA at 93.5%: expand at once\ninspection #7 · 王芳"))
        #expect(!enValues.contains { $0.contains("表空间") })
    }

    @Test func theQueueSaysTheTitleInTheReadersLanguage() throws {
        for lang in [Language.zh, .en] {
            var s = Sample.state(width: 120, height: 40, language: lang)
            _ = s.reduce(.queueLoaded(QueuePage(items: [Self.fault], offset: 0, total: 1, filter: QueueFilter())))
            let b = render(s)
            #expect(b.row(containing: lang == .zh ? "表空间 YLBX_DATA" : "tablespace YLBX_DATA") != nil, "\(b.lines)")
        }
    }
}
