import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// A label or a figure that carries meaning is never cut: a title falls back to short forms and
/// leaves out what matters least, columns size to what they carry, form labels are measured.
@Suite("texts fit where they stand")
struct TextFitTests {
    static let sizes = [(80, 24), (120, 40), (160, 40)]
    static let languages: [Language] = [.zh, .en]

    @Test func aTitleShortensThenLeavesOutTheLeastImportantPartNeverCutting() {
        let parts = [TitleFit.Part("2021-11", priority: 3), TitleFit.Part("2021-W47", short: "W47", priority: 1, lead: " / "),
                     TitleFit.Part("frozen through 2021-10", short: "frozen≤2021-10", priority: 2)]
        #expect(TitleFit.fit(parts, width: 60) == "2021-11 / 2021-W47 · frozen through 2021-10")
        #expect(TitleFit.fit(parts, width: 38) == "2021-11 / W47 · frozen through 2021-10")
        #expect(TitleFit.fit(parts, width: 33) == "2021-11 · frozen through 2021-10")
        #expect(TitleFit.fit(parts, width: 25) == "2021-11 · frozen≤2021-10")
        #expect(TitleFit.fit(parts, width: 20) == "2021-11")
        #expect(TitleFit.fit(parts, width: 5) == "")
    }

    @Test func theFrozenMarkIsWholeOnTheServiceLevelsAtEverySize() {
        for (width, height) in Self.sizes {
            for language in Self.languages {
                var s = Sample.state(width: width, height: height, language: language)
                var k = Sample.kpi
                k.frozenThrough = .month(year: 2021, month: 10)
                _ = s.reduce(.kpiLoaded(k))
                _ = s.press(.char("3"))
                let b = render(s)
                let full = Catalog.Screens.ServiceLevels.frozenThrough(.month(year: 2021, month: 10))(language)
                let short = Catalog.ConsoleFit.frozenThroughShort(.month(year: 2021, month: 10))(language)
                let shown = (0..<b.height).map(b.line).first { $0.contains("2021-10") }
                #expect(shown.map { $0.contains(full) || $0.contains(short) } == true,
                        "\(width)×\(height) \(language): \(shown ?? "no frozen mark")")
                // In Chinese the pane has room for the whole mark from 120 columns; in English its short form.
                if width >= 120, language == .zh { #expect(shown?.contains(full) == true, "\(width): \(shown ?? "")") }
            }
        }
    }

    @Test func aTaskLongOverdueShowsItsWholeTimeLeft() {
        // 102 days and 15 hours before now (2021-11-23 16:00).
        let late = ServiceSample.task(309, title: "补录果洛州退休人员资格认证记录", due: "2021-08-13T01:00:00+08:00")
        for (width, height) in Self.sizes {
            for language in Self.languages {
                var s = ServiceSample.state(.tasks, width: width, height: height, language: language)
                _ = s.reduce(.servicesLoaded(ServicePage(.task, ServiceFilter(), items: [late] + ServiceSample.tasks, offset: 0, total: 4, facts: [:])))
                let b = render(s)
                let figure = TimeLeft.text(from: now, to: t("2021-08-13T01:00:00+08:00"), language)
                #expect(figure == (language == .zh ? "超102天15时" : "-102d15h"))
                #expect(b.row(containing: figure) != nil, "\(width) \(language):\n\((0..<b.height).map(b.line).joined(separator: "\n"))")
            }
        }
    }

    /// Time past a deadline reads the same in the queue's and the board's "Left" column: `-` in
    /// English (the time left is negative), 超 in Chinese.
    @Test func overdueIsSignedAlikeInTheQueueAndOnTheBoard() {
        let due = t("2021-11-23T08:00:00+08:00")
        #expect(TimeLeft.text(from: now, to: due, .en).hasPrefix("-"))
        #expect(Countdown.text(to: due, from: now, .en).hasPrefix("-"))
        #expect(TimeLeft.text(from: now, to: due, .zh).hasPrefix("超") && Countdown.text(to: due, from: now, .zh).hasPrefix("超"))
    }

    @Test func formLabelsAreWholeAtEverySize() {
        for (width, height) in Self.sizes {
            for language in Self.languages {
                var s = InspectionSample.state(width: width, height: height, language: language)
                _ = s.press(.char("n"))
                guard case .form(let form, _) = s.mode else { Issue.record("no form"); return }
                let b = render(s)
                for field in form.fields {
                    #expect(b.row(containing: field.label) != nil, "\(width) \(language): '\(field.label)' cut")
                }
                #expect(b.row(containing: Catalog.Forms.Field.readings(language)) != nil)
            }
        }
    }
}
