/// The language of the interface: Chinese when the locale is Chinese, English otherwise.
public enum Language: String, Sendable, CaseIterable {
    case en, zh

    /// Picks the language from the environment the way the C library does: `LC_ALL` first, then
    /// `LC_MESSAGES`, then `LANG`. Works whether or not the host has the named locale installed.
    public static func from(environment env: [String: String]) -> Language {
        for key in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            if let value = env[key], !value.isEmpty {
                return value.lowercased().hasPrefix("zh") ? .zh : .en
            }
        }
        return .en
    }
}
