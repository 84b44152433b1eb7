import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The tasks screen, the changes screen and a delivery, each on its own.
@Suite("Tasks and changes screens on their own")
struct ServiceScreenTests {
    @Test func theTasksListPagesLikeTheQueue() {
        var tasks = ServiceListScreen.State(kind: .task)
        #expect(TasksScreen.reduce(&tasks, .loaded(ServiceSample.taskPage(total: 1000))) == [])
        #expect(tasks.window.loaded && tasks.facts[303]?.error != nil)
        #expect(TasksScreen.reduce(&tasks, .move(by: 2)) == [])           // within the rows read
        #expect(tasks.selected?.id == 303)
        #expect(TasksScreen.reduce(&tasks, .move(by: 500)) == [.load(ServiceFilter(), offset: 452, limit: 200)])
        #expect(tasks.selected == nil)                                     // until that window arrives
        #expect(TasksScreen.reduce(&tasks, .move(by: .max / 2)) == [.load(ServiceFilter(), offset: 949, limit: 200)])
        #expect(tasks.window.selection == 999)
        // A window of the changes, or one read for other filters, is not the tasks'.
        var tasks2 = ServiceListScreen.State(kind: .task)
        _ = TasksScreen.reduce(&tasks2, .loaded(ServiceSample.changePage()))
        #expect(!tasks2.window.loaded)
        var closed = ServiceFilter()
        closed.status = .closed
        _ = TasksScreen.reduce(&tasks2, .loaded(ServiceSample.taskPage(closed)))
        #expect(!tasks2.window.loaded)
    }

    @Test func theTasksKeysFilterOpenAndHandTheirOwnToTheRoot() {
        var tasks = ServiceListScreen.State(kind: .task)
        _ = TasksScreen.reduce(&tasks, .loaded(ServiceSample.taskPage()))
        _ = TasksScreen.reduce(&tasks, .move(by: 1))
        #expect(TasksScreen.reduce(&tasks, .key(.enter)) == [.open(302)])
        #expect(TasksScreen.reduce(&tasks, .key(.char("n"))) == [.run(.newTask)])
        #expect(TasksScreen.reduce(&tasks, .key(.char("x"))) == [.run(.complete)])
        #expect(TasksScreen.reduce(&tasks, .key(.char("e"))) == [.run(.markErroneous)])
        #expect(TasksScreen.reduce(&tasks, .key(.char("t"))) == [.run(.take)])
        #expect(TasksScreen.reduce(&tasks, .key(.char("j"))) == [.run(.down)])   // the root knows the page's height
        #expect(TasksScreen.reduce(&tasks, .key(.char("f"))) == [])             // a new fault is the desk's
        #expect(TasksScreen.reduce(&tasks, .key(.char("q"))) == [.back])
        #expect(TasksScreen.reduce(&tasks, .key(.escape)) == [.back])
        // S: active → closed → all; the selection goes back to the top.
        var f = ServiceFilter()
        f.status = .closed
        #expect(TasksScreen.reduce(&tasks, .key(.char("S"))) == [.load(f, offset: 0, limit: 200)])
        #expect(tasks.window.selection == 0)
        f.status = .all
        f.mine = true
        _ = TasksScreen.reduce(&tasks, .key(.char("S")))
        #expect(TasksScreen.reduce(&tasks, .key(.char("m"))) == [.load(f, offset: 0, limit: 200)])
        #expect(f.itemFilter(.task, operator: "lina", now: now, offset: 0, limit: 10) == ItemFilter(kinds: [.task], mine: "lina", limit: 10))
        #expect(TasksScreen.reduce(&tasks, .key(.char("c"))) == [.load(ServiceFilter(), offset: 0, limit: 200)])
        #expect(TasksScreen.reduce(&tasks, .filter(.kind(.general))) == [.notHere])
    }

    @Test func theChangesKeysAreTheirOwn() {
        var changes = ServiceListScreen.State(kind: .change)
        _ = ChangesScreen.reduce(&changes, .loaded(ServiceSample.changePage()))
        #expect(changes.facts[401]?.change?.stage == .internalTest)
        #expect(ChangesScreen.reduce(&changes, .key(.char("a"))) == [.run(.advance)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("t"))) == [.run(.testRound)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("d"))) == [.run(.delivery)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("D"))) == [.run(.addDefect)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("n"))) == [.run(.newChange)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("x"))) == [])        // changes are released, not resolved
        var f = ServiceFilter()
        f.overdue = true
        #expect(ChangesScreen.reduce(&changes, .key(.char("o"))) == [.load(f, offset: 0, limit: 200)])
        #expect(ChangesScreen.reduce(&changes, .key(.char("/"))) == [.run(.search)])
    }

    @Test func aDeliveryScrollsRecordsADefectAndGoesBack() {
        var delivery = DeliveryScreen.State(id: 7, record: ServiceSample.delivery)
        #expect(DeliveryScreen.reduce(&delivery, .char("j")) == [])
        #expect(delivery.scroll == 1)
        #expect(DeliveryScreen.reduce(&delivery, .char("D")) == [.run(.addDefect)])
        #expect(DeliveryScreen.reduce(&delivery, .char("x")) == [])
        #expect(DeliveryScreen.reduce(&delivery, .escape) == [.close])
        #expect(ServiceSample.delivery.erroneous)                                // a defect three days after
    }

    @Test func aTaskOrChangeDetailTakesItsScreensKeysAndItsFacts() {
        var d = Detail(id: 401)
        _ = DetailScreen.reduce(&d, .loaded(ServiceSample.changes[0], []))
        _ = DetailScreen.reduce(&d, .factsLoaded(id: 402, ServiceFacts()))
        #expect(d.facts == nil)                                                    // another item's
        _ = DetailScreen.reduce(&d, .factsLoaded(id: 401, ServiceFacts(.change(ServiceSample.details[401]!, delivery: nil))))
        #expect(d.facts?.change?.stage == .internalTest)
        #expect(DetailScreen.reduce(&d, .key(.char("a"))) == [.run(.advance)])   // not the desk's acknowledge
        #expect(DetailScreen.commands(for: d.item, d.facts) == [.advance, .testRound, .link, .merge])   // and relating, merging
        d.delivery = DeliveryScreen.State(id: 7)
        _ = DetailScreen.reduce(&d, .deliveryLoaded(ServiceSample.delivery))
        #expect(d.delivery?.record?.delivery.label == "V3.2.1")
        #expect(DetailScreen.reduce(&d, .key(.char("q"))) == [])                  // back from the delivery to the change
        #expect(d.delivery == nil && d.item?.id == 401)
        #expect(DetailScreen.reduce(&d, .key(.char("q"))) == [.close])
    }
}
