import Foundation
import HelpDeskCore
import ArgumentParser
import ConsoleCore
import Testing
@testable import HelpDeskCommands

/// The configuration file (README, "Configuration"): parsing, precedence, errors with their lines,
/// and `helpdesk config check` / `show` run as a subprocess.
@Suite(.scratch) struct ConfigurationTests {
    /// The error `text` gets, checked for its line and key; the error is returned for more checks.
    @discardableResult
    func error(_ text: String, line: Int?, key: String?, mentions: [String] = [],
               sourceLocation: SourceLocation = #_sourceLocation) -> ConfigurationError? {
        do {
            let config = try Configuration.parse(text, file: "test.toml")
            Issue.record("accepted: \(config)", sourceLocation: sourceLocation)
            return nil
        } catch let error as ConfigurationError {
            #expect(error.file == "test.toml", sourceLocation: sourceLocation)
            #expect(error.line == line, "\(error)", sourceLocation: sourceLocation)
            #expect(error.key == key, "\(error)", sourceLocation: sourceLocation)
            for word in mentions {
                #expect(error.message.contains(word), "\(error) does not mention \(word)", sourceLocation: sourceLocation)
            }
            #expect(error.message.contains("; "), "no 'what is accepted' part: \(error)", sourceLocation: sourceLocation)
            return error
        } catch {
            Issue.record("not a ConfigurationError: \(error)", sourceLocation: sourceLocation)
            return nil
        }
    }

    func temporaryDirectory(_ function: String = #function) -> String {
        ScratchFolder.folder(function).path
    }

    func write(_ text: String, to path: String) {
        try! FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent,
                                                 withIntermediateDirectories: true)
        try! Data(text.utf8).write(to: URL(fileURLWithPath: path))
    }

    // MARK: Keys and defaults

    @Test func defaultsWhenTheFileIsEmpty() throws {
        let config = try Configuration.parse("# nothing here\n\n", file: "empty.toml")
        var expected = Configuration()
        expected.files = ["empty.toml"]
        #expect(config.ignoringOrigins == expected)
        #expect(config.theme == nil && config.bell && config.notifyCommand == nil)
        #expect(config.notifyTimeout == 10 && config.retryFirst == 30 && config.retryMax == 3600)
        #expect(config.client.isEmpty)
        #expect(config.escalation == .standard)
    }

    @Test func everyKey() throws {
        let text = """
            # the desk's configuration
            theme = "light"
            bell = false
            notify_command = "/usr/local/bin/sms-gateway --json"
            notify_timeout = 2.5
            retry_first = 60
            retry_max = 7200

            [[client]]
            name = "省社保局信息中心 王工"
            phone = "+86 971 555 0100"

            [[client]]
            name = "值班室"

            [escalation.level1]
            at_report = ["client", "T0"]
            at_10 = ["T1"]
            at_50 = ["T2"]
            at_breach = ["supervisor"]
            notify_client_on_breach = false

            [escalation.level3]
            at_report = ["t0"]          # step names in any case
            at_breach = ["Supervisor"]
            """
        let config = try Configuration.parse(text, file: "/x/config.toml")
        #expect(config.theme == "light")
        #expect(config.bell == false)
        #expect(config.notifyCommand == "/usr/local/bin/sms-gateway --json")
        #expect(config.notifyTimeout == 2.5)
        #expect(config.retryFirst == 60)
        #expect(config.retryMax == 7200)
        #expect(config.client == [.init(name: "省社保局信息中心 王工", phone: "+86 971 555 0100"), .init(name: "值班室", phone: nil)])
        #expect(config.files == ["/x/config.toml"])
        #expect(config.escalation[.one] == LevelPolicy(rules: [
            StepRule(.client, at: 0), StepRule(.T0, at: 0), StepRule(.T1, at: 10), StepRule(.T2, at: 50),
            StepRule(.supervisor, at: 100),
        ], notifyClientOnBreach: false))
        #expect(config.escalation[.two] == EscalationPolicy.standard[.two])
        #expect(config.escalation[.three] == LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.supervisor, at: 100)]))
    }

    /// `[replication] config`: the absolute path of the Litestream configuration doctor reads; not
    /// set by default; a relative or empty path, a control character, another type or key refused.
    @Test func theReplicationConfigIsAnAbsolutePath() throws {
        #expect(try Configuration.parse("", file: "t").replicationConfig == nil)
        let config = try Configuration.parse("[replication]\nconfig = \"/srv/litestream.yml\"\n", file: "t", origin: "t")
        #expect(config.replicationConfig == "/srv/litestream.yml")
        #expect(config.origins["replication.config"] == "t")
        error("[replication]\nconfig = \"litestream.yml\"\n", line: 2, key: "replication.config",
              mentions: ["\"litestream.yml\" is not an absolute path", "absolute path of a Litestream configuration file"])
        error("[replication]\nconfig = \"./srv/l.yml\"\n", line: 2, key: "replication.config", mentions: ["not an absolute path"])
        error("[replication]\nconfig = \"\"\n", line: 2, key: "replication.config", mentions: ["is empty"])
        error("[replication]\nconfig = \"/srv/a\\tb.yml\"\n", line: 2, key: "replication.config", mentions: ["control character"])
        error("[replication]\nconfig = 1\n", line: 2, key: "replication.config", mentions: ["is an integer"])
        error("[replication]\nconfg = \"/a.yml\"\n", line: 2, key: "replication.confg", mentions: ["unknown key", "did you mean config?"])
        error("replication = \"/a.yml\"\n", line: 1, key: "replication", mentions: ["absolute path"])
        error("[replication]\nconfig = \"/\(String(repeating: "a", count: 200))\"\n", line: 2, key: "replication.config", mentions: ["at most 200"])
    }

    @Test func notifyClientOnBreachDefaultsToFalse() throws {
        let config = try Configuration.parse("""
            [escalation.level1]
            at_report = ["client", "T0", "T1"]
            at_50 = ["T2"]
            at_breach = ["supervisor"]
            """, file: "f")
        #expect(config.escalation[.one].notifyClientOnBreach == false)
        #expect(EscalationPolicy.standard[.one].notifyClientOnBreach == true)
    }

    @Test func otherWaysOfWritingKeys() throws {
        // Dotted keys, quoted keys, inline tables and an array of inline tables read like the rest.
        let config = try Configuration.parse("""
            "bell" = false
            escalation.level2.at_report = ["T0"]
            escalation.level2.'at_breach' = ["T1", "supervisor"]
            escalation.level3 = { at_report = ["T0", "T1"], at_breach = ["supervisor"] }
            client = [{ name = "A" }, { name = "B", phone = "123" }]
            """, file: "f")
        #expect(config.bell == false)
        #expect(config.escalation[.two].rules == [StepRule(.T0, at: 0), StepRule(.T1, at: 100), StepRule(.supervisor, at: 100)])
        #expect(config.escalation[.three].rules == [StepRule(.T0, at: 0), StepRule(.T1, at: 0), StepRule(.supervisor, at: 100)])
        #expect(config.client == [.init(name: "A", phone: nil), .init(name: "B", phone: "123")])
    }

    // MARK: Precedence

    @Test func parseOverABaseReplacesOnlyTheKeysPresent() throws {
        let system = try Configuration.parse("""
            theme = "light"
            bell = false
            retry_first = 10
            [[client]]
            name = "A"
            [escalation.level2]
            at_report = ["T0"]
            at_25 = ["T1"]
            at_breach = ["supervisor"]
            [escalation.level3]
            at_report = ["T0", "T1"]
            """, file: "/etc/helpdesk/config.toml")
        let user = try Configuration.parse("""
            theme = "high-contrast"
            [escalation.level2]
            at_breach = ["T0"]
            """, file: "/home/u/.config/helpdesk/config.toml", over: system)
        #expect(user.theme == "high-contrast")
        #expect(user.bell == false)
        #expect(user.retryFirst == 10)
        #expect(user.client == [.init(name: "A", phone: nil)])
        // A level the user writes replaces the system's level whole; the others stay.
        #expect(user.escalation[.two] == LevelPolicy(rules: [StepRule(.T0, at: 100)]))
        #expect(user.escalation[.three] == LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T1, at: 0)]))
        #expect(user.escalation[.one] == EscalationPolicy.standard[.one])
        #expect(user.files == ["/etc/helpdesk/config.toml", "/home/u/.config/helpdesk/config.toml"])
        // An empty [[client]] list in the user's file clears the system's.
        let cleared = try Configuration.parse("client = []", file: "u", over: system)
        #expect(cleared.client.isEmpty)
    }

    @Test func loadReadsSystemThenUser() throws {
        let dir = temporaryDirectory()
        let systemFile = dir + "/etc/config.toml"
        write("bell = false\nretry_max = 100\nnotify_timeout = 5\n", to: systemFile)
        write("bell = true\n", to: dir + "/xdg/helpdesk/config.toml")
        let config = try Configuration.load(environment: ["XDG_CONFIG_HOME": dir + "/xdg", "HOME": dir + "/home",
                                                          "HELPDESK_SYSTEM_CONFIG": systemFile])
        #expect(config.bell == true)
        #expect(config.retryMax == 100)
        #expect(config.notifyTimeout == 5)
        #expect(config.files == [systemFile, dir + "/xdg/helpdesk/config.toml"])
        #expect(config.origins["bell"] == dir + "/xdg/helpdesk/config.toml")
        #expect(config.origins["retry_max"] == systemFile)

        // Without XDG_CONFIG_HOME: ~/.config/helpdesk/config.toml.
        write("language = \"zh\"\n", to: dir + "/home/.config/helpdesk/config.toml")
        let fromHome = try Configuration.load(environment: ["HOME": dir + "/home", "HELPDESK_SYSTEM_CONFIG": systemFile])
        #expect(fromHome.language == .zh)
        #expect(fromHome.files == [systemFile, dir + "/home/.config/helpdesk/config.toml"])

        // HELPDESK_CONFIG names the user's file instead.
        write("theme = \"light\"\n", to: dir + "/elsewhere.toml")
        let named = try Configuration.load(environment: ["HOME": dir + "/home", "HELPDESK_CONFIG": dir + "/elsewhere.toml",
                                                         "HELPDESK_SYSTEM_CONFIG": systemFile])
        #expect(named.theme == "light")
        #expect(named.files == [systemFile, dir + "/elsewhere.toml"])
    }

    @Test func theDesksRulesComeBetweenTheDefaultsAndTheSystemFile() throws {
        let dir = temporaryDirectory()
        let systemFile = dir + "/etc/config.toml"
        write("[inspection]\ncpu = 70\n", to: systemFile)
        let rules = [(key: "inspection.cpu", value: "80"), (key: "inspection.disk", value: "75"),
                     (key: "escalation.level3", value: #"{ at_report = ["T0"], at_60 = ["T1"], at_breach = ["supervisor"] }"#)]
        let config = try Configuration.load(environment: ["HOME": dir, "HELPDESK_SYSTEM_CONFIG": systemFile], deskRules: rules)
        #expect(config.inspection.cpu == 70, "root's file wins where both speak")
        #expect(config.inspection.disk == 75)
        #expect(config.inspection.tablespace == InspectionThresholds.standard.tablespace)
        #expect(config.escalation[.three].rules.contains(StepRule(.T1, at: 60)))
        #expect(config.origins["inspection.cpu"] == systemFile)
        #expect(config.origins["inspection.disk"] == "database")
        #expect(config.origins["escalation.level3"] == "database")
        #expect(config.files == [systemFile])
        // A rule the database holds that does not read (written around the program) names its key.
        do {
            _ = try Configuration.load(environment: ["HOME": dir, "HELPDESK_SYSTEM_CONFIG": systemFile],
                                       deskRules: [(key: "inspection.cpu", value: "900")])
            Issue.record("accepted cpu = 900 from the database")
        } catch let error as ConfigurationError {
            #expect(error.description.contains("desk rule inspection.cpu") && error.description.contains("900 is out of range"), "\(error)")
        }
        // Nor may the database hold what is run or who may act.
        #expect(throws: ConfigurationError.self) {
            try Configuration.readDeskRules([(key: "timer_users", value: #"["me"]"#)])
        }
    }

    @Test func aPersonalFileHoldsPreferencesOnly() throws {
        let dir = temporaryDirectory()
        for (line, key) in [("timer_users = [\"me\"]", "timer_users"), ("notify_command = \"cat >/dev/null\"", "notify_command"),
                            ("notify_timeout = 5", "notify_timeout"), ("[inspection]\ntablespace = 100", "inspection"),
                            ("[escalation.level1]\nat_report = [\"T0\"]", "escalation"), ("[[client]]\nname = \"x\"", "client")] {
            write("bell = false\n\(line)\n", to: dir + "/user.toml")
            do {
                _ = try Configuration.parse("bell = false\n\(line)\n", file: dir + "/user.toml", tier: .personal)
                Issue.record("a personal file set \(key)")
            } catch let error as ConfigurationError {
                #expect(error.file == dir + "/user.toml" && error.line == 2 && error.key == key, "\(error)")
                let whereTo = ["timer_users", "notify_command", "notify_timeout"].contains(key) ? "/etc/helpdesk/config.toml" : "helpdesk config set"
                #expect(error.message.contains(whereTo), "\(error)")
            }
        }
    }

    @Test func theSystemFileMustBeRootsAlone() throws {
        let dir = temporaryDirectory()
        let file = dir + "/etc/config.toml"
        write("timer_users = [\"helpdesk\"]\n", to: file)
        chmod(dir + "/etc", 0o755)
        chmod(file, 0o644)
        let env = ["HOME": dir, "HELPDESK_SYSTEM_CONFIG": file]
        if geteuid() == 0 {
            #expect(try Configuration.load(environment: env).timerUsers == ["helpdesk"])
        }
        chmod(file, 0o664)
        #expect(Configuration.trustProblem(file)?.message.contains("may be changed by its group (mode 664)") == true)
        chmod(file, 0o646)
        #expect(Configuration.trustProblem(file)?.message.contains("may be changed by everyone") == true)
        chmod(file, 0o644)
        chmod(dir + "/etc", 0o777)
        #expect(Configuration.trustProblem(file)?.message.contains("lies in \(dir)/etc, which others may change") == true)
        chmod(dir + "/etc", 0o755)
        if geteuid() == 0 {
            chown(file, 65534, 65534)
            let owned = Configuration.trustProblem(file)
            #expect(owned?.message.contains("not root") == true, "\(String(describing: owned))")
            #expect(throws: ConfigurationError.self) { try Configuration.load(environment: env) }
            chown(file, 0, 0)
            symlink(file, dir + "/link.toml")
            #expect(Configuration.trustProblem(dir + "/link.toml")?.message.contains("symbolic link") == true)
        } else {
            // Not root: the file the tests write is the user's, which is never trusted.
            #expect(Configuration.trustProblem(file)?.message.contains("not root") == true)
        }
        // A file named by HELPDESK_SYSTEM_CONFIG must exist.
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(environment: ["HOME": dir, "HELPDESK_SYSTEM_CONFIG": dir + "/missing.toml"])
        }
    }

    @Test func loadWithoutFilesGivesTheDefaults() throws {
        let dir = temporaryDirectory()
        write("", to: dir + "/empty.toml")
        chmod(dir + "/empty.toml", 0o644)
        if geteuid() == 0 {
            var config = try Configuration.load(environment: ["HOME": dir, "HELPDESK_SYSTEM_CONFIG": dir + "/empty.toml"])
            #expect(config.files == [dir + "/empty.toml"])
            config.files = []
            #expect(config == Configuration())
        }
        // A relative XDG_CONFIG_HOME is ignored, as the XDG rules say.
        #expect(Configuration.userFile(environment: ["XDG_CONFIG_HOME": "rel", "HOME": dir]).path
                == dir + "/.config/helpdesk/config.toml")
    }

    @Test func loadRefusesAMissingNamedFileAndReportsTheSystemFilesErrors() throws {
        let dir = temporaryDirectory()
        #expect(throws: ConfigurationError.self) {
            try Configuration.load(environment: ["HELPDESK_CONFIG": dir + "/missing.toml", "HOME": dir])
        }
        guard geteuid() == 0 else { return }
        write("retry_max = 100\n\n\nretry_first = 200\n", to: dir + "/system.toml")
        chmod(dir + "/system.toml", 0o644)
        do {
            _ = try Configuration.load(environment: ["HELPDESK_SYSTEM_CONFIG": dir + "/system.toml", "HOME": dir])
            Issue.record("accepted retry_first > retry_max")
        } catch let error as ConfigurationError {
            #expect(error.description.hasPrefix("\(dir)/system.toml:1: retry_max: 100 is shorter than retry_first, 200"), "\(error)")
        }
    }

    @Test func aFileNestedThousandsDeepIsRefusedAtOnce() throws {
        for depth in [17, 10_000, 100_000] {
            let text = "a = " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "\n"
            let (_, errors) = Configuration.check(text, file: "deep.toml")
            #expect(errors.first?.message.contains("nested more than 16 deep") == true, "\(depth): \(errors)")
        }
        // Sixteen deep is still read (and refused only for what it means).
        let fine = "client = " + String(repeating: "[", count: 16) + String(repeating: "]", count: 16) + "\n"
        #expect(Configuration.check(fine, file: "f.toml").1.first?.message.contains("nested") == false)
        // Brackets in strings and comments are not nesting.
        let quoted = "theme = \"" + String(repeating: "[", count: 40) + "\" # " + String(repeating: "{", count: 40) + "\n"
        #expect(Configuration.check(quoted, file: "q.toml").1.first?.message.contains("nested") != true)
        // A file over 64 KiB is refused by its size before it is read; one of 64 KiB is read.
        let dir = temporaryDirectory()
        write(String(repeating: "# padding\n", count: 6_554), to: dir + "/big.toml")
        #expect(throws: ConfigurationError.self) { try Configuration.read(dir + "/big.toml", required: true) }
        write(String(repeating: "# padding\n", count: 6_553), to: dir + "/fits.toml")
        #expect(try Configuration.read(dir + "/fits.toml", required: true) != nil)
    }

    // MARK: Errors, each with its line

    @Test func syntaxError() {
        let e = error("theme = \"light\"\nbell = \n", line: 2, key: nil, mentions: ["TOML"])
        #expect(e?.description.hasPrefix("test.toml:2: ") == true)
        error("a = 1\n\n[escalation.level1\nat_report = []\n", line: 3, key: nil)
        error("bell = true\nbell = false\n", line: 2, key: nil)
    }

    @Test func unknownKeys() {
        let e = error("theme = \"light\"\n\n# bell\nbel = false\n", line: 4, key: "bel",
                      mentions: ["unknown key", "theme, bell, language, notify_command, notify_timeout, retry_first, retry_max, timer_users, client, escalation", "bell?"])
        #expect(e?.description == "test.toml:4: bel: unknown key; accepted: theme, bell, language, notify_command, notify_timeout, retry_first, retry_max, timer_users, client, escalation, inspection, attachment, waiting, mail_domain, mail, mail_users, replication (did you mean bell?)")
        error("bell = true\n[escalations.level1]\nat_report = [\"T0\"]\n", line: 2, key: "escalations", mentions: ["escalation"])
        error("[escalation.level4]\nat_report = [\"T0\"]\n", line: 1, key: "escalation.level4", mentions: ["level1, level2, level3"])
        error("[escalation.level1]\nat_report = [\"T0\"]\nat_50 = [\"T1\"]\nat_brech = [\"supervisor\"]\n",
              line: 4, key: "escalation.level1.at_brech", mentions: ["at_report", "at_breach"])
        error("[[client]]\nname = \"A\"\n\n[[client]]\nname = \"B\"\nphone = \"1\"\nemail = \"b@example.com\"\n",
              line: 7, key: "client[2].email", mentions: ["name, phone"])
    }

    @Test func wrongTypes() {
        error("bell = \"yes\"\n", line: 1, key: "bell", mentions: ["a string", "true or false"])
        error("\ntheme = 3\n", line: 2, key: "theme", mentions: ["an integer (3)"])
        error("notify_timeout = \"10\"\n", line: 1, key: "notify_timeout", mentions: ["a string", "number of seconds"])
        error("[client]\nname = \"A\"\n", line: 1, key: "client", mentions: ["[[client]]"])
        error("[[client]]\nphone = \"1\"\n", line: 1, key: "client[1]", mentions: ["without a name"])
        error("[escalation.level2]\nat_report = \"T0\"\n", line: 2, key: "escalation.level2.at_report", mentions: ["list of steps"])
        error("[escalation.level2]\nat_report = [\"T0\"]\nnotify_client_on_breach = 1\n", line: 3,
              key: "escalation.level2.notify_client_on_breach", mentions: ["true or false"])
        error("escalation = 1\n", line: 1, key: "escalation", mentions: ["[escalation.level1]"])
        error("notify_command = \"  \"\n", line: 1, key: "notify_command", mentions: ["empty"])
        error("\ntheme = \"dark\\u0007\"\n", line: 2, key: "theme", mentions: ["control character"])
        error("[[client]]\nname = \"A\"\nphone = \"call me\"\n", line: 3, key: "client[1].phone", mentions: ["digits"])
    }

    @Test func outOfRange() {
        error("notify_timeout = 0\n", line: 1, key: "notify_timeout", mentions: ["greater than 0", "at most 600"])
        error("bell = true\nnotify_timeout = 601\n", line: 2, key: "notify_timeout", mentions: ["601"])
        error("notify_timeout = nan\n", line: 1, key: "notify_timeout")
        error("retry_first = -5\n", line: 1, key: "retry_first")
        error("retry_first = 60\nretry_max = 30\n", line: 2, key: "retry_max", mentions: ["shorter than retry_first, 60"])
        error("retry_first = 7200\n", line: 1, key: "retry_first", mentions: ["longer than retry_max, 3600 (the default)"])
        error("[escalation.level1]\nat_0 = [\"T0\"]\n", line: 2, key: "escalation.level1.at_0", mentions: ["at_report"])
        error("[escalation.level1]\nat_100 = [\"T0\"]\n", line: 2, key: "escalation.level1.at_100", mentions: ["at_breach"])
        error("[escalation.level1]\nat_050 = [\"T0\"]\n", line: 2, key: "escalation.level1.at_050", mentions: ["leading zeros"])
    }

    @Test func unknownStepInAMultiLineArray() {
        let text = """
            [escalation.level1]
            at_report = [
                "client",   # the client office
                "T0",
                # T1 too
                "T3",
            ]
            at_breach = ["supervisor"]
            """
        let e = error(text, line: 6, key: "escalation.level1.at_report[3]",
                      mentions: ["unknown step \"T3\"", "client, T0, T1, T2, supervisor"])
        #expect(e?.description == "test.toml:6: escalation.level1.at_report[3]: unknown step \"T3\"; accepted: client, T0, T1, T2, supervisor")
        error("[escalation.level1]\nat_report = [\"T0\", 1]\n", line: 2, key: "escalation.level1.at_report[2]", mentions: ["an integer"])
    }

    @Test func linesAfterMultiLineValues() {
        // Multi-line arrays and strings, quoted keys and comments with brackets do not throw the lines off.
        let text = #"""
            notify_command = """
            /usr/local/bin/gateway \
              --json "[not a table]"
            """
            "theme" = 'C:\themes\x' # [escalation]
            [[client]]
            name = '''
            A'''
            [escalation.level2]
            at_report = [
              "T0",
              ["nested"],
            ]
            at_50 = ["T1"]
            """#
        error(text, line: 12, key: "escalation.level2.at_report[2]", mentions: ["an array"])
        let fixed = text.replacingOccurrences(of: "[\"nested\"],", with: "# nested").replacingOccurrences(of: "at_50", with: "at_5O")
        error(fixed, line: 14, key: "escalation.level2.at_5O", mentions: ["unknown key"])
    }

    @Test func policiesThatBreakTheRules() {
        // A tier skipped: the line of the table header.
        error("bell = true\n\n[escalation.level2]\nat_report = [\"T0\"]\nat_50 = [\"T2\"]\n", line: 3, key: "escalation.level2",
              mentions: ["T2 without T1", "one tier at a time"])
        // T1 before T0.
        error("[escalation.level3]\nat_report = [\"T1\"]\nat_50 = [\"T0\"]\n", line: 1, key: "escalation.level3",
              mentions: ["T1 at 0% comes before T0 at 50%"])
        // A step twice, within a key or across keys.
        error("[escalation.level1]\nat_report = [\"T0\"]\nat_50 = [\"T0\", \"T1\"]\n", line: 1, key: "escalation.level1",
              mentions: ["T0 appears more than once"])
        error("\n[escalation.level1]\nat_report = [\"T0\", \"t0\"]\n", line: 2, key: "escalation.level1", mentions: ["more than once"])
        // No steps at all; the client told at the breach without the supervisor step.
        error("[escalation.level1]\n", line: 1, key: "escalation.level1", mentions: ["no steps"])
        error("[escalation.level1]\nat_report = [\"T0\"]\nnotify_client_on_breach = true\n", line: 3,
              key: "escalation.level1.notify_client_on_breach", mentions: ["supervisor"])
        // A dotted key: the line where the level is first named.
        error("bell = true\nescalation.level3.at_report = [\"T2\"]\n", line: 2, key: "escalation.level3", mentions: ["T2 without T0"])
    }

    @Test func everyErrorInLineOrder() {
        let (_, errors) = Configuration.check("""
            zeta = 1
            bell = 2
            [escalation.level1]
            at_report = ["T9"]
            alpha = 3
            """, file: "f.toml")
        #expect(errors.map(\.description) == [
            "f.toml:1: zeta: unknown key; accepted: theme, bell, language, notify_command, notify_timeout, retry_first, retry_max, timer_users, client, escalation, inspection, attachment, waiting, mail_domain, mail, mail_users, replication",
            "f.toml:2: bell: is an integer (2); accepted: true or false",
            "f.toml:4: escalation.level1.at_report[1]: unknown step \"T9\"; accepted: client, T0, T1, T2, supervisor",
            "f.toml:5: escalation.level1.alpha: unknown key; accepted: \(escalationKeys)",
        ])
    }

    let escalationKeys = "at_report, at_N (N from 1 to 99: when N% of the window from report to deadline has passed), at_breach, notify_client_on_breach"

    @Test func positionsOfKeys() {
        let positions = TOMLPositions("""
            a = 1
            [t]
            "q.k" = { x = 1,
              y = [1,
                   2] }
            [[arr]]
            k = 1
            [[arr]]
            k = '''
            '''
            [arr.sub]
            z = 1
            """)
        #expect(positions.line(of: ["a"]) == 1)
        #expect(positions.line(of: ["t"]) == 2)
        #expect(positions.line(of: ["t", "q.k"]) == 3)
        #expect(positions.line(of: ["t", "q.k", "y", "#1"]) == 5)
        #expect(positions.line(of: ["arr", "#0", "k"]) == 7)
        #expect(positions.line(of: ["arr", "#1"]) == 8)
        #expect(positions.line(of: ["arr", "#1", "sub", "z"]) == 12)
        #expect(positions.line(of: ["arr", "#1", "missing"]) == 8)
        #expect(positions.line(of: ["nowhere"]) == nil)
    }

    @Test func showReadsBackToTheSameConfiguration() throws {
        var config = Configuration()
        config.theme = "/opt/themes/my \"quoted\".theme"
        config.bell = false
        config.notifyCommand = "gateway --to \"ops\"\\n"
        config.notifyTimeout = 7.5
        config.client = [.init(name: "王工", phone: "+86 1"), .init(name: "B", phone: nil)]
        config.escalation.levels[.two] = LevelPolicy(rules: [StepRule(.T0, at: 0), StepRule(.T1, at: 33), StepRule(.supervisor, at: 100)])
        config.replicationConfig = "/srv/lite \"stream\".yml"
        let text = ConfigCommand.render(config, looked: ["a", "b"])
        var back = try Configuration.parse(text, file: "shown")
        back.files = []
        #expect(back.ignoringOrigins == config)
        #expect(text.contains("at_33 = [\"T1\"]"))
        let defaults = ConfigCommand.render(Configuration(), looked: ["a", "b"])
        #expect(defaults.hasPrefix("# no configuration file (looked at a, b)\n# no database yet: the desk's rules are the contract's defaults"))
        #expect(try Configuration.parse(defaults, file: "d").escalation == .standard)
    }

    @Test func theReadmeExampleIsValid() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "## Configuration").dropFirst().first)
        let block = try #require(section.components(separatedBy: "```toml\n").dropFirst().first?
            .components(separatedBy: "\n```").first)
        let config = try Configuration.parse(block, file: "README.md")
        #expect(config.theme == "light" && config.bell && config.notifyCommand != nil)
        #expect(config.client.count == 2)
        #expect(config.escalation == .standard)
        // Every key the reader accepts at the top level is documented.
        for key in Configuration.topLevelKeys { #expect(block.contains("\(key)"), "\(key) missing from the README") }
    }

    // MARK: The command line

    @Test func checkAGoodFile() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "config.toml", """
            theme = "dark"
            bell = false
            [escalation.level2]
            at_report = ["T0"]
            at_25 = ["T1"]
            at_breach = ["supervisor"]
            """)
        let r = helpdesk(["config", "check", "--system", file], db: db)
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out == "ok: \(file)\n")
        // As a personal file it holds a desk rule, which is refused with where the rule belongs.
        let personal = helpdesk(["config", "check", file], db: db)
        #expect(personal.status == 2)
        #expect(personal.err.contains("\(file):3: escalation: is a rule of the whole desk"), "\(personal.err)")
        #expect(r.err.isEmpty)
        // The command never opens the database.
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func checkABadFile() throws {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "config.toml", """
            bell = false
            [escalation.level2]
            at_report = [
              "T0",
              "T4",
            ]
            notify_timeout = 5
            """)
        let r = helpdesk(["config", "check", "--system", file], db: db)
        #expect(r.status == 2)
        #expect(r.out.isEmpty)
        #expect(r.err.contains("\(file):5: escalation.level2.at_report[2]: unknown step \"T4\""), "\(r.err)")
        #expect(r.err.contains("\(file):7: escalation.level2.notify_timeout: unknown key"), "\(r.err)")

        let syntax = writeFile(besides: db, name: "syntax.toml", "bell = false\ntheme = \"light\n")
        let s = helpdesk(["config", "check", syntax], db: db)
        #expect(s.status == 2)
        #expect(s.err.contains("\(syntax):2:"), "\(s.err)")

        let missing = helpdesk(["config", "check", "/nonexistent/config.toml"], db: db)
        #expect(missing.status == 2)
        #expect(missing.err.contains("/nonexistent/config.toml: no such file"), "\(missing.err)")
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func checkAThemeThatCannotBeFound() {
        let db = freshDatabase()
        let file = writeFile(besides: db, name: "config.toml", "bell = true\ntheme = \"no-such-theme\"\n")
        let r = helpdesk(["config", "check", file], db: db)
        #expect(r.status == 2)
        #expect(r.err.contains("\(file):2: theme: \"no-such-theme\" not found"), "\(r.err)")
    }

    @Test func checkTheFilesInEffect() throws {
        let db = freshDatabase()
        let dir = URL(fileURLWithPath: db).deletingLastPathComponent().path
        let user = writeFile(besides: db, name: "user.toml", "bell = false\n")
        let r = helpdesk(["config", "check"], db: db, env: ["HELPDESK_CONFIG": user])
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.hasSuffix("ok: \(user)\n"), "\(r.out)")

        // Through XDG_CONFIG_HOME, with an error.
        try FileManager.default.createDirectory(atPath: dir + "/xdg/helpdesk", withIntermediateDirectories: true)
        try Data("bell = false\nretry_max = 10\n".utf8).write(to: URL(fileURLWithPath: dir + "/xdg/helpdesk/config.toml"))
        let bad = helpdesk(["config", "check"], db: db, env: ["XDG_CONFIG_HOME": dir + "/xdg", "HELPDESK_CONFIG": ""])
        #expect(bad.status == 2)
        #expect(bad.err.contains("\(dir)/xdg/helpdesk/config.toml:2: retry_max: is not a personal setting"), "\(bad.err)")

        // HELPDESK_CONFIG naming a file that is not there.
        let gone = helpdesk(["config", "check"], db: db, env: ["HELPDESK_CONFIG": dir + "/gone.toml"])
        #expect(gone.status == 2)
        #expect(gone.err.contains("\(dir)/gone.toml: no such file"), "\(gone.err)")

        if !FileManager.default.fileExists(atPath: Configuration.defaultSystemFile) {
            let none = helpdesk(["config", "check"], db: db, env: ["XDG_CONFIG_HOME": dir + "/empty", "HELPDESK_CONFIG": ""])
            #expect(none.status == 0)
            #expect(none.out == "no configuration file; the defaults are in effect: looked at /etc/helpdesk/config.toml, \(dir)/empty/helpdesk/config.toml\n")
        }
        #expect(!FileManager.default.fileExists(atPath: db))
    }

    @Test func showTheConfigurationInEffect() throws {
        let db = freshDatabase()
        let user = systemConfig(db, """
            notify_command = "sms --json"
            [[client]]
            name = "值班室"
            [escalation.level3]
            at_report = ["T0"]
            at_60 = ["T1"]
            at_breach = ["supervisor"]
            """)
        let text = helpdesk(["config", "show"], db: db)
        #expect(text.status == 0, "\(text.err)")
        #expect(text.out.contains("notify_command = \"sms --json\"   # \(user)\n"), "\(text.out)")
        #expect(text.out.contains("[escalation.level3]   # \(user)\nat_report = [\"T0\"]\nat_60 = [\"T1\"]\nat_breach = [\"supervisor\"]\n"))
        #expect(text.out.contains("[escalation.level1]   # default\nat_report = [\"client\", \"T0\", \"T1\"]\nat_50 = [\"T2\"]\nat_breach = [\"supervisor\"]\nnotify_client_on_breach = true\n"))

        let json = helpdesk(["config", "show", "--json"], db: db)
        #expect(json.status == 0, "\(json.err)")
        let object = jsonObject(json.out)
        #expect((object["files"] as? [String])?.last == user)
        #expect(object["theme"] is NSNull)
        #expect(object["bell"] as? Bool == true)
        #expect(object["notify_command"] as? String == "sms --json")
        #expect(object["notify_timeout"] as? Double == 10)
        #expect(object["retry_first"] as? Double == 30)
        #expect(object["retry_max"] as? Double == 3600)
        #expect((object["client"] as? [[String: Any]])?.first?["name"] as? String == "值班室")
        let level3 = (object["escalation"] as? [String: Any])?["level3"] as? [String: Any]
        let rules = (level3?["rules"] as? [[String: Any]])?.map { "\($0["step"] ?? "")@\($0["percent"] ?? "")" }
        #expect(rules == ["T0@0", "T1@60", "supervisor@100"])
        #expect(level3?["notify_client_on_breach"] as? Bool == false)

        let bad = writeFile(besides: db, name: "bad.toml", "bell = 1\n")
        let refused = helpdesk(["config", "show"], db: db, env: ["HELPDESK_CONFIG": bad, "HELPDESK_SYSTEM_CONFIG": ""])
        #expect(refused.status == 2)
        #expect(refused.err.contains("\(bad):1: bell:"))
        #expect(!FileManager.default.fileExists(atPath: db))
    }
}

@Suite("The desk's rules from the command line", .scratch)
struct DeskRuleCommandTests {
    @Test func aSupervisorSetsAndUnsetsARuleAuditedAndShownWithItsOrigin() throws {
        let db = freshDatabase()
        #expect(ok(["config", "set", "inspection.tablespace", "92"], db: db) == "inspection.tablespace: the default → 92\n")
        // A value equal to the default is still the database's, and shown so.
        ok(["config", "set", "inspection.cpu", "85"], db: db)
        let shown = ok(["config", "show"], db: db)
        #expect(shown.contains("tablespace = 92   # database"), "\(shown)")
        #expect(shown.contains("cpu = 85   # database"), "\(shown)")
        #expect(shown.contains("disk = 85   # default"), "\(shown)")
        let json = jsonObject(ok(["config", "show", "--json"], db: db))
        #expect((json["origins"] as? [String: String])?["inspection.cpu"] == "database")
        #expect(ok(["config", "unset", "inspection.cpu"], db: db) == "inspection.cpu: 85 → the default\n")
        let audit = databaseDump(db)
        #expect(audit.contains("desk rule inspection.tablespace: (default) → 92"))
        #expect(audit.contains("desk rule inspection.cpu: 85 → (default)"))
        // Setting what is already there changes nothing and says so.
        let again = helpdesk(["config", "set", "inspection.tablespace", "92"], db: db)
        #expect(again.status == 2 && again.err.contains("already 92"), "\(again.err)")
    }

    @Test func badRulesAreRefusedSayingWhatIsAcceptedAndNothingChanges() throws {
        let db = freshDatabase()
        ok(["staff", "list"], db: db)
        let before = databaseDump(db)
        let cases: [([String], [String])] = [
            (["inspection.locks_long", "-1"], ["inspection.locks_long: -1 is out of range", "a whole count of 0 or more"]),
            (["inspection.service_down", "5.5"], ["5.5 is not a whole number"]),
            (["inspection.cpu", "101"], ["101 is out of range", "0 to 100"]),
            (["inspection.tablespace", "abc"], ["\"abc\" is not a value this rule takes", "e.g. helpdesk config set inspection.tablespace 90"]),
            (["inspection.archive_log_done", #""a\u0000b""#], ["NUL"]),
            (["client", #"[{name = "a\u0000b"}]"#], ["NUL"]),
            (["client", "[{name = \"\(String(repeating: "名", count: 201))\"}]"], ["201 characters long", "at most 200"]),
            (["escalation.level2", #"at_report = ["T1"]"#], ["escalation.level2"]),
            (["timer_users", #"["me"]"#], ["not a desk rule"]),
            (["theme", "light"], ["not a desk rule"]),
        ]
        for (args, mentions) in cases {
            let r = helpdesk(["config", "set"] + args, db: db)
            #expect(r.status == 2, "\(args): \(r.out) \(r.err)")
            for m in mentions { #expect(r.err.contains(m), "\(args) should say \(m): \(r.err)") }
        }
        #expect(databaseDump(db) == before, "nothing was changed")
    }

    /// `replication.config`: set as a bare path, shown with its origin (TOML and JSON), audited,
    /// unset back to the default; the system file's key wins and the supervisor is told.
    @Test func theReplicationConfigRuleRoundTrips() throws {
        let db = freshDatabase()
        #expect(ok(["config", "set", "replication.config", "/srv/litestream.yml"], db: db)
            == "replication.config: the default → \"/srv/litestream.yml\"\n")
        let shown = ok(["config", "show"], db: db)
        #expect(shown.contains("[replication]\nconfig = \"/srv/litestream.yml\"   # database"), "\(shown)")
        let json = jsonObject(ok(["config", "show", "--json"], db: db))
        #expect((json["replication"] as? [String: Any])?["config"] as? String == "/srv/litestream.yml")
        #expect((json["origins"] as? [String: String])?["replication.config"] == "database")
        let again = helpdesk(["config", "set", "replication.config", "/srv/litestream.yml"], db: db)
        #expect(again.status == 2 && again.err.contains("already"), "\(again.err)")
        #expect(ok(["config", "unset", "replication.config"], db: db) == "replication.config: \"/srv/litestream.yml\" → the default\n")
        let unset = ok(["config", "show"], db: db)
        #expect(unset.contains("[replication]\n# config: not set ($HELPDESK_LITESTREAM_CONFIG, else /etc/litestream.yml)"), "\(unset)")
        #expect((jsonObject(ok(["config", "show", "--json"], db: db))["replication"] as? [String: Any])?["config"] is NSNull)
        let audit = databaseDump(db)
        #expect(audit.contains("desk rule replication.config: (default) → \"/srv/litestream.yml\""), "\(audit)")
        #expect(audit.contains("desk rule replication.config: \"/srv/litestream.yml\" → (default)"), "\(audit)")
        // The system file's key wins over the database's, and setting the rule says so.
        let system = systemConfig(db, "[replication]\nconfig = \"/etc/litestream.yml\"\n")
        let set = helpdesk(["config", "set", "replication.config", "/srv/other.yml"], db: db)
        #expect(set.status == 0 && set.err.contains(system), "\(set.err)")
        #expect(ok(["config", "show"], db: db).contains("config = \"/etc/litestream.yml\"   # \(system)"))
    }

    /// A relative, empty or control-character path is refused with exit 2 in the reader's
    /// language, and nothing is stored.
    @Test func aBadReplicationConfigIsRefusedAndNothingChanges() throws {
        let db = freshDatabase()
        ok(["config", "set", "replication.config", "/srv/litestream.yml"], db: db)
        let before = databaseDump(db)
        let cases: [(String, [String])] = [
            ("litestream.yml", ["\"litestream.yml\" is not an absolute path", "e.g. helpdesk config set replication.config /srv/litestream.yml"]),
            ("../etc/litestream.yml", ["not an absolute path"]),
            ("", ["is empty"]),
            (#""""#, ["is empty"]),
            (#""/srv/a\u0007b.yml""#, ["control character"]),
            ("/srv/a\u{1B}[2Jb.yml", ["control character"]),
            ("1", ["\"1\" is not an absolute path"]),
        ]
        for (value, mentions) in cases {
            let r = helpdesk(["config", "set", "replication.config", value], db: db)
            #expect(r.status == 2, "\(value): \(r.out) \(r.err)")
            for m in mentions { #expect(r.err.contains(m), "\(value) should say \(m): \(r.err)") }
            #expect(!r.err.contains("\u{1B}"), "\(r.err)")
        }
        let zh = helpdesk(["config", "set", "replication.config", "litestream.yml", "--lang", "zh"], db: db)
        #expect(zh.status == 2 && zh.err.contains("不是绝对路径"), "\(zh.err)")
        #expect(databaseDump(db) == before, "nothing was changed")
    }

    @Test func onlyASupervisorChangesTheDesksRules() throws {
        let db = freshDatabase()
        ok(["staff", "add", "boss", "--name", "马主管", "--role", "supervisor"], db: db)
        ok(["staff", "set-role", currentUser, "onsite"], db: db)
        let before = databaseDump(db)
        let r = helpdesk(["config", "set", "inspection.tablespace", "99"], db: db)
        #expect(r.status == 2 && r.err.contains("only a supervisor may change the desk's rules"), "\(r.err)")
        #expect(databaseDump(db) == before)
    }

    @Test func aFileThatIsNoRegularFileIsRefusedAtOnce() throws {
        let db = freshDatabase()
        let fifo = URL(fileURLWithPath: db).deletingLastPathComponent().appendingPathComponent("fifo.toml").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let r = helpdesk(["config", "check", fifo], db: db)
        #expect(r.status == 2 && r.err.contains("is not a regular file"), "\(r.err)")
    }
}

@Suite("A console follows the desk's rules", .scratch)
struct FollowingDeskRulesTests {
    @Test func aRuleChangedWhileTheConsoleRunsIsTakenAtTheNextRead() throws {
        let db = freshDatabase()
        ok(["staff", "list"], db: db)
        var env = try Environment(try GlobalOptions.parse(["--db", db]))
        #expect(env.context.inspection.cpu == 85)
        // Another session's supervisor changes the rule.
        ok(["config", "set", "inspection.cpu", "70"], db: db)
        ok(["config", "set", "escalation.level3", #"at_report = ["T0"], at_60 = ["T1"], at_breach = ["supervisor"]"#], db: db)
        env.followDeskRules()
        #expect(env.context.inspection.cpu == 70)
        #expect(env.context.escalation.policy[.three].rules.contains(StepRule(.T1, at: 60)))
        #expect(env.configuration.origins["inspection.cpu"] == "database")
    }
}

@Suite("Every command names itself")
struct CommandNameTests {
    /// Without `commandName`, the argument parser finds a command's name by describing its type,
    /// which scans the binary's protocol conformances on every run: a good part of a short
    /// command's whole-process time.
    @Test func everyCommandHasItsNameWrittenOut() {
        var unnamed: [String] = []
        func walk(_ command: any ParsableCommand.Type, _ path: String) {
            let configuration = command.configuration
            if configuration.commandName == nil { unnamed.append(path + "/" + String(describing: command)) }
            for sub in configuration.subcommands { walk(sub, path + "/" + (configuration.commandName ?? "?")) }
        }
        walk(HelpDesk.self, "")
        #expect(unnamed.isEmpty, "\(unnamed)")
    }
}

extension Configuration {
    /// What the configuration says, without where each key came from: for comparing a text read
    /// back with the configuration it was written from.
    var ignoringOrigins: Configuration {
        var copy = self
        copy.origins = [:]
        return copy
    }
}

/// The configuration's errors and `config show`'s comments in the reader's language; the English
/// stays word for word.
extension ConfigurationTests {
    @Test func aConfigurationErrorInChineseUnderLangZh() throws {
        let db = freshDatabase()
        let personal = writeFile(besides: db, name: "personal.toml", "bell = false\nbel = true\n")
        let env = ["HELPDESK_CONFIG": personal, "HELPDESK_SYSTEM_CONFIG": ""]
        let zh = helpdesk(["config", "check", "--lang", "zh"], db: db, env: env)
        #expect(zh.status == 2)
        #expect(zh.err.contains("\(personal):2: bel: 未知的键；可用：theme、bell、language"), "\(zh.err)")
        #expect(zh.err.contains("（是否想写 bell？）"), "\(zh.err)")
        let en = helpdesk(["config", "check", "--lang", "en"], db: db, env: env)
        #expect(en.status == 2)
        #expect(en.err.contains("\(personal):2: bel: unknown key; accepted: theme, bell, language, notify_command"), "\(en.err)")
        #expect(en.err.contains(" (did you mean bell?)"), "\(en.err)")

        // A key of the system file in a personal file, refusing another command.
        let misplaced = writeFile(besides: db, name: "misplaced.toml", "notify_timeout = 5\n")
        let refused = helpdesk(["list", "--lang", "zh"], db: db, env: ["HELPDESK_CONFIG": misplaced, "HELPDESK_SYSTEM_CONFIG": ""])
        #expect(refused.status == 2)
        #expect(refused.err.contains("\(misplaced):1: notify_timeout: 不是个人设置"), "\(refused.err)")
        #expect(refused.err.contains("（helpdesk config check）"), "\(refused.err)")
    }

    @Test func aGroupWritableSystemFileIsRefusedInChinese() throws {
        let dir = temporaryDirectory()
        let file = dir + "/etc/config.toml"
        write("timer_users = [\"helpdesk\"]\n", to: file)
        chmod(dir + "/etc", 0o755)
        chmod(file, 0o664)
        let problem = try #require(Configuration.trustProblem(file))
        if geteuid() == 0 {
            #expect(problem.text(.zh) == "\(file): 其所属组都可修改（权限 664）；系统文件决定执行什么、谁可操作，因此只能由 root 修改：chmod 644 \(file)")
            #expect(problem.text(.en) == "\(file): may be changed by its group (mode 664); the system file decides what is run and who may act, so only root may be able to change it: chmod 644 \(file)")
        } else {
            #expect(problem.text(.zh).contains("不是 root；系统文件决定执行什么、谁可操作"), "\(problem.text(.zh))")
        }
        let db = freshDatabase()
        let check = helpdesk(["config", "check", "--system", file, "--lang", "zh"], db: db)
        #expect(check.status == 2)
        #expect(check.err.contains("\(file): ") && check.err.contains("系统文件决定执行什么、谁可操作"), "\(check.err)")
    }

    @Test func configShowCommentsInChineseUnderLangZh() throws {
        let db = freshDatabase()
        let personal = writeFile(besides: db, name: "personal.toml", "bell = false\n")
        let env = ["HELPDESK_CONFIG": personal, "HELPDESK_SYSTEM_CONFIG": ""]
        let zh = helpdesk(["config", "show", "--lang", "zh"], db: db, env: env)
        #expect(zh.status == 0, "\(zh.err)")
        #expect(zh.out.contains("# 读取的文件：\(personal)\n"), "\(zh.out)")
        #expect(zh.out.contains("# 尚无数据库：服务台规则为合同的默认值\n"), "\(zh.out)")
        #expect(zh.out.contains("bell = false   # \(personal)\n"), "\(zh.out)")
        #expect(zh.out.contains("notify_timeout = 10   # 默认值\n"), "\(zh.out)")
        #expect(zh.out.contains("# notify_command：未设定（不执行命令）\n"), "\(zh.out)")
        let en = helpdesk(["config", "show", "--lang", "en"], db: db, env: env)
        #expect(en.out.contains("notify_timeout = 10   # default\n"), "\(en.out)")
        #expect(en.out.contains("# notify_command: not set (no command is run)\n"), "\(en.out)")
        // The Chinese comments still read back as the same configuration.
        let personalAgain = writeFile(besides: db, name: "again.toml", zh.out)
        _ = try Configuration.parse(try String(contentsOfFile: personalAgain, encoding: .utf8), file: personalAgain)
    }

    @Test func aThemeFilesProblemInBothLanguages() {
        do {
            _ = try Theme.parse(name: "x", text: "title = purple", file: "x.theme")
            Issue.record("accepted purple")
        } catch {
            #expect(error.text(.en) == "x.theme:1: 'title': unknown colour 'purple'")
            #expect(error.text(.zh) == "x.theme:1: 'title': 未知的颜色 'purple'")
        }
    }
}
