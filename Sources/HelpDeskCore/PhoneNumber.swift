import Foundation

/// Phone numbers as a Qinghai office writes them: `0971-6464897`, `(0971)6464897`, `6464897`,
/// `+86 138 0000 0000`, `12333`, an office number with its extension (`0971 6464897 转 8001`,
/// `0971-6464897-8001`, `6464897 ext 8001`, `6464897 x8001`).
///
/// A number is kept as typed, for display, and beside it a key of its digits that validation and
/// search use: the national number's digits (`+86` dropped; a landline written after `+86` without
/// its leading 0 gets it back), then `#` and the extension's digits when there is one
/// (`09716464897#8001`). However the number was typed, the same number has the same key.
public struct PhoneNumber: Equatable, Sendable {
    /// The national number's digits: `09716464897`, `6464897`, `13800000000`, `12333`.
    public let number: String
    /// The extension's digits, when one was written.
    public let extensionDigits: String?

    public init(number: String, extensionDigits: String? = nil) {
        self.number = number
        self.extensionDigits = extensionDigits
    }

    /// The key search and validation use: the number's digits, then `#` and the extension's.
    public var key: String { extensionDigits.map { "\(number)#\($0)" } ?? number }

    /// What is wrong with a phone as typed.
    public enum Problem: Error, Equatable, Sendable {
        /// A character that has no place in a phone number.
        case badCharacter(Character)
        /// Fewer digits than any number has.
        case tooFewDigits(Int)
        /// `+` anywhere but first, or followed by a country code other than 86.
        case countryCode
        /// Brackets other than one pair around the area code at the start.
        case brackets
        /// An extension marker (转, ext, x) without 1 to 6 digits after it, or twice.
        case badExtension
        /// A number starting with 1 that is neither a mobile (11 digits) nor a service number (5 or 6).
        case mobileLength(Int)
        /// A number starting with 0 (an area code) that is not 10 to 12 digits long.
        case areaCodeLength(Int)
        /// A number starting with 2 to 9 that is not 5 to 8 digits long (nor a 400 or 800 number).
        case localLength(Int)
    }

    /// The fewest digits a phone number has.
    public static let minimumDigits = 5
    /// The most digits an extension has.
    public static let maximumExtensionDigits = 6

    /// Reads a phone as typed (trimmed of spaces around it), or says what is wrong with it.
    public static func parse(_ typed: String) -> Result<PhoneNumber, Problem> {
        let text = typed.trimmingCharacters(in: .whitespaces)
        // The extension: after 转, ext (with or without a dot) or x, in any case.
        var main = Substring(text)
        var ext: Substring?
        if let marker = extensionMarker(in: text) {
            main = text[..<marker.lowerBound]
            var after = text[marker.upperBound...]
            if after.first == "." { after = after.dropFirst() }
            ext = after
        }
        for c in main where !(isDigit(c) || " -()+".contains(c)) { return .failure(.badCharacter(c)) }
        if let ext {
            let digits = ext.trimmingCharacters(in: .whitespaces)
            guard digits.allSatisfy(isDigit) else { return .failure(.badExtension) }
            guard (1...maximumExtensionDigits).contains(digits.count) else { return .failure(.badExtension) }
        }
        // The country code: `+86` or `0086` first, nothing else.
        var rest = main.trimmingCharacters(in: .whitespaces)[...]
        var international = false
        if rest.first == "+" {
            rest = rest.dropFirst().drop { $0 == " " }
            guard rest.hasPrefix("86") else { return .failure(.countryCode) }
            rest = rest.dropFirst(2)
            international = true
        } else if rest.hasPrefix("0086") {
            rest = rest.dropFirst(4)
            international = true
        }
        guard !rest.contains("+") else { return .failure(.countryCode) }
        // Brackets: one pair, around digits at the start (the area code).
        let opens = rest.filter { $0 == "(" }.count, closes = rest.filter { $0 == ")" }.count
        if opens + closes > 0 {
            let body = rest.drop { $0 == " " || $0 == "-" }
            guard opens == 1, closes == 1, body.first == "(", let close = body.firstIndex(of: ")"),
                  body[body.index(after: body.startIndex)..<close].allSatisfy(isDigit),
                  body.index(after: body.startIndex) < close else { return .failure(.brackets) }
        }
        // `-` and up to six digits after a whole number: its extension.
        var extDigits = ext.map { $0.trimmingCharacters(in: .whitespaces) }
        if extDigits == nil, let dash = rest.lastIndex(of: "-") {
            let tail = rest[rest.index(after: dash)...].trimmingCharacters(in: .whitespaces)
            let head = digits(of: rest[..<dash])
            if (1...maximumExtensionDigits).contains(tail.count), tail.allSatisfy(isDigit),
               isWhole(international && head.first != "0" && head.first != "1" ? "0" + head : head) {
                extDigits = tail
                rest = rest[..<dash]
            }
        }
        var number = digits(of: rest)
        if international, let first = number.first, first != "0", first != "1" { number = "0" + number }
        guard number.count >= minimumDigits else { return .failure(.tooFewDigits(number.count)) }
        if let problem = lengthProblem(number) { return .failure(problem) }
        return .success(PhoneNumber(number: number, extensionDigits: extDigits))
    }

    /// Whether `text` is a requester's or a staff member's phone.
    public static func isWellFormed(_ text: String) -> Bool {
        if case .success = parse(text) { return true }
        return false
    }

    /// The key a stored phone is searched by: its parsed key, or, for one kept from before the
    /// rule, its digits (`nil` for none).
    public static func storedKey(_ text: String?) -> String? {
        guard let text, !text.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        switch parse(text) {
        case .success(let phone): return phone.key
        case .failure: return digits(of: text[...]).isEmpty ? nil : digits(of: text[...])
        }
    }

    /// What a search for `text` looks for in the phones' keys: the key of a number typed whole, or
    /// the digits of a part of one (at least three, written with phone characters only); `nil`
    /// when the text is not a phone number or part of one.
    public static func searchKey(_ text: String) -> String? {
        if case .success(let phone) = parse(text) { return phone.key }
        let digits = digits(of: text[...])
        guard hasOnlyPhoneCharacters(text), digits.count >= 3 else { return nil }
        return digits
    }

    /// The characters a phone number may hold without an extension: ASCII digits, `+`, `-`, `(`,
    /// `)` and spaces.
    public static func hasOnlyPhoneCharacters(_ text: String) -> Bool {
        text.allSatisfy { isDigit($0) || "-+ ()".contains($0) }
    }

    // MARK: Parts

    static func isDigit(_ c: Character) -> Bool { c.isASCII && c.isNumber }

    static func digits(of text: Substring) -> String { String(text.filter(isDigit)) }

    /// Where the extension's marker is: 转, `ext` or `x` (any case), the first one.
    static func extensionMarker(in text: String) -> Range<String.Index>? {
        var i = text.startIndex
        while i < text.endIndex {
            let c = text[i]
            if c == Catalog.DeskWork.extensionWord { return i..<text.index(after: i) }
            if c == "e" || c == "E", text[i...].lowercased().hasPrefix("ext") {
                return i..<text.index(i, offsetBy: 3)
            }
            if c == "x" || c == "X" { return i..<text.index(after: i) }
            i = text.index(after: i)
        }
        return nil
    }

    /// Whether a national number's digits make a whole office or mobile number, which a `-` and an
    /// extension may follow: 7 digits or more (not a service number, nor the first groups of a
    /// 400 number's).
    static func isWhole(_ number: String) -> Bool {
        number.count >= 7 && lengthProblem(number) == nil
    }

    /// What is wrong with a national number's length, by its first digit.
    static func lengthProblem(_ number: String) -> Problem? {
        let n = number.count
        switch number.first {
        case "1": return n == 11 || n == 5 || n == 6 ? nil : .mobileLength(n)
        case "0": return (10...12).contains(n) ? nil : .areaCodeLength(n)
        default:
            if (5...8).contains(n) { return nil }
            if n == 10, number.hasPrefix("400") || number.hasPrefix("800") { return nil }
            return .localLength(n)
        }
    }
}
