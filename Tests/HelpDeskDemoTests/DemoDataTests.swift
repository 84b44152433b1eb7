import Foundation
import GRDB
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

@Suite("Demo data")
struct DemoDataTests {
    @Test func demoDataGoesOnlyIntoNewOrDemoDatabases() throws {
        let (db, ctx) = try makeDatabase()
        _ = try db.addCase(sampleCase, at: t("2021-11-23T10:00:00+08:00"), ctx)
        #expect(throws: StoreError.self) { try db.fillDemo(DemoData(seed: 1), items: 20, days: 10, ctx) }
        #expect(try db.count(ItemFilter()) == 1)
        #expect(try db.staff().count == 1, "not even the demo staff were added")

        let (demo, _) = try makeDatabase()
        try demo.fillDemo(DemoData(seed: 1), items: 20, days: 10, ctx)
        try demo.fillDemo(DemoData(seed: 2), items: 10, days: 10, ctx)
        let tickets = ItemFilter(kinds: [.general, .special, .requirement, .fault])
        // (and the faults the demo's inspections opened, in the first fill only)
        let fromInspections = try demo.read { try Int.fetchOne($0, sql: """
            SELECT count(*) FROM inspection_reading JOIN item ON item.id = item_id WHERE opened AND item.kind = 'fault'
            """) ?? 0 }
        #expect(try demo.count(tickets) - fromInspections == 30 + DemoConversation.ticketCount)
        #expect(throws: StoreError.notPermitted(.supervisorsOnly(.fillDemo, user: "lina", role: .onsite))) {
            try demo.fillDemo(DemoData(seed: 3), items: 10, days: 10, with(ctx, actor: "lina"))
        }
        // A database without staff needs nobody in particular.
        let empty = try AppDatabase.inMemory()
        try empty.fillDemo(DemoData(seed: 1), items: 10, days: 10, with(ctx, actor: "anyone"))
        let emptyFromInspections = try empty.read { try Int.fetchOne($0, sql: """
            SELECT count(*) FROM inspection_reading JOIN item ON item.id = item_id WHERE opened AND item.kind = 'fault'
            """) ?? 0 }
        #expect(try empty.count(tickets) - emptyFromInspections == 10 + DemoConversation.ticketCount && empty.inspectionCount() > 0)
    }

    @Test func coversEveryRegionChannelKindAndState() throws {
        let (db, _) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 7), items: 600, days: 120, Context(actor: "zhaolei", now: now))
        // The tickets and faults of the bulk load (not the faults the demo's inspections opened).
        let fromInspections = try db.read { Set(try Int64.fetchAll($0, sql: "SELECT item_id FROM inspection_reading WHERE opened")) }
        let items = try db.items(ItemFilter(kinds: [.general, .special, .requirement, .fault])).filter { !fromInspections.contains($0.id!) }
        #expect(items.count == 607 + DemoConversation.ticketCount)  // seven faults on the board now, and the conversation's tickets
        #expect(Set(items.compactMap(\.region)) == Set(Region.allCases))
        #expect(Set(items.compactMap(\.channel)) == Set(Channel.allCases))
        #expect(Set(try db.items(ItemFilter()).map(\.kind)) == [.general, .special, .requirement, .fault, .task, .change, .training])
        #expect(Set(items.compactMap(\.level)) == Set(FaultLevel.allCases))
        #expect(items.contains { $0.status == .closed })
        #expect(items.contains { $0.status != .closed && $0.isOverdue(at: now) })
        #expect(items.contains { $0.status != .closed && !$0.isOverdue(at: now) })
        #expect(items.allSatisfy { $0.status != .closed || ($0.cause != nil && $0.solution != nil) })
        let months = Set(items.map { BeijingTime.date(of: $0.receivedAt).month })
        #expect(months.count >= 4)
        #expect(try db.staff().count == DemoData.staff.count)  // the founder zhaolei is one of them
    }

    @Test func theBoardsFaultsHaveClimbedTheirPathsOnTime() throws {
        let (db, _) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 7), items: 600, days: 120, Context(actor: "zhaolei", now: now))
        let board = try db.items(ItemFilter(kinds: [.fault], activeOnly: true))
        let roles = Dictionary(uniqueKeysWithValues: DemoData.staff.map { ($0.username, $0.role) })
        var acknowledged = 0, waiting = 0
        for fault in board {
            let steps = try db.escalations(of: fault.id!)
            #expect(steps.contains { $0.step == .T0 }, "#\(fault.id!)")
            for step in steps {
                #expect(step.takenAt == step.dueAt, "taken when due, as a timer would")
                #expect(step.takenAt <= now)
                if let who = step.acknowledgedBy {
                    acknowledged += 1
                    #expect(roles[who] == step.step.role, "\(who) acknowledged \(step.step.rawValue)")
                    #expect(step.acknowledgedAt! > step.takenAt && step.acknowledgedAt! <= now)
                } else if step.step.isTier {
                    waiting += 1
                }
            }
        }
        #expect(acknowledged > 0 && waiting > 0)
        // Nothing was left for a timer to take.
        #expect(try db.escalateDue(Context(actor: "zhaolei", now: now)).isEmpty)
    }
}
