import Foundation
import Testing
@testable import ConsoleCore

@Suite("Themes")
struct ThemeTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Themes")

    static func load(_ name: String) throws -> Theme {
        let url = folder.appendingPathComponent("\(name).theme")
        return try Theme.parse(name: name, text: String(contentsOf: url, encoding: .utf8), file: url.path, base: nil)
    }

    @Test func theShippedThemesSetEveryRole() throws {
        for name in ["dark", "light", "high-contrast"] {
            let theme = try Self.load(name)
            #expect(Set(theme.styles.keys) == Set(Theme.Role.allCases), "\(name)")
        }
    }

    @Test func theDarkFileIsTheBuiltInDefault() throws {
        #expect(try Self.load("dark").styles == Theme.dark.styles)
    }

    @Test func highContrastTellsUrgencyApartWithoutColour() throws {
        let mono = try Self.load("high-contrast").monochrome
        let roles: [Theme.Role] = [.countdownOK, .countdownWarn, .countdownDanger, .overdue]
        #expect(Set(roles.map { mono[$0] }).count == roles.count)
        let dark = Theme.dark.monochrome
        #expect(Set(roles.map { dark[$0] }).count == roles.count)
    }

    @Test func errorsNameFileLineAndKey() {
        let text = "title = bold\n# comment\n\noverdue = red, flashing\n"
        do {
            _ = try Theme.parse(name: "mine", text: text, file: "/home/u/mine.theme")
            Issue.record("accepted a bad attribute")
        } catch {
            #expect(error.line == 4)
            #expect(error.key == "overdue")
            #expect(error.description.hasPrefix("/home/u/mine.theme:4: 'overdue':"))
        }
        #expect(throws: Theme.ParseError.self) { try Theme.parse(name: "x", text: "titel = bold") }
        #expect(throws: Theme.ParseError.self) { try Theme.parse(name: "x", text: "title = purple") }
        #expect(throws: Theme.ParseError.self) { try Theme.parse(name: "x", text: "title bold") }
    }

    @Test func unsetKeysKeepTheDefault() throws {
        let theme = try Theme.parse(name: "x", text: "title = red on white")
        #expect(theme[.title] == Style(fg: .red, bg: .white))
        #expect(theme[.overdue] == Theme.dark[.overdue])
    }
}
