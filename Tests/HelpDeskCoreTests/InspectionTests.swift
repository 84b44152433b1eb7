import Foundation
import Testing
@testable import HelpDeskCore

private func reading(_ check: InspectionCheck, _ target: String, _ value: Double) -> InspectionReading {
    InspectionReading(check: check, target: target, value: .number(value))
}

private func reading(_ check: InspectionCheck, _ target: String, _ text: String) -> InspectionReading {
    InspectionReading(check: check, target: target, value: .text(text))
}

@Suite("Inspections: what a reading over its threshold opens")
struct InspectionThresholdTests {
    @Test func tablespaceOpensALevelTwoFaultOnlyAboveNinety() {
        #expect(InspectionRules.finding(reading(.tablespace, "YLBX_DATA", 90)) == nil)
        #expect(InspectionRules.finding(reading(.tablespace, "YLBX_DATA", 90.01)) == .fault(.two))
        #expect(InspectionRules.finding(reading(.tablespace, "YLBX_DATA", 93.5)) == .fault(.two))
        #expect(InspectionRules.finding(reading(.tablespace, "YLBX_DATA", 0)) == nil)
    }

    @Test func moreThanFiveServicesDownBehindOneAddressOpensALevelTwoFault() {
        #expect(InspectionRules.finding(reading(.serviceDown, "10.63.1.20:7001", 5)) == nil)
        #expect(InspectionRules.finding(reading(.serviceDown, "10.63.1.20:7001", 6)) == .fault(.two))
    }

    @Test func locksCpuAndDiskOpenATaskAboveTheirLimits() {
        #expect(InspectionRules.finding(reading(.locksLong, "db", 0)) == nil)
        #expect(InspectionRules.finding(reading(.locksLong, "db", 1)) == .task)
        #expect(InspectionRules.finding(reading(.cpu, "app03", 85)) == nil)
        #expect(InspectionRules.finding(reading(.cpu, "app03", 85.5)) == .task)
        #expect(InspectionRules.finding(reading(.disk, "app05:/u01", 85)) == nil)
        #expect(InspectionRules.finding(reading(.disk, "app05:/u01", 88)) == .task)
    }

    @Test func archiveLogsOpenATaskUnlessCleaned() {
        #expect(InspectionRules.finding(reading(.archiveLog, "db", "cleaned")) == nil)
        #expect(InspectionRules.finding(reading(.archiveLog, "db", " Cleaned ")) == nil)
        #expect(InspectionRules.finding(reading(.archiveLog, "db", "not cleaned")) == .task)
        #expect(InspectionRules.finding(reading(.archiveLog, "db", "未清理")) == .task)
    }

    @Test func sessionsServiceLogsAndVisitsAreRecordedOnly() {
        #expect(InspectionRules.finding(reading(.sessions, "db", 10_000)) == nil)
        #expect(InspectionRules.finding(reading(.serviceLog, "app01", "OutOfMemoryError x3")) == nil)
        #expect(InspectionRules.finding(reading(.visit, "玉树州", "经办人员反映打印慢")) == nil)
    }

    @Test func configuredThresholdsMoveTheEdges() {
        var limits = InspectionThresholds()
        limits.tablespace = 95
        limits.serviceDown = 2
        limits.archiveLogDone = "ok"
        #expect(InspectionRules.finding(reading(.tablespace, "T", 93.5), limits) == nil)
        #expect(InspectionRules.finding(reading(.tablespace, "T", 95.1), limits) == .fault(.two))
        #expect(InspectionRules.finding(reading(.serviceDown, "a", 3), limits) == .fault(.two))
        #expect(InspectionRules.finding(reading(.archiveLog, "db", "cleaned"), limits) == .task)
        #expect(InspectionRules.finding(reading(.archiveLog, "db", "OK"), limits) == nil)
    }

    @Test func titlesSayWhatWasFoundInBothLanguages() {
        let r = reading(.tablespace, "YLBX_DATA", 93.5)
        #expect(InspectionRules.title(r, .zh) == "表空间 YLBX_DATA 使用率 93.5%，须立即扩容")
        #expect(InspectionRules.title(r, .en) == "tablespace YLBX_DATA at 93.5%: expand at once")
        #expect(InspectionRules.title(reading(.serviceDown, "10.63.1.20:7001", 6), .en) == "6 services down behind 10.63.1.20:7001")
        #expect(InspectionRules.limitText(.tablespace, .standard) == "> 90%")
        #expect(InspectionRules.limitText(.serviceDown, .standard) == "> 5")
        #expect(InspectionRules.limitText(.archiveLog, .standard) == "≠ cleaned")
        #expect(InspectionRules.limitText(.sessions, .standard) == nil)
    }
}

@Suite("Inspections: the import file")
struct InspectionFileTests {
    static let sample = """
        {"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database",
         "readings": [
           {"check": "tablespace",   "target": "YLBX_DATA",       "value": 93.5},
           {"check": "service_down", "target": "10.63.1.20:7001", "value": 6},
           {"check": "locks_long",   "target": "db",              "value": 2},
           {"check": "cpu",          "target": "app03",           "value": 71},
           {"check": "sessions",     "target": "db",              "value": 340},
           {"check": "archive_log",  "target": "db",              "value": "cleaned"},
           {"check": "disk",         "target": "app05:/u01",      "value": 88}]}
        """

    func refusal(_ text: String) -> String? {
        do {
            _ = try InspectionFile.parse(Data(text.utf8))
            return nil
        } catch {
            return error.text(.en)
        }
    }

    @Test func theSampleReadsWhole() throws {
        let new = try InspectionFile.parse(Data(Self.sample.utf8))
        #expect(new.at == t("2021-12-06T09:30:00+08:00"))
        #expect(new.inspector == "王芳" && new.kind == .database && new.readings.count == 7)
        #expect(new.readings[0] == reading(.tablespace, "YLBX_DATA", 93.5))
        #expect(new.readings[5] == reading(.archiveLog, "db", "cleaned"))
        let findings = new.readings.map { InspectionRules.finding($0) }
        #expect(findings == [.fault(.two), .fault(.two), .task, nil, nil, nil, .task])
    }

    @Test func aBadReadingIsNamedByItsIndexAndField() {
        let text = Self.sample.replacingOccurrences(of: "\"value\": 71", with: "\"value\": \"high\"")
        #expect(refusal(text) == "readings[3].value: expected a number for check \"cpu\"")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"value\": \"cleaned\"", with: "\"value\": 1"))
                == "readings[5].value: expected text for check \"archive_log\", not a number")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"check\": \"cpu\"", with: "\"check\": \"memory\""))?
                .hasPrefix("readings[3].check: \"memory\" is not a check; accepted: tablespace, service_down") == true)
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"target\": \"db\",              \"value\": 2", with: "\"value\": 2"))
                == "readings[2].target: missing; expected what was checked for check \"locks_long\"")
        #expect(refusal(Self.sample.replacingOccurrences(of: "93.5", with: "193.5"))
                == "readings[0].value: 193.5 is over 100; expected a percentage from 0 to 100 for check \"tablespace\" (digits, e.g. 93.5)")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"value\": 6}", with: "\"value\": 6.5}"))
                == "readings[1].value: 6.5 is not a whole number; expected a count from 0 to 2147483647 for check \"service_down\" (digits only)")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"value\": 340", with: "\"value\": null"))
                == "readings[4].value: is null; expected a number for check \"sessions\"")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"value\": 340", with: "\"valeu\": 340"))
                == "readings[4].valeu: unknown field; accepted: check, target, value")
    }

    @Test func theInspectionsOwnFieldsAreChecked() {
        #expect(refusal("[]")?.hasPrefix("the file holds a list; expected one object") == true)
        #expect(refusal("{") == "not JSON at line 1, column 2: expected a key in double quotes; expected one object {\"at\", \"inspector\", \"kind\", \"readings\"}")
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"kind\": \"database\"", with: "\"kind\": \"network\""))
                == "kind: \"network\" is not a kind; accepted: database, application, business")
        #expect(refusal(Self.sample.replacingOccurrences(of: "+08:00\"", with: "\""))?.hasPrefix("at: ") == true)
        #expect(refusal(Self.sample.replacingOccurrences(of: "\"王芳\"", with: "\"  \""))
                == "inspector: empty; expected who inspected, e.g. \"王芳\"")
        #expect(refusal(#"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": []}"#)
                == "readings: no readings; expected at least one {\"check\", \"target\", \"value\"}")
    }

    @Test func businessInspectionsRecordVisitsToRegions() throws {
        let ok = #"{"at": "2021-12-07T15:00:00+08:00", "inspector": "李娜", "kind": "business", "readings": [{"check": "visit", "target": "玉树州", "value": "反映养老金测算功能响应慢"}]}"#
        let new = try InspectionFile.parse(Data(ok.utf8))
        #expect(new.kind == .business && new.readings == [reading(.visit, "玉树州", "反映养老金测算功能响应慢")])
        #expect(refusal(ok.replacingOccurrences(of: "玉树州", with: "拉萨市"))?.hasPrefix("readings[0].target: \"拉萨市\" is not a region; accepted: 西宁市") == true)
        #expect(refusal(ok.replacingOccurrences(of: "business", with: "database"))
                == "readings[0].check: a visit belongs to a business inspection (kind \"business\"), not a database one")
        #expect(refusal(ok.replacingOccurrences(of: #""check": "visit""#, with: #""check": "cpu""#).replacingOccurrences(of: "\"反映养老金测算功能响应慢\"", with: "3"))
                == "readings[0].check: a business inspection records visits only (check \"visit\"), not \"cpu\"")
    }

    @Test func targetsAreLookedUpInTheInventory() {
        let inventory = [InventoryEntry(kind: .database, name: "db"), InventoryEntry(kind: .tablespace, name: "YLBX_DATA", parent: "YLBX"),
                         InventoryEntry(kind: .server, name: "app05", parent: "10.63.1.20:7001"),
                         InventoryEntry(kind: .address, name: "10.63.1.20:7001")]
        #expect(InspectionRules.isKnown(reading(.tablespace, "YLBX_DATA", 50), in: inventory))
        #expect(InspectionRules.isKnown(reading(.disk, "app05:/u01", 50), in: inventory))
        #expect(InspectionRules.isKnown(reading(.cpu, "db", 50), in: inventory))
        #expect(!InspectionRules.isKnown(reading(.cpu, "app12", 50), in: inventory))
        #expect(!InspectionRules.isKnown(reading(.serviceDown, "app05", 1), in: inventory))
        #expect(InspectionRules.isKnown(reading(.serviceDown, "10.63.1.20:7001", 1), in: inventory))
        #expect(InspectionRules.isKnown(reading(.visit, "玉树州", "ok"), in: []))
        // Nothing of the kind listed: nothing to hold the target to.
        #expect(InspectionRules.isKnown(reading(.cpu, "app12", 50), in: []))
        #expect(InspectionRules.isKnown(reading(.tablespace, "X", 50), in: [InventoryEntry(kind: .server, name: "app01")]))
    }
}

@Suite("Inspections: values read exactly")
struct InspectionExactReadingTests {
    @Test("a count is digits only, 0 to 2^31 − 1; a percentage digits with a decimal part, 0 to 100")
    func numbers() {
        let counts: [(String, Result<Double, InspectionRules.NumberProblem>)] = [
            ("0", .success(0)), ("6", .success(6)), ("007", .success(7)), ("2147483647", .success(2_147_483_647)),
            ("2147483648", .failure(.tooLarge)), ("9223372036854775808", .failure(.tooLarge)), ("9007199254740993", .failure(.tooLarge)),
            ("1e300", .failure(.notDigits)), ("1E2", .failure(.notDigits)), ("0x10", .failure(.notDigits)), ("+6", .failure(.notDigits)),
            (" 6", .failure(.notDigits)), ("６", .failure(.notDigits)), ("", .failure(.notDigits)), ("6.", .failure(.notDigits)),
            (".5", .failure(.notDigits)), ("inf", .failure(.notDigits)), ("nan", .failure(.notDigits)), ("-1", .failure(.belowZero)),
            ("6.5", .failure(.notWhole)), ("6.0", .failure(.notWhole)),
        ]
        for (text, expected) in counts {
            #expect(InspectionRules.readNumber(text, check: .sessions) == expected, "\(text)")
        }
        let percents: [(String, Result<Double, InspectionRules.NumberProblem>)] = [
            ("0", .success(0)), ("93.5", .success(93.5)), ("100", .success(100)), ("100.000", .success(100)), ("85.0001", .success(85.0001)),
            ("100.01", .failure(.tooLarge)), ("1e2", .failure(.notDigits)), ("1e300", .failure(.notDigits)), ("0x10", .failure(.notDigits)),
            ("-0.5", .failure(.belowZero)), ("93,5", .failure(.notDigits)), ("99999999999999999999", .failure(.tooLarge)),
        ]
        for (text, expected) in percents {
            #expect(InspectionRules.readNumber(text, check: .cpu) == expected, "\(text)")
        }
    }

    @Test("a hand reading is read the same way: 0x10 is no count, 93.5% a percentage")
    func handReadings() throws {
        #expect(throws: InspectionInputError.self) { try InspectionRules.parseLine("sessions db 0x10", index: 0) }
        #expect(throws: InspectionInputError.self) { try InspectionRules.parseLine("locks_long db 1e300", index: 0) }
        #expect(throws: InspectionInputError.self) { try InspectionRules.parseLine("service_down 10.63.1.20:7001 6%", index: 0) }
        #expect(try InspectionRules.parseLine("cpu app03 93.5%", index: 0).value == .number(93.5))
        do { _ = try InspectionRules.parseLine("sessions db 0x10", index: 2) } catch {
            #expect(error.text(.en) == "readings[2].value: '0x10': expected a count from 0 to 2147483647 for check \"sessions\" (digits only)")
            #expect(error.text(.zh).contains("0 到 2147483647 的个数"))
        }
    }

    func refusal(_ text: String) -> String? {
        do { _ = try InspectionFile.parse(Data(text.utf8)) } catch { return error.text(.en) }
        return nil
    }

    @Test("a file's number is read from its text: too large, exponent or rounded values are refused")
    func fileNumbers() {
        func file(_ value: String, check: String = "sessions") -> String {
            #"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "cpu", "target": "app03", "value": 71}, {"check": "\#(check)", "target": "db", "value": \#(value)}]}"#
        }
        #expect(refusal(file("1e300")) == "readings[1].value: '1e300': expected a count from 0 to 2147483647 for check \"sessions\" (digits only)")
        #expect(refusal(file("9223372036854775808", check: "locks_long"))?.hasPrefix("readings[1].value: 9223372036854775808 is over 2147483647") == true)
        #expect(refusal(file("9007199254740993"))?.hasPrefix("readings[1].value: 9007199254740993 is over 2147483647") == true)
        #expect(refusal(file("-1"))?.hasPrefix("readings[1].value: -1 is below 0") == true)
        #expect(refusal(file("1e2", check: "cpu"))?.hasPrefix("readings[1].value: '1e2': expected a percentage from 0 to 100") == true)
        #expect(refusal(file("2147483647")) == nil)
        #expect(refusal(file("100.0", check: "disk")) == nil)
    }

    @Test("a key written twice is refused, named where it is")
    func duplicateKeys() {
        #expect(refusal(#"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "kind": "application", "readings": [{"check": "cpu", "target": "app03", "value": 71}]}"#)
                == "kind: the key \"kind\" is written twice in one object; each key once")
        #expect(refusal(#"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "cpu", "target": "app03", "value": 71}, {"check": "cpu", "target": "app04", "value": 3, "value": 99}]}"#)
                == "readings[1].value: the key \"value\" is written twice in one object; each key once")
        // Escapes are read before keys are compared: "v\u0061lue" is "value".
        #expect(refusal(#"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "cpu", "target": "app04", "value": 3, "v\u0061lue": 99}]}"#)?
                .hasPrefix("readings[0].value: the key") == true)
    }

    @Test("what is not JSON is refused, saying where: trailing text, a raw control character, deep nesting by line and column; a bad number or half a character by its field")
    func notJSON() {
        let good = #"{"at": "2021-12-06T09:30:00+08:00", "inspector": "王芳", "kind": "database", "readings": [{"check": "cpu", "target": "app03", "value": 71}]}"#
        #expect(refusal(good) == nil)
        #expect(refusal("\u{FEFF}" + good) == nil)
        for bad in [good + " x", good.replacingOccurrences(of: "王芳", with: "王\t芳"), good.replacingOccurrences(of: "71", with: "NaN")] {
            #expect(refusal(bad)?.hasPrefix("not JSON at line 1, column ") == true, "\(bad.prefix(80))")
            #expect(refusal(bad)?.hasSuffix("; expected one object {\"at\", \"inspector\", \"kind\", \"readings\"}") == true, "\(bad.prefix(80))")
        }
        #expect(refusal(String(repeating: "[", count: 10_000))?
                .hasPrefix("not JSON at line 1, column 65: lists and objects nested more than 64 deep") == true)
        #expect(refusal(good.replacingOccurrences(of: "71", with: "071")) == "readings[0].value: 071 is not a number: JSON numbers do not start with 0; write 71")
        #expect(refusal(good.replacingOccurrences(of: "71", with: "71.")) == "readings[0].value: 71. is not a number: a digit must follow the decimal point")
        #expect(refusal(good.replacingOccurrences(of: "71", with: "1e400")) == "readings[0].value: 1e400 is too large to be read as a number")
        #expect(refusal(good.replacingOccurrences(of: "王芳", with: #"\ud800"#))?.hasPrefix(#"inspector: \ud800 is half of a character"#) == true)
        do { _ = try InspectionFile.parse(Data(good.replacingOccurrences(of: "71", with: "071").utf8)) } catch {
            #expect(error.index == 0 && error.field == "value")
        }
    }

    @Test("archive_log is well only when it reads cleaned, ignoring case and surrounding white space")
    func archiveLog() {
        for text in ["cleaned", "CLEANED", "  Cleaned ", "\tcleaned\n"] {
            #expect(InspectionRules.finding(reading(.archiveLog, "db", text)) == nil, "\(text.debugDescription)")
        }
        for text in ["cleaned.", "not cleaned", "clean ed", "cleaned\u{200B}", "ｃｌｅａｎｅｄ", "cleaning", ""] {
            #expect(InspectionRules.finding(reading(.archiveLog, "db", text)) == .task, "\(text.debugDescription)")
        }
    }

    @Test("targets are the same ignoring case, as the inventory names them; a disk's mount point exactly")
    func sameTargets() {
        #expect(InspectionRules.sameTarget(.cpu, "app04", "APP04"))
        #expect(InspectionRules.sameTarget(.tablespace, "ts9001", "TS9001"))
        #expect(InspectionRules.sameTarget(.disk, "app05:/u01", "APP05:/u01"))
        #expect(!InspectionRules.sameTarget(.disk, "app05:/u01", "app05:/U01"))
        #expect(!InspectionRules.sameTarget(.cpu, "app04", "app40"))
        #expect(InventoryEntry.sameName("YLBX_DATA", "ylbx_data"))
    }
}
