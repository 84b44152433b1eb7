/// Content-Transfer-Encoding: base64 and quoted-printable undone; 7bit, 8bit and binary taken as they are.
enum TransferEncodings {
    /// The bytes of a part's body under its transfer encoding; nil when base64 does not decode.
    static func decode(_ body: ArraySlice<UInt8>, encoding: String?) -> [UInt8]? {
        switch encoding?.trimmingQuotesAndSpaces().lowercased() {
        case "base64": return base64(body)
        case "quoted-printable": return quotedPrintable(body)
        default: return Array(body)
        }
    }

    private static let base64Values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (i, c) in "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8.enumerated() {
            table[Int(c)] = Int8(i)
        }
        return table
    }()

    /// Base64, tolerant of line breaks and other white space anywhere and of missing `=` padding; nil on any
    /// other byte, on data after the padding, or on a lone final character (six bits cannot make a byte).
    static func base64<Bytes: Collection<UInt8>>(_ text: Bytes) -> [UInt8]? {
        // One loop over contiguous bytes (an attachment may be tens of megabytes).
        if let decoded = text.withContiguousStorageIfAvailable({ base64(buffer: $0) }) { return decoded }
        return Array(text).withUnsafeBufferPointer { base64(buffer: $0) }
    }

    private static func base64(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var count = 0
        var padded = false
        for byte in text {
            if byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { continue }
            if byte == UInt8(ascii: "=") { padded = true; continue }
            let value = base64Values[Int(byte)]
            if value < 0 || padded { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            count += 1
            if count == 4 {
                out.append(UInt8(truncatingIfNeeded: accumulator >> 16))
                out.append(UInt8(truncatingIfNeeded: accumulator >> 8))
                out.append(UInt8(truncatingIfNeeded: accumulator))
                accumulator = 0
                count = 0
            }
        }
        switch count {
        case 0: break
        case 2: out.append(UInt8(truncatingIfNeeded: accumulator >> 4))
        case 3:
            out.append(UInt8(truncatingIfNeeded: accumulator >> 10))
            out.append(UInt8(truncatingIfNeeded: accumulator >> 2))
        default: return nil
        }
        return out
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case 0x30...0x39: return byte - 0x30
        case 0x41...0x46: return byte - 0x41 + 10
        case 0x61...0x66: return byte - 0x61 + 10
        default: return nil
        }
    }

    /// Quoted-printable: `=XX` (either case of hex), soft line breaks (`=` at a line's end, CRLF or LF, white
    /// space before the break allowed); an `=` followed by anything else is kept as written. With `underscoreIsSpace`
    /// (RFC 2047's Q encoding), `_` is a space.
    static func quotedPrintable<Bytes: Collection<UInt8>>(_ text: Bytes, underscoreIsSpace: Bool = false) -> [UInt8] {
        let bytes = Array(text)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "_"), underscoreIsSpace {
                out.append(0x20)
                i += 1
            } else if byte == UInt8(ascii: "=") {
                if i + 2 < bytes.count, let high = hexValue(bytes[i + 1]), let low = hexValue(bytes[i + 2]) {
                    out.append(high << 4 | low)
                    i += 3
                    continue
                }
                // A soft break: `=`, maybe white space, then the line's end (or the end of the text).
                var j = i + 1
                while j < bytes.count, bytes[j] == 0x20 || bytes[j] == 0x09 { j += 1 }
                if j == bytes.count { i = j; continue }
                if bytes[j] == 0x0A { i = j + 1; continue }
                if bytes[j] == 0x0D, j + 1 < bytes.count, bytes[j + 1] == 0x0A { i = j + 2; continue }
                out.append(byte)
                i += 1
            } else {
                out.append(byte)
                i += 1
            }
        }
        return out
    }
}
