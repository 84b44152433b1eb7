import Foundation

/// A reader of JSON files people and scripts write (a holiday calendar, an inspection), which says
/// in plain words what is wrong and where: the field (`days[3].date`), or the line and column when
/// the text is not JSON at all.
///
/// It reads RFC 8259 JSON and nothing looser: a number with a leading zero (`071`), a number too
/// large to hold (`1e400`), text with half of a character (a lone surrogate, `"\ud800"`) or a raw
/// control character, and a key given twice are refused, each with the value as written. Each number
/// keeps its text as written beside its value (`9007199254740993` is not rounded on the way), so a
/// reader may hold it to its own rule. Lists and objects nest at most `maxDepth` deep.
public enum StrictJSON {
    /// How deep lists and objects may nest: far more than any file the desk reads, few enough that
    /// a file of ten thousand `[` is refused rather than read by as many nested calls.
    public static let maxDepth = 64

    public indirect enum Value: Equatable, Sendable {
        case null
        case bool(Bool)
        /// The number as written, and its value.
        case number(text: String, value: Double)
        case string(String)
        case array([Value])
        /// Keys in the order written (each once).
        case object([(key: String, value: Value)])

        public static func == (a: Value, b: Value) -> Bool {
            switch (a, b) {
            case (.null, .null): return true
            case let (.bool(x), .bool(y)): return x == y
            case let (.number(x, _), .number(y, _)): return x == y
            case let (.string(x), .string(y)): return x == y
            case let (.array(x), .array(y)): return x == y
            case let (.object(x), .object(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
            default: return false
            }
        }

        /// The value of `key` in an object.
        public subscript(key: String) -> Value? {
            guard case .object(let fields) = self else { return nil }
            return fields.first { $0.key == key }?.value
        }

        /// What the value is, for a message: `text ("high")`, `a number (2027.5)`.
        public var kind: LocalizedText {
            switch self {
            case .null: return Catalog.Domain.Parse.null
            case .bool(let b): return Catalog.Domain.Parse.boolean(b)
            case .number(let text, _): return Catalog.Domain.Parse.number(text)
            case .string(let s): return Catalog.Domain.Parse.text(s)
            case .array: return Catalog.Domain.Parse.list
            case .object: return Catalog.Domain.Parse.object
            }
        }
    }

    /// Why a file was not read: where (a field's path, or a line and column) and what.
    public struct Problem: Error, Equatable, Sendable {
        /// `days[3].date`; empty for the whole file.
        public let path: String
        public let text: LocalizedText
        /// The sentence with its place: `days[3].date: …`, `line 2, column 9: …`.
        public func message(_ lang: Language) -> String { said(lang) }

        /// The sentence with its place, in both languages.
        public var said: LocalizedText { path.isEmpty ? text : Catalog.Domain.Parse.at(path, text) }
    }

    public static func parse(_ data: Data) throws(Problem) -> Value {
        var reader = Reader(bytes: Array(data))
        // A byte-order mark some editors write before UTF-8 text is not part of the JSON.
        if reader.bytes.starts(with: [0xEF, 0xBB, 0xBF]) { reader.at = 3 }
        reader.skipSpace()
        let value = try reader.value(path: "", depth: 0)
        reader.skipSpace()
        if reader.at < reader.bytes.count {
            throw reader.syntax(Catalog.Domain.Parse.textAfterValue)
        }
        return value
    }

    private struct Reader {
        let bytes: [UInt8]
        var at = 0

        func peek() -> UInt8? { at < bytes.count ? bytes[at] : nil }

        mutating func skipSpace() {
            while let b = peek(), b == 0x20 || b == 0x0A || b == 0x0D || b == 0x09 { at += 1 }
        }

        /// A syntax error at the reader's place, by line and column (columns count characters).
        func syntax(_ problem: LocalizedText) -> Problem {
            let before = bytes[..<min(at, bytes.count)]
            let line = before.filter { $0 == 0x0A }.count + 1
            let lineStart = before.lastIndex(of: 0x0A).map { $0 + 1 } ?? 0
            let column = String(decoding: bytes[lineStart..<min(at, bytes.count)], as: UTF8.self).count + 1
            return Problem(path: "", text: Catalog.Domain.Parse.notJSON(line: line, column: column, problem))
        }

        mutating func value(path: String, depth: Int) throws(Problem) -> Value {
            guard let b = peek() else { throw syntax(Catalog.Domain.Parse.endsBeforeValue) }
            switch b {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard depth < StrictJSON.maxDepth else {
                    throw syntax(Catalog.Domain.Parse.nestedTooDeep(StrictJSON.maxDepth))
                }
                return b == UInt8(ascii: "{") ? try object(path: path, depth: depth + 1) : try array(path: path, depth: depth + 1)
            case UInt8(ascii: "\""): return .string(try string(path: path))
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number(path: path)
            default:
                for (word, value) in [("true", Value.bool(true)), ("false", .bool(false)), ("null", .null)] where bytes[at...].starts(with: word.utf8) {
                    at += word.utf8.count
                    return value
                }
                throw syntax(Catalog.Domain.Parse.valueExpected)
            }
        }

        mutating func object(path: String, depth: Int) throws(Problem) -> Value {
            at += 1
            var fields: [(key: String, value: Value)] = []
            var keys: Set<String> = []
            skipSpace()
            if peek() == UInt8(ascii: "}") { at += 1; return .object(fields) }
            while true {
                skipSpace()
                guard peek() == UInt8(ascii: "\"") else { throw syntax(Catalog.Domain.Parse.keyExpected) }
                let key = try string(path: path)
                let child = path.isEmpty ? key : "\(path).\(key)"
                // Compared as read, escapes and all: "v\u0061lue" is "value".
                guard keys.insert(key).inserted else {
                    throw Problem(path: child, text: Catalog.Domain.Parse.keyTwice(key))
                }
                skipSpace()
                guard peek() == UInt8(ascii: ":") else { throw syntax(Catalog.Domain.Parse.colonExpected) }
                at += 1
                skipSpace()
                fields.append((key, try value(path: child, depth: depth)))
                skipSpace()
                switch peek() {
                case UInt8(ascii: ","): at += 1
                case UInt8(ascii: "}"): at += 1; return .object(fields)
                default: throw syntax(Catalog.Domain.Parse.commaOrBraceExpected)
                }
            }
        }

        mutating func array(path: String, depth: Int) throws(Problem) -> Value {
            at += 1
            var elements: [Value] = []
            skipSpace()
            if peek() == UInt8(ascii: "]") { at += 1; return .array(elements) }
            while true {
                skipSpace()
                elements.append(try value(path: "\(path)[\(elements.count)]", depth: depth))
                skipSpace()
                switch peek() {
                case UInt8(ascii: ","): at += 1
                case UInt8(ascii: "]"): at += 1; return .array(elements)
                default: throw syntax(Catalog.Domain.Parse.commaOrBracketExpected)
                }
            }
        }

        mutating func number(path: String) throws(Problem) -> Value {
            let start = at
            func isDigit(_ b: UInt8?) -> Bool { b.map { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) } ?? false }
            func isNumberByte(_ b: UInt8) -> Bool { isDigit(b) || "+-.eE".utf8.contains(b) }
            // The whole run of number-like characters, to quote it as written.
            var end = at
            while end < bytes.count, isNumberByte(bytes[end]) { end += 1 }
            let written = String(decoding: bytes[start..<end], as: UTF8.self)
            func refuse(_ problem: LocalizedText) -> Problem { Problem(path: path, text: problem) }
            if peek() == UInt8(ascii: "-") { at += 1 }
            guard isDigit(peek()) else {
                throw refuse(Catalog.Domain.Parse.notANumber(written))
            }
            if peek() == UInt8(ascii: "0"), isDigit(at + 1 < bytes.count ? bytes[at + 1] : nil) {
                let digits = written.drop { $0 == "-" || $0 == "0" }
                throw refuse(Catalog.Domain.Parse.leadingZero(written, write: "\(written.hasPrefix("-") ? "-" : "")\(digits.isEmpty ? "0" : String(digits))"))
            }
            while isDigit(peek()) { at += 1 }
            if peek() == UInt8(ascii: ".") {
                at += 1
                guard isDigit(peek()) else {
                    throw refuse(Catalog.Domain.Parse.noDigitAfterPoint(written))
                }
                while isDigit(peek()) { at += 1 }
            }
            if peek() == UInt8(ascii: "e") || peek() == UInt8(ascii: "E") {
                at += 1
                if peek() == UInt8(ascii: "+") || peek() == UInt8(ascii: "-") { at += 1 }
                guard isDigit(peek()) else {
                    throw refuse(Catalog.Domain.Parse.noDigitAfterExponent(written))
                }
                while isDigit(peek()) { at += 1 }
            }
            guard at == end else {
                throw refuse(Catalog.Domain.Parse.notANumber(written))
            }
            let text = String(decoding: bytes[start..<at], as: UTF8.self)
            guard let value = Double(text), value.isFinite else {
                throw refuse(Catalog.Domain.Parse.numberTooLarge(text))
            }
            return .number(text: text, value: value)
        }

        mutating func string(path: String) throws(Problem) -> String {
            at += 1
            var units: [UInt16] = []
            var raw: [UInt8] = []
            func flush() throws(Problem) {
                guard !raw.isEmpty else { return }
                guard let s = String(validating: raw, as: UTF8.self) else {
                    throw Problem(path: path, text: Catalog.Domain.Parse.notUTF8)
                }
                units.append(contentsOf: s.utf16)
                raw.removeAll()
            }
            while true {
                guard let b = peek() else { throw syntax(Catalog.Domain.Parse.textNotClosed) }
                switch b {
                case UInt8(ascii: "\""):
                    at += 1
                    try flush()
                    return try Self.text(units, path: path)
                case UInt8(ascii: "\\"):
                    try flush()
                    at += 1
                    guard let e = peek() else { throw syntax(Catalog.Domain.Parse.textNotClosed) }
                    at += 1
                    switch e {
                    case UInt8(ascii: "\""): units.append(0x22)
                    case UInt8(ascii: "\\"): units.append(0x5C)
                    case UInt8(ascii: "/"): units.append(0x2F)
                    case UInt8(ascii: "b"): units.append(0x08)
                    case UInt8(ascii: "f"): units.append(0x0C)
                    case UInt8(ascii: "n"): units.append(0x0A)
                    case UInt8(ascii: "r"): units.append(0x0D)
                    case UInt8(ascii: "t"): units.append(0x09)
                    case UInt8(ascii: "u"):
                        guard at + 4 <= bytes.count, let unit = UInt16(String(decoding: bytes[at..<at + 4], as: UTF8.self), radix: 16) else {
                            throw syntax(Catalog.Domain.Parse.badUnicodeEscape)
                        }
                        at += 4
                        units.append(unit)
                    default:
                        at -= 1
                        throw syntax(Catalog.Domain.Parse.unknownEscape(Character(Unicode.Scalar(e))))
                    }
                default:
                    guard b >= 0x20 else {
                        throw syntax(Catalog.Domain.Parse.controlInText)
                    }
                    raw.append(b)
                    at += 1
                }
            }
        }

        /// UTF-16 units as text, refusing half of a character.
        static func text(_ units: [UInt16], path: String) throws(Problem) -> String {
            var scalars = String.UnicodeScalarView()
            var i = 0
            while i < units.count {
                let u = units[i]
                if (0xD800...0xDBFF).contains(u), i + 1 < units.count, (0xDC00...0xDFFF).contains(units[i + 1]) {
                    let value = 0x10000 + (UInt32(u - 0xD800) << 10) + UInt32(units[i + 1] - 0xDC00)
                    scalars.append(Unicode.Scalar(value)!)
                    i += 2
                } else if let scalar = Unicode.Scalar(u) {
                    scalars.append(scalar)
                    i += 1
                } else {
                    let hex = String(u, radix: 16)
                    throw Problem(path: path, text: Catalog.Domain.Parse.loneSurrogate(hex))
                }
            }
            return String(scalars)
        }
    }
}
