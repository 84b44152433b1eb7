import Foundation

/// Someone who asks the desk for help, as the directory knows them: known by name and office
/// (two 才让 of two offices are two people; the same name and office is one).
public struct Requester: Sendable, Equatable {
    public var id: Int64?
    public var name: String
    /// The office (unit) they work in; empty when unknown (entries taken over from old tickets).
    public var office: String
    public var region: Region?
    /// Phones as typed, first the one to call first.
    public var phones: [String]
    public var email: String?
    /// A WeChat id or a QQ number.
    public var chatID: String?
    public var language: Language?
    public var channel: Channel?
    /// Sent no notices by the desk (`requester edit --notices off`).
    public var noticesOff: Bool = false
    /// Changed on every edit: an edit made from an older copy is refused.
    public var version: Int

    public init(id: Int64? = nil, name: String, office: String, region: Region?, phones: [String] = [],
                email: String? = nil, chatID: String? = nil, language: Language? = nil, channel: Channel? = nil,
                noticesOff: Bool = false, version: Int = 1) {
        self.id = id
        self.name = name
        self.office = office
        self.region = region
        self.phones = phones
        self.email = email
        self.chatID = chatID
        self.language = language
        self.channel = channel
        self.noticesOff = noticesOff
        self.version = version
    }

    /// The phones' search keys (`PhoneNumber.storedKey`), in order.
    public var phoneKeys: [String] { phones.compactMap(PhoneNumber.storedKey) }
}

/// One field of a requester, as history names it (`requester_history.field`).
public enum RequesterField: String, Sendable, CaseIterable {
    case name, office, region, phones, email, chat, language, channel, notices

    /// The field's value in `r`, as history stores it (phones joined by `; `).
    public func value(of r: Requester) -> String? {
        switch self {
        case .name: return r.name
        case .office: return r.office
        case .region: return r.region?.rawValue
        case .phones: return r.phones.isEmpty ? nil : r.phones.joined(separator: "; ")
        case .email: return r.email
        case .chat: return r.chatID
        case .language: return r.language?.rawValue
        case .channel: return r.channel?.rawValue
        case .notices: return r.noticesOff ? "off" : nil
        }
    }

    /// The fields that differ between `old` and `new`, with their values: what an edit records.
    public static func changes(from old: Requester, to new: Requester) -> [(field: RequesterField, old: String?, new: String?)] {
        allCases.compactMap { f in
            let a = f.value(of: old), b = f.value(of: new)
            return a == b ? nil : (f, a, b)
        }
    }
}

/// The directory's rules: what a requester's fields may hold.
public enum RequesterRules {
    /// The most phones one requester has.
    public static let maximumPhones = 5

    /// Checks a requester as given and returns it tidied (trimmed, blanks as none), or what is
    /// wrong with it. The name is required; the office may be empty only where `officeRequired`
    /// is false (an entry taken over from old tickets that had none).
    public static func check(_ given: Requester, officeRequired: Bool = true) -> Result<Requester, TextProblem> {
        var r = given
        r.name = given.name.trimmingCharacters(in: .whitespaces)
        r.office = given.office.trimmingCharacters(in: .whitespaces)
        guard !r.name.isEmpty else { return .failure(TextProblem(Catalog.Requesters.nameMissing)) }
        if officeRequired, r.office.isEmpty { return .failure(TextProblem(Catalog.Requesters.officeMissing)) }
        for (text, field) in [(r.name, TextRules.Field.requesterName), (r.office, .requesterOffice)] {
            if let problem = TextRules.problem(in: text, field: field) { return .failure(TextProblem(problem)) }
        }
        var phones: [String] = [], keys: Set<String> = []
        for typed in given.phones {
            let phone = typed.trimmingCharacters(in: .whitespaces)
            if phone.isEmpty { continue }
            switch PhoneNumber.parse(phone) {
            case .failure(let problem): return .failure(TextProblem(Catalog.DeskWork.notAPhone(phone, problem)))
            case .success(let parsed):
                guard keys.insert(parsed.key).inserted else { return .failure(TextProblem(Catalog.Requesters.phoneTwice(phone))) }
                phones.append(phone)
            }
        }
        guard phones.count <= maximumPhones else { return .failure(TextProblem(Catalog.Requesters.tooManyPhones(phones.count))) }
        r.phones = phones
        r.email = given.email?.trimmingCharacters(in: .whitespaces)
        if r.email?.isEmpty == true { r.email = nil }
        if let email = r.email, !isEmail(email) { return .failure(TextProblem(Catalog.Requesters.notAnEmail(email))) }
        r.chatID = given.chatID?.trimmingCharacters(in: .whitespaces)
        if r.chatID?.isEmpty == true { r.chatID = nil }
        if let chat = r.chatID, !isChatID(chat) { return .failure(TextProblem(Catalog.Requesters.notAChatID(chat))) }
        return .success(r)
    }

    /// An e-mail address: ASCII, one `@`, a local part without spaces, a domain of at least two
    /// labels of letters, digits and `-` (not at a label's ends); 254 characters at most.
    public static func isEmail(_ text: String) -> Bool {
        guard text.count <= 254, text.allSatisfy({ $0.isASCII }) else { return false }
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, let local = parts.first, let domain = parts.last else { return false }
        guard !local.isEmpty, local.count <= 64, !local.hasPrefix("."), !local.hasSuffix("."), !local.contains(".."),
              local.allSatisfy({ $0.isLetter || $0.isNumber || "!#$%&'*+/=?^_`{|}~.-".contains($0) }) else { return false }
        let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard labels.count >= 2 else { return false }
        for label in labels {
            guard !label.isEmpty, label.count <= 63, !label.hasPrefix("-"), !label.hasSuffix("-"),
                  label.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" }) else { return false }
        }
        return labels.last!.allSatisfy(\.isLetter) && labels.last!.count >= 2
    }

    /// A WeChat id (6 to 20 letters, digits, `_` or `-`, starting with a letter) or a QQ number
    /// (5 to 11 digits, not starting with 0).
    public static func isChatID(_ text: String) -> Bool {
        guard text.allSatisfy({ $0.isASCII }) else { return false }
        if text.allSatisfy(\.isNumber) { return (5...11).contains(text.count) && text.first != "0" }
        guard (6...20).contains(text.count), text.first!.isLetter else { return false }
        return text.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
    }
}
