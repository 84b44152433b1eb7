import Foundation
import PropertyBased
import Testing
@testable import HelpDeskCore

/// Characters that parsers of times, dates and periods meet in hostile or mistyped input: the
/// digits and signs of the real forms, look-alikes (fullwidth and Arabic-Indic digits, a Unicode
/// minus), whitespace, controls and escapes.
let parserAlphabet: [Character] = Array("0123456789-:+TtZzW .,/") + ["１", "٣", "−", "\u{0}", "\u{1B}", "\n", "\t", "\u{202E}", "é", "青"]

/// A string of 0–30 characters from `parserAlphabet`, or a near miss of a real form.
let hostileParserInput = Gen<String>.oneOf(
    Gen<Character?>.element(of: parserAlphabet).compactMap { $0 }.array(of: 0...30).map { String($0) },
    // A real form with one character replaced: the likeliest typo.
    zip(Gen<String?>.element(of: ["2021-11-23T15:00:00+08:00", "2021-11-23 14:30", "11-23 14:30", "14:30", "2021-12", "2021-W49",
                             "2021-11-23", "0971-6100000", "2027-01-01T00:00:00Z"]).compactMap { $0 },
            Gen.int(in: 0...30), Gen<Character?>.element(of: parserAlphabet).compactMap { $0 })
        .map { (form: String, at: Int, c: Character) -> String in
            var chars = Array(form)
            chars[at % chars.count] = c
            return String(chars)
        }
)

/// Instants in whole seconds from 1900 to 2200: the desk keeps 2000–2099 (`SupportedTime`), so a
/// good share of them fall outside it and must be refused, saying so.
let instants = Gen.int(in: -2_208_988_800...7_258_118_400).map { Date(timeIntervalSince1970: TimeInterval($0)) }

@Suite("Parsers, by property")
struct ParserPropertyTests {
    // MARK: Times

    @Test("an instant written as ISO 8601 in Beijing time reads back as the same instant")
    func isoRoundTrip() async {
        await propertyCheck(count: 300, input: instants) { (instant) throws in
            try expectReadBack(BeijingTime.iso(instant), instant)
        }
    }

    /// `text` reads as `instant` when the desk keeps it, else is refused naming the range.
    func expectReadBack(_ text: String, _ instant: Date, sourceLocation: SourceLocation = #_sourceLocation) throws {
        if SupportedTime.contains(instant) {
            #expect(try TimeInput.parseInstant(text) == instant, "\(text)", sourceLocation: sourceLocation)
            return
        }
        do {
            let read = try TimeInput.parseInstant(text)
            Issue.record("\(text) was read as \(read), outside the time the desk keeps", sourceLocation: sourceLocation)
        } catch {
            #expect(error.problem == .outsideSupportedTime, "\(text): \(error)", sourceLocation: sourceLocation)
            #expect(error.text(.en).contains("2000-01-01 00:00:00 to 2099-12-31 23:59:59"), sourceLocation: sourceLocation)
            #expect(error.text(.zh).contains("2099-12-31"), sourceLocation: sourceLocation)
        }
    }

    @Test("the bound is exact: the first and last second of 2000–2099 Beijing time are read, the seconds beside them refused")
    func bounds() throws {
        for text in ["2000-01-01T00:00:00+08:00", "1999-12-31T16:00:00Z", "2099-12-31T23:59:59+08:00", "2099-12-31T15:59:59Z",
                     "2099-12-31T23:59:59.999+08:00"] {
            #expect(throws: Never.self, "\(text)") { try TimeInput.parseInstant(text) }
        }
        for text in ["1999-12-31T23:59:59+08:00", "1999-12-31T15:59:59Z", "2100-01-01T00:00:00+08:00", "2099-12-31T16:00:00Z",
                     "0000-01-01T00:00:00+08:00", "9999-12-31T23:59:59-14:00", "1999-12-31", "2100-01-01"] {
            #expect(throws: TimeParseError(input: text, problem: .outsideSupportedTime), "\(text)") { try TimeInput.parseInstant(text) }
        }
        #expect(try TimeInput.parseDate("2000-01-01") == SupportedTime.firstDay)
        #expect(try TimeInput.parseDate(" 2099-12-31 ") == SupportedTime.lastDay)
        for text in ["1999-12-31", "2100-01-01", "0000-01-01"] {
            #expect(throws: TimeParseError(input: text, problem: .outsideSupportedTime, shape: .date)) { try TimeInput.parseDate(text) }
            #expect(CivilDate(iso: text) == nil)
        }
        #expect(try TimeInput.parseMonth("2000-01") == .month(year: 2000, month: 1))
        #expect(try TimeInput.parseMonth("2099-12") == .month(year: 2099, month: 12))
        #expect(try TimeInput.parseWeek("2000-W01") == .week(year: 2000, week: 1))
        for text in ["1999-12", "2100-01", "0000-01"] {
            #expect(throws: TimeParseError(input: text, problem: .outsideSupportedTime, shape: .month)) { try TimeInput.parseMonth(text) }
        }
        // 1999-W52 runs to 2000-01-02, 2099-W53 into 2100: partly outside, so refused.
        for text in ["1999-W52", "2099-W53", "0000-W01"] {
            #expect(throws: TimeParseError(input: text, problem: .outsideSupportedTime, shape: .week)) { try TimeInput.parseWeek(text) }
        }
        #expect(throws: TimeParseError(input: "2021-W49", problem: .notADate, shape: .month)) { try TimeInput.parseMonth("2021-W49") }
    }

    @Test("the same instant written with any offset reads back as itself")
    func anyOffset() async {
        await propertyCheck(count: 300, input: instants, Gen.int(in: -14 * 4...14 * 4)) { (instant, quarters) throws in
            let offset = quarters * 15 * 60
            let local = Int(instant.timeIntervalSince1970) + offset
            let days = local >= 0 ? local / 86_400 : (local - 86_399) / 86_400
            let date = CivilDate(daysSinceEpoch: days)
            let sign = offset < 0 ? "-" : "+"
            let text = "\(date)T\(BeijingTime.clock(local - days * 86_400, seconds: true))\(sign)\(pad(abs(offset) / 3600, 2)):\(pad(abs(offset) % 3600 / 60, 2))"
            try expectReadBack(text, instant)
        }
    }

    @Test("a Beijing date and time are consistent: the day's midnight plus the second of the day is the instant")
    func beijingConsistent() async {
        await propertyCheck(count: 300, input: instants) { (instant) throws in
            let (date, second) = BeijingTime.local(instant)
            #expect((0..<86_400).contains(second))
            #expect(BeijingTime.instant(date, secondOfDay: second) == instant)
            #expect(BeijingTime.date(of: instant) == date)
        }
    }

    @Test("any text is read as a time or refused with a message naming the accepted form")
    func anyTimeText() async {
        await propertyCheck(count: 400, input: hostileParserInput) { (text) throws in
            do {
                let instant = try TimeInput.parseInstant(text)
                // What was accepted is a real instant that writes and reads back unchanged.
                #expect(try TimeInput.parseInstant(BeijingTime.iso(instant)) == instant, "\(text.debugDescription)")
                #expect(!text.contains("\u{0}") && !text.contains("\u{1B}"), "accepted \(text.debugDescription)")
                #expect(SupportedTime.contains(instant))
            } catch let error as TimeParseError where error.problem == .outsideSupportedTime {
                #expect(error.text(.en).contains("2000-01-01") && error.text(.en).contains("2099-12-31"), "\(error.text(.en))")
                #expect(error.text(.zh).contains("2099-12-31"))
            } catch let error as TimeParseError {
                #expect(error.text(.en).contains("ISO 8601") && error.text(.en).contains("+08:00"), "\(error.text(.en))")
                #expect(error.text(.zh).contains("ISO 8601"))
            } catch {
                Issue.record("\(error)")
            }
        }
    }

    @Test("the console's forms read back what they show: 2021-11-23 14:30, 11-23 14:30 and 14:30")
    func consoleForms() async {
        let minutes = Gen.int(in: -2_208_988_800 / 60...7_258_118_400 / 60).map { Date(timeIntervalSince1970: TimeInterval($0 * 60)) }
        await propertyCheck(count: 300, input: minutes) { (instant) throws in
            let shown = LocalTimeInput.format(instant)
            let (date, second) = BeijingTime.local(instant)
            guard SupportedTime.contains(instant) else {
                #expect(LocalTimeInput.instant(shown, today: CivilDate(year: 2021, month: 1, day: 1)!) == nil, "\(shown)")
                #expect(LocalTimeInput.isOutsideSupportedTime(shown), "\(shown)")
                return
            }
            #expect(LocalTimeInput.instant(shown, today: CivilDate(year: 2021, month: 1, day: 1)!) == instant, "\(shown)")
            // The short forms are completed from today.
            #expect(LocalTimeInput.instant(String(shown.dropFirst(5)), today: CivilDate(year: date.year, month: 6, day: 1)!) == instant)
            #expect(LocalTimeInput.instant(BeijingTime.clock(second), today: date) == instant)
        }
    }

    @Test("any text typed into a time field is read as a real instant or not at all")
    func anyConsoleText() async {
        let today = CivilDate(year: 2021, month: 11, day: 23)!
        await propertyCheck(count: 400, input: hostileParserInput) { (text) throws in
            for value in [LocalTimeInput.instant(text, today: today), LocalTimeInput.due(text, today: today, closing: 18 * 3600)] {
                guard let instant = value else { continue }
                #expect(SupportedTime.contains(instant), "\(text.debugDescription)")
                #expect(try TimeInput.parseInstant(BeijingTime.iso(instant)) == instant, "\(text.debugDescription)")
                #expect(!text.contains("\u{1B}") && !text.contains("\u{0}"), "accepted \(text.debugDescription)")
            }
        }
    }

    // MARK: Weeks and months

    static let periods = Gen<Period>.oneOf(
        zip(Gen.int(in: 0...9999), Gen.int(in: 1...12)).map { Period.month(year: $0, month: $1) },
        zip(Gen.int(in: 0...9999), Gen.int(in: 1...53)).map { y, w in Period.week(year: y, week: min(w, Period.weeksIn(isoYear: y))) }
            
    )

    @Test("a month or an ISO week reads back from how it is written")
    func periodRoundTrip() async {
        await propertyCheck(count: 300, input: Self.periods) { (period) throws in
            let kept = SupportedTime.contains(period.days.first)
                && SupportedTime.contains(period.days.end.adding(days: -1))
            #expect(Period(period.description) == (kept ? period : nil), "\(period)")
            let (start, end) = period.interval
            #expect(start < end)
            // The period holding its first instant is itself.
            switch period {
            case .month: #expect(Period.month(containing: start) == period)
            case .week: #expect(Period.week(containing: start) == period)
            }
        }
    }

    @Test("a month of any number, in any year, has days and an interval: no value of the type traps")
    func oddMonths() async {
        await propertyCheck(count: 300, input: Gen.int(in: -9999...9999), Gen.int(in: -100...100)) { (year, month) throws in
            let period = Period.month(year: year, month: month)
            let (first, end) = period.days
            #expect(first.day == 1 && end.day == 1 && first < end)
            #expect(Period.month(containing: period.interval.start) == period.months(after: 0))
            #expect(period.months(after: 1).days.first == end)
            #expect(period.months(after: -1).days.end == first)
        }
    }

    @Test("any text is a period only in its one written form: 2021-12 or 2021-W49")
    func anyPeriodText() async {
        await propertyCheck(count: 400, input: hostileParserInput) { (text) throws in
            guard let period = Period(text) else { return }
            #expect(period.description == text, "\(text.debugDescription) was read as \(period)")
        }
        for text in ["+202-12", "2021-+1", "2021-W+1", "2021-12-", "2021--12", "-2021-12", "2021-W-1", "２０２１-12", " 2021-12"] {
            #expect(Period(text) == nil, "\(text.debugDescription)")
        }
    }

    // MARK: Business hours

    static let hours = Gen.int(in: 0...(24 * 4)).array(of: 1...8).map { quarters -> [(start: Int, end: Int)] in
        let points = Array(Set(quarters)).sorted().map { $0 * 900 }
        return stride(from: 0, to: points.count - 1, by: 2).map { (start: points[$0], end: points[$0 + 1]) }
    }.filter { !$0.isEmpty }

    @Test("business hours read back from how they are written")
    func hoursRoundTrip() async {
        await propertyCheck(count: 300, input: Self.hours) { (spans) throws in
            // Touching intervals are refused; those that do not touch read back.
            guard let hours = try? BusinessHours(intervals: spans) else { return }
            #expect(try BusinessHours(parsing: hours.description) == hours, "\(hours)")
        }
    }

    @Test("any text is business hours within the day, in order, or refused naming the accepted form")
    func anyHoursText() async {
        await propertyCheck(count: 400, input: hostileParserInput) { (text) throws in
            do {
                let hours = try BusinessHours(parsing: text)
                #expect(try BusinessHours(parsing: hours.description) == hours)
                #expect(hours.intervals.allSatisfy { 0 <= $0.start && $0.start < $0.end && $0.end <= 86_400 })
            } catch let error as BusinessHours.InvalidHours {
                #expect(error.text(.en).contains("09:00-18:00") && error.text(.zh).contains("09:00-18:00"), "\(error)")
            } catch {
                Issue.record("\(error)")
            }
        }
        for text in ["+9:00-18:00", "09:+5-18:00", "09:00--18:00", "09:00-18:00,", ",09:00-18:00", "09:00-18:00,,10:00-11:00", "９:00-18:00"] {
            #expect(throws: BusinessHours.InvalidHours.self, "\(text)") { try BusinessHours(parsing: text) }
        }
    }

    // MARK: Holiday files

    static let holidayYears = zip(Gen.int(in: 2000...2099), Gen.int(in: 0...366).array(of: 0...12),
                                      Gen<String?>.element(of: ["元旦", "春节", "清明节", "劳动节", "端午节", "中秋节", "国庆节", "New \"Year\"\\"]).compactMap { $0 })
        .map { (year: Int, offsets: [Int], name: String) -> HolidayYear in
            var days: [CivilDate: ScheduledDay] = [:]
            let first = CivilDate(year: year, month: 1, day: 1)!
            for offset in offsets {
                let date = first.adding(days: offset)
                guard date.year == year else { continue }
                days[date] = ScheduledDay(name: name, isOffDay: !date.weekday.isWeekend || offset % 2 == 0)
            }
            // Every year has a holiday: New Year's Day at least.
            days[first] = ScheduledDay(name: name, isOffDay: true)
            return HolidayYear(year: year, days: days)
        }

    @Test("a holiday file of a year outside 2000–2099, or of a year without a single holiday, is refused")
    func holidayYearsRefused() async {
        await propertyCheck(count: 100, input: Self.holidayYears, Gen.int(in: -9999...99_999)) { (year, other) throws in
            if !(2000...2099).contains(other) {
                let shifted = year.json().replacingYear(year.year, with: other)
                do throws(HolidayYear.InvalidFile) {
                    _ = try HolidayYear.parse(json: shifted)
                    Issue.record("year \(other) was read")
                } catch {
                    #expect(error.text(.en).contains("2000-01-01") && error.text(.en).contains("2099-12-31"), "\(error)")
                }
            }
            let workdaysOnly = HolidayYear(year: year.year, days: year.days.filter { !$0.value.isOffDay })
            #expect(throws: HolidayYear.InvalidFile.self) { try HolidayYear.parse(json: workdaysOnly.json()) }
        }
        for json in [#"{"year": 2027, "days": []}"#, #"{"year": 2027, "days": [{"name": "春节", "date": "2027-02-20", "isOffDay": false}]}"#] {
            do throws(HolidayYear.InvalidFile) {
                _ = try HolidayYear.parse(json: Data(json.utf8))
                Issue.record("\(json) was read")
            } catch {
                #expect(error.text(.en).contains("2027") && error.text(.en).contains("no holiday"), "\(error)")
                #expect(error.text(.zh).contains("没有任何节假日"))
            }
        }
    }

    @Test("a holiday year written as JSON reads back the same")
    func holidayRoundTrip() async {
        await propertyCheck(count: 200, input: Self.holidayYears) { (year) throws in
            #expect(try HolidayYear.parse(json: year.json()) == year)
        }
    }

    @Test("a holiday file with any byte changed is read as a valid year or refused with a message")
    func holidayMangled() async {
        let bytes = zip(Self.holidayYears, Gen.int(in: 0...10_000), Gen<UInt8>.value(in: 0...255))
        await propertyCheck(count: 300, input: bytes) { (year, at, byte) throws in
            var data = Array(year.json())
            data[at % data.count] = byte
            do {
                let read = try HolidayYear.parse(json: Data(data))
                for (date, day) in read.days {
                    #expect(date.year == read.year)
                    #expect(day.isOffDay || date.weekday.isWeekend)
                    #expect(!day.name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
                    #expect(TextRules.problem(in: day.name, field: .holidayName) == nil)
                }
            } catch let error as HolidayYear.InvalidFile {
                #expect(!error.text(.en).isEmpty && !error.text(.zh).isEmpty)
            }
        }
    }

    @Test("a holiday name with a NUL or longer than a line is refused, naming the day")
    func holidayNames() {
        for name in ["元\\u0000旦", String(repeating: "节", count: TextRules.lineLimit + 1)] {
            let json = #"{"year": 2027, "days": [{"name": "\#(name)", "date": "2027-01-01", "isOffDay": true}]}"#
            #expect(throws: HolidayYear.InvalidFile.self) { try HolidayYear.parse(json: Data(json.utf8)) }
            do { _ = try HolidayYear.parse(json: Data(json.utf8)) } catch {
                #expect(error.text(.en).contains("days[0]"), "\(error)")
            }
        }
    }

    // MARK: Command-line values

    @Test("a phone number reads only with phone characters and enough digits, and its key is its digits")
    func phones() async {
        let alphabet: [Character] = Array("0123456789-+ ()O.x#") + ["１", "\u{1B}", "\u{0}", "转"]
        await propertyCheck(count: 400, input: Gen<Character?>.element(of: alphabet).compactMap { $0 }.array(of: 0...16).map { String($0) }) { (text) throws in
            let digits = text.filter { $0.isASCII && $0.isNumber }.count
            guard case .success(let phone) = PhoneNumber.parse(text) else { return }
            #expect(digits >= PhoneNumber.minimumDigits, "\(text.debugDescription)")
            #expect(text.unicodeScalars.allSatisfy { ($0.isASCII && $0.value >= 0x20) || $0 == "转" }, "\(text.debugDescription)")
            #expect(phone.key.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "#") }, "\(text.debugDescription)")
            // Read again from its key's digits, a number has the same key.
            #expect(PhoneNumber.parse(phone.extensionDigits.map { "\(phone.number) ext \($0)" } ?? phone.number) == .success(phone))
        }
    }

    @Test("a region is read from its Chinese name, its short name or its pinyin in any case, and nothing else")
    func regions() async {
        let spellings = Region.allCases.flatMap { r in [r.rawValue, r.rawValue.uppercased(), r.chineseName, String(r.chineseName.dropLast())] }
        await propertyCheck(count: 300, input: zip(Gen<String?>.element(of: spellings).compactMap { $0 }, Gen.int(in: 0...3))) { (spelling, pad) throws in
            let padded = String(repeating: " ", count: pad) + spelling + String(repeating: " ", count: pad)
            let region = Region.parse(padded)
            #expect(region != nil, "\(padded.debugDescription)")
            if let region { #expect([region.rawValue, region.chineseName, String(region.chineseName.dropLast())].contains(spelling.lowercased())) }
        }
        await propertyCheck(count: 300, input: hostileParserInput) { (text) throws in
            #expect(Region.parse(text) == nil, "\(text.debugDescription)")
        }
        #expect(Region.accepted.contains("西宁市 (xining)"))
    }

    @Test("a deadline kind is one of its names, in any case")
    func deadlineKinds() async {
        await propertyCheck(count: 200, input: zip(Gen<String?>.element(of: DeadlineKind.argumentNames).compactMap { $0 }, Gen.bool)) { (name, upper) throws in
            #expect(DeadlineKind(argument: upper ? name.uppercased() : name) != nil)
        }
        await propertyCheck(count: 200, input: hostileParserInput) { (text) throws in
            #expect(DeadlineKind(argument: text) == nil)
        }
    }

    // MARK: Text

    static let hostileText = Gen<Character?>.element(of: Array("aZ 0\n\t\r青é") + ["\u{0}", "\u{1B}", "\u{7}", "\u{7F}", "\u{9B}", "\u{85}",
                                                                                 "\u{202E}", "\u{2066}", "\u{2069}", "\u{200D}", "\u{FEFF}", "👨‍👩‍👧", "\u{2028}"])
        .compactMap { $0 }.array(of: 0...40).map { String($0) }

    @Test("text is refused only for a NUL or its length, and the refusal names the field and the limit")
    func textRules() async {
        await propertyCheck(count: 400, input: Self.hostileText, Gen.int(in: 0...1)) { (text, which) throws in
            let field: TextRules.Field = which == 0 ? .title : .description
            let problem = TextRules.problem(in: text, field: field)
            #expect((problem != nil) == text.unicodeScalars.contains("\u{0}"), "\(text.debugDescription)")
            if let problem { #expect(problem.en.contains(field.en) && problem.en.contains("NUL")) }
        }
        let long = String(repeating: "青", count: TextRules.lineLimit + 1)
        #expect(TextRules.problem(in: long, field: .title)?.en.contains("at most \(TextRules.lineLimit)") == true)
        #expect(TextRules.problem(in: String(long.dropLast()), field: .title) == nil)
        let big = String(repeating: "x", count: TextRules.longLimit + 1)
        #expect(TextRules.problem(in: big, field: .note)?.en.contains("the note") == true)
        #expect(TextRules.problem(in: String(big.dropLast()), field: .note) == nil)
    }

    @Test("bytes are taken as text only when they are UTF-8, and then byte for byte")
    func decoding() async {
        let bytes = Gen<[UInt8]>.oneOf(Gen<UInt8>.value(in: 0...255).array(of: 0...24),
                              Self.hostileText.map { Array($0.utf8) })
        await propertyCheck(count: 400, input: bytes) { (bytes) throws in
            switch TextRules.decode(bytes, field: .description) {
            case .success(let text): #expect(Array(text.utf8) == bytes)
            case .failure(let problem):
                #expect(String(validating: bytes, as: UTF8.self) == nil)
                #expect(problem.text.en.contains("the description") && problem.text.en.contains("UTF-8"))
            }
        }
    }

    @Test("sanitized text, documents and JSON never hold a control, an escape or a bidi control")
    func sanitizing() async {
        func safe(_ s: String, newlines: Bool = false, crlf: Bool = false) -> Bool {
            var scalars = Array(s.unicodeScalars)
            if crlf { scalars = Array(s.replacingOccurrences(of: "\r\n", with: "\n").unicodeScalars) }
            return !scalars.contains { v in
                (v.value < 0x20 && !(newlines && v == "\n")) || (0x7F...0x9F).contains(v.value) || (0x202A...0x202E).contains(v.value)
                    || (0x2066...0x2069).contains(v.value) || v.value == 0x2028 || v.value == 0x2029
            }
        }
        await propertyCheck(count: 400, input: Self.hostileText) { (text) throws in
            #expect(safe(TerminalText.sanitize(text)), "\(text.debugDescription)")
            #expect(safe(TerminalText.sanitize(text, keepNewlines: true), newlines: true))
            let document = TerminalText.document(text)
            #expect(safe(document, newlines: true, crlf: true))
            #expect(document.filter { $0 == "\n" || $0 == "\r\n" }.count == text.filter { $0 == "\n" || $0 == "\r\n" }.count)
            // JSON: the same value, escaped.
            let json = TerminalText.jsonSafe(String(decoding: try JSONEncoder().encode([text]), as: UTF8.self))
            #expect(safe(json))
            #expect(try JSONDecoder().decode([String].self, from: Data(json.utf8)) == [text])
        }
    }
}

private extension Data {
    /// The holiday JSON with its `"year": …` and every date's year put to `other`.
    func replacingYear(_ year: Int, with other: Int) -> Data {
        let text = String(decoding: self, as: UTF8.self)
            .replacingOccurrences(of: "\"year\": \(year)", with: "\"year\": \(other)")
            .replacingOccurrences(of: "\"\(year)-", with: "\"\(other)-")
        return Data(text.utf8)
    }
}
