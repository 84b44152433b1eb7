import HelpDeskCore

/// A line made of parts that carry meaning (a pane's note: the month, the week, the frozen mark),
/// fitted to the columns it has without cutting any part: where it does not fit, the least
/// important part takes its short form, then is left out, then the next least important, until
/// what is left fits. A part is shown whole or not at all.
struct TitleFit {
    struct Part: Equatable {
        var full: String
        /// A shorter way to say the same (from the catalog), or `nil`.
        var short: String?
        /// Higher is kept longer.
        var priority: Int
        /// What stands before it when a part precedes it.
        var lead: String

        init(_ full: String, short: String? = nil, priority: Int, lead: String = " · ") {
            self.full = full
            self.short = short
            self.priority = priority
            self.lead = lead
        }
    }

    /// The parts, each after its lead, as many and as long as fit in `width` columns.
    static func fit(_ parts: [Part], width: Int) -> String {
        var chosen: [String?] = parts.map(\.full)
        func line() -> String {
            var text = ""
            for (i, part) in chosen.enumerated() {
                guard let part else { continue }
                text += (text.isEmpty ? "" : parts[i].lead) + part
            }
            return text
        }
        // The least important first (among equals, the later one): its short form, then left out,
        // before the next is touched.
        let order = parts.indices.sorted { (parts[$0].priority, -$0) < (parts[$1].priority, -$1) }
        for i in order {
            if TerminalText.width(line()) <= width { break }
            if let short = parts[i].short {
                chosen[i] = short
                if TerminalText.width(line()) <= width { break }
            }
            chosen[i] = nil
        }
        return line()
    }
}
