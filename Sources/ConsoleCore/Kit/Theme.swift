import Foundation
import HelpDeskCore

/// The console's named styles. A theme file sets any of them; the rest keep the default theme's.
///
/// File format, one style a line (`#` starts a comment):
///
/// ```
/// title     = bright-white on blue, bold
/// overdue   = red, bold, reverse
/// selected  = reverse
/// ```
///
/// A value is an optional foreground colour, an optional `on BACKGROUND`, then attributes
/// (`bold`, `underline`, `reverse`, `dim`, `blink`), separated by commas. Colours: `default`,
/// `black`, `red`, `green`, `yellow`, `blue`, `magenta`, `cyan`, `white`, and `bright-` forms.
public struct Theme: Equatable, Sendable {
    public enum Role: String, CaseIterable, Sendable {
        case base, title, tabActive = "tab-active", tabInactive = "tab-inactive", header, selected
        case paneBorder = "pane-border", paneTitle = "pane-title", paneTitleFocused = "pane-title-focused"
        case footer, footerKey = "footer-key", status, error, dim
        case countdownOK = "countdown-ok", countdownWarn = "countdown-warn", countdownDanger = "countdown-danger"
        case overdue, level1 = "level-1", level2 = "level-2", level3 = "level-3"
        case kpiMet = "kpi-met", kpiMissed = "kpi-missed", kpiEmpty = "kpi-empty", bar, barEmpty = "bar-empty"
        case field, fieldFocused = "field-focused", fieldInvalid = "field-invalid", label, dialog
    }

    public var name: String
    public var styles: [Role: Style]

    public subscript(role: Role) -> Style { styles[role] ?? .plain }

    /// The dark default, compiled in so the console works even without its theme files.
    public static let dark = try! Theme.parse(name: "dark", text: """
        base = default
        title = bright-white on blue, bold
        tab-active = black on cyan, bold
        tab-inactive = white on blue
        header = cyan, bold, underline
        selected = black on cyan, reverse
        pane-border = blue
        pane-title = white, bold
        pane-title-focused = bright-yellow, bold, underline
        footer = white on blue
        footer-key = bright-yellow on blue, bold
        status = bright-green, bold
        error = bright-red, bold, reverse
        dim = bright-black, dim
        countdown-ok = green
        countdown-warn = yellow, underline
        countdown-danger = bright-red, bold
        overdue = bright-red, bold, reverse
        level-1 = bright-red, bold
        level-2 = yellow, bold
        level-3 = cyan
        kpi-met = green, bold
        kpi-missed = bright-red, bold, reverse
        kpi-empty = bright-black
        bar = green, reverse
        bar-empty = bright-black
        field = white
        field-focused = black on white, underline
        field-invalid = bright-red, underline
        label = cyan
        dialog = white on black
        """, base: nil)

    /// An error in a theme file, naming the file, the line and the key.
    public struct ParseError: Error, Equatable, CustomStringConvertible {
        public let file: String
        public let line: Int
        public let key: String
        /// What is wrong, in both languages.
        public let problem: LocalizedText
        /// What is wrong, in English.
        public var reason: String { problem.en }
        /// The whole error, with its place, in both languages.
        public var text: LocalizedText {
            let place = "\(file):\(line): \(key.isEmpty ? "" : "'\(key)': ")"
            return LocalizedText(zh: place + problem.zh, en: place + problem.en)
        }
        public var description: String { text.en }
    }

    /// Reads a theme's text. Styles not set come from `base` (the dark default when `nil` is not given).
    public static func parse(name: String, text: String, file: String? = nil, base: Theme? = .dark) throws(ParseError) -> Theme {
        var styles = base?.styles ?? [:]
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let lineNo = index + 1
            let line = raw.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? ""
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            let where_ = file ?? name
            guard let eq = line.firstIndex(of: "=") else {
                throw ParseError(file: where_, line: lineNo, key: line.trimmingCharacters(in: .whitespaces), problem: Catalog.Config.Theme.expectedKeyValue)
            }
            let key = line[..<eq].trimmingCharacters(in: .whitespaces)
            let value = line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)
            guard let role = Role(rawValue: key) else {
                throw ParseError(file: where_, line: lineNo, key: key, problem: Catalog.Config.Theme.unknownKey(Role.allCases.map(\.rawValue)))
            }
            do { styles[role] = try parseStyle(value) } catch {
                throw ParseError(file: where_, line: lineNo, key: key, problem: error.reason)
            }
        }
        return Theme(name: name, styles: styles)
    }

    struct StyleError: Error { let reason: LocalizedText }

    static func parseStyle(_ value: String) throws(StyleError) -> Style {
        var style = Style()
        let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        guard !parts.isEmpty, !parts.contains(where: \.isEmpty) else { throw StyleError(reason: Catalog.Config.Theme.emptyValue) }
        for (i, part) in parts.enumerated() {
            switch part {
            case "bold": style.bold = true
            case "underline": style.underline = true
            case "reverse": style.reverse = true
            case "dim": style.dim = true
            case "blink": style.blink = true
            case "plain", "none": break
            default:
                guard i == 0 else { throw StyleError(reason: Catalog.Config.Theme.unknownAttribute(part)) }
                let words = part.split(separator: " ").map(String.init)
                var fgName: String?
                var bgName: String?
                if words.count == 1 { fgName = words[0] }
                else if words.count == 2, words[0] == "on" { bgName = words[1] }
                else if words.count == 3, words[1] == "on" { fgName = words[0]; bgName = words[2] }
                else { throw StyleError(reason: Catalog.Config.Theme.unreadableColours(part)) }
                if let n = fgName {
                    guard let c = TermColor.byName[n] else { throw StyleError(reason: Catalog.Config.Theme.unknownColour(n)) }
                    style.fg = c
                }
                if let n = bgName {
                    guard let c = TermColor.byName[n] else { throw StyleError(reason: Catalog.Config.Theme.unknownColour(n)) }
                    style.bg = c
                }
            }
        }
        return style
    }

    /// The same theme with colours removed, for `NO_COLOR` and monochrome terminals.
    public var monochrome: Theme {
        Theme(name: name, styles: styles.mapValues(\.monochrome))
    }
}
