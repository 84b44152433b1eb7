extension Configuration {
    /// The line a key path stands on in `text` (`["escalation", "level1", "at_50"]`; array elements
    /// as `"#0"`, `"#1"`, …), or the line of its closest enclosing key or table.
    static func line(of path: [String], in text: String) -> Int? {
        TOMLPositions(text).line(of: path)
    }
}

/// The line of every key, table header and array element of a TOML text.
///
/// TOMLKit gives the line of a syntax error (`TOMLParseError.source`) but keeps no position for the
/// keys and values of a document it accepts: its nodes do not expose toml++'s source regions. The
/// line of an error found in an accepted document (an unknown key, a value out of range) is
/// therefore found by this small scanner, which follows the text: `[table]` and `[[array]]`
/// headers, bare, quoted and dotted keys, comments, strings of every kind (multi-line ones
/// included), arrays spanning lines and inline tables. Paths are key segments, with `#N` for the
/// Nth element of an array (counted from 0). Meant for text TOMLKit has accepted; on anything else
/// it stops early, never loops.
struct TOMLPositions {
    private(set) var lines: [[String]: Int] = [:]

    /// Scans `text`; with `only`, records just those paths (and nothing else), which is all a
    /// reader reporting a few errors in a large file needs.
    init(_ text: String, only wanted: Set<[String]>? = nil) {
        var scanner = Scanner(Array(text.unicodeScalars))
        scanner.wanted = wanted
        scanner.run()
        lines = scanner.lines
    }

    /// The line of `path`, else of its closest recorded prefix.
    func line(of path: [String]) -> Int? {
        var path = path
        while !path.isEmpty {
            if let line = lines[path] { return line }
            path.removeLast()
        }
        return nil
    }

    private struct Scanner {
        let c: [Unicode.Scalar]
        var i = 0
        var line = 1
        var lines: [[String]: Int] = [:]
        /// How many `[[…]]` tables each array-of-tables path has had.
        var arrayCounts: [[String]: Int] = [:]
        /// The only paths to record; `nil`: every one.
        var wanted: Set<[String]>?

        init(_ scalars: [Unicode.Scalar]) { c = scalars }

        /// What ends a bare key: white space, `=`, `.`, brackets and braces, `#`, quotes, `,`.
        static func endsBareKey(_ x: Unicode.Scalar) -> Bool {
            switch x {
            case " ", "\t", "\r", "\n", "=", ".", "[", "]", "#", "\"", "'", ",", "{", "}": return true
            default: return false
            }
        }

        /// What ends a number, a boolean, a date or a time.
        static func endsValue(_ x: Unicode.Scalar) -> Bool {
            switch x {
            case ",", "]", "}", "#", "\n", "\r": return true
            default: return false
            }
        }

        var atEnd: Bool { i >= c.count }
        func peek(_ offset: Int = 0) -> Unicode.Scalar? { i + offset < c.count ? c[i + offset] : nil }

        /// Records `path` and each of its prefixes longer than `from` at `line`, the first time each is seen.
        mutating func record(_ path: [String], from: Int = 0, at line: Int) {
            guard path.count > from else { return }
            for end in (from + 1)...path.count {
                let prefix = Array(path[..<end])
                if let wanted, !wanted.contains(prefix) { continue }
                if lines[prefix] == nil { lines[prefix] = line }
            }
        }

        mutating func skipSpaces() {
            while let ch = peek(), ch == " " || ch == "\t" { i += 1 }
        }

        /// Skips spaces, comments and, when `newlines`, line ends.
        mutating func skipTrivia(newlines: Bool) {
            while let ch = peek() {
                if ch == " " || ch == "\t" || ch == "\r" { i += 1 } else if ch == "#" {
                    while let x = peek(), x != "\n" { i += 1 }
                } else if ch == "\n" && newlines {
                    i += 1
                    line += 1
                } else {
                    return
                }
            }
        }

        mutating func skipToLineEnd() {
            while let ch = peek(), ch != "\n" { i += 1 }
        }

        mutating func run() {
            var table: [String] = []
            while true {
                skipTrivia(newlines: true)
                guard let ch = peek() else { return }
                let start = i
                if ch == "[" {
                    let isArray = peek(1) == "["
                    i += isArray ? 2 : 1
                    let keys = parseKey()
                    skipSpaces()
                    table = resolveHeader(keys, isArray: isArray)
                    skipToLineEnd()
                } else {
                    let keyLine = line
                    let keys = parseKey()
                    guard !keys.isEmpty else { return }
                    let path = table + keys
                    record(path, from: table.count, at: keyLine)
                    skipSpaces()
                    guard peek() == "=" else { return }
                    i += 1
                    skipValue(path)
                    skipTrivia(newlines: false)
                    skipToLineEnd()
                }
                if i == start { return }
            }
        }

        /// The path a header opens: elements of arrays of tables along the way resolve to the latest one.
        mutating func resolveHeader(_ keys: [String], isArray: Bool) -> [String] {
            var path: [String] = []
            for (index, key) in keys.enumerated() {
                path.append(key)
                let isLast = index == keys.count - 1
                if isLast && isArray {
                    let n = arrayCounts[path, default: 0]
                    arrayCounts[path] = n + 1
                    record(path, at: line)
                    path.append("#\(n)")
                } else if let n = arrayCounts[path] {
                    path.append("#\(n - 1)")
                }
            }
            record(path, at: line)
            return path
        }

        /// A bare, quoted or dotted key; stops before `=` or `]`.
        mutating func parseKey() -> [String] {
            var keys: [String] = []
            while true {
                skipSpaces()
                guard let ch = peek() else { return keys }
                var key = ""
                if ch == "\"" {
                    i += 1
                    key = basicString()
                } else if ch == "'" {
                    i += 1
                    while let x = peek(), x != "'", x != "\n" { key.unicodeScalars.append(x); i += 1 }
                    if peek() == "'" { i += 1 }
                } else {
                    while let x = peek(), !Self.endsBareKey(x) {
                        key.unicodeScalars.append(x)
                        i += 1
                    }
                    if key.isEmpty { return keys }
                }
                keys.append(key)
                skipSpaces()
                guard peek() == "." else { return keys }
                i += 1
            }
        }

        /// The rest of a one-line basic string after its opening quote, escapes decoded.
        mutating func basicString() -> String {
            var out = ""
            while let ch = peek(), ch != "\n" {
                i += 1
                if ch == "\"" { return out }
                if ch == "\\" { out += escape() } else { out.unicodeScalars.append(ch) }
            }
            return out
        }

        /// Decodes the escape after a backslash.
        mutating func escape() -> String {
            guard let ch = peek() else { return "" }
            i += 1
            switch ch {
            case "b": return "\u{08}"
            case "t": return "\t"
            case "n": return "\n"
            case "f": return "\u{0C}"
            case "r": return "\r"
            case "e": return "\u{1B}"
            case "\"": return "\""
            case "\\": return "\\"
            case "u", "U":
                let count = ch == "u" ? 4 : 8
                var hex = ""
                while hex.count < count, let x = peek(), x.properties.isASCIIHexDigit {
                    hex.unicodeScalars.append(x)
                    i += 1
                }
                return UInt32(hex, radix: 16).flatMap(Unicode.Scalar.init).map { String($0) } ?? ""
            default: return String(ch)
            }
        }

        /// Skips one value, recording the elements of arrays and the keys of inline tables under `path`.
        mutating func skipValue(_ path: [String]) {
            skipSpaces()
            guard let ch = peek() else { return }
            // Deeper than any file the reader accepts (which refuses it before this runs): stop
            // rather than recurse without end.
            if path.count > Configuration.maxNesting + 4 {
                i = c.count
                return
            }
            switch ch {
            case "\"":
                if peek(1) == "\"" && peek(2) == "\"" {
                    i += 3
                    skipMultiline(quote: "\"", escapes: true)
                } else {
                    i += 1
                    _ = basicString()
                }
            case "'":
                if peek(1) == "'" && peek(2) == "'" {
                    i += 3
                    skipMultiline(quote: "'", escapes: false)
                } else {
                    i += 1
                    while let x = peek(), x != "'", x != "\n" { i += 1 }
                    if peek() == "'" { i += 1 }
                }
            case "[":
                i += 1
                var index = 0
                while true {
                    skipTrivia(newlines: true)
                    guard let x = peek() else { return }
                    if x == "]" { i += 1; return }
                    let start = i
                    record(path + ["#\(index)"], from: path.count, at: line)
                    skipValue(path + ["#\(index)"])
                    skipTrivia(newlines: true)
                    if peek() == "," {
                        i += 1
                        index += 1
                    } else if peek() == "]" {
                        i += 1
                        return
                    } else if i == start {
                        return
                    }
                }
            case "{":
                i += 1
                while true {
                    skipTrivia(newlines: true)
                    guard let x = peek() else { return }
                    if x == "}" { i += 1; return }
                    let start = i
                    let keyLine = line
                    let keys = parseKey()
                    guard !keys.isEmpty else { return }
                    record(path + keys, from: path.count, at: keyLine)
                    skipSpaces()
                    guard peek() == "=" else { return }
                    i += 1
                    skipValue(path + keys)
                    skipTrivia(newlines: true)
                    if peek() == "," { i += 1 } else if peek() == "}" {
                        i += 1
                        return
                    } else if i == start {
                        return
                    }
                }
            default:
                // Numbers, booleans, dates and times: up to what ends a value.
                while let x = peek(), !Self.endsValue(x) { i += 1 }
            }
        }

        /// Skips a multi-line string after its opening `"""` or `'''`, counting its lines. Up to two
        /// quotes may stand just before the closing three.
        mutating func skipMultiline(quote: Unicode.Scalar, escapes: Bool) {
            while let ch = peek() {
                if ch == "\n" {
                    line += 1
                    i += 1
                } else if escapes && ch == "\\" {
                    i += 1
                    if peek() == "\n" { line += 1 }
                    if peek() != nil { i += 1 }
                } else if ch == quote && peek(1) == quote && peek(2) == quote {
                    i += 3
                    while peek() == quote { i += 1 }
                    return
                } else {
                    i += 1
                }
            }
        }
    }
}
