import Foundation

/// Reads one RFC 5322 message into an `InboundMail`. Never fails: a message that does not follow
/// the standards is read as far as it can be, and what was not is named in `problems`.
///
/// This first reading takes the header block and a single-part body; MIME parts, transfer
/// encodings, encoded words and charsets are read by the parts named in their own files.
public enum MailParser {
    public static func parse(_ raw: [UInt8]) -> InboundMail {
        let (headerBytes, body) = splitHeader(raw)
        let fields = headerFields(headerBytes)
        var mail = InboundMail(size: raw.count)
        func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }
        mail.messageID = first("message-id").flatMap { messageIDs(in: $0).first }
        mail.replyTo = (first("in-reply-to").map(messageIDs(in:)) ?? [])
            + (first("references").map(messageIDs(in:)) ?? []).filter { id in
                !(first("in-reply-to").map(messageIDs(in:)) ?? []).contains(id)
            }
        mail.subject = first("subject")?.trimmingCharacters(in: .whitespaces) ?? ""
        mail.from = first("from").flatMap(address(in:))
        mail.date = first("date").flatMap(date(in:))
        mail.receivedAt = first("received").flatMap { received in
            received.lastIndex(of: ";").flatMap { date(in: String(received[received.index(after: $0)...])) }
        }
        mail.isAutomatic = isAutomatic(fields: fields, from: mail.from)
        mail.text = String(decoding: body, as: UTF8.self)
        return mail
    }

    /// A header field, its name lower-cased, its value unfolded.
    struct Field: Equatable {
        var name: String
        var value: String
    }

    /// The header block and the body, split at the first empty line (CRLF or LF).
    static func splitHeader(_ raw: [UInt8]) -> (header: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
        var i = raw.startIndex
        while i < raw.endIndex {
            if raw[i] == 0x0A {
                if i + 1 < raw.endIndex, raw[i + 1] == 0x0A { return (raw[..<i], raw[(i + 2)...]) }
                if i + 2 < raw.endIndex, raw[i + 1] == 0x0D, raw[i + 2] == 0x0A { return (raw[..<i], raw[(i + 3)...]) }
            }
            i += 1
        }
        return (raw[...], [])
    }

    /// The fields of a header block, continuation lines joined to the line they continue.
    static func headerFields(_ header: ArraySlice<UInt8>) -> [Field] {
        var fields: [Field] = []
        // Lines are cut on bytes: in Swift "\r\n" is one Character, which a split on "\n" never finds.
        for bytes in header.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let line = Substring(String(decoding: bytes.last == 0x0D ? bytes.dropLast() : bytes, as: UTF8.self))
            if let c = line.first, c == " " || c == "\t" {
                if !fields.isEmpty { fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            fields.append(Field(name: line[..<colon].trimmingCharacters(in: .whitespaces).lowercased(),
                                value: line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)))
        }
        return fields
    }

    /// The ids between angle brackets in a `Message-ID`, `In-Reply-To` or `References` value.
    static func messageIDs(in value: String) -> [String] {
        var ids: [String] = []
        var rest = Substring(value)
        while let open = rest.firstIndex(of: "<"), let close = rest[open...].firstIndex(of: ">") {
            let id = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
            if !id.isEmpty { ids.append(id) }
            rest = rest[rest.index(after: close)...]
        }
        return ids
    }

    /// `Name <address>` or a bare address; the address lower-cased.
    static func address(in value: String) -> InboundMail.Address? {
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            var name = value[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            return address.contains("@") ? InboundMail.Address(name: name.isEmpty ? nil : name, address: address) : nil
        }
        let address = value.trimmingCharacters(in: .whitespaces).lowercased()
        return address.contains("@") ? InboundMail.Address(name: nil, address: address) : nil
    }

    /// An RFC 5322 date (`Mon, 7 Dec 2026 09:12:03 +0800`), the day name and comments optional.
    static func date(in value: String) -> Date? {
        var text = value
        if let comment = text.firstIndex(of: "(") { text = String(text[..<comment]) }
        text = text.trimmingCharacters(in: .whitespaces)
        if let comma = text.firstIndex(of: ",") { text = text[text.index(after: comma)...].trimmingCharacters(in: .whitespaces) }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        for format in ["d MMM yyyy HH:mm:ss Z", "d MMM yyyy HH:mm Z", "d MMM yy HH:mm:ss Z"] {
            formatter.dateFormat = format
            if let date = formatter.date(from: text) { return date }
        }
        return nil
    }

    /// Auto-replies, lists, bulk mail and bounces: `Auto-Submitted` other than `no`,
    /// `Precedence: bulk|list|junk`, `X-Autoreply`/`X-Autorespond`, or a mailer-daemon sender.
    static func isAutomatic(fields: [Field], from: InboundMail.Address?) -> Bool {
        for field in fields {
            let value = field.value.lowercased()
            switch field.name {
            case "auto-submitted" where !value.hasPrefix("no"): return true
            case "precedence" where ["bulk", "list", "junk"].contains(value): return true
            case "x-autoreply", "x-autorespond", "list-id": return true
            default: continue
            }
        }
        if let local = from?.address.split(separator: "@").first.map(String.init),
           ["mailer-daemon", "postmaster"].contains(local) { return true }
        return false
    }
}
