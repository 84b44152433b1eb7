import Foundation
import Testing
import HelpDeskCore
@testable import ConsoleCore

/// An item's presentation, built once for the command line's `show` and the console's details.
@Suite("item presentation")
struct ItemPresentationTests {
    static func labels(_ p: ItemPresentation) -> [String] { p.sections[0].fields.map(\.label) }
    static func field(_ p: ItemPresentation, _ label: String) -> ItemPresentation.Field? {
        p.sections.flatMap(\.fields).first { $0.label == label }
    }

    static let escalations = [
        EscalationFact(step: .T0, takenAt: t("2021-11-23T06:00:00+08:00"), takenBy: "lina", byRule: true,
                       reason: .rule(level: .two, percent: 0, step: .T0), acknowledgedAt: t("2021-11-23T06:10:00+08:00"), acknowledgedBy: "mali"),
        EscalationFact(step: .T1, takenAt: t("2021-11-23T08:00:00+08:00"), takenBy: "zhangwei", byRule: false, reason: .stated("仍未恢复")),
    ]

    /// Each kind with what it has beyond the work item, as the store would read it.
    static var items: [(WorkItem, ServiceFacts)] {
        var ticket = Sample.tickets[0]
        ticket.requesterOffice = "西宁市社保局"
        ticket.requesterPhone = "13800000000"
        var special = Sample.tickets[1]
        special.confirmedAt = t("2021-11-23T09:40:00+08:00")
        special.requesterName = nil
        special.requesterPhone = "0971-1234567"
        return [
            (ticket, ServiceFacts(links: ItemLinks(derived: [301]), inspections: [2])),
            (special, ServiceFacts()),
            (Sample.faults[1], ServiceFacts(.fault(escalations: escalations))),
            (ServiceSample.tasks[2], ServiceFacts(.task(error: ServiceSample.errors[303]), links: ItemLinks(source: 101))),
            (ServiceSample.changes[2], ServiceFacts(.change(ServiceSample.details[403]!, delivery: ServiceSample.delivery),
                                                    links: ItemLinks(source: 104, derived: [305]))),
            (TrainingSample.items[1], ServiceFacts(.training(TrainingSample.details[502]!))),
        ]
    }

    static func present(_ i: Int, _ lang: Language = .en) -> ItemPresentation {
        ItemPresentation(items[i].0, facts: items[i].1, history: [], now: now, lang)
    }

    @Test func aTicketGivesItsRequesterInFullItsLinksAndInspections() {
        let p = Self.present(0)
        #expect(p.heading == .init(id: 101, kind: "general", status: "open", version: 1))
        #expect(Self.labels(p) == ["Title", "Region", "Channel", "Requester", "Taken by", "Inspections", "Received", "Deadline", "Led to"])
        #expect(Self.field(p, "Requester")?.value == "王建华  西宁市社保局  13800000000")
        #expect(Self.field(p, "Inspections")?.value == "#2")
        let deadline = Self.field(p, "Deadline")
        #expect(deadline?.value.hasPrefix("2021-11-22T18:00:00+08:00  (") == true && deadline?.emphasis == .urgency(.overdue))
        #expect(p.sections.count == 1, "no section beyond the fields")
    }

    @Test func aSpecialCaseGivesItsConfirmationAndAPhoneWithoutAName() {
        let p = Self.present(1)
        #expect(Self.labels(p) == ["Title", "Region", "Channel", "Requester", "Taken by", "Received", "Confirmed", "Deadline"])
        #expect(Self.field(p, "Requester")?.value == "0971-1234567")
    }

    @Test func aFaultGivesItsLevelItsCountdownAndItsEscalation() throws {
        let p = Self.present(2)
        #expect(p.heading.kind == "level 2 fault")
        #expect(Self.present(2, .zh).heading.kind == "2级故障")
        #expect(Self.labels(p) == ["Title", "Region", "Reported", "Deadline"])
        let due = try #require(Sample.faults[1].dueAt)
        #expect(Self.field(p, "Deadline")?.value == "\(BeijingTime.iso(due))  (\(Countdown.text(to: due, from: now, .en)))", "to the second")
        let escalation = p.sections[1]
        #expect(escalation.title == "Escalation" && escalation.empty == "(none)")
        #expect(escalation.fields.count == 2)
        #expect(escalation.fields[0].value.contains("rule") && escalation.fields[0].value.contains("✓ mali"))
        #expect(escalation.fields[1].value.hasSuffix("仍未恢复 awaiting acknowledgement"))
        // Before its facts are read, a fault still has the section, empty.
        let bare = ItemPresentation(Sample.faults[1], facts: nil, history: [], now: now, .en)
        #expect(bare.sections[1].fields.isEmpty && bare.sections[1].title == "Escalation")
    }

    @Test func aTaskGivesWhereItCameFromAndItsErrorMark() {
        let p = Self.present(3)
        #expect(Self.labels(p) == ["Title", "Taken by", "Assignee", "Received", "Deadline", "Closed", "Root cause", "Solution", "From", "Erroneous"])
        #expect(Self.field(p, "Erroneous")?.emphasis == .error)
        #expect(Self.field(p, "Deadline")?.value == "2021-11-22T18:00:00+08:00", "closed in time: no note")
    }

    @Test func aChangeGivesItsStageWayRoundsAndDeliveryWithDefects() {
        let p = Self.present(4)
        #expect(p.heading.status == "released")
        #expect(Self.labels(p) == ["Title", "Taken by", "Received", "Deadline", "Closed", "Root cause", "Solution", "From", "Led to",
                                   "Type", "Stage", "Signed by", "Round 1", "Delivery", "Defect"])
        let stage = Self.field(p, "Stage")
        #expect(stage?.value.hasSuffix("[released]") == true && stage?.compact == "released (6/6)")
        #expect(Self.field(p, "Round 1")?.emphasis == .met)
        #expect(Self.field(p, "Delivery")?.key == "d" && Self.field(p, "Delivery")?.value.hasPrefix("#7 V3.2.1") == true)
    }

    @Test func aTrainingGivesItsStepsAttendeesAndMaterials() {
        let p = Self.present(5)
        #expect(p.heading.status == "4/7 steps done")
        #expect(Self.labels(p) == ["Title", "Taken by", "Received", "For", "Held on", "Place", "Trainer", "Steps", "", "", "", "", "", "",
                                   "Attended", "Average", "Attendees", "", "", "Materials"])
        #expect(Self.field(p, "Average")?.value == "85.5 (2 of 3 scored)")
    }

    /// The console's details draw every field of the presentation, label and value, and each section's title.
    @Test(arguments: 0..<6)
    func theDetailsDrawEveryField(_ i: Int) throws {
        let (item, facts) = Self.items[i]
        var d = Detail(id: item.id!)
        d.item = item
        d.facts = facts
        var buf = ScreenBuffer(width: 200, height: 80)
        DetailScreen.draw(&buf, Rect(x: 0, y: 0, width: 200, height: 80), d, ScreenContext(now: now, language: .en), .dark)
        let screen = buf.lines.joined(separator: "\n")
        let p = Self.present(i)
        #expect(buf.lines[0].contains("#\(item.id!) \(p.heading.kind) · \(p.heading.status)"))
        for section in p.sections {
            if let title = section.title { #expect(screen.contains(title)) }
            for f in section.fields {
                let value = f.value.components(separatedBy: "\n")[0]
                #expect(buf.lines.contains { (f.label.isEmpty || $0.contains(f.label)) && $0.contains(value) }, "\(f.label): \(f.value)")
            }
        }
    }
}
