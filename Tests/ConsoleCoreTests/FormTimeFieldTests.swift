import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// Every time and date field of every form takes the same typed forms, read by the one reader, and
/// shows beside it what it resolves to.
@Suite("every form's time fields take the same forms")
struct FormTimeFieldTests {
    static let timeChecks: [Form.Check] = [.pastTime, .due, .optionalDue, .date]

    /// What each kind of field makes of each typed form at 2021-11-23 16:00 (nil: refused).
    static func expected(_ check: Form.Check, _ typed: String) -> String? {
        switch (check, typed) {
        case (.pastTime, "14:59"): return "2021-11-23 14:59"
        case (.pastTime, "11-22 14:59"), (.pastTime, "2021-11-22 14:59"), (.pastTime, "2021-11-22T06:59:00Z"): return "2021-11-22 14:59"
        case (.pastTime, _): return nil                                     // a day alone, or later than now
        case (.due, "12-08"), (.due, "2021-12-08"), (.optionalDue, "12-08"), (.optionalDue, "2021-12-08"): return "2021-12-08 18:00"
        case (.due, "12-08 14:59"), (.optionalDue, "12-08 14:59"): return "2021-12-08 14:59"
        case (.due, "14:59"), (.optionalDue, "14:59"): return "2021-11-23 14:59"
        case (.due, "11-22 14:59"), (.due, "2021-11-22 14:59"), (.due, "2021-11-22T06:59:00Z"),
             (.optionalDue, "11-22 14:59"), (.optionalDue, "2021-11-22 14:59"), (.optionalDue, "2021-11-22T06:59:00Z"):
            return "2021-11-22 14:59"
        case (.date, "12-08"), (.date, "2021-12-08"): return "2021-12-08"
        default: return nil
        }
    }

    static let typed = ["12-08", "2021-12-08", "12-08 14:59", "14:59", "11-22 14:59", "2021-11-22 14:59", "2021-11-22T06:59:00Z"]

    @Test func everyTimeFieldOfEveryFormTakesTheSameForms() {
        let clock = FormFieldTests.clock
        var seen = Set<String>()
        for form in FormFieldTests.forms {
            for (i, field) in form.fields.enumerated() where Self.timeChecks.contains(field.check) {
                seen.insert(FormFieldTests.name(form.purpose))
                for typed in Self.typed {
                    var filled = form
                    filled.fields[i].input = .text(TextField(typed))
                    let f = filled.fields[i]
                    let what = "\(FormFieldTests.name(form.purpose)).\(field.key.rawValue) \(typed)"
                    if let full = Self.expected(field.check, typed) {
                        #expect(f.problem(.en, clock) == nil, "\(what): \(f.problem(.en, clock) ?? "")")
                        #expect((f.resolved(clock) ?? typed) == full, "\(what)")
                    } else {
                        #expect(f.problem(.en, clock) != nil, "\(what) was taken")
                        #expect(f.resolved(clock) == nil, "\(what)")
                    }
                }
            }
        }
        #expect(seen == ["newCase", "newFault", "addDefect", "newInspection", "trainingStep", "newTask", "assess",
                         "newChange", "newTraining", "correctCase"])
    }

    @Test func whatAFieldResolvesToIsShownBesideIt() {
        for language in [Language.zh, .en] {
            var s = ServiceSample.state(.tasks, language: language)
            _ = s.press(.char("n"))
            s.type("统计退休人员待遇")
            _ = s.press(.tab)
            s.type("12-08")
            var b = render(s)
            let shown = language == .zh ? "即 2021-12-08 18:00" : "= 2021-12-08 18:00"
            let row = b.row(containing: shown)
            #expect(row.map { b.line($0).contains("12-08 ") } == true, "\((0..<b.height).map(b.line).joined(separator: "\n"))")
            _ = s.press(.ctrl("u"))
            s.type("2021-12-08 18:00")                     // typed in full: nothing to add beside it
            b = render(s)
            #expect(b.row(containing: shown) == nil)
        }
    }
}
