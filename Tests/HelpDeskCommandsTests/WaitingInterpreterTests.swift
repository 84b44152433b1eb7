import ConsoleCore
import Foundation
import Testing
@testable import HelpDeskCommands
import HelpDeskCore
import HelpDeskDemo
import HelpDeskStore

// The console's writes for waiting, links and merges, against a database in memory, and what the
// details read of them.

private func at(_ text: String) -> Date { try! TimeInput.parseInstant(text) }

private let now = at("2021-11-23T11:00:00+08:00")

private func desk() throws -> (ConsoleInterpreter, AppDatabase, Context) {
    let db = try AppDatabase.inMemory()
    try db.ensureFounder(username: "zhaolei", name: "赵磊")
    let ctx = Context(actor: "zhaolei", now: now)
    for m in DemoData.staff where m.username != "zhaolei" { try db.addStaff(m, ctx) }
    return (ConsoleInterpreter(database: db, databasePath: "/tmp/desk.sqlite"), db, ctx)
}

private func addTicket(_ db: AppDatabase, _ ctx: Context, title: String = "养老金测算结果不一致") throws -> Int64 {
    try db.addCase(NewCase(kind: .general, channel: .phone, region: .xining, title: title, requesterName: "王建华",
                           requesterOffice: "西宁市社保局", requesterPhone: "0971-6100000"),
                   at: at("2021-11-23T10:00:00+08:00"), ctx).id!
}

@Suite("The console's interpreter: waiting, links and merges")
struct WaitingInterpreterTests {
    @Test func pauseThenResumeOnTheItemsVersion() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        let version = try db.item(id).version
        #expect(run.write(.pause(id: id, reason: "等参保人补交材料", version: version), ctx) == .saved(.saved(id: id)))
        #expect(try db.item(id).status == .waiting)
        // A second pause is refused by the rules, in both languages; nothing changes.
        let waiting = try db.item(id)
        guard case .refused(.rule(let why)) = run.write(.pause(id: id, reason: "x", version: waiting.version), ctx) else {
            Issue.record("a second pause was not refused"); return
        }
        #expect(why.en.contains("#\(id)") && !why.zh.isEmpty)
        #expect(try db.item(id) == waiting)
        // A stale version is refused as such.
        #expect(run.write(.resume(id: id, version: version), ctx) == .refused(.stale(id: id, expected: version, current: waiting.version)))
        let later = Context(actor: "zhaolei", now: at("2021-11-23T14:00:00+08:00"))
        #expect(run.write(.resume(id: id, version: waiting.version), later) == .saved(.saved(id: id)))
        #expect(try db.item(id).status == .open)
        let pauses = try db.pauses(of: id)
        #expect(pauses.count == 1 && pauses[0].reason == "等参保人补交材料" && pauses[0].resumedAt == later.now)
    }

    @Test func resumingAnItemThatDoesNotWaitIsRefused() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        let before = try db.item(id)
        guard case .refused(.rule(let why)) = run.write(.resume(id: id, version: before.version), ctx) else {
            Issue.record("not refused"); return
        }
        #expect(why == Catalog.WaitingAndLinks.notWaiting(id))
        #expect(try db.item(id) == before)
    }

    @Test func linkAndMergeThenTheDetailsReadThem() throws {
        let (run, db, ctx) = try desk()
        let a = try addTicket(db, ctx), b = try addTicket(db, ctx, title: "同一参保人重复来电")
        #expect(run.write(.link(id: a, other: b), ctx) == .saved(.saved(id: a)))
        guard case .refused(.rule) = run.write(.link(id: a, other: b), ctx) else { Issue.record("linked twice"); return }
        guard case .refused(.rule) = run.write(.link(id: a, other: a), ctx) else { Issue.record("linked to itself"); return }
        #expect(run.write(.merge(id: b, into: a, version: try db.item(b).version), ctx) == .saved(.merged(id: b, into: a)))
        #expect(try db.item(b).status == .merged && db.item(b).mergedInto == a)
        guard case .refused = run.write(.merge(id: a, into: 9999, version: try db.item(a).version), ctx) else {
            Issue.record("merged into a missing item"); return
        }

        guard case .loaded(let actions) = run.load(.loadDetail(a), operator: "zhaolei", now: now),
              let relations = actions.compactMap({ action -> ItemRelations? in
                  if case let .relationsLoaded(id, r) = action, id == a { return r }
                  return nil
              }).first else { Issue.record("no relations read"); return }
        #expect(relations.related.map(\.id) == [b])
        #expect(relations.merged.map(\.id) == [b] && relations.merged[0].status == .merged)
        #expect(relations.pauses.isEmpty)
    }

    @Test func theDetailsReadThePauses() throws {
        let (run, db, ctx) = try desk()
        let id = try addTicket(db, ctx)
        _ = run.write(.pause(id: id, reason: "等材料", version: try db.item(id).version), ctx)
        guard case .loaded(let actions) = run.load(.loadDetail(id), operator: "zhaolei", now: now),
              case let .relationsLoaded(_, relations)? = actions.first(where: { if case .relationsLoaded = $0 { true } else { false } })
        else { Issue.record("no relations read"); return }
        #expect(relations.pauses.count == 1)
        #expect(relations.pauses[0].reason == "等材料" && relations.pauses[0].from == now && relations.pauses[0].to == nil)
    }
}
