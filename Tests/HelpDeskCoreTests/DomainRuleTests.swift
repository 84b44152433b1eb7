import Foundation
import Testing
import HelpDeskCore

@Suite("The domain's words")
struct DomainRuleTests {
    @Test func kpiIdsAreTheContractsNames() {
        #expect(KPI.allCases.map(\.rawValue) == ["K1", "K2", "K3", "K4", "K5", "K6", "K7-1", "K7-2", "K7-3"])
        #expect(FaultLevel.allCases.map { KPI.k7($0).faultLevel } == FaultLevel.allCases)
        #expect(KPI.k7(.two).name(.zh) == "2级故障按时率" && KPI.k7(.three).name(.en) == "L3 faults in time")
        #expect(KPI(rawValue: "K8") == nil && KPI(rawValue: "k1") == nil)
    }

    @Test func historyWordsAreTheStoredNames() {
        #expect(HistoryEvent.allCases.map(\.rawValue) == ["created", "reported", "responded", "resolved", "restored", "assessed",
                                                          "assigned", "raised", "lowered", "reopened", "escalated", "acknowledged"])
        #expect(HistoryField.itemColumns.map(\.rawValue) == HistoryField.itemColumns.map(\.rawValue).sorted())
        #expect(!HistoryField.itemColumns.contains(.escalation))
        #expect(HistoryField.dueAt.label(.zh) == "时限" && HistoryField.dueAt.label(.en) == "due at")
        #expect(HistoryField.escalation.label(.en) == "step" && HistoryField.requesterName.label(.zh) == "requester_name")
        #expect(HistoryEvent.acknowledged.label(.zh) == "确认升级" && HistoryEvent.raised.label(.en) == "raised")
    }
}
