import Foundation
import HelpDeskCore
import PropertyBased
import Testing
@testable import HelpDeskCommands

@Suite("Configuration and command-line values, by property", .scratch)
struct InputPropertyTests {
    /// Text for string settings: quotes, backslashes, Chinese, controls and escapes.
    static let settingText = Gen<Character?>.element(of: Array("az09 -_./\"\\'#=[]") + ["青", "\t", "\n", "\u{1B}", "\u{7F}", "é"])
        .compactMap { $0 }.array(of: 1...16).map { String($0) }

    /// A setting without control characters and not blank (the check refuses those, and says so).
    static let plainText = settingText.map { String(String.UnicodeScalarView($0.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F })) }
        .map { $0.trimmingCharacters(in: .whitespaces).isEmpty ? "x" + $0 : $0 }

    static let configurations = zip(plainText.optional, Gen.bool, plainText.optional, Gen.int(in: 1...1200),
                                    Gen.int(in: 1...3600), Gen.int(in: 0...82_800))
        .map { (theme: String?, bell: Bool, command: String?, timeout: Int, first: Int, extra: Int) -> Configuration in
            var c = Configuration()
            c.theme = theme
            c.bell = bell
            c.notifyCommand = command
            c.notifyTimeout = Double(timeout) / 2
            c.retryFirst = Double(first)
            c.retryMax = Double(first + extra)
            return c
        }

    @Test("a configuration shown by config show reads back as the same configuration")
    func configurationRoundTrip() async {
        await propertyCheck(count: 200, input: Self.configurations) { config in
            let text = ConfigCommand.render(config, looked: [])
            let (read, errors) = Configuration.check(text, file: "c.toml")
            #expect(errors.isEmpty, "\(errors) in\n\(text)")
            var expected = config
            expected.files = ["c.toml"]
            #expect(read.ignoringOrigins == expected, "\(text)")
        }
    }

    /// Lines a configuration file may hold, and lines it may not.
    static let configLines = Gen<String?>.element(of: [
        "bell = false", "bell = \"yes\"", "theme = \"light\"", "theme = 3", "notify_timeout = 0", "notify_timeout = 601",
        "notify_timeout = 2.5", "retry_first = 30", "retry_max = 10", "retry_max = 1e400", "timer_users = [\"helpdesk\"]",
        "timer_users = [\"a b\"]", "[[client]]", "name = \"省中心\"", "phone = \"0971-6100000\"", "phone = \"call me\"",
        "[escalation.level1]", "[escalation.level9]", "t1_after = 30", "bogus = 1", "bell = true\u{1B}[31m", "theme = \"\u{0}\"",
        "= 1", "[", "\"unterminated", "# comment", "", "[ ", "[[", "[.a]", "[=", "[#x", "[\u{1B}", "x = [", "  [1, 2],", "]",
        "s = \"\"\"", "[b", "\"\"\"",
    ]).compactMap { $0 }.array(of: 0...8).map { $0.joined(separator: "\n") }

    @Test("any configuration file is read or refused with each error's line and what is accepted")
    func anyConfigurationText() async {
        await propertyCheck(count: 300, input: Self.configLines) { text in
            let (config, errors) = Configuration.check(text, file: "c.toml")
            let lineCount = text.split(separator: "\n", omittingEmptySubsequences: false).count
            for error in errors {
                if let line = error.line { #expect((1...max(1, lineCount)).contains(line), "\(error)") }
                #expect(!error.message.isEmpty)
                #expect(["accepted", "expected", "must", "known", "TOML"].contains { error.message.contains($0) }, "\(error.message)")
            }
            if errors.isEmpty {
                #expect(config.notifyTimeout > 0 && config.notifyTimeout <= Configuration.maxNotifyTimeout)
                #expect(config.retryFirst <= config.retryMax && config.retryMax <= Configuration.maxRetryWait)
            }
            #expect((try? Configuration.parse(text, file: "c.toml")) == (errors.isEmpty ? config : nil))
        }
    }

    /// Values typed for --region, --level, --kind and an item's id.
    static let values = Gen<String>.oneOf(
        Gen<String?>.element(of: ["xining", "XINING", "西宁市", "西宁", "海东", "haibei", "1", "2", "3", "general", "special",
                                   "requirement", "0", "4", "-1", "01", "+1", "1.0", "１", "", " ", "西", "海", "省直", "\u{1B}[31m",
                                   "9223372036854775808", "1e3", "０", "fault1"]).compactMap { $0 },
        Gen<Character?>.element(of: Array("0123456789-+ x海东西宁") + ["\u{1B}", "\u{202E}"]).compactMap { $0 }.array(of: 0...6).map { String($0) }
    )

    @Test("any command-line value is accepted as valid or refused with status 2, a message naming what is accepted, and no change")
    func commandLineValues() async throws {
        let db = freshDatabase()
        let id = addCase(db, at: "2021-11-23T10:00:00+08:00")
        let before = databaseDump(db)
        await propertyCheck(count: 30, input: Self.values) { value in
            // Reads only: a value either picks something real or is refused. `--opt=value`, and `--`
            // before an id, so that a value starting with '-' is not taken for an option.
            for (args, accepted) in [(["case", "list", "--region=\(value)"], ["xining"]),
                                     (["fault", "list", "--level=\(value)"], ["1, 2 or 3", "'1', '2' or '3'"]),
                                     (["case", "list", "--kind=\(value)"], ["general, special or requirement", "'general', 'special' or 'requirement'"]),
                                     (["show", "--", value], ["whole number", "no work item"]),
                                     (["case", "list", "--limit=\(value)"], ["whole number", "--limit"]),
                                     (["kpi", "--month=\(value)"], ["YYYY-MM"]),
                                     (["calendar", "show", "--", value], ["YYYY-MM"]),
                                     (["calendar", "show", "--", "2021-\(value)"], ["YYYY-MM"])] {
                let r = helpdesk(args, db: db)
                #expect(r.status == 0 || r.status == 2, "\(args): \(r.status) \(r.err)")
                #expect(rawControlBytes(r.out).isEmpty && rawControlBytes(r.err).isEmpty, "\(args)")
                if r.status == 2 {
                    #expect(accepted.contains { r.err.contains($0) }, "\(args): \(r.err)")
                }
            }
        }
        #expect(databaseDump(db) == before)
        #expect(ok(["show", "\(id)", "--json"], db: db).contains("\"id\""))
        // A month is read only as written: a sign, a missing digit or a stray hyphen is refused.
        for month in ["+202-01", "2021-+1", "2021--01", "2021-01-", "-2021-01"] {
            for args in [["calendar", "show", "--", month], ["kpi", "--month=\(month)"], ["report", "--month=\(month)", "--format", "md"]] {
                let r = helpdesk(args, db: db)
                #expect(r.status == 2 && r.err.contains("YYYY-MM"), "\(args): \(r.status) \(r.err)")
            }
        }
    }
}
