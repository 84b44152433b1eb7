import Foundation

/// What a file attached to an item or an inspection is, read from its first bytes (never from its
/// name, which a sender chooses): the raw values are what the attachment table stores and what
/// `--json` prints.
public enum AttachmentType: String, Sendable, CaseIterable, Codable {
    case pdf, png, jpeg, gif
    /// A ZIP archive, which Office files (.docx, .xlsx) are.
    case zip
    /// Plain text in UTF-8 or GB18030.
    case text
    /// Anything else.
    case binary

    /// Whether the console may show it in its own viewer.
    public var isText: Bool { self == .text }

    /// The type of `content`, by its magic number; text when it is UTF-8 or GB18030 without control
    /// characters other than tab, line ends and form feed (escape sequences are shown sanitized).
    public static func sniff(_ content: Data) -> AttachmentType {
        let head = [UInt8](content.prefix(8))
        func starts(_ magic: [UInt8]) -> Bool { head.count >= magic.count && Array(head.prefix(magic.count)) == magic }
        if starts([0x25, 0x50, 0x44, 0x46, 0x2D]) { return .pdf }                      // %PDF-
        if starts([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return .png }
        if starts([0xFF, 0xD8, 0xFF]) { return .jpeg }
        if starts(Array("GIF87a".utf8)) || starts(Array("GIF89a".utf8)) { return .gif }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) { return .zip }
        if AttachmentText.decode(content) != nil { return .text }
        return .binary
    }
}

/// A text attachment read for the console's viewer.
public enum AttachmentText {
    /// The text of `content` when it is plain text: UTF-8 (a byte-order mark dropped), else GB18030;
    /// `nil` when it is neither, or holds control characters other than tab, line ends, form feed and
    /// escape (an empty file is text).
    public static func decode(_ content: Data) -> String? {
        let bytes = [UInt8](content)
        guard !bytes.contains(where: { $0 < 0x20 && ![0x09, 0x0A, 0x0D, 0x0C, 0x1B].contains($0) }), !bytes.contains(0x7F) else {
            return nil
        }
        if let text = String(validating: bytes, as: UTF8.self) {
            return text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        }
        return GB18030.decode(bytes)
    }
}

/// GB18030, the national standard encoding older Windows editors in the offices save Chinese text
/// in: structurally checked byte by byte; its two-byte part (GBK) decoded through the system's
/// converter, a four-byte sequence shown as U+FFFD when the converter cannot say it.
public enum GB18030 {
    /// Whether `bytes` are well-formed GB18030 (one, two or four bytes a character).
    public static func isWellFormed(_ bytes: [UInt8]) -> Bool {
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            guard (0x81...0xFE).contains(b), i + 1 < bytes.count else { return false }
            let c = bytes[i + 1]
            if (0x40...0x7E).contains(c) || (0x80...0xFE).contains(c) { i += 2; continue }
            guard (0x30...0x39).contains(c), i + 3 < bytes.count,
                  (0x81...0xFE).contains(bytes[i + 2]), (0x30...0x39).contains(bytes[i + 3]) else { return false }
            i += 4
        }
        return true
    }

    /// The text of well-formed GB18030 `bytes`, or `nil` when they are not.
    public static func decode(_ bytes: [UInt8]) -> String? {
        guard isWellFormed(bytes) else { return nil }
        let encoding = String.Encoding(rawValue: 0x8000_0632)    // kCFStringEncodingGB_18030_2000 as an NSStringEncoding
        if let text = String(data: Data(bytes), encoding: encoding) { return text }
        // No converter here: ASCII as it is, every other character as U+FFFD.
        var out = "", i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b < 0x80 { out.unicodeScalars.append(Unicode.Scalar(b)); i += 1; continue }
            out.append("\u{FFFD}")
            i += (0x30...0x39).contains(bytes[i + 1]) ? 4 : 2
        }
        return out
    }
}

/// The desk's rules for attachments.
public enum AttachmentRules {
    /// The largest file attached by default, in MiB (`attachment.max_mb`).
    public static let defaultLimitMB = 20
    /// The range `attachment.max_mb` may take.
    public static let limitRangeMB = 1...512
    /// The longest name kept, in bytes of UTF-8 (what file systems hold).
    public static let nameLimit = 255

    /// `mb` MiB in bytes.
    public static func bytes(mb: Int) -> Int { mb << 20 }

    /// A file's name as kept and shown, safe to save under in a folder and to print: the last part
    /// of a path is not assumed (a name is never a path): each `/` and `\` becomes `_`; control and
    /// bidi characters are dropped (tab and line ends become a space); leading dots and spaces and
    /// trailing spaces and dots go, so the name is neither hidden nor `.`/`..`; cut to 255 bytes
    /// keeping its extension. A name with nothing left is `attachment`.
    public static func safeName(_ raw: String) -> String {
        var scalars = String.UnicodeScalarView()
        for s in raw.unicodeScalars {
            switch s.value {
            case 0x2F, 0x5C: scalars.append("_")
            case 0x09, 0x0A, 0x0D: scalars.append(" ")
            case 0x00..<0x20, 0x7F..<0xA0: continue
            case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF: continue
            default: scalars.append(s)
            }
        }
        var name = String(scalars)
        while let first = name.first, first == "." || first.isWhitespace { name.removeFirst() }
        while let last = name.last, last == "." || last.isWhitespace { name.removeLast() }
        if name.utf8.count > nameLimit {
            let dot = name.lastIndex(of: ".")
            let ext = dot.map { String(name[$0...]) }.flatMap { $0.utf8.count <= 16 ? $0 : nil } ?? ""
            var stem = ext.isEmpty ? name : String(name[..<dot!])
            while stem.utf8.count + ext.utf8.count > nameLimit { stem.removeLast() }
            name = stem + ext
        }
        return name.isEmpty ? "attachment" : name
    }

    /// A size for people: bytes below 1 KiB, else KiB or MiB with one decimal.
    public static func sizeText(_ bytes: Int) -> String {
        if bytes < 1024 { return "\(bytes) B" }
        if bytes < 1 << 20 { return String(format: "%.1f KiB", Double(bytes) / 1024) }
        return String(format: "%.1f MiB", Double(bytes) / Double(1 << 20))
    }
}
