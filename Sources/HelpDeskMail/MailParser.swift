import Foundation

/// Reads one RFC 5322 message into an `InboundMail`. Never fails: a message that does not follow
/// the standards is read as far as it can be, and what was not is named in `problems`.
///
/// MIME parts are split in `Multipart`, transfer encodings undone in `TransferEncodings`, encoded words and
/// RFC 2231 parameters read in `HeaderWords`, charsets in `Charsets`, HTML made plain in `PlainHTML`.
public enum MailParser {
    /// How deep multiparts may nest; a deeper one is kept whole as one attachment.
    static let maximumDepth = 20

    public static func parse(_ raw: [UInt8]) -> InboundMail {
        let (headerBytes, body) = splitHeader(withoutEnvelope(raw))
        var reading = Reading()
        let fields = headerFields(headerBytes, badHeader: &reading.badHeader)
        var mail = InboundMail(size: raw.count)
        func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }
        mail.messageID = first("message-id").flatMap { messageIDs(in: $0).first }
        mail.replyTo = (first("in-reply-to").map(messageIDs(in:)) ?? [])
            + (first("references").map(messageIDs(in:)) ?? []).filter { id in
                !(first("in-reply-to").map(messageIDs(in:)) ?? []).contains(id)
            }
        mail.subject = HeaderWords.decode(first("subject") ?? "", unknown: &reading.unknownCharsets)
            .trimmingCharacters(in: .whitespaces)
        mail.from = first("from").flatMap { address(in: $0, unknown: &reading.unknownCharsets) }
        mail.date = first("date").flatMap(date(in:))
        mail.receivedAt = first("received").flatMap { received in
            received.lastIndex(of: ";").flatMap { date(in: String(received[received.index(after: $0)...])) }
        }
        mail.isAutomatic = isAutomatic(fields: fields, from: mail.from)

        let leaves = reading.entity(fields: fields, body: body, depth: 0)
        let chosen = leaves.firstIndex { $0.text != nil && !$0.isHTML } ?? leaves.firstIndex { $0.text != nil }
        if let chosen, let text = leaves[chosen].text {
            mail.text = leaves[chosen].isHTML ? PlainHTML.text(text) : text
        } else {
            reading.problems.append(.noText)
        }
        mail.attachments = leaves.indices.filter { $0 != chosen }.map { leaves[$0].part }
        if reading.badHeader { reading.problems.insert(.badHeader, at: 0) }
        var problems = reading.unknownCharsets.map(InboundMail.Problem.unknownCharset)
        for problem in reading.problems where !problems.contains(problem) { problems.append(problem) }
        mail.problems = problems
        return mail
    }

    /// One body part, its text read when it may be the message's text.
    struct Leaf {
        var part: InboundMail.Part
        /// The decoded text of a text/plain or text/html part not marked as an attachment.
        var text: String?
        var isHTML = false
    }

    /// What a message's reading found: its parts, in order, and its problems.
    struct Reading {
        var problems: [InboundMail.Problem] = []
        var unknownCharsets: [String] = []
        var badHeader = false

        mutating func entity(fields: [Field], body: ArraySlice<UInt8>, depth: Int, cut: Bool = false) -> [Leaf] {
            func first(_ name: String) -> String? { fields.first { $0.name == name }?.value }
            let (type, typeParameters) = HeaderWords.parameters(first("content-type") ?? "text/plain", unknown: &unknownCharsets)
            let contentType = type.isEmpty || !type.contains("/") ? "text/plain" : type
            let (disposition, dispositionParameters) = HeaderWords.parameters(first("content-disposition") ?? "",
                                                                             unknown: &unknownCharsets)
            let filename = (dispositionParameters["filename"] ?? typeParameters["name"]).flatMap { $0.isEmpty ? nil : $0 }

            if contentType.hasPrefix("multipart/"), !cut {
                guard depth < MailParser.maximumDepth else {
                    problems.append(.brokenMultipart)
                    return [Leaf(part: InboundMail.Part(filename: filename, contentType: contentType, data: Array(body)))]
                }
                var boundary = typeParameters["boundary"].flatMap { $0.isEmpty ? nil : $0 }
                if boundary == nil {
                    problems.append(.brokenMultipart)
                    boundary = Multipart.guessBoundary(body)
                }
                let split = boundary.map { Multipart.split(body, boundary: $0) }
                guard let split, !split.parts.isEmpty else {
                    // No part could be found: the body is read as one text part.
                    if boundary != nil { problems.append(.brokenMultipart) }
                    return entity(fields: [], body: body, depth: depth + 1)
                }
                if split.badHeader { badHeader = true }
                if !split.closed { problems.append(.brokenMultipart) }
                var branches: [[Leaf]] = []
                for (index, part) in split.parts.enumerated() {
                    let isCut = !split.closed && index == split.parts.count - 1
                    branches.append(entity(fields: part.fields, body: part.body[...], depth: depth + 1, cut: isCut))
                }
                guard contentType == "multipart/alternative" else { return branches.flatMap { $0 } }
                // Alternatives are one text written several ways: the text comes from one branch (the first with
                // plain text, else the first with HTML); the other ways of writing it are not attachments, while
                // what they hold that is not text (an HTML branch's images) is.
                let chosen = branches.firstIndex { $0.contains { $0.text != nil && !$0.isHTML } }
                    ?? branches.firstIndex { $0.contains { $0.text != nil } }
                guard let chosen else { return branches.flatMap { $0 } }
                return branches.enumerated().flatMap { index, leaves in
                    index == chosen ? leaves : leaves.filter { $0.text == nil }
                }
            }

            let encoding = first("content-transfer-encoding")
            var data: [UInt8]
            if let decoded = TransferEncodings.decode(body, encoding: encoding) {
                data = decoded
            } else {
                problems.append(.badEncoding)
                data = Array(body)
            }
            if contentType == "message/rfc822" {
                var name = filename
                if name == nil {
                    // Only the enclosed message's subject is read (reading it all would nest without bound).
                    var ignored = false
                    let subject = MailParser.headerFields(MailParser.splitHeader(data[...]).header, badHeader: &ignored)
                        .first { $0.name == "subject" }?.value ?? ""
                    let inner = HeaderWords.decode(subject, unknown: &unknownCharsets).trimmingCharacters(in: .whitespaces)
                    name = (inner.isEmpty ? "message" : inner) + ".eml"
                }
                return [Leaf(part: InboundMail.Part(filename: name, contentType: contentType, data: data))]
            }
            let part = InboundMail.Part(filename: filename, contentType: contentType, data: data)
            let isText = contentType == "text/plain" || contentType == "text/html"
            guard isText, !cut, disposition != "attachment", filename == nil else { return [Leaf(part: part)] }
            let (text, known) = Charsets.decode(data, label: typeParameters["charset"])
            if !known, let label = typeParameters["charset"], !unknownCharsets.contains(label) { unknownCharsets.append(label) }
            return [Leaf(part: part, text: Self.lineEnds(text), isHTML: contentType == "text/html")]
        }

        /// CRLF and lone CR made LF.
        static func lineEnds(_ text: String) -> String {
            guard text.utf8.contains(0x0D) else { return text }
            var scalars = String.UnicodeScalarView()
            var previousCR = false
            for scalar in text.unicodeScalars {
                if scalar == "\r" { scalars.append("\n"); previousCR = true; continue }
                if scalar == "\n", previousCR { previousCR = false; continue }
                previousCR = false
                scalars.append(scalar)
            }
            return String(scalars)
        }
    }

    /// A header field, its name lower-cased, its value unfolded.
    struct Field: Equatable {
        var name: String
        var value: String
    }

    /// The header block and the body, split at the first empty line (CRLF or LF).
    /// The message without its mbox envelope line (`From sender date`, no colon after `From`), which
    /// procmail, fetchmail's `--mda` and postfix's `pipe` with flag `F` put before the header. It is
    /// not a header field, and says nothing the `Received:` fields do not.
    static func withoutEnvelope(_ raw: [UInt8]) -> ArraySlice<UInt8> {
        guard raw.starts(with: Array("From ".utf8)), let end = raw.firstIndex(of: 0x0A) else { return raw[...] }
        return raw[(end + 1)...]
    }

    static func splitHeader(_ raw: ArraySlice<UInt8>) -> (header: ArraySlice<UInt8>, body: ArraySlice<UInt8>) {
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

    /// The fields of a header block, continuation lines joined to the line they continue. Raw 8-bit bytes
    /// (not encoded words) are read as UTF-8 when valid, else as GB18030, and then set `badHeader`, as does a line
    /// that is neither a field nor a continuation, or one longer than the standard's 998 bytes.
    static func headerFields(_ header: ArraySlice<UInt8>, badHeader: inout Bool) -> [Field] {
        var fields: [Field] = []
        // Lines are cut on bytes: in Swift "\r\n" is one Character, which a split on "\n" never finds.
        for bytes in header.split(separator: 0x0A, omittingEmptySubsequences: true) {
            let bytes = bytes.last == 0x0D ? bytes.dropLast() : bytes
            if bytes.count > 998 { badHeader = true }
            var decoded: String
            if bytes.allSatisfy({ $0 < 0x80 }) {
                decoded = String(decoding: bytes, as: UTF8.self)
            } else {
                decoded = Charsets.guess(bytes)
                if String(validating: bytes, as: UTF8.self) == nil { badHeader = true }
            }
            let line = Substring(decoded)
            if let c = line.first, c == " " || c == "\t" {
                if fields.isEmpty { badHeader = true } else { fields[fields.count - 1].value += " " + line.trimmingCharacters(in: .whitespaces) }
                continue
            }
            // A field's name is printable ASCII without spaces (RFC 5322 2.2; spaces before the colon
            // are the obsolete syntax's): a line whose text before the first colon is not one is not a field.
            guard let colon = line.firstIndex(of: ":") else { badHeader = true; continue }
            let name = line[..<colon].trimmingCharacters(in: .whitespaces)
            guard !name.isEmpty, name.unicodeScalars.allSatisfy({ $0.value > 0x20 && $0.value < 0x7F }) else {
                badHeader = true
                continue
            }
            fields.append(Field(name: name.lowercased(),
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
        var unknown: [String] = []
        return address(in: value, unknown: &unknown)
    }

    /// `Name <address>` or a bare address; the name's encoded words decoded (also inside quotes, as some
    /// clients write them), the address lower-cased.
    static func address(in value: String, unknown: inout [String]) -> InboundMail.Address? {
        if let open = value.lastIndex(of: "<"), let close = value[open...].firstIndex(of: ">") {
            let address = value[value.index(after: open)..<close].trimmingCharacters(in: .whitespaces).lowercased()
            var name = value[..<open].trimmingCharacters(in: .whitespaces)
            if name.hasPrefix("\""), name.hasSuffix("\""), name.count >= 2 { name = String(name.dropFirst().dropLast()) }
            name = HeaderWords.decode(name, unknown: &unknown).trimmingCharacters(in: .whitespaces)
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
