import Foundation
import Testing
@testable import HelpDeskCore
@testable import HelpDeskStore
import HelpDeskDemo

/// The demo shows the conversation around a ticket: its tickets name the directory's requesters
/// (several each), some carry notes, messages and a reply, one waits, one is related to a fault, a
/// duplicate is merged (its requester joining the ticket it repeats), one has a text attachment.
@Suite("Demo conversation")
struct DemoConversationTests {
    @Test func theDemoShowsTheConversationAroundATicket() throws {
        let (db, _) = try makeDatabase()
        let now = t("2026-11-20T10:00:00+08:00")
        try db.fillDemo(DemoData(seed: 7), items: 60, days: 30, Context(actor: "zhaolei", now: now))
        let directory = try db.requesters()
        #expect(directory.count == 5)
        var story: Set<Int64> = []
        for entry in directory {
            let tickets = try db.itemsOfRequester(entry.id!)
            // Several of their own (and the ticket a duplicate of theirs was merged into).
            let own = tickets.filter { $0.requesterName == entry.name && $0.requesterOffice == entry.office }
            #expect(own.count >= 2, "\(entry.name) \(entry.office): \(own.count)")
            story.formUnion(tickets.compactMap(\.id))
        }
        let items = try story.sorted().map { try db.item($0) }
        // Notes, the requester's messages, a reply.
        let entries = try story.flatMap { try db.timeline(of: $0) }
        #expect(entries.contains { $0.kind == .note } && entries.contains { $0.kind == .message } && entries.contains { $0.kind == .reply })
        // One waits on its requester.
        #expect(items.contains { $0.status == .waiting })
        // One is related to a fault.
        let related = try story.flatMap { try db.relatedItems(of: $0) }
        #expect(related.contains { $0.kind == .fault })
        // A duplicate merged into the ticket it repeats, whose requesters are then two.
        let merged = try #require(items.first { $0.status == .merged })
        let target = try #require(merged.mergedInto)
        #expect(try db.requestersOfItem(target).count == 2)
        // A small text attachment.
        let attached = try story.flatMap { try db.attachments(of: .item($0)) }
        #expect(attached.count == 1 && attached[0].type == .text && attached[0].size < 1024)
        // Received in the last hours, before now.
        #expect(items.allSatisfy { $0.receivedAt <= now && $0.receivedAt > now.addingTimeInterval(-6 * 3600) })
    }

    @Test func aSecondFillTellsTheStoryOnlyOnce() throws {
        let (db, _) = try makeDatabase()
        let ctx = Context(actor: "zhaolei", now: t("2026-11-20T10:00:00+08:00"))
        try db.fillDemo(DemoData(seed: 1), items: 20, days: 10, ctx)
        let linked = try db.requesters().map { try db.itemsOfRequester($0.id!).count }
        try db.fillDemo(DemoData(seed: 2), items: 10, days: 10, ctx)
        #expect(try db.requesters().map { try db.itemsOfRequester($0.id!).count } == linked)
    }
}
