/// RFC 2047 encoded words (`=?GBK?B?...?=`) and RFC 2231 parameters (`filename*=UTF-8''%E6...`).
enum HeaderWords {
    /// A header value with its encoded words decoded. White space between two adjacent encoded words is dropped,
    /// and adjacent words in one charset are decoded together (clients cut a multi-byte character across two
    /// words). A malformed word (bad base64, no closing `?=`) is left as written. Unknown charsets are added to
    /// `unknown`. Linear in the value's length.
    static func decode(_ value: String, unknown: inout [String]) -> String {
        let bytes = Array(value.utf8)
        guard bytes.count > 1, contains(bytes, "=?") else { return value }
        var out = ""
        var literal: [UInt8] = []        // text since the last word
        var pending: [UInt8] = []        // decoded bytes of adjacent words in `pendingCharset`
        var pendingCharset: String?
        func flushWords() {
            guard let charset = pendingCharset else { return }
            let (text, known) = Charsets.decode(pending, label: charset)
            if !known, !unknown.contains(charset) { unknown.append(charset) }
            out += text
            pending = []
            pendingCharset = nil
        }
        var i = 0
        while i < bytes.count {
            guard bytes[i] == UInt8(ascii: "="), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "?"),
                  let word = encodedWord(bytes, at: i) else {
                literal.append(bytes[i])
                i += 1
                continue
            }
            guard let decoded = word.decoded else {
                // Malformed: kept as written.
                literal += bytes[i..<word.end]
                i = word.end
                continue
            }
            let onlySpace = literal.allSatisfy { $0 == 0x20 || $0 == 0x09 }
            if pendingCharset != nil, onlySpace {
                if pendingCharset?.lowercased() != word.charset.lowercased() { flushWords() }
            } else {
                flushWords()
                out += String(decoding: literal, as: UTF8.self)
            }
            literal = []
            pendingCharset = word.charset
            pending += decoded
            i = word.end
        }
        flushWords()
        out += String(decoding: literal, as: UTF8.self)
        return out
    }

    private static func contains(_ bytes: [UInt8], _ needle: String) -> Bool {
        let n = Array(needle.utf8)
        guard bytes.count >= n.count else { return false }
        for i in 0...(bytes.count - n.count) where bytes[i] == n[0] && bytes[i + 1] == n[1] { return true }
        return false
    }

    struct Word {
        var charset: String
        /// The decoded bytes; nil for a malformed word.
        var decoded: [UInt8]?
        /// The index just after the word (or after the text scanned, when malformed).
        var end: Int
    }

    /// The encoded word starting at `start` (`=?`), or nil when there is none there (then the caller moves on by one).
    /// A word ends at `?=`; it cannot contain white space, so a failed scan stops at the first space.
    static func encodedWord(_ bytes: [UInt8], at start: Int) -> Word? {
        var i = start + 2
        var charset: [UInt8] = []
        while i < bytes.count, bytes[i] != UInt8(ascii: "?"), charset.count < 64 {
            if bytes[i] <= 0x20 || bytes[i] == UInt8(ascii: "=") { return nil }
            charset.append(bytes[i]); i += 1
        }
        guard i + 2 < bytes.count, !charset.isEmpty, bytes[i] == UInt8(ascii: "?"), bytes[i + 2] == UInt8(ascii: "?") else { return nil }
        let mode = bytes[i + 1] | 0x20
        guard mode == UInt8(ascii: "b") || mode == UInt8(ascii: "q") else { return nil }
        i += 3
        let textStart = i
        while i + 1 < bytes.count, !(bytes[i] == UInt8(ascii: "?") && bytes[i + 1] == UInt8(ascii: "=")) {
            if bytes[i] == 0x20 || bytes[i] == 0x09 {
                return Word(charset: "", decoded: nil, end: i)
            }
            i += 1
        }
        guard i + 1 < bytes.count else { return Word(charset: "", decoded: nil, end: bytes.count) }
        let text = bytes[textStart..<i]
        // RFC 2231 lets a language follow the charset: `=?UTF-8*zh?B?...?=`.
        let name = String(decoding: charset.prefix { $0 != UInt8(ascii: "*") }, as: UTF8.self)
        let decoded = mode == UInt8(ascii: "b") ? TransferEncodings.base64(text)
            : TransferEncodings.quotedPrintable(text, underscoreIsSpace: true)
        return Word(charset: name, decoded: decoded, end: i + 2)
    }

    /// A structured header value (`Content-Type`, `Content-Disposition`): its main value lower-cased and its
    /// parameters, names lower-cased, RFC 2231 continuations and charsets put together, and an encoded word
    /// written inside a quoted value (`filename="=?GBK?B?...?="`, as many Chinese clients send) decoded.
    static func parameters(_ value: String, unknown: inout [String]) -> (value: String, parameters: [String: String]) {
        var pieces: [String] = []
        var current = ""
        var quoted = false
        var escaped = false
        for c in value {
            if escaped { current.append(c); escaped = false; continue }
            if quoted, c == "\\" { escaped = true; continue }
            if c == "\"" { quoted.toggle(); current.append(c); continue }
            if c == ";", !quoted { pieces.append(current); current = ""; continue }
            current.append(c)
        }
        pieces.append(current)
        let main = pieces.removeFirst().trimmingQuotesAndSpaces().lowercased()
        var plain: [String: String] = [:]
        // name -> (section, value, extended)
        var sections: [String: [(Int, String, Bool)]] = [:]
        for piece in pieces {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            let key = String(piece[..<eq]).trimmingQuotesAndSpaces().lowercased()
            var raw = piece[piece.index(after: eq)...].trimmingCharacters(inSet: " \t")
            if raw.hasPrefix("\""), raw.hasSuffix("\""), raw.count >= 2 { raw = String(raw.dropFirst().dropLast()) }
            guard !key.isEmpty else { continue }
            let parts = key.split(separator: "*", omittingEmptySubsequences: false)
            if parts.count == 1 {
                plain[key] = raw
            } else if parts.count == 2, parts[1].isEmpty {
                sections[String(parts[0]), default: []].append((0, raw, true))
            } else if let n = Int(parts[1]), n >= 0, n < 1000 {
                sections[String(parts[0]), default: []].append((n, raw, parts.count == 3))
            }
        }
        var result: [String: String] = [:]
        for (name, value) in plain {
            result[name] = value.contains("=?") ? decode(value, unknown: &unknown) : value
        }
        for (name, list) in sections {
            let ordered = list.sorted { $0.0 < $1.0 }
            var charset: String?
            var bytes: [UInt8] = []
            for (index, (_, text, extended)) in ordered.enumerated() {
                var text = Substring(text)
                if extended, index == 0 {
                    let marks = text.split(separator: "'", maxSplits: 2, omittingEmptySubsequences: false)
                    if marks.count == 3 { charset = String(marks[0]); text = marks[2] }
                }
                bytes += extended ? percentDecoded(text) : Array(text.utf8)
            }
            let (text, known) = Charsets.decode(bytes, label: charset)
            if let charset, !known, !unknown.contains(charset) { unknown.append(charset) }
            result[name] = text
        }
        return (main, result)
    }

    static func percentDecoded(_ text: Substring) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            if bytes[i] == UInt8(ascii: "%"), i + 2 < bytes.count,
               let value = UInt8(String(decoding: bytes[(i + 1)...(i + 2)], as: UTF8.self), radix: 16) {
                out.append(value); i += 3
            } else {
                out.append(bytes[i]); i += 1
            }
        }
        return out
    }
}

extension StringProtocol {
    func trimmingCharacters(inSet set: String) -> String {
        var s = Substring(self)
        while let c = s.first, set.contains(c) { s.removeFirst() }
        while let c = s.last, set.contains(c) { s.removeLast() }
        return String(s)
    }
}
