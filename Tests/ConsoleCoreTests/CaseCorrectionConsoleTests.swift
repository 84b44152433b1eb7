import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// `e` corrects a CASE ticket: a form prefilled with what it holds, the new deadline previewed when
/// the kind or the received time changes, and only what changed saved.
@Suite("Correcting a CASE ticket in the console")
struct CaseCorrectionConsoleTests {
    static let rules = DeadlineRules(calendar: WorkCalendar(years: [], version: "test"))

    /// The console with #103 (general, received 15:20, due the next day) selected in the queue.
    static func on103(_ lang: Language) -> ConsoleState {
        var s = Sample.state(width: 120, height: 40, language: lang)
        for _ in 0..<10 where s.selectedTicket?.id != 103 { _ = s.press(.char("j")) }
        return s
    }

    static func form(_ s: ConsoleState) -> Form? {
        if case .form(let form, _) = s.mode { return form }
        return nil
    }

    @Test func eOnTheQueueOpensTheFormPrefilledWithTheTicket() throws {
        var s = Self.on103(.zh)
        #expect(s.selectedTicket?.id == 103)
        #expect(s.press(.char("e")) == [])
        let form = try #require(Self.form(s))
        #expect(form.purpose == .correctCase(id: 103, version: 1))
        #expect(form.value(.kind) == "general")
        #expect(form.value(.channel) == "wechat")
        #expect(form.value(.region) == "haidong")
        #expect(form.value(.title) == "Ukey证书过期无法登录")
        #expect(form.value(.requester) == "王建华")
        #expect(form.value(.at) == "2021-11-23 15:20")
        // Nothing changed yet: no deadline previewed.
        #expect(form.preview(rules: Self.rules) == nil)
        #expect(render(s).row(containing: "时限：") == nil)
    }

    @Test(arguments: [Language.zh, .en])
    func aNewKindPreviewsTheNewDeadlineWithItsReasons(_ lang: Language) throws {
        var s = Self.on103(lang)
        _ = s.press(.char("e"), .right)                    // general → special
        let form = try #require(Self.form(s))
        let expected = Self.rules.special(confirmedAt: t("2021-11-23T15:20:00+08:00"))
        #expect(form.preview(rules: Self.rules) == expected)
        let b = render(s)
        #expect(b.row(containing: Catalog.Corrections.correctTitle(103)(lang)) != nil)
        #expect(b.row(containing: Catalog.Forms.Screen.deadline(BeijingTime.iso(expected.due))(lang)) != nil)
        #expect(!expected.reasons.isEmpty)
        for reason in expected.reasons {
            #expect(b.row(containing: String(reason.text(lang).prefix(30))) != nil, "\(reason.text(lang))")
        }
        // Only the kind is saved, on the version the form was opened on.
        #expect(s.press(.ctrl("s")) == [.write(.correctCase(id: 103, CaseCorrection(kind: .special), version: 1))])
    }

    @Test func aNewReceivedTimePreviewsItsDeadlineAndIsSaved() throws {
        var s = Self.on103(.zh)
        _ = s.press(.char("e"))
        for _ in 0..<8 { _ = s.press(.tab) }                 // the received time
        s.type("14:30")                                       // before the cut-off: due the same day
        let form = try #require(Self.form(s))
        let expected = Self.rules.general(receivedAt: t("2021-11-23T14:30:00+08:00"))
        #expect(form.preview(rules: Self.rules) == expected)
        #expect(render(s).row(containing: "时限：\(BeijingTime.iso(expected.due))") != nil)
        #expect(s.press(.ctrl("s")) == [.write(.correctCase(id: 103, CaseCorrection(receivedAt: t("2021-11-23T14:30:00+08:00")),
                                                            version: 1))])
    }

    @Test func clearedAndChangedTextIsSavedAndTheRestIsNot() throws {
        var s = Self.on103(.zh)
        _ = s.press(.char("e"), .tab, .tab, .tab, .tab, .ctrl("u"))   // the requester, cleared
        _ = s.press(.tab)
        s.type("海东市社保局")
        #expect(s.press(.ctrl("s")) == [.write(.correctCase(id: 103, CaseCorrection(requesterName: "", requesterOffice: "海东市社保局"),
                                                            version: 1))])
    }

    @Test func eInACaseTicketsDetailsOpensTheFormAndReturnsThere() throws {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.enter)
        _ = s.reduce(.detailLoaded(Sample.tickets[0], []))
        #expect(DetailScreen.commands(for: Sample.tickets[0]).contains(.correctCase))
        _ = s.press(.char("e"))
        guard case .form(let form, let returnTo) = s.mode else { Issue.record("no form"); return }
        #expect(form.purpose == .correctCase(id: 101, version: 1))
        #expect(returnTo?.id == 101)
        _ = s.press(.escape)
        guard case .detail = s.mode else { Issue.record("did not return to the details"); return }
    }

    @Test func aFaultIsNotCorrectedHere() {
        var s = Sample.state(width: 120, height: 40)
        _ = s.press(.char("2"), .enter)                      // a fault's details
        guard case .detail(let d) = s.mode else { Issue.record("no details"); return }
        #expect(d.item?.kind == .fault)
        #expect(!DetailScreen.commands(for: Sample.faults[0]).contains(.correctCase))
        #expect(s.press(.char("e")) == [.bell])
        #expect(s.status?.text == Catalog.Corrections.onlyCaseTickets(.zh))
        // On the faults list the key is not one of its own.
        var f = Sample.state(width: 120, height: 40)
        _ = f.press(.char("2"), .char("e"))
        #expect(Self.form(f) == nil)
    }

    @Test func theStoresRefusalAndTheNewDeadlineAreSaidInTheReadersLanguage() {
        var s = Self.on103(.en)
        _ = s.press(.char("e"), .right, .ctrl("s"))
        _ = s.reduce(.refused(.rule(Catalog.Corrections.nothingChanges(103))))
        #expect(s.status?.text == Catalog.Corrections.nothingChanges(103).en)
        #expect(Self.form(s) != nil)                          // what was typed stays
        _ = s.reduce(.saved(.corrected(id: 103, due: t("2021-11-24T15:20:00+08:00"))))
        #expect(s.status?.text == "#103 corrected; new deadline 2021-11-24T15:20:00+08:00")
        var z = Self.on103(.zh)
        _ = z.reduce(.refused(.rule(Catalog.Corrections.nothingChanges(103))))
        #expect(z.status?.text == Catalog.Corrections.nothingChanges(103).zh)
    }
}
