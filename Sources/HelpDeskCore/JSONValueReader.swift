import Foundation

/// A JSON value read exactly as written: a number keeps its text (so `9007199254740993` is not
/// rounded on the way and `1e300` is seen for what it is), and an object keeps its keys in order.
enum JSONValue: Equatable {
    case null
    case bool(Bool)
    /// The number as written, e.g. `93.5`, `-1`, `1e300`.
    case number(String)
    case string(String)
    case array([JSONValue])
    case object([(key: String, value: JSONValue)])

    static func == (a: JSONValue, b: JSONValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.number(x), .number(y)): return x == y
        case let (.string(x), .string(y)): return x == y
        case let (.array(x), .array(y)): return x == y
        case let (.object(x), .object(y)): return x.map(\.key) == y.map(\.key) && x.map(\.value) == y.map(\.value)
        default: return false
        }
    }

    /// The value of `key` in an object (keys are unique: the reader refuses a key written twice).
    subscript(key: String) -> JSONValue? {
        guard case .object(let fields) = self else { return nil }
        return fields.first { $0.key == key }?.value
    }

    var kindName: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "a boolean (\(b))"
        case .number(let n): return "a number (\(n))"
        case .string(let s): return "text (\"\(s)\")"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    var kindNameZh: String {
        switch self {
        case .null: return "null"
        case .bool(let b): return "布尔值（\(b)）"
        case .number(let n): return "数字（\(n)）"
        case .string(let s): return "文字（\"\(s)\"）"
        case .array: return "列表"
        case .object: return "对象"
        }
    }
}

/// Reads JSON (RFC 8259) strictly: nothing after the value, no key twice in one object, strings with
/// valid escapes and no raw control characters, nesting at most `maxDepth` deep.
struct StrictJSONReader {
    struct Failure: Error, Equatable {
        enum Kind: Equatable {
            /// Not JSON, with what was found where.
            case syntax(String)
            /// A key written twice in one object; `path` is where that object is (`[]` the top, then
            /// keys and list indices).
            case duplicateKey(key: String, path: [PathStep])
        }
        let kind: Kind
    }

    enum PathStep: Equatable {
        case key(String)
        case index(Int)
    }

    static let maxDepth = 64

    private let bytes: [UInt8]
    private var i = 0

    private init(_ bytes: [UInt8]) { self.bytes = bytes }

    static func read(_ data: Data) throws(Failure) -> JSONValue {
        var bytes = Array(data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var reader = StrictJSONReader(bytes)
        reader.skipSpace()
        let value = try reader.value(path: [])
        reader.skipSpace()
        guard reader.i == reader.bytes.count else { throw reader.syntax("unexpected text after the value") }
        return value
    }

    private func syntax(_ what: String) -> Failure {
        // Line and column of the byte, counting characters, for a person to find it.
        var line = 1, column = 1, j = 0
        while j < min(i, bytes.count) {
            if bytes[j] == 0x0A { line += 1; column = 1 } else if bytes[j] & 0xC0 != 0x80 { column += 1 }
            j += 1
        }
        return Failure(kind: .syntax("\(what) at line \(line), column \(column)"))
    }

    private mutating func skipSpace() {
        while i < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[i]) { i += 1 }
    }

    private mutating func value(path: [PathStep]) throws(Failure) -> JSONValue {
        guard path.count < Self.maxDepth else { throw syntax("nested more than \(Self.maxDepth) deep") }
        guard i < bytes.count else { throw syntax("unexpected end of text") }
        switch bytes[i] {
        case UInt8(ascii: "{"): return try object(path: path)
        case UInt8(ascii: "["): return try array(path: path)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number(try number())
        default: throw syntax("unexpected character")
        }
    }

    private mutating func literal(_ word: String) throws(Failure) {
        let w = Array(word.utf8)
        guard i + w.count <= bytes.count, Array(bytes[i..<(i + w.count)]) == w else { throw syntax("unexpected character") }
        i += w.count
    }

    private mutating func object(path: [PathStep]) throws(Failure) -> JSONValue {
        i += 1
        var fields: [(key: String, value: JSONValue)] = []
        var seen: Set<String> = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
            i += 1
            return .object(fields)
        }
        while true {
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else { throw syntax("expected a key in quotes") }
            let key = try string()
            guard seen.insert(key).inserted else { throw Failure(kind: .duplicateKey(key: key, path: path)) }
            skipSpace()
            guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else { throw syntax("expected ':' after a key") }
            i += 1
            skipSpace()
            fields.append((key, try value(path: path + [.key(key)])))
            skipSpace()
            guard i < bytes.count else { throw syntax("unexpected end of text") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "}") { i += 1; return .object(fields) }
            throw syntax("expected ',' or '}'")
        }
    }

    private mutating func array(path: [PathStep]) throws(Failure) -> JSONValue {
        i += 1
        var items: [JSONValue] = []
        skipSpace()
        if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
            i += 1
            return .array(items)
        }
        while true {
            skipSpace()
            items.append(try value(path: path + [.index(items.count)]))
            skipSpace()
            guard i < bytes.count else { throw syntax("unexpected end of text") }
            if bytes[i] == UInt8(ascii: ",") { i += 1; continue }
            if bytes[i] == UInt8(ascii: "]") { i += 1; return .array(items) }
            throw syntax("expected ',' or ']'")
        }
    }

    /// `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`, returned as written.
    private mutating func number() throws(Failure) -> String {
        let start = i
        func digits() -> Int {
            let from = i
            while i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) { i += 1 }
            return i - from
        }
        if bytes[i] == UInt8(ascii: "-") { i += 1 }
        guard i < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[i]) else { throw syntax("expected a digit") }
        if bytes[i] == UInt8(ascii: "0") { i += 1 } else { _ = digits() }
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            i += 1
            guard digits() > 0 else { throw syntax("expected a digit after the decimal point") }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard digits() > 0 else { throw syntax("expected a digit in the exponent") }
        }
        return String(decoding: bytes[start..<i], as: UTF8.self)
    }

    private mutating func string() throws(Failure) -> String {
        i += 1
        var out: [UInt8] = []
        while true {
            guard i < bytes.count else { throw syntax("unterminated text") }
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                i += 1
                // The file was checked as UTF-8 before it was read; a lone surrogate escape is refused below.
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 { throw syntax("a control character inside text (write it as an escape)") }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                i += 1
                continue
            }
            i += 1
            guard i < bytes.count else { throw syntax("unterminated text") }
            let e = bytes[i]
            i += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try hex4()
                if (0xD800...0xDBFF).contains(code) {
                    guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                        throw syntax("a lone surrogate escape")
                    }
                    i += 2
                    let low = try hex4()
                    guard (0xDC00...0xDFFF).contains(low) else { throw syntax("a lone surrogate escape") }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if (0xDC00...0xDFFF).contains(code) {
                    throw syntax("a lone surrogate escape")
                }
                guard let scalar = Unicode.Scalar(code) else { throw syntax("a lone surrogate escape") }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw syntax("an unknown escape")
            }
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard i + 4 <= bytes.count else { throw syntax("expected four hex digits after \\u") }
        var code: UInt32 = 0
        for _ in 0..<4 {
            let b = bytes[i]
            let v: UInt8
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = b - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = b - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = b - UInt8(ascii: "A") + 10
            default: throw syntax("expected four hex digits after \\u")
            }
            code = code << 4 | UInt32(v)
            i += 1
        }
        return code
    }
}
