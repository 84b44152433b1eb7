import Glibc

/// Text in the charsets Chinese offices' mail arrives in, decoded with the C library's iconv.
enum Charsets {
    /// The iconv name for a charset label (matched case-insensitively, with its common aliases), or nil
    /// when the label is not one this desk reads.
    ///
    /// GB2312 and GBK are decoded as GB18030: it is their superset, byte for byte, and mail labelled
    /// GB2312 is very often written by clients in GBK (characters such as 镕 or 堃 outside GB2312).
    static func iconvName(_ label: String) -> String? {
        var name = label.trimmingQuotesAndSpaces().lowercased()
        if name.hasPrefix("x-") { name.removeFirst(2) }
        switch name {
        case "utf-8", "utf8", "unicode-1-1-utf-8": return "UTF-8"
        case "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", "646": return "UTF-8"
        case "gb2312", "gb_2312-80", "csgb2312", "euc-cn", "gbk", "cp936", "ms936", "windows-936", "936",
             "gb18030", "chinese": return "GB18030"
        case "big5", "big-5", "big5_tw", "big5-tw", "cn-big5", "csbig5", "cp950", "windows-950": return "BIG5"
        case "big5-hkscs", "big5hkscs": return "BIG5-HKSCS"
        case "latin1", "l1": return "ISO-8859-1"
        default: break
        }
        for prefix in ["iso-8859-", "iso8859-", "iso_8859-", "iso8859_"] where name.hasPrefix(prefix) {
            if let n = Int(name.dropFirst(prefix.count)), (1...15).contains(n), n != 12 { return "ISO-8859-\(n)" }
            return nil
        }
        for prefix in ["windows-", "cp", "ms-", "win-"] where name.hasPrefix(prefix) {
            if let n = Int(name.dropFirst(prefix.count)), (1250...1258).contains(n) { return "WINDOWS-\(n)" }
        }
        return nil
    }

    /// Bytes in a labelled charset. `known` is false for a label this desk does not read: the bytes are then
    /// read as UTF-8 when they are valid UTF-8, else as GB18030 when they decode cleanly as that, else as
    /// UTF-8 with replacement characters.
    static func decode<Bytes: Collection<UInt8>>(_ bytes: Bytes, label: String?) -> (text: String, known: Bool) {
        guard let label, !label.trimmingQuotesAndSpaces().isEmpty else { return (guess(bytes), true) }
        guard let name = iconvName(label) else { return (guess(bytes), false) }
        if name == "UTF-8" { return (String(decoding: bytes, as: UTF8.self), true) }
        return (iconv(Array(bytes), from: name, lenient: true) ?? String(decoding: bytes, as: UTF8.self), true)
    }

    /// Unlabelled 8-bit text (a raw header, a part without a charset): UTF-8 if it is valid, else GB18030.
    static func guess<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> String {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let array = Array(bytes)
        if let text = String(validating: array, as: UTF8.self) { return text }
        return iconv(array, from: "GB18030", lenient: false) ?? String(decoding: array, as: UTF8.self)
    }

    /// `bytes` in the iconv charset `from`, as a String. Strict (`lenient: false`): nil when any byte sequence
    /// is invalid or cut short. Lenient: each such byte becomes U+FFFD and decoding goes on. Nil also when
    /// iconv does not know the charset.
    static func iconv(_ bytes: [UInt8], from charset: String, lenient: Bool) -> String? {
        let cd = iconv_open("UTF-8", charset)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 3 / 2 + 16)
        let replacement: [UInt8] = [0xEF, 0xBF, 0xBD]
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var input = bytes
        return input.withUnsafeMutableBufferPointer { inBuffer -> String? in
            var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBuffer.baseAddress)?
                .assumingMemoryBound(to: CChar.self)
            var inLeft = inBuffer.count
            while inLeft > 0 {
                let (result, code, written) = chunk.withUnsafeMutableBufferPointer { outBuffer -> (Int, Int32, Int) in
                    var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBuffer.baseAddress)?
                        .assumingMemoryBound(to: CChar.self)
                    var outLeft = outBuffer.count
                    let result = Glibc.iconv(cd, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, result == -1 ? errno : 0, outBuffer.count - outLeft)
                }
                output.append(contentsOf: chunk[0..<written])
                if result != -1 { continue }
                switch code {
                case E2BIG: continue
                case EILSEQ, EINVAL:
                    // An invalid sequence (EILSEQ) or one cut short at the end (EINVAL).
                    guard lenient else { return nil }
                    output.append(contentsOf: replacement)
                    inPointer = inPointer.map { $0 + 1 }
                    inLeft -= 1
                default:
                    return nil
                }
            }
            return String(decoding: output, as: UTF8.self)
        }
    }
}

extension String {
    func trimmingQuotesAndSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c == " " || c == "\t" || c == "\"" || c == "'" { s.removeFirst() }
        while let c = s.last, c == " " || c == "\t" || c == "\"" || c == "'" { s.removeLast() }
        return String(s)
    }
}
