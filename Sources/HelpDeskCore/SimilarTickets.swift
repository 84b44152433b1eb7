import Foundation

/// A resolved ticket offered as close to another: what the desk did then.
public struct SimilarTicket: Equatable, Sendable, Codable {
    public var id: Int64
    public var title: String
    public var resolvedAt: Date
    public var cause: String
    public var solution: String

    public init(id: Int64, title: String, resolvedAt: Date, cause: String, solution: String) {
        (self.id, self.title, self.resolvedAt, self.cause, self.solution) = (id, title, resolvedAt, cause, solution)
    }
}

/// The words of a ticket as terms for the text index, which keeps every three characters of a
/// field (trigrams, letters folded to lower case): a Latin word of three letters or more is a term
/// of its own (its trigrams in a row); a run of Chinese (or any other unspaced script) gives each of
/// its three characters in a row. Punctuation, digits, short words and stop words are dropped;
/// a Chinese trigram holding a function character (的, 了, 请 …) says nothing of the matter and is
/// dropped too.
public enum SimilarText {
    /// The kinds of ticket whose resolved ones are offered, and that are offered them.
    public static let kinds: [ItemKind] = [.general, .special, .requirement, .fault]

    /// The most terms taken from a title and from a description.
    public static let titleTerms = 24
    public static let descriptionTerms = 40

    static let stopWords: Set<String> = [
        "the", "and", "for", "with", "that", "this", "from", "not", "are", "was", "were", "has", "have", "had",
        "but", "can", "cannot", "can't", "does", "did", "our", "your", "you", "they", "them", "their", "into",
        "any", "all", "when", "what", "which", "who", "how", "why", "please", "there", "here", "been", "will",
        "would", "could", "should", "after", "before", "again", "still", "also", "its", "it's", "out", "get", "got",
    ]
    /// 的 了 吗 呢 吧 啊 是 我 你 他 她 们 请 和 与 或 也 都 就 还 又 把 被 这 那 个 么 嗯 哦 您 (written as escapes: no
    /// Chinese text outside the catalog).
    static let stopCharacters = Set<Character>("\u{7684}\u{4E86}\u{5417}\u{5462}\u{5427}\u{554A}\u{662F}\u{6211}\u{4F60}\u{4ED6}\u{5979}\u{4EEC}\u{8BF7}\u{548C}\u{4E0E}\u{6216}\u{4E5F}\u{90FD}\u{5C31}\u{8FD8}\u{53C8}\u{628A}\u{88AB}\u{8FD9}\u{90A3}\u{4E2A}\u{4E48}\u{55EF}\u{54E6}\u{60A8}")

    /// The terms of `text`, each once, in the order they come, at most `limit`.
    public static func terms(_ text: String, limit: Int) -> [String] {
        var terms: [String] = []
        var seen: Set<String> = []
        func add(_ term: String) {
            guard terms.count < limit, seen.insert(term).inserted else { return }
            terms.append(term)
        }
        var word = "", run: [Character] = []
        func endWord() {
            if word.count >= 3, word.contains(where: \.isLetter), !stopWords.contains(word) { add(word) }
            word = ""
        }
        func endRun() {
            if run.count >= 3 {
                for start in 0...(run.count - 3) {
                    let trigram = run[start..<(start + 3)]
                    if !trigram.contains(where: stopCharacters.contains) { add(String(trigram)) }
                }
            }
            run = []
        }
        for ch in text.lowercased() {
            if ch.isASCII, ch.isLetter || ch.isNumber || ch == "'" {
                endRun()
                word.append(ch)
            } else if !ch.isASCII, ch.isLetter {
                // Letters of an unspaced script: Chinese characters, kana.
                endWord()
                run.append(ch)
            } else {
                endWord()
                endRun()
            }
        }
        endWord()
        endRun()
        return terms
    }

    /// A term quoted for the index: its own text, double quotes doubled.
    public static func quoted(_ term: String) -> String {
        "\"" + term.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The terms of a ticket's title and description, each once, the title's first.
    public static func terms(title: String, description: String) -> [String] {
        let fromTitle = terms(title, limit: titleTerms)
        let fromDescription = terms(description, limit: descriptionTerms).filter { !fromTitle.contains($0) }
        return fromTitle + fromDescription
    }

    /// The index query: any of `terms` in the title or the description; `nil` when there is none.
    public static func match(_ terms: [String]) -> String? {
        guard !terms.isEmpty else { return nil }
        return "{title description} : (" + terms.map(quoted).joined(separator: " OR ") + ")"
    }
}
