/// An HTML part made plain text: scripts, styles and comments dropped, tags removed, `br`, `p`, `div`, `li`
/// (and the other block tags) made line breaks, runs of white space made one space, entities decoded;
/// no more than one empty line in a row.
enum PlainHTML {
    private static let breaking: Set<String> = ["br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6",
                                                "ul", "ol", "table", "blockquote", "pre", "hr", "title"]
    private static let entities: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "copy": "©", "reg": "®",
        "mdash": "—", "ndash": "–", "hellip": "…", "ldquo": "“", "rdquo": "”", "lsquo": "‘", "rsquo": "’",
        "middot": "·", "times": "×", "yen": "¥", "emsp": " ", "ensp": " ",
    ]

    static func text(_ html: String) -> String {
        let s = Array(html.unicodeScalars)
        var out = String.UnicodeScalarView()
        var i = 0
        var space = false
        // A block starts or ends a line (once); `br` always breaks one, so two make an empty line.
        func breakLine(always: Bool) {
            while let last = out.last, last == " " { out.removeLast() }
            if always || (out.last != nil && out.last != "\n") { out.append("\n") }
            space = false
        }
        func lowerASCII(_ from: Int, _ to: Int) -> String {
            String(String.UnicodeScalarView(s[from..<to])).lowercased()
        }
        while i < s.count {
            let c = s[i]
            if c == "<" {
                // A comment runs to `-->`.
                if i + 3 < s.count, s[i + 1] == "!", s[i + 2] == "-", s[i + 3] == "-" {
                    var j = i + 4
                    while j + 2 < s.count, !(s[j] == "-" && s[j + 1] == "-" && s[j + 2] == ">") { j += 1 }
                    i = min(j + 3, s.count)
                    continue
                }
                var j = i + 1
                let closing = j < s.count && s[j] == "/"
                if closing { j += 1 }
                let nameStart = j
                while j < s.count, s[j].properties.isAlphabetic || ("0"..."9").contains(s[j]) { j += 1 }
                let name = lowerASCII(nameStart, j)
                guard !name.isEmpty || (j < s.count && (s[j] == "!" || s[j] == "?")) else {
                    // A lone `<` is text.
                    out.append(c); space = false; i += 1; continue
                }
                while j < s.count, s[j] != ">" { j += 1 }
                i = min(j + 1, s.count)
                if !closing, name == "script" || name == "style" {
                    // Skip to the matching end tag.
                    let end = Array("</\(name)".unicodeScalars)
                    var k = i
                    while k + end.count <= s.count {
                        if s[k] == "<", lowerASCII(k, k + end.count) == "</\(name)" { break }
                        k += 1
                    }
                    while k < s.count, s[k] != ">" { k += 1 }
                    i = min(k + 1, s.count)
                    continue
                }
                if breaking.contains(name) { breakLine(always: name == "br") }
                continue
            }
            if c == "&" {
                var j = i + 1
                while j < s.count, j - i <= 10, s[j] != ";", s[j] != "&", s[j] != "<", !s[j].properties.isWhitespace { j += 1 }
                if j < s.count, s[j] == ";", j > i + 1 {
                    let name = String(String.UnicodeScalarView(s[(i + 1)..<j]))
                    var decoded: String?
                    if name.hasPrefix("#x") || name.hasPrefix("#X") {
                        decoded = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init).map { String($0) }
                    } else if name.hasPrefix("#") {
                        decoded = UInt32(name.dropFirst()).flatMap(Unicode.Scalar.init).map { String($0) }
                    } else {
                        decoded = entities[name] ?? entities[name.lowercased()]
                    }
                    if let decoded {
                        out.append(contentsOf: decoded.unicodeScalars)
                        space = false
                        i = j + 1
                        continue
                    }
                }
                out.append(c); space = false; i += 1; continue
            }
            if c.properties.isWhitespace, c != "\u{A0}" {
                if !space, let last = out.last, last != "\n" { out.append(" ") }
                space = true
                i += 1
                continue
            }
            out.append(c)
            space = false
            i += 1
        }
        // No more than one empty line in a row, none at the start or end.
        var lines: [Substring] = []
        var empty = 0
        for line in String(out).split(separator: "\n", omittingEmptySubsequences: false) {
            let line = line.trimmingCharacters(inSet: " ")
            if line.isEmpty { empty += 1; if empty > 1 || lines.isEmpty { continue } } else { empty = 0 }
            lines.append(Substring(line))
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }
}
