import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// The kinds the console lists, the panes that carry them, and equality as the compiler derives it.
@Suite("Kinds, panes and equality")
struct KindTests {
    @Test func eachListedKindHasItsPaneAndBack() {
        for kind in ServiceKind.allCases {
            #expect(ServiceKind(kind.itemKind) == kind)
            #expect(Pane.service(kind).serviceKind == kind)
        }
        #expect(ItemKind.allCases.compactMap(ServiceKind.init).count == ServiceKind.allCases.count)
        #expect(ServiceKind(.fault) == nil && ServiceKind(.inspection) == nil)
    }

    /// The tab bar numbers the panes 1 to 7 in this order, and the keys 1 to 7 show them.
    @Test func thePanesStandInTheirTabsOrder() {
        #expect(Pane.allCases == [.queue, .faults, .kpi, .service(.task), .service(.change), .service(.training), .inspections])
        #expect(Pane.allCases.map(\.position) == Array(0..<7))
        #expect(Pane.allCases.filter(\.isDesk) == Pane.desk && Pane.allCases.filter { !$0.isDesk } == Pane.services)
    }

    @Test func eachListedKindsListIsItsOwn() {
        let s = Sample.state(width: 120, height: 40)
        for kind in ServiceKind.allCases { #expect(s.list(kind).kind == kind) }
    }

    /// Actions are equal when their values are: two ticks within one second, or two messages that
    /// print alike, are not the same action.
    @Test func actionsCompareByValue() {
        let now = Date(timeIntervalSince1970: 1_637_654_400)
        #expect(Action.tick(now) != .tick(now.addingTimeInterval(0.5)))
        #expect(Action.tick(now) == .tick(now))
        #expect(Action.failed(LocalizedText(zh: "甲", en: "a")) != .failed(LocalizedText(zh: "甲", en: "b")))
    }

    /// Everything the console holds takes part in its equality: who is at the keyboard and whether
    /// a notice rings as well.
    @Test func consoleStatesCompareEveryField() {
        let a = Sample.state(width: 120, height: 40)
        var b = a
        #expect(a == b)
        b.operatorName = "someone else"
        #expect(a != b)
        b = a
        b.bellOnNotice.toggle()
        #expect(a != b)
    }

    /// A form's fields are read by key; each form asks for a key once.
    @Test func formsAskForEachKeyOnce() throws {
        let clock = Form.Clock(now: Date(timeIntervalSince1970: 1_637_654_400))
        for form in [Form.newCase(.zh, clock), .newChange(.en, clock)] {
            #expect(Set(form.fields.map(\.key)).count == form.fields.count)
        }
        var form = Form.newCase(.en, clock)
        let title = try #require(form.fields.firstIndex { $0.key == .title })
        form.fields[title].input = .text(TextField(" 打印机 "))
        #expect(form.value(.title) == "打印机")
    }
}
