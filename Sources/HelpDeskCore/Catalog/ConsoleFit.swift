/// What the console says about fitting the terminal it runs on and the room its texts have: a
/// terminal it cannot draw on, the short forms a crowded title falls back to, and what a typed time
/// field resolves to.
extension Catalog {
    public enum ConsoleFit {
        /// The terminal type suggested where `TERM` names one the console cannot draw on.
        public static let suggestedTerminal = "xterm-256color"

        /// `TERM` names a terminal without cursor addressing (`dumb`): the console is not started.
        public static func cannotDraw(_ term: String) -> LocalizedText {
            LocalizedText(zh: "终端类型 \(term) 不能移动光标，控制台无法在其上绘制；请以 TERM=\(suggestedTerminal)（或 vt100）运行，或使用命令行（如 helpdesk list）",
                          en: "the terminal type \(term) cannot move the cursor, so the console cannot draw on it; run with TERM=\(suggestedTerminal) (or vt100), or use the command line (such as helpdesk list)")
        }

        /// Beside a form's time or date field: what the text typed resolves to, in full.
        public static func resolved(_ full: String) -> LocalizedText {
            LocalizedText(zh: "即 \(full)", en: "= \(full)")
        }

        /// A week in a crowded title: `W47`, its number alone.
        public static func weekShort(_ week: Period) -> LocalizedText {
            let number = week.description.split(separator: "-").last.map(String.init) ?? week.description
            return LocalizedText(zh: number, en: number)
        }

        /// The frozen mark in a crowded title: `冻结≤2021-11` / `frozen≤2021-11`.
        public static func frozenThroughShort(_ period: Period) -> LocalizedText {
            LocalizedText(zh: "冻结≤\(period)", en: "frozen≤\(period)")
        }
    }
}
