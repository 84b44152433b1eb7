import Foundation
import HelpDeskCore
import Testing
@testable import ConsoleCore

/// A form reads its fields by key, and only the keys it asks for: every form, opened and filled in
/// with values its checks accept, saves; reading a key it lacks would stop the test (a debug build
/// stops on it) rather than read as an empty value.
@Suite("every form reads only the fields it asks for")
struct FormFieldTests {
    static let clock = Form.Clock(now: t("2021-11-23T16:00:00+08:00"))
    static let staff = [StaffMember(username: "lina", name: "李娜", role: .onsite)]

    static func item(_ id: Int64, _ kind: ItemKind) -> WorkItem {
        Sample.ticket(id, kind, title: "T", received: "2021-11-23T10:00:00+08:00", due: "2021-11-24T18:00:00+08:00")
    }

    /// Every form the console opens, each way it can be opened.
    static var forms: [Form] {
        let lang = Language.en, c = clock
        let fault1 = Sample.fault(201, level: .one, title: "T", reported: "2021-11-23T03:00:00+08:00")
        let fault2 = Sample.fault(202, level: .two, title: "T", reported: "2021-11-23T06:00:00+08:00")
        let change = item(401, .change), training = item(501, .training), task = item(301, .task)
        var forms: [Form?] = [
            .newCase(lang, c), .newFault(lang, c),
            .respond(item(101, .general), lang, c), .resolve(item(101, .general), lang, c), .resolve(fault1, lang, c),
            .raise(fault2, lang, c), .lower(fault1, lang, c),
            .assign(item(101, .general), staff: staff, lang, c), .assess(item(104, .requirement), lang, c),
            .reopen(item(101, .general), lang, c),
            .newTask(lang, c, staff: staff), .completeTask(task, lang, c), .markErroneous(task, lang, c),
            .newChange(lang, c), .testRound(change, number: 1, lang, c), .addDefect(delivery: 7, lang, c),
            .newTraining(lang, c), .addAttendee(training, lang, c),
            .scoreAttendee(training, attendees: [Attendee(name: "王芳", office: "城西区社保局", region: .xining)], lang, c),
            .addMaterial(training, lang, c),
            .addAttendee(training, last: Attendee(name: "才让", office: "囊谦县社保局", region: .yushu), lang, c),
            .correctAttendee(training, attendees: [Attendee(name: "才让", office: "玉树州社保局", region: .yushu),
                                                   Attendee(name: "才让", office: "囊谦县社保局", region: .yushu, score: 80)], lang, c),
            .newInspection(lang, c, inspector: "lina"),
            .note(item(101, .general), lang, c), .message(item(101, .general), lang, c),
            .correctCase(item(101, .general), lang, c),
            .wait(item(101, .general), lang, c), .link(item(101, .general), lang, c), .merge(item(101, .general), lang, c),
        ]
        forms += EscalationStep.allCases.map { Form.escalate(fault1, to: $0, lang, c) }
        forms += TrainingStep.allCases.map { Form.trainingStep(training, step: $0, lang, c) }
        forms += zip(ChangeStage.allCases, ChangeStage.allCases.dropFirst()).map { Form.advance(change, from: $0, to: $1, lang, c) }
        return forms.compactMap { $0 }
    }

    /// What a form is for, by name: a purpose added without a form opened here fails `everyPurpose`.
    static func name(_ purpose: Form.Purpose) -> String {
        switch purpose {
        case .newCase: return "newCase"
        case .newFault: return "newFault"
        case .respond: return "respond"
        case .resolve: return "resolve"
        case .restore: return "restore"
        case .raise: return "raise"
        case .assign: return "assign"
        case .escalate: return "escalate"
        case .assess: return "assess"
        case .reopen: return "reopen"
        case .lower: return "lower"
        case .newTask: return "newTask"
        case .completeTask: return "completeTask"
        case .markErroneous: return "markErroneous"
        case .newChange: return "newChange"
        case .advance: return "advance"
        case .testRound: return "testRound"
        case .addDefect: return "addDefect"
        case .newTraining: return "newTraining"
        case .trainingStep: return "trainingStep"
        case .addAttendee: return "addAttendee"
        case .scoreAttendee: return "scoreAttendee"
        case .addMaterial: return "addMaterial"
        case .correctAttendee: return "correctAttendee"
        case .newInspection: return "newInspection"
        case .addNote: return "addNote"
        case .addMessage: return "addMessage"
        case .correctCase: return "correctCase"
        case .wait: return "wait"
        case .link: return "link"
        case .merge: return "merge"
        }
    }

    static let purposes = ["newCase", "newFault", "respond", "resolve", "restore", "raise", "assign", "escalate", "assess",
                           "reopen", "lower", "newTask", "completeTask", "markErroneous", "newChange", "advance", "testRound",
                           "addDefect", "newTraining", "trainingStep", "addAttendee", "scoreAttendee", "addMaterial", "correctAttendee",
                           "newInspection", "addNote", "addMessage", "correctCase", "wait", "link", "merge"]

    @Test("every purpose has its form opened here")
    func everyPurpose() {
        #expect(Set(Self.forms.map { Self.name($0.purpose) }) == Set(Self.purposes))
    }

    /// Text a field's check accepts.
    static func accepted(_ field: Form.Field, _ form: Form) -> String {
        switch field.check {
        case .pastTime: return field.initialText
        case .due, .optionalDue: return "2021-11-30"
        case .date: return "2021-12-01"
        case .itemId: return ""
        case .requiredItemId: return "102"
        case .score, .requiredScore: return "90"
        case .phone: return "13800000000"
        case .none, .required:
            guard field.key == .readings else { return field.initialText.isEmpty ? "x" : field.initialText }
            switch InspectionKind(rawValue: form.value(.kind)) {
            case .database: return "tablespace YLBX_DATA 93.5"
            case .application: return "cpu app03 71"
            case .business, nil: return "visit 玉树州 反映测算慢"
            }
        }
    }

    /// The form filled in with accepted text, once for each option of each of its choices.
    static func filled(_ form: Form) -> [Form] {
        var variants = [form]
        for (i, field) in form.fields.enumerated() {
            guard case .choice(let options, _) = field.input else { continue }
            for option in options.indices {
                var variant = form
                variant.fields[i].input = .choice(options, option)
                variants.append(variant)
            }
        }
        return variants.map { variant in
            var filled = variant
            for i in filled.fields.indices {
                guard case .text = filled.fields[i].input else { continue }
                filled.fields[i].input = .text(TextField(accepted(filled.fields[i], filled)))
            }
            return filled
        }
    }

    @Test("every form, filled in with accepted values, saves: each key its save reads is one it asks for")
    func everyFormSaves() {
        for form in Self.forms {
            #expect(Set(form.fields.map(\.key)).count == form.fields.count, "\(form.purpose) asks for a key twice")
            for filled in Self.filled(form) {
                #expect(filled.problems(.en).isEmpty, "\(filled.purpose): \(filled.problems(.en))")
                #expect(filled.request(.en) != nil, "\(filled.purpose) did not save")
                _ = filled.preview(rules: DeadlineRules(calendar: WorkCalendar(years: [], version: "test")))
            }
        }
    }

    #if DEBUG
    @Test("reading a key the form does not ask for stops the program rather than reading empty")
    func missingKeyStops() async {
        await #expect(processExitsWith: .failure) {
            _ = Form.newCase(.en, Form.Clock(now: Date(timeIntervalSince1970: 1_637_654_400))).value(.signedBy)
        }
    }
    #endif
}
