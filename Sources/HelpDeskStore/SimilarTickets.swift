import Foundation
import GRDB
import HelpDeskCore

extension AppDatabase {
    /// The kinds of ticket whose resolved ones are offered as close to another.
    public static let similarKinds = SimilarText.kinds
    /// A term found in more items than this says little and costs the index dear: it is left out,
    /// unless every term is that common. Counted over all items (most are resolved): a count joined
    /// to the resolved tag would read that tag's list of a million entries once per term.
    static let commonTermLimit = 1000
    /// The ranking reads at most this many of the most recent resolved tickets that share a term with the
    /// ticket (the index walks them newest first and stops): when a ticket's words are common, as
    /// the desk's recurring questions are, ranking every match would cost hundreds of milliseconds
    /// at a million items.
    /// The resolved status is checked on the item, not with the index's status tag: joined to the
    /// match, that tag's list of nearly every item would be read whole at each look.
    static let candidateLimit = 2000
    /// bm25's weights for the text index's columns (title, requester, phone, description, tags):
    /// a word shared in the title counts three times one shared in the description.
    static let similarWeights = "3.0, 0.0, 0.0, 1.0, 0.0"

    /// The resolved tickets closest to ticket `id` by its title and description, best first, at most
    /// `limit`: ranked by the text index (bm25, the title weighted above the description), the more
    /// recently resolved first among equal ranks; never the ticket itself nor a merged duplicate.
    public func similarResolved(to id: Int64, limit: Int) throws -> [SimilarTicket] {
        try read { db in
            guard let row = try Row.fetchOne(db.cachedStatement(sql: "SELECT title, description FROM item WHERE id = ?"),
                                             arguments: [id]) else { throw StoreError.notFound(id: id) }
            let stored = StoredRow(row, table: "item")
            let terms = SimilarText.terms(title: try stored.text("title"), description: try stored.text("description"))
            return try Self.similarResolved(db, terms: terms, excluding: id, limit: limit)
        }
    }

    static func similarResolved(_ db: Database, terms: [String], excluding id: Int64, limit: Int) throws -> [SimilarTicket] {
        // Each term's items, counted no further than the limit: the rarer terms are kept.
        var kept: [String] = []
        for term in terms {
            guard let one = SimilarText.match([term]) else { continue }
            let n = try Int.fetchOne(db.cachedStatement(sql: """
                SELECT count(*) FROM (SELECT rowid FROM item_text WHERE item_text MATCH ? LIMIT ?)
                """), arguments: [one, commonTermLimit + 1]) ?? 0
            if n > 0, n <= commonTermLimit { kept.append(term) }
        }
        if kept.isEmpty { kept = Array(terms.prefix(8)) }
        guard let match = SimilarText.match(kept) else { return [] }
        let kinds = similarKinds.map { "'\($0.rawValue)'" }.joined(separator: ", ")
        let rows = try Row.fetchAll(db.cachedStatement(sql: """
            SELECT item.id, item.title, item.closed_at, item.cause, item.solution
            FROM (SELECT rowid, bm25(item_text, \(similarWeights)) AS score FROM item_text
                  WHERE item_text MATCH ? AND rowid <> ? ORDER BY rowid DESC LIMIT \(candidateLimit)) AS found
            JOIN item ON item.id = found.rowid
            WHERE item.status = 'closed' AND item.kind IN (\(kinds))
            ORDER BY found.score, item.closed_at DESC, item.id DESC
            LIMIT ?
            """), arguments: [match, id, limit])
        return try rows.map { row in
            let r = StoredRow(row, table: "item")
            return SimilarTicket(id: try r.integer("id"), title: try r.text("title"), resolvedAt: try r.instant("closed_at"),
                                 cause: try r.optionalText("cause") ?? "", solution: try r.optionalText("solution") ?? "")
        }
    }
}
