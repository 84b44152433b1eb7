import Foundation

/// What a requester is told about, by a notice of kind `requester`: their ticket taken in, a reply
/// to them, a wait on them (what is needed from them), its resolution.
///
/// The raw values are the payload's `event` and what the outbox's code stores.
public enum RequesterNoticeEvent: String, Sendable, CaseIterable {
    case intake, reply, waiting, resolved
}

/// How a requester is reached: the payload's `channel`.
public enum RequesterNoticeChannel: String, Sendable, CaseIterable {
    case email, phone, wechat, qq
}

/// What the desk's notices to requesters go by: the domain of the `Message-ID`s it gives its
/// e-mails (system file `mail_domain`, else the host's name) and the language of a requester
/// whose own is not known.
public struct RequesterNoticeSettings: Sendable, Equatable {
    public var mailDomain: String
    public var language: Language

    public init(mailDomain: String, language: Language = .zh) {
        self.mailDomain = mailDomain
        self.language = language
    }

    public static let standard = RequesterNoticeSettings(mailDomain: "localhost")
}

/// The rules of notices to requesters.
public enum RequesterNoticeRules {
    /// The way a requester is reached, or `nil` when none is known: the preferred channel when
    /// they can be reached by it, else e-mail when an address is known, else a phone, else the
    /// chat id (WeChat unless QQ is preferred).
    public static func channel(email: String?, phones: [String], chatID: String?, preferred: Channel?) -> RequesterNoticeChannel? {
        let hasEmail = !(email ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        let hasChat = !(chatID ?? "").trimmingCharacters(in: .whitespaces).isEmpty
        switch preferred {
        case .email? where hasEmail: return .email
        case .phone? where !phones.isEmpty: return .phone
        case .wechat? where hasChat: return .wechat
        case .qq? where hasChat: return .qq
        default: break
        }
        if hasEmail { return .email }
        if !phones.isEmpty { return .phone }
        if hasChat { return preferred == .qq ? .qq : .wechat }
        return nil
    }

    /// The ticket's tag in subjects: `[#7]`; a requester's answer finds its ticket by it.
    public static func tag(_ itemID: Int64) -> String { "[#\(itemID)]" }

    /// The `Message-ID` of notice `notice` about item `item`: `<hd.12.7@desk.example>`.
    public static func messageID(notice: Int64, item: Int64, domain: String) -> String {
        "<hd.\(notice).\(item)@\(domain)>"
    }

    /// A domain fit for a `Message-ID`: letters, digits, dots and hyphens; `localhost` otherwise.
    public static func domain(_ given: String?) -> String? {
        guard let d = given?.trimmingCharacters(in: .whitespaces), !d.isEmpty, d.count <= 253,
              d.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "." || $0 == "-") }),
              !d.hasPrefix("."), !d.hasSuffix(".") else { return nil }
        return d
    }

    /// Whether a notice is written for a ticket: not when the ticket or the requester has notices
    /// off, not when the event answers an automatic message (an auto-reply, a machine's mail), and
    /// not without a way to reach them.
    public static func notifies(ticketOff: Bool, requesterOff: Bool, answersAutomatic: Bool,
                                channel: RequesterNoticeChannel?) -> Bool {
        !ticketOff && !requesterOff && !answersAutomatic && channel != nil
    }
}

/// A notice written to a requester, as the desk's own timeline and outbox say it: to whom, by
/// which channel, and its subject.
public struct RequesterNotice: Equatable, Sendable {
    public var itemID: Int64
    public var event: RequesterNoticeEvent
    public var requesterName: String
    public var channel: RequesterNoticeChannel
    public var subject: String

    public init(itemID: Int64, event: RequesterNoticeEvent, requesterName: String, channel: RequesterNoticeChannel,
                subject: String) {
        self.itemID = itemID
        self.event = event
        self.requesterName = requesterName
        self.channel = channel
        self.subject = subject
    }

    /// `notice to 王芳 by email: [#7] …` / `通知 王芳（电子邮件）：[#7] …`.
    public func text(_ lang: Language) -> String {
        Catalog.RequesterNotices.noticeTo(name: requesterName, channel: channel, subject: subject)(lang)
    }
}

/// A notice to a requester as the item's timeline shows it: when it was written, what it says
/// (to whom, by which channel, its subject) and how far its delivery got.
public struct RequesterNoticeEntry: Equatable, Sendable {
    public var id: Int64
    public var itemId: Int64
    public var createdAt: Date
    public var notice: RequesterNotice
    public var attempts: Int
    public var deliveredAt: Date?
    public var lastError: String?

    public init(id: Int64, itemId: Int64, createdAt: Date, notice: RequesterNotice, attempts: Int, deliveredAt: Date?,
                lastError: String?) {
        self.id = id
        self.itemId = itemId
        self.createdAt = createdAt
        self.notice = notice
        self.attempts = attempts
        self.deliveredAt = deliveredAt
        self.lastError = lastError
    }

    /// `delivered`, `pending` or `failed N×, will retry`, in the reader's language.
    public func delivery(_ lang: Language) -> String {
        if deliveredAt != nil { return Catalog.RequesterNotices.delivered(lang) }
        if attempts > 0 { return Catalog.RequesterNotices.failed(attempts: attempts)(lang) }
        return Catalog.RequesterNotices.pending(lang)
    }

    /// The line of the timeline: `notice to 王芳 by email: [#7] Received: … (pending)`.
    public func text(_ lang: Language) -> String {
        Catalog.RequesterNotices.withDelivery(notice.text(lang), delivery(lang))(lang)
    }
}

