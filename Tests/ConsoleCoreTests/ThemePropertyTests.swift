import Foundation
import PropertyBased
import Testing
@testable import ConsoleCore

@Suite("Theme files, by property")
struct ThemePropertyTests {
    static let colours = Array(TermColor.byName.keys).sorted()
    static let attributes = ["bold", "underline", "reverse", "dim", "blink"]

    /// A style as a theme file writes it, with the style it stands for.
    static let styles = zip(Gen<String?>.element(of: colours + [""]).compactMap { $0 },
                            Gen<String?>.element(of: colours + [""]).compactMap { $0 },
                            Gen<String?>.element(of: attributes).compactMap { $0 }.array(of: 0...3), Gen.bool)
        .map { (fg: String, bg: String, attrs: [String], upper: Bool) -> (String, Style) in
            var style = Style()
            var colour: [String] = []
            if !fg.isEmpty { colour.append(fg); style.fg = TermColor.byName[fg]! }
            if !bg.isEmpty { colour += ["on", bg]; style.bg = TermColor.byName[bg]! }
            for a in attrs {
                switch a {
                case "bold": style.bold = true
                case "underline": style.underline = true
                case "reverse": style.reverse = true
                case "dim": style.dim = true
                default: style.blink = true
                }
            }
            var parts = colour.isEmpty ? [] : [colour.joined(separator: " ")]
            parts += attrs
            if parts.isEmpty { parts = ["plain"] }
            let text = parts.joined(separator: ", ")
            return (upper ? text.uppercased() : text, style)
        }

    @Test("a style written in a theme file reads back as that style, for every role")
    func styleRoundTrip() async {
        let roles = Gen<Theme.Role?>.element(of: Theme.Role.allCases).compactMap { $0 }
        await propertyCheck(count: 300, input: roles, Self.styles) { (role, written) throws in
            let (text, style) = written
            let theme = try Theme.parse(name: "t", text: "# a theme\n\(role.rawValue) = \(text)  # comment\n")
            #expect(theme.styles[role] == style, "\(role.rawValue) = \(text)")
        }
    }

    /// Lines a theme file may hold, and lines it may not.
    static let lines = Gen<String?>.element(of: [
        "base = white on black", "title = bold", "selected = reverse", "error = bright-red, bold", "", "# comment",
        "bogus = red", "title = purple", "title =", "title", "= red", "title = red, sparkly", "title = red on", "title = on on red",
        "title = \u{1B}[31m", "ti\u{0}tle = red", "title = red\u{202E}", "\u{FEFF}base = white", "title = red\r", "selected = 红",
    ]).compactMap { $0 }.array(of: 0...8).map { $0.joined(separator: "\n") }

    @Test("any theme file is read whole or refused at a line, naming what is accepted")
    func anyThemeText() async {
        await propertyCheck(count: 300, input: Self.lines) { text in
            do {
                let theme = try Theme.parse(name: "t", text: text)
                #expect(Set(theme.styles.keys) == Set(Theme.Role.allCases), "every role has a style")
            } catch let error as Theme.ParseError {
                let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
                #expect((1...lineCount).contains(error.line), "\(error)")
                let accepted = ["known keys:", "expected", "attributes:", "unknown colour", "empty value"]
                #expect(accepted.contains { error.reason.contains($0) }, "\(error.reason)")
            } catch {
                Issue.record("\(error)")
            }
        }
    }
}
