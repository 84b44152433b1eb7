import Foundation
import HelpDeskCore
import Testing

/// How a change in an item's history reads.
@Suite("history entries in words")
struct HistoryTextTests {
    func entry(_ event: HistoryEvent, _ field: HistoryField, old: String?, new: String?) -> HistoryEntry {
        let at = Date(timeIntervalSince1970: 1_637_632_800)
        return HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "lina", event: event, field: field, oldValue: old, newValue: new)
    }

    @Test func aValueReplacedReadsFromOldToNew() {
        #expect(HistoryText.change(entry(.resolved, .status, old: "open", new: "closed"), kind: .general, .zh) == "状态: 待处理 → 已解决")
        #expect(HistoryText.change(entry(.assigned, .assignee, old: nil, new: "lina"), kind: .general, .zh) == "处理人: ∅ → lina")
    }

    /// A merge: on the duplicate, where it went; on the item it joined, which one joined it.
    @Test func aMergeReadsOnBothItems() {
        #expect(HistoryText.change(entry(.merged, .mergedInto, old: nil, new: "#588"), kind: .general, .zh) == "合并至: #588")
        #expect(HistoryText.change(entry(.merged, .mergedInto, old: nil, new: "#588"), kind: .general, .en) == "merged into: #588")
        #expect(HistoryText.change(entry(.merged, .relatedItem, old: nil, new: "#592"), kind: .general, .zh) == "#592 并入本工单")
        #expect(HistoryText.change(entry(.merged, .relatedItem, old: nil, new: "#592"), kind: .general, .en) == "#592 merged into this item")
    }

    /// A relation is added or removed, never "replaced" from nothing.
    @Test func aRelationAddedOrRemovedNamesTheOtherItem() {
        #expect(HistoryText.change(entry(.related, .relatedItem, old: nil, new: "#205"), kind: .general, .zh) == "关联工单: + #205")
        #expect(HistoryText.change(entry(.unrelated, .relatedItem, old: "#205", new: nil), kind: .general, .zh) == "关联工单: − #205")
    }

    /// Taking an item (an assignment to oneself) reads as taking it, the taker named once.
    @Test func takingReadsAsTaking() {
        let at = Date(timeIntervalSince1970: 1_637_632_800)
        let header = HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "lina", event: .assigned, note: "lina")
        let field = HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "lina", event: .assigned, field: .assignee, newValue: "lina")
        #expect(HistoryText.event(of: header, .zh) == "认领" && HistoryText.note(header, .zh) == "")
        #expect(HistoryText.event(of: field, .en) == "took")
        // Given to someone else: an assignment, naming them.
        let given = HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "zhaolei", event: .assigned, note: "lina")
        #expect(HistoryText.event(of: given, .zh) == "指派" && HistoryText.note(given, .zh) == "lina")
    }

    /// A requester's message names the channel it came by; the ticket's own channel is unchanged.
    @Test func aMessagesChannelIsTheWayItCame() {
        let at = Date(timeIntervalSince1970: 1_637_632_800)
        let e = HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "lina", event: .messaged, field: .channel, newValue: "phone")
        #expect(HistoryText.change(e, kind: .general, .zh) == "来自电话")
        #expect(HistoryText.change(e, kind: .general, .en) == "by phone")
        let corrected = HistoryEntry(itemId: 1, at: at, recordedAt: at, actor: "lina", event: .corrected, field: .channel,
                                     oldValue: "phone", newValue: "wechat")
        #expect(HistoryText.change(corrected, kind: .general, .zh) == "渠道: 电话 → 微信")
    }
}
