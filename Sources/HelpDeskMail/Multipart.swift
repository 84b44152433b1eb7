import MultipartKit

/// The parts of a multipart body, split at their boundaries by MultipartKit's `MultipartParser`.
enum Multipart {
    struct Part {
        var fields: [MailParser.Field]
        var body: [UInt8]
    }

    /// The parts of `body` between `--boundary` lines. `closed` is false when the closing `--boundary--`
    /// never came (a cut message): the last part is then whatever arrived of it.
    static func split(_ body: ArraySlice<UInt8>, boundary: String) -> (parts: [Part], closed: Bool, badHeader: Bool) {
        let prepared = prepare(body, boundary: boundary)
        guard prepared.sawDelimiter else { return ([], false, prepared.badHeader) }
        var parts: [Part] = []
        var fields: [MailParser.Field] = []
        var bytes: [UInt8] = []
        let parser = MultipartParser(boundary: boundary)
        parser.onHeader = { name, value in fields.append(MailParser.Field(name: name.lowercased(), value: value)) }
        parser.onBody = { buffer in buffer.withUnsafeReadableBytes { bytes.append(contentsOf: $0) } }
        parser.onPartComplete = {
            parts.append(Part(fields: fields, body: bytes))
            fields = []
            bytes = []
        }
        do {
            try parser.execute(prepared.bytes)
        } catch {
            // Not expected after `prepare`; what was read is kept, the part under way as the cut one.
            parts.append(Part(fields: fields, body: bytes))
            return (parts, false, prepared.badHeader)
        }
        return (parts, prepared.closed, prepared.badHeader)
    }

    static func isNameByte(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte)
            || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    /// A boundary for a multipart body whose `boundary` parameter is missing: the first line that starts with `--`.
    static func guessBoundary(_ body: ArraySlice<UInt8>) -> String? {
        var start = body.startIndex
        while start < body.endIndex {
            let end = body[start...].firstIndex(of: 0x0A) ?? body.endIndex
            var line = body[start..<end]
            while let last = line.last, last == 0x0D || last == 0x20 || last == 0x09 { line = line.dropLast() }
            if line.count > 2, line.first == 0x2D, line.dropFirst().first == 0x2D, line.count <= 80 {
                var name = line.dropFirst(2)
                if name.count > 2, name.suffix(2).elementsEqual([0x2D, 0x2D]) { name = name.dropLast(2) }
                if name.allSatisfy({ $0 > 0x20 && $0 < 0x7F }) { return String(decoding: name, as: UTF8.self) }
            }
            start = end + 1
        }
        return nil
    }

    /// The body rewritten into the form `MultipartParser` reads. What MultipartKit 4.7.1 does not handle, and
    /// mail has, is put right here, line by line, in one pass:
    /// - it reads CRLF line ends only (a message saved or piped on Unix has LF): every line is ended with CRLF;
    /// - its part headers cannot be folded (a line starting with white space is a syntax error), and a value
    ///   that is not UTF-8 comes out empty: folded lines are joined, and 8-bit values (GBK file names) are decoded
    ///   (UTF-8 if valid, else GB18030) and written as UTF-8; a header line with no name is dropped;
    /// - a delimiter line with trailing white space ("transport padding") is a syntax error: it is trimmed;
    /// - the preamble before the first delimiter is dropped here rather than left to its matcher, and the
    ///   epilogue after the closing delimiter too;
    /// - a missing closing delimiter leaves the last part unfinished inside the parser, never handed out: one
    ///   is added (and `closed` says it was not there).
    static func prepare(_ body: ArraySlice<UInt8>, boundary: String) -> (bytes: [UInt8], closed: Bool, sawDelimiter: Bool, badHeader: Bool) {
        let delimiter = Array("--\(boundary)".utf8)
        let crlf: [UInt8] = [0x0D, 0x0A]
        var out: [UInt8] = []
        out.reserveCapacity(body.count + body.count / 32 + 64)
        enum State { case preamble, headers, body }
        var state = State.preamble
        var header: [UInt8] = []
        var closed = false
        var sawDelimiter = false
        var badHeader = false
        var bodyLines = 0
        func flushHeader() {
            guard !header.isEmpty else { return }
            defer { header = [] }
            guard let colon = header.firstIndex(of: UInt8(ascii: ":")), colon > 0,
                  header[..<colon].allSatisfy(isNameByte) else { badHeader = true; return }
            if header.contains(where: { $0 >= 0x80 }) {
                if String(validating: header, as: UTF8.self) == nil { badHeader = true }
                out += Array(Charsets.guess(header).utf8)
            } else {
                out += header
            }
            out += crlf
        }
        // The line end before a delimiter belongs to the delimiter: a part with no body line gets one.
        func endPart() {
            switch state {
            case .preamble: break
            case .headers: flushHeader(); out += crlf; out += crlf
            case .body: if bodyLines == 0 { out += crlf }
            }
        }
        var start = body.startIndex
        while start < body.endIndex {
            let newline = body[start...].firstIndex(of: 0x0A)
            let end = newline ?? body.endIndex
            var line = body[start..<end]
            if line.last == 0x0D { line = line.dropLast() }
            start = end + 1
            var trimmed = line
            while let last = trimmed.last, last == 0x20 || last == 0x09 { trimmed = trimmed.dropLast() }
            if trimmed.count >= delimiter.count, trimmed.prefix(delimiter.count).elementsEqual(delimiter) {
                let rest = trimmed.dropFirst(delimiter.count)
                if rest.isEmpty || rest.elementsEqual([0x2D, 0x2D]) {
                    endPart()
                    sawDelimiter = true
                    out += delimiter
                    if !rest.isEmpty {
                        out += [0x2D, 0x2D] + crlf
                        closed = true
                        break
                    }
                    out += crlf
                    state = .headers
                    bodyLines = 0
                    continue
                }
            }
            switch state {
            case .preamble:
                continue
            case .headers:
                if line.isEmpty {
                    flushHeader()
                    out += crlf
                    state = .body
                } else if line.first == 0x20 || line.first == 0x09 {
                    if header.isEmpty { badHeader = true; continue }
                    header.append(0x20)
                    header += line.drop { $0 == 0x20 || $0 == 0x09 }
                } else {
                    flushHeader()
                    header = Array(line)
                }
            case .body:
                out += line
                out += crlf
                bodyLines += 1
            }
        }
        if sawDelimiter, !closed {
            endPart()
            out += delimiter + [0x2D, 0x2D] + crlf
        }
        return (out, closed, sawDelimiter, badHeader)
    }
}
