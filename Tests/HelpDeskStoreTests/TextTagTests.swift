import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore

/// The text index's tags come from one table (`TextTags`): the searches, the rebuild and the
/// migration that made the index take their codes from it.
@Suite struct TextTagTests {
    /// What the migration "v7: stored queue order, tallies, KPI summaries, text index" shipped for
    /// row `r`, in its triggers: databases made since hold this text, so the table must give it
    /// back unchanged for the kinds v7 knew.
    static func shipped(_ r: String) -> String {
        """
        \(r).title || char(1, 1), coalesce(\(r).requester_name, '') || char(1, 1),
        coalesce(\(r).requester_phone, '') || char(1, 1), \(r).description || char(1, 1),
        char(57599, 57600 + CASE \(r).kind WHEN 'general' THEN 1 WHEN 'special' THEN 2 WHEN 'requirement' THEN 3
            WHEN 'fault' THEN 4 WHEN 'task' THEN 5 WHEN 'change' THEN 6 WHEN 'delivery' THEN 7 WHEN 'training' THEN 8
            WHEN 'inspection' THEN 9 ELSE 0 END, 57598)
        || char(57599, 57856 + CASE \(r).status WHEN 'open' THEN 1 WHEN 'responded' THEN 2 WHEN 'assessed' THEN 3
            WHEN 'closed' THEN 4 ELSE 0 END, 57598)
        || CASE WHEN \(r).status <> 'closed' THEN char(57599, 58112, 57598) ELSE '' END
        || CASE WHEN \(r).region IS NULL THEN '' ELSE char(57599, 58368 + CASE \(r).region WHEN 'xining' THEN 1
            WHEN 'haidong' THEN 2 WHEN 'hainan' THEN 3 WHEN 'huangnan' THEN 4 WHEN 'yushu' THEN 5 WHEN 'guoluo' THEN 6
            WHEN 'haixi' THEN 7 WHEN 'haibei' THEN 8 WHEN 'shengzhishu' THEN 9 ELSE 0 END, 57598) END
        || CASE WHEN \(r).level IS NULL THEN '' ELSE char(57599, 58624 + \(r).level, 57598) END
        || coalesce((SELECT char(57599, 58880 + staff.rowid, 57598) FROM staff
                     WHERE staff.username = \(r).owner AND staff.rowid < 4096), '')
        """
    }

    @Test func theMigrationsTextIsTheShippedOne() {
        for r in ["item", "NEW", "OLD"] {
            #expect(TextTags.indexedText(r, kinds: TextTags.kindsOfV7, phoneKey: false) == Self.shipped(r))
        }
    }

    @Test func everyKindStatusAndRegionHasItsOwnCode() {
        #expect(Set(ItemKind.allCases.map(TextTags.kind)).count == ItemKind.allCases.count)
        #expect(Set(ItemStatus.allCases.map(TextTags.status)).count == ItemStatus.allCases.count)
        #expect(Set(Region.allCases.map(TextTags.region)).count == Region.allCases.count)
        #expect(TextTags.kind(.general) == 0xE101 && TextTags.kind(.inspection) == 0xE109)
    }

    /// The triggers a new database holds tag each kind with the table's code: a kind they do not
    /// know would be tagged 0 and never found by a search within its kind. A new kind fails here
    /// until a migration makes the text triggers again (with `TextTags.indexedText`) and rebuilds
    /// the index, as existing databases need too.
    @Test func theStoredTriggersTagEveryKindAsTheTableSays() throws {
        let (db, _) = try makeDatabase()
        let sql = try db.writer.read { try String.fetchOne($0, sql: "SELECT sql FROM sqlite_master WHERE name = 'item_text_insert'") }
        let trigger = try #require(sql)
        for kind in ItemKind.allCases {
            #expect(trigger.contains("WHEN '\(kind.rawValue)' THEN \(TextTags.code(kind))"), "\(kind)")
        }
        for status in ItemStatus.allCases {
            #expect(trigger.contains("WHEN '\(status.rawValue)' THEN \(TextTags.code(status))"), "\(status)")
        }
        #expect(AppDatabase.textIndexRows.contains(TextTags.indexedText("item", statuses: ItemStatus.allCases)))
    }
}
