import Testing
@testable import HelpDeskCore

/// Phones as a Qinghai office writes them: each form read to its number, extension and key, and
/// each bad form refused saying what is wrong.
@Suite struct PhoneNumberTests {
    static let accepted: [(typed: String, key: String)] = [
        ("0971-6464897", "09716464897"),
        ("0971 6464897", "09716464897"),
        ("(0971)6464897", "09716464897"),
        ("(0971) 6464897", "09716464897"),
        ("6464897", "6464897"),
        ("64648970", "64648970"),
        ("13800000000", "13800000000"),
        ("138 0000 0000", "13800000000"),
        ("138-0000-0000", "13800000000"),
        ("+86 138 0000 0000", "13800000000"),
        ("+8613800000000", "13800000000"),
        ("0086 13800000000", "13800000000"),
        ("+86 971 6464897", "09716464897"),
        ("+86 (971) 6464897", "09716464897"),
        ("12333", "12333"),
        ("95518", "95518"),
        ("400-820-8820", "4008208820"),
        ("0971 6464897 转 8001", "09716464897#8001"),
        ("0971-6464897转8001", "09716464897#8001"),
        ("0971-6464897-8001", "09716464897#8001"),
        ("6464897-8001", "6464897#8001"),
        ("0971-6464897 ext 8001", "09716464897#8001"),
        ("0971-6464897 ext. 8001", "09716464897#8001"),
        ("0971-6464897 EXT8001", "09716464897#8001"),
        ("0971-6464897 x8001", "09716464897#8001"),
        ("0971-6464897 X 8001", "09716464897#8001"),
        ("  0971-6464897  ", "09716464897"),
        ("+86-971-555-0100 ext 2", "09715550100#2"),
    ]

    @Test func acceptedFormsReadToTheirKey() {
        for (typed, key) in Self.accepted {
            switch PhoneNumber.parse(typed) {
            case .success(let phone): #expect(phone.key == key, "\(typed)")
            case .failure(let problem): Issue.record("\(typed) refused: \(problem)")
            }
        }
    }

    @Test func anExtensionIsKeptApart() throws {
        let phone = try PhoneNumber.parse("0971 6464897 转 8001").get()
        #expect(phone.number == "09716464897" && phone.extensionDigits == "8001")
        // A `-` after an area code separates; after a whole number it starts the extension.
        #expect(try PhoneNumber.parse("0971-6464897").get().extensionDigits == nil)
        #expect(try PhoneNumber.parse("6464897-80").get() == PhoneNumber(number: "6464897", extensionDigits: "80"))
        // A mobile's groups are not an extension.
        #expect(try PhoneNumber.parse("138-0000-0000").get().extensionDigits == nil)
    }

    static let refused: [(typed: String, problem: PhoneNumber.Problem)] = [
        ("1234", .tooFewDigits(4)),
        ("12-34", .tooFewDigits(4)),
        ("123", .tooFewDigits(3)),
        ("call me", .badCharacter("c")),
        ("0971/6464897", .badCharacter("/")),
        ("0971-64648O7", .badCharacter("O")),
        ("０９７１６４６４８９７", .badCharacter("０")),
        ("+1 555 0100 000", .countryCode),
        ("0971+6464897", .countryCode),
        ("(0971 6464897", .brackets),
        ("0971 (6464897)", .brackets),
        ("()6464897", .brackets),
        ("0971-6464897 转", .badExtension),
        ("0971-6464897 ext 1234567", .badExtension),
        ("0971-6464897 x 80x1", .badExtension),
        ("1380000000", .mobileLength(10)),
        ("138000000000", .mobileLength(12)),
        ("097164648", .areaCodeLength(9)),
        ("0971646489712", .areaCodeLength(13)),
        ("646489712", .localLength(9)),
        ("5008208820", .localLength(10)),
    ]

    @Test func badFormsSayWhatIsWrong() {
        for (typed, problem) in Self.refused {
            #expect(PhoneNumber.parse(typed) == .failure(problem), "\(typed)")
            #expect(!PhoneNumber.isWellFormed(typed), "\(typed)")
        }
    }

    @Test func tooFewDigitsIsSaidAsSuch() {
        guard case .failure(let problem) = PhoneNumber.parse("1234") else { Issue.record("1234 accepted"); return }
        #expect(Catalog.DeskWork.phoneCheck(problem).en == "only 4 digits; at least 5")
        #expect(Catalog.DeskWork.notAPhone("1234", problem).en.contains("only 4 digits"))
        #expect(!Catalog.DeskWork.notAPhone("1234", problem).zh.contains("只能包含"))
    }

    @Test func searchKeysFindANumberHoweverItWasTyped() {
        let stored = PhoneNumber.storedKey("0971 6464897 转 8001")!
        for search in ["6464897", "0971-6464897", "(0971)6464897", "0971 6464897 转 8001", "8001", "+86 971 6464897"] {
            let key = try! #require(PhoneNumber.searchKey(search), "\(search)")
            #expect(stored.contains(key), "\(search) → \(key)")
        }
        #expect(PhoneNumber.searchKey("西宁") == nil)
        #expect(PhoneNumber.searchKey("12") == nil)
        #expect(PhoneNumber.searchKey("097") == "097")
    }

    @Test func aPhoneKeptFromBeforeTheRuleIsKeyedByItsDigits() {
        #expect(PhoneNumber.storedKey("1234") == "1234")
        #expect(PhoneNumber.storedKey("0971-6464897") == "09716464897")
        #expect(PhoneNumber.storedKey(nil) == nil && PhoneNumber.storedKey("  ") == nil)
        #expect(PhoneNumber.storedKey("none") == nil)
    }
}
