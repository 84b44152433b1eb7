import Foundation
import HelpDeskCore

extension DetailScreen {
    /// The selected similar resolved ticket, if any was found.
    static func selectedSimilar(_ d: Detail) -> SimilarTicket? {
        d.similar.indices.contains(d.similarCursor) ? d.similar[d.similarCursor] : nil
    }

    /// `s` selects the next similar resolved ticket; `R` opens the reply with its solution in it,
    /// to be edited before it is sent.
    static func similarKey(_ d: inout Detail, _ command: Command) -> [Effect] {
        guard let chosen = selectedSimilar(d) else { return [.problem(Catalog.Similar.noneToPick)] }
        switch command {
        case .nextSimilar:
            d.similarCursor = (d.similarCursor + 1) % d.similar.count
            return []
        case .replyWithSimilar:
            return [.reply(chosen.solution)]
        default:
            return []
        }
    }

    /// The similar resolved tickets' rows: a title, then for each its number and title (the
    /// selected one marked) and a row of its cause and solution, each on one line shortened to
    /// `width`; nothing when none was found. Stored text is sanitized.
    static func similarRows(_ d: Detail, width: Int, _ lang: Language, _ theme: Theme) -> [(String, Style, String, Style)] {
        guard !d.similar.isEmpty else { return [] }
        let room = max(8, width - 22)
        func line(_ text: String) -> String {
            let flat = text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: .newlines)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ")
            return TerminalText.truncate(TerminalText.sanitize(flat), to: room)
        }
        var rows: [(String, Style, String, Style)] = [("", theme[.base], "", theme[.base]),
                                                      ("", theme[.base], Catalog.Similar.heading(lang), theme[.header])]
        for (n, t) in d.similar.enumerated() {
            let mark = n == d.similarCursor ? "▶ " : "  "
            rows.append(("", theme[.base], line("\(mark)#\(t.id) \(t.title)"), theme[.base]))
            rows.append(("", theme[.base], "  " + line(Catalog.Similar.causeAndSolution(cause: t.cause, solution: t.solution)(lang)), theme[.dim]))
        }
        return rows
    }
}

extension Form {
    /// Puts `text` in the text field `key`, the cursor at its end: the form opens with it, and it
    /// stays to be edited (the form counts as changed).
    mutating func prefill(_ key: FieldKey, _ text: String) {
        guard let i = fields.firstIndex(where: { $0.key == key }), case .text = fields[i].input else { return }
        fields[i].input = .text(TextField(text))
    }
}
