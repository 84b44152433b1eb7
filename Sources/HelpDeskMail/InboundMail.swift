import Foundation

/// One e-mail as the desk takes it in: the message `helpdesk mail-in` read on standard input,
/// decoded into what a ticket or a requester's message is made of. Made by `MailParser.parse`,
/// which never fails: what could not be decoded is named in `problems`, and the raw bytes stay
/// with the caller so that nothing is dropped.
public struct InboundMail: Sendable, Equatable {
    /// An address as a header gives it: the display name decoded, the address lower-cased.
    public struct Address: Sendable, Equatable {
        public var name: String?
        public var address: String
        public init(name: String?, address: String) {
            self.name = name
            self.address = address
        }
    }

    /// A part kept as a file: every part that is not the message's text.
    public struct Part: Sendable, Equatable {
        /// The part's file name, decoded (RFC 2047 / RFC 2231), not yet made safe for storing.
        public var filename: String?
        /// The type the part declares (`image/png`), lower-cased, without parameters.
        public var contentType: String
        /// The decoded bytes (base64 and quoted-printable undone).
        public var data: [UInt8]
        public init(filename: String?, contentType: String, data: [UInt8]) {
            self.filename = filename
            self.contentType = contentType
            self.data = data
        }
    }

    /// What could not be read as the standards say; the message is still taken.
    public enum Problem: Sendable, Equatable {
        /// A charset label this host cannot decode (the text is kept as UTF-8 with replacements).
        case unknownCharset(String)
        /// A multipart body whose boundary is missing or whose closing boundary never came.
        case brokenMultipart
        /// A header line or header block that is not valid (8-bit bytes, no colon, too long).
        case badHeader
        /// A transfer encoding that did not decode (bad base64).
        case badEncoding
        /// No text part at all.
        case noText
    }

    /// `Message-ID`, without its angle brackets.
    public var messageID: String?
    /// The message ids named by `In-Reply-To` and `References`, in order, without brackets.
    public var replyTo: [String]
    /// The subject, decoded; empty when there is none.
    public var subject: String
    public var from: Address?
    /// `Date:`, as the sender's client wrote it.
    public var date: Date?
    /// The date of the topmost `Received:` header: when the desk's own mail system took it.
    public var receivedAt: Date?
    /// The text part, or the HTML part made plain when there is no text part.
    public var text: String
    public var attachments: [Part]
    /// An auto-reply, a list or bulk message, or a bounce: recorded, never answered.
    public var isAutomatic: Bool
    public var problems: [Problem]
    /// The size of the raw message in bytes.
    public var size: Int

    public init(messageID: String? = nil, replyTo: [String] = [], subject: String = "", from: Address? = nil,
                date: Date? = nil, receivedAt: Date? = nil, text: String = "", attachments: [Part] = [],
                isAutomatic: Bool = false, problems: [Problem] = [], size: Int = 0) {
        self.messageID = messageID
        self.replyTo = replyTo
        self.subject = subject
        self.from = from
        self.date = date
        self.receivedAt = receivedAt
        self.text = text
        self.attachments = attachments
        self.isAutomatic = isAutomatic
        self.problems = problems
        self.size = size
    }
}
