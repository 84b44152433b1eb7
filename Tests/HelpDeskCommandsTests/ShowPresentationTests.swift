import Foundation
import Testing
import HelpDeskCore
import HelpDeskStore
@testable import ConsoleCore
@testable import HelpDeskCommands

/// The command line's `show` and the console's details lay out an item from one presentation.
@Suite("show and the console's details", .scratch)
struct ShowPresentationTests {
    /// `show`'s fields as (label, value), its number, kind, status and version left out; its
    /// titled sections as (title, row) pairs.
    static func shownFields(_ text: String) -> (kind: String, status: String, fields: [[String]], sections: [[String]]) {
        let lines = text.components(separatedBy: "\n")
        let head = lines.prefix { !$0.isEmpty }
        // The first line is `ID  #5`, its label fitted to the labels' column.
        let width = (head.first.map { $0.prefix { $0 != "#" }.count } ?? 2) - 2
        var pairs = head.map { line -> [String] in
            let label = String(line.prefix(width)).trimmingCharacters(in: .whitespaces)
            return [label, String(line.dropFirst(width + 2))]
        }
        let kind = pairs[1][1], status = pairs[2][1]
        pairs = Array(pairs.dropFirst(3).dropLast())
        var sections: [[String]] = []
        var title: String?
        for line in lines.dropFirst(head.count) {
            if line.hasSuffix(":") && !line.hasPrefix(" ") { title = String(line.dropLast()) } else if line.hasPrefix("  "), let title {
                sections.append([title, String(line.dropFirst(2))])
            }
        }
        return (kind, status, pairs, sections.filter { $0[0] != "History" })
    }

    /// The console's detail rows as (label, value) for the item's fields, and (title, row) for the sections.
    static func consoleFields(_ p: ItemPresentation) -> (fields: [[String]], sections: [[String]]) {
        var rows = DetailScreen.rows(p, width: 1_000, history: "History", .dark).map { [$0.0, $0.2] }
        let fields = Array(rows.prefix { $0 != ["", ""] })
        rows.removeFirst(fields.count)
        var sections: [[String]] = []
        var title: String?
        for row in rows where row != ["", ""] {
            if row[1].isEmpty { title = row[0] } else if let title, title != "History" {
                sections.append([title, row[0].isEmpty ? row[1] : "\(row[0])  \(row[1])"])
            }
        }
        return (fields, sections)
    }

    @Test func showAndTheDetailsCarryTheSameFieldsForEachKind() throws {
        let services = try ServiceDesk.make()
        let fault = addFault(services, level: 2, at: "2021-11-23T10:00:00+08:00")
        ok(["escalate"], db: services)
        let trainings = try TrainingDesk.make()
        let now = try TimeInput.parseInstant(defaultNow)
        for (db, ids) in [(services, Array(1...6) + [fault]), (trainings, [TrainingDesk.training])] {
            let store = try AppDatabase.open(path: db)
            for id in ids {
                let shown = Self.shownFields(ok(["show", "\(id)", "--lang", "en"], db: db))
                let (item, history) = try store.itemWithHistory(Int64(id))
                let p = ItemPresentation(item, facts: try store.facts(of: item), history: history, now: now, .en)
                let console = Self.consoleFields(p)
                #expect(shown.fields.count > 3, "#\(id): \(shown.fields)")
                #expect(shown.kind == p.heading.kind && shown.status == p.heading.status, "#\(id)")
                #expect(shown.fields.map { $0[0] } == console.fields.map { $0[0] }, "#\(id): the same labels in the same order")
                for (cli, tui) in zip(shown.fields, console.fields) {
                    #expect(tui[1].hasPrefix(cli[1]), "#\(id) \(cli[0]): show says \(cli[1]), the console \(tui[1])")
                }
                #expect(shown.sections == console.sections, "#\(id)")
                if item.kind == .fault { #expect(shown.sections.count >= 1 && shown.sections[0][0] == "Escalation", "\(shown.sections)") }
                if item.kind == .change, item.status == .closed {
                    #expect(shown.fields.contains { $0[0] == "Delivery" && $0[1].hasPrefix("#1 V3.2") }, "show gives the delivery in full")
                }
            }
        }
    }
}
