import Foundation
import Testing

/// Every text a person reads comes from the catalog (Sources/HelpDeskCore/Catalog). The views, the
/// commands, the store and the domain are scanned for a Chinese literal, a pair of texts
/// (`en: "…"`) or a choice of language (`zh ? "…" : "…"`) outside it; the command files also for an
/// English sentence given to `UsageError(`, `print(` or an `Output.` call.
///
/// Every file is converted: the list of files still holding such texts is empty, and a file that
/// says something outside the catalog fails. The list stays as a ratchet: it only shrinks, and a
/// file on it that no longer holds a text fails too (take it off the list).
@Suite("Texts come from the catalog")
struct CatalogScanTests {
    static let notYetConverted: Set<String> = []

    @Test func noTextOutsideTheCatalogInConvertedFiles() throws {
        let found = try SourceScan.unconverted()
        for (path, lines) in found.sorted(by: { $0.key < $1.key }) where !Self.notYetConverted.contains(path) {
            Issue.record("\(path) says things outside the catalog (Sources/HelpDeskCore/Catalog); move them there:\n\(lines.prefix(5).joined(separator: "\n"))")
        }
    }

    @Test func theListOfFilesNotYetConvertedOnlyShrinks() throws {
        let found = try SourceScan.unconverted()
        for path in Self.notYetConverted.sorted() where found[path] == nil {
            Issue.record("\(path) holds no text outside the catalog any more: take it off CatalogScanTests.notYetConverted")
        }
    }

    @Test func theScanFindsWhatItLooksFor() {
        #expect(SourceScan.offending(#"let a = "已保存""#).count == 1)
        #expect(SourceScan.offending(#"throw UsageError(en: "bad", zh: "坏")"#).count == 1)
        #expect(SourceScan.offending(#"let s = zh ? "a" : "b""#).count == 1)
        #expect(SourceScan.offending(#"let s = lang == .zh ? "a" : "b""#).count == 1)
        #expect(SourceScan.offending("/// 一般问题类\nlet a = 1 // 注释\nlet u = \"http://x\" // 注释").isEmpty)
        #expect(SourceScan.offending("let t = Catalog.Store.notFound(7)").isEmpty)
    }

    /// In the command files, an English sentence given to a person is found too.
    @Test func theScanFindsEnglishSentencesInCommands() {
        #expect(SourceScan.englishSentences(#"throw UsageError("no such file")"#).count == 1)
        #expect(SourceScan.englishSentences(#"print("\(id) acknowledged by \(actor)")"#).count == 1)
        #expect(SourceScan.englishSentences(#"Output.standardError("helpdesk: note: \(file) wins over it\n")"#).count == 1)
        #expect(SourceScan.englishSentences(#"throw UsageError(Catalog.Commands.option("--now", error.localized))"#).isEmpty)
        #expect(SourceScan.englishSentences(#"print("\(username) \(role.rawValue)")"#).isEmpty)
        #expect(SourceScan.englishSentences(#"print("ok: \(TerminalText.sanitize(file))")"#).isEmpty)
        #expect(SourceScan.englishSentences(#"let s = "two words" // print("not code")"#).isEmpty)
        #expect(SourceScan.englishSentences("// print(\"a comment here\")").isEmpty)
    }
}
