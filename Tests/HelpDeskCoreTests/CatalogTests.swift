import Foundation
import Testing
@testable import HelpDeskCore

private func hasCJK(_ text: String) -> Bool {
    text.unicodeScalars.contains { $0.properties.isIdeographic || (0x3000...0x303F).contains($0.value) || (0xFF00...0xFFEF).contains($0.value) }
}

/// The catalog: every text has its Chinese and its English, none blank, and each thing one name
/// per language.
@Suite("The text catalog")
struct CatalogTests {
    @Test func everyLabelInBothLanguages() {
        for key in Strings.Key.allCases {
            #expect(!key.text.hasBlank, "\(key)")
            #expect(Strings(.zh)(key) == key.text.zh && Strings(.en)(key) == key.text.en)
        }
    }

    /// Names of each kind of thing: none blank, none shared by two things of a kind, the English
    /// without Chinese.
    @Test func oneNamePerThing() {
        func check<T>(_ what: String, _ all: [T], _ name: (T) -> LocalizedText) {
            let names = all.map(name)
            for (thing, text) in zip(all, names) {
                #expect(!text.hasBlank, "\(what) \(thing)")
                #expect(!hasCJK(text.en), "\(what) \(thing): \(text.en)")
            }
            for lang in Language.allCases {
                let said = names.map { $0(lang) }
                #expect(Set(said).count == said.count, "\(what) in \(lang): \(said)")
            }
        }
        check("kind", ItemKind.allCases, \.name)
        check("CASE kind", CaseKind.allCases, \.name)
        for kind in ItemKind.allCases { check("status of \(kind)", ItemStatus.allCases) { $0.name(kind: kind) } }
        check("channel", Channel.allCases, \.name)
        check("channel, short", Channel.allCases, \.shortName)
        check("region", Region.allCases, \.name)
        check("level", FaultLevel.allCases, \.name)
        check("role", StaffRole.allCases, \.name)
        check("response mode", ResponseMode.allCases, \.name)
        check("history event", HistoryEvent.allCases, \.name)
        check("history field", HistoryField.allCases.filter { $0 != .step }, \.name)
    }

    @Test func aChannelsShortNameFitsItsColumn() {
        for channel in Channel.allCases {
            for lang in Language.allCases { #expect(TerminalText.width(channel.shortLabel(lang)) <= 8, "\(channel) \(lang)") }
        }
        #expect(Channel.casePlatform.label(.zh) == "需求管理平台CASE" && Channel.casePlatform.shortLabel(.zh) == "CASE平台")
    }

    @Test func regionsInEnglishArePinyin() {
        for region in Region.allCases {
            #expect(region.label(.en).lowercased() == region.rawValue, "\(region)")
            #expect(region.label(.zh) == region.chineseName)
        }
        #expect(Region.widestLabel(.zh) == 6)
    }

    @Test func historyEventsAreWordsNotCodes() {
        for event in HistoryEvent.allCases {
            #expect(!event.label(.en).contains("_"), "\(event)")
        }
        #expect(HistoryEvent.inspectionLinked.label(.en) == "linked to an inspection")
        #expect(HistoryText.value(.region, "yushu", kind: .fault, .en) == "Yushu")
        #expect(HistoryText.value(.region, "yushu", kind: .fault, .zh) == "玉树州")
    }

    /// No text of the catalog's source is left empty in either language.
    @Test func noBlankTextInTheCatalogSource() throws {
        let folder = SourceScan.root.appendingPathComponent("Sources/HelpDeskCore/Catalog")
        let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.hasSuffix(".swift") }
        #expect(files.count >= 3)
        for file in files {
            let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
            for blank in [#"zh: """#, #"en: """#, #"zh: " ""#, #"en: " ""#] {
                #expect(!text.contains(blank + ")") && !text.contains(blank + ","), "\(file): a blank text")
            }
        }
    }
}

/// Where the package's sources are, from this file.
enum SourceScan {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The folders whose files say things to people: every text there comes from the catalog.
    static let folders = ["Sources/ConsoleCore/Screens", "Sources/ConsoleCore/Root", "Sources/ConsoleCore/Kit",
                          "Sources/ConsoleCore/Presentation",
                          "Sources/HelpDeskCommands", "Sources/HelpDeskStore", "Sources/HelpDeskCore"]

    /// Not scanned: the catalog itself, and data compiled in: the official holiday schedule, whose
    /// holiday names are the State Council's (its source files are held equal to it by the store's
    /// tests). The demo's made-up desk lives in a target of its own, not scanned.
    static func exempt(_ path: String) -> Bool {
        path.hasPrefix("Sources/HelpDeskCore/Catalog/") || path == "Sources/HelpDeskStore/BundledHolidays.swift"
    }

    /// The lines of `text` that hold a text for people outside the catalog: a Chinese literal, a
    /// pair of texts (`en: "…"`), or a choice of language (`zh ? "…" : "…"`). Comments are skipped.
    static func offending(_ text: String) -> [String] {
        var found: [String] = []
        for (trimmed, code) in codeLines(text) {
            if hasCJK(code) || code.contains(#"en: ""#) || code.range(of: #"\bzh \? ""#, options: .regularExpression) != nil
                || code.range(of: #"== \.zh \? ""#, options: .regularExpression) != nil {
                found.append(trimmed)
            }
        }
        return found
    }

    /// The lines of `text` that hold code, each trimmed and without its comment; lines inside a
    /// block comment or holding only a comment are left out.
    static func codeLines(_ text: String) -> [(trimmed: String, code: String)] {
        var lines: [(trimmed: String, code: String)] = []
        var inBlock = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.hasPrefix("/*") { inBlock = true }
            if inBlock {
                if trimmed.contains("*/") { inBlock = false }
                continue
            }
            if trimmed.hasPrefix("//") { continue }
            lines.append((trimmed, withoutComment(String(line))))
        }
        return lines
    }

    /// The line up to a `//` comment that is not inside a string.
    static func withoutComment(_ line: String) -> String {
        var inString = false, escaped = false
        var previous: Character = " "
        var out = ""
        for c in line {
            if inString {
                if escaped { escaped = false } else if c == "\\" { escaped = true } else if c == "\"" { inString = false }
            } else if c == "\"" {
                inString = true
            } else if c == "/", previous == "/" {
                out.removeLast()
                return out
            }
            out.append(c)
            previous = c
        }
        return out
    }

    /// The lines of a command file that pass an English sentence to a person: a string literal
    /// holding words separated by a space (`"no such file"`) given to `UsageError(`, `print(` or an
    /// `Output.` call. What is interpolated (`\(…)`) is not read as words.
    static func englishSentences(_ text: String) -> [String] {
        var found: [String] = []
        for (trimmed, code) in codeLines(text) {
            for (offset, literal) in literals(code) {
                let before = String(code.prefix(offset))
                guard before.range(of: #"(\bUsageError|\bprint|\bOutput\.\w+)\("#, options: .regularExpression) != nil else { continue }
                if literal.range(of: #"\b[A-Za-z]{2,} +[A-Za-z]{2,}\b"#, options: .regularExpression) != nil {
                    found.append(trimmed)
                    break
                }
            }
        }
        return found
    }

    /// The string literals of a line of code, each with where it begins, without what they
    /// interpolate (`\(…)` is read as `_`).
    static func literals(_ code: String) -> [(Int, String)] {
        var result: [(Int, String)] = []
        var inString = false, escaped = false, depth = 0
        var current = "", start = 0
        for (index, c) in code.enumerated() {
            if depth > 0 {
                if c == "(" { depth += 1 } else if c == ")" { depth -= 1 }
                continue
            }
            if inString {
                if escaped {
                    escaped = false
                    if c == "(" { depth = 1; current.append("_") }
                } else if c == "\\" {
                    escaped = true
                } else if c == "\"" {
                    inString = false
                    result.append((start, current))
                } else {
                    current.append(c)
                }
            } else if c == "\"" {
                inString = true
                current = ""
                start = index
            }
        }
        return result
    }

    /// Every scanned file with what it holds outside the catalog.
    static func unconverted() throws -> [String: [String]] {
        var result: [String: [String]] = [:]
        let fm = FileManager.default
        for folder in folders {
            guard let walker = fm.enumerator(atPath: root.appendingPathComponent(folder).path) else { continue }
            for case let relative as String in walker where relative.hasSuffix(".swift") {
                let path = "\(folder)/\(relative)"
                if exempt(path) { continue }
                let text = try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
                var lines = offending(text)
                if path.hasPrefix("Sources/HelpDeskCommands/") { lines += englishSentences(text) }
                if !lines.isEmpty { result[path] = lines }
            }
        }
        return result
    }
}
