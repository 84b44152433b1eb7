/// Phone numbers as people type them: `0971-6100000`, `+86 971 555 0100`, `(0971) 6100000`.
public enum PhoneNumber {
    /// The characters a phone number may hold: ASCII digits, `+`, `-`, `(`, `)` and spaces.
    public static func hasOnlyPhoneCharacters(_ text: String) -> Bool {
        text.allSatisfy { $0.isASCII && ($0.isNumber || "-+ ()".contains($0)) }
    }

    /// Whether `text` is a requester's or a staff member's phone.
    ///
    /// Phone characters only, and at least `minimumDigits` digits (a short internal extension
    /// and longer).
    public static func isWellFormed(_ text: String) -> Bool {
        hasOnlyPhoneCharacters(text) && text.filter(\.isNumber).count >= minimumDigits
    }

    /// The fewest digits a phone number has.
    public static let minimumDigits = 5
}
